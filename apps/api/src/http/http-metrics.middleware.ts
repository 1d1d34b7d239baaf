import type { NextFunction, Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';

/** Request latency per route pattern (never per raw URL: ids would explode the label set). */
export function httpMetricsMiddleware(registry: Registry) {
  const duration = new Histogram({
    name: 'baoxun_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const route = request.route?.path ? `${request.baseUrl}${String(request.route.path)}` : request.path.startsWith('/docs') ? '/docs' : 'unmatched';
      duration.observe({ method: request.method, route, status: String(response.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
