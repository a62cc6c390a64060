/// <reference lib="dom" />
// The callbacks given to locator.evaluate() run in the browser.
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_USERS, WebStack } from './support/web-stack';
import { openMeetingPlan, pageReady, planMeeting, segmentField, typeInto } from './journey/plan.steps';

interface MeetingBody {
  id: string;
  startsAt: string;
  endsAt: string;
  place: string;
  status: string;
  groupMeetings: { startTime: string; endTime: string; parties: string[]; room: string }[];
}

const stockholmDay = (daysFromNow: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + daysFromNow * 86_400_000));
const stockholmDayOf = (instant: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(instant));
const nextYear = Number(stockholmDay(0).slice(0, 4)) + 1;

/** What a screen reader reads out with a field: its description and its error, joined. */
function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

describe('the web app: Sammanträdesplan and a meeting\'s Tid och plats', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** Reads through the signed-in browser's own session, as the page does. */
  async function read<T>(path: string): Promise<T> {
    const response = await page.request.get(`/api/v1${path}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    stack = await WebStack.start('web_plan', { worker: false });
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

  it('plans a meeting three days away through the dialog, opens its page, and lists it in the year\'s plan', async () => {
    await signIn(page, SEED_USERS.secretary);
    const date = stockholmDay(3);
    const id = await planMeeting(page, { organ: 'SUN', date, start: '14:00', end: '16:30', place: 'Sessionssalen, Stadshuset' });

    const meeting = await read<MeetingBody>(`/meetings/${id}`);
    expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(new Date(meeting.startsAt))).toBe(`${date} 14:00`);
    expect(new Date(meeting.endsAt).getTime() - new Date(meeting.startsAt).getTime()).toBe(150 * 60_000);
    expect(meeting).toMatchObject({ place: 'Sessionssalen, Stadshuset', status: 'planned' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sammanträde');

    await openMeetingPlan(page, 'SUN', date.slice(0, 4));
    const row = page.locator(`tr[data-meeting-id="${id}"]`);
    expect(await row.getByRole('cell').allTextContents()).toEqual([expect.stringContaining(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(meeting.startsAt))), '14:00–16:30', 'Sessionssalen, Stadshuset', 'Planerat']);
    expect(new URL(page.url()).searchParams.get('ar')).toBe(date.slice(0, 4));
    await checkPage(page, 'sammantradesplan');
    await row.getByRole('link').click();
    await page.waitForURL(`**/moten/${id}`);
  });

  it('names the problems next to the fields: a missing place, then an end before the start; nothing is planned', async () => {
    await signIn(page, SEED_USERS.secretary);
    await openMeetingPlan(page, 'SUN', String(nextYear));
    const before = (await read<{ total: number }>(`/meetings?year=${nextYear}`)).total;
    await page.getByRole('button', { name: 'Planera sammanträde' }).click();
    const dialog = page.getByRole('dialog', { name: 'Planera sammanträde' });
    await checkPage(page, 'sammantradesplan-planera');

    await typeInto(segmentField(dialog, 'Datum'), `${nextYear}-02-10`);
    await typeInto(segmentField(dialog, 'Starttid'), '15:00');
    await typeInto(segmentField(dialog, 'Sluttid'), '14:00');
    await dialog.getByRole('button', { name: 'Planera', exact: true }).click();
    const place = dialog.getByRole('textbox', { name: 'Plats' });
    await dialog.locator('[aria-invalid="true"]').first().waitFor();
    expect(await place.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(place)).toContain('Fyll i fältet.');

    await place.fill('Sessionssalen');
    await dialog.getByRole('button', { name: 'Planera', exact: true }).click();
    const end = segmentField(dialog, 'Sluttid');
    await dialog.getByRole('alert').filter({ hasText: 'Sammanträdet måste sluta efter att det har börjat' }).waitFor();
    expect(await dialog.locator('.field[data-invalid]').filter({ has: page.getByRole('group', { name: 'Sluttid', exact: true }) }).count()).toBe(1);
    expect(await descriptionOf(end)).toContain('Sammanträdet måste sluta efter att det har börjat');
    expect(await place.getAttribute('aria-invalid')).not.toBe('true');
    await checkPage(page, 'sammantradesplan-planera-fel');

    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await read<{ total: number }>(`/meetings?year=${nextYear}`)).total).toBe(before);
  });

  it('plans a meeting with the keyboard alone: opens the dialog, fills it in and submits it', async () => {
    await signIn(page, SEED_USERS.secretary);
    await openMeetingPlan(page, 'SUN', String(nextYear));
    const planButton = page.getByRole('button', { name: 'Planera sammanträde' });
    for (let presses = 0; presses < 30 && !(await planButton.evaluate((button) => button === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Planera sammanträde' });
    await dialog.waitFor();
    // The dialog opens with the focus in its first field, the date, year first; each segment moves on when full.
    expect(await segmentField(dialog, 'Datum').evaluate((field) => field.contains(document.activeElement))).toBe(true);
    await page.keyboard.type(`${nextYear}0317`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('0900');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1130');
    const shown = await Promise.all(['Datum', 'Starttid', 'Sluttid'].map((label) => segmentField(dialog, label).textContent()));
    // The segments are wrapped in direction marks (U+2066–2069).
    expect(shown.map((text) => text?.replace(/[\u2066-\u2069]/g, ''))).toEqual([`${nextYear}-03-17`, '09:00', '11:30']);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Folkets hus, Ludvika');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/moten\/[0-9a-f-]{36}$/);
    await pageReady(page);
    const id = new URL(page.url()).pathname.split('/').pop();
    const meeting = await read<MeetingBody>(`/meetings/${id}`);
    expect(meeting.place).toBe('Folkets hus, Ludvika');
    expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(new Date(meeting.startsAt))).toBe(`${nextYear}-03-17 09:00`);
  });

  it('plans a year\'s meetings at once, and says which days it did not plan and why', async () => {
    await signIn(page, SEED_USERS.secretary);
    await openMeetingPlan(page, 'SUN', String(nextYear));
    const rowsBefore = await page.locator('tbody tr').count();
    await page.getByRole('button', { name: 'Planera årets sammanträden' }).click();
    const dialog = page.getByRole('dialog', { name: 'Planera årets sammanträden' });
    await dialog.getByLabel('Datum').fill([`${nextYear}-04-14`, `${nextYear}-05-12`, `${nextYear}-05-12`, `${nextYear + 1}-01-12`, `${nextYear}-02-30`].join('\n'));
    await typeInto(segmentField(dialog, 'Starttid'), '13:00');
    await typeInto(segmentField(dialog, 'Sluttid'), '16:00');
    await dialog.getByLabel('Plats').fill('Sessionssalen, Stadshuset');
    await dialog.getByRole('button', { name: 'Planera sammanträdena' }).click();

    await dialog.getByRole('heading', { name: '2 sammanträden planerade' }).waitFor();
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining(`14 april ${nextYear}`),
      expect.stringContaining(`12 maj ${nextYear}`),
      `${nextYear}-05-12 står mer än en gång`,
      `${nextYear + 1}-01-12 ligger inte i ${nextYear}`,
      `${nextYear}-02-30 är inte ett datum (ÅÅÅÅ-MM-DD)`,
    ]);
    await checkPage(page, 'sammantradesplan-arsplan');
    await dialog.getByRole('button', { name: 'Stäng' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('tbody tr').nth(rowsBefore + 1).waitFor();

    await page.getByRole('button', { name: 'Planera årets sammanträden' }).click();
    await dialog.getByLabel('Datum').fill(`${nextYear}-04-14\n${nextYear}-06-09`);
    await dialog.getByLabel('Plats').fill('Sessionssalen, Stadshuset');
    await dialog.getByRole('button', { name: 'Planera sammanträdena' }).click();
    await dialog.getByRole('heading', { name: '1 sammanträde planerat' }).waitFor();
    expect(await dialog.getByText(`${nextYear}-04-14 det finns redan ett sammanträde den dagen`).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Stäng' }).click();

    // The plan is in the address: a reload shows the same year and organ.
    await page.reload();
    await pageReady(page);
    expect(await page.locator('tbody tr').count()).toBe(rowsBefore + 3);
    const plan = await read<{ items: MeetingBody[] }>(`/meetings?year=${nextYear}&pageSize=200`);
    const days = plan.items.filter((meeting) => meeting.place === 'Sessionssalen, Stadshuset').map((meeting) => stockholmDayOf(meeting.startsAt));
    expect(days).toEqual([`${nextYear}-04-14`, `${nextYear}-05-12`, `${nextYear}-06-09`]);
  });

  it('lets an administrator choose among all organs, the organ in the address', async () => {
    await signIn(page, SEED_USERS.admin);
    await page.goto(`/sammantradesplan?ar=${nextYear}`);
    await pageReady(page);
    const organSelect = page.getByRole('button', { name: /Organ$/ });
    await organSelect.click();
    expect(await page.getByRole('option').count()).toBeGreaterThan(5);
    await checkPage(page, 'sammantradesplan-organ');
    await page.keyboard.press('Escape');
    await organSelect.click();
    await page.getByRole('option', { name: 'Kommunstyrelsen (KS)', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has('organ'));
    await pageReady(page);
    expect(await page.locator('.page-subtitle').textContent()).toBe(`Kommunstyrelsen (KS), ${nextYear}`);
  });

  it('edits time, place and group meetings on the Tid och plats tab, asking whether the group meetings move with the meeting', async () => {
    await signIn(page, SEED_USERS.secretary);
    const id = await planMeeting(page, { organ: 'SUN', date: `${nextYear}-09-15`, start: '14:00', end: '17:00', place: 'Sessionssalen' });
    await page.getByRole('tab', { name: 'Tid och plats' }).click();
    await page.waitForURL('**?flik=uppgifter');
    const form = page.getByRole('form', { name: 'Ändra tid och plats' });

    await form.getByRole('button', { name: 'Lägg till gruppmöte' }).click();
    const first = form.getByRole('group', { name: 'Gruppmöte 1' });
    expect(await segmentField(first, 'Från').evaluate((field) => field.contains(document.activeElement))).toBe(true);
    await typeInto(segmentField(first, 'Från'), '13:00');
    await typeInto(segmentField(first, 'Till'), '14:00');
    await first.getByLabel('Partier').fill('M, S');
    await first.getByLabel('Lokal').fill('sessionssalen');
    await form.getByRole('button', { name: 'Lägg till gruppmöte' }).click();
    const second = form.getByRole('group', { name: 'Gruppmöte 2' });
    await typeInto(segmentField(second, 'Från'), '13:00');
    await typeInto(segmentField(second, 'Till'), '14:00');
    await second.getByLabel('Partier').fill('SD');
    await second.getByLabel('Lokal').fill('smtr-rum "Grangärde"');
    await form.getByRole('textbox', { name: 'Plats' }).fill('Folkets hus, Ludvika');
    await form.getByRole('button', { name: 'Spara ändringar' }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringarna är sparade.' }).waitFor();
    expect(await page.locator('.details-summary').textContent()).toContain('13:00–14:00 M/S i sessionssalen');
    expect(await page.locator('.page-subtitle').textContent()).toContain('Folkets hus, Ludvika');

    // The start moves an hour: asked, the group meetings move with it.
    await typeInto(segmentField(form, 'Starttid'), '15:00');
    await typeInto(segmentField(form, 'Sluttid'), '18:00');
    const onMove = form.getByRole('radiogroup', { name: 'Starttiden ändras. Vad ska hända med gruppmötena?' });
    await onMove.waitFor();
    await checkPage(page, 'mote-tid-och-plats');
    await form.getByRole('button', { name: 'Spara ändringar' }).click();
    await page.locator('.details-summary').getByText('14:00–15:00 M/S i sessionssalen').waitFor();
    expect((await read<MeetingBody>(`/meetings/${id}`)).groupMeetings.map((group) => `${group.startTime}–${group.endTime}`)).toEqual(['14:00–15:00', '14:00–15:00']);

    // Kept where they are, they would end after the new start: the API's reason is shown at the question.
    await typeInto(segmentField(form, 'Starttid'), '14:30');
    await onMove.getByText('Behåll gruppmötenas tider').click();
    await form.getByRole('button', { name: 'Spara ändringar' }).click();
    await form.getByRole('alert').waitFor();
    expect(await descriptionOf(onMove)).toContain('Gruppmöte 1 (14:00–15:00)');
    await checkPage(page, 'mote-tid-och-plats-fel');
    expect(new Date((await read<MeetingBody>(`/meetings/${id}`)).startsAt).toISOString()).toBe(new Date(`${nextYear}-09-15T15:00:00+02:00`).toISOString());
  });

  it('warns before a change to a meeting whose notice is finalized that the notice is made anew', async () => {
    await signIn(page, SEED_USERS.secretary);
    const { items } = await read<{ items: MeetingBody[] }>('/meetings?status=notice_finalized');
    expect(items.length).toBeGreaterThan(0);
    await page.goto(`/moten/${items[0].id}?flik=uppgifter`);
    await pageReady(page);
    await page.getByText('Kallelsen är fastställd. Ändrar du tid, plats eller gruppmöten fastställs den på nytt').waitFor();
    await checkPage(page, 'mote-tid-och-plats-kallelse-faststalld');
  });
});
