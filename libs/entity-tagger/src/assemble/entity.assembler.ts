import type { Entities, Mention, NamedEntity, PersonEntity, PlaceEntity } from '@baoxun/shared/contracts/article.contract';
import { parentsOf } from '../lexicon/division.index';
import type { Segment } from '../text/article-segments';
import type { NamedHit, PersonHit, PlaceHit, Span } from '../text/span.model';

export interface ArticleHits {
  people: PersonHit[];
  places: PlaceHit[];
  organizations: NamedHit[];
  campaigns: NamedHit[];
}

/** Groups hits into entities (one per string as written), mentions in reading order, entities by first mention. */
export function assembleEntities(segments: Segment[], hits: ArticleHits): Entities {
  const mention = (h: Span): Mention => {
    const s = segments[h.seg];
    const m: Mention = { field: s.field, start: h.start, end: h.end, text: s.text.slice(h.start, h.end) };
    if (s.field === 'subheadline') m.index = s.index;
    return m;
  };
  const people = group(hits.people, (h, e?: PersonEntity) => {
    const entity = e ?? { name: h.name, roles: [], mentions: [] };
    for (const r of h.roles) if (!entity.roles.includes(r)) entity.roles.push(r);
    return entity;
  }, mention);
  const places = group(hits.places, (h, e?: PlaceEntity) => {
    if (e) {
      // A later mention may know the division when the first did not.
      if (!e.code && h.division) Object.assign(e, placeFields(h));
      return e;
    }
    return { name: h.name, ...placeFields(h), mentions: [] };
  }, mention);
  const named = (list: NamedHit[]): NamedEntity[] =>
    group(list, (h, e?: NamedEntity) => {
      const entity = e ?? { name: h.name, mentions: [] };
      if (h.canonicalName && !entity.canonicalName) entity.canonicalName = h.canonicalName;
      return entity;
    }, mention);
  return { people, places, organizations: named(hits.organizations), campaigns: named(hits.campaigns) };
}

function placeFields(h: PlaceHit): Pick<PlaceEntity, 'code' | 'canonicalName' | 'parents'> {
  const d = h.division;
  if (d) return { code: d.code, canonicalName: h.canonicalName, parents: parentsOf(d).map((p) => ({ code: p.code, name: p.name })) };
  const w = h.within;
  // A country's one-character abbreviation (美 in 中美关系) names its country, without a code.
  return { code: null, canonicalName: h.canonicalName, parents: w ? [...parentsOf(w), w].map((p) => ({ code: p.code, name: p.name })) : [] };
}

function group<H extends Span & { name: string }, E extends { mentions: Mention[] }>(hits: H[], merge: (h: H, e?: E) => E, mention: (h: Span) => Mention): E[] {
  const sorted = [...hits].sort((a, b) => a.seg - b.seg || a.start - b.start || b.end - a.end);
  const byName = new Map<string, E>();
  // Hits of the same span are neighbours after the sort: the names already given a mention there.
  let namesHere: string[] = [];
  let prev: H | null = null;
  for (const h of sorted) {
    if (!prev || prev.seg !== h.seg || prev.start !== h.start || prev.end !== h.end) namesHere = [];
    prev = h;
    const entity = merge(h, byName.get(h.name));
    byName.set(h.name, entity);
    if (namesHere.includes(h.name)) continue;
    namesHere.push(h.name);
    entity.mentions.push(mention(h));
  }
  return [...byName.values()];
}
