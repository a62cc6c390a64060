import { dispatchPlan, immediatePlan, leftAfterDeadline, noticeDispatchTime } from './notice-schedule';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('noticeDispatchTime', () => {
  it('counts calendar days back from the meeting date and sends at the local send time (summer time)', () => {
    // 2026-04-02 14:00 CEST; a week earlier, 2026-03-26, is still winter time (CET, +01:00).
    expect(iso(noticeDispatchTime(at('2026-04-02T12:00:00Z'), 7, '08:00'))).toBe('2026-03-26T07:00:00.000Z');
  });

  it('counts calendar days back across the autumn change (meeting in winter time, notice in summer time)', () => {
    // 2026-10-29 14:00 CET; 2026-10-22 is summer time (CEST, +02:00).
    expect(iso(noticeDispatchTime(at('2026-10-29T13:00:00Z'), 7, '08:00'))).toBe('2026-10-22T06:00:00.000Z');
  });

  it('uses the Stockholm date of the meeting, not the UTC date', () => {
    // 00:30 local on 2026-05-10 is still 2026-05-09 in UTC.
    expect(iso(noticeDispatchTime(at('2026-05-09T22:30:00Z'), 7, '08:00'))).toBe('2026-05-03T06:00:00.000Z');
    // 23:30 local on 2026-01-15 is 22:30Z the same day.
    expect(iso(noticeDispatchTime(at('2026-01-15T22:30:00Z'), 5, '07:15'))).toBe('2026-01-10T06:15:00.000Z');
  });

  it('sends on the meeting day itself when the lead time is zero', () => {
    expect(iso(noticeDispatchTime(at('2026-02-10T13:00:00Z'), 0, '08:00'))).toBe('2026-02-10T07:00:00.000Z');
  });

  it('crosses month and year boundaries and leap days', () => {
    expect(iso(noticeDispatchTime(at('2027-01-05T13:00:00Z'), 7, '08:00'))).toBe('2026-12-29T07:00:00.000Z');
    expect(iso(noticeDispatchTime(at('2028-03-01T13:00:00Z'), 1, '08:00'))).toBe('2028-02-29T07:00:00.000Z');
  });

  it('moves a send time that does not exist (spring gap) forward by the gap', () => {
    // 2026-03-29: clocks go 02:00 CET → 03:00 CEST, so 02:30 local becomes 03:30 CEST = 01:30Z.
    expect(iso(noticeDispatchTime(at('2026-04-05T12:00:00Z'), 7, '02:30'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('keeps times just around the spring gap as they are', () => {
    expect(iso(noticeDispatchTime(at('2026-04-05T12:00:00Z'), 7, '01:59'))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(noticeDispatchTime(at('2026-04-05T12:00:00Z'), 7, '03:00'))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the first occurrence of a send time that happens twice (autumn)', () => {
    // 2026-10-25: 02:30 occurs at 02:30 CEST (00:30Z) and again at 02:30 CET (01:30Z).
    expect(iso(noticeDispatchTime(at('2026-11-01T13:00:00Z'), 7, '02:30'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(noticeDispatchTime(at('2026-11-01T13:00:00Z'), 7, '02:00'))).toBe('2026-10-25T00:00:00.000Z');
    expect(iso(noticeDispatchTime(at('2026-11-01T13:00:00Z'), 7, '03:00'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('does not depend on the time of day of the meeting', () => {
    const morning = noticeDispatchTime(at('2026-04-02T05:00:00Z'), 7, '08:00');
    const evening = noticeDispatchTime(at('2026-04-02T21:59:00Z'), 7, '08:00');
    expect(iso(morning)).toBe('2026-03-26T07:00:00.000Z');
    expect(iso(evening)).toBe('2026-03-26T07:00:00.000Z');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses lead days %p', (leadDays) => {
    expect(() => noticeDispatchTime(at('2026-04-02T12:00:00Z'), leadDays, '08:00')).toThrow(RangeError);
  });

  it('explains a negative lead time in Swedish', () => {
    expect(() => noticeDispatchTime(at('2026-04-02T12:00:00Z'), -1, '08:00')).toThrow(
      'Antal dagar före sammanträdet måste vara ett heltal som är 0 eller större, inte -1',
    );
  });

  it.each(['8:00', '24:00', '08:60', '0800', '08.00', '', 'åtta'])('refuses send time %j', (sendTime) => {
    expect(() => noticeDispatchTime(at('2026-04-02T12:00:00Z'), 7, sendTime)).toThrow(RangeError);
  });

  it('explains an invalid send time in Swedish', () => {
    expect(() => noticeDispatchTime(at('2026-04-02T12:00:00Z'), 7, '8:00')).toThrow('Utskickstiden måste anges som TT:MM, till exempel 08:00, inte "8:00"');
  });

  it('refuses an invalid meeting time', () => {
    expect(() => noticeDispatchTime(new Date('not a date'), 7, '08:00')).toThrow(new RangeError('Sammanträdets starttid är ogiltig'));
  });
});

describe('dispatchPlan', () => {
  const startsAt = at('2026-04-02T12:00:00Z');

  it('plans the rule moment when it is still ahead', () => {
    expect(dispatchPlan(startsAt, 7, '08:00', at('2026-03-20T10:00:00Z'))).toEqual({ dispatchAt: at('2026-03-26T07:00:00Z'), sentLate: false });
  });

  it('is on time when planned at exactly the rule moment', () => {
    expect(dispatchPlan(startsAt, 7, '08:00', at('2026-03-26T07:00:00Z'))).toEqual({ dispatchAt: at('2026-03-26T07:00:00Z'), sentLate: false });
  });

  it('sends at once and flags it when the rule moment has passed, even by a millisecond', () => {
    expect(dispatchPlan(startsAt, 7, '08:00', at('2026-03-26T07:00:00.001Z'))).toEqual({ dispatchAt: at('2026-03-26T07:00:00.001Z'), sentLate: true });
    expect(dispatchPlan(startsAt, 7, '08:00', at('2026-03-30T09:12:00Z'))).toEqual({ dispatchAt: at('2026-03-30T09:12:00Z'), sentLate: true });
  });

  it('does not hand back the caller’s own Date object', () => {
    const now = at('2026-03-30T09:12:00Z');
    const plan = dispatchPlan(startsAt, 7, '08:00', now);
    expect(plan.dispatchAt).not.toBe(now);
  });

  it('passes on invalid settings as RangeError', () => {
    expect(() => dispatchPlan(startsAt, -3, '08:00', at('2026-03-20T10:00:00Z'))).toThrow(RangeError);
    expect(() => dispatchPlan(startsAt, 7, '25:00', at('2026-03-20T10:00:00Z'))).toThrow(RangeError);
  });
});

describe('leftAfterDeadline', () => {
  const deadline = at('2026-03-26T07:00:00Z');

  it('counts a notice that leaves within the minute of the send time as on time', () => {
    expect(leftAfterDeadline(deadline, at('2026-03-26T06:59:00Z'))).toBe(false);
    expect(leftAfterDeadline(deadline, deadline)).toBe(false);
    expect(leftAfterDeadline(deadline, at('2026-03-26T07:00:59.999Z'))).toBe(false);
  });

  it('flags a notice that leaves a minute or more after the deadline', () => {
    expect(leftAfterDeadline(deadline, at('2026-03-26T07:01:00Z'))).toBe(true);
    expect(leftAfterDeadline(deadline, at('2026-03-28T10:00:00Z'))).toBe(true);
  });
});

describe('immediatePlan (revised and supplementary notices)', () => {
  const startsAt = at('2026-04-02T12:00:00Z');

  it('sends at once and is on time while the deadline is ahead', () => {
    expect(immediatePlan(startsAt, 7, '08:00', at('2026-03-20T10:00:00Z'))).toEqual({ dispatchAt: at('2026-03-20T10:00:00Z'), sentLate: false });
  });

  it('sends at once and is late once the deadline has passed', () => {
    expect(immediatePlan(startsAt, 7, '08:00', at('2026-03-30T09:12:00Z'))).toEqual({ dispatchAt: at('2026-03-30T09:12:00Z'), sentLate: true });
  });
});
