import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { REPROCESS_STATUSES, type ReprocessScope } from '@baoxun/shared/contracts/admin.contract';

/** One reprocessing run: what it covers and how far publishing got; the rest of its progress is read from the store. */
@Schema({ collection: 'admin_reprocess_jobs', versionKey: false, minimize: false })
export class ReprocessJob {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Object, required: true }) scope!: ReprocessScope;
  @Prop({ type: String, enum: REPROCESS_STATUSES, required: true }) status!: (typeof REPROCESS_STATUSES)[number];
  @Prop({ type: Number, required: true }) total!: number;
  @Prop({ type: Number, required: true }) published!: number;
  /** Carried by every message of the run, so the articles it rewrote can be counted. */
  @Prop({ type: String, required: true }) correlationId!: string;
  @Prop({ type: Date, required: true }) startedAt!: Date;
  @Prop({ type: Date, default: null }) publishedAt!: Date | null;
  @Prop({ type: String, default: null }) error!: string | null;
}

export const ReprocessJobSchema = SchemaFactory.createForClass(ReprocessJob);
ReprocessJobSchema.index({ startedAt: -1 });
