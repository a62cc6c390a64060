import { DissentInput, dissentRefusal } from './dissent';

const started = new Date('2026-03-30T12:00:00Z');
const ended = new Date('2026-03-30T14:00:00Z');
const input = (overrides: Partial<DissentInput>): DissentInput => ({
  serving: true,
  ballots: [],
  closedVotes: 0,
  announcedAt: new Date('2026-03-30T13:00:00Z'),
  meetingStartedAt: started,
  meetingEndedAt: ended,
  ...overrides,
});

describe('dissentRefusal', () => {
  it('lets a serving member who took part reserve during the meeting', () => {
    expect(dissentRefusal(input({}))).toBeNull();
    expect(dissentRefusal(input({ ballots: ['no'], closedVotes: 1 }))).toBeNull();
  });

  it('refuses a member who is not serving at the paragraph or is disqualified', () => {
    expect(dissentRefusal(input({ serving: false }))).toBe('NOT_SERVING');
  });

  it('refuses a member who abstained in the vote that decided the paragraph', () => {
    expect(dissentRefusal(input({ ballots: ['abstain'], closedVotes: 1 }))).toBe('ABSTAINED');
    expect(dissentRefusal(input({ ballots: ['abstain', 'abstain'], closedVotes: 2 }))).toBe('ABSTAINED');
  });

  it('lets a member who voted in one of several votes reserve', () => {
    expect(dissentRefusal(input({ ballots: ['yes', 'abstain'], closedVotes: 2 }))).toBeNull();
  });

  it('refuses a reservation announced after the recorded end of the meeting, two days later or one minute later', () => {
    expect(dissentRefusal(input({ announcedAt: new Date('2026-04-01T13:00:00Z') }))).toBe('AFTER_MEETING');
    expect(dissentRefusal(input({ announcedAt: new Date('2026-03-30T14:01:00Z') }))).toBe('AFTER_MEETING');
    expect(dissentRefusal(input({ announcedAt: ended }))).toBeNull();
  });

  it('refuses a reservation dated before the meeting began', () => {
    expect(dissentRefusal(input({ announcedAt: new Date('2026-03-30T11:59:00Z') }))).toBe('BEFORE_MEETING');
  });
});
