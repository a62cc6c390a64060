import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DepartmentService } from '@namndrum/organisation';
import { FrameworkFile, normalizeFrameworkFile } from '@namndrum/goals';
import { createTenant, Tenant } from './factories/tenant.factory';
import { binaryParser } from './support/files';
import { apiAs } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

const SEEDS = join(__dirname, '..', 'seeds', 'data', 'goals');
const LUDVIKA_CODES = ['KSF', 'KSUF', 'MB', 'SOU', 'VOO', 'UHC', 'IT', 'VBU', 'LKF', 'LH', 'VBK', 'WBAB'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const readFramework = (name: string): FrameworkFile => JSON.parse(readFileSync(join(SEEDS, `${name}.json`), 'utf8')) as FrameworkFile;
const readFrameworkWithKey = (name: string, key: string): FrameworkFile => {
  const file = readFramework(name);
  file.framework.key = key;
  return file;
};

describe('goals: frameworks as Excel workbooks', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let admin: ReturnType<typeof apiAs>;

  const count = async (table: string) => Number((await testApp.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE municipality_id = $1`, [tenant.municipalityId]))[0].n);
  const download = (path: string) => admin.get(path).buffer(true).parse(binaryParser);
  const uploadWorkbook = (content: Buffer, fileName = 'styrmodell.xlsx') => admin.upload('post', '/goal-frameworks/import.xlsx', { content, fileName });

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Arbetsbokskommun');
    for (const code of LUDVIKA_CODES) {
      await tenant.run((ctx) => testApp.app.get(DepartmentService).create(ctx, { name: `Förvaltning ${code}`, shortCode: code, kind: 'administration' }));
    }
    admin = apiAs(testApp, (await tenant.user([{ role: 'admin' }])).token);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it.each(['ludvika', 'ljungby', 'lindesberg'])('%s: the workbook of a framework imported from JSON imports back with nothing changed, and as a new key gives the same export', async (name) => {
    const file = readFramework(name);
    const imported = (await admin.post('/goal-frameworks/import', file).expect(200)).body;
    const response = await download(`/goal-frameworks/${imported.framework.id}/export.xlsx`).expect(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toBe(`attachment; filename=${file.framework.key}.xlsx`);
    const workbook = response.body as Buffer;

    const before = await count('indicator_values');
    const again = (await uploadWorkbook(workbook).expect(200)).body;
    expect(again).toMatchObject({ changed: false, framework: { id: imported.framework.id } });
    expect(await count('indicator_values')).toBe(before);

    // The same workbook under another key is another framework with the same content.
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.load(workbook as unknown as ArrayBuffer);
    edited.getWorksheet('Styrmodell')!.getCell('B2').value = `${file.framework.key}-kopia`;
    const copy = (await uploadWorkbook(Buffer.from(await edited.xlsx.writeBuffer())).expect(200)).body;
    expect(copy.changed).toBe(true);
    expect(copy.framework.id).not.toBe(imported.framework.id);
    const exported = (await admin.get(`/goal-frameworks/${copy.framework.id}/export`).expect(200)).body;
    const expected = normalizeFrameworkFile(file);
    expected.framework.key = `${file.framework.key}-kopia`;
    expect(exported).toEqual(expected);
  });

  it('knows the same workbook again without reading it, but never while the framework has changed since', async () => {
    const file = readFrameworkWithKey('lindesberg', 'lindesberg-bedomd');
    const imported = (await admin.post('/goal-frameworks/import', file).expect(200)).body;
    const workbook = (await download(`/goal-frameworks/${imported.framework.id}/export.xlsx`).expect(200)).body as Buffer;
    expect((await uploadWorkbook(workbook).expect(200)).body.changed).toBe(false);
    expect((await uploadWorkbook(workbook).expect(200)).body.changed).toBe(false);

    // An assessment recorded since changes the framework: the same workbook then restores what it says.
    const state = file.framework.scales.find((candidate) => candidate.key === file.framework.assessmentScale)!.states[0].key;
    const nodes = (await admin.get(`/goal-frameworks/${imported.framework.id}/nodes`).expect(200)).body as { id: string }[];
    await admin.post(`/goal-frameworks/${imported.framework.id}/assessments`, { nodeId: nodes[0].id, year: file.framework.toYear, state, comment: 'Bedömd efter exporten' }).expect(201);
    const restored = (await uploadWorkbook(workbook).expect(200)).body;
    expect(restored.changed).toBe(true);
    expect((await admin.get(`/goal-frameworks/${imported.framework.id}/export`).expect(200)).body).toEqual(normalizeFrameworkFile(file));
  });

  it('refuses the template as it was downloaded, naming the cell of the example key, and stores nothing', async () => {
    const template = (await download('/goal-frameworks/template.xlsx').expect(200)).body as Buffer;
    const before = await count('goal_frameworks');
    const refused = await uploadWorkbook(template, 'styrmodell-mall.xlsx').expect(400);
    expect(refused.body).toMatchObject({
      error: 'FRAMEWORK_INVALID',
      message: 'Arbetsboken är mallen som den laddades ned och lästes inte in',
      details: [{ field: 'Styrmodell!B2', messages: ['"ny-styrmodell" är mallens exempel: fyll i mallen och ge styrmodellen en egen nyckel'] }],
    });
    expect(await count('goal_frameworks')).toBe(before);
  });

  it('downloads the template as a workbook', async () => {
    const response = await download('/goal-frameworks/template.xlsx').expect(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toContain('styrmodell-mall.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Styrmodell', 'Nivåer', 'Indikatorer', 'Aktivitetsplaner']));
  });

  it('refuses an erroneous workbook with every error at its sheet and cell, and stores nothing', async () => {
    const imported = (await admin.post('/goal-frameworks/import', { ...readFramework('ludvika'), framework: { ...readFramework('ludvika').framework, key: 'ludvika-felaktig' } }).expect(200)).body;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(`/goal-frameworks/${imported.framework.id}/export.xlsx`).expect(200)).body as ArrayBuffer);
    workbook.getWorksheet('Styrmodell')!.getCell('B2').value = 'ludvika-felaktig-2';
    const indicators = workbook.getWorksheet('Indikatorer')!;
    let target = 0;
    indicators.getRow(1).eachCell((cell, column) => {
      if (cell.value === 'Mål 2025') target = column;
    });
    indicators.getCell(14, target).value = '≧ 80';
    indicators.getCell(3, 1).value = indicators.getCell(2, 1).value;
    const before = await count('goal_frameworks');
    const response = await uploadWorkbook(Buffer.from(await workbook.xlsx.writeBuffer())).expect(400);
    expect(response.body.error).toBe('FRAMEWORK_INVALID');
    const fields = (response.body.details as { field: string; messages: string[] }[]).map((detail) => detail.field);
    expect(fields).toEqual(expect.arrayContaining([`Indikatorer!${indicators.getColumn(target).letter}14`, 'Indikatorer!A3']));
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { field: `Indikatorer!${indicators.getColumn(target).letter}14`, messages: [expect.stringContaining('okänd jämförelse "≧"')] },
        { field: 'Indikatorer!A3', messages: [expect.stringContaining('finns redan (Indikatorer!A2)')] },
      ]),
    );
    expect(await count('goal_frameworks')).toBe(before);
  });

  it('refuses a file that is not a workbook with a Swedish message', async () => {
    const response = await uploadWorkbook(Buffer.from('Nyckel;Namn\nvision;Vision\n'), 'styrmodell.csv').expect(400);
    expect(response.body).toMatchObject({ error: 'FRAMEWORK_INVALID', details: [{ field: 'file', messages: [expect.stringContaining('ingen Excel-arbetsbok')] }] });
  });
});
