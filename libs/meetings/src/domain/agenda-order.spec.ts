import { AgendaEntry, AgendaOrderError, applyReorder, insertPosition } from './agenda-order';

const start = (id: string): AgendaEntry => ({ id, kind: 'standard', placement: 'start' });
const end = (id: string): AgendaEntry => ({ id, kind: 'standard', placement: 'end' });
const matter = (id: string): AgendaEntry => ({ id, kind: 'matter', placement: null });
const info = (id: string): AgendaEntry => ({ id, kind: 'information', placement: null });

/** A typical SUN föredragningslista. */
const AGENDA: AgendaEntry[] = [
  start('upprop'),
  start('justerare'),
  start('dagordning'),
  matter('budget'),
  info('skolval'),
  end('delegationsbeslut'),
  end('meddelanden'),
];

function thrown(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('insertPosition', () => {
  it('puts a new matter or information item before the closing standard items', () => {
    expect(insertPosition(AGENDA, 'matter')).toBe(5);
    expect(insertPosition(AGENDA, 'information')).toBe(5);
  });

  it('appends when there are no closing standard items', () => {
    expect(insertPosition(AGENDA.slice(0, 5), 'matter')).toBe(5);
  });

  it('goes after the opening standard items on an agenda without matters', () => {
    expect(insertPosition([start('upprop'), start('justerare'), end('delegationsbeslut'), end('meddelanden')], 'matter')).toBe(2);
  });

  it('goes first when only closing standard items exist, and at 0 on an empty agenda', () => {
    expect(insertPosition([end('delegationsbeslut'), end('meddelanden')], 'information')).toBe(0);
    expect(insertPosition([], 'matter')).toBe(0);
  });

  it('goes after the last matter even if a closing item was moved up among the matters', () => {
    const agenda = [start('upprop'), end('meddelanden'), matter('a'), matter('b'), end('delegationsbeslut')];
    expect(insertPosition(agenda, 'matter')).toBe(4);
  });

  it('treats a standard item without placement, or with start placement, as not closing', () => {
    expect(insertPosition([matter('a'), { id: 'övrigt', kind: 'standard', placement: null }, end('meddelanden')], 'matter')).toBe(2);
    expect(insertPosition([matter('a'), end('delegationsbeslut'), start('sent-upprop')], 'matter')).toBe(3);
  });

  it('treats an end placement on a matter as an ordinary matter', () => {
    expect(insertPosition([matter('a'), { id: 'b', kind: 'matter', placement: 'end' }], 'matter')).toBe(2);
  });
});

describe('applyReorder', () => {
  const current = ['upprop', 'justerare', 'budget', 'skolval', 'meddelanden'];

  it('returns the requested order when it is a permutation of the current one', () => {
    expect(applyReorder(current, ['upprop', 'justerare', 'skolval', 'budget', 'meddelanden'])).toEqual(['upprop', 'justerare', 'skolval', 'budget', 'meddelanden']);
    expect(applyReorder(current, [...current].reverse())).toEqual(['meddelanden', 'skolval', 'budget', 'justerare', 'upprop']);
    expect(applyReorder([], [])).toEqual([]);
  });

  it('returns a new array', () => {
    const requested = [...current];
    expect(applyReorder(current, requested)).not.toBe(requested);
  });

  it('names missing items', () => {
    const error = thrown(() => applyReorder(current, ['upprop', 'budget', 'meddelanden'])) as AgendaOrderError;
    expect(error).toBeInstanceOf(AgendaOrderError);
    expect(error.name).toBe('AgendaOrderError');
    expect(error.missing).toEqual(['justerare', 'skolval']);
    expect(error.unknown).toEqual([]);
    expect(error.duplicates).toEqual([]);
    expect(error.message).toBe('Den nya ordningen måste innehålla varje punkt på föredragningslistan exakt en gång. Saknas: justerare, skolval.');
  });

  it('names unknown items', () => {
    expect(() => applyReorder(current, [...current, 'extra'])).toThrow(
      new AgendaOrderError([], ['extra'], []),
    );
    expect(() => applyReorder(current, [...current, 'extra'])).toThrow(
      'Den nya ordningen måste innehålla varje punkt på föredragningslistan exakt en gång. Finns inte på listan: extra.',
    );
  });

  it('names duplicates once each, however often they repeat', () => {
    const error = thrown(() => applyReorder(current, [...current, 'budget', 'budget', 'upprop'])) as AgendaOrderError;
    expect(error.duplicates).toEqual(['budget', 'upprop']);
    expect(error.message).toBe('Den nya ordningen måste innehålla varje punkt på föredragningslistan exakt en gång. Förekommer flera gånger: budget, upprop.');
  });

  it('names everything that is wrong at once', () => {
    const error = thrown(() => applyReorder(current, ['upprop', 'upprop', 'ny', 'budget', 'meddelanden'])) as AgendaOrderError;
    expect(error.message).toBe(
      'Den nya ordningen måste innehålla varje punkt på föredragningslistan exakt en gång. Saknas: justerare, skolval. Finns inte på listan: ny. Förekommer flera gånger: upprop.',
    );
  });

  it('refuses a duplicate that hides a missing item, though the lengths agree', () => {
    const error = thrown(() => applyReorder(['a', 'b'], ['a', 'a'])) as AgendaOrderError;
    expect([error.missing, error.unknown, error.duplicates]).toEqual([['b'], [], ['a']]);
  });
});
