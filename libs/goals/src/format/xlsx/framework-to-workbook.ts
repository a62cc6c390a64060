/**
 * A goal framework as an Excel workbook (docs/goal-framework-xlsx.md): the tree one sheet per level, the
 * indicators with the years as columns, and whatever does not fit a cell in sheets of its own, so that
 * reading the workbook back gives exactly the normalized file.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './exceljs';
import type { FrameworkFile } from '../framework-file';
import { normalizeFrameworkFile } from '../normalize-framework';
import { cellTargetOf, CellContent, stateResolver, writeTarget, writeValue } from './cell-grammar';
import {
  COLUMNS,
  COMPARATOR_SIGNS,
  COUNT_BY_WORDS,
  DETAIL_TYPES,
  DIRECTION_WORDS,
  FRAMEWORK_FIELDS,
  NO,
  PREVIOUS_YEAR_WORDS,
  sanitizeSheetName,
  SHEETS,
  STATUS_WORDS,
  TARGET_COLUMN_PREFIX,
  TO_BE_SET_WORDS,
  VALUE_COLUMN_PREFIX,
  YES,
} from './layout';

type Framework = FrameworkFile['framework'];
type Value = Framework['indicators'][number]['values'][number];

/** Rows below the data that still get the drop-down lists, so that a user adding rows keeps them. */
const SPARE_ROWS = 200;
const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export { XLSX_MEDIA_TYPE };

interface Column {
  header: string;
  width: number;
  /**
   * A drop-down list: inline words (a fixed vocabulary, nothing else accepted), or a column of the hidden Listor
   * sheet (keys of the file: suggested, not enforced, so that a user may name a row added after the export).
   */
  list?: string[] | { range: string };
}

const keys = (list: readonly string[]) => list.join(', ');
const lines = (list: readonly string[]) => list.join('\n');

class WorkbookWriter {
  readonly workbook = new (loadExcelJs().Workbook)();
  private lists!: ExcelJS.Worksheet;
  private listColumns = 0;

  constructor() {
    this.workbook.creator = 'Nämndrum';
  }

  /** A column of the hidden Listor sheet, for drop-down lists too long to write inline (Excel's limit is 255 characters). */
  listRange(title: string, values: string[]): { range: string } {
    if (!this.lists) {
      this.lists = this.workbook.addWorksheet(SHEETS.lists);
      this.lists.state = 'hidden';
    }
    const column = ++this.listColumns;
    this.lists.getCell(1, column).value = title;
    values.forEach((value, i) => (this.lists.getCell(i + 2, column).value = value));
    const letter = this.lists.getColumn(column).letter;
    return { range: `'${SHEETS.lists}'!$${letter}$2:$${letter}$${Math.max(2, values.length + 1)}` };
  }

  sheet(name: string, columns: Column[], rows: CellContent[][], options: { frozenColumns?: number } = {}): ExcelJS.Worksheet {
    const sheet = this.workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: options.frozenColumns ?? 0 }] });
    sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map((cell) => (cell === null ? null : cell)));
    const last = rows.length + 1 + SPARE_ROWS;
    columns.forEach((column, c) => {
      if (!column.list) return;
      const inline = Array.isArray(column.list);
      const formula = Array.isArray(column.list) ? `"${column.list.join(',')}"` : column.list.range;
      // Excel's limit for a list written in the validation itself; longer lists live on the Listor sheet.
      if (inline && formula.length > 257) throw new Error(`list of ${column.header} is too long to write inline`);
      for (let r = 2; r <= last; r++) {
        sheet.getCell(r, c + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: inline, errorTitle: column.header, error: `Välj ett värde ur listan för ${column.header}` };
      }
    });
    return sheet;
  }
}

function yearsOf(framework: Framework): number[] {
  const years: number[] = [];
  for (let year = framework.fromYear; year <= framework.toYear && years.length < 200; year++) years.push(year);
  return years;
}

/** The order the reader gives values: by year, the year's own value first, then those measured at a date in sheet order. */
function valuesInReadOrder(values: Value[]): boolean {
  for (let i = 1; i < values.length; i++) {
    const [a, b] = [values[i - 1], values[i]];
    if (a.year > b.year || (a.year === b.year && b.asOf === null)) return false;
  }
  return true;
}

export async function frameworkToWorkbook(input: FrameworkFile): Promise<Buffer> {
  return Buffer.from(await buildWorkbook(input).xlsx.writeBuffer());
}

function buildWorkbook(input: FrameworkFile): ExcelJS.Workbook {
  const f = normalizeFrameworkFile(input).framework;
  const writer = new WorkbookWriter();
  const scaleKeys = f.scales.map((scale) => scale.key);
  const scaleByKey = new Map(f.scales.map((scale) => [scale.key, scale]));

  // Styrmodell: the framework's own properties.
  const fields: [string, CellContent][] = [
    [FRAMEWORK_FIELDS.key, f.key],
    [FRAMEWORK_FIELDS.name, f.name],
    [FRAMEWORK_FIELDS.description, f.description ?? null],
    [FRAMEWORK_FIELDS.fromYear, f.fromYear],
    [FRAMEWORK_FIELDS.toYear, f.toYear],
    [FRAMEWORK_FIELDS.source, f.source ?? null],
    [FRAMEWORK_FIELDS.assessmentScale, f.assessmentScale ?? null],
  ];
  const frameworkSheet = writer.sheet(SHEETS.framework, [{ header: COLUMNS.framework.field, width: 20 }, { header: COLUMNS.framework.value, width: 60 }], fields);
  frameworkSheet.getColumn(1).font = { bold: true };

  // Nivåer: the level sheets' names are kept beside the levels, so that the reader finds a renamed or shortened sheet.
  const taken = new Set<string>(Object.values(SHEETS).map((name) => name.toLowerCase()));
  const levelSheets = f.levels.map((level) => sanitizeSheetName(level.name, taken));
  writer.sheet(SHEETS.levels, [{ header: COLUMNS.levels.key, width: 20 }, { header: COLUMNS.levels.name, width: 30 }, { header: COLUMNS.levels.sheet, width: 30 }], f.levels.map((level, i) => [level.key, level.name, levelSheets[i]]));
  writer.sheet(SHEETS.indicatorLevels, [{ header: COLUMNS.indicatorLevels.key, width: 20 }, { header: COLUMNS.indicatorLevels.name, width: 30 }], (f.indicatorLevels ?? []).map((level) => [level.key, level.name]));
  const c = COLUMNS.scales;
  writer.sheet(
    SHEETS.scales,
    [{ header: c.scale, width: 24 }, { header: c.scaleName, width: 30 }, { header: c.key, width: 20 }, { header: c.label, width: 30 }, { header: c.rank, width: 8 }],
    f.scales.flatMap((scale) => scale.states.map((state): CellContent[] => [scale.key, scale.name, state.key, state.label, state.rank])),
  );
  writer.sheet(SHEETS.footnotes, [{ header: COLUMNS.footnotes.key, width: 12 }, { header: COLUMNS.footnotes.text, width: 80 }], f.footnotes.map((footnote) => [footnote.key, footnote.text]));

  // One sheet per level of the tree; Löpnummer keeps the file's order of nodes across the sheets.
  const n = COLUMNS.nodes;
  f.levels.forEach((level, i) => {
    const rows = f.nodes.flatMap((node, sequence) =>
      node.level === level.key ? [[node.key, node.parent, node.title, node.description ?? null, node.position ?? null, node.externalRefs?.length ? lines(node.externalRefs) : null, sequence + 1]] : [],
    );
    const parentKeys = i === 0 ? [] : f.nodes.filter((node) => node.level !== level.key).map((node) => node.key);
    writer.sheet(
      levelSheets[i],
      [
        { header: n.key, width: 22 },
        { header: n.parent, width: 22, ...(parentKeys.length ? { list: writer.listRange(`${level.name}: överordnad`, parentKeys) } : {}) },
        { header: n.title, width: 60 },
        { header: n.description, width: 60 },
        { header: n.position, width: 9 },
        { header: n.externalRefs, width: 40 },
        { header: n.sequence, width: 11 },
      ],
      rows,
    );
  });

  // Indikatorer: attributes, then the years as columns; what does not fit a cell goes to "Utfall och mål".
  const years = yearsOf(f);
  const ic = COLUMNS.indicators;
  const d = COLUMNS.details;
  const details: CellContent[][] = [];
  const indicatorRows = f.indicators.map((indicator) => {
    const scale = indicator.scale ? scaleByKey.get(indicator.scale) : undefined;
    const states = stateResolver(scale);
    const ordinal = indicator.scale !== null && indicator.scale !== undefined;
    const ordered = !valuesInReadOrder(indicator.values) || indicator.targets.some((target, k) => k > 0 && indicator.targets[k - 1].year > target.year);
    const valueCells = new Map<number, CellContent>();
    indicator.values.forEach((value, k) => {
      const cell = writeValue({ value: value.value ?? null, bound: value.bound ?? null, state: value.state ?? null }, states);
      const inCell = value.asOf === null && years.includes(value.year);
      if (inCell) valueCells.set(value.year, cell);
      const plain = cell !== null && !value.note && !value.preliminary && !value.footnotes?.length && !value.source;
      if (inCell && plain && !ordered) return;
      details.push([indicator.key, DETAIL_TYPES.value, value.year, value.asOf ?? null, inCell ? null : cell, value.preliminary ? YES : null, value.footnotes?.length ? keys(value.footnotes) : null, value.source ?? null, value.note ?? null, ordered ? k + 1 : null]);
    });
    const targetCells = new Map<number, CellContent>();
    indicator.targets.forEach((target, k) => {
      const cell = writeTarget(cellTargetOf(target), ordinal, states);
      const inCell = years.includes(target.year) && !targetCells.has(target.year);
      if (inCell) targetCells.set(target.year, cell);
      if (inCell && !target.note && !target.footnotes?.length && !ordered) return;
      details.push([indicator.key, DETAIL_TYPES.target, target.year, null, inCell ? null : cell, null, target.footnotes?.length ? keys(target.footnotes) : null, null, target.note ?? null, ordered ? k + 1 : null]);
    });
    return [
      indicator.key,
      indicator.name,
      indicator.parent ?? null,
      indicator.nodes?.length ? keys(indicator.nodes) : null,
      indicator.unit ?? null,
      DIRECTION_WORDS[indicator.direction ?? 'none'],
      indicator.decimals ?? 0,
      indicator.scale ?? null,
      indicator.koladaKpi ?? null,
      indicator.source ?? null,
      indicator.footnotes?.length ? keys(indicator.footnotes) : null,
      indicator.description ?? null,
      ...years.map((year) => valueCells.get(year) ?? null),
      ...years.map((year) => targetCells.get(year) ?? null),
    ];
  });
  const indicatorKeys = f.indicators.map((indicator) => indicator.key);
  const indicatorList = indicatorKeys.length ? { list: writer.listRange('Indikatorer', indicatorKeys) } : {};
  const scaleList = scaleKeys.length ? { list: writer.listRange('Skalor', scaleKeys) } : {};
  // The comparators as a target cell writes them: suggested, since a number, a state or an unset target is written as well.
  const targetList = { list: writer.listRange('Mål: jämförelser', [TO_BE_SET_WORDS, ...(['>=', '>', '<=', '<', '='] as const).map((comparator) => `${COMPARATOR_SIGNS[comparator]} ${PREVIOUS_YEAR_WORDS}`)]) };
  writer.sheet(
    SHEETS.indicators,
    [
      { header: ic.key, width: 22 },
      { header: ic.name, width: 50 },
      { header: ic.parent, width: 22, ...indicatorList },
      { header: ic.nodes, width: 30 },
      { header: ic.unit, width: 10 },
      { header: ic.direction, width: 18, list: Object.values(DIRECTION_WORDS) },
      { header: ic.decimals, width: 10 },
      { header: ic.scale, width: 18, ...scaleList },
      { header: ic.koladaKpi, width: 12 },
      { header: ic.source, width: 20 },
      { header: ic.footnotes, width: 12 },
      { header: ic.description, width: 40 },
      ...years.map((year) => ({ header: `${VALUE_COLUMN_PREFIX} ${year}`, width: 12 })),
      ...years.map((year) => ({ header: `${TARGET_COLUMN_PREFIX} ${year}`, width: 12, ...targetList })),
    ],
    indicatorRows,
    { frozenColumns: 2 },
  );
  writer.sheet(
    SHEETS.details,
    [
      { header: d.indicator, width: 22, ...indicatorList },
      { header: d.type, width: 9, list: Object.values(DETAIL_TYPES) },
      { header: d.year, width: 8 },
      { header: d.asOf, width: 13 },
      { header: d.value, width: 14 },
      { header: d.preliminary, width: 12, list: [YES, NO] },
      { header: d.footnotes, width: 12 },
      { header: d.source, width: 20 },
      { header: d.note, width: 50 },
      { header: d.order, width: 9 },
    ],
    details,
  );

  // Bedömningar, on the framework's assessment scale.
  const assessmentStates = stateResolver(f.assessmentScale ? scaleByKey.get(f.assessmentScale) : undefined);
  const assessmentScale = f.assessmentScale ? scaleByKey.get(f.assessmentScale) : undefined;
  const a = COLUMNS.assessments;
  writer.sheet(
    SHEETS.assessments,
    [
      { header: a.node, width: 22 },
      { header: a.indicator, width: 22, ...indicatorList },
      { header: a.year, width: 8 },
      { header: a.state, width: 20, ...(assessmentScale ? { list: writer.listRange('Bedömning', assessmentScale.states.map((state) => assessmentStates.write(state.key))) } : {}) },
      { header: a.comment, width: 50 },
      { header: a.assessedBy, width: 20 },
      { header: a.assessedOn, width: 13 },
    ],
    f.assessments.map((assessment) => [assessment.node ?? null, assessment.indicator ?? null, assessment.year, assessmentStates.write(assessment.state), assessment.comment ?? null, assessment.assessedBy ?? null, assessment.assessedOn ?? null]),
  );

  // Aktivitetsplaner: one row per activity with its plan repeated; a plan without activities is one row with the plan only.
  const p = COLUMNS.activities;
  writer.sheet(
    SHEETS.activities,
    [
      { header: p.plan, width: 18 },
      { header: p.department, width: 12 },
      { header: p.year, width: 8 },
      { header: p.title, width: 36 },
      { header: p.number, width: 6 },
      { header: p.text, width: 60 },
      { header: p.quantity, width: 9 },
      { header: p.unit, width: 12 },
      { header: p.responsible, width: 16 },
      { header: p.unitOfWork, width: 20 },
      { header: p.comment, width: 30 },
      { header: p.node, width: 20 },
      { header: p.indicator, width: 20, ...indicatorList },
      { header: p.status, width: 13, list: Object.values(STATUS_WORDS) },
    ],
    f.activityPlans.flatMap((plan) => {
      const head: CellContent[] = [plan.key, plan.department, plan.year, plan.title];
      if (plan.activities.length === 0) return [head];
      return plan.activities.map((activity): CellContent[] => [
        ...head,
        activity.number,
        activity.text,
        activity.quantity ?? null,
        activity.unit ?? null,
        keys(activity.responsible),
        activity.unitOfWork ?? null,
        activity.comment ?? null,
        activity.node ?? null,
        activity.indicator ?? null,
        STATUS_WORDS[activity.status ?? 'planned'],
      ]);
    }),
  );

  const ac = COLUMNS.activityCounts;
  writer.sheet(
    SHEETS.activityCounts,
    [
      { header: ac.table, width: 8 },
      { header: ac.year, width: 8 },
      { header: ac.by, width: 12, list: Object.values(COUNT_BY_WORDS) },
      { header: ac.note, width: 40 },
      { header: ac.indicator, width: 20, ...indicatorList },
      { header: ac.department, width: 12 },
      { header: ac.label, width: 40 },
      { header: ac.count, width: 8 },
    ],
    (f.activityCounts ?? []).flatMap((table, t) => {
      const head: CellContent[] = [t + 1, table.year, COUNT_BY_WORDS[table.by], table.note ?? null];
      if (table.rows.length === 0) return [head];
      return table.rows.map((row): CellContent[] => [...head, row.indicator ?? null, row.department ?? null, row.label, row.count]);
    }),
  );

  // The lists sheet goes last among the tabs, out of the way; Styrmodell opens first.
  writer.workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return writer.workbook;
}

/** The key of the template's example framework: a workbook that still has it was never filled in. */
export const TEMPLATE_EXAMPLE_KEY = 'ny-styrmodell';

/** The template's example: one goal, one indicator; every sheet is there with its headers. */
function exampleFramework(): FrameworkFile {
  const year = new Date().getFullYear();
  return {
    formatVersion: 1,
    framework: {
      key: TEMPLATE_EXAMPLE_KEY,
      name: 'Styrmodellens namn',
      fromYear: year,
      toYear: year + 3,
      levels: [
        { key: 'vision', name: 'Vision' },
        { key: 'malomrade', name: 'Målområde' },
        { key: 'verksamhetsmal', name: 'Verksamhetsmål' },
      ],
      scales: [],
      footnotes: [],
      nodes: [
        { key: 'vision', level: 'vision', parent: null, title: 'Kommunens vision' },
        { key: 'malomrade-1', level: 'malomrade', parent: 'vision', title: 'Ett målområde' },
        { key: 'mal-1', level: 'verksamhetsmal', parent: 'malomrade-1', title: 'Ett verksamhetsmål' },
      ],
      indicators: [
        {
          key: 'indikator-1',
          name: 'En indikator',
          unit: '%',
          direction: 'higher_is_better',
          nodes: ['mal-1'],
          values: [{ year, value: 50 }],
          targets: [{ year: year + 3, kind: 'numeric', comparator: '>=', value: 60 }],
        },
      ],
      assessments: [],
      activityPlans: [],
    },
  };
}

const GUIDANCE: [string, string][] = [
  ['Blad', 'Styrmodell: nyckel, namn, period och bedömningsskala. Nivåer: trädets nivåer uppifrån, med bladet som håller nivåns mål. Ett blad per nivå (Vision, Målområde, …). Indikatorer: en rad per indikator, åren som kolumner. Utfall och mål: det som inte ryms i en cell.'],
  ['Utfall ÅÅÅÅ', 'Ett tal (12,5), eller en gräns: ≥18, >=18, ≤ 5. Ordinala indikatorer: skalstegets etikett eller nyckel. Tom cell = inget värde.'],
  ['Mål ÅÅÅÅ', `Ett tal: 80 (jämförelsen följer riktningen) eller ≥ 80. Jämförelse med ett tidigare år: > föreg. år, ≥ utfall 2022. Skalsteg: Uppfyllt, > Delvis. Ännu ej fastställt: >Xx st, X kWh, ej fastställt, ej fastställt: <text>. Jämförelser: ${Object.values(COMPARATOR_SIGNS).join(' ')} (även >= och <=).`],
  ['Utfall och mål', 'En rad per värde eller mål med not, fotnoter, källa, preliminärt eller ett datum (Avser datum); värdet för året står kvar på bladet Indikatorer, ett daterat värde skrivs i kolumnen Värde.'],
  ['Listor', 'Nyckelkolumner med flera nycklar (Kopplade mål, Fotnoter, Ansvariga) skiljs med komma. Externa referenser: en per rad i cellen.'],
  ['Fel', 'Vid inläsning rapporteras varje fel med blad och cell, t.ex. Indikatorer!M3: okänt skalsteg.'],
];

/** An empty workbook to fill in: the example framework's sheets and a sheet of guidance first. */
export async function frameworkTemplate(): Promise<Buffer> {
  const workbook = buildWorkbook(exampleFramework());
  const guidance = workbook.addWorksheet('Instruktioner', { views: [{ state: 'frozen', ySplit: 1 }] });
  guidance.columns = [{ header: 'Ämne', width: 18 }, { header: 'Så fyller du i', width: 120 }];
  guidance.getRow(1).font = { bold: true };
  for (const row of GUIDANCE) guidance.addRow(row).alignment = { wrapText: true, vertical: 'top' };
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: workbook.worksheets.indexOf(guidance), visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
