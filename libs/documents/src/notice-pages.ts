import { PageRange } from './view-models';

export interface NoticeItemPageCounts {
  /** The item's number on the agenda. */
  number: number;
  /** The page count of each of the item's documents as rendered to PDF, in bundle order; empty when it has none. */
  documentPageCounts: number[];
}

/**
 * Where each item's documents are in the kallelse bundle: the kallelse's own pages come first, then every item's
 * documents in agenda order, each document starting on the page after the previous one ends. An item without
 * documents has no range (null), and takes no pages.
 */
export function noticePageRanges(coverPageCount: number, items: NoticeItemPageCounts[]): Map<number, PageRange | null> {
  checkPageCount(coverPageCount, 'Kallelsen');
  const ranges = new Map<number, PageRange | null>();
  let nextPage = coverPageCount + 1;
  for (const item of items) {
    if (ranges.has(item.number)) throw new RangeError(`Ärendenummer ${item.number} förekommer två gånger i kallelsen`);
    item.documentPageCounts.forEach((count, index) => checkPageCount(count, `Handling ${index + 1} i ärende ${item.number}`));
    if (item.documentPageCounts.length === 0) {
      ranges.set(item.number, null);
      continue;
    }
    const pages = item.documentPageCounts.reduce((sum, count) => sum + count, 0);
    ranges.set(item.number, { first: nextPage, last: nextPage + pages - 1 });
    nextPage += pages;
  }
  return ranges;
}

// A PDF has at least one page; a count of 0 would make the item's range end before it starts.
function checkPageCount(count: number, what: string): void {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`${what} har ett ogiltigt sidantal: ${count}`);
}
