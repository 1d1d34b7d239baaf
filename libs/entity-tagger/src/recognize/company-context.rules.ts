import { divisionIndex } from '../lexicon/division.index';
import { jiebaLexicon } from '../lexicon/jieba.lexicon';
import { isOrgSuffix } from '../lexicon/org.lexicon';
import { trimLeftStops } from '../lexicon/stop.lexicon';
import { isAllHan, isHan } from '../text/char-class.util';
import { plausibleName } from './person-name.rules';

export interface NameSpan {
  start: number;
  end: number;
  name: string;
}

/** Titles only a company has: the name right before them is the company's (山河智能董事长). */
const BUSINESS_TITLES = ['董事长', '副董事长', '总经理', '副总经理', '总裁', '副总裁', '首席执行官', '创始人', '联合创始人'];
/** Words that only point at a company, never name one (公司董事长, 该集团总裁). */
const GENERIC = /^(?:公司|集团|企业|该公司|本公司|我公司|全公司|母公司|子公司|分公司|总公司|上市公司|龙头企业|民营企业|国有企业|合资公司|董事会|股份|控股|集团公司|企业集团|原|前|现|副|时任|首任|新任)$/;
const NAME_POS = new Set(['nt', 'nz', 'ns', 'x', 'eng', 'j']);

/**
 * Companies named only by their short form, found by the context that says they are companies: a business title
 * right after the name (山河智能董事长, 某某科技总经理). The name is what stands between the last function word or
 * verb and the title; a place alone, a generic word (公司, 企业) or an ordinary word is not a company.
 * Every later occurrence of a name found this way in the same text is a mention too.
 */
export function companiesBeforeTitles(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  const names = new Set<string>();
  for (const title of BUSINESS_TITLES) {
    for (let k = text.indexOf(title); k >= 0; k = text.indexOf(title, k + 1)) {
      // 副董事长 inside 董事长's search: the longer title is tried on its own.
      if (title === '董事长' && text[k - 1] === '副') continue;
      if (title === '总经理' && text[k - 1] === '副') continue;
      let left = k;
      while (left > 0 && k - left < 8 && isHan(text.charCodeAt(left - 1))) left--;
      const start = trimLeftStops(text, left, k);
      const name = text.slice(start, k);
      if (plausibleCompany(name)) names.add(name);
    }
  }
  if (!names.size) return out;
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      if (out.some((o) => o.start < i + name.length && i < o.end)) continue;
      if (i > 0 && isHan(text.charCodeAt(i - 1)) && jiebaLexicon().words.has(text.slice(i - 1, i + 1))) continue;
      out.push({ start: i, end: i + name.length, name });
    }
  }
  return out;
}

/** Verbs before a company's name and words after it that only a company takes (助力中国中车, 中国中车旗下). */
const COMPANY_BEFORE = /(?:助力|携手|联手|牵手|入股|收购|并购|控股)$/;
const COMPANY_AFTER = /^(?:旗下|控股|股份|董事长|副董事长|总经理|副总经理|总裁|副总裁|首席执行官)/;
const FUNCTION_CHAR = /[的了在是和与及等将把被从向对为也都就而或又才所之其各每这那该本]/;

/**
 * 中国 + a short company name (中国中车, 中国宝武): the national groups' short forms carry 中国 in front of a two-
 * character stem that is not a word of the language (中车, not 经济 or 制造). Taken where the context says company:
 * a company verb before it (助力, 携手, 收购…) or a company word after it (旗下, 董事长…). Later occurrences of a
 * name found so are mentions too.
 */
export function chinaCompanyShortForms(text: string): NameSpan[] {
  const names = new Set<string>();
  for (let k = text.indexOf('中国'); k >= 0; k = text.indexOf('中国', k + 1)) {
    const name = text.slice(k, k + 4);
    if (!isChinaCompanyShortForm(name)) continue;
    if (COMPANY_BEFORE.test(text.slice(Math.max(0, k - 2), k)) || COMPANY_AFTER.test(text.slice(k + 4, k + 10))) names.add(name);
  }
  const out: NameSpan[] = [];
  for (const name of names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) out.push({ start: i, end: i + name.length, name });
  }
  return out;
}

/** 中国 + two characters that are no word, no place and no function word: the shape of a national group's short form. */
export function isChinaCompanyShortForm(name: string): boolean {
  if (name.length !== 4 || !name.startsWith('中国') || !isAllHan(name)) return false;
  const stem = name.slice(2);
  if (FUNCTION_CHAR.test(stem[0]) || /^[一二两三四五六七八九十百千万亿第]/.test(stem)) return false;
  const { words } = jiebaLexicon();
  const e = words.get(stem);
  // A common word (经济, 特色, 人民; rare dictionary entries are noise) is what 中国 qualifies, not a stem.
  if (e && !(e.pos === 'j' || e.pos === 'nz') && e.freq >= 200) return false;
  // 中国企, 中国人: a common word made of 中国's last character and the stem (国企, 国人) reads across.
  for (const w of [name.slice(1, 3), name.slice(1, 4)]) if ((words.get(w)?.freq ?? 0) >= 100) return false;
  const { forms } = divisionIndex();
  return !forms.has(stem) && !forms.has(stem[0]);
}

function plausibleCompany(name: string): boolean {
  if (name.length < 3 || name.length > 8 || !isAllHan(name) || GENERIC.test(name)) return false;
  // 两家企业, 各成员单位, 这家公司: a count or a pointer and a generic noun.
  if (/^[一二两三四五六七八九十几多各每这那该本其]/.test(name) || /(?:企业|单位|厂家|厂商|商家|双方|各方|公司|集团)$/.test(name)) return false;
  // An organization ending is the grammar's business (…公司, …局); a place alone is a place (株洲, 湖南省).
  for (let len = 1; len <= 4 && len < name.length; len++) if (isOrgSuffix(name.slice(-len))) return false;
  const { fullNames, forms } = divisionIndex();
  if (fullNames.has(name) || forms.has(name)) return false;
  const e = jiebaLexicon().words.get(name);
  if (e && !NAME_POS.has(e.pos)) return false;
  // A person before a title (王建国总经理) is not a company.
  return !plausibleName(name) && !/^(?:原|前|现|副|新任)/.test(name);
}

/**
 * Short forms of the universities an article names in full: 湖南大学 → 湖大, 湖南农业大学 → 湖南农大, 哈尔滨工业大学 →
 * 哈工大. A two-character short form must stand as a word of its own (湖大的, 湖大师生), not begin another word
 * (湖大将 is 湖 + 大将 only in a different sentence; 湖大学 is 湖 + 大学).
 */
export function universityShortForms(text: string, fullNames: readonly string[]): NameSpan[] {
  const forms = new Set<string>();
  for (const full of fullNames) {
    const m = /^([\u4e00-\u9fff]{2,6})大学$/.exec(full);
    if (!m) continue;
    const stem = m[1];
    if (stem.length === 2) forms.add(`${stem[0]}大`);
    if (stem.length === 4) forms.add(`${stem.slice(0, 2)}${stem[2]}大`);
    if (stem.length === 5) forms.add(`${stem[0]}${stem[3]}大`);
  }
  const out: NameSpan[] = [];
  for (const f of forms) {
    for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
      const end = i + f.length;
      if (i > 0 && isHan(text.charCodeAt(i - 1)) && !/[在与和同及、到赴]/.test(text[i - 1])) continue;
      const after = text.slice(end, end + 2);
      if (f.length === 2 && !(end >= text.length || !isHan(text.charCodeAt(end)) || /^(?:的|和|与|等|在|师生|学子|校友|教授|专家|团队|附属|附中|校园)/.test(after))) continue;
      if (f.length > 2 && isHan(text.charCodeAt(end)) && /^(?:学|楼|街|桥|道)/.test(after)) continue;
      out.push({ start: i, end, name: f });
    }
  }
  return out;
}
