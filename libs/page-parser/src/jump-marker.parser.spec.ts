import { findJumpFrom, findJumpTo } from './jump-marker.parser';

describe('findJumpTo', () => {
  it.each([
    ['全市重点项目建设完成年度投资超1000亿元, ▶▶下转02版②', '全市重点项目建设完成年度投资超1000亿元,', '02', '②'],
    ['▶▶下转02版①', '', '02', '①'],
    ['确保学生在校完成书面作业,(下转A03版)', '确保学生在校完成书面作业,', 'A03', ''],
    ['▶下转第二版', '', '02', ''],
    ['带动更多群众就业(转第3版)', '带动更多群众就业', '03', ''],
    ['（下转第十二版）', '', '12', ''],
    ['▶详见A3版', '', 'A03', ''],
    ['（详见第5版）', '', '05', ''],
  ])('%s', (line, before, page, marker) => {
    expect(findJumpTo(line)).toEqual({ before, jump: { page, marker } });
  });

  it.each(['运转良好。', '下转第二版的内容是什么,我们不知道具体情况如何', '版面调整到02版'])('ignores %s', (line) => {
    expect(findJumpTo(line)).toBeNull();
  });
});

describe('findJumpFrom', () => {
  it.each([
    ['▲▲上接01版②', '', '01', '②'],
    ['(上接第一版)', '', '01', ''],
    ['▲▲上接01版③ 在雨湖区的一个老旧小区', '在雨湖区的一个老旧小区', '01', '③'],
    ['（紧接第1版）项目建成后', '项目建成后', '01', ''],
  ])('%s', (line, after, page, marker) => {
    expect(findJumpFrom(line)).toEqual({ after, jump: { page, marker } });
  });

  it.each(['接待游客12万人次。', '上接待了游客', '续写新篇章'])('ignores %s', (line) => {
    expect(findJumpFrom(line)).toBeNull();
  });
});
