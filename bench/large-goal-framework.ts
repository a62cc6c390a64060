import type { FrameworkFile } from '@namndrum/goals';

type Framework = FrameworkFile['framework'];
type Indicator = Framework['indicators'][number];

/** A small deterministic generator (mulberry32): the same framework every run, so runs compare. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ['Förskola', 'Grundskola', 'Gymnasieskola', 'Vuxenutbildning', 'Äldreomsorg', 'Hemtjänst', 'Individ- och familjeomsorg', 'Funktionsstöd', 'Kultur och fritid', 'Bibliotek', 'Miljö och hälsoskydd', 'Bygglov', 'Gator och parker', 'Vatten och avlopp', 'Räddningstjänst', 'Näringsliv'];
const MEASURES = [
  { name: 'Andel nöjda brukare inom {area}', unit: '%', direction: 'higher_is_better', decimals: 0, base: 78 },
  { name: 'Andel medarbetare inom {area} som rekommenderar sin arbetsplats', unit: '%', direction: 'higher_is_better', decimals: 0, base: 70 },
  { name: 'Sjukfrånvaro bland medarbetare inom {area}', unit: '%', direction: 'lower_is_better', decimals: 1, base: 7.5 },
  { name: 'Kostnad per invånare för {area}', unit: 'kr', direction: 'lower_is_better', decimals: 0, base: 4200 },
  { name: 'Handläggningstid för ärenden inom {area}', unit: 'dagar', direction: 'lower_is_better', decimals: 0, base: 28 },
  { name: 'Antal besök och deltagare inom {area}', unit: 'st', direction: 'higher_is_better', decimals: 0, base: 1800 },
  { name: 'Andel ärenden inom {area} avslutade inom fastställd tid', unit: '%', direction: 'higher_is_better', decimals: 1, base: 84.5 },
  { name: 'Energianvändning i lokaler för {area}', unit: 'kWh/m²', direction: 'lower_is_better', decimals: 0, base: 140 },
] as const;
const GROUPS = ['flickor', 'pojkar', 'kommunal regi', 'enskild regi', 'centralorten', 'landsbygden'];
const GOAL_WORDS = ['Invånarna ska uppleva god service', 'Fler ska gå vidare till arbete eller studier', 'Verksamheten ska vara ekonomiskt hållbar', 'Kommunen ska vara en attraktiv arbetsgivare', 'Klimatpåverkan ska minska', 'Tryggheten i det offentliga rummet ska öka', 'Barn och unga ska ges goda förutsättningar', 'Äldre ska kunna leva ett självständigt liv'];
const SOURCES = ['Kolada', 'Medborgarundersökningen', 'Egen mätning', 'Ekonomisystemet', 'Personalsystemet', 'SCB'];

/**
 * A framework of the size a large municipality's whole organisation publishes: `indicatorCount` indicators
 * (every fifth group of five has its last two as sub-measures of the third), five years of actuals and
 * five targets each of mixed kinds, some ordinal indicators on a scale, a tree of four levels with
 * a few hundred nodes, footnotes, assessments and activity plans for the given departments. About
 * 0.9 kB of JSON per indicator: 10,000 make some 9 MB.
 */
export function largeFramework(indicatorCount: number, departments: string[]): FrameworkFile {
  const next = random(20260101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const fromYear = 2020;
  const toYear = 2027;
  const footnotes = Array.from({ length: 20 }, (_, i) => ({ key: `f${i + 1}`, text: `Fotnot ${i + 1}: ${pick(['Preliminärt värde.', 'Ny mätmetod från 2022.', 'Avser läsår.', 'Uppgiften avser november.', 'Exklusive enskild regi.'])}` }));

  const nodes: Framework['nodes'] = [{ key: 'vision', level: 'vision', parent: null, title: 'Tillsammans bygger vi en hållbar kommun att leva, verka och vistas i', externalRefs: ['Agenda 2030'] }];
  const leaves: string[] = [];
  for (let area = 1; area <= 8; area++) {
    nodes.push({ key: `omrade-${area}`, level: 'malomrade', parent: 'vision', title: `${GOAL_WORDS[area - 1]}`, position: area });
    for (let goal = 1; goal <= 10; goal++) {
      const goalKey = `mal-${area}-${goal}`;
      nodes.push({ key: goalKey, level: 'verksamhetsmal', parent: `omrade-${area}`, title: `${GOAL_WORDS[(area + goal) % GOAL_WORDS.length]} inom ${AREAS[(area * 10 + goal) % AREAS.length].toLowerCase()}`, position: goal });
      for (let sub = 1; sub <= 4; sub++) {
        const key = `delmal-${area}-${goal}-${sub}`;
        nodes.push({ key, level: 'delmal', parent: goalKey, title: `Delmål ${area}.${goal}.${sub}: ${pick(GOAL_WORDS)}`, description: 'Följs upp i delårsrapporten och årsredovisningen.', position: sub });
        leaves.push(key);
      }
    }
  }

  const pickLeaf = () => Math.floor(next() * leaves.length);
  const indicators: Indicator[] = [];
  for (let i = 0; i < indicatorCount; i++) {
    const key = `ind-${String(i + 1).padStart(5, '0')}`;
    const area = AREAS[i % AREAS.length];
    const positionInGroup = i % 5;
    const parent = positionInGroup >= 3 ? `ind-${String(i - positionInGroup + 3).padStart(5, '0')}` : null;
    const ordinal = parent === null && i % 10 === 1;
    if (ordinal) {
      indicators.push({
        key,
        name: `Införande av digitala tjänster inom ${area.toLowerCase()} (${i + 1})`,
        direction: 'higher_is_better',
        description: 'Bedöms årligen av förvaltningsledningen utifrån den beslutade handlingsplanen.',
        nodes: [pick(leaves)],
        scale: 'genomforande',
        source: 'Egen bedömning',
        values: Array.from({ length: 5 }, (_, y) => ({ year: fromYear + y, state: ['saknas', 'delvis', 'delvis', 'implementerat', 'implementerat'][y] })),
        targets: Array.from({ length: 5 }, (_, y) => (y === 4 ? { year: 2023 + y, kind: 'to_be_set' as const, text: 'Fastställs i budget 2027' } : { year: 2023 + y, kind: 'state' as const, state: y < 2 ? 'delvis' : 'implementerat' })),
      });
      continue;
    }
    const measure = MEASURES[i % MEASURES.length];
    const base = measure.base * (0.8 + next() * 0.4);
    const round = (value: number) => Number(value.toFixed(measure.decimals));
    const step = measure.direction === 'higher_is_better' ? 1.02 : 0.98;
    indicators.push({
      key,
      name: parent === null ? measure.name.replace('{area}', area.toLowerCase()) : `${measure.name.replace('{area}', area.toLowerCase())}, ${GROUPS[i % GROUPS.length]}`,
      unit: measure.unit,
      direction: measure.direction,
      decimals: measure.decimals,
      description: `${parent === null ? 'Mäts årligen för hela verksamheten' : `Delmått för ${GROUPS[i % GROUPS.length]}`}. ${pick(['Redovisas per enhet och jämförs med riket.', 'Underlaget kommer från den årliga enkäten.', 'Helårsvärde enligt bokslutet.', 'Mätperioden är oktober–november.'])} Följs upp i delårsrapporten och årsredovisningen.`,
      parent,
      // In the tree's order, as an export writes them.
      nodes: parent === null ? [...new Set([pickLeaf(), ...(i % 3 === 0 ? [pickLeaf()] : [])])].sort((a, b) => a - b).map((leaf) => leaves[leaf]) : [],
      ...(i % 7 === 0 ? { koladaKpi: `N${String(10000 + (i % 90000)).padStart(5, '0')}` } : {}),
      source: pick(SOURCES),
      ...(i % 11 === 0 ? { footnotes: [pick(footnotes).key] } : {}),
      values: Array.from({ length: 5 }, (_, y) => {
        const value = round(base * step ** y);
        if (y === 4) return { year: fromYear + y, value, preliminary: true, footnotes: ['f1'], note: 'Preliminärt, fastställs i mars' };
        if (y === 2 && i % 13 === 0) return { year: fromYear + y, value, bound: measure.direction === 'higher_is_better' ? ('>=' as const) : ('<=' as const) };
        if (y === 1 && i % 17 === 0) return { year: fromYear + y, asOf: `${fromYear + y}-11-30`, value, note: 'Avser november' };
        return { year: fromYear + y, value, ...(y % 2 === 0 ? { source: pick(SOURCES) } : {}) };
      }),
      targets: Array.from({ length: 5 }, (_, y) => {
        const year = 2023 + y;
        if (y === 0) return { year, kind: 'relative' as const };
        if (y === 4 && i % 4 === 0) return { year, kind: 'to_be_set' as const, text: '>Xx st' };
        return { year, kind: 'numeric' as const, ...(i % 5 === 0 ? { comparator: measure.direction === 'higher_is_better' ? ('>' as const) : ('<' as const) } : {}), value: round(base * step ** (y + 4)), ...(y === 3 ? { note: 'Enligt budget' } : {}) };
      }),
    });
  }

  const assessments: Framework['assessments'] = [
    ...leaves.map((node, k) => ({ node, year: 2023, state: ['saknas', 'delvis', 'implementerat'][k % 3], assessedBy: 'Kommunstyrelsen', assessedOn: '2024-02-15' })),
    ...indicators.filter((_, k) => k % 20 === 0).map((indicator, k) => ({ indicator: indicator.key, year: 2023, state: ['delvis', 'implementerat'][k % 2], comment: 'Enligt årsredovisningen' })),
  ];
  const activityPlans: Framework['activityPlans'] = departments.flatMap((department, d) =>
    [2024, 2025].map((year) => ({
      key: `${department.toLowerCase()}-${year}`,
      department,
      year,
      title: `Verksamhetsplan ${year} för ${department}`,
      activities: Array.from({ length: 30 }, (_, a) => ({
        number: a + 1,
        text: `Aktivitet ${a + 1}: ${pick(['Utveckla digitala tjänster', 'Genomföra medarbetarenkät', 'Införa nytt verksamhetssystem', 'Se över lokalbehovet', 'Utbilda chefer i arbetsmiljö'])}`,
        ...(a % 3 === 0 ? { quantity: a % 2 === 0 ? '10' : '50-75', unit: 'tillfällen' } : {}),
        responsible: a % 5 === 0 ? [department, departments[(d + 1) % departments.length]] : [department],
        node: pick(leaves),
        ...(a % 4 === 0 ? { indicator: indicators[(d * 30 + a) % indicators.length].key } : {}),
      })),
    })),
  );

  return {
    formatVersion: 1,
    framework: {
      key: 'storkommunen-2024-2027',
      name: 'Mål och budget 2024–2027 med plan för hela organisationen',
      description: 'Kommunfullmäktiges styrmodell: vision, målområden, verksamhetsmål, delmål och resultatmått för alla förvaltningar och bolag.',
      fromYear,
      toYear,
      source: 'KF 2023-11-27 § 182',
      levels: [
        { key: 'vision', name: 'Vision' },
        { key: 'malomrade', name: 'Målområde' },
        { key: 'verksamhetsmal', name: 'Verksamhetsmål' },
        { key: 'delmal', name: 'Delmål' },
      ],
      indicatorLevels: [
        { key: 'indikator', name: 'Indikator' },
        { key: 'delmatt', name: 'Delmått' },
      ],
      scales: [{ key: 'genomforande', name: 'Genomförande', states: [{ key: 'saknas', label: 'Saknas', rank: 0 }, { key: 'delvis', label: 'Delvis', rank: 1 }, { key: 'implementerat', label: 'Implementerat', rank: 2 }] }],
      assessmentScale: 'genomforande',
      footnotes,
      nodes,
      indicators,
      assessments,
      activityPlans,
    },
  };
}
