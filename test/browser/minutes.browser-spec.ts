/// <reference lib="dom" />
// The callbacks given to page.evaluate() run in the browser.
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_PASSWORD, SEED_USERS, WebStack } from './support/web-stack';
import { openParagraph, paragraphEditor, recordParagraph } from './journey/minutes.steps';

interface ParagraphBody {
  id: string;
  number: number;
  title: string;
  status: string;
  decision: string[];
  proposal: string[];
  matterId: string | null;
  servingMembers: { personId: string; name: string }[];
  motions: { name: string; kind: string; text: string | null }[];
  votes: { status: string; yes: number; no: number; abstain: number; result: string | null; ballots: { name: string; choice: string }[] }[];
  dissents: { name: string }[];
  disqualifications: { name: string; substituteName: string | null }[];
}

/** Waits until the value read is the one expected (an autosave, a refetch). */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last: T | undefined;
  for (let attempt = 0; attempt < 50; attempt++) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(last).toEqual(expected);
}

/** Presses Tab until the element has the focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 200; presses++) {
    if (await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/**
 * The paragraphs of the protokoll at the meeting, in a real browser against the real API: recording
 * motion, vote, decision and reservation; jäv with the substitute who serves; the decision text saved
 * as typed and kept across a reload and a change of §; a second tab's change never overwritten
 * unseen; and one paragraph recorded with the keyboard alone.
 */
describe('the web app: the paragraphs of the minutes at the meeting', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let meetingId: string;
  /** The paragraphs with a proposal, each test its own; and every paragraph, in order. */
  let paragraphs: ParagraphBody[];
  let allParagraphs: ParagraphBody[];

  const apiGet = async (path: string) => (await stack.testApp.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
  const paragraph = (id: string): Promise<ParagraphBody> => apiGet(`/paragraphs/${id}`);
  const minutesPage = async (target: Page, number: number) => {
    await target.goto(`/moten/${meetingId}/protokoll?paragraf=${number}`);
    await target.locator('[data-ready="true"]').waitFor();
    await paragraphEditor(target).getByRole('heading', { level: 3 }).waitFor();
  };

  beforeAll(async () => {
    stack = await WebStack.start('web_minutes', { worker: false });
    browser = await launchBrowser();
    token = (await stack.testApp.http().post('/api/v1/auth/login').send({ email: SEED_USERS.secretary, password: SEED_PASSWORD }).expect(200)).body.accessToken;
    const as = (request: ReturnType<ReturnType<WebStack['testApp']['http']>['post']>) => request.set('Authorization', `Bearer ${token}`);
    // The seed's held SUN meeting of 11 January 2023, with its minutes opened and a substitute present.
    const [meeting] = await stack.testApp.dataSource.query(`SELECT id, status FROM meetings WHERE starts_at = '2023-01-11T13:00:00Z'`);
    meetingId = meeting.id;
    if (meeting.status !== 'held') await as(stack.testApp.http().post(`/api/v1/meetings/${meetingId}/held`)).expect(200);
    const minutes = (await as(stack.testApp.http().post(`/api/v1/meetings/${meetingId}/minutes`)).expect(201)).body;
    const [kerstin] = await stack.testApp.dataSource.query(`SELECT id FROM persons WHERE first_name = 'Kerstin' AND last_name = 'Exempelgren'`);
    const attendees = minutes.attendees.map((row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).filter(([key, value]) => value !== null && !(key === 'name' && row.personId) && key !== 'party')),
    );
    await stack.testApp.http().put(`/api/v1/minutes/${minutes.id}/attendance`).set('Authorization', `Bearer ${token}`).send({ attendees: [...attendees, { personId: kerstin.id, capacity: 'substitute' }] }).expect(200);
    allParagraphs = (await apiGet(`/meetings/${meetingId}/minutes`)).paragraphs;
    paragraphs = allParagraphs.filter((item) => item.proposal.length > 0);
    expect(paragraphs.length).toBeGreaterThanOrEqual(4);
  }, 180_000);

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

  it('records a motion, a recorded vote member by member, the decision and a reservation', async () => {
    const target = paragraphs[0];
    await minutesPage(page, target.number);
    await checkPage(page, 'protokoll-paragraf');
    const names = target.servingMembers.map((seat) => seat.name);
    const yes = names.filter((name) => !['Anna Exempelsson', 'Erik Testberg', 'Maria Fiktivsson', 'Lars Påhittad', 'Karin Låtsasson', 'Nils Påhittsson'].includes(name));
    await recordParagraph(page, {
      paragraphTitle: target.title,
      motion: { member: 'Anna Exempelsson', text: 'Ärendet ska kompletteras med en barnkonsekvensanalys.' },
      vote: { yes, no: ['Anna Exempelsson', 'Erik Testberg', 'Maria Fiktivsson', 'Lars Påhittad', 'Karin Låtsasson'], abstain: ['Nils Påhittsson'] },
      decision: 'Nämnden fastställer förslaget.\nBeslutet gäller från och med i dag.',
      dissent: { member: 'Anna Exempelsson' },
    });
    await checkPage(page, 'protokoll-paragraf-beslutad');

    const recorded = await paragraph(target.id);
    expect(recorded).toMatchObject({ status: 'decided', decision: ['Nämnden fastställer förslaget.', 'Beslutet gäller från och med i dag.'] });
    expect(recorded.motions).toEqual([expect.objectContaining({ name: 'Anna Exempelsson', kind: 'amendment', text: 'Ärendet ska kompletteras med en barnkonsekvensanalys.' })]);
    expect(recorded.votes).toEqual([expect.objectContaining({ status: 'closed', yes: yes.length, no: 5, abstain: 1, result: 'yes' })]);
    expect(recorded.votes[0].ballots.find((ballot) => ballot.name === 'Nils Påhittsson')?.choice).toBe('abstain');
    expect(recorded.dissents.map((dissent) => dissent.name)).toEqual(['Anna Exempelsson']);
    await paragraphEditor(page).getByText('Omröstningen utfaller med').waitFor();
  });

  it('records jäv and shows the substitute who serves in the seat instead', async () => {
    const target = paragraphs[1];
    await minutesPage(page, target.number);
    const editor = paragraphEditor(page);
    await editor.getByRole('button', { name: /Jävig ledamot/ }).click();
    await checkPage(page, 'protokoll-jav-val');
    await page.getByRole('option', { name: /Erik Testberg/ }).click();
    await editor.getByRole('button', { name: /Ersättare som tjänstgör i stället/ }).click();
    await page.getByRole('option', { name: /Kerstin Exempelgren/ }).click();
    await editor.getByLabel('Skäl (valfritt)').fill('Närstående berörs');
    await editor.getByRole('button', { name: 'Anmäl jäv' }).click();
    await editor.getByText('I stället tjänstgör').waitFor();
    expect(await editor.getByRole('listitem').filter({ hasText: 'Erik Testberg anmäler jäv' }).textContent()).toContain('I stället tjänstgör Kerstin Exempelgren.');
    await checkPage(page, 'protokoll-jav');
    expect((await paragraph(target.id)).disqualifications).toEqual([expect.objectContaining({ name: 'Erik Testberg', substituteName: 'Kerstin Exempelgren' })]);
  });

  it('saves the decision text as it is typed: after a reload, and when the secretary moves on to another § at once', async () => {
    const target = paragraphs[2];
    await minutesPage(page, target.number);
    const editor = paragraphEditor(page);
    await editor.getByLabel('Beslutstext').fill('Nämnden återkommer i ärendet.');
    await editor.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor();
    await page.reload();
    await paragraphEditor(page).getByLabel('Beslutstext').waitFor();
    expect(await paragraphEditor(page).getByLabel('Beslutstext').inputValue()).toBe('Nämnden återkommer i ärendet.');

    // Typed and left at once, before the pause that saves: leaving the § saves it.
    await paragraphEditor(page).getByLabel('Beslutstext').fill('Nämnden återkommer i ärendet i mars.');
    await openParagraph(page, paragraphs[3].title);
    await eventually(async () => (await paragraph(target.id)).decision, ['Nämnden återkommer i ärendet i mars.']);
    await openParagraph(page, target.title);
    expect(await paragraphEditor(page).getByLabel('Beslutstext').inputValue()).toBe('Nämnden återkommer i ärendet i mars.');
  });

  it('does not let a second tab overwrite the decision text unseen: it shows the other text and lets the secretary choose', async () => {
    const target = allParagraphs.find((item) => item.title === 'Val av justerande')!;
    const other = await context.newPage();
    await minutesPage(page, target.number);
    await minutesPage(other, target.number);
    await paragraphEditor(page).getByLabel('Beslutstext').fill('Text från den första fliken.');
    await paragraphEditor(page).getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor();

    await paragraphEditor(other).getByLabel('Beslutstext').fill('Text från den andra fliken.');
    const conflict = paragraphEditor(other).getByRole('alert').filter({ hasText: 'Paragrafen har ändrats i en annan flik' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Text från den första fliken.');
    expect((await paragraph(target.id)).decision).toEqual(['Text från den första fliken.']);
    await checkPage(other, 'protokoll-konflikt');

    await conflict.getByRole('button', { name: 'Behåll min text' }).click();
    await paragraphEditor(other).getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor();
    expect((await paragraph(target.id)).decision).toEqual(['Text från den andra fliken.']);

    // The first tab, back in focus, reads the paragraph again and shows the text kept.
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await eventually(() => paragraphEditor(page).getByLabel('Beslutstext').inputValue(), 'Text från den andra fliken.');
    await other.close();
  });

  it('records a paragraph with the keyboard alone', async () => {
    const target = paragraphs[3];
    await minutesPage(page, paragraphs[0].number);
    const editor = paragraphEditor(page);
    // From the list of §, the arrow keys move to the paragraph.
    await tabTo(page, page.getByRole('tab', { selected: true }));
    const steps = allParagraphs.findIndex((item) => item.id === target.id) - allParagraphs.findIndex((item) => item.id === paragraphs[0].id);
    for (let step = 0; step < steps; step++) await page.keyboard.press('ArrowDown');
    await editor.getByRole('heading', { level: 3, name: new RegExp(`§ ${target.number} `) }).waitFor();

    await tabTo(page, editor.getByRole('button', { name: /Yrkande av/ }));
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: /Karin Låtsasson/ }).waitFor();
    await page.keyboard.type('Karin');
    await page.keyboard.press('Enter');
    await tabTo(page, editor.getByLabel('Yrkandets lydelse eller motivering'));
    await page.keyboard.type('Avgiften ska vara oförändrad.');
    await tabTo(page, editor.getByRole('button', { name: 'Lägg till yrkande' }));
    await page.keyboard.press('Enter');
    await editor.getByRole('listitem').filter({ hasText: 'Avgiften ska vara oförändrad.' }).waitFor();

    await tabTo(page, editor.getByRole('button', { name: 'Ställ proposition' }));
    await page.keyboard.press('Enter');
    await editor.getByRole('button', { name: 'Begär votering' }).waitFor();
    await tabTo(page, editor.getByRole('button', { name: 'Begär votering' }));
    await page.keyboard.press('Enter');
    const ballots = editor.locator('.ballots');
    await ballots.waitFor();
    await checkPage(page, 'protokoll-votering');
    await tabTo(page, ballots.getByRole('radiogroup').first());
    const serving = (await paragraph(target.id)).servingMembers.length;
    for (let member = 0; member < serving; member++) await page.keyboard.press(member < 3 ? 'n' : 'j');
    await page.keyboard.press('Enter'); // the shortcuts leave the focus on "Räkna rösterna"
    await editor.getByText('Votering begärs.').waitFor();

    await tabTo(page, editor.getByLabel('Beslutstext'));
    await page.keyboard.type('Nämnden bifaller förslaget.');
    await tabTo(page, editor.getByRole('button', { name: 'Fatta beslut' }));
    await page.keyboard.press('Enter');
    await editor.getByRole('button', { name: 'Öppna paragrafen igen' }).waitFor();

    await tabTo(page, editor.getByRole('button', { name: /Reservation av/ }));
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: /Karin Låtsasson/ }).waitFor();
    await page.keyboard.type('Karin');
    await page.keyboard.press('Enter');
    await tabTo(page, editor.getByRole('button', { name: 'Anmäl reservation' }));
    await page.keyboard.press('Enter');
    await editor.getByText('Karin Låtsasson reserverar sig mot beslutet.').waitFor();

    const recorded = await paragraph(target.id);
    expect(recorded).toMatchObject({ status: 'decided', decision: ['Nämnden bifaller förslaget.'] });
    expect(recorded.votes[0]).toMatchObject({ status: 'closed', no: 3, yes: serving - 3, result: 'yes' });
    expect(recorded.dissents.map((dissent) => dissent.name)).toEqual(['Karin Låtsasson']);
  });
});
