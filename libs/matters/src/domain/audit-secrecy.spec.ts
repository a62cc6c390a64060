import { auditedMatterIds, auditEntryHidden, REDACTED, REDACTED_CHANGED, redactAuditSnapshots } from './audit-secrecy';
import { MatterReading } from './secrecy-access';

const HIDDEN: MatterReading = { caseNumber: 'SUN 2026/7', title: 'Sekretessärende', masked: true, contentReadable: false, entitled: false };
const PUBLIC_NOT_ENTITLED: MatterReading = { caseNumber: 'SUN 2026/7', title: 'Taxa', masked: false, contentReadable: true, entitled: false };
const ENTITLED: MatterReading = { caseNumber: 'SUN 2026/7', title: 'Placering av barn', masked: false, contentReadable: true, entitled: true };

describe('auditedMatterIds', () => {
  it('finds the matter as the entity, or as the matterId of what changed', () => {
    expect(auditedMatterIds({ entityType: 'Matter', entityId: 'm1', before: null, after: { title: 'x' } })).toEqual(['m1']);
    expect(auditedMatterIds({ entityType: 'AgendaItem', entityId: 'a1', before: { matterId: 'm2' }, after: { matterId: 'm2' } })).toEqual(['m2']);
    expect(auditedMatterIds({ entityType: 'Organ', entityId: 'o1', before: null, after: { name: 'SUN' } })).toEqual([]);
  });
});

describe('auditEntryHidden', () => {
  it('hides an entry about a matter the reader may not read', () => {
    expect(auditEntryHidden({ entityType: 'Matter', before: null, after: { title: 'Placering' } }, [HIDDEN])).toBe(true);
  });

  it('hides a secret document from a reader without access even in a public matter, and shows it to one with access', () => {
    const entry = { entityType: 'Document', before: null, after: { secret: true, description: 'Utredning' } };
    expect(auditEntryHidden(entry, [PUBLIC_NOT_ENTITLED])).toBe(true);
    expect(auditEntryHidden(entry, [ENTITLED])).toBe(false);
    expect(auditEntryHidden({ ...entry, after: { secret: false } }, [PUBLIC_NOT_ENTITLED])).toBe(false);
  });

  it('shows entries about no matter, or about readable ones', () => {
    expect(auditEntryHidden({ entityType: 'Organ', before: null, after: {} }, [])).toBe(false);
    expect(auditEntryHidden({ entityType: 'Matter', before: null, after: {} }, [undefined, ENTITLED])).toBe(false);
  });
});

describe('redactAuditSnapshots', () => {
  it('keeps identities, numbers and states, and marks every other field, changed or not, without its value', () => {
    const entry = {
      id: 'e1',
      entityType: 'Matter',
      before: { id: 'm1', caseNumber: 'SUN 2026/7', title: 'Placering av barn', description: 'Familjen', status: 'registered', secret: true },
      after: { id: 'm1', caseNumber: 'SUN 2026/7', title: 'Placering av barn i familjehem', description: 'Familjen', status: 'in_preparation', secret: true },
    };
    const redacted = redactAuditSnapshots(entry);
    expect(redacted).toEqual({
      id: 'e1',
      entityType: 'Matter',
      before: { id: 'm1', caseNumber: 'SUN 2026/7', title: REDACTED_CHANGED, description: REDACTED, status: 'registered', secret: true },
      after: { id: 'm1', caseNumber: 'SUN 2026/7', title: REDACTED_CHANGED, description: REDACTED, status: 'in_preparation', secret: true },
    });
    expect(JSON.stringify(redacted)).not.toMatch(/Placering|Familjen/);
  });

  it('redacts an entry with only one side, nested values included', () => {
    const redacted = redactAuditSnapshots({ entityType: 'OfficerReport', before: null, after: { matterId: 'm1', content: { title: 'Placering', proposedDecision: ['Placera'] } } });
    expect(redacted.after).toEqual({ matterId: 'm1', content: REDACTED });
    expect(redacted.before).toBeNull();
  });
});
