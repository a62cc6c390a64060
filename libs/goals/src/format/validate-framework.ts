/**
 * Validates a goal framework file (see framework-file.ts) before it is imported: first against the JSON
 * Schema, then against the rules a schema cannot express (keys that must exist, unique keys, years within
 * the framework's period, a tree without cycles, states of the right scale, known departments).
 *
 * Pure: no Nest, no database. The caller supplies what the municipality knows (its department codes).
 * Every error carries a path into the document ("framework.indicators[0].targets[1].value") and a Swedish
 * message, because both are shown to the person who uploaded the file.
 */
import { Ajv, type ErrorObject } from 'ajv';
import schemaDocument from '../../schema/goal-framework.schema.json';
import type { FrameworkFile } from './framework-file';

export interface FrameworkError {
  /** Where in the document, dot + [index] from the document root ("framework.nodes[3].parent"); "" is the document itself. */
  path: string;
  /** Swedish, for the user. */
  message: string;
}

export interface ValidationContext {
  /** Short codes of the departments and companies that exist in the municipality, e.g. ['SOU', 'KSF']. */
  departments: string[];
}

export type FrameworkValidationResult = { ok: true; file: FrameworkFile } | { ok: false; errors: FrameworkError[] };

type Framework = FrameworkFile['framework'];
type Indicator = Framework['indicators'][number];
type JsonObject = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------------
// Schema stage
// ---------------------------------------------------------------------------------------------------------

function schemaChild(node: unknown, ...keys: string[]): JsonObject {
  let current = node;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') break;
    current = (current as JsonObject)[key];
  }
  // The schema file is ours; if its shape changes under this code we want to know at load, not guess.
  if (current === null || typeof current !== 'object' || Array.isArray(current)) {
    throw new Error(`goal-framework.schema.json: hittar inte ${keys.join('/')}`);
  }
  return current as JsonObject;
}

/**
 * The schema as compiled here: the file's own schema, except that a target's `oneOf` becomes one `if kind = …
 * then <that variant>` per variant. The variants are told apart by their `kind` constant alone, so this
 * accepts exactly what the oneOf accepts; but a plain oneOf reports every variant's complaints (three
 * messages, two of them about variants the author never meant), while this reports only the variant the
 * target's `kind` names, or that `kind` itself is missing or unknown.
 */
function withDiscriminatedTargets(source: unknown): JsonObject {
  const schema = structuredClone(source) as JsonObject;
  const targets = schemaChild(schema, 'properties', 'framework', 'properties', 'indicators', 'items', 'properties', 'targets');
  const variants = schemaChild(targets, 'items').oneOf;
  if (!Array.isArray(variants) || variants.length === 0) throw new Error('goal-framework.schema.json: targets.items.oneOf saknas');
  const kinds = variants.map((variant) => {
    const kind = schemaChild(variant, 'properties', 'kind').const;
    if (typeof kind !== 'string') throw new Error('goal-framework.schema.json: en måltyp saknar kind.const');
    return kind;
  });
  targets.items = {
    type: 'object',
    required: ['kind'],
    properties: { kind: { enum: kinds } },
    // `type: 'object'` in the condition: `required` holds vacuously for a non-object, which would apply every
    // variant to it; the outer `type` already says what is wrong with a non-object.
    allOf: variants.map((variant: unknown, i) => ({ if: { type: 'object', required: ['kind'], properties: { kind: { const: kinds[i] } } }, then: variant })),
  };
  return schema;
}

// Compiled once at load: compiling is the expensive part, and ajv refuses a second schema with the same $id.
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile<FrameworkFile>(withDiscriminatedTargets(schemaDocument));

function appendProperty(path: string, name: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(name)) return path === '' ? name : `${path}.${name}`;
  return `${path}[${JSON.stringify(name)}]`;
}

/**
 * "/framework/indicators/0/targets/1" → "framework.indicators[0].targets[1]". Walks the data alongside, so
 * that a numeric segment becomes [n] only inside an array, and an object's unknown property named "0" stays
 * a property.
 */
function toPath(instancePath: string, data: unknown, extraProperty?: string): string {
  const segments = instancePath === '' ? [] : instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = '';
  let current: unknown = data;
  for (const segment of segments) {
    path = Array.isArray(current) && /^\d+$/.test(segment) ? `${path}[${segment}]` : appendProperty(path, segment);
    current = current !== null && typeof current === 'object' ? (current as JsonObject)[segment] : undefined;
  }
  return extraProperty === undefined ? path : appendProperty(path, extraProperty);
}

const TYPE_NAMES: Record<string, string> = {
  number: 'ett tal',
  integer: 'ett heltal',
  string: 'en text',
  boolean: 'true eller false',
  object: 'ett objekt',
  array: 'en lista',
  null: 'null',
};

const KEY_PATTERN = '^[a-z0-9][a-z0-9._-]*$';
// Keyed by the schema's own patterns, so a user reads what is expected instead of a regular expression.
const PATTERN_MESSAGES: Record<string, string> = {
  [KEY_PATTERN]: 'får bara innehålla gemena a–z, siffror, punkt, bindestreck och understreck, och måste börja med en bokstav eller siffra',
  '^\\d{4}-\\d{2}-\\d{2}$': 'måste vara ett datum på formen ÅÅÅÅ-MM-DD',
  '^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9/-]{0,15}$': 'måste vara en kortkod för en förvaltning eller ett bolag med versaler, t.ex. "SOU"',
  '^[A-Z][0-9]{5}$': 'måste vara ett Kolada-id, t.ex. "N15419"',
  '^\\d+(?:[.,]\\d+)?(?:\\s*-\\s*\\d+(?:[.,]\\d+)?)?$': 'måste vara ett antal eller ett intervall, t.ex. "10" eller "50-75"',
};

function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function schemaErrorToFrameworkError(error: ErrorObject, data: unknown): FrameworkError | null {
  const params = error.params as JsonObject;
  const at = (extra?: string) => toPath(error.instancePath, data, extra);
  switch (error.keyword) {
    case 'required':
      return { path: at(String(params.missingProperty)), message: 'saknas' };
    case 'additionalProperties':
      return { path: at(String(params.additionalProperty)), message: 'okänt fält' };
    case 'type': {
      const types = Array.isArray(params.type) ? params.type.map(String) : String(params.type).split(',');
      return { path: at(), message: `måste vara ${types.map((t) => TYPE_NAMES[t] ?? t).join(' eller ')}` };
    }
    case 'enum':
      return { path: at(), message: `måste vara ett av: ${(params.allowedValues as unknown[]).map(showValue).join(', ')}` };
    case 'const':
      return { path: at(), message: `måste vara ${JSON.stringify(params.allowedValue)}` };
    case 'minimum':
      return { path: at(), message: `måste vara minst ${String(params.limit)}` };
    case 'maximum':
      return { path: at(), message: `får vara högst ${String(params.limit)}` };
    case 'exclusiveMinimum':
      return { path: at(), message: `måste vara större än ${String(params.limit)}` };
    case 'exclusiveMaximum':
      return { path: at(), message: `måste vara mindre än ${String(params.limit)}` };
    case 'minLength':
      return { path: at(), message: params.limit === 1 ? 'får inte vara tomt' : `måste vara minst ${String(params.limit)} tecken` };
    case 'maxLength':
      return { path: at(), message: `får vara högst ${String(params.limit)} tecken` };
    case 'minItems':
      return { path: at(), message: params.limit === 1 ? 'måste innehålla minst en post' : `måste innehålla minst ${String(params.limit)} poster` };
    case 'maxItems':
      return { path: at(), message: `får innehålla högst ${String(params.limit)} poster` };
    case 'uniqueItems': {
      // Point at the later item, as for duplicate keys. ajv's i/j order depends on the item type, so sort them.
      const [first, later] = [Number(params.i), Number(params.j)].sort((a, b) => a - b);
      return { path: `${at()}[${later}]`, message: `finns redan i listan (${at()}[${first}])` };
    }
    case 'pattern':
      return { path: at(), message: PATTERN_MESSAGES[String(params.pattern)] ?? `har fel format (ska matcha ${String(params.pattern)})` };
    case 'if':
      // Only says "the variant named by kind failed"; that variant's own errors say how.
      return null;
    case 'oneOf':
      return { path: at(), message: 'stämmer inte med något av de tillåtna formaten' };
    default:
      return { path: at(), message: `är ogiltigt (${error.keyword})` };
  }
}

function schemaErrors(input: unknown): FrameworkError[] {
  if (validateSchema(input)) return [];
  const errors: FrameworkError[] = [];
  const seen = new Set<string>();
  for (const error of validateSchema.errors ?? []) {
    const converted = schemaErrorToFrameworkError(error, input);
    if (!converted) continue;
    const id = `${converted.path}\u0000${converted.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    errors.push(converted);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------
// Semantic stage: runs only on a document the schema accepted, so every field has its declared type.
// ---------------------------------------------------------------------------------------------------------

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 2022-02-30 over to 2022-03-02; a real date survives the round trip unchanged.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The first index of every key; later occurrences are reported at their own path, naming the first, so the
 * user sees both places. Lookups elsewhere use the first occurrence, the one an import would keep.
 */
function indexFirst<T>(items: T[], keyOf: (item: T) => string, onDuplicate: (index: number, firstIndex: number, key: string) => void): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const firstIndex = first.get(key);
    if (firstIndex === undefined) first.set(key, index);
    else onDuplicate(index, firstIndex, key);
  });
  return first;
}

/**
 * Cycles in a parent relation, each as the keys along it, starting at the member that comes first in the
 * document (so the report is stable and names a place the user finds first). `parentOf` gives the index of
 * an item's parent, or undefined for a root or an unknown parent (reported elsewhere).
 */
function findCycles(count: number, parentOf: (index: number) => number | undefined): number[][] {
  const done = new Set<number>();
  const cycles: number[][] = [];
  for (let start = 0; start < count; start++) {
    const onPath = new Map<number, number>();
    const path: number[] = [];
    let current: number | undefined = start;
    while (current !== undefined && !done.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = parentOf(current);
    }
    if (current !== undefined && onPath.has(current)) {
      const cycle = path.slice(onPath.get(current));
      const firstAt = cycle.indexOf(Math.min(...cycle));
      cycles.push([...cycle.slice(firstAt), ...cycle.slice(0, firstAt)]);
    }
    for (const index of path) done.add(index);
  }
  return cycles;
}

function semanticErrors(file: FrameworkFile, context: ValidationContext): FrameworkError[] {
  const errors: FrameworkError[] = [];
  const report = (path: string, message: string) => errors.push({ path, message });
  const fw = file.framework;
  const root = 'framework';
  const departments = new Set(context.departments);

  // --- Period -----------------------------------------------------------------------------------------
  const periodIsValid = fw.fromYear <= fw.toYear;
  if (!periodIsValid) report(`${root}.toYear`, `får inte vara före fromYear (${fw.fromYear})`);
  const period = `${fw.fromYear}–${fw.toYear}`;
  const checkYear = (path: string, year: number) => {
    // With a reversed period every year would be "outside"; the one error above says what is wrong.
    if (periodIsValid && (year < fw.fromYear || year > fw.toYear)) report(path, `${year} ligger utanför styrmodellens period ${period}`);
  };
  const checkDate = (path: string, date: string | null | undefined) => {
    if (date != null && !isCalendarDate(date)) report(path, `${date} är inget giltigt datum`);
  };
  const duplicateKey = (basePath: string) => (index: number, firstIndex: number, key: string) =>
    report(`${basePath}[${index}].key`, `nyckeln "${key}" finns redan (${basePath}[${firstIndex}])`);

  // --- Levels, scales, footnotes -------------------------------------------------------------------------
  const levelIndex = indexFirst(fw.levels, (l) => l.key, duplicateKey(`${root}.levels`));
  const scaleIndex = indexFirst(fw.scales, (s) => s.key, duplicateKey(`${root}.scales`));
  const scaleStates = new Map<string, Set<string>>();
  fw.scales.forEach((scale, s) => {
    const states = indexFirst(scale.states, (st) => st.key, duplicateKey(`${root}.scales[${s}].states`));
    if (!scaleStates.has(scale.key)) scaleStates.set(scale.key, new Set(states.keys()));
  });
  const footnoteIndex = indexFirst(fw.footnotes, (f) => f.key, duplicateKey(`${root}.footnotes`));
  const checkFootnotes = (path: string, keys: string[] | undefined) =>
    (keys ?? []).forEach((key, i) => {
      if (!footnoteIndex.has(key)) report(`${path}[${i}]`, `okänd fotnot "${key}"`);
    });
  /** Checks `state` against `scale` when the scale exists; an unknown scale is reported where it is named. */
  const checkState = (path: string, state: string, scale: string) => {
    const states = scaleStates.get(scale);
    if (states && !states.has(state)) report(path, `okänt skalsteg "${state}" i skalan "${scale}"`);
  };

  // --- Goal tree -----------------------------------------------------------------------------------------
  const nodeIndex = indexFirst(fw.nodes, (n) => n.key, duplicateKey(`${root}.nodes`));
  const nodeCycles = findCycles(fw.nodes.length, (i) => {
    const parent = fw.nodes[i].parent;
    // Only first occurrences take part: a duplicate's parent link is not the node the import would keep.
    return parent !== null && nodeIndex.get(fw.nodes[i].key) === i ? nodeIndex.get(parent) : undefined;
  });
  const inNodeCycle = new Set(nodeCycles.flat());
  const topLevel = fw.levels[0];
  fw.nodes.forEach((node, i) => {
    const path = `${root}.nodes[${i}]`;
    const depth = levelIndex.get(node.level);
    if (depth === undefined) report(`${path}.level`, `okänd nivå "${node.level}"`);
    if (node.parent === null) {
      // A root without a top-level level would be an orphan shown as a tree of its own, most likely a forgotten parent.
      if (depth !== undefined && depth !== 0) {
        report(`${path}.parent`, `saknas: bara noder på den översta nivån ("${topLevel.name}") kan sakna överordnad nod`);
      }
      return;
    }
    const parentIndex = nodeIndex.get(node.parent);
    if (parentIndex === undefined) {
      report(`${path}.parent`, `okänd nod "${node.parent}"`);
      return;
    }
    // A cycle is reported once as a cycle; its members' levels can never all deepen, so skip those.
    if (inNodeCycle.has(i)) return;
    if (depth === 0) {
      report(`${path}.parent`, `måste vara null: en nod på den översta nivån ("${topLevel.name}") är en rot`);
      return;
    }
    const parent = fw.nodes[parentIndex];
    const parentDepth = levelIndex.get(parent.level);
    if (depth !== undefined && parentDepth !== undefined && depth <= parentDepth) {
      report(`${path}.level`, `nivån "${node.level}" måste ligga under den överordnade nodens nivå "${parent.level}"`);
    }
  });
  for (const cycle of nodeCycles) {
    const keys = cycle.map((i) => fw.nodes[i].key);
    report(`${root}.nodes[${cycle[0]}].parent`, `cirkulär överordning: ${[...keys, keys[0]].join(' → ')}`);
  }

  // --- Indicators ----------------------------------------------------------------------------------------
  const indicatorIndex = indexFirst(fw.indicators, (ind) => ind.key, duplicateKey(`${root}.indicators`));
  fw.indicators.forEach((indicator, i) => checkIndicator(indicator, `${root}.indicators[${i}]`));
  const indicatorCycles = findCycles(fw.indicators.length, (i) => {
    const parent = fw.indicators[i].parent;
    return parent != null && indicatorIndex.get(fw.indicators[i].key) === i ? indicatorIndex.get(parent) : undefined;
  });
  for (const cycle of indicatorCycles) {
    const keys = cycle.map((i) => fw.indicators[i].key);
    report(`${root}.indicators[${cycle[0]}].parent`, `cirkulär överordning: ${[...keys, keys[0]].join(' → ')}`);
  }

  function checkIndicator(indicator: Indicator, path: string): void {
    if (indicator.parent != null && !indicatorIndex.has(indicator.parent)) report(`${path}.parent`, `okänd indikator "${indicator.parent}"`);
    indicator.nodes.forEach((key, j) => {
      if (!nodeIndex.has(key)) report(`${path}.nodes[${j}]`, `okänd nod "${key}"`);
    });
    const scale = indicator.scale ?? null;
    if (scale !== null && !scaleIndex.has(scale)) report(`${path}.scale`, `okänd skala "${scale}"`);
    checkFootnotes(`${path}.footnotes`, indicator.footnotes);

    indexFirst(
      indicator.values,
      (v) => `${v.year}|${v.asOf ?? ''}`,
      (k, first) => {
        const v = indicator.values[k];
        const when = v.asOf != null ? `${v.year} per ${v.asOf}` : `${v.year}`;
        report(`${path}.values[${k}].year`, `det finns redan ett värde för ${when} (${path}.values[${first}])`);
      },
    );
    indicator.values.forEach((value, k) => {
      const valuePath = `${path}.values[${k}]`;
      checkYear(`${valuePath}.year`, value.year);
      checkDate(`${valuePath}.asOf`, value.asOf);
      checkFootnotes(`${valuePath}.footnotes`, value.footnotes);
      if (scale === null) {
        if (value.state != null) report(`${valuePath}.state`, 'indikatorn är numerisk: ange värdet i "value", inte "state"');
      } else {
        if (value.value != null) report(`${valuePath}.value`, `indikatorn mäts med skalan "${scale}": ange ett skalsteg i "state", inte "value"`);
        if (value.state != null) checkState(`${valuePath}.state`, value.state, scale);
      }
    });

    indexFirst(
      indicator.targets,
      (t) => String(t.year),
      (k, first) => report(`${path}.targets[${k}].year`, `det finns redan ett mål för ${indicator.targets[k].year} (${path}.targets[${first}])`),
    );
    indicator.targets.forEach((target, k) => {
      const targetPath = `${path}.targets[${k}]`;
      checkYear(`${targetPath}.year`, target.year);
      checkFootnotes(`${targetPath}.footnotes`, target.footnotes);
      if (scale === null && target.kind === 'state') {
        report(`${targetPath}.kind`, 'indikatorn är numerisk: målet måste vara av typen "numeric" eller "relative"');
      }
      if (scale !== null && target.kind !== 'state') {
        report(`${targetPath}.kind`, `indikatorn mäts med skalan "${scale}": målet måste vara av typen "state"`);
      }
      if (scale !== null && target.kind === 'state') checkState(`${targetPath}.state`, target.state, scale);
      if (target.kind === 'relative' && target.relativeToYear != null) {
        // One message per defect: a later comparison year is the mistake even when it is also outside the period.
        if (target.relativeToYear >= target.year) {
          report(`${targetPath}.relativeToYear`, `måste vara ett tidigare år än målåret ${target.year}`);
        } else {
          checkYear(`${targetPath}.relativeToYear`, target.relativeToYear);
        }
      }
    });
  }

  // --- Assessments ---------------------------------------------------------------------------------------
  const assessmentScale = fw.assessmentScale ?? null;
  if (assessmentScale !== null && !scaleIndex.has(assessmentScale)) {
    report(`${root}.assessmentScale`, `okänd skala "${assessmentScale}"`);
  } else if (assessmentScale === null && fw.assessments.length > 0) {
    report(`${root}.assessmentScale`, 'saknas: bedömningarna behöver en bedömningsskala');
  }
  const assessmentSubjects = new Map<string, number>();
  fw.assessments.forEach((assessment, k) => {
    const path = `${root}.assessments[${k}]`;
    const node = assessment.node ?? null;
    const indicator = assessment.indicator ?? null;
    let subject: string | null = null;
    if (node === null && indicator === null) {
      report(`${path}.node`, 'saknas: ange vilken nod ("node") eller indikator ("indicator") som bedöms');
    } else if (node !== null && indicator !== null) {
      report(`${path}.indicator`, 'ange antingen "node" eller "indicator", inte båda');
    } else if (node !== null) {
      if (!nodeIndex.has(node)) report(`${path}.node`, `okänd nod "${node}"`);
      subject = `noden "${node}"`;
    } else if (indicator !== null) {
      if (!indicatorIndex.has(indicator)) report(`${path}.indicator`, `okänd indikator "${indicator}"`);
      subject = `indikatorn "${indicator}"`;
    }
    if (subject !== null) {
      const id = `${subject}|${assessment.year}`;
      const first = assessmentSubjects.get(id);
      if (first === undefined) assessmentSubjects.set(id, k);
      else report(`${path}.year`, `det finns redan en bedömning av ${subject} för ${assessment.year} (${root}.assessments[${first}])`);
    }
    checkYear(`${path}.year`, assessment.year);
    if (assessmentScale !== null) checkState(`${path}.state`, assessment.state, assessmentScale);
    checkDate(`${path}.assessedOn`, assessment.assessedOn);
  });

  // --- Activity plans and counts -------------------------------------------------------------------------
  const checkDepartment = (path: string, code: string) => {
    if (!departments.has(code)) report(path, `okänd förvaltning eller bolag "${code}"`);
  };
  indexFirst(fw.activityPlans, (p) => p.key, duplicateKey(`${root}.activityPlans`));
  fw.activityPlans.forEach((plan, p) => {
    const path = `${root}.activityPlans[${p}]`;
    checkDepartment(`${path}.department`, plan.department);
    checkYear(`${path}.year`, plan.year);
    indexFirst(
      plan.activities,
      (a) => String(a.number),
      (a, first, number) => report(`${path}.activities[${a}].number`, `nummer ${number} finns redan (${path}.activities[${first}])`),
    );
    plan.activities.forEach((activity, a) => {
      const activityPath = `${path}.activities[${a}]`;
      activity.responsible.forEach((code, r) => checkDepartment(`${activityPath}.responsible[${r}]`, code));
      if (activity.node != null && !nodeIndex.has(activity.node)) report(`${activityPath}.node`, `okänd nod "${activity.node}"`);
      if (activity.indicator != null && !indicatorIndex.has(activity.indicator)) {
        report(`${activityPath}.indicator`, `okänd indikator "${activity.indicator}"`);
      }
    });
  });
  (fw.activityCounts ?? []).forEach((count, c) => {
    const path = `${root}.activityCounts[${c}]`;
    checkYear(`${path}.year`, count.year);
    count.rows.forEach((row, r) => {
      if (row.indicator != null && !indicatorIndex.has(row.indicator)) report(`${path}.rows[${r}].indicator`, `okänd indikator "${row.indicator}"`);
      if (row.department != null) checkDepartment(`${path}.rows[${r}].department`, row.department);
    });
  });

  return errors;
}

/**
 * Validates an uploaded goal framework. Schema errors come first and alone: the semantic rules read fields
 * by their declared types, and on a malformed document they would mostly echo the schema errors. Once the
 * schema holds, every semantic error is reported in one pass, not just the first.
 */
export function validateFrameworkFile(input: unknown, context: ValidationContext): FrameworkValidationResult {
  const structural = schemaErrors(input);
  if (structural.length > 0) return { ok: false, errors: structural };
  const file = input as FrameworkFile;
  const semantic = semanticErrors(file, context);
  return semantic.length > 0 ? { ok: false, errors: semantic } : { ok: true, file };
}
