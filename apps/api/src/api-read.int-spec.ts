import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import {
  ArticleListSchema,
  EntityDetailSchema,
  EntityListSchema,
  PageViewSchema,
  ProblemSchema,
  WholeArticleSchema,
  type ArticleList,
  type EntityList,
  type Problem,
} from '@baoxun/shared/contracts/api.contract';
import { type ApiClient, type ApiOperations, createApiClient, expectOk } from '@baoxun/api-client/api-client';
import { buildArticleMatch, sortKeyRange, withSortKey } from './search/article-match.builder';
import { planQuery } from './search/ngram.tokenizer';
import { type ApiProcess, eventually, integrationServers, isolatedMongoUrl, startApi } from './testing/api-process';
import { type FixturePage, pageMessages, type PageMessages } from './testing/page-fixture';
import { PipelineFeed } from './testing/pipeline-feed';

// The read API against the real services: the api process (from dist/) on NATS JetStream and FerretDB (or the
// MongoDB that MONGO_URL names), fed the messages the parser and enricher would publish.

const API_KEY = `test-key-${randomBytes(8).toString('hex')}`;
const source = `测试日报-${randomBytes(3).toString('hex')}`;
const hunan = { code: '430000', name: '湖南省' };
const zhuzhou = { code: '430200', name: '株洲市' };

const fixtures: FixturePage[] = [
  {
    source,
    date: '2024-01-10',
    page: '01',
    articles: [
      {
        headline: '株洲召开全市工作会议',
        body: '1月9日，中共株洲市委召开会议，市委书记陈正明强调打造“三个高地”。',
        people: [{ name: '陈正明', roles: ['市委书记'] }],
        places: [{ name: '株洲', code: '430200', canonicalName: '株洲市', parents: [hunan] }],
        organizations: ['中共株洲市委'],
        campaigns: ['三个高地'],
        datelines: [{ text: '1月9日', agency: '本报', place: null, date: '1月9日', offset: 0 }],
      },
      { headline: '天元区经济稳中有进', body: '天元区ＧＤＰ增长5.2%，区长李明介绍。', people: ['李明'], places: [{ name: '天元区', code: '430211', parents: [hunan, zhuzhou] }] },
    ],
  },
  {
    source,
    date: '2024-01-11',
    page: '01',
    articles: [
      { headline: '芦淞区服装产业升级', body: '陈正明在芦淞区调研服装产业。', people: ['陈正明'], places: [{ name: '芦淞区', code: '430203', parents: [hunan, zhuzhou] }] },
      { headline: '长沙举行会议', body: '长沙市召开会议，王五出席会议。大雪纷飞。', people: ['王五'], places: [{ name: '长沙市', code: '430100', parents: [hunan] }] },
      { headline: '天气', body: '株洲的天气。洲市场繁荣。' },
    ],
  },
  {
    source,
    date: '2024-01-12',
    page: '02',
    articles: [1, 2, 3, 4, 5].map((index) => ({ headline: `第${index}条消息`, body: `赵六第${index}次发言。`, people: ['赵六'] })),
  },
];

describe('the read API', () => {
  let api: ApiProcess;
  let keyed: ApiProcess;
  let feed: PipelineFeed;
  let pages: PageMessages[];

  const url = (path: string, base = api) => `${base.url}${path}`;
  const get = async <T>(path: string, init: RequestInit = {}, base = api): Promise<{ status: number; body: T; headers: Headers }> => {
    const response = await fetch(url(path, base), init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
  };
  // Well-formed requests go through the typed client generated from the OpenAPI document (libs/api-client);
  // the malformed ones below stay on raw fetch.
  let client: ApiClient;
  type ListQuery = NonNullable<ApiOperations['listArticles']['parameters']['query']>;
  const list = async (query: ListQuery): Promise<ArticleList> => ArticleListSchema.parse(await expectOk(client.GET('/v1/articles', { params: { query: { source, ...query } } })));
  const headlines = async (query: ListQuery) => (await list(query)).items.map((item) => item.headline);
  const storedPage = (page: PageMessages) =>
    eventually(async () => {
      const { data } = await client.GET('/v1/pages/{id}', { params: { path: { id: page.received.pageId } } });
      return data?.status === 'stored' ? data : undefined;
    }, `page ${page.received.page.date}/${page.received.page.page} stored`, 60_000);

  beforeAll(async () => {
    const servers = integrationServers(process.env);
    const mongoUrl = isolatedMongoUrl(servers.mongoUrl, 'api_read');
    [api, keyed, feed] = await Promise.all([
      startApi({ natsUrl: servers.natsUrl, mongoUrl, env: { API_KEY, RATE_LIMIT_PER_MINUTE: '0', CORS_ORIGINS: 'https://archive.example' } }),
      // A replica with keyed reads and a tight rate limit, on the same database.
      startApi({ natsUrl: servers.natsUrl, mongoUrl, env: { API_KEY, READS_REQUIRE_API_KEY: 'true', RATE_LIMIT_PER_MINUTE: '4' } }),
      PipelineFeed.connect(servers.natsUrl),
    ]);
    client = createApiClient(api.url);
    pages = fixtures.map(pageMessages);
    await Promise.all(pages.map((page) => feed.page(page)));
    await Promise.all(pages.map(storedPage));
  });

  afterAll(async () => {
    await feed?.close();
    await Promise.all([api?.stop(), keyed?.stop()]);
  });

  describe('GET /v1/articles filters', () => {
    it('finds a person', async () => {
      expect(await headlines({ person: '陈正明' })).toEqual(['株洲召开全市工作会议', '芦淞区服装产业升级']);
    });

    it('finds a place by a name as written or by its division code', async () => {
      expect(await headlines({ place: '株洲' })).toEqual(['株洲召开全市工作会议']);
      expect(await headlines({ place: '株洲市' })).toEqual(['株洲召开全市工作会议']);
      expect(await headlines({ place: '430200' })).toEqual(['株洲召开全市工作会议']);
    });

    it('finds everything within a division (株洲市 finds 天元区), by name or code', async () => {
      const inZhuzhou = ['株洲召开全市工作会议', '天元区经济稳中有进', '芦淞区服装产业升级'];
      expect(await headlines({ within: '株洲市' })).toEqual(inZhuzhou);
      expect(await headlines({ within: '430200' })).toEqual(inZhuzhou);
      expect(await headlines({ within: '湖南省' })).toEqual([...inZhuzhou.slice(0, 3), '长沙举行会议']);
    });

    it('finds organizations and campaigns, and combines filters', async () => {
      expect(await headlines({ organization: '中共株洲市委' })).toEqual(['株洲召开全市工作会议']);
      expect(await headlines({ campaign: '三个高地' })).toEqual(['株洲召开全市工作会议']);
      expect(await headlines({ person: '陈正明', within: '430211' })).toEqual([]);
      expect(await headlines({ person: ['陈正明', '王五'] })).toEqual([]);
    });

    it('filters by dates, page number and page id', async () => {
      expect(await headlines({ from: '2024-01-11', to: '2024-01-11' })).toEqual(['芦淞区服装产业升级', '长沙举行会议', '天气']);
      expect(await headlines({ date: '2024-01-10' })).toEqual(['株洲召开全市工作会议', '天元区经济稳中有进']);
      expect((await list({ page: '2' })).items).toHaveLength(5);
      expect((await list({ pageId: pages[1].received.pageId })).items.map((item) => item.order)).toEqual([0, 1, 2]);
    });
  });

  describe('text query q', () => {
    it('finds Chinese words without spaces, in any field', async () => {
      expect(await headlines({ q: '陈正明' })).toEqual(['株洲召开全市工作会议', '芦淞区服装产业升级']);
      expect(await headlines({ q: '服装产业' })).toEqual(['芦淞区服装产业升级']);
    });

    it('matches a phrase, not just its character pairs', async () => {
      // 天气 has 株洲 and 洲市 but not 株洲市.
      expect(await headlines({ q: '株洲市' })).toEqual(['株洲召开全市工作会议']);
    });

    it('needs every term, folds full-width Latin and digits, and finds one character', async () => {
      expect(await headlines({ q: '召开 会议' })).toEqual(['株洲召开全市工作会议', '长沙举行会议']);
      expect(await headlines({ q: 'gdp增长5' })).toEqual(['天元区经济稳中有进']);
      expect(await headlines({ q: '雪' })).toEqual(['长沙举行会议']);
    });

    it('sorts by relevance with scores, and puts a snippet around the match', async () => {
      const result = await list({ q: '会议', sort: 'relevance' });
      expect(result.items.map((item) => item.headline)).toEqual(['长沙举行会议', '株洲召开全市工作会议']);
      expect(result.items[0].score).toBeGreaterThan(result.items[1].score ?? 0);
      expect(result.items[0].snippet).toContain('会议');
    });
  });

  it('counts facets for the same query', async () => {
    const { facets } = await list({ facets: 'true', facetLimit: 3 });
    expect(facets?.scanned).toBe(10);
    expect(facets?.people.map((value) => [value.name, value.count])).toEqual([
      ['赵六', 5],
      ['陈正明', 2],
      ['李明', 1],
    ]);
    expect(facets?.places).toEqual(expect.arrayContaining([expect.objectContaining({ name: '株洲市', code: '430200', count: 1, href: '/v1/entities/place/430200' })]));
    expect(facets?.campaigns).toEqual([expect.objectContaining({ name: '三个高地', count: 1 })]);
    // by paper and dates alone: added up from the day counts, complete for any range
    const days = await list({ from: '2024-01-10', to: '2024-01-11', facets: 'true' });
    expect(days.facets).toMatchObject({ scanned: 5, complete: true });
    expect(days.facets?.people.map((value) => [value.name, value.count])).toEqual([
      ['陈正明', 2],
      ['李明', 1],
      ['王五', 1],
    ]);
    const within = await list({ within: '430200', facets: 'true' });
    expect(within.facets?.people.map((value) => value.name).sort()).toEqual(['李明', '陈正明'].sort());
  });

  describe('cursor pagination', () => {
    const walk = async (query: ListQuery, onPage?: (page: number) => Promise<void>) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 20; page++) {
        const result: ArticleList = await list({ ...query, limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...result.items.map((item) => item.headline));
        cursor = result.nextCursor;
        if (!cursor) break;
        await onPage?.(page);
      }
      return seen;
    };

    it('pages in a stable order either way, without repeats or gaps while articles arrive', async () => {
      const later = pageMessages({ source, date: '2024-01-12', page: '03', articles: [{ headline: '第6条消息', body: '赵六第6次发言。', people: ['赵六'] }] });
      const forward = await walk({ person: '赵六' }, async (page) => {
        if (page !== 0) return;
        await feed.page(later);
        await storedPage(later);
      });
      expect(forward).toEqual(['第1条消息', '第2条消息', '第3条消息', '第4条消息', '第5条消息', '第6条消息']);
      expect(await walk({ person: '赵六', sort: '-date' })).toEqual(['第6条消息', '第5条消息', '第4条消息', '第3条消息', '第2条消息', '第1条消息']);
    });

    it('answers a cursor from another query with 404 (it has the form of a cursor, but names no place in this query)', async () => {
      const first = await list({ person: '赵六', limit: 1 });
      const { status, body } = await get<Problem>(`/v1/articles?person=陈正明&cursor=${first.nextCursor}`);
      expect(status).toBe(404);
      expect(body.errors).toEqual([{ parameter: 'cursor', message: expect.stringContaining('another query') }]);
    });
  });

  describe('GET /v1/articles/:id', () => {
    it('serves the article with its mentions, each with offsets into its field', async () => {
      const id = pages[0].enriched[0].id;
      const { data, response } = await client.GET('/v1/articles/{id}', { params: { path: { id } } });
      expect(response.status).toBe(200);
      const article = WholeArticleSchema.parse(data);
      expect(article).toMatchObject({ id, headline: '株洲召开全市工作会议', complete: true, parts: [{ id, page: { page: '01' } }] });
      const person = article.entities.people[0];
      expect(person).toMatchObject({ name: '陈正明', roles: ['市委书记'] });
      for (const mention of person.mentions) expect(article.body.slice(mention.start, mention.end)).toBe('陈正明');
      expect(article.datelines).toEqual([{ text: '1月9日', agency: '本报', place: null, date: '1月9日', offset: 0 }]);
    });

    it('is 404 for an unknown id and 400 for something that is not an id, as problem details', async () => {
      const missing = await fetch(url('/v1/articles/ar_000000000000000000000000'));
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      expect(ProblemSchema.parse(await missing.json())).toMatchObject({ type: 'urn:baoxun:problem:not-found', status: 404 });
      const bad = await get<Problem>('/v1/articles/robert');
      expect(bad.status).toBe(400);
    });

    it('is 405 with Allow for a method the document does not list on a path it knows', async () => {
      const wrong = await fetch(url(`/v1/articles/${pages[0].enriched[1].id}`), { method: 'DELETE' });
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('GET, HEAD');
      expect(ProblemSchema.parse(await wrong.json())).toMatchObject({ type: 'urn:baoxun:problem:method-not-allowed', status: 405 });
      expect((await fetch(url('/v1/no-such-route'), { method: 'DELETE' })).status).toBe(404);
    });

    it('sends an ETag and Cache-Control, and 304 when nothing changed', async () => {
      const first = await fetch(url(`/v1/articles/${pages[0].enriched[1].id}`));
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('cache-control')).toBe('public, max-age=30');
      const again = await fetch(url(`/v1/articles/${pages[0].enriched[1].id}`), { headers: { 'If-None-Match': etag ?? '' } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    });
  });

  describe('entities', () => {
    it('lists entities with article counts, filtered by type and name', async () => {
      // Counts move right after a page switches versions.
      const body = await eventually(async () => {
        const answer = await expectOk(client.GET('/v1/entities', { params: { query: { type: 'person', q: '正明' } } }));
        return answer.items[0]?.articleCount === 2 ? answer : undefined;
      }, 'entity counts');
      expect(EntityListSchema.parse(body).items).toEqual([expect.objectContaining({ id: 'person:陈正明', name: '陈正明', articleCount: 2, roles: ['市委书记'] })]);
      const places = await expectOk(client.GET('/v1/entities', { params: { query: { type: 'place', q: '4302', limit: 10 } } }));
      expect(places.items.map((item) => item.code).sort()).toEqual(['430200', '430203', '430211']);
    });

    it('shows a place with its code and parents, its articles, and who appears with it', async () => {
      const detail = EntityDetailSchema.parse(await expectOk(client.GET('/v1/entities/{type}/{name}', { params: { path: { type: 'place', name: '株洲' } } })));
      expect(detail.entity).toMatchObject({ id: 'place:430200', name: '株洲市', code: '430200', parents: [hunan], aliases: ['株洲'], articleCount: 1 });
      expect(detail.articles.items.map((item) => item.headline)).toEqual(['株洲召开全市工作会议']);
      expect(detail.related.people.map((value) => value.name)).toEqual(['陈正明']);
      expect(detail.related.places).toEqual([]);
      const byCode = await expectOk(client.GET('/v1/entities/{type}/{name}', { params: { path: { type: 'place', name: '430211' } } }));
      expect(byCode.entity).toMatchObject({ name: '天元区', parents: [hunan, zhuzhou] });
    });

    it('is 404 for an entity never seen, 400 for an unknown type', async () => {
      expect((await client.GET('/v1/entities/{type}/{name}', { params: { path: { type: 'person', name: '无名氏' } } })).response.status).toBe(404);
      expect((await get('/v1/entities/ship/x')).status).toBe(400);
    });
  });

  it('GET /v1/pages/:id gives the status and the articles in page order', async () => {
    const { data, response } = await client.GET('/v1/pages/{id}', { params: { path: { id: pages[1].received.pageId } } });
    expect(response.status).toBe(200);
    const page = PageViewSchema.parse(data);
    expect(page).toMatchObject({ status: 'stored', expectedArticles: 3, storedArticles: 3, deadLetter: null, served: { contentHash: pages[1].received.contentHash } });
    expect(page.articles.map((article) => article.headline)).toEqual(['芦淞区服装产业升级', '长沙举行会议', '天气']);
    expect((await client.GET('/v1/pages/{id}', { params: { path: { id: 'pg_000000000000000000000000' } } })).response.status).toBe(404);
  });

  describe('bad requests', () => {
    it.each([
      ['person[$ne]=x', 'person[$ne]'],
      ['q[$regex]=.*', 'q[$regex]'],
      ['limit=100000', 'limit'],
      ['cursor=not%20base64url', 'cursor'],
      ['nonsense=1', 'nonsense'],
    ])('rejects ?%s with 400 naming %s', async (query, parameter) => {
      const response = await fetch(url(`/v1/articles?${query}`));
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = ProblemSchema.parse(await response.json());
      expect(problem).toMatchObject({ type: 'urn:baoxun:problem:invalid-parameters', instance: '/v1/articles' });
      expect(problem.errors?.map((error) => error.parameter)).toContain(parameter);
    });

    it('answers unknown routes, bad JSON and oversized bodies as problem details', async () => {
      expect(await get<Problem>('/v2/nothing')).toMatchObject({ status: 404, body: { type: 'urn:baoxun:problem:not-found' } });
      // A body is read before routing (here on a path with no route), so a bad one is answered as such.
      const badJson = await get<Problem>('/v1/nothing', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
      expect(badJson.status).toBe(400);
      const huge = await get<Problem>('/v1/nothing', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 'x'.repeat(100_000) }) });
      expect(huge).toMatchObject({ status: 413, body: { type: 'urn:baoxun:problem:payload-too-large' } });
    });
  });

  describe('keys and rate limits', () => {
    it('guards /v1/admin with the API key', async () => {
      const recount = (headers: Record<string, string>) => get<Problem | { entities: number }>('/v1/admin/entities/recount', { method: 'POST', headers });
      expect((await recount({})).status).toBe(401);
      expect((await recount({ 'x-api-key': 'wrong-key-wrong-key' })).status).toBe(401);
      const done = await recount({ 'x-api-key': API_KEY });
      expect(done).toMatchObject({ status: 200, body: { articles: 11 } });
      const after = await get<EntityList>(`/v1/entities?type=person&q=${encodeURIComponent('赵六')}`);
      expect(after.body.items[0].articleCount).toBe(6);
    });

    it('asks for a key on reads when configured, and limits the rate per client', async () => {
      const path = `/v1/articles/${pages[0].enriched[0].id}`;
      const missing = await get<Problem>(path, {}, keyed);
      expect(missing).toMatchObject({ status: 401, body: { type: 'urn:baoxun:problem:unauthorized' } });
      const withKey = await fetch(url(path, keyed), { headers: { 'x-api-key': API_KEY } });
      expect(withKey.status).toBe(200);
      expect(withKey.headers.get('cache-control')).toBe('private, max-age=30');
      expect((await fetch(url(path, keyed), { headers: { authorization: `Bearer ${API_KEY}` } })).status).toBe(200);
      let limited: Response | null = null;
      for (let attempt = 0; attempt < 5 && !limited; attempt++) {
        const response = await fetch(url(path, keyed), { headers: { 'x-api-key': API_KEY } });
        if (response.status === 429) limited = response;
      }
      expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(ProblemSchema.parse(await limited?.json())).toMatchObject({ status: 429, type: 'urn:baoxun:problem:too-many-requests' });
      // Probes are never limited.
      expect((await fetch(url('/health', keyed))).status).toBe(200);
    });
  });

  it('allows the configured browser origins only', async () => {
    const path = `/v1/articles/${pages[0].enriched[0].id}`;
    const allowed = await fetch(url(path), { headers: { origin: 'https://archive.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://archive.example');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('ETag');
    const preflight = await fetch(url(path), { method: 'OPTIONS', headers: { origin: 'https://archive.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key' } });
    expect(preflight.status).toBe(204);
    const other = await fetch(url(path), { headers: { origin: 'https://elsewhere.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  describe('operations', () => {
    it('serves the OpenAPI document and its UI', async () => {
      const document = await get<{ openapi: string; paths: Record<string, unknown> }>('/docs-json');
      expect(document.body.openapi).toBe('3.1.0');
      expect(Object.keys(document.body.paths)).toContain('/v1/articles/{id}');
      const ui = await fetch(url('/docs/'));
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger-ui');
    });

    it('exports request latency and consumer lag to Prometheus', async () => {
      const metrics = await (await fetch(url('/metrics'))).text();
      expect(metrics).toMatch(/baoxun_http_request_duration_seconds_bucket\{[^}]*route="\/v1\/articles\/:id"/);
      expect(metrics).toMatch(/baoxun_consumer_pending_messages\{[^}]*consumer="api-articles-enriched"/);
      expect(metrics).toContain('baoxun_messages_processed_total');
    });

    it('carries the correlation id from the message to the log of the write, and from the request to the response', async () => {
      const log = readFileSync(api.logFile, 'utf8') + readFileSync(keyed.logFile, 'utf8');
      const stored = log.split('\n').filter((line) => line.includes('"page stored"'));
      expect(stored.some((line) => line.includes(pages[0].received.correlationId))).toBe(true);
      const response = await fetch(url('/v1/articles?limit=1'), { headers: { 'X-Correlation-Id': 'req-42' } });
      expect(response.headers.get('x-correlation-id')).toBe('req-42');
    });
  });

  describe('indexes (explain)', () => {
    let client: MongoClient;
    let ferretDb = false;
    beforeAll(async () => {
      client = await MongoClient.connect(api.mongoUrl);
      ferretDb = typeof (await client.db().admin().command({ buildInfo: 1 })).ferretdbVersion === 'string';
    });
    afterAll(() => client?.close());

    const explain = (filter: Record<string, unknown>, collection = 'articles') => client.db().collection(collection).find(filter).sort({ sortKey: -1 }).limit(21).explain('queryPlanner');
    const stages = (plan: unknown): string[] => {
      const found: string[] = [];
      const visit = (node: unknown) => {
        if (!node || typeof node !== 'object') return;
        const record = node as Record<string, unknown>;
        if (typeof record.stage === 'string') found.push(record.indexName ? `${record.stage}:${String(record.indexName)}` : record.stage);
        Object.values(record).forEach(visit);
      };
      visit(plan);
      return found;
    };

    it('reads an article by id through _id alone', async () => {
      const plan = await client.db().collection('articles').find({ _id: pages[0].enriched[0].id } as never).explain();
      // FerretDB v1 hands this filter to SQLite (filterPushdown), though SQLite then scans: its _id index is built
      // on another expression than the one FerretDB queries with.
      if (ferretDb) expect(plan.filterPushdown).toBe(true);
      else expect(stages(plan.queryPlanner)).toEqual(expect.arrayContaining([expect.stringMatching(/IDHACK|EXPRESS_IXSCAN|IXSCAN/)]));
    });

    // The list shapes the api sends (search/article-match.builder.ts): flat filters, sortKey range, sort, limit.
    const shapes = (): Array<[Record<string, unknown>, string, string]> => {
      const page2 = sortKeyRange({ gte: '2024-01-01', lt: '2024-01-31}' }, '2024-01-20|x', '-date');
      const person = buildArticleMatch({ keyGroups: [['person:陈正明']], terms: [] }).filters[0];
      const text = buildArticleMatch({ keyGroups: [], terms: planQuery('陈正明') }).filters[0];
      const textPerson = buildArticleMatch({ keyGroups: [['person:陈正明']], terms: planQuery('会议') }).filters[0];
      const range = buildArticleMatch({ keyGroups: [], from: '2024-01-01', to: '2024-01-31', terms: [] });
      // a place name with the division codes it was written for, beside a person: one query, keys {$all, $in}
      const placeName = buildArticleMatch({ keyGroups: [['person:陈正明'], ['l:株洲', 'place:430200', 'place:430211']], terms: [] });
      expect(placeName.filters).toHaveLength(1);
      return [
        [person, 'keys_live_sortKey', 'articles'],
        [placeName.filters[0], 'keys_live_sortKey', 'articles'],
        [{ keys: { $in: ['l:株洲', 'place:430200'] } }, 'keys_sortKey', 'article_summaries'],
        [withSortKey(person, page2), 'keys_live_sortKey', 'articles'],
        [text, 'grams_live_sortKey', 'articles'],
        [textPerson, '', 'articles'],
        [withSortKey(range.filters[0], sortKeyRange(range.range, null, '-date')), 'live_sortKey', 'articles'],
        [{ keys: { $all: ['person:陈正明'] } }, 'keys_sortKey', 'article_facets'],
      ];
    };

    it('runs the list queries on their indexes (MongoDB) or pushes them down whole (FerretDB on PostgreSQL)', async () => {
      if (ferretDb) {
        const probe = await explain(shapes()[0][0]);
        // FerretDB's SQLite backend pushes down only {_id}; its plan rows are SQLite's (`detail=SCAN …`).
        if (JSON.stringify(probe.queryPlanner ?? {}).includes('detail=')) {
          console.warn('explain: list-query checks skipped on FerretDB with SQLite, which pushes down only {_id}');
          return;
        }
        for (const [filter, , collection] of shapes()) {
          const plan = (await explain(filter, collection)) as unknown as Record<string, unknown>;
          expect({ filter, filterPushdown: plan.filterPushdown, sortPushdown: plan.sortPushdown, limitPushdown: plan.limitPushdown }).toEqual({ filter, filterPushdown: true, sortPushdown: true, limitPushdown: true });
        }
        return;
      }
      for (const [filter, index, collection] of shapes()) {
        const found = stages((await explain(filter, collection)).queryPlanner.winningPlan);
        if (index) expect(found).toContain(`IXSCAN:${index}`);
        else expect(found.some((stage) => stage.startsWith('IXSCAN:'))).toBe(true);
        expect(found).not.toContain('COLLSCAN');
      }
    });
  });
});
