/** A name to look for with one character of its stem misread (渌口区: stem 渌口, stemLength 2). */
export interface VariantTarget<T> {
  name: string;
  stemLength: number;
  value: T;
}

export interface VariantMatch<T> {
  start: number;
  end: number;
  target: VariantTarget<T>;
}

const isCjk = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;

/**
 * Where the text writes a target's name with exactly one stem character replaced by another CJK ideograph
 * (绿口区 for 渌口区), in target order, then left to right.
 *
 * It gives what running, for each target and each stem position p, the pattern `stem[0,p) [一-鿿] rest` with
 * matchAll would give (including that a match hides overlapping later ones of the same pattern), but it only
 * looks where the text has the name's last character, instead of scanning the whole text once per pattern.
 */
export function oneCharVariants<T>(text: string, targets: readonly VariantTarget<T>[]): VariantMatch<T>[] {
  const out: VariantMatch<T>[] = [];
  const positions = new Map<number, number[]>();
  for (const t of targets) {
    const len = t.name.length;
    if (t.stemLength < 2 || t.stemLength >= len) continue;
    const last = t.name.charCodeAt(len - 1);
    let ends = positions.get(last);
    if (!ends) {
      ends = [];
      for (let k = text.indexOf(t.name[len - 1]); k >= 0; k = text.indexOf(t.name[len - 1], k + 1)) ends.push(k);
      positions.set(last, ends);
    }
    // Where the last match of each stem position's pattern ended: matchAll resumes there.
    const resumeAt = new Array<number>(t.stemLength).fill(0);
    for (const k of ends) {
      const start = k + 1 - len;
      if (start < 0) continue;
      let diffs = 0;
      let at = -1;
      for (let j = 0; j < len - 1 && diffs < 2; j++) {
        if (text.charCodeAt(start + j) !== t.name.charCodeAt(j)) {
          diffs++;
          at = j;
        }
      }
      if (diffs > 1 || (diffs === 1 && at >= t.stemLength)) continue;
      if (diffs === 0) {
        // The name itself: every pattern matches here, which hides overlapping matches after it.
        for (let p = 0; p < t.stemLength; p++) if (start >= resumeAt[p] && isCjk(text.charCodeAt(start + p))) resumeAt[p] = start + len;
        continue;
      }
      if (start < resumeAt[at] || !isCjk(text.charCodeAt(start + at))) continue;
      resumeAt[at] = start + len;
      out.push({ start, end: start + len, target: t });
    }
  }
  return out;
}
