import { wordSpansJoin } from './word-join';

describe('wordSpansJoin', () => {
  it.each([
    ['3月17日,市政府召开常务会', '议,研究部署一季度经济工作。'],
    ['在十八梯住了40多年的张大', '爷感慨地说。'],
    ['枢纽配套建设停车位1', '200个,开通公交线路8条。'],
  ])('sees the word cut in %s|%s', (before, after) => {
    expect(wordSpansJoin(before, after)).toBe(true);
  });

  it.each([
    ['国际油价小幅上涨', '国际油价4日小幅上涨。'],
    ['青羊区老旧院落完成“微更新”', '近日,青羊区少城街道12个老旧院落完成“微更新”改造。'],
    ['我省今年将新建改建农村公路5000公里', '记者从省交通运输厅获悉。'],
    ['天府国际机场开通至布达佩斯直航', '3月16日,一架从成都天府国际机场起飞的航班平稳降落。'],
  ])('sees no word across a title and its paragraph: %s|%s', (before, after) => {
    expect(wordSpansJoin(before, after)).toBe(false);
  });
});
