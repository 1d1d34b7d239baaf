import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { ArticleList, PageView } from '@baoxun/shared/contracts/api.contract';
import { buildArticleMatch } from './search/article-match.builder';
import { type ApiProcess, eventually, integrationServers, isolatedMongoUrl, startApi } from './testing/api-process';
import { pageMessages, type PageMessages } from './testing/page-fixture';
import { PipelineFeed } from './testing/pipeline-feed';

// Lists without a text query read article_summaries (the lean documents written at a version switch), not the
// articles: the same items, a summary exactly while its article is served, and a store written before the
// summaries existed filled in at start.

describe('article summaries', () => {
  let api: ApiProcess;
  let feed: PipelineFeed;
  let client: MongoClient;
  let natsUrl: string;
  let mongoUrl: string;
  const source = `摘要-${randomBytes(3).toString('hex')}`;

  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${api.url}${path}`);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const stored = (page: PageMessages) =>
    eventually(async () => {
      const view = await get<PageView>(`/v1/pages/${page.received.pageId}`);
      return view.status === 'stored' && view.contentHash === page.received.contentHash ? view : undefined;
    }, `page ${page.received.page.page} stored`, 60_000);
  const summaries = () => client.db().collection<{ _id: string } & Record<string, unknown>>('article_summaries');
  const marker = () => client.db().collection('store_migrations').findOne({ _id: 'article_summaries' as never });

  const version = (tag: string, people: string[], receivedAt: Date) =>
    pageMessages({
      source,
      date: '2024-05-06',
      page: '03',
      receivedAt,
      version: tag,
      articles: people.map((person, index) => ({ headline: `${tag}第${index + 1}篇`, body: `${person}出席会议并讲话，${'强调要抓好落实。'.repeat(20)}`, people: [person] })),
    });

  beforeAll(async () => {
    const servers = integrationServers(process.env);
    natsUrl = servers.natsUrl;
    mongoUrl = isolatedMongoUrl(servers.mongoUrl, 'article_summaries');
    [api, feed] = await Promise.all([startApi({ natsUrl, mongoUrl }), PipelineFeed.connect(natsUrl)]);
    client = await MongoClient.connect(mongoUrl);
  });

  afterAll(async () => {
    await client?.close();
    await feed?.close();
    await api?.stop();
  });

  it('writes one lean summary per served article, and replaces them with the version', async () => {
    const first = version('初版', ['甲某', '乙某'], new Date(Date.now() - 60_000));
    await feed.page(first);
    await stored(first);
    expect(await marker()).not.toBeNull();
    const docs = await summaries().find({ pageId: first.received.pageId }).sort({ sortKey: 1 }).toArray();
    expect(docs.map((doc) => doc._id)).toEqual(first.enriched.map((article) => article.id));
    for (const doc of docs) {
      expect(doc).not.toHaveProperty('body');
      expect(doc).not.toHaveProperty('grams');
      expect(String(doc.snippet).length).toBeLessThanOrEqual(122);
      expect(doc.keys).toContain(`i:${first.received.pageId}`);
    }

    const listed = await get<ArticleList>(`/v1/articles?person=甲某&source=${encodeURIComponent(source)}`);
    expect(listed.items.map((item) => item.id)).toEqual([first.enriched[0].id]);
    expect(listed.items[0]).toMatchObject({ headline: '初版第1篇', entities: { people: [{ name: '甲某', roles: [] }] } });
    expect(listed.items[0].snippet.startsWith('甲某出席会议并讲话')).toBe(true);
    expect(listed.items[0].snippet.endsWith('…')).toBe(true);

    // A text query reads its candidates without their mentions and takes the entities from the summaries.
    const found = await get<ArticleList>(`/v1/articles?q=${encodeURIComponent('出席会议')}&source=${encodeURIComponent(source)}&sort=-date`);
    expect(found.items.map((item) => [item.headline, item.entities.people])).toEqual([
      // newest first: the same day, so the page's reading order backwards
      ['初版第2篇', [{ name: '乙某', roles: [] }]],
      ['初版第1篇', [{ name: '甲某', roles: [] }]],
    ]);
    const ranked = await get<ArticleList>(`/v1/articles?q=${encodeURIComponent('出席会议')}&source=${encodeURIComponent(source)}&sort=relevance&facets=true`);
    expect(ranked.items.map((item) => item.entities.people[0].name).sort()).toEqual(['乙某', '甲某']);
    expect(ranked.facets?.people.map((facet) => facet.name).sort()).toEqual(['乙某', '甲某']);

    const second = version('重扫', ['丙某'], new Date());
    await feed.page(second);
    await stored(second);
    await eventually(async () => {
      const ids = (await summaries().find({ pageId: first.received.pageId }).toArray()).map((doc) => doc._id);
      return ids.length === 1 && ids[0] === second.enriched[0].id ? ids : undefined;
    }, 'the replaced version dropped from the summaries');
    expect((await get<ArticleList>(`/v1/articles?person=甲某&source=${encodeURIComponent(source)}`)).items).toEqual([]);
    expect((await get<ArticleList>(`/v1/articles?person=丙某`)).items.map((item) => item.headline)).toEqual(['重扫第1篇']);
  });

  it('fills in the summaries of a store written before they existed, serving lists meanwhile', async () => {
    const page = pageMessages({ source, date: '2024-05-07', page: '01', articles: [{ headline: '旧库文章', body: '丁某调研。', people: ['丁某'] }] });
    await feed.page(page);
    await stored(page);
    const written = await summaries().find({}).sort({ _id: 1 }).toArray();
    expect(written.length).toBeGreaterThanOrEqual(2);

    // The store as an older api left it: no summaries, no record of them.
    await api.stop();
    await summaries().deleteMany({});
    await client.db().collection('store_migrations').deleteMany({});
    api = await startApi({ natsUrl, mongoUrl });

    expect((await get<ArticleList>(`/v1/articles?person=丁某`)).items.map((item) => item.headline)).toEqual(['旧库文章']);
    await eventually(async () => ((await marker()) ? true : undefined), 'the backfill recorded', 60_000);
    const filled = await summaries().find({}).sort({ _id: 1 }).toArray();
    // The same documents as the switch wrote (dates compared as stored).
    expect(filled).toEqual(written);
    expect((await get<ArticleList>(`/v1/articles?person=丁某`)).items.map((item) => item.headline)).toEqual(['旧库文章']);
  });

  it('answers a list from an index (MongoDB) or pushes it down whole (FerretDB on PostgreSQL)', async () => {
    const ferretDb = typeof (await client.db().admin().command({ buildInfo: 1 })).ferretdbVersion === 'string';
    const { live: _live, ...person } = buildArticleMatch({ keyGroups: [['person:甲某']], terms: [] }).filters[0];
    for (const filter of [person, { sortKey: { $gte: '2024-05-01', $lt: '2024-05-31}' } }]) {
      const plan = (await summaries().find(filter).sort({ sortKey: -1 }).limit(21).explain('queryPlanner')) as unknown as Record<string, unknown>;
      if (ferretDb) {
        if (JSON.stringify(plan.queryPlanner ?? {}).includes('detail=')) return console.warn('explain: skipped on FerretDB with SQLite, which pushes down only {_id}');
        expect({ filter, filterPushdown: plan.filterPushdown, sortPushdown: plan.sortPushdown, limitPushdown: plan.limitPushdown }).toEqual({ filter, filterPushdown: true, sortPushdown: true, limitPushdown: true });
      } else {
        expect(JSON.stringify(plan)).toMatch(/IXSCAN/);
        expect(JSON.stringify(plan)).not.toMatch(/COLLSCAN/);
      }
    }
  });
});
