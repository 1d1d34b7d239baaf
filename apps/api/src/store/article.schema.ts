import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';
import type { Byline, Entities } from '@baoxun/shared/contracts/article.contract';
import type { PageRef } from '@baoxun/shared/contracts/page.contract';

/** Bumped when the stored shape changes, so old documents can be found and migrated. */
export const ARTICLE_SCHEMA_VERSION = 1;

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
  @Prop({ type: Object, required: true }) entities!: Entities;
  @Prop({ type: String, required: true }) pageVersion!: string;
  @Prop({ type: Date, required: true }) pageReceivedAt!: Date;
  @Prop({ type: String, required: true }) parserVersion!: string;
  @Prop({ type: String, required: true }) taggerVersion!: string;
  @Prop({ type: String, required: true }) pipelineVersion!: string;
  @Prop({ type: String, required: true }) correlationId!: string;
  @Prop({ type: Number, required: true }) schemaVersion!: number;
  @Prop({ type: Date, required: true }) storedAt!: Date;
}

export type StoredArticleDocument = HydratedDocument<StoredArticle>;
export const StoredArticleSchema = SchemaFactory.createForClass(StoredArticle);
// GET /v1/pages/:id lists a page's articles in order; completion counts a page version's articles.
StoredArticleSchema.index({ pageId: 1, pageVersion: 1, order: 1 });
// GET /v1/articles?source=&date= pages through one paper's editions in id order.
StoredArticleSchema.index({ 'page.source': 1, 'page.date': 1, _id: 1 });
