import { BioFormatError, readBio } from './bio.reader';

const file = (...rows: string[]) => rows.join('\n');

describe('readBio', () => {
  it('reads sentences, spans and their text from tab or space separated lines', () => {
    const sentences = readBio(file('张\tB-PER', '三\tI-PER', '在\tO', '株 B-LOC', '洲 I-LOC', '', '新\tB-ORG', '华\tI-ORG', '社\tI-ORG', ''));
    expect(sentences).toEqual([
      { line: 1, text: '张三在株洲', spans: [{ type: 'PER', start: 0, end: 2 }, { type: 'LOC', start: 3, end: 5 }] },
      { line: 7, text: '新华社', spans: [{ type: 'ORG', start: 0, end: 3 }] },
    ]);
  });

  it('starts a new span at B- even right after a span of the same type', () => {
    const [sentence] = readBio(file('中\tB-LOC', '美\tB-LOC', '两\tO'));
    expect(sentence.spans).toEqual([{ type: 'LOC', start: 0, end: 1 }, { type: 'LOC', start: 1, end: 2 }]);
  });

  it('opens a span at an I- tag that continues nothing (the CoNLL reading), and at a change of type', () => {
    const [sentence] = readBio(file('在\tO', '湘\tI-LOC', '江\tI-LOC', '报\tI-ORG'));
    expect(sentence.spans).toEqual([{ type: 'LOC', start: 1, end: 3 }, { type: 'ORG', start: 3, end: 4 }]);
  });

  it('reads BIOES/BMES tags and other sets\' type names', () => {
    const [sentence] = readBio(file('李\tB-PERSON', '白\tE-PERSON', '北\tS-NS', '京\tS-GPE', '大\tB-NT', '学\tM-NT', '城\tE-NT'));
    expect(sentence.spans).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 2, end: 3 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'ORG', start: 4, end: 7 },
    ]);
  });

  it('counts offsets in UTF-16 code units, as the tagger does, for characters outside the BMP', () => {
    const [sentence] = readBio(file('𠀀\tO', '王\tB-PER', '五\tI-PER'));
    expect(sentence.text.slice(sentence.spans[0].start, sentence.spans[0].end)).toBe('王五');
  });

  it('tolerates CRLF line endings and several blank lines', () => {
    expect(readBio('王\tB-PER\r\n\r\n\r\n李\tO\r\n')).toHaveLength(2);
  });

  it('rejects a line without a tag and an unknown tag, naming the line', () => {
    expect(() => readBio(file('王\tB-PER', '五'))).toThrow(new BioFormatError('line 2: expected "TOKEN TAG", got "五"'));
    expect(() => readBio(file('王\tX-PER'))).toThrow(/line 1: tag "X-PER"/);
  });
});
