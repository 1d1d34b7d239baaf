import { type DivisionForm, divisionIndex } from '../lexicon/division.index';
import { jiebaLexicon } from '../lexicon/jieba.lexicon';
import { AMBIGUOUS_ABBREVIATIONS, AREA_SUFFIXES, FACILITY_SUFFIXES, MACRO_REGIONS, PROVINCE_ABBREVIATIONS } from '../lexicon/region.lexicon';
import { trimLeftStops } from '../lexicon/stop.lexicon';
import { Trie } from '../lexicon/trie';
import { worldPlaceNames } from '../lexicon/world-place.lexicon';
import { isHan } from '../text/char-class.util';

/** A possible place in one segment, before the article decides which division it is. */
export interface PlaceCandidate {
  seg: number;
  start: number;
  end: number;
  name: string;
  forms: DivisionForm[];
  /** Named areas and regions: no division of their own. */
  area: boolean;
  /** The division a named area's name starts with (株洲 in 株洲高新区). */
  within: DivisionForm[];
}

const PLACE_POS = new Set(['ns', 'nsf', 'j']);
// Two-character county names that are ordinary words (城区, 郊区, 矿区, 东区…): need their city nearby.
const GENERIC_AREA = /^(城区|郊区|矿区|新区|东区|西区|南区|北区|中区)$/;
const GENERIC_AREA_STEMS = new Set(['各', '该', '本', '全', '主', '老', '新', '城', '核心', '重点', '中心', '周边', '相关', '全市', '全省', '全区', '我市', '市', '省', '县', '区', '园区', '示范', '先行', '一个', '两个', '三个']);

let areaTrie: Trie<string> | null = null;
let facilityTrie: Trie<string> | null = null;
function tries(): { area: Trie<string>; facility: Trie<string> } {
  if (!areaTrie || !facilityTrie) {
    areaTrie = new Trie();
    for (const s of AREA_SUFFIXES) areaTrie.add(s, s);
    facilityTrie = new Trie();
    for (const s of FACILITY_SUFFIXES) facilityTrie.add(s, s);
  }
  return { area: areaTrie, facility: facilityTrie };
}

/** Division names (full and short), named areas and regions in one segment, outside `blocked` spans. */
type PlaceKey = { kind: 'division'; form: DivisionForm } | { kind: 'macro' } | { kind: 'country' } | { kind: 'feature' };

let placeKeys: Trie<PlaceKey> | null = null;
/** Divisions, regions, countries and natural features in one trie: one walk per position of a text. */
function placeKeyTrie(): Trie<PlaceKey> {
  if (placeKeys) return placeKeys;
  const t = new Trie<PlaceKey>();
  for (const [name, forms] of divisionIndex().forms) for (const form of forms) t.add(name, { kind: 'division', form });
  for (const m of MACRO_REGIONS) t.add(m, { kind: 'macro' });
  for (const [name, kind] of worldPlaceNames()) t.add(name, { kind });
  placeKeys = t;
  return t;
}

export function placeCandidates(seg: number, text: string, blocked: (start: number, end: number) => boolean): PlaceCandidate[] {
  const keys = placeKeyTrie();
  const { area } = tries();
  const all: { c: PlaceCandidate; rank: number }[] = [];
  const add = (c: PlaceCandidate, rank: number): void => {
    if (!blocked(c.start, c.end)) all.push({ c, rank });
  };
  const named = (start: number, end: number, rank: number, within: DivisionForm[] = []): void =>
    add({ seg, start, end, name: text.slice(start, end), forms: [], area: true, within }, rank);
  for (let i = 0; i < text.length; i++) {
    const hits = keys.matchAt(text, i);
    const abbr = abbrCodes[text.charCodeAt(i)] ? abbreviationRegionAt(text, i) : 0;
    if (abbr) named(i, abbr, 4);
    if (!hits.length) continue;
    for (const hit of hits) {
      const end = hit.end;
      const forms: DivisionForm[] = [];
      // 井冈山, 武陵山: a mountain or lake that is also a county's or town's short form is the feature.
      const feature = hit.values.some((v) => v.kind === 'feature');
      for (const v of hit.values) {
        if (v.kind === 'division') {
          if (!(feature && v.form.short && v.form.division.level >= 3)) forms.push(v.form);
        }
        else if (v.kind === 'macro') named(i, end, 5);
        else if (v.kind === 'country' && (insideFacilityName(text, end) || headsDoctrine(text, end))) continue;
        else if (!crossesWordBothSides(text, i, end, v.kind === 'country')) {
          // 长江中下游, 黄河流域: a river's stretch is named with it.
          // 波兰共和国, 俄罗斯联邦: a country's official form carries its state word (a name ending in 国 has its own).
          const stretch = v.kind === 'feature' ? featureStretch(text, i, end) : text[end - 1] === '国' ? 0 : (STATE_FORM.exec(text.slice(end, end + 8))?.[0].length ?? 0);
          // Longer than two characters, a feature outranks a county's short form inside it (武陵山区 over 武陵).
          named(i, end + stretch, v.kind === 'feature' && end + stretch - i >= 3 ? 2 : 1);
        }
      }
      if (!forms.length) continue;
      // 香港特区, 澳门特区: the usual short form of 特别行政区 belongs to the name.
      if (text.startsWith('特区', end) && forms.some((f) => f.division.name.endsWith('特别行政区'))) {
        add({ seg, start: i, end: end + 2, name: text.slice(i, end + 2), forms: forms.filter((f) => f.division.name.endsWith('特别行政区')), area: false, within: [] }, 4);
        continue;
      }
      // A named area that starts with this division: 株洲高新区.
      const zone = area.longestAt(text, end);
      if (zone) {
        // 湖南湘江新区: a province or city written before the area's own name is part of it and says where it is.
        const lead = leadingRegion(text, i);
        named(lead ? lead.start : i, zone.end, 4, lead ? lead.forms : forms);
        continue;
      }
      // 韶山村 of 韶山乡: a short form that heads a village's or community's name is that village's (resolved later).
      if (forms.every((f) => f.short) && headsVillage(text, end)) continue;
      if (isFacilityHead(text, end) || crossesWord(text, i, forms) || insideFacilityName(text, end) || headsLongerPlace(text, i, end, forms)) continue;
      add({ seg, start: i, end, name: text.slice(i, end), forms, area: false, within: [] }, formRank(forms));
    }
  }
  for (const z of namedAreas(seg, text)) add(z, 3);
  // Overlaps: the surer kind wins (a full name over a province over a town's short form), then the longer.
  all.sort((a, b) => b.rank - a.rank || b.c.end - b.c.start - (a.c.end - a.c.start) || a.c.start - b.c.start);
  const kept: PlaceCandidate[] = [];
  for (const { c } of all) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/** Full division names inside a string (诸暨市 in 诸暨市人民法院): context for the article, not mentions. */
export function divisionsIn(seg: number, text: string): PlaceCandidate[] {
  const { trie } = divisionIndex();
  const out: PlaceCandidate[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const hit of trie.matchAt(text, i)) {
      const forms = hit.values.filter((f) => !f.short);
      if (forms.length) out.push({ seg, start: i, end: hit.end, name: text.slice(i, hit.end), forms, area: false, within: [] });
    }
  }
  return out;
}

function formRank(forms: DivisionForm[]): number {
  if (forms.some((f) => !f.short && f.division.level <= 3)) return 4;
  if (forms.some((f) => !f.short)) return 3;
  if (forms.some((f) => f.division.level <= 2)) return 3;
  return forms.some((f) => f.division.level === 3) ? 2 : 1;
}

const STATE_FORM = /^(?:民主人民共和国|人民民主共和国|联邦民主共和国|社会主义共和国|伊斯兰共和国|阿拉伯共和国|人民共和国|民主共和国|联邦共和国|共和国|联合王国|王国|联邦|合众国|大公国|公国|酋长国)/;
const RIVER_STRETCH = /^(?:中下游|中上游|上游|中游|下游|流域)/;

/**
 * What a natural feature's name carries on with: a river's stretch (长江中下游, 黄河流域), a lake's or a mountain's
 * region (洞庭湖区, 武陵山区), a mountain's range (雪峰山脉).
 */
function featureStretch(text: string, start: number, end: number): number {
  const river = RIVER_STRETCH.exec(text.slice(end, end + 4));
  if (river) return river[0].length;
  const last = text[end - 1];
  const next = text[end];
  if ((last === '湖' || last === '山') && next === '区' && text[end + 1] !== '域') return 1;
  if (last === '山' && next === '脉' && end - start >= 2) return 1;
  return 0;
}

/** A province or city name (full or short) that ends at `at`: 湖南 in 湖南湘江新区. */
function leadingRegion(text: string, at: number): { start: number; forms: DivisionForm[] } | null {
  const { forms } = divisionIndex();
  for (let len = 4; len >= 2; len--) {
    if (at - len < 0) continue;
    const f = forms.get(text.slice(at - len, at))?.filter((x) => x.division.level <= 2);
    if (f?.length) return { start: at - len, forms: f };
  }
  return null;
}

/** 村 or 社区 right after a name, where they are not the start of a word (村民, 村级, 社区居民 still head a village). */
function headsVillage(text: string, end: number): boolean {
  if (text.startsWith('社区', end)) return true;
  if (text[end] !== '村') return false;
  return !jiebaLexicon().words.has(text.slice(end, end + 2));
}

/** A dictionary place read across a word on either side (增加纳税 is not 加纳). */
function crossesWordBothSides(text: string, start: number, end: number, checkEnd: boolean): boolean {
  const { words } = jiebaLexicon();
  // 从中国, 在美国: a preposition in front makes a word with the name's first character only by accident (从中).
  if (start > 0 && words.has(text.slice(start - 1, start + 1)) && !(checkEnd && PREPOSITION.test(text[start - 1]))) return true;
  // A river or lake name is long enough to trust at its end (长江岸线 is 长江 + 岸线); a word that starts right after
  // the name splits it there (中国企业 is 中国 + 企业, not 中 + 国企).
  return checkEnd && end < text.length && end - start >= 2 && words.has(text.slice(end - 1, end + 1)) && !words.has(text.slice(start, end + 1)) && !words.has(text.slice(end, end + 2)) && !FUNCTION_AFTER.test(text[end]);
}

// 中国是, 美国的: a function character after a country makes a word with its last character only by accident (国是).
const FUNCTION_AFTER = /[是的和与在对将也已又就为及同向把被]/;

const PREPOSITION = /[从在向对与和同把被让给为于及到赴往自由据]/;

/**
 * 中国特色社会主义思想, …理论: a country inside the name of a doctrine is part of that name, as in a book title (the
 * phrase on its own, 中国特色社会主义道路, names the country's system: 中国 is a place there).
 */
export function headsDoctrine(text: string, end: number): boolean {
  return /^特色社会主义(?:思想|理论)/.test(text.slice(end, end + 10));
}

/** 湘赣, 湘赣边, 京津冀: two or more province abbreviations in a row, at least one unambiguous. */
const abbrCodes = new Uint8Array(65536);
for (const c of Object.keys(PROVINCE_ABBREVIATIONS)) abbrCodes[c.charCodeAt(0)] = 1;

function abbreviationRegionAt(text: string, i: number): number {
  if (!abbrCodes[text.charCodeAt(i)] || !abbrCodes[text.charCodeAt(i + 1)]) return 0;
  let j = i;
  while (j < text.length && PROVINCE_ABBREVIATIONS[text[j]]) j++;
  if (j - i < 2 || j - i > 4) return 0;
  if (i > 0 && isHan(text.charCodeAt(i - 1)) && PROVINCE_ABBREVIATIONS[text[i - 1]]) return 0;
  const s = text.slice(i, j);
  const e = jiebaLexicon().words.get(s);
  if (e && !PLACE_POS.has(e.pos)) return 0;
  if (!e && [...s].every((c) => AMBIGUOUS_ABBREVIATIONS.has(c))) return 0;
  if (new Set(s).size !== s.length) return 0;
  return text[j] === '边' ? j + 1 : j;
}

/** 株洲大道, 湘江路: a division name that starts a road or facility name. */
function isFacilityHead(text: string, end: number): boolean {
  const f = tries().facility.longestAt(text, end);
  if (!f) return false;
  const w = jiebaLexicon().words.get(text.slice(end, end + 2));
  return !(w && f.values[0].length === 1 && w.pos !== 'n');
}

/**
 * 北海道 is not 北海 + 道: a short form that begins a longer place name jieba's dictionary knows (and that is no
 * division name of its own) is part of that name; the name is left to the other place rules and the model.
 */
function headsLongerPlace(text: string, i: number, end: number, forms: DivisionForm[]): boolean {
  if (!forms.every((f) => f.short)) return false;
  const { words } = jiebaLexicon();
  const { forms: all } = divisionIndex();
  for (let k = end + 1; k <= end + 2 && k <= text.length; k++) {
    const w = text.slice(i, k);
    if (words.get(w)?.pos === 'ns' && !all.has(w)) return true;
  }
  return false;
}

/** A short form read across a word (浙江西部 is not 江西; 上海南站 is not 海南). */
function crossesWord(text: string, i: number, forms: DivisionForm[]): boolean {
  if (i === 0 || !forms.every((f) => f.short)) return false;
  const { words } = jiebaLexicon();
  for (let len = 2; len <= 3; len++) {
    const w = text.slice(i - 1, i - 1 + len);
    if (w.length === len && words.has(w)) return true;
  }
  return false;
}

/** 临江片区, 两江新区: an area name ending in a zone word, with a proper stem of its own. */
function namedAreas(seg: number, text: string): PlaceCandidate[] {
  const { area } = tries();
  const out: PlaceCandidate[] = [];
  for (let i = 1; i < text.length; i++) {
    const z = area.longestAt(text, i);
    if (!z) continue;
    let left = i;
    const { fullNames } = divisionIndex();
    // The stem ends where a division name ends (上虞区杭州湾经济技术开发区 → 杭州湾).
    while (left > 0 && isHan(text.charCodeAt(left - 1)) && i - left < 6 && !endsWithDivision(text, left, fullNames)) left--;
    const start = trimLeftStops(text, left, i);
    const stem = text.slice(start, i);
    const e = jiebaLexicon().words.get(stem);
    if (stem.length < 2 || stem.length > 5 || GENERIC_AREA_STEMS.has(stem) || (e && !PLACE_POS.has(e.pos))) continue;
    // 湖南湘江新区: a province or city at the start of the stem says where the area is.
    const lead = divisionIndex().trie.longestAt(text, start, i);
    const within = lead && lead.end - start >= 2 ? lead.values.filter((f) => f.division.level <= 2) : [];
    out.push({ seg, start, end: z.end, name: text.slice(start, z.end), forms: [], area: true, within });
    i = z.end - 1;
  }
  return out;
}

/**
 * Facility and road names (株洲北斗产业园展厅, 中国动力谷展示中心): a place that starts one is part of its name,
 * not a mention. Looks right from the place for a facility ending within the same run of words.
 */
export function insideFacilityName(text: string, end: number): boolean {
  const { facility } = tries();
  const { words, jieba } = jiebaLexicon();
  for (let j = end; j < text.length && j - end <= 6 && isHan(text.charCodeAt(j)); j++) {
    const f = facility.longestAt(text, j);
    if (!f) continue;
    // 思路, 道路, 路径: the ending must be a word of its own here.
    const before = words.get(text.slice(j - 1, f.end));
    const after = f.values[0].length === 1 ? words.get(text.slice(j, j + 2)) : undefined;
    if ((before && before.pos !== 'ns') || after) continue;
    // 柯桥区钱清街道建设实训基地: another division or a verb in between ends the facility name there.
    const between = text.slice(end, j);
    if (divisionIndex().fullNames.has(between)) return false;
    for (const tok of jieba.cut(between, false)) {
      const pos = words.get(tok)?.pos;
      if (pos === 'v' || pos === 'vn' || divisionIndex().fullNames.has(tok)) return false;
    }
    return true;
  }
  return false;
}

function endsWithDivision(text: string, at: number, fullNames: Set<string>): boolean {
  for (let len = 2; len <= 5 && len <= at; len++) if (fullNames.has(text.slice(at - len, at))) return true;
  return false;
}

export function isGenericAreaName(name: string): boolean {
  return GENERIC_AREA.test(name);
}

