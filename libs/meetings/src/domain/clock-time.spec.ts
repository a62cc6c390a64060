import { clockMinutes, parseClockTime } from './clock-time';

describe('parseClockTime', () => {
  it.each<[string, { hour: number; minute: number }]>([
    ['00:00', { hour: 0, minute: 0 }],
    ['08:00', { hour: 8, minute: 0 }],
    ['13:45', { hour: 13, minute: 45 }],
    ['23:59', { hour: 23, minute: 59 }],
  ])('reads %s', (value, expected) => {
    expect(parseClockTime(value)).toEqual(expected);
  });

  it.each(['8:00', '24:00', '12:60', '12.00', '1200', ' 08:00', '08:00 ', '', '08:00:00', 'ab:cd'])('refuses %j', (value) => {
    expect(parseClockTime(value)).toBeNull();
  });
});

describe('clockMinutes', () => {
  it('counts minutes since midnight', () => {
    expect(clockMinutes('00:00')).toBe(0);
    expect(clockMinutes('13:30')).toBe(810);
    expect(clockMinutes('23:59')).toBe(1439);
    expect(clockMinutes('25:00')).toBeNull();
  });
});
