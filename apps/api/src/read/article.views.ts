import type { ArticlePart, ArticleSummary } from '@baoxun/shared/contracts/api.contract';
import type { StoredArticle } from '../store/article.schema';
import type { StoredArticleSummary } from '../store/article-summary.schema';
import type { TermPlan } from '../search/ngram.tokenizer';
import { snippetOf } from '../search/snippet';

/** What a part view reads of a stored article (search fields are never sent). */
export type PartDoc = Pick<
  StoredArticle,
  | '_id'
  | 'pageId'
  | 'page'
  | 'order'
  | 'kicker'
  | 'headline'
  | 'subheadlines'
  | 'byline'
  | 'body'
  | 'continuation'
  | 'continuedFrom'
  | 'datelines'
  | 'entities'
  | 'pageVersion'
  | 'parserVersion'
  | 'taggerVersion'
  | 'pipelineVersion'
  | 'correlationId'
  | 'storedAt'
>;

// An exclusion, so that the patched FerretDB leaves these in the database (see ARTICLE_WITHOUT_GRAMS).
export const PART_PROJECTION = { keys: 0, grams: 0, sortKey: 0 } as const;

const iso = (date: Date | string): string => new Date(date).toISOString();

export const pageRefView = (page: StoredArticle['page']) => ({ source: page.source, date: page.date, page: page.page });

export const provenanceOf = (doc: PartDoc) => ({
  pageVersion: doc.pageVersion,
  parserVersion: doc.parserVersion,
  taggerVersion: doc.taggerVersion,
  pipelineVersion: doc.pipelineVersion,
  correlationId: doc.correlationId,
  storedAt: iso(doc.storedAt),
});

/** One stored part, as the pipeline made it, with its mentions. */
export function partView(doc: PartDoc): ArticlePart {
  return {
    id: doc._id,
    pageId: doc.pageId,
    page: pageRefView(doc.page),
    order: doc.order,
    kicker: doc.kicker,
    headline: doc.headline,
    subheadlines: doc.subheadlines,
    byline: doc.byline,
    body: doc.body,
    continuation: doc.continuation,
    continuedFrom: doc.continuedFrom,
    datelines: doc.datelines ?? [],
    entities: {
      people: doc.entities.people,
      places: doc.entities.places.map((place) => ({ ...place, code: place.code ?? null, canonicalName: place.canonicalName ?? null, parents: place.parents ?? [] })),
      organizations: doc.entities.organizations,
      campaigns: doc.entities.campaigns,
    },
    ...provenanceOf(doc),
  };
}

export type SummaryDoc = Pick<
  StoredArticle,
  '_id' | 'pageId' | 'page' | 'order' | 'kicker' | 'headline' | 'subheadlines' | 'byline' | 'body' | 'continuation' | 'continuedFrom' | 'pipelineVersion' | 'pageVersion' | 'pageReceivedAt' | 'storedAt' | 'sortKey'
> & {
  entities: {
    people: Array<{ name: string; roles: string[] }>;
    places: Array<{ name: string; code?: string | null; canonicalName?: string | null }>;
    organizations: Array<{ name: string }>;
    campaigns: Array<{ name: string }>;
  };
};

/** A list item as read: an article's summary fields with its body, or its stored summary with the snippet. */
export type ListedDoc = SummaryDoc | StoredArticleSummary;

export function summaryView(doc: ListedDoc, terms: TermPlan[] = [], score: number | null = null): ArticleSummary {
  return {
    id: doc._id,
    pageId: doc.pageId,
    page: pageRefView(doc.page),
    order: doc.order,
    kicker: doc.kicker,
    headline: doc.headline,
    subheadlines: doc.subheadlines,
    byline: doc.byline,
    snippet: 'snippet' in doc ? doc.snippet : snippetOf(doc.body, terms),
    continuation: doc.continuation,
    continuedFrom: doc.continuedFrom,
    entities: {
      people: (doc.entities?.people ?? []).map((person) => ({ name: person.name, roles: person.roles ?? [] })),
      places: (doc.entities?.places ?? []).map((place) => ({ name: place.name, code: place.code ?? null, canonicalName: place.canonicalName ?? null })),
      organizations: (doc.entities?.organizations ?? []).map((entity) => ({ name: entity.name })),
      campaigns: (doc.entities?.campaigns ?? []).map((entity) => ({ name: entity.name })),
    },
    score,
    pipelineVersion: doc.pipelineVersion,
    storedAt: iso(doc.storedAt),
  };
}
