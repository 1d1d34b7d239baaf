import { Controller, Get, Inject, ServiceUnavailableException, UseGuards } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { ConsumerLag } from '@baoxun/shared/contracts/admin.contract';
import { streams } from '@baoxun/shared/contracts/subjects.registry';
import { ApiKeyGuard } from '@baoxun/shared/service/api-key.guard';
import { NATS_CONNECTION } from '@baoxun/shared/service/service.tokens';

/**
 * /v1/admin/consumers: every durable consumer of the pipeline's streams with its lag, so an operator sees which
 * stage is behind (each service's /metrics has only its own). API key required.
 */
@Controller('v1/admin/consumers')
@UseGuards(ApiKeyGuard)
export class ConsumersController {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  @Get()
  async list(): Promise<ConsumerLag[]> {
    try {
      const jsm = await this.connection.jetstreamManager();
      const rows: ConsumerLag[] = [];
      for (const stream of Object.values(streams)) {
        for await (const info of jsm.consumers.list(stream.name)) {
          // Ephemeral consumers (a reader of the DLQ, say) are no stage's work.
          if (!info.config.durable_name) continue;
          // The server sends an RFC 3339 time; the client's types call it nanoseconds.
          const last: unknown = info.delivered?.last_active;
          const lastActive = typeof last === 'string' ? new Date(last) : typeof last === 'number' ? new Date(last / 1e6) : null;
          rows.push({
            stream: stream.name,
            consumer: info.name,
            stage: info.name.split('-')[0],
            filterSubject: info.config.filter_subject ?? info.config.filter_subjects?.join(',') ?? null,
            pending: info.num_pending,
            ackPending: info.num_ack_pending,
            redelivered: info.num_redelivered,
            waiting: info.num_waiting,
            lastActive: lastActive && !Number.isNaN(lastActive.getTime()) && lastActive.getTime() > 0 ? lastActive.toISOString() : null,
          });
        }
      }
      return rows.sort((a, b) => a.stream.localeCompare(b.stream) || a.consumer.localeCompare(b.consumer));
    } catch (error) {
      throw new ServiceUnavailableException(`JetStream did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
