import { signerAuthentication, signingRecordLines, signingRecordProperties } from './signing-record';

const SHA = 'a3f1'.repeat(16);

describe('the signing record of an archival copy', () => {
  const record = {
    signatures: [
      { name: 'Håkan Frank', role: 'ordförande', signedAt: '2023-01-18T13:05:00Z', authentication: null },
      { name: 'Anna Exempelsson', role: 'justerare', signedAt: '2023-01-19T07:30:00Z', authentication: 'BankID' },
    ],
    contentSha256: SHA,
  };

  it('says who signed, in which role and when in Stockholm time, how they logged in when known, and the checksum of the signed content', () => {
    expect(signingRecordLines(record)).toEqual([
      'Elektroniskt signerad av Håkan Frank, ordförande, 18 januari 2023 kl. 14:05',
      'Elektroniskt signerad av Anna Exempelsson, justerare, 19 januari 2023 kl. 08:30, inloggad med BankID',
      `Kontrollsumma (SHA-256) för det signerade innehållet: ${SHA}`,
    ]);
  });

  it('puts the signatures in the subject, the checksum alone in the keywords and the whole record in the description', () => {
    expect(signingRecordProperties(record)).toEqual({
      subject: 'Elektroniskt signerad av Håkan Frank, ordförande, 18 januari 2023 kl. 14:05; Elektroniskt signerad av Anna Exempelsson, justerare, 19 januari 2023 kl. 08:30, inloggad med BankID',
      keywords: SHA,
      description: signingRecordLines(record).join('\n'),
    });
  });

  it('refuses a record without a signature: there would be nothing to attest', () => {
    expect(() => signingRecordLines({ signatures: [], contentSha256: SHA })).toThrow(RangeError);
  });
});

describe('how a signer had signed in, as the signing record says it', () => {
  it('names a password sign-in as e-post och lösenord, whatever provider name comes with it', () => {
    expect(signerAuthentication('password', null)).toBe('e-post och lösenord');
    expect(signerAuthentication('password', 'Ludvika kommuns konto')).toBe('e-post och lösenord');
  });

  it('names an identity provider, OpenID Connect or SAML, as its sign-in button showed it', () => {
    expect(signerAuthentication('oidc', 'Ludvika kommuns konto')).toBe('Ludvika kommuns konto');
    expect(signerAuthentication('saml', 'Smedjebackens kommuns konto')).toBe('Smedjebackens kommuns konto');
  });

  it('says which kind of provider when its name is missing', () => {
    expect(signerAuthentication('oidc', null)).toBe('kommunens inloggningstjänst (OpenID Connect)');
    expect(signerAuthentication('saml', '  ')).toBe('kommunens inloggningstjänst (SAML)');
  });

  it('says nothing where the method was not recorded', () => {
    expect(signerAuthentication(null, null)).toBeNull();
  });

  it('reads as the end of a signature line', () => {
    const [line] = signingRecordLines({
      signatures: [{ name: 'Jonas Fors', role: 'Förvaltningschef', signedAt: '2023-01-02T09:15:00Z', authentication: signerAuthentication('password', null) }],
      contentSha256: SHA,
    });
    expect(line).toBe('Elektroniskt signerad av Jonas Fors, Förvaltningschef, 2 januari 2023 kl. 10:15, inloggad med e-post och lösenord');
  });
});
