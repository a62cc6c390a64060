/// <reference lib="dom" />
// The callbacks given to locator.evaluate() run in the browser.
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Api, apiAs, stockholmDaysFromNow } from '../support/meeting-fixture';
import { WorkerProcess } from '../support/worker-process';
import { expectNoticeDelivered, openMeetingTab, reportAbsence } from './journey/notice.steps';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_PASSWORD, SEED_USERS, WebStack } from './support/web-stack';

const REFUSED = 'lars.pahittad@ludvika.example';

describe('the meeting page: kallelse och utskick, närvaro', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let secretary: Api;
  let meetingId: string;

  const noticeVersions = async () => (await secretary.get(`/meetings/${meetingId}/notices`).expect(200)).body as { version: number; kind: string; sentLate: boolean }[];

  const startWorker = async () => {
    stack.worker ??= await new WorkerProcess({ DATABASE_URL: stack.database.url, REDIS_URL: stack.redis.url, SMTP_URL: stack.sink.url, PUBLIC_BASE_URL: stack.baseUrl }).start();
  };

  beforeAll(async () => {
    // The worker starts only once the page shows the notice waiting, so that the page is seen following the sending by itself.
    stack = await WebStack.start('web_notice', { worker: false });
    const login = await stack.testApp.http().post('/api/v1/auth/login').send({ email: SEED_USERS.secretary, password: SEED_PASSWORD }).expect(200);
    secretary = apiAs(stack.testApp, login.body.accessToken);
    const organ = (await secretary.get('/organs?pageSize=200').expect(200)).body.items.find((candidate: { shortName: string }) => candidate.shortName === 'SUN');
    const matters = (await secretary.get(`/matters?organId=${organ.id}&pageSize=100`).expect(200)).body.items as { id: string; caseNumber: string }[];
    // Three days ahead: the organ's week of notice has passed, so the notice leaves at once, late.
    meetingId = (await secretary.post('/meetings', { organId: organ.id, startsAt: stockholmDaysFromNow(3, '14:00'), endsAt: stockholmDaysFromNow(3, '17:00'), place: 'Sessionssalen, Stadshuset' }).expect(201)).body.id;
    for (const caseNumber of ['SUN 2022/9', 'SUN 2022/10']) {
      const matter = matters.find((candidate) => candidate.caseNumber === caseNumber)!;
      await secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: matter.id }).expect(201);
    }
    browser = await launchBrowser();
    context = await newContext(browser, stack.baseUrl);
    page = await context.newPage();
    await signIn(page, SEED_USERS.secretary);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('follows a late notice by itself from waiting to every recipient having it, and each message arrives in the SMTP server', async () => {
    const finalized = (await secretary.post(`/meetings/${meetingId}/notices`).expect(201)).body;
    expect(finalized.sentLate).toBe(true);
    await page.goto(`/moten/${meetingId}?flik=kallelse`);
    const version1 = page.locator('tr[data-version="1"]');
    await version1.getByText('Väntar på utskick').waitFor();
    expect(await version1.textContent()).toContain('Skickas för sent');
    await checkPage(page, 'mote-kallelse-vantar');

    await startWorker();
    const recipients = await expectNoticeDelivered(page, stack.sink, [SEED_USERS.chair, SEED_USERS.member, 'kerstin.exempelgren@ludvika.example']);
    expect(recipients.length).toBeGreaterThanOrEqual(26);
    await version1.getByText('Skickad för sent').waitFor();
    expect(await version1.textContent()).toMatch(/Skickad \d+ \S+ \d{4} kl\. \d\d:\d\d/);
    expect(await version1.getByRole('link', { name: /Kallelsen, version 1 \(Word\)/ }).getAttribute('href')).toBe(`/api/v1/meeting-notices/${finalized.id}/docx`);
    // The handlingar went out with it: one PDF, offered beside the Word file.
    const handlingar = version1.getByRole('link', { name: /^Kallelse med handlingar, version 1 \(PDF, \d+ sidor/ });
    expect(await handlingar.getAttribute('href')).toBe(`/api/v1/meeting-notices/${finalized.id}/pdf`);
    await checkPage(page, 'mote-kallelse-skickad');
  });

  it('sends a revised notice when the place is changed on "Tid och plats", and shows a recipient whose address the mail server refuses as not having it, and why, in Swedish', async () => {
    stack.sink.refused.add(REFUSED);
    await openMeetingTab(page, 'Tid och plats', 'mouse');
    await page.getByText('Kallelsen är skickad. Ändrar du tid, plats eller gruppmöten skickas en reviderad kallelse genast till alla mottagare.').waitFor();
    await page.getByRole('textbox', { name: /^Plats/ }).fill('Sammanträdesrum Väsman, Stadshuset');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringarna är sparade. En reviderad kallelse skickas till alla mottagare.' }).waitFor();
    await checkPage(page, 'mote-tid-och-plats-andrad');
    expect((await noticeVersions()).map((notice) => notice.kind)).toEqual(['notice', 'revised']);

    await openMeetingTab(page, 'Kallelse och utskick', 'mouse');
    const version2 = page.locator('tr[data-version="2"]');
    await version2.getByText('Reviderad kallelse, version 2').waitFor();
    expect(await version2.getByRole('list', { name: 'Ändringar i version 2' }).textContent()).toContain('Väsman');

    const refused = page.locator(`tr[data-recipient="${REFUSED}"][data-status="failed"]`);
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.textContent()).toContain('Inte mottagen');
    expect(await refused.textContent()).toContain('adressen inte finns eller inte tar emot e-post (550)');
    await page.locator('[data-delivery-settled="true"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('.notice-delivery-summary').textContent()).toMatch(/^\d+ av \d+ har tagit emot den, 1 har inte tagit emot den\.$/);
    await checkPage(page, 'mote-kallelse-reviderad');

    await page.getByRole('button', { name: 'Visa utskick, version 1' }).click();
    await page.getByRole('heading', { name: 'Utskick av kallelse, version 1' }).waitFor();
    expect(await page.locator(`tr[data-recipient="${REFUSED}"]`).getAttribute('data-status')).toBe('sent');
  });

  it('reports förhinder for a member, shows the ersättare called in and that the nämnd stays beslutför, and withdraws it', async () => {
    await startWorker();
    await page.goto(`/moten/${meetingId}?flik=narvaro`);
    const quorum = page.locator('.attendance-quorum');
    await quorum.waitFor();
    expect(await quorum.textContent()).toContain('Beslutfört: 13 av 13 ledamöter eller tjänstgörande ersättare väntas. Minst 7 behövs');
    await checkPage(page, 'mote-narvaro');
    await page.getByRole('button', { name: /Vem har förhinder\?/ }).click();
    await page.getByRole('listbox').waitFor();
    await checkPage(page, 'mote-narvaro-valj-person');
    await page.keyboard.press('Escape');

    const before = stack.sink.to('kerstin.exempelgren@ludvika.example').length;
    expect(await reportAbsence(page, 'Erik Testberg')).toBe('Kerstin Exempelgren');
    expect(await quorum.textContent()).toContain('Beslutfört: 13 av 13');
    await stack.sink.waitFor(() => stack.sink.to('kerstin.exempelgren@ludvika.example').length > before, 30_000, 'the call-in of Kerstin Exempelgren');
    const substitutes = page.locator('.attendance-substitutes');
    expect(await substitutes.locator('tr', { hasText: 'Kerstin Exempelgren' }).textContent()).toContain('Inkallad för Erik Testberg');
    expect(await page.locator('.attendance-calls tbody tr').first().textContent()).toMatch(/^Kerstin ExempelgrenErik Testberg.*Inkallad$/);
    await checkPage(page, 'mote-narvaro-forhinder');

    // With the keyboard alone, from the tab list: the Liberal member's seat goes to the Liberal substitute, last but one in the order.
    await page.getByRole('tab', { name: 'Kallelse och utskick' }).click();
    expect(await reportAbsence(page, 'Mats Provholm', 'keyboard')).toBe('Stefan Provberg');

    await page.getByRole('button', { name: 'Återkalla förhinder för Erik Testberg' }).click();
    await page.getByRole('status').filter({ hasText: 'Förhindret för Erik Testberg är återkallat.' }).waitFor();
    expect(await page.locator('.attendance-members tr', { hasText: 'Erik Testberg' }).textContent()).toContain('Väntas');
    await page.locator('.attendance-calls tbody tr', { hasText: 'Avbokad' }).waitFor();
    expect(await substitutes.locator('tr', { hasText: 'Kerstin Exempelgren' }).textContent()).toContain('Inte inkallad');
  });

  it('sends the items added after the notice as a tilläggskallelse, and says so when nothing has been added', async () => {
    await secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Information om skolskjutsupphandlingen' }).expect(201);
    await page.goto(`/moten/${meetingId}?flik=kallelse`);
    await page.getByRole('button', { name: 'Skicka tilläggskallelse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Skicka tilläggskallelse' });
    await dialog.waitFor();
    await checkPage(page, 'mote-tillaggskallelse-dialog');
    await dialog.getByRole('button', { name: 'Skicka tilläggskallelsen' }).click();
    await page.getByRole('status').filter({ hasText: 'Tilläggskallelse, version 3, fastställdes' }).waitFor();
    await page.locator('tr[data-version="3"]').getByText('Tilläggskallelse, version 3').waitFor();
    expect((await noticeVersions()).map((notice) => notice.kind)).toEqual(['notice', 'revised', 'supplementary']);

    await page.getByRole('button', { name: 'Skicka tilläggskallelse' }).click();
    await dialog.getByRole('button', { name: 'Skicka tilläggskallelsen' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'inga ärenden har lagts till' }).waitFor();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(await noticeVersions()).toHaveLength(3);
  });

  it('cancels the meeting only with a reason, and then shows the reason prominently', async () => {
    await page.getByRole('button', { name: 'Ställ in sammanträdet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ställ in sammanträdet' });
    await dialog.getByRole('button', { name: 'Ställ in sammanträdet' }).click();
    const reason = dialog.getByRole('textbox', { name: 'Skäl' });
    await dialog.getByText('Fyll i fältet.').first().waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect((await secretary.get(`/meetings/${meetingId}`).expect(200)).body.status).toBe('notice_sent');
    await checkPage(page, 'mote-installa-dialog');

    await reason.fill('För få ärenden; ärendena tas upp vid nästa sammanträde');
    await dialog.getByRole('button', { name: 'Ställ in sammanträdet' }).click();
    const banner = page.locator('.notice-cancelled');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Sammanträdet är inställt');
    expect(await banner.textContent()).toContain('Skäl: För få ärenden; ärendena tas upp vid nästa sammanträde');
    expect(await banner.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.getByRole('button', { name: 'Ställ in sammanträdet' }).count()).toBe(0);
    expect((await secretary.get(`/meetings/${meetingId}`).expect(200)).body).toMatchObject({ status: 'cancelled', cancellationReason: 'För få ärenden; ärendena tas upp vid nästa sammanträde' });
    await page.locator('tr[data-version="4"]').getByText('Meddelande om inställt sammanträde, version 4').waitFor();
    await checkPage(page, 'mote-installt');
  });
});
