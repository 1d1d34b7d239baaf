import { splitLines, splitSentences } from './sentence.splitter';

const texts = (source: string, pieces: ReturnType<typeof splitSentences>): string[] => pieces.map((p) => source.slice(p.start, p.end));

describe('splitSentences', () => {
  it('cuts after sentence ends with their closing quotes, and at line breaks', () => {
    const s = '他说：“明天去长沙。”大家同意！\n第二段；最后一句';
    expect(texts(s, splitSentences(s))).toEqual(['他说：“明天去长沙。”', '大家同意！', '第二段；', '最后一句']);
  });

  it('keeps UTF-16 offsets right around characters outside the BMP', () => {
    const s = '𠀋家村在𠀋。下一句';
    const pieces = splitSentences(s);
    expect(texts(s, pieces)).toEqual(['𠀋家村在𠀋。', '下一句']);
    expect(pieces[0].chars).toEqual(['𠀋', '家', '村', '在', '𠀋', '。']);
    expect(pieces[0].offsets).toEqual([0, 2, 3, 4, 5, 7]);
    expect(pieces[1].offsets[0]).toBe(8);
  });

  it('cuts an over-long sentence at its last comma before the limit', () => {
    const s = '一二三，四五六七八，九十';
    expect(texts(s, splitSentences(s, 6))).toEqual(['一二三，', '四五六七八，', '九十']);
    expect(texts(s, splitSentences(s, 3))).toEqual(['一二三', '，', '四五六', '七八，', '九十']);
  });

  it('leaves out pieces of only whitespace', () => {
    expect(texts(' \n\n　。x', splitSentences(' \n\n　。x'))).toEqual(['　。', 'x']);
    expect(splitSentences('  \n ')).toEqual([]);
  });

  it('splitLines keeps whole lines', () => {
    const s = '第一句。第二句。\n第二行';
    expect(texts(s, splitLines(s))).toEqual(['第一句。第二句。', '第二行']);
  });
});
