import { MatterReading } from './secrecy-access';

/** Said in the audit log in place of a value a reader may not read. */
export const REDACTED = 'Sekretess';
export const REDACTED_CHANGED = 'Sekretess (ändrad)';

/** What an audit entry may always show: identities, numbers, states and times, never words from the matter. */
const SHOWN_KEYS = new Set([
  'id',
  'municipalityId',
  'createdAt',
  'updatedAt',
  'registryId',
  'matterId',
  'paragraphId',
  'minutesId',
  'meetingId',
  'agendaItemId',
  'organId',
  'departmentId',
  'caseNumber',
  'documentNumber',
  'year',
  'sequence',
  'number',
  'position',
  'version',
  'status',
  'kind',
  'secret',
  'secrecyProvision',
  'secrecyMarkedOn',
  'publicTitle',
  'registeredOn',
  'closedOn',
  'signedAt',
  'lockedAt',
  'contentSha256',
  'currentContentSha256',
]);

export interface AuditSnapshots {
  entityType: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The matter an audit entry is about, when it names one (the matter itself, or anything carrying its id). */
export function auditedMatterIds(entry: AuditSnapshots & { entityId: string | null }): string[] {
  const ids = [entry.entityType === 'Matter' ? entry.entityId : null, entry.before?.matterId, entry.after?.matterId];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/**
 * Whether a reader must not see the entry's content: a matter it names is not readable to them, or
 * it is a secret document of a matter whose secrets they have no access to.
 */
export function auditEntryHidden(entry: AuditSnapshots, readings: (MatterReading | undefined)[]): boolean {
  const secretDocument = entry.entityType === 'Document' && (entry.before?.secret === true || entry.after?.secret === true);
  return readings.some((reading) => reading !== undefined && (!reading.contentReadable || (secretDocument && !reading.entitled)));
}

/**
 * The entry as a reader without access sees it: what changed is still there (every field, marked
 * "Sekretess (ändrad)" where the value changed), but only identities, numbers and states keep their values.
 */
export function redactAuditSnapshots<T extends AuditSnapshots>(entry: T): T {
  const keys = new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]);
  const redact = (snapshot: Record<string, unknown> | null): Record<string, unknown> | null => {
    if (snapshot === null) return null;
    const other = snapshot === entry.before ? entry.after : entry.before;
    return Object.fromEntries(
      [...keys]
        .filter((key) => key in snapshot)
        .map((key) => {
          if (SHOWN_KEYS.has(key)) return [key, snapshot[key]];
          const changed = other !== null && JSON.stringify(other[key]) !== JSON.stringify(snapshot[key]);
          return [key, changed ? REDACTED_CHANGED : REDACTED];
        }),
    );
  };
  return { ...entry, before: redact(entry.before), after: redact(entry.after) };
}
