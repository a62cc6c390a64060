import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FileCollector } from './file-collector';
import { FILE_STORAGE, FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

/** The bucket when S3_BUCKET is set, so that every process shares the files; otherwise the local folder. */
export function fileStorageFor(config: AppConfig): FileStorage {
  return config.S3_BUCKET ? S3FileStorage.fromConfig(config) : new LocalFileStorage(config.FILES_DIR);
}

@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, inject: [AppConfig], useFactory: fileStorageFor }, FileCollector],
  exports: [FILE_STORAGE, FileCollector],
})
export class FilesModule {}
