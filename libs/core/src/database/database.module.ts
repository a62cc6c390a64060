import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { Municipality } from '../tenancy/municipality.entity';

/** The one PostgreSQL connection; each context registers its own entities with TypeOrmModule.forFeature. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([Municipality]),
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.DATABASE_URL), autoLoadEntities: true }),
    }),
  ],
})
export class DatabaseModule {}
