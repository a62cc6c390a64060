import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import { InvalidInputError } from '@namndrum/core';
import type { SamlSettings } from './identity-provider.entity';

const select = xpath.useNamespaces({ md: 'urn:oasis:names:tc:SAML:2.0:metadata', ds: 'http://www.w3.org/2000/09/xmldsig#' });
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/**
 * What Nämndrum needs of an IdP's SAML metadata: its entity id, where to send the user (HTTP-Redirect),
 * where single logout is, and the certificates its signatures are checked with. Refuses metadata that
 * lacks one of them with a message an admin can act on.
 */
export function readIdpMetadata(metadataXml: string): SamlSettings {
  const refuse = (message: string) => new InvalidInputError('SAML_METADATA_INVALID', message, [{ field: 'saml.metadataXml', messages: [message] }]);
  let document: Document;
  try {
    const errors: string[] = [];
    const collect = (message: string) => errors.push(message);
    document = new DOMParser({ errorHandler: { error: collect, fatalError: collect } }).parseFromString(metadataXml, 'text/xml') as unknown as Document;
    if (errors.length > 0 || !document?.documentElement) throw new Error(errors.join('; '));
  } catch {
    throw refuse('SAML-metadata går inte att läsa som XML');
  }
  const [entity] = select('//md:EntityDescriptor[md:IDPSSODescriptor]', document as unknown as Node) as Element[];
  if (!entity) throw refuse('SAML-metadata saknar en identitetsleverantör (IDPSSODescriptor)');
  const entityId = entity.getAttribute('entityID') ?? '';
  const ssoUrl = attribute(entity, `md:IDPSSODescriptor/md:SingleSignOnService[@Binding='${REDIRECT}']/@Location`);
  const sloUrl = attribute(entity, `md:IDPSSODescriptor/md:SingleLogoutService[@Binding='${REDIRECT}']/@Location`);
  const certificates = (select("md:IDPSSODescriptor/md:KeyDescriptor[not(@use) or @use='signing']/ds:KeyInfo/ds:X509Data/ds:X509Certificate", entity) as Node[])
    .map((node) => (node.textContent ?? '').replace(/\s+/g, ''))
    .filter((text) => text !== '');
  if (!entityId) throw refuse('SAML-metadata saknar entityID');
  if (!ssoUrl || !/^https?:\/\//.test(ssoUrl)) throw refuse('SAML-metadata saknar inloggningsadress (SingleSignOnService med HTTP-Redirect)');
  if (certificates.length === 0) throw refuse('SAML-metadata saknar certifikat för signering');
  return { entityId, ssoUrl, sloUrl: sloUrl ?? null, certificates: [...new Set(certificates)].map(pemCertificate), metadataXml };
}

function attribute(context: Node, path: string): string | undefined {
  const [node] = select(path, context) as Attr[];
  return node?.value?.trim() || undefined;
}

function pemCertificate(base64: string): string {
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`;
}
