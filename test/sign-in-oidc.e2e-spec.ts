import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { AppConfig } from '@namndrum/core';
import { SeedModule } from '../seeds/src/seed.module';
import { SeedService } from '../seeds/src/seed.service';
import { createTenant, Tenant, TEST_PASSWORD } from './factories/tenant.factory';
import { IdTokenTamperMode, OidcTestProvider, ProviderCookieJar, signInAtProvider, startOidcTestProvider } from './support/oidc-test-provider';
import { createTestApp, TestApp } from './support/test-app';

const CLIENT_ID = 'namndrum-test';
const CLIENT_SECRET = 'client-secret-for-tests-only';

function cookieFrom(response: Response, name: string): string | undefined {
  const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith(`${name}=`));
  const value = header?.split(';')[0].slice(name.length + 1);
  return value ? decodeURIComponent(value) : undefined;
}

interface SignedIn {
  location: string;
  session: string | undefined;
}

describe('sign-in through an OpenID Connect provider (a real one: node-oidc-provider with its own keys)', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let provider: OidcTestProvider;
  let admin: { token: string; email: string; userId: string };
  let head: { token: string; email: string; userId: string };
  let organId: string;
  let key: string;
  let providerId: string;
  const anna = { sub: `anna-${randomBytes(4).toString('hex')}`, email: '' };
  const ADMIN_SUB = `admin-${randomBytes(4).toString('hex')}`;
  const HEAD_SUB = `head-${randomBytes(4).toString('hex')}`;
  const sekreterare = { sub: `sekr-${randomBytes(4).toString('hex')}`, email: `sekr-${randomBytes(4).toString('hex')}@test.example` };

  beforeAll(async () => {
    testApp = await createTestApp([SeedModule]);
    tenant = await createTenant(testApp);
    organId = await tenant.organ({ shortName: `SUN${randomBytes(2).toString('hex')}`.toUpperCase() });
    admin = await tenant.user([{ role: 'admin' }]);
    anna.email = (await tenant.user()).email;
    const headPerson = await tenant.person({ kind: 'official', firstName: 'Jonas', lastName: 'Fors', party: null });
    head = await tenant.user([{ role: 'department_head', departmentId: tenant.departmentId }], headPerson);
    key = `oidc-${randomBytes(4).toString('hex')}`;
    const base = testApp.app.get(AppConfig).PUBLIC_BASE_URL;
    provider = await startOidcTestProvider({
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [new URL(`/api/auth/sso/${key}/callback`, base).href],
          post_logout_redirect_uris: [new URL('/logga-in?utloggad=1', base).href],
          token_endpoint_auth_method: 'client_secret_basic',
        },
        {
          client_id: 'namndrum',
          client_secret: 'demo-secret',
          redirect_uris: [new URL('/api/auth/sso/ludvika/callback', base).href],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      accounts: [
        { sub: anna.sub, email: anna.email, email_verified: true, name: 'Anna', groups: [] },
        { sub: sekreterare.sub, email: sekreterare.email, email_verified: true, name: 'Sekreteraren', groups: ['sun-sekreterare', 'annan-grupp'] },
        { sub: ADMIN_SUB, email: admin.email, email_verified: true, name: 'Admin', groups: [] },
        { sub: HEAD_SUB, email: head.email, email_verified: true, name: 'Jonas Fors', groups: [] },
        { sub: 'obekant', email: 'obekant@test.example', email_verified: true, name: 'Obekant', groups: [] },
        { sub: 'overifierad', email: anna.email, email_verified: false, name: 'Overifierad', groups: [] },
      ],
    });
    const created = await testApp
      .http()
      .post('/api/v1/identity-providers')
      .auth(admin.token, { type: 'bearer' })
      .send({
        key,
        displayName: 'Testkommunens konto',
        protocol: 'oidc',
        oidc: { issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
        roleSource: 'namndrum',
        linkByEmail: true,
      })
      .expect(201);
    providerId = created.body.id;
  });

  afterAll(async () => {
    await provider?.stop();
    await testApp.close();
  });

  const start = (returnTo = '/sammantraden') => testApp.http().get(`/api/auth/sso/${key}/start`).query({ returnTo }).expect(303);
  /** The browser's way: start, sign in at the provider, and bring the provider's answer back to the callback. */
  const callbackFor = async (sub: string): Promise<{ callback: URL; binding: string }> => {
    const started = await start();
    const callback = await signInAtProvider(started.headers.location, sub, new ProviderCookieJar());
    return { callback, binding: cookieFrom(started, 'namndrum_sign_in')! };
  };
  const bringBack = async (callback: URL, binding: string | undefined): Promise<SignedIn> => {
    const request = testApp.http().get(callback.pathname + callback.search);
    const response = await (binding ? request.set('Cookie', `namndrum_sign_in=${binding}`) : request).expect(303);
    return { location: response.headers.location, session: cookieFrom(response, 'namndrum_session') };
  };
  const signInAs = async (sub: string): Promise<SignedIn> => {
    const { callback, binding } = await callbackFor(sub);
    return bringBack(callback, binding);
  };
  const sessionOf = (session: string) => testApp.http().get('/api/v1/auth/session').set('Cookie', `namndrum_session=${session}`);
  const patchProvider = (body: object) => testApp.http().patch(`/api/v1/identity-providers/${providerId}`).auth(admin.token, { type: 'bearer' }).send(body).expect(200);

  it('is registered by the admin: discovery read at once, the client secret sealed and never answered, and offered by name on the sign-in page', async () => {
    const answered = await testApp.http().get(`/api/v1/identity-providers/${providerId}`).auth(admin.token, { type: 'bearer' }).expect(200);
    expect(answered.body).toMatchObject({ key, protocol: 'oidc', oidc: { issuer: provider.issuer, clientId: CLIENT_ID, hasClientSecret: true, redirectUri: expect.stringContaining(`/api/auth/sso/${key}/callback`) } });
    expect(JSON.stringify(answered.body)).not.toContain(CLIENT_SECRET);
    const [row] = await testApp.dataSource.query(`SELECT secrets_encrypted FROM identity_providers WHERE id = $1`, [providerId]);
    expect(row.secrets_encrypted).toMatch(/^v1:/);
    expect(row.secrets_encrypted).not.toContain(CLIENT_SECRET);

    const options = await testApp.http().get('/api/v1/auth/providers').expect(200);
    expect(options.body.providers).toContainEqual({ key, displayName: 'Testkommunens konto', protocol: 'oidc', municipalityName: expect.stringContaining('Testkommun'), startUrl: `/api/auth/sso/${key}/start` });

    const unreachable = await testApp
      .http()
      .post('/api/v1/identity-providers')
      .auth(admin.token, { type: 'bearer' })
      .send({ key: `${key}-x`, displayName: 'Fel', protocol: 'oidc', oidc: { issuer: 'http://127.0.0.1:9/', clientId: 'x', clientSecret: 'y' }, roleSource: 'namndrum' })
      .expect(400);
    expect(unreachable.body).toMatchObject({ error: 'OIDC_DISCOVERY_FAILED', details: [{ field: 'oidc.issuer' }] });
    expect(await testApp.dataSource.query(`SELECT 1 FROM identity_providers WHERE key = $1`, [`${key}-x`])).toHaveLength(0);
  });

  it('signs in with authorization code, PKCE, state and nonce, links the user by the verified e-mail once, and from then on by the subject', async () => {
    const first = await signInAs(anna.sub);
    expect(first.location).toBe('/sammantraden');
    const session = await sessionOf(first.session!).expect(200);
    expect(session.body).toMatchObject({ user: { email: anna.email }, signedInWith: { method: 'oidc', providerName: 'Testkommunens konto' } });
    const links = await testApp.dataSource.query(`SELECT subject FROM user_identities WHERE provider_id = $1 AND user_id = $2`, [providerId, session.body.user.userId]);
    expect(links).toEqual([{ subject: anna.sub }]);

    // The address changes in Nämndrum; the subject still names the same user.
    await testApp.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [session.body.user.userId, `flyttad-${anna.email}`]);
    const again = await signInAs(anna.sub);
    expect((await sessionOf(again.session!).expect(200)).body.user.userId).toBe(session.body.user.userId);
    await testApp.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [session.body.user.userId, anna.email]);
  });

  it("registers the demo's provider from the seed, once, and it signs the seeded user in by their e-mail address", async () => {
    const seeds = testApp.app.get(SeedService);
    const demo = { issuer: provider.issuer, clientId: 'namndrum', clientSecret: 'demo-secret' };
    expect(await seeds.registerDemoIdentityProvider(tenant.municipalityId, demo)).toBe(true);
    try {
      expect(await seeds.registerDemoIdentityProvider(tenant.municipalityId, demo)).toBe(false);
      const started = await testApp.http().get('/api/auth/sso/ludvika/start').query({ returnTo: '/' }).expect(303);
      const callback = await signInAtProvider(started.headers.location, anna.sub, new ProviderCookieJar());
      const signedIn = await bringBack(callback, cookieFrom(started, 'namndrum_sign_in'));
      expect((await sessionOf(signedIn.session!).expect(200)).body).toMatchObject({ user: { email: anna.email }, signedInWith: { method: 'oidc', providerName: 'Ludvika kommuns konto' } });
    } finally {
      await testApp.dataSource.query(`DELETE FROM identity_providers WHERE key = 'ludvika'`);
    }
  });

  it('does not link on an address the provider has not verified, nor sign in someone it cannot match', async () => {
    // Back on the sign-in page with the page the user was going to, to sign in again from there.
    expect(await signInAs('overifierad')).toEqual({ location: '/logga-in?fel=SSO_NO_ACCOUNT&till=%2Fsammantraden', session: undefined });
    expect(await signInAs('obekant')).toEqual({ location: '/logga-in?fel=SSO_NO_ACCOUNT&till=%2Fsammantraden', session: undefined });
  });

  it.each<[IdTokenTamperMode, string]>([
    ['signature', 'a tampered id token (its signature broken)'],
    ['audience', 'an id token for another client (wrong audience)'],
    ['expired', 'an expired id token'],
    ['issuer', 'an id token from another issuer'],
    ['nonce', 'an id token with another nonce'],
  ])('refuses %s: %s', async (mode) => {
    const { callback, binding } = await callbackFor(anna.sub);
    await provider.tamperNextIdToken(mode);
    expect(await bringBack(callback, binding)).toEqual({ location: '/logga-in?fel=SSO_REFUSED&till=%2Fsammantraden', session: undefined });
  });

  it('refuses a replayed state, a callback in another browser, and a callback with no sign-in under way', async () => {
    const { callback, binding } = await callbackFor(anna.sub);
    expect((await bringBack(callback, binding)).session).toBeDefined();
    expect(await bringBack(callback, binding)).toEqual({ location: '/logga-in?fel=SSO_EXPIRED', session: undefined });

    const other = await callbackFor(anna.sub);
    expect(await bringBack(other.callback, undefined)).toEqual({ location: '/logga-in?fel=SSO_EXPIRED', session: undefined });
    expect(await bringBack(other.callback, 'another-browsers-cookie')).toEqual({ location: '/logga-in?fel=SSO_EXPIRED', session: undefined });

    const forged = new URL(callback.href);
    forged.searchParams.set('state', 'never-issued');
    expect(await bringBack(forged, binding)).toEqual({ location: '/logga-in?fel=SSO_EXPIRED', session: undefined });
  });

  it('refuses an attempt older than ten minutes', async () => {
    const { callback, binding } = await callbackFor(anna.sub);
    await testApp.dataSource.query(`UPDATE sign_in_attempts SET expires_at = now() - interval '1 second' WHERE provider_id = $1`, [providerId]);
    expect(await bringBack(callback, binding)).toEqual({ location: '/logga-in?fel=SSO_EXPIRED', session: undefined });
  });

  it('never sends the browser to another site after signing in', async () => {
    const started = await testApp.http().get(`/api/auth/sso/${key}/start`).query({ returnTo: 'https://evil.example/' }).expect(303);
    const callback = await signInAtProvider(started.headers.location, anna.sub, new ProviderCookieJar());
    expect((await bringBack(callback, cookieFrom(started, 'namndrum_sign_in'))).location).toBe('/');
  });

  it('maps a group claim to the secretary role for the organ, and takes it away when the group is gone', async () => {
    await patchProvider({ roleSource: 'provider', groupsClaim: 'groups', createUsers: true, roleMappings: [{ group: 'sun-sekreterare', role: 'secretary', organId }] });
    const signedIn = await signInAs(sekreterare.sub);
    const me = await testApp.http().get('/api/v1/auth/me').set('Cookie', `namndrum_session=${signedIn.session}`).expect(200);
    expect(me.body).toMatchObject({ email: sekreterare.email, grants: [{ role: 'secretary', organId, departmentId: null }] });

    await patchProvider({ roleMappings: [] });
    const later = await signInAs(sekreterare.sub);
    expect((await testApp.http().get('/api/v1/auth/me').set('Cookie', `namndrum_session=${later.session}`).expect(200)).body.grants).toEqual([]);
    await patchProvider({ roleSource: 'namndrum', createUsers: false });
  });

  it('refuses a mapping to an organ of another municipality', async () => {
    const other = await createTenant(testApp, 'Annan kommun');
    const foreignOrgan = await other.organ();
    await testApp
      .http()
      .patch(`/api/v1/identity-providers/${providerId}`)
      .auth(admin.token, { type: 'bearer' })
      .send({ roleMappings: [{ group: 'x', role: 'secretary', organId: foreignOrgan }] })
      .expect(404);
  });

  it('asks the provider again after IDP_RECHECK_INTERVAL: a user disabled there loses access at the next request', async () => {
    const signedIn = await signInAs(anna.sub);
    await sessionOf(signedIn.session!).expect(200);
    const pastDue = () => testApp.dataSource.query(`UPDATE user_sessions SET provider_checked_at = now() - interval '1 hour' WHERE provider_id = $1 AND revoked_at IS NULL`, [providerId]);

    await pastDue();
    await sessionOf(signedIn.session!).expect(200);
    const [checked] = await testApp.dataSource.query(
      `SELECT provider_checked_at > now() - interval '1 minute' AS fresh FROM user_sessions WHERE secret_sha256 = sha256(convert_to($1, 'UTF8'))`,
      [signedIn.session],
    );
    expect(checked.fresh).toBe(true);

    await provider.disable(anna.sub);
    await pastDue();
    await sessionOf(signedIn.session!).expect(401);
    await sessionOf(signedIn.session!).expect(401);
  });

  it('signs out at the provider too: the answer names its end-session address with the id token as hint', async () => {
    const signedIn = await signInAs(sekreterare.sub);
    const csrf = (await sessionOf(signedIn.session!).expect(200)).body.csrfToken;
    const signedOut = await testApp.http().delete('/api/v1/auth/session').set('Cookie', `namndrum_session=${signedIn.session}`).set('X-CSRF-Token', csrf).expect(200);
    const endSession = new URL(signedOut.body.endSessionUrl);
    expect(endSession.origin).toBe(new URL(provider.issuer).origin);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toMatch(/\/logga-in\?utloggad=1$/);
    await sessionOf(signedIn.session!).expect(401);
  });

  it('records on a tjänsteskrivelse signed in a session through the provider that the signer signed in with it', async () => {
    const as = (token: string) => ({ post: (path: string, body: object = {}) => testApp.http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body) });
    const reportOrgan = await tenant.organ({ name: 'Social- och utbildningsnämnden', shortName: `SU${randomBytes(2).toString('hex')}`.toUpperCase(), responsibleDepartmentId: tenant.departmentId });
    const registry = await as(admin.token).post('/registries', { code: `R${randomBytes(2).toString('hex')}`.toUpperCase(), name: 'Diariet', organId: reportOrgan }).expect(201);
    const officer = await tenant.user([{ role: 'case_officer', departmentId: tenant.departmentId }]);
    const matter = await as(officer.token).post('/matters', { registryId: registry.body.id, title: 'Riktlinjer för hemtjänst' }).expect(201);
    const report = await as(officer.token)
      .post(`/matters/${matter.body.id}/officer-reports`, { title: 'Riktlinjer för hemtjänst', proposedDecision: ['Nämnden antar riktlinjerna.'], summary: null, description: 'Riktlinjerna.', financialConsequences: 'Inga.', sections: [], decisionRecipients: ['Akten'] })
      .expect(201);
    await as(officer.token).post(`/officer-reports/${report.body.id}/submission`).expect(201);

    const signedIn = (await signInAs(HEAD_SUB)).session!;
    const csrf = (await sessionOf(signedIn).expect(200)).body.csrfToken;
    const signed = await testApp.http().post(`/api/v1/officer-reports/${report.body.id}/approval`).set('Cookie', `namndrum_session=${signedIn}`).set('X-CSRF-Token', csrf).expect(201);
    expect(signed.body).toMatchObject({ status: 'signed', signedAuthMethod: 'oidc', signedAuthProviderName: 'Testkommunens konto' });
  });

  it("ends the sessions the provider names in a back-channel logout token, and refuses a token that fails a check", async () => {
    const backchannelLogout = (logoutToken: string) => testApp.http().post(`/api/auth/sso/${key}/backchannel-logout`).type('form').send({ logout_token: logoutToken });
    const first = (await signInAs(sekreterare.sub)).session!;
    const second = (await signInAs(sekreterare.sub)).session!;
    const [row] = await testApp.dataSource.query(`SELECT provider_session ->> 'sid' AS sid FROM user_sessions WHERE secret_sha256 = sha256(convert_to($1, 'UTF8'))`, [first]);
    expect(row.sid).toEqual(expect.any(String));

    const refusals = [
      await provider.logoutToken({ aud: 'another-client', sid: row.sid }),
      await provider.logoutToken({ aud: CLIENT_ID, sid: row.sid, nonce: 'n' }),
      await provider.logoutToken({ aud: CLIENT_ID, sid: row.sid, events: false }),
      await provider.logoutToken({ aud: CLIENT_ID, sid: row.sid, ageSeconds: 3600 }),
      await provider.logoutToken({ aud: CLIENT_ID }),
    ];
    const good = await provider.logoutToken({ aud: CLIENT_ID, sid: row.sid });
    const [header, payload, signature] = good.split('.');
    refusals.push(`${header}.${payload}.${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`);
    for (const token of refusals) {
      expect((await backchannelLogout(token).expect(400)).body).toEqual({ error: 'invalid_request', error_description: 'The logout token was refused' });
    }
    await sessionOf(first).expect(200);

    await backchannelLogout(good).expect(200);
    await sessionOf(first).expect(401);
    await sessionOf(second).expect(200);

    // Without a sid the token names the user: every session of theirs through this provider ends.
    await backchannelLogout(await provider.logoutToken({ aud: CLIENT_ID, sub: sekreterare.sub })).expect(200);
    await sessionOf(second).expect(401);
  });

  it('sends the user back with SSO_UNAVAILABLE when the stored secret cannot be opened, until the admin enters it again', async () => {
    // As after a new SECRETS_KEY: a sealed value this key does not open.
    await testApp.dataSource.query(`UPDATE identity_providers SET secrets_encrypted = $2, updated_at = now() WHERE id = $1`, [providerId, `v1:${randomBytes(48).toString('base64url')}`]);
    expect((await start()).headers.location).toBe('/logga-in?fel=SSO_UNAVAILABLE&till=%2Fsammantraden');
    const answered = await patchProvider({ oidc: { issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
    expect(answered.body.oidc.hasClientSecret).toBe(true);
    expect((await signInAs(sekreterare.sub)).location).toBe('/sammantraden');
  });

  it('lets the admin turn passwords off only from a session through the provider; then passwords, their sessions and tokens are refused', async () => {
    const setPasswords = (allowed: boolean, auth: { token: string } | { session: string; csrf: string }) => {
      const request = testApp.http().put('/api/v1/identity-providers/password-sign-in').send({ passwordSignIn: allowed });
      return 'token' in auth ? request.auth(auth.token, { type: 'bearer' }) : request.set('Cookie', `namndrum_session=${auth.session}`).set('X-CSRF-Token', auth.csrf);
    };
    expect((await setPasswords(false, { token: admin.token }).expect(409)).body.error).toBe('SIGN_IN_WITH_PROVIDER_FIRST');

    const member = await tenant.user();
    const passwordBrowser = cookieFrom(await testApp.http().post('/api/v1/auth/session').send({ email: member.email, password: TEST_PASSWORD }).expect(200), 'namndrum_session')!;
    const adminSession = (await signInAs(ADMIN_SUB)).session!;
    const csrf = (await sessionOf(adminSession).expect(200)).body.csrfToken;
    await setPasswords(false, { session: adminSession, csrf }).expect(204);

    const refused = await testApp.http().post('/api/v1/auth/session').send({ email: member.email, password: TEST_PASSWORD }).expect(403);
    expect(refused.body).toMatchObject({ error: 'PASSWORD_SIGN_IN_OFF', message: expect.stringContaining('kommunens konto') });
    await testApp.http().post('/api/v1/auth/session').send({ email: member.email, password: 'wrong-password-1' }).expect(401);
    await sessionOf(passwordBrowser).expect(401);
    await testApp.http().get('/api/v1/auth/me').auth(member.token, { type: 'bearer' }).expect(401);
    expect((await testApp.http().get('/api/v1/identity-providers').set('Cookie', `namndrum_session=${adminSession}`).expect(200)).body.passwordSignIn).toBe(false);
    // The one way left to sign in cannot be switched off.
    const disabling = await testApp.http().patch(`/api/v1/identity-providers/${providerId}`).set('Cookie', `namndrum_session=${adminSession}`).set('X-CSRF-Token', csrf).send({ enabled: false }).expect(409);
    expect(disabling.body.error).toBe('LAST_WAY_TO_SIGN_IN');

    await setPasswords(true, { session: adminSession, csrf }).expect(204);
    await testApp.http().post('/api/v1/auth/session').send({ email: member.email, password: TEST_PASSWORD }).expect(200);
  });
});
