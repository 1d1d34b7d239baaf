import { mongo } from 'mongoose';
import type { NatsConnection } from 'nats';
import { pipelineBacklog, pipelineIdle } from './broker-probe';
import type { CorpusPage } from './page-corpus';

/** The figures a fault test reports, counted by ids the API returns. */
export interface AuditFigures {
  pagesSent: number;
  pagesStored: number;
  articlesExpected: number;
  articlesStored: number;
  /** Stored articles beyond the expected ones (an id twice, or an id no current version should have). */
  duplicated: number;
  /** Expected articles the API does not have. */
  lost: number;
  deadLettered: number;
  problems: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
      return { status: response.status, body: (await response.json()) as T };
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(1_000 * attempt);
    }
  }
}

/** Runs fn over items with at most `limit` at once. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (;;) {
        const index = next++;
        if (index >= items.length) return;
        results[index] = await fn(items[index]);
      }
    }),
  );
  return results;
}

/**
 * Waits until the services have handled everything (watching the JetStream consumers, which costs the store
 * nothing: on FerretDB a poll of the pages would slow the very thing under test), then counts the stored pages
 * once. Progress goes to stderr. Returns how many of the pages are stored.
 */
export async function waitUntilStored(nats: NatsConnection, mongoUrl: string, pageIds: string[], options: { timeoutMs: number; label: string }): Promise<number> {
  const deadline = Date.now() + options.timeoutMs;
  let lastLog = 0;
  for (;;) {
    const backlog = await pipelineBacklog(nats).catch(() => -1);
    if (backlog === 0 && (await pipelineIdle(nats).catch(() => undefined))) break;
    if (Date.now() - lastLog > 30_000) {
      process.stderr.write(`[chaos] ${options.label}: ${backlog < 0 ? '(broker unreachable)' : `${backlog} message(s) still to handle`}\n`);
      lastLog = Date.now();
    }
    if (Date.now() > deadline) break;
    await sleep(2_000);
  }
  const client = new mongo.MongoClient(mongoUrl, { serverSelectionTimeoutMS: 30_000 });
  try {
    await client.connect();
    return await client.db().collection('pages').countDocuments({ _id: { $in: pageIds } as never, status: 'stored' });
  } finally {
    await client.close().catch(() => undefined);
  }
}

interface ArticleListing {
  items: Array<{ id: string; pageId: string }>;
  nextCursor: string | null;
}

async function listArticles(apiUrl: string, source: string, cursor: string | null): Promise<ArticleListing> {
  const query = `source=${encodeURIComponent(source)}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const { status, body } = await getJson<ArticleListing>(`${apiUrl}/v1/articles?${query}`);
  if (status !== 200) throw new Error(`GET /v1/articles?${query}: HTTP ${status}`);
  return body;
}

interface PageView {
  id: string;
  status: string;
  contentHash: string;
  expectedArticles: number | null;
  articles: Array<{ id: string; pageId: string; pipelineVersion: string }>;
}

/**
 * Checks through the API that every page's articles are stored exactly once: listing each source returns each
 * expected article id once, under its page, and nothing else; and a random sample of pages (GET /v1/pages/:id,
 * whose article lookups are slow on FerretDB) shows status stored with exactly the expected articles in order.
 */
export async function auditThroughApi(apiUrl: string, pages: CorpusPage[], sources: string[], deadLettered = 0, sampleSize = 25): Promise<AuditFigures> {
  const problems: string[] = [];
  const expected = new Set(pages.flatMap((page) => page.expectedArticleIds));
  const sample = [...pages].sort(() => Math.random() - 0.5).slice(0, sampleSize);
  await mapLimit(sample, 4, async (page) => {
    const { status, body } = await getJson<PageView>(`${apiUrl}/v1/pages/${page.pageId}`);
    if (status !== 200) return void problems.push(`page ${page.pageId}: HTTP ${status}`);
    if (body.status !== 'stored') return void problems.push(`page ${page.pageId}: status ${body.status}`);
    if (body.contentHash !== page.contentHash) return void problems.push(`page ${page.pageId}: version ${body.contentHash}, expected ${page.contentHash}`);
    const ids = body.articles.map((article) => article.id);
    if (ids.length !== page.expectedArticleIds.length || ids.some((id, index) => id !== page.expectedArticleIds[index])) {
      problems.push(`page ${page.pageId}: articles [${ids.join(',')}], expected [${page.expectedArticleIds.join(',')}]`);
    }
    if (!body.articles.every((article) => typeof article.pipelineVersion === 'string' && article.pipelineVersion.length > 0)) problems.push(`page ${page.pageId}: an article without pipelineVersion`);
  });
  const seen = new Map<string, number>();
  const listedByPage = new Map<string, Set<string>>();
  for (const source of sources) {
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const listing = await listArticles(apiUrl, source, cursor);
      for (const item of listing.items) {
        seen.set(item.id, (seen.get(item.id) ?? 0) + 1);
        const ids = listedByPage.get(item.pageId) ?? new Set<string>();
        listedByPage.set(item.pageId, ids.add(item.id));
      }
      cursor = listing.nextCursor;
    }
  }
  let duplicated = 0;
  for (const [id, count] of seen) {
    if (!expected.has(id)) {
      duplicated += count;
      if (problems.length < 50) problems.push(`article ${id} listed but belongs to no current page version`);
    } else if (count > 1) {
      duplicated += count - 1;
      problems.push(`article ${id} listed ${count} times`);
    }
  }
  const lostIds = [...expected].filter((id) => !seen.has(id));
  if (lostIds.length > 0) problems.push(`${lostIds.length} expected article(s) missing from the listing, e.g. ${lostIds.slice(0, 5).join(', ')}`);
  const pagesStored = pages.filter((page) => {
    const listed = listedByPage.get(page.pageId) ?? new Set<string>();
    return listed.size === page.expectedArticleIds.length && page.expectedArticleIds.every((id) => listed.has(id));
  }).length;
  return {
    pagesSent: pages.length,
    pagesStored,
    articlesExpected: expected.size,
    articlesStored: [...seen.keys()].filter((id) => expected.has(id)).length,
    duplicated,
    lost: lostIds.length,
    deadLettered,
    problems,
  };
}

/** One line per run, for the report: what was sent and what came out. */
export function reportFigures(label: string, figures: AuditFigures, extra: Record<string, unknown> = {}): void {
  const { problems, ...counts } = figures;
  process.stderr.write(`[chaos] ${label}: ${JSON.stringify({ ...counts, ...extra, problems: problems.length })}\n`);
  for (const problem of problems.slice(0, 20)) process.stderr.write(`[chaos]   ${problem}\n`);
}
