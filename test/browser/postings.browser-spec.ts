import { Browser, BrowserContext, Page } from 'playwright-core';
import { expectPostingOnBoard } from './journey/start.steps';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_PASSWORD, SEED_USERS, WebStack } from './support/web-stack';

const swedishToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

describe('the Anslagstavla page: the postings up, coming up and taken down', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let meetingId: string;
  let posting: { id: string; postedOn: string; takenDownOn: string; lastAppealDay: string };

  const login = async (email: string) => {
    const token = (await stack.testApp.http().post('/api/v1/auth/login').send({ email, password: SEED_PASSWORD }).expect(200)).body.accessToken;
    return {
      get: (path: string) => stack.testApp.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
      post: (path: string, body?: object) => stack.testApp.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
      patch: (path: string, body: object) => stack.testApp.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
    };
  };
  const day = (date: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));

  /** The seed's SUN meeting of 11 January 2023, held, minuted and verified through the API; the worker puts the posting up. */
  beforeAll(async () => {
    stack = await WebStack.start('web_postings');
    browser = await launchBrowser();
    const secretary = await login(SEED_USERS.secretary);
    const chair = await login(SEED_USERS.chair);
    const verifier = await login(SEED_USERS.member);
    const [meeting]: { id: string }[] = await stack.testApp.dataSource.query(`SELECT m.id FROM meetings m JOIN organs o ON o.id = m.organ_id WHERE o.short_name = 'SUN' AND m.starts_at::date = '2023-01-11'`);
    meetingId = meeting.id;
    const verifierPersonId = (await verifier.get('/auth/me').expect(200)).body.personId;
    await secretary.post(`/meetings/${meetingId}/held`).expect(200);
    const minutes = (await secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
    await secretary.patch(`/minutes/${minutes.id}`, { verifierPersonIds: [verifierPersonId], verificationPlace: 'Social- och utbildningsförvaltningen, Ludvika', verificationAt: '2023-01-16T10:00:00+01:00' }).expect(200);
    for (const paragraph of minutes.paragraphs as { id: string; title: string }[]) {
      const asProposed = await secretary.post(`/paragraphs/${paragraph.id}/decision`, {});
      if (asProposed.status !== 200) await secretary.post(`/paragraphs/${paragraph.id}/decision`, { decision: [`Nämnden beslutar i ärendet ${paragraph.title}.`] }).expect(200);
    }
    const sha = (await secretary.get(`/minutes/${minutes.id}`).expect(200)).body.currentContentSha256;
    await chair.post(`/minutes/${minutes.id}/approvals`, { contentSha256: sha }).expect(201);
    await verifier.post(`/minutes/${minutes.id}/approvals`, { contentSha256: sha }).expect(201);
    for (let attempt = 0; attempt < 150 && !posting; attempt++) {
      [posting] = (await secretary.get('/postings?status=up').expect(200)).body.items;
      if (!posting) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(posting).toBeDefined();
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
