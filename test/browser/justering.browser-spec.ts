import { Browser, BrowserContext, Page } from 'playwright-core';
import { approveOnJusteringPage, expectPosted, markHeldAndOpenMinutes, sendForJustering } from './journey/justering.steps';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_PASSWORD, SEED_USERS, WebStack } from './support/web-stack';

type ParagraphRow = { id: string; number: number; title: string };

/**
 * The minutes page through the browser, on the seed's SUN meeting of 11 January 2023 (notice sent,
 * not yet marked held): mark it held, open the minutes, record a departure and see the quorum follow,
 * choose the verifier and see the API's refusals next to the fields, send for justering, approval by
 * the chair and the verifier on the public justering page, and the minutes locked and posted.
 */
describe('the minutes page: held, attendance, quorum, justering and posting', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let meetingId: string;
  let bearer: string;

  const api = {
    get: (path: string) => stack.testApp.http().get(`/api/v1${path}`).set('Authorization', bearer),
    post: (path: string, body: object = {}) => stack.testApp.http().post(`/api/v1${path}`).set('Authorization', bearer).send(body),
    put: (path: string, body: object) => stack.testApp.http().put(`/api/v1${path}`).set('Authorization', bearer).send(body),
  };
  const quorum = () => page.getByRole('complementary', { name: 'Beslutförhet' });

  /** The paragraphs are the next slice's page; here the API decides them, as the secretary would there. */
  async function decideEveryParagraph(): Promise<void> {
    const minutes = (await api.get(`/meetings/${meetingId}/minutes`).expect(200)).body as { paragraphs: ParagraphRow[] };
    for (const paragraph of minutes.paragraphs) {
      if (/extra ärenden/i.test(paragraph.title)) await api.put(`/paragraphs/${paragraph.id}/extra-matters`, { paragraphIds: [] }).expect(200);
      const decided = await api.post(`/paragraphs/${paragraph.id}/decision`);
      if (decided.status === 400 && decided.body.error === 'DECISION_EMPTY') {
        await api.post(`/paragraphs/${paragraph.id}/decision`, { decision: ['Nämnden beslutar i enlighet med bilagan.'] }).expect(200);
      } else {
        expect(decided.status).toBe(200);
      }
    }
  }

  beforeAll(async () => {
    stack = await WebStack.start('web_justering');
    browser = await launchBrowser();
    const [meeting]: { id: string }[] = await stack.testApp.dataSource.query(
      `SELECT m.id FROM meetings m JOIN organs o ON o.id = m.organ_id WHERE o.short_name = 'SUN' AND m.starts_at::date = '2023-01-11'`,
    );
    meetingId = meeting.id;
    bearer = `Bearer ${(await stack.testApp.http().post('/api/v1/auth/login').send({ email: SEED_USERS.secretary, password: SEED_PASSWORD }).expect(200)).body.accessToken}`;
    context = await newContext(browser, stack.baseUrl);
    page = await context.newPage();
    await signIn(page, SEED_USERS.secretary);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('asks to mark the meeting held, then opens the minutes with a paragraph for every agenda item and the quorum in view', async () => {
    await page.goto(`/moten/${meetingId}/protokoll`);
    await page.locator('[data-ready="true"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Protokoll SUN 11 januari 2023');
    await page.getByRole('heading', { level: 2, name: 'Sammanträdet är inte genomfört än' }).waitFor();
    await checkPage(page, 'protokoll-ej-hallet');
    await page.getByRole('button', { name: 'Markera sammanträdet som hållet' }).click();
    await page.getByRole('button', { name: 'Upprätta protokoll' }).waitFor();
    await checkPage(page, 'protokoll-uppratta');

    await markHeldAndOpenMinutes(page, meetingId);
    expect(await page.getByText('§§ 1–7').count()).toBeGreaterThan(0);
    expect(await quorum().textContent()).toMatch(/Beslutande: 13 av 13 ledamöter · Beslutför: ja/);
    await checkPage(page, 'protokoll-narvaro');
  });

  it('records a member leaving after § 4: the quorum counts one fewer from § 5 and stays', async () => {
    await page.getByRole('button', { name: /Till och med §, Erik Testberg/ }).click();
    await page.getByRole('option', { name: '§ 4' }).click();
    await page.getByRole('button', { name: 'Spara närvaron' }).click();
    await page.getByRole('status').filter({ hasText: 'Närvaron är sparad' }).waitFor();
    await quorum().getByText('12–13 av 13 ledamöter').waitFor();
    expect(await quorum().textContent()).toMatch(/Beslutför: ja/);
    const minutes = (await api.get(`/meetings/${meetingId}/minutes`).expect(200)).body;
    expect(minutes.attendees.find((row: { name: string }) => row.name === 'Erik Testberg')).toMatchObject({ fromParagraph: null, toParagraph: 4 });
    await checkPage(page, 'protokoll-narvaro-avgang');
  });

  it("shows the API's refusals: two verifiers where the nämnd chooses one, and no place and time when sending for justering", async () => {
    const group = page.getByRole('group', { name: 'Justerare' });
    await group.locator('label', { hasText: 'Anna Exempelsson' }).click();
    await group.locator('label', { hasText: 'Erik Testberg' }).click();
    await page.getByRole('button', { name: 'Spara justerare, plats och tid' }).click();
    await group.getByText('Social- och utbildningsnämnden ska utse en justerare').waitFor();
    expect(await group.getByRole('checkbox').first().getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'protokoll-justerare-fel');

    await group.locator('label', { hasText: 'Erik Testberg' }).click();
    expect(await group.getByRole('checkbox', { checked: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Spara justerare, plats och tid' }).click();
    await page.getByRole('status').filter({ hasText: 'Justerare, plats och tid är sparade' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await decideEveryParagraph();
    await page.getByRole('button', { name: 'Skicka för justering' }).click();
    await page.getByRole('alert').filter({ hasText: 'Justeringens plats och tid beslutas vid sammanträdet' }).waitFor();
    await checkPage(page, 'protokoll-justering-saknar-tid');
  });

  it('sends the minutes for justering to the chair and the verifier', async () => {
    await sendForJustering(page, { verifiers: ['Anna Exempelsson'], place: 'Kommunhuset, Ludvika', at: '2023-01-18 15:00' });
    const minutes = (await api.get(`/meetings/${meetingId}/minutes`).expect(200)).body;
    expect(minutes).toMatchObject({ verificationPlace: 'Kommunhuset, Ludvika', verificationAt: '2023-01-18T14:00:00.000Z' });
    await stack.sink.waitFor((mails) => [SEED_USERS.chair, SEED_USERS.member].every((email) => mails.some((mail) => mail.recipients.includes(email))));
    await page.getByRole('table', { name: 'Justeras av' }).getByText('Inte justerat').first().waitFor();
    await checkPage(page, 'protokoll-skickat-for-justering');
  });

  it('is approved by the chair and the verifier on the justering page, then shows the minutes locked and posted', async () => {
    const minutesId = (await api.get(`/meetings/${meetingId}/minutes`).expect(200)).body.id;
    await approveOnJusteringPage(browser, stack.baseUrl, minutesId, SEED_USERS.chair);
    await page.goto(`/moten/${meetingId}/protokoll`);
    await page.locator('[data-ready="true"]').waitFor();
    await page.getByRole('table', { name: 'Justeras av' }).getByText(/^Justerat /).waitFor();
    await checkPage(page, 'protokoll-delvis-justerat');

    await approveOnJusteringPage(browser, stack.baseUrl, minutesId, SEED_USERS.member);
    await expectPosted(page, meetingId);
    expect(await page.getByRole('link', { name: 'Den offentliga anslagstavlan' }).getAttribute('href')).toBe('/anslagstavla/2085');
    expect(await page.getByRole('link', { name: /Ladda ned det justerade protokollet/ }).getAttribute('href')).toBe(`/api/v1/minutes/${minutesId}/docx`);
    expect(await page.getByRole('button', { name: 'Spara närvaron' }).count()).toBe(0);
    await checkPage(page, 'protokoll-justerat');
  });
});
