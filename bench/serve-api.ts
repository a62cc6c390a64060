import type { AddressInfo } from 'node:net';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, closeOnStop, loadConfigOrExit } from '@namndrum/core';
import { configureApp } from '../apps/api/src/configure-app';

/**
 * The API as main.ts starts it, from a bench's module (the app plus the bench's floor endpoint), in
 * the child process the bench spawns with --serve; it prints the line listeningPort waits for.
 */
export async function serveApi(module: Type): Promise<void> {
  loadConfigOrExit();
  process.env.TZ = 'Europe/Stockholm';
  const app = await NestFactory.create(module, { bufferLogs: true });
  configureApp(app);
  closeOnStop(app);
  await app.listen(app.get(AppConfig).PORT);
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(`Nämndrum kör på http://localhost:${port}\n`);
}
