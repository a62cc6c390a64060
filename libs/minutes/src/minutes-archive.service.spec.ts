import { Minutes, MinutesApproval, Paragraph } from './entities';
import { justeringSigningRecord } from './minutes-archive.service';

const MINUTES_SHA = 'a'.repeat(64);
const PARAGRAPH_SHA = 'b'.repeat(64);
const OLD_SHA = 'c'.repeat(64);

const people = new Map([
  ['chair', { firstName: 'Håkan', lastName: 'Frank' }],
  ['verifier', { firstName: 'Anna', lastName: 'Exempelsson' }],
]) as unknown as Map<string, never>;

type SignedIn = Pick<MinutesApproval, 'authMethod' | 'authProviderName'>;
const PASSWORD: SignedIn = { authMethod: 'password', authProviderName: null };
const LUDVIKA_ACCOUNT: SignedIn = { authMethod: 'oidc', authProviderName: 'Ludvika kommuns konto' };
/** An approval from before the method was recorded. */
const NOT_RECORDED: SignedIn = { authMethod: null, authProviderName: null };

const approval = (personId: 'chair' | 'verifier', approvedAt: string, contentSha256: string, paragraphId: string | null = null, signedIn: SignedIn = PASSWORD) =>
  ({ personId, role: personId, approvedAt: new Date(approvedAt), contentSha256, paragraphId, ...signedIn }) as MinutesApproval;

const minutes = { contentSha256: MINUTES_SHA } as Minutes;
const approvals = [
  approval('verifier', '2023-01-19T07:30:00Z', MINUTES_SHA),
  approval('chair', '2023-01-18T13:05:00Z', MINUTES_SHA, null, LUDVIKA_ACCOUNT),
  // Voided: given for content that changed afterwards.
  approval('verifier', '2023-01-17T10:00:00Z', OLD_SHA),
  approval('chair', '2023-01-11T15:00:00Z', PARAGRAPH_SHA, 'p4', NOT_RECORDED),
  approval('verifier', '2023-01-11T15:01:00Z', PARAGRAPH_SHA, 'p4', NOT_RECORDED),
];

describe('the justering as a signing record', () => {
  it('gives the approvals of the verified content in the order they were given, with their roles in Swedish, how each approver signed in, and the content hash', () => {
    expect(justeringSigningRecord({ minutes, approvals, people })).toEqual({
      signatures: [
        { name: 'Håkan Frank', role: 'ordförande', signedAt: '2023-01-18T13:05:00.000Z', authentication: 'Ludvika kommuns konto' },
        { name: 'Anna Exempelsson', role: 'justerare', signedAt: '2023-01-19T07:30:00.000Z', authentication: 'e-post och lösenord' },
      ],
      contentSha256: MINUTES_SHA,
    });
  });

  it('gives an omedelbart justerad paragraph its own approvals and hash', () => {
    const paragraph = { id: 'p4', approvedAtMeeting: true, contentSha256: PARAGRAPH_SHA } as Paragraph;
    const record = justeringSigningRecord({ minutes, approvals, people }, paragraph);
    expect(record.contentSha256).toBe(PARAGRAPH_SHA);
    expect(record.signatures.map((signature) => signature.signedAt)).toEqual(['2023-01-11T15:00:00.000Z', '2023-01-11T15:01:00.000Z']);
    // Approved before the method was recorded: the record does not say.
    expect(record.signatures.map((signature) => signature.authentication)).toEqual([null, null]);
  });

  it('gives a paragraph verified with the minutes the justering of the minutes', () => {
    const paragraph = { id: 'p5', approvedAtMeeting: false, contentSha256: null } as Paragraph;
    expect(justeringSigningRecord({ minutes, approvals, people }, paragraph).contentSha256).toBe(MINUTES_SHA);
  });

  it('refuses minutes that are not verified', () => {
    expect(() => justeringSigningRecord({ minutes: { contentSha256: null } as Minutes, approvals, people })).toThrow('Protokollet är inte justerat');
  });
});
