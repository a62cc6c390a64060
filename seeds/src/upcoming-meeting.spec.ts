import { upcomingMeetingTimes } from './upcoming-meeting';

describe('the upcoming demo meeting', () => {
  const sun = { weeksAhead: 3, weekday: 3, startTime: '14:00', endTime: '17:00' };

  it('falls on the organ\'s weekday at least the given weeks after the seed runs, at its local time', () => {
    // Thursday 3 December 2026: three weeks later is Thursday 24 December (Christmas Eve); the next Wednesday is 30 December.
    expect(upcomingMeetingTimes(sun, new Date('2026-12-03T12:00:00Z'))).toEqual({ startsAt: new Date('2026-12-30T13:00:00Z'), endsAt: new Date('2026-12-30T16:00:00Z') });
    // Monday 2 March 2026: three weeks later is Monday 23 March; the Wednesday after is 25 March, in winter time.
    expect(upcomingMeetingTimes(sun, new Date('2026-03-02T09:00:00Z'))).toEqual({ startsAt: new Date('2026-03-25T13:00:00Z'), endsAt: new Date('2026-03-25T16:00:00Z') });
  });

  it('keeps the local time across a daylight-saving change', () => {
    // Wednesday 8 April 2026 is in summer time: 14:00 in Stockholm is 12:00 UTC.
    expect(upcomingMeetingTimes(sun, new Date('2026-03-18T09:00:00Z')).startsAt).toEqual(new Date('2026-04-08T12:00:00Z'));
  });

  it('skips a weekday that is a public holiday', () => {
    // Three weeks after Tuesday 21 April 2026 is 12 May; Ascension Day, Thursday 14 May 2026, is no meeting day for an organ meeting on Thursdays.
    expect(upcomingMeetingTimes({ ...sun, weekday: 4 }, new Date('2026-04-21T09:00:00Z')).startsAt).toEqual(new Date('2026-05-21T12:00:00Z'));
  });
});
