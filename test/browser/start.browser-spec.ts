/// <reference lib="dom" />
// The callbacks given to page.evaluate() run in the browser.
import { Browser, BrowserContext, Page } from 'playwright-core';
import { expectStartShowsMeeting } from './journey/start.steps';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_PASSWORD, SEED_USERS, WebStack } from './support/web-stack';

const SUN = 'Social- och utbildningsnämnden';

const swedishDay = (instant: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(instant));

/** An ISO time with offset, `days` from now at 14:00 in Stockholm. */
function daysFromNowAt14(days: number): string {
  const date = new Date(Date.now() + days * 24 * 3600_000);
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' }).format(date).split('GMT')[1] || '+00:00';
  return `${day}T14:00:00${offset}`;
}

describe('the start page: what the secretary has to do next, per organ', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let sunId: string;

  const api = {
    get: (path: string) => stack.testApp.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body?: object) => stack.testApp.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
  };
  const sunSection = () => page.getByRole('region', { name: SUN, exact: true });

  beforeAll(async () => {
    stack = await WebStack.start('web_start');
    browser = await launchBrowser();
    token = (await stack.testApp.http().post('/api/v1/auth/login').send({ email: SEED_USERS.secretary, password: SEED_PASSWORD }).expect(200)).body.accessToken;
    sunId = (await api.get('/organs?q=Social- och utbildningsnämnden').expect(200)).body.items[0].id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  beforeEach(async () => {
    context = await newContext(browser, stack.baseUrl);
    page = await context.newPage();
    await signIn(page, SEED_USERS.secretary);
    await page.locator('[data-ready="true"]').waitFor();
  });

  afterEach(() => context.close());

  it("shows the seed's coming SUN meeting with its scheduled send time, and the two matters waiting for an agenda", async () => {
    const [upcoming] = (await api.get(`/meetings?organId=${sunId}&status=notice_finalized`).expect(200)).body.items;
    const [notice] = (await api.get(`/meetings/${upcoming.id}/notices`).expect(200)).body;
    await expectStartShowsMeeting(page, { organ: SUN, dateText: swedishDay(upcoming.startsAt) });
    const row = sunSection().getByRole('row').filter({ hasText: swedishDay(upcoming.startsAt) });
    expect(await row.textContent()).toContain(`Skickas ${swedishDay(notice.dispatchAt)} kl. 08:00`);
    expect(await row.textContent()).toContain('Kallelse fastställd');
    const waiting = sunSection().getByRole('region', { name: 'Ärenden som väntar på föredragningslista' });
    await waiting.getByRole('link', { name: 'SUN 2022/9 Läsårstider för läsåret 2023/2024' }).waitFor();
    await waiting.getByRole('link', { name: 'SUN 2022/10 Avgifter för kulturskolan från och med höstterminen 2023' }).waitFor();
    // The meeting of 11 January 2023 went out and has begun, but is not yet marked as held.
    const january = sunSection().getByRole('row').filter({ hasText: '11 januari 2023' });
    expect(await january.textContent()).toContain('Ska markeras som genomfört');
    await checkPage(page, 'start');
  });

  it('walks by keyboard alone: the skip link, the menu and every link of the page in order, and Enter opens a meeting', async () => {
    await page.goto('/');
    await page.locator('[data-ready="true"]').waitFor();
    const focusable = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])')].map(
        (element) => `${element.tagName.toLowerCase()}|${(element.textContent ?? '').trim()}|${element.getAttribute('href') ?? ''}`,
      ),
    );
    const walked: string[] = [];
    for (let step = 0; step < focusable.length; step++) {
      await page.keyboard.press('Tab');
      walked.push(
        await page.evaluate(() => {
          const element = document.activeElement;
          return element ? `${element.tagName.toLowerCase()}|${(element.textContent ?? '').trim()}|${element.getAttribute('href') ?? ''}` : 'none';
        }),
      );
    }
    expect(walked).toEqual(focusable);
    expect(walked[0]).toBe('a|Hoppa till innehållet|#innehall');
    expect(walked.slice(2, 6).map((entry) => entry.split('|')[1])).toEqual(['Start', 'Sammanträdesplan', 'Diarium', 'Anslagstavla']);
    expect(walked.some((entry) => entry.startsWith('a|SUN 2022/9 '))).toBe(true);

    await page.goto('/');
    await page.locator('[data-ready="true"]').waitFor();
    const target = focusable.findIndex((entry) => /^a\|\w+dag \d+ \w+ \d{4} kl\. 14:00\|\/moten\//.test(entry));
    expect(target).toBeGreaterThan(0);
    for (let step = 0; step <= target; step++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${focusable[target].split('|')[2]}`);
  });

  it('flags a notice sent late and minutes whose justering is overdue', async () => {
    const startsAt = daysFromNowAt14(3);
    const meeting = (await api.post('/meetings', { organId: sunId, startsAt, endsAt: startsAt.replace('T14:00', 'T17:00'), place: 'Sessionssalen, Stadshuset' }).expect(201)).body;
    await api.post(`/meetings/${meeting.id}/agenda-items`, { kind: 'information', title: 'Information om lokalförsörjningen' }).expect(201);
    await api.post(`/meetings/${meeting.id}/notices`).expect(201);
    const [january] = (await api.get(`/meetings?organId=${sunId}&year=2023`).expect(200)).body.items;
    await api.post(`/meetings/${january.id}/held`).expect(200);
    await api.post(`/meetings/${january.id}/minutes`).expect(201);
    // The worker sends the late notice at once.
    for (let attempt = 0; attempt < 100; attempt++) {
      const [notice] = (await api.get(`/meetings/${meeting.id}/notices`).expect(200)).body;
      if (notice.status === 'dispatched') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    await page.goto('/');
    await page.locator('[data-ready="true"]').waitFor();
    const late = sunSection().getByRole('row').filter({ hasText: swedishDay(startsAt) });
    expect(await late.textContent()).toContain('Skickad för sent');
    const minutes = sunSection().getByRole('region', { name: 'Protokoll' });
    const item = minutes.getByRole('listitem').filter({ hasText: 'Sammanträdet 11 januari 2023' });
    expect(await item.textContent()).toContain('Justeras senast 25 januari 2023');
    expect(await item.textContent()).toContain('Justeringen är försenad');
    await checkPage(page, 'start-forsenat');
  });
});
