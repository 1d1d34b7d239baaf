import { oneCharVariants, type VariantTarget } from './one-char-variant.matcher';

const target = (name: string, stemLength: number): VariantTarget<string> => ({ name, stemLength, value: name });

/** What the matcher replaces: one pattern per stem character, each run over the whole text with matchAll. */
function byPatterns(text: string, targets: VariantTarget<string>[]): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  for (const t of targets) {
    if (t.stemLength < 2 || t.stemLength >= t.name.length) continue;
    const found: { start: number; end: number; name: string }[] = [];
    for (let p = 0; p < t.stemLength; p++) {
      const re = new RegExp(t.name.slice(0, p) + '[\\u4e00-\\u9fff]' + t.name.slice(p + 1), 'g');
      for (const m of text.matchAll(re)) if (m[0] !== t.name) found.push({ start: m.index, end: m.index + m[0].length, name: t.name });
    }
    out.push(...found.sort((a, b) => a.start - b.start));
  }
  return out;
}

describe('oneCharVariants', () => {
  it('finds a name with one stem character misread, not the name itself nor a different ending', () => {
    const text = '株洲绿口区和渌口区，渌口县，绿囗区';
    const got = oneCharVariants(text, [target('渌口区', 2)]);
    expect(got.map((m) => text.slice(m.start, m.end))).toEqual(['绿口区']);
  });

  it('reads two stem characters misread as no match, and skips stems shorter than two', () => {
    expect(oneCharVariants('红花区', [target('渌口区', 2)])).toEqual([]);
    expect(oneCharVariants('攸县和油县', [target('攸县', 1)])).toEqual([]);
  });

  it('gives what the per-character patterns give, in target order', () => {
    let s = 42;
    const next = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const alphabet = '渌绿口天元区芦淞县攸市石峰荷塘'.split('');
    const targets = [target('渌口区', 2), target('天元区', 2), target('芦淞区', 2), target('石峰区', 2), target('攸县', 1), target('荷塘天元区', 4)];
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 60 }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const got = oneCharVariants(text, targets).map((m) => ({ start: m.start, end: m.end, name: m.target.name }));
      expect(got).toEqual(byPatterns(text, targets));
    }
  });
});
