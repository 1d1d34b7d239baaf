import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

export const PAGE_STATUSES = ['received', 'parsed', 'stored'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** What the parser said of the current version: the articles the api must have before the page is stored. */
export interface ParsedVersion {
  contentHash: string;
  articleIds: string[];
  parserVersion: string;
  parsedAt: Date;
}

/** One page (source, date, number) and its current version; the raw text is kept for reprocessing. */
@Schema({ collection: 'pages', versionKey: false, minimize: false })
export class StoredPage {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) source!: string;
  @Prop({ type: String, required: true }) date!: string;
  @Prop({ type: String, required: true }) page!: string;
  @Prop({ type: String, required: true }) text!: string;
  @Prop({ type: String, required: true }) contentHash!: string;
  @Prop({ type: Date, required: true }) receivedAt!: Date;
  @Prop({ type: String, required: true }) correlationId!: string;
  @Prop({ type: String, enum: PAGE_STATUSES, required: true }) status!: PageStatus;
  @Prop({ type: Object, default: null }) parsed!: ParsedVersion | null;
  @Prop({ type: Date, default: null }) storedAt!: Date | null;
  @Prop({ type: Number, required: true }) schemaVersion!: number;
}

export type StoredPageDocument = HydratedDocument<StoredPage>;
export const StoredPageSchema = SchemaFactory.createForClass(StoredPage);
// Reprocessing and listing by paper and edition.
StoredPageSchema.index({ source: 1, date: 1, page: 1 });
