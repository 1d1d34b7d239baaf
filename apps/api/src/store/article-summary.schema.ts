import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Byline } from '@baoxun/shared/contracts/article.contract';
import type { PageRef } from '@baoxun/shared/contracts/page.contract';

/** The mentions a list item shows: names, roles, place codes; no offsets. */
export interface SummaryEntities {
  people: Array<{ name: string; roles: string[] }>;
  places: Array<{ name: string; code?: string | null; canonicalName?: string | null }>;
  organizations: Array<{ name: string }>;
  campaigns: Array<{ name: string }>;
}

/**
 * A served article as a list shows it (headline, byline, the body's opening as snippet, entity names), with its
 * filter keys and sortKey: ~1-2 KB where the article is ~14 KB, most of that its grams and mentions. Lists
 * without a text query read these, because FerretDB decodes every document it returns whatever the projection
 * (measured: ~3 ms per article, the whole cost of a 20-item list). Present exactly while the article is live,
 * like its facet document: written by the version switch that serves it, deleted with the version replacing it.
 */
@Schema({ collection: 'article_summaries', versionKey: false, minimize: false })
export class StoredArticleSummary {
  /** The article's id. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) sortKey!: string;
  @Prop({ type: [String], required: true }) keys!: string[];
  @Prop({ type: String, required: true }) pageId!: string;
  @Prop({ type: Object, required: true }) page!: PageRef;
  @Prop({ type: Number, required: true }) order!: number;
  @Prop({ type: String, default: null }) kicker!: string | null;
  @Prop({ type: String, required: true }) headline!: string;
  @Prop({ type: [String], default: [] }) subheadlines!: string[];
  @Prop({ type: Object, default: null }) byline!: Byline | null;
  /** The body's opening, as a list without a text query shows it (search/snippet.ts). */
  @Prop({ type: String, required: true }) snippet!: string;
  @Prop({ type: Object, default: null }) continuation!: { toPage: string; marker: string } | null;
  @Prop({ type: Object, default: null }) continuedFrom!: { fromPage: string; marker: string } | null;
  @Prop({ type: Object, required: true }) entities!: SummaryEntities;
  @Prop({ type: String, required: true }) pipelineVersion!: string;
  @Prop({ type: String, required: true }) pageVersion!: string;
  @Prop({ type: Date, required: true }) pageReceivedAt!: Date;
  @Prop({ type: Date, required: true }) storedAt!: Date;
}

export const StoredArticleSummarySchema = SchemaFactory.createForClass(StoredArticleSummary);
// GET /v1/articles?person=|place=|within=|organization=|campaign=|source=|pageId=|page= [&from=&to=] without q,
// either order, keyset cursor on sortKey (and /v1/entities/:type/:name's articles): {keys: {$all, $in}, sortKey: range}.
StoredArticleSummarySchema.index({ keys: 1, sortKey: 1 }, { name: 'keys_sortKey' });
// GET /v1/articles with no filter or only a date range: {sortKey: range}.
StoredArticleSummarySchema.index({ sortKey: 1 }, { name: 'sortKey' });

/** On FerretDB over PostgreSQL (see ARTICLE_FERRETDB_INDEXES): GIN on the keys' strings, a btree for the order. */
export const ARTICLE_SUMMARY_FERRETDB_INDEXES = [
  // lists: {keys: {$all: […], $in: [a place name and its division codes]}}.
  { key: { keys: 1 }, name: 'keys_elems' },
  // lists: ORDER BY sortKey [DESC] LIMIT n, the date range and the keyset cursor.
  { key: { sortKey: 1 }, name: 'sortKey' },
] as const;

/** Marks a store whose served articles all have their summaries (see ArticleSummaryBackfill). */
@Schema({ collection: 'store_migrations', versionKey: false })
export class StoreMigration {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Date, required: true }) doneAt!: Date;
}

export const StoreMigrationSchema = SchemaFactory.createForClass(StoreMigration);
