import { readFileSync } from 'node:fs';
import type { NatsConnection } from 'nats';
import { findRepoRoot } from '../infra/repo-root.util';
import { samplePagePath } from '../quality/repo-root';
import type { LocalStack } from '../local-stack/local-stack';
import { submitPage } from '../scanner/submit-page';
import { eventually, startTestStack, uniqueSource } from '../testing/test-stack';

// The walking skeleton end to end: a scanner publishes the sample page over NATS; the API serves its articles.

const sampleText = readFileSync(samplePagePath('txt', findRepoRoot()), 'utf8');
const gold = JSON.parse(readFileSync(samplePagePath('gold.json', findRepoRoot()), 'utf8')) as { articles: Array<{ headline: string }> };

interface PageResponse {
  id: string;
  status: string;
  articles: Array<{ id: string; headline: string; body: string; entities: { people: Array<{ name: string }> } }>;
}

describe('a page published over NATS comes back from the API, enriched', () => {
  let stack: LocalStack;
  let nats: NatsConnection;
  let apiKey: string;
  const source = uniqueSource('株洲日报-e2e');

  beforeAll(async () => {
    ({ stack, nats, apiKey } = await startTestStack('e2e'));
  });

  afterAll(async () => {
    await nats?.close();
    await stack?.stop();
  });

  const getJson = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${stack.apiUrl}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  };

  const storedPage = (pageId: string) =>
    eventually(async () => {
      const { status, body } = await getJson<PageResponse>(`/v1/pages/${pageId}`);
      return status === 200 && body.status === 'stored' ? body : undefined;
    }, 60_000, `page ${pageId} stored`);

  it('stores the sample page with its articles and serves them', async () => {
    const reply = await submitPage(nats, { source, date: '2024-02-23', page: '01', text: sampleText });
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.duplicate).toBe(false);

    const page = await storedPage(reply.pageId);
    expect(page.articles.map((article) => article.headline)).toEqual(gold.articles.map((article) => article.headline));
    expect(page.articles.every((article) => article.body.length > 50)).toBe(true);

    const list = await getJson<{ items: Array<{ id: string }>; nextCursor: string | null }>(`/v1/articles?pageId=${reply.pageId}&limit=100`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(gold.articles.length);

    const one = await getJson<PageResponse['articles'][number]>(`/v1/articles/${page.articles[1].id}`);
    expect(one.status).toBe(200);
    expect(one.body.entities.people.map((person) => person.name)).toContain('陈正明');
  });

  it('treats the same page sent again as a duplicate and stores nothing twice', async () => {
    const first = await submitPage(nats, { source, date: '2024-02-23', page: '01', text: sampleText });
    expect(first).toMatchObject({ ok: true, duplicate: true });
    if (!first.ok) return;
    const page = await storedPage(first.pageId);
    expect(page.articles).toHaveLength(gold.articles.length);
  });

  it('pages through articles with a cursor in a stable order (edition date, then reading order)', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    type Listing = { items: Array<{ id: string }>; nextCursor: string | null };
    do {
      const listing: { body: Listing } = await getJson<Listing>(`/v1/articles?source=${encodeURIComponent(source)}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...listing.body.items.map((item) => item.id));
      cursor = listing.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(gold.articles.length);
    expect(new Set(seen).size).toBe(seen.length);
    const [page] = (await getJson<{ items: Array<{ pageId: string }> }>(`/v1/articles?source=${encodeURIComponent(source)}&limit=1`)).body.items;
    const stored = await storedPage(page.pageId);
    expect(seen).toEqual(stored.articles.map((article) => article.id));
  });

  it('rejects a bad page over NATS with the reasons, and accepts nothing', async () => {
    const reply = await submitPage(nats, { source: '', date: '2024-02-30', page: 'x', text: 'hello' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.issues.map((issue) => issue.path).sort()).toEqual(['date', 'page', 'source']);

    const notJson = await nats.request('pages.submit', Buffer.from('{not json'), { timeout: 5_000 });
    expect(JSON.parse(Buffer.from(notJson.data).toString())).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
  });

  it('accepts a page over HTTP and rejects a bad one with 400', async () => {
    const text = '本地新闻标题\n\n本报讯(记者 王小明) 1月2日,某市召开会议。会议强调要做好工作。\n';
    const accepted = await fetch(`${stack.ingestUrl}/v1/pages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ source, date: '2024-01-02', page: 3, text }),
    });
    expect(accepted.status).toBe(202);
    const reply = (await accepted.json()) as { pageId: string };
    const page = await storedPage(reply.pageId);
    expect(page.articles.length).toBeGreaterThanOrEqual(1);

    const rejected = await fetch(`${stack.ingestUrl}/v1/pages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify({ source, text }) });
    expect(rejected.status).toBe(400);
    expect(JSON.stringify(await rejected.json())).toContain('date');

    const keyless = await fetch(`${stack.ingestUrl}/v1/pages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source, date: '2024-01-02', page: 4, text }) });
    expect(keyless.status).toBe(401);
  });

  it('reports NATS and the store as up on /health', async () => {
    const health = await getJson<{ status: string; checks: Record<string, { status: string }> }>('/health');
    expect(health.status).toBe(200);
    expect(health.body.checks).toEqual({ nats: { status: 'up' }, store: { status: 'up' } });
  });
});
