import { scorePage } from './page.scorer';

const goldArticle = {
  kicker: null,
  headline: '标题甲',
  subheadlines: [],
  byline: { dateline: '本报讯', reporters: ['张三'], correspondents: [] },
  bodyStart: '第一段开头的十五个字符在这里啊',
  bodyEnd: '最后一段结尾的十五个字符在这里。',
  continuation: { toPage: '02', marker: '②' },
  mustContain: ['开头的十五'],
  paragraphOnce: ['最后一段'],
  people: [{ name: '张三', roles: ['记者'] }],
  places: ['长沙'],
  organizations: [],
  campaigns: [],
};

const predArticle = {
  kicker: null,
  headline: '标题甲',
  subheadlines: [],
  byline: { text: '本报讯(记者 张三)', dateline: '本报讯', reporters: ['张三'], correspondents: [] },
  body: '第一段开头的十五个字符在这里啊。\n最后一段结尾的十五个字符在这里。',
  continuation: { toPage: '02', marker: '②' },
  continuedFrom: null,
  entities: { people: [{ name: '张三', roles: ['记者'], mentions: [] }], places: [{ name: '长沙' }, { name: '湖南' }], organizations: [], campaigns: [] },
};

describe('scorePage', () => {
  it('gives 100% when everything matches', () => {
    const score = scorePage({ articles: [predArticle] }, { articles: [goldArticle] });
    expect(score.structure).toMatchObject({ score: 1, passed: 12, total: 12, failures: [] });
    expect(score.entities?.types.places).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(score.entities?.roles).toEqual({ found: 1, total: 1, share: 1 });
  });

  it('counts invented articles, missed ones and wrong fields', () => {
    const wrong = { ...predArticle, kicker: '多出来的引题', body: `${predArticle.body}\n最后一段结尾的十五个字符在这里。` };
    const invented = { ...predArticle, headline: '凭空多出的文章' };
    const score = scorePage({ articles: [wrong, invented] }, { articles: [goldArticle, { ...goldArticle, headline: '标题乙', bodyStart: '找不到' }] });
    expect(score.structure.articles).toEqual({ gold: 2, predicted: 2, matched: 1, invented: 1 });
    expect(score.structure.failures.map((f) => `${f.article}:${f.check}`)).toEqual(expect.arrayContaining(['1:kicker', '1:paragraphOnce', '2:found', '2:headline', '2:notInvented']));
    expect(score.structure.checks.notInvented).toEqual({ passed: 1, total: 2 });
  });

  it('matches a headless continuation by the start of its body', () => {
    const gold = { ...goldArticle, headline: '', continuation: null, continuedFrom: { fromPage: '01', marker: '①' } };
    const pred = { ...predArticle, headline: '', continuation: null, continuedFrom: { fromPage: '01', marker: '①' } };
    expect(scorePage({ articles: [pred] }, { articles: [gold] }).structure.score).toBe(1);
  });

  it('skips entities when the gold has none', () => {
    const { people: _p, places: _pl, organizations: _o, campaigns: _c, ...structureOnly } = goldArticle;
    expect(scorePage({ articles: [predArticle] }, { articles: [structureOnly] }).entities).toBeNull();
  });

  it('explains a malformed input in one line', () => {
    expect(() => scorePage({ articles: [{ headline: 1 }] }, { articles: [] })).toThrow(/^prediction: articles\.0\.kicker: /u);
  });
});
