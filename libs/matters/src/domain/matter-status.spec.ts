import { allowedNextStatuses, canChangeStatus, closesMatter, isOpen, MATTER_STATUS_LABELS, MATTER_STATUSES, MatterStatus } from './matter-status';

const ALLOWED: [MatterStatus, MatterStatus][] = [
  ['registered', 'in_preparation'],
  ['registered', 'ready_for_decision'],
  ['registered', 'closed'],
  ['registered', 'withdrawn'],
  ['registered', 'cancelled'],
  ['in_preparation', 'ready_for_decision'],
  ['in_preparation', 'closed'],
  ['in_preparation', 'withdrawn'],
  ['in_preparation', 'cancelled'],
  ['ready_for_decision', 'in_preparation'],
  ['ready_for_decision', 'decided'],
  ['ready_for_decision', 'withdrawn'],
  ['decided', 'in_preparation'],
  ['decided', 'closed'],
  ['withdrawn', 'closed'],
];

const isAllowed = (from: MatterStatus, to: MatterStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const REFUSED = MATTER_STATUSES.flatMap((from) => MATTER_STATUSES.filter((to) => !isAllowed(from, to)).map((to): [MatterStatus, MatterStatus] => [from, to]));

describe('canChangeStatus', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canChangeStatus(from, to)).toBe(true);
  });

  it.each(REFUSED)('refuses %s → %s', (from, to) => {
    expect(canChangeStatus(from, to)).toBe(false);
  });

  it('covers the whole table between the two lists', () => {
    expect(ALLOWED.length + REFUSED.length).toBe(MATTER_STATUSES.length ** 2);
    expect(REFUSED.length).toBe(34);
  });

  it('never lets a status change to itself', () => {
    for (const status of MATTER_STATUSES) expect(canChangeStatus(status, status)).toBe(false);
  });

  it('treats closed and cancelled as final', () => {
    for (const to of MATTER_STATUSES) {
      expect(canChangeStatus('closed', to)).toBe(false);
      expect(canChangeStatus('cancelled', to)).toBe(false);
    }
  });

  it('cancels only from registered or in preparation', () => {
    const from = MATTER_STATUSES.filter((status) => canChangeStatus(status, 'cancelled'));
    expect(from).toEqual(['registered', 'in_preparation']);
  });

  it('sends a decided matter back to preparation (återremiss) or closes it', () => {
    expect(canChangeStatus('decided', 'in_preparation')).toBe(true);
    expect(canChangeStatus('decided', 'closed')).toBe(true);
    expect(canChangeStatus('decided', 'withdrawn')).toBe(false);
    expect(canChangeStatus('decided', 'ready_for_decision')).toBe(false);
    expect(canChangeStatus('decided', 'cancelled')).toBe(false);
  });

  it('lets a withdrawn matter only be closed', () => {
    expect(allowedNextStatuses('withdrawn')).toEqual(['closed']);
  });

  it('never goes back to registered', () => {
    for (const from of MATTER_STATUSES) expect(canChangeStatus(from, 'registered')).toBe(false);
  });
});

describe('allowedNextStatuses', () => {
  it.each(MATTER_STATUSES)('lists exactly the allowed targets of %s', (from) => {
    const expected = ALLOWED.filter(([f]) => f === from).map(([, to]) => to);
    expect([...allowedNextStatuses(from)].sort()).toEqual([...expected].sort());
  });

  it('lists nothing after closed or cancelled', () => {
    expect(allowedNextStatuses('closed')).toEqual([]);
    expect(allowedNextStatuses('cancelled')).toEqual([]);
  });

  it('returns a copy the caller may change without changing the rules', () => {
    const next = allowedNextStatuses('decided');
    next.push('cancelled');
    expect(canChangeStatus('decided', 'cancelled')).toBe(false);
    expect(allowedNextStatuses('decided')).toEqual(['in_preparation', 'closed']);
  });
});

describe('isOpen', () => {
  it.each<[MatterStatus, boolean]>([
    ['registered', true],
    ['in_preparation', true],
    ['ready_for_decision', true],
    ['decided', true],
    ['withdrawn', true],
    ['closed', false],
    ['cancelled', false],
  ])('says %s is open: %s', (status, open) => {
    expect(isOpen(status)).toBe(open);
  });
});

describe('closesMatter', () => {
  it.each<[MatterStatus, boolean]>([
    ['registered', false],
    ['in_preparation', false],
    ['ready_for_decision', false],
    ['decided', false],
    ['withdrawn', false],
    ['closed', true],
    ['cancelled', false],
  ])('says moving to %s closes the matter: %s', (status, closes) => {
    expect(closesMatter(status)).toBe(closes);
  });
});

describe('MATTER_STATUS_LABELS', () => {
  it('gives every status its Swedish label', () => {
    expect(MATTER_STATUS_LABELS).toEqual({
      registered: 'Registrerat',
      in_preparation: 'Under beredning',
      ready_for_decision: 'Klart för beslut',
      decided: 'Beslutat',
      closed: 'Avslutat',
      withdrawn: 'Återkallat',
      cancelled: 'Makulerat',
    });
  });
});
