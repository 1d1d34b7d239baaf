import { DiscardPolicy, nanos, RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from 'nats';
import { streams } from '../contracts/subjects.registry';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The streams baoxun needs. Work streams keep a week of history for replays; dead letters a month. */
export function streamConfigs(): Array<Partial<StreamConfig> & { name: string; subjects: string[] }> {
  const common = {
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    // Publishers set Nats-Msg-Id; JetStream drops a repeat inside this window.
    duplicate_window: nanos(2 * 60 * 1000),
    num_replicas: 1,
  };
  return [
    { ...common, name: streams.PAGES.name, subjects: [...streams.PAGES.subjects], max_age: nanos(7 * DAY_MS) },
    { ...common, name: streams.ARTICLES.name, subjects: [...streams.ARTICLES.subjects], max_age: nanos(7 * DAY_MS) },
    { ...common, name: streams.DLQ.name, subjects: [...streams.DLQ.subjects], max_age: nanos(30 * DAY_MS) },
  ];
}

/** Creates or updates the streams; safe when several services start at once. */
export async function ensureStreams(jsm: JetStreamManager): Promise<void> {
  for (const config of streamConfigs()) {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = await jsm.streams.info(config.name).catch(() => null);
        if (existing) await jsm.streams.update(config.name, config);
        else await jsm.streams.add(config);
        break;
      } catch (error) {
        // Another replica may have created it between our info and add.
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }
}
