import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { AppConfig } from '@namndrum/core';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts the secrets Nämndrum must keep readable (an identity provider's client secret, a session's
 * refresh token) with AES-256-GCM. Each value is bound to a context (the row it belongs to) as
 * associated data, so a sealed value copied into another row does not open there.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('A secret box key is 32 bytes');
  }

  static fromConfig(config: Pick<AppConfig, 'SECRETS_KEY' | 'JWT_SECRET'>): SecretBox {
    if (config.SECRETS_KEY === '') {
      return new SecretBox(Buffer.from(hkdfSync('sha256', config.JWT_SECRET, 'namndrum', 'secrets-key', 32)));
    }
    const hex = /^[0-9a-fA-F]{64}$/.test(config.SECRETS_KEY);
    return new SecretBox(Buffer.from(config.SECRETS_KEY, hex ? 'hex' : 'base64'));
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(context, 'utf8'));
    const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64url')}`;
  }

  /** Throws when the value was sealed with another key or for another context, or has been altered. */
  open(sealed: string, context: string): string {
    const [format, body] = sealed.split(':');
    if (format !== FORMAT || !body) throw new Error('Not a sealed value');
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES)).setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
