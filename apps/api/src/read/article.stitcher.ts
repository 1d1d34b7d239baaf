import type { WholeArticle } from '@baoxun/shared/contracts/api.contract';
import type { Mention } from '@baoxun/shared/contracts/article.contract';
import { type PartDoc, pageRefView, provenanceOf } from './article.views';

/** A sentence that ends at the jump goes on in a new paragraph; one cut mid-sentence runs straight on. */
const ENDS_SENTENCE = /[。！？!?…”」』）)]\s*$/u;

export const joinerAfter = (body: string): string => (ENDS_SENTENCE.test(body) ? '\n' : '');

type WholeMention = Mention & { part: number };
type Keyed<T> = { key: string; value: T };

/** Merges one entity list across parts: same name (and code) is one entity; mentions carry their part. */
function mergeEntities<E extends { name: string; mentions: Mention[] }, O extends Omit<E, 'mentions'> & { mentions: WholeMention[] }>(
  parts: PartDoc[],
  offsets: number[],
  pick: (doc: PartDoc) => E[],
  keyOf: (entity: E) => string,
  combine: (into: O, entity: E) => void,
): O[] {
  const merged: Array<Keyed<O>> = [];
  parts.forEach((doc, part) => {
    for (const entity of pick(doc)) {
      const mentions = entity.mentions.map((mention): WholeMention =>
        mention.field === 'body' ? { ...mention, start: mention.start + offsets[part], end: mention.end + offsets[part], part } : { ...mention, part },
      );
      const key = keyOf(entity);
      const known = merged.find((item) => item.key === key);
      if (known) {
        known.value.mentions.push(...mentions);
        combine(known.value, entity);
      } else {
        merged.push({ key, value: { ...entity, mentions } as unknown as O });
      }
    }
  });
  return merged.map((item) => item.value);
}

/**
 * One article from its parts in reading order (a head and the pieces it continues on other pages). The body is
 * the parts' bodies joined; body mentions are moved to their place in it, every mention says which part it is
 * in, and each part keeps its page and provenance. It is complete when neither end still jumps elsewhere.
 */
export function stitch(parts: PartDoc[]): WholeArticle {
  const head = parts[0];
  const last = parts[parts.length - 1];
  const offsets: number[] = [];
  let body = '';
  parts.forEach((doc, index) => {
    if (index > 0) body += joinerAfter(body);
    offsets.push(body.length);
    body += doc.body;
  });
  return {
    id: head._id,
    pageId: head.pageId,
    page: pageRefView(head.page),
    order: head.order,
    kicker: head.kicker,
    headline: head.headline,
    subheadlines: head.subheadlines,
    byline: head.byline,
    body,
    // Each part's inner datelines, moved to their place in the joined body like its body mentions.
    datelines: parts.flatMap((doc, index) => (doc.datelines ?? []).map((dateline) => ({ ...dateline, offset: dateline.offset + offsets[index] }))),
    parts: parts.map((doc, index) => ({
      id: doc._id,
      pageId: doc.pageId,
      page: pageRefView(doc.page),
      order: doc.order,
      headline: doc.headline,
      bodyStart: offsets[index],
      bodyEnd: offsets[index] + doc.body.length,
      continuation: doc.continuation,
      continuedFrom: doc.continuedFrom,
      ...provenanceOf(doc),
    })),
    complete: !last.continuation && !head.continuedFrom,
    // The ends still open: where the first part came from, and where the last one goes, when not stitched.
    continuation: last.continuation,
    continuedFrom: head.continuedFrom,
    entities: {
      people: mergeEntities(
        parts,
        offsets,
        (doc) => doc.entities.people,
        (person) => person.name,
        (into: { roles: string[] }, person) => void (into.roles = [...new Set([...into.roles, ...person.roles])]),
      ),
      places: mergeEntities(
        parts,
        offsets,
        (doc) => doc.entities.places.map((place) => ({ ...place, code: place.code ?? null, canonicalName: place.canonicalName ?? null, parents: place.parents ?? [] })),
        (place) => `${place.code ?? ''}|${place.name}`,
        () => undefined,
      ),
      organizations: mergeEntities(parts, offsets, (doc) => doc.entities.organizations, (entity) => entity.name, () => undefined),
      campaigns: mergeEntities(parts, offsets, (doc) => doc.entities.campaigns, (entity) => entity.name, () => undefined),
    },
    ...provenanceOf(head),
  };
}
