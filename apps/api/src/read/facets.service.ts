import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import type { EntityType, Facets } from '@baoxun/shared/contracts/api.contract';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';
import { ARTICLE_SENTINEL, parseEntityId } from '../search/entity-keys';
import { StoredArticle } from '../store/article.schema';
import { StoredEntity } from '../store/entity.schema';
import { IdBatch } from '../store/id-batch';
import { entityHref } from './entity-links';

const GROUPS: Array<[keyof Omit<Facets, 'scanned' | 'complete'>, EntityType]> = [
  ['people', 'person'],
  ['places', 'place'],
  ['organizations', 'organization'],
  ['campaigns', 'campaign'],
];

/**
 * Counts the entities of the articles a query matches (the newest FACET_SAMPLE_SIZE of them), in one
 * aggregation that both MongoDB and FerretDB v1 run: $match (on the list's index), $sort, $limit, $unwind,
 * $group. Counts use the `live` flag, so for the few milliseconds of a page's version switch a re-scanned
 * page may count twice.
 */
@Injectable()
export class FacetsService {
  constructor(
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
    @InjectModel(StoredEntity.name) private readonly entities: Model<StoredEntity>,
    @Inject(SERVICE_CONFIG) private readonly config: ApiConfig,
    private readonly ids: IdBatch,
  ) {}

  async facets(match: Record<string, unknown>, limit: number, exclude?: string): Promise<Facets> {
    const sample = this.config.FACET_SAMPLE_SIZE;
    const rows = await this.articles
      .aggregate<{ _id: string; count: number }>([
        { $match: match },
        { $sort: { sortKey: -1 } },
        { $limit: sample },
        { $project: { entityIds: 1 } },
        { $unwind: '$entityIds' },
        { $group: { _id: '$entityIds', count: { $sum: 1 } } },
      ])
      .option({ maxTimeMS: this.config.QUERY_TIMEOUT_MS });
    const scanned = rows.find((row) => row._id === ARTICLE_SENTINEL)?.count ?? 0;
    const top = new Map<EntityType, Array<{ id: string; key: string; count: number }>>();
    for (const row of rows) {
      const parsed = parseEntityId(row._id);
      if (!parsed || row._id === exclude) continue;
      const list = top.get(parsed.type) ?? [];
      list.push({ id: row._id, key: parsed.key, count: row.count });
      top.set(parsed.type, list);
    }
    for (const [type, list] of top) top.set(type, list.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)).slice(0, limit));
    const shown = [...top.values()].flat();
    const known = new Map(
      (await this.ids.find<Pick<StoredEntity, '_id' | 'name' | 'code'>>(this.entities as never, shown.map((item) => item.id), { name: 1, code: 1 })).map((entity) => [entity._id, entity]),
    );
    const facets = { scanned, complete: scanned < sample } as Facets;
    for (const [field, type] of GROUPS) {
      facets[field] = (top.get(type) ?? []).map((item) => {
        const entity = known.get(item.id);
        const value = { name: entity?.name ?? item.key, code: entity?.code ?? null };
        return { type, ...value, count: item.count, href: entityHref(type, value) };
      });
    }
    return facets;
  }
}
