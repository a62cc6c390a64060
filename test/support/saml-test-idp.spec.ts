import { inflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import { SAML, SamlConfig, ValidateInResponseTo } from '@node-saml/node-saml';
import { samlIdpMetadata, samlTestCertificatePem, signedSamlResponse, SignedSamlResponseOptions } from './saml-test-idp';

const IDP_ENTITY_ID = 'https://idp.testkommun.example/saml';
const SSO_URL = 'https://idp.testkommun.example/saml/sso';
const SLO_URL = 'https://idp.testkommun.example/saml/slo';
const SP_ENTITY_ID = 'https://namndrum.example/api/auth/sso/testkommun/metadata';
const ACS_URL = 'https://namndrum.example/api/auth/sso/testkommun/acs';

// Read from the fixture rather than through the helper, so that the helper's own cert loading is under test too.
const idpCertPem = readFileSync(join(__dirname, '..', 'fixtures', 'saml', 'idp-cert.pem'), 'utf8');

function serviceProvider(overrides: Partial<SamlConfig> = {}): SAML {
  return new SAML({
    callbackUrl: ACS_URL,
    entryPoint: SSO_URL,
    issuer: SP_ENTITY_ID,
    audience: SP_ENTITY_ID,
    idpCert: idpCertPem,
    idpIssuer: IDP_ENTITY_ID,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    acceptedClockSkewMs: 60_000,
    validateInResponseTo: ValidateInResponseTo.never,
    ...overrides,
  });
}

function response(overrides: Partial<SignedSamlResponseOptions> = {}): string {
  return signedSamlResponse({
    issuer: IDP_ENTITY_ID,
    audience: SP_ENTITY_ID,
    destination: ACS_URL,
    nameId: 'a1b2c3-persistent-id',
    sessionIndex: '_session-1',
    attributes: {
      'urn:oid:0.9.2342.19200300.100.1.3': 'anna.andersson@testkommun.se',
      displayName: 'Anna Andersson',
      groups: ['namndsekreterare', 'kommunstyrelsen'],
    },
    ...overrides,
  });
}

function requestIdOf(authorizeUrl: string): string {
  const samlRequest = new URL(authorizeUrl).searchParams.get('SAMLRequest');
  if (!samlRequest) throw new Error(`No SAMLRequest in ${authorizeUrl}`);
  const xml = inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8');
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  return document.documentElement.getAttribute('ID') ?? '';
}

describe('the SAML test identity provider, checked by node-saml', () => {
  it('makes a response node-saml accepts, with the subject, session and attributes', async () => {
    const { profile, loggedOut } = await serviceProvider().validatePostResponseAsync({ SAMLResponse: response() });

    expect(loggedOut).toBe(false);
    expect(profile).toMatchObject({
      issuer: IDP_ENTITY_ID,
      nameID: 'a1b2c3-persistent-id',
      nameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      sessionIndex: '_session-1',
      email: 'anna.andersson@testkommun.se',
    });
    // One value comes as a string, several as an array; each attribute is also copied onto the profile itself.
    expect(profile?.attributes).toEqual({
      'urn:oid:0.9.2342.19200300.100.1.3': 'anna.andersson@testkommun.se',
      displayName: 'Anna Andersson',
      groups: ['namndsekreterare', 'kommunstyrelsen'],
    });
    expect(profile?.groups).toEqual(['namndsekreterare', 'kommunstyrelsen']);
  });

  it('signs the assertion alone, which node-saml accepts when it does not want the Response signed', async () => {
    const onlyAssertion = response({ signResponse: false });

    await expect(serviceProvider({ wantAuthnResponseSigned: false }).validatePostResponseAsync({ SAMLResponse: onlyAssertion })).resolves.toMatchObject({
      profile: { nameID: 'a1b2c3-persistent-id' },
    });
    await expect(serviceProvider().validatePostResponseAsync({ SAMLResponse: onlyAssertion })).rejects.toThrow('Invalid document signature');
  });

  it('leaves the assertion unsigned when asked, which an SP wanting signed assertions refuses', async () => {
    await expect(serviceProvider().validatePostResponseAsync({ SAMLResponse: response({ signAssertion: false }) })).rejects.toThrow('Invalid signature');
  });

  it('breaks the signature by changing the NameID after signing', async () => {
    const broken = response({ breakSignature: true });

    expect(Buffer.from(broken, 'base64').toString('utf8')).toContain('a1b2c3-persistent-id-altered');
    await expect(serviceProvider().validatePostResponseAsync({ SAMLResponse: broken })).rejects.toThrow('Invalid document signature');
    // The Response's signature is checked first; the assertion's is broken as well.
    await expect(serviceProvider({ wantAuthnResponseSigned: false }).validatePostResponseAsync({ SAMLResponse: broken })).rejects.toThrow('Invalid signature');
  });

  it('signs with another key, which the SP refuses even though the signature carries that key’s certificate', async () => {
    const stranger = response({ signWith: 'other' });

    await expect(serviceProvider().validatePostResponseAsync({ SAMLResponse: stranger })).rejects.toThrow('Invalid document signature');
    await expect(
      serviceProvider({ idpCert: samlTestCertificatePem('other') }).validatePostResponseAsync({ SAMLResponse: stranger }),
    ).resolves.toMatchObject({ profile: { nameID: 'a1b2c3-persistent-id' } });
  });

  it('names the audience, which an SP with another entity id refuses', async () => {
    await expect(
      serviceProvider().validatePostResponseAsync({ SAMLResponse: response({ audience: 'https://annan-tjanst.example/metadata' }) }),
    ).rejects.toThrow('SAML assertion audience mismatch');
  });

  it('sets the validity window: an assertion expired beyond the clock skew is refused', async () => {
    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000);
    const expired = response({ notBefore: new Date(Date.now() - 10 * 60_000), notOnOrAfter: twoMinutesAgo, issueInstant: new Date(Date.now() - 10 * 60_000) });

    await expect(serviceProvider().validatePostResponseAsync({ SAMLResponse: expired })).rejects.toThrow('SAML assertion expired');
  });

  it('sets the validity window: an assertion not valid until beyond the clock skew is refused', async () => {
    const early = response({ notBefore: new Date(Date.now() + 2 * 60_000), notOnOrAfter: new Date(Date.now() + 10 * 60_000) });

    await expect(serviceProvider().validatePostResponseAsync({ SAMLResponse: early })).rejects.toThrow('SAML assertion not yet valid');
  });

  it('sets the validity window: a window missed by less than the clock skew is accepted', async () => {
    const slightlyEarly = response({ notBefore: new Date(Date.now() + 30_000) });
    const slightlyLate = response({ notBefore: new Date(Date.now() - 10 * 60_000), notOnOrAfter: new Date(Date.now() - 30_000) });

    await expect(serviceProvider().validatePostResponseAsync({ SAMLResponse: slightlyEarly })).resolves.toMatchObject({ loggedOut: false });
    await expect(serviceProvider().validatePostResponseAsync({ SAMLResponse: slightlyLate })).resolves.toMatchObject({ loggedOut: false });
  });

  it('answers a request node-saml issued: accepted once, refused when replayed', async () => {
    const sp = serviceProvider({ validateInResponseTo: ValidateInResponseTo.always });
    const requestId = requestIdOf(await sp.getAuthorizeUrlAsync('', undefined, {}));
    expect(requestId).toMatch(/^_/);
    const answer = response({ inResponseTo: requestId });

    await expect(sp.validatePostResponseAsync({ SAMLResponse: answer })).resolves.toMatchObject({
      profile: { nameID: 'a1b2c3-persistent-id', inResponseTo: requestId },
    });
    await expect(sp.validatePostResponseAsync({ SAMLResponse: answer })).rejects.toThrow('InResponseTo is not valid');
  });

  it('answers no request at all, which an SP that always checks InResponseTo refuses', async () => {
    const sp = serviceProvider({ validateInResponseTo: ValidateInResponseTo.always });

    await expect(sp.validatePostResponseAsync({ SAMLResponse: response() })).rejects.toThrow('InResponseTo is missing from response');
    await expect(sp.validatePostResponseAsync({ SAMLResponse: response({ inResponseTo: '_never-issued' }) })).rejects.toThrow('InResponseTo is not valid');
  });

  it('places each signature right after its element’s Issuer', () => {
    const xml = Buffer.from(response(), 'base64').toString('utf8');
    const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Node;
    const select = xpath.useNamespaces({
      samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
      saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
      ds: 'http://www.w3.org/2000/09/xmldsig#',
    });

    for (const element of ['/samlp:Response', '/samlp:Response/saml:Assertion']) {
      const children = select(`${element}/*`, document) as Element[];
      expect(children.slice(0, 2).map((child) => child.localName)).toEqual(['Issuer', 'Signature']);
      const id = (select(`${element}/@ID`, document, true) as Attr).value;
      expect(id).toMatch(/^_[0-9a-f]+$/);
      expect(select(`string(${element}/ds:Signature/ds:SignedInfo/ds:Reference/@URI)`, document, true)).toBe(`#${id}`);
    }
    expect(select('string(/samlp:Response/saml:Assertion/ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509Certificate)', document, true)).toBe(
      idpCertPem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''),
    );
  });
});

describe('the SAML test identity provider’s metadata', () => {
  it('parses back to the signing certificate, the sign-in and logout endpoints and the NameID format', () => {
    const xml = samlIdpMetadata({ entityId: IDP_ENTITY_ID, ssoUrl: SSO_URL, sloUrl: SLO_URL });
    const errors: string[] = [];
    const document = new DOMParser({ errorHandler: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(
      xml,
      'text/xml',
    ) as unknown as Node;
    const select = xpath.useNamespaces({ md: 'urn:oasis:names:tc:SAML:2.0:metadata', ds: 'http://www.w3.org/2000/09/xmldsig#' });
    const idp = '/md:EntityDescriptor/md:IDPSSODescriptor';

    expect(errors).toEqual([]);
    expect(select('string(/md:EntityDescriptor/@entityID)', document, true)).toBe(IDP_ENTITY_ID);
    expect(select(`string(${idp}/@WantAuthnRequestsSigned)`, document, true)).toBe('false');
    expect(select(`string(${idp}/md:KeyDescriptor[@use='signing']/ds:KeyInfo/ds:X509Data/ds:X509Certificate)`, document, true)).toBe(
      idpCertPem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''),
    );
    for (const binding of ['HTTP-Redirect', 'HTTP-POST']) {
      expect(
        select(`string(${idp}/md:SingleSignOnService[@Binding='urn:oasis:names:tc:SAML:2.0:bindings:${binding}']/@Location)`, document, true),
      ).toBe(SSO_URL);
    }
    expect(select(`string(${idp}/md:SingleLogoutService[@Binding='urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect']/@Location)`, document, true)).toBe(
      SLO_URL,
    );
    expect(select(`string(${idp}/md:NameIDFormat)`, document, true)).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
  });

  it('leaves SingleLogoutService out when there is no logout URL', () => {
    const document = new DOMParser().parseFromString(samlIdpMetadata({ entityId: IDP_ENTITY_ID, ssoUrl: SSO_URL }), 'text/xml') as unknown as Node;

    expect(xpath.select("//*[local-name()='SingleLogoutService']", document)).toEqual([]);
  });
});
