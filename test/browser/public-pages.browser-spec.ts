import { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext } from './support/browser';
import { verifySeedMeeting } from './support/verified-seed-meeting';
import { WebStack } from './support/web-stack';

/**
 * The public pages in a real browser: the seed's SUN meeting of 11 January 2023 held, minuted and verified through the
 * API (the worker puts the posting up, so its decisions are published), then every public page type checked by axe for
 * WCAG 2.1 A/AA, and the skip link reached and followed with the keyboard.
 */
describe('the public pages, read by anyone', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let meetingId: string;
  let decided: { matterId: string; title: string };
  let organs: { id: string; short_name: string; languages: string[] }[];

  beforeAll(async () => {
    stack = await WebStack.start('web_public_pages');
    browser = await launchBrowser();
    const posted = await verifySeedMeeting(stack);
    meetingId = posted.meetingId;
    const [paragraph]: { matter_id: string; title: string }[] = await stack.testApp.dataSource.query(
      `SELECT p.matter_id, p.title FROM minutes_paragraphs p JOIN matters m ON m.id = p.matter_id WHERE p.minutes_id = $1 AND NOT m.secret AND NOT m.personal_data AND NOT p.not_published ORDER BY p.number LIMIT 1`,
      [posted.minutesId],
    );
    decided = { matterId: paragraph.matter_id, title: paragraph.title };
    organs = await stack.testApp.dataSource.query(`SELECT id, short_name, rules_languages AS languages FROM organs`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  beforeEach(async () => {
    context = await newContext(browser, stack.baseUrl);
    page = await context.newPage();
  });

  afterEach(() => context?.close());

  it('has no WCAG 2.1 A/AA violation on any public page type', async () => {
    const sun = organs.find((organ) => organ.short_name === 'SUN')!.id;
    const finnish = organs.find((organ) => organ.languages.includes('fi'))!.id;
    const word = decided.title.split(/\s+/).find((candidate) => candidate.length > 4) ?? decided.title;
    const pages: [string, string, number][] = [
      ['the municipality', '/kommun/2085', 200],
      ['an organ', `/kommun/2085/organ/${sun}`, 200],
      ['an organ in Finnish', `/kommun/2085/organ/${finnish}/fi`, 200],
      ['the calendar', '/kommun/2085/sammantraden?ar=2023', 200],
      ['a meeting', `/sammantraden/${meetingId}`, 200],
      ['a matter', `/kommun/2085/arenden/${decided.matterId}`, 200],
      ['the search form', '/kommun/2085/sok', 200],
      ['search results', `/kommun/2085/sok?q=${encodeURIComponent(word)}`, 200],
      ['the accessibility statement', '/kommun/2085/tillganglighet', 200],
      ['the notice board', '/anslagstavla/2085', 200],
      ['the archive', '/anslagstavla/2085/arkiv', 200],
      ['a page not found', '/kommun/2085/organ/finns-inte', 404],
    ];
    for (const [label, path, status] of pages) {
      const response = await page.goto(path);
      expect({ label, status: response?.status() }).toEqual({ label, status });
      await expectAccessible(page, label);
    }
    // The search found the published decision, linking to its matter.
    await page.goto(`/kommun/2085/sok?q=${encodeURIComponent(word)}`);
    await expect(page.locator(`a[href="/kommun/2085/arenden/${decided.matterId}"]`).first().isVisible()).resolves.toBe(true);
  });

  it('lets the keyboard reach the skip link first and follow it to the main content', async () => {
    await page.goto('/kommun/2085');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå direkt till innehållet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('innehall');
  });
});
