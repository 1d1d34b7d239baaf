import { ViterbiDecoder, viterbiReference } from './viterbi.decoder';

describe('ViterbiDecoder', () => {
  // Three tags, a hand-made lattice: emissions alone say 0,1,0; the transitions forbid 1 -> 0 (strongly), so the best
  // path is 0,1,1 (score 2+1+1 + 0 + 0 = 4... see the sums below) rather than the greedy 0,1,0.
  const T = Float32Array.from([
    // to:  0     1     2
    0.0, 0.0, 0.0, // from 0
    -5.0, 0.0, 0.0, // from 1
    0.0, 0.0, 0.0, // from 2
  ]);
  const E = Float32Array.from([
    2, 0, 0, // t0
    0, 1, 0, // t1
    1.5, 1, 0, // t2
  ]);

  it('finds the best path, not the greedy one', () => {
    const out = new Uint8Array(3);
    new ViterbiDecoder(T, 3).decode(E, 0, 3, out);
    // 0,1,0 = 2+1+1.5-5 = -0.5; 0,1,1 = 2+1+1 = 4; 0,0,0 = 2+0+1.5 = 3.5
    expect([...out]).toEqual([0, 1, 1]);
    expect(viterbiReference(E, 3, 3, T)).toEqual([0, 1, 1]);
  });

  it('takes the first index on a tie, as numpy argmax does', () => {
    const flat = new Float32Array(4);
    const out = new Uint8Array(2);
    new ViterbiDecoder(flat, 2).decode(Float32Array.from([1, 1, 1, 1]), 0, 2, out);
    expect([...out]).toEqual([0, 0]);
  });

  it('handles a single position and an offset into the emissions', () => {
    const out = new Uint8Array(1);
    new ViterbiDecoder(T, 3).decode(Float32Array.from([9, 9, 9, 0, 0, 3]), 3, 1, out);
    expect([...out]).toEqual([2]);
  });

  it('gives the plain algorithm\'s path on random lattices (the pruning is exact)', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const n = 12;
    for (let trial = 0; trial < 200; trial++) {
      const trans = Float32Array.from({ length: n * n }, () => (rand() - 0.5) * (trial % 2 ? 0.4 : 6));
      const len = 1 + Math.floor(rand() * 30);
      const em = Float32Array.from({ length: len * n }, () => (rand() - 0.5) * 8);
      const out = new Uint8Array(len);
      new ViterbiDecoder(trans, n).decode(em, 0, len, out);
      expect([...out]).toEqual(viterbiReference(em, len, n, trans));
    }
  });
});
