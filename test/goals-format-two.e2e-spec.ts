import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DepartmentService } from '@namndrum/organisation';
import { FrameworkFile, frameworkToWorkbook, normalizeFrameworkFile, workbookToFramework } from '@namndrum/goals';
import { binaryParser } from './support/files';
import { createTenant, Tenant } from './factories/tenant.factory';
import { apiAs } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

const FIXTURE = join(__dirname, 'fixtures', 'goals', 'balanced-scorecard.json');
const scorecard = (): FrameworkFile => JSON.parse(readFileSync(FIXTURE, 'utf8')) as FrameworkFile;

interface Evaluated {
  year: number;
  outcome: string;
  target: string | null;
  actualText: string | null;
  explanation: string;
}

/**
 * A fourth municipality's indicator appendix, as the review wrote it: targets not quantified yet, an actual
 * given as a bound, "> delvis", a single-state indicator, named indicator tiers, targets without comparators,
 * indicators without direction, and sub-measures that name no goal of their own.
 */
describe('goals: every target a municipality writes is expressible', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let admin: ReturnType<typeof apiAs>;
  let frameworkId: string;

  const indicatorId = async (key: string): Promise<string> => {
    const indicators = (await admin.get(`/goal-frameworks/${frameworkId}/indicators`).expect(200)).body as { id: string; key: string }[];
    return indicators.find((indicator) => indicator.key === key)!.id;
  };
  const evaluations = async (key: string): Promise<Evaluated[]> => (await admin.get(`/indicators/${await indicatorId(key)}/series`).expect(200)).body.evaluations;
  const evaluationOf = async (key: string, year: number) => (await evaluations(key)).find((evaluation) => evaluation.year === year)!;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Åsbacka');
    await tenant.run((ctx) => testApp.app.get(DepartmentService).create(ctx, { name: 'Kommunledningskontoret', shortCode: 'KLK', kind: 'administration' }));
    admin = apiAs(testApp, (await tenant.user([{ role: 'admin' }])).token);
    const imported = (await admin.post('/goal-frameworks/import', scorecard()).expect(200)).body;
    expect(imported.changed).toBe(true);
    frameworkId = imported.framework.id;
  });

  afterAll(() => testApp.close());

  it('imports the file, exports it unchanged, and changes nothing on a second import', async () => {
    const exported = (await admin.get(`/goal-frameworks/${frameworkId}/export`).expect(200)).body;
    expect(exported).toEqual(normalizeFrameworkFile(scorecard()));
    expect((await admin.post('/goal-frameworks/import', exported).expect(200)).body.changed).toBe(false);
    expect((await admin.post('/goal-frameworks/import', scorecard()).expect(200)).body.changed).toBe(false);
  });

  it('imports the same framework from an Excel workbook, and exports it to both formats unchanged', async () => {
    const file = scorecard();
    file.framework.key = 'asbacka-fran-excel';
    const imported = (await admin.upload('post', '/goal-frameworks/import.xlsx', { content: await frameworkToWorkbook(file), fileName: 'styrkort.xlsx' }).expect(200)).body;
    expect(imported.changed).toBe(true);
    expect((await admin.get(`/goal-frameworks/${imported.framework.id}/export`).expect(200)).body).toEqual(normalizeFrameworkFile(file));
    const workbook = (await admin.get(`/goal-frameworks/${imported.framework.id}/export.xlsx`).buffer(true).parse(binaryParser).expect(200)).body as Buffer;
    expect(await workbookToFramework(workbook)).toEqual({ ok: true, file: normalizeFrameworkFile(file) });
  });

  it('writes out the documented defaults: direction none, comparators left to the direction, inherited goals left empty', async () => {
    const exported = (await admin.get(`/goal-frameworks/${frameworkId}/export`).expect(200)).body as FrameworkFile;
    const indicator = (key: string) => exported.framework.indicators.find((candidate) => candidate.key === key)!;
    expect(indicator('e-tjanster').direction).toBe('none');
    expect(indicator('nki').targets[0]).toMatchObject({ kind: 'numeric', comparator: null, value: 63 });
    expect(indicator('nki-bygglov').nodes).toEqual([]);
    expect(exported.framework.indicatorLevels).toEqual([{ key: 'indikator', name: 'Indikator' }, { key: 'delmatt', name: 'Delmått' }]);
    const framework = (await admin.get(`/goal-frameworks/${frameworkId}`).expect(200)).body;
    expect(framework.indicatorLevels.map((level: { name: string }) => level.name)).toEqual(['Indikator', 'Delmått']);
  });

  it('evaluates a target not quantified yet as no target yet, and prints it as written', async () => {
    const series = (await admin.get(`/indicators/${await indicatorId('energi')}/series`).expect(200)).body;
    expect(series.targets[0]).toMatchObject({ year: 2025, kind: 'to_be_set', comparator: null, text: '<Xx', footnotes: ['ej-faststallt'] });
    expect(series.evaluations[0]).toMatchObject({ outcome: 'no_target', target: '<Xx', explanation: 'Målvärdet för 2025 är inte fastställt ännu (”<Xx”).' });
    expect(series.evaluations[2]).toMatchObject({ year: 2027, outcome: 'no_target', target: 'ej fastställt' });
    expect(await evaluationOf('e-tjanster', 2025)).toMatchObject({ outcome: 'no_target', target: '>Xx st' });
  });

  it('judges an actual given as a bound ("≥2,0") against the target it guarantees', async () => {
    const series = (await admin.get(`/indicators/${await indicatorId('resultat-andel')}/series`).expect(200)).body;
    expect(series.actuals[1]).toMatchObject({ year: 2025, value: 2, bound: '>=' });
    expect(series.evaluations.find((evaluation: Evaluated) => evaluation.year === 2025)).toMatchObject({ outcome: 'met', actualText: '≥ 2,0', target: '≥ 2,0' });
  });

  it('judges "> delvis" as better than delvis, and a single-state indicator by its implied "Ej uppfyllt"', async () => {
    expect(await evaluationOf('digital-mognad', 2025)).toMatchObject({ outcome: 'met', actualText: 'Mer än delvis uppfyllt', target: 'bättre än Delvis uppfyllt' });
    expect(await evaluationOf('tillganglighet', 2025)).toMatchObject({ outcome: 'met', actualText: 'Uppfyller' });
    const series = (await admin.get(`/indicators/${await indicatorId('tillganglighet')}/series`).expect(200)).body;
    expect(series.actuals[0]).toMatchObject({ year: 2024, state: 'ej-uppfyllt' });
  });

  it('takes a comparator from the direction when the target names none', async () => {
    expect(await evaluationOf('nki', 2025)).toMatchObject({ outcome: 'met', target: '≥ 63' });
    expect(await evaluationOf('sjukfranvaro', 2025)).toMatchObject({ target: '≤ 7,0' });
  });

  it("evaluates a goal whose targets sit on sub-measures that name no goal of their own under the parent's goal", async () => {
    const file = scorecard();
    file.framework.key = 'asbacka-delmatt';
    const parent = file.framework.indicators.find((indicator) => indicator.key === 'nki')!;
    parent.targets = [];
    const second = (await admin.post('/goal-frameworks/import', file).expect(200)).body;
    const nodes = (await admin.get(`/goal-frameworks/${second.framework.id}/nodes`).expect(200)).body as { id: string; key: string }[];
    const goal = nodes.find((node) => node.key === 'nojda-invanare')!;
    const evaluation = (await admin.get(`/goal-nodes/${goal.id}/evaluation/2025`).expect(200)).body;
    expect(evaluation.indicators.map((indicator: { name: string; outcome: string }) => [indicator.name, indicator.outcome])).toEqual([
      ['Nöjd-Kund-Index för kommunens service', 'no_target'],
      ['Nöjd-Kund-Index bygglov', 'not_met'],
      ['Nöjd-Kund-Index miljö- och hälsoskydd', 'met'],
    ]);
    expect(evaluation.outcome).toBe('on_track');
    expect(evaluation.outcomeLabel).not.toBe('Målvärde saknas');
  });

  it('removes a goal and indicator the file drops with the activities that measured them, but never one a matter reports on', async () => {
    const file = scorecard();
    file.framework.key = 'asbacka-utan-energi';
    expect((await admin.post('/goal-frameworks/import', file).expect(200)).body.changed).toBe(true);
    file.framework.nodes = file.framework.nodes.filter((node) => node.key !== 'minskad-energi');
    file.framework.indicators = file.framework.indicators.filter((indicator) => indicator.key !== 'energi');
    file.framework.activityPlans[0].activities = file.framework.activityPlans[0].activities.filter((activity) => activity.number !== 2);
    const second = (await admin.post('/goal-frameworks/import', file).expect(200)).body;
    expect(second.changed).toBe(true);
    expect((await admin.get(`/goal-frameworks/${second.framework.id}/export`).expect(200)).body).toEqual(normalizeFrameworkFile(file));

    const organId = await tenant.organ({ name: 'Kommunstyrelsen' });
    const registry = (await admin.post('/registries', { code: 'KS', name: 'Kommunstyrelsens diarium', organId }).expect(201)).body;
    const matter = (await admin.post('/matters', { registryId: registry.id, title: 'Uppföljning av medborgarperspektivet', organId }).expect(201)).body;
    const nodes = (await admin.get(`/goal-frameworks/${second.framework.id}/nodes`).expect(200)).body as { id: string; key: string }[];
    await admin.post(`/matters/${matter.id}/goal-links`, { nodeId: nodes.find((node) => node.key === 'nojda-invanare')!.id, reportKind: 'follow_up' }).expect(201);
    const before = (await admin.get(`/goal-frameworks/${second.framework.id}/export`).expect(200)).body;
    file.framework.nodes = file.framework.nodes.filter((node) => node.key !== 'nojda-invanare');
    for (const indicator of file.framework.indicators) indicator.nodes = (indicator.nodes ?? []).filter((key) => key !== 'nojda-invanare');
    file.framework.assessments = file.framework.assessments.filter((assessment) => assessment.node !== 'nojda-invanare');
    const refused = await admin.post('/goal-frameworks/import', file).expect(409);
    expect(refused.body).toMatchObject({ error: 'GOAL_LINKED', details: [{ field: 'nojda-invanare', messages: [`”Invånarna är nöjda med kommunens service” är kopplat till ärende ${matter.caseNumber}`] }] });
    expect((await admin.get(`/goal-frameworks/${second.framework.id}/export`).expect(200)).body).toEqual(before);
  });

  it('still refuses what is wrong, every error in one answer', async () => {
    const file = scorecard() as unknown as { framework: Record<string, unknown> & { indicators: Record<string, unknown>[] } };
    file.framework.key = 'asbacka-fel';
    file.framework.name = 42;
    file.framework.indicators[4] = { ...file.framework.indicators[4], direction: undefined, targets: [{ year: 2025, kind: 'relative' }] };
    delete file.framework.indicators[4].direction;
    file.framework.indicators[6] = { ...file.framework.indicators[6], values: [{ year: 2024, state: 'bra' }] };
    const response = await admin.post('/goal-frameworks/import', file).expect(400);
    expect(response.body.error).toBe('FRAMEWORK_INVALID');
    expect(response.body.details).toEqual([
      { field: 'framework.name', messages: ['måste vara en text'] },
      { field: 'framework.indicators[4].targets[0].comparator', messages: ['saknas: indikatorn anger ingen riktning (direction), så målet måste säga hur utfallet ska jämföras'] },
      { field: 'framework.indicators[6].values[0].state', messages: ['okänt skalsteg "bra" i skalan "maluppfyllelse"'] },
    ]);
    const stored = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM goal_frameworks WHERE municipality_id = $1 AND key = 'asbacka-fel'`, [tenant.municipalityId]);
    expect(stored[0].n).toBe(0);
  });
});
