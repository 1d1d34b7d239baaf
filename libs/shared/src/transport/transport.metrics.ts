import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Processed / failed / dead-lettered counts, handling time per subject, and messages in work, for /metrics. */
export class TransportMetrics {
  private readonly processed?: Counter<'subject'>;
  private readonly failed?: Counter<'subject'>;
  private readonly deadLettered?: Counter<'subject'>;
  private readonly duration?: Histogram<'subject'>;
  private readonly inFlight?: Gauge;
  private readonly inFlightPeak?: Gauge;
  private peak = 0;

  constructor(registry?: Registry) {
    if (!registry) return;
    const registers = [registry];
    this.processed = new Counter({ name: 'baoxun_messages_processed_total', help: 'Messages handled and acked', labelNames: ['subject'], registers });
    this.failed = new Counter({ name: 'baoxun_messages_failed_total', help: 'Handler failures (retried or dead-lettered)', labelNames: ['subject'], registers });
    this.deadLettered = new Counter({ name: 'baoxun_messages_dead_lettered_total', help: 'Messages sent to dlq.<stage>', labelNames: ['subject'], registers });
    this.duration = new Histogram({
      name: 'baoxun_message_handling_seconds',
      help: 'Time from receipt to ack',
      labelNames: ['subject'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.inFlight = new Gauge({ name: 'baoxun_messages_in_flight', help: 'Messages being handled now (at most MAX_IN_FLIGHT)', registers });
    this.inFlightPeak = new Gauge({ name: 'baoxun_messages_in_flight_peak', help: 'Most messages handled at once since the process started', registers });
  }

  recordProcessed(subject: string, seconds: number): void {
    this.processed?.inc({ subject });
    this.duration?.observe({ subject }, seconds);
  }
  recordFailed(subject: string): void {
    this.failed?.inc({ subject });
  }
  recordDeadLettered(subject: string): void {
    this.deadLettered?.inc({ subject });
  }
  recordInFlight(count: number): void {
    this.inFlight?.set(count);
    if (count > this.peak) {
      this.peak = count;
      this.inFlightPeak?.set(count);
    }
  }
}
