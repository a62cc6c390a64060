/// <reference lib="dom" />
// The callbacks given to page.evaluate() run in the browser.
import { Browser, BrowserContext, Page } from 'playwright-core';
import { OidcTestProvider, startOidcTestProvider } from '../support/oidc-test-provider';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_PASSWORD, SEED_USERS, WebStack } from './support/web-stack';

describe('the web app: signing in and out in the browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await WebStack.start('web_sign_in', { worker: false });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  beforeEach(async () => {
    context = await newContext(browser, stack.baseUrl);
    page = await context.newPage();
  });

  afterEach(() => context.close());

  it('sends a visitor without a session to the sign-in page, and back to the page asked for after signing in', async () => {
    await page.goto('/diarium?q=skola');
    await page.waitForURL('**/logga-in?till=%2Fdiarium%3Fq%3Dskola');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
    await checkPage(page, 'logga-in');
    await page.getByLabel('E-postadress').fill(SEED_USERS.secretary);
    await page.getByLabel('Lösenord').fill('namndrum');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL('**/diarium?q=skola');
    await page.getByRole('heading', { level: 1, name: 'Diarium' }).waitFor();
    expect(await page.title()).toBe('Diarium – Nämndrum');
  });

  it('says in Swedish that the e-mail or password is wrong, and stays on the sign-in page', async () => {
    await page.goto('/logga-in');
    await page.getByLabel('E-postadress').fill(SEED_USERS.secretary);
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Fel e-postadress eller lösenord' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/logga-in');
    await checkPage(page, 'logga-in-fel');
  });

  it('keeps the session in an HttpOnly cookie only: nothing in the page storage, and it survives a reload', async () => {
    await signIn(page, SEED_USERS.secretary);
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'namndrum_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const stored = await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
    expect(stored).toEqual({ local: {}, session: {}, cookie: '' });
    await page.reload();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    expect(await page.getByText(SEED_USERS.secretary).count()).toBeGreaterThan(0);
    await page.getByText('Inloggad med e-post och lösenord').waitFor();
  });

  it('signs out: the cookie no longer opens a page, even sent again', async () => {
    await signIn(page, SEED_USERS.secretary);
    const [before] = (await context.cookies()).filter((cookie) => cookie.name === 'namndrum_session');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL('**/logga-in');
    await context.addCookies([before]);
    const response = await page.request.get('/api/v1/auth/session');
    expect(response.status()).toBe(401);
    await page.goto('/');
    await page.waitForURL('**/logga-in');
  });

  describe("through the municipality's identity provider (a real OpenID Connect provider)", () => {
    const KEY = 'ludvika-test';
    const DISPLAY_NAME = 'Ludvika kommuns konto';
    const CLIENT_ID = 'namndrum-browser-test';
    const CLIENT_SECRET = 'client-secret-for-browser-tests-only';
    let provider: OidcTestProvider;
    let adminToken: string;
    let providerId: string | undefined;

    const providerLink = () => page.getByRole('link', { name: `Logga in med ${DISPLAY_NAME}` });

    beforeAll(async () => {
      provider = await startOidcTestProvider({
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            redirect_uris: [`${stack.baseUrl}/api/auth/sso/${KEY}/callback`],
            post_logout_redirect_uris: [`${stack.baseUrl}/logga-in?utloggad=1`],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        accounts: [
          { sub: 'rita', email: SEED_USERS.secretary, email_verified: true, name: 'Rita Österholm', groups: [] },
          // Known to the provider, but to no one in Nämndrum.
          { sub: 'obekant', email: 'obekant@exempel.se', email_verified: true, name: 'Okänd Person', groups: [] },
        ],
      });
      adminToken = (await stack.testApp.http().post('/api/v1/auth/login').send({ email: SEED_USERS.admin, password: SEED_PASSWORD }).expect(200)).body.accessToken;
      const created = await stack.testApp
        .http()
        .post('/api/v1/identity-providers')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({
          key: KEY,
          displayName: DISPLAY_NAME,
          protocol: 'oidc',
          oidc: { issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
          roleSource: 'namndrum',
          linkByEmail: true,
        })
        .expect(201);
      providerId = created.body.id;
    });

    afterAll(async () => {
      if (providerId) await stack.testApp.http().delete(`/api/v1/identity-providers/${providerId}`).set('Authorization', `Bearer ${adminToken}`).expect((response) => expect(response.status).toBeLessThan(300));
      await provider?.stop();
    });

    it('offers the provider above the password form, and comes back to the page the visitor was going to', async () => {
      await page.goto('/logga-in');
      await providerLink().waitFor();
      expect(await providerLink().getAttribute('href')).toBe(`/api/auth/sso/${KEY}/start?returnTo=%2F`);
      // Passwords are still allowed: the form is there, below the provider.
      await page.getByLabel('E-postadress').waitFor();
      await checkPage(page, 'logga-in-med-kommunens-konto');

      await page.goto('/diarium?q=skola');
      await page.waitForURL('**/logga-in?till=%2Fdiarium%3Fq%3Dskola');
      expect(await providerLink().getAttribute('href')).toBe(`/api/auth/sso/${KEY}/start?returnTo=${encodeURIComponent('/diarium?q=skola')}`);
    });

    it("signs the secretary in at the provider, shows her start page and how she signed in, and signs her out at the provider too", async () => {
      await page.goto('/logga-in');
      await providerLink().click();
      // The provider's own sign-in page.
      await page.waitForURL((url) => url.origin === provider.issuer);
      await page.getByLabel('Användarnamn').fill('rita');
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();

      await page.waitForURL(`${stack.baseUrl}/`);
      await page.getByRole('region', { name: 'Social- och utbildningsnämnden', exact: true }).waitFor();
      await page.getByText(`Inloggad med ${DISPLAY_NAME}`).waitFor();
      expect(await page.getByText(SEED_USERS.secretary).count()).toBeGreaterThan(0);
      await page.locator('[data-ready="true"]').waitFor();
      await checkPage(page, 'start-inloggad-med-kommunens-konto');

      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.waitForURL('**/logga-in?utloggad=1');
      await page.getByRole('status').filter({ hasText: 'Du är utloggad.' }).waitFor();
      expect((await page.request.get('/api/v1/auth/session')).status()).toBe(401);
      await checkPage(page, 'logga-in-utloggad');

      // Signed out at the provider as well: it asks who she is again.
      await providerLink().click();
      await page.waitForURL((url) => url.origin === provider.issuer);
      await page.getByLabel('Användarnamn').waitFor();
    });

    it('after a sign-in the provider could not match, explains it and still takes the visitor to the page asked for', async () => {
      await page.goto('/diarium?q=skola');
      await page.waitForURL('**/logga-in?till=%2Fdiarium%3Fq%3Dskola');
      await providerLink().click();
      await page.waitForURL((url) => url.origin === provider.issuer);
      await page.getByLabel('Användarnamn').fill('obekant');
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();

      await page.waitForURL('**/logga-in?fel=SSO_NO_ACCOUNT&till=%2Fdiarium%3Fq%3Dskola');
      await page.getByRole('alert').filter({ hasText: 'Det finns inget konto i Nämndrum för dig.' }).waitFor();
      expect(await providerLink().getAttribute('href')).toBe(`/api/auth/sso/${KEY}/start?returnTo=${encodeURIComponent('/diarium?q=skola')}`);
      await page.getByLabel('E-postadress').fill(SEED_USERS.secretary);
      await page.getByLabel('Lösenord', { exact: true }).fill(SEED_PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.waitForURL('**/diarium?q=skola');
      await page.getByRole('heading', { level: 1, name: 'Diarium' }).waitFor();
    });

    it('explains in Swedish why a sign-in through the provider failed', async () => {
      await page.goto('/logga-in?fel=SSO_REFUSED');
      const alert = page.getByRole('alert');
      await alert.filter({ hasText: 'Inloggningstjänstens svar kunde inte godtas. Försök igen, och kontakta systemförvaltaren om det upprepas.' }).waitFor();
      await providerLink().waitFor();
      await checkPage(page, 'logga-in-fel-fran-inloggningstjansten');

      await page.goto('/logga-in?fel=SSO_NO_ACCOUNT');
      await alert.filter({ hasText: 'Det finns inget konto i Nämndrum för dig.' }).waitFor();
      await page.goto('/logga-in?fel=NAGOT_ANNAT');
      await alert.filter({ hasText: 'Inloggningen misslyckades.' }).waitFor();
    });

    it('folds the password form away under a disclosure when passwords are off, since system administrators still need it', async () => {
      // As the API answers once every municipality has turned passwords off.
      await page.route('**/api/v1/auth/providers', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, json: { ...(await response.json()), passwordSignIn: false } });
      });
      await page.goto('/logga-in');
      await providerLink().waitFor();
      const disclosure = page.getByRole('button', { name: 'Logga in med e-post och lösenord' });
      expect(await disclosure.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByLabel('E-postadress').isVisible()).toBe(false);
      await checkPage(page, 'logga-in-losenord-hopfallt');
      await disclosure.click();
      await page.getByLabel('E-postadress').fill(SEED_USERS.admin);
      // Exactly: the open panel is labelled "Logga in med e-post och lösenord" too.
      await page.getByLabel('Lösenord', { exact: true }).fill(SEED_PASSWORD);
      await checkPage(page, 'logga-in-losenord-utfallt');
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();
      await page.waitForURL(`${stack.baseUrl}/`);
      await page.getByText('Inloggad med e-post och lösenord').waitFor();
    });
  });
});
