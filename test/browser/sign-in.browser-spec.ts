/// <reference lib="dom" />
// The callbacks given to page.evaluate() run in the browser.
import { Browser, BrowserContext, Page } from 'playwright-core';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_USERS, WebStack } from './support/web-stack';

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
});
