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
  /** (ms since start, acks summed over all consumers, lag summed over all consumers), for the projection. */
  private readonly progress: Array<[number, number, number]> = [];

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
      this.progress.push([point.t, Object.values(this.latest).reduce((sum, c) => sum + c.acked, 0), Object.values(lag).reduce((a, b) => a + b, 0)]);
      return point;
    } catch {
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Seconds until the backlog is gone at the ack rate of the last `windowMs`, or null while that is unknown.
   * An underestimate (work still to be published downstream is not in the backlog yet), so it is safe to give up on.
   */
  projectedSecondsLeft(windowMs = 60_000): number | null {
    const last = this.progress.at(-1);
    if (!last || last[0] < windowMs) return null;
    const first = this.progress.find((entry) => entry[0] >= last[0] - windowMs) ?? this.progress[0];
    if (last[0] - first[0] < windowMs / 2) return null;
    const rate = (last[1] - first[1]) / ((last[0] - first[0]) / 1000);
    if (last[2] === 0) return 0;
    return rate > 0 ? last[2] / rate : Number.POSITIVE_INFINITY;
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
