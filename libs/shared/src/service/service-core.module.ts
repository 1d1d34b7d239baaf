import { type DynamicModule, Global, Inject, Logger, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { LoggerModule } from 'nestjs-pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { ServiceConfig } from '../config/service.config';
import { ensureStreams, topologyOf } from '../transport/jetstream-topology';
import { JetStreamPublisher } from '../transport/jetstream.publisher';
import { connectNats } from '../transport/nats-connection';
import { TransportMetrics } from '../transport/transport.metrics';
import type { HealthCheck } from './health.check';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { HEALTH_CHECKS, NATS_CONNECTION, SERVICE_CONFIG } from './service.tokens';

export type CoreConfig = ServiceConfig & { SERVICE_NAME: string };

/** Drains the connection after the transport has finished its in-flight work (Nest calls this hook last). */
class NatsLifecycle implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}
  async onApplicationShutdown(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain().catch(() => this.connection.close());
  }
}

/**
 * What every baoxun service has: its parsed config, JSON logs, one NATS connection with the streams in place,
 * a validating JetStream publisher, /health and /metrics.
 */
@Global()
@Module({})
export class ServiceCoreModule {
  static forRoot(config: CoreConfig, extraHealthChecks: Provider[] = []): DynamicModule {
    const logger = new Logger('JetStreamTopology');
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      {
        provide: Registry,
        useFactory: () => {
          const registry = new Registry();
          registry.setDefaultLabels({ service: config.SERVICE_NAME });
          collectDefaultMetrics({ register: registry });
          return registry;
        },
      },
      { provide: TransportMetrics, inject: [Registry], useFactory: (registry: Registry) => new TransportMetrics(registry) },
      {
        provide: NATS_CONNECTION,
        useFactory: async () => {
          const connection = await connectNats(config, `baoxun-${config.SERVICE_NAME}`);
          const changes = await ensureStreams(await connection.jetstreamManager(), topologyOf(config));
          for (const change of changes) {
            if (change.action === 'created') logger.log(`Created stream ${change.stream} with ${config.STREAM_REPLICAS} replica(s)`);
            if (change.replicas) logger.warn(`Stream ${change.stream} had ${change.replicas.from} replica(s); scaled to ${change.replicas.to} (STREAM_REPLICAS)`);
          }
          return connection;
        },
      },
      { provide: JetStreamPublisher, inject: [NATS_CONNECTION], useFactory: (connection: NatsConnection) => new JetStreamPublisher(connection) },
      NatsLifecycle,
      ...extraHealthChecks,
      {
        provide: HEALTH_CHECKS,
        inject: [NATS_CONNECTION, ...extraHealthChecks.map((provider) => ('provide' in provider ? provider.provide : provider))],
        useFactory: (connection: NatsConnection, ...extra: HealthCheck[]): HealthCheck[] => [natsHealthCheck(connection), ...extra],
      },
    ];
    return {
      module: ServiceCoreModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { service: config.SERVICE_NAME },
            // Health probes every few seconds would drown the useful lines.
            autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
            customProps: (request) => ({ correlationId: request.headers['x-correlation-id'] }),
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers,
      exports: [SERVICE_CONFIG, Registry, TransportMetrics, NATS_CONNECTION, JetStreamPublisher],
    };
  }
}

function natsHealthCheck(connection: NatsConnection): HealthCheck {
  return {
    name: 'nats',
    async check() {
      if (connection.isClosed()) return { status: 'down', detail: 'connection closed' };
      try {
        await connection.flush();
        return { status: 'up' };
      } catch (error) {
        return { status: 'down', detail: String(error) };
      }
    },
  };
}
