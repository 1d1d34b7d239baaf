import type { TermPlan } from './ngram.tokenizer';
import { phrasePattern } from './phrase-pattern';

const BEFORE = 30;
const LENGTH = 120;

/** Moves an index off the second half of a surrogate pair. */
const safeIndex = (text: string, index: number): number => (index > 0 && index < text.length && /[\uDC00-\uDFFF]/.test(text[index]) ? index - 1 : index);

/** A short piece of the body: around the first match of a query term, or its beginning. Marked with … where cut. */
export function snippetOf(body: string, terms: TermPlan[] = []): string {
  let start = 0;
  for (const term of terms) {
    const found = new RegExp(phrasePattern(term.text), 'u').exec(body);
    if (found) {
      start = Math.max(0, found.index - BEFORE);
      break;
    }
  }
  start = safeIndex(body, start);
  const end = safeIndex(body, Math.min(body.length, start + LENGTH));
  const text = body.slice(start, end).replace(/\n/g, ' ');
  return `${start > 0 ? '…' : ''}${text}${end < body.length ? '…' : ''}`;
}
