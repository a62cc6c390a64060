import type { AuthMethod } from '@namndrum/core';
import { Paragraph, TextRun } from 'docx';
import { heading } from './docx-helpers';
import { swedishLongDateTime } from './swedish-dates';

/** One electronic signature or approval: who, in which role, when, and how they logged in where that is known. */
export interface Signature {
  name: string;
  /** "Förvaltningschef", "ordförande", "justerare". */
  role: string;
  /** ISO timestamp. */
  signedAt: string;
  /** How the signer authenticated ("BankID"), when recorded: see signerAuthentication. */
  authentication: string | null;
}

const PROVIDER_FALLBACK: Record<Exclude<AuthMethod, 'password'>, string> = {
  oidc: 'kommunens inloggningstjänst (OpenID Connect)',
  saml: 'kommunens inloggningstjänst (SAML)',
};

/**
 * How a signer had signed in, as the signing record says it after "inloggad med": "e-post och
 * lösenord" for a password, the identity provider's name as its sign-in button showed it ("Ludvika
 * kommuns konto") for OpenID Connect or SAML, and null where the method was not recorded (a signature
 * made before it was, or imported history).
 */
export function signerAuthentication(method: AuthMethod | null, providerName: string | null): string | null {
  switch (method) {
    case null:
      return null;
    case 'password':
      return 'e-post och lösenord';
    case 'oidc':
    case 'saml':
      return providerName?.trim() || PROVIDER_FALLBACK[method];
  }
}

/**
 * The record of what was signed or verified, printed at the end of an archival copy and put in its
 * metadata: the signatures and the sha256 of the content they were bound to (not of the file, which
 * differs between the DOCX and the PDF).
 */
export interface SigningRecord {
  signatures: Signature[];
  contentSha256: string;
}

/** How a renderer makes the archival copy of a signed or verified document: with its signing record. */
export interface ArchivalCopyOptions {
  signingRecord?: SigningRecord;
}

/** The sentences of the record, in Swedish, one per signature and one for the checksum. */
export function signingRecordLines(record: SigningRecord): string[] {
  if (record.signatures.length === 0) throw new RangeError('A signing record needs at least one signature');
  return [
    ...record.signatures.map(
      (signature) =>
        `Elektroniskt signerad av ${signature.name}, ${signature.role}, ${swedishLongDateTime(signature.signedAt)}` +
        (signature.authentication ? `, inloggad med ${signature.authentication}` : ''),
    ),
    `Kontrollsumma (SHA-256) för det signerade innehållet: ${record.contentSha256}`,
  ];
}

/** The document's core properties carrying the record, which LibreOffice writes into the PDF's info and XMP. */
export function signingRecordProperties(record: SigningRecord): { subject: string; keywords: string; description: string } {
  const lines = signingRecordLines(record);
  return {
    subject: lines.slice(0, -1).join('; '),
    // LibreOffice splits keywords at a colon, so the hash stands alone.
    keywords: record.contentSha256,
    description: lines.join('\n'),
  };
}

/** The block at the end of the document: a heading and the record's lines, the checksum on a line of its own so it is never broken. */
export function signingRecordBlock(record: SigningRecord): Paragraph[] {
  const lines = signingRecordLines(record);
  const checksum = lines.pop()!;
  const [label, hash] = checksum.split(': ');
  return [
    heading('Elektronisk signering', 2),
    ...lines.map((line) => new Paragraph({ spacing: { after: 0 }, keepNext: true, children: [new TextRun({ text: line, size: 18 })] })),
    new Paragraph({ spacing: { before: 120, after: 0 }, keepNext: true, children: [new TextRun({ text: `${label}:`, size: 18 })] }),
    new Paragraph({ children: [new TextRun({ text: hash, size: 18 })] }),
  ];
}
