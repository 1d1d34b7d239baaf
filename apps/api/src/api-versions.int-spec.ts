import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { type ApiClient, createApiClient } from '@baoxun/api-client/api-client';
import { type PageView, type WholeArticle, WholeArticleSchema } from '@baoxun/shared/contracts/api.contract';
import { type ApiProcess, eventually, integrationServers, isolatedMongoUrl, startApi } from './testing/api-process';
import { type FixturePage, pageMessages, type PageMessages } from './testing/page-fixture';
import { PipelineFeed } from './testing/pipeline-feed';

// How the api puts pages together over time: articles continued on another page (either page first), re-scans
// that replace a page's articles without readers ever seeing a mix, late and early messages, dead letters.

describe('page versions and continued articles', () => {
  let api: ApiProcess;
  let feed: PipelineFeed;
  let mongoUrl: string;
  const source = `续报-${randomBytes(3).toString('hex')}`;

  // Through the typed client generated from the OpenAPI document (libs/api-client).
  let http: ApiClient;
  const answer = async <T>(call: Promise<{ data?: T; response: Response }>): Promise<{ status: number; body: T }> => {
    const { data, response } = await call;
    return { status: response.status, body: data as T };
  };
  const getArticle = (id: string) => answer(http.GET('/v1/articles/{id}', { params: { path: { id } } }));
  const getPage = (id: string) => answer(http.GET('/v1/pages/{id}', { params: { path: { id } } }));
  const personCount = async (name: string) => (await answer(http.GET('/v1/entities', { params: { query: { type: 'person', q: name } } }))).body.items.find((item) => item.name === name)?.articleCount ?? 0;
  const pageStatus = (page: PageMessages, status: PageView['status'], contentHash = page.received.contentHash) =>
    eventually(async () => {
      const { body } = await getPage(page.received.pageId);
      return body?.status === status && body.contentHash === contentHash ? body : undefined;
    }, `page ${page.received.page.page} ${status}`, 60_000);

  beforeAll(async () => {
    const servers = integrationServers(process.env);
    mongoUrl = isolatedMongoUrl(servers.mongoUrl, 'api_versions');
    [api, feed] = await Promise.all([startApi({ natsUrl: servers.natsUrl, mongoUrl }), PipelineFeed.connect(servers.natsUrl)]);
    http = createApiClient(api.url);
  });

  afterAll(async () => {
    await feed?.close();
    await api?.stop();
  });

  describe('an article continued on another page', () => {
    const pair = (date: string) => {
      const front: FixturePage = {
        source,
        date,
        page: '01',
        articles: [
          { headline: '其他新闻', body: '无关内容。' },
          { headline: '全市项目建设推进会召开', body: '会议由陈正明主持，要求', people: ['陈正明'], continuation: { toPage: '02', marker: '②' } },
        ],
      };
      const inside: FixturePage = {
        source,
        date,
        page: '02',
        articles: [
          { headline: '', body: '全力推进重点项目，陈正明强调。', people: ['陈正明'], continuedFrom: { fromPage: '01', marker: '②' } },
          { headline: '另一篇', body: '另有内容。' },
        ],
      };
      return { front: pageMessages(front), inside: pageMessages(inside) };
    };

    const expectStitched = (article: WholeArticle, front: PageMessages, inside: PageMessages) => {
      expect(WholeArticleSchema.parse(article)).toMatchObject({
        id: front.enriched[1].id,
        headline: '全市项目建设推进会召开',
        body: '会议由陈正明主持，要求全力推进重点项目，陈正明强调。',
        complete: true,
        continuation: null,
        continuedFrom: null,
      });
      expect(article.parts.map((part) => [part.id, part.page.page])).toEqual([
        [front.enriched[1].id, '01'],
        [inside.enriched[0].id, '02'],
      ]);
      for (const mention of article.entities.people[0].mentions) expect(article.body.slice(mention.start, mention.end)).toBe('陈正明');
      expect(article.entities.people[0].mentions.map((mention) => mention.part)).toEqual([0, 1]);
    };

    it('is served whole when the page it starts on arrives first', async () => {
      const { front, inside } = pair('2024-03-01');
      await feed.page(front);
      await pageStatus(front, 'stored');
      const alone = await getArticle(front.enriched[1].id);
      expect(alone.body).toMatchObject({ complete: false, continuation: { toPage: '02', marker: '②' } });
      await feed.page(inside);
      await pageStatus(inside, 'stored');
      expectStitched((await getArticle(front.enriched[1].id)).body, front, inside);
      expectStitched((await getArticle(inside.enriched[0].id)).body, front, inside);
    });

    it('is served whole when the page with its rest arrives first', async () => {
      const { front, inside } = pair('2024-03-02');
      await feed.page(inside);
      await pageStatus(inside, 'stored');
      const headless = await getArticle(inside.enriched[0].id);
      expect(headless.body).toMatchObject({ complete: false, continuedFrom: { fromPage: '01', marker: '②' } });
      await feed.page(front);
      await pageStatus(front, 'stored');
      expectStitched((await getArticle(inside.enriched[0].id)).body, front, inside);
    });
  });

  describe('a re-scan', () => {
    const version = (articles: string[], receivedAt: Date, tag: string) =>
      pageMessages({
        source,
        date: '2024-04-01',
        page: '01',
        receivedAt,
        version: tag,
        articles: articles.map((person, index) => ({ headline: `${tag}第${index + 1}篇`, body: `${person}出席。`, people: [person] })),
      });
    const first = version(['旧甲', '旧乙', '共同'], new Date(Date.now() - 60_000), '初版');
    const second = version(['新甲', '共同'], new Date(), '重扫');

    it('replaces the page and its articles at once: readers never see a mix or half a version', async () => {
      await feed.page(first);
      await pageStatus(first, 'stored');

      // Watch the page and a list while the new version arrives piece by piece.
      const seen: string[] = [];
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          const [page, listed] = await Promise.all([getPage(first.received.pageId), answer(http.GET('/v1/articles', { params: { query: { pageId: first.received.pageId, limit: 10 } } }))]);
          seen.push(page.body.articles.map((article) => article.headline).join(','), listed.body.items.map((item) => item.headline).join(','));
        }
      })();

      await feed.received(second);
      await feed.parsed(second);
      await feed.articles(second, [0]);
      const midway = await pageStatus(second, 'enriched', second.received.contentHash);
      expect(midway).toMatchObject({ storedArticles: 1, expectedArticles: 2, served: { contentHash: first.received.contentHash } });
      expect(midway.articles.map((article) => article.headline)).toEqual(['初版第1篇', '初版第2篇', '初版第3篇']);
      await feed.articles(second, [1]);
      const replaced = await pageStatus(second, 'stored');
      watching = false;
      await watcher;

      expect(replaced.articles.map((article) => article.headline)).toEqual(['重扫第1篇', '重扫第2篇']);
      expect(new Set(seen)).toEqual(new Set(['初版第1篇,初版第2篇,初版第3篇', '重扫第1篇,重扫第2篇']));
      expect((await getArticle(second.enriched[0].id)).status).toBe(200);
      // The replaced articles are deleted right after the switch.
      await eventually(async () => ((await getArticle(first.enriched[0].id)).status === 404 ? true : undefined), 'replaced article gone');
      // The page document stays small (it is read on every article read); the newest text is kept apart, the replaced one dropped.
      const client = await MongoClient.connect(mongoUrl);
      try {
        const pageId = first.received.pageId;
        const pageDoc = await client.db().collection('pages').findOne({ _id: pageId as never });
        expect(pageDoc).not.toHaveProperty('text');
        const texts = await client.db().collection('page_texts').find({ pageId }).toArray();
        expect(texts.map((doc) => [doc._id, doc.text])).toEqual([[`${pageId}:${second.received.contentHash}`, second.received.text]]);
      } finally {
        await client.close();
      }
    });

    it('moves entity counts with the version served', async () => {
      const count = personCount;
      const counts = await eventually(async () => {
        const now = [await count('旧甲'), await count('新甲'), await count('共同')];
        return now.join() === '0,1,1' ? now : undefined;
      }, 'entity counts after the switch');
      expect(counts).toEqual([0, 1, 1]);
    });

    it('moves the day facet counts with the version served', async () => {
      // a list by paper and date adds up article_facet_days, recounted after each switch of a page of that day
      const facets = await eventually(async () => {
        const listed = await answer(http.GET('/v1/articles', { params: { query: { source, date: '2024-04-01', facets: 'true' } } }));
        const people = listed.body.facets?.people.map((value) => `${value.name}:${value.count}`).sort();
        return people?.join() === '共同:1,新甲:1' ? listed.body.facets : undefined;
      }, 'day facets after the switch');
      expect(facets).toMatchObject({ scanned: 2, complete: true });
      const client = await MongoClient.connect(mongoUrl);
      try {
        const day = await client.db().collection('article_facet_days').findOne({ _id: `2024-04-01|${source}` as never });
        expect(day).toMatchObject({ date: '2024-04-01', source, articles: 2 });
      } finally {
        await client.close();
      }
    });

    it('ignores an older version arriving late', async () => {
      await feed.received(first);
      await feed.articles(first);
      await feed.parsed(first);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const page = await pageStatus(second, 'stored');
      expect(page.articles.map((article) => article.headline)).toEqual(['重扫第1篇', '重扫第2篇']);
    });
  });

  it('stores and counts a page with 150 people (one entity update each, in one switch)', async () => {
    const names = Array.from({ length: 150 }, (_, i) => `众${String.fromCharCode(0x4e00 + i * 7)}${String.fromCharCode(0x5200 + i * 3)}`);
    const articles = Array.from({ length: 5 }, (_, a) => {
      const people = names.slice(a * 30, a * 30 + 30);
      return { headline: `名单第${a + 1}篇`, body: `出席会议的有${people.join('、')}。`, people };
    });
    const crowded = pageMessages({ source, date: '2024-06-01', page: '05', articles });
    await feed.page(crowded);
    const page = await pageStatus(crowded, 'stored');
    expect(page.articles).toHaveLength(5);
    const countOf = personCount;
    const sampled = [names[0], names[74], names[149]];
    const counts = await eventually(async () => {
      const now = await Promise.all(sampled.map(countOf));
      return now.every((value) => value === 1) ? now : undefined;
    }, 'people of the crowded page counted', 60_000);
    expect(counts).toEqual([1, 1, 1]);
  });

  it('stores a page whose articles and summary arrive before the page itself', async () => {
    const early = pageMessages({ source, date: '2024-05-01', page: '01', articles: [{ headline: '先到', body: '文章先到。' }] });
    await feed.articles(early);
    await feed.parsed(early);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await feed.received(early);
    const page = await pageStatus(early, 'stored');
    expect(page.articles.map((article) => article.headline)).toEqual(['先到']);
  });

  it('says a page is dead-lettered, and why, while its newest version cannot complete', async () => {
    const stuck = pageMessages({ source, date: '2024-06-01', page: '01', articles: [{ headline: '无法解析', body: '……' }] });
    await feed.received(stuck);
    await pageStatus(stuck, 'received');
    const letter = await feed.deadLetter('parser', stuck, 'page cannot be parsed: no title block');
    const page = await pageStatus(stuck, 'dead-lettered');
    await feed.remove(letter);
    expect(page.deadLetter).toMatchObject({ stage: 'parser', subject: 'pages.received', reason: 'page cannot be parsed: no title block' });
    expect(page.articles).toEqual([]);
  });
});
