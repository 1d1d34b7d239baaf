import { bookTitles, datelines, quotations } from './markup.scanner';

/** The pattern datelines() anchors, run over the whole text. */
const WHOLE = /[\u4e00-\u9fff]{1,8}(?:日报|晚报|早报|报|网|台|社)(?:\d{1,2}月\d{1,2}日)?讯|新华社[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日电/g;

describe('markup scanner', () => {
  it('finds datelines', () => {
    const text = '株洲日报讯（记者 王强）本报讯 新华社北京2月22日电 电力公司';
    expect(datelines(text).map((d) => text.slice(d.start, d.end))).toEqual(['株洲日报讯', '本报讯', '新华社北京2月22日电']);
  });

  it('finds the same datelines as the pattern run over the whole text', () => {
    let s = 9;
    const next = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const pieces = ['株洲', '日报', '晚报', '报', '网', '台', '社', '讯', '电', '新华社', '北京', '2月', '22日', '1', '，', '电力', '讯息'];
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: 30 }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const expected = [...text.matchAll(WHOLE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      expect(datelines(text)).toEqual(expected);
    }
  });

  it('pairs book-title marks and quotes within a line', () => {
    expect(bookTitles('读《论〈实践论〉》和《矛盾论')).toEqual([{ open: 1, close: 8 }]);
    expect(quotations('打造“三个高地”，“未闭合\n”')).toEqual([{ open: 2, close: 7 }]);
  });
});
