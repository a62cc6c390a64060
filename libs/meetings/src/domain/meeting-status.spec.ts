import {
  allowedNextMeetingStatuses,
  assertMeetingTransition,
  canChangeMeetingStatus,
  canEditAgenda,
  isAfterDispatch,
  MEETING_STATUS_LABELS,
  MEETING_STATUSES,
  MeetingStatus,
  MeetingTransitionError,
} from './meeting-status';

const ALLOWED: [MeetingStatus, MeetingStatus][] = [
  ['planned', 'notice_finalized'],
  ['planned', 'cancelled'],
  ['notice_finalized', 'notice_sent'],
  ['notice_finalized', 'cancelled'],
  ['notice_sent', 'held'],
  ['notice_sent', 'cancelled'],
  ['held', 'minutes_verified'],
];

const isAllowed = (from: MeetingStatus, to: MeetingStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const REFUSED = MEETING_STATUSES.flatMap((from) => MEETING_STATUSES.filter((to) => !isAllowed(from, to)).map((to): [MeetingStatus, MeetingStatus] => [from, to]));

function thrown(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('assertMeetingTransition', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(() => assertMeetingTransition(from, to)).not.toThrow();
    expect(canChangeMeetingStatus(from, to)).toBe(true);
  });

  it.each(REFUSED)('refuses %s → %s', (from, to) => {
    expect(() => assertMeetingTransition(from, to)).toThrow(MeetingTransitionError);
    expect(canChangeMeetingStatus(from, to)).toBe(false);
  });

  it('covers the whole table between the two lists', () => {
    expect(ALLOWED.length + REFUSED.length).toBe(MEETING_STATUSES.length ** 2);
    expect(REFUSED.length).toBe(29);
  });

  it('refuses re-finalizing a finalized notice as a status change, and every other same-status move', () => {
    for (const status of MEETING_STATUSES) expect(canChangeMeetingStatus(status, status)).toBe(false);
  });

  it('never goes back to planned', () => {
    for (const from of MEETING_STATUSES) expect(canChangeMeetingStatus(from, 'planned')).toBe(false);
  });

  it('cancels only before the meeting is held', () => {
    expect(MEETING_STATUSES.filter((from) => canChangeMeetingStatus(from, 'cancelled'))).toEqual(['planned', 'notice_finalized', 'notice_sent']);
  });

  it('explains a refusal in Swedish with the possible next statuses, and carries them', () => {
    const error = thrown(() => assertMeetingTransition('planned', 'held'));
    expect(error).toBeInstanceOf(MeetingTransitionError);
    expect(error).toBeInstanceOf(Error);
    const transition = error as MeetingTransitionError;
    expect(transition.message).toBe('Sammanträdet kan inte gå från ”Planerat” till ”Genomfört”. Möjliga nästa steg: ”Kallelse fastställd”, ”Inställt”.');
    expect(transition.name).toBe('MeetingTransitionError');
    expect(transition.from).toBe('planned');
    expect(transition.to).toBe('held');
    expect(transition.allowed).toEqual(['notice_finalized', 'cancelled']);
  });

  it('names a single possible next status', () => {
    expect(() => assertMeetingTransition('held', 'cancelled')).toThrow(
      'Sammanträdet kan inte gå från ”Genomfört” till ”Inställt”. Möjliga nästa steg: ”Protokoll justerat”.',
    );
  });

  it('says that minutes verified and cancelled are final', () => {
    const verified = thrown(() => assertMeetingTransition('minutes_verified', 'held')) as MeetingTransitionError;
    expect(verified.message).toBe('Sammanträdet kan inte gå från ”Protokoll justerat” till ”Genomfört”. ”Protokoll justerat” är ett slutläge.');
    expect(verified.allowed).toEqual([]);
    expect(() => assertMeetingTransition('cancelled', 'planned')).toThrow('Sammanträdet kan inte gå från ”Inställt” till ”Planerat”. ”Inställt” är ett slutläge.');
  });
});

describe('allowedNextMeetingStatuses', () => {
  it.each(MEETING_STATUSES)('lists exactly the allowed targets of %s', (from) => {
    expect(allowedNextMeetingStatuses(from)).toEqual(ALLOWED.filter(([f]) => f === from).map(([, to]) => to));
  });

  it('returns a copy the caller may change without changing the rules', () => {
    const next = allowedNextMeetingStatuses('held');
    next.push('cancelled');
    expect(canChangeMeetingStatus('held', 'cancelled')).toBe(false);
    expect(allowedNextMeetingStatuses('held')).toEqual(['minutes_verified']);
  });
});

describe('canEditAgenda', () => {
  it.each<[MeetingStatus, boolean]>([
    ['planned', true],
    ['notice_finalized', true],
    ['notice_sent', true],
    ['held', false],
    ['minutes_verified', false],
    ['cancelled', false],
  ])('says the agenda of a %s meeting can be edited: %s', (status, editable) => {
    expect(canEditAgenda(status)).toBe(editable);
  });
});

describe('isAfterDispatch', () => {
  it.each<[MeetingStatus, boolean]>([
    ['planned', false],
    ['notice_finalized', false],
    ['notice_sent', true],
    ['held', true],
    ['minutes_verified', true],
    ['cancelled', false],
  ])('says the notice of a %s meeting has gone out: %s', (status, after) => {
    expect(isAfterDispatch(status)).toBe(after);
  });

  it('marks exactly one editable status as after dispatch: items added then are "added after notice"', () => {
    expect(MEETING_STATUSES.filter((status) => canEditAgenda(status) && isAfterDispatch(status))).toEqual(['notice_sent']);
  });
});

describe('MEETING_STATUS_LABELS', () => {
  it('gives every status its Swedish label', () => {
    expect(MEETING_STATUS_LABELS).toEqual({
      planned: 'Planerat',
      notice_finalized: 'Kallelse fastställd',
      notice_sent: 'Kallelse skickad',
      held: 'Genomfört',
      minutes_verified: 'Protokoll justerat',
      cancelled: 'Inställt',
    });
  });
});
