import { divisionIndex } from '../lexicon/division.index';
import { jiebaLexicon } from '../lexicon/jieba.lexicon';
import { AMBIGUOUS_ABBREVIATIONS, PROVINCE_ABBREVIATIONS } from '../lexicon/region.lexicon';
import { isHan } from '../text/char-class.util';
import type { PlaceHit } from '../text/span.model';

/**
 * One-character abbreviations of countries as news writes them in coordinated compounds (中美, 中俄, 中日韩):
 * standard short forms whose full name is unique (巴 for 巴基斯坦 or 巴西, 西, 以, 伊 are left out).
 */
export const COUNTRY_ABBREVIATIONS: Record<string, string> = {
  中: '中国', 美: '美国', 俄: '俄罗斯', 日: '日本', 韩: '韩国', 朝: '朝鲜', 英: '英国', 法: '法国', 德: '德国', 意: '意大利',
  加: '加拿大', 澳: '澳大利亚', 印: '印度', 越: '越南', 泰: '泰国', 菲: '菲律宾', 新: '新加坡', 荷: '荷兰', 葡: '葡萄牙',
  波: '波兰', 匈: '匈牙利', 捷: '捷克', 希: '希腊', 埃: '埃及', 墨: '墨西哥', 蒙: '蒙古', 老: '老挝', 缅: '缅甸', 柬: '柬埔寨',
};

/** Continents by their first character, as in 亚欧, 欧美, 亚非拉: of the countries' level, so a run may mix them. */
export const CONTINENT_ABBREVIATIONS: Record<string, string> = { 亚: '亚洲', 欧: '欧洲', 非: '非洲', 拉: '拉丁美洲' };

// What follows a coordinated compound of abbreviations: a relation between the places or the region they form.
const RELATION = /^(?:关系|两国|三国|四国|五国|六国|双方|三方|四方|合作|贸易|经贸|边境|边界|地区|两地|三地|四地|五地|联合|会谈|会晤|协定|协议|峰会|首脑|元首|领导人|外长|友好|友谊|对话|谈判|磋商|交流|建交|同胞|协同|一体化|战略|伙伴|联合声明|交界|毗邻)/;
// Words that say a country run (两国, 三国, 首脑) or a province run (两地, 三地, 同胞) when a run reads both ways.
const COUNTRY_CUE = /^(?:两国|三国|四国|五国|六国|首脑|元首|领导人|外长|建交)/;

/**
 * 中美关系, 中日韩三国, 港澳同胞, 京津冀地区, 沪苏浙皖三地: a run of two to four one-character abbreviations, all of the
 * same level (countries, or provinces and regions), followed by a relation or region noun, or standing alone between
 * punctuation (the whole coordinated list). Each character is a place mention, linked to its full name: 美 → 美国
 * (no code), 京 → 北京市 (its code). 两岸 is no such run (两 is no abbreviation).
 */
export function abbreviationRuns(text: string, blocked: (start: number, end: number) => boolean): PlaceHit[] {
  const out: PlaceHit[] = [];
  const { words } = jiebaLexicon();
  for (let i = 0; i < text.length; i++) {
    if (!isAbbr(text[i])) continue;
    let j = i;
    while (j < text.length && isAbbr(text[j]) && j - i < 5) j++;
    let start = i;
    // 今日中美关系: a character that makes a word with the one before the run is that word's (今日).
    if (start > 0 && isHan(text.charCodeAt(start - 1)) && (words.get(text.slice(start - 1, start + 1))?.freq ?? 0) >= 50) start++;
    const run = text.slice(start, j);
    i = j - 1;
    if (run.length < 2 || run.length > 4 || new Set(run).size !== run.length) continue;
    const after = text.slice(j, j + 4);
    const relation = RELATION.test(after);
    const alone = (start === 0 || !isHan(text.charCodeAt(start - 1))) && (j >= text.length || !isHan(text.charCodeAt(j)));
    if (!relation && !alone) continue;
    // A word of the language (日美 is none; 中日 a time word, 美德 a virtue) only counts before a relation noun.
    const e = words.get(run);
    if (!relation && e && !/^(?:ns|j)$/.test(e.pos)) continue;
    if (blocked(start, j)) continue;
    out.push(...runPlaces(run, start, after));
  }
  return out;
}

/**
 * The places of a run of abbreviations at `start` (the model's LOC 中美 is two places), or none when its characters
 * are not all abbreviations of one level. `after` is the text that follows, to choose a level a run reads both ways.
 */
export function runPlaces(run: string, start: number, after: string): PlaceHit[] {
  const out: PlaceHit[] = [];
  const chars = [...run];
  if (chars.length < 2 || chars.length > 4 || new Set(chars).size !== chars.length) return out;
  {
    const countries = chars.every((c) => COUNTRY_ABBREVIATIONS[c] || CONTINENT_ABBREVIATIONS[c]);
    const provinces = chars.every((c) => PROVINCE_ABBREVIATIONS[c]);
    if (!countries && !provinces) return out;
    const asCountries = countries && (!provinces || COUNTRY_CUE.test(after));
    for (let k = 0; k < chars.length; k++) {
      const c = chars[k];
      const at = start + k;
      if (asCountries) {
        out.push({ seg: 0, start: at, end: at + 1, name: c, division: null, canonicalName: COUNTRY_ABBREVIATIONS[c] ?? CONTINENT_ABBREVIATIONS[c], within: null });
      } else {
        const d = divisionIndex().byRaw.get(PROVINCE_ABBREVIATIONS[c]) ?? null;
        out.push({ seg: 0, start: at, end: at + 1, name: c, division: d, canonicalName: d?.name ?? null, within: null });
      }
    }
  }
  return out;
}

// 访华, 抵京, 驻港, 旅美, 对日: verbs of going, staying and dealing that news writes straight before a place's
// one-character abbreviation. 华 is China only here (华人, 华北 are words and fail the test below).
const VISIT_VERBS = new Set('访来赴抵离返回在驻旅留进入晋对援侵抗'.split(''));
const VISITED: Record<string, string> = { 华: '中国', 美: '美国', 俄: '俄罗斯', 日: '日本', 英: '英国', 法: '法国', 德: '德国', 韩: '韩国' };
const VISITED_PROVINCES = new Set('京沪港台藏'.split(''));

/**
 * 访华, 抵京, 驻港, 旅美: one abbreviation straight after a verb of going, staying or dealing is a place mention (华 →
 * 中国, 京 → 北京市 with its code), when it makes no word with the character after it (在京剧, 来华人, 赴美国 and
 * 在日益 are other words) and the verb makes none with the character before it (现在, 后来, 存在 are not 在, 来).
 * Only abbreviations that news uses this way alone; the others (新, 云, 宁…) mean too much else.
 */
export function visitedAbbreviations(text: string, blocked: (start: number, end: number) => boolean): PlaceHit[] {
  const out: PlaceHit[] = [];
  const { words } = jiebaLexicon();
  const isWord = (w: string): boolean => (words.get(w)?.freq ?? 0) >= 20;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (!VISITED[c] && !VISITED_PROVINCES.has(c)) continue;
    if (!VISIT_VERBS.has(text[i - 1])) continue;
    if (i + 1 < text.length && (isAbbr(text[i + 1]) || isWord(text.slice(i, i + 2)) || isWord(text.slice(i, i + 3)))) continue;
    if (i >= 2 && isHan(text.charCodeAt(i - 2)) && isWord(text.slice(i - 2, i))) continue;
    if (blocked(i, i + 1)) continue;
    if (VISITED[c]) {
      out.push({ seg: 0, start: i, end: i + 1, name: c, division: null, canonicalName: VISITED[c], within: null });
    } else {
      const d = divisionIndex().byRaw.get(PROVINCE_ABBREVIATIONS[c]) ?? null;
      out.push({ seg: 0, start: i, end: i + 1, name: c, division: d, canonicalName: d?.name ?? null, within: null });
    }
  }
  return out;
}

/**
 * 中方, 美方, 英方, 港方: a country's (or 港's, 台's) abbreviation before 方 (side) is that country in talks and
 * agreements. Not where the abbreviation makes a word with the character before it (集中方式, 增加方法) or 方 with the
 * one after it (方面, 方向, 方式).
 */
export function sideAbbreviations(text: string, blocked: (start: number, end: number) => boolean): PlaceHit[] {
  const out: PlaceHit[] = [];
  const { words } = jiebaLexicon();
  const isWord = (w: string): boolean => (words.get(w)?.freq ?? 0) >= 20;
  for (let i = text.indexOf('方'); i > 0; i = text.indexOf('方', i + 1)) {
    const at = i - 1;
    const c = text[at];
    const place = c === '港' || c === '台' ? modelAbbreviationPlace(text, at, true) : COUNTRY_ABBREVIATIONS[c] && !PROVINCE_ABBREVIATIONS[c] ? modelAbbreviationPlace(text, at, true) : null;
    if (!place) continue;
    if (at > 0 && isHan(text.charCodeAt(at - 1)) && (isWord(text.slice(at - 1, at + 1)) || isAbbr(text[at - 1]))) continue;
    if (i + 1 < text.length && isWord(text.slice(i, i + 2))) continue;
    if (blocked(at, i + 1)) continue;
    out.push(place);
  }
  return out;
}

/**
 * 俄, 英, 港, 沪 where the model reads a one-character place (俄方, 英方 aside: those make words): the abbreviation's
 * place, when the character has one reading here (澳 is Macao or Australia, 新 and 云 are mostly not places) and makes
 * no word with the one after it.
 */
export function modelAbbreviationPlace(text: string, at: number, beforeWordOk = false): PlaceHit | null {
  const c = text[at];
  const country = VISITED[c] ?? (PROVINCE_ABBREVIATIONS[c] ? undefined : COUNTRY_ABBREVIATIONS[c]);
  const province = !country && PROVINCE_ABBREVIATIONS[c] && (!AMBIGUOUS_ABBREVIATIONS.has(c) || VISITED_PROVINCES.has(c));
  if (!country && !province) return null;
  const { words } = jiebaLexicon();
  if (!beforeWordOk && at + 1 < text.length && (words.get(text.slice(at, at + 2))?.freq ?? 0) >= 20) return null;
  if (country) return { seg: 0, start: at, end: at + 1, name: c, division: null, canonicalName: country, within: null };
  const d = divisionIndex().byRaw.get(PROVINCE_ABBREVIATIONS[c]) ?? null;
  return { seg: 0, start: at, end: at + 1, name: c, division: d, canonicalName: d?.name ?? null, within: null };
}

function isAbbr(c: string): boolean {
  return !!(COUNTRY_ABBREVIATIONS[c] || PROVINCE_ABBREVIATIONS[c]);
}
