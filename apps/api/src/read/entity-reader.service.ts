import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import type { ArticleSummary, EntityDetail, EntityList, EntitySummary, EntityTimeline, EntityType } from '@baoxun/shared/contracts/api.contract';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';
import type { EntityListQuery } from '../http/request-params.schema';
import { cleanName, DIVISION_CODE, entityId } from '../search/entity-keys';
import type { StoredEntity } from '../store/entity.schema';
import { EntityRepository } from '../store/entity.repository';
import { buildArticleMatch } from '../search/article-match.builder';
import { ArticleSearchService } from './article-search.service';
import { decodeCursor, encodeCursor, fingerprintOf } from './cursor.codec';
import { articlesHref, entityHref, entityPathKey } from './entity-links';
import { articlesPerMonth, rolesOverTime } from './entity-timeline';
import { FacetsService } from './facets.service';


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

/** Articles read per store query while a timeline scans an entity's articles. */
const TIMELINE_PAGE_SIZE = 500;

/** GET /v1/entities and /v1/entities/:type/:name. */
@Injectable()
export class EntityReader {
  constructor(
    private readonly entities: EntityRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ApiConfig,
    private readonly search: ArticleSearchService,
    private readonly facets: FacetsService,
  ) {}

  /** Entities most mentioned first (then by name), optionally of one type and containing q. */
  async list(query: EntityListQuery): Promise<EntityList> {
    const fingerprint = fingerprintOf({ type: query.type, q: query.q });
    const after = query.cursor ? (decodeCursor(query.cursor, 'entities', fingerprint) as [number, string, string]) : undefined;
    const docs = await this.entities.list({ type: query.type, q: query.q ? cleanName(query.q) : undefined, after, limit: query.limit + 1 }, this.config.QUERY_TIMEOUT_MS);
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
      this.facets.facets(buildArticleMatch({ keyGroups: [[entity._id]], terms: [] }), relatedLimit, entity._id),
    ]);
    return {
      entity: entityView(entity),
      articles: { items: articles.items, nextCursor: articles.nextCursor, href: articlesHref(type, { name: entity.name, code: entity.code ?? null }, '&sort=-date') },
      related,
    };
  }

  /**
   * Articles per month and a person's roles over time, from the entity's articles newest first: read a list page
   * at a time (the same lean summaries and served-version checks as /v1/articles), at most FACET_SAMPLE_SIZE.
   */
  async timeline(type: EntityType, rawName: string): Promise<EntityTimeline> {
    const entity = await this.find(type, cleanName(rawName));
    if (!entity) throw new NotFoundException(`no ${type} ${rawName}`);
    const key = entityPathKey({ name: entity.name, code: entity.code ?? null });
    const param = { person: 'person', place: 'place', organization: 'organization', campaign: 'campaign' }[type] as 'person';
    // Bounded work per request whatever MAX_PAGE_SIZE is: pages of TIMELINE_PAGE_SIZE, and one QUERY_TIMEOUT_MS for
    // the whole scan (what is read by then is answered, with complete: false).
    const limit = TIMELINE_PAGE_SIZE;
    const deadline = Date.now() + this.config.QUERY_TIMEOUT_MS;
    const articles: ArticleSummary[] = [];
    let cursor: string | undefined;
    let more = true;
    while (more && articles.length < this.config.FACET_SAMPLE_SIZE && Date.now() < deadline) {
      const page = await this.search.list({ [param]: [key], sort: '-date', limit, cursor, facets: false, facetLimit: 10 });
      articles.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      more = page.nextCursor !== null;
    }
    const scanned = articles.slice(0, this.config.FACET_SAMPLE_SIZE);
    return {
      entity: entityView(entity),
      months: articlesPerMonth(scanned),
      roles: type === 'person' ? rolesOverTime(scanned, entity.name) : [],
      scanned: scanned.length,
      complete: !more && scanned.length === articles.length,
    };
  }

  /** By id (a place also by its code), else a place by a name it was written with. */
  private async find(type: EntityType, name: string): Promise<StoredEntity | null> {
    const byId = await this.entities.findById(entityId(type, name));
    if (byId || type !== 'place' || DIVISION_CODE.test(name)) return byId;
    return this.entities.placeByAlias(name);
  }
}
