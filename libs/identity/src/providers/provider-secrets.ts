import { Injectable } from '@nestjs/common';
import { AppConfig } from '@namndrum/core';
import type { IdentityProvider, ProviderSecrets } from './identity-provider.entity';
import { SecretBox } from './secret-box';

export interface SessionTokens {
  idToken: string | null;
  refreshToken: string | null;
}

/** Seals and opens the secrets of identity providers and of the sessions they signed in, each bound to its row. */
@Injectable()
export class ProviderSecretsReader {
  private readonly box: SecretBox;

  constructor(config: AppConfig) {
    this.box = SecretBox.fromConfig(config);
  }

  read(provider: Pick<IdentityProvider, 'id' | 'secretsEncrypted'>): ProviderSecrets {
    return provider.secretsEncrypted ? (JSON.parse(this.box.open(provider.secretsEncrypted, `identity-provider:${provider.id}`)) as ProviderSecrets) : {};
  }

  seal(providerId: string, secrets: ProviderSecrets): string | null {
    return Object.keys(secrets).length === 0 ? null : this.box.seal(JSON.stringify(secrets), `identity-provider:${providerId}`);
  }

  sealSessionTokens(sessionId: string, tokens: SessionTokens): string {
    return this.box.seal(JSON.stringify(tokens), `session:${sessionId}`);
  }

  openSessionTokens(sessionId: string, sealed: string | null): SessionTokens {
    return sealed ? (JSON.parse(this.box.open(sealed, `session:${sessionId}`)) as SessionTokens) : { idToken: null, refreshToken: null };
  }
}
