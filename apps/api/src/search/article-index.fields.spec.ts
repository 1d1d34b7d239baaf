import { pageMessages } from '../testing/page-fixture';
import { entityRefsOf, indexFieldsOf, summaryOf } from './article-index.fields';

const hunan = { code: '430000', name: '湖南省' };
const zhuzhou = { code: '430200', name: '株洲市' };

const article = pageMessages({
  source: '株洲日报',
  date: '2024-02-23',
  page: '01',
  articles: [
    {
      headline: '天元区项目开工',
      body: '市委书记陈正明在天元区和株洲调研。',
      people: [{ name: '陈正明', roles: ['市委书记'] }],
      places: [
        { name: '天元区', code: '430211', parents: [hunan, zhuzhou] },
        { name: '株洲', code: '430200', canonicalName: '株洲市', parents: [hunan] },
        { name: '神农城', parents: [] },
      ],
      organizations: ['株洲市委'],
      campaigns: ['三个高地'],
    },
  ],
}).enriched[0];

describe('indexFieldsOf', () => {
  const fields = indexFieldsOf(article);

  it('keys the article by its entities, the source and the page', () => {
    expect(fields.keys).toEqual(expect.arrayContaining(['person:陈正明', 'organization:株洲市委', 'campaign:三个高地', 's:株洲日报', `i:${article.pageId}`, 'n:01']));
  });

  it('keys places by code (divisions) or name, by every name written, and within every division above them', () => {
    expect(fields.keys).toEqual(expect.arrayContaining(['place:430211', 'place:430200', 'place:神农城', 'l:天元区', 'l:株洲', 'l:株洲市', 'l:神农城']));
    // 天元区 is within itself, 株洲市 and 湖南省, by code and by name; so within=株洲市 finds it.
    expect(fields.keys).toEqual(expect.arrayContaining(['w:430211', 'w:天元区', 'w:430200', 'w:株洲市', 'w:430000', 'w:湖南省', 'w:神农城']));
  });

  it('lists entity ids for facets after a sentinel that counts articles', () => {
    expect(fields.entityIds[0]).toBe('*');
    expect(fields.entityIds.slice(1)).toEqual(['campaign:三个高地', 'organization:株洲市委', 'person:陈正明', 'place:430200', 'place:430211', 'place:神农城']);
  });

  it('orders by date, then reading order, and ends with the id so the key is unique', () => {
    expect(fields.sortKey).toBe(`2024-02-23|株洲日报|01|0000|${article.id}`);
  });

  it('indexes the text fields as n-grams', () => {
    expect(fields.grams).toEqual(expect.arrayContaining(['天元', '元区', '陈正', '正明', '调研']));
  });
});

describe('entityRefsOf', () => {
  it('makes a place written two ways one entity, named by its standard name', () => {
    const refs = entityRefsOf({
      people: [],
      places: [
        { name: '株洲', code: '430200', canonicalName: '株洲市', parents: [], mentions: [] },
        { name: '株洲市', code: '430200', canonicalName: null, parents: [], mentions: [] },
      ],
      organizations: [],
      campaigns: [],
    });
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({ id: 'place:430200', name: '株洲市', aliases: ['株洲', '株洲市'] });
  });
});

describe('summaryOf', () => {
  const { id, ...rest } = article;
  const index = indexFieldsOf(article);
  const storedAt = new Date('2024-02-23T08:00:00Z');
  const summary = summaryOf({ ...rest, _id: id, pageReceivedAt: new Date(article.pageReceivedAt), storedAt, sortKey: index.sortKey, keys: index.keys, body: `${article.body}${'又到天元区。'.repeat(40)}` });

  it('keeps what a list shows and filters by, and none of the body, grams or offsets', () => {
    expect(summary).toMatchObject({ _id: id, sortKey: index.sortKey, keys: index.keys, headline: '天元区项目开工', storedAt });
    expect(summary.entities.people).toEqual([{ name: '陈正明', roles: ['市委书记'] }]);
    expect(summary.entities.places[2]).toEqual({ name: '神农城', code: null, canonicalName: null });
    expect(Object.keys(summary)).not.toEqual(expect.arrayContaining(['body']));
    expect(JSON.stringify(summary)).not.toMatch(/"start"|"end"|grams/);
  });

  it('keeps the opening of the body as the snippet, marked where cut', () => {
    expect(summary.snippet.startsWith('市委书记陈正明在天元区和株洲调研。')).toBe(true);
    expect(summary.snippet.endsWith('…')).toBe(true);
    expect(summary.snippet.length).toBe(121);
  });
});
