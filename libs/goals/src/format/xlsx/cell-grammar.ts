/**
 * The year columns' cell grammar (docs/goal-framework-xlsx.md): how an actual value or a target is written in
 * one cell of "Utfall 2021" or "Mål 2021", and read back. Numbers are numeric cells; everything else is text
 * a controller would write by hand: "≥18", "≥ 80", "> föreg. år", "≥ utfall 2022", "> Delvis", ">Xx st",
 * "ej fastställt".
 */
import type { Bound, Comparator, Target } from '../framework-file';
import { scaleStates, type ScaleStateDefinition } from '../scales';
import { BOUND_SIGNS, COMPARATOR_SIGNS, COMPARATOR_SPELLINGS, PREVIOUS_YEAR_WORDS, RELATIVE_YEAR_WORD, TO_BE_SET_WORDS } from './layout';

export type CellContent = number | string | null;
type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** 12.5 → "12,5": text the Swedish reader expects. */
export function swedishNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** "12,5", "12.5", "1 234" → a number; null when the text is not a number. */
export function parseSwedishNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+−]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(compact)) return null;
  return Number(compact.replace('−', '-'));
}

/** The comparator a text starts with, and the rest; `unknown` when it starts with comparison signs we do not know. */
function splitComparator(text: string): { comparator: Comparator | null; rest: string } | { unknown: string } {
  const match = /^([<>=≤≥≦≧≠!]+)\s*(.*)$/s.exec(text.trim());
  if (!match) return { comparator: null, rest: text.trim() };
  const comparator = COMPARATOR_SPELLINGS[match[1]];
  if (!comparator) return { unknown: match[1] };
  return { comparator, rest: match[2].trim() };
}

const COMPARATOR_HELP = 'jämförelsen skrivs ≥, >=, >, ≤, <=, < eller =';

export interface StateResolver {
  /** Label or key → the state key; null when the scale has no such state. */
  resolve(text: string): string | null;
  /** How to write a state so that resolve gives it back: its label, or its key when the label is ambiguous. */
  write(key: string): string;
  /** The error for a text that names no state; null when the scale itself is unknown (the validation says so). */
  unknown(text: string): string | null;
}

export function stateResolver(scale: { name: string; states: ScaleStateDefinition[] } | undefined): StateResolver {
  const states = scale ? scaleStates(scale) : [];
  const resolve = (text: string): string | null => {
    const wanted = text.trim().toLocaleLowerCase('sv');
    const byLabel = states.filter((state) => state.label.toLocaleLowerCase('sv') === wanted);
    if (byLabel.length === 1) return byLabel[0].key;
    const byKey = states.find((state) => state.key === text.trim());
    return byKey ? byKey.key : null;
  };
  return {
    resolve,
    write: (key) => {
      const state = states.find((candidate) => candidate.key === key);
      return state && resolve(state.label) === key ? state.label : key;
    },
    unknown: (text) => (scale ? `okänt skalsteg "${text.trim()}" i skalan "${scale.name}": välj ett av ${states.map((state) => state.label).join(', ')}` : null),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Actual values
// ---------------------------------------------------------------------------------------------------------

export interface CellValue {
  value: number | null;
  bound: Bound | null;
  state: string | null;
}

export function writeValue(value: CellValue, states: StateResolver): CellContent {
  if (value.state !== null) return states.write(value.state);
  if (value.value === null) return null;
  if (value.bound !== null) return `${BOUND_SIGNS[value.bound]}${swedishNumber(value.value)}`;
  return value.value;
}

const VALUE_HELP = 'skriv ett tal (12,5), en gräns (≥18, ≤ 5)';

export function parseValue(content: CellContent, ordinal: boolean, states: StateResolver): Parsed<CellValue> {
  const empty: CellValue = { value: null, bound: null, state: null };
  if (content === null) return { ok: true, value: empty };
  if (typeof content === 'number') return { ok: true, value: { ...empty, value: content } };
  if (ordinal) {
    const state = states.resolve(content);
    const unknown = state === null ? states.unknown(content) : null;
    if (unknown !== null) return { ok: false, message: unknown };
    // Under a scale the file does not have, the text is passed on: the validation names the unknown scale.
    return { ok: true, value: { ...empty, state: state ?? content.trim() } };
  }
  const split = splitComparator(content);
  if ('unknown' in split) return { ok: false, message: `okänd jämförelse "${split.unknown}": ${COMPARATOR_HELP}` };
  const number = parseSwedishNumber(split.rest);
  if (number === null) return { ok: false, message: `"${content}" är inget värde: ${VALUE_HELP}` };
  if (split.comparator === '=' || split.comparator === null) return { ok: true, value: { ...empty, value: number } };
  return { ok: true, value: { ...empty, value: number, bound: split.comparator } };
}

// ---------------------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------------------

/** A target without its year and details: what one cell holds. */
export type CellTarget =
  | { kind: 'numeric'; comparator: Comparator | null; value: number }
  | { kind: 'relative'; comparator: Comparator | null; relativeToYear: number | null }
  | { kind: 'state'; comparator: Comparator | null; state: string }
  | { kind: 'to_be_set'; text: string | null };

/** ">Xx st", "<Xx", "X kWh": an X or x standing where the number will be. */
const PLACEHOLDER = /(^|[^\p{L}])[Xx]+([^\p{L}]|$)/u;

function sign(comparator: Comparator | null): string {
  return comparator === null ? '' : `${COMPARATOR_SIGNS[comparator]} `;
}

function formatTarget(target: CellTarget, states: StateResolver): CellContent {
  switch (target.kind) {
    case 'numeric':
      return target.comparator === null ? target.value : `${sign(target.comparator)}${swedishNumber(target.value)}`;
    case 'relative':
      return `${sign(target.comparator)}${target.relativeToYear === null ? PREVIOUS_YEAR_WORDS : `${RELATIVE_YEAR_WORD} ${target.relativeToYear}`}`;
    case 'state':
      return `${sign(target.comparator)}${states.write(target.state)}`;
    case 'to_be_set':
      return target.text === null ? TO_BE_SET_WORDS : target.text;
  }
}

/** The cell for a target; written out in full ("ej fastställt: …") whenever the short form would read back differently. */
export function writeTarget(target: CellTarget, ordinal: boolean, states: StateResolver): CellContent {
  const short = formatTarget(target, states);
  const back = parseTarget(short, ordinal, states);
  if (back.ok && JSON.stringify(back.value) === JSON.stringify(target)) return short;
  if (target.kind === 'to_be_set') return `${TO_BE_SET_WORDS}: ${target.text}`;
  return short;
}

function targetHelp(ordinal: boolean): string {
  const forms = ordinal
    ? ['ett skalsteg ("Uppfyllt", "> Delvis")']
    : ['ett tal ("80", "≥ 80")', `en jämförelse med ett tidigare år ("> ${PREVIOUS_YEAR_WORDS}", "≥ ${RELATIVE_YEAR_WORD} 2022")`];
  return `skriv ${[...forms, 'ett ännu ej fastställt mål med X där talet ska stå (">Xx st")', `"${TO_BE_SET_WORDS}"`, `"${TO_BE_SET_WORDS}: <text>"`].join(', ')}`;
}

export function parseTarget(content: CellContent, ordinal: boolean, states: StateResolver): Parsed<CellTarget> {
  if (content === null) return { ok: false, message: 'tom cell' };
  if (typeof content === 'number') return { ok: true, value: { kind: 'numeric', comparator: null, value: content } };
  const text = content.trim();
  const toBeSet = new RegExp(`^${TO_BE_SET_WORDS}\\s*(?::\\s*(.*))?$`, 'isu').exec(text);
  if (toBeSet) return { ok: true, value: { kind: 'to_be_set', text: toBeSet[1] === undefined || toBeSet[1].trim() === '' ? null : toBeSet[1].trim() } };
  const split = splitComparator(text);
  if ('unknown' in split) return { ok: false, message: `okänd jämförelse "${split.unknown}": ${COMPARATOR_HELP}` };
  const { comparator, rest } = split;
  if (ordinal) {
    const state = states.resolve(rest);
    if (state !== null) return { ok: true, value: { kind: 'state', comparator, state } };
  }
  const number = parseSwedishNumber(rest);
  if (number !== null) return { ok: true, value: { kind: 'numeric', comparator, value: number } };
  const relative = new RegExp(`^(?:(föreg\\.?|föregående|fg\\.?)\\s*år|(?:${RELATIVE_YEAR_WORD}|år)\\s+(\\d{4}))$`, 'iu').exec(rest);
  if (relative && !ordinal) return { ok: true, value: { kind: 'relative', comparator, relativeToYear: relative[2] === undefined ? null : Number(relative[2]) } };
  if (PLACEHOLDER.test(text)) return { ok: true, value: { kind: 'to_be_set', text } };
  if (ordinal && rest !== '') {
    const unknown = states.unknown(rest);
    if (unknown !== null) return { ok: false, message: unknown };
    return { ok: true, value: { kind: 'state', comparator, state: rest } };
  }
  return { ok: false, message: `"${content}" är inget mål: ${targetHelp(ordinal)}` };
}

export function cellTargetOf(target: Target): CellTarget {
  switch (target.kind) {
    case 'numeric':
      return { kind: 'numeric', comparator: target.comparator ?? null, value: target.value };
    case 'relative':
      return { kind: 'relative', comparator: target.comparator ?? null, relativeToYear: target.relativeToYear ?? null };
    case 'state':
      return { kind: 'state', comparator: target.comparator ?? null, state: target.state };
    case 'to_be_set':
      return { kind: 'to_be_set', text: target.text ?? null };
  }
}
