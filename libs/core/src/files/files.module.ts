import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FileCollector } from './file-collector';
import { FILE_STORAGE } from './file-storage';
import { LocalFileStorage } from './local-file-storage';

@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalFileStorage(config.FILES_DIR) }, FileCollector],
  exports: [FILE_STORAGE, FileCollector],
})
export class FilesModule {}
