import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc, { Arbitrary } from 'fast-check';
import { createTenant, Tenant } from './factories/tenant.factory';
import { meetingWorld } from './support/meeting-fixture';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Every operation of the committed OpenAPI document, sent valid and mutated requests as an admin and
 * as a nämndsekreterare: none may answer 5xx, and none that is refused may leave a row behind.
 * Seeded: TEST_FUZZ_SEED=<n> repeats a run; TEST_FUZZ_BUDGET_MS bounds the rounds after the first.
 */
const SEED = Number(process.env.TEST_FUZZ_SEED ?? 20261203);
const ROUNDS = 4;
/** The time the later rounds may take; the first round always runs whole. */
const BUDGET_MS = Number(process.env.TEST_FUZZ_BUDGET_MS ?? 40_000);

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const document = JSON.parse(readFileSync(join(__dirname, '..', 'apps', 'api', 'openapi.json'), 'utf8')) as OpenApi;

const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(document.components.schemas[schema.$ref.split('/').pop()!]) : schema);

/** Values that have broken servers: text PostgreSQL refuses, numbers beyond its integers, nesting, size, wrong types. */
const HOSTILE: Arbitrary<unknown> = fc.constantFrom<unknown>(
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  1e20,
  99999999999,
  -99999999999,
  -1,
  0,
  1.5,
  '',
  'x'.repeat(5_000),
  JSON.parse('['.repeat(70) + ']'.repeat(70)),
  {},
  [],
  null,
  true,
  '2026-02-30',
  'SUN 2026/1-99999999999',
  '../../etc/passwd',
);

function valid(schema: Schema, ids: string[], depth = 0): Arbitrary<unknown> {
  const resolved = resolve(schema);
  const variant = resolved.allOf?.[0] ?? resolved.oneOf?.[0] ?? resolved.anyOf?.[0];
  if (variant) return valid(variant, ids, depth);
  const value = ((): Arbitrary<unknown> => {
    if (resolved.enum) return fc.constantFrom(...resolved.enum);
    switch (resolved.type) {
      case 'integer':
        return fc.integer({ min: Math.max(resolved.minimum ?? -10, -1e6), max: Math.min(resolved.maximum ?? 3000, 1e6) });
      case 'number':
        return fc.double({ min: resolved.minimum ?? -1000, max: resolved.maximum ?? 1000, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 4 ? fc.constant([]) : fc.array(valid(resolved.items ?? {}, ids, depth + 1), { maxLength: 3 });
      case 'object':
      case undefined:
        if (!resolved.properties) return fc.constant({});
        if (depth > 4) return fc.constant({});
        return fc.record(Object.fromEntries(Object.entries(resolved.properties).map(([key, property]) => [key, valid(property, ids, depth + 1)])), {
          requiredKeys: resolved.required ?? [],
        });
      default:
        return text(resolved, ids);
    }
  })();
  return resolved.nullable ? fc.oneof(value, fc.constant(null)) : value;
}

function text(schema: Schema, ids: string[]): Arbitrary<unknown> {
  switch (schema.format) {
    case 'uuid':
      return fc.constantFrom(...ids);
    case 'date':
      return fc.constantFrom('2026-03-01', '2025-12-31', '2027-06-15');
    case 'date-time':
      return fc.constantFrom('2027-03-01T14:00:00+01:00', '2026-12-31T08:00:00Z');
    case 'email':
      return fc.constantFrom('anna@example.se', 'x@y.z');
    default:
      return fc.oneof(fc.constantFrom('Sammanträde', 'SUN', 'Å'), fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 40, 40), unit: 'grapheme' }));
  }
}

/** encodeURIComponent refuses a lone surrogate; it is sent as the raw bytes a client would send. */
function encode(value: unknown): string {
  const asText = typeof value === 'object' ? JSON.stringify(value) : String(value);
  try {
    return encodeURIComponent(asText);
  } catch {
    return '%ED%A0%80';
  }
}

interface Sample {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/** Hostile values aimed at a field of the given type: what PostgreSQL cannot store or hold, and the wrong type. */
const HOSTILE_FOR: Record<'string' | 'number', unknown[]> = {
  string: ['a\u0000b', '\ud800', 'x\udc00y', 'x'.repeat(5_000), 99999999999, null, ['x']],
  number: [1e20, 99999999999, -99999999999, 1.5, -1, 'abc', null],
};

type Slot = { where: 'path' | 'query' | 'body'; key: string; type: 'string' | 'number' };

type Mutation = { kind: 'none' } | { kind: 'field'; slot: number; value: number } | { kind: 'remove' | 'extra'; slot: number } | { kind: 'whole'; value: unknown };

/** One request in four is valid by the schemas; most others carry one hostile value in one field, aimed at its type. */
const MUTATION: Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('field' as const), slot: fc.nat(), value: fc.nat() }) },
  { weight: 1, arbitrary: fc.oneof(fc.record({ kind: fc.constantFrom('remove' as const, 'extra' as const), slot: fc.nat() }), fc.record({ kind: fc.constant('whole' as const), value: HOSTILE })) },
);

function fieldType(schema: Schema | undefined): 'string' | 'number' {
  const type = schema ? resolve(schema).type : undefined;
  return type === 'integer' || type === 'number' ? 'number' : 'string';
}

function mutate(sample: Sample, slots: Slot[], mutation: Mutation): Sample {
  if (mutation.kind === 'none') return sample;
  if (mutation.kind === 'whole') return { ...sample, body: mutation.value };
  const slot = slots.length ? slots[mutation.slot % slots.length] : { where: 'query' as const, key: 'unexpectedField', type: 'string' as const };
  const copy: Sample = { path: { ...sample.path }, query: { ...sample.query }, body: typeof sample.body === 'object' && sample.body !== null && !Array.isArray(sample.body) ? { ...sample.body } : sample.body };
  const target = (slot.where === 'body' ? copy.body : copy[slot.where]) as Record<string, unknown> | undefined;
  if (typeof target !== 'object' || target === null) return { ...copy, body: 'a\u0000b' };
  if (mutation.kind === 'field') {
    const values = HOSTILE_FOR[slot.type];
    target[slot.key] = values[mutation.value % values.length];
  } else if (mutation.kind === 'remove') {
    // A path parameter cannot be left out; it is sent empty.
    if (slot.where === 'path') target[slot.key] = '';
    else delete target[slot.key];
  } else if (slot.where !== 'path') {
    target.unexpectedField = 'a\u0000b';
  }
  return copy;
}

function requests(operation: Operation, ids: string[]): Arbitrary<Sample> {
  const parameters = operation.parameters ?? [];
  const inPath = parameters.filter((parameter) => parameter.in === 'path');
  const inQuery = parameters.filter((parameter) => parameter.in === 'query');
  const json = operation.requestBody?.content['application/json']?.schema;
  const pathValue = (parameter: Parameter) => (parameter.name === 'year' ? fc.integer({ min: 2020, max: 2030 }) : fc.constantFrom(...ids));
  const slots: Slot[] = [
    ...inPath.map((parameter) => ({ where: 'path' as const, key: parameter.name, type: fieldType(parameter.schema) })),
    ...inQuery.map((parameter) => ({ where: 'query' as const, key: parameter.name, type: fieldType(parameter.schema) })),
    ...Object.entries((json && resolve(json).properties) ?? {}).map(([key, property]) => ({ where: 'body' as const, key, type: fieldType(property) })),
  ];
  const validSample = fc.record({
    path: fc.record(Object.fromEntries(inPath.map((parameter) => [parameter.name, pathValue(parameter)]))),
    query: fc.record(Object.fromEntries(inQuery.map((parameter) => [parameter.name, valid(parameter.schema ?? {}, ids)])), { requiredKeys: [] }),
    body: json ? valid(json, ids) : fc.constant(undefined),
  });
  return fc.tuple(validSample, MUTATION).map(([sample, mutation]) => mutate(sample, slots, mutation));
}

function url(template: string, sample: Sample): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encode(sample.path[name]));
  const query = Object.entries(sample.query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encode(value)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

describe('fuzz: every operation of the OpenAPI document', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let tokens: Record<'admin' | 'secretary', string>;
  let ids: string[];
  let countRows: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp, 'Fuzzkommun');
    const world = await meetingWorld(testApp, tenant);
    const { matterId, reportId } = await world.signedMatter('Ärende att pröva');
    const meetingId = await world.meeting('2027-03-01T14:00:00+01:00', '2027-03-01T16:00:00+01:00');
    tokens = {
      admin: (await tenant.user([{ role: 'admin' }])).token,
      secretary: (await tenant.user([{ role: 'secretary', organId: world.organId }])).token,
    };
    ids = [world.organId, world.registryId, matterId, reportId, meetingId, tenant.departmentId, tenant.termId, world.people.anna.personId, randomUUID()];
    const tables: { name: string }[] = await testApp.dataSource.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1",
    );
    const sql = tables.map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS n FROM "${name}"`).join(' UNION ALL ');
    countRows = async () => Object.fromEntries(((await testApp.dataSource.query(sql)) as { name: string; n: number }[]).map((row) => [row.name, row.n]));
  }, 60_000);

  afterAll(() => testApp.close());

  it(
    'answers no request with 5xx and leaves no row behind a refused one',
    async () => {
      const operations = Object.entries(document.paths)
        .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })))
        // Deletes last, so the fixture the other operations address stays in place as long as it can.
        .sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
      const roles = ['admin', 'secretary'] as const;
      const plan = operations.flatMap(({ path, method, operation }, index) =>
        roles.map((role, roleIndex) => ({ path, method, role, samples: fc.sample(requests(operation, ids), { seed: SEED + index * 2 + roleIndex, numRuns: ROUNDS }) })),
      );
      const failures: string[] = [];
      const deadline = Date.now() + BUDGET_MS;
      // Round by round, so every operation is tried once however slow the machine, and later rounds go as far as the budget allows.
      for (let round = 0; round < ROUNDS && (round === 0 || Date.now() < deadline); round += 1) {
        for (const { path, method, role, samples } of plan) {
          const sample = samples[round];
          const target = url(path, sample);
          // A read changes no rows whatever it is sent; counting only around writes keeps the run short.
          const before = method === 'get' ? null : await countRows();
          let call = testApp
            .http()
            [method as 'get' | 'post' | 'put' | 'patch' | 'delete'](target)
            .set('Authorization', `Bearer ${tokens[role]}`);
          if (sample.body !== undefined && method !== 'get') call = call.set('Content-Type', 'application/json').send(JSON.stringify(sample.body));
          const response = await call;
          const what = `${method.toUpperCase()} ${target.slice(0, 200)} as ${role} with ${JSON.stringify(sample.body)?.slice(0, 300)}`;
          if (response.status >= 500) failures.push(`${response.status} for ${what}`);
          if (before && response.status >= 400 && response.status < 500) {
            const after = await countRows();
            const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
            if (changed.length > 0) failures.push(`${response.status} left rows in ${changed.join(', ')} for ${what}`);
          }
        }
      }
      if (failures.length > 0) throw new Error(`TEST_FUZZ_SEED=${SEED}: ${failures.length} failures\n${failures.join('\n')}`);
    },
    120_000,
  );
});
