import type { StoredArticle } from '../store/article.schema';

/** The public shape of an article: the enriched article of DESIGN.md plus provenance. */
export function articleView(doc: StoredArticle) {
  return {
    id: doc._id,
    pageId: doc.pageId,
    page: doc.page,
    order: doc.order,
    kicker: doc.kicker,
    headline: doc.headline,
    subheadlines: doc.subheadlines,
    byline: doc.byline,
    body: doc.body,
    continuation: doc.continuation,
    continuedFrom: doc.continuedFrom,
    entities: doc.entities,
    pipelineVersion: doc.pipelineVersion,
    storedAt: doc.storedAt,
  };
}
export type ArticleView = ReturnType<typeof articleView>;
