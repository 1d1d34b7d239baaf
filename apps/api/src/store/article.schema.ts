import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';
import type { Byline, Dateline, Entities } from '@baoxun/shared/contracts/article.contract';
import type { PageRef } from '@baoxun/shared/contracts/page.contract';

/**
 * Bumped when the stored shape changes, so old documents can be found and migrated. 2: search fields, live.
 * 3: no entityIds (facets read article_facets); reprocessing rewrites a v2 article and writes its facet document.
 */
export const ARTICLE_SCHEMA_VERSION = 3;

/** One article (or one part of an article continued across pages) as the pipeline made it, plus search fields. */
@Schema({ collection: 'articles', versionKey: false, minimize: false })
export class StoredArticle {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) pageId!: string;
  @Prop({ type: Object, required: true }) page!: PageRef;
  @Prop({ type: Number, required: true }) order!: number;
  @Prop({ type: String, default: null }) kicker!: string | null;
  @Prop({ type: String, required: true }) headline!: string;
  @Prop({ type: [String], default: [] }) subheadlines!: string[];
  @Prop({ type: Object, default: null }) byline!: Byline | null;
  @Prop({ type: String, required: true }) body!: string;
  @Prop({ type: Object, default: null }) continuation!: { toPage: string; marker: string } | null;
  @Prop({ type: Object, default: null }) continuedFrom!: { fromPage: string; marker: string } | null;
  /** Datelines inside the body (a roundup's sources); articles stored before parser-1.1.0 have none. */
  @Prop({ type: [Object], default: [] }) datelines!: Dateline[];
  @Prop({ type: Object, required: true }) entities!: Entities;
  @Prop({ type: String, required: true }) pageVersion!: string;
  @Prop({ type: Date, required: true }) pageReceivedAt!: Date;
  @Prop({ type: String, required: true }) parserVersion!: string;
  @Prop({ type: String, required: true }) taggerVersion!: string;
  @Prop({ type: String, required: true }) pipelineVersion!: string;
  @Prop({ type: String, required: true }) correlationId!: string;
  @Prop({ type: Number, required: true }) schemaVersion!: number;
  @Prop({ type: Date, required: true }) storedAt!: Date;
  /** Part of its page's served version. Set for a whole version at once, just before the page switches to it. */
  @Prop({ type: Boolean, required: true }) live!: boolean;
  /** date|source|page|order|id: the list order and the keyset cursor. */
  @Prop({ type: String, required: true }) sortKey!: string;
  /** Filter keys (see search/entity-keys.ts). */
  @Prop({ type: [String], required: true }) keys!: string[];
  /** Text search tokens (see search/ngram.tokenizer.ts). */
  @Prop({ type: [String], required: true }) grams!: string[];
}

export type StoredArticleDocument = HydratedDocument<StoredArticle>;
export const StoredArticleSchema = SchemaFactory.createForClass(StoredArticle);

// Article by id, a page's articles, stitching and every write go through _id alone. The list queries are flat
// filters (see search/article-match.builder.ts): top-level equality / $all / $in / one sortKey range, sorted by sortKey.
// GET /v1/articles?person=|place=|within=|organization=|campaign=|source=|pageId=|page= [&from=&to=] either order,
// keyset cursor on sortKey: {live: true, keys: {$all: […], $in: […]}, sortKey: range}; also /v1/entities/:type/:name.
StoredArticleSchema.index({ keys: 1, live: 1, sortKey: 1 }, { name: 'keys_live_sortKey' });
// GET /v1/articles?q=[&filters]: {live: true, grams: {$all: [rarest first, …]}, [keys: {$all}], sortKey: range}.
StoredArticleSchema.index({ grams: 1, live: 1, sortKey: 1 }, { name: 'grams_live_sortKey' });
// GET /v1/articles with no filter or only a date range: {live: true, sortKey: range}.
StoredArticleSchema.index({ live: 1, sortKey: 1 }, { name: 'live_sortKey' });

/**
 * The same queries on FerretDB over PostgreSQL (tools/infra/ferretdb-patches): single-field indexes only. A name
 * ending in `_elems` makes a GIN index on the field's strings as text[], which serves the pushed-down `$all` and `$in` (a
 * btree on an array of ~560 grams would not even fit its rows) and, through its element statistics, tells the
 * planner how common each key or pair is: a common one walks the sortKey btree newest first and stops after the
 * page, a rare one is looked up in the GIN index. A plain name is a btree (ORDER BY sortKey LIMIT n, the sortKey
 * range); `_stats` is planner statistics only.
 */
export const ARTICLE_FERRETDB_INDEXES = [
  // Every list filter: {keys: {$all: […], $in: […]}} (entities, places, within, source, page).
  { key: { keys: 1 }, name: 'keys_elems' },
  // q=: {grams: {$all: [pairs]}}.
  { key: { grams: 1 }, name: 'grams_elems' },
  // Every list: ORDER BY sortKey [DESC] LIMIT n, and the date range / keyset cursor on sortKey.
  { key: { sortKey: 1 }, name: 'sortKey' },
  // Every list's {live: true}: without statistics PostgreSQL takes it for a rare condition (1%) and sorts every
  // match of the other conditions instead of walking sortKey.
  { key: { live: 1 }, name: 'live_stats' },
] as const;
