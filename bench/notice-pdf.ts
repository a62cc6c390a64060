import { readFileSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { PDFDocument } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { RequestContext } from '@namndrum/core';
import { DOCUMENT_CONVERTER, DocumentConverter } from '@namndrum/documents';
import { NoticeBundleService, NoticeService, VersionViews } from '@namndrum/meetings';
import { SeedModule } from '../seeds/src/seed.module';
import { readSeed } from '../seeds/src/run-seed';
import { SeedService } from '../seeds/src/seed.service';
import { officeProcessesStartedHere } from '../libs/documents/src/pdf/office-processes';
import { createMigratedDatabase, databaseUrl } from './harness';
import { percentile, timeRuns } from './timing';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const TARGET_MS = 10_000;
const TARGET_RATIO = 1.5;

@Module({ imports: [SeedModule] })
class BenchModule {}

/** The highest resident memory the LibreOffice this process started reached (VmHWM), in MB: the engine's share of the worker's memory. */
function officePeakMb(): number {
  let kilobytes = 0;
  for (const { pid } of officeProcessesStartedHere()) {
    try {
      kilobytes += Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended while it was read.
    }
  }
  return Math.round(kilobytes / 1024);
}

/** The floor: the same documents converted by the same engine in one call, their pages concatenated, nothing more. */
async function convertAndConcatenate(converter: DocumentConverter, bundles: NoticeBundleService, views: VersionViews): Promise<number> {
  const pdfs = await converter.toPdf(await bundles.sourceDocuments(views.view));
  const merged = await PDFDocument.create();
  for (const pdf of pdfs) {
    const source = await PDFDocument.load(pdf);
    for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
  }
  await merged.save();
  return merged.getPageCount();
}

/**
 * Ludvika's SUN meeting of 11 January 2023 rendered as its handlingar PDF RUNS times after one warm-up, as the worker
 * renders it (the kallelse's pages twice, every document converted, assembled with outline and page numbers), beside
 * the floor of converting the same files with the same warm engine and concatenating them.
 */
async function main(): Promise<void> {
  const database = await createMigratedDatabase('notice_pdf');
  process.env.REDIS_PREFIX = 'namndrum-bench-notice-pdf';
  process.env.LOG_LEVEL = 'silent';
  const context = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  try {
    await context.get(SeedService).load(readSeed('ludvika.json'), 'namndrum');
    const dataSource = context.get(DataSource);
    const notices = context.get(NoticeService);
    const bundles = context.get(NoticeBundleService);
    const converter = context.get<DocumentConverter>(DOCUMENT_CONVERTER);
    const [row]: { id: string; municipality_id: string }[] = await dataSource.query(
      `SELECT n.id, n.municipality_id FROM meeting_notices n JOIN meetings m ON m.id = n.meeting_id WHERE m.starts_at::date = '2023-01-11' AND n.version = 1`,
    );
    const views = await dataSource.transaction((em) => {
      const ctx = RequestContext.system(em, row.municipality_id, 'bench');
      return notices.get(ctx, row.id).then((notice) => notices.versionViews(ctx, notice));
    });

    const warm = await bundles.render(views.view);
    await convertAndConcatenate(converter, bundles, views);
    const render = await timeRuns(RUNS, () => bundles.render(views.view));
    const floor = await timeRuns(RUNS, () => convertAndConcatenate(converter, bundles, views));

    const result = {
      bench: 'notice-pdf',
      pages: warm.pageCount,
      documents: warm.parts.length,
      runs: RUNS,
      medianMs: percentile(render, 50),
      p95Ms: percentile(render, 95),
      floorMedianMs: percentile(floor, 50),
      ratio: Math.round((percentile(render, 50) / percentile(floor, 50)) * 100) / 100,
      targetMs: TARGET_MS,
      targetRatio: TARGET_RATIO,
      workerPeakMb: Math.round(process.resourceUsage().maxRSS / 1024),
      officePeakMb: officePeakMb(),
    };
    process.stdout.write(`Handlingar SUN 2023-01-11: ${result.pages} pages, ${result.documents} documents\n`);
    process.stdout.write(`rendered: median ${result.medianMs} ms, p95 ${result.p95Ms} ms over ${RUNS} runs (target ${TARGET_MS} ms)\n`);
    process.stdout.write(`floor, the same files converted and concatenated: median ${result.floorMedianMs} ms, ratio ${result.ratio} (target ≤ ${TARGET_RATIO})\n`);
    process.stdout.write(`peak memory: worker ${result.workerPeakMb} MB, LibreOffice ${result.officePeakMb} MB\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await context.close();
    const cleanup = new Client({ connectionString: databaseUrl('postgres') });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await cleanup.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
