import { noticePageRanges } from './notice-pages';

describe('noticePageRanges', () => {
  it('gives items 3–7 the pages Ludvika\'s kallelse of 11 January 2023 prints, after four pages before them', () => {
    const ranges = noticePageRanges(4, [
      { number: 1, documentPageCounts: [] },
      { number: 2, documentPageCounts: [] },
      { number: 3, documentPageCounts: [2] },
      { number: 4, documentPageCounts: [2] },
      { number: 5, documentPageCounts: [2, 24] },
      { number: 6, documentPageCounts: [1] },
      { number: 7, documentPageCounts: [2, 12, 20, 7] },
    ]);
    expect([...ranges]).toEqual([
      [1, null],
      [2, null],
      [3, { first: 5, last: 6 }],
      [4, { first: 7, last: 8 }],
      [5, { first: 9, last: 34 }],
      [6, { first: 35, last: 35 }],
      [7, { first: 36, last: 76 }],
    ]);
  });

  it('starts the first item on the page after the kallelse, however long the kallelse is', () => {
    expect(noticePageRanges(1, [{ number: 1, documentPageCounts: [3] }]).get(1)).toEqual({ first: 2, last: 4 });
    expect(noticePageRanges(2, [{ number: 1, documentPageCounts: [3] }]).get(1)).toEqual({ first: 3, last: 5 });
  });

  it('lets an item without documents take no pages between its neighbours', () => {
    const ranges = noticePageRanges(1, [
      { number: 1, documentPageCounts: [1] },
      { number: 2, documentPageCounts: [] },
      { number: 3, documentPageCounts: [1] },
    ]);
    expect(ranges.get(1)).toEqual({ first: 2, last: 2 });
    expect(ranges.get(2)).toBeNull();
    expect(ranges.get(3)).toEqual({ first: 3, last: 3 });
  });

  it('follows the order given, not the item numbers', () => {
    const ranges = noticePageRanges(1, [
      { number: 8, documentPageCounts: [2] },
      { number: 3, documentPageCounts: [1] },
    ]);
    expect(ranges.get(8)).toEqual({ first: 2, last: 3 });
    expect(ranges.get(3)).toEqual({ first: 4, last: 4 });
  });

  it('gives nothing for a kallelse without items', () => {
    expect(noticePageRanges(1, []).size).toBe(0);
  });

  it('refuses page counts no PDF has, and an item number twice', () => {
    expect(() => noticePageRanges(0, [])).toThrow(RangeError);
    expect(() => noticePageRanges(1.5, [])).toThrow(RangeError);
    expect(() => noticePageRanges(1, [{ number: 3, documentPageCounts: [2, 0] }])).toThrow('Handling 2 i ärende 3 har ett ogiltigt sidantal: 0');
    expect(() => noticePageRanges(1, [{ number: 3, documentPageCounts: [-1] }])).toThrow(RangeError);
    expect(() => noticePageRanges(1, [{ number: 3, documentPageCounts: [1] }, { number: 3, documentPageCounts: [1] }])).toThrow('förekommer två gånger');
  });
});
