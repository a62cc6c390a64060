import { Browser, BrowserContext, Page } from 'playwright-core';
import { expectPostingOnBoard } from './journey/start.steps';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { PostedMinutes, verifySeedMeeting } from './support/verified-seed-meeting';
import { SEED_USERS, WebStack } from './support/web-stack';

const swedishToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

describe('the Anslagstavla page: the postings up, coming up and taken down', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let meetingId: string;
  let posting: PostedMinutes['posting'];

  const day = (date: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));

  /** The seed's SUN meeting of 11 January 2023, held, minuted and verified through the API; the worker puts the posting up. */
  beforeAll(async () => {
    stack = await WebStack.start('web_postings');
    browser = await launchBrowser();
    ({ meetingId, posting } = await verifySeedMeeting(stack));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  beforeEach(async () => {
    context = await newContext(browser, stack.baseUrl);
    page = await context.newPage();
    await signIn(page, SEED_USERS.secretary);
  });

  afterEach(() => context.close());

  it('shows the posting of the verified minutes as up, with the days it went up and comes down and the last day to appeal', async () => {
    await expectPostingOnBoard(page, { text: 'Protokoll 11 januari 2023' });
    const row = page.getByRole('region', { name: 'Uppe nu' }).getByRole('row').filter({ hasText: 'Protokoll 11 januari 2023' });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells).toEqual(['Social- och utbildningsnämnden', 'Protokoll 11 januari 2023 §§ 1–7', swedishToday(), day(posting.takenDownOn), day(posting.lastAppealDay)]);
    expect(await row.getByRole('link', { name: 'Protokoll 11 januari 2023 §§ 1–7' }).getAttribute('href')).toBe(`/moten/${meetingId}/protokoll`);
    expect(await page.getByRole('region', { name: 'Sätts upp' }).textContent()).toContain('Inga anslag väntar på att sättas upp.');
    expect(await page.getByRole('region', { name: 'Nyligen nedtagna' }).textContent()).toContain('Inga anslag har tagits ned.');
    await checkPage(page, 'anslag');
  });

  it('leads to the public notice board of the municipality, where the posting is up too', async () => {
    await page.goto('/anslag');
    await page.locator('[data-ready="true"]').waitFor();
    await page.getByRole('link', { name: 'Den allmänna anslagstavlan' }).click();
    await page.waitForURL('**/anslagstavla/2085');
    expect(await page.locator('body').textContent()).toContain('Social- och utbildningsnämnden');
  });

  it('shows the posting on the start page too, under the organ, until it comes down', async () => {
    const postings = page.getByRole('region', { name: 'Social- och utbildningsnämnden', exact: true }).getByRole('region', { name: 'Anslag uppe' });
    const item = postings.getByRole('listitem').filter({ hasText: 'Protokoll 11 januari 2023 §§ 1–7' });
    expect(await item.textContent()).toContain(`tas ned ${day(posting.takenDownOn)}`);
  });
});
