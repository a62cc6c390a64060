import { PostingDateError, postingDates, reminderDay, verificationDeadline } from './posting-dates';

// Every expected date below was checked by hand against a 2026–2027 calendar; the weekday is noted.

describe('postingDates', () => {
  it('moves the latest posting day over Easter when minutes are verified on Maundy Thursday', () => {
    // 04-02 Thu + 2 = 04-04 Sat → 04-05 Easter Sunday → 04-06 Easter Monday → 04-07 Tue.
    // Posted 04-02: + 21 = 04-23 Thu, a working day; the notice comes down on Fri 04-24.
    expect(postingDates('2026-04-02')).toEqual({
      postedOn: '2026-04-02',
      latestPostingDay: '2026-04-07',
      lastAppealDay: '2026-04-23',
      takenDownOn: '2026-04-24',
    });
  });

  it('counts the appeal period from a later posting day, also one on a weekend', () => {
    // Posted Sat 04-04: + 21 = Sat 04-25 → Mon 04-27.
    expect(postingDates('2026-04-02', '2026-04-04')).toEqual({
      postedOn: '2026-04-04',
      latestPostingDay: '2026-04-07',
      lastAppealDay: '2026-04-27',
      takenDownOn: '2026-04-28',
    });
    // Posted on the latest posting day, Tue 04-07: + 21 = Tue 04-28.
    expect(postingDates('2026-04-02', '2026-04-07')).toEqual({
      postedOn: '2026-04-07',
      latestPostingDay: '2026-04-07',
      lastAppealDay: '2026-04-28',
      takenDownOn: '2026-04-29',
    });
  });

  it('moves an appeal period ending on Midsummer Eve to the Monday after', () => {
    // Verified Thu 05-28 (latest posting Sat 05-30 → Mon 06-01); posted Fri 05-29 + 21 = Fri 06-19.
    expect(postingDates('2026-05-28', '2026-05-29')).toEqual({
      postedOn: '2026-05-29',
      latestPostingDay: '2026-06-01',
      lastAppealDay: '2026-06-22',
      takenDownOn: '2026-06-23',
    });
  });

  it('moves an appeal period ending on a Sunday to the Monday', () => {
    // Verified Fri 01-30; posted Sun 02-01 + 21 = Sun 02-22 → Mon 02-23.
    expect(postingDates('2026-01-30', '2026-02-01')).toEqual({
      postedOn: '2026-02-01',
      latestPostingDay: '2026-02-02',
      lastAppealDay: '2026-02-23',
      takenDownOn: '2026-02-24',
    });
  });

  it('moves an appeal period ending on a Saturday to the Monday', () => {
    // Posted Sat 09-05 + 21 = Sat 09-26 → Mon 09-28.
    expect(postingDates('2026-09-04', '2026-09-05').lastAppealDay).toBe('2026-09-28');
  });

  it('runs an appeal period ending on Easter Sunday to the Tuesday after Easter', () => {
    // Posted Sun 03-15 + 21 = Easter Sunday 04-05 → Easter Monday → Tue 04-07.
    expect(postingDates('2026-03-13', '2026-03-15')).toEqual({
      postedOn: '2026-03-15',
      latestPostingDay: '2026-03-16',
      lastAppealDay: '2026-04-07',
      takenDownOn: '2026-04-08',
    });
  });

  it('runs an appeal period ending on Christmas Eve over Christmas and the weekend', () => {
    // Posted Thu 12-03 + 21 = Thu 12-24 → Fri 12-25 Christmas Day → Sat 12-26 → Sun 12-27 → Mon 12-28.
    expect(postingDates('2026-12-03')).toEqual({
      postedOn: '2026-12-03',
      latestPostingDay: '2026-12-07',
      lastAppealDay: '2026-12-28',
      takenDownOn: '2026-12-29',
    });
  });

  it('runs an appeal period ending on New Year’s Eve into the new year', () => {
    // Posted Thu 12-10 + 21 = Thu 12-31 → Fri 2027-01-01 New Year’s Day → Sat → Sun → Mon 2027-01-04.
    expect(postingDates('2026-12-10')).toEqual({
      postedOn: '2026-12-10',
      latestPostingDay: '2026-12-14',
      lastAppealDay: '2027-01-04',
      takenDownOn: '2027-01-05',
    });
  });

  it('moves the latest posting day of minutes verified on a Friday from the Sunday to the Monday', () => {
    // Verified Fri 05-08 + 2 = Sun 05-10 → Mon 05-11; posted 05-08 + 21 = Fri 05-29.
    expect(postingDates('2026-05-08')).toEqual({
      postedOn: '2026-05-08',
      latestPostingDay: '2026-05-11',
      lastAppealDay: '2026-05-29',
      takenDownOn: '2026-05-30',
    });
  });

  it('moves the latest posting day off Ascension Day and off Christmas', () => {
    expect(postingDates('2026-05-12').latestPostingDay).toBe('2026-05-15'); // Tue + 2 = Ascension Thu 05-14 → Fri
    expect(postingDates('2026-12-22').latestPostingDay).toBe('2026-12-28'); // Tue + 2 = Christmas Eve → Mon
  });

  it('keeps a latest posting day that is a working day', () => {
    expect(postingDates('2026-03-04').latestPostingDay).toBe('2026-03-06'); // Wed + 2 = Fri
    expect(postingDates('2026-03-07').latestPostingDay).toBe('2026-03-09'); // verified Sat + 2 = Mon
  });

  it('refuses a posting before the verification', () => {
    expect(() => postingDates('2026-04-02', '2026-04-01')).toThrow(PostingDateError);
    expect(() => postingDates('2026-04-02', '2026-04-01')).toThrow('Anslaget kan inte sättas upp 2026-04-01, före justeringen 2026-04-02.');
  });

  it('refuses a posting after the latest posting day', () => {
    expect(() => postingDates('2026-04-02', '2026-04-08')).toThrow(
      new PostingDateError('2026-04-08', '2026-04-02', '2026-04-07'),
    );
    expect(() => postingDates('2026-04-02', '2026-04-08')).toThrow(
      'Anslaget måste sättas upp senast 2026-04-07, andra dagen efter justeringen (KL 8 kap. 12 §), inte 2026-04-08.',
    );
  });

  it('tells the caller which dates were involved', () => {
    const error = (() => {
      try {
        postingDates('2026-05-08', '2026-05-12');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(PostingDateError);
    expect(error).toMatchObject({ name: 'PostingDateError', postOn: '2026-05-12', verifiedOn: '2026-05-08', latestPostingDay: '2026-05-11' });
  });

  it('refuses invalid dates', () => {
    expect(() => postingDates('2026-02-30')).toThrow(RangeError);
    expect(() => postingDates('2026-04-02', '4 april')).toThrow(RangeError);
  });
});

describe('verificationDeadline', () => {
  it.each([
    ['2026-02-10', '2026-02-24', 'Tue + 14 = Tue'],
    ['2026-03-19', '2026-04-02', 'Maundy Thursday is a working day'],
    ['2026-03-20', '2026-04-07', 'Good Friday → over Easter → Tue'],
    ['2026-02-14', '2026-03-02', 'Sat + 14 = Sat → Mon'],
    ['2026-06-05', '2026-06-22', 'Midsummer Eve → Mon'],
    ['2026-12-10', '2026-12-28', 'Christmas Eve → Mon'],
    ['2026-12-17', '2027-01-04', 'New Year’s Eve → Mon'],
  ])('meeting %s must be verified by %s (%s)', (meetingDate, deadline) => {
    expect(verificationDeadline(meetingDate)).toBe(deadline);
  });

  it('refuses an invalid meeting date', () => {
    expect(() => verificationDeadline('2026-13-01')).toThrow(RangeError);
  });
});

describe('reminderDay', () => {
  it('is two working days before the deadline by default', () => {
    expect(reminderDay('2026-03-12')).toBe('2026-03-10'); // Thu → Tue
    expect(reminderDay('2026-03-09')).toBe('2026-03-05'); // Mon → over the weekend → Thu
  });

  it('steps back over Easter', () => {
    expect(reminderDay('2026-04-07')).toBe('2026-04-01');
    expect(reminderDay('2026-04-07', 1)).toBe('2026-04-02');
    expect(reminderDay(verificationDeadline('2026-03-20'))).toBe('2026-04-01');
  });

  it('steps back over Christmas and New Year', () => {
    expect(reminderDay('2026-12-28')).toBe('2026-12-22');
    expect(reminderDay('2027-01-04', 3)).toBe('2026-12-28');
  });

  it('steps back over Midsummer and a weekend for a longer lead', () => {
    expect(reminderDay('2026-06-22', 5)).toBe('2026-06-12');
  });

  it('counts from a deadline that is not a working day', () => {
    expect(reminderDay('2026-03-07', 1)).toBe('2026-03-06'); // Sat → Fri
    expect(reminderDay('2026-03-07', 2)).toBe('2026-03-05');
  });

  it('gives the deadline itself, or the working day before it, for zero days', () => {
    expect(reminderDay('2026-03-10', 0)).toBe('2026-03-10');
    expect(reminderDay('2026-03-08', 0)).toBe('2026-03-06'); // Sun → Fri
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p working days', (days) => {
    expect(() => reminderDay('2026-03-10', days)).toThrow(RangeError);
  });

  it('explains a negative lead in Swedish', () => {
    expect(() => reminderDay('2026-03-10', -1)).toThrow('Antal arbetsdagar före måste vara ett heltal som är 0 eller större, inte -1');
  });
});
