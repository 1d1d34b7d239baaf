import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestMicroservice } from '@nestjs/microservices';
import type { NatsConnection } from 'nats';
import { Logger } from 'nestjs-pino';
import { topologyOf } from '../transport/jetstream-topology';
import { JetStreamServer } from '../transport/jetstream.server';
import { RpcErrorPassthroughFilter } from '../transport/rpc-error-passthrough.filter';
import { TransportMetrics } from '../transport/transport.metrics';
import { type HealthCheck, runHealthChecks } from './health.check';
import type { CoreConfig } from './service-core.module';
import { HEALTH_CHECKS, NATS_CONNECTION } from './service.tokens';
import type { INestApplication } from '@nestjs/common';

/**
 * Starts a baoxun service: HTTP (health, metrics and the app's own routes) plus the JetStream transport.
 * SIGTERM/SIGINT close the transport first (no new work, in-flight finished or returned), then drain NATS.
 */
export async function runService(module: DynamicModule, config: CoreConfig, configure?: (app: INestApplication) => void): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  configure?.(app);
  const connection = app.get<NatsConnection>(NATS_CONNECTION);
  const checks = app.get<HealthCheck[]>(HEALTH_CHECKS);
  const transport = app.connectMicroservice(
    {
      strategy: new JetStreamServer(
        connection,
        {
          stage: config.SERVICE_NAME,
          maxInFlight: config.MAX_IN_FLIGHT,
          maxDeliver: config.MAX_DELIVER,
          ackWaitMs: config.ACK_WAIT_MS,
          shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
          topology: topologyOf(config),
          // A handler failing while NATS or the store is down waits for them instead of using up its deliveries.
          dependenciesHealthy: async () => (await runHealthChecks(config.SERVICE_NAME, checks)).status === 'ok',
        },
        app.get(TransportMetrics),
      ),
    },
    // The transport gets a config of its own: HTTP's global filters, guards and pipes (problem+json, rate limits)
    // are not for JetStream messages, and its handlers are only built once the passthrough filter is in place.
    { inheritAppConfig: false, deferInitialization: true },
  );
  transport.useGlobalFilters(new RpcErrorPassthroughFilter());
  // The application has run the modules' init hooks already; the deferred transport must not run them again.
  (transport as unknown as NestMicroservice).setIsInitHookCalled(true);
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, '0.0.0.0');
  return app;
}
