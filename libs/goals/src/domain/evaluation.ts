/**
 * Måluppfyllelse: how an indicator's actual values (utfall) measure up to its targets (målvärden), and
 * how the outcomes of a goal node's indicators and child nodes roll up to the node.
 *
 * Pure functions: no Nest, no database, no clock. "Not measured yet" is therefore read from the data
 * itself (see evaluateIndicator), never from today's date, so that a report for 2023 printed in 2025
 * says the same as it did in 2024.
 *
 * Malformed input (an unknown state key, a numeric target on an ordinal indicator, two targets for
 * one year, …) throws a RangeError: the importer validates files before they reach this point, so
 * such input is a programming error, and a wrong judgement printed in a report would be worse than
 * a failure.
 */
// The file format's unions, not copies: one definition. Not re-exported, because libs/goals/src/index.ts
// exports the format as well, and a second export of the same name there is ambiguous (TS2308).
import type { Bound, Comparator, Direction } from '../format/framework-file';

/** A state of an ordinal scale; a higher rank is better. */
export interface ScaleState {
  key: string;
  label: string;
  rank: number;
}

export interface EvaluatedValue {
  year: number;
  /** Numeric indicators: the value, or null when it is reported missing. */
  value: number | null;
  /** Ordinal indicators: a key of the indicator's scale, or null when it is reported missing. */
  state: string | null;
  preliminary: boolean;
  /** Set when `value` is a bound rather than a measurement: '>=' 18 is "at least 18". */
  bound?: Bound | null;
}

export interface EvaluatedNumericTarget {
  year: number;
  kind: 'numeric';
  /** Null or omitted: the direction's ('>=' higher is better, '<=' lower is better, '=' neither). */
  comparator?: Comparator | null;
  value: number;
}

export interface EvaluatedRelativeTarget {
  year: number;
  kind: 'relative';
  /** Null or omitted: the direction's ('>=' higher is better, '<=' lower is better); a direction 'none' must name one. */
  comparator?: Comparator | null;
  /** The year whose actual the target year's actual is compared with; null = the previous year. */
  relativeToYear: number | null;
}

export interface EvaluatedStateTarget {
  year: number;
  kind: 'state';
  /** How the actual state's rank compares with the target state's; null or omitted = '>=' (this state or better). */
  comparator?: Comparator | null;
  state: string;
}

/** A target the municipality has not quantified yet: the year has no target to judge against. */
export interface EvaluatedToBeSetTarget {
  year: number;
  kind: 'to_be_set';
  /** The target as the source writes it (">Xx st"), or null. */
  text: string | null;
}

export type EvaluatedTarget = EvaluatedNumericTarget | EvaluatedRelativeTarget | EvaluatedStateTarget | EvaluatedToBeSetTarget;

export interface EvaluatedIndicator {
  direction: Direction;
  /** Values and targets compare after rounding to these decimals, i.e. as they are printed. */
  decimals: number;
  /** Set for an ordinal indicator, whose values are states of this scale rather than numbers. */
  scale: ScaleState[] | null;
  values: EvaluatedValue[];
  targets: EvaluatedTarget[];
}

export type Outcome = 'met' | 'on_track' | 'not_met' | 'no_target' | 'no_value';

export type EvaluationBasis = 'actual' | 'latest_actual' | 'trend';

export interface Evaluation {
  year: number;
  outcome: Outcome;
  /** The actual the judgement rests on: the number or the state key; for a projection, the latest actual before the year. */
  actual: number | string | null;
  /** The year of `actual` (differs from `year` when the judgement is a projection). */
  actualYear: number | null;
  /** `actual` as printed: rounded with a decimal comma ("80,0"), or the state's label. */
  actualText: string | null;
  /** The target as printed: "≥ 80", "≥ föregående år (2022: 12)", "implementerat". */
  target: string | null;
  basis: EvaluationBasis | null;
  /** True when an actual the judgement rests on is preliminary. */
  preliminary: boolean;
  /** One or a few Swedish sentences saying why. */
  explanation: string;
}

/** Outcome names as shown to people. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = Object.freeze({
  met: 'Uppfyllt',
  on_track: 'På väg att uppfyllas',
  not_met: 'Inte uppfyllt',
  no_target: 'Målvärde saknas',
  no_value: 'Utfall saknas',
});

/** How comparators are printed in Swedish reports. */
export const COMPARATOR_SYMBOLS: Readonly<Record<Comparator, string>> = Object.freeze({
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
});

/** An actual given as a bound, inside a sentence: "minst 18". */
const BOUND_WORDS: Readonly<Record<Bound, string>> = Object.freeze({ '>=': 'minst', '>': 'mer än', '<=': 'högst', '<': 'mindre än' });

/** A state target's comparator in words; '>=' is the state itself ("delvis", meaning delvis or better). */
const STATE_COMPARATOR_WORDS: Readonly<Record<Comparator, string>> = Object.freeze({ '>=': 'minst', '>': 'bättre än', '<=': 'högst', '<': 'sämre än', '=': 'exakt' });

/** A numeric target's comparator when it names none: the direction's, and for no direction the value itself. */
const NUMERIC_DEFAULT_COMPARATORS: Readonly<Record<Direction, Comparator>> = Object.freeze({ higher_is_better: '>=', lower_is_better: '<=', none: '=' });

/** A relative target's comparator when it names none; without a direction there is none to take. */
const RELATIVE_DEFAULT_COMPARATORS: Readonly<Record<Direction, Comparator | null>> = Object.freeze({ higher_is_better: '>=', lower_is_better: '<=', none: null });

/** Beyond 15 decimals a double no longer holds the digits, so rounding to more would be pretended precision. */
const MAX_DECIMALS = 15;
const DIRECTIONS: readonly Direction[] = ['higher_is_better', 'lower_is_better', 'none'];
/** Groups integer digits the Swedish way, and with a no-break space so that a number never wraps inside. */
const GROUP_SEPARATOR = '\u00a0';

/**
 * Rounds half away from zero, as Swedish reports and spreadsheets do (79,95 → 80,0 and −2,5 → −3).
 * The decimal shift goes through the number's string form, so 1,005 rounds to 1,01 although the double
 * nearest 1,005 lies just below it: values are compared as people read them, not as binary fractions.
 */
export function roundToDecimals(value: number, decimals: number): number {
  assertFiniteNumber(value, 'value');
  assertDecimals(decimals);
  const magnitude = Math.round(shiftDecimalPoint(Math.abs(value), decimals));
  const rounded = shiftDecimalPoint(magnitude, -decimals);
  // No "-0": it would print as "-0" and compare oddly in tests and sorting.
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * Prints a value rounded to the indicator's decimals with a decimal comma, grouping the integer part
 * from five digits (Språkrådet: "12 345" but "1234") and with a hyphen-minus for negatives, which
 * survives copying into spreadsheets and searches better than the typographic minus.
 */
export function formatIndicatorNumber(value: number, decimals: number): string {
  const rounded = roundToDecimals(value, decimals);
  const [integer, fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = integer.length >= 5 ? integer.replace(/\B(?=(\d{3})+$)/g, GROUP_SEPARATOR) : integer;
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}

/**
 * The outcome of an indicator for one year. The rules, in order:
 *
 * 1. No target for the year → 'no_target' (the year's actual is still reported).
 * 2. Numeric target ("≥ 80") and an actual for the year → 'met' or 'not_met' by the target's
 *    comparator, both sides rounded to the indicator's decimals. The comparator rules alone: a target
 *    states its own comparison, whatever the indicator's direction.
 * 3. Numeric or state target and no actual for the year:
 *    - a value row for the year whose value is null ("uppgift saknas"), or an actual in a later year,
 *      means the year's actual is missing rather than not measured yet → 'no_value';
 *    - otherwise the year is not measured yet and the target is judged by projection:
 *      a. no actual before the year → 'no_value';
 *      b. the latest actual before the year already satisfies the target → 'on_track' (basis 'latest_actual');
 *      c. numeric indicators with a direction and two or more earlier actuals: the trend is the straight
 *         line through the two latest actuals (per year, whatever the gap between them, rounded values).
 *         It must improve in the indicator's direction (rise for higher_is_better, fall for
 *         lower_is_better), and its extrapolation to the target year, rounded, must satisfy the target
 *         by the comparator → 'on_track' (basis 'trend'); else 'not_met' (basis 'trend'). A trend that
 *         improves but leads away from the target (higher_is_better with "≤ 50") is 'not_met'. For "="
 *         the extrapolation must land on the target.
 *      d. else 'not_met' (basis 'latest_actual'): one actual shows no trend; direction 'none' says no
 *         way is better, so no trend can count as progress; and ordinal ranks only order states, they
 *         are not distances, so a slope over them would mean nothing.
 * 4. Relative target ("≥ föregående år", or against a given year's actual): needs the actuals of the
 *    year and of the reference year; if either is missing → 'no_value', saying which. Never projected,
 *    since the reference value would itself be a guess. Compared by the comparator after rounding.
 * 5. State target on an ordinal scale: the actual state's rank compared with the target state's by the
 *    target's comparator ('>=' unless it names another: "> delvis" is better than delvis).
 * 6. A target not quantified yet ("to_be_set", ">Xx st") → 'no_target', printed as the source writes it.
 *
 * A comparator left out is the direction's: '>=' when higher is better, '<=' when lower is, '=' for a
 * numeric target without a direction; a relative target without either is a programming error.
 *
 * An actual given as a bound ("≥ 18") satisfies a target when every value within the bound would, fails it
 * when none would, and otherwise cannot be judged → 'no_value', saying so. Bounds draw no trend.
 *
 * A preliminary actual counts like any other, but sets `preliminary` and the explanation says "preliminärt".
 */
export function evaluateIndicator(indicator: EvaluatedIndicator, year: number): Evaluation {
  return evaluateYear(prepare(indicator), year);
}

/** evaluateIndicator for several years, in the given order; the indicator is validated once. */
export function evaluateIndicatorYears(indicator: EvaluatedIndicator, years: readonly number[]): Evaluation[] {
  const prepared = prepare(indicator);
  return years.map((year) => evaluateYear(prepared, year));
}

/** The outcomes of a goal node's indicators and child nodes. */
export interface RollUpInput {
  outcomes: Outcome[];
}

/**
 * The outcome of a goal node from the outcomes of its indicators and child nodes:
 *
 * - 'no_target' is left out: what has no target says nothing about the goal.
 * - Nothing left → 'no_target'; only 'no_value' left → 'no_value'.
 * - Of the assessed outcomes (neither 'no_target' nor 'no_value'), more than half 'not_met' → 'not_met'.
 *   Missing values do not count in that half, or a node whose only measured indicator failed would pass
 *   as 'on_track' just because the others lack values.
 * - Every outcome left is 'met' → 'met'. A 'no_value' among them prevents 'met': the goal cannot be
 *   called fulfilled while part of it is unmeasured.
 * - Otherwise (some 'on_track', some missing values, or at most half 'not_met', exactly half included) → 'on_track'.
 */
export function rollUp(outcomes: readonly Outcome[]): Outcome {
  for (const outcome of outcomes) {
    if (!Object.hasOwn(OUTCOME_LABELS, outcome)) throw new RangeError(`Unknown outcome "${String(outcome)}"`);
  }
  const considered = outcomes.filter((outcome) => outcome !== 'no_target');
  if (considered.length === 0) return 'no_target';
  const assessed = considered.filter((outcome) => outcome !== 'no_value');
  if (assessed.length === 0) return 'no_value';
  const notMet = assessed.filter((outcome) => outcome === 'not_met').length;
  if (notMet * 2 > assessed.length) return 'not_met';
  if (considered.every((outcome) => outcome === 'met')) return 'met';
  return 'on_track';
}

// ---------------------------------------------------------------------------------------------------

/** A target with its comparator resolved. */
type PreparedTarget =
  | (EvaluatedNumericTarget & { comparator: Comparator })
  | (EvaluatedRelativeTarget & { comparator: Comparator })
  | (EvaluatedStateTarget & { comparator: Comparator })
  | EvaluatedToBeSetTarget;

interface Prepared {
  direction: Direction;
  decimals: number;
  /** Null for a numeric indicator. */
  states: Map<string, ScaleState> | null;
  values: Map<number, EvaluatedValue>;
  targets: Map<number, PreparedTarget>;
}

/** The values an actual may have: one number, or every number within a bound. Infinite ends are open. */
interface Interval {
  low: number;
  lowOpen: boolean;
  high: number;
  highOpen: boolean;
}

type Verdict = 'all' | 'none' | 'some';

/** An actual that is there: a number or a state, with what comparisons and texts need. */
interface Reading {
  year: number;
  actual: number | string;
  /** What comparisons use: the rounded number, or the state's rank. */
  score: number;
  /** As printed: "80,0" or the state's label. */
  text: string;
  /** As written inside a sentence: state labels are quoted so that they read as names. */
  inSentence: string;
  preliminary: boolean;
  /** Set for an actual given as a bound. */
  bound: Bound | null;
  interval: Interval;
}

function prepare(indicator: EvaluatedIndicator): Prepared {
  if (!DIRECTIONS.includes(indicator.direction)) throw new RangeError(`Unknown direction "${String(indicator.direction)}"`);
  assertDecimals(indicator.decimals);
  const states = indicator.scale === null ? null : prepareScale(indicator.scale);

  const values = new Map<number, EvaluatedValue>();
  for (const value of indicator.values) {
    assertYear(value.year, 'value year');
    if (values.has(value.year)) throw new RangeError(`Two values for ${value.year}`);
    if (value.value !== null) assertFiniteNumber(value.value, `value for ${value.year}`);
    if (value.bound != null) {
      if (!Object.hasOwn(BOUND_WORDS, value.bound)) throw new RangeError(`Unknown bound "${String(value.bound)}" for ${value.year}`);
      if (value.value === null) throw new RangeError(`A bound without a value for ${value.year}`);
    }
    if (states) {
      if (value.value !== null) throw new RangeError(`A number (${value.value}) for ${value.year} on an ordinal indicator`);
      if (value.state !== null && !states.has(value.state)) throw new RangeError(`Unknown state "${value.state}" for ${value.year}`);
    } else if (value.state !== null) {
      throw new RangeError(`A state ("${value.state}") for ${value.year} on a numeric indicator`);
    }
    values.set(value.year, value);
  }

  const targets = new Map<number, PreparedTarget>();
  for (const target of indicator.targets) {
    assertYear(target.year, 'target year');
    // One year has one target: an evaluation reports one target, and picking one of two silently would hide the other.
    if (targets.has(target.year)) throw new RangeError(`Two targets for ${target.year}`);
    switch (target.kind) {
      case 'numeric': {
        if (states) throw new RangeError(`A numeric target for ${target.year} on an ordinal indicator`);
        const comparator = target.comparator ?? NUMERIC_DEFAULT_COMPARATORS[indicator.direction];
        assertComparator(comparator);
        assertFiniteNumber(target.value, `target for ${target.year}`);
        targets.set(target.year, { ...target, comparator });
        break;
      }
      case 'relative': {
        // Ranks are not quantities, so "≥ föregående år" on a scale is left to a state target.
        if (states) throw new RangeError(`A relative target for ${target.year} on an ordinal indicator`);
        const comparator = target.comparator ?? RELATIVE_DEFAULT_COMPARATORS[indicator.direction];
        if (comparator === null) throw new RangeError(`The relative target for ${target.year} names no comparator, and the indicator has no direction`);
        assertComparator(comparator);
        if (target.relativeToYear !== null) {
          assertYear(target.relativeToYear, 'relativeToYear');
          if (target.relativeToYear >= target.year) throw new RangeError(`The target for ${target.year} compares with ${target.relativeToYear}, which is not an earlier year`);
        }
        targets.set(target.year, { ...target, comparator });
        break;
      }
      case 'state': {
        if (!states) throw new RangeError(`A state target for ${target.year} on a numeric indicator`);
        if (!states.has(target.state)) throw new RangeError(`Unknown state "${target.state}" in the target for ${target.year}`);
        const comparator = target.comparator ?? '>=';
        assertComparator(comparator);
        targets.set(target.year, { ...target, comparator });
        break;
      }
      case 'to_be_set':
        targets.set(target.year, target);
        break;
      default:
        throw new RangeError(`Unknown target kind "${String((target as { kind: unknown }).kind)}"`);
    }
  }

  return { direction: indicator.direction, decimals: indicator.decimals, states, values, targets };
}

function prepareScale(scale: ScaleState[]): Map<string, ScaleState> {
  // An empty scale can hold no value; null, not [], marks a numeric indicator.
  if (scale.length === 0) throw new RangeError('An ordinal indicator needs a scale with states');
  const states = new Map<string, ScaleState>();
  for (const state of scale) {
    if (states.has(state.key)) throw new RangeError(`The scale has two states "${state.key}"`);
    assertFiniteNumber(state.rank, `rank of "${state.key}"`);
    states.set(state.key, state);
  }
  return states;
}

function evaluateYear(indicator: Prepared, year: number): Evaluation {
  assertYear(year, 'year');
  const target = indicator.targets.get(year);
  const row = indicator.values.get(year);
  const reading = row ? read(indicator, row) : null;
  if (!target) return noTarget(year, reading);
  switch (target.kind) {
    case 'numeric': {
      const goal = point(roundToDecimals(target.value, indicator.decimals));
      const text = `${COMPARATOR_SYMBOLS[target.comparator]} ${formatIndicatorNumber(target.value, indicator.decimals)}`;
      return evaluateAbsolute(indicator, year, row, reading, text, text, (actual) => judge(actual, target.comparator, goal));
    }
    case 'state': {
      const goal = indicator.states!.get(target.state)!;
      const [text, inSentence] =
        target.comparator === '>=' ? [goal.label, quote(goal.label)] : [`${STATE_COMPARATOR_WORDS[target.comparator]} ${goal.label}`, `${STATE_COMPARATOR_WORDS[target.comparator]} ${quote(goal.label)}`];
      return evaluateAbsolute(indicator, year, row, reading, text, inSentence, (actual) => judge(actual, target.comparator, point(goal.rank)));
    }
    case 'relative':
      return evaluateRelative(indicator, year, target, reading);
    case 'to_be_set':
      return toBeSet(year, target, reading);
  }
}

function toBeSet(year: number, target: EvaluatedToBeSetTarget, reading: Reading | null): Evaluation {
  return {
    year,
    outcome: 'no_target',
    ...actualOf(reading),
    target: target.text ?? 'ej fastställt',
    basis: null,
    explanation: `Målvärdet för ${year} är inte fastställt ännu${target.text ? ` (${quote(target.text)})` : ''}.${reading ? ` Utfallet ${year} är ${reading.inSentence}${preliminaryNote(reading)}.` : ''}`,
  };
}

function noTarget(year: number, reading: Reading | null): Evaluation {
  return {
    year,
    outcome: 'no_target',
    ...actualOf(reading),
    target: null,
    basis: null,
    explanation: `Det finns inget målvärde för ${year}.${reading ? ` Utfallet ${year} är ${reading.inSentence}${preliminaryNote(reading)}.` : ''}`,
  };
}

/** Numeric and state targets: against the year's actual, or projected when the year is not measured yet. */
function evaluateAbsolute(
  indicator: Prepared,
  year: number,
  row: EvaluatedValue | undefined,
  reading: Reading | null,
  target: string,
  targetInSentence: string,
  verdictOf: (actual: Interval) => Verdict,
): Evaluation {
  if (reading) {
    const verdict = verdictOf(reading.interval);
    if (verdict === 'some') {
      return {
        year,
        outcome: 'no_value',
        ...actualOf(reading),
        target,
        basis: null,
        explanation: `Utfallet ${year} anges bara som ${reading.inSentence}${preliminaryNote(reading)}, vilket inte räcker för att avgöra om målvärdet ${targetInSentence} uppfylls.`,
      };
    }
    const met = verdict === 'all';
    return {
      year,
      outcome: met ? 'met' : 'not_met',
      ...actualOf(reading),
      target,
      basis: 'actual',
      explanation: `Utfallet ${year} är ${reading.inSentence}${preliminaryNote(reading)} och uppfyller ${met ? '' : 'inte '}målvärdet ${targetInSentence}.`,
    };
  }
  const earlier = readingsBefore(indicator, year);
  const measuredLater = [...indicator.values.values()].some((value) => value.year > year && read(indicator, value) !== null);
  // A null row is a reported gap, and a later actual shows the year has passed: projecting either would invent a value.
  if (row || measuredLater) {
    return { year, outcome: 'no_value', ...actualOf(null), target, basis: null, explanation: `Utfall saknas för ${year}.` };
  }
  const latest = earlier.at(-1);
  if (!latest) {
    return {
      year,
      outcome: 'no_value',
      ...actualOf(null),
      target,
      basis: null,
      explanation: `Utfall för ${year} finns ännu inte, och det finns inget tidigare utfall att bedöma målvärdet ${targetInSentence} mot.`,
    };
  }

  const lead = `Utfall för ${year} finns ännu inte. Det senaste utfallet (${latest.year}: ${latest.inSentence}${preliminaryTag(latest)}) uppfyller`;
  const latestVerdict = verdictOf(latest.interval);
  if (latestVerdict === 'all') {
    return { year, outcome: 'on_track', ...actualOf(latest), target, basis: 'latest_actual', explanation: `${lead} redan målvärdet ${targetInSentence}.` };
  }
  if (latestVerdict === 'some') {
    return {
      year,
      outcome: 'no_value',
      ...actualOf(latest),
      target,
      basis: null,
      explanation: `Utfall för ${year} finns ännu inte, och det senaste utfallet (${latest.year}: ${latest.inSentence}${preliminaryTag(latest)}) räcker inte för att avgöra om målvärdet ${targetInSentence} kan nås.`,
    };
  }
  const short = `${lead} inte målvärdet ${targetInSentence}`;
  const notMetByLatest = (why: string): Evaluation => ({
    year,
    outcome: 'not_met',
    ...actualOf(latest),
    target,
    basis: 'latest_actual',
    explanation: `${short}, och ${why}.`,
  });
  if (indicator.states) return notMetByLatest('för en skala med nivåer beräknas ingen trend');
  if (indicator.direction === 'none') return notMetByLatest('indikatorn anger inte om högre eller lägre är bättre, så utvecklingen bedöms inte');
  const previous = earlier.at(-2);
  if (!previous) return notMetByLatest('ett enda utfall räcker inte för att bedöma utvecklingen');
  if (latest.bound !== null || previous.bound !== null) return notMetByLatest('ett utfall som bara anges som en gräns ger ingen trend');

  const slope = (latest.score - previous.score) / (latest.year - previous.year);
  const since = `utvecklingen sedan ${previous.year} (${previous.inSentence}${preliminaryTag(previous)})`;
  const byTrend = (outcome: Outcome, explanation: string): Evaluation => ({
    year,
    outcome,
    ...actualOf(latest),
    preliminary: latest.preliminary || previous.preliminary,
    target,
    basis: 'trend',
    explanation,
  });
  if (slope === 0) return byTrend('not_met', `${short}, och ${since} är oförändrad.`);
  const improving = indicator.direction === 'higher_is_better' ? slope > 0 : slope < 0;
  if (!improving) return byTrend('not_met', `${short}, och ${since} går åt fel håll.`);
  const projected = roundToDecimals(latest.score + slope * (year - latest.year), indicator.decimals);
  const projectedText = formatIndicatorNumber(projected, indicator.decimals);
  return verdictOf(point(projected)) === 'all'
    ? byTrend('on_track', `${short}, men om ${since} fortsätter i samma takt blir värdet ${projectedText} år ${year}.`)
    : byTrend('not_met', `${short}, och om ${since} fortsätter i samma takt blir värdet ${projectedText} år ${year}, vilket inte uppfyller målvärdet.`);
}

function evaluateRelative(indicator: Prepared, year: number, target: EvaluatedRelativeTarget & { comparator: Comparator }, reading: Reading | null): Evaluation {
  const referenceYear = target.relativeToYear ?? year - 1;
  const referenceRow = indicator.values.get(referenceYear);
  const reference = referenceRow ? read(indicator, referenceRow) : null;
  const symbol = COMPARATOR_SYMBOLS[target.comparator];
  const text =
    referenceYear === year - 1
      ? `${symbol} föregående år (${referenceYear}${reference ? `: ${reference.text}` : ''})`
      : `${symbol} ${referenceYear} års utfall${reference ? ` (${reference.text})` : ''}`;

  if (!reading || !reference) {
    const explanation = reading
      ? `Utfallet ${year} är ${reading.inSentence}${preliminaryNote(reading)}, men utfall saknas för jämförelseåret ${referenceYear}.`
      : reference
        ? `Utfall saknas för ${year}.`
        : `Utfall saknas för ${year} och för jämförelseåret ${referenceYear}.`;
    return { year, outcome: 'no_value', ...actualOf(reading), target: text, basis: null, explanation };
  }
  const verdict = judge(reading.interval, target.comparator, reference.interval);
  if (verdict === 'some') {
    return {
      year,
      outcome: 'no_value',
      ...actualOf(reading),
      preliminary: reading.preliminary || reference.preliminary,
      target: text,
      basis: null,
      explanation: `Utfallen ${year} (${reading.inSentence}) och ${referenceYear} (${reference.inSentence}) räcker inte för att avgöra om målvärdet ${text} uppfylls: minst ett av dem anges bara som en gräns.`,
    };
  }
  const met = verdict === 'all';
  return {
    year,
    outcome: met ? 'met' : 'not_met',
    ...actualOf(reading),
    preliminary: reading.preliminary || reference.preliminary,
    target: text,
    basis: 'actual',
    explanation:
      `Utfallet ${year} är ${reading.inSentence}${preliminaryNote(reading)} och uppfyller ${met ? '' : 'inte '}målvärdet ${text}.` +
      (reference.preliminary ? ` Utfallet ${referenceYear} är preliminärt.` : ''),
  };
}

function read(indicator: Prepared, row: EvaluatedValue): Reading | null {
  if (indicator.states) {
    if (row.state === null) return null;
    const state = indicator.states.get(row.state)!;
    return { year: row.year, actual: state.key, score: state.rank, text: state.label, inSentence: quote(state.label), preliminary: row.preliminary, bound: null, interval: point(state.rank) };
  }
  if (row.value === null) return null;
  const score = roundToDecimals(row.value, indicator.decimals);
  const number = formatIndicatorNumber(row.value, indicator.decimals);
  const bound = row.bound ?? null;
  return {
    year: row.year,
    actual: row.value,
    score,
    text: bound === null ? number : `${COMPARATOR_SYMBOLS[bound]} ${number}`,
    inSentence: bound === null ? number : `${BOUND_WORDS[bound]} ${number}`,
    preliminary: row.preliminary,
    bound,
    interval: bound === null ? point(score) : boundInterval(bound, score),
  };
}

function point(value: number): Interval {
  return { low: value, lowOpen: false, high: value, highOpen: false };
}

function boundInterval(bound: Bound, value: number): Interval {
  switch (bound) {
    case '>=':
      return { low: value, lowOpen: false, high: Infinity, highOpen: true };
    case '>':
      return { low: value, lowOpen: true, high: Infinity, highOpen: true };
    case '<=':
      return { low: -Infinity, lowOpen: true, high: value, highOpen: false };
    case '<':
      return { low: -Infinity, lowOpen: true, high: value, highOpen: true };
  }
}

/** Whether `a comparator b` holds for every pair of values within the two intervals, for none, or for some. */
function judge(a: Interval, comparator: Comparator, b: Interval): Verdict {
  const always = holdsAlways(a, comparator, b);
  if (always) return 'all';
  return holdsPossibly(a, comparator, b) ? 'some' : 'none';
}

function holdsAlways(a: Interval, comparator: Comparator, b: Interval): boolean {
  switch (comparator) {
    case '>=':
      return a.low >= b.high;
    case '>':
      return a.low > b.high || (a.low === b.high && (a.lowOpen || b.highOpen));
    case '<=':
      return holdsAlways(b, '>=', a);
    case '<':
      return holdsAlways(b, '>', a);
    case '=':
      return a.low === a.high && b.low === b.high && a.low === b.low;
  }
}

function holdsPossibly(a: Interval, comparator: Comparator, b: Interval): boolean {
  switch (comparator) {
    case '>=':
      return a.high > b.low || (a.high === b.low && !a.highOpen && !b.lowOpen);
    case '>':
      return a.high > b.low;
    case '<=':
      return holdsPossibly(b, '>=', a);
    case '<':
      return holdsPossibly(b, '>', a);
    case '=':
      return holdsPossibly(a, '>=', b) && holdsPossibly(a, '<=', b);
  }
}

/** The actuals before a year, oldest first. */
function readingsBefore(indicator: Prepared, year: number): Reading[] {
  return [...indicator.values.values()]
    .filter((row) => row.year < year)
    .sort((a, b) => a.year - b.year)
    .map((row) => read(indicator, row))
    .filter((reading): reading is Reading => reading !== null);
}

function actualOf(reading: Reading | null): Pick<Evaluation, 'actual' | 'actualYear' | 'actualText' | 'preliminary'> {
  return reading
    ? { actual: reading.actual, actualYear: reading.year, actualText: reading.text, preliminary: reading.preliminary }
    : { actual: null, actualYear: null, actualText: null, preliminary: false };
}

function preliminaryNote(reading: Reading): string {
  return reading.preliminary ? ' (preliminärt)' : '';
}

function preliminaryTag(reading: Reading): string {
  return reading.preliminary ? ', preliminärt' : '';
}

/** Swedish quotation marks: the same mark opens and closes. */
function quote(text: string): string {
  return `”${text}”`;
}

function shiftDecimalPoint(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) throw new RangeError(`Decimals must be an integer from 0 to ${MAX_DECIMALS}, not ${decimals}`);
}

function assertFiniteNumber(value: unknown, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`The ${what} is not a finite number: ${String(value)}`);
}

function assertYear(year: number, what: string): void {
  if (!Number.isInteger(year)) throw new RangeError(`The ${what} is not a whole year: ${year}`);
}

function assertComparator(comparator: Comparator): void {
  if (!Object.hasOwn(COMPARATOR_SYMBOLS, comparator)) throw new RangeError(`Unknown comparator "${String(comparator)}"`);
}
