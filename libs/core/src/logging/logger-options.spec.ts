import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../config/app-config';
import { httpLogSerializers, loggerOptions } from './logger-options';

function capture(options: pino.LoggerOptions): { logger: pino.Logger; lines: () => Array<Record<string, unknown>> } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  const { transport: _pretty, ...rest } = options;
  return { logger: pino(rest, stream), lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('loggerOptions', () => {
  it("logs Nest's start-up chatter (modules, routes) at debug, so info shows what the system does", () => {
    const { logger, lines } = capture(loggerOptions(loadConfig({ LOG_LEVEL: 'debug' }), { terminal: false }));
    logger.info({ context: 'RouterExplorer' }, 'Mapped {/api/v1/meetings, GET} route');
    logger.info({ context: 'InstanceLoader' }, 'CoreModule dependencies initialized');
    logger.info({ context: 'Worker' }, 'Worker started');
    logger.warn({ context: 'RoutesResolver' }, 'something to look at');
    expect(lines().map((line) => [line.context, line.level])).toEqual([
      ['RouterExplorer', 20],
      ['InstanceLoader', 20],
      ['Worker', 30],
      ['RoutesResolver', 40],
    ]);
  });

  it('leaves the start-up chatter out at the default level', () => {
    const { logger, lines } = capture(loggerOptions(loadConfig({}), { terminal: false }));
    logger.info({ context: 'NestApplication' }, 'Nest application successfully started');
    logger.info({ context: 'MailDeliveryProcessor' }, 'delivered');
    expect(lines().map((line) => line.msg)).toEqual(['delivered']);
  });

  it('pretty-prints for a person at a terminal in development, and writes JSON lines otherwise', () => {
    expect(loggerOptions(loadConfig({}), { terminal: true }).transport).toMatchObject({ target: 'pino-pretty' });
    expect(loggerOptions(loadConfig({}), { terminal: false }).transport).toBeUndefined();
    expect(loggerOptions(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }), { terminal: true }).transport).toBeUndefined();
    expect(loggerOptions(loadConfig({ NODE_ENV: 'test' }), { terminal: true }).transport).toBeUndefined();
  });
});

describe('httpLogSerializers', () => {
  it('logs a request by id, method, url and address, and its answer by status, without headers', () => {
    const request = { id: 'r1', method: 'GET', url: '/api/v1/meetings', remoteAddress: '127.0.0.1', headers: { authorization: 'Bearer x' } };
    const response = { statusCode: 200, headers: { 'content-security-policy': "default-src 'self'" } };
    expect(httpLogSerializers.req(request)).toEqual({ id: 'r1', method: 'GET', url: '/api/v1/meetings', remoteAddress: '127.0.0.1' });
    expect(httpLogSerializers.res(response)).toEqual({ statusCode: 200 });
  });
});
