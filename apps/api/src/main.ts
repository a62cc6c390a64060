import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { AppConfig, closeOnStop, loadConfigOrExit } from '@namndrum/core';
import { AppModule } from './app.module';
import { API_PREFIX, configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  loadConfigOrExit();
  process.env.TZ = 'Europe/Stockholm';
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  configureApp(app);
  closeOnStop(app);
  // PORT=0 lets the system choose a free port; the line says which one (the benchmarks and tests read it).
  await app.listen(app.get(AppConfig).PORT);
  const { port } = app.getHttpServer().address() as AddressInfo;
  // The one line for the person who started it; the log stream stays JSON for the log collector.
  process.stdout.write(`Nämndrum kör på http://localhost:${port} (API-dokumentation: /${API_PREFIX}/docs)\n`);
}

void bootstrap();
