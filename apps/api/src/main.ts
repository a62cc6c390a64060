import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfigOrExit } from '@namndrum/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  loadConfigOrExit();
  process.env.TZ = 'Europe/Stockholm';
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  configureApp(app);
  const config = app.get(AppConfig);
  await app.listen(config.PORT);
}

void bootstrap();
