import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FrameworkFile } from '../framework-file';
import { normalizeFrameworkFile } from '../normalize-framework';
import { validateFrameworkFile } from '../validate-framework';
import { frameworkTemplate, frameworkToWorkbook } from './framework-to-workbook';
import { parseTarget, stateResolver } from './cell-grammar';
import { MAX_UNPACKED_BYTES, readWorkbook, workbookImportErrors, workbookToFramework } from './workbook-to-framework';
import { zipUncompressedSize } from './zip-size';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');
const FRAMEWORK_DIRECTORIES = [join(ROOT, 'seeds', 'data', 'goals'), join(ROOT, 'test', 'fixtures', 'goals')];

function frameworkFiles(): [string, FrameworkFile][] {
  return FRAMEWORK_DIRECTORIES.flatMap((directory) => {
    let names: string[];
    try {
      names = readdirSync(directory).filter((name) => name.endsWith('.json'));
    } catch {
      return [];
    }
    return names.map((name): [string, FrameworkFile] => [name, JSON.parse(readFileSync(join(directory, name), 'utf8')) as FrameworkFile]);
  });
}

/** Every feature of the format the cells and the details sheet must carry. */
function everyFeature(): FrameworkFile {
  return {
    formatVersion: 1,
    framework: {
      key: 'balanserat-2022-2025',
      name: 'Styrkort [test]: mål/uppföljning',
      description: 'En styrmodell med\nflera rader.',
      fromYear: 2022,
      toYear: 2025,
      source: 'KF 2021-11-22 § 12',
      levels: [
        { key: 'vision', name: 'Vision' },
        { key: 'perspektiv', name: 'Perspektiv: medborgare/kund?' },
        { key: 'mal', name: 'Indikatorer' },
      ],
      indicatorLevels: [
        { key: 'indikator', name: 'Indikator' },
        { key: 'delmatt', name: 'Delmått' },
      ],
      scales: [
        { key: 'bedomning', name: 'Bedömning', states: [{ key: 'ej', label: 'Ej uppfyllt', rank: 0 }, { key: 'delvis', label: 'Delvis', rank: 1 }, { key: 'uppfyllt', label: 'Uppfyllt', rank: 2 }] },
        { key: 'uppfyller', name: 'Uppfyller', states: [{ key: 'uppfyller', label: 'Uppfyller', rank: 1 }] },
      ],
      assessmentScale: 'bedomning',
      footnotes: [
        { key: '1', text: 'Preliminärt värde.' },
        { key: 'a', text: 'Avser november.' },
      ],
      nodes: [
        { key: 'vision', level: 'vision', parent: null, title: 'Bästa kommunen', externalRefs: ['Agenda 2030: 4 God utbildning', 'Agenda 2030: 11 Hållbara städer'] },
        { key: 'mal-1', level: 'mal', parent: 'p-1', title: 'Fler i arbete', position: 2, description: 'Beskrivning' },
        { key: 'p-1', level: 'perspektiv', parent: 'vision', title: 'Medborgare', position: 1 },
        { key: 'mal-2', level: 'mal', parent: 'p-1', title: '2030', position: 1 },
      ],
      indicators: [
        {
          key: 'sysselsattning',
          name: 'Andel sysselsatta',
          unit: '%',
          direction: 'higher_is_better',
          decimals: 1,
          nodes: ['mal-1', 'mal-2'],
          koladaKpi: 'N00914',
          source: 'SCB',
          footnotes: ['1'],
          description: 'Förvärvsarbetande 20–64 år',
          values: [
            { year: 2022, value: 78.4 },
            { year: 2022, asOf: '2022-11-30', value: 79.1, note: 'Avser november', footnotes: ['a'] },
            { year: 2023, value: 18, bound: '>=' },
            { year: 2024, value: 80.25, preliminary: true, footnotes: ['1'], source: 'Kolada' },
            { year: 2025, value: null, note: 'Saknas' },
          ],
          targets: [
            { year: 2022, kind: 'relative' },
            { year: 2023, kind: 'relative', comparator: '>', relativeToYear: 2022 },
            { year: 2024, kind: 'numeric', value: 80, note: 'Enligt budget', footnotes: ['1'] },
            { year: 2025, kind: 'numeric', comparator: '>=', value: 82.5 },
          ],
        },
        {
          key: 'sysselsattning-unga',
          name: 'Andel sysselsatta unga',
          unit: 'st',
          parent: 'sysselsattning',
          values: [{ year: 2023, value: 5, bound: '<' }],
          targets: [
            { year: 2022, kind: 'to_be_set', text: '>Xx st' },
            { year: 2023, kind: 'to_be_set' },
            { year: 2024, kind: 'to_be_set', text: 'Fastställs i budget' },
            { year: 2025, kind: 'numeric', comparator: '=', value: 3 },
          ],
        },
        {
          key: 'nojdhet',
          name: 'Nöjdhet',
          direction: 'none',
          scale: 'bedomning',
          nodes: ['mal-1'],
          values: [
            { year: 2023, state: 'delvis' },
            { year: 2022, state: 'ej' },
          ],
          targets: [
            { year: 2023, kind: 'state', comparator: '>', state: 'delvis' },
            { year: 2024, kind: 'state', state: 'uppfyllt' },
            { year: 2025, kind: 'to_be_set', text: 'X kWh' },
          ],
        },
        {
          key: 'plan',
          name: 'Plan antagen',
          scale: 'uppfyller',
          nodes: ['mal-2'],
          values: [{ year: 2023, state: 'ej-uppfyllt' }],
          targets: [{ year: 2024, kind: 'state', comparator: '>=', state: 'uppfyller' }],
        },
      ],
      assessments: [
        { node: 'mal-1', year: 2023, state: 'delvis', comment: 'Ökar', assessedBy: 'KS', assessedOn: '2024-02-01' },
        { indicator: 'nojdhet', year: 2023, state: 'uppfyllt' },
      ],
      activityPlans: [
        {
          key: 'sou-2023',
          department: 'SOU',
          year: 2023,
          title: 'Plan 2023',
          activities: [
            { number: 1, text: 'Läxhjälp', quantity: '50-75', unit: 'tillfällen', responsible: ['SOU', 'KSF'], unitOfWork: 'Skola', comment: 'Bra', node: 'mal-1', indicator: 'sysselsattning', status: 'started' },
            { number: 2, text: 'Sommarjobb', quantity: '10', responsible: ['KSF'] },
          ],
        },
        { key: 'ksf-2024', department: 'KSF', year: 2024, title: 'Tom plan', activities: [] },
      ],
      activityCounts: [
        { year: 2023, by: 'department', note: 'Koncernens aktiviteter', rows: [{ department: 'SOU', label: 'Utbildning', count: 12 }, { department: 'KSF', label: 'Kommunstyrelsen', count: 3 }] },
        { year: 2023, by: 'indicator', rows: [{ indicator: 'sysselsattning', label: 'Sysselsättning', count: 4 }] },
      ],
    },
  };
}

async function roundTrip(file: FrameworkFile): Promise<unknown> {
  const read = await workbookToFramework(await frameworkToWorkbook(file));
  if (!read.ok) throw new Error(`workbook errors: ${JSON.stringify(read.errors)}`);
  return read.file;
}

/** A workbook edited as a user would in Excel. */
async function edited(file: FrameworkFile, edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await frameworkToWorkbook(file)) as unknown as ArrayBuffer);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Workbook, schema and semantic errors at their cells, as the import reports them. */
async function importErrors(buffer: Buffer): Promise<string[]> {
  const reading = await readWorkbook(buffer);
  const validated = reading.file ? validateFrameworkFile(reading.file, { departments: ['SOU', 'KSF'] }) : { ok: true as const };
  return workbookImportErrors(reading, validated.ok ? [] : validated.errors).map((error) => `${error.path}: ${error.message}`);
}

function headerColumn(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, column) => {
    if (cell.value === header) found = column;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

describe('goal framework workbooks', () => {
  it('finds the seeded frameworks to test', () => {
    expect(frameworkFiles().map(([name]) => name)).toEqual(expect.arrayContaining(['ludvika.json', 'ljungby.json', 'lindesberg.json']));
  });

  it.each(frameworkFiles())('%s: JSON → XLSX → JSON gives the normalized file, and a second round gives it again', async (_name, file) => {
    const once = await roundTrip(file);
    expect(once).toEqual(normalizeFrameworkFile(file));
    const twice = await roundTrip(once as FrameworkFile);
    expect(twice).toEqual(once);
  });

  it('carries every feature of the format: bounds, targets to be set, state targets with comparators, one-state scales, tiers, dates, notes, footnotes', async () => {
    const file = everyFeature();
    expect(validateFrameworkFile(file, { departments: ['SOU', 'KSF'] })).toEqual({ ok: true, file });
    expect(await roundTrip(file)).toEqual(normalizeFrameworkFile(file));
  });

  it('keeps what a spreadsheet would turn into something else: digit titles, formula-like text, colliding labels, odd numbers', async () => {
    const file = everyFeature();
    const f = file.framework;
    f.nodes[3].title = '2030';
    f.nodes[3].description = '=SUMMA(A1:A3)';
    f.footnotes[0].text = '0012';
    f.scales[0].states = [
      { key: 'ej', label: 'delvis', rank: 0 },
      { key: 'delvis', label: 'ej', rank: 1 },
      { key: 'uppfyllt', label: 'Uppfyllt', rank: 2 },
    ];
    f.scales.push({ key: 'dubbel', name: 'Dubbel', states: [{ key: 'x', label: 'Samma', rank: 0 }, { key: 'y', label: 'Samma', rank: 1 }] });
    f.indicators[2].scale = 'dubbel';
    f.indicators[2].values = [{ year: 2022, state: 'y' }];
    f.indicators[2].targets = [{ year: 2024, kind: 'state', comparator: '>', state: 'x' }];
    f.indicators[0].values[0].value = 0.1 + 0.2;
    f.indicators[0].values[2] = { year: 2023, value: -1.5e-7, bound: '<=' };
    f.indicators[1].targets[1] = { year: 2023, kind: 'to_be_set', text: 'ej fastställt' };
    f.indicators[1].targets[2] = { year: 2024, kind: 'to_be_set', text: '80' };
    f.assessments[0].state = 'ej';
    expect(validateFrameworkFile(file, { departments: ['SOU', 'KSF'] }).ok).toBe(true);
    expect(await roundTrip(file)).toEqual(normalizeFrameworkFile(file));
  });

  it('maps errors on the details and plan sheets to their cells, and a missing column to the sheet', async () => {
    const buffer = await edited(everyFeature(), (workbook) => {
      const details = workbook.getWorksheet('Utfall och mål')!;
      details.getCell(2, headerColumn(details, 'Fotnoter')).value = 'okand';
      details.getCell(2, headerColumn(details, 'Avser datum')).value = new Date(Date.UTC(2022, 10, 30));
      const plans = workbook.getWorksheet('Aktivitetsplaner')!;
      plans.getCell(2, headerColumn(plans, 'Ansvariga')).value = 'SOU, XYZ';
      plans.getCell(3, headerColumn(plans, 'Status')).value = 'klar';
      const levels = workbook.getWorksheet('Nivåer')!;
      levels.getCell(1, headerColumn(levels, 'Namn')).value = 'Benämning';
    });
    const errors = await importErrors(buffer);
    expect(errors).toEqual(
      expect.arrayContaining([
        `'Utfall och mål'!G2: okänd fotnot "okand"`,
        expect.stringMatching(/^Aktivitetsplaner!I2: .*XYZ/),
        'Aktivitetsplaner!N3: "klar" är inget av: planerad, påbörjad, genomförd, uppskjuten, avbruten',
        'Nivåer!A1: kolumnen "Namn" saknas',
      ]),
    );
    // The date Excel made of the typed date is read as that date: no error about it.
    expect(errors.filter((error) => error.includes('Utfall och mål\'!D2'))).toEqual([]);
  });

  it('writes the year columns in the cell grammar and the details beside them', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await frameworkToWorkbook(everyFeature())) as unknown as ArrayBuffer);
    const indicators = workbook.getWorksheet('Indikatorer')!;
    const cell = (row: number, header: string) => indicators.getCell(row, headerColumn(indicators, header)).value;
    expect(cell(2, 'Utfall 2022')).toBe(78.4);
    expect(cell(2, 'Utfall 2023')).toBe('≥18');
    expect(cell(2, 'Mål 2022')).toBe('föreg. år');
    expect(cell(2, 'Mål 2023')).toBe('> utfall 2022');
    expect(cell(2, 'Mål 2024')).toBe(80);
    expect(cell(2, 'Mål 2025')).toBe('≥ 82,5');
    expect(cell(2, 'Riktning')).toBe('högre är bättre');
    expect(cell(3, 'Mål 2022')).toBe('>Xx st');
    expect(cell(3, 'Mål 2023')).toBe('ej fastställt');
    expect(cell(3, 'Mål 2024')).toBe('ej fastställt: Fastställs i budget');
    expect(cell(4, 'Mål 2023')).toBe('> Delvis');
    expect(cell(4, 'Utfall 2022')).toBe('Ej uppfyllt');
    expect(cell(5, 'Utfall 2023')).toBe('Ej uppfyllt');
    expect(indicators.getRow(1).font?.bold).toBe(true);
    expect(indicators.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(indicators.getCell(2, headerColumn(indicators, 'Riktning')).dataValidation).toMatchObject({ type: 'list', formulae: ['"högre är bättre,lägre är bättre,ingen riktning"'] });
    expect(String(indicators.getCell(2, headerColumn(indicators, 'Skala')).dataValidation.formulae[0])).toMatch(/^'Listor'!\$[A-Z]+\$2:\$[A-Z]+\$3$/);
    // The comparators are suggested in the target columns, each suggestion a target the reader takes.
    const suggestions = String(indicators.getCell(2, headerColumn(indicators, 'Mål 2023')).dataValidation.formulae[0]);
    const [, column, first, last] = /^'Listor'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(suggestions)!;
    const lists = workbook.getWorksheet('Listor')!;
    const suggested = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => lists.getCell(`${column}${Number(first) + i}`).value);
    expect(suggested).toEqual(['ej fastställt', '≥ föreg. år', '> föreg. år', '≤ föreg. år', '< föreg. år', '= föreg. år']);
    expect(suggested.map((text) => parseTarget(text as string, false, stateResolver(undefined)).ok)).toEqual(suggested.map(() => true));
    expect(indicators.getCell(2, headerColumn(indicators, 'Mål 2023')).dataValidation.showErrorMessage).toBeFalsy();
    expect(lists.state).toBe('hidden');
    // Level names are made into valid sheet names, and the one that collides with a fixed sheet is told apart.
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Vision', 'Perspektiv- medborgare-kund-', 'Indikatorer (2)', 'Utfall och mål']));
    const details = workbook.getWorksheet('Utfall och mål')!;
    expect(details.getRow(2).values).toEqual(expect.arrayContaining(['sysselsattning', 'Utfall', 2022, '2022-11-30', 79.1, 'Avser november']));
  });

  it('reads what a user types: decimal comma, "12,5" as text, ">= 80", a label in any case', async () => {
    const buffer = await edited(everyFeature(), (workbook) => {
      const sheet = workbook.getWorksheet('Indikatorer')!;
      sheet.getCell(2, headerColumn(sheet, 'Utfall 2022')).value = '78,4';
      sheet.getCell(2, headerColumn(sheet, 'Mål 2025')).value = '>= 82.5';
      sheet.getCell(4, headerColumn(sheet, 'Mål 2024')).value = 'uppfyllt';
    });
    expect(await workbookToFramework(buffer)).toEqual({ ok: true, file: normalizeFrameworkFile(everyFeature()) });
  });

  it('reports a comparator it does not know, an unknown state, a duplicate key and a missing sheet at their sheet, row and column', async () => {
    const buffer = await edited(everyFeature(), (workbook) => {
      const sheet = workbook.getWorksheet('Indikatorer')!;
      sheet.getCell(2, headerColumn(sheet, 'Mål 2025')).value = '≧ 82';
      sheet.getCell(4, headerColumn(sheet, 'Mål 2024')).value = 'Helt uppfyllt';
      sheet.getCell(3, 1).value = 'sysselsattning';
      workbook.removeWorksheet(workbook.getWorksheet('Vision')!.id);
    });
    const columnOf = async (header: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Indikatorer')!;
      return sheet.getColumn(headerColumn(sheet, header)).letter;
    };
    const errors = await importErrors(buffer);
    expect(errors).toEqual(
      expect.arrayContaining([
        `Indikatorer!${await columnOf('Mål 2025')}2: okänd jämförelse "≧": jämförelsen skrivs ≥, >=, >, ≤, <=, < eller =`,
        `Indikatorer!${await columnOf('Mål 2024')}4: okänt skalsteg "Helt uppfyllt" i skalan "Bedömning": välj ett av Ej uppfyllt, Delvis, Uppfyllt`,
        'Indikatorer!A3: nyckeln "sysselsattning" finns redan (Indikatorer!A2)',
        'Vision: bladet "Vision" saknas i arbetsboken',
      ]),
    );
  });

  it('names the accepted forms when a target cell matches none of them', async () => {
    const buffer = await edited(everyFeature(), (workbook) => {
      const sheet = workbook.getWorksheet('Indikatorer')!;
      sheet.getCell(2, headerColumn(sheet, 'Mål 2025')).value = 'bättre än förr';
      sheet.getCell(2, headerColumn(sheet, 'Utfall 2022')).value = 'många';
      sheet.getCell(2, headerColumn(sheet, 'Namn')).value = 2030;
    });
    const errors = await importErrors(buffer);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Indikatorer!.2: "bättre än förr" är inget mål: skriv ett tal \("80", "≥ 80"\), en jämförelse med ett tidigare år .*ej fastställt/),
        expect.stringMatching(/^Indikatorer!.2: "många" är inget värde/),
        'Indikatorer!B2: måste vara text, inte talet 2030',
      ]),
    );
  });

  it('answers a file that is not a workbook with a Swedish message', async () => {
    expect(await workbookToFramework(Buffer.from('%PDF-1.4 inte en arbetsbok'))).toEqual({ ok: false, errors: [{ path: '', message: expect.stringContaining('ingen Excel-arbetsbok') }] });
  });

  it('refuses a workbook that would unpack to more than the limit, without unpacking it', async () => {
    // A ZIP whose one entry claims 300 MB: the central directory alone is read.
    const name = Buffer.from('xl/workbook.xml');
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(300 * 1024 * 1024, 24);
    entry.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(entry.length + name.length, 12);
    end.writeUInt32LE(0, 16);
    expect(await workbookToFramework(Buffer.concat([entry, name, end]))).toEqual({ ok: false, errors: [{ path: '', message: 'Arbetsboken är för stor: den packas upp till mer än 200 MB' }] });
    expect(zipUncompressedSize(await frameworkTemplate())).toBeLessThan(MAX_UNPACKED_BYTES);
  });

  it('gives a template that reads back as a valid framework', async () => {
    const read = await workbookToFramework(await frameworkTemplate());
    expect(read.ok).toBe(true);
    expect(validateFrameworkFile(read.ok ? read.file : null, { departments: [] }).ok).toBe(true);
  });

  it('is read by LibreOffice: the template and an export convert to CSV with their headers', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'xlsx-soffice-'));
    try {
      writeFileSync(join(directory, 'mall.xlsx'), await frameworkTemplate());
      writeFileSync(join(directory, 'export.xlsx'), await frameworkToWorkbook(everyFeature()));
      // Sheet 1 is Styrmodell: its first column names the fields.
      execFileSync('/usr/bin/soffice', [`-env:UserInstallation=file://${join(directory, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', directory, join(directory, 'mall.xlsx'), join(directory, 'export.xlsx')], { timeout: 90_000, stdio: 'pipe' });
      const csvs = readdirSync(directory).filter((name) => name.endsWith('.csv'));
      const exported = csvs.filter((name) => name.startsWith('export')).map((name) => readFileSync(join(directory, name), 'utf8')).join('\n');
      const template = csvs.filter((name) => name.startsWith('mall')).map((name) => readFileSync(join(directory, name), 'utf8')).join('\n');
      expect(template).toContain('Fält,Värde');
      expect(exported).toContain('Nyckel,Namn,Överordnad indikator,Kopplade mål');
      expect(exported).toContain('≥18');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 120_000);
});
