import { jiebaLexicon } from '../lexicon/jieba.lexicon';
import { AREA_SUFFIXES, MACRO_REGIONS } from '../lexicon/region.lexicon';
import { Trie } from '../lexicon/trie';
import { isHan } from '../text/char-class.util';
import type { PlaceHit } from '../text/span.model';

// Words of the language for natural features and a city proper, which take the name of the place before them.
const FEATURES = ['湖', '岛', '半岛', '群岛', '城', '海', '湾', '海峡', '山', '雪山', '山脉', '河', '江', '高原', '盆地', '平原', '沙漠', '大裂谷'];
// 湖畔, 岛上, 江边: a locative after the feature word makes a word with it, and the feature is still named.
const LOCATIVES = new Set('畔边上中里内外底岸'.split(''));
const AREA_END = new RegExp(`(?:${AREA_SUFFIXES.join('|')}|[村镇乡区]|社区|街道)$`);
let features: Trie<string> | null = null;
function featureTrie(): Trie<string> {
  if (features) return features;
  features = new Trie<string>();
  for (const f of FEATURES) features.add(f, f);
  return features;
}

/**
 * 马拉维湖, 朝鲜半岛, 墨西哥城, 台湾岛: a place straight before a feature word names that feature, one place of its own
 * (no code: the lake is not the country). Not where the feature word starts a longer word (中国海军, 美国城市,
 * 湖南 after a place), nor across a claimed span. The place hit is replaced in `places`.
 */
export function extendToNamedFeatures(text: string, places: PlaceHit[], blocked: (start: number, end: number) => boolean): void {
  const { words } = jiebaLexicon();
  for (let k = 0; k < places.length; k++) {
    const p = places[k];
    // Named areas and settlements (临江片区, 韶山村) name no lakes or islands.
    if (p.end - p.start < 2 || AREA_END.test(p.name)) continue;
    const hit = featureTrie().longestAt(text, p.end);
    if (!hit) continue;
    const end = hit.end;
    // The feature word must end there: 海军, 城市, 山区 and 江苏 are other words.
    if (end < text.length && isHan(text.charCodeAt(end))) {
      const w = words.get(text.slice(end - 1, end + 1));
      if (w && w.freq >= 20 && !featureTrie().has(text.slice(end - 1, end + 1)) && !LOCATIVES.has(text[end])) continue;
      if ((words.get(text.slice(end - 1, end + 2))?.freq ?? 0) >= 20) continue; // 城中村
    }
    if (blocked(p.end, end) || places.some((o) => o !== p && o.start < end && p.end < o.end)) continue;
    places[k] = { ...p, end, name: text.slice(p.start, end), division: null, canonicalName: null, within: null };
  }
}

/**
 * 亚太地区, 台湾地区, 北京地区: a place and 地区 is that place (as 株洲地区 gives 株洲 in our gold), unless the whole is a
 * division (阿里地区) or a region of its own name (东北地区, 中部地区). The hit is shortened in `places`.
 */
export function trimRegionWord(places: PlaceHit[], isPlace: (name: string) => boolean): void {
  for (let k = 0; k < places.length; k++) {
    const p = places[k];
    if (!p.name.endsWith('地区') || p.name.length < 4 || MACRO.has(p.name)) continue;
    if (p.division && p.division.name === (p.canonicalName ?? p.name)) continue;
    const stem = p.name.slice(0, -2);
    if (!isPlace(stem)) continue;
    places[k] = { ...p, end: p.end - 2, name: stem };
  }
}
const MACRO = new Set(MACRO_REGIONS);
