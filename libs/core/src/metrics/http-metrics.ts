import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Histogram } from 'prom-client';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry';

type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/** What a request matched no route of: static files of the web app, unknown paths. One label value, not one per URL. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Requests by method, route and status, and their duration. The route is the template the router
 * matched (`/api/v1/meetings/:id`), never the URL: ids in labels would make a series per meeting.
 */
@Injectable()
export class HttpMetrics {
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route'>;

  constructor(registry: MetricsRegistry) {
    this.requests = new Counter({
      name: `${METRIC_PREFIX}http_requests_total`,
      help: 'HTTP requests answered, by method, route template and status code',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'Time from a request arriving to its answer being sent, by method and route template',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  /** Express middleware: counts the request once its answer has been sent (or the client went away). */
  readonly middleware = (request: RoutedRequest, response: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    response.once('close', () => {
      const route = routeTemplate(request);
      const method = request.method ?? 'UNKNOWN';
      this.requests.inc({ method, route, status: String(response.statusCode) });
      this.duration.observe({ method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}

export function routeTemplate(request: RoutedRequest): string {
  const path = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : UNMATCHED_ROUTE;
}
