import { dropConsecutiveRepeats } from './repeated-paragraphs';

const same = (text: string) => text;

describe('dropConsecutiveRepeats', () => {
  it('keeps a paragraph printed twice or three times in a row once', () => {
    expect(dropConsecutiveRepeats(['甲。', '乙。', '乙。', '乙。', '丙。'], same)).toEqual(['甲。', '乙。', '丙。']);
  });

  it('treats copies that differ only in whitespace as repeats', () => {
    expect(dropConsecutiveRepeats(['李建国强调,营商环境。', ' 李建国强调, 营商环境。  ', '李建国强调,营商\u3000环境。'], same)).toEqual(['李建国强调,营商环境。']);
  });

  it('keeps repeats that are not next to each other', () => {
    expect(dropConsecutiveRepeats(['甲。', '乙。', '甲。'], same)).toEqual(['甲。', '乙。', '甲。']);
  });
});
