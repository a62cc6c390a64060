/**
 * The sheets and columns of a goal framework workbook (docs/goal-framework-xlsx.md), and the Swedish words
 * the cells use for the format's enumerations. Writer and reader both go through these names, so a header
 * renamed here is renamed in both.
 */
import type { ActivityStatus, Bound, Comparator, Direction } from '../framework-file';

export const SHEETS = {
  framework: 'Styrmodell',
  levels: 'Nivåer',
  indicatorLevels: 'Indikatornivåer',
  scales: 'Skalor',
  footnotes: 'Fotnoter',
  indicators: 'Indikatorer',
  details: 'Utfall och mål',
  assessments: 'Bedömningar',
  activities: 'Aktivitetsplaner',
  activityCounts: 'Aktivitetsantal',
  lists: 'Listor',
} as const;

/** Styrmodell is two columns, Fält and Värde: one row per property of the framework. */
export const FRAMEWORK_FIELDS = {
  key: 'Nyckel',
  name: 'Namn',
  description: 'Beskrivning',
  fromYear: 'Från år',
  toYear: 'Till år',
  source: 'Källa',
  assessmentScale: 'Bedömningsskala',
} as const;

export const COLUMNS = {
  framework: { field: 'Fält', value: 'Värde' },
  levels: { key: 'Nyckel', name: 'Namn', sheet: 'Blad' },
  indicatorLevels: { key: 'Nyckel', name: 'Namn' },
  scales: { scale: 'Skala', scaleName: 'Skalans namn', key: 'Steg', label: 'Etikett', rank: 'Rang' },
  footnotes: { key: 'Nyckel', text: 'Text' },
  nodes: { key: 'Nyckel', parent: 'Överordnad', title: 'Rubrik', description: 'Beskrivning', position: 'Ordning', externalRefs: 'Externa referenser', sequence: 'Löpnummer' },
  indicators: {
    key: 'Nyckel',
    name: 'Namn',
    parent: 'Överordnad indikator',
    nodes: 'Kopplade mål',
    unit: 'Enhet',
    direction: 'Riktning',
    decimals: 'Decimaler',
    scale: 'Skala',
    koladaKpi: 'Kolada-KPI',
    source: 'Källa',
    footnotes: 'Fotnoter',
    description: 'Beskrivning',
  },
  details: { indicator: 'Indikator', type: 'Typ', year: 'År', asOf: 'Avser datum', value: 'Värde', preliminary: 'Preliminärt', footnotes: 'Fotnoter', source: 'Källa', note: 'Not', order: 'Ordning' },
  assessments: { node: 'Mål', indicator: 'Indikator', year: 'År', state: 'Bedömning', comment: 'Kommentar', assessedBy: 'Bedömd av', assessedOn: 'Bedömd den' },
  activities: {
    plan: 'Plan',
    department: 'Förvaltning',
    year: 'År',
    title: 'Planens rubrik',
    number: 'Nr',
    text: 'Aktivitet',
    quantity: 'Antal',
    unit: 'Enhet',
    responsible: 'Ansvariga',
    unitOfWork: 'Verksamhet',
    comment: 'Kommentar',
    node: 'Mål',
    indicator: 'Indikator',
    status: 'Status',
  },
  activityCounts: { table: 'Tabell', year: 'År', by: 'Indelning', note: 'Not', indicator: 'Indikator', department: 'Förvaltning', label: 'Etikett', count: 'Antal' },
} as const;

/** "Utfall 2021", "Mål 2021": the indicator sheet's year columns. */
export const VALUE_COLUMN_PREFIX = 'Utfall';
export const TARGET_COLUMN_PREFIX = 'Mål';
export const yearColumnPattern = /^(Utfall|Mål)\s+(\d{4})$/;

export const DETAIL_TYPES = { value: 'Utfall', target: 'Mål' } as const;

export const DIRECTION_WORDS: Record<Direction, string> = {
  higher_is_better: 'högre är bättre',
  lower_is_better: 'lägre är bättre',
  none: 'ingen riktning',
};

export const STATUS_WORDS: Record<ActivityStatus, string> = {
  planned: 'planerad',
  started: 'påbörjad',
  done: 'genomförd',
  postponed: 'uppskjuten',
  cancelled: 'avbruten',
};

export const COUNT_BY_WORDS: Record<'indicator' | 'department', string> = { indicator: 'indikator', department: 'förvaltning' };

export const YES = 'ja';
export const NO = 'nej';

/** How a comparator is written in a cell; the reader accepts both spellings. */
export const COMPARATOR_SIGNS: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };
export const COMPARATOR_SPELLINGS: Record<string, Comparator> = { '≥': '>=', '>=': '>=', '=>': '>=', '>': '>', '≤': '<=', '<=': '<=', '=<': '<=', '<': '<', '=': '=' };
export const BOUND_SIGNS: Record<Bound, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

export const TO_BE_SET_WORDS = 'ej fastställt';
export const PREVIOUS_YEAR_WORDS = 'föreg. år';
/** "≥ utfall 2022": a relative target naming the year it compares with. */
export const RELATIVE_YEAR_WORD = 'utfall';

/** Excel refuses sheet names over 31 characters or with any of []:*?/\ . */
export function sanitizeSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Nivå';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}
