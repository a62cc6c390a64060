import { Workbook } from 'exceljs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_USERS, WebStack } from './support/web-stack';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LUDVIKA = 'Vision och verksamhetsmål 2021–2025';

/** The Styrmodell page: the seeded Ludvika framework, its exports, and reading a workbook or JSON file in. */
describe('the Styrmodell page: goal frameworks in from Excel, every error shown where it is', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await WebStack.start('web_goals', { worker: false });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  beforeEach(async () => {
    context = await newContext(browser, stack.baseUrl);
    page = await context.newPage();
  });

  afterEach(() => context.close());

  const openPage = async (email: string) => {
    await signIn(page, email);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Styrmodell' }).click();
    // The start page was ready too: wait for this page's own heading before its readiness.
    await page.getByRole('heading', { level: 1, name: 'Styrmodell' }).waitFor();
    await page.locator('[data-ready="true"]').waitFor();
  };
  const exportedWorkbook = async (): Promise<Buffer> => {
    const href = await page.getByRole('link', { name: `${LUDVIKA} som Excel` }).getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(XLSX);
    return Buffer.from(await response.body());
  };
  const upload = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    await page.getByLabel('Fil (Excel eller JSON)').setInputFiles(file);
    await page.getByRole('button', { name: 'Läs in' }).click();
  };

  it('lists the framework with its period and exports, and reads its own export back in without changing anything', async () => {
    await openPage(SEED_USERS.admin);
    const row = page.getByRole('row').filter({ hasText: LUDVIKA });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([LUDVIKA, '2018–2025', 'KF 2020-11-16 § 163', 'Excel JSON']);
    const template = await page.request.get((await page.getByRole('link', { name: 'Ladda ned Excelmallen' }).getAttribute('href'))!);
    expect(template.headers()['content-type']).toContain(XLSX);

    await upload({ name: 'ludvika.xlsx', mimeType: XLSX, buffer: await exportedWorkbook() });
    await page.getByRole('status').filter({ hasText: 'Inget ändrades' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Inget ändrades' }).textContent()).toBe(`Styrmodellen ”${LUDVIKA}” har redan samma innehåll. Inget ändrades.`);
  });

  it('shows every error of a workbook at its sheet and cell, with the focus on them', async () => {
    await openPage(SEED_USERS.admin);
    const workbook = new Workbook();
    await workbook.xlsx.load((await exportedWorkbook()) as never);
    const indicators = workbook.getWorksheet('Indikatorer')!;
    const header = indicators.getRow(1).values as unknown[];
    const nameColumn = header.indexOf('Namn');
    indicators.getRow(3).getCell(nameColumn).value = null;
    const target = header.findIndex((title) => typeof title === 'string' && title.startsWith('Mål '));
    indicators.getRow(2).getCell(target).value = '≧ 80';
    await upload({ name: 'ludvika-med-fel.xlsx', mimeType: XLSX, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await alert.locator('p').first().textContent()).toMatch(/^Arbetsboken innehåller \d+ fel och lästes inte in$/);
    const places = await alert.getByRole('row').locator('td:first-child').allTextContents();
    expect(places).toEqual(expect.arrayContaining([expect.stringMatching(/^Indikatorer![A-Z]+2$/), expect.stringMatching(/^Indikatorer![A-Z]+3$/)]));
    expect(await alert.textContent()).toContain('≧');
    await checkPage(page, 'styrmodell-fel');
  });

  it('answers a JSON file that is not JSON with where it goes wrong', async () => {
    await openPage(SEED_USERS.admin);
    await upload({ name: 'styrmodell.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "formatVersion": 1,\n  "framework": {,\n}') });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('p').first().textContent()).toBe('Begärans innehåll är inte giltig JSON');
    expect(await alert.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual(['Hela filen', 'Oväntat tecken vid position 40 (rad 3, kolumn 17)']);
  });

  it('lets a secretary read and export the frameworks but not read one in', async () => {
    await openPage(SEED_USERS.secretary);
    await page.getByRole('link', { name: `${LUDVIKA} som JSON` }).waitFor();
    expect(await page.getByRole('heading', { name: 'Läs in styrmodell' }).count()).toBe(0);
    await checkPage(page, 'styrmodell');
  });
});
