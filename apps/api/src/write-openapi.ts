import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

/**
 * Writes the OpenAPI document generated from the code to apps/api/openapi.json (committed), or with
 * --check fails when the committed file is out of date. Needs no database: the module graph is
 * built in preview mode.
 */
async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  const document = configureApp(app);
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const file = join(__dirname, '..', '..', '..', '..', 'apps', 'api', 'openapi.json');
  if (process.argv.includes('--check')) {
    const committed = readFileSync(file, 'utf8');
    if (committed !== text) {
      process.stderr.write('apps/api/openapi.json is out of date: run `npm run openapi` and commit the result.\n');
      process.exit(1);
    }
    process.stdout.write('apps/api/openapi.json is up to date.\n');
  } else {
    writeFileSync(file, text);
    process.stdout.write(`Wrote ${file}\n`);
  }
  await app.close();
}

void main();
