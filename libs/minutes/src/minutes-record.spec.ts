import { Minutes, Paragraph } from './entities';
import { MinutesRecord, minutesContentSha256, paragraphContentSha256 } from './minutes-record';

/** The hashes of the record below as the hashing gave them before `reportedDecisions` existed (commit ff3cd2a). */
const PINNED_MINUTES_SHA256 = '6af426e98d45db58abfbb90400f0e8a86a9b396500baab0c7320ae77e2b7fe18';
const PINNED_PARAGRAPH_SHA256 = 'cf494fce2dc6296f10309caca48cb10508480518fa5ed4711bb7dfc4a65aae5f';

/** Minutes with one "Anmälan av delegationsbeslut" paragraph as they were written before the decisions had a place of their own. */
function record(paragraph: Partial<Paragraph>): MinutesRecord {
  const minutes = {
    meetingId: '00000000-0000-4000-8000-000000000001',
    place: 'Sessionssalen',
    startedAt: new Date('2026-01-20T13:00:00Z'),
    endedAt: new Date('2026-01-20T16:00:00Z'),
    adjournments: [],
    chairPersonId: null,
    secretaryPersonId: null,
    verifierPersonIds: [],
    verificationPlace: null,
    verificationAt: null,
    storagePlace: 'Kansliet',
    containsPersonalData: false,
  } as unknown as Minutes;
  const written = {
    id: '00000000-0000-4000-8000-000000000002',
    number: 3,
    position: 3,
    title: 'Anmälan av delegationsbeslut',
    titleFi: null,
    matterId: null,
    caseNumber: null,
    proposal: ['Nämnden lägger anmälan till handlingarna.'],
    preparedIn: null,
    decision: ['Nämnden lägger anmälan till handlingarna.'],
    description: 'Delegationsbeslut:\n\n- Punkt 3.2, 2026-01-02, Anna Berg, enhetschef: Beviljad skolskjuts',
    reportedDecisions: null,
    decisionBasis: [],
    distribution: [],
    propositions: [],
    notPublished: false,
    status: 'decided',
    outcome: 'decided',
    extraMatter: false,
    takenUpInParagraphId: null,
    ...paragraph,
  } as Paragraph;
  return {
    minutes,
    organ: {} as MinutesRecord['organ'],
    attendees: [],
    paragraphs: [written],
    motions: [],
    votes: [],
    ballots: [],
    dissents: [],
    notes: [],
    disqualifications: [],
    elections: [],
    approvals: [],
    members: [],
    substitutes: [],
    people: new Map(),
  };
}

describe('the content hash of minutes reporting delegated decisions', () => {
  it('stays what the chair and verifiers approved for minutes written before the decisions had their own table', () => {
    expect(minutesContentSha256(record({}))).toBe(PINNED_MINUTES_SHA256);
    expect(paragraphContentSha256(record({}), record({}).paragraphs[0])).toBe(PINNED_PARAGRAPH_SHA256);
  });

  it('covers the reported decisions where the paragraph lists them, so that a change to them is a change to the minutes', () => {
    const decision = { id: 'd1', kind: 'delegated' as const, decidedOn: '2026-01-02', delegationPoint: '3.2', delegateName: 'Anna Berg', delegateTitle: 'enhetschef', decisionText: 'Beviljad skolskjuts', caseNumber: null, masked: false };
    const listed = minutesContentSha256(record({ description: null, reportedDecisions: [decision] }));
    expect(listed).not.toBe(minutesContentSha256(record({ description: null, reportedDecisions: [] })));
    expect(listed).not.toBe(minutesContentSha256(record({ description: null, reportedDecisions: [{ ...decision, decisionText: 'Avslag' }] })));
  });
});
