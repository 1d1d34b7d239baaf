import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DeadLetterRecord } from './dead-letter-record.schema';

/** All I/O on `page_dead_letters`. */
@Injectable()
export class DeadLetterRecordRepository {
  constructor(@InjectModel(DeadLetterRecord.name) private readonly records: Model<DeadLetterRecord>) {}

  async put(record: DeadLetterRecord): Promise<void> {
    const { _id, ...fields } = record;
    await this.records.updateOne({ _id }, { $set: fields }, { upsert: true });
  }

  /** The newest dead letter of a page version (GET /v1/pages/:id of a page not stored). */
  latestFor(pageId: string, pageVersion: string): Promise<DeadLetterRecord | null> {
    return this.records.findOne({ pageId, pageVersion }).sort({ failedAt: -1 }).lean<DeadLetterRecord>().exec() as Promise<DeadLetterRecord | null>;
  }
}
