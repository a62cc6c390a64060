import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DepartmentService } from '@namndrum/organisation';
import { KoladaImportService, normalizeFrameworkFile, FrameworkFile } from '@namndrum/goals';
import { readDocx } from '../libs/documents/src/testing/read-docx';
import { createTenant, Tenant } from './factories/tenant.factory';
import { binaryParser } from './support/files';
import { apiAs } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

const SEEDS = join(__dirname, '..', 'seeds', 'data', 'goals');
const RECORDED = join(__dirname, '..', 'libs', 'goals', 'src', 'kolada', 'testing', 'recorded');
const LUDVIKA_CODES = ['KSF', 'KSUF', 'MB', 'SOU', 'VOO', 'UHC', 'IT', 'VBU', 'LKF', 'LH', 'VBK', 'WBAB'];

const readFramework = (name: string): FrameworkFile => JSON.parse(readFileSync(join(SEEDS, `${name}.json`), 'utf8')) as FrameworkFile;

/** A small framework of the "fourth municipality" kind: relative and qualitative targets, sub-measures, a Kolada KPI. */
function smallFramework(): FrameworkFile {
  return {
    formatVersion: 1,
    framework: {
      key: 'fjarde-kommunen-2023-2026',
      name: 'Mål och budget 2023–2026',
      fromYear: 2018,
      toYear: 2026,
      levels: [
        { key: 'vision', name: 'Vision' },
        { key: 'mal', name: 'Kommunmål' },
      ],
      scales: [{ key: 'genomforande', name: 'Genomförande', states: [{ key: 'saknas', label: 'Saknas', rank: 0 }, { key: 'delvis', label: 'Delvis', rank: 1 }, { key: 'implementerat', label: 'Implementerat', rank: 2 }] }],
      assessmentScale: 'genomforande',
      footnotes: [{ key: '1', text: 'Preliminärt värde.' }],
      nodes: [
        { key: 'vision', level: 'vision', parent: null, title: 'Här växer framtiden' },
        { key: 'skola', level: 'mal', parent: 'vision', title: 'Fler elever ska nå målen' },
      ],
      indicators: [
        { key: 'behoriga', name: 'Andel elever behöriga till gymnasiet', unit: '%', direction: 'higher_is_better', decimals: 1, nodes: ['skola'], koladaKpi: 'N15419', values: [{ year: 2021, value: 82.5 }, { year: 2022, value: 84.5, preliminary: true, footnotes: ['1'] }], targets: [{ year: 2023, kind: 'relative', comparator: '>=' }, { year: 2026, kind: 'numeric', comparator: '>=', value: 90 }] },
        { key: 'behoriga-yrke', name: 'Behöriga till yrkesprogram', unit: '%', direction: 'higher_is_better', parent: 'behoriga', nodes: ['skola'], values: [{ year: 2022, value: 86 }], targets: [{ year: 2026, kind: 'numeric', comparator: '>=', value: 92 }] },
        { key: 'digital', name: 'Digital lärplattform', direction: 'none', scale: 'genomforande', nodes: ['skola'], values: [{ year: 2022, state: 'delvis' }], targets: [{ year: 2023, kind: 'state', state: 'implementerat' }] },
      ],
      assessments: [{ node: 'skola', year: 2022, state: 'delvis', assessedBy: 'Kommunstyrelsen' }],
      activityPlans: [{ key: 'sou-2023', department: 'SOU', year: 2023, title: 'Utbildningsförvaltningens plan 2023', activities: [{ number: 1, text: 'Läxhjälp på biblioteken', quantity: '50-75', unit: 'tillfällen', responsible: ['SOU', 'KSUF'], node: 'skola', indicator: 'behoriga' }] }],
    },
  };
}

describe('goals: frameworks, evaluation, links, reports and Kolada', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let admin: ReturnType<typeof apiAs>;
  let kolada: Server;
  /** The recordings are of Ludvika (2085); the server answers for the test municipality's code. */
  let municipalityCode = '2085';

  const count = async (table: string) => Number((await testApp.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE municipality_id = $1`, [tenant.municipalityId]))[0].n);
  const importFile = (file: unknown) => admin.post('/goal-frameworks/import', file as object);

  beforeAll(async () => {
    kolada = createServer((request, response) => {
      const page = new URL(request.url!, 'http://x').searchParams.get('page');
      const body = readFileSync(join(RECORDED, `N15419-2085-2018-2022.page-${page ?? '1'}.json`), 'utf8').replaceAll('https://api.kolada.se', `http://127.0.0.1:${(kolada.address() as AddressInfo).port}`).replaceAll('"2085"', `"${municipalityCode}"`);
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => kolada.listen(0, '127.0.0.1', resolve));
    process.env.KOLADA_BASE_URL = `http://127.0.0.1:${(kolada.address() as AddressInfo).port}`;
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Målkommun');
    municipalityCode = (await testApp.dataSource.query(`SELECT code FROM municipalities WHERE id = $1`, [tenant.municipalityId]))[0].code;
    for (const code of LUDVIKA_CODES) {
      await tenant.run((ctx) => testApp.app.get(DepartmentService).create(ctx, { name: `Förvaltning ${code}`, shortCode: code, kind: 'administration' }));
    }
    admin = apiAs(testApp, (await tenant.user([{ role: 'admin' }])).token);
  });

  afterAll(async () => {
    await testApp.close();
    await new Promise((resolve) => kolada.close(resolve));
  });

  it.each(['ludvika', 'ljungby', 'lindesberg'])('imports %s, changes nothing the second time, and exports an equivalent file', async (name) => {
    const file = readFramework(name);
    const first = (await importFile(file).expect(200)).body;
    expect(first.changed).toBe(true);
    const tables = ['goal_frameworks', 'goal_nodes', 'indicators', 'indicator_values', 'indicator_targets', 'goal_assessments', 'activity_plans', 'goal_activities'];
    const before = await Promise.all(tables.map(count));
    const second = (await importFile(file).expect(200)).body;
    expect(second).toMatchObject({ changed: false, framework: { id: first.framework.id } });
    expect(await Promise.all(tables.map(count))).toEqual(before);
    const exported = (await admin.get(`/goal-frameworks/${first.framework.id}/export`).expect(200)).body;
    expect(exported).toEqual(normalizeFrameworkFile(file));
    // The export is itself a valid file, and the same content.
    expect((await importFile(exported).expect(200)).body.changed).toBe(false);
  });

  it('holds the Ludvika framework: 5 verksamhetsmål, 17 indicators and SOU’s 40 activities', async () => {
    const frameworks = (await admin.get('/goal-frameworks').expect(200)).body as { id: string; key: string }[];
    const ludvika = frameworks.find((framework) => framework.key === 'ludvika-2021-2025')!;
    const nodes = (await admin.get(`/goal-frameworks/${ludvika.id}/nodes`).expect(200)).body as { level: string }[];
    expect(nodes.filter((node) => node.level === 'verksamhetsmal')).toHaveLength(5);
    expect((await admin.get(`/goal-frameworks/${ludvika.id}/indicators`).expect(200)).body).toHaveLength(17);
    const [plan] = (await admin.get(`/goal-frameworks/${ludvika.id}/activity-plans`).expect(200)).body;
    expect((await admin.get(`/activity-plans/${plan.id}/activities`).expect(200)).body).toHaveLength(40);
  });

  describe('bad input: every error with its path, nothing stored', () => {
    const expectRefused = async (file: FrameworkFile, path: string) => {
      const before = await count('goal_frameworks');
      const response = await importFile(file).expect(400);
      expect(response.body.error).toBe('FRAMEWORK_INVALID');
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(path);
      expect(await count('goal_frameworks')).toBe(before);
      return response.body.details as { field: string; messages: string[] }[];
    };

    it('refuses a target on an unknown scale state', async () => {
      const file = smallFramework();
      file.framework.key = 'bad-state';
      file.framework.indicators[2].targets[0] = { year: 2023, kind: 'state', state: 'klart' };
      await expectRefused(file, 'framework.indicators[2].targets[0].state');
    });

    it('refuses a value for a year outside the framework', async () => {
      const file = smallFramework();
      file.framework.key = 'bad-year';
      file.framework.indicators[0].values.push({ year: 2030, value: 90 });
      await expectRefused(file, 'framework.indicators[0].values[2].year');
    });

    it('reads a file larger than 100 kB (and refuses this one for its over-long description)', async () => {
      const file = smallFramework();
      file.framework.key = 'bad-large';
      file.framework.description = 'x'.repeat(200_000);
      await expectRefused(file, 'framework.description');
    });

    it('refuses a cycle in the goal tree', async () => {
      const file = smallFramework();
      file.framework.key = 'bad-cycle';
      file.framework.nodes[0].parent = 'skola';
      const details = await importFile(file).expect(400);
      expect(details.body.details.some((detail: { field: string }) => detail.field.startsWith('framework.nodes['))).toBe(true);
    });

    it('refuses a duplicate indicator', async () => {
      const file = smallFramework();
      file.framework.key = 'bad-duplicate';
      file.framework.indicators.push({ ...file.framework.indicators[1] });
      await expectRefused(file, 'framework.indicators[3].key');
    });

    it('refuses an activity pointing to an unknown department, and reports several errors at once', async () => {
      const file = smallFramework();
      file.framework.key = 'bad-department';
      file.framework.activityPlans[0].activities[0].responsible = ['SOU', 'XYZ'];
      file.framework.indicators[0].values.push({ year: 2031, value: 1 });
      const details = await expectRefused(file, 'framework.activityPlans[0].activities[0].responsible[1]');
      expect(details.length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('a matter reporting on goals', () => {
    let frameworkId: string;
    let matterId: string;

    beforeAll(async () => {
      frameworkId = (await importFile(smallFramework()).expect(200)).body.framework.id;
      const organId = await tenant.organ({ name: 'Utbildningsnämnden' });
      const registry = (await admin.post('/registries', { code: 'UN', name: 'Utbildningsnämndens diarium', organId }).expect(201)).body;
      matterId = (await admin.post('/matters', { registryId: registry.id, title: 'Uppföljning av kommunmålen 2022', organId }).expect(201)).body.id;
    });

    it('links the matter to goals, indicators and a plan, seen from both sides', async () => {
      const nodes = (await admin.get(`/goal-frameworks/${frameworkId}/nodes`).expect(200)).body as { id: string; key: string }[];
      const skola = nodes.find((node) => node.key === 'skola')!;
      const [plan] = (await admin.get(`/goal-frameworks/${frameworkId}/activity-plans`).expect(200)).body;
      await admin.post(`/matters/${matterId}/goal-links`, { nodeId: skola.id, reportKind: 'follow_up' }).expect(201);
      await admin.post(`/matters/${matterId}/goal-links`, { nodeId: skola.id, reportKind: 'follow_up' }).expect(409);
      await admin.post(`/matters/${matterId}/goal-links`, { activityPlanId: plan.id, reportKind: 'follow_up' }).expect(201);
      await admin.post(`/matters/${matterId}/goal-links`, { nodeId: skola.id, activityPlanId: plan.id, reportKind: 'plan' }).expect(400);
      const links = (await admin.get(`/matters/${matterId}/goal-links`).expect(200)).body;
      expect(links.map((link: { targetKind: string; targetTitle: string }) => `${link.targetKind}:${link.targetTitle}`)).toEqual(['node:Fler elever ska nå målen', 'activity_plan:Utbildningsförvaltningens plan 2023']);
      const matters = (await admin.get(`/goal-nodes/${skola.id}/matters`).expect(200)).body;
      expect(matters.map((link: { matterId: string }) => link.matterId)).toEqual([matterId]);
    });

    it('serves chart data with each target evaluated', async () => {
      const indicators = (await admin.get(`/goal-frameworks/${frameworkId}/indicators`).expect(200)).body as { id: string; key: string }[];
      const series = (await admin.get(`/indicators/${indicators.find((indicator) => indicator.key === 'behoriga')!.id}/series`).expect(200)).body;
      expect(series.actuals.map((actual: { year: number; value: number }) => [actual.year, actual.value])).toEqual([
        [2021, 82.5],
        [2022, 84.5],
      ]);
      expect(series.targets.map((target: { year: number; kind: string }) => `${target.year}:${target.kind}`)).toEqual(['2023:relative', '2026:numeric']);
      expect(series.evaluations).toHaveLength(2);
      expect(series.attribution).toBeNull();
      const digital = (await admin.get(`/indicators/${indicators.find((indicator) => indicator.key === 'digital')!.id}/series`).expect(200)).body;
      expect(digital.evaluations[0].outcome).not.toBe('met');
    });

    it('generates the goal reports as documents of the matter, with a chart per indicator', async () => {
      const documents = (await admin.post(`/matters/${matterId}/goal-reports`).expect(201)).body as { id: string; title: string }[];
      expect(documents.map((document) => document.title)).toEqual(['Övergripande kommunmål och resultatmått med målvärden för perioden 2023–2026', 'Utbildningsförvaltningens plan 2023']);
      const overview = await admin.get(`/documents/${documents[0].id}/content`).buffer(true).parse(binaryParser).expect(200);
      const read = await readDocx(overview.body);
      expect(read.text).toContain('Andel elever behöriga till gymnasiet');
      expect(read.text).toContain('84,5');
      expect(read.part('word/document.xml')).toContain('<w:drawing>');
      const again = (await admin.post(`/matters/${matterId}/goal-reports`).expect(201)).body as { id: string }[];
      expect(again.map((document) => document.id)).toEqual(documents.map((document) => document.id));
    });

    it('records an assessment and an activity follow-up; the export carries them and the old file restores the old state', async () => {
      const nodes = (await admin.get(`/goal-frameworks/${frameworkId}/nodes`).expect(200)).body as { id: string; key: string }[];
      const skola = nodes.find((node) => node.key === 'skola')!;
      await admin.post(`/goal-frameworks/${frameworkId}/assessments`, { nodeId: skola.id, year: 2023, state: 'klart' }).expect(400);
      await admin.post(`/goal-frameworks/${frameworkId}/assessments`, { nodeId: skola.id, year: 2040, state: 'implementerat' }).expect(400);
      const assessed = (await admin.post(`/goal-frameworks/${frameworkId}/assessments`, { nodeId: skola.id, year: 2023, state: 'implementerat', comment: 'Införd i alla skolor' }).expect(201)).body;
      expect(assessed).toMatchObject({ state: 'implementerat', assessedBy: expect.stringContaining('@'), assessedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      const [plan] = (await admin.get(`/goal-frameworks/${frameworkId}/activity-plans`).expect(200)).body;
      const [activity] = (await admin.get(`/activity-plans/${plan.id}/activities`).expect(200)).body;
      expect((await admin.patch(`/goal-activities/${activity.id}`, { status: 'done' }).expect(200)).body.status).toBe('done');
      await admin.patch(`/goal-activities/${activity.id}`, { status: 'finished' }).expect(400);

      const evaluation = (await admin.get(`/goal-nodes/${skola.id}/evaluation/2023`).expect(200)).body;
      expect(evaluation.indicators.map((indicator: { name: string }) => indicator.name)).toEqual(['Andel elever behöriga till gymnasiet', 'Behöriga till yrkesprogram', 'Digital lärplattform']);
      expect(evaluation.assessment).toMatchObject({ state: 'implementerat', label: 'Implementerat' });
      // 2023: the relative target has no 2023 value yet, the sub-measure has no 2023 target, the platform is still "delvis".
      expect(evaluation.indicators.map((indicator: { outcome: string }) => indicator.outcome)).toEqual(['no_value', 'no_target', 'not_met']);
      expect(evaluation).toMatchObject({ outcome: 'not_met', outcomeLabel: 'Inte uppfyllt' });
      await admin.get(`/goal-nodes/${skola.id}/evaluation/tjugo`).expect(400);

      const exported = (await admin.get(`/goal-frameworks/${frameworkId}/export`).expect(200)).body;
      expect(exported.framework.assessments).toContainEqual(expect.objectContaining({ node: 'skola', year: 2023, state: 'implementerat', comment: 'Införd i alla skolor' }));
      expect(exported.framework.activityPlans[0].activities[0].status).toBe('done');
      expect((await importFile(exported).expect(200)).body.changed).toBe(false);
      expect((await importFile(smallFramework()).expect(200)).body.changed).toBe(true);
      const restored = (await admin.get(`/goal-frameworks/${frameworkId}/export`).expect(200)).body;
      expect(restored).toEqual(normalizeFrameworkFile(smallFramework()));
    });

    it('imports actual values from Kolada through the job, attributed "Källa: Kolada"', async () => {
      const requested = (await admin.post(`/goal-frameworks/${frameworkId}/kolada-imports`, { years: [2018, 2019, 2020, 2021, 2022] }).expect(201)).body;
      expect(requested.status).toBe('queued');
      const [outbox] = await testApp.dataSource.query(`SELECT id FROM outbox_jobs WHERE idempotency_key = $1`, [`kolada-import:${requested.id}`]);
      // The worker's job, run here against recorded Kolada responses served on loopback.
      expect(await testApp.app.get(KoladaImportService).run(outbox.id, 1, false)).toBe('done');
      const done = (await admin.get(`/kolada-imports/${requested.id}`).expect(200)).body;
      expect(done).toMatchObject({ status: 'done', lastError: null });
      expect(done.missing).toBeGreaterThanOrEqual(1);
      const indicators = (await admin.get(`/goal-frameworks/${frameworkId}/indicators`).expect(200)).body as { id: string; key: string }[];
      const series = (await admin.get(`/indicators/${indicators.find((indicator) => indicator.key === 'behoriga')!.id}/series`).expect(200)).body;
      expect(series.attribution).toBe('Källa: Kolada');
      expect(series.actuals.filter((actual: { source: string | null }) => actual.source === 'Kolada').length).toBeGreaterThanOrEqual(3);
      expect(await testApp.app.get(KoladaImportService).run(outbox.id, 1, false)).toBe('skipped');
    });
  });

  describe('a changed file imported again', () => {
    /** Version 1: two målområden, a sub-measure under "behoriga", and an indicator and a node that version 2 drops. */
    function versionOne(): FrameworkFile {
      const file = smallFramework();
      file.framework.key = 'andra-versionen';
      file.framework.indicatorLevels = [
        { key: 'indikator', name: 'Indikator' },
        { key: 'delmatt', name: 'Delmått' },
      ];
      file.framework.nodes.push({ key: 'omsorg', level: 'mal', parent: 'vision', title: 'En trygg omsorg' });
      file.framework.indicators.push({ key: 'nojdhet', name: 'Nöjdhet med hemtjänsten', unit: '%', direction: 'higher_is_better', nodes: ['omsorg'], values: [{ year: 2022, value: 88 }], targets: [{ year: 2026, kind: 'to_be_set', text: '>Xx %' }] });
      file.framework.assessments.push({ node: 'omsorg', year: 2022, state: 'implementerat' });
      return file;
    }

    /** Version 2: "skola" renamed, "digital" and "omsorg" (with its indicator) gone, "larare" new, and "behoriga-yrke" moved under it. */
    function versionTwo(): FrameworkFile {
      const file = versionOne();
      const f = file.framework;
      f.nodes = f.nodes.filter((node) => node.key !== 'omsorg');
      f.nodes[1].title = 'Alla elever ska nå målen';
      f.assessments = f.assessments.filter((assessment) => assessment.node !== 'omsorg');
      f.indicators = f.indicators.filter((indicator) => indicator.key !== 'digital' && indicator.key !== 'nojdhet');
      f.indicators.push({ key: 'larare', name: 'Andel behöriga lärare', unit: '%', direction: 'higher_is_better', decimals: 1, nodes: ['skola'], values: [{ year: 2022, value: 71.4, bound: '>=' }], targets: [{ year: 2026, kind: 'numeric', value: 80 }] });
      f.indicators.find((indicator) => indicator.key === 'behoriga-yrke')!.parent = 'larare';
      f.indicators.find((indicator) => indicator.key === 'behoriga')!.values[1].value = 85.1;
      return file;
    }

    it('keeps the ids of nodes and indicators whose keys remain, and the matters’ links to them; the export equals the new file', async () => {
      const first = (await importFile(versionOne()).expect(200)).body;
      const idsOf = async (list: 'nodes' | 'indicators') =>
        new Map(((await admin.get(`/goal-frameworks/${first.framework.id}/${list}`).expect(200)).body as { id: string; key: string }[]).map((row) => [row.key, row.id]));
      const nodesBefore = await idsOf('nodes');
      const indicatorsBefore = await idsOf('indicators');
      const organId = await tenant.organ({ name: 'Barn- och utbildningsnämnden' });
      const registry = (await admin.post('/registries', { code: 'BUN', name: 'Barn- och utbildningsnämndens diarium', organId }).expect(201)).body;
      const matterId = (await admin.post('/matters', { registryId: registry.id, title: 'Målen för skolan 2023', organId }).expect(201)).body.id;
      await admin.post(`/matters/${matterId}/goal-links`, { nodeId: nodesBefore.get('skola'), reportKind: 'plan' }).expect(201);
      await admin.post(`/matters/${matterId}/goal-links`, { indicatorId: indicatorsBefore.get('behoriga-yrke'), reportKind: 'plan' }).expect(201);

      const second = (await importFile(versionTwo()).expect(200)).body;
      expect(second).toMatchObject({ changed: true, framework: { id: first.framework.id } });
      const nodesAfter = await idsOf('nodes');
      const indicatorsAfter = await idsOf('indicators');
      expect([...nodesAfter.keys()]).toEqual(['vision', 'skola']);
      expect(nodesAfter.get('vision')).toBe(nodesBefore.get('vision'));
      expect(nodesAfter.get('skola')).toBe(nodesBefore.get('skola'));
      expect([...indicatorsAfter.keys()]).toEqual(['behoriga', 'behoriga-yrke', 'larare']);
      for (const key of ['behoriga', 'behoriga-yrke']) expect(indicatorsAfter.get(key)).toBe(indicatorsBefore.get(key));
      expect([...indicatorsBefore.values()]).not.toContain(indicatorsAfter.get('larare'));
      const [gone] = await testApp.dataSource.query(
        `SELECT (SELECT count(*) FROM indicator_values WHERE indicator_id = ANY($1)) AS "values", (SELECT count(*) FROM goal_assessments WHERE node_id = $2) AS assessments`,
        [[indicatorsBefore.get('digital'), indicatorsBefore.get('nojdhet')], nodesBefore.get('omsorg')],
      );
      expect(gone).toEqual({ values: '0', assessments: '0' });

      const links = (await admin.get(`/matters/${matterId}/goal-links`).expect(200)).body;
      expect(links.map((link: { targetKind: string; targetTitle: string }) => `${link.targetKind}:${link.targetTitle}`)).toEqual(['node:Alla elever ska nå målen', 'indicator:Behöriga till yrkesprogram']);
      const exported = (await admin.get(`/goal-frameworks/${first.framework.id}/export`).expect(200)).body;
      expect(exported).toEqual(normalizeFrameworkFile(versionTwo()));
      expect((await importFile(versionTwo()).expect(200)).body.changed).toBe(false);
    });
  });
});
