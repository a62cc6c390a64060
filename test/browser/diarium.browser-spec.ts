/// <reference lib="dom" />
// The callbacks given to page.evaluate() run in the browser.
import { Browser, BrowserContext, Page } from 'playwright-core';
import { docxWithText } from '../support/files';
import { openDiarium, openMatter, registerMatter, searchMatters } from './journey/diarium.steps';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_USERS, WebStack } from './support/web-stack';

describe('the web app: the diarium and a matter’s page', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await WebStack.start('web_diarium', { worker: false });
    browser = await launchBrowser();
  }, 120_000);

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

  const resultRows = () => page.getByRole('table', { name: 'Ärenden i diariet' }).locator('tbody tr');

  it('finds SUN 2022/7 by a Swedish word of its title, and keeps the search and the filters in the address across a reload', async () => {
    await openDiarium(page);
    await checkPage(page, 'diarium');
    await searchMatters(page, 'skolskjuts');
    const row = resultRows().filter({ has: page.getByRole('link', { name: 'SUN 2022/7', exact: true }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Riktlinjer för skolskjuts i Ludvika kommun');

    const [{ status }] = await stack.testApp.dataSource.query(`SELECT status FROM matters WHERE case_number = 'SUN 2022/7'`);
    const statusLabel = { registered: 'Registrerat', in_preparation: 'Under beredning', ready_for_decision: 'Klart för beslut', decided: 'Beslutat' }[status as string];
    await page.getByRole('button', { name: /Status$/ }).click();
    await page.getByRole('option', { name: statusLabel, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === status && url.searchParams.get('q') === 'skolskjuts');
    await page.locator('[data-ready="true"]').waitFor();
    await checkPage(page, 'diarium-sokning');

    await page.reload();
    await page.locator('[data-ready="true"]').waitFor();
    expect(await page.getByRole('searchbox', { name: 'Sök' }).inputValue()).toBe('skolskjuts');
    expect(await page.getByRole('button', { name: /Status$/ }).textContent()).toContain(statusLabel);
    await row.waitFor();

    // Another status, from the address alone, leaves it out.
    await page.goto(`/diarium?q=skolskjuts&status=${status === 'closed' ? 'registered' : 'closed'}`);
    await page.getByRole('status').filter({ hasText: 'Inga ärenden matchar.' }).waitFor();
    expect(await resultRows().count()).toBe(0);
  });

  it('registers a matter: a missing title is told at the field, then the new case number is announced on the matter’s page', async () => {
    await openDiarium(page);
    const countBefore = Number((await stack.testApp.dataSource.query('SELECT count(*) FROM matters'))[0].count);
    await page.getByRole('button', { name: 'Registrera ärende' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera ärende' });
    await dialog.waitFor();
    await checkPage(page, 'diarium-registrera');

    await dialog.getByRole('button', { name: 'Registrera', exact: true }).click();
    const titleField = dialog.getByRole('textbox', { name: 'Rubrik' });
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await titleField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await titleField.getAttribute('aria-describedby')) ?? '';
    const fieldMessage = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), describedBy);
    expect(fieldMessage).toContain('Fyll i fältet.');
    await checkPage(page, 'diarium-registrera-fel');
    expect(Number((await stack.testApp.dataSource.query('SELECT count(*) FROM matters'))[0].count)).toBe(countBefore);

    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    const caseNumber = await registerMatter(page, 'Lokalförsörjning för förskolan i Grangärde');
    expect(caseNumber).toMatch(/^SUN \d{4}\/\d+$/);
    await page.getByRole('heading', { level: 1, name: `${caseNumber} Lokalförsörjning för förskolan i Grangärde` }).waitFor();
    await page.locator('[data-ready="true"]').waitFor();
    await checkPage(page, 'arende-nytt');
  });

  it('uploads a DOCX marked secret under OSL, lists it as secret, and shows the events in the history', async () => {
    await openDiarium(page);
    const caseNumber = await registerMatter(page, 'Skolplacering av elev med särskilda behov');
    await page.getByRole('button', { name: 'Registrera handling' }).click();
    const dialog = page.getByRole('dialog', { name: `Registrera handling i ${caseNumber}` });
    await dialog.waitFor();
    await dialog.getByLabel('Fil').setInputFiles({ name: 'ansokan.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await docxWithText('Ansökan', 'Vår dotter behöver en annan skolplacering.') });
    await dialog.getByRole('textbox', { name: 'Avsändare' }).fill('En vårdnadshavare');
    await dialog.getByRole('textbox', { name: 'Beskrivning' }).fill('Ansökan om skolplacering');
    // react-aria's checkbox is its label; the input inside is visually hidden.
    await dialog.getByText('Sekretessmarkera handlingen').click();
    expect(await dialog.getByRole('checkbox', { name: 'Sekretessmarkera handlingen' }).isChecked()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Sekretessbestämmelse' }).fill('OSL 23 kap. 2 §');
    await checkPage(page, 'arende-registrera-handling');
    await dialog.getByRole('button', { name: 'Registrera handling' }).click();
    await dialog.waitFor({ state: 'detached' });

    const documents = page.getByRole('table', { name: 'Handlingar i ärendet' });
    const row = documents.locator('tbody tr').filter({ hasText: 'Ansökan om skolplacering' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Sekretess, OSL 23 kap. 2 §');
    expect(await row.textContent()).toContain('Inkommande');
    expect(await row.textContent()).toContain(`${caseNumber}-1`);
    const history = page.getByRole('region', { name: 'Historik' });
    await history.getByText('Handling registrerad').waitFor();
    expect(await history.getByText('Registrerat', { exact: true }).count()).toBe(1);
    await checkPage(page, 'arende-handling');

    const download = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Ansökan om skolplacering' }).click()]).then(([event]) => event);
    expect(download.suggestedFilename()).toBe('ansokan.docx');
  });

  it('lifts and sets a document’s secrecy marking, and moves the matter on in its lifecycle', async () => {
    await openDiarium(page);
    const caseNumber = await registerMatter(page, 'Ansökan om bidrag till föreningen Ludvika Simsällskap');
    await page.getByRole('button', { name: 'Registrera handling' }).click();
    const upload = page.getByRole('dialog', { name: `Registrera handling i ${caseNumber}` });
    await upload.getByLabel('Fil').setInputFiles({ name: 'ansokan.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await docxWithText('Ansökan', 'Föreningen söker bidrag.') });
    await upload.getByRole('textbox', { name: 'Avsändare' }).fill('Ludvika Simsällskap');
    await upload.getByRole('textbox', { name: 'Beskrivning' }).fill('Ansökan om bidrag');
    await upload.getByRole('button', { name: 'Registrera handling' }).click();
    await upload.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: 'Handlingar i ärendet' }).locator('tbody tr').filter({ hasText: 'Ansökan om bidrag' });
    await row.getByText('Offentlig').waitFor();

    await row.getByRole('button', { name: `Sekretessmarkera ${caseNumber}-1` }).click();
    const mark = page.getByRole('dialog', { name: `Sekretessmarkera ${caseNumber}-1` });
    await mark.getByRole('textbox', { name: 'Sekretessbestämmelse' }).fill('OSL 26 kap. 1 §');
    await checkPage(page, 'arende-sekretessmarkera');
    await mark.getByRole('button', { name: 'Sekretessmarkera' }).click();
    await mark.waitFor({ state: 'detached' });
    await row.getByText('Sekretess, OSL 26 kap. 1 §').waitFor();
    await page.getByRole('region', { name: 'Historik' }).getByText('Sekretessmarkering ändrad').waitFor();

    await row.getByRole('button', { name: `Häv sekretess ${caseNumber}-1` }).click();
    const lift = page.getByRole('dialog', { name: `Häv sekretessen för ${caseNumber}-1` });
    await lift.getByRole('button', { name: 'Häv sekretess' }).click();
    await lift.waitFor({ state: 'detached' });
    await row.getByText('Offentlig').waitFor();

    const statusForm = page.getByRole('region', { name: 'Ändra status' });
    await statusForm.getByRole('textbox', { name: 'Kommentar' }).fill('Handläggningen påbörjas');
    await statusForm.getByRole('button', { name: 'Ändra status' }).click();
    await page.getByRole('status').filter({ hasText: 'Status ändrad till under beredning.' }).waitFor();
    await page.locator('.page-subtitle').getByText('Under beredning').waitFor();
    await page.getByRole('region', { name: 'Historik' }).getByText('Status ändrad', { exact: true }).waitFor();
  });

  it('shows a seeded matter with its signed tjänsteskrivelse and its DOCX', async () => {
    await openDiarium(page);
    await searchMatters(page, 'SUN 2022/9');
    await openMatter(page, 'SUN 2022/9');
    const reports = page.getByRole('region', { name: 'Tjänsteskrivelser' });
    await reports.locator('tbody').getByText('Signerad', { exact: true }).waitFor();
    await reports.getByRole('link', { name: /\(DOCX\)$/ }).waitFor();
    await checkPage(page, 'arende-tjansteskrivelse');
  });

  it('can be used with the keyboard alone: search, then open a matter with Enter', async () => {
    await page.goto('/diarium');
    await page.locator('[data-ready="true"]').waitFor();
    const focusedIs = (check: (element: Element) => boolean) => page.evaluate(`(${check.toString()})(document.activeElement)`) as Promise<boolean>;
    const tabUntil = async (description: string, check: (element: Element) => boolean) => {
      for (let presses = 0; presses < 40; presses += 1) {
        if (await focusedIs(check)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${description}`);
    };
    await tabUntil('the search field', (element) => element.getAttribute('type') === 'search');
    await page.keyboard.type('skolskjuts');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'skolskjuts');
    await page.locator('[data-ready="true"]').waitFor();
    await tabUntil('the link to SUN 2022/7', (element) => element.tagName === 'A' && element.textContent === 'SUN 2022/7');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/arenden/*');
    await page.getByRole('heading', { level: 1, name: 'SUN 2022/7 Riktlinjer för skolskjuts i Ludvika kommun' }).waitFor();
  });
});
