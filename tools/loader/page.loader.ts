// Fills the store through the api's own write path, fast: each page is parsed and tagged here (the real
// parser and tagger, as the parser and enricher services would), and what those services would publish
// (pages.received, pages.parsed, articles.enriched) goes straight into JetStream, pipelined, for the api's
// durable consumers to store. The message ids are the pipeline's own, so a page loaded twice is stored once.
import { headers as natsHeaders, type JetStreamClient, type PubAck } from 'nats';
import { normalizePageText } from '@baoxun/shared/identity/page-text.normalizer';
import { pageMessagesOf } from '../bench/corpus/pipeline-messages';

export interface LoaderPage {
  source: string;
  /** YYYY-MM-DD */
  date: string;
  /** "01", "A03" */
  page: string;
  text: string;
}

export interface PublishProgress {
  pages: number;
  articles: number;
  seconds: number;
}

export interface PublishOptions {
  /** Publishes awaiting their ack at once. */
  window?: number;
  /** Called after every `every` pages (and at the end). */
  onProgress?: (progress: PublishProgress) => void;
  every?: number;
}

/** Publishes every page's pipeline messages; resolves when JetStream has acked them all. */
export async function publishPages(js: JetStreamClient, pages: Iterable<LoaderPage> | AsyncIterable<LoaderPage>, options: PublishOptions = {}): Promise<PublishProgress> {
  const window = options.window ?? 256;
  const every = options.every ?? 500;
  const started = Date.now();
  const pending = new Set<Promise<PubAck>>();
  let failure: unknown = null;
  const publish = async (subject: string, payload: unknown, msgID: string, correlationId: string) => {
    if (failure) throw failure;
    const headers = natsHeaders();
    headers.set('X-Correlation-Id', correlationId);
    const ack = js.publish(subject, Buffer.from(JSON.stringify(payload)), { msgID, headers, timeout: 60_000 });
    pending.add(ack);
    ack.then(
      () => pending.delete(ack),
      (error: unknown) => {
        pending.delete(ack);
        failure ??= error;
      },
    );
    if (pending.size >= window) await Promise.race(pending).catch(() => undefined);
  };
  let count = 0;
  let articles = 0;
  const progress = () => ({ pages: count, articles, seconds: (Date.now() - started) / 1000 });
  for await (const page of pages) {
    const messages = pageMessagesOf({ source: page.source, date: page.date, page: page.page }, normalizePageText(page.text));
    const { received, parsed } = messages;
    // The subjects in pipeline order; the api waits (NotYet) for whatever it needs first anyway.
    await publish('pages.received', received, `${received.pageId}:${received.contentHash}`, received.correlationId);
    await publish('pages.parsed', parsed, `${received.pageId}:${received.contentHash}:${parsed.parserVersion}`, received.correlationId);
    for (const article of messages.enriched) await publish('articles.enriched', article, `${article.id}:${article.pipelineVersion}`, received.correlationId);
    count++;
    articles += messages.enriched.length;
    if (count % every === 0) options.onProgress?.(progress());
  }
  await Promise.allSettled([...pending]);
  if (failure) throw failure;
  const done = progress();
  options.onProgress?.(done);
  return done;
}
