import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './surnames.data';

// Bitmaps over UTF-16 units: the name rules ask at almost every position of a text.
const single = new Uint8Array(65536);
for (let i = 0; i < SINGLE_SURNAMES.length; i++) single[SINGLE_SURNAMES.charCodeAt(i)] = 1;
const compoundFirst = new Uint8Array(65536);
const compoundSecond = new Map<number, Set<number>>();
for (const c of COMPOUND_SURNAMES) {
  compoundFirst[c.charCodeAt(0)] = 1;
  const set = compoundSecond.get(c.charCodeAt(0)) ?? new Set<number>();
  set.add(c.charCodeAt(1));
  compoundSecond.set(c.charCodeAt(0), set);
}

/** Length of the surname a string starts with (2 for compound surnames), or 0. */
export function surnameLength(s: string, at = 0): number {
  const c = s.charCodeAt(at);
  if (compoundFirst[c] === 1 && at + 1 < s.length && compoundSecond.get(c)?.has(s.charCodeAt(at + 1))) return 2;
  return single[c] === 1 ? 1 : 0;
}
