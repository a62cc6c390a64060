import { timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/app-config';

export type MetricsAccess = 'allowed' | 'unauthorized' | 'disabled';

/**
 * Who may read /metrics: with METRICS_TOKEN set, whoever sends it as a bearer token; without it, anyone
 * in development and test, and nobody in production (the endpoint then answers 404, as if absent).
 */
export function metricsAccess(config: Pick<AppConfig, 'METRICS_TOKEN' | 'NODE_ENV'>, authorization: string | undefined): MetricsAccess {
  if (config.METRICS_TOKEN === '') return config.NODE_ENV === 'production' ? 'disabled' : 'allowed';
  const [scheme, token] = (authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return 'unauthorized';
  const given = Buffer.from(token);
  const expected = Buffer.from(config.METRICS_TOKEN);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'allowed' : 'unauthorized';
}
