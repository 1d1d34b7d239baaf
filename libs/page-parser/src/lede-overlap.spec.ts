import { ledeOverlap, sharesWordsWithLede } from './lede-overlap';

describe('ledeOverlap', () => {
  it('is high for a headline over its lead paragraph', () => {
    expect(ledeOverlap('国际油价小幅上涨', '国际油价4日小幅上涨。截至当天收盘……')).toBeCloseTo(6 / 7);
    expect(ledeOverlap('我省今年将新建改建农村公路5000公里', '记者从省交通运输厅获悉,今年我省将新建改建农村公路5000公里。')).toBeGreaterThan(0.5);
  });

  it('is low for the first words of a cut paragraph and the rest of it', () => {
    expect(ledeOverlap('4号线二期途', '经江北区、渝北区,串联起石船、御临等多个组团。')).toBe(0);
    expect(ledeOverlap('市教育局有关负责', '人介绍,今年全市中小学课后服务实现义务教育学校全覆盖。')).toBeLessThan(0.25);
  });

  it('is 0 for a title without two Han characters in a row', () => {
    expect(ledeOverlap('A股', 'A股今日上涨。')).toBe(0);
  });
});

describe('sharesWordsWithLede', () => {
  it('wants a quarter of the pairs and at least two of them', () => {
    expect(sharesWordsWithLede('国际油价小幅上涨', '国际油价4日小幅上涨。')).toBe(true);
    expect(sharesWordsWithLede('园区与20', '余所高校共建实训基地,园区经济发展委员会有关负责人说。')).toBe(false);
  });
});
