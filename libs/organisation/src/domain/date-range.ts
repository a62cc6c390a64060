/** An inclusive range of calendar dates (YYYY-MM-DD); a null end runs on indefinitely. */
export interface DateRange {
  from: string;
  to: string | null;
}

export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

export function rangeContains(outer: DateRange, inner: DateRange): boolean {
  if (inner.from < outer.from) return false;
  if (outer.to === null) return true;
  return inner.to !== null && inner.to <= outer.to;
}

export function rangeIncludesDate(range: DateRange, date: string): boolean {
  return range.from <= date && (range.to === null || date <= range.to);
}

/** The parts of `needed` that no range in `cover` covers; empty when fully covered. */
export function uncoveredParts(needed: DateRange, cover: DateRange[]): DateRange[] {
  const sorted = [...cover].sort((a, b) => a.from.localeCompare(b.from));
  const gaps: DateRange[] = [];
  let cursor: string | null = needed.from;
  for (const range of sorted) {
    if (cursor === null) break;
    if (needed.to !== null && range.from > needed.to) break;
    if (range.to !== null && range.to < cursor) continue;
    if (range.from > cursor) {
      gaps.push({ from: cursor, to: previousDay(range.from) });
    }
    cursor = range.to === null ? null : nextDay(range.to);
  }
  if (cursor !== null && (needed.to === null || cursor <= needed.to)) {
    gaps.push({ from: cursor, to: needed.to });
  }
  return gaps;
}

function shiftDay(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

export function nextDay(date: string): string {
  return shiftDay(date, 1);
}

export function previousDay(date: string): string {
  return shiftDay(date, -1);
}
