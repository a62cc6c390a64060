import { NoticeService } from '@namndrum/meetings';
import { readDocx } from '../libs/documents/src/testing/read-docx';
import { createTenant, Tenant } from './factories/tenant.factory';
import { binaryParser } from './support/files';
import { Api, MeetingWorld, meetingWorld, TestClock } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

interface ParagraphBody {
  id: string;
  number: number;
  title: string;
  status: string;
  decision: string[];
  extraMatter: boolean;
  takenUpInParagraphId: string | null;
  decisionProcedure: string[];
  votes: { id: string; status: string; yes: number; no: number; abstain: number; castingVote: string | null; result: string | null; ballots: { personId: string; choice: string }[] }[];
  dissents: { id: string; personId: string; reasons: string | null; announcedAt: string }[];
  elections: Record<string, unknown>[];
}

/**
 * The decision rules of the minutes, on a nämnd of five (Håkan chairs): the casting vote is the
 * chair's own ballot, only those who took part reserve and only before the meeting ends, elections
 * by closed ballot with a tie by lot, extra matters only when the meeting takes them up, and no
 * review before justering's place and time are set.
 */
describe('minutes: the rules of deciding', () => {
  const clock = new TestClock();
  let testApp: TestApp;
  let tenant: Tenant;
  let world: MeetingWorld;
  let secretary: Api;
  let minutes: { id: string; paragraphs: ParagraphBody[] };
  let tieParagraph: ParagraphBody;
  let abstainParagraph: ParagraphBody;
  let electionParagraph: ParagraphBody;
  let extraParagraph: ParagraphBody;
  let announcement: ParagraphBody;
  /** Raised at the meeting, which does not take it up. */
  let declined: ParagraphBody;
  const person = (key: string) => world.people[key].personId;
  const paragraph = async (id: string): Promise<ParagraphBody> => (await secretary.get(`/paragraphs/${id}`).expect(200)).body;
  const ballots = (choices: Record<string, 'yes' | 'no' | 'abstain'>) => ({ ballots: Object.entries(choices).map(([key, choice]) => ({ personId: person(key), choice })) });
  /** The chair finds for the proposal, a member asks for a vote: Ja for the proposal, Nej for the rejection. */
  const openVote = async (id: string, mover: string): Promise<string> => {
    const rejection = (await secretary.post(`/paragraphs/${id}/motions`, { personId: person(mover), kind: 'rejection' }).expect(201)).body.motions.at(-1).id;
    await secretary.post(`/paragraphs/${id}/propositions`, { alternatives: ['proposal', rejection], chosen: 'proposal' }).expect(201);
    return (await secretary.post(`/paragraphs/${id}/votes`, { yesAlternative: 'proposal', noAlternative: rejection }).expect(201)).body.votes.at(-1).id;
  };

  beforeAll(async () => {
    testApp = await createTestApp([], { clock });
    tenant = await createTenant(testApp, 'Beslutsregelkommun');
    world = await meetingWorld(testApp, tenant);
    secretary = world.secretary;

    clock.current = new Date('2026-03-16T09:00:00Z');
    const tie = await world.signedMatter('Taxa för bygglov 2026');
    const abstained = await world.signedMatter('Riktlinjer för bostadsanpassning');
    const meetingId = await world.meeting('2026-03-30T14:00:00+02:00', '2026-03-30T16:00:00+02:00');
    for (const matterId of [tie.matterId, abstained.matterId]) await secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId }).expect(201);
    await secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'information', title: 'Val av ordförande i pensionärsrådet' }).expect(201);
    await tenant.run((ctx) => testApp.app.get(NoticeService).recordSent(ctx, meetingId, { finalizedAt: clock.now(), dispatchedAt: clock.now() }));
    // Added after the notice went out: an extra matter.
    const late = await world.signedMatter('Brådskande yttrande över remiss');
    const added = (await secretary.post(`/meetings/${meetingId}/agenda-items`, { kind: 'matter', matterId: late.matterId }).expect(201)).body;
    expect(added.addedAfterNotice).toBe(true);
    // The meeting is under way: the minutes are kept as it goes.
    clock.current = new Date('2026-03-30T12:05:00Z');
    await secretary.post(`/meetings/${meetingId}/held`).expect(200);
    minutes = (await secretary.post(`/meetings/${meetingId}/minutes`).expect(201)).body;
    const titled = (title: string) => minutes.paragraphs.find((item) => item.title === title)!;
    tieParagraph = titled('Taxa för bygglov 2026');
    abstainParagraph = titled('Riktlinjer för bostadsanpassning');
    electionParagraph = titled('Val av ordförande i pensionärsrådet');
    extraParagraph = titled('Brådskande yttrande över remiss');
    announcement = titled('Anmälan av extra ärenden');
  }, 60_000);

  afterAll(async () => {
    clock.current = null;
    await testApp?.close();
  });

  describe("the casting vote is the chair's own ballot", () => {
    it('closes a tie in which the chair voted Ja for Ja, and refuses a casting vote of Nej that contradicts the ballot', async () => {
      const voteId = await openVote(tieParagraph.id, 'erik');
      await secretary.post(`/votes/${voteId}/ballots`, ballots({ hakan: 'yes', anna: 'yes', erik: 'no', maria: 'no', karin: 'abstain' })).expect(201);
      const contradicting = await secretary.post(`/votes/${voteId}/close`, { castingVote: 'no' }).expect(400);
      expect(contradicting.body).toMatchObject({ error: 'CASTING_VOTE_CONTRADICTS_BALLOT', message: 'Utslagsrösten är ordförandens egen röst, och Hakan Testsson röstade ja' });
      expect((await paragraph(tieParagraph.id)).votes[0].status).toBe('open');
      const closed = (await secretary.post(`/votes/${voteId}/close`, {}).expect(200)).body as ParagraphBody;
      expect(closed.votes[0]).toMatchObject({ status: 'closed', yes: 2, no: 2, abstain: 1, castingVote: 'yes', result: 'yes' });
      expect(closed.votes[0].ballots.find((ballot) => ballot.personId === person('hakan'))!.choice).toBe('yes');
      expect(closed.decisionProcedure).toContain('Då rösterna är lika avgör ordförandens utslagsröst. Ordföranden Hakan Testsson (M) röstar ja.');
      expect(closed.decisionProcedure.join(' ')).not.toContain('röstar nej');
      expect((await secretary.post(`/paragraphs/${tieParagraph.id}/decision`, {}).expect(200)).body.decision).toEqual([
        'Nämnden beslutar enligt förvaltningens förslag i ärendet Taxa för bygglov 2026.',
      ]);
    });

    it('decides nothing on a tie the chair abstained in: the vote stays open until it is withdrawn and taken again', async () => {
      const voteId = await openVote(abstainParagraph.id, 'erik');
      await secretary.post(`/votes/${voteId}/ballots`, ballots({ hakan: 'abstain', anna: 'yes', erik: 'no', maria: 'abstain', karin: 'abstain' })).expect(201);
      for (const body of [{}, { castingVote: 'yes' }]) {
        const refused = await secretary.post(`/votes/${voteId}/close`, body).expect(409);
        expect(refused.body.error).toBe('CHAIR_ABSTAINED_ON_TIE');
      }
      expect((await paragraph(abstainParagraph.id)).votes[0].status).toBe('open');
      const withdrawn = (await secretary.delete(`/votes/${voteId}`).expect(200)).body as ParagraphBody;
      expect(withdrawn.votes).toEqual([]);
      const rejection = (withdrawn as unknown as { motions: { id: string }[] }).motions[0].id;
      const retaken = (await secretary.post(`/paragraphs/${abstainParagraph.id}/votes`, { yesAlternative: 'proposal', noAlternative: rejection }).expect(201)).body.votes[0].id;
      await secretary.post(`/votes/${retaken}/ballots`, ballots({ hakan: 'yes', anna: 'yes', erik: 'no', maria: 'abstain', karin: 'yes' })).expect(201);
      expect((await secretary.post(`/votes/${retaken}/close`, {}).expect(200)).body.votes[0]).toMatchObject({ yes: 3, no: 1, abstain: 1, castingVote: null, result: 'yes' });
      await secretary.post(`/paragraphs/${abstainParagraph.id}/decision`, {}).expect(200);
    });
  });

  describe('dissent', () => {
    it('refuses a member who abstained in the vote, and one disqualified, and takes one from a member who voted', async () => {
      const abstained = await secretary.post(`/paragraphs/${tieParagraph.id}/dissents`, { personId: person('karin') }).expect(409);
      expect(abstained.body).toMatchObject({ error: 'ABSTAINED', message: `Karin Testsson avstod från att rösta vid § ${tieParagraph.number} och deltog inte i beslutet; bara den som deltagit i beslutet kan reservera sig` });
      const maria = (await secretary.post(`/paragraphs/${abstainParagraph.id}/dissents`, { personId: person('maria') }).expect(409)).body;
      expect(maria.error).toBe('ABSTAINED');
      clock.current = new Date('2026-03-30T13:10:00Z');
      const erik = (await secretary.post(`/paragraphs/${tieParagraph.id}/dissents`, { personId: person('erik') }).expect(201)).body as ParagraphBody;
      expect(erik.dissents).toEqual([expect.objectContaining({ personId: person('erik'), reasons: null, announcedAt: '2026-03-30T13:10:00.000Z' })]);
    });

    it('refuses a member disqualified (jäv) from the paragraph', async () => {
      const information = minutes.paragraphs.find((item) => item.title === 'Information')!;
      await secretary.post(`/paragraphs/${information.id}/disqualifications`, { personId: person('maria'), reason: 'Närstående berörs' }).expect(201);
      await secretary.post(`/paragraphs/${information.id}/decision`, { decision: ['Informationen läggs till handlingarna.'] }).expect(200);
      expect((await secretary.post(`/paragraphs/${information.id}/dissents`, { personId: person('maria') }).expect(409)).body.error).toBe('NOT_SERVING');
      expect((await secretary.post(`/paragraphs/${information.id}/dissents`, { personId: person('kerstin') }).expect(409)).body.error).toBe('NOT_SERVING');
    });

    it('refuses a reservation two days after the recorded end of the meeting, but takes the written reasons until justering', async () => {
      await secretary.patch(`/minutes/${minutes.id}`, { endedAt: '2026-03-30T16:00:00+02:00' }).expect(200);
      clock.current = new Date('2026-04-01T09:00:00Z');
      const late = await secretary.post(`/paragraphs/${tieParagraph.id}/dissents`, { personId: person('anna') }).expect(409);
      expect(late.body).toMatchObject({ error: 'DISSENT_AFTER_MEETING', message: expect.stringContaining('Sammanträdet avslutades 2026-03-30 16:00') });
      const backdated = await secretary.post(`/paragraphs/${tieParagraph.id}/dissents`, { personId: person('anna'), announcedAt: '2026-03-30T16:30:00+02:00' }).expect(409);
      expect(backdated.body.error).toBe('DISSENT_AFTER_MEETING');
      expect((await paragraph(tieParagraph.id)).dissents).toHaveLength(1);
      // Announced at the meeting and entered afterwards from the secretary's notes: it stands.
      await secretary.post(`/paragraphs/${tieParagraph.id}/dissents`, { personId: person('hakan'), announcedAt: '2026-03-30T15:55:00+02:00' }).expect(201);
      const dissent = (await paragraph(tieParagraph.id)).dissents.find((row) => row.personId === person('erik'))!;
      const erik = await world.user('erik');
      expect((await erik.patch(`/dissents/${dissent.id}`, { reasons: 'Taxan är för hög.' }).expect(200)).body.dissents[0].reasons).toBe('Taxan är för hög.');
      const moved = await secretary.patch(`/minutes/${minutes.id}`, { endedAt: '2026-03-30T15:30:00+02:00' }).expect(400);
      expect(moved.body.error).toBe('MINUTES_ENDS_BEFORE_DISSENT');
    });
  });

  describe('elections by closed ballot', () => {
    it('records counted ballots per candidate and no voters, requires the lot on a tie and records it', async () => {
      const id = electionParagraph.id;
      const office = 'ordförande i pensionärsrådet';
      const named = await secretary.post(`/paragraphs/${id}/elections`, { office, candidates: [{ name: 'Anna Testsson', votes: 2 }], ballots: [{ personId: person('hakan'), choice: 'Anna Testsson' }] }).expect(400);
      expect(named.body.message).toEqual(expect.stringContaining('ballots'));
      const tooMany = await secretary.post(`/paragraphs/${id}/elections`, { office, candidates: [{ name: 'Anna Testsson', votes: 3 }, { name: 'Erik Testsson', votes: 3 }] }).expect(400);
      expect(tooMany.body.error).toBe('TOO_MANY_BALLOTS');
      const tie = { office, candidates: [{ name: 'Anna Testsson', votes: 2 }, { name: 'Erik Testsson', votes: 2 }], blankVotes: 1 };
      const noLot = await secretary.post(`/paragraphs/${id}/elections`, tie).expect(400);
      expect(noLot.body).toMatchObject({ error: 'LOT_REQUIRED', details: [expect.objectContaining({ field: 'lotWinner' })] });
      const elected = (await secretary.post(`/paragraphs/${id}/elections`, { ...tie, lotWinner: 'Erik Testsson' }).expect(201)).body as ParagraphBody;
      expect(elected.elections).toEqual([{ id: expect.any(String), office, candidates: tie.candidates, blankVotes: 1, elected: 'Erik Testsson', decidedByLot: true }]);
      expect(elected.decisionProcedure).toEqual([
        'Val av ordförande i pensionärsrådet förrättas med slutna sedlar.',
        'Sammanräkningen ger Anna Testsson 2 röster och Erik Testsson 2 röster; 1 sedel är blank.',
        'Då rösterna är lika avgörs valet genom lottning. Lotten faller på Erik Testsson.',
        'Nämnden har därmed valt Erik Testsson till ordförande i pensionärsrådet.',
      ]);
      const raw = JSON.stringify(elected.elections);
      for (const key of ['hakan', 'anna', 'erik', 'maria', 'karin']) expect(raw).not.toContain(person(key));
      expect((await secretary.post(`/paragraphs/${id}/decision`, {}).expect(200)).body.decision).toEqual(['Nämnden väljer Erik Testsson till ordförande i pensionärsrådet.']);
    });
  });

  describe('extra matters', () => {
    it('marks the item added after the notice and a matter raised at the meeting as extra matters, which cannot be decided before they are taken up', async () => {
      expect(extraParagraph.extraMatter).toBe(true);
      expect(tieParagraph.extraMatter).toBe(false);
      const refused = await secretary.post(`/paragraphs/${extraParagraph.id}/decision`, {}).expect(409);
      expect(refused.body).toMatchObject({ error: 'EXTRA_MATTER_NOT_TAKEN_UP', message: `§ ${extraParagraph.number} är ett extra ärende: nämnden måste först besluta att ta upp det under ”Anmälan av extra ärenden”` });
      const raised = (await secretary.post(`/minutes/${minutes.id}/paragraphs`, { title: 'Skrivelse om skolskjuts' }).expect(201)).body as ParagraphBody;
      declined = (await secretary.post(`/minutes/${minutes.id}/paragraphs`, { title: 'Fråga om lokaler' }).expect(201)).body as ParagraphBody;
      await secretary.patch(`/paragraphs/${declined.id}`, { distribution: [{ name: 'Lokalenheten', email: 'lokaler@beslutsregel.example' }] }).expect(200);
      expect(raised.extraMatter).toBe(true);
      expect((await secretary.post(`/paragraphs/${raised.id}/decision`, { decision: ['Skrivelsen överlämnas till förvaltningen.'] }).expect(409)).body.error).toBe('EXTRA_MATTER_NOT_TAKEN_UP');
      const messages = minutes.paragraphs.find((item) => item.title === 'Meddelanden')!;
      expect((await secretary.put(`/paragraphs/${messages.id}/extra-matters`, { paragraphIds: [extraParagraph.id] }).expect(409)).body.error).toBe('NOT_EXTRA_MATTERS_ITEM');
      expect((await secretary.put(`/paragraphs/${announcement.id}/extra-matters`, { paragraphIds: [tieParagraph.id] }).expect(400)).body.error).toBe('NOT_EXTRA_MATTER');

      const decided = (await secretary.put(`/paragraphs/${announcement.id}/extra-matters`, { paragraphIds: [extraParagraph.id] }).expect(200)).body as ParagraphBody;
      expect(decided.decision).toEqual([`Nämnden beslutar att ta upp följande extra ärende: § ${extraParagraph.number} Brådskande yttrande över remiss.`]);
      await secretary.post(`/paragraphs/${announcement.id}/decision`, {}).expect(200);
      expect((await paragraph(extraParagraph.id)).takenUpInParagraphId).toBe(announcement.id);
      await secretary.post(`/paragraphs/${extraParagraph.id}/decision`, {}).expect(200);
      // Raised at the meeting but not (yet) taken up: still refused.
      expect((await secretary.post(`/paragraphs/${raised.id}/decision`, { decision: ['Skrivelsen överlämnas till förvaltningen.'] }).expect(409)).body.error).toBe('EXTRA_MATTER_NOT_TAKEN_UP');
      await secretary.post(`/paragraphs/${announcement.id}/reopen`).expect(200);
      // The decision under "Anmälan av extra ärenden" changes only while the extra matters it names are undecided.
      expect((await secretary.put(`/paragraphs/${announcement.id}/extra-matters`, { paragraphIds: [extraParagraph.id, raised.id] }).expect(409)).body.error).toBe('EXTRA_MATTER_DECIDED');
      await secretary.post(`/paragraphs/${extraParagraph.id}/reopen`).expect(200);
      const both = (await secretary.put(`/paragraphs/${announcement.id}/extra-matters`, { paragraphIds: [raised.id, extraParagraph.id] }).expect(200)).body as ParagraphBody;
      expect(both.decision).toEqual([
        `Nämnden beslutar att ta upp följande extra ärenden: § ${extraParagraph.number} Brådskande yttrande över remiss och § ${raised.number} Skrivelse om skolskjuts.`,
      ]);
      await secretary.post(`/paragraphs/${announcement.id}/decision`, {}).expect(200);
      await secretary.post(`/paragraphs/${extraParagraph.id}/decision`, {}).expect(200);
      await secretary.post(`/paragraphs/${raised.id}/decision`, { decision: ['Skrivelsen överlämnas till förvaltningen.'] }).expect(200);
      expect((await secretary.post(`/paragraphs/${declined.id}/decision`, { decision: ['Frågan besvaras.'] }).expect(409)).body.error).toBe('EXTRA_MATTER_NOT_TAKEN_UP');
    });
  });

  describe('justering', () => {
    it('refuses to send the minutes for review until the place and time of justering are set', async () => {
      for (const item of (await secretary.get(`/minutes/${minutes.id}`).expect(200)).body.paragraphs as ParagraphBody[]) {
        if (item.status !== 'decided' && item.id !== declined.id) await secretary.post(`/paragraphs/${item.id}/decision`, { decision: ['Noteras.'] }).expect(200);
      }
      await secretary.patch(`/minutes/${minutes.id}`, { verifierPersonIds: [person('anna')] }).expect(200);
      const refused = await secretary.post(`/minutes/${minutes.id}/review-requests`).expect(409);
      expect(refused.body).toMatchObject({ error: 'VERIFICATION_TIME_MISSING', message: 'Justeringens plats och tid beslutas vid sammanträdet: ange dem innan protokollet skickas för justering' });
      await secretary.patch(`/minutes/${minutes.id}`, { verificationPlace: 'Stadshuset' }).expect(200);
      expect((await secretary.post(`/minutes/${minutes.id}/review-requests`).expect(409)).body.error).toBe('VERIFICATION_TIME_MISSING');
      await secretary.patch(`/minutes/${minutes.id}`, { verificationAt: '2026-04-02T10:00:00+02:00' }).expect(200);
      // The extra matter the meeting did not take up holds nothing up.
      await secretary.post(`/minutes/${minutes.id}/review-requests`).expect(200);
    });

    it('renders the casting vote, the election by lot and the extra matters taken up in the minutes DOCX', async () => {
      const file = await secretary.get(`/minutes/${minutes.id}/docx`).buffer(true).parse(binaryParser).expect(200);
      const text = (await readDocx(file.body)).text;
      expect(text).toContain('Ordföranden Hakan Testsson (M) röstar ja.');
      expect(text).not.toContain('röstar nej');
      expect(text).toContain('förrättas med slutna sedlar');
      expect(text).toContain('Då rösterna är lika avgörs valet genom lottning. Lotten faller på Erik Testsson.');
      expect(text).toContain('Nämnden beslutar att ta upp följande extra ärenden:');
      expect(text).toContain(`§\u00a0${declined.number}Fråga om lokaler`);
      expect(text).toContain('Ärendet tas inte upp: sammanträdet har inte beslutat att ta upp det extra ärendet.');
    });

    it('refuses written reasons for a reservation after the time set for justering', async () => {
      clock.current = new Date('2026-04-02T08:30:00Z');
      const dissent = (await paragraph(tieParagraph.id)).dissents.find((row) => row.personId === person('erik'))!;
      const late = await (await world.user('erik')).patch(`/dissents/${dissent.id}`, { reasons: 'Ett tillägg i efterhand.' }).expect(409);
      expect(late.body).toMatchObject({ error: 'DISSENT_REASONS_LATE', message: 'Den skriftliga motiveringen ska lämnas före den tid som bestämts för justeringen, 2026-04-02 10:00' });
    });

    it('is verified with the declined extra matter left undecided, which decides nothing and sends no extract', async () => {
      const sha = (await secretary.get(`/minutes/${minutes.id}`).expect(200)).body.currentContentSha256;
      await (await world.user('hakan')).post(`/minutes/${minutes.id}/approvals`, { contentSha256: sha }).expect(201);
      expect((await (await world.user('anna')).post(`/minutes/${minutes.id}/approvals`, { contentSha256: sha }).expect(201)).body.status).toBe('verified');
      expect((await paragraph(declined.id)).status).toBe('open');
      const extracts: { subject_id: string }[] = await testApp.dataSource.query(`SELECT subject_id FROM mail_deliveries WHERE purpose = 'minutes_extract' AND subject_id = $1`, [declined.id]);
      expect(extracts).toEqual([]);
    });
  });
});
