import { buildArticleMatch, filterGrams, MAX_VARIANTS, sortKeyRange, withSortKey } from './article-match.builder';
import { planQuery } from './ngram.tokenizer';

/** Only top-level field names and the operators FerretDB-on-PostgreSQL pushes down (see notes/store-contract.md). */
const assertFlat = (filter: Record<string, unknown>) => {
  for (const [field, value] of Object.entries(filter)) {
    expect(field.startsWith('$') || field.includes('.')).toBe(false);
    if (value && typeof value === 'object') for (const op of Object.keys(value)) expect(['$all', '$in', '$gt', '$gte', '$lt', '$lte', '$regex']).toContain(op);
  }
};

const doc = (body: string, keys: string[] = []) => ({ keys, kicker: null, headline: '标题', subheadlines: [], body });

describe('filterGrams', () => {
  it('puts the rarest pair first when counts are known', () => {
    const terms = planQuery('株洲 神农城');
    expect(filterGrams(terms, new Map([['株洲', 900], ['神农', 3], ['农城', 5]])).grams).toEqual(['神农', '农城', '株洲']);
  });

  it('without counts, starts with the middle of the longest term', () => {
    expect(filterGrams(planQuery('会议 高质量发展')).grams[0]).toBe('量发');
  });

  it('keeps at most 8 pairs, and falls back to a one-character prefix', () => {
    expect(filterGrams(planQuery('中华人民共和国国务院办公厅')).grams).toHaveLength(8);
    expect(filterGrams(planQuery('雪'))).toEqual({ grams: [], prefix: '雪' });
  });
});

describe('buildArticleMatch', () => {
  it('writes entity filters, the date range and the text query as flat filters', () => {
    const match = buildArticleMatch({ keyGroups: [['person:陈正明'], ['campaign:三个高地']], from: '2024-01-01', to: '2024-01-31', terms: planQuery('会议') });
    expect(match.filters).toEqual([{ live: true, grams: { $all: ['会议'] }, keys: { $all: ['campaign:三个高地', 'person:陈正明'] } }]);
    expect(match.range).toEqual({ gte: '2024-01-01', lt: '2024-01-31}' });
    match.filters.forEach(assertFlat);
    expect(match.check?.(doc('召开会议'))).toBe(true);
    // Both pairs of 会议 present, the phrase not: 会 … 议 apart never matches.
    expect(buildArticleMatch({ keyGroups: [], terms: planQuery('会议') }).check?.(doc('会员议事'))).toBe(false);
  });

  it('needs no check without a text query', () => {
    const match = buildArticleMatch({ keyGroups: [], terms: [] });
    expect(match).toEqual({ filters: [{ live: true }], range: {}, check: null });
  });

  it('asks for alternatives with $in beside the single keys, in one filter', () => {
    const match = buildArticleMatch({ keyGroups: [['person:陈正明'], ['place:430200', 'l:株洲']], terms: [] });
    expect(match.filters).toEqual([{ live: true, keys: { $all: ['person:陈正明'], $in: ['l:株洲', 'place:430200'] } }]);
    match.filters.forEach(assertFlat);
    expect(match.check).toBeNull();
    expect(buildArticleMatch({ keyGroups: [['l:株洲', 'place:430200', 'l:株洲']], terms: [] }).filters).toEqual([{ live: true, keys: { $in: ['l:株洲', 'place:430200'] } }]);
  });

  it('turns a second group of alternatives into one filter each (no $or), the largest group being the $in', () => {
    const match = buildArticleMatch({ keyGroups: [['w:株洲', 'w:430200'], ['l:株洲', 'place:430200', 'place:430201']], terms: [] });
    expect(match.filters).toEqual([
      { live: true, keys: { $all: ['w:430200'], $in: ['l:株洲', 'place:430200', 'place:430201'] } },
      { live: true, keys: { $all: ['w:株洲'], $in: ['l:株洲', 'place:430200', 'place:430201'] } },
    ]);
    expect(match.check).toBeNull();
  });

  it('checks in the app the alternatives that would make too many filters', () => {
    const many = (prefix: string) => Array.from({ length: MAX_VARIANTS + 1 }, (_, i) => `${prefix}:43020${i}`);
    const match = buildArticleMatch({ keyGroups: [['person:陈正明'], many('place'), many('w')], terms: [] });
    expect(match.filters).toEqual([{ live: true, keys: { $all: ['person:陈正明'], $in: many('place') } }]);
    expect(match.check?.(doc('', ['person:陈正明', 'place:430203', 'w:430201']))).toBe(true);
    expect(match.check?.(doc('', ['person:陈正明', 'place:430203']))).toBe(false);
  });

  it('escapes a prefix', () => {
    expect(buildArticleMatch({ keyGroups: [], terms: [{ text: '*', grams: [], prefix: '*' }] }).filters).toEqual([{ live: true, grams: { $regex: '^\\*' } }]);
  });

  it('keeps the last edition day inside the range', () => {
    expect('2024-01-31|株洲日报|01|0000|ar_x' < '2024-01-31}').toBe(true);
    expect('2024-02-01|株洲日报|01|0000|ar_x' < '2024-01-31}').toBe(false);
  });
});

describe('sortKeyRange', () => {
  const range = { gte: '2024-01-01', lt: '2024-01-31}' };
  it('is the date range on the first page', () => {
    expect(sortKeyRange(range, null, '-date')).toEqual({ $gte: '2024-01-01', $lt: '2024-01-31}' });
    expect(sortKeyRange({}, null, 'date')).toBeNull();
  });

  it('narrows the range by the cursor, one range on one field', () => {
    expect(sortKeyRange(range, '2024-01-10|x', '-date')).toEqual({ $gte: '2024-01-01', $lt: '2024-01-10|x' });
    expect(sortKeyRange(range, '2024-01-10|x', 'date')).toEqual({ $gt: '2024-01-10|x', $lt: '2024-01-31}' });
    expect(sortKeyRange({}, 'k', 'date')).toEqual({ $gt: 'k' });
    expect(sortKeyRange({}, 'k', '-date')).toEqual({ $lt: 'k' });
  });

  it('adds the condition to a filter', () => {
    expect(withSortKey({ live: true }, { $lt: 'k' })).toEqual({ live: true, sortKey: { $lt: 'k' } });
    expect(withSortKey({ live: true }, null)).toEqual({ live: true });
  });
});
