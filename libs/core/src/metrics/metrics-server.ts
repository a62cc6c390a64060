import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../config/app-config';
import { metricsAccess } from './metrics-access';
import type { MetricsRegistry } from './metrics-registry';

/**
 * A process without HTTP of its own (the worker) answers Prometheus here: GET /metrics, under the same
 * METRICS_TOKEN rule as the API's. Resolves once it listens, with the port it got.
 */
export async function serveMetrics(registry: MetricsRegistry, config: Pick<AppConfig, 'METRICS_TOKEN' | 'NODE_ENV'>, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    const access = metricsAccess(config, request.headers.authorization);
    if (request.method !== 'GET' || path !== '/metrics' || access === 'disabled') {
      response.writeHead(404).end();
      return;
    }
    if (access === 'unauthorized') {
      response.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
