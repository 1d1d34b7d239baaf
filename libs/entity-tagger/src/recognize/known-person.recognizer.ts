import { jiebaLexicon, isPersonPos } from '../lexicon/jieba.lexicon';
import type { KnownPeople } from '../people/people-dictionary.store';
import { isHan } from '../text/char-class.util';
import type { PersonCandidate } from './person.recognizer';
import { afterScore, nameCanStartAt, plausibleName } from './person-name.rules';

/**
 * Names (as printed) from the operators' dictionary of known people, wherever the text writes them: no title or verb is
 * needed. A name that is also an ordinary word (高峰, 文明) or has only two characters must still stand where a
 * name can (a word boundary before, a verb, title or punctuation after). A one-character misreading of a known
 * name is taken where it also looks like a name on its own (see misreadingAt); the caller links it to the name.
 */
export function knownPeopleIn(text: string, known: KnownPeople, blocked: (start: number, end: number) => boolean): PersonCandidate[] {
  if (!known.size) return [];
  const out: PersonCandidate[] = [];
  const { words } = jiebaLexicon();
  const lengths = known.variantLengths;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const hit = known.exact.startsWith(code) ? known.exact.longestAt(text, i) : null;
    if (!hit) {
      const v = known.mayVaryAt(code) ? misreadingAt(text, i, known, lengths, blocked) : null;
      if (v) {
        out.push(v);
        i = v.end - 1;
      }
      continue;
    }
    const printed = text.slice(i, hit.end);
    const e = words.get(printed);
    const wordLike = printed.length <= 2 || (!!e && !isPersonPos(e.pos));
    if (i > 0 && isHan(text.charCodeAt(i - 1)) && !nameCanStartAt(text, i)) continue;
    if (wordLike && afterScore(text, hit.end) < 2) continue;
    if (blocked(i, hit.end)) continue;
    out.push({ start: i, end: hit.end, name: printed, roles: [] });
    i = hit.end - 1;
  }
  return out;
}

/**
 * A misreading of a known name at i (孙立薪 for 孙立新), where the patterns of a name hold on their own: it looks
 * like a name (surname, not a word), a name may start here and something a name is followed by comes after.
 */
function misreadingAt(text: string, i: number, known: KnownPeople, lengths: readonly number[], blocked: (start: number, end: number) => boolean): PersonCandidate | null {
  if (i > 0 && isHan(text.charCodeAt(i - 1)) && !nameCanStartAt(text, i)) return null;
  for (const len of lengths) {
    const end = i + len;
    if (end > text.length) continue;
    const printed = text.slice(i, end);
    if (!known.variantOf(printed) || !plausibleName(printed) || afterScore(text, end) < 2 || blocked(i, end)) continue;
    return { start: i, end, name: printed, roles: [] };
  }
  return null;
}
