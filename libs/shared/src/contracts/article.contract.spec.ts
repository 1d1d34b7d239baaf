import { ArticleEnrichedSchema, ArticleParsedSchema } from './article.contract';

const parsed = {
  id: 'ar_1',
  pageId: 'pg_1',
  page: { source: '人民日报', date: '2024-05-03', page: '03' },
  order: 0,
  kicker: null,
  headline: '多国民众集会庆祝国际劳动节',
  subheadlines: [],
  byline: { text: '本报开罗5月2日电', dateline: '本报开罗5月2日电', reporters: [], correspondents: [] },
  body: '第一段。\n新华社日内瓦5月1日电 第二段。',
  continuation: null,
  continuedFrom: null,
  pageVersion: 'v1',
  pageReceivedAt: '2024-05-03T00:00:00.000Z',
  parserVersion: 'parser-1.0.0',
  correlationId: 'c1',
};

describe('article contract: inner datelines', () => {
  it('reads a message from a parser before datelines existed as having none', () => {
    expect(ArticleParsedSchema.parse(parsed).datelines).toEqual([]);
    const enriched = { ...parsed, entities: { people: [], places: [], organizations: [], campaigns: [] }, taggerVersion: 't', pipelineVersion: 'p' };
    expect(ArticleEnrichedSchema.parse(enriched).datelines).toEqual([]);
  });

  it('keeps the datelines a newer parser sends', () => {
    const dateline = { text: '新华社日内瓦5月1日电', agency: '新华社', place: '日内瓦', date: '5月1日', offset: 5 };
    expect(ArticleParsedSchema.parse({ ...parsed, datelines: [dateline] }).datelines).toEqual([dateline]);
    expect(ArticleParsedSchema.safeParse({ ...parsed, datelines: [{ ...dateline, offset: -1 }] }).success).toBe(false);
  });
});
