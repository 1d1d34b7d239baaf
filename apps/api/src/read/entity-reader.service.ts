import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import type { EntityDetail, EntityList, EntitySummary, EntityType } from '@baoxun/shared/contracts/api.contract';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';
import type { EntityListQuery } from '../http/request-params.schema';
import { cleanName, DIVISION_CODE, entityId } from '../search/entity-keys';
import { StoredEntity } from '../store/entity.schema';
import { ArticleSearchService } from './article-search.service';
import { decodeCursor, encodeCursor, fingerprintOf } from './cursor.codec';
import { articlesHref, entityHref, entityPathKey } from './entity-links';
import { FacetsService } from './facets.service';

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export function entityView(doc: StoredEntity): EntitySummary {
  return {
    id: doc._id,
    type: doc.type,
    name: doc.name,
    code: doc.code ?? null,
    parents: doc.parents ?? [],
    aliases: doc.aliases ?? [],
    roles: doc.roles ?? [],
    articleCount: doc.articleCount,
    firstDate: doc.firstDate ?? null,
    lastDate: doc.lastDate ?? null,
    href: entityHref(doc.type, { name: doc.name, code: doc.code ?? null }),
  };
}

/** GET /v1/entities and /v1/entities/:type/:name. */
@Injectable()
export class EntityReader {
  constructor(
    @InjectModel(StoredEntity.name) private readonly entities: Model<StoredEntity>,
    @Inject(SERVICE_CONFIG) private readonly config: ApiConfig,
    private readonly search: ArticleSearchService,
    private readonly facets: FacetsService,
  ) {}

  /** Entities most mentioned first (then by name), optionally of one type and containing q. */
  async list(query: EntityListQuery): Promise<EntityList> {
    const filter: QueryFilter<StoredEntity> = { articleCount: { $gt: 0 } };
    if (query.type) filter.type = query.type;
    if (query.q) {
      const q = cleanName(query.q);
      Object.assign(filter, /^\d+$/.test(q) && query.type !== 'person' ? { code: { $regex: `^${q}` } } : { name: { $regex: escapeRegex(q) } });
    }
    const fingerprint = fingerprintOf({ type: query.type, q: query.q });
    const and: Array<QueryFilter<StoredEntity>> = [filter];
    if (query.cursor) {
      const [count, name, id] = decodeCursor(query.cursor, 'entities', fingerprint) as [number, string, string];
      and.push({ $or: [{ articleCount: { $lt: count } }, { articleCount: count, name: { $gt: name } }, { articleCount: count, name, _id: { $gt: id } }] });
    }
    const docs = await this.entities
      .find(and.length > 1 ? { $and: and } : filter)
      .sort({ articleCount: -1, name: 1, _id: 1 })
      .limit(query.limit + 1)
      .maxTimeMS(this.config.QUERY_TIMEOUT_MS)
      .lean<StoredEntity[]>();
    const items = docs.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items: items.map(entityView), nextCursor: docs.length > query.limit ? encodeCursor('entities', fingerprint, [last.articleCount, last.name, last._id]) : null };
  }

  /** The entity, its newest articles, and the entities that appear with it most. */
  async detail(type: EntityType, rawName: string, limit: number, relatedLimit: number): Promise<EntityDetail> {
    const entity = await this.find(type, cleanName(rawName));
    if (!entity) throw new NotFoundException(`no ${type} ${rawName}`);
    const key = entityPathKey({ name: entity.name, code: entity.code ?? null });
    const param = { person: 'person', place: 'place', organization: 'organization', campaign: 'campaign' }[type] as 'person';
    const [articles, related] = await Promise.all([
      this.search.list({ [param]: [key], sort: '-date', limit, facets: false, facetLimit: 10 }),
      this.facets.facets({ $and: [{ live: true }, { keys: entity._id }] }, relatedLimit, entity._id),
    ]);
    return {
      entity: entityView(entity),
      articles: { items: articles.items, nextCursor: articles.nextCursor, href: articlesHref(type, { name: entity.name, code: entity.code ?? null }, '&sort=-date') },
      related,
    };
  }

  /** By id (a place also by its code), else a place by a name it was written with. */
  private async find(type: EntityType, name: string): Promise<StoredEntity | null> {
    const byId = await this.entities.findById(entityId(type, name)).lean<StoredEntity>();
    if (byId || type !== 'place' || DIVISION_CODE.test(name)) return byId;
    return this.entities.findOne({ type: 'place', aliases: name }).sort({ articleCount: -1 }).lean<StoredEntity>();
  }
}
