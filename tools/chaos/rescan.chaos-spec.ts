import { pageReceived } from '@baoxun/shared/contracts/subjects.registry';
import { JetStreamPublisher } from '@baoxun/shared/transport/jetstream.publisher';
import { eventually, uniqueSource } from '../testing/test-stack';
import { pipelineIdle } from './broker-probe';
import { submitUntilAccepted, sendPaced } from './chaos-scanner';
import { type ChaosStack, chaosPages, chaosSeed, chaosTestTimeoutMs, storeTimeoutMs, sleep, startChaosStack } from './chaos-stack';
import { corpus, corpusPage, seededRandom, type CorpusPage } from './page-corpus';
import { waitUntilStored } from './pipeline-audit';

// Re-scans: the same page sent again with identical text is a no-op; with new text it replaces the earlier
// version and its articles, atomically from a reader's point of view: readers polling the page and its
// articles while versions change (and other pages flow) only ever see one complete version.

interface PageView {
  status: string;
  contentHash: string;
  storedAt: string | null;
  served: { contentHash: string; storedAt: string } | null;
  articles: Array<{ id: string }>;
}

describe('re-scans of a page', () => {
  let chaos: ChaosStack;
  const random = seededRandom(chaosSeed());
  const rounds = Math.max(4, Math.round(chaosPages() / 100));

  beforeAll(async () => {
    chaos = await startChaosStack('rescan');
  }, 300_000);

  afterAll(async () => {
    await chaos?.stop();
  }, 120_000);

  const view = async (pageId: string): Promise<PageView | null> => {
    const response = await fetch(`${chaos.stack.apiUrl}/v1/pages/${pageId}`, { signal: AbortSignal.timeout(30_000) });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`GET /v1/pages/${pageId}: HTTP ${response.status}`);
    return (await response.json()) as PageView;
  };
  const listed = async (pageId: string): Promise<string[]> => {
    const response = await fetch(`${chaos.stack.apiUrl}/v1/articles?pageId=${pageId}&limit=100`, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`GET /v1/articles?pageId=${pageId}: HTTP ${response.status}`);
    return ((await response.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id).sort();
  };
  const storedVersion = (page: CorpusPage) =>
    eventually(async () => {
      const seen = await view(page.pageId);
      return seen?.status === 'stored' && seen.served?.contentHash === page.contentHash ? seen : undefined;
    }, 300_000, `page ${page.pageId} version ${page.contentHash} stored`);

  it('the same page sent again with identical text changes nothing', async () => {
    const source = uniqueSource('chaos-same');
    const page = corpusPage(source, 3);
    await submitUntilAccepted(chaos.nats, page);
    const first = await storedVersion(page);

    // Through ingest, inside JetStream's duplicate window: recognised as a duplicate at once.
    const again = await submitUntilAccepted(chaos.nats, page);
    expect(again.reply.duplicate).toBe(true);
    // As the pipeline sees a resend after that window: the same version on pages.received once more.
    await new JetStreamPublisher(chaos.nats).publish(pageReceived, {
      pageId: page.pageId,
      page: { source, date: page.submission.date, page: page.submission.page },
      text: page.submission.text,
      contentHash: page.contentHash,
      receivedAt: new Date().toISOString(),
      correlationId: 'resent-after-the-window',
    });
    await eventually(() => pipelineIdle(chaos.nats), 300_000, 'the resend handled');
    const after = await view(page.pageId);
    expect(after).toMatchObject({ status: 'stored', contentHash: first.contentHash, storedAt: first.storedAt, served: first.served });
    expect(after?.articles.map((article) => article.id)).toEqual(page.expectedArticleIds);
    expect(await listed(page.pageId)).toEqual([...page.expectedArticleIds].sort());
  }, 600_000);

  it('new text replaces the version and its articles atomically for readers, while other pages flow', async () => {
    const source = uniqueSource('chaos-rescan');
    const versions = Array.from({ length: rounds + 1 }, (_, variant) => corpusPage(source, 7, variant));
    const byHash = new Map(versions.map((version) => [version.contentHash, version]));
    const idSets = versions.map((version) => [...version.expectedArticleIds].sort().join(','));
    await submitUntilAccepted(chaos.nats, versions[0]);
    await storedVersion(versions[0]);

    const load = corpus(uniqueSource('chaos-rescan-load'), chaosPages(1 / 4, 25), 500_000);
    const loading = sendPaced(chaos.nats, load, { durationMs: 20_000 * rounds });
    const violations: string[] = [];
    let observations = 0;
    let reading = true;
    const reader = async () => {
      while (reading) {
        try {
          const [page, ids] = await Promise.all([view(versions[0].pageId), listed(versions[0].pageId)]);
          observations++;
          const pageIds = page?.articles.map((article) => article.id) ?? [];
          const served = page?.served ? byHash.get(page.served.contentHash) : undefined;
          if (!served) violations.push(`page serves unknown version ${page?.served?.contentHash}`);
          else if (pageIds.join(',') !== served.expectedArticleIds.join(',')) violations.push(`page serves ${served.contentHash} with articles [${pageIds.join(',')}]`);
          if (!idSets.includes(ids.join(','))) violations.push(`articles listed for the page mix or miss versions: [${ids.join(',')}]`);
        } catch (error) {
          violations.push(`read failed: ${String(error)}`);
        }
      }
    };
    const readers = Array.from({ length: 3 }, reader);
    for (const version of versions.slice(1)) {
      await submitUntilAccepted(chaos.nats, version);
      await storedVersion(version);
      await sleep(random() * 2_000);
    }
    reading = false;
    await Promise.all(readers);
    await loading;
    await waitUntilStored(chaos.nats, chaos.mongoUrl, load.map((page) => page.pageId), { timeoutMs: storeTimeoutMs(), label: 're-scan load' });

    const last = versions[versions.length - 1];
    const final = await view(last.pageId);
    process.stderr.write(`[chaos] re-scan: ${rounds} re-scans under load, ${observations} reader observations, ${violations.length} inconsistent\n`);
    expect(violations.slice(0, 20)).toEqual([]);
    expect(observations).toBeGreaterThan(rounds * 3);
    expect(final?.articles.map((article) => article.id)).toEqual(last.expectedArticleIds);
    expect(await listed(last.pageId)).toEqual([...last.expectedArticleIds].sort());
  }, chaosTestTimeoutMs());
});
