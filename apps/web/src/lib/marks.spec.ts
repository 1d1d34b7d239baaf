import { type EntitiesLike, markRuns, marksByField, paragraphs } from './marks';

const person = (start: number, end: number) => ({ kind: 'person' as const, name: 'p', key: 'p', title: 't', start, end });

describe('markRuns', () => {
  it('cuts the text into plain and marked runs at the offsets', () => {
    const runs = markRuns('市委书记曹慧泉主持', [person(4, 7)]);
    expect(runs.map((run) => [run.text, run.start, Boolean(run.mark)])).toEqual([
      ['市委书记', 0, false],
      ['曹慧泉', 4, true],
      ['主持', 7, false],
    ]);
  });

  it('works on a slice of a longer text (a paragraph of the body)', () => {
    const runs = markRuns('陈正明讲话', [person(10, 13), person(2, 3)], 10);
    expect(runs.map((run) => [run.text, run.start, Boolean(run.mark)])).toEqual([
      ['陈正明', 10, true],
      ['讲话', 13, false],
    ]);
  });

  it('keeps the first of overlapping mentions, the longer of two that start together, and drops empty or outside ones', () => {
    const runs = markRuns('株洲高新区党委', [person(0, 2), person(0, 5), person(3, 7), person(4, 4), person(6, 9)]);
    expect(runs.map((run) => run.text)).toEqual(['株洲高新区', '党委']);
    expect(runs[1].mark).toBeUndefined();
  });
});

describe('paragraphs', () => {
  it('splits at newlines with each paragraph’s offset in the body, skipping empty lines', () => {
    expect(paragraphs('一二\n\n三四五\n六', 0)).toEqual([
      { text: '一二', start: 0 },
      { text: '三四五', start: 4 },
      { text: '六', start: 8 },
    ]);
    expect(paragraphs('一二\n三四五\n六', 3, 6)).toEqual([{ text: '三四五', start: 3 }]);
  });
});

describe('marksByField', () => {
  const entities: EntitiesLike = {
    people: [{ name: '陈恢清', roles: ['市长'], mentions: [{ field: 'subheadline', index: 1, start: 0, end: 3, text: '陈恢清' }, { field: 'body', start: 40, end: 43, text: '陈恢清', part: 1 }] }],
    places: [{ name: '绿口区', code: '430212', canonicalName: '渌口区', parents: [{ code: '430000', name: '湖南省' }, { code: '430200', name: '株洲市' }], mentions: [{ field: 'body', start: 5, end: 8, text: '绿口区' }] }],
    organizations: [{ name: '市委', mentions: [{ field: 'headline', start: 0, end: 2, text: '市委', part: 1 }] }],
    campaigns: [],
  };

  it('groups mentions by field, keeps body mentions of every part and titles of the first part only', () => {
    const byField = marksByField(entities);
    expect([...byField.keys()].sort()).toEqual(['body', 'subheadline:1']);
    expect(byField.get('body')?.map((mark) => [mark.kind, mark.key, mark.start])).toEqual([
      ['person', '陈恢清', 40],
      ['place', '430212', 5],
    ]);
  });

  it('names a place by its division and titles it with its chain and code, a person with the roles', () => {
    const place = marksByField(entities).get('body')?.find((mark) => mark.kind === 'place');
    expect(place?.name).toBe('渌口区');
    expect(place?.title).toBe('地点 · 湖南省 › 株洲市 › 渌口区 · 430212');
    expect(marksByField(entities).get('subheadline:1')?.[0].title).toBe('人物 · 陈恢清 · 市长');
  });
});
