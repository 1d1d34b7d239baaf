import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';
import type { EntityChange } from './entity-change';

/**
 * Bumped when the stored shape changes. 2: the served version (live) is kept apart from the newest one. 3: the
 * text is in page_texts (pages of version 2 still carry theirs, and reprocessing reads it from there).
 */
export const PAGE_SCHEMA_VERSION = 3;

/** The statuses kept on the document; 'enriched' and 'dead-lettered' are worked out when the page is read. */
export const STORED_PAGE_STATUSES = ['received', 'parsed', 'stored'] as const;
export type StoredPageStatus = (typeof STORED_PAGE_STATUSES)[number];

/** What the parser said of the newest version: the articles the api must have before that version is served. */
export interface ParsedVersion {
  contentHash: string;
  articleIds: string[];
  parserVersion: string;
  parsedAt: Date;
}

/** One end of a jump between pages, as the served version has it: stitching reads these, never scans. */
export interface JumpEnd {
  articleId: string;
  /** The other page ("02"). */
  page: string;
  marker: string;
}

/** The version readers see: complete (every article stored). Replaced in one write when a newer version completes. */
export interface LiveVersion {
  contentHash: string;
  receivedAt: Date;
  correlationId: string;
  articleIds: string[];
  parserVersion: string;
  pipelineVersions: string[];
  storedAt: Date;
  /** Articles of this version that continue on another page (▶▶下转), and those continued from one (▲▲上接). */
  continuations: JumpEnd[];
  continuedFrom: JumpEnd[];
}

/** Work left after a version switch (removing the replaced articles, entity counts); redone until it is gone. */
export interface PendingCleanup {
  /** Names this cleanup, so that finishing it never erases a later one. */
  token: string;
  articleIds: string[];
  entityChanges: EntityChange[];
}

/**
 * One page (source, date, number). The top-level version fields (text, contentHash, receivedAt, correlationId,
 * parsed, status) describe the newest version received; `live` is the version served, which stays until a newer
 * one is complete. Readers look only at `live`, so a re-scan replaces a page's articles in one step.
 */
@Schema({ collection: 'pages', versionKey: false, minimize: false })
export class StoredPage {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) source!: string;
  @Prop({ type: String, required: true }) date!: string;
  @Prop({ type: String, required: true }) page!: string;
  /** Version 2 documents only: the newest version's text. Version 3 keeps it in page_texts. */
  @Prop({ type: String }) text?: string;
  @Prop({ type: String, required: true }) contentHash!: string;
  @Prop({ type: Date, required: true }) receivedAt!: Date;
  @Prop({ type: String, required: true }) correlationId!: string;
  @Prop({ type: String, enum: STORED_PAGE_STATUSES, required: true }) status!: StoredPageStatus;
  @Prop({ type: Object, default: null }) parsed!: ParsedVersion | null;
  /** When the newest version became the served one (null while it is not). */
  @Prop({ type: Date, default: null }) storedAt!: Date | null;
  @Prop({ type: Object, default: null }) live!: LiveVersion | null;
  /** Articles of versions replaced before they were served: removed at the next switch. */
  @Prop({ type: [String], default: [] }) stale!: string[];
  @Prop({ type: Object, default: null }) cleanup!: PendingCleanup | null;
  @Prop({ type: Number, required: true }) schemaVersion!: number;
}

export type StoredPageDocument = HydratedDocument<StoredPage>;
export const StoredPageSchema = SchemaFactory.createForClass(StoredPage);
// Reprocessing by paper and edition (admin), and operators' lookups.
StoredPageSchema.index({ source: 1, date: 1, page: 1 }, { name: 'source_date_page' });
