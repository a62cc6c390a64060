import { announcementUpAt } from './announcement-dates';

const at = (iso: string) => new Date(iso);

describe("the kungörelse of fullmäktige's meeting", () => {
  const meetingDay = '2026-09-21';
  const longBefore = at('2026-09-01T09:00:00Z');

  it('goes up with the notice when the notice goes out a week or more before the meeting day', () => {
    expect(announcementUpAt(meetingDay, at('2026-09-14T06:00:00Z'), longBefore)).toEqual(at('2026-09-14T06:00:00Z'));
    expect(announcementUpAt(meetingDay, at('2026-09-07T06:00:00Z'), longBefore)).toEqual(at('2026-09-07T06:00:00Z'));
  });

  it('goes up a week before the meeting day, at the start of the day, when the notice is set to go out later', () => {
    expect(announcementUpAt(meetingDay, at('2026-09-18T06:00:00Z'), longBefore)).toEqual(at('2026-09-13T22:00:00Z'));
  });

  it('counts the week on Swedish calendar days across the change to winter time', () => {
    // Meeting Monday 2 November; a week before is Monday 26 October, after the clocks went back on the 25th.
    expect(announcementUpAt('2026-11-02', at('2026-10-30T07:00:00Z'), longBefore)).toEqual(at('2026-10-25T23:00:00Z'));
  });

  it('goes up at once when the last day has already begun or passed, yet never after the notice', () => {
    const now = at('2026-09-16T10:15:00Z');
    expect(announcementUpAt(meetingDay, at('2026-09-18T06:00:00Z'), now)).toEqual(now);
    expect(announcementUpAt(meetingDay, now, now)).toEqual(now);
    expect(announcementUpAt(meetingDay, at('2026-09-20T06:00:00Z'), at('2026-09-20T07:00:00Z'))).toEqual(at('2026-09-20T06:00:00Z'));
  });

  it('keeps the day of a notice that went out in time, even when recorded afterwards', () => {
    expect(announcementUpAt('2023-01-11', at('2023-01-04T07:00:00Z'), at('2026-12-03T10:00:00Z'))).toEqual(at('2023-01-04T07:00:00Z'));
  });
});
