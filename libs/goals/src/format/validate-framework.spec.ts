import { Ajv } from 'ajv';
import schemaDocument from '../../schema/goal-framework.schema.json';
import type { FrameworkFile } from './framework-file';
import { type FrameworkError, validateFrameworkFile } from './validate-framework';

const DEPARTMENTS = ['SOU', 'KSF', 'LKF'];

/** A small but complete framework that breaks no rule; every spec below changes exactly what it tests. */
function validFile(): FrameworkFile {
  return {
    formatVersion: 1,
    framework: {
      key: 'ludvika-2021-2023',
      name: 'Styrmodell för Ludvika kommun 2021–2023',
      description: null,
      fromYear: 2021,
      toYear: 2023,
      source: 'KF 2020-11-23 § 175',
      levels: [
        { key: 'vision', name: 'Vision' },
        { key: 'malomrade', name: 'Målområde' },
        { key: 'verksamhetsmal', name: 'Verksamhetsmål' },
      ],
      scales: [
        {
          key: 'bedomning',
          name: 'Bedömning',
          states: [
            { key: 'ej-uppfyllt', label: 'Ej uppfyllt', rank: 1 },
            { key: 'delvis', label: 'Delvis uppfyllt', rank: 2 },
            { key: 'uppfyllt', label: 'Uppfyllt', rank: 3 },
          ],
        },
        {
          key: 'trygghetsniva',
          name: 'Trygghetsnivå',
          states: [
            { key: 'lag', label: 'Låg', rank: 1 },
            { key: 'hog', label: 'Hög', rank: 2 },
          ],
        },
      ],
      assessmentScale: 'bedomning',
      footnotes: [
        { key: 'f1', text: 'Avser november.' },
        { key: 'f2', text: 'Preliminär uppgift.' },
      ],
      nodes: [
        { key: 'vision', level: 'vision', parent: null, title: 'Ludvika 2030' },
        { key: 'utbildning', level: 'malomrade', parent: 'vision', title: 'Utbildning', position: 1, externalRefs: ['Agenda 2030: 4 God utbildning'] },
        { key: 'behorighet', level: 'verksamhetsmal', parent: 'utbildning', title: 'Fler elever är behöriga till gymnasiet' },
        { key: 'trygghet', level: 'verksamhetsmal', parent: 'utbildning', title: 'Eleverna känner sig trygga', position: 2 },
      ],
      indicators: [
        {
          key: 'behoriga',
          name: 'Andel elever behöriga till gymnasiet',
          unit: '%',
          direction: 'higher_is_better',
          decimals: 1,
          nodes: ['behorighet'],
          koladaKpi: 'N15419',
          footnotes: ['f1'],
          values: [
            { year: 2021, value: 78.5, source: 'Kolada' },
            { year: 2022, value: 80.1, preliminary: true, footnotes: ['f2'] },
            { year: 2022, asOf: '2022-11-30', value: 79, note: 'Avser november 2022' },
            { year: 2023, value: null },
          ],
          targets: [
            { year: 2022, kind: 'relative', comparator: '>', relativeToYear: 2021 },
            { year: 2023, kind: 'numeric', comparator: '>=', value: 85, footnotes: ['f1'] },
          ],
        },
        {
          key: 'behoriga-yrkes',
          name: 'Andel elever behöriga till yrkesprogram',
          direction: 'higher_is_better',
          parent: 'behoriga',
          nodes: ['behorighet'],
          values: [{ year: 2021, value: 70 }],
          targets: [{ year: 2023, kind: 'relative', comparator: '>' }],
        },
        {
          key: 'trygghet-niva',
          name: 'Upplevd trygghet i skolan',
          direction: 'higher_is_better',
          nodes: ['trygghet'],
          scale: 'trygghetsniva',
          values: [
            { year: 2021, state: 'lag' },
            { year: 2022, state: null },
          ],
          targets: [{ year: 2023, kind: 'state', state: 'hog' }],
        },
      ],
      assessments: [
        { node: 'behorighet', year: 2022, state: 'delvis', assessedBy: 'Barn- och utbildningsnämnden', assessedOn: '2023-02-28' },
        { indicator: 'behoriga', year: 2022, state: 'uppfyllt' },
        { node: 'behorighet', year: 2023, state: 'uppfyllt' },
      ],
      activityPlans: [
        {
          key: 'sou-2022',
          department: 'SOU',
          year: 2022,
          title: 'Aktivitetsplan SOU 2022',
          activities: [
            { number: 1, text: 'Läxhjälp i alla skolor', quantity: '50-75', unit: 'elever', responsible: ['SOU'], node: 'behorighet', indicator: 'behoriga', status: 'started' },
            { number: 2, text: 'Trygghetsvandringar', responsible: ['SOU', 'KSF'], node: 'trygghet', status: 'planned' },
          ],
        },
      ],
      activityCounts: [
        {
          year: 2022,
          by: 'department',
          rows: [
            { department: 'LKF', label: 'Ludvika kommunfastigheter', count: 12 },
            { indicator: 'behoriga', label: 'Andel behöriga', count: 3 },
          ],
        },
      ],
    },
  };
}

function validate(input: unknown) {
  return validateFrameworkFile(input, { departments: DEPARTMENTS });
}

function errorsOf(input: unknown): FrameworkError[] {
  const result = validate(input);
  if (result.ok) throw new Error('väntade fel, men filen godtogs');
  return result.errors;
}

/** A typed change: for rules the schema cannot express. */
function withDefect(change: (file: FrameworkFile) => void): FrameworkError[] {
  const file = validFile();
  change(file);
  return errorsOf(file);
}

/** The object at "framework.indicators[0].targets[1]", untyped so that a spec can break the schema. */
function objectAt(root: unknown, path: string): Record<string, unknown> {
  let current: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) current = (current as Record<string, unknown>)[part];
  if (current === null || typeof current !== 'object') throw new Error(`inget objekt vid ${path}`);
  return current as Record<string, unknown>;
}

/** An untyped change: for what the schema refuses. */
function withSchemaDefect(path: string, change: (target: Record<string, unknown>) => void): FrameworkError[] {
  const file = validFile();
  change(objectAt(file, path));
  return errorsOf(file);
}

const error = (path: string, message: string): FrameworkError => ({ path, message });

describe('validateFrameworkFile', () => {
  describe('a valid file', () => {
    it('is accepted and returned as the typed file', () => {
      const file = validFile();
      const result = validate(file);
      expect(result).toEqual({ ok: true, file });
      expect(result.ok && result.file).toBe(file);
    });

    it('accepts a file with only the required fields', () => {
      const minimal = {
        formatVersion: 1,
        framework: {
          key: 'minimal',
          name: 'Minimal',
          fromYear: 2024,
          toYear: 2024,
          levels: [{ key: 'vision', name: 'Vision' }],
          scales: [],
          footnotes: [],
          nodes: [{ key: 'v', level: 'vision', parent: null, title: 'Vision' }],
          indicators: [],
          assessments: [],
          activityPlans: [],
        },
      };
      expect(validate(minimal)).toEqual({ ok: true, file: minimal });
    });

    it('accepts years on the edges of the period and a comparison year inside it', () => {
      const file = validFile();
      file.framework.indicators[0].values.push({ year: 2021, asOf: '2021-06-30', value: 77 });
      file.framework.indicators[0].targets[0] = { year: 2023, kind: 'relative', comparator: '>', relativeToYear: 2021 };
      file.framework.indicators[0].targets[1] = { year: 2021, kind: 'numeric', comparator: '>=', value: 75 };
      expect(validate(file).ok).toBe(true);
    });

    it('accepts a node that skips a level (a goal directly under the vision)', () => {
      const file = validFile();
      file.framework.nodes[3].parent = 'vision';
      expect(validate(file).ok).toBe(true);
    });

    it('accepts a leap day and several roots', () => {
      const file = validFile();
      file.framework.toYear = 2024;
      file.framework.indicators[0].values.push({ year: 2024, asOf: '2024-02-29', value: 81 });
      file.framework.nodes.push({ key: 'vision-2', level: 'vision', parent: null, title: 'En andra vision' });
      expect(validate(file).ok).toBe(true);
    });

    it('needs no assessment scale when there are no assessments', () => {
      const file = validFile();
      file.framework.assessments = [];
      file.framework.assessmentScale = null;
      expect(validate(file).ok).toBe(true);
    });

    it('accepts the same department responsible in several activities and a count row without references', () => {
      const file = validFile();
      file.framework.activityCounts = [{ year: 2023, by: 'indicator', rows: [{ label: 'Övrigt', count: 0 }], note: null }];
      expect(validate(file).ok).toBe(true);
    });
  });

  describe('schema errors', () => {
    it.each([null, 'styrmodell', 42, [validFile()]])('refuses a document that is not an object: %j', (input) => {
      expect(errorsOf(input)).toEqual([error('', 'måste vara ett objekt')]);
    });

    it('names a missing field in the path', () => {
      expect(withSchemaDefect('framework', (f) => delete f.name)).toEqual([error('framework.name', 'saknas')]);
      expect(withSchemaDefect('', (f) => delete f.formatVersion)).toEqual([error('formatVersion', 'saknas')]);
      expect(withSchemaDefect('framework.nodes[2]', (n) => delete n.parent)).toEqual([error('framework.nodes[2].parent', 'saknas')]);
    });

    it('names an unknown field in the path', () => {
      expect(withSchemaDefect('framework.indicators[0]', (i) => (i.colour = 'blå'))).toEqual([error('framework.indicators[0].colour', 'okänt fält')]);
      expect(withSchemaDefect('', (f) => (f.version = 1))).toEqual([error('version', 'okänt fält')]);
    });

    it('quotes an unknown field whose name is no identifier', () => {
      expect(withSchemaDefect('framework', (f) => (f['mitt fält'] = 1))).toEqual([error('framework["mitt fält"]', 'okänt fält')]);
    });

    it('refuses another format version', () => {
      expect(withSchemaDefect('', (f) => (f.formatVersion = 2))).toEqual([error('formatVersion', 'måste vara 1')]);
    });

    it('says which type is expected', () => {
      expect(withSchemaDefect('framework', (f) => (f.fromYear = '2021'))).toEqual([error('framework.fromYear', 'måste vara ett heltal')]);
      expect(withSchemaDefect('framework.indicators[0].targets[1]', (t) => (t.value = 'åttiofem'))).toEqual([
        error('framework.indicators[0].targets[1].value', 'måste vara ett tal'),
      ]);
      expect(withSchemaDefect('framework.indicators[0].values[0]', (v) => (v.value = 'tio'))).toEqual([
        error('framework.indicators[0].values[0].value', 'måste vara ett tal eller null'),
      ]);
      expect(withSchemaDefect('framework.indicators[0].values[1]', (v) => (v.preliminary = 'ja'))).toEqual([
        error('framework.indicators[0].values[1].preliminary', 'måste vara true eller false'),
      ]);
      expect(withSchemaDefect('framework', (f) => (f.nodes = {}))).toEqual([error('framework.nodes', 'måste vara en lista')]);
      expect(withSchemaDefect('framework', (f) => (f.description = 5))).toEqual([error('framework.description', 'måste vara en text eller null')]);
    });

    it('lists the allowed values of an enumeration', () => {
      expect(withSchemaDefect('framework.indicators[1]', (i) => (i.direction = 'up'))).toEqual([
        error('framework.indicators[1].direction', 'måste vara ett av: higher_is_better, lower_is_better, none'),
      ]);
      expect(withSchemaDefect('framework.indicators[0].targets[1]', (t) => (t.comparator = '≥'))).toEqual([
        error('framework.indicators[0].targets[1].comparator', 'måste vara ett av: >=, >, <=, <, ='),
      ]);
      expect(withSchemaDefect('framework.activityPlans[0].activities[0]', (a) => (a.status = 'klar'))).toEqual([
        error('framework.activityPlans[0].activities[0].status', 'måste vara ett av: planned, started, done, postponed, cancelled'),
      ]);
    });

    it('explains the patterns in words', () => {
      expect(withSchemaDefect('framework', (f) => (f.key = 'Ludvika 2021'))).toEqual([
        error('framework.key', 'får bara innehålla gemena a–z, siffror, punkt, bindestreck och understreck, och måste börja med en bokstav eller siffra'),
      ]);
      expect(withSchemaDefect('framework.indicators[0].values[2]', (v) => (v.asOf = '30/11/2022'))).toEqual([
        error('framework.indicators[0].values[2].asOf', 'måste vara ett datum på formen ÅÅÅÅ-MM-DD'),
      ]);
      expect(withSchemaDefect('framework.activityPlans[0]', (p) => (p.department = 'sou'))).toEqual([
        error('framework.activityPlans[0].department', 'måste vara en kortkod för en förvaltning eller ett bolag med versaler, t.ex. "SOU"'),
      ]);
      expect(withSchemaDefect('framework.indicators[0]', (i) => (i.koladaKpi = 'n15419'))).toEqual([
        error('framework.indicators[0].koladaKpi', 'måste vara ett Kolada-id, t.ex. "N15419"'),
      ]);
      expect(withSchemaDefect('framework.activityPlans[0].activities[0]', (a) => (a.quantity = 'många'))).toEqual([
        error('framework.activityPlans[0].activities[0].quantity', 'måste vara ett antal eller ett intervall, t.ex. "10" eller "50-75"'),
      ]);
    });

    it('gives the limits of numbers, texts and lists', () => {
      expect(withSchemaDefect('framework.indicators[0].values[0]', (v) => (v.year = 1850))).toEqual([
        error('framework.indicators[0].values[0].year', 'måste vara minst 1900'),
      ]);
      expect(withSchemaDefect('framework', (f) => (f.toYear = 2300))).toEqual([error('framework.toYear', 'får vara högst 2200')]);
      expect(withSchemaDefect('framework.indicators[0]', (i) => (i.decimals = 7))).toEqual([error('framework.indicators[0].decimals', 'får vara högst 6')]);
      expect(withSchemaDefect('framework', (f) => (f.name = ''))).toEqual([error('framework.name', 'får inte vara tomt')]);
      expect(withSchemaDefect('framework.footnotes[0]', (f) => (f.text = 'x'.repeat(2001)))).toEqual([
        error('framework.footnotes[0].text', 'får vara högst 2000 tecken'),
      ]);
      expect(withSchemaDefect('framework', (f) => (f.levels = []))).toEqual([error('framework.levels', 'måste innehålla minst en post')]);
      expect(withSchemaDefect('framework.scales[1]', (s) => (s.states = []))).toEqual([error('framework.scales[1].states', 'måste innehålla minst en post')]);
    });

    it('points at the later of two equal list items', () => {
      expect(withSchemaDefect('framework.indicators[0]', (i) => (i.nodes = ['behorighet', 'trygghet', 'behorighet']))).toEqual([
        error('framework.indicators[0].nodes[2]', 'finns redan i listan (framework.indicators[0].nodes[0])'),
      ]);
    });

    describe('targets: only the variant the kind names is reported', () => {
      it('a numeric target without a value', () => {
        expect(withSchemaDefect('framework.indicators[0].targets[1]', (t) => delete t.value)).toEqual([
          error('framework.indicators[0].targets[1].value', 'saknas'),
        ]);
      });

      it('a relative target with a value', () => {
        expect(withSchemaDefect('framework.indicators[0].targets[0]', (t) => (t.value = 85))).toEqual([
          error('framework.indicators[0].targets[0].value', 'okänt fält'),
        ]);
      });

      it('a state target with a comparator and a bad state', () => {
        expect(
          withSchemaDefect('framework.indicators[2].targets[0]', (t) => {
            t.comparator = '>=';
            t.state = 'Hög';
          }),
        ).toEqual([
          error('framework.indicators[2].targets[0].state', 'får bara innehålla gemena a–z, siffror, punkt, bindestreck och understreck, och måste börja med en bokstav eller siffra'),
        ]);
      });

      it('a target without kind', () => {
        expect(withSchemaDefect('framework.indicators[0].targets[1]', (t) => delete t.kind)).toEqual([error('framework.indicators[0].targets[1].kind', 'saknas')]);
      });

      it('a target of an unknown kind', () => {
        expect(withSchemaDefect('framework.indicators[0].targets[1]', (t) => (t.kind = 'percent'))).toEqual([
          error('framework.indicators[0].targets[1].kind', 'måste vara ett av: numeric, relative, state, to_be_set'),
        ]);
      });

      it('a target that is not an object', () => {
        expect(withSchemaDefect('framework.indicators[0]', (i) => (i.targets = [85]))).toEqual([error('framework.indicators[0].targets[0]', 'måste vara ett objekt')]);
      });

      // The discriminated targets must accept exactly what the schema file's oneOf accepts.
      const original = new Ajv({ allErrors: true, strict: false }).compile(schemaDocument);
      it.each<[number, unknown]>([
        [0, { year: 2023, kind: 'numeric', comparator: '>=', value: 85 }],
        [0, { year: 2023, kind: 'relative', comparator: '<' }],
        [0, { year: 2023, kind: 'relative', comparator: '<', relativeToYear: null, note: null }],
        [0, { year: 2023, kind: 'numeric', comparator: '>=' }],
        [0, { year: 2023, kind: 'numeric', comparator: '>=', value: 85, state: 'hog' }],
        [0, { year: 2023, kind: 'relative', comparator: '>', relativeToYear: 2022.5 }],
        [0, { year: 2023, comparator: '>=', value: 85 }],
        [0, { year: 2023, kind: 'NUMERIC', comparator: '>=', value: 85 }],
        [0, 'mål'],
        [2, { year: 2023, kind: 'state', state: 'hog' }],
        [2, { year: 2023, kind: 'state' }],
        [2, { year: 2023, kind: 'state', state: 'hog', value: 1 }],
      ])('agrees with the schema file on indicator %i, target %j', (indicator, target) => {
        const file = validFile();
        objectAt(file, `framework.indicators[${indicator}]`).targets = [target];
        expect(validate(file).ok).toBe(original(file));
      });
    });

    it('reports every schema error at once', () => {
      const file = validFile();
      objectAt(file, 'framework').name = '';
      delete objectAt(file, 'framework.nodes[1]').title;
      objectAt(file, 'framework.activityPlans[0].activities[1]').extra = true;
      expect(errorsOf(file)).toEqual([
        error('framework.name', 'får inte vara tomt'),
        error('framework.nodes[1].title', 'saknas'),
        error('framework.activityPlans[0].activities[1].extra', 'okänt fält'),
      ]);
    });

    it('reports the rules beyond the schema in the same answer', () => {
      const file = validFile();
      objectAt(file, 'framework').name = 5;
      objectAt(file, 'framework.activityPlans[0]').department = 'XYZ';
      expect(errorsOf(file)).toEqual([error('framework.name', 'måste vara en text'), error('framework.activityPlans[0].department', 'okänd förvaltning eller bolag "XYZ"')]);
    });
  });

  describe('format II: what a fourth municipality writes', () => {
    const accepts = (change: (file: FrameworkFile) => void) => {
      const file = validFile();
      change(file);
      const result = validate(file);
      expect(result.ok ? [] : result.errors).toEqual([]);
    };

    it('accepts targets not quantified yet, on numeric and ordinal indicators, with or without the source text', () =>
      accepts((f) => {
        f.framework.indicators[0].targets[1] = { year: 2023, kind: 'to_be_set', text: '>Xx st' };
        f.framework.indicators[2].targets[0] = { year: 2023, kind: 'to_be_set' };
      }));

    it('accepts an actual given as a bound, and refuses a bound without a number or on a state', () => {
      accepts((f) => (f.framework.indicators[0].values[3] = { year: 2023, value: 18, bound: '>=' }));
      expect(withDefect((f) => (f.framework.indicators[0].values[3] = { year: 2023, value: null, bound: '>=' }))).toEqual([
        error('framework.indicators[0].values[3].bound', 'en gräns (≥) behöver ett tal i "value"'),
      ]);
      expect(withDefect((f) => (f.framework.indicators[2].values[0] = { year: 2021, state: 'lag', bound: '>' }))).toEqual([
        error('framework.indicators[2].values[0].bound', 'indikatorn mäts med skalan "trygghetsniva": ett skalsteg kan inte anges som en gräns'),
      ]);
      expect(withSchemaDefect('framework.indicators[0].values[3]', (v) => Object.assign(v, { value: 18, bound: '=' }))).toEqual([
        error('framework.indicators[0].values[3].bound', 'måste vara ett av: >=, >, <=, <'),
      ]);
    });

    it('accepts a state target with a comparator on the scale ("> delvis")', () =>
      accepts((f) => (f.framework.indicators[2].targets[0] = { year: 2023, kind: 'state', state: 'lag', comparator: '>' })));

    it('accepts a scale of one state, with the implied "ej-uppfyllt" below it, and refuses that key for the one state', () => {
      accepts((f) => {
        f.framework.scales[1].states = [{ key: 'hog', label: 'Uppfyller', rank: 1 }];
        f.framework.indicators[2].values[0] = { year: 2021, state: 'ej-uppfyllt' };
      });
      expect(
        withDefect((f) => {
          f.framework.scales[1].states = [{ key: 'ej-uppfyllt', label: 'Uppfyller inte', rank: 1 }];
          f.framework.indicators[2] = { ...f.framework.indicators[2], values: [], targets: [] };
        }),
      ).toEqual([error('framework.scales[1].states[0].key', '"ej-uppfyllt" är det underförstådda steget under en skalas enda steg: ge steget en annan nyckel')]);
      // Only a one-state scale implies it: a two-state scale names its states.
      expect(withDefect((f) => (f.framework.indicators[2].values[0] = { year: 2021, state: 'ej-uppfyllt' }))).toEqual([
        error('framework.indicators[2].values[0].state', 'okänt skalsteg "ej-uppfyllt" i skalan "trygghetsniva"'),
      ]);
    });

    it('names the indicator tiers, and refuses a sub-measure deeper than the tiers named', () => {
      accepts((f) => (f.framework.indicatorLevels = [{ key: 'indikator', name: 'Indikator' }, { key: 'delmatt', name: 'Delmått' }]));
      expect(withDefect((f) => (f.framework.indicatorLevels = [{ key: 'indikator', name: 'Indikator' }]))).toEqual([
        error('framework.indicators[1].parent', 'indikatorn ligger på nivå 2, men indicatorLevels namnger bara 1 (Indikator)'),
      ]);
    });

    it('lets comparator, direction and a sub-measure\'s goals be left out', () =>
      accepts((f) => {
        const [first, second] = f.framework.indicators;
        delete first.direction;
        first.targets = [{ year: 2023, kind: 'numeric', value: 85 }];
        delete second.nodes;
        second.targets = [{ year: 2023, kind: 'relative' }];
      }));

    it('asks for a comparator on a relative target when the indicator has no direction to take it from', () => {
      expect(
        withDefect((f) => {
          delete f.framework.indicators[1].direction;
          f.framework.indicators[1].targets = [{ year: 2023, kind: 'relative' }];
        }),
      ).toEqual([error('framework.indicators[1].targets[0].comparator', 'saknas: indikatorn anger ingen riktning (direction), så målet måste säga hur utfallet ska jämföras')]);
    });

    it('reports schema and semantic errors of different parts in one answer, and no echo of a collection it could not read', () => {
      const file = validFile();
      objectAt(file, 'framework.indicators[0].targets[1]').value = 'åttiofem';
      objectAt(file, 'framework.nodes[1]').parent = 'finns-inte';
      objectAt(file, 'framework.activityPlans[0].activities[0]').responsible = ['XYZ'];
      expect(errorsOf(file)).toEqual([
        error('framework.indicators[0].targets[1].value', 'måste vara ett tal'),
        error('framework.nodes[1].parent', 'okänd nod "finns-inte"'),
        error('framework.activityPlans[0].activities[0].responsible[0]', 'okänd förvaltning eller bolag "XYZ"'),
      ]);
      const unreadable = validFile();
      objectAt(unreadable, 'framework').nodes = 'inga';
      expect(errorsOf(unreadable)).toEqual([error('framework.nodes', 'måste vara en lista')]);
    });
  });

  describe('the five bad files of the issue', () => {
    it('a target on an unknown scale state', () => {
      expect(withDefect((f) => (f.framework.indicators[2].targets[0] = { year: 2023, kind: 'state', state: 'mycket-hog' }))).toEqual([
        error('framework.indicators[2].targets[0].state', 'okänt skalsteg "mycket-hog" i skalan "trygghetsniva"'),
      ]);
    });

    it('a value for a period outside the framework', () => {
      expect(withDefect((f) => f.framework.indicators[0].values.push({ year: 2024, value: 82 }))).toEqual([
        error('framework.indicators[0].values[4].year', '2024 ligger utanför styrmodellens period 2021–2023'),
      ]);
    });

    it('a cycle in the goal tree', () => {
      expect(withDefect((f) => (f.framework.nodes[1].parent = 'behorighet'))).toEqual([
        error('framework.nodes[1].parent', 'cirkulär överordning: utbildning → behorighet → utbildning'),
      ]);
    });

    it('a duplicate indicator', () => {
      expect(
        withDefect((f) => f.framework.indicators.push({ key: 'behoriga', name: 'Behöriga igen', direction: 'none', nodes: ['behorighet'], values: [], targets: [] })),
      ).toEqual([error('framework.indicators[3].key', 'nyckeln "behoriga" finns redan (framework.indicators[0])')]);
    });

    it('an activity pointing to an unknown department', () => {
      expect(withDefect((f) => (f.framework.activityPlans[0].activities[1].responsible = ['SOU', 'XYZ']))).toEqual([
        error('framework.activityPlans[0].activities[1].responsible[1]', 'okänd förvaltning eller bolag "XYZ"'),
      ]);
    });

    it('all five in one file, reported together', () => {
      const errors = withDefect((f) => {
        f.framework.indicators[2].targets[0] = { year: 2023, kind: 'state', state: 'mycket-hog' };
        f.framework.indicators[0].values.push({ year: 2024, value: 82 });
        f.framework.nodes[1].parent = 'behorighet';
        f.framework.indicators.push({ key: 'behoriga', name: 'Behöriga igen', direction: 'none', nodes: ['behorighet'], values: [], targets: [] });
        f.framework.activityPlans[0].activities[1].responsible = ['SOU', 'XYZ'];
      });
      expect(errors).toEqual([
        error('framework.nodes[1].parent', 'cirkulär överordning: utbildning → behorighet → utbildning'),
        error('framework.indicators[3].key', 'nyckeln "behoriga" finns redan (framework.indicators[0])'),
        error('framework.indicators[0].values[4].year', '2024 ligger utanför styrmodellens period 2021–2023'),
        error('framework.indicators[2].targets[0].state', 'okänt skalsteg "mycket-hog" i skalan "trygghetsniva"'),
        error('framework.activityPlans[0].activities[1].responsible[1]', 'okänd förvaltning eller bolag "XYZ"'),
      ]);
    });
  });

  describe('duplicate keys', () => {
    it.each<[string, (f: FrameworkFile) => void, FrameworkError]>([
      ['level', (f) => f.framework.levels.push({ key: 'vision', name: 'Vision igen' }), error('framework.levels[3].key', 'nyckeln "vision" finns redan (framework.levels[0])')],
      [
        'scale',
        (f) => f.framework.scales.push({ key: 'bedomning', name: 'Igen', states: [{ key: 'a', label: 'A', rank: 1 }, { key: 'b', label: 'B', rank: 2 }] }),
        error('framework.scales[2].key', 'nyckeln "bedomning" finns redan (framework.scales[0])'),
      ],
      [
        'scale state',
        (f) => f.framework.scales[0].states.push({ key: 'delvis', label: 'Delvis igen', rank: 4 }),
        error('framework.scales[0].states[3].key', 'nyckeln "delvis" finns redan (framework.scales[0].states[1])'),
      ],
      ['footnote', (f) => f.framework.footnotes.push({ key: 'f1', text: 'Igen' }), error('framework.footnotes[2].key', 'nyckeln "f1" finns redan (framework.footnotes[0])')],
      [
        'node',
        (f) => f.framework.nodes.push({ key: 'trygghet', level: 'verksamhetsmal', parent: 'utbildning', title: 'Igen' }),
        error('framework.nodes[4].key', 'nyckeln "trygghet" finns redan (framework.nodes[3])'),
      ],
      [
        'activity plan',
        (f) => f.framework.activityPlans.push({ key: 'sou-2022', department: 'KSF', year: 2022, title: 'Igen', activities: [] }),
        error('framework.activityPlans[1].key', 'nyckeln "sou-2022" finns redan (framework.activityPlans[0])'),
      ],
    ])('a second %s with the same key', (_what, change, expected) => {
      expect(withDefect(change)).toEqual([expected]);
    });

    it('the same state key in two scales is fine', () => {
      const file = validFile();
      file.framework.scales[1].states[0].key = 'delvis';
      file.framework.indicators[2].values[0].state = 'delvis';
      expect(validate(file).ok).toBe(true);
    });

    it('a second activity with the same number in a plan', () => {
      expect(withDefect((f) => (f.framework.activityPlans[0].activities[1].number = 1))).toEqual([
        error('framework.activityPlans[0].activities[1].number', 'nummer 1 finns redan (framework.activityPlans[0].activities[0])'),
      ]);
    });

    it('a second value for the same year', () => {
      expect(withDefect((f) => f.framework.indicators[0].values.push({ year: 2021, value: 1 }))).toEqual([
        error('framework.indicators[0].values[4].year', 'det finns redan ett värde för 2021 (framework.indicators[0].values[0])'),
      ]);
    });

    it('a second value for the same year and date, while another date of the year is fine', () => {
      expect(
        withDefect((f) => {
          f.framework.indicators[0].values.push({ year: 2022, asOf: '2022-05-31', value: 1 });
          f.framework.indicators[0].values.push({ year: 2022, asOf: '2022-11-30', value: 2 });
        }),
      ).toEqual([error('framework.indicators[0].values[5].year', 'det finns redan ett värde för 2022 per 2022-11-30 (framework.indicators[0].values[2])')]);
    });

    it('values of different indicators never collide', () => {
      const file = validFile();
      file.framework.indicators[1].values.push({ year: 2022, value: 71 });
      expect(validate(file).ok).toBe(true);
    });

    it('a second target for the same year', () => {
      expect(withDefect((f) => f.framework.indicators[0].targets.push({ year: 2022, kind: 'numeric', comparator: '>=', value: 80 }))).toEqual([
        error('framework.indicators[0].targets[2].year', 'det finns redan ett mål för 2022 (framework.indicators[0].targets[0])'),
      ]);
    });

    it('a second assessment of the same node or indicator for the same year', () => {
      expect(
        withDefect((f) => {
          f.framework.assessments.push({ node: 'behorighet', year: 2022, state: 'uppfyllt' });
          f.framework.assessments.push({ indicator: 'behoriga', year: 2022, state: 'delvis', node: null });
        }),
      ).toEqual([
        error('framework.assessments[3].year', 'det finns redan en bedömning av noden "behorighet" för 2022 (framework.assessments[0])'),
        error('framework.assessments[4].year', 'det finns redan en bedömning av indikatorn "behoriga" för 2022 (framework.assessments[1])'),
      ]);
    });

    it('a node and an indicator with the same key are different subjects', () => {
      const file = validFile();
      file.framework.indicators[0].key = 'behorighet';
      file.framework.indicators[1].parent = 'behorighet';
      file.framework.assessments[1].indicator = 'behorighet';
      file.framework.activityPlans[0].activities[0].indicator = 'behorighet';
      file.framework.activityCounts![0].rows[1].indicator = 'behorighet';
      expect(validate(file).ok).toBe(true);
    });
  });

  describe('the period', () => {
    it('refuses a period that ends before it starts, without calling every year outside it', () => {
      expect(withDefect((f) => (f.framework.fromYear = 2024))).toEqual([error('framework.toYear', 'får inte vara före fromYear (2024)')]);
    });

    it.each<[string, (f: FrameworkFile) => void, string]>([
      ['a value', (f) => (f.framework.indicators[1].values[0].year = 2020), 'framework.indicators[1].values[0].year'],
      ['a target', (f) => (f.framework.indicators[0].targets[1].year = 2024), 'framework.indicators[0].targets[1].year'],
      ['an assessment', (f) => (f.framework.assessments[2].year = 2024), 'framework.assessments[2].year'],
      ['an activity plan', (f) => (f.framework.activityPlans[0].year = 2024), 'framework.activityPlans[0].year'],
      ['activity counts', (f) => (f.framework.activityCounts![0].year = 2024), 'framework.activityCounts[0].year'],
    ])('refuses %s outside the period', (_what, change, path) => {
      const year = path.includes('values[0]') ? 2020 : 2024;
      expect(withDefect(change)).toEqual([error(path, `${year} ligger utanför styrmodellens period 2021–2023`)]);
    });

    it('refuses a relative target compared with the same or a later year', () => {
      expect(withDefect((f) => (f.framework.indicators[0].targets[0] = { year: 2022, kind: 'relative', comparator: '>', relativeToYear: 2022 }))).toEqual([
        error('framework.indicators[0].targets[0].relativeToYear', 'måste vara ett tidigare år än målåret 2022'),
      ]);
      expect(withDefect((f) => (f.framework.indicators[0].targets[0] = { year: 2022, kind: 'relative', comparator: '>', relativeToYear: 2025 }))).toEqual([
        error('framework.indicators[0].targets[0].relativeToYear', 'måste vara ett tidigare år än målåret 2022'),
      ]);
    });

    it('refuses a relative target compared with a year before the period', () => {
      expect(withDefect((f) => (f.framework.indicators[0].targets[0] = { year: 2022, kind: 'relative', comparator: '>', relativeToYear: 2019 }))).toEqual([
        error('framework.indicators[0].targets[0].relativeToYear', '2019 ligger utanför styrmodellens period 2021–2023'),
      ]);
    });
  });

  describe('the goal tree', () => {
    it('refuses an unknown level', () => {
      expect(withDefect((f) => (f.framework.nodes[3].level = 'delmal'))).toEqual([error('framework.nodes[3].level', 'okänd nivå "delmal"')]);
    });

    it('refuses an unknown parent', () => {
      expect(withDefect((f) => (f.framework.nodes[3].parent = 'utbilding'))).toEqual([error('framework.nodes[3].parent', 'okänd nod "utbilding"')]);
    });

    it('refuses a node that is its own parent', () => {
      expect(withDefect((f) => (f.framework.nodes[2].parent = 'behorighet'))).toEqual([
        error('framework.nodes[2].parent', 'cirkulär överordning: behorighet → behorighet'),
      ]);
    });

    it('reports a longer cycle once, from its first node in the file, and every separate cycle', () => {
      const errors = withDefect((f) => {
        f.framework.nodes[1].parent = 'trygghet';
        f.framework.nodes.push(
          { key: 'a', level: 'verksamhetsmal', parent: 'b', title: 'A' },
          { key: 'b', level: 'verksamhetsmal', parent: 'a', title: 'B' },
        );
      });
      expect(errors).toEqual([
        error('framework.nodes[1].parent', 'cirkulär överordning: utbildning → trygghet → utbildning'),
        error('framework.nodes[4].parent', 'cirkulär överordning: a → b → a'),
      ]);
    });

    it('refuses a root below the top level', () => {
      expect(withDefect((f) => (f.framework.nodes[3].parent = null))).toEqual([
        error('framework.nodes[3].parent', 'saknas: bara noder på den översta nivån ("Vision") kan sakna överordnad nod'),
      ]);
    });

    it('refuses a parent for a node on the top level', () => {
      expect(withDefect((f) => f.framework.nodes.push({ key: 'vision-2', level: 'vision', parent: 'vision', title: 'Delvision' }))).toEqual([
        error('framework.nodes[4].parent', 'måste vara null: en nod på den översta nivån ("Vision") är en rot'),
      ]);
    });

    it('refuses a node on the same level as its parent', () => {
      expect(withDefect((f) => (f.framework.nodes[2].level = 'malomrade'))).toEqual([
        error('framework.nodes[2].level', 'nivån "malomrade" måste ligga under den överordnade nodens nivå "malomrade"'),
      ]);
    });

    it('refuses a node above its parent', () => {
      expect(
        withDefect((f) => {
          f.framework.nodes[3].parent = 'behorighet';
          f.framework.nodes[3].level = 'malomrade';
        }),
      ).toEqual([error('framework.nodes[3].level', 'nivån "malomrade" måste ligga under den överordnade nodens nivå "verksamhetsmal"')]);
    });
  });

  describe('indicators', () => {
    it('refuses an unknown goal node', () => {
      expect(withDefect((f) => (f.framework.indicators[0].nodes = ['behorighet', 'lasning']))).toEqual([
        error('framework.indicators[0].nodes[1]', 'okänd nod "lasning"'),
      ]);
    });

    it('refuses an unknown parent indicator', () => {
      expect(withDefect((f) => (f.framework.indicators[1].parent = 'behorig'))).toEqual([error('framework.indicators[1].parent', 'okänd indikator "behorig"')]);
    });

    it('refuses a cycle among parent indicators', () => {
      expect(withDefect((f) => (f.framework.indicators[0].parent = 'behoriga-yrkes'))).toEqual([
        error('framework.indicators[0].parent', 'cirkulär överordning: behoriga → behoriga-yrkes → behoriga'),
      ]);
      expect(withDefect((f) => (f.framework.indicators[2].parent = 'trygghet-niva'))).toEqual([
        error('framework.indicators[2].parent', 'cirkulär överordning: trygghet-niva → trygghet-niva'),
      ]);
    });

    it('reports a cycle of parent indicators once, and ends, when a sub-measure hangs below it and the tiers are named', () => {
      expect(
        withDefect((f) => {
          f.framework.indicatorLevels = [
            { key: 'indikator', name: 'Indikator' },
            { key: 'delmatt', name: 'Delmått' },
          ];
          f.framework.indicators[0].parent = 'behoriga-yrkes';
          f.framework.indicators[2].parent = 'behoriga';
        }),
      ).toEqual([error('framework.indicators[0].parent', 'cirkulär överordning: behoriga → behoriga-yrkes → behoriga')]);
    });

    it('refuses an unknown scale, and then leaves its states unjudged', () => {
      expect(withDefect((f) => (f.framework.indicators[2].scale = 'trygghet'))).toEqual([error('framework.indicators[2].scale', 'okänd skala "trygghet"')]);
    });

    it.each<[string, (f: FrameworkFile) => void, string]>([
      ['the indicator', (f) => (f.framework.indicators[0].footnotes = ['f1', 'f3']), 'framework.indicators[0].footnotes[1]'],
      ['a value', (f) => (f.framework.indicators[0].values[1].footnotes = ['f3']), 'framework.indicators[0].values[1].footnotes[0]'],
      ['a target', (f) => (f.framework.indicators[0].targets[1].footnotes = ['f2', 'f3']), 'framework.indicators[0].targets[1].footnotes[1]'],
    ])('refuses an unknown footnote on %s', (_where, change, path) => {
      expect(withDefect(change)).toEqual([error(path, 'okänd fotnot "f3"')]);
    });

    describe('a numeric indicator (no scale)', () => {
      it('refuses a value given as a state', () => {
        expect(withDefect((f) => (f.framework.indicators[1].values[0] = { year: 2021, state: 'hog' }))).toEqual([
          error('framework.indicators[1].values[0].state', 'indikatorn är numerisk: ange värdet i "value", inte "state"'),
        ]);
      });

      it('refuses a state target', () => {
        expect(withDefect((f) => (f.framework.indicators[0].targets[1] = { year: 2023, kind: 'state', state: 'hog' }))).toEqual([
          error('framework.indicators[0].targets[1].kind', 'indikatorn är numerisk: målet måste vara av typen "numeric", "relative" eller "to_be_set"'),
        ]);
      });
    });

    describe('an ordinal indicator (with a scale)', () => {
      it('refuses a value given as a number', () => {
        expect(withDefect((f) => (f.framework.indicators[2].values[1] = { year: 2022, value: 3 }))).toEqual([
          error('framework.indicators[2].values[1].value', 'indikatorn mäts med skalan "trygghetsniva": ange ett skalsteg i "state", inte "value"'),
        ]);
      });

      it('refuses a value on a state of another scale', () => {
        expect(withDefect((f) => (f.framework.indicators[2].values[1].state = 'delvis'))).toEqual([
          error('framework.indicators[2].values[1].state', 'okänt skalsteg "delvis" i skalan "trygghetsniva"'),
        ]);
      });

      it.each<[string, FrameworkFile['framework']['indicators'][number]['targets'][number]]>([
        ['numeric', { year: 2023, kind: 'numeric', comparator: '>=', value: 2 }],
        ['relative', { year: 2023, kind: 'relative', comparator: '>' }],
      ])('refuses a %s target', (_kind, target) => {
        expect(withDefect((f) => (f.framework.indicators[2].targets[0] = target))).toEqual([
          error('framework.indicators[2].targets[0].kind', 'indikatorn mäts med skalan "trygghetsniva": målet måste vara av typen "state" eller "to_be_set"'),
        ]);
      });
    });
  });

  describe('assessments', () => {
    it('refuses an assessment of nothing', () => {
      expect(withDefect((f) => (f.framework.assessments[2] = { node: null, year: 2023, state: 'uppfyllt' }))).toEqual([
        error('framework.assessments[2].node', 'saknas: ange vilken nod ("node") eller indikator ("indicator") som bedöms'),
      ]);
    });

    it('refuses an assessment of both a node and an indicator', () => {
      expect(withDefect((f) => (f.framework.assessments[2].indicator = 'behoriga'))).toEqual([
        error('framework.assessments[2].indicator', 'ange antingen "node" eller "indicator", inte båda'),
      ]);
    });

    it('refuses an unknown node or indicator', () => {
      expect(withDefect((f) => (f.framework.assessments[0].node = 'behorig'))).toEqual([error('framework.assessments[0].node', 'okänd nod "behorig"')]);
      expect(withDefect((f) => (f.framework.assessments[1].indicator = 'behorig'))).toEqual([
        error('framework.assessments[1].indicator', 'okänd indikator "behorig"'),
      ]);
    });

    it('needs an assessment scale when there are assessments', () => {
      expect(withDefect((f) => delete f.framework.assessmentScale)).toEqual([
        error('framework.assessmentScale', 'saknas: bedömningarna behöver en bedömningsskala'),
      ]);
    });

    it('refuses an unknown assessment scale, even without assessments', () => {
      expect(withDefect((f) => (f.framework.assessmentScale = 'bedomningar'))).toEqual([error('framework.assessmentScale', 'okänd skala "bedomningar"')]);
      expect(
        withDefect((f) => {
          f.framework.assessments = [];
          f.framework.assessmentScale = 'bedomningar';
        }),
      ).toEqual([error('framework.assessmentScale', 'okänd skala "bedomningar"')]);
    });

    it('refuses a state outside the assessment scale', () => {
      expect(withDefect((f) => (f.framework.assessments[1].state = 'hog'))).toEqual([
        error('framework.assessments[1].state', 'okänt skalsteg "hog" i skalan "bedomning"'),
      ]);
    });

    it('refuses an assessment date that is no real date', () => {
      expect(withDefect((f) => (f.framework.assessments[0].assessedOn = '2023-02-29'))).toEqual([
        error('framework.assessments[0].assessedOn', '2023-02-29 är inget giltigt datum'),
      ]);
    });
  });

  describe('activity plans and counts', () => {
    it('refuses a plan of an unknown department', () => {
      expect(withDefect((f) => (f.framework.activityPlans[0].department = 'BUN'))).toEqual([
        error('framework.activityPlans[0].department', 'okänd förvaltning eller bolag "BUN"'),
      ]);
    });

    it('takes the departments from the context', () => {
      const result = validateFrameworkFile(validFile(), { departments: ['SOU', 'LKF'] });
      expect(result).toEqual({ ok: false, errors: [error('framework.activityPlans[0].activities[1].responsible[1]', 'okänd förvaltning eller bolag "KSF"')] });
    });

    it('refuses an activity linked to an unknown node or indicator', () => {
      expect(
        withDefect((f) => {
          f.framework.activityPlans[0].activities[1].node = 'trygg';
          f.framework.activityPlans[0].activities[0].indicator = 'behorig';
        }),
      ).toEqual([
        error('framework.activityPlans[0].activities[0].indicator', 'okänd indikator "behorig"'),
        error('framework.activityPlans[0].activities[1].node', 'okänd nod "trygg"'),
      ]);
    });

    it('refuses count rows naming an unknown indicator or department', () => {
      expect(
        withDefect((f) => {
          f.framework.activityCounts![0].rows[0].department = 'ABC';
          f.framework.activityCounts![0].rows[1].indicator = 'behorig';
        }),
      ).toEqual([
        error('framework.activityCounts[0].rows[0].department', 'okänd förvaltning eller bolag "ABC"'),
        error('framework.activityCounts[0].rows[1].indicator', 'okänd indikator "behorig"'),
      ]);
    });
  });

  describe('dates', () => {
    it.each(['2022-02-30', '2022-13-01', '2022-00-10', '2021-02-29', '2022-11-31'])('refuses the value date %s', (asOf) => {
      expect(withDefect((f) => (f.framework.indicators[0].values[2].asOf = asOf))).toEqual([
        error('framework.indicators[0].values[2].asOf', `${asOf} är inget giltigt datum`),
      ]);
    });
  });

  it('reports every rule broken, across the whole file, in one pass', () => {
    const errors = withDefect((f) => {
      f.framework.levels.push({ key: 'vision', name: 'Vision' });
      f.framework.nodes[3].level = 'delmal';
      f.framework.indicators[0].values[0].state = 'hog';
      f.framework.indicators[0].targets[1].year = 2020;
      f.framework.indicators[2].values[0].state = 'medel';
      f.framework.assessments[0].state = 'bra';
      f.framework.activityPlans[0].department = 'BUN';
      f.framework.activityPlans[0].activities[1].number = 1;
      f.framework.activityCounts![0].rows[1].indicator = 'okand';
    });
    expect(errors).toEqual([
      error('framework.levels[3].key', 'nyckeln "vision" finns redan (framework.levels[0])'),
      error('framework.nodes[3].level', 'okänd nivå "delmal"'),
      error('framework.indicators[0].values[0].state', 'indikatorn är numerisk: ange värdet i "value", inte "state"'),
      error('framework.indicators[0].targets[1].year', '2020 ligger utanför styrmodellens period 2021–2023'),
      error('framework.indicators[2].values[0].state', 'okänt skalsteg "medel" i skalan "trygghetsniva"'),
      error('framework.assessments[0].state', 'okänt skalsteg "bra" i skalan "bedomning"'),
      error('framework.activityPlans[0].department', 'okänd förvaltning eller bolag "BUN"'),
      error('framework.activityPlans[0].activities[1].number', 'nummer 1 finns redan (framework.activityPlans[0].activities[0])'),
      error('framework.activityCounts[0].rows[1].indicator', 'okänd indikator "okand"'),
    ]);
  });

  it('does not change the file it validates', () => {
    const file = validFile();
    file.framework.nodes[1].parent = 'behorighet';
    const before = structuredClone(file);
    validate(file);
    expect(file).toEqual(before);
  });
});
