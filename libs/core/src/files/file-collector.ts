import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../time/clock';
import { FILE_STORAGE, FileStorage, StoredFile } from './file-storage';
import { isPastGrace, UNREFERENCED_FILE_GRACE_MS, unreferencedFiles } from './unreferenced-files';

const BATCH = 1000;

/**
 * Removes stored files that no row refers to (a file rendered in a transaction that rolled back), past
 * a grace period. What refers to a file is read from the schema: every text column named `*sha256`,
 * so a table added later keeps its files without this class knowing of it.
 */
@Injectable()
export class FileCollector {
  private readonly logger = new Logger(FileCollector.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  async collect(graceMs: number = UNREFERENCED_FILE_GRACE_MS): Promise<{ examined: number; removed: string[] }> {
    const started = Date.now();
    const referencedAmong = await this.referenceQuery();
    const removed: string[] = [];
    let examined = 0;
    let batch: StoredFile[] = [];
    const sweep = async () => {
      const referenced = new Set(await referencedAmong(batch.map((file) => file.sha256)));
      for (const file of unreferencedFiles(batch, referenced, this.clock.now(), graceMs)) {
        // Written again since it was listed (the same content stored anew): a new reference may be on its way.
        const writtenAt = await this.storage.writtenAt(file.sha256);
        if (!writtenAt || !isPastGrace({ sha256: file.sha256, writtenAt }, this.clock.now(), graceMs)) continue;
        await this.storage.delete(file.sha256);
        removed.push(file.sha256);
        this.logger.log({ sha256: file.sha256, writtenAt }, 'Removed an unreferenced file');
      }
      batch = [];
    };
    for await (const file of this.storage.list()) {
      examined += 1;
      if (isPastGrace(file, this.clock.now(), graceMs)) batch.push(file);
      if (batch.length >= BATCH) await sweep();
    }
    if (batch.length > 0) await sweep();
    this.logger.log({ examined, removed: removed.length, durationMs: Date.now() - started }, 'Unreferenced files collected');
    return { examined, removed };
  }

  /** One query over every column that holds a file's sha256: which of the given hashes some row refers to. */
  private async referenceQuery(): Promise<(hashes: string[]) => Promise<string[]>> {
    const columns: { table_name: string; column_name: string }[] = await this.dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name LIKE '%sha256' AND data_type IN ('text', 'character varying')
        ORDER BY table_name, column_name`,
    );
    const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const union = columns.map((column) => `SELECT ${quote(column.column_name)} AS sha256 FROM ${quote(column.table_name)} WHERE ${quote(column.column_name)} = ANY($1)`).join(' UNION ');
    if (!union) return async () => [];
    return async (hashes) => ((await this.dataSource.query(union, [hashes])) as { sha256: string }[]).map((row) => row.sha256);
  }
}
