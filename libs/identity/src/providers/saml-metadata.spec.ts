import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '@namndrum/core';
import { readIdpMetadata } from './saml-metadata';

const certificateBody = readFileSync(join(__dirname, '../../../../test/fixtures/saml/idp-cert.pem'), 'utf8')
  .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
  .replace(/\s+/g, '');

function metadata({ certificate = true, redirect = true, slo = true, entityId = 'https://idp.ludvika.example/saml' } = {}): string {
  return `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    ${certificate ? `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n${certificateBody.match(/.{1,76}/g)!.join('\n')}\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` : ''}
    <md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>QUJD</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    ${slo ? '<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.ludvika.example/slo"/>' : ''}
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.ludvika.example/sso-post"/>
    ${redirect ? '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.ludvika.example/sso"/>' : ''}
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

function refusal(xml: string): string {
  try {
    readIdpMetadata(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).message;
  }
  throw new Error('accepted');
}

describe('readIdpMetadata', () => {
  it('reads the entity id, the redirect sign-in address, single logout and the signing certificate (not the encryption one)', () => {
    const settings = readIdpMetadata(metadata());
    expect(settings).toMatchObject({ entityId: 'https://idp.ludvika.example/saml', ssoUrl: 'https://idp.ludvika.example/sso', sloUrl: 'https://idp.ludvika.example/slo' });
    expect(settings.certificates).toEqual([`-----BEGIN CERTIFICATE-----\n${certificateBody.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`]);
    expect(readIdpMetadata(metadata({ slo: false })).sloUrl).toBeNull();
  });

  it('refuses what is not XML, or lacks an IdP, a certificate, a redirect sign-in address or an entity id, saying what is missing', () => {
    expect(refusal('inte xml <')).toMatch(/XML/);
    expect(refusal('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>')).toMatch(/IDPSSODescriptor/);
    expect(refusal(metadata({ certificate: false }))).toMatch(/certifikat/);
    expect(refusal(metadata({ redirect: false }))).toMatch(/SingleSignOnService/);
    expect(refusal(metadata({ entityId: '' }))).toMatch(/entityID/);
  });
});
