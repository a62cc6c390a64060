import { rangeIncludesDate, rangesOverlap, uncoveredParts } from './date-range';

describe('date ranges', () => {
  it('treats both ends as inclusive and a missing end as open', () => {
    expect(rangesOverlap({ from: '2023-01-01', to: '2023-06-30' }, { from: '2023-06-30', to: null })).toBe(true);
    expect(rangesOverlap({ from: '2023-01-01', to: '2023-06-29' }, { from: '2023-06-30', to: null })).toBe(false);
    expect(rangeIncludesDate({ from: '2023-01-01', to: null }, '2099-01-01')).toBe(true);
  });

  it('finds the uncovered parts of a period across month and leap-day boundaries', () => {
    expect(uncoveredParts({ from: '2024-02-01', to: '2024-03-31' }, [{ from: '2024-02-01', to: '2024-02-28' }])).toEqual([
      { from: '2024-02-29', to: '2024-03-31' },
    ]);
    expect(uncoveredParts({ from: '2024-01-01', to: null }, [{ from: '2024-01-01', to: null }])).toEqual([]);
  });
});
