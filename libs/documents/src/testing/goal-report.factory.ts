import {
  ActivityPlanActivityView,
  ActivityPlanView,
  ActivitySummaryView,
  GoalsOverviewView,
  IndicatorActualView,
  IndicatorSeriesView,
  IndicatorTargetView,
} from '../view-models';

/*
 * Views built from the goal reports attached to item 7 of Social- och utbildningsnämndens kallelse 2023-01-11
 * (../shared/seeds/ludvika-sun-kallelse-2023-01-11.txt), cut down to a few goals, indicators and activities; a spec
 * overrides what it tests.
 */

export const OVERVIEW_TITLE = 'Övergripande verksamhetsmål och resultatmått med målvärden för perioden 2021–2025';
export const PLAN_TITLE = 'Social- och utbildningsförvaltningens plan för målaktiviteter 2023';
export const SUMMARY_TITLE = 'Koncernens samtliga målaktiviteter 2023';

export const ACTUAL_YEARS = [2018, 2019, 2020, 2021, 2022];
export const TARGET_YEARS = [2021, 2022, 2023, 2024, 2025];

/** An actual value, printed with the decimals given and a suffix ("%"). */
export function actual(year: number, value: number | null, overrides: Partial<IndicatorActualView> & { decimals?: number; suffix?: string } = {}): IndicatorActualView {
  const { decimals = 0, suffix = '', ...rest } = overrides;
  return {
    year,
    value,
    display: value === null ? '–' : `${value.toFixed(decimals).replace('.', ',')}${suffix}`,
    preliminary: false,
    note: null,
    footnotes: [],
    ...rest,
  };
}

/** A numeric target, printed as the table prints it ("13,9", "50%"). */
export function target(year: number, value: number | null, overrides: Partial<IndicatorTargetView> & { decimals?: number; suffix?: string } = {}): IndicatorTargetView {
  const { decimals = 0, suffix = '', ...rest } = overrides;
  return { year, value, display: value === null ? '–' : `${value.toFixed(decimals).replace('.', ',')}${suffix}`, footnotes: [], ...rest };
}

export const BETYGSPOANG = 'Genomsnittlig betygspoäng gymnasiets avgångselever åk 3 (max=20)';
export const FORSKOLLARARE = 'Andel personal inom förskolan med förskollärarlegitimation';
export const BISTAND = 'Antal barn i familjer med ekonomiskt bistånd';

export function betygspoang(overrides: Partial<IndicatorSeriesView> = {}): IndicatorSeriesView {
  const options = { decimals: 1 };
  return {
    name: BETYGSPOANG,
    unit: 'poäng',
    decimals: 1,
    direction: 'higher_is_better',
    actuals: [actual(2018, 14.2, options), actual(2019, 13.1, options), actual(2020, 13.8, options), actual(2021, 14.3, options), actual(2022, 14.0, options)],
    // No target was set for 2024.
    targets: [target(2021, 13.5, options), target(2022, 13.7, options), target(2023, 13.9, options), target(2025, 14.2, options)],
    source: 'Källa: Kolada',
    ...overrides,
  };
}

export function forskollarare(overrides: Partial<IndicatorSeriesView> = {}): IndicatorSeriesView {
  const options = { suffix: '%' };
  return {
    name: FORSKOLLARARE,
    unit: '%',
    decimals: 0,
    direction: 'higher_is_better',
    actuals: [
      actual(2018, 35, options),
      actual(2019, 34, options),
      actual(2020, 37, options),
      actual(2021, 37, options),
      actual(2022, 41, { ...options, preliminary: true, footnotes: ['preliminart'] }),
    ],
    targets: [target(2021, 40, options), target(2022, 40, options), target(2023, 42, options), target(2025, 50, options)],
    source: null,
    ...overrides,
  };
}

export function bistand(overrides: Partial<IndicatorSeriesView> = {}): IndicatorSeriesView {
  return {
    name: BISTAND,
    unit: 'antal barn',
    decimals: 0,
    direction: 'lower_is_better',
    actuals: [actual(2018, 602), actual(2019, 628), actual(2020, 572), actual(2021, 431), actual(2022, 397, { note: 'Avser november 2022' })],
    targets: [target(2021, 580), target(2022, 480), target(2023, 410), target(2025, 375)],
    source: null,
    ...overrides,
  };
}

/** Two goals with three indicators; footnote 1 is "Preliminärt", 2 "Avser november 2022". */
export function goalsOverview(overrides: Partial<GoalsOverviewView> = {}): GoalsOverviewView {
  return {
    municipalityName: 'Ludvika kommun',
    title: OVERVIEW_TITLE,
    date: '2022-12-14',
    intro: [
      'Vi har fem övergripande mål. Det finns en kort beskrivning av vad vart och ett står för.',
      'Det finns också konkreta resultatmått (målindikatorer) som visar vad vi särskilt vill ska förbättras och uppnås, för att man ska kunna säga att målen är på väg att nås.',
    ],
    actualYears: ACTUAL_YEARS,
    targetYears: TARGET_YEARS,
    goals: [
      {
        title: 'En av landets bästa skolkommuner',
        meaning: [
          'Vi prioriterar barn och unga.',
          'För att kunna trivas och prestera behöver barn och unga känna sig trygga.',
          'Vi satsar på skolan – från förskolan för de allra minsta till grundskolan och gymnasiet.',
        ].join('\n\n'),
        workingFor: ['Elevernas studieresultat ska förbättras.', 'Eleverna ska känna sig trygga i skolan.', 'Utbildningen i förskolan ska stärkas.'],
        indicators: [betygspoang(), forskollarare()],
      },
      {
        title: 'En bra kommun att växa upp i',
        meaning: 'Våra barn och unga ska växa upp i trygga miljöer, må bra, känna framtidstro och ha möjlighet till ett rikt fritidsliv.',
        workingFor: ['Ungdomar ska känna att de kan påverka kommunen.', 'Ungdomar ska kunna sommarjobba i kommunkoncernen.', 'Färre barn ska leva i familjer med ekonomiskt bistånd.'],
        indicators: [bistand()],
      },
    ],
    footnotes: [{ key: 'preliminart', text: 'Preliminärt' }],
    includeCharts: true,
    attachmentLabel: 'Bilaga 1',
    ...overrides,
  };
}

const activity = (number: number, responsible: string, unitOfWork: string | null, text: string, quantity: string | null, unit: string | null, comment: string | null): ActivityPlanActivityView => ({
  number,
  responsible,
  unitOfWork,
  text,
  quantity,
  unit,
  comment,
});

/** Two groups of the plan with three activities each. */
export function activityPlan(overrides: Partial<ActivityPlanView> = {}): ActivityPlanView {
  return {
    municipalityName: 'Ludvika kommun',
    title: PLAN_TITLE,
    date: '2022-12-14',
    intro: ['Aktiviteterna ska bidra till att resultatmåtten förbättras och deras målvärden uppnås, så att verksamhetsmålen uppnås.'],
    attachmentLabel: 'Bilaga 2',
    groups: [
      {
        number: 1,
        heading: '1. Grundskoleelevernas kunskapsresultat ska förbättras',
        goal: 'En av landets bästa skolkommuner',
        workingFor: 'Grundskoleelevernas kunskapsresultat ska förbättras',
        indicator: 'Genomsnittligt meritvärde avgångselever åk 9 (max=340)',
        activities: [
          activity(4, 'SOU', 'Grundskola', 'Lovskola årskurs 7-9 (höstlov, sportlov och påsklov).', '15', 'dagar', '3-5 dagar per lov. Ökad kostnad.'),
          activity(5, 'SOU', 'Grundskola', 'Sommarskola årskurs 7-8.', '50-75', 'timmar', 'Ökad kostnad.'),
          activity(6, 'SOU och KSF', 'Grundskola och HR', 'Ta fram en kompetensförsörjningsplan för grundskolan.', '1', 'plan', 'Samarbete med HR, samt verksamhetschefer skola.'),
        ],
      },
      {
        number: 4,
        heading: '4. Utbildningen i förskolan ska stärkas',
        goal: 'En av landets bästa skolkommuner',
        workingFor: 'Utbildningen i förskolan ska stärkas',
        indicator: FORSKOLLARARE,
        activities: [
          activity(1, 'SOU', 'Förskola och skola', 'Avtal med lärosäten om arbetsintegrerade lärarutbildningar (AIL).', '10', 'studenter', '5 st fsk startade sin utb. HT22 mot Karlstad Universitet, vi vill fortsätta med 5 till HT23.'),
          activity(6, 'SOU och VBU', null, 'Marknadsföra lärareutbildningen för gymnasieelever på VBU.', '1', 'gång', 'Presentation av yrket inför avgångsklasserna på VBU:s studieförberedande program.'),
          activity(7, 'SOU', null, 'Informationsträffar om olika vägar in i lärar- och förskolläraryrket.', '2', 'träffar', null),
        ],
      },
    ],
    ...overrides,
  };
}

export const GROUP_COUNTS: [string, string][] = [
  ['Grundskoleelevernas kunskapsresultat ska förbättras', '7'],
  ['Gymnasieelevernas kunskapsresultat ska förbättras', '3'],
  ['Elever ska känna sig trygga i skolan', '7'],
  ['Utbildningen i förskolan ska stärkas', '15'],
  ['Ungdomar ska känna att de kan påverka kommunen', '10'],
  ['Ungdomar ska kunna sommarjobba i kommunkoncernen', '11'],
  ['Färre barn ska leva i familjer med ekonomiskt bistånd', '6'],
  ['Befolkningen ska växa', '5'],
  ['Fler arbetstillfällen ska skapas', '8'],
  ['Företagarna ska vara nöjda med det lokala företagsklimatet', '5'],
  ['Invånarna ska vara nöjda med att bo och leva i kommunen', '6'],
  ['Invånarna ska vara nöjda med utbudet av aktiviteter och evenemang', '9'],
  ['Äldre ska vara nöjda med sin äldreomsorg', '7'],
  ['Mat- och restavfallet ska minska', '6'],
  ['Matsvinnet ska minska i kommunens serveringar', '6'],
  ['Koncernens fordon ska köras med fossilfria drivmedel', '9'],
  ['Energianvändningen i kommunkoncernens lokaler ska minska', '0'],
];

export const UNIT_COUNTS: [string, string, string][] = [
  ['Kommunstyrelsens förvaltning', 'KSF', '36'],
  ['Kultur- och samhällsutvecklingsförvaltningen', 'KSUF', '27'],
  ['Miljö och bygg', 'MB', '0'],
  ['Social- och utbildningsförvaltningen', 'SOU', '40'],
  ['Vård- och omsorgsförvaltningen', 'VOO', '14'],
  ['Upphandlingscenter', 'UHC', '1'],
  ['IT-center', 'IT', '0'],
  ['Västerbergslagens utbildningsförbund', 'VBU', '12'],
  ['Ludvika Kommunfastigheter/LudvikaHem', 'LKF/LH', '7'],
  ['VB Kraft', 'VBK', '0'],
  ['WessmanBarken Vatten & Återvinning AB', 'WBAB', '8'],
];

/** The two summary tables of "Koncernens samtliga målaktiviteter 2023": 120 activities per arbetsgrupp, 145 per koncernenhet. */
export function activitySummary(overrides: Partial<ActivitySummaryView> = {}): ActivitySummaryView {
  return {
    municipalityName: 'Ludvika kommun',
    title: SUMMARY_TITLE,
    note: '16 av 17 grupper har lämnat sina förslag',
    attachmentLabel: 'Bilaga 3',
    tables: [
      {
        heading: 'Aktiviteter per arbetsgrupp',
        columns: ['Nr', 'Arbetsgrupp', 'Antal aktiviteter'],
        rows: GROUP_COUNTS.map(([group, count], index) => [String(index + 1), group, count]),
        total: '120',
      },
      {
        heading: 'Aktiviteter per koncernenhet',
        columns: ['Nr', 'Koncernenhet', 'Förkortning', 'Antal aktiviteter'],
        rows: UNIT_COUNTS.map(([unit, code, count], index) => [String(index + 1), unit, code, count]),
        total: '145',
      },
    ],
    ...overrides,
  };
}

export const GENOMFORANDE = 'Genomförande av digitaliseringsplanen';
/** An ordinal scale of five steps, lowest first, as another municipality's framework writes it. */
export const GENOMFORANDE_STATES = ['Ej påbörjat', 'Påbörjat', 'Delvis', 'Mer än delvis', 'Sammanställt'];

/** An ordinal indicator: its values are states, given as their step on the scale and printed by their labels. */
export function genomforande(overrides: Partial<IndicatorSeriesView> = {}): IndicatorSeriesView {
  const state = (year: number, step: number) => ({ year, value: step, display: GENOMFORANDE_STATES[step], preliminary: false, note: null, footnotes: [] });
  return {
    name: GENOMFORANDE,
    unit: null,
    decimals: 0,
    direction: 'higher_is_better',
    actuals: [state(2021, 1), state(2022, 2)],
    targets: [
      { year: 2023, value: 3, display: 'Mer än delvis', footnotes: [] },
      { year: 2025, value: 4, display: 'bättre än Mer än delvis', footnotes: [] },
    ],
    source: null,
    scaleLabels: GENOMFORANDE_STATES,
    ...overrides,
  };
}

export const BEHORIGHET = 'Andel elever behöriga till gymnasiet';
export const BEHORIGHET_SUB_MEASURES = ['Flickor', 'Pojkar'];

/** A parent indicator whose values are only in its sub-measures ("Delmått"), as with one per group of pupils. */
export function behorighet(overrides: Partial<IndicatorSeriesView> = {}): IndicatorSeriesView {
  const sub = (name: string, values: number[]): IndicatorSeriesView => ({
    name,
    unit: '%',
    decimals: 0,
    direction: 'higher_is_better',
    actuals: values.map((value, index) => actual(2020 + index, value, { suffix: '%' })),
    targets: [target(2023, 90, { suffix: '%' })],
    source: null,
    tierName: 'Delmått',
  });
  return {
    name: BEHORIGHET,
    unit: '%',
    decimals: 0,
    direction: 'higher_is_better',
    actuals: [],
    targets: [],
    source: null,
    tierName: 'Indikator',
    subMeasures: [sub(BEHORIGHET_SUB_MEASURES[0], [84, 86, 88]), sub(BEHORIGHET_SUB_MEASURES[1], [78, 80, 79])],
    ...overrides,
  };
}
