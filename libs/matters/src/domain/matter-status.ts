export const MATTER_STATUSES = ['registered', 'in_preparation', 'ready_for_decision', 'decided', 'closed', 'withdrawn', 'cancelled'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];

export const MATTER_STATUS_LABELS: Record<MatterStatus, string> = {
  registered: 'Registrerat',
  in_preparation: 'Under beredning',
  ready_for_decision: 'Klart för beslut',
  decided: 'Beslutat',
  closed: 'Avslutat',
  withdrawn: 'Återkallat',
  cancelled: 'Makulerat',
};

/**
 * The lifecycle registered → in preparation → ready for decision → decided → closed. A matter may be
 * withdrawn while it is open; a decision sent back (återremiss) returns it to preparation. Only a
 * registration made in error is cancelled (makulerad), and it keeps its number.
 */
const TRANSITIONS: Record<MatterStatus, MatterStatus[]> = {
  registered: ['in_preparation', 'ready_for_decision', 'closed', 'withdrawn', 'cancelled'],
  in_preparation: ['ready_for_decision', 'closed', 'withdrawn', 'cancelled'],
  ready_for_decision: ['in_preparation', 'decided', 'withdrawn'],
  decided: ['in_preparation', 'closed'],
  closed: [],
  withdrawn: ['closed'],
  cancelled: [],
};

export function canChangeStatus(from: MatterStatus, to: MatterStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedNextStatuses(from: MatterStatus): MatterStatus[] {
  return [...TRANSITIONS[from]];
}

/** A matter that can still take new documents and reports. */
export function isOpen(status: MatterStatus): boolean {
  return status !== 'closed' && status !== 'cancelled';
}

/** A matter is closed (avslutat) when it reaches closed or is withdrawn and closed; the date is recorded then. */
export function closesMatter(to: MatterStatus): boolean {
  return to === 'closed';
}
