import type { INestApplication } from '@nestjs/common';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { Registry } from 'prom-client';
import swaggerUi from 'swagger-ui-express';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import { buildOpenApiDocument } from '../openapi/openapi.document';
import { correlationIdMiddleware } from './correlation-id.middleware';
import { conditionalGetMiddleware } from './etag';
import { httpMetricsMiddleware } from './http-metrics.middleware';
import { methodNotAllowedMiddleware } from './method-not-allowed.middleware';
import { DEFAULT_WEB_DIR, serveWebApp } from './web-app';

/**
 * The HTTP layer around the controllers, set up before Nest adds its routes: security headers, CORS, correlation
 * ids, latency metrics, body size limits, ETags, the OpenAPI document with its UI, and the reader (apps/web) under /.
 */
export function configureHttp(app: INestApplication, config: ApiConfig): void {
  const server = app.getHttpAdapter().getInstance() as Express;
  server.disable('x-powered-by');
  server.set('etag', false); // conditionalGetMiddleware tags and answers 304 instead
  // Behind a proxy, the client address (what rate limiting counts) comes from X-Forwarded-For.
  server.set('trust proxy', config.TRUST_PROXY_HOPS > 0 ? config.TRUST_PROXY_HOPS : false);

  const document = buildOpenApiDocument(config);
  app.use(correlationIdMiddleware);
  app.use(conditionalGetMiddleware);
  app.use(httpMetricsMiddleware(app.get(Registry)));
  // helmet's default CSP minus upgrade-insecure-requests: that directive makes a browser fetch the reader's assets
  // and API calls over https, so a reader opened at http://<host>:3000 (compose on a server, a LAN) stays blank.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(methodNotAllowedMiddleware(document.paths as Record<string, Record<string, unknown>>));
  if (config.CORS_ORIGINS.length > 0) {
    app.enableCors({
      origin: config.CORS_ORIGINS.includes('*') ? '*' : config.CORS_ORIGINS,
      methods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['Content-Type', 'Authorization', 'X-API-Key', 'X-Correlation-Id', 'If-None-Match'],
      exposedHeaders: ['ETag', 'X-Correlation-Id', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
      maxAge: 600,
    });
  }
  // Operators may send a corrected page to replay; everyone else sends small bodies or none.
  app.use('/v1/admin', express.json({ limit: config.ADMIN_MAX_BODY_BYTES }));
  app.use(express.json({ limit: config.MAX_BODY_BYTES }));
  app.use(express.urlencoded({ extended: false, limit: config.MAX_BODY_BYTES }));

  server.get('/docs-json', (_request, response) => void response.json(document));
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'baoxun API' }));
  serveWebApp(server, config.WEB_DIR ?? DEFAULT_WEB_DIR);
}
