import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from 'nats';
import { Logger } from 'nestjs-pino';
import { JetStreamServer } from '../transport/jetstream.server';
import { TransportMetrics } from '../transport/transport.metrics';
import type { CoreConfig } from './service-core.module';
import { NATS_CONNECTION } from './service.tokens';
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
  app.connectMicroservice(
    {
      strategy: new JetStreamServer(
        connection,
        {
          stage: config.SERVICE_NAME,
          maxInFlight: config.MAX_IN_FLIGHT,
          maxDeliver: config.MAX_DELIVER,
          ackWaitMs: config.ACK_WAIT_MS,
          shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
        },
        app.get(TransportMetrics),
      ),
    },
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, '0.0.0.0');
  return app;
}
