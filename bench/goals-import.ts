import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { PoolClient } from 'pg';
import { FrameworkFile, frameworkToWorkbook, normalizedFileHash, normalizeFrameworkFile, quantityRange, validateFrameworkFile, workbookToFramework, XLSX_MEDIA_TYPE } from '@namndrum/goals';
import { startBench, timed } from './harness';
import { largeFramework } from './large-goal-framework';

const INDICATORS = Number(process.env.BENCH_INDICATORS || 10_000);
const FIRST_TARGET_MS = 10_000;
const UNCHANGED_TARGET_MS = 2_000;
const DEPARTMENTS = ['KSF', 'SOU', 'VOO', 'SBF', 'KFF', 'MHF'];

type Row = Record<string, unknown>;

/** The path of the first place where two JSON values differ, or null when they are equal. */
function firstDifference(actual: unknown, expected: unknown, path: string): string | null {
  if (isDeepStrictEqual(actual, expected)) return null;
  if (actual === null || expected === null || typeof actual !== 'object' || typeof expected !== 'object') return `${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`;
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const key of keys) {
    const difference = firstDifference((actual as Row)[key], (expected as Row)[key], `${path}/${key}`);
    if (difference !== null) return difference;
  }
  return `${path}: the same keys, in another order`;
}

/**
 * The floor: the same rows written by one INSERT per table, each reading all its rows from one jsonb
 * parameter, ids made here, in one transaction (pg-copy-streams is not installed, so no COPY). It stores
 * the framework a second time under another key; building the rows and their JSON is not timed, sending and writing them is.
 */
async function floor(client: PoolClient, municipalityId: string, departmentIds: Map<string, string>, file: FrameworkFile): Promise<number> {
  const f = file.framework;
  const frameworkId = randomUUID();
  const nodeIds = new Map(f.nodes.map((node) => [node.key, randomUUID()]));
  const indicatorIds = new Map(f.indicators.map((indicator) => [indicator.key, randomUUID()]));
  const planIds = new Map(f.activityPlans.map((plan) => [plan.key, randomUUID()]));
  const tables: { table: string; columns: string; rows: Row[] }[] = [
    {
      table: 'goal_nodes',
      columns: 'id uuid, framework_id uuid, key text, level text, parent_id uuid, title text, description text, position integer, external_refs text[], ordinal integer',
      rows: f.nodes.map((node, ordinal) => ({ id: nodeIds.get(node.key), framework_id: frameworkId, key: node.key, level: node.level, parent_id: node.parent ? nodeIds.get(node.parent) : null, title: node.title, description: node.description, position: node.position, external_refs: node.externalRefs, ordinal })),
    },
    {
      table: 'indicators',
      columns: 'id uuid, framework_id uuid, key text, name text, unit text, direction text, decimals smallint, description text, parent_id uuid, scale text, kolada_kpi text, source text, footnotes text[], ordinal integer',
      rows: f.indicators.map((indicator, ordinal) => ({
        id: indicatorIds.get(indicator.key),
        framework_id: frameworkId,
        key: indicator.key,
        name: indicator.name,
        unit: indicator.unit,
        direction: indicator.direction,
        decimals: indicator.decimals,
        description: indicator.description,
        parent_id: indicator.parent ? indicatorIds.get(indicator.parent) : null,
        scale: indicator.scale,
        kolada_kpi: indicator.koladaKpi,
        source: indicator.source,
        footnotes: indicator.footnotes,
        ordinal,
      })),
    },
    {
      table: 'indicator_nodes',
      columns: 'indicator_id uuid, node_id uuid',
      rows: f.indicators.flatMap((indicator) => (indicator.nodes ?? []).map((node) => ({ indicator_id: indicatorIds.get(indicator.key), node_id: nodeIds.get(node) }))),
    },
    {
      table: 'indicator_values',
      columns: 'indicator_id uuid, year integer, as_of date, note text, value double precision, bound text, state text, preliminary boolean, footnotes text[], source text, ordinal integer',
      rows: f.indicators.flatMap((indicator) => indicator.values.map((value, ordinal) => ({ indicator_id: indicatorIds.get(indicator.key), ...value, as_of: value.asOf, ordinal }))),
    },
    {
      table: 'indicator_targets',
      columns: 'indicator_id uuid, year integer, kind text, comparator text, value double precision, relative_to_year integer, state text, target_text text, note text, footnotes text[], ordinal integer',
      rows: f.indicators.flatMap((indicator) =>
        indicator.targets.map((target, ordinal) => ({
          indicator_id: indicatorIds.get(indicator.key),
          ...target,
          relative_to_year: target.kind === 'relative' ? target.relativeToYear : null,
          target_text: target.kind === 'to_be_set' ? target.text : null,
          ordinal,
        })),
      ),
    },
    {
      table: 'goal_assessments',
      columns: 'framework_id uuid, node_id uuid, indicator_id uuid, year integer, state text, comment text, assessed_by text, assessed_on date, ordinal integer',
      rows: f.assessments.map((assessment, ordinal) => ({
        framework_id: frameworkId,
        node_id: assessment.node ? nodeIds.get(assessment.node) : null,
        indicator_id: assessment.indicator ? indicatorIds.get(assessment.indicator) : null,
        ...assessment,
        assessed_by: assessment.assessedBy,
        assessed_on: assessment.assessedOn,
        ordinal,
      })),
    },
    {
      table: 'activity_plans',
      columns: 'id uuid, framework_id uuid, key text, department_id uuid, year integer, title text, ordinal integer',
      rows: f.activityPlans.map((plan, ordinal) => ({ id: planIds.get(plan.key), framework_id: frameworkId, key: plan.key, department_id: departmentIds.get(plan.department), year: plan.year, title: plan.title, ordinal })),
    },
    {
      table: 'goal_activities',
      columns:
        'plan_id uuid, number integer, text text, quantity text, quantity_min double precision, quantity_max double precision, unit text, responsible text[], responsible_department_ids uuid[], unit_of_work text, comment text, node_id uuid, indicator_id uuid, status text',
      rows: f.activityPlans.flatMap((plan) =>
        plan.activities.map((activity) => ({
          plan_id: planIds.get(plan.key),
          ...activity,
          quantity_min: quantityRange(activity.quantity ?? null)?.[0] ?? null,
          quantity_max: quantityRange(activity.quantity ?? null)?.[1] ?? null,
          responsible_department_ids: activity.responsible.map((code) => departmentIds.get(code)),
          unit_of_work: activity.unitOfWork,
          node_id: activity.node ? nodeIds.get(activity.node) : null,
          indicator_id: activity.indicator ? indicatorIds.get(activity.indicator) : null,
        })),
      ),
    },
  ];
  const statements = tables.map(({ table, columns, rows }) => {
    const names = columns.split(', ').map((column) => column.split(' ')[0]);
    // indicator_nodes is a join table without a tenant column.
    const tenant = table !== 'indicator_nodes';
    const into = [...(tenant ? ['municipality_id'] : []), ...names].join(', ');
    const select = [...(tenant ? ['$2::uuid'] : []), ...names.map((name) => `r.${name}`)].join(', ');
    return { sql: `INSERT INTO ${table} (${into}) SELECT ${select} FROM jsonb_to_recordset($1::jsonb) AS r(${columns})`, params: [JSON.stringify(rows), ...(tenant ? [municipalityId] : [])] };
  });
  const framework = [municipalityId, frameworkId, `${f.key}-golv`, f.name, f.fromYear, f.toYear, JSON.stringify(f.levels), JSON.stringify(f.scales), JSON.stringify(f.footnotes), 'floor'];
  return timed(async () => {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO goal_frameworks (municipality_id, id, key, name, from_year, to_year, levels, scales, footnotes, content_sha256) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10)`,
      framework,
    );
    for (const statement of statements) await client.query(statement.sql, statement.params);
    await client.query('COMMIT');
  });
}

/**
 * A framework of 10,000 indicators (about 9 MB of JSON) imported through the API as an administrator uploads it:
 * the first time, the same file again (nothing changed), and once with every value changed (every row updated in
 * place), and the same framework as an Excel workbook, first time and unchanged; beside the floor of writing the same
 * rows with one INSERT per table. Also times the steps before
 * the database in this process (validation, normalization, hash), and checks that the export equals the file.
 */
async function main(): Promise<void> {
  const bench = await startBench('goals_import', { role: 'admin' });
  try {
    for (const code of DEPARTMENTS) {
      const created = await bench.api.post('/api/v1/departments', { name: `Förvaltning ${code}`, shortCode: code, kind: 'administration' });
      if (created.status !== 201) throw new Error(`Creating the department ${code}: ${created.status} ${created.body}`);
    }
    const file = largeFramework(INDICATORS, DEPARTMENTS);
    const json = JSON.stringify(file);
    const jsonBytes = Buffer.byteLength(json);

    const validateMs = await timed(async () => {
      const result = validateFrameworkFile(JSON.parse(json), { departments: DEPARTMENTS });
      if (!result.ok) throw new Error(`The generated framework is invalid: ${JSON.stringify(result.errors.slice(0, 5))}`);
    });
    let normalized = file;
    const normalizeMs = await timed(async () => (normalized = normalizeFrameworkFile(file)));
    const hashMs = await timed(async () => normalizedFileHash(normalized));

    const importFile = async (body: string) => {
      const response = await bench.api.post('/api/v1/goal-frameworks/import', body);
      if (response.status !== 200) throw new Error(`Import answered ${response.status}: ${response.body.slice(0, 2000)}`);
      return JSON.parse(response.body) as { changed: boolean; framework: { id: string } };
    };
    let first!: { changed: boolean; framework: { id: string } };
    const firstImportMs = await timed(async () => (first = await importFile(json)));
    let unchanged!: { changed: boolean };
    const unchangedImportMs = await timed(async () => (unchanged = await importFile(json)));
    if (!first.changed || unchanged.changed) throw new Error(`Expected changed true then false, got ${first.changed}, ${unchanged.changed}`);

    const changedFile = structuredClone(file);
    for (const indicator of changedFile.framework.indicators) for (const value of indicator.values) if (typeof value.value === 'number') value.value += 1;
    const changedJson = JSON.stringify(changedFile);
    const changedImportMs = await timed(async () => importFile(changedJson));

    let exported = '';
    const exportMs = await timed(async () => (exported = (await bench.api.get(`/api/v1/goal-frameworks/${first.framework.id}/export`)).body));
    const difference = firstDifference(JSON.parse(exported), normalizeFrameworkFile(changedFile), '');
    if (difference !== null) throw new Error(`The export differs from the imported file at ${difference}`);

    const departmentIds = new Map(((await bench.pool.query(`SELECT short_code, id FROM departments WHERE municipality_id = $1`, [bench.municipalityId])).rows as { short_code: string; id: string }[]).map((row) => [row.short_code, row.id]));
    const client = await bench.pool.connect();
    const floorMs = await floor(client, bench.municipalityId, departmentIds, normalizeFrameworkFile(file)).finally(() => client.release());

    // The same framework as the workbook a controller keeps, under a key of its own so that its first import is a first.
    const workbookFile = structuredClone(file);
    workbookFile.framework.key = `${file.framework.key}-xlsx`;
    const workbook = await frameworkToWorkbook(workbookFile);
    const xlsxReadMs = await timed(async () => {
      const read = await workbookToFramework(workbook);
      if (!read.ok) throw new Error(`The workbook does not read back: ${JSON.stringify(read.errors.slice(0, 5))}`);
    });
    const importWorkbook = async () => {
      const response = await bench.api.upload('/api/v1/goal-frameworks/import.xlsx', { name: 'styrmodell.xlsx', mediaType: XLSX_MEDIA_TYPE, content: workbook });
      if (response.status !== 200) throw new Error(`The workbook import answered ${response.status}: ${response.body.slice(0, 2000)}`);
      return JSON.parse(response.body) as { changed: boolean };
    };
    let firstWorkbook!: { changed: boolean };
    const xlsxFirstImportMs = await timed(async () => (firstWorkbook = await importWorkbook()));
    let unchangedWorkbook!: { changed: boolean };
    const xlsxUnchangedImportMs = await timed(async () => (unchangedWorkbook = await importWorkbook()));
    if (!firstWorkbook.changed || unchangedWorkbook.changed) throw new Error(`Expected the workbook changed true then false, got ${firstWorkbook.changed}, ${unchangedWorkbook.changed}`);
    // Saved again in a spreadsheet program: the same content in other bytes, which the import must read to know.
    const resaved = await frameworkToWorkbook(normalizeFrameworkFile(workbookFile));
    if (resaved.equals(workbook)) throw new Error('The workbook written again has the same bytes: it would not be read');
    let resavedResult!: { changed: boolean };
    const xlsxResavedImportMs = await timed(async () => {
      const response = await bench.api.upload('/api/v1/goal-frameworks/import.xlsx', { name: 'styrmodell.xlsx', mediaType: XLSX_MEDIA_TYPE, content: resaved });
      if (response.status !== 200) throw new Error(`The resaved workbook import answered ${response.status}: ${response.body.slice(0, 2000)}`);
      resavedResult = JSON.parse(response.body) as { changed: boolean };
    });
    if (resavedResult.changed) throw new Error('The resaved workbook changed the framework');

    const round = (ms: number) => Math.round(ms);
    const result = {
      bench: 'goals-import',
      indicators: INDICATORS,
      values: file.framework.indicators.reduce((sum, indicator) => sum + indicator.values.length, 0),
      targets: file.framework.indicators.reduce((sum, indicator) => sum + indicator.targets.length, 0),
      nodes: file.framework.nodes.length,
      jsonBytes,
      firstImportMs: round(firstImportMs),
      unchangedImportMs: round(unchangedImportMs),
      changedImportMs: round(changedImportMs),
      exportMs: round(exportMs),
      validateMs: round(validateMs),
      normalizeMs: round(normalizeMs),
      hashMs: round(hashMs),
      xlsxBytes: workbook.length,
      xlsxFirstImportMs: round(xlsxFirstImportMs),
      xlsxUnchangedImportMs: round(xlsxUnchangedImportMs),
      xlsxResavedUnchangedImportMs: round(xlsxResavedImportMs),
      xlsxReadMs: round(xlsxReadMs),
      floorMs: round(floorMs),
      floor: 'one INSERT … SELECT FROM jsonb_to_recordset per table (no pg-copy-streams)',
      ratio: Math.round((firstImportMs / floorMs) * 100) / 100,
      firstTargetMs: FIRST_TARGET_MS,
      unchangedTargetMs: UNCHANGED_TARGET_MS,
    };
    process.stdout.write(`Goal framework of ${result.indicators} indicators, ${result.values} values, ${result.targets} targets, ${result.nodes} nodes: ${(jsonBytes / 1e6).toFixed(1)} MB of JSON\n`);
    process.stdout.write(`first import ${result.firstImportMs} ms (target ${FIRST_TARGET_MS} ms), unchanged ${result.unchangedImportMs} ms (target ${UNCHANGED_TARGET_MS} ms), every value changed ${result.changedImportMs} ms, export ${result.exportMs} ms\n`);
    process.stdout.write(`in this process: validation ${result.validateMs} ms, normalization ${result.normalizeMs} ms, hash ${result.hashMs} ms\n`);
    process.stdout.write(`as an Excel workbook (${(workbook.length / 1e6).toFixed(1)} MB): first import ${result.xlsxFirstImportMs} ms, the same file again ${result.xlsxUnchangedImportMs} ms, the same content saved again ${result.xlsxResavedUnchangedImportMs} ms (reading it ${result.xlsxReadMs} ms)\n`);
    process.stdout.write(`floor, the same rows by one INSERT per table: ${result.floorMs} ms, ratio ${result.ratio}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
