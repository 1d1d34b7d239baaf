import { afterSortKey, buildArticleMatch, chooseAnchor } from './article-match.builder';
import { planQuery } from './ngram.tokenizer';

describe('chooseAnchor', () => {
  it('anchors on the rarest token when counts are known', () => {
    const terms = planQuery('株洲 神农城');
    expect(chooseAnchor(terms, new Map([['株洲', 900], ['神农', 3], ['农城', 5]]))).toEqual({ gram: '神农' });
  });

  it('without counts, takes a token of the longest term', () => {
    expect(chooseAnchor(planQuery('会议 高质量发展'))).toEqual({ gram: '量发' });
  });

  it('falls back to a one-character prefix, and to nothing without a query', () => {
    expect(chooseAnchor(planQuery('雪'))).toEqual({ prefix: '雪' });
    expect(chooseAnchor([])).toBeNull();
  });
});

describe('buildArticleMatch', () => {
  it('combines live, key groups, date range, anchor and phrase checks with operators FerretDB has', () => {
    const terms = planQuery('会议');
    const match = buildArticleMatch({ keyGroups: [['person:陈正明'], ['l:株洲', 'place:430200']], from: '2024-01-01', to: '2024-01-31', terms, anchor: { gram: '会议' } });
    expect(match).toEqual({
      $and: [
        { live: true },
        { keys: 'person:陈正明' },
        { keys: { $in: ['l:株洲', 'place:430200'] } },
        { sortKey: { $gte: '2024-01-01', $lt: '2024-01-31}' } },
        { grams: '会议' },
        { $or: [{ kicker: { $regex: '会议' } }, { headline: { $regex: '会议' } }, { subheadlines: { $regex: '会议' } }, { body: { $regex: '会议' } }] },
      ],
    });
  });

  it('keeps the last edition day inside the range', () => {
    expect('2024-01-31|株洲日报|01|0000|ar_x' < '2024-01-31}').toBe(true);
    expect('2024-02-01|株洲日报|01|0000|ar_x' < '2024-01-31}').toBe(false);
  });

  it('escapes a prefix anchor', () => {
    expect(buildArticleMatch({ keyGroups: [], terms: [], anchor: { prefix: '*' } })).toEqual({ $and: [{ live: true }, { grams: { $regex: '^\\*' } }] });
  });

  it('continues after a cursor in either direction', () => {
    expect(afterSortKey('k', 'date')).toEqual({ sortKey: { $gt: 'k' } });
    expect(afterSortKey('k', '-date')).toEqual({ sortKey: { $lt: 'k' } });
  });
});
