import { endsParagraph, joinColumnBreaks } from './column-breaks';

describe('endsParagraph', () => {
  it.each(['会议举行。', '“早上能多睡半小时了。”', '你准备好了吗？', '变化太大了!', '获评先进单位。(完)', '取得新成效。(记者 张三)', '图为园区的智能生产线。 记者 周平 摄', '■ 智能化改造全面铺开', '【人才支撑持续增强】', '打造“三个高地”'])(
    '%s ends a paragraph',
    (line) => expect(endsParagraph(line)).toBe(true),
  );

  it.each(['本书修订过程中坚持以三个历', '市数据资源局局长王', '完成年度投资超1000亿元,', '主要措施包括:', '《中国共产党株洲历史》(1921—1949)', '产业总规模达到1047亿元;'])('%s is cut', (line) => {
    expect(endsParagraph(line)).toBe(false);
  });
});

describe('joinColumnBreaks', () => {
  it('joins a cut line to the next with no space, even inside a name', () => {
    expect(joinColumnBreaks(['市委书记曹', '慧泉主持会议。', '会议以视频形式开到县市区。'])).toEqual(['市委书记曹慧泉主持会议。', '会议以视频形式开到县市区。']);
  });

  it('joins a paragraph cut twice', () => {
    expect(joinColumnBreaks(['一是', '二是', '三是。'])).toEqual(['一是二是三是。']);
  });

  it('keeps a trailing open line (the article goes on elsewhere)', () => {
    expect(joinColumnBreaks(['完成年度投资超1000亿元,'])).toEqual(['完成年度投资超1000亿元,']);
  });

  it('stays linear on a long run of cut lines', () => {
    // CPU time, as a ratio (a wall-clock bound failed on a busy CI machine): 4x the lines must cost about 4x,
    // never the 16x of a quadratic join.
    const cutLines = (n: number) => Array.from({ length: n }, () => '的一');
    const cpuMs = (lines: string[]): number => {
      const started = process.cpuUsage();
      expect(joinColumnBreaks(lines)[0]).toHaveLength(2 * lines.length);
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1000;
    };
    cpuMs(cutLines(20_000)); // warm up the JIT
    const small = Math.min(cpuMs(cutLines(100_000)), cpuMs(cutLines(100_000)));
    const large = cpuMs(cutLines(400_000));
    expect(small).toBeGreaterThan(5); // enough work to measure a ratio
    expect(large / small).toBeLessThan(10);
  });
});
