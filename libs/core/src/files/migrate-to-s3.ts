import { loadConfigOrExit } from '../config/app-config';
import { copyStore, CopyReport } from './copy-store';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

const PROGRESS_EVERY = 1000;

/**
 * `npm run files:migrate-to-s3`: copies the local store (FILES_DIR) into the bucket (S3_*), reads every
 * object back and checks its sha256. Run it again after a stop: it skips what is already there and right.
 * Exits with 1 when any file could not be made right, naming each.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.S3_BUCKET) {
    process.stderr.write('S3_BUCKET is not set: name the bucket (and S3_ENDPOINT, credentials) to copy FILES_DIR into.\n');
    process.exit(1);
  }
  const target = `s3://${config.S3_BUCKET}/${config.S3_PREFIX}${config.S3_ENDPOINT ? ` at ${config.S3_ENDPOINT}` : ''}`;
  process.stdout.write(`Copying ${config.FILES_DIR} into ${target}\n`);
  const started = Date.now();
  const report = await copyStore(new LocalFileStorage(config.FILES_DIR), S3FileStorage.fromConfig(config), {
    progress: (sofar) => {
      const done = sofar.copied + sofar.present + sofar.repaired.length + sofar.failed.length;
      if (done % PROGRESS_EVERY === 0) process.stdout.write(`${summary(sofar)}\n`);
    },
  });
  for (const sha256 of report.repaired) process.stdout.write(`Repaired ${sha256}: the bucket held other bytes under its name\n`);
  for (const failure of report.failed) process.stderr.write(`FAILED ${failure.sha256}: ${failure.reason}\n`);
  process.stdout.write(`${summary(report)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${report.failed.length === 0 ? 'Every file is in the bucket with its sha256 verified.' : `${report.failed.length} files are NOT in the bucket as they should be.`}\n`);
  process.exitCode = report.failed.length === 0 ? 0 : 1;
}

function summary(report: CopyReport): string {
  return `Examined ${report.examined}, copied ${report.copied}, already there ${report.present}, repaired ${report.repaired.length}, failed ${report.failed.length}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`Copying the files failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
