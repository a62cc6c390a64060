import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { SeedData } from './seed-data';
import { SEED_DATA_DIR } from './seed-paths';
import { SeedModule } from './seed.module';
import { DemoIdentityProvider, SeedService } from './seed.service';

export const SEED_FILES = ['ludvika.json', 'ljungby.json', 'lindesberg.json'];


export function readSeed(file: string): SeedData {
  const data = JSON.parse(readFileSync(join(SEED_DATA_DIR, file), 'utf8')) as SeedData;
  const part = (suffix: string) => {
    const path = join(SEED_DATA_DIR, file.replace(/\.json$/, `-${suffix}.json`));
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  };
  return { ...data, matters: part('matters'), meetings: part('meetings'), goals: part('goals') };
}

/** The demo's identity provider, when DEMO_OIDC_ISSUER and DEMO_OIDC_CLIENT_SECRET are set (docker-compose.yml sets them for its Keycloak). */
export function demoIdentityProvider(env: NodeJS.ProcessEnv): DemoIdentityProvider | null {
  if (!env.DEMO_OIDC_ISSUER || !env.DEMO_OIDC_CLIENT_SECRET) return null;
  return { issuer: env.DEMO_OIDC_ISSUER, clientId: env.DEMO_OIDC_CLIENT_ID || 'namndrum', clientSecret: env.DEMO_OIDC_CLIENT_SECRET };
}

/** npm run seed: loads every municipality's seed data; running it twice changes nothing. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const seeds = app.get(SeedService);
    const password = process.env.SEED_PASSWORD || 'namndrum';
    for (const file of SEED_FILES) {
      const result = await seeds.load(readSeed(file), password);
      const createdCount = Object.values(result.created).reduce((sum, n) => sum + n, 0);
      process.stdout.write(createdCount === 0 ? `${file}: already loaded, nothing changed\n` : `${file}: created ${JSON.stringify(result.created)}\n`);
      const demo = demoIdentityProvider(process.env);
      if (file === 'ludvika.json' && demo && (await seeds.registerDemoIdentityProvider(result.municipalityId, demo))) {
        process.stdout.write(`${file}: "Logga in med Ludvika kommuns konto" signs in through ${demo.issuer}\n`);
      }
    }
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Seeding failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
