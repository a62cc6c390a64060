// TEST-ONLY KEYS: test/fixtures/saml/{idp,other}-{key,cert}.pem were made with `openssl req -x509 -newkey rsa:2048 -days 7305`
// for these tests alone. They are public in this repository, so nothing outside tests may ever trust them.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

const FIXTURES = join(__dirname, '..', 'fixtures', 'saml');

const SAML_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SAML_ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const SAML_METADATA = 'urn:oasis:names:tc:SAML:2.0:metadata';
const XMLDSIG = 'http://www.w3.org/2000/09/xmldsig#';
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
const HTTP_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const HTTP_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

export type SamlTestSigner = 'idp' | 'other';

export interface SamlIdpMetadataOptions {
  entityId: string;
  ssoUrl: string;
  sloUrl?: string;
}

export interface SignedSamlResponseOptions {
  issuer: string;
  audience: string;
  /** The SP's AssertionConsumerService URL: the Response's Destination and the bearer confirmation's Recipient. */
  destination: string;
  inResponseTo?: string;
  nameId: string;
  nameIdFormat?: string;
  sessionIndex?: string;
  attributes?: Record<string, string | string[]>;
  notBefore?: Date;
  notOnOrAfter?: Date;
  issueInstant?: Date;
  signWith?: SamlTestSigner;
  /** Alters the NameID after signing, so every signature over it fails its digest. */
  breakSignature?: boolean;
  signResponse?: boolean;
  signAssertion?: boolean;
}

/** The PEM certificate an SP configures as its IdP's (`idp`), or the one of a stranger's key (`other`). */
export function samlTestCertificatePem(signer: SamlTestSigner = 'idp'): string {
  return readFileSync(join(FIXTURES, `${signer}-cert.pem`), 'utf8');
}

function privateKeyPem(signer: SamlTestSigner): string {
  return readFileSync(join(FIXTURES, `${signer}-key.pem`), 'utf8');
}

/** The base64 body of a PEM certificate, as an X509Certificate element carries it. */
function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

// Whole seconds, as IdPs write xs:dateTime.
function instant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// An xs:ID is an NCName, which may not start with a digit.
function samlId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

export function samlIdpMetadata(options: SamlIdpMetadataOptions): string {
  const certificate = certificateBody(samlTestCertificatePem('idp'));
  // SSODescriptorType's elements come before IDPSSODescriptor's own, so SingleLogoutService and NameIDFormat precede SingleSignOnService.
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="${SAML_METADATA}" xmlns:ds="${XMLDSIG}" entityID="${escapeXml(options.entityId)}">`,
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${SAML_PROTOCOL}">`,
    '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data>',
    `<ds:X509Certificate>${certificate}</ds:X509Certificate>`,
    '</ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    options.sloUrl ? `<md:SingleLogoutService Binding="${HTTP_REDIRECT}" Location="${escapeXml(options.sloUrl)}"/>` : '',
    `<md:NameIDFormat>${PERSISTENT}</md:NameIDFormat>`,
    `<md:SingleSignOnService Binding="${HTTP_REDIRECT}" Location="${escapeXml(options.ssoUrl)}"/>`,
    `<md:SingleSignOnService Binding="${HTTP_POST}" Location="${escapeXml(options.ssoUrl)}"/>`,
    '</md:IDPSSODescriptor>',
    '</md:EntityDescriptor>',
  ].join('\n');
}

function attributeStatement(attributes: Record<string, string | string[]>): string {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return '';
  const body = entries
    .map(([name, value]) => {
      const values = (Array.isArray(value) ? value : [value]).map((one) => `<saml:AttributeValue>${escapeXml(one)}</saml:AttributeValue>`);
      const nameFormat = name.startsWith('urn:') ? 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri' : 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';
      return `<saml:Attribute Name="${escapeXml(name)}" NameFormat="${nameFormat}">${values.join('')}</saml:Attribute>`;
    })
    .join('');
  return `<saml:AttributeStatement>${body}</saml:AttributeStatement>`;
}

/**
 * Signs the element `elementXPath` selects with an enveloped signature placed right after that element's
 * own Issuer, where the SAML schema wants ds:Signature.
 */
function signElement(xml: string, elementXPath: string, signer: SamlTestSigner): string {
  const signature = new SignedXml({
    privateKey: privateKeyPem(signer),
    publicCert: samlTestCertificatePem(signer),
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  });
  signature.addReference({
    xpath: elementXPath,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signature.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${elementXPath}/*[local-name()='Issuer']`, action: 'after' },
  });
  return signature.getSignedXml();
}

function alterNameId(xml: string): string {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const nameId = document.getElementsByTagNameNS(SAML_ASSERTION, 'NameID')[0];
  if (!nameId) throw new Error('The response has no NameID to alter');
  // xmldom 0.8 serializes a text node's data, which assigning nodeValue leaves as it was.
  nameId.textContent = `${nameId.textContent ?? ''}-altered`;
  return new XMLSerializer().serializeToString(document);
}

/** A base64 SAML 2.0 Response (HTTP-POST binding's SAMLResponse) holding one assertion, signed as the options say. */
export function signedSamlResponse(options: SignedSamlResponseOptions): string {
  const now = new Date();
  const issueInstant = instant(options.issueInstant ?? now);
  const notBefore = instant(options.notBefore ?? new Date(now.getTime() - 60_000));
  const notOnOrAfter = instant(options.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000));
  const signer = options.signWith ?? 'idp';
  const inResponseTo = options.inResponseTo ? ` InResponseTo="${escapeXml(options.inResponseTo)}"` : '';
  const sessionIndex = options.sessionIndex ? ` SessionIndex="${escapeXml(options.sessionIndex)}"` : '';
  const issuer = `<saml:Issuer>${escapeXml(options.issuer)}</saml:Issuer>`;

  const assertion = [
    `<saml:Assertion xmlns:saml="${SAML_ASSERTION}" ID="${samlId()}" Version="2.0" IssueInstant="${issueInstant}">`,
    issuer,
    '<saml:Subject>',
    `<saml:NameID Format="${escapeXml(options.nameIdFormat ?? PERSISTENT)}">${escapeXml(options.nameId)}</saml:NameID>`,
    '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">',
    `<saml:SubjectConfirmationData Recipient="${escapeXml(options.destination)}" NotOnOrAfter="${notOnOrAfter}"${inResponseTo}/>`,
    '</saml:SubjectConfirmation>',
    '</saml:Subject>',
    `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}">`,
    `<saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience)}</saml:Audience></saml:AudienceRestriction>`,
    '</saml:Conditions>',
    `<saml:AuthnStatement AuthnInstant="${issueInstant}"${sessionIndex}>`,
    '<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext>',
    '</saml:AuthnStatement>',
    attributeStatement(options.attributes ?? {}),
    '</saml:Assertion>',
  ].join('');

  let xml = [
    `<samlp:Response xmlns:samlp="${SAML_PROTOCOL}" xmlns:saml="${SAML_ASSERTION}" ID="${samlId()}" Version="2.0"`,
    ` IssueInstant="${issueInstant}" Destination="${escapeXml(options.destination)}"${inResponseTo}>`,
    issuer,
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>`,
    assertion,
    '</samlp:Response>',
  ].join('');

  // The assertion is signed first so that the Response's signature covers the assertion's.
  if (options.signAssertion ?? true) xml = signElement(xml, "/*[local-name()='Response']/*[local-name()='Assertion']", signer);
  if (options.signResponse ?? true) xml = signElement(xml, "/*[local-name()='Response']", signer);
  if (options.breakSignature) xml = alterNameId(xml);
  return Buffer.from(xml, 'utf8').toString('base64');
}
