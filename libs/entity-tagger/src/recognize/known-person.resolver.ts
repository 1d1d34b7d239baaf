import type { KnownPeople } from '../people/people-dictionary.store';
import type { PersonHit } from '../text/span.model';
import { knownPeopleIn } from './known-person.recognizer';

/**
 * Adds the operators' known people to the people the patterns found and links printed forms to them:
 * `repeat` (every later mention of a name) runs on the names as printed, then each hit takes its known name —
 * the name itself, a listed printed form, or a one-character misreading of the given name (罗绍灼 → 罗绍昀).
 * The mention keeps the printed text; names operators switched off are dropped.
 */
export function withKnownPeople(
  text: string,
  known: KnownPeople,
  found: PersonHit[],
  blocked: (start: number, end: number) => boolean,
  repeat: (hits: PersonHit[]) => PersonHit[],
): PersonHit[] {
  if (!known.size && !known.suppressed.size) return repeat(found);
  let hits = found;
  const listed = knownPeopleIn(text, known, blocked);
  if (listed.length) {
    // The dictionary's span wins over a pattern's guess at the same place (罗绍昀等 read as 罗绍); titles carry over.
    hits = [];
    for (const f of found) {
      const over = listed.find((k) => f.seg === 0 && k.start < f.end && f.start < k.end);
      if (!over) hits.push(f);
      else if (over.start === f.start) over.roles.push(...f.roles.filter((r) => !over.roles.includes(r)));
    }
    hits.push(...listed.map((k) => ({ seg: 0, ...k })));
  }
  const out: PersonHit[] = [];
  for (const h of repeat(hits)) {
    if (known.suppressed.has(h.name)) continue;
    const name = known.knownNameOf(h.name) ?? known.variantOf(h.name);
    if (name) h.name = name;
    out.push(h);
  }
  return out;
}
