import { worldPlaceNames } from '../lexicon/world-place.lexicon';
import type { NamedHit } from '../text/span.model';

// The bodies that sit by number: a party's or the people's congress, a committee of the whole.
const CONGRESS = /^(?:全国人民代表大会|全国代表大会|全国人大|全国委员会|中央委员会|人民代表大会|代表大会)/;
// 第十五次, 第九届, 八届: the ordinal that names one sitting body.
const ORDINAL = /(?:第[一二三四五六七八九十百零〇两\d０-９]{1,4}|[一二三四五六七八九十]{1,3})[届次]$/;

/**
 * 第十五次全国代表大会, 中国共产党第十五次全国代表大会, 第九届全国人民代表大会: a congress found by its ending takes the
 * ordinal written before it, and the body that holds it when that body ends right before the ordinal (the
 * party's hit is then part of the congress's name). Changes `organizations` in place; returns the hits extended.
 */
export function extendCongressNames(text: string, organizations: NamedHit[]): NamedHit[] {
  const replaced: NamedHit[] = [];
  const extended: NamedHit[] = [];
  for (const o of organizations) {
    if (!CONGRESS.test(o.name)) continue;
    const ordinal = ORDINAL.exec(text.slice(Math.max(0, o.start - 6), o.start));
    if (!ordinal) continue;
    let start = o.start - ordinal[0].length;
    const holder = organizations.find((h) => h !== o && h.end === start && !replaced.includes(h));
    if (holder) {
      start = holder.start;
      replaced.push(holder);
    }
    o.start = start;
    o.name = text.slice(start, o.end);
    extended.push(o);
  }
  if (replaced.length) organizations.splice(0, organizations.length, ...organizations.filter((o) => !replaced.includes(o)));
  return extended;
}

const DASHES = new Set(['—', '－', '-', '–']);

/**
 * 圭亚那—中国友好协会, 秘鲁—中国文化协会: a country and a dash before a body named for China are one bilateral body.
 * Changes the hits in place; returns those extended.
 */
export function extendBilateralNames(text: string, organizations: NamedHit[]): NamedHit[] {
  const extended: NamedHit[] = [];
  const world = worldPlaceNames();
  for (const o of organizations) {
    if (o.start < 3 || !DASHES.has(text[o.start - 1]) || !o.name.startsWith('中国')) continue;
    for (let len = 8; len >= 2; len--) {
      const from = o.start - 1 - len;
      if (from < 0 || world.get(text.slice(from, o.start - 1)) !== 'country') continue;
      o.start = from;
      o.name = text.slice(from, o.end);
      extended.push(o);
      break;
    }
  }
  return extended;
}
