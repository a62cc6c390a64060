import { Browser, BrowserContext, Page } from 'playwright-core';
import { addMattersToAgenda, agendaTitles, finalizeNotice, moveAgendaItemWithKeyboard } from './journey/agenda.steps';
import { approveOnJusteringPage, expectPosted, markHeldAndOpenMinutes, sendForJustering } from './journey/justering.steps';
import { decideRemaining, recordParagraph } from './journey/minutes.steps';
import { expectNoticeDelivered, reportAbsence } from './journey/notice.steps';
import { planMeeting } from './journey/plan.steps';
import { expectPostingOnBoard, expectStartShowsMeeting } from './journey/start.steps';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import type { Input } from './support/input';
import { SEED_USERS, ShiftedClock, WebStack } from './support/web-stack';

const DAY_MS = 86_400_000;
const stockholm = { timeZone: 'Europe/Stockholm' } as const;

/** YYYY-MM-DD in Stockholm, `days` from now. */
function isoDate(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', stockholm).format(new Date(Date.now() + days * DAY_MS));
}

/** "2 december 2026", as the pages write a date. */
function swedishDate(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { ...stockholm, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.now() + days * DAY_MS));
}

/**
 * The nämndsekreterare's working day through the UI alone, against the real API, worker, PostgreSQL,
 * Redis and SMTP server over the Ludvika seed: plan SUN's next meeting three days away, build its agenda
 * from the two matters waiting with signed tjänsteskrivelser, reorder it with the keyboard, finalize the
 * notice (sent at once, flagged late) and see it arrive for every recipient, report an absence and see
 * the substitute called in; then, the meeting held, record the minutes with a motion, a recorded vote
 * and a dissent, choose the verifier and send for justering; the chair and the verifier approve on the
 * justering page, and the posting appears on the anslagstavla. Every page on the way is checked with axe.
 * The journey is made twice: with the mouse, and with the keyboard alone (Tab, the arrow keys, Enter,
 * Space and typing; an address typed for a page the journey opens by its address).
 *
 * The meeting is yesterday at 14:00 and the API's clock starts four days back, so that it is three days
 * away when planned and noticed; then the clock comes to today, when the meeting has been held. The
 * browser's clock follows the API's; the worker keeps the real time, so the notice goes out at once
 * and the posting goes up when approved.
 */
describe.each<[Input, string]>([
  ['mouse', 'resa'],
  ['keyboard', 'resa-tangentbord'],
])('the secretary’s journey through the web app, with the %s', (input, shots) => {
  const clock = new ShiftedClock();
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let meetingId = '';

  beforeAll(async () => {
    clock.offsetMs = -4 * DAY_MS;
    stack = await WebStack.start('web_journey', { clock });
    browser = await launchBrowser();
    context = await newContext(browser, stack.baseUrl);
    // The browser stands on the API's day too: the pages decide from the time what may still be changed.
    await context.clock.install({ time: Date.now() + clock.offsetMs });
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('plans the meeting, builds and reorders the agenda, and finalizes a late notice that reaches every recipient', async () => {
    await signIn(page, SEED_USERS.secretary, input);
    await checkPage(page, `${shots}-start`);
    meetingId = await planMeeting(page, { organ: 'SUN', date: isoDate(-1), start: '14:00', end: '17:00', place: 'Sammanträdesrum Väsman, Ludvika' }, input);
    await addMattersToAgenda(page, ['SUN 2022/9', 'SUN 2022/10'], input);
    const culture = 'Avgifter för kulturskolan från och med höstterminen 2023';
    const schoolYear = 'Läsårstider för läsåret 2023/2024';
    await moveAgendaItemWithKeyboard(page, culture, 'up', input);
    const titles = await agendaTitles(page);
    expect(titles.indexOf(culture)).toBeLessThan(titles.indexOf(schoolYear));
    await checkPage(page, `${shots}-foredragningslista`);
    const { late } = await finalizeNotice(page, input);
    expect(late).toBe(true);
    const recipients = await expectNoticeDelivered(page, stack.sink, undefined, input);
    expect(recipients).toEqual(expect.arrayContaining([SEED_USERS.chair, SEED_USERS.member]));
    await checkPage(page, `${shots}-utskick`);
    await expectStartShowsMeeting(page, { organ: 'Social- och utbildningsnämnden', dateText: swedishDate(-1) });
  });

  it('reports an absence and sees the substitute called in', async () => {
    await page.goto(`/moten/${meetingId}`);
    expect(await reportAbsence(page, 'Erik Testberg', input)).toBe('Kerstin Exempelgren');
    await checkPage(page, `${shots}-narvaro`);
  });

  it('marks the meeting held, records the minutes and sends them for justering; the chair and the verifier approve and the posting goes up', async () => {
    clock.offsetMs = 0;
    await context.clock.setSystemTime(Date.now());
    await markHeldAndOpenMinutes(page, meetingId, input);
    await recordParagraph(page, {
      paragraphTitle: 'Avgifter för kulturskolan från och med höstterminen 2023',
      motion: { member: 'Anna Exempelsson', text: 'Avgiften höjs till 450 kronor per ämne.' },
      vote: {
        yes: ['Håkan Frank', 'Karin Låtsasson', 'Johan Provström', 'Eva Exempeldal', 'Per Testlund', 'Ingrid Fiktivberg', 'Birgitta Låtsasberg', 'Mats Provholm'],
        no: ['Anna Exempelsson', 'Kerstin Exempelgren', 'Maria Fiktivsson', 'Lars Påhittad', 'Nils Påhittsson'],
      },
      decision: 'Social- och utbildningsnämnden fastställer terminsavgiften för kulturskolan till 500 kronor per ämne från och med höstterminen 2023.',
      dissent: { member: 'Anna Exempelsson' },
    }, input);
    await decideRemaining(page, {
      'Val av justera': 'Anna Exempelsson utses att jämte ordföranden justera dagens protokoll.',
      'Anmälan av extra ärenden': 'Inga extra ärenden anmäls.',
    }, input);
    await checkPage(page, `${shots}-protokoll`);
    await sendForJustering(page, { verifiers: ['Anna Exempelsson'], place: 'Kommunhuset, Ludvika', at: `${isoDate(-1)} 17:30` }, input);
    const [{ id: minutesId }]: { id: string }[] = await stack.testApp.dataSource.query(`SELECT id FROM minutes WHERE meeting_id = $1`, [meetingId]);
    await approveOnJusteringPage(browser, stack.baseUrl, minutesId, SEED_USERS.chair, input);
    await approveOnJusteringPage(browser, stack.baseUrl, minutesId, SEED_USERS.member, input);
    await expectPosted(page, meetingId);
    await checkPage(page, `${shots}-protokoll-justerat`);
    await expectPostingOnBoard(page, { text: 'Social- och utbildningsnämnden' });
    await checkPage(page, `${shots}-anslagstavla`);
  });
});
