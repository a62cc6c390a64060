import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Packer } from 'docx';
import {
  buildMeetingNoticeDocument,
  MeetingNoticeItemView,
  MeetingNoticeView,
  NoticeItemDocument,
  OfficerReportView,
  renderMeetingNotice,
} from '@namndrum/documents';
import type { MattersSeedData, SeedData } from '../seeds/src/seed-data';
import { SEED_DATA_DIR } from '../seeds/src/seed-paths';
import { parseTextDocument } from '../seeds/src/text-document-source';

// Pure rendering, no database: the helpers of ./harness would load NestJS and every lib for two small functions.
const WARMUPS = 3;
const RUNS = Number(process.env.BENCH_RUNS || 20);
const TARGET_MS = 250;

type SeedMatter = MattersSeedData['matters'][number];

function seedDataDir(): string {
  // A build outside dist/ (a scratch --outDir) finds no seeds beside it; the working directory is the repository then.
  return existsSync(join(SEED_DATA_DIR, 'ludvika-matters.json')) ? SEED_DATA_DIR : join(process.cwd(), 'seeds', 'data');
}

/**
 * Social- och utbildningsnämndens kallelse of 11 January 2023 as the seed gives it: items 1 and 2 without documents,
 * then the five matters in agenda order, each with its signed tjänsteskrivelse and its registered text documents.
 */
function seedNotice(): MeetingNoticeView {
  const dir = seedDataDir();
  const seed = JSON.parse(readFileSync(join(dir, 'ludvika.json'), 'utf8')) as SeedData;
  const data = JSON.parse(readFileSync(join(dir, 'ludvika-matters.json'), 'utf8')) as MattersSeedData & { matters: (SeedMatter & { agendaItem?: number })[] };

  const person = (key: string) => {
    const found = seed.persons.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`Personen ${key} finns inte i seed-data`);
    return found;
  };
  const organName = (shortName: string) => seed.organs.find((organ) => organ.shortName === shortName)?.name ?? shortName;
  const departmentName = (shortCode: string) => seed.departments.find((department) => department.shortCode === shortCode)?.name ?? shortCode;
  const fullName = (key: string) => `${person(key).firstName} ${person(key).lastName}`;

  // The seed registers the matters in date order in a new registry, so they get numbers 1, 2, 3 … of their year.
  const caseNumbers = new Map(
    [...data.matters].sort((a, b) => a.registeredOn.localeCompare(b.registeredOn)).map((matter, index) => [matter.key, `${data.registry.code} ${matter.registeredOn.slice(0, 4)}/${index + 1}`]),
  );

  const report = (matter: SeedMatter): OfficerReportView => {
    const officer = person(matter.caseOfficer);
    const signer = person(matter.report.signedBy);
    return {
      municipalityName: seed.municipality.name,
      departmentName: departmentName(matter.department),
      date: matter.report.date,
      caseNumber: caseNumbers.get(matter.key) ?? '',
      caseOfficer: { name: fullName(matter.caseOfficer), title: officer.title, phone: officer.phone, email: officer.email },
      organName: organName(matter.organ),
      title: matter.report.title,
      proposedDecision: matter.report.proposedDecision,
      summary: matter.report.summary,
      description: matter.report.description,
      financialConsequences: matter.report.financialConsequences,
      sections: matter.report.sections,
      attachments: matter.report.attachments,
      decisionRecipients: matter.report.decisionRecipients,
      // As the seed signs it: the förvaltningschef's own account, in the morning of the report's date.
      signature: { name: fullName(matter.report.signedBy), title: signer.title ?? '', signedAt: `${matter.report.date}T09:00:00Z` },
      draftNotice: null,
    };
  };

  // The matters of that kallelse carry their item number; those of the seed's upcoming meeting do not.
  const matterItems = [...data.matters]
    .filter((matter): matter is SeedMatter & { agendaItem: number } => matter.agendaItem !== undefined)
    .sort((a, b) => a.agendaItem - b.agendaItem)
    .map(
      (matter): MeetingNoticeItemView => ({
        number: matter.agendaItem,
        title: matter.title,
        caseNumber: caseNumbers.get(matter.key) ?? null,
        documentsLater: false,
        closed: false,
        documents: [
          { kind: 'officer_report', report: report(matter) },
          ...matter.documents.map(
            (document): NoticeItemDocument => ({
              kind: 'text',
              document: parseTextDocument(seed.municipality.name, document.title, readFileSync(join(dir, 'documents', document.textFile), 'utf8')),
            }),
          ),
        ],
      }),
    );

  const chair = seed.memberships.find((membership) => membership.organ === data.registry.organ && membership.position === 'chair');
  const secretary = person('rita-osterholm');
  const organ = organName(data.registry.organ);
  return {
    kind: 'notice',
    municipalityName: seed.municipality.name,
    organName: organ,
    languages: ['sv'],
    addressees: [`${organ.replace(/en$/, 'ens')} ledamöter`, 'Ersättare för kännedom'],
    startsAt: '2023-01-11T13:00:00Z',
    endsAt: null,
    groupMeetingLines: ['13:00–14:00 (KD/M/S i sessionssalen, C/L/MP/V i smtr-rum "Säfsen", SD i smtr-rum "Grangärde")'],
    place: 'Sessionssalen, Stadshuset',
    changes: [],
    items: [
      { number: 1, title: 'Val av justerande', caseNumber: null, documentsLater: false, closed: false, documents: [] },
      { number: 2, title: 'Anmälan av extra ärenden', caseNumber: null, documentsLater: false, closed: false, documents: [] },
      ...matterItems,
    ],
    chair: chair ? { name: fullName(chair.person) } : null,
    secretary: { name: fullName('rita-osterholm'), title: secretary.title, phone: secretary.phone, email: secretary.email },
  };
}

async function timeRuns(runs: number, step: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    await step();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

function percentile(sortedMs: number[], p: number): number {
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return Math.round(sortedMs[index] * 100) / 100;
}

/**
 * Renders the seed meeting's whole kallelse (first page, five tjänsteskrivelser, two instruktioner) RUNS times after
 * WARMUPS runs, then packs one tree built beforehand as many times: the floor docx itself sets, against which the
 * renderer's own work (building the tree) shows as the ratio.
 */
async function main(): Promise<void> {
  const view = seedNotice();
  let bytes = 0;
  for (let run = 0; run < WARMUPS; run++) bytes = (await renderMeetingNotice(view)).length;

  const render = await timeRuns(RUNS, () => renderMeetingNotice(view));
  const tree = buildMeetingNoticeDocument(view);
  for (let run = 0; run < WARMUPS; run++) await Packer.toBuffer(tree);
  const floor = await timeRuns(RUNS, () => Packer.toBuffer(tree));

  const documents = view.items.reduce((sum, item) => sum + item.documents.length, 0);
  const result = {
    bench: 'notice-docx',
    items: view.items.length,
    documents,
    runs: RUNS,
    medianMs: percentile(render, 50),
    p95Ms: percentile(render, 95),
    floorMedianMs: percentile(floor, 50),
    ratio: Math.round((percentile(render, 50) / percentile(floor, 50)) * 100) / 100,
    targetMs: TARGET_MS,
    bytes,
  };
  process.stdout.write(`Notice SUN 2023-01-11: ${result.items} items, ${documents} documents, ${bytes} bytes\n`);
  process.stdout.write(`renderMeetingNotice: median ${result.medianMs} ms, p95 ${result.p95Ms} ms over ${RUNS} runs (target ${TARGET_MS} ms)\n`);
  process.stdout.write(`Packer.toBuffer on a built tree (floor): median ${result.floorMedianMs} ms, ratio ${result.ratio}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
