/**
 * Validates a goal framework file (see framework-file.ts) before it is imported: against the JSON Schema,
 * and against the rules a schema cannot express (keys that must exist, unique keys, years within
 * the framework's period, a tree without cycles, states of the right scale, known departments).
 *
 * Pure: no Nest, no database. The caller supplies what the municipality knows (its department codes).
 * Every error carries a path into the document ("framework.indicators[0].targets[1].value") and a Swedish
 * message, because both are shown to the person who uploaded the file.
 */
import { Ajv, type ErrorObject } from 'ajv';
import schemaDocument from '../../schema/goal-framework.schema.json';
import type { Comparator, FrameworkFile } from './framework-file';
import { IMPLIED_NOT_MET_STATE, scaleStates } from './scales';
import { yearSpan } from '../report-wording';

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
      // null stands for "left out", which the format's documentation names; listing it would only confuse.
      return { path: at(), message: `måste vara ett av: ${(params.allowedValues as unknown[]).filter((value) => value !== null).map(showValue).join(', ')}` };
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

interface SchemaCheck {
  errors: FrameworkError[];
  /** The JSON pointers ("/framework/nodes/3/title") the schema found fault with. */
  faults: string[];
}

function schemaCheck(input: unknown): SchemaCheck {
  if (validateSchema(input)) return { errors: [], faults: [] };
  const errors: FrameworkError[] = [];
  const seen = new Set<string>();
  const faults = (validateSchema.errors ?? []).map((error) => error.instancePath);
  for (const error of validateSchema.errors ?? []) {
    const converted = schemaErrorToFrameworkError(error, input);
    if (!converted) continue;
    const id = `${converted.path}\u0000${converted.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    errors.push(converted);
  }
  return { errors, faults };
}

// ---------------------------------------------------------------------------------------------------------
// Semantic stage. It runs beside the schema stage, so that one upload reports every error: it checks the
// items the schema found sound, reads keys wherever they are strings (so an item with a schema fault
// still resolves references to it), and skips what it cannot read.
// ---------------------------------------------------------------------------------------------------------

/**
 * Where the schema found fault, as JSON pointers: an item is sound when no fault lies at or under it. Counted
 * once per fault and ancestor, so that each question is a lookup: a large file with many faults would
 * otherwise scan every fault for each of its tens of thousands of items.
 */
class Soundness {
  /** The faults at or under each pointer that has any ("" is the document). */
  private readonly under = new Map<string, number>();
  private readonly exact: Set<string>;

  constructor(faults: readonly string[]) {
    this.exact = new Set(faults);
    for (const fault of faults) {
      // "/framework/nodes/3" counts for itself, "/framework/nodes", "/framework" and "".
      for (let end = fault.length; ; end = fault.lastIndexOf('/', end - 1)) {
        const pointer = fault.slice(0, end);
        this.under.set(pointer, (this.under.get(pointer) ?? 0) + 1);
        if (end === 0) break;
      }
    }
  }

  /** No fault at or under `pointer`. */
  of(pointer: string): boolean {
    return !this.under.has(pointer);
  }

  /** A fault at `pointer` itself (a list of the wrong type or length), not within it. */
  at(pointer: string): boolean {
    return this.exact.has(pointer);
  }

  /** No fault at or under `pointer` other than under its listed children (checked item by item on their own). */
  outside(pointer: string, children: readonly string[]): boolean {
    const withinChildren = children.reduce((sum, child) => sum + (this.under.get(`${pointer}/${child}`) ?? 0), 0);
    return (this.under.get(pointer) ?? 0) === withinChildren;
  }
}

function list<T>(value: T[] | undefined | null): T[] {
  return Array.isArray(value) ? value : [];
}

function keyOf(item: unknown): string | undefined {
  const key = item !== null && typeof item === 'object' ? (item as JsonObject).key : undefined;
  return typeof key === 'string' ? key : undefined;
}

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
 * user sees both places. Lookups elsewhere use the first occurrence, the one an import would keep. Items
 * without a readable key take no part.
 */
function indexFirst<T>(items: T[], keyFn: (item: T, index: number) => string | undefined, onDuplicate: (index: number, firstIndex: number, key: string) => void): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyFn(item, index);
    if (key === undefined) return;
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

const SWEDISH_COMPARATORS: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

function semanticErrors(fw: Framework, sound: Soundness, context: ValidationContext): FrameworkError[] {
  const errors: FrameworkError[] = [];
  const report = (path: string, message: string) => errors.push({ path, message });
  const root = 'framework';
  const pointer = '/framework';
  const departments = new Set(context.departments);
  const levels = list(fw.levels);
  const indicatorLevels = list(fw.indicatorLevels);
  const scales = list(fw.scales);
  const footnotes = list(fw.footnotes);
  const nodes = list(fw.nodes);
  const indicators = list(fw.indicators);
  const assessments = list(fw.assessments);
  const activityPlans = list(fw.activityPlans);

  // --- Period -----------------------------------------------------------------------------------------
  const periodIsReadable = Number.isInteger(fw.fromYear) && Number.isInteger(fw.toYear);
  const periodIsValid = periodIsReadable && fw.fromYear <= fw.toYear;
  if (periodIsReadable && !periodIsValid) report(`${root}.toYear`, `får inte vara före fromYear (${fw.fromYear})`);
  const period = yearSpan(fw.fromYear, fw.toYear);
  const checkYear = (path: string, year: number) => {
    // With a reversed or unreadable period every year would be "outside"; the error about the period says what is wrong.
    if (periodIsValid && (year < fw.fromYear || year > fw.toYear)) report(path, `${year} ligger utanför styrmodellens period ${period}`);
  };
  const checkDate = (path: string, date: string | null | undefined) => {
    if (date != null && !isCalendarDate(date)) report(path, `${date} är inget giltigt datum`);
  };
  const duplicateKey = (basePath: string) => (index: number, firstIndex: number, key: string) =>
    report(`${basePath}[${index}].key`, `nyckeln "${key}" finns redan (${basePath}[${firstIndex}])`);

  /** A reference is unknown only when its collection could be read: an unreadable one is already reported. */
  const knownIn = (index: Map<string, number>, collection: unknown, name: string) => (key: string) =>
    !Array.isArray(collection) || sound.at(`${pointer}/${name}`) || index.has(key);

  // --- Levels, scales, footnotes -------------------------------------------------------------------------
  const levelIndex = indexFirst(levels, keyOf, duplicateKey(`${root}.levels`));
  const knowsLevel = knownIn(levelIndex, fw.levels, 'levels');
  indexFirst(indicatorLevels, keyOf, duplicateKey(`${root}.indicatorLevels`));
  const scaleIndex = indexFirst(scales, keyOf, duplicateKey(`${root}.scales`));
  const scaleStateKeys = new Map<string, Set<string>>();
  scales.forEach((scale, s) => {
    if (!sound.of(`${pointer}/scales/${s}`)) return;
    const path = `${root}.scales[${s}]`;
    indexFirst(scale.states, keyOf, duplicateKey(`${path}.states`));
    if (scale.states.length === 1 && scale.states[0].key === IMPLIED_NOT_MET_STATE.key) {
      report(`${path}.states[0].key`, `"${IMPLIED_NOT_MET_STATE.key}" är det underförstådda steget under en skalas enda steg: ge steget en annan nyckel`);
    }
    if (!scaleStateKeys.has(scale.key)) scaleStateKeys.set(scale.key, new Set(scaleStates(scale).map((state) => state.key)));
  });
  const knowsScale = knownIn(scaleIndex, fw.scales, 'scales');
  const knowsFootnote = knownIn(indexFirst(footnotes, keyOf, duplicateKey(`${root}.footnotes`)), fw.footnotes, 'footnotes');
  const checkFootnotes = (path: string, keys: string[] | undefined) =>
    list(keys).forEach((key, i) => {
      if (!knowsFootnote(key)) report(`${path}[${i}]`, `okänd fotnot "${key}"`);
    });
  /** Checks `state` against `scale` when the scale is known and sound; an unknown scale is reported where it is named. */
  const checkState = (path: string, state: string, scale: string) => {
    const states = scaleStateKeys.get(scale);
    if (states && !states.has(state)) report(path, `okänt skalsteg "${state}" i skalan "${scale}"`);
  };

  // --- Goal tree -----------------------------------------------------------------------------------------
  const nodeIndex = indexFirst(nodes, keyOf, duplicateKey(`${root}.nodes`));
  const knowsNode = knownIn(nodeIndex, fw.nodes, 'nodes');
  const soundNode = (i: number) => sound.of(`${pointer}/nodes/${i}`);
  const nodeCycles = findCycles(nodes.length, (i) => {
    const parent = nodes[i].parent;
    // Only sound first occurrences take part: a duplicate's parent link is not the node the import would keep.
    return soundNode(i) && typeof parent === 'string' && nodeIndex.get(nodes[i].key) === i ? nodeIndex.get(parent) : undefined;
  });
  const inNodeCycle = new Set(nodeCycles.flat());
  const topLevel = levels[0];
  nodes.forEach((node, i) => {
    if (!soundNode(i)) return;
    const path = `${root}.nodes[${i}]`;
    const depth = levelIndex.get(node.level);
    if (depth === undefined && !knowsLevel(node.level)) report(`${path}.level`, `okänd nivå "${node.level}"`);
    if (node.parent === null) {
      // A root without a top-level level would be an orphan shown as a tree of its own, most likely a forgotten parent.
      if (depth !== undefined && depth !== 0) {
        report(`${path}.parent`, `saknas: bara noder på den översta nivån ("${topLevel.name}") kan sakna överordnad nod`);
      }
      return;
    }
    const parentIndex = nodeIndex.get(node.parent);
    if (parentIndex === undefined) {
      if (!knowsNode(node.parent)) report(`${path}.parent`, `okänd nod "${node.parent}"`);
      return;
    }
    // A cycle is reported once as a cycle; its members' levels can never all deepen, so skip those.
    if (inNodeCycle.has(i)) return;
    if (depth === 0) {
      report(`${path}.parent`, `måste vara null: en nod på den översta nivån ("${topLevel.name}") är en rot`);
      return;
    }
    const parentDepth = levelIndex.get(nodes[parentIndex].level);
    if (depth !== undefined && parentDepth !== undefined && depth <= parentDepth) {
      report(`${path}.level`, `nivån "${node.level}" måste ligga under den överordnade nodens nivå "${nodes[parentIndex].level}"`);
    }
  });
  for (const cycle of nodeCycles) {
    const keys = cycle.map((i) => nodes[i].key);
    report(`${root}.nodes[${cycle[0]}].parent`, `cirkulär överordning: ${[...keys, keys[0]].join(' → ')}`);
  }

  // --- Indicators ----------------------------------------------------------------------------------------
  const indicatorIndex = indexFirst(indicators, keyOf, duplicateKey(`${root}.indicators`));
  const knowsIndicator = knownIn(indicatorIndex, fw.indicators, 'indicators');
  const soundIndicator = (i: number) => sound.outside(`${pointer}/indicators/${i}`, ['values', 'targets']);
  const parentIndicator = (i: number): number | undefined => {
    const parent = indicators[i].parent;
    return soundIndicator(i) && typeof parent === 'string' && indicatorIndex.get(indicators[i].key) === i ? indicatorIndex.get(parent) : undefined;
  };
  const indicatorCycles = findCycles(indicators.length, parentIndicator);
  const inIndicatorCycle = new Set(indicatorCycles.flat());
  /** Tiers worked out so far, by tierOf. */
  const tiers = new Map<number, number | undefined>();
  indicators.forEach((indicator, i) => {
    if (soundIndicator(i)) checkIndicator(indicator, i);
  });
  for (const cycle of indicatorCycles) {
    const keys = cycle.map((i) => indicators[i].key);
    report(`${root}.indicators[${cycle[0]}].parent`, `cirkulär överordning: ${[...keys, keys[0]].join(' → ')}`);
  }

  /**
   * Each indicator's tier (0 = no parent), worked out once along each chain of parents: a file of long chains
   * would otherwise walk them again for every member. Undefined below a cycle, which is reported as a cycle
   * (walking up from a sub-measure of a cycle's member would never end).
   */
  function tierOf(i: number): number | undefined {
    const chain: number[] = [];
    let above: number | undefined = -1;
    for (let current = i as number | undefined; current !== undefined; current = parentIndicator(current)) {
      if (tiers.has(current)) {
        above = tiers.get(current);
        break;
      }
      if (inIndicatorCycle.has(current)) {
        above = undefined;
        break;
      }
      chain.push(current);
    }
    for (const member of chain.reverse()) {
      above = above === undefined ? undefined : above + 1;
      tiers.set(member, above);
    }
    return tiers.get(i);
  }

  function checkIndicator(indicator: Indicator, i: number): void {
    const path = `${root}.indicators[${i}]`;
    const at = `${pointer}/indicators/${i}`;
    if (indicator.parent != null && !knowsIndicator(indicator.parent)) report(`${path}.parent`, `okänd indikator "${indicator.parent}"`);
    if (indicatorLevels.length > 0 && !inIndicatorCycle.has(i)) {
      const tier = tierOf(i);
      if (tier !== undefined && tier >= indicatorLevels.length) {
        report(`${path}.parent`, `indikatorn ligger på nivå ${tier + 1}, men indicatorLevels namnger bara ${indicatorLevels.length} (${indicatorLevels.map((level) => level.name).join(', ')})`);
      }
    }
    list(indicator.nodes).forEach((key, j) => {
      if (!knowsNode(key)) report(`${path}.nodes[${j}]`, `okänd nod "${key}"`);
    });
    const scale = indicator.scale ?? null;
    if (scale !== null && !knowsScale(scale)) report(`${path}.scale`, `okänd skala "${scale}"`);
    checkFootnotes(`${path}.footnotes`, indicator.footnotes);

    const values = list(indicator.values);
    const soundValue = (k: number) => sound.of(`${at}/values/${k}`);
    indexFirst(
      values,
      (v, k) => (soundValue(k) ? `${v.year}|${v.asOf ?? ''}` : undefined),
      (k, first) => {
        const v = values[k];
        const when = v.asOf != null ? `${v.year} per ${v.asOf}` : `${v.year}`;
        report(`${path}.values[${k}].year`, `det finns redan ett värde för ${when} (${path}.values[${first}])`);
      },
    );
    values.forEach((value, k) => {
      if (!soundValue(k)) return;
      const valuePath = `${path}.values[${k}]`;
      checkYear(`${valuePath}.year`, value.year);
      checkDate(`${valuePath}.asOf`, value.asOf);
      checkFootnotes(`${valuePath}.footnotes`, value.footnotes);
      if (scale === null) {
        if (value.state != null) report(`${valuePath}.state`, 'indikatorn är numerisk: ange värdet i "value", inte "state"');
        if (value.bound != null && value.value == null) report(`${valuePath}.bound`, `en gräns (${SWEDISH_COMPARATORS[value.bound]}) behöver ett tal i "value"`);
      } else {
        if (value.value != null) report(`${valuePath}.value`, `indikatorn mäts med skalan "${scale}": ange ett skalsteg i "state", inte "value"`);
        if (value.bound != null) report(`${valuePath}.bound`, `indikatorn mäts med skalan "${scale}": ett skalsteg kan inte anges som en gräns`);
        if (value.state != null) checkState(`${valuePath}.state`, value.state, scale);
      }
    });

    const targets = list(indicator.targets);
    const soundTarget = (k: number) => sound.of(`${at}/targets/${k}`);
    indexFirst(
      targets,
      (t, k) => (soundTarget(k) ? String(t.year) : undefined),
      (k, first) => report(`${path}.targets[${k}].year`, `det finns redan ett mål för ${targets[k].year} (${path}.targets[${first}])`),
    );
    const direction = indicator.direction ?? 'none';
    targets.forEach((target, k) => {
      if (!soundTarget(k)) return;
      const targetPath = `${path}.targets[${k}]`;
      checkYear(`${targetPath}.year`, target.year);
      checkFootnotes(`${targetPath}.footnotes`, target.footnotes);
      if (scale === null && target.kind === 'state') {
        report(`${targetPath}.kind`, 'indikatorn är numerisk: målet måste vara av typen "numeric", "relative" eller "to_be_set"');
      }
      if (scale !== null && (target.kind === 'numeric' || target.kind === 'relative')) {
        report(`${targetPath}.kind`, `indikatorn mäts med skalan "${scale}": målet måste vara av typen "state" eller "to_be_set"`);
      }
      if (scale !== null && target.kind === 'state') checkState(`${targetPath}.state`, target.state, scale);
      if (target.kind === 'relative') {
        if (target.comparator == null && direction === 'none') {
          report(`${targetPath}.comparator`, 'saknas: indikatorn anger ingen riktning (direction), så målet måste säga hur utfallet ska jämföras');
        }
        if (target.relativeToYear != null) {
          // One message per defect: a later comparison year is the mistake even when it is also outside the period.
          if (target.relativeToYear >= target.year) {
            report(`${targetPath}.relativeToYear`, `måste vara ett tidigare år än målåret ${target.year}`);
          } else {
            checkYear(`${targetPath}.relativeToYear`, target.relativeToYear);
          }
        }
      }
    });
  }

  // --- Assessments ---------------------------------------------------------------------------------------
  const assessmentScale = fw.assessmentScale ?? null;
  if (typeof assessmentScale === 'string' && !knowsScale(assessmentScale)) {
    report(`${root}.assessmentScale`, `okänd skala "${assessmentScale}"`);
  } else if (assessmentScale === null && assessments.length > 0) {
    report(`${root}.assessmentScale`, 'saknas: bedömningarna behöver en bedömningsskala');
  }
  const assessmentSubjects = new Map<string, number>();
  assessments.forEach((assessment, k) => {
    if (!sound.of(`${pointer}/assessments/${k}`)) return;
    const path = `${root}.assessments[${k}]`;
    const node = assessment.node ?? null;
    const indicator = assessment.indicator ?? null;
    let subject: string | null = null;
    if (node === null && indicator === null) {
      report(`${path}.node`, 'saknas: ange vilken nod ("node") eller indikator ("indicator") som bedöms');
    } else if (node !== null && indicator !== null) {
      report(`${path}.indicator`, 'ange antingen "node" eller "indicator", inte båda');
    } else if (node !== null) {
      if (!knowsNode(node)) report(`${path}.node`, `okänd nod "${node}"`);
      subject = `noden "${node}"`;
    } else if (indicator !== null) {
      if (!knowsIndicator(indicator)) report(`${path}.indicator`, `okänd indikator "${indicator}"`);
      subject = `indikatorn "${indicator}"`;
    }
    if (subject !== null) {
      const id = `${subject}|${assessment.year}`;
      const first = assessmentSubjects.get(id);
      if (first === undefined) assessmentSubjects.set(id, k);
      else report(`${path}.year`, `det finns redan en bedömning av ${subject} för ${assessment.year} (${root}.assessments[${first}])`);
    }
    checkYear(`${path}.year`, assessment.year);
    if (typeof assessmentScale === 'string') checkState(`${path}.state`, assessment.state, assessmentScale);
    checkDate(`${path}.assessedOn`, assessment.assessedOn);
  });

  // --- Activity plans and counts -------------------------------------------------------------------------
  const checkDepartment = (path: string, code: string) => {
    if (!departments.has(code)) report(path, `okänd förvaltning eller bolag "${code}"`);
  };
  indexFirst(activityPlans, keyOf, duplicateKey(`${root}.activityPlans`));
  activityPlans.forEach((plan, p) => {
    const at = `${pointer}/activityPlans/${p}`;
    if (!sound.outside(at, ['activities'])) return;
    const path = `${root}.activityPlans[${p}]`;
    checkDepartment(`${path}.department`, plan.department);
    checkYear(`${path}.year`, plan.year);
    const activities = list(plan.activities);
    const soundActivity = (a: number) => sound.of(`${at}/activities/${a}`);
    indexFirst(
      activities,
      (activity, a) => (soundActivity(a) ? String(activity.number) : undefined),
      (a, first, number) => report(`${path}.activities[${a}].number`, `nummer ${number} finns redan (${path}.activities[${first}])`),
    );
    activities.forEach((activity, a) => {
      if (!soundActivity(a)) return;
      const activityPath = `${path}.activities[${a}]`;
      activity.responsible.forEach((code, r) => checkDepartment(`${activityPath}.responsible[${r}]`, code));
      if (activity.node != null && !knowsNode(activity.node)) report(`${activityPath}.node`, `okänd nod "${activity.node}"`);
      if (activity.indicator != null && !knowsIndicator(activity.indicator)) {
        report(`${activityPath}.indicator`, `okänd indikator "${activity.indicator}"`);
      }
    });
  });
  list(fw.activityCounts).forEach((count, c) => {
    if (!sound.of(`${pointer}/activityCounts/${c}`)) return;
    const path = `${root}.activityCounts[${c}]`;
    checkYear(`${path}.year`, count.year);
    count.rows.forEach((row, r) => {
      if (row.indicator != null && !knowsIndicator(row.indicator)) report(`${path}.rows[${r}].indicator`, `okänd indikator "${row.indicator}"`);
      if (row.department != null) checkDepartment(`${path}.rows[${r}].department`, row.department);
    });
  });

  return errors;
}

/**
 * Validates an uploaded goal framework. Schema errors and the rules a schema cannot express are reported
 * together, so that one upload shows everything wrong with the file: the semantic rules run over every part
 * the schema found sound, and leave alone the parts it already reported.
 */
export function validateFrameworkFile(input: unknown, context: ValidationContext): FrameworkValidationResult {
  const structural = schemaCheck(input);
  const framework = input !== null && typeof input === 'object' ? (input as JsonObject).framework : undefined;
  const semantic = framework !== null && typeof framework === 'object' && !Array.isArray(framework) ? semanticErrors(framework as Framework, new Soundness(structural.faults), context) : [];
  const errors = [...structural.errors, ...semantic];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, file: input as FrameworkFile };
}
