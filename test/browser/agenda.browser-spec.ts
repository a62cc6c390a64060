/// <reference lib="dom" />
// The callbacks given to page.evaluate() run in the browser.
import { readFile } from 'node:fs/promises';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { readDocx } from '../../libs/documents/src/testing/read-docx';
import { stockholmDaysFromNow } from '../support/meeting-fixture';
import { poppler, squash } from '../support/pdf-reading';
import { addMattersToAgenda, agendaRow, agendaTitles, finalizeNotice, moveAgendaItemWithKeyboard } from './journey/agenda.steps';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_PASSWORD, SEED_USERS, WebStack } from './support/web-stack';

const SCHOOL_YEAR = 'Läsårstider för läsåret 2023/2024';
const CULTURE_SCHOOL_FEES = 'Avgifter för kulturskolan från och med höstterminen 2023';
const INFORMATION = 'Information om skolskjutsarna';
const ANNOUNCEMENTS = 'Meddelanden';

describe('the agenda tab: building the föredragningslista and finalizing the kallelse', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let meetingId: string;

  const apiGet = async (path: string) => (await stack.testApp.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
  const savedTitles = async () => ((await apiGet(`/meetings/${meetingId}/agenda-items`)) as { title: string }[]).map((item) => item.title);

  beforeAll(async () => {
    stack = await WebStack.start('web_agenda', { worker: false });
    browser = await launchBrowser();
    token = (await stack.testApp.http().post('/api/v1/auth/login').send({ email: SEED_USERS.secretary, password: SEED_PASSWORD }).expect(200)).body.accessToken;
    const [{ id: organId }] = await stack.testApp.dataSource.query(`SELECT id FROM organs WHERE short_name = 'SUN'`);
    // Three days ahead: the notice's deadline (a week before, 08:00) has passed.
    const meeting = await stack.testApp
      .http()
      .post('/api/v1/meetings')
      .set('Authorization', `Bearer ${token}`)
      .send({ organId, startsAt: stockholmDaysFromNow(3, '14:00'), endsAt: stockholmDaysFromNow(3, '17:00'), place: 'Sessionssalen, Stadshuset' })
      .expect(201);
    meetingId = meeting.body.id;
    context = await newContext(browser, stack.baseUrl);
    page = await context.newPage();
    await signIn(page, SEED_USERS.secretary);
    await page.goto(`/moten/${meetingId}`);
    await page.locator('[data-ready="true"] [data-agenda-ready="true"]').waitFor();
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  it("shows the organ's standing items of a newly planned meeting, and the notice not yet finalized", async () => {
    expect(await agendaTitles(page)).toEqual(['Val av justerande', 'Anmälan av extra ärenden']);
    await page.locator('#agenda-notice-state', { hasText: 'Kallelsen är inte fastställd.' }).waitFor();
    await checkPage(page, 'dagordning');
  });

  it('finds matters ready for decision by words, and adds them by case number', async () => {
    await page.getByRole('searchbox', { name: 'Lägg till ärende' }).fill('kulturskolan');
    await page.getByRole('option', { name: `SUN 2022/10 ${CULTURE_SCHOOL_FEES}` }).waitFor();
    await checkPage(page, 'dagordning-sok-arende');
    await page.keyboard.press('Escape');

    await addMattersToAgenda(page, ['SUN 2022/9', 'SUN 2022/10']);

    expect(await savedTitles()).toEqual(['Val av justerande', 'Anmälan av extra ärenden', SCHOOL_YEAR, CULTURE_SCHOOL_FEES]);
    await page.getByRole('searchbox', { name: 'Lägg till ärende' }).fill('SUN 2022/9');
    await page.getByText('Inga ärenden klara för beslut matchar.').waitFor();
    await page.keyboard.press('Escape');
  });

  it('adds an information item and a standing item at the end, and says in Swedish when the title is missing', async () => {
    await page.getByRole('button', { name: 'Lägg till informationspunkt' }).click();
    await page.getByText('Skriv en rubrik.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Rubrik på informationspunkt' }).getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('textbox', { name: 'Rubrik på informationspunkt' }).fill(INFORMATION);
    await page.getByRole('button', { name: 'Lägg till informationspunkt' }).click();
    await agendaRow(page, INFORMATION).waitFor();

    await page.getByRole('combobox', { name: 'Rubrik på stående punkt' }).fill(ANNOUNCEMENTS);
    await page.getByRole('radio', { name: 'I slutet' }).check();
    await page.getByRole('button', { name: 'Lägg till stående punkt' }).click();
    await agendaRow(page, ANNOUNCEMENTS).waitFor();

    expect(await savedTitles()).toEqual(['Val av justerande', 'Anmälan av extra ärenden', SCHOOL_YEAR, CULTURE_SCHOOL_FEES, INFORMATION, ANNOUNCEMENTS]);
  });

  it('reorders with the keyboard alone and with the mouse, saving each new order', async () => {
    await moveAgendaItemWithKeyboard(page, CULTURE_SCHOOL_FEES, 'up');
    expect(await savedTitles()).toEqual(['Val av justerande', 'Anmälan av extra ärenden', CULTURE_SCHOOL_FEES, SCHOOL_YEAR, INFORMATION, ANNOUNCEMENTS]);

    await agendaRow(page, SCHOOL_YEAR).getByRole('button', { name: `Flytta ned ${SCHOOL_YEAR}` }).click();
    await page.getByRole('status').filter({ hasText: `${SCHOOL_YEAR} är nu punkt 5 av 6.` }).waitFor();

    const handle = agendaRow(page, SCHOOL_YEAR).getByRole('button', { name: `Dra ${SCHOOL_YEAR}` });
    // The whole row is the drag source; the handle is where a person takes hold of it.
    await handle.dragTo(agendaRow(page, CULTURE_SCHOOL_FEES), { force: true, targetPosition: { x: 40, y: 4 } });
    await page.getByRole('status').filter({ hasText: `${SCHOOL_YEAR} är nu punkt 3 av 6.` }).waitFor();
    expect(await savedTitles()).toEqual(['Val av justerande', 'Anmälan av extra ärenden', SCHOOL_YEAR, CULTURE_SCHOOL_FEES, INFORMATION, ANNOUNCEMENTS]);
  });

  it('marks documents as coming later, and shows next to the item why it cannot be open', async () => {
    await agendaRow(page, SCHOOL_YEAR).locator('label', { hasText: 'Handlingar delges senare' }).click();
    await agendaRow(page, SCHOOL_YEAR).locator('.badge', { hasText: 'Handlingar delges senare' }).waitFor();

    await agendaRow(page, CULTURE_SCHOOL_FEES).locator('label', { hasText: 'Offentlig' }).click();
    await agendaRow(page, CULTURE_SCHOOL_FEES).getByRole('alert').filter({ hasText: 'Social- och utbildningsnämnden har inte rätt att hålla öppna sammanträden' }).waitFor();
    await checkPage(page, 'dagordning-fel-offentlig');

    const items = (await apiGet(`/meetings/${meetingId}/agenda-items`)) as { title: string; documentsLater: boolean; public: boolean }[];
    expect(items.find((item) => item.title === SCHOOL_YEAR)).toMatchObject({ documentsLater: true, public: false });
    expect(items.find((item) => item.title === CULTURE_SCHOOL_FEES)).toMatchObject({ documentsLater: false, public: false });
  });

  it('previews the kallelse as a Word document built from the current agenda, storing nothing', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Förhandsgranska kallelsen (Word)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Förhandsgranskning kallelse SUN \d{4}-\d{2}-\d{2}\.docx$/);
    const text = (await readDocx(await readFile((await download.path())!))).text;
    for (const expected of ['Social- och utbildningsnämnden', 'Val av justerande', 'SUN 2022/9', SCHOOL_YEAR, 'SUN 2022/10', CULTURE_SCHOOL_FEES, INFORMATION, ANNOUNCEMENTS]) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf(SCHOOL_YEAR)).toBeLessThan(text.indexOf(CULTURE_SCHOOL_FEES));
    expect(await apiGet(`/meetings/${meetingId}/notices`)).toEqual([]);
  });

  it('previews the kallelse with its handlingar as a PDF, as the members will get it, storing nothing', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Förhandsgranska kallelsen med handlingar (PDF)' }).click()]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = squash(await poppler('pdftotext', pdf));
    for (const expected of ['Social- och utbildningsnämnden', 'SUN 2022/9', SCHOOL_YEAR, 'SUN 2022/10', CULTURE_SCHOOL_FEES, 'Förvaltningens förslag till beslut']) {
      expect(text).toContain(expected);
    }
    expect(await apiGet(`/meetings/${meetingId}/notices`)).toEqual([]);
  });

  it('finalizes the notice of a meeting three days away: the dialog says it goes out at once, late, and the tab shows it', async () => {
    await page.getByRole('button', { name: 'Fastställ kallelsen', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Fastställ kallelsen' });
    await dialog.getByText('Den tiden har passerat.').waitFor();
    await checkPage(page, 'dagordning-faststall-dialog');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await apiGet(`/meetings/${meetingId}/notices`)).toEqual([]);

    expect(await finalizeNotice(page)).toEqual({ late: true });

    const notices = await apiGet(`/meetings/${meetingId}/notices`);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ version: 1, kind: 'notice', sentLate: true });
    expect((await apiGet(`/meetings/${meetingId}`)).status).toBe('notice_finalized');
    await checkPage(page, 'dagordning-faststalld');
  });

  it('removes an item after the notice is finalized, and the notice not yet sent is rendered again as the next version', async () => {
    await agendaRow(page, ANNOUNCEMENTS).getByRole('button', { name: `Ta bort ${ANNOUNCEMENTS}` }).click();
    await agendaRow(page, ANNOUNCEMENTS).waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: `${ANNOUNCEMENTS} togs bort från föredragningslistan.` }).waitFor();
    await page.locator('#agenda-notice-state', { hasText: 'Kallelse version 2, fastställd' }).waitFor();
    expect(await savedTitles()).toEqual(['Val av justerande', 'Anmälan av extra ärenden', SCHOOL_YEAR, CULTURE_SCHOOL_FEES, INFORMATION]);
    expect(((await apiGet(`/meetings/${meetingId}/notices`)) as { status: string }[]).map((notice) => notice.status)).toEqual(['superseded', 'scheduled']);
  });
});
