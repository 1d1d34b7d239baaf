import type { TypedSpan } from './bio.reader';
import { outermostSpans, scoreNer } from './ner.scorer';

const span = (type: string, start: number, end: number): TypedSpan => ({ type, start, end });

describe('scoreNer', () => {
  it('counts only exact type and boundaries as correct, per type and overall', () => {
    const score = scoreNer([
      {
        text: '张三在株洲市见李四',
        gold: [span('PER', 0, 2), span('LOC', 3, 6), span('PER', 7, 9)],
        predicted: [span('PER', 0, 2), span('LOC', 3, 5), span('PER', 7, 9)],
      },
    ]);
    expect(score.byType.PER).toEqual({ gold: 2, predicted: 2, correct: 2, precision: 1, recall: 1, f1: 1 });
    expect(score.byType.LOC).toMatchObject({ gold: 1, predicted: 1, correct: 0, f1: 0 });
    expect(score.overall.precision).toBeCloseTo(2 / 3);
    expect(score.overall.recall).toBeCloseTo(2 / 3);
  });

  it('groups the errors: missed, spurious, boundary, type, type and boundary', () => {
    const score = scoreNer([
      {
        text: '0123456789abcdefghij',
        gold: [span('PER', 0, 2), span('LOC', 3, 5), span('ORG', 6, 9), span('LOC', 10, 12)],
        predicted: [span('LOC', 3, 6), span('PER', 6, 9), span('ORG', 10, 13), span('PER', 15, 17)],
      },
    ]);
    expect(score.errorCounts).toEqual({ missed: 1, spurious: 1, boundary: 1, type: 1, typeAndBoundary: 1 });
    expect(score.errors.find((e) => e.kind === 'boundary')).toMatchObject({ gold: { text: '34' }, predicted: { text: '345' } });
    expect(score.errors.find((e) => e.kind === 'spurious')).toMatchObject({ predicted: { type: 'PER', text: 'fg' } });
    expect(score.errors.find((e) => e.kind === 'missed')).toMatchObject({ gold: { type: 'PER', text: '01' } });
  });

  it('leaves other types out and counts a repeated prediction once', () => {
    const score = scoreNer([{ text: '二〇二四年王五', gold: [span('TIME', 0, 5), span('PER', 5, 7)], predicted: [span('PER', 5, 7), span('PER', 5, 7)] }]);
    expect(score.overall).toMatchObject({ gold: 1, predicted: 1, correct: 1 });
    expect(score.errors).toEqual([]);
  });

  it('gives zeros, not NaN, when a type has no gold and no predictions', () => {
    expect(scoreNer([{ text: '', gold: [], predicted: [] }]).byType.ORG).toEqual({ gold: 0, predicted: 0, correct: 0, precision: 0, recall: 0, f1: 0 });
  });
});

describe('outermostSpans', () => {
  it('keeps the outer of nested spans and both of overlapping ones', () => {
    expect(outermostSpans([span('LOC', 0, 3), span('ORG', 0, 6), span('LOC', 8, 10), span('PER', 9, 12)])).toEqual([
      span('ORG', 0, 6),
      span('LOC', 8, 10),
      span('PER', 9, 12),
    ]);
  });
});
