import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The facet side of a served article: its filter keys, sortKey and entity ids, nothing else, so that counting the
 * entities of thousands of matches decodes small documents (FerretDB decodes every document a query matches,
 * and a full article is ~14 KB, most of it the grams). Present exactly while the article is live: inserted by
 * the version switch that serves it, deleted with the version that replaced it.
 */
@Schema({ collection: 'article_facets', versionKey: false, minimize: false })
export class StoredArticleFacet {
  /** The article's id. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) sortKey!: string;
  @Prop({ type: [String], required: true }) keys!: string[];
  /** The article's entity ids (with the '*' sentinel first), joined by '\n': one string field decodes fast. */
  @Prop({ type: String, required: true }) entityIds!: string;
}

export const StoredArticleFacetSchema = SchemaFactory.createForClass(StoredArticleFacet);
// facets=true on GET /v1/articles?person=|place=|…|source= [&from=&to=], and /v1/entities/:type/:name's related
// entities: {keys: {$all: […], $in: […]}, sortKey: range} sorted by sortKey desc, limit FACET_SAMPLE_SIZE.
StoredArticleFacetSchema.index({ keys: 1, sortKey: 1 }, { name: 'keys_sortKey' });
// facets=true with only a date range (or nothing).
StoredArticleFacetSchema.index({ sortKey: 1 }, { name: 'sortKey' });

/** On FerretDB over PostgreSQL (see ARTICLE_FERRETDB_INDEXES): GIN on the keys' strings, a btree for the order. */
export const ARTICLE_FACET_FERRETDB_INDEXES = [
  // facets: {keys: {$all: […], $in: [a place name and its codes]}}.
  { key: { keys: 1 }, name: 'keys_elems' },
  // facets: ORDER BY sortKey DESC LIMIT FACET_SAMPLE_SIZE, with the date range.
  { key: { sortKey: 1 }, name: 'sortKey' },
] as const;
