import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { buildMinutesDocument, renderMinutes } from '@namndrum/documents';
import { largeMinutesView } from '../libs/documents/src/testing/minutes-views';
import { zipEntries } from '../libs/documents/src/testing/read-docx';
import { percentile, timeRuns } from './timing';

// Pure rendering, no database: the helpers of ./harness would load NestJS and every lib for two small functions.
const WARMUPS = 3;
const RUNS = Number(process.env.BENCH_RUNS || 20);
const TARGET_MS = 500;
const SHAPE = { paragraphs: 60, votes: 10, members: 45 };

/** What the rendered document holds, read from its XML: the floor is made to hold as much. */
function shapeOf(documentXml: string): { paragraphs: number; cells: number; characters: number } {
  const cells = documentXml.split('<w:tc>').length - 1;
  const paragraphs = (documentXml.match(/<w:p[ >]/g) ?? []).length - cells;
  const characters = [...documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].reduce((sum, match) => sum + match[1].length, 0);
  return { paragraphs, cells, characters };
}

function documentXmlOf(buffer: Buffer): string {
  const xml = zipEntries(buffer).get('word/document.xml');
  if (xml === undefined) throw new Error('Protokollet saknar word/document.xml');
  return xml.toString('utf8');
}

/**
 * The floor: a document of as many plain paragraphs and four-column table cells, with as much text, built with docx
 * directly and packed. What the renderer costs beyond it is the price of the protocol's structure and our helpers.
 */
function floorDocument(shape: { paragraphs: number; cells: number; characters: number }): Document {
  const perBlock = Math.max(1, Math.round(shape.characters / Math.max(1, shape.paragraphs + shape.cells)));
  const text = 'Kommunfullmäktige beslutar enligt kommunstyrelsens förslag. '.repeat(Math.ceil(perBlock / 60)).slice(0, perBlock);
  const rows = Math.ceil(shape.cells / 4);
  return new Document({
    sections: [
      {
        children: [
          ...Array.from({ length: shape.paragraphs }, () => new Paragraph({ children: [new TextRun(text)] })),
          new Table({
            rows: Array.from(
              { length: rows },
              () => new TableRow({ children: Array.from({ length: 4 }, () => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(text)] })] })) }),
            ),
          }),
        ],
      },
    ],
  });
}

/**
 * Renders the protocol of a 60-paragraph fullmäktige meeting with 10 recorded votes of 45 members RUNS times after
 * WARMUPS runs; then, in the same process, builds and packs a plain docx document of the same size as the floor.
 */
async function main(): Promise<void> {
  const view = largeMinutesView(SHAPE);
  let buffer: Buffer = Buffer.alloc(0);
  for (let run = 0; run < WARMUPS; run++) buffer = await renderMinutes(view);
  const render = await timeRuns(RUNS, () => renderMinutes(view));

  const shape = shapeOf(documentXmlOf(buffer));
  for (let run = 0; run < WARMUPS; run++) await Packer.toBuffer(floorDocument(shape));
  const floor = await timeRuns(RUNS, () => Packer.toBuffer(floorDocument(shape)));

  // Packing a tree built beforehand, as bench:notice-docx measures its floor: how much of the time is docx's packing.
  const tree = buildMinutesDocument(view);
  for (let run = 0; run < WARMUPS; run++) await Packer.toBuffer(tree);
  const pack = await timeRuns(RUNS, () => Packer.toBuffer(tree));

  const result = {
    bench: 'minutes-docx',
    medianMs: percentile(render, 50),
    p95Ms: percentile(render, 95),
    floorMedianMs: percentile(floor, 50),
    ratio: Math.round((percentile(render, 50) / percentile(floor, 50)) * 100) / 100,
    packMedianMs: percentile(pack, 50),
    targetMs: TARGET_MS,
    runs: RUNS,
    ...SHAPE,
    bytes: buffer.length,
  };
  process.stdout.write(`Protocol: ${SHAPE.paragraphs} paragraphs, ${SHAPE.votes} votes of ${SHAPE.members} members; ${shape.paragraphs} paragraphs, ${shape.cells} table cells, ${buffer.length} bytes\n`);
  process.stdout.write(`renderMinutes: median ${result.medianMs} ms, p95 ${result.p95Ms} ms over ${RUNS} runs (target ${TARGET_MS} ms)\n`);
  process.stdout.write(`plain docx document of the same size, built and packed (floor): median ${result.floorMedianMs} ms, ratio ${result.ratio}\n`);
  process.stdout.write(`Packer.toBuffer on a built tree: median ${result.packMedianMs} ms\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
