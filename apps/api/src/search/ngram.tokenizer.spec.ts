import { documentGrams, planQuery } from './ngram.tokenizer';

describe('documentGrams', () => {
  it('indexes Han runs as overlapping pairs plus the last character, and other words whole', () => {
    expect(documentGrams(['株洲市GDP增长5.2%'])).toEqual(['2', '5', 'gdp', '市', '增长', '株洲', '洲市', '长'].sort());
  });

  it('folds full-width letters and digits and case, so ＧＤＰ and gdp index alike', () => {
    expect(documentGrams(['ＧＤＰ２０２４'])).toEqual(['gdp2024']);
  });

  it('breaks runs at punctuation and spaces, and skips empty fields', () => {
    expect(documentGrams(['打造“三个高地”', null, undefined, ''])).toEqual(['三个', '个高', '地', '打造', '造', '高地'].sort());
  });

  it('keeps each token once', () => {
    expect(documentGrams(['会议会议', '会议'])).toEqual(['会议', '议', '议会'].sort());
  });
});

describe('planQuery', () => {
  it('splits terms at spaces and punctuation; each needs its pairs', () => {
    expect(planQuery('株洲市 高质量，发展')).toEqual([
      { text: '株洲市', grams: ['株洲', '洲市'], prefix: null },
      { text: '高质量', grams: ['高质', '质量'], prefix: null },
      { text: '发展', grams: ['发展'], prefix: null },
    ]);
  });

  it('matches a single Han character by prefix', () => {
    expect(planQuery('雪')).toEqual([{ text: '雪', grams: [], prefix: '雪' }]);
  });

  it('anchors a mixed term on its word and checks the rest as a phrase', () => {
    expect(planQuery('A股')).toEqual([{ text: 'a股', grams: ['a'], prefix: null }]);
  });

  it('drops repeated terms and gives nothing for punctuation only', () => {
    expect(planQuery('会议 会议')).toHaveLength(1);
    expect(planQuery('，。！')).toEqual([]);
  });
});
