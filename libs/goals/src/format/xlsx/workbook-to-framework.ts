/**
 * Reads a goal framework workbook (docs/goal-framework-xlsx.md) into the JSON format. Problems of the workbook
 * itself (a missing sheet or column, an unreadable cell, a target no grammar reads) are reported at their cell,
 * "Indikatorer!D14"; everything else is left to validateFrameworkFile, whose paths ("framework.indicators[3]
 * .targets[0].state") the source map kept while reading turns back into cells.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './exceljs';
import type { FrameworkFile, Target } from '../framework-file';
import type { FrameworkError } from '../validate-framework';
import { CellContent, parseSwedishNumber, parseTarget, parseValue, stateResolver } from './cell-grammar';
import { zipUncompressedSize } from './zip-size';
import { COLUMNS, COUNT_BY_WORDS, DETAIL_TYPES, DIRECTION_WORDS, FRAMEWORK_FIELDS, NO, SHEETS, STATUS_WORDS, YES, yearColumnPattern } from './layout';

type Framework = FrameworkFile['framework'];
type Indicator = Framework['indicators'][number];
type Value = Indicator['values'][number];

export type WorkbookReadResult = { ok: true; file: unknown } | { ok: false; errors: FrameworkError[] };

export interface WorkbookReading {
  /** The framework as far as it could be read; null when the workbook could not be opened at all. */
  file: FrameworkFile | null;
  /** Errors of the workbook itself, each at its cell. */
  errors: FrameworkError[];
  /** A JSON path of the file ("framework.indicators[3].targets[0].state") → the cell it came from ("Indikatorer!D14"). */
  locate(path: string): string;
}

type Raw = number | string | boolean | Date | null;

/** What a workbook may unpack to; a goal framework of a large municipality is a few megabytes. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const NOT_A_WORKBOOK = 'Filen är ingen Excel-arbetsbok (.xlsx) och kunde inte läsas. Spara den som Excel-arbetsbok och försök igen.';

function cellRef(sheet: ExcelJS.Worksheet, row: number, column: number): string {
  const name = /^[\p{L}\d_]+$/u.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  return `${name}!${sheet.getColumn(column).letter}${row}`;
}

class SheetReader {
  readonly columns = new Map<string, number>();

  constructor(
    readonly sheet: ExcelJS.Worksheet,
    private readonly errors: FrameworkError[],
  ) {
    sheet.getRow(1).eachCell((cell, column) => {
      const header = typeof cell.value === 'string' ? cell.value.trim() : cell.text.trim();
      if (header !== '' && !this.columns.has(header)) this.columns.set(header, column);
    });
  }

  error(row: number, column: number, message: string): void {
    this.errors.push({ path: cellRef(this.sheet, row, column), message });
  }

  ref(row: number, header: string): string {
    return cellRef(this.sheet, row, this.columns.get(header) ?? 1);
  }

  /** The columns every row needs; a missing one is reported once, at the header row. */
  require(...headers: string[]): boolean {
    const missing = headers.filter((header) => !this.columns.has(header));
    for (const header of missing) this.errors.push({ path: cellRef(this.sheet, 1, 1), message: `kolumnen "${header}" saknas` });
    return missing.length === 0;
  }

  /** The data rows: every row below the header with something in it. */
  rows(): number[] {
    const rows: number[] = [];
    for (let r = 2; r <= this.sheet.rowCount; r++) {
      const row = this.sheet.getRow(r);
      let filled = false;
      for (const column of this.columns.values()) if (raw(row.getCell(column)) !== null) filled = true;
      if (filled) rows.push(r);
    }
    return rows;
  }

  raw(row: number, header: string): Raw | undefined {
    const column = this.columns.get(header);
    if (column === undefined) return null;
    const cell = this.sheet.getRow(row).getCell(column);
    const value = raw(cell);
    if (value === undefined) this.error(row, column, 'cellen kan inte läsas (ett fel eller en formel utan värde)');
    return value;
  }

  /** Text a person writes (a title, a note): a number here is a mistake, reported rather than guessed at. */
  text(row: number, header: string): string | null {
    const value = this.raw(row, header);
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return value;
    this.error(row, this.columns.get(header)!, `måste vara text, inte ${describe(value)}`);
    return null;
  }

  /** A key or a code ("1", "SOU", "50-75"): Excel turns a typed 1 into a number, which is read as its text. */
  key(row: number, header: string): string | null {
    const value = this.raw(row, header);
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number') return String(value);
    this.error(row, this.columns.get(header)!, `måste vara en nyckel, inte ${describe(value)}`);
    return null;
  }

  number(row: number, header: string): number | null {
    const value = this.raw(row, header);
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return value;
    const parsed = typeof value === 'string' ? parseSwedishNumber(value) : null;
    if (parsed === null) this.error(row, this.columns.get(header)!, `måste vara ett tal, inte ${describe(value)}`);
    return parsed;
  }

  /** A date as ÅÅÅÅ-MM-DD: written as text, or a date cell Excel made of it. */
  date(row: number, header: string): string | null {
    const value = this.raw(row, header);
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string') return value.trim();
    this.error(row, this.columns.get(header)!, `måste vara ett datum ÅÅÅÅ-MM-DD, inte ${describe(value)}`);
    return null;
  }

  list(row: number, header: string, separator: RegExp): string[] {
    const text = this.key(row, header);
    return text === null ? [] : text.split(separator).map((part) => part.trim()).filter((part) => part !== '');
  }

  word<T extends string>(row: number, header: string, words: Record<T, string>): T | null {
    const text = this.key(row, header);
    if (text === null) return null;
    const wanted = text.toLocaleLowerCase('sv');
    const found = (Object.keys(words) as T[]).find((key) => words[key] === wanted || key === text);
    if (found === undefined) this.error(row, this.columns.get(header)!, `"${text}" är inget av: ${Object.values<string>(words).join(', ')}`);
    return found ?? null;
  }

  content(row: number, header: string): CellContent | undefined {
    const value = this.raw(row, header);
    if (value === undefined) return undefined;
    if (value === null || typeof value === 'number' || typeof value === 'string') return value;
    this.error(row, this.columns.get(header)!, `kan inte läsas som ett värde eller mål: ${describe(value)}`);
    return undefined;
  }
}

function describe(value: Raw): string {
  if (typeof value === 'number') return `talet ${value}`;
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  if (value instanceof Date) return `datumet ${value.toISOString().slice(0, 10)}`;
  return `"${String(value)}"`;
}

/** The cell's value as written or computed; null when empty, undefined when it holds an error. */
function raw(cell: ExcelJS.Cell): Raw | undefined {
  let value: unknown = cell.value;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const object = value as Record<string, unknown>;
    if ('error' in object) return undefined;
    if ('richText' in object) value = (object.richText as { text: string }[]).map((part) => part.text).join('');
    else if ('formula' in object || 'sharedFormula' in object) {
      value = object.result;
      if (value === undefined) return undefined;
      if (value !== null && typeof value === 'object' && 'error' in (value as object)) return undefined;
    } else if ('text' in object) value = object.text;
  }
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return value as Raw;
}

class SourceMap {
  private readonly cells = new Map<string, string>();

  /** A map that does not record locates nothing, and keeps a large workbook's hundreds of thousands of paths out of memory. */
  constructor(private readonly recording: boolean) {}

  set(path: string, ref: string): void {
    if (this.recording) this.cells.set(path, ref);
  }

  /** The cell of a path, or of the nearest enclosing path that has one ("….targets[0].state" → "….targets[0]"). */
  locate(path: string): string {
    for (let current = path; current !== ''; current = current.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '')) {
      const found = this.cells.get(current);
      if (found) return found;
      if (!/(\.[^.[\]]+|\[[^\]]*\])$/.test(current)) break;
    }
    return path;
  }
}

/**
 * Reads a workbook into the JSON format. With `locate: false` it keeps no cell per value (a JSON path then
 * locates as itself): the way to read a workbook that is probably right, reading it again to locate errors.
 */
export async function readWorkbook(buffer: Buffer, options: { locate?: boolean } = {}): Promise<WorkbookReading> {
  const errors: FrameworkError[] = [];
  const map = new SourceMap(options.locate ?? true);
  const fail = (message: string): WorkbookReading => ({ file: null, errors: [{ path: '', message }], locate: (path) => path });
  const unpacked = zipUncompressedSize(buffer);
  if (unpacked === null) return fail(NOT_A_WORKBOOK);
  if (unpacked > MAX_UNPACKED_BYTES) return fail(`Arbetsboken är för stor: den packas upp till mer än ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`);
  const workbook = new (loadExcelJs().Workbook)();
  try {
    // Only the cells are read: a workbook's drop-down lists and formatting rules, per cell in exceljs's model, would
    // cost a large framework seconds to parse and say nothing about its content.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'] });
  } catch {
    return fail(NOT_A_WORKBOOK);
  }
  const sheetNamed = (name: string, required: boolean): SheetReader | null => {
    const sheet = workbook.worksheets.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!sheet) {
      if (required) errors.push({ path: name, message: `bladet "${name}" saknas i arbetsboken` });
      return null;
    }
    return new SheetReader(sheet, errors);
  };

  // Styrmodell
  const framework: Framework = {
    key: '',
    name: '',
    description: null,
    fromYear: 0,
    toYear: 0,
    source: null,
    levels: [],
    indicatorLevels: [],
    scales: [],
    assessmentScale: null,
    footnotes: [],
    nodes: [],
    indicators: [],
    assessments: [],
    activityPlans: [],
    activityCounts: [],
  };
  const fw = sheetNamed(SHEETS.framework, true);
  if (fw && fw.require(COLUMNS.framework.field, COLUMNS.framework.value)) {
    const rowOf = new Map<string, number>();
    for (const r of fw.rows()) {
      const field = fw.key(r, COLUMNS.framework.field);
      if (field !== null) rowOf.set(field.toLocaleLowerCase('sv'), r);
    }
    const field = <T>(name: keyof typeof FRAMEWORK_FIELDS, read: (row: number) => T, missing: T): T => {
      const row = rowOf.get(FRAMEWORK_FIELDS[name].toLocaleLowerCase('sv'));
      if (row === undefined) {
        if (missing === '' || missing === 0) errors.push({ path: `${SHEETS.framework}!A1`, message: `raden "${FRAMEWORK_FIELDS[name]}" saknas` });
        return missing;
      }
      map.set(`framework.${name}`, fw.ref(row, COLUMNS.framework.value));
      return read(row);
    };
    const value = COLUMNS.framework.value;
    framework.key = field('key', (r) => fw.key(r, value) ?? '', '');
    framework.name = field('name', (r) => fw.text(r, value) ?? '', '');
    framework.description = field('description', (r) => fw.text(r, value), null);
    framework.fromYear = field('fromYear', (r) => fw.number(r, value) ?? 0, 0);
    framework.toYear = field('toYear', (r) => fw.number(r, value) ?? 0, 0);
    framework.source = field('source', (r) => fw.text(r, value), null);
    framework.assessmentScale = field('assessmentScale', (r) => fw.key(r, value), null);
  }

  // Nivåer and the level sheets
  const levels = sheetNamed(SHEETS.levels, true);
  const levelSheets: string[] = [];
  const levelNames: string[] = [];
  if (levels && levels.require(COLUMNS.levels.key, COLUMNS.levels.name)) {
    for (const r of levels.rows()) {
      const i = framework.levels.length;
      const c = COLUMNS.levels;
      const level = { key: levels.key(r, c.key) ?? '', name: levels.text(r, c.name) ?? '' };
      map.set(`framework.levels[${i}]`, levels.ref(r, c.key));
      map.set(`framework.levels[${i}].key`, levels.ref(r, c.key));
      map.set(`framework.levels[${i}].name`, levels.ref(r, c.name));
      framework.levels.push(level);
      levelSheets.push(levels.text(r, c.sheet) ?? level.name);
      levelNames.push(level.name);
    }
  }
  const indicatorLevels = sheetNamed(SHEETS.indicatorLevels, false);
  if (indicatorLevels && indicatorLevels.require(COLUMNS.indicatorLevels.key, COLUMNS.indicatorLevels.name)) {
    for (const r of indicatorLevels.rows()) {
      const i = framework.indicatorLevels!.length;
      map.set(`framework.indicatorLevels[${i}]`, indicatorLevels.ref(r, COLUMNS.indicatorLevels.key));
      map.set(`framework.indicatorLevels[${i}].name`, indicatorLevels.ref(r, COLUMNS.indicatorLevels.name));
      framework.indicatorLevels!.push({ key: indicatorLevels.key(r, COLUMNS.indicatorLevels.key) ?? '', name: indicatorLevels.text(r, COLUMNS.indicatorLevels.name) ?? '' });
    }
  }

  // Skalor: one row per state, the scale's key and name repeated.
  const scales = sheetNamed(SHEETS.scales, false);
  const sc = COLUMNS.scales;
  if (scales && scales.require(sc.scale, sc.key, sc.label, sc.rank)) {
    for (const r of scales.rows()) {
      const key = scales.key(r, sc.scale) ?? '';
      let s = framework.scales.findIndex((scale) => scale.key === key);
      if (s < 0) {
        s = framework.scales.push({ key, name: scales.text(r, sc.scaleName) ?? '', states: [] }) - 1;
        map.set(`framework.scales[${s}]`, scales.ref(r, sc.scale));
        map.set(`framework.scales[${s}].key`, scales.ref(r, sc.scale));
        map.set(`framework.scales[${s}].name`, scales.ref(r, sc.scaleName));
      }
      const k = framework.scales[s].states.length;
      const path = `framework.scales[${s}].states[${k}]`;
      map.set(path, scales.ref(r, sc.key));
      map.set(`${path}.label`, scales.ref(r, sc.label));
      map.set(`${path}.rank`, scales.ref(r, sc.rank));
      framework.scales[s].states.push({ key: scales.key(r, sc.key) ?? '', label: scales.text(r, sc.label) ?? '', rank: scales.number(r, sc.rank) ?? 0 });
    }
  }
  const scaleByKey = new Map(framework.scales.map((scale) => [scale.key, scale]));

  const footnotes = sheetNamed(SHEETS.footnotes, false);
  if (footnotes && footnotes.require(COLUMNS.footnotes.key, COLUMNS.footnotes.text)) {
    for (const r of footnotes.rows()) {
      const i = framework.footnotes.length;
      map.set(`framework.footnotes[${i}]`, footnotes.ref(r, COLUMNS.footnotes.key));
      map.set(`framework.footnotes[${i}].text`, footnotes.ref(r, COLUMNS.footnotes.text));
      framework.footnotes.push({ key: footnotes.key(r, COLUMNS.footnotes.key) ?? '', text: footnotes.text(r, COLUMNS.footnotes.text) ?? '' });
    }
  }

  // The tree: Löpnummer orders the nodes across the level sheets; a row without one comes after, in sheet order.
  const nc = COLUMNS.nodes;
  const nodes: { node: Framework['nodes'][number]; sequence: number; cells: Record<string, string> }[] = [];
  framework.levels.forEach((level, i) => {
    // The sheet Nivåer names; a tab renamed back to the level's own name is found too.
    const named = workbook.worksheets.some((candidate) => candidate.name.toLowerCase() === levelSheets[i].toLowerCase());
    const sheet = sheetNamed(named ? levelSheets[i] : levelNames[i], false) ?? sheetNamed(levelSheets[i], true);
    if (!sheet || !sheet.require(nc.key, nc.title)) return;
    for (const r of sheet.rows()) {
      const cells: Record<string, string> = { '': sheet.ref(r, nc.key), level: sheet.ref(r, nc.key) };
      for (const [field, header] of [['key', nc.key], ['parent', nc.parent], ['title', nc.title], ['description', nc.description], ['position', nc.position], ['externalRefs', nc.externalRefs]] as const) {
        if (sheet.columns.has(header)) cells[field] = sheet.ref(r, header);
      }
      nodes.push({
        node: {
          key: sheet.key(r, nc.key) ?? '',
          level: level.key,
          parent: sheet.key(r, nc.parent),
          title: sheet.text(r, nc.title) ?? '',
          description: sheet.text(r, nc.description),
          position: sheet.number(r, nc.position),
          externalRefs: (sheet.text(r, nc.externalRefs) ?? '').split(/\r?\n/).map((ref) => ref.trim()).filter((ref) => ref !== ''),
        },
        sequence: sheet.number(r, nc.sequence) ?? Number.POSITIVE_INFINITY,
        cells,
      });
    }
  });
  nodes.sort((a, b) => a.sequence - b.sequence);
  nodes.forEach(({ node, cells }, i) => {
    framework.nodes.push(node);
    for (const [field, ref] of Object.entries(cells)) map.set(field === '' ? `framework.nodes[${i}]` : `framework.nodes[${i}].${field}`, ref);
  });

  // Indikatorer, then the details of their values and targets.
  const indicators = sheetNamed(SHEETS.indicators, true);
  const ic = COLUMNS.indicators;
  type Entry<T> = { item: T; order: number | null; cells: Record<string, string> };
  const entries = new Map<string, { values: Entry<Value>[]; targets: Entry<Target>[]; indicator: number }>();
  if (indicators && indicators.require(ic.key, ic.name)) {
    const yearColumns = [...indicators.columns.entries()].flatMap(([header, column]) => {
      const match = yearColumnPattern.exec(header);
      return match ? [{ header, column, kind: match[1] === 'Utfall' ? ('value' as const) : ('target' as const), year: Number(match[2]) }] : [];
    });
    for (const r of indicators.rows()) {
      const i = framework.indicators.length;
      const path = `framework.indicators[${i}]`;
      const indicator: Indicator = {
        key: indicators.key(r, ic.key) ?? '',
        name: indicators.text(r, ic.name) ?? '',
        unit: indicators.text(r, ic.unit),
        direction: indicators.word(r, ic.direction, DIRECTION_WORDS) ?? 'none',
        decimals: indicators.number(r, ic.decimals) ?? 0,
        description: indicators.text(r, ic.description),
        parent: indicators.key(r, ic.parent),
        nodes: indicators.list(r, ic.nodes, /[,;\s]+/),
        scale: indicators.key(r, ic.scale),
        koladaKpi: indicators.key(r, ic.koladaKpi),
        source: indicators.text(r, ic.source),
        footnotes: indicators.list(r, ic.footnotes, /[,;\s]+/),
        values: [],
        targets: [],
      };
      map.set(path, indicators.ref(r, ic.key));
      for (const [field, header] of Object.entries(ic)) if (indicators.columns.has(header)) map.set(`${path}.${field}`, indicators.ref(r, header));
      const ordinal = indicator.scale !== null;
      const states = stateResolver(indicator.scale ? scaleByKey.get(indicator.scale) : undefined);
      const own = { values: [] as Entry<Value>[], targets: [] as Entry<Target>[], indicator: i };
      for (const { header, column, kind, year } of yearColumns) {
        const content = indicators.content(r, header);
        if (content === undefined || content === null) continue;
        const ref = indicators.ref(r, header);
        if (kind === 'value') {
          const parsed = parseValue(content, ordinal, states);
          if (!parsed.ok) indicators.error(r, column, parsed.message);
          else own.values.push({ item: { year, asOf: null, note: null, ...parsed.value, preliminary: false, footnotes: [], source: null }, order: null, cells: { '': ref } });
        } else {
          const parsed = parseTarget(content, ordinal, states);
          if (!parsed.ok) indicators.error(r, column, parsed.message);
          else own.targets.push({ item: { year, ...parsed.value, footnotes: [], note: null } as Target, order: null, cells: { '': ref } });
        }
      }
      framework.indicators.push(indicator);
      if (!entries.has(indicator.key)) entries.set(indicator.key, own);
    }
  }
  const details = sheetNamed(SHEETS.details, false);
  const dc = COLUMNS.details;
  if (details && details.require(dc.indicator, dc.type, dc.year)) {
    for (const r of details.rows()) {
      const key = details.key(r, dc.indicator);
      const own = key === null ? undefined : entries.get(key);
      if (!own) {
        details.error(r, details.columns.get(dc.indicator)!, key === null ? 'saknas' : `okänd indikator "${key}": den finns inte på bladet ${SHEETS.indicators}`);
        continue;
      }
      const indicator = framework.indicators[own.indicator];
      const type = details.word(r, dc.type, { value: DETAIL_TYPES.value.toLowerCase(), target: DETAIL_TYPES.target.toLowerCase() });
      const year = details.number(r, dc.year);
      if (type === null || year === null) continue;
      const cells: Record<string, string> = { '': details.ref(r, dc.year), year: details.ref(r, dc.year) };
      for (const [field, header] of [['asOf', dc.asOf], ['preliminary', dc.preliminary], ['footnotes', dc.footnotes], ['source', dc.source], ['note', dc.note]] as const) {
        if (details.columns.has(header)) cells[field] = details.ref(r, header);
      }
      const footnoteKeys = details.list(r, dc.footnotes, /[,;\s]+/);
      const note = details.text(r, dc.note);
      const order = details.number(r, dc.order);
      const content = details.content(r, dc.value);
      const ordinal = indicator.scale !== null;
      const states = stateResolver(indicator.scale ? scaleByKey.get(indicator.scale) : undefined);
      const valueColumn = details.columns.get(dc.value) ?? 1;
      if (type === 'value') {
        const asOf = details.date(r, dc.asOf);
        const preliminary = details.word(r, dc.preliminary, { yes: YES, no: NO }) === 'yes';
        const source = details.text(r, dc.source);
        let entry = asOf === null ? own.values.find((candidate) => candidate.item.year === year && candidate.item.asOf === null && candidate.cells.details === undefined) : undefined;
        if (!entry) {
          // The year's own value with an empty cell is a missing value; a dated value carries its value here.
          const parsed = content === null || content === undefined ? null : parseValue(content, ordinal, states);
          if (parsed && !parsed.ok) details.error(r, valueColumn, parsed.message);
          const cellValue = parsed && parsed.ok ? parsed.value : { value: null, bound: null, state: null };
          entry = { item: { year, asOf, note: null, ...cellValue, preliminary: false, footnotes: [], source: null }, order: null, cells: { '': details.ref(r, content === null ? dc.year : dc.value) } };
          own.values.push(entry);
        } else if (content !== null && content !== undefined) {
          details.error(r, valueColumn, `värdet för ${year} står på bladet ${SHEETS.indicators}: lämna Värde tomt här`);
        }
        Object.assign(entry.item, { note, preliminary, footnotes: footnoteKeys, source });
        entry.order = order;
        entry.cells = { ...cells, ...entry.cells, details: cells[''] };
      } else {
        let entry = own.targets.find((candidate) => candidate.item.year === year && candidate.cells.details === undefined);
        if (!entry) {
          const parsed = content === null || content === undefined ? null : parseTarget(content, ordinal, states);
          if (parsed === null) {
            if (content === null) details.error(r, valueColumn, `inget mål för ${year}: skriv målet i kolumnen "Mål ${year}" på bladet ${SHEETS.indicators} eller här`);
            continue;
          }
          if (!parsed.ok) {
            details.error(r, valueColumn, parsed.message);
            continue;
          }
          entry = { item: { year, ...parsed.value, footnotes: [], note: null } as Target, order: null, cells: { '': details.ref(r, dc.value) } };
          own.targets.push(entry);
        }
        Object.assign(entry.item, { footnotes: footnoteKeys, note });
        entry.order = order;
        entry.cells = { ...cells, ...entry.cells, details: cells[''] };
      }
    }
  }
  for (const own of entries.values()) {
    const indicator = framework.indicators[own.indicator];
    const path = `framework.indicators[${own.indicator}]`;
    const place = <T extends { year: number; asOf?: string | null }>(list: Entry<T>[], field: 'values' | 'targets') => {
      // Read order: by year, the year's own value before those at a date; Ordning, where given, overrides.
      const sorted = list
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => {
          const [x, y] = [a.entry, b.entry];
          if (x.order !== null || y.order !== null) return (x.order ?? Infinity) - (y.order ?? Infinity) || a.index - b.index;
          return x.item.year - y.item.year || Number(x.item.asOf != null) - Number(y.item.asOf != null) || a.index - b.index;
        })
        .map(({ entry }) => entry);
      sorted.forEach((entry, k) => {
        for (const [field2, ref] of Object.entries(entry.cells)) if (field2 !== 'details') map.set(field2 === '' ? `${path}.${field}[${k}]` : `${path}.${field}[${k}].${field2}`, ref);
      });
      return sorted.map((entry) => entry.item);
    };
    indicator.values = place(own.values, 'values');
    indicator.targets = place(own.targets, 'targets');
  }

  // Bedömningar
  const assessments = sheetNamed(SHEETS.assessments, false);
  const a = COLUMNS.assessments;
  if (assessments && assessments.require(a.year, a.state)) {
    const states = stateResolver(framework.assessmentScale ? scaleByKey.get(framework.assessmentScale) : undefined);
    for (const r of assessments.rows()) {
      const i = framework.assessments.length;
      for (const [field, header] of Object.entries(a)) if (assessments.columns.has(header)) map.set(`framework.assessments[${i}].${field}`, assessments.ref(r, header));
      map.set(`framework.assessments[${i}]`, assessments.ref(r, a.state));
      const written = assessments.key(r, a.state) ?? '';
      const state = states.resolve(written);
      const unknown = state === null && written !== '' ? states.unknown(written) : null;
      if (unknown !== null) assessments.error(r, assessments.columns.get(a.state)!, unknown);
      framework.assessments.push({
        node: assessments.key(r, a.node),
        indicator: assessments.key(r, a.indicator),
        year: assessments.number(r, a.year) ?? 0,
        state: state ?? written,
        comment: assessments.text(r, a.comment),
        assessedBy: assessments.text(r, a.assessedBy),
        assessedOn: assessments.date(r, a.assessedOn),
      });
    }
  }

  // Aktivitetsplaner: rows of the same plan key form one plan, in the order the plans first appear.
  const plans = sheetNamed(SHEETS.activities, false);
  const p = COLUMNS.activities;
  if (plans && plans.require(p.plan, p.department, p.year, p.title)) {
    for (const r of plans.rows()) {
      const key = plans.key(r, p.plan) ?? '';
      let i = framework.activityPlans.findIndex((plan) => plan.key === key);
      if (i < 0) {
        i = framework.activityPlans.push({ key, department: plans.key(r, p.department) ?? '', year: plans.number(r, p.year) ?? 0, title: plans.text(r, p.title) ?? '', activities: [] }) - 1;
        for (const [field, header] of [['key', p.plan], ['department', p.department], ['year', p.year], ['title', p.title]] as const) map.set(`framework.activityPlans[${i}].${field}`, plans.ref(r, header));
        map.set(`framework.activityPlans[${i}]`, plans.ref(r, p.plan));
      }
      const text = plans.text(r, p.text);
      const number = plans.number(r, p.number);
      if (text === null && number === null) continue;
      const plan = framework.activityPlans[i];
      const path = `framework.activityPlans[${i}].activities[${plan.activities.length}]`;
      map.set(path, plans.ref(r, p.number));
      for (const [field, header] of Object.entries(p)) if (plans.columns.has(header)) map.set(`${path}.${field}`, plans.ref(r, header));
      plan.activities.push({
        number: number ?? 0,
        text: text ?? '',
        quantity: plans.key(r, p.quantity),
        unit: plans.text(r, p.unit),
        responsible: plans.list(r, p.responsible, /[,;\s]+/),
        unitOfWork: plans.text(r, p.unitOfWork),
        comment: plans.text(r, p.comment),
        node: plans.key(r, p.node),
        indicator: plans.key(r, p.indicator),
        status: plans.word(r, p.status, STATUS_WORDS) ?? 'planned',
      });
    }
  }

  // Aktivitetsantal: rows of the same Tabell form one table.
  const counts = sheetNamed(SHEETS.activityCounts, false);
  const ac = COLUMNS.activityCounts;
  if (counts && counts.require(ac.table, ac.year, ac.by)) {
    const tables = new Map<number, number>();
    for (const r of counts.rows()) {
      const tableNumber = counts.number(r, ac.table) ?? 0;
      let t = tables.get(tableNumber);
      if (t === undefined) {
        t = framework.activityCounts!.push({ year: counts.number(r, ac.year) ?? 0, by: counts.word(r, ac.by, COUNT_BY_WORDS) ?? 'indicator', note: counts.text(r, ac.note), rows: [] }) - 1;
        tables.set(tableNumber, t);
        for (const [field, header] of [['year', ac.year], ['by', ac.by], ['note', ac.note]] as const) map.set(`framework.activityCounts[${t}].${field}`, counts.ref(r, header));
        map.set(`framework.activityCounts[${t}]`, counts.ref(r, ac.table));
      }
      const label = counts.text(r, ac.label);
      const count = counts.number(r, ac.count);
      const indicator = counts.key(r, ac.indicator);
      const department = counts.key(r, ac.department);
      if (label === null && count === null && indicator === null && department === null) continue;
      const table = framework.activityCounts![t];
      const path = `framework.activityCounts[${t}].rows[${table.rows.length}]`;
      map.set(path, counts.ref(r, ac.label));
      for (const [field, header] of [['indicator', ac.indicator], ['department', ac.department], ['label', ac.label], ['count', ac.count]] as const) map.set(`${path}.${field}`, counts.ref(r, header));
      table.rows.push({ indicator, department, label: label ?? '', count: count ?? 0 });
    }
  }

  return { file: { formatVersion: 1, framework }, errors, locate: (path) => map.locate(path) };
}

/**
 * Every error of a workbook import at its cell: the workbook's own, then the validation's (schema and
 * semantic) mapped through the source map. A validation error at a cell the workbook already complained
 * about is a consequence of that complaint (the cell was read as empty) and is left out.
 */
export function workbookImportErrors(reading: WorkbookReading, validationErrors: FrameworkError[]): FrameworkError[] {
  const reported = new Set(reading.errors.map((error) => error.path));
  // Messages name other places by path too ("finns redan (framework.indicators[0])"): those become cells as well.
  const mapped = validationErrors
    .map((error) => ({ path: reading.locate(error.path), message: error.message.replace(/\((framework(?:\.[\w$]+|\[\d+\])+)\)/g, (_, path: string) => `(${reading.locate(path)})`) })).filter((error) => !reported.has(error.path));
  return [...reading.errors, ...mapped];
}

export async function workbookToFramework(buffer: Buffer): Promise<WorkbookReadResult> {
  const reading = await readWorkbook(buffer, { locate: false });
  if (reading.errors.length > 0 || reading.file === null) return { ok: false, errors: reading.errors };
  return { ok: true, file: reading.file };
}
