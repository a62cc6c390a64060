import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { Logger } from '@nestjs/common';
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import type { Response } from 'supertest';
import { createTenant, Tenant } from './factories/tenant.factory';
import { samlIdpMetadata, signedSamlResponse, SignedSamlResponseOptions } from './support/saml-test-idp';
import { createTestApp, TestApp } from './support/test-app';

/**
 * SAML 2.0 sign-in end to end: an admin registers the municipality's IdP from its metadata; the browser
 * goes to /api/auth/sso/<key>/start, the IdP (test/support/saml-test-idp.ts, signing with test-only keys)
 * answers at the ACS with a signed response, and Nämndrum signs the user in — or sends the browser back to
 * /logga-in?fel=<CODE> with no session and nothing changed.

 */

const run = randomBytes(4).toString('hex');
const IDP_ENTITY_ID = `https://idp-${run}.testkommun.example/saml`;
const SSO_URL = `https://idp-${run}.testkommun.example/saml/sso`;
const SLO_URL = `https://idp-${run}.testkommun.example/saml/slo`;
const KEY = `saml-${run}`;
const SECRETARY_GROUP = 'sun-sekreterare';

const select = xpath.useNamespaces({
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
});

function parseXml(xml: string): Node {
  const errors: string[] = [];
  const document = new DOMParser({ errorHandler: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return document as unknown as Node;
}

/** The namndrum_session cookie a response sets, if any. */
function sessionCookieOf(response: Response): string | undefined {
  const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('namndrum_session='));
  if (!header) return undefined;
  const value = decodeURIComponent(header.split(';')[0].slice('namndrum_session='.length));
  return value === '' ? undefined : `namndrum_session=${value}`;
}

const unique = () => randomBytes(6).toString('hex');

describe('signing in through the municipality’s SAML 2.0 identity provider', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let adminToken: string;
  let organId: string;
  let providerId: string;
  let spEntityId: string;
  let acsUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp);
    adminToken = (await tenant.user([{ role: 'admin' }])).token;
    organId = await tenant.organ({ name: 'Samhällsbyggnadsnämnden' });
  });

  afterAll(() => testApp.close());

  // Every refusal is SSO_REFUSED to the browser; the reason, logged by SsoController, shows which check refused it.
  let warnings: jest.SpyInstance;
  beforeEach(() => {
    warnings = jest.spyOn(Logger.prototype, 'warn');
  });
  afterEach(() => warnings.mockRestore());
  const refusalReasons = (): string[] =>
    warnings.mock.calls
      .map(([entry]) => entry as { provider?: string; code?: string; reason?: string })
      .filter((entry) => typeof entry === 'object' && entry !== null && entry.provider === KEY && typeof entry.reason === 'string')
      .map((entry) => `${entry.code}: ${entry.reason}`);

  const metadata = () => samlIdpMetadata({ entityId: IDP_ENTITY_ID, ssoUrl: SSO_URL, sloUrl: SLO_URL });
  const registration = (metadataXml: string, key = KEY) => ({
    key,
    displayName: 'Testkommunens konto',
    protocol: 'saml',
    saml: { metadataXml },
    roleSource: 'provider',
    groupsClaim: 'groups',
    roleMappings: [{ group: SECRETARY_GROUP, role: 'secretary', organId }],
    createUsers: true,
  });
  const register = (body: object) => testApp.http().post('/api/v1/identity-providers').set('Authorization', `Bearer ${adminToken}`).send(body);
  const providerRows = async () =>
    testApp.dataSource.query<{ key: string }[]>(`SELECT key FROM identity_providers WHERE municipality_id = $1 ORDER BY key`, [tenant.municipalityId]);

  /** Starts a sign-in as the browser does: the 303 to the IdP, and the AuthnRequest's ID the IdP must answer. */
  const start = async (returnTo = '/x'): Promise<{ requestId: string; request: Node; location: URL }> => {
    const response = await testApp.http().get(`/api/auth/sso/${KEY}/start`).query({ returnTo }).expect(303);
    const location = new URL(response.headers.location as string);
    const samlRequest = location.searchParams.get('SAMLRequest');
    if (!samlRequest) throw new Error(`No SAMLRequest in ${location.href}`);
    const request = parseXml(inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8'));
    const requestId = select('string(/samlp:AuthnRequest/@ID)', request, true) as string;
    expect(requestId).toMatch(/^_[0-9a-f]{40}$/);
    return { requestId, request, location };
  };
  /** What the IdP posts back: a response from the right issuer, to this SP, answering the request, unless overridden. */
  const answer = (requestId: string | undefined, overrides: Partial<SignedSamlResponseOptions> = {}): string =>
    signedSamlResponse({
      issuer: IDP_ENTITY_ID,
      audience: spEntityId,
      destination: acsUrl,
      inResponseTo: requestId,
      nameId: `persistent-${unique()}`,
      sessionIndex: `_session-${unique()}`,
      attributes: { email: `anna.${unique()}@testkommun.example`, groups: [SECRETARY_GROUP] },
      ...overrides,
    });
  const postToAcs = (samlResponse: string) => testApp.http().post(`/api/auth/sso/${KEY}/acs`).type('form').send({ SAMLResponse: samlResponse }).expect(303);

  /** Everything a refused sign-in must leave as it was. */
  const state = async () => {
    const [row] = await testApp.dataSource.query(
      `SELECT (SELECT count(*)::int FROM users WHERE municipality_id = $1) AS users,
              (SELECT count(*)::int FROM user_identities WHERE provider_id = $2) AS identities,
              (SELECT count(*)::int FROM user_sessions WHERE provider_id = $2) AS sessions,
              (SELECT count(*)::int FROM user_role_grants g JOIN users u ON u.id = g.user_id WHERE u.municipality_id = $1) AS grants,
              (SELECT count(*)::int FROM audit_entries WHERE municipality_id = $1 AND action = 'login') AS logins`,
      [tenant.municipalityId, providerId],
    );
    return row as { users: number; identities: number; sessions: number; grants: number; logins: number };
  };
  /**
   * Sent back to the sign-in page with the code — and the page the user was going to, once the answer named their request —
   * no session cookie, and refused (the test's only refusal) for the reason given.
   */
  const expectRefused = (response: Response, code: string, reason: RegExp, returnTo?: string) => {
    expect(response.headers.location).toBe(`/logga-in?fel=${code}${returnTo ? `&till=${encodeURIComponent(returnTo)}` : ''}`);
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(refusalReasons()).toEqual([expect.stringMatching(new RegExp(`^${code}: .*${reason.source}`))]);
  };
  const userByEmail = async (email: string) =>
    (await testApp.dataSource.query<{ id: string; email: string; active: boolean; password_hash: string | null; municipality_id: string }[]>(
      `SELECT id, email, active, password_hash, municipality_id FROM users WHERE email = $1`,
      [email],
    ))[0];
  const identitiesOf = (userId: string) =>
    testApp.dataSource.query<{ subject: string; provider_id: string }[]>(`SELECT subject, provider_id FROM user_identities WHERE user_id = $1`, [userId]);

  /** A whole good sign-in; returns the browser's cookie and the user it signed in. */
  const signIn = async (overrides: Partial<SignedSamlResponseOptions> = {}, returnTo = '/x') => {
    const { requestId } = await start(returnTo);
    const response = await postToAcs(answer(requestId, overrides));
    return { response, cookie: sessionCookieOf(response) };
  };

  describe('registering the IdP from its metadata', () => {
    it.each([
      ['is not XML', () => '<md:EntityDescriptor entityID="x"><md:IDPSSODescriptor'],
      ['has no signing certificate', () => metadata().replace(/<md:KeyDescriptor[\s\S]*?<\/md:KeyDescriptor>/, '')],
      ['has no SSO URL (HTTP-Redirect SingleSignOnService)', () => metadata().replace(/<md:SingleSignOnService[^>]*\/>/g, '')],
    ])('refuses metadata that %s with 400 SAML_METADATA_INVALID on saml.metadataXml, storing nothing', async (_, broken) => {
      const xml = broken();
      expect(xml).not.toBe(metadata());
      const before = await providerRows();

      const response = await register(registration(xml)).expect(400);

      expect(response.body).toMatchObject({ statusCode: 400, error: 'SAML_METADATA_INVALID' });
      expect(response.body.details).toEqual([{ field: 'saml.metadataXml', messages: [expect.stringMatching(/^SAML-metadata /)] }]);
      expect(await providerRows()).toEqual(before);
    });

    it('stores good metadata, answering the SP entity id and ACS URL to register at the IdP, and serves SP metadata naming them', async () => {
      const response = await register(registration(metadata())).expect(201);

      expect(response.body).toMatchObject({
        key: KEY,
        protocol: 'saml',
        enabled: true,
        subjectClaim: 'nameID',
        emailClaim: 'email',
        createUsers: true,
        linkByEmail: false,
        roleSource: 'provider',
        groupsClaim: 'groups',
        roleMappings: [{ group: SECRETARY_GROUP, role: 'secretary', organId, departmentId: null }],
        saml: { idpEntityId: IDP_ENTITY_ID, ssoUrl: SSO_URL, sloUrl: SLO_URL },
      });
      providerId = response.body.id;
      spEntityId = response.body.saml.spEntityId;
      acsUrl = response.body.saml.acsUrl;
      expect(spEntityId).toMatch(new RegExp(`^https?://[^/]+/api/auth/sso/${KEY}/metadata$`));
      expect(acsUrl).toBe(spEntityId.replace(/\/metadata$/, '/acs'));
      const [stored] = await testApp.dataSource.query(`SELECT key, protocol, settings FROM identity_providers WHERE id = $1 AND municipality_id = $2`, [
        providerId,
        tenant.municipalityId,
      ]);
      expect(stored).toMatchObject({ key: KEY, protocol: 'saml', settings: { entityId: IDP_ENTITY_ID, ssoUrl: SSO_URL, sloUrl: SLO_URL } });
      expect(stored.settings.certificates).toHaveLength(1);
      expect(stored.settings.certificates[0]).toMatch(/^-----BEGIN CERTIFICATE-----\n/);

      const spMetadata = await testApp.http().get(`/api/auth/sso/${KEY}/metadata`).expect(200);
      expect(spMetadata.headers['content-type']).toMatch(/^application\/samlmetadata\+xml/);
      const document = parseXml(spMetadata.text);
      expect(select('string(/md:EntityDescriptor/@entityID)', document, true)).toBe(spEntityId);
      expect(
        select("string(/md:EntityDescriptor/md:SPSSODescriptor/md:AssertionConsumerService[@Binding='urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST']/@Location)", document, true),
      ).toBe(acsUrl);

      await testApp.http().get(`/api/auth/sso/saml-nobody-${run}/metadata`).expect(404);
    });

    it('refuses a second provider with the same key', async () => {
      const response = await register(registration(metadata())).expect(409);
      expect(response.body.error).toBe('IDENTITY_PROVIDER_KEY_TAKEN');
      expect((await providerRows()).map((row) => row.key)).toEqual([KEY]);
    });
  });

  describe('a good response', () => {
    it('starts with a 303 to the IdP’s SSO URL carrying an AuthnRequest from this SP to its ACS', async () => {
      const { request, location, requestId } = await start('/moten/1');
      expect(`${location.origin}${location.pathname}`).toBe(SSO_URL);
      expect(select('string(/samlp:AuthnRequest/saml:Issuer)', request, true)).toBe(spEntityId);
      expect(select('string(/samlp:AuthnRequest/@AssertionConsumerServiceURL)', request, true)).toBe(acsUrl);
      expect(select('string(/samlp:AuthnRequest/@Destination)', request, true)).toBe(SSO_URL);
      // The attempt is kept (by a digest of the request id) until answered.
      const [attempt] = await testApp.dataSource.query(
        `SELECT return_to FROM sign_in_attempts WHERE provider_id = $1 AND state_sha256 = sha256(convert_to($2, 'UTF8'))`,
        [providerId, requestId],
      );
      expect(attempt).toEqual({ return_to: '/moten/1' });
    });

    it('signs in a new user (createUsers), linked by the NameID, granted secretary by group, landing on returnTo with a session cookie', async () => {
      const email = `anna.${unique()}@testkommun.example`;
      const nameId = `persistent-${unique()}`;
      const before = await state();
      const { requestId } = await start('/arenden?flik=mina');

      const response = await postToAcs(answer(requestId, { nameId, attributes: { email, groups: [SECRETARY_GROUP, 'some-other-group'] } }));

      expect(response.headers.location).toBe('/arenden?flik=mina');
      const cookie = sessionCookieOf(response);
      expect(cookie).toBeDefined();
      const user = await userByEmail(email);
      expect(user).toMatchObject({ email, active: true, password_hash: null, municipality_id: tenant.municipalityId });
      expect(await identitiesOf(user.id)).toEqual([{ subject: nameId, provider_id: providerId }]);
      const grants = await testApp.dataSource.query(`SELECT role, organ_id, department_id FROM user_role_grants WHERE user_id = $1`, [user.id]);
      expect(grants).toEqual([{ role: 'secretary', organ_id: organId, department_id: null }]);
      expect(await state()).toEqual({ ...before, users: before.users + 1, identities: before.identities + 1, sessions: before.sessions + 1, grants: before.grants + 1, logins: before.logins + 1 });
      const [session] = await testApp.dataSource.query(`SELECT auth_method, provider_session FROM user_sessions WHERE user_id = $1`, [user.id]);
      expect(session).toMatchObject({ auth_method: 'saml', provider_session: { nameId, nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' } });
      const audit = await testApp.dataSource.query(`SELECT action, after FROM audit_entries WHERE entity_id = $1 AND action IN ('create', 'login') ORDER BY occurred_at`, [user.id]);
      expect(audit).toEqual([
        { action: 'create', after: { email, createdBy: `identity provider ${KEY}` } },
        { action: 'login', after: { method: 'saml', provider: KEY } },
      ]);
      // The attempt was used up.
      expect(await testApp.dataSource.query(`SELECT 1 FROM sign_in_attempts WHERE state_sha256 = sha256(convert_to($1, 'UTF8'))`, [requestId])).toEqual([]);

      const session2 = await testApp.http().get('/api/v1/auth/session').set('Cookie', cookie!).expect(200);
      expect(session2.body).toMatchObject({ user: { userId: user.id, email }, signedInWith: { method: 'saml', providerName: 'Testkommunens konto' } });
      const me = await testApp.http().get('/api/v1/auth/me').set('Cookie', cookie!).expect(200);
      expect(me.body).toMatchObject({ userId: user.id, email, grants: [{ role: 'secretary', organId, departmentId: null }] });
    });

    it('accepts an assertion whose window was missed by less than the 60 s clock tolerance', async () => {
      const late = await signIn({ notBefore: new Date(Date.now() - 10 * 60_000), notOnOrAfter: new Date(Date.now() - 30_000), issueInstant: new Date(Date.now() - 10 * 60_000) });
      expect(late.response.headers.location).toBe('/x');
      expect(late.cookie).toBeDefined();
      const early = await signIn({ notBefore: new Date(Date.now() + 30_000) });
      expect(early.response.headers.location).toBe('/x');
      expect(early.cookie).toBeDefined();
    });
  });

  describe('a response that fails verification is refused (SSO_REFUSED), with no session and nothing changed', () => {
    const now = () => Date.now();
    // Which check must refuse each: without the reason, a response refused for some other fault would pass here too.
    it.each<[string, () => Partial<SignedSamlResponseOptions>, RegExp]>([
      ['its signature is broken (the NameID altered after signing)', () => ({ breakSignature: true }), /failed its checks: Invalid signature$/],
      ['it is signed by another key than the IdP’s', () => ({ signWith: 'other' }), /failed its checks: Invalid signature$/],
      ['it is addressed to another audience', () => ({ audience: 'https://annan-tjanst.example/api/auth/sso/x/metadata' }), /failed its checks: SAML assertion audience mismatch/],
      [
        'it expired beyond the tolerance (NotOnOrAfter 2 minutes ago)',
        () => ({ notBefore: new Date(now() - 10 * 60_000), notOnOrAfter: new Date(now() - 2 * 60_000), issueInstant: new Date(now() - 10 * 60_000) }),
        // node-saml checks the bearer confirmation's NotOnOrAfter (the same instant) before the Conditions'.
        /failed its checks: (SAML assertion expired|No valid subject confirmation found)/,
      ],
      ['it is not valid until beyond the tolerance (NotBefore in 2 minutes)', () => ({ notBefore: new Date(now() + 2 * 60_000), notOnOrAfter: new Date(now() + 10 * 60_000) }), /failed its checks: SAML assertion not yet valid/],
      ['its issuer is another entity id, though signed with the IdP’s key', () => ({ issuer: 'https://annan-idp.example/saml' }), /The assertion's issuer https:\/\/annan-idp\.example\/saml is not the provider's/],
      ['it was sent to another URL (Destination and Recipient)', () => ({ destination: 'https://annan-tjanst.example/api/auth/sso/x/acs' }), /addressed to https:\/\/annan-tjanst\.example\/api\/auth\/sso\/x\/acs, not to /],
    ])('when %s', async (_, overrides, reason) => {
      const email = `refused.${unique()}@testkommun.example`;
      const before = await state();
      const { requestId } = await start();

      const response = await postToAcs(answer(requestId, { attributes: { email, groups: [SECRETARY_GROUP] }, ...overrides() }));

      expectRefused(response, 'SSO_REFUSED', reason, '/x');
      expect(await userByEmail(email)).toBeUndefined();
      expect(await state()).toEqual(before);
    });

    it('when the POST has no SAMLResponse', async () => {
      const before = await state();
      const response = await testApp.http().post(`/api/auth/sso/${KEY}/acs`).type('form').send({ RelayState: '/x' }).expect(303);
      expectRefused(response, 'SSO_REFUSED', /The POST has no SAMLResponse/);
      expect(await state()).toEqual(before);
    });
  });

  describe('one answer per request', () => {
    it('refuses the same good response posted a second time (SSO_REFUSED), making no second session', async () => {
      const email = `replay.${unique()}@testkommun.example`;
      const { requestId } = await start();
      const samlResponse = answer(requestId, { attributes: { email, groups: [SECRETARY_GROUP] } });

      const first = await postToAcs(samlResponse);
      expect(first.headers.location).toBe('/x');
      expect(sessionCookieOf(first)).toBeDefined();
      const afterFirst = await state();

      const second = await postToAcs(samlResponse);
      // The attempt was used up by the first: the answer answers no sign-in under way.
      expectRefused(second, 'SSO_EXPIRED', /failed its checks: InResponseTo is not valid$/);
      expect(await state()).toEqual(afterFirst);
      const user = await userByEmail(email);
      expect(await testApp.dataSource.query(`SELECT count(*)::int AS count FROM user_sessions WHERE user_id = $1`, [user.id])).toEqual([{ count: 1 }]);
    });

    it.each<[string, string | undefined, string, RegExp]>([
      ['answers a request never sent (unknown InResponseTo)', `_${randomBytes(20).toString('hex')}`, 'SSO_EXPIRED', /failed its checks: InResponseTo is not valid$/],
      ['answers no request at all (no InResponseTo: IdP-initiated)', undefined, 'SSO_REFUSED', /failed its checks: InResponseTo is missing from response$/],
    ])('refuses a response that %s', async (_, inResponseTo, code, reason) => {
      const email = `unsolicited.${unique()}@testkommun.example`;
      const before = await state();
      await start(); // an attempt under way, which this response does not answer

      const response = await postToAcs(answer(inResponseTo, { attributes: { email, groups: [SECRETARY_GROUP] } }));

      expectRefused(response, code, reason);
      expect(await userByEmail(email)).toBeUndefined();
      expect(await state()).toEqual(before);
    });

    it('refuses an answer to a request whose attempt has expired', async () => {
      const email = `stale.${unique()}@testkommun.example`;
      const before = await state();
      const { requestId } = await start();
      await testApp.dataSource.query(`UPDATE sign_in_attempts SET expires_at = now() - interval '1 second' WHERE state_sha256 = sha256(convert_to($1, 'UTF8'))`, [requestId]);

      const response = await postToAcs(answer(requestId, { attributes: { email, groups: [SECRETARY_GROUP] } }));

      // The attempt's row is past expires_at, so the store does not vouch for the request id.
      expectRefused(response, 'SSO_EXPIRED', /failed its checks: InResponseTo is not valid$/);
      expect(await userByEmail(email)).toBeUndefined();
      expect(await state()).toEqual(before);
    });
  });

  describe('the account is matched on the NameID, not the e-mail address', () => {
    it('signs in the same user when the NameID is the same and the e-mail attribute has changed, keeping the stored address', async () => {
      const nameId = `persistent-${unique()}`;
      const email = `bertil.${unique()}@testkommun.example`;
      const first = await signIn({ nameId, attributes: { email, groups: [SECRETARY_GROUP] } });
      expect(first.cookie).toBeDefined();
      const user = await userByEmail(email);
      const usersBefore = (await state()).users;

      const changed = `bertil.nytt.${unique()}@testkommun.example`;
      const second = await signIn({ nameId, attributes: { email: changed, groups: [SECRETARY_GROUP] } }, '/andra');

      expect(second.response.headers.location).toBe('/andra');
      expect(second.cookie).toBeDefined();
      const session = await testApp.http().get('/api/v1/auth/session').set('Cookie', second.cookie!).expect(200);
      expect(session.body.user).toMatchObject({ userId: user.id, email });
      expect(await userByEmail(changed)).toBeUndefined();
      expect((await state()).users).toBe(usersBefore);
      expect(await identitiesOf(user.id)).toEqual([{ subject: nameId, provider_id: providerId }]);
    });

    it('refuses another NameID with a taken e-mail address (SSO_NO_ACCOUNT): createUsers cannot make a second user with it, and linkByEmail is off', async () => {
      const email = `cecilia.${unique()}@testkommun.example`;
      const first = await signIn({ attributes: { email, groups: [SECRETARY_GROUP] } });
      expect(first.cookie).toBeDefined();
      const user = await userByEmail(email);
      const [identityBefore] = await identitiesOf(user.id);
      const before = await state();

      const stranger = await signIn({ nameId: `persistent-${unique()}`, attributes: { email, groups: [SECRETARY_GROUP] } });

      expectRefused(stranger.response, 'SSO_NO_ACCOUNT', new RegExp(`A user with ${email.replace(/\./g, '\\.')} exists but is not linked to this subject`), '/x');
      expect(await state()).toEqual(before);
      expect(await identitiesOf(user.id)).toEqual([identityBefore]);
    });

    it('refuses another NameID with the e-mail address of a password user (SSO_NO_ACCOUNT), creating and linking nothing', async () => {
      const { email, userId } = await tenant.user();
      const before = await state();

      const stranger = await signIn({ attributes: { email, groups: [SECRETARY_GROUP] } });

      expectRefused(stranger.response, 'SSO_NO_ACCOUNT', new RegExp(`A user with ${email.replace(/\./g, '\\.')} exists but is not linked to this subject`), '/x');
      expect(await state()).toEqual(before);
      expect(await identitiesOf(userId)).toEqual([]);
    });
  });

  it('refuses a user deactivated in Nämndrum (SSO_ACCOUNT_INACTIVE), changing nothing', async () => {
    const nameId = `persistent-${unique()}`;
    const email = `david.${unique()}@testkommun.example`;
    const first = await signIn({ nameId, attributes: { email, groups: [SECRETARY_GROUP] } });
    expect(first.cookie).toBeDefined();
    const user = await userByEmail(email);
    await testApp.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    const before = await state();

    // Groups that would change the grants, to show that a refused sign-in does not apply them.
    const again = await signIn({ nameId, attributes: { email, groups: [] } });

    expectRefused(again.response, 'SSO_ACCOUNT_INACTIVE', /The user is deactivated in Nämndrum/, '/x');
    expect(await state()).toEqual(before);
    expect(await testApp.dataSource.query(`SELECT role FROM user_role_grants WHERE user_id = $1`, [user.id])).toEqual([{ role: 'secretary' }]);
  });
});
