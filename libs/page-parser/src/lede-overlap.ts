// A headline sums up the paragraph under it, so the two share words; the first words of a paragraph that
// a column break cut share almost none with the rest of that paragraph. Measured on Han character pairs.
import { isHan } from './text-chars';

const LEDE_WINDOW = 300;

function hanPairs(text: string): string[] {
  const chars = [...text];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) if (isHan(chars[i]) && isHan(chars[i + 1])) pairs.push(chars[i] + chars[i + 1]);
  return pairs;
}

/** Share (0..1) of the title's Han character pairs that occur in the first 300 characters of the lede. */
export function ledeOverlap(title: string, lede: string): number {
  const pairs = hanPairs(title);
  if (pairs.length === 0) return 0;
  const window = lede.slice(0, LEDE_WINDOW);
  return pairs.filter((pair) => window.includes(pair)).length / pairs.length;
}

/** Share of the title's pairs the lede must repeat, and how many at least (short lines are noisy). */
const MIN_SHARE = 0.25;
const MIN_PAIRS = 2;

/** True when the lede repeats enough of the title's words for the title to be its headline. */
export function sharesWordsWithLede(title: string, lede: string): boolean {
  const pairs = hanPairs(title).length;
  const share = ledeOverlap(title, lede);
  return share >= MIN_SHARE && Math.round(share * pairs) >= MIN_PAIRS;
}
