/// <reference lib="dom" />
// The callbacks given to page.evaluate() run in the browser.
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { checkPage, launchBrowser, newContext, signIn } from './support/browser';
import { SEED_PASSWORD, SEED_USERS, WebStack } from './support/web-stack';
import { choose, openParagraph, paragraphEditor, recordParagraph } from './journey/minutes.steps';

interface ParagraphBody {
  id: string;
  number: number;
  title: string;
  status: string;
  decision: string[];
  proposal: string[];
  matterId: string | null;
  servingMembers: { personId: string; name: string; party: string | null }[];
  serving: number;
  seats: number;
  motions: { id: string; name: string; kind: string; text: string | null }[];
  notes: { personId: string | null; text: string }[];
  votes: {
    id: string;
    status: string;
    yes: number;
    no: number;
    abstain: number;
    result: string | null;
    announced: { yes: number; no: number; abstain: number } | null;
    ballots: { name: string; choice: string }[];
  }[];
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

  // First, while no § is decided: the attendance of a decided § cannot change.
  it("records a member's arrival at a § on the attendance row, and shows who decides change with it", async () => {
    const arrivalAt = allParagraphs.at(-1)!;
    const before = allParagraphs[0];
    const { serving, servingMembers } = await paragraph(before.id);
    const latecomer = servingMembers.at(-1)!.name;
    const fromParagraph = page.getByRole('button', { name: new RegExp(`Från §, ${latecomer}`) });
    await minutesPage(page, before.number);
    const quorum = page.getByRole('complementary', { name: 'Beslutförhet' });
    await quorum.getByText(`Beslutande: ${serving} av`).waitFor();

    await fromParagraph.click();
    await page.getByRole('option', { name: `§ ${arrivalAt.number}`, exact: true }).click();
    await checkPage(page, 'protokoll-narvaro-ankomst');
    await page.getByRole('button', { name: 'Spara närvaron' }).click();
    await page.getByText('Närvaron är sparad.').waitFor();
    await quorum.getByText(`Beslutande: ${serving - 1}–${serving} av`).waitFor();
    await paragraphEditor(page).getByText(`${serving - 1} av ${before.seats ?? ''}`.trim()).first().waitFor();
    await checkPage(page, 'protokoll-narvaro-ankomst-sparad');
    expect((await paragraph(before.id)).servingMembers.map((seat) => seat.name)).not.toContain(latecomer);
    expect((await paragraph(arrivalAt.id)).serving).toBe(serving);

    // There from the start after all: the other tests find everyone present.
    await fromParagraph.click();
    await page.getByRole('option', { name: 'Från början', exact: true }).click();
    await page.getByRole('button', { name: 'Spara närvaron' }).click();
    await quorum.getByText(`Beslutande: ${serving} av`).waitFor();
    expect((await paragraph(before.id)).serving).toBe(serving);
  });

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

  /**
   * What the secretary enters as the meeting goes on, saved as it is entered, on extra matters of
   * their own: a vote entered by the chair's totals, a ballot kept across a reload, a motion and a
   * minutes note saved as typed.
   */
  describe('entered as it happens', () => {
    let minutesId: string;
    const extras: Record<'totals' | 'ballot' | 'motion', ParagraphBody> = {} as never;
    const post = async (path: string, body: object, status = 201) => (await stack.testApp.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body).expect(status)).body;
    /** A motion of the first serving member against the proposal, put, and a vote called on it: what the UI then enters. */
    const openVote = async (target: ParagraphBody) => {
      const moved = await post(`/paragraphs/${target.id}/motions`, { personId: target.servingMembers[0].personId, kind: 'rejection' });
      const motionId = moved.motions.at(-1).id;
      await post(`/paragraphs/${target.id}/propositions`, { alternatives: ['proposal', motionId], chosen: 'proposal' });
      return (await post(`/paragraphs/${target.id}/votes`, { yesAlternative: 'proposal', noAlternative: motionId })).votes[0].id as string;
    };
    const radiogroupOf = (target: Page, name: string) => paragraphEditor(target).locator('.ballots').getByRole('radiogroup', { name: new RegExp(`^${name}`) });

    beforeAll(async () => {
      minutesId = (await apiGet(`/meetings/${meetingId}/minutes`)).id;
      for (const [key, title] of [
        ['totals', 'Extra ärende: Avtal om skolmåltider'],
        ['ballot', 'Extra ärende: Lokalförsörjning för förskolan'],
        ['motion', 'Extra ärende: Yttrande över remiss om skolskjuts'],
      ] as const) {
        extras[key] = await post(`/minutes/${minutesId}/paragraphs`, { title, proposal: ['Nämnden godkänner förvaltningens förslag.'] });
      }
    });

    it('records a vote by the totals the chair announced, party group by party group, refusing in Swedish to count ballots that do not add up', async () => {
      const target = extras.totals;
      const voteId = await openVote(target);
      await minutesPage(page, target.number);
      const editor = paragraphEditor(page);
      await editor.getByText('Med ordförandens slutsiffror', { exact: true }).click();
      const members = (await paragraph(target.id)).servingMembers;
      const party = [...new Set(members.map((seat) => seat.party))].sort((a, b) => members.filter((seat) => seat.party === b).length - members.filter((seat) => seat.party === a).length)[0]!;
      const partyCount = members.filter((seat) => seat.party === party).length;
      const exception = members.find((seat) => seat.party !== party)!;
      // The chair announced one more Ja than the party group: the exception voted with it.
      const announced = { yes: partyCount + 1, no: members.length - partyCount - 1, abstain: 0 };
      await editor.getByLabel('Ja enligt ordföranden').fill(String(announced.yes));
      await editor.getByLabel('Nej enligt ordföranden').fill(String(announced.no));
      await editor.getByLabel('Avstår enligt ordföranden').fill('0');
      await editor.getByRole('group', { name: new RegExp(`^Partigrupp ${party} `) }).getByRole('button', { name: 'Alla ja' }).click();
      await editor.getByRole('group', { name: /^Övriga som inte röstat/ }).getByRole('button', { name: 'Alla nej' }).click();
      await editor.getByRole('status').filter({ hasText: 'Stämmer inte med ordförandens siffror' }).waitFor();
      await editor.getByRole('status').filter({ hasText: 'Rösterna är sparade.' }).waitFor();
      await checkPage(page, 'protokoll-votering-slutsiffror');

      await editor.getByRole('button', { name: 'Räkna rösterna' }).click();
      const refusal = editor.getByRole('alert').filter({ hasText: 'stämmer inte med rösterna som förts in' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toBe(
        `Ordförandens siffror (${announced.yes} ja, ${announced.no} nej, 0 avstår) stämmer inte med rösterna som förts in (${partyCount} ja, ${members.length - partyCount} nej, 0 avstår): rätta rösterna eller siffrorna. Voteringen är inte avslutad.`,
      );
      await checkPage(page, 'protokoll-votering-slutsiffror-stammer-inte');
      expect((await paragraph(target.id)).votes.find((vote) => vote.id === voteId)).toMatchObject({ status: 'open', announced: null });

      await radiogroupOf(page, exception.name).getByText('Ja', { exact: true }).click();
      await editor.getByRole('status').filter({ hasText: 'Stämmer med ordförandens siffror.' }).waitFor();
      await editor.getByRole('button', { name: 'Räkna rösterna' }).click();
      await editor.getByText('Rösterna stämde med ordförandens siffror').waitFor();
      await checkPage(page, 'protokoll-votering-slutsiffror-raknad');
      const counted = (await paragraph(target.id)).votes.find((vote) => vote.id === voteId)!;
      expect(counted).toMatchObject({ status: 'closed', yes: announced.yes, no: announced.no, abstain: 0, result: announced.yes > announced.no ? 'yes' : 'no', announced });
      expect(counted.ballots).toHaveLength(members.length);
      expect(counted.ballots.find((ballot) => ballot.name === exception.name)?.choice).toBe('yes');
    });

    it('saves a ballot as it is chosen: a reload shows it, and a correction too', async () => {
      const target = extras.ballot;
      const voteId = await openVote(target);
      const voter = target.servingMembers[1].name;
      await minutesPage(page, target.number);
      await radiogroupOf(page, voter).getByText('Nej', { exact: true }).click();
      await paragraphEditor(page).getByRole('status').filter({ hasText: 'Rösterna är sparade.' }).waitFor();
      await page.reload();
      await radiogroupOf(page, voter).waitFor();
      expect(await radiogroupOf(page, voter).getByRole('radio', { name: 'Nej' }).isChecked()).toBe(true);
      await checkPage(page, 'protokoll-votering-sparad-rost');

      await radiogroupOf(page, voter).getByText('Ja', { exact: true }).click();
      await eventually(async () => (await paragraph(target.id)).votes.find((vote) => vote.id === voteId)!.ballots.map((ballot) => [ballot.name, ballot.choice]), [[voter, 'yes']]);
      await page.reload();
      await radiogroupOf(page, voter).waitFor();
      expect(await radiogroupOf(page, voter).getByRole('radio', { name: 'Ja' }).isChecked()).toBe(true);
    });

    it('saves a motion as it is typed, without its button: a reload shows it', async () => {
      const target = extras.motion;
      await minutesPage(page, target.number);
      const editor = paragraphEditor(page);
      const mover = target.servingMembers[2].name;
      await choose(page, editor, 'Yrkande av', mover);
      await editor.getByLabel('Yrkandets lydelse eller motivering').fill('Yttrandet ska lyfta landsbygdens skolvägar.');
      await editor.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor();
      await checkPage(page, 'protokoll-yrkande-sparat');
      await page.reload();
      await paragraphEditor(page).getByRole('listitem').filter({ hasText: 'Yttrandet ska lyfta landsbygdens skolvägar.' }).waitFor();
      expect((await paragraph(target.id)).motions).toEqual([expect.objectContaining({ name: mover, kind: 'amendment', text: 'Yttrandet ska lyfta landsbygdens skolvägar.' })]);

      // Changed later, in the same way.
      await paragraphEditor(page).getByRole('button', { name: `Ändra yrkandet från ${mover}` }).click();
      await paragraphEditor(page).getByLabel('Yrkandets lydelse eller motivering').fill('Yttrandet ska lyfta landsbygdens skolvägar och busskort.');
      await eventually(async () => (await paragraph(target.id)).motions.map((motion) => motion.text), ['Yttrandet ska lyfta landsbygdens skolvägar och busskort.']);
    });

    it('saves a minutes note as it is typed once the chair has permitted it: a reload shows it', async () => {
      const target = extras.motion;
      await minutesPage(page, target.number);
      const editor = paragraphEditor(page);
      await editor.getByText('Ordföranden medger anteckningen').click();
      await editor.getByLabel('Anteckningens text').fill('Nämnden vill följa frågan om skolskjutsarna.');
      await editor.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor();
      await checkPage(page, 'protokoll-anteckning-sparad');
      await page.reload();
      await paragraphEditor(page).getByRole('listitem').filter({ hasText: 'Nämnden vill följa frågan om skolskjutsarna.' }).waitFor();
      expect((await paragraph(target.id)).notes).toEqual([expect.objectContaining({ personId: null, text: 'Nämnden vill följa frågan om skolskjutsarna.' })]);
    });
  });
});
