import { divisionIndex } from '../lexicon/division.index';
import { isPersonPos, jiebaLexicon } from '../lexicon/jieba.lexicon';
import { isOrgSuffix, knownOrgNames, NATIONAL_ORGANS } from '../lexicon/org.lexicon';
import { FACILITY_SUFFIXES } from '../lexicon/region.lexicon';
import { isBareOrgan } from '../recognize/organization.recognizer';
import { surnameLength } from '../lexicon/surname.lexicon';
import { worldPlaceNames } from '../lexicon/world-place.lexicon';
import { isChinaCompanyShortForm } from '../recognize/company-context.rules';
import { plausibleName, vouchedName } from '../recognize/person-name.rules';
import { isGenericAreaName } from '../recognize/place.recognizer';
import type { Division } from '../lexicon/division.index';
import { isAllHan, isHan } from '../text/char-class.util';

/**
 * What a statistical tagger (libs/lexical-analyzer: Baidu LAC) proposes for one text: [start, end) in UTF-16 units
 * of the text the engine tags. The rules decide what is kept (see the accept* functions and tagger.engine.ts).
 */
export interface ModelSpan {
  start: number;
  end: number;
  type: 'PER' | 'LOC' | 'ORG';
}

/** Computes proposals for a text, asynchronously (the model runs off the main thread); the engine itself stays synchronous. */
export interface ModelProposer {
  propose(texts: readonly string[]): Promise<ModelSpan[][]>;
}

const FOREIGN_SEPARATOR = /[·•・]/;
// Media are named by what they are (人民日报, 红网, 湖南卫视), parties and armed forces too (国民党, 解放军): the
// model's ORG ending in one of these is an organization.
const MEDIA_ENDING = /(?:日报|晚报|时报|早报|商报|报|网|卫视|电视台|台|党|军|部队|联盟|组织|俱乐部)$/;
// Words of the language that end names of places (a mountain, a river, a village…): a model LOC ending so is a place.
const PLACE_ENDING = /(?:[山峰岭江河湖海洋湾港岛洲川溪泉峡谷原村庄屯寨镇乡区县州省国关口坝滩]|山脉|社区)$/;
// Built things (桥, 楼, 馆…) and the facility endings of the place rules: facilities are not place mentions.
const STRUCTURE_LAST = new Set([...'桥楼厅馆站场园店厦坊亭塔门院校厂库']);
// Word classes a two-character given name is not (各位同志, 广大同志: pronouns, numerals, adverbs, adjectives).
const EVERYDAY_WORD_POS = new Set(['r', 'm', 'd', 'p', 'c', 'u', 'q', 'f', 't', 'v', 'a']);

/** No word, a name's word, or a rare word of no everyday class: what a given name can be (大家, 青年, 全体 are not). */
function isRareWord(name: string): boolean {
  const e = jiebaLexicon().words.get(name);
  return !e || isPersonPos(e.pos) || (e.freq < 500 && !EVERYDAY_WORD_POS.has(e.pos));
}
const PROPER_NAME_POS = new Set(['ns', 'nsf', 'nr', 'nrt', 'nrfg', 'nz']);

/**
 * A model PER the rules accept: a name jieba's dictionary lists as a person's, a Chinese name the name rules find
 * plausible (surname, one- or two-character given name, not a word, not a place), or a foreign name (written with a middle dot, or 3+ characters that do not start
 * with a surname and are not a word jieba knows as something else). A span that starts with a surname but fails the
 * name rules is a misplaced boundary (张剑飞同志), not a name.
 */
export function acceptModelPerson(name: string, after = ''): boolean {
  if (name.length < 2) return false;
  // 小平同志, 恩来同志: a given name alone before 同志 is how the party names its own; with the model's PER it is one.
  if (name.length === 2 && after.startsWith('同志') && isAllHan(name) && !surnameLength(name) && isRareWord(name)) return true;
  if (FOREIGN_SEPARATOR.test(name)) {
    const parts = name.split(FOREIGN_SEPARATOR);
    return parts.every((p) => p.length >= 1 && isAllHan(p)) && name.length <= 16;
  }
  if (!isAllHan(name)) return false;
  // 马拉维, 吉隆坡: a country or a place jieba lists is that place, even where the model reads a foreign name.
  if (worldPlaceNames().has(name) || /^ns/.test(jiebaLexicon().words.get(name)?.pos ?? '')) return false;
  // A name jieba's dictionary lists as a person's (nr, nrt: 毛泽东, transliterations) is one the rules know too,
  // unless what follows the surname is a word of another kind (李女士, 王老师: a form of address).
  const { words } = jiebaLexicon();
  if (isPersonPos(words.get(name)?.pos)) {
    const surname = surnameLength(name);
    const rest = surname ? words.get(name.slice(surname)) : undefined;
    if (!rest || isPersonPos(rest.pos)) return true;
  }
  if (plausibleName(name, true) || vouchedName(name)) return true;
  // 瓦西里斯, 罗季奥诺夫: written in the characters used to transcribe foreign names, though it starts like a surname.
  if (isTranscribedName(name) && !words.has(name)) return true;
  if (surnameLength(name) > 0 || name.length < 3 || name.length > 8) return false;
  const e = jiebaLexicon().words.get(name);
  return !e || isPersonPos(e.pos);
}

// Characters of the standard transcription of foreign names (新华社 usage): a name written only in them reads as foreign.
const TRANSCRIPTION = new Set(
  '阿埃艾安昂奥巴班邦贝本比彼宾波伯博布采策查达戴丹德迪蒂丁东杜多厄恩尔法凡菲费芬丰弗福富夫娜娃柯捷季缅尤盖甘冈戈格根古哈海汉豪赫亨胡华霍基吉加贾杰金居卡凯坎科克肯库夸奎拉莱兰朗劳勒雷里利列林琳隆卢鲁伦罗洛马迈曼梅门蒙米明莫姆穆纳奈南内尼涅纽努诺帕潘佩彭皮珀普齐奇乔切钦琼丘让热瑞若萨塞桑瑟森沙舍圣施什斯松苏索塔泰坦汤特滕提图托瓦万威韦维温沃乌西希谢辛休雅亚扬耶伊因约泽扎詹兹佐'.split(''),
);

/** Three to eight characters, all but at most one of them transcription characters (one of five or more may be otherwise). */
function isTranscribedName(name: string): boolean {
  if (name.length < 3 || name.length > 8) return false;
  let other = 0;
  for (const c of name) if (!TRANSCRIPTION.has(c)) other++;
  return other === 0 || (other === 1 && name.length >= 5);
}

/**
 * A model ORG the rules accept: it ends in an organization word of the lexicon (委员会, 公司, 大学, 局, 社…) or a
 * medium's ending, or it is a national organ or an organization jieba knows. 2+ characters, not a division name.
 */
export function acceptModelOrganization(name: string): boolean {
  if (name.length < 2 || name.length > 30) return false;
  if (!isHan(name.charCodeAt(0))) return false;
  if (divisionIndex().forms.has(name)) return false;
  // 市委, 省政协, 街道党工委: a level and an organ, the rules' convention leaves these out (as in 市委书记).
  if (isBareOrgan(name)) return false;
  if (NATIONAL_ORGANS.includes(name) || knownOrgs().has(name)) return true;
  // jieba's dictionary knows it as an organization (nt) or an abbreviation (j: 欧盟, 北约): with the model's ORG,
  // two sources agree.
  const pos = jiebaLexicon().words.get(name)?.pos;
  if (pos === 'nt' || pos === 'j') return true;
  // 中国中车: the shape of a national group's short form, with the model's ORG for context.
  if (isChinaCompanyShortForm(name)) return true;
  if (MEDIA_ENDING.test(name)) return true;
  for (let k = Math.max(1, name.length - 7); k < name.length; k++) {
    // The ending must leave a head in front of it (a bare 委员会 is not a name).
    if (isOrgSuffix(name.slice(k))) return true;
  }
  return false;
}

/**
 * A model LOC the rules accept that no place rule found: a known country or natural feature, a name ending in a
 * place word (山, 江, 村, 路…), or a two- to six-character name jieba does not know as a word of another kind.
 */
export function acceptModelPlace(name: string): boolean {
  if (name.length < 2 || name.length > 12 || !isAllHan(name)) return false;
  if (STRUCTURE_LAST.has(name[name.length - 1]) || FACILITY_SUFFIXES.some((f) => name.endsWith(f))) return false;
  const { words } = jiebaLexicon();
  const e = words.get(name);
  // A division the place rules left out for want of context (a county's short form alone): the model's reading of
  // the sentence is that context; generic names (城区, 新区) and words of another kind stay out.
  // jieba files many divisions under other proper-name kinds (张家口 nr, 广元 nz, 香港特别行政区 nt): with the model's
  // LOC, only an everyday word of another class (安定, a verb) is not the place; a full name always is.
  const forms = divisionIndex().forms.get(name);
  if (forms) return !isGenericAreaName(name) && (!e || forms.some((f) => !f.short) || !EVERYDAY_WORD_POS.has(e.pos));
  if (worldPlaceNames().has(name)) return true;
  // A word of the language of another kind (a noun, a verb) is not a name, whatever the model says; a proper name
  // jieba files under people or other names (nr, nrt for transliterations, nz) can be a place where the model reads one.
  if (e && !PROPER_NAME_POS.has(e.pos)) return false;
  // 国家城中村: a common word in front of a word is a description, not a name.
  for (let k = 2; k <= name.length - 2; k++) {
    const head = words.get(name.slice(0, k));
    const tail = words.get(name.slice(k));
    if (head && tail && !/^ns|^nr|^nz|^j/.test(head.pos) && head.freq >= 1000) return false;
  }
  // 城中村, 农村: a settlement word after a common word (a locative, a noun) is a word, not a village's name.
  const settlement = /(?:村|社区|镇|乡)$/.exec(name);
  if (settlement) {
    const stem = words.get(name.slice(0, settlement.index));
    if (stem && !/^ns|^nr|^nz|^j/.test(stem.pos) && stem.freq >= 1000) return false;
  }
  if (e) return true;
  if (PLACE_ENDING.test(name)) return true;
  return name.length <= 6;
}

let orgSet: Set<string> | null = null;
function knownOrgs(): Set<string> {
  return (orgSet ??= new Set(knownOrgNames()));
}

/**
 * The proposals of one type that `accept` takes, outside `blocked` (spans the rules claimed: theirs win), in text
 * order, each as a hit of segment 0 of the joined text.
 */
export function acceptedProposals(
  text: string,
  proposals: readonly ModelSpan[],
  type: ModelSpan['type'],
  accept: (name: string, after: string) => boolean,
  blocked: (start: number, end: number) => boolean,
): Array<{ seg: number; start: number; end: number; name: string }> {
  const out: Array<{ seg: number; start: number; end: number; name: string }> = [];
  for (const p of proposals) {
    if (p.type !== type || p.end > text.length) continue;
    const name = text.slice(p.start, p.end);
    if (name.includes('\n') || !accept(name, text.slice(p.end, p.end + 2)) || blocked(p.start, p.end)) continue;
    out.push({ seg: 0, start: p.start, end: p.end, name });
  }
  return out;
}

/** The division a model LOC names, when its name is one division's only (full or short) form; else null (no code). */
export function divisionOfModelPlace(name: string): { division: Division; canonicalName: string | null } | null {
  const forms = divisionIndex().forms.get(name);
  if (!forms) return null;
  const divisions = new Set(forms.map((f) => f.division));
  if (divisions.size !== 1) return null;
  const division = forms[0].division;
  return { division, canonicalName: division.name === name ? null : division.name };
}
