import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpMetrics, routeTemplate, UNMATCHED_ROUTE } from './http-metrics';
import { MetricsRegistry } from './metrics-registry';

function request(fields: object): IncomingMessage {
  return { method: 'GET', ...fields } as unknown as IncomingMessage;
}

describe('HttpMetrics', () => {
  it('names a request by the route template it matched, below the router it was mounted on', () => {
    expect(routeTemplate(request({ route: { path: '/api/v1/meetings/:id' }, baseUrl: '' }))).toBe('/api/v1/meetings/:id');
    expect(routeTemplate(request({ route: { path: '/:id' }, baseUrl: '/files' }))).toBe('/files/:id');
    expect(routeTemplate(request({ url: '/assets/index-4f3a.js' }))).toBe(UNMATCHED_ROUTE);
  });

  it('counts a request once its answer is sent, with its status, and never its URL', async () => {
    const registry = new MetricsRegistry();
    const metrics = new HttpMetrics(registry);
    const incoming = request({ url: '/api/v1/meetings/0b7e', route: undefined, baseUrl: '' });
    const response = Object.assign(new EventEmitter(), { statusCode: 404 }) as unknown as ServerResponse;
    metrics.middleware(incoming, response, () => {
      // The router matches the route after this middleware has run.
      Object.assign(incoming, { route: { path: '/api/v1/meetings/:id' } });
    });
    response.emit('close');
    const text = await registry.metrics();
    expect(text).toContain('namndrum_http_requests_total{method="GET",route="/api/v1/meetings/:id",status="404"} 1');
    expect(text).toContain('namndrum_http_request_duration_seconds_count{method="GET",route="/api/v1/meetings/:id"} 1');
    expect(text).not.toContain('0b7e');
  });
});
