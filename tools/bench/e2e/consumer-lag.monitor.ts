// Per-stage consumer lag over time, read from JetStream itself (no load on the services or the store):
// lag = messages not yet delivered (num_pending) + delivered but not yet acked (num_ack_pending).
import type { JetStreamManager } from 'nats';

export interface LagPoint {
  /** ms since the monitor started */
  t: number;
  lag: Record<string, number>;
}

export interface ConsumerTotals {
  durable: string;
  stream: string;
  /** Messages acked (ack floor). */
  acked: number;
  redelivered: number;
  maxLag: number;
  /** ms (since start) after which the lag stayed at 0, or null if it never cleared. */
  clearedAt: number | null;
}

export class ConsumerLagMonitor {
  readonly points: LagPoint[] = [];
  private timer?: NodeJS.Timeout;
  private started = 0;
  private busy = false;
  private latest: Record<string, { acked: number; redelivered: number; stream: string }> = {};

  constructor(
    private readonly jsm: JetStreamManager,
    private readonly streams: readonly string[],
    private readonly intervalMs = 1_000,
  ) {}

  start(): this {
    this.started = Date.now();
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  /** One reading now (also used to wait for a drained pipeline). */
  async sample(): Promise<LagPoint | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    try {
      const lag: Record<string, number> = {};
      for (const stream of this.streams) {
        for await (const info of this.jsm.consumers.list(stream)) {
          const name = info.name;
          lag[name] = info.num_pending + info.num_ack_pending;
          this.latest[name] = { acked: info.ack_floor.consumer_seq, redelivered: info.num_redelivered, stream };
        }
      }
      const point = { t: Date.now() - this.started, lag };
      this.points.push(point);
      return point;
    } catch {
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  stop(): ConsumerTotals[] {
    if (this.timer) clearInterval(this.timer);
    return Object.entries(this.latest).map(([durable, latest]) => {
      const series = this.points.map((point) => ({ t: point.t, lag: point.lag[durable] ?? 0 }));
      let clearedAt: number | null = null;
      for (let i = series.length - 1; i >= 0; i--) {
        if (series[i].lag !== 0) break;
        clearedAt = series[i].t;
      }
      return {
        durable,
        stream: latest.stream,
        acked: latest.acked,
        redelivered: latest.redelivered,
        maxLag: Math.max(0, ...series.map((point) => point.lag)),
        clearedAt,
      };
    });
  }
}
