import type { Comparator, Direction } from '../format/framework-file';
import {
  COMPARATOR_SYMBOLS,
  EvaluatedIndicator,
  EvaluatedTarget,
  EvaluatedValue,
  Evaluation,
  evaluateIndicator,
  evaluateIndicatorYears,
  formatIndicatorNumber,
  Outcome,
  OUTCOME_LABELS,
  rollUp,
  roundToDecimals,
  ScaleState,
} from './index';

const NBSP = '\u00a0';

function indicator(overrides: Partial<EvaluatedIndicator> = {}): EvaluatedIndicator {
  return { direction: 'higher_is_better', decimals: 0, scale: null, values: [], targets: [], ...overrides };
}

function value(year: number, amount: number | null, preliminary = false): EvaluatedValue {
  return { year, value: amount, state: null, preliminary };
}

function stateValue(year: number, state: string | null, preliminary = false): EvaluatedValue {
  return { year, value: null, state, preliminary };
}

function numeric(year: number, comparator: Comparator, amount: number): EvaluatedTarget {
  return { year, kind: 'numeric', comparator, value: amount };
}

function relative(year: number, comparator: Comparator, relativeToYear: number | null = null): EvaluatedTarget {
  return { year, kind: 'relative', comparator, relativeToYear };
}

function stateTarget(year: number, state: string): EvaluatedTarget {
  return { year, kind: 'state', state };
}

/** Non-consecutive ranks on purpose: only their order may matter. */
const IMPLEMENTATION_SCALE: ScaleState[] = [
  { key: 'ej-paborjat', label: 'ej påbörjat', rank: 0 },
  { key: 'paborjat', label: 'påbörjat', rank: 10 },
  { key: 'delvis', label: 'delvis implementerat', rank: 20 },
  { key: 'implementerat', label: 'implementerat', rank: 30 },
];

function ordinal(values: EvaluatedValue[], targets: EvaluatedTarget[]): EvaluatedIndicator {
  return indicator({ scale: IMPLEMENTATION_SCALE, values, targets });
}

describe('OUTCOME_LABELS', () => {
  it('names every outcome in Swedish', () => {
    expect(OUTCOME_LABELS).toEqual({
      met: 'Uppfyllt',
      on_track: 'På väg att uppfyllas',
      not_met: 'Inte uppfyllt',
      no_target: 'Målvärde saknas',
      no_value: 'Utfall saknas',
    });
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(OUTCOME_LABELS)).toBe(true);
  });
});

describe('COMPARATOR_SYMBOLS', () => {
  it('prints comparators as in Swedish reports', () => {
    expect(COMPARATOR_SYMBOLS).toEqual({ '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' });
  });
});

describe('roundToDecimals', () => {
  it.each([
    [80.04, 1, 80],
    [80.05, 1, 80.1],
    [79.95, 1, 80],
    [79.94, 1, 79.9],
    [1.005, 2, 1.01],
    [0.1 + 0.2, 1, 0.3],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [-2.4, 0, -2],
    [12345.678, 2, 12345.68],
    [1e-7, 3, 0],
    [1.5e-7, 7, 2e-7],
    [213, 0, 213],
  ])('rounds %p to %p decimals as %p (half away from zero)', (input, decimals, expected) => {
    expect(roundToDecimals(input, decimals)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundToDecimals(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundToDecimals(-0, 0), 0)).toBe(true);
  });

  it.each([-1, 1.5, 16, Number.NaN])('refuses %p decimals', (decimals) => {
    expect(() => roundToDecimals(1, decimals)).toThrow(RangeError);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses the value %p', (input) => {
    expect(() => roundToDecimals(input, 0)).toThrow(RangeError);
  });
});

describe('formatIndicatorNumber', () => {
  it.each([
    [80, 0, '80'],
    [80, 1, '80,0'],
    [80.04, 1, '80,0'],
    [14.25, 1, '14,3'],
    [0.5, 2, '0,50'],
    [1234.5, 1, '1234,5'],
    [12345.678, 2, `12${NBSP}345,68`],
    [1234567, 0, `1${NBSP}234${NBSP}567`],
    [26383, 0, `26${NBSP}383`],
    [-2.5, 0, '-3'],
    [-12345.5, 1, `-12${NBSP}345,5`],
    [-0.04, 1, '0,0'],
  ])('prints %p with %p decimals as "%s"', (input, decimals, expected) => {
    expect(formatIndicatorNumber(input, decimals)).toBe(expected);
  });
});

describe('evaluateIndicator: numeric target with an actual for the year', () => {
  const cases: [Comparator, number, Outcome][] = [
    ['>=', 81, 'met'],
    ['>=', 80, 'met'],
    ['>=', 79, 'not_met'],
    ['>', 81, 'met'],
    ['>', 80, 'not_met'],
    ['>', 79, 'not_met'],
    ['<=', 79, 'met'],
    ['<=', 80, 'met'],
    ['<=', 81, 'not_met'],
    ['<', 79, 'met'],
    ['<', 80, 'not_met'],
    ['<', 81, 'not_met'],
    ['=', 80, 'met'],
    ['=', 79, 'not_met'],
    ['=', 81, 'not_met'],
  ];
  const directions: Direction[] = ['higher_is_better', 'lower_is_better', 'none'];
  const table = directions.flatMap((direction) => cases.map(([comparator, actual, outcome]) => [direction, comparator, actual, outcome] as const));

  it.each(table)('%s, target %s 80, actual %p: %s (the comparator rules, not the direction)', (direction, comparator, actual, outcome) => {
    const result = evaluateIndicator(indicator({ direction, values: [value(2023, actual)], targets: [numeric(2023, comparator, 80)] }), 2023);
    expect(result.outcome).toBe(outcome);
    expect(result.basis).toBe('actual');
    expect(result.actual).toBe(actual);
    expect(result.target).toBe(`${COMPARATOR_SYMBOLS[comparator]} 80`);
  });

  it('reports a met target in full', () => {
    expect(evaluateIndicator(indicator({ values: [value(2022, 204), value(2023, 216)], targets: [numeric(2023, '>=', 216)] }), 2023)).toEqual<Evaluation>({
      year: 2023,
      outcome: 'met',
      actual: 216,
      actualYear: 2023,
      actualText: '216',
      target: '≥ 216',
      basis: 'actual',
      preliminary: false,
      explanation: 'Utfallet 2023 är 216 och uppfyller målvärdet ≥ 216.',
    });
  });

  it('reports a missed target in full, lower is better', () => {
    const result = evaluateIndicator(indicator({ direction: 'lower_is_better', values: [value(2022, 397)], targets: [numeric(2022, '<=', 380)] }), 2022);
    expect(result).toEqual<Evaluation>({
      year: 2022,
      outcome: 'not_met',
      actual: 397,
      actualYear: 2022,
      actualText: '397',
      target: '≤ 380',
      basis: 'actual',
      preliminary: false,
      explanation: 'Utfallet 2022 är 397 och uppfyller inte målvärdet ≤ 380.',
    });
  });

  it('ignores the trend when the year has an actual', () => {
    const result = evaluateIndicator(indicator({ values: [value(2021, 60), value(2022, 70), value(2023, 79)], targets: [numeric(2023, '>=', 80)] }), 2023);
    expect(result.outcome).toBe('not_met');
    expect(result.basis).toBe('actual');
  });
});

describe('evaluateIndicator: rounding to the indicator decimals', () => {
  it.each([
    [80.04, 1, '>=', 80, 'met', '80,0', '≥ 80,0'],
    [79.95, 1, '>=', 80, 'met', '80,0', '≥ 80,0'],
    [79.94, 1, '>=', 80, 'not_met', '79,9', '≥ 80,0'],
    [80.04, 1, '>', 80, 'not_met', '80,0', '> 80,0'],
    [80.05, 1, '>', 80, 'met', '80,1', '> 80,0'],
    [79.5, 0, '>=', 80, 'met', '80', '≥ 80'],
    [79.49, 0, '>=', 80, 'not_met', '79', '≥ 80'],
    [12.34, 1, '=', 12.3, 'met', '12,3', '= 12,3'],
    [12.35, 1, '=', 12.3, 'not_met', '12,4', '= 12,3'],
    [0.1 + 0.2, 1, '=', 0.3, 'met', '0,3', '= 0,3'],
    [80, 1, '>=', 79.96, 'met', '80,0', '≥ 80,0'],
    [80, 1, '>', 79.96, 'not_met', '80,0', '> 80,0'],
    [-2.5, 0, '<=', -3, 'met', '-3', '≤ -3'],
  ] as const)('actual %p with %p decimals against %s %p: %s', (actual, decimals, comparator, goal, outcome, actualText, target) => {
    const result = evaluateIndicator(indicator({ decimals, values: [value(2023, actual)], targets: [numeric(2023, comparator, goal)] }), 2023);
    expect(result.outcome).toBe(outcome);
    expect(result.actualText).toBe(actualText);
    expect(result.target).toBe(target);
    // The raw value stays what was measured; only comparison and text are rounded.
    expect(result.actual).toBe(actual);
  });

  it('prints large numbers grouped in the target, the actual and the explanation', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 26383)], targets: [numeric(2022, '>=', 26550)] }), 2022);
    expect(result.target).toBe(`≥ 26${NBSP}550`);
    expect(result.explanation).toBe(`Utfallet 2022 är 26${NBSP}383 och uppfyller inte målvärdet ≥ 26${NBSP}550.`);
  });
});

describe('evaluateIndicator: no target, missing values, preliminary actuals', () => {
  it('gives no_target for a year without a target and still reports the actual', () => {
    expect(evaluateIndicator(indicator({ values: [value(2022, 88)], targets: [numeric(2023, '>=', 90)] }), 2022)).toEqual<Evaluation>({
      year: 2022,
      outcome: 'no_target',
      actual: 88,
      actualYear: 2022,
      actualText: '88',
      target: null,
      basis: null,
      preliminary: false,
      explanation: 'Det finns inget målvärde för 2022. Utfallet 2022 är 88.',
    });
  });

  it('gives no_target for a year with neither target nor actual', () => {
    expect(evaluateIndicator(indicator(), 2022)).toEqual<Evaluation>({
      year: 2022,
      outcome: 'no_target',
      actual: null,
      actualYear: null,
      actualText: null,
      target: null,
      basis: null,
      preliminary: false,
      explanation: 'Det finns inget målvärde för 2022.',
    });
  });

  it('marks a preliminary actual of a year without a target', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 41, true)] }), 2022);
    expect(result.preliminary).toBe(true);
    expect(result.explanation).toBe('Det finns inget målvärde för 2022. Utfallet 2022 är 41 (preliminärt).');
  });

  it('gives no_value when the year has a value row without a value, even after all other actuals', () => {
    // A null row is a reported gap ("uppgift saknas"), not a year still to come: no projection from 2021.
    const result = evaluateIndicator(indicator({ values: [value(2020, 89), value(2021, 87), value(2022, null)], targets: [numeric(2022, '>=', 80)] }), 2022);
    expect(result).toEqual<Evaluation>({
      year: 2022,
      outcome: 'no_value',
      actual: null,
      actualYear: null,
      actualText: null,
      target: '≥ 80',
      basis: null,
      preliminary: false,
      explanation: 'Utfall saknas för 2022.',
    });
  });

  it('gives no_value for a year without a row when a later year has an actual', () => {
    const result = evaluateIndicator(indicator({ values: [value(2020, 93), value(2022, 79)], targets: [numeric(2021, '>=', 88)] }), 2021);
    expect(result.outcome).toBe('no_value');
    expect(result.basis).toBeNull();
    expect(result.explanation).toBe('Utfall saknas för 2021.');
  });

  it('does not count a later null row as a later actual', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 90), value(2024, null)], targets: [numeric(2023, '>=', 88)] }), 2023);
    expect(result.outcome).toBe('on_track');
    expect(result.basis).toBe('latest_actual');
  });

  it('does not call a preliminary flag on a missing value preliminary', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, null, true)], targets: [numeric(2022, '>=', 80)] }), 2022);
    expect(result.outcome).toBe('no_value');
    expect(result.preliminary).toBe(false);
  });

  it('evaluates a preliminary actual and says so', () => {
    expect(evaluateIndicator(indicator({ values: [value(2022, 41, true)], targets: [numeric(2022, '>=', 40)] }), 2022)).toEqual<Evaluation>({
      year: 2022,
      outcome: 'met',
      actual: 41,
      actualYear: 2022,
      actualText: '41',
      target: '≥ 40',
      basis: 'actual',
      preliminary: true,
      explanation: 'Utfallet 2022 är 41 (preliminärt) och uppfyller målvärdet ≥ 40.',
    });
  });

  it('evaluates a preliminary actual that misses the target', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 39, true)], targets: [numeric(2022, '>=', 40)] }), 2022);
    expect(result.outcome).toBe('not_met');
    expect(result.preliminary).toBe(true);
    expect(result.explanation).toBe('Utfallet 2022 är 39 (preliminärt) och uppfyller inte målvärdet ≥ 40.');
  });
});

describe('evaluateIndicator: a target for a year not measured yet', () => {
  it('is on track when the latest actual already satisfies it', () => {
    expect(evaluateIndicator(indicator({ values: [value(2022, 78), value(2023, 82)], targets: [numeric(2025, '>=', 80)] }), 2025)).toEqual<Evaluation>({
      year: 2025,
      outcome: 'on_track',
      actual: 82,
      actualYear: 2023,
      actualText: '82',
      target: '≥ 80',
      basis: 'latest_actual',
      preliminary: false,
      explanation: 'Utfall för 2025 finns ännu inte. Det senaste utfallet (2023: 82) uppfyller redan målvärdet ≥ 80.',
    });
  });

  it('is on track by the latest actual even when the trend falls', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 90), value(2023, 82)], targets: [numeric(2025, '>=', 80)] }), 2025);
    expect(result.outcome).toBe('on_track');
    expect(result.basis).toBe('latest_actual');
  });

  it('is on track by the latest actual with a single actual', () => {
    const result = evaluateIndicator(indicator({ values: [value(2023, 80)], targets: [numeric(2025, '>=', 80)] }), 2025);
    expect(result.outcome).toBe('on_track');
    expect(result.basis).toBe('latest_actual');
  });

  it('is on track when the trend of the two latest actuals reaches the target exactly by the year', () => {
    expect(evaluateIndicator(indicator({ values: [value(2021, 90), value(2022, 72), value(2023, 76)], targets: [numeric(2025, '>=', 84)] }), 2025)).toEqual<Evaluation>({
      year: 2025,
      outcome: 'on_track',
      actual: 76,
      actualYear: 2023,
      actualText: '76',
      target: '≥ 84',
      basis: 'trend',
      preliminary: false,
      explanation:
        'Utfall för 2025 finns ännu inte. Det senaste utfallet (2023: 76) uppfyller inte målvärdet ≥ 84, men om utvecklingen sedan 2022 (72) fortsätter i samma takt blir värdet 84 år 2025.',
    });
  });

  it('is not met when the trend rises too slowly', () => {
    expect(evaluateIndicator(indicator({ values: [value(2022, 75), value(2023, 76)], targets: [numeric(2025, '>=', 80)] }), 2025)).toEqual<Evaluation>({
      year: 2025,
      outcome: 'not_met',
      actual: 76,
      actualYear: 2023,
      actualText: '76',
      target: '≥ 80',
      basis: 'trend',
      preliminary: false,
      explanation:
        'Utfall för 2025 finns ännu inte. Det senaste utfallet (2023: 76) uppfyller inte målvärdet ≥ 80, och om utvecklingen sedan 2022 (75) fortsätter i samma takt blir värdet 78 år 2025, vilket inte uppfyller målvärdet.',
    });
  });

  it('is not met when the trend moves away from the target', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 78), value(2023, 76)], targets: [numeric(2025, '>=', 80)] }), 2025);
    expect(result.outcome).toBe('not_met');
    expect(result.basis).toBe('trend');
    expect(result.explanation).toBe('Utfall för 2025 finns ännu inte. Det senaste utfallet (2023: 76) uppfyller inte målvärdet ≥ 80, och utvecklingen sedan 2022 (78) går åt fel håll.');
  });

  it('is not met when the trend stands still', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 76), value(2023, 76)], targets: [numeric(2025, '>=', 80)] }), 2025);
    expect(result.outcome).toBe('not_met');
    expect(result.basis).toBe('trend');
    expect(result.explanation).toBe('Utfall för 2025 finns ännu inte. Det senaste utfallet (2023: 76) uppfyller inte målvärdet ≥ 80, och utvecklingen sedan 2022 (76) är oförändrad.');
  });

  it('reads the trend of lower-is-better indicators downwards', () => {
    const onTrack = evaluateIndicator(indicator({ direction: 'lower_is_better', values: [value(2022, 30), value(2023, 26)], targets: [numeric(2025, '<=', 18)] }), 2025);
    expect([onTrack.outcome, onTrack.basis]).toEqual(['on_track', 'trend']);
    expect(onTrack.explanation).toContain('blir värdet 18 år 2025.');

    const tooSlow = evaluateIndicator(indicator({ direction: 'lower_is_better', values: [value(2022, 30), value(2023, 26)], targets: [numeric(2025, '<=', 17)] }), 2025);
    expect([tooSlow.outcome, tooSlow.basis]).toEqual(['not_met', 'trend']);

    const rising = evaluateIndicator(indicator({ direction: 'lower_is_better', values: [value(2022, 26), value(2023, 30)], targets: [numeric(2025, '<=', 18)] }), 2025);
    expect([rising.outcome, rising.basis]).toEqual(['not_met', 'trend']);
    expect(rising.explanation).toContain('går åt fel håll.');
  });

  it('takes the slope per year across a gap and skips rows without a value', () => {
    const result = evaluateIndicator(indicator({ values: [value(2018, 99), value(2019, 60), value(2020, null), value(2021, 70)], targets: [numeric(2024, '>=', 85)] }), 2024);
    expect(result.outcome).toBe('on_track');
    expect(result.basis).toBe('trend');
    expect(result.explanation).toBe(
      'Utfall för 2024 finns ännu inte. Det senaste utfallet (2021: 70) uppfyller inte målvärdet ≥ 85, men om utvecklingen sedan 2019 (60) fortsätter i samma takt blir värdet 85 år 2024.',
    );
    expect(evaluateIndicator(indicator({ values: [value(2019, 60), value(2021, 70)], targets: [numeric(2024, '>=', 86)] }), 2024).outcome).toBe('not_met');
  });

  it('rounds the extrapolation to the indicator decimals', () => {
    // 79,6 + 0,6 × 2 is 80,80000000000001 in binary; rounded it is exactly the target.
    const result = evaluateIndicator(indicator({ decimals: 1, values: [value(2022, 79), value(2023, 79.6)], targets: [numeric(2025, '=', 80.8)] }), 2025);
    expect(result.outcome).toBe('on_track');
    expect(result.explanation).toContain('blir värdet 80,8 år 2025.');
  });

  it('needs the extrapolation to land on an "=" target', () => {
    expect(evaluateIndicator(indicator({ values: [value(2022, 94), value(2023, 96)], targets: [numeric(2025, '=', 100)] }), 2025).outcome).toBe('on_track');
    expect(evaluateIndicator(indicator({ values: [value(2022, 90), value(2023, 95)], targets: [numeric(2025, '=', 100)] }), 2025).outcome).toBe('not_met');
  });

  it('judges strict comparators on the extrapolation', () => {
    expect(evaluateIndicator(indicator({ values: [value(2022, 72), value(2023, 76)], targets: [numeric(2025, '>', 84)] }), 2025).outcome).toBe('not_met');
    expect(evaluateIndicator(indicator({ values: [value(2022, 72), value(2023, 76)], targets: [numeric(2025, '>', 83)] }), 2025).outcome).toBe('on_track');
  });

  it('does not count an improvement in the direction that leads away from the target', () => {
    // Higher is better, yet the target asks for at most 50: rising values never get there.
    const rising = evaluateIndicator(indicator({ values: [value(2022, 55), value(2023, 60)], targets: [numeric(2025, '<=', 50)] }), 2025);
    expect([rising.outcome, rising.basis]).toEqual(['not_met', 'trend']);
    expect(rising.explanation).toContain('blir värdet 70 år 2025, vilket inte uppfyller målvärdet.');
    // Falling values would reach it, but that is a worsening for this indicator.
    const falling = evaluateIndicator(indicator({ values: [value(2022, 60), value(2023, 55)], targets: [numeric(2025, '<=', 50)] }), 2025);
    expect([falling.outcome, falling.basis]).toEqual(['not_met', 'trend']);
    expect(falling.explanation).toContain('går åt fel håll.');
  });

  it('uses no trend for an indicator without a direction', () => {
    const result = evaluateIndicator(indicator({ direction: 'none', values: [value(2022, 72), value(2023, 76)], targets: [numeric(2025, '>=', 80)] }), 2025);
    expect(result).toEqual<Evaluation>({
      year: 2025,
      outcome: 'not_met',
      actual: 76,
      actualYear: 2023,
      actualText: '76',
      target: '≥ 80',
      basis: 'latest_actual',
      preliminary: false,
      explanation:
        'Utfall för 2025 finns ännu inte. Det senaste utfallet (2023: 76) uppfyller inte målvärdet ≥ 80, och indikatorn anger inte om högre eller lägre är bättre, så utvecklingen bedöms inte.',
    });
  });

  it('is on track by the latest actual for an indicator without a direction', () => {
    const result = evaluateIndicator(indicator({ direction: 'none', values: [value(2023, 81)], targets: [numeric(2025, '>=', 80)] }), 2025);
    expect([result.outcome, result.basis]).toEqual(['on_track', 'latest_actual']);
  });

  it('is not met when a single actual misses the target', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, null), value(2023, 76)], targets: [numeric(2025, '>=', 80)] }), 2025);
    expect(result).toEqual<Evaluation>({
      year: 2025,
      outcome: 'not_met',
      actual: 76,
      actualYear: 2023,
      actualText: '76',
      target: '≥ 80',
      basis: 'latest_actual',
      preliminary: false,
      explanation: 'Utfall för 2025 finns ännu inte. Det senaste utfallet (2023: 76) uppfyller inte målvärdet ≥ 80, och ett enda utfall räcker inte för att bedöma utvecklingen.',
    });
  });

  it('gives no_value when there is no earlier actual', () => {
    const expected: Evaluation = {
      year: 2025,
      outcome: 'no_value',
      actual: null,
      actualYear: null,
      actualText: null,
      target: '≥ 80',
      basis: null,
      preliminary: false,
      explanation: 'Utfall för 2025 finns ännu inte, och det finns inget tidigare utfall att bedöma målvärdet ≥ 80 mot.',
    };
    expect(evaluateIndicator(indicator({ targets: [numeric(2025, '>=', 80)] }), 2025)).toEqual(expected);
    expect(evaluateIndicator(indicator({ values: [value(2022, null), value(2023, null)], targets: [numeric(2025, '>=', 80)] }), 2025)).toEqual(expected);
  });

  it('marks a preliminary latest actual', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 78), value(2023, 82, true)], targets: [numeric(2025, '>=', 80)] }), 2025);
    expect(result.preliminary).toBe(true);
    expect(result.explanation).toBe('Utfall för 2025 finns ännu inte. Det senaste utfallet (2023: 82, preliminärt) uppfyller redan målvärdet ≥ 80.');
  });

  it('marks a preliminary earlier actual when the trend rests on it', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 72, true), value(2023, 76)], targets: [numeric(2025, '>=', 80)] }), 2025);
    expect(result.preliminary).toBe(true);
    expect(result.explanation).toBe(
      'Utfall för 2025 finns ännu inte. Det senaste utfallet (2023: 76) uppfyller inte målvärdet ≥ 80, men om utvecklingen sedan 2022 (72, preliminärt) fortsätter i samma takt blir värdet 84 år 2025.',
    );
  });

  it('does not mark a preliminary earlier actual that the judgement does not use', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 72, true), value(2023, 82)], targets: [numeric(2025, '>=', 80)] }), 2025);
    expect(result.preliminary).toBe(false);
    expect(result.explanation).not.toContain('preliminärt');
  });

  it('reads values in any order', () => {
    const result = evaluateIndicator(indicator({ values: [value(2023, 76), value(2021, 90), value(2022, 72)], targets: [numeric(2025, '>=', 84)] }), 2025);
    expect([result.outcome, result.basis, result.actualYear]).toEqual(['on_track', 'trend', 2023]);
  });
});

describe('evaluateIndicator: relative targets', () => {
  it('compares with the previous year when no year is given', () => {
    expect(evaluateIndicator(indicator({ values: [value(2022, 12), value(2023, 14)], targets: [relative(2023, '>=')] }), 2023)).toEqual<Evaluation>({
      year: 2023,
      outcome: 'met',
      actual: 14,
      actualYear: 2023,
      actualText: '14',
      target: '≥ föregående år (2022: 12)',
      basis: 'actual',
      preliminary: false,
      explanation: 'Utfallet 2023 är 14 och uppfyller målvärdet ≥ föregående år (2022: 12).',
    });
  });

  it('is not met below the previous year', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 12), value(2023, 11)], targets: [relative(2023, '>=')] }), 2023);
    expect(result.outcome).toBe('not_met');
    expect(result.explanation).toBe('Utfallet 2023 är 11 och uppfyller inte målvärdet ≥ föregående år (2022: 12).');
  });

  it.each([
    ['>=', 12, 'met'],
    ['>', 12, 'not_met'],
    ['>', 13, 'met'],
    ['<=', 12, 'met'],
    ['<', 12, 'not_met'],
    ['<', 11, 'met'],
    ['=', 12, 'met'],
    ['=', 13, 'not_met'],
  ] as const)('compares %s with the previous year 12: actual %p is %s', (comparator, actual, outcome) => {
    const result = evaluateIndicator(indicator({ direction: 'lower_is_better', values: [value(2022, 12), value(2023, actual)], targets: [relative(2023, comparator)] }), 2023);
    expect(result.outcome).toBe(outcome);
    expect(result.target).toBe(`${COMPARATOR_SYMBOLS[comparator]} föregående år (2022: 12)`);
  });

  it('compares with a given year', () => {
    const indicatorWithBase = indicator({ values: [value(2019, 50), value(2022, 60), value(2023, 55)], targets: [relative(2023, '>=', 2019)] });
    expect(evaluateIndicator(indicatorWithBase, 2023)).toEqual<Evaluation>({
      year: 2023,
      outcome: 'met',
      actual: 55,
      actualYear: 2023,
      actualText: '55',
      target: '≥ 2019 års utfall (50)',
      basis: 'actual',
      preliminary: false,
      explanation: 'Utfallet 2023 är 55 och uppfyller målvärdet ≥ 2019 års utfall (50).',
    });
  });

  it('is not met against a given year', () => {
    const result = evaluateIndicator(indicator({ direction: 'lower_is_better', values: [value(2019, 50), value(2023, 55)], targets: [relative(2023, '<', 2019)] }), 2023);
    expect(result.outcome).toBe('not_met');
    expect(result.explanation).toBe('Utfallet 2023 är 55 och uppfyller inte målvärdet < 2019 års utfall (50).');
  });

  it('calls a given year that is the previous year "föregående år"', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 12), value(2023, 14)], targets: [relative(2023, '>=', 2022)] }), 2023);
    expect(result.target).toBe('≥ föregående år (2022: 12)');
  });

  it('compares after rounding', () => {
    const result = evaluateIndicator(indicator({ decimals: 1, values: [value(2022, 12.04), value(2023, 12.01)], targets: [relative(2023, '>')] }), 2023);
    expect(result.outcome).toBe('not_met');
    expect(result.target).toBe('> föregående år (2022: 12,0)');
  });

  it('gives no_value when the reference year is missing, saying so', () => {
    expect(evaluateIndicator(indicator({ values: [value(2023, 14)], targets: [relative(2023, '>=')] }), 2023)).toEqual<Evaluation>({
      year: 2023,
      outcome: 'no_value',
      actual: 14,
      actualYear: 2023,
      actualText: '14',
      target: '≥ föregående år (2022)',
      basis: null,
      preliminary: false,
      explanation: 'Utfallet 2023 är 14, men utfall saknas för jämförelseåret 2022.',
    });
  });

  it('gives no_value when the given reference year has a row without a value', () => {
    const result = evaluateIndicator(indicator({ values: [value(2019, null), value(2023, 14)], targets: [relative(2023, '>=', 2019)] }), 2023);
    expect(result.outcome).toBe('no_value');
    expect(result.target).toBe('≥ 2019 års utfall');
    expect(result.explanation).toBe('Utfallet 2023 är 14, men utfall saknas för jämförelseåret 2019.');
  });

  it('gives no_value when the year itself is missing, without projecting', () => {
    expect(evaluateIndicator(indicator({ values: [value(2021, 10), value(2022, 12)], targets: [relative(2023, '>=')] }), 2023)).toEqual<Evaluation>({
      year: 2023,
      outcome: 'no_value',
      actual: null,
      actualYear: null,
      actualText: null,
      target: '≥ föregående år (2022: 12)',
      basis: null,
      preliminary: false,
      explanation: 'Utfall saknas för 2023.',
    });
  });

  it('gives no_value when both are missing', () => {
    const result = evaluateIndicator(indicator({ values: [value(2023, null)], targets: [relative(2023, '>=', 2020)] }), 2023);
    expect(result.outcome).toBe('no_value');
    expect(result.explanation).toBe('Utfall saknas för 2023 och för jämförelseåret 2020.');
  });

  it('marks a preliminary actual of the year', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 12), value(2023, 14, true)], targets: [relative(2023, '>=')] }), 2023);
    expect(result.preliminary).toBe(true);
    expect(result.explanation).toBe('Utfallet 2023 är 14 (preliminärt) och uppfyller målvärdet ≥ föregående år (2022: 12).');
  });

  it('marks a preliminary actual of the reference year', () => {
    const result = evaluateIndicator(indicator({ values: [value(2022, 12, true), value(2023, 14)], targets: [relative(2023, '>=')] }), 2023);
    expect(result.preliminary).toBe(true);
    expect(result.explanation).toBe('Utfallet 2023 är 14 och uppfyller målvärdet ≥ föregående år (2022: 12). Utfallet 2022 är preliminärt.');
  });

  it('marks a preliminary actual when the reference is missing', () => {
    const result = evaluateIndicator(indicator({ values: [value(2023, 14, true)], targets: [relative(2023, '>=')] }), 2023);
    expect(result.preliminary).toBe(true);
    expect(result.explanation).toBe('Utfallet 2023 är 14 (preliminärt), men utfall saknas för jämförelseåret 2022.');
  });

  it.each([2023, 2024])('refuses a reference year %p that is not before the target year', (referenceYear) => {
    expect(() => evaluateIndicator(indicator({ targets: [relative(2023, '>=', referenceYear)] }), 2023)).toThrow(RangeError);
  });
});

describe('evaluateIndicator: ordinal indicators', () => {
  it('is met above the target state', () => {
    expect(evaluateIndicator(ordinal([stateValue(2023, 'implementerat')], [stateTarget(2023, 'delvis')]), 2023)).toEqual<Evaluation>({
      year: 2023,
      outcome: 'met',
      actual: 'implementerat',
      actualYear: 2023,
      actualText: 'implementerat',
      target: 'delvis implementerat',
      basis: 'actual',
      preliminary: false,
      explanation: 'Utfallet 2023 är ”implementerat” och uppfyller målvärdet ”delvis implementerat”.',
    });
  });

  it('is met at the target state', () => {
    const result = evaluateIndicator(ordinal([stateValue(2023, 'delvis')], [stateTarget(2023, 'delvis')]), 2023);
    expect(result.outcome).toBe('met');
  });

  it('is not met below the target state', () => {
    const result = evaluateIndicator(ordinal([stateValue(2023, 'paborjat')], [stateTarget(2023, 'implementerat')]), 2023);
    expect(result.outcome).toBe('not_met');
    expect(result.actual).toBe('paborjat');
    expect(result.actualText).toBe('påbörjat');
    expect(result.target).toBe('implementerat');
    expect(result.explanation).toBe('Utfallet 2023 är ”påbörjat” och uppfyller inte målvärdet ”implementerat”.');
  });

  it('orders by rank, not by position in the scale', () => {
    const shuffled = [IMPLEMENTATION_SCALE[3], IMPLEMENTATION_SCALE[0], IMPLEMENTATION_SCALE[2], IMPLEMENTATION_SCALE[1]];
    const evaluated = indicator({ scale: shuffled, values: [stateValue(2023, 'paborjat')], targets: [stateTarget(2023, 'delvis')] });
    expect(evaluateIndicator(evaluated, 2023).outcome).toBe('not_met');
  });

  it('treats states of equal rank as equal', () => {
    const scale: ScaleState[] = [
      { key: 'uppfyllt', label: 'Målet är uppfyllt', rank: 3 },
      { key: 'kvalitet-uppnas', label: 'Kvaliteten uppnås', rank: 3 },
    ];
    expect(evaluateIndicator(indicator({ scale, values: [stateValue(2023, 'kvalitet-uppnas')], targets: [stateTarget(2023, 'uppfyllt')] }), 2023).outcome).toBe('met');
  });

  it('marks a preliminary state', () => {
    const result = evaluateIndicator(ordinal([stateValue(2023, 'delvis', true)], [stateTarget(2023, 'delvis')]), 2023);
    expect(result.preliminary).toBe(true);
    expect(result.explanation).toBe('Utfallet 2023 är ”delvis implementerat” (preliminärt) och uppfyller målvärdet ”delvis implementerat”.');
  });

  it('gives no_value for a year whose state is missing', () => {
    const result = evaluateIndicator(ordinal([stateValue(2022, 'delvis'), stateValue(2023, null)], [stateTarget(2023, 'delvis')]), 2023);
    expect(result.outcome).toBe('no_value');
    expect(result.explanation).toBe('Utfall saknas för 2023.');
  });

  it('is on track for a later year when the latest state already reaches the target', () => {
    expect(evaluateIndicator(ordinal([stateValue(2023, 'implementerat')], [stateTarget(2025, 'implementerat')]), 2025)).toEqual<Evaluation>({
      year: 2025,
      outcome: 'on_track',
      actual: 'implementerat',
      actualYear: 2023,
      actualText: 'implementerat',
      target: 'implementerat',
      basis: 'latest_actual',
      preliminary: false,
      explanation: 'Utfall för 2025 finns ännu inte. Det senaste utfallet (2023: ”implementerat”) uppfyller redan målvärdet ”implementerat”.',
    });
  });

  it('computes no trend over ranks for a later year', () => {
    const result = evaluateIndicator(ordinal([stateValue(2022, 'ej-paborjat'), stateValue(2023, 'delvis')], [stateTarget(2025, 'implementerat')]), 2025);
    expect(result).toEqual<Evaluation>({
      year: 2025,
      outcome: 'not_met',
      actual: 'delvis',
      actualYear: 2023,
      actualText: 'delvis implementerat',
      target: 'implementerat',
      basis: 'latest_actual',
      preliminary: false,
      explanation:
        'Utfall för 2025 finns ännu inte. Det senaste utfallet (2023: ”delvis implementerat”) uppfyller inte målvärdet ”implementerat”, och för en skala med nivåer beräknas ingen trend.',
    });
  });

  it('gives no_value for a later year without any earlier state', () => {
    const result = evaluateIndicator(ordinal([], [stateTarget(2025, 'implementerat')]), 2025);
    expect(result.outcome).toBe('no_value');
    expect(result.explanation).toBe('Utfall för 2025 finns ännu inte, och det finns inget tidigare utfall att bedöma målvärdet ”implementerat” mot.');
  });

  it('gives no_target with the state for a year without a target', () => {
    const result = evaluateIndicator(ordinal([stateValue(2022, 'paborjat')], [stateTarget(2025, 'implementerat')]), 2022);
    expect(result.outcome).toBe('no_target');
    expect(result.explanation).toBe('Det finns inget målvärde för 2022. Utfallet 2022 är ”påbörjat”.');
  });

  it('throws on an unknown state key in the target', () => {
    expect(() => evaluateIndicator(ordinal([stateValue(2023, 'delvis')], [stateTarget(2023, 'klart')]), 2023)).toThrow(new RangeError('Unknown state "klart" in the target for 2023'));
  });

  it('throws on an unknown state key in a value, whichever year is evaluated', () => {
    const evaluated = ordinal([stateValue(2022, 'klart'), stateValue(2023, 'delvis')], [stateTarget(2023, 'delvis')]);
    expect(() => evaluateIndicator(evaluated, 2023)).toThrow(new RangeError('Unknown state "klart" for 2022'));
  });

  it('throws on a numeric target', () => {
    expect(() => evaluateIndicator(ordinal([stateValue(2023, 'delvis')], [numeric(2023, '>=', 2)]), 2023)).toThrow(
      new RangeError('A numeric target for 2023 on an ordinal indicator'),
    );
  });

  it('throws on a relative target', () => {
    expect(() => evaluateIndicator(ordinal([], [relative(2023, '>=')]), 2023)).toThrow(RangeError);
  });

  it('throws on a number among its values', () => {
    expect(() => evaluateIndicator(ordinal([value(2023, 2)], []), 2023)).toThrow(RangeError);
  });

  it('throws on an empty scale or one with a key twice', () => {
    expect(() => evaluateIndicator(indicator({ scale: [] }), 2023)).toThrow(RangeError);
    expect(() => evaluateIndicator(indicator({ scale: [...IMPLEMENTATION_SCALE, { key: 'delvis', label: 'Delvis', rank: 25 }] }), 2023)).toThrow(RangeError);
  });

  it('throws on a rank that is not a number', () => {
    expect(() => evaluateIndicator(indicator({ scale: [{ key: 'a', label: 'A', rank: Number.NaN }] }), 2023)).toThrow(RangeError);
  });
});

describe('evaluateIndicator: comparators left to the direction', () => {
  const plain = (year: number, amount: number): EvaluatedTarget => ({ year, kind: 'numeric', value: amount });

  it('reads a plain number as at least it when higher is better, at most it when lower is better, and exactly it without a direction', () => {
    const values = [value(2024, 80)];
    expect(evaluateIndicator(indicator({ direction: 'higher_is_better', values, targets: [plain(2024, 75)] }), 2024)).toMatchObject({ outcome: 'met', target: '≥ 75' });
    expect(evaluateIndicator(indicator({ direction: 'lower_is_better', values, targets: [plain(2024, 75)] }), 2024)).toMatchObject({ outcome: 'not_met', target: '≤ 75' });
    expect(evaluateIndicator(indicator({ direction: 'none', values, targets: [plain(2024, 75)] }), 2024)).toMatchObject({ outcome: 'not_met', target: '= 75' });
    expect(evaluateIndicator(indicator({ direction: 'none', values, targets: [plain(2024, 80)] }), 2024)).toMatchObject({ outcome: 'met', target: '= 80' });
  });

  it('compares a relative target with the previous year the way the direction says', () => {
    const values = [value(2023, 10), value(2024, 8)];
    const target: EvaluatedTarget = { year: 2024, kind: 'relative', relativeToYear: null };
    expect(evaluateIndicator(indicator({ direction: 'lower_is_better', values, targets: [target] }), 2024).outcome).toBe('met');
    expect(evaluateIndicator(indicator({ direction: 'higher_is_better', values, targets: [target] }), 2024).outcome).toBe('not_met');
    expect(() => evaluateIndicator(indicator({ direction: 'none', values, targets: [target] }), 2024)).toThrow(RangeError);
  });
});

describe('evaluateIndicator: targets not quantified yet', () => {
  const toBeSet = (year: number, text: string | null): EvaluatedTarget => ({ year, kind: 'to_be_set', text });

  it('has no target yet, printed as the source writes it, and still reports the actual', () => {
    const result = evaluateIndicator(indicator({ values: [value(2024, 142)], targets: [toBeSet(2024, '<Xx')] }), 2024);
    expect(result).toMatchObject({ outcome: 'no_target', target: '<Xx', actual: 142, basis: null });
    expect(result.explanation).toBe('Målvärdet för 2024 är inte fastställt ännu (”<Xx”). Utfallet 2024 är 142.');
  });

  it('says "ej fastställt" when the source gives no text, on numeric and ordinal indicators alike', () => {
    expect(evaluateIndicator(indicator({ targets: [toBeSet(2025, null)] }), 2025)).toMatchObject({ outcome: 'no_target', target: 'ej fastställt', explanation: 'Målvärdet för 2025 är inte fastställt ännu.' });
    expect(evaluateIndicator(ordinal([stateValue(2025, 'delvis')], [toBeSet(2025, '>Xx st')]), 2025)).toMatchObject({ outcome: 'no_target', actualText: 'delvis implementerat' });
  });

  it('counts for nothing when a goal rolls up', () => {
    expect(rollUp(['no_target', 'met'])).toBe('met');
  });
});

describe('evaluateIndicator: state targets with a comparator', () => {
  const stateWith = (year: number, state: string, comparator: Comparator): EvaluatedTarget => ({ year, kind: 'state', state, comparator });

  it('"better than delvis" is met only above delvis', () => {
    const target = stateWith(2024, 'delvis', '>');
    expect(evaluateIndicator(ordinal([stateValue(2024, 'implementerat')], [target]), 2024)).toMatchObject({ outcome: 'met', target: 'bättre än delvis implementerat' });
    const atDelvis = evaluateIndicator(ordinal([stateValue(2024, 'delvis')], [target]), 2024);
    expect(atDelvis.outcome).toBe('not_met');
    expect(atDelvis.explanation).toBe('Utfallet 2024 är ”delvis implementerat” och uppfyller inte målvärdet bättre än ”delvis implementerat”.');
  });

  it('reads the other comparators on the ranks, and no comparator as this state or better', () => {
    const at = (state: string, comparator: Comparator) => evaluateIndicator(ordinal([stateValue(2024, state)], [stateWith(2024, 'delvis', comparator)]), 2024).outcome;
    expect([at('paborjat', '<'), at('delvis', '<'), at('delvis', '<='), at('implementerat', '<=')]).toEqual(['met', 'not_met', 'met', 'not_met']);
    expect([at('delvis', '='), at('implementerat', '='), at('delvis', '>=')]).toEqual(['met', 'not_met', 'met']);
    expect(evaluateIndicator(ordinal([stateValue(2024, 'implementerat')], [stateTarget(2024, 'delvis')]), 2024)).toMatchObject({ outcome: 'met', target: 'delvis implementerat' });
  });
});

describe('evaluateIndicator: one-state scales', () => {
  const ONE_STATE: ScaleState[] = [
    { key: 'uppfyller', label: 'Uppfyller', rank: 1 },
    { key: 'ej-uppfyllt', label: 'Ej uppfyllt', rank: 0 },
  ];

  it('meets the target with the state and fails it with the implied state below', () => {
    const targets: EvaluatedTarget[] = [stateTarget(2024, 'uppfyller'), stateTarget(2025, 'uppfyller')];
    const scaled = indicator({ scale: ONE_STATE, values: [stateValue(2024, 'ej-uppfyllt'), stateValue(2025, 'uppfyller')], targets });
    expect(evaluateIndicator(scaled, 2024)).toMatchObject({ outcome: 'not_met', actualText: 'Ej uppfyllt', target: 'Uppfyller' });
    expect(evaluateIndicator(scaled, 2025)).toMatchObject({ outcome: 'met', actualText: 'Uppfyller' });
  });
});

describe('evaluateIndicator: actuals given as bounds', () => {
  const bounded = (year: number, amount: number, bound: '>=' | '>' | '<=' | '<'): EvaluatedValue => ({ year, value: amount, state: null, preliminary: false, bound });

  it('meets a target every value within the bound meets, and fails one none of them meets', () => {
    const at = (actual: EvaluatedValue, target: EvaluatedTarget) => evaluateIndicator(indicator({ values: [actual], targets: [target] }), actual.year);
    expect(at(bounded(2023, 18, '>='), numeric(2023, '>=', 15))).toMatchObject({ outcome: 'met', actual: 18, actualText: '≥ 18', basis: 'actual' });
    expect(at(bounded(2023, 18, '>='), numeric(2023, '>=', 18)).outcome).toBe('met');
    expect(at(bounded(2023, 18, '>'), numeric(2023, '>', 18)).outcome).toBe('met');
    expect(at(bounded(2023, 18, '>='), numeric(2023, '>', 18)).outcome).toBe('no_value');
    expect(at(bounded(2023, 18, '>='), numeric(2023, '<', 18)).outcome).toBe('not_met');
    expect(at(bounded(2023, 18, '>'), numeric(2023, '<=', 18)).outcome).toBe('not_met');
    expect(at(bounded(2023, 5, '<'), numeric(2023, '<=', 5)).outcome).toBe('met');
    expect(at(bounded(2023, 5, '<='), numeric(2023, '=', 5)).outcome).toBe('no_value');
  });

  it('says why a bound that straddles the target cannot be judged', () => {
    const result = evaluateIndicator(indicator({ values: [bounded(2023, 18, '>=')], targets: [numeric(2023, '>=', 20)] }), 2023);
    expect(result).toMatchObject({ outcome: 'no_value', actualText: '≥ 18', target: '≥ 20' });
    expect(result.explanation).toBe('Utfallet 2023 anges bara som minst 18, vilket inte räcker för att avgöra om målvärdet ≥ 20 uppfylls.');
  });

  it('compares bounds with an earlier year for a relative target', () => {
    const relativeTo = (actual: EvaluatedValue, reference: EvaluatedValue) =>
      evaluateIndicator(indicator({ values: [reference, actual], targets: [relative(actual.year, '>')] }), actual.year).outcome;
    expect(relativeTo(bounded(2024, 20, '>='), value(2023, 18))).toBe('met');
    expect(relativeTo(bounded(2024, 20, '<'), value(2023, 20))).toBe('not_met');
    expect(relativeTo(bounded(2024, 20, '>='), bounded(2023, 18, '>='))).toBe('no_value');
    expect(relativeTo(value(2024, 20), bounded(2023, 18, '<'))).toBe('met');
  });

  it('projects from a bound only when the bound already meets the target, and draws no trend through one', () => {
    const onTrack = evaluateIndicator(indicator({ values: [value(2022, 10), bounded(2023, 18, '>=')], targets: [numeric(2025, '>=', 15)] }), 2025);
    expect(onTrack).toMatchObject({ outcome: 'on_track', basis: 'latest_actual' });
    const unknown = evaluateIndicator(indicator({ values: [value(2022, 10), bounded(2023, 18, '>=')], targets: [numeric(2025, '>=', 20)] }), 2025);
    expect(unknown).toMatchObject({ outcome: 'no_value', basis: null });
    const noTrend = evaluateIndicator(indicator({ values: [value(2022, 10), bounded(2023, 12, '<=')], targets: [numeric(2025, '>=', 20)] }), 2025);
    expect(noTrend).toMatchObject({ outcome: 'not_met', basis: 'latest_actual' });
    expect(noTrend.explanation).toContain('ett utfall som bara anges som en gräns ger ingen trend');
  });

  it('refuses a bound without a number, and a bound on a state', () => {
    expect(() => evaluateIndicator(indicator({ values: [{ year: 2023, value: null, state: null, preliminary: false, bound: '>=' }] }), 2023)).toThrow(RangeError);
    expect(() => evaluateIndicator(indicator({ values: [{ year: 2023, value: 1, state: null, preliminary: false, bound: '≥' as never }] }), 2023)).toThrow(RangeError);
  });
});

describe('evaluateIndicator: malformed input is a programming error', () => {
  it.each<[string, Partial<EvaluatedIndicator>]>([
    ['a state target on a numeric indicator', { targets: [stateTarget(2023, 'delvis')] }],
    ['a state on a numeric indicator', { values: [stateValue(2023, 'delvis')] }],
    ['two values for one year', { values: [value(2023, 1), value(2023, 2)] }],
    ['two targets for one year', { targets: [numeric(2023, '>=', 1), relative(2023, '>=')] }],
    ['a value that is not a number', { values: [value(2023, Number.NaN)] }],
    ['a value given as a string', { values: [{ year: 2023, value: '12.5' as unknown as number, state: null, preliminary: false }] }],
    ['an infinite target', { targets: [numeric(2023, '>=', Number.POSITIVE_INFINITY)] }],
    ['an unknown comparator', { targets: [numeric(2023, '≥' as Comparator, 1)] }],
    ['an unknown target kind', { targets: [{ year: 2023, kind: 'text' } as unknown as EvaluatedTarget] }],
    ['an unknown direction', { direction: 'up' as Direction }],
    ['negative decimals', { decimals: -1 }],
    ['fractional decimals', { decimals: 0.5 }],
    ['a fractional value year', { values: [value(2023.5, 1)] }],
    ['a fractional reference year', { targets: [relative(2023, '>=', 2020.5)] }],
  ])('throws a RangeError on %s', (_, overrides) => {
    expect(() => evaluateIndicator(indicator(overrides), 2023)).toThrow(RangeError);
  });

  it('throws on a year that is not whole', () => {
    expect(() => evaluateIndicator(indicator(), 2023.5)).toThrow(RangeError);
  });

  it('leaves its input untouched', () => {
    const input = indicator({ values: [value(2023, 76), value(2022, 72, true)], targets: [numeric(2025, '>=', 80), relative(2023, '>=')] });
    const copy = structuredClone(input);
    evaluateIndicatorYears(input, [2022, 2023, 2025]);
    expect(input).toEqual(copy);
  });
});

describe('evaluateIndicatorYears', () => {
  const series = indicator({
    values: [value(2021, 70), value(2022, 74), value(2023, 78)],
    targets: [numeric(2022, '>=', 75), numeric(2023, '>=', 78), numeric(2025, '>=', 82)],
  });

  it('evaluates each year in the given order, as evaluateIndicator does', () => {
    const years = [2025, 2021, 2022, 2023];
    const results = evaluateIndicatorYears(series, years);
    expect(results.map((result) => [result.year, result.outcome, result.basis])).toEqual([
      [2025, 'on_track', 'trend'],
      [2021, 'no_target', null],
      [2022, 'not_met', 'actual'],
      [2023, 'met', 'actual'],
    ]);
    expect(results).toEqual(years.map((year) => evaluateIndicator(series, year)));
  });

  it('returns nothing for no years', () => {
    expect(evaluateIndicatorYears(series, [])).toEqual([]);
  });

  it('validates the indicator even for no years', () => {
    expect(() => evaluateIndicatorYears(indicator({ decimals: -1 }), [])).toThrow(RangeError);
  });
});

describe('rollUp', () => {
  it.each<[Outcome[], Outcome]>([
    [[], 'no_target'],
    [['no_target'], 'no_target'],
    [['no_target', 'no_target'], 'no_target'],
    [['no_value'], 'no_value'],
    [['no_value', 'no_value', 'no_target'], 'no_value'],
    [['met'], 'met'],
    [['met', 'met', 'no_target'], 'met'],
    [['met', 'no_value'], 'on_track'],
    [['met', 'on_track'], 'on_track'],
    [['on_track'], 'on_track'],
    [['on_track', 'no_value'], 'on_track'],
    [['not_met'], 'not_met'],
    [['not_met', 'no_target'], 'not_met'],
    [['met', 'not_met'], 'on_track'],
    [['met', 'on_track', 'not_met', 'not_met'], 'on_track'],
    [['met', 'not_met', 'not_met'], 'not_met'],
    [['on_track', 'not_met', 'not_met'], 'not_met'],
    [['met', 'on_track', 'not_met'], 'on_track'],
    [['not_met', 'no_value', 'no_value'], 'not_met'],
    [['not_met', 'not_met', 'met', 'no_value', 'no_value', 'no_target'], 'not_met'],
    [['not_met', 'met', 'met', 'no_value'], 'on_track'],
  ])('rolls %j up to %s', (outcomes, expected) => {
    expect(rollUp(outcomes)).toBe(expected);
  });

  it('does not depend on the order', () => {
    expect(rollUp(['not_met', 'met', 'not_met'])).toBe('not_met');
    expect(rollUp(['not_met', 'not_met', 'met'])).toBe('not_met');
    expect(rollUp(['no_value', 'met'])).toBe('on_track');
  });

  it('throws on an unknown outcome', () => {
    expect(() => rollUp(['met', 'uppfyllt' as Outcome])).toThrow(RangeError);
  });

  it('rolls up a node from evaluations of its indicators', () => {
    const met = evaluateIndicator(indicator({ values: [value(2023, 90)], targets: [numeric(2023, '>=', 80)] }), 2023);
    const missed = evaluateIndicator(indicator({ values: [value(2023, 70)], targets: [numeric(2023, '>=', 80)] }), 2023);
    const untargeted = evaluateIndicator(indicator({ values: [value(2023, 70)] }), 2023);
    expect(rollUp([met.outcome, missed.outcome, untargeted.outcome])).toBe('on_track');
    expect(rollUp([missed.outcome, missed.outcome, met.outcome])).toBe('not_met');
    // A child node's roll-up counts like an indicator's outcome.
    expect(rollUp([rollUp([met.outcome, met.outcome]), met.outcome])).toBe('met');
  });
});
