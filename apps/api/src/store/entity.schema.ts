import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EntityType } from '@baoxun/shared/contracts/api.contract';

/**
 * A person, place, organization or campaign with the number of served articles that mention it. _id is the
 * entity id (person:陈正明, place:430200). Counts move by the difference each page version switch makes.
 */
@Schema({ collection: 'entities', versionKey: false, minimize: false })
export class StoredEntity {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) type!: EntityType;
  @Prop({ type: String, required: true }) name!: string;
  @Prop({ type: String, default: null }) code!: string | null;
  @Prop({ type: Array, default: [] }) parents!: Array<{ code: string; name: string }>;
  @Prop({ type: [String], default: [] }) aliases!: string[];
  @Prop({ type: [String], default: [] }) roles!: string[];
  @Prop({ type: Number, required: true }) articleCount!: number;
  @Prop({ type: String, default: null }) firstDate!: string | null;
  @Prop({ type: String, default: null }) lastDate!: string | null;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
}

export const StoredEntitySchema = SchemaFactory.createForClass(StoredEntity);
// GET /v1/entities?type=&q=: one type, most mentioned first; q is a substring of name, checked on the index keys.
StoredEntitySchema.index({ type: 1, articleCount: -1, name: 1, _id: 1 }, { name: 'type_count_name' });
// GET /v1/entities?q= without a type.
StoredEntitySchema.index({ articleCount: -1, name: 1, _id: 1 }, { name: 'count_name' });
// place=株洲 / within=株洲市: a place name as written to its division code.
StoredEntitySchema.index({ type: 1, aliases: 1 }, { name: 'type_aliases' });

/** On FerretDB over PostgreSQL (see ARTICLE_FERRETDB_INDEXES). */
export const ENTITY_FERRETDB_INDEXES = [
  // place=株洲 / within=株洲市 (PlaceResolver) and /v1/entities/place/:name: {type: 'place', aliases: name}.
  { key: { aliases: 1 }, name: 'aliases_gin' },
] as const;
