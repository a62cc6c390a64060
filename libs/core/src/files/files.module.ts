import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FileCollector } from './file-collector';
import { FILE_STORAGE, FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import type { S3FileStorage } from './s3-file-storage';

/**
 * The bucket when S3_BUCKET is set, so that every process shares the files; otherwise the local folder.
 * The AWS SDK (some 20 MB resident) is loaded only by processes that use a bucket.
 */
export function fileStorageFor(config: AppConfig): FileStorage {
  if (!config.S3_BUCKET) return new LocalFileStorage(config.FILES_DIR);
  const { S3FileStorage: Driver } = require('./s3-file-storage') as { S3FileStorage: typeof S3FileStorage };
  return Driver.fromConfig(config);
}

@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, inject: [AppConfig], useFactory: fileStorageFor }, FileCollector],
  exports: [FILE_STORAGE, FileCollector],
})
export class FilesModule {}
