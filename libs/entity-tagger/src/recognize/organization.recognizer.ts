import { divisionIndex } from '../lexicon/division.index';
import { chinaCompanyShortForms, companiesBeforeTitles, universityShortForms } from './company-context.rules';
import { jiebaLexicon } from '../lexicon/jieba.lexicon';
import { NATIONAL_MEDIA, REGIONAL_MEDIA } from '../lexicon/media.lexicon';
import { ADMIN_CHARS, ADMIN_PREFIXES, DEMOCRATIC_PARTIES, INTERNATIONAL_ORGS, isOrgSuffix, knownOrgNames, knownOrgTrie, NATIONAL_ORGANS, orgSuffixTrie } from '../lexicon/org.lexicon';
import { scanStops, STOP_CHARS } from '../lexicon/stop.lexicon';
import { titleHeadEndingAt, titleTrie } from '../lexicon/title.lexicon';
import { Trie } from '../lexicon/trie';
import { MACRO_REGIONS } from '../lexicon/region.lexicon';
import { worldPlaceNames } from '../lexicon/world-place.lexicon';
import { isHan, OPEN_QUOTES } from '../text/char-class.util';

export interface OrgCandidate {
  start: number;
  end: number;
  name: string;
}

const MAX_NAME = 24;
const MAX_WEAK = 16;
const STRONG_BEFORE = /(?:公司|集团|大学|学院|法院|检察院|医院|银行|研究院|出版社|报社|电视台)$/;
/** Parts of speech that make a dictionary word an ordinary noun phrase rather than a name stem. */
const NAME_POS = new Set(['nt', 'ns', 'nz', 'nr', 'nrt', 'nrfg', 'j', 'x', 'eng']);
const GENERIC_DESCRIPTORS = new Set(['乡村', '农村', '城乡', '城区', '中小', '各类', '部分', '当地', '本地', '各地', '全市', '全省', '全县', '多家', '各级', '民办', '公办', '企业']);
/** 两国政府, 各国议会, 县级人民政府, 当地人民法院: a count of countries, a level or a locality describes a body, it names none. */
const DESCRIPTOR = '(?:[两三四五六七八九十几多各诸]国|[省市县区乡镇村各]级|当地|地方|基层|上级|下级|同级|本级|唯一合法|合法)';
const DESCRIPTOR_STEM = new RegExp(`^${DESCRIPTOR}(?:人民)?$`);
const DESCRIPTOR_BEFORE = new RegExp(`${DESCRIPTOR}$`);
/** Stems that only point at an organization (该公司, 各大学, 子公司). */
const GENERIC_STEMS = new Set(['该', '本', '这', '那', '各', '每', '其', '此', '我', '全', '分', '子', '总', '母', '一家', '这家', '两家', '多家', '各大', '相关', '有关', '上市', '国有', '民营', '外资', '合资', '私营', '龙头', '骨干', '重点']);

/**
 * Organizations in one string: names ending in an organization word (局, 公司, 大学…) with a proper stem,
 * national organs, names jieba knows as organizations, and the bare 市委/省委 only where they stand alone.
 */
export function recognizeOrganizations(text: string, blocked: (start: number, end: number) => boolean): OrgCandidate[] {
  const found: OrgCandidate[] = [];
  const suffixes = orgSuffixTrie();
  const names = orgNameTrie();
  const { words } = jiebaLexicon();
  for (let i = 0; i < text.length; i++) {
    for (const hit of names.matchAt(text, i)) {
      // 红网 in 走红网络 or 红网红: a short name read across a word on either side is not the name.
      // 县级人民政府, 当地公安局: a dictionary body after a descriptor is a description.
      if (i > 0 && DESCRIPTOR_BEFORE.test(text.slice(Math.max(0, i - 4), i))) continue;
      if (hit.end - i <= (DEMOCRATIC_PARTIES[hit.values[0]] ? 2 : 3) && isShortName(hit.values[0]) && ((i > 0 && words.has(text.slice(i - 1, i + 1))) || words.has(text.slice(hit.end - 1, hit.end + 1)))) continue;
      found.push({ start: i, end: hit.end, name: hit.values[0] });
    }
    for (const hit of suffixes.matchAt(text, i)) {
      const c = candidateEndingWith(text, i, hit.end, hit.values[0].strong, hit.values[0].suffix);
      if (c) found.push(c);
    }
  }
  for (const m of text.matchAll(SCHOOL)) {
    const school = schoolBefore(text, m.index, m.index + m[0].length);
    if (school) found.push(school);
  }
  const kept = pickLongest(found.filter((c) => !blocked(c.start, c.end) && !isOfficeTitle(text, c)));
  // Names whose context says they are organizations: companies before a business title, universities' short forms.
  const byContext = [...companiesBeforeTitles(text), ...chinaCompanyShortForms(text), ...universityShortForms(text, kept.map((k) => k.name))].filter((c) => !blocked(c.start, c.end) && !kept.some((k) => k.start < c.end && c.start < k.end));
  return byContext.length ? pickLongest([...kept, ...byContext]) : kept;
}

let shortNames: Set<string> | null = null;
/** Media and party names short enough to be read across a word (走红网络, 农民建房): checked against the words around them. */
function isShortName(name: string): boolean {
  shortNames ??= new Set([...NATIONAL_MEDIA, ...Object.keys(REGIONAL_MEDIA), ...Object.keys(DEMOCRATIC_PARTIES)]);
  return shortNames.has(name);
}

const PAPER_SUFFIX = /^(?:日报|时报|晚报|晨报|商报|周报|都市报)$/;
const PAPER_STEM_POS = new Set(['n', 'nz', 'nt', 'ns', 'vn', 'j']);
/**
 * 经济日报, 工人日报, 环球时报: a noun before a paper's ending is the paper's name, though the noun alone is no name
 * (not before 报道 or 报告: 今日报道 is a report).
 */
function paperName(text: string, stem: string, suffix: string, end: number): boolean {
  if (!PAPER_SUFFIX.test(suffix) || stem.length < 2 || stem.length > 4 || /^[道告]/.test(text[end] ?? '')) return false;
  const e = jiebaLexicon().words.get(stem);
  return !!e && PAPER_STEM_POS.has(e.pos);
}

/** 终审法院, 高等法院, 宪法法院: the kind of a court names it, as a place would (not 中级法院 alone: a level, no court). */
const COURT_KINDS = new Set(['终审', '高等', '最高', '上诉', '宪法', '军事', '海事', '知识产权', '互联网']);
function courtName(stem: string, suffix: string): boolean {
  return (suffix === '法院' || suffix === '人民法院') && COURT_KINDS.has(stem);
}

/** A dictionary organization that is a descriptor and an ending (合法政府): no name. */
function describesOnly(name: string): boolean {
  for (let k = 1; k < name.length; k++) if (isOrgSuffix(name.slice(k)) && DESCRIPTOR_STEM.test(name.slice(0, k))) return true;
  return false;
}

let nameTrie: Trie<string> | null = null;
/** National organs, news media and the organizations jieba knows, in one trie. */
function orgNameTrie(): Trie<string> {
  if (nameTrie) return nameTrie;
  const t = new Trie<string>();
  for (const n of [...NATIONAL_ORGANS, ...INTERNATIONAL_ORGS, ...Object.keys(DEMOCRATIC_PARTIES), ...NATIONAL_MEDIA, ...Object.keys(REGIONAL_MEDIA)]) if (!t.has(n)) t.add(n, n);
  for (const n of knownOrgNames()) if (!t.has(n) && !describesOnly(n)) t.add(n, n);
  nameTrie = t;
  return t;
}

/** 市二中, 县一中: a level plus a numbered school. */
const SCHOOL_LEVEL = new Set([0x5e02, 0x53bf, 0x533a]); // 市 县 区
const SCHOOL = /[一二三四五六七八九十]{1,2}[中小](?![心国央华学间部])/g;

/** 市二中, 县一中, 贵阳一中: a level or a place right before a numbered school. */
function schoolBefore(text: string, numStart: number, end: number): OrgCandidate | null {
  let start = -1;
  if (numStart > 0 && SCHOOL_LEVEL.has(text.charCodeAt(numStart - 1))) start = numStart - 1;
  else {
    const { fullNames, trie } = divisionIndex();
    for (let len = 2; len <= 4 && start < 0 && len <= numStart; len++) {
      const name = text.slice(numStart - len, numStart);
      if (fullNames.has(name) || trie.has(name)) start = numStart - len;
    }
  }
  if (start < 0) return null;
  if (start > 0 && isHan(text.charCodeAt(start - 1)) && !STOP_CHARS.has(text[start - 1]) && !ADMIN_CHARS.has(text[start - 1])) return null;
  return { start, end, name: text.slice(start, end) };
}

// 中国动力谷展示中心 is a building, not a body.
const FACILITY_END = /(?:展示中心|会展中心|体育中心|购物中心|文化中心|活动中心|展览中心|[东西南北]站|高铁站|火车站|汽车站|地铁站|(?:大)?中小学)$/;

/** Endings that may follow a quoted slogan in a name (打造“三个高地”指挥部). */
const QUOTED_NAME_SUFFIXES = new Set(['指挥部', '领导小组', '办公室', '专班', '工作专班', '工作组', '组委会']);

function candidateEndingWith(text: string, sufStart: number, end: number, strong: boolean, suffix: string): OrgCandidate | null {
  if (!suffixStandsAlone(text, sufStart, end)) return null;
  if (titleHeadEndingAt(text, end) >= 0 && titleHeadEndingAt(text, end) < sufStart) return null;
  const left = leftExtent(text, sufStart);
  const quote = firstQuote(text, left, sufStart);
  const quoteOk = quote >= 0 && QUOTED_NAME_SUFFIXES.has(suffix);
  if (quote >= 0 && !quoteOk) return null;
  // Most 局/部/院 in running text have no official head at all: settle those before segmenting.
  if (!strong && !quoteOk && !anyHead(text, left, sufStart)) return null;
  const plainEnd = quote >= 0 ? quote : sufStart;
  const { cuts } = scanStops(text, left, plainEnd);
  // Across a verb only when an official head lies before it and the verb is one that names work (市委理论学习中心组),
  // not 认真落实省委 or 上虞区…新建研发中心.
  let start = cuts[cuts.length - 1];
  for (let k = cuts.length - 1; k >= 0; k--) {
    if (cuts[k] < plainEnd && isHeadAt(text, cuts[k], sufStart)) start = cuts[k];
    if (k > 0 && !ORG_VERBS.has(verbBefore(text, cuts[k]))) break;
  }
  if (quoteOk && start === quote) start = keepVerbBeforeQuote(text, left, start);
  start = afterPersonAddress(text, start, plainEnd);
  start = afterConjoinedOrgan(text, start, plainEnd);
  if (strong) {
    const stem = text.slice(start, sufStart);
    if (stem.length < 2 && !(stem.length === 1 && ADMIN_CHARS.has(stem))) return null;
    if (isGenericStem(stem) && !paperName(text, stem, suffix, end) && !courtName(stem, suffix)) return null;
    // 县级人民政府 read from its 政府: the 人民 of a described body is not a name either.
    if (stem === '人民' && DESCRIPTOR_BEFORE.test(text.slice(Math.max(0, start - 4), start))) return null;
  } else if (!quoteOk || start > quote) {
    const head = firstHead(text, start, sufStart);
    if (head < 0) return null;
    if (!isBrandPrefix(text.slice(start, head))) start = head;
    // A weak ending (中心, 局) reaching far back is a phrase, unless it is a body's own committee (…有限责任公司党委).
    if (end - start > MAX_WEAK && !(COMMITTEE_OF.test(suffix) && STRONG_BEFORE.test(text.slice(start, sufStart)))) return null;
  }
  if (end - start > MAX_NAME || end - start < 2 || FACILITY_END.test(text.slice(start, end))) return null;
  return { start, end, name: text.slice(start, end) };
}

/** Forms of address that end a person's name: nothing before them is part of an organization's name. */
const ADDRESS = /(?:同志|先生|女士|等人|一行)/g;

/** 张剑飞同志长沙市人民政府副市长职务: the organization starts after the person and the form of address. */
function afterPersonAddress(text: string, start: number, end: number): number {
  if (end - start < 4) return start;
  let cut = start;
  for (const m of text.slice(start, end).matchAll(ADDRESS)) cut = start + m.index + m[0].length;
  return cut;
}

/**
 * 区委组织部和县政府: a conjunction right after an organization's ending joins two bodies, even where it also
 * starts a place name (和县); the later body starts after it.
 */
function afterConjoinedOrgan(text: string, start: number, end: number): number {
  let cut = start;
  for (let p = start + 1; p < end - 1; p++) {
    if (!'和与及'.includes(text[p])) continue;
    for (let len = 1; len <= 3 && p - len >= start; len++) {
      if (isOrgSuffix(text.slice(p - len, p))) {
        cut = p + 1;
        break;
      }
    }
  }
  return cut;
}

/** Verbs that occur inside official names (学习中心组, 监督管理局, 发展和改革委员会). */
const ORG_VERBS = new Set(['终审', '上诉', '学习', '研究', '发展', '改革', '服务', '管理', '监管', '监督', '检测', '检验', '交易', '调度', '指挥', '促进', '保护', '建设', '投资', '开发', '规划', '设计', '培训', '救援', '执法', '审计', '统计', '评估', '保障', '治理', '打造', '推进', '协调', '联络', '应急', '控股', '生产', '经营', '创新', '孵化', '运营', '养护', '筹备', '组织']);

/** The two- to four-character word that ends at `at`. */
function verbBefore(text: string, at: number): string {
  const { words } = jiebaLexicon();
  for (let len = 4; len >= 2; len--) {
    const w = text.slice(at - len, at);
    if (w.length === len && words.has(w)) return w;
  }
  return '';
}

function firstQuote(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (OPEN_QUOTES.has(text[i])) return i;
  return -1;
}

/** Dictionary words rarer than this (局数, freq 2) are noise, not evidence against a reading. */
const COMMON = 50;

/** The suffix is a word of its own here: not the start of 部分/科技/局面, nor the end of 格局/干部/场所. */
function suffixStandsAlone(text: string, sufStart: number, end: number): boolean {
  const { words } = jiebaLexicon();
  // A one-character ending must not start a word (部分, 科技); 大学科研 is still 大学, but 大学校长 is not 大学校.
  if (end - sufStart > 1 && titleTrie().longestAt(text, end - 1)) return false;
  for (let len = 2; end - sufStart === 1 && len <= 3 && end + len - 1 <= text.length; len++) {
    const w = text.slice(end - 1, end - 1 + len);
    if (len > 1 && words.has(w) && !isOrgSuffix(w) && !isOrgSuffix(text.slice(sufStart, end - 1 + len))) {
      const e = words.get(w);
      if (e && e.freq >= COMMON && !NAME_POS.has(e.pos)) return false;
    }
  }
  // Only two-character words: 科技局 and 公安局 end like organizations, 格局 and 干部 do not.
  {
    const s = end - 2;
    if (s >= sufStart || s < 0) return true;
    const w = text.slice(s, end);
    const e = words.get(w);
    if (e && e.freq >= COMMON && !NAME_POS.has(e.pos) && !isOrgSuffix(w) && !ADMIN_CHARS.has(w[0])) return false;
  }
  return true;
}

/** How far left an organization name could reach: Han characters, balanced (…) and quoted “…”. */
function leftExtent(text: string, sufStart: number): number {
  let i = sufStart;
  while (i > 0 && sufStart - i < MAX_NAME) {
    const c = text[i - 1];
    if (isHan(text.charCodeAt(i - 1))) {
      i--;
      continue;
    }
    if (c === ')' || c === '）' || c === '”' || c === '」') {
      const open = c === ')' ? '(' : c === '）' ? '（' : c === '”' ? '“' : '「';
      const j = text.lastIndexOf(open, i - 2);
      if (j >= 0 && i - 1 - j <= 12 && !/[，,。；;\n]/.test(text.slice(j, i - 1))) {
        i = j;
        continue;
      }
    }
    break;
  }
  return i;
}

/** 打造“三个高地”指挥部: a verb right before a quoted slogan belongs to the name, with a level in front of it. */
function keepVerbBeforeQuote(text: string, left: number, start: number): number {
  if (!OPEN_QUOTES.has(text[start] ?? '')) return start;
  const { words } = jiebaLexicon();
  const verb = text.slice(start - 2, start);
  if (start - 2 >= left && words.get(verb)?.pos === 'v') {
    start -= 2;
    if (start - 1 >= left && ADMIN_CHARS.has(text[start - 1])) start -= 1;
  }
  return start;
}

/** An official name can begin at p: a level (市, 中共), a province or city, or an organization jieba knows. */
function isHeadAt(text: string, p: number, to: number): boolean {
  if (ADMIN_CHARS.has(text[p])) {
    // 市场, 村民, 区域 are words, not 市/村/区 + an organ; 市委, 村委 and 市政府 are.
    const w = jiebaLexicon().words.get(text.slice(p, p + 2));
    return !w || w.freq < COMMON || NAME_POS.has(w.pos) || isOrgSuffix(text[p + 1]) || text.startsWith('政府', p + 1);
  }
  if (adminPrefixTrie().longestAt(text, p, to)) return true;
  for (const h of divisionIndex().trie.matchAt(text, p, to)) {
    if (h.end - p >= 2 && h.values.some((f) => (f.short ? f.division.level <= 2 : f.division.level <= 3))) return true;
  }
  // 墨西哥参议院, 赞比亚国防部, 东南亚国家联盟: a country or a world region heads its bodies as a province heads its own.
  if (countryAt(text, p, to)) return true;
  return knownOrgTrie().longestAt(text, p, to) !== null || orgNameTrie().longestAt(text, p, to) !== null;
}

let macroRegions: Set<string> | null = null;
/** A country or a world region (东南亚国家联盟, 亚洲开发银行) starting at p. */
function countryAt(text: string, p: number, to: number): boolean {
  const world = worldPlaceNames();
  macroRegions ??= new Set(MACRO_REGIONS);
  for (let len = 2; len <= 8 && p + len <= to; len++) {
    const name = text.slice(p, p + len);
    if (world.get(name) === 'country' || macroRegions.has(name)) return true;
  }
  return false;
}

let prefixes: Trie<string> | null = null;
function adminPrefixTrie(): Trie<string> {
  if (prefixes) return prefixes;
  prefixes = new Trie<string>();
  for (const a of ADMIN_PREFIXES) prefixes.add(a, a);
  return prefixes;
}

function anyHead(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (isHeadAt(text, p, to)) return true;
  return false;
}

/** The first place in [from, to) where an official name can begin, or -1. */
function firstHead(text: string, from: number, to: number): number {
  for (let p = from; p < to; p++) {
    if (ADMIN_CHARS.has(text[p]) && p !== from) continue;
    if (isHeadAt(text, p, to)) return p;
  }
  return -1;
}

/** 中车 in 中车株洲所: a short unknown word before the place is the brand, not a lead-in to cut. */
function isBrandPrefix(s: string): boolean {
  return s.length >= 2 && s.length <= 3 && !jiebaLexicon().words.has(s);
}

export function isGenericStem(stem: string): boolean {
  if (GENERIC_STEMS.has(stem) || /^[这那该每各一两三几本][所家个座]$/.test(stem)) return true;
  if (DESCRIPTOR_STEM.test(stem)) return true;
  // 宁乡乡村学校: a place and a description, not a name.
  const placeLen = divisionIndex().trie.longestAt(stem, 0)?.end ?? 0;
  if (placeLen && GENERIC_DESCRIPTORS.has(stem.slice(placeLen))) return true;
  if (stem.length === 1 && ADMIN_CHARS.has(stem)) return false;
  const e = jiebaLexicon().words.get(stem);
  return !!e && !NAME_POS.has(e.pos) && !divisionIndex().trie.has(stem);
}

/** 市委书记 or 市政府副秘书长: a bare level+organ in front of a title is part of the title, not an organization. */
function isOfficeTitle(text: string, c: OrgCandidate): boolean {
  if (!isBareOrgan(c.name)) return false;
  const after = text[c.end] === '副' ? c.end + 1 : c.end;
  return titleTrie().longestAt(text, after) !== null;
}

/** 市委, 省委, 县政府, 党委: a level and an organ word, no name of its own. */
export function isBareOrgan(name: string): boolean {
  let i = name.startsWith('街道') ? 2 : 0;
  while (i < name.length && ADMIN_CHARS.has(name[i])) i++;
  const rest = name.slice(i);
  return /^(委|党委|党组|政府|人民政府|人大|人大常委会|政协|纪委|监委|委员会|党工委|工委|管委会|党支部|党总支|支部|村委|村委会|居委会|党组织)?$/.test(rest) && rest.length + i > 0;
}

/**
 * Overlapping candidates: keep the longest, then the earliest. A body and its own party committee are both kept
 * (中国贵州茅台酒厂（集团）有限责任公司 and …党委), as the title names both.
 */
function pickLongest(cands: OrgCandidate[]): OrgCandidate[] {
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: OrgCandidate[] = [];
  for (const c of cands) {
    const clash = kept.find((k) => k.start < c.end && c.start < k.end);
    if (!clash) kept.push(c);
    else if (clash.start === c.start && COMMITTEE_OF.test(clash.name.slice(c.name.length)) && !isBareOrgan(c.name)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
const COMMITTEE_OF = /^(党委|党组|党总支|党支部|纪委|工会)$/;
