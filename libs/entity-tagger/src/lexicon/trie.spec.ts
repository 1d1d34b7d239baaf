import { Trie } from './trie';

/** A seeded generator, so that a failing case can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('Trie', () => {
  const trie = new Trie<string>();
  for (const k of ['株洲', '株洲市', '株洲市委', '湖南', '湖南省', '市', '天元区']) trie.add(k, k.toUpperCase());
  trie.add('株洲', 'second value');

  it('finds every key at a position, shortest first, within a limit', () => {
    expect(trie.matchAt('在株洲市委调研', 1).map((h) => h.end)).toEqual([3, 4, 5]);
    expect(trie.matchAt('在株洲市委调研', 1, 4).map((h) => h.end)).toEqual([3, 4]);
    expect(trie.matchAt('在株洲市委调研', 1)[0].values).toEqual(['株洲', 'second value']);
    expect(trie.matchAt('在株洲市委调研', 0)).toEqual([]);
    expect(trie.matchAt('市', 0)).toEqual([{ end: 1, values: ['市'] }]);
  });

  it('finds the longest key and where it ends, without a string', () => {
    expect(trie.longestAt('株洲市委书记', 0)).toEqual({ end: 4, values: ['株洲市委'] });
    expect(trie.longestEndAt('株洲市委书记', 0, 3)).toBe(3);
    expect(trie.longestEndAt('株江', 0)).toBe(-1);
    expect(trie.longestAt('湖北', 0)).toBeNull();
  });

  it('answers membership of a whole key or a range of a text', () => {
    expect(trie.has('湖南省')).toBe(true);
    expect(trie.has('湖')).toBe(false);
    expect(trie.has('')).toBe(false);
    expect(trie.hasRange('去湖南省', 1, 3)).toBe(true);
    expect(trie.valuesOf('去天元区了', 1, 4)).toEqual(['天元区']);
    expect(trie.valuesOf('去天元区了', 1, 3)).toBeNull();
    expect(trie.startsWith('天'.charCodeAt(0))).toBe(true);
    expect(trie.size).toBe(7);
  });

  it('agrees with a plain key set on many keys (the edge table grows)', () => {
    const next = random(7);
    const alphabet = '市县区镇乡村湖南株洲长沙天元中心局委办'.split('');
    const word = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const keys = new Set<string>();
    const big = new Trie<number>();
    for (let i = 0; i < 5000; i++) {
      const k = word(1 + Math.floor(next() * 6));
      keys.add(k);
      big.add(k, i);
    }
    expect(big.size).toBe(keys.size);
    const text = word(3000);
    for (let i = 0; i < text.length; i++) {
      const expected: number[] = [];
      for (let e = i + 1; e <= Math.min(text.length, i + 6); e++) if (keys.has(text.slice(i, e))) expected.push(e);
      expect(big.matchAt(text, i).map((h) => h.end)).toEqual(expected);
      expect(big.longestEndAt(text, i)).toBe(expected.length ? expected[expected.length - 1] : -1);
    }
  });
});
