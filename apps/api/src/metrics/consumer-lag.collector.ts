import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { Gauge, Registry } from 'prom-client';
import { streams } from '@baoxun/shared/contracts/subjects.registry';
import { NATS_CONNECTION, SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';

const PENDING = 'baoxun_consumer_pending_messages';
const ACK_PENDING = 'baoxun_consumer_ack_pending_messages';

/**
 * Consumer lag on /metrics: for each of this service's durable consumers, the messages still waiting in the
 * stream and those delivered but not acked, read from JetStream when Prometheus scrapes. Skipped if a shared
 * collector already registered the same metrics.
 */
@Injectable()
export class ConsumerLagCollector {
  private readonly logger = new Logger(ConsumerLagCollector.name);

  constructor(
    @Inject(Registry) registry: Registry,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: { SERVICE_NAME: string },
  ) {
    if (registry.getSingleMetric(PENDING)) return;
    const labelNames = ['stream', 'consumer'] as const;
    let last: Promise<Array<{ stream: string; consumer: string; pending: number; ackPending: number }>> | null = null;
    // One JetStream round per scrape, shared by both gauges.
    const read = () => (last ??= this.read().finally(() => setTimeout(() => (last = null), 100).unref()));
    new Gauge({
      name: PENDING,
      help: 'Messages in the stream not yet delivered to this durable consumer',
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await read()) this.set({ stream: row.stream, consumer: row.consumer }, row.pending);
      },
    });
    new Gauge({
      name: ACK_PENDING,
      help: 'Messages delivered to this durable consumer and not yet acked',
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await read()) this.set({ stream: row.stream, consumer: row.consumer }, row.ackPending);
      },
    });
  }

  private async read(): Promise<Array<{ stream: string; consumer: string; pending: number; ackPending: number }>> {
    try {
      const jsm = await this.connection.jetstreamManager();
      const rows: Array<{ stream: string; consumer: string; pending: number; ackPending: number }> = [];
      for (const stream of Object.values(streams)) {
        for await (const info of jsm.consumers.list(stream.name)) {
          if (!info.name.startsWith(`${this.config.SERVICE_NAME}-`)) continue;
          rows.push({ stream: stream.name, consumer: info.name, pending: info.num_pending, ackPending: info.num_ack_pending });
        }
      }
      return rows;
    } catch (error) {
      this.logger.warn(`consumer lag unavailable: ${String(error)}`);
      return [];
    }
  }
}
