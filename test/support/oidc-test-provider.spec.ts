import * as client from 'openid-client';
import {
  cancelAtProvider,
  IdTokenTamperMode,
  OidcTestProvider,
  ProviderCookieJar,
  signInAtProvider,
  signOutAtProvider,
  startOidcTestProvider,
} from './oidc-test-provider';

// Never requested: the browser's part stops at the redirect back.
const REDIRECT_URI = 'http://127.0.0.1:9/api/auth/sso/ludvika/callback';
const SIGNED_OUT_URI = 'http://127.0.0.1:9/logga-in?utloggad=1';
const CLIENT_ID = 'namndrum';
const CLIENT_SECRET = 'testhemlighet';

const anna = { sub: 'anna', email: 'anna@ludvika.se', email_verified: true, name: 'Anna Andersson', groups: ['namndsekreterare', 'ks'] };
const bertil = { sub: 'bertil', email: 'bertil@ludvika.se', email_verified: false, name: 'Bertil Berg', groups: [] };

describe('the OIDC test provider', () => {
  let provider: OidcTestProvider;
  let config: client.Configuration;

  beforeAll(async () => {
    provider = await startOidcTestProvider({
      clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI], post_logout_redirect_uris: [SIGNED_OUT_URI] }],
      accounts: [anna, bertil],
    });
    config = await client.discovery(new URL(provider.issuer), CLIENT_ID, CLIENT_SECRET, undefined, {
      execute: [client.allowInsecureRequests, client.enableNonRepudiationChecks],
    });
  });

  afterAll(async () => {
    await provider?.stop();
  });

  async function authorizationRequest() {
    const pkceCodeVerifier = client.randomPKCECodeVerifier();
    const expectedState = client.randomState();
    const expectedNonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
      state: expectedState,
      nonce: expectedNonce,
    });
    return { url, checks: { pkceCodeVerifier, expectedState, expectedNonce } };
  }

  /** What a browser shows after following the provider's redirects, which need its cookies. */
  async function pageAfterRedirects(url: URL): Promise<string> {
    const cookies = new ProviderCookieJar();
    for (;;) {
      const response = await fetch(url, { headers: { cookie: cookies.header(url) ?? '' }, redirect: 'manual' });
      cookies.store(url, response);
      const location = response.headers.get('location');
      if (!location) return response.text();
      url = new URL(location, url);
    }
  }

  async function signIn(sub: string, cookies = new ProviderCookieJar()) {
    const { url, checks } = await authorizationRequest();
    const callback = await signInAtProvider(url.href, sub, cookies);
    return { callback, checks, tokens: () => client.authorizationCodeGrant(config, callback, checks) };
  }

  it('signs a user in with the code flow and PKCE: the ID token carries the account and a session id', async () => {
    const { callback, checks, tokens } = await signIn('anna');

    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe(checks.expectedState);
    expect(callback.searchParams.get('code')).toBeTruthy();
    const response = await tokens();
    expect(response.claims()).toMatchObject({
      iss: provider.issuer,
      aud: CLIENT_ID,
      sub: 'anna',
      email: 'anna@ludvika.se',
      email_verified: true,
      name: 'Anna Andersson',
      groups: ['namndsekreterare', 'ks'],
      nonce: checks.expectedNonce,
      sid: expect.any(String),
    });
    expect(response.refresh_token).toEqual(expect.any(String));
  });

  it('shows a Swedish sign-in page, refuses an unknown user name and refuses a request without PKCE', async () => {
    const { url } = await authorizationRequest();
    const html = await pageAfterRedirects(url);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<title>Logga in hos testleverantören</title>');
    expect(html).toMatch(/<label for="login">Användarnamn<\/label>\s*<input id="login" name="login"/);
    expect(html).toContain('<button type="submit">Logga in</button>');

    await expect(signInAtProvider(url.href, 'okand')).rejects.toThrow('Okänt användarnamn');

    const withoutPkce = new URL(url);
    withoutPkce.searchParams.delete('code_challenge');
    withoutPkce.searchParams.delete('code_challenge_method');
    const refused = await signInAtProvider(withoutPkce.href, 'anna');
    expect(refused.searchParams.get('error')).toBe('invalid_request');
  });

  it('sends a user who cancels back with access_denied', async () => {
    const { url, checks } = await authorizationRequest();
    const callback = await cancelAtProvider(url.href);

    expect(callback.searchParams.get('error')).toBe('access_denied');
    await expect(client.authorizationCodeGrant(config, callback, checks)).rejects.toThrow(client.AuthorizationResponseError);
  });

  it('rotates refresh tokens, and refuses them once the account is disabled', async () => {
    const annas = await (await signIn('anna')).tokens();
    const rotated = await client.refreshTokenGrant(config, annas.refresh_token!);
    expect(rotated.claims()).toMatchObject({ sub: 'anna', groups: ['namndsekreterare', 'ks'] });
    expect(rotated.refresh_token).toEqual(expect.any(String));
    expect(rotated.refresh_token).not.toBe(annas.refresh_token);
    await expect(client.refreshTokenGrant(config, annas.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });

    const bertils = await (await signIn('bertil')).tokens();
    const stillAnnas = await (await signIn('anna')).tokens();
    await provider.disable('bertil');

    await expect(client.refreshTokenGrant(config, bertils.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(client.refreshTokenGrant(config, stillAnnas.refresh_token!)).resolves.toBeTruthy();
    await expect(signInAtProvider((await authorizationRequest()).url.href, 'bertil')).rejects.toThrow('Okänt användarnamn');
  });

  it.each<[IdTokenTamperMode, RegExp]>([
    ['signature', /JWT signature verification failed/],
    ['audience', /"aud" \(audience\) claim value/],
    ['expired', /"exp" \(expiration time\) claim value/],
    ['issuer', /"iss" \(issuer\) claim value/],
    ['nonce', /"nonce" claim value/],
  ])('makes the next ID token fail verification when tampered with: %s', async (mode, failure) => {
    const { tokens } = await signIn('anna');
    await provider.tamperNextIdToken(mode);

    const error = await tokens().then(() => null, (thrown: unknown) => thrown);
    // openid-client's message names the kind of failure; the cause says which check failed.
    expect(error).toBeInstanceOf(client.ClientError);
    expect(String((error as Error).cause)).toMatch(failure);
    await expect((await signIn('anna')).tokens()).resolves.toBeTruthy();
  });

  it("lets a relying party without non-repudiation checks accept a broken signature, as openid-client's default does", async () => {
    const lenient = await client.discovery(new URL(provider.issuer), CLIENT_ID, CLIENT_SECRET, undefined, {
      execute: [client.allowInsecureRequests],
    });
    const { callback, checks } = await signIn('anna');
    await provider.tamperNextIdToken('signature');

    await expect(client.authorizationCodeGrant(lenient, callback, checks)).resolves.toBeTruthy();
  });

  it('signs the browser in once and out again through the end_session endpoint, ending the refresh token', async () => {
    const browser = new ProviderCookieJar();
    const tokens = await (await signIn('anna', browser)).tokens();
    const { url } = await authorizationRequest();
    const silently = await signInAtProvider(url.href, 'no page is shown', browser);
    expect(silently.searchParams.get('code')).toBeTruthy();

    const endSessionUrl = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: SIGNED_OUT_URI,
      state: 'utloggning',
    });
    const signedOut = await signOutAtProvider(endSessionUrl.href, browser);

    expect(signedOut.href).toBe(`${SIGNED_OUT_URI}&state=utloggning`);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(signInAtProvider(url.href, 'no such user', browser)).rejects.toThrow('Okänt användarnamn');
  });

  it('ends its process on stop', async () => {
    const other = await startOidcTestProvider({ clients: [], accounts: [] });
    expect((await fetch(new URL('/_test/health', other.issuer))).status).toBe(200);

    await other.stop();

    await expect(fetch(new URL('/_test/health', other.issuer))).rejects.toThrow();
  });
});
