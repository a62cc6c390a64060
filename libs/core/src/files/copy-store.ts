import { createHash } from 'node:crypto';
import { FileStorage, sha256Hex } from './file-storage';

/** What a copy of one store into another found and did, file by file. */
export interface CopyReport {
  /** Files in the source store. */
  examined: number;
  /** Copied into the target and read back whole. */
  copied: number;
  /** Already in the target with the right bytes: left alone, so that a second run copies nothing again. */
  present: number;
  /** In the target with other bytes than their name says: copied again and read back whole. */
  repaired: string[];
  /** Could not be made right: a source file whose bytes do not match its name, or a copy that did not read back right. */
  failed: { sha256: string; reason: string }[];
}

export interface CopyOptions {
  /** Files copied at the same time. */
  concurrency?: number;
  /** Called after every file, with the report so far. */
  progress?: (report: CopyReport) => void;
}

/**
 * Copies every file of one store into another (the local folder into a bucket) and proves each copy by
 * reading it back from the target and hashing it. Resumable: what is already in the target with the
 * right bytes is left alone, so a run that stopped halfway is simply run again.
 */
export async function copyStore(source: FileStorage, target: FileStorage, options: CopyOptions = {}): Promise<CopyReport> {
  const report: CopyReport = { examined: 0, copied: 0, present: 0, repaired: [], failed: [] };
  const running = new Set<Promise<void>>();
  for await (const file of source.list()) {
    report.examined += 1;
    const copy = copyOne(source, target, file.sha256, report)
      .catch((error: unknown) => {
        report.failed.push({ sha256: file.sha256, reason: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        running.delete(copy);
        options.progress?.(report);
      });
    running.add(copy);
    if (running.size >= (options.concurrency ?? 8)) await Promise.race(running);
  }
  await Promise.all(running);
  return report;
}

async function copyOne(source: FileStorage, target: FileStorage, sha256: string, report: CopyReport): Promise<void> {
  const stored = await hashOf(target, sha256);
  if (stored === sha256) {
    report.present += 1;
    return;
  }
  const content = await source.get(sha256);
  if (sha256Hex(content) !== sha256) {
    report.failed.push({ sha256, reason: 'the source file does not match its name' });
    return;
  }
  // put() keeps content already stored under its name as it is: other bytes there must go first.
  if (stored !== null) await target.delete(sha256);
  await target.put(content);
  const copied = await hashOf(target, sha256);
  if (copied !== sha256) {
    report.failed.push({ sha256, reason: `read back from the target it has the sha256 ${copied ?? 'of nothing (missing)'}` });
    return;
  }
  if (stored === null) report.copied += 1;
  else report.repaired.push(sha256);
}

/** The sha256 of what a store holds under the name, read whole; null when it holds nothing there. */
async function hashOf(storage: FileStorage, sha256: string): Promise<string | null> {
  if (!(await storage.exists(sha256))) return null;
  const { stream } = await storage.openReadStream(sha256);
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
