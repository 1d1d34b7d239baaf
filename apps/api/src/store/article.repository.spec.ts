import { mergeSorted } from './article.repository';

describe('mergeSorted', () => {
  const doc = (sortKey: string) => ({ _id: `id-${sortKey}`, sortKey });

  it('merges lists in sortKey order, newest first or oldest first, each article once', () => {
    const a = [doc('5'), doc('3'), doc('1')];
    const b = [doc('4'), doc('3'), doc('2')];
    expect(mergeSorted([a, b], -1, 4).map((d) => d.sortKey)).toEqual(['5', '4', '3', '2']);
    expect(mergeSorted([[...a].reverse(), [...b].reverse()], 1, 10).map((d) => d.sortKey)).toEqual(['1', '2', '3', '4', '5']);
  });
});
