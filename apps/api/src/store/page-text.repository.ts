import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { pageTextId as textId, StoredPageText } from './page-text.schema';

/** All I/O on `page_texts`, by _id only (see page-text.schema.ts for why the text lives apart from its page). */
@Injectable()
export class PageTextRepository {
  constructor(@InjectModel(StoredPageText.name) private readonly texts: Model<StoredPageText>) {}

  /** Idempotent: the same version always has the same text. Written before the page that refers to it. */
  async save(pageId: string, contentHash: string, text: string): Promise<void> {
    await this.texts.replaceOne({ _id: textId(pageId, contentHash) }, { pageId, text }, { upsert: true }).exec();
  }

  async textOf(pageId: string, contentHash: string): Promise<string | null> {
    const doc = await this.texts.findById(textId(pageId, contentHash), { text: 1 }).lean<Pick<StoredPageText, 'text'>>().exec();
    return doc?.text ?? null;
  }

  /** A replaced version's text (best effort: a leftover only takes space). */
  async remove(pageId: string, contentHash: string): Promise<void> {
    await this.texts.deleteOne({ _id: textId(pageId, contentHash) }).exec();
  }
}
