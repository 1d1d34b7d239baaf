import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A message of some page version that a stage dead-lettered (read from dlq.<stage>), so that GET /v1/pages/:id
 * can say the page is stuck and why. The letter itself stays in the DLQ stream for the admin routes.
 */
@Schema({ collection: 'page_dead_letters', versionKey: false, minimize: false })
export class DeadLetterRecord {
  /** stage:subject:streamSequence of the failed message. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) pageId!: string;
  @Prop({ type: String, default: null }) pageVersion!: string | null;
  @Prop({ type: String, required: true }) stage!: string;
  @Prop({ type: String, required: true }) subject!: string;
  @Prop({ type: String, required: true }) reason!: string;
  @Prop({ type: Date, required: true }) failedAt!: Date;
}

export const DeadLetterRecordSchema = SchemaFactory.createForClass(DeadLetterRecord);
// GET /v1/pages/:id while a page is not stored: the dead letters of its newest version.
DeadLetterRecordSchema.index({ pageId: 1, pageVersion: 1, failedAt: -1 }, { name: 'page_version_failed' });
