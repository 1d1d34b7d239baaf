import { type Division, divisionIndex, isAncestor } from '../lexicon/division.index';
import type { NamedHit, PlaceHit } from '../text/span.model';

/** 省委, 市政府, 县人大, 区教育局: a level character and an organ, the place left to the page and the article. */
const SHORT_FORM = /^([省市县区])(?![省市县区])(.+)$/;

/**
 * The full body a short form stands for: 省委 on a 湖南日报 page is 中共湖南省委, 市政府 on a 株洲日报 page is
 * 株洲市人民政府, 省统计局 is 湖南省统计局. The place is the paper's own (its home divisions and their parents) or,
 * failing that, the one division of that level the article names inside the paper's region; with none or several,
 * the short form stays as it is. Party organs (委, 纪委) get 中共 in front, 政府 becomes 人民政府.
 */
export function resolveShortForms(orgs: NamedHit[], home: readonly Division[], places: readonly PlaceHit[]): void {
  if (!orgs.length) return;
  const cache = new Map<string, Division | null>();
  for (const o of orgs) {
    const m = SHORT_FORM.exec(o.name);
    if (!m) {
      const named = namedDivisionOrgan(o.name);
      if (named) o.canonicalName = named;
      continue;
    }
    if (!isOrgan(m[2])) continue;
    const level = m[1];
    if (!cache.has(level)) cache.set(level, divisionFor(level, home, places));
    const d = cache.get(level);
    if (d) o.canonicalName = fullName(d, m[2]);
  }
}

/** The rest after the level must be an organ, not a word that happens to start with one (市场, 区域, 县城). */
function isOrgan(rest: string): boolean {
  return /^(?:委|纪委|政府|人民政府|人大|政协|[\u4e00-\u9fff]{1,8}(?:局|委|办|厅|部|院|所|中心|法院|检察院|政府|常委会|委员会|联|会|团|馆|台|社|队|站))$/.test(rest) && !/^(?:场|域|城|里|民|级|直)/.test(rest);
}

function fullName(d: Division, rest: string): string {
  if (/^(?:委|纪委)/.test(rest)) return `中共${d.name}${rest}`;
  if (rest.startsWith('政府')) return `${d.name}人民${rest}`;
  return `${d.name}${rest}`;
}

function matchesLevel(d: Division, level: string): boolean {
  if (level === '省') return d.level === 1 && /省$/.test(d.name);
  if (level === '市') return (d.level === 2 || d.level === 3) && d.name.endsWith('市');
  return d.level === 3 && d.name.endsWith(level);
}

function divisionFor(level: string, home: readonly Division[], places: readonly PlaceHit[]): Division | null {
  // The paper's own divisions and what they lie in: 株洲日报 serves 株洲市 in 湖南省.
  const own = new Set<Division>();
  for (const h of home) for (let d: Division | null = h; d; d = d.parent) if (matchesLevel(d, level)) own.add(d);
  // A county-level city's paper says 市 for itself, not for its prefecture.
  const ownList = [...own].sort((a, b) => b.level - a.level);
  if (ownList.length) return ownList[0];
  const named = new Set<Division>();
  for (const p of places) {
    const d = p.division;
    if (!d || !matchesLevel(d, level)) continue;
    if (home.length && !home.some((h) => h === d || isAncestor(h, d))) continue;
    named.add(d);
  }
  return named.size === 1 ? [...named][0] : null;
}

/** 浏阳市委 → 中共浏阳市委, 醴陵市政府 → 醴陵市人民政府: a division named in full before a party organ or 政府. */
function namedDivisionOrgan(name: string): string | null {
  const hit = divisionIndex().trie.longestAt(name, 0);
  if (!hit) return null;
  const d = hit.values.find((f) => !f.short && f.division.level <= 3);
  if (!d) return null;
  const rest = name.slice(hit.end);
  if (/^(?:委|纪委)/.test(rest) && isOrgan(rest)) return `中共${name}`;
  if (rest.startsWith('政府')) return `${d.division.name}人民${rest}`;
  return null;
}
