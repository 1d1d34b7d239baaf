import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The entity counts of one paper's served articles of one day, derived from their facet documents
 * (article_facets) whenever a page of that day is switched: facets on a list filtered by source and/or dates
 * alone add up one document per day and paper instead of counting thousands of facet documents, and are
 * exact for any range (the facet documents' path counts the newest FACET_SAMPLE_SIZE matches).
 */
@Schema({ collection: 'article_facet_days', versionKey: false, minimize: false })
export class StoredFacetDay {
  /** `${date}|${source}`: the prefix of the day's articles' sortKeys. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) date!: string;
  @Prop({ type: String, required: true }) source!: string;
  /** Served articles of the day. */
  @Prop({ type: Number, required: true }) articles!: number;
  /** `entityId\tcount` lines: one string field decodes fast on FerretDB (an object of a thousand fields does not). */
  @Prop({ type: String, required: true }) counts!: string;
}

export const StoredFacetDaySchema = SchemaFactory.createForClass(StoredFacetDay);
// facets=true on GET /v1/articles?[source=][&from=&to=] (no other filter): {date: range, [source]}.
StoredFacetDaySchema.index({ date: 1, source: 1 }, { name: 'date_source' });

/** On FerretDB over PostgreSQL: a btree on date serves the range; a source equality filters its few rows. */
export const FACET_DAY_FERRETDB_INDEXES = [{ key: { date: 1 }, name: 'date' }] as const;
