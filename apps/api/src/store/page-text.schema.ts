import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A page version's text, kept for reprocessing and nothing else, apart from the page document: FerretDB decodes a
 * whole document on every read, and pages are read on every article read and list (is the version served?), so
 * the ~20 KB of text made each of those reads cost more than the article itself. Keyed by page and version
 * (`pg_…:contentHash`), so writing it again is harmless and it never needs a compare-and-set.
 */
@Schema({ collection: 'page_texts', versionKey: false, minimize: false })
export class StoredPageText {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) pageId!: string;
  @Prop({ type: String, required: true }) text!: string;
}

export const StoredPageTextSchema = SchemaFactory.createForClass(StoredPageText);

/** The text document of one version of a page. */
export const pageTextId = (pageId: string, contentHash: string): string => `${pageId}:${contentHash}`;
