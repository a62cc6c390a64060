export type AgendaEntryKind = 'standard' | 'matter' | 'information';

/** An item on the föredragningslista, as far as its position is concerned. */
export interface AgendaEntry {
  id: string;
  kind: AgendaEntryKind;
  /** Standard items sit at the start (upprop, val av justerare) or the end (delegationsbeslut, meddelanden). */
  placement: 'start' | 'end' | null;
}

const isTrailingStandard = (entry: AgendaEntry) => entry.kind === 'standard' && entry.placement === 'end';

/**
 * Where a new matter or information item goes: after the last item that is not an end-placed standard
 * item, i.e. just before the closing standard items such as "Anmälan av delegationsbeslut" and
 * "Meddelanden". Looking for the last such item, rather than the first end item, respects a secretary
 * who has moved an end item up among the matters: new items still land after the last matter.
 * Both kinds share the rule today; the kind is a parameter so that a different rule for information
 * items (some organs take them last) would not change every caller.
 */
export function insertPosition(entries: AgendaEntry[], newKind: Exclude<AgendaEntryKind, 'standard'>): number {
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    if (!isTrailingStandard(entries[index])) return index + 1;
  }
  return 0;
}

export class AgendaOrderError extends Error {
  constructor(
    readonly missing: string[],
    readonly unknown: string[],
    readonly duplicates: string[],
  ) {
    super(orderMessage(missing, unknown, duplicates));
    this.name = 'AgendaOrderError';
  }
}

function orderMessage(missing: string[], unknown: string[], duplicates: string[]): string {
  const parts = ['Den nya ordningen måste innehålla varje punkt på föredragningslistan exakt en gång.'];
  if (missing.length > 0) parts.push(`Saknas: ${missing.join(', ')}.`);
  if (unknown.length > 0) parts.push(`Finns inte på listan: ${unknown.join(', ')}.`);
  if (duplicates.length > 0) parts.push(`Förekommer flera gånger: ${duplicates.join(', ')}.`);
  return parts.join(' ');
}

/**
 * The new order of the items, checked to be a permutation of the current one. A reorder request is
 * built from what the secretary's screen showed; if someone else added or removed an item meanwhile,
 * applying it partially would silently drop or misplace items, so the whole request is refused.
 */
export function applyReorder(currentIds: string[], requestedIds: string[]): string[] {
  const current = new Set(currentIds);
  const requested = new Set<string>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  for (const id of requestedIds) {
    if (requested.has(id)) {
      if (!duplicates.includes(id)) duplicates.push(id);
      continue;
    }
    requested.add(id);
    if (!current.has(id)) unknown.push(id);
  }
  const missing = [...current].filter((id) => !requested.has(id));
  if (missing.length > 0 || unknown.length > 0 || duplicates.length > 0) {
    throw new AgendaOrderError(missing, unknown, duplicates);
  }
  return [...requestedIds];
}
