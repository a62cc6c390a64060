import type { LoggerOptions } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * Nest's own start-up lines: one per module and one per route, about 220 at every start. They say
 * nothing about what the system does, so they are written at debug, where they are there when needed.
 */
const START_UP_CONTEXTS = new Set(['NestFactory', 'NestApplication', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer']);
const INFO = 30;

/**
 * The pino options of both processes. The log stream is JSON lines, one object per event, for a
 * log collector; a person running the system in development at a terminal reads them pretty-printed.
 */
export function loggerOptions(config: AppConfig, output: { terminal: boolean }): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
    hooks: {
      logMethod(args, write, level) {
        const [first] = args as unknown[];
        const context = typeof first === 'object' && first !== null ? (first as { context?: unknown }).context : undefined;
        if (level === INFO && typeof context === 'string' && START_UP_CONTEXTS.has(context)) return this.debug(...args);
        return write.apply(this, args);
      },
    },
    ...(config.NODE_ENV === 'development' && output.terminal && prettyPrinterInstalled()
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,context', messageFormat: '{if context}{context}: {end}{msg}', singleLine: true },
          },
        }
      : {}),
  };
}

/** pino-pretty is a development dependency: an install without them writes JSON even at a terminal. */
function prettyPrinterInstalled(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
}

/**
 * What a request's log line says of it: which request, from where, with what answer. Headers stay out
 * (every response carries the same dozen security headers, and request headers carry credentials).
 */
export const httpLogSerializers = {
  req: (request: SerializedRequest) => ({ id: request.id, method: request.method, url: request.url, remoteAddress: request.remoteAddress }),
  res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
};
