import type { EntityType } from '@baoxun/shared/contracts/api.contract';
import type { ArticleEnriched, Entities } from '@baoxun/shared/contracts/article.contract';
import { ARTICLE_SENTINEL, cleanName, entityId, keys } from './entity-keys';
import { documentGrams } from './ngram.tokenizer';
import { snippetOf } from './snippet';
import type { StoredArticle } from '../store/article.schema';
import type { StoredArticleSummary } from '../store/article-summary.schema';

/** One entity as an article mentions it: what the entity's own document is built from. */
export interface EntityRef {
  id: string;
  type: EntityType;
  name: string;
  code: string | null;
  canonicalName: string | null;
  parents: Array<{ code: string; name: string }>;
  /** The names it was written with in this article. */
  aliases: string[];
  roles: string[];
}

/** The fields the api adds to a stored article so that every list query runs on an index. */
export interface ArticleIndexFields {
  /** Filters: entity ids, place names, within-division keys, source, page id, page number. */
  keys: string[];
  /** Entity ids (and a sentinel): what facets count (stored in article_facets, not in the article). */
  entityIds: string[];
  /** Search tokens of the kicker, headline, subheadlines and body. */
  grams: string[];
  /** date|source|page|order|id: one string orders articles by date and then in reading order, and is unique. */
  sortKey: string;
}

type IndexedArticle = Pick<ArticleEnriched, 'id' | 'pageId' | 'page' | 'order' | 'kicker' | 'headline' | 'subheadlines' | 'body' | 'entities'>;

export const sortKeyOf = (article: Pick<ArticleEnriched, 'id' | 'page' | 'order'>): string =>
  `${article.page.date}|${article.page.source}|${article.page.page}|${String(article.order).padStart(4, '0')}|${article.id}`;

/** The entities of an article, one ref per entity id (a place written two ways is one entity). */
export function entityRefsOf(entities: Entities): EntityRef[] {
  const refs = new Map<string, EntityRef>();
  const add = (ref: EntityRef) => {
    const known = refs.get(ref.id);
    if (!known) return void refs.set(ref.id, ref);
    known.aliases = [...new Set([...known.aliases, ...ref.aliases])];
    known.roles = [...new Set([...known.roles, ...ref.roles])];
  };
  for (const person of entities.people) {
    const name = cleanName(person.name);
    if (name) add({ id: entityId('person', name), type: 'person', name, code: null, canonicalName: null, parents: [], aliases: [name], roles: person.roles.map(cleanName).filter(Boolean) });
  }
  for (const place of entities.places) {
    const name = cleanName(place.name);
    if (!name) continue;
    const canonicalName = place.canonicalName ? cleanName(place.canonicalName) : null;
    add({
      id: entityId('place', place.code ?? canonicalName ?? name),
      type: 'place',
      name: canonicalName ?? name,
      code: place.code,
      canonicalName,
      parents: place.parents,
      aliases: [name],
      roles: [],
    });
  }
  for (const [type, list] of [['organization', entities.organizations], ['campaign', entities.campaigns]] as const) {
    for (const entity of list) {
      const name = cleanName(entity.name);
      if (name) add({ id: entityId(type, name), type, name, code: null, canonicalName: null, parents: [], aliases: [name], roles: [] });
    }
  }
  return [...refs.values()];
}

/** What facets count of an article: its entity ids, after the sentinel that counts the article itself. */
export const facetEntityIdsOf = (refs: readonly EntityRef[]): string[] => [ARTICLE_SENTINEL, ...refs.map((ref) => ref.id).sort()];

export function indexFieldsOf(article: IndexedArticle): ArticleIndexFields {
  const refs = entityRefsOf(article.entities);
  const keySet = new Set<string>([keys.source(article.page.source), keys.pageId(article.pageId), keys.pageNumber(article.page.page)]);
  for (const ref of refs) keySet.add(ref.id);
  for (const place of article.entities.places) {
    const name = cleanName(place.name);
    if (!name) continue;
    keySet.add(keys.placeName(name));
    if (place.canonicalName) keySet.add(keys.placeName(place.canonicalName));
    // A place is within itself and within every division above it, by code and by standard name.
    keySet.add(keys.within(place.code ?? place.canonicalName ?? name));
    if (place.code) keySet.add(keys.within(place.canonicalName ?? name));
    for (const parent of place.parents) {
      keySet.add(keys.within(parent.code));
      keySet.add(keys.within(parent.name));
    }
  }
  return {
    keys: [...keySet].sort(),
    entityIds: facetEntityIdsOf(refs),
    grams: documentGrams([article.kicker, article.headline, ...article.subheadlines, article.body]),
    sortKey: sortKeyOf(article),
  };
}

/**
 * What readers of whole articles for lists and summaries ask for: everything but the grams, as an exclusion,
 * because the patched FerretDB leaves the fields an exclusion drops in PostgreSQL (tools/infra/ferretdb-patches,
 * baoxun_projection.go), and the ~560 grams are most of what it would otherwise decode per article; an
 * inclusion projection is applied only after the whole document is decoded.
 */
export const ARTICLE_WITHOUT_GRAMS = { grams: 0 } as const;

/** What an article's list summary is made of (a stored article, or one being stored). */
export type SummarySource = Pick<
  StoredArticle,
  '_id' | 'pageId' | 'page' | 'order' | 'kicker' | 'headline' | 'subheadlines' | 'byline' | 'body' | 'continuation' | 'continuedFrom' | 'entities' | 'pipelineVersion' | 'pageVersion' | 'pageReceivedAt' | 'storedAt' | 'sortKey' | 'keys'
>;

/** An article as lists without a text query read it (article_summaries): no body, no mentions' offsets, no grams. */
export function summaryOf(article: SummarySource): StoredArticleSummary {
  return {
    _id: article._id,
    sortKey: article.sortKey,
    keys: article.keys,
    pageId: article.pageId,
    page: article.page,
    order: article.order,
    kicker: article.kicker,
    headline: article.headline,
    subheadlines: article.subheadlines,
    byline: article.byline,
    snippet: snippetOf(article.body),
    continuation: article.continuation,
    continuedFrom: article.continuedFrom,
    entities: {
      people: article.entities.people.map((person) => ({ name: person.name, roles: person.roles })),
      places: article.entities.places.map((place) => ({ name: place.name, code: place.code ?? null, canonicalName: place.canonicalName ?? null })),
      organizations: article.entities.organizations.map((entity) => ({ name: entity.name })),
      campaigns: article.entities.campaigns.map((entity) => ({ name: entity.name })),
    },
    pipelineVersion: article.pipelineVersion,
    pageVersion: article.pageVersion,
    pageReceivedAt: article.pageReceivedAt,
    storedAt: article.storedAt,
  };
}
