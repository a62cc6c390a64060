import { Minutes, MinutesApproval, Paragraph } from './entities';
import { justeringSigningRecord } from './minutes-archive.service';

const MINUTES_SHA = 'a'.repeat(64);
const PARAGRAPH_SHA = 'b'.repeat(64);
const OLD_SHA = 'c'.repeat(64);

const people = new Map([
  ['chair', { firstName: 'Håkan', lastName: 'Frank' }],
  ['verifier', { firstName: 'Anna', lastName: 'Exempelsson' }],
]) as unknown as Map<string, never>;

const approval = (personId: 'chair' | 'verifier', approvedAt: string, contentSha256: string, paragraphId: string | null = null) =>
  ({ personId, role: personId, approvedAt: new Date(approvedAt), contentSha256, paragraphId }) as MinutesApproval;

const minutes = { contentSha256: MINUTES_SHA } as Minutes;
const approvals = [
  approval('verifier', '2023-01-19T07:30:00Z', MINUTES_SHA),
  approval('chair', '2023-01-18T13:05:00Z', MINUTES_SHA),
  // Voided: given for content that changed afterwards.
  approval('verifier', '2023-01-17T10:00:00Z', OLD_SHA),
  approval('chair', '2023-01-11T15:00:00Z', PARAGRAPH_SHA, 'p4'),
  approval('verifier', '2023-01-11T15:01:00Z', PARAGRAPH_SHA, 'p4'),
];

describe('the justering as a signing record', () => {
  it('gives the approvals of the verified content in the order they were given, with their roles in Swedish, and the content hash', () => {
    expect(justeringSigningRecord({ minutes, approvals, people })).toEqual({
      signatures: [
        { name: 'Håkan Frank', role: 'ordförande', signedAt: '2023-01-18T13:05:00.000Z', authentication: null },
        { name: 'Anna Exempelsson', role: 'justerare', signedAt: '2023-01-19T07:30:00.000Z', authentication: null },
      ],
      contentSha256: MINUTES_SHA,
    });
  });

  it('gives an omedelbart justerad paragraph its own approvals and hash', () => {
    const paragraph = { id: 'p4', approvedAtMeeting: true, contentSha256: PARAGRAPH_SHA } as Paragraph;
    const record = justeringSigningRecord({ minutes, approvals, people }, paragraph);
    expect(record.contentSha256).toBe(PARAGRAPH_SHA);
    expect(record.signatures.map((signature) => signature.signedAt)).toEqual(['2023-01-11T15:00:00.000Z', '2023-01-11T15:01:00.000Z']);
  });

  it('gives a paragraph verified with the minutes the justering of the minutes', () => {
    const paragraph = { id: 'p5', approvedAtMeeting: false, contentSha256: null } as Paragraph;
    expect(justeringSigningRecord({ minutes, approvals, people }, paragraph).contentSha256).toBe(MINUTES_SHA);
  });

  it('refuses minutes that are not verified', () => {
    expect(() => justeringSigningRecord({ minutes: { contentSha256: null } as Minutes, approvals, people })).toThrow('Protokollet är inte justerat');
  });
});
