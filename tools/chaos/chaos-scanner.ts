import type { NatsConnection } from 'nats';
import type { PageSubmitReply } from '@baoxun/shared/contracts/page.contract';
import { submitPage } from '../scanner/submit-page';
import type { CorpusPage } from './page-corpus';

export interface Accepted {
  page: CorpusPage;
  reply: Extract<PageSubmitReply, { ok: true }>;
  /** Requests it took: a scanner sends again when it gets no answer, a "busy" or an internal error. */
  attempts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const RETRYABLE = /^(busy|internal error)/;

/**
 * Sends a page as a careful scanner does: over NATS, again and again until ingest confirms it (a timeout, no
 * responders or a broker restart are not an answer). A rejection of a valid page fails the test.
 */
export async function submitUntilAccepted(nats: NatsConnection, page: CorpusPage, giveUpAfterMs = 300_000): Promise<Accepted> {
  const deadline = Date.now() + giveUpAfterMs;
  for (let attempt = 1; ; attempt++) {
    let lastProblem: string;
    try {
      const reply = await submitPage(nats, page.submission, 10_000);
      if (reply.ok) {
        if (reply.pageId !== page.pageId || reply.contentHash !== page.contentHash) {
          throw new Error(`ingest gave ${reply.pageId}/${reply.contentHash}, expected ${page.pageId}/${page.contentHash}`);
        }
        return { page, reply, attempts: attempt };
      }
      if (!RETRYABLE.test(reply.error)) throw new Error(`valid page ${page.pageId} rejected: ${reply.error}`);
      lastProblem = reply.error;
    } catch (error) {
      if (error instanceof Error && /rejected|ingest gave/.test(error.message)) throw error;
      lastProblem = String(error);
    }
    if (Date.now() > deadline) throw new Error(`page ${page.pageId} not accepted after ${attempt} attempts: ${lastProblem}`);
    await sleep(Math.min(5_000, 200 * attempt));
  }
}

/**
 * Sends pages spread evenly over durationMs (so faults land while pages flow), with up to `concurrency`
 * requests at once. onAccepted sees the count so far.
 */
export async function sendPaced(nats: NatsConnection, pages: CorpusPage[], options: { durationMs: number; concurrency?: number; onAccepted?: (count: number) => void }): Promise<Accepted[]> {
  const started = Date.now();
  const interval = options.durationMs / Math.max(1, pages.length);
  const accepted: Accepted[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= pages.length) return;
      const due = started + index * interval;
      if (due > Date.now()) await sleep(due - Date.now());
      accepted.push(await submitUntilAccepted(nats, pages[index]));
      options.onAccepted?.(accepted.length);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return accepted;
}
