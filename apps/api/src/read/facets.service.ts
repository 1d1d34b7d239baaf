import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import type { EntityType, Facets } from '@baoxun/shared/contracts/api.contract';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';
import { type ArticleMatch, sortKeyRange, withSortKey } from '../search/article-match.builder';
import { ARTICLE_SENTINEL, cleanName, entityId, parseEntityId } from '../search/entity-keys';
import { ArticleFacetRepository } from '../store/article-facet.repository';
import { EntityRepository } from '../store/entity.repository';
import { FacetDayRepository } from '../store/facet-day.repository';
import type { SummaryDoc } from './article.views';
import { entityHref } from './entity-links';

const GROUPS: Array<[keyof Omit<Facets, 'scanned' | 'complete'>, EntityType]> = [
  ['people', 'person'],
  ['places', 'place'],
  ['organizations', 'organization'],
  ['campaigns', 'campaign'],
];

/** The facet documents' filter of a list: its key conditions and date range (every facet document is live). */
const facetFilter = (filter: Record<string, unknown>, range: Record<string, string> | null): Record<string, unknown> => {
  const { live: _live, grams: _grams, ...keys } = filter;
  return withSortKey(keys, range);
};

/** An article's entity ids from its summary (the same ids entityRefsOf gives when it is stored). */
export function summaryEntityIds(doc: Pick<SummaryDoc, 'entities'>): string[] {
  const ids = new Set<string>([ARTICLE_SENTINEL]);
  for (const person of doc.entities?.people ?? []) if (cleanName(person.name)) ids.add(entityId('person', cleanName(person.name)));
  for (const place of doc.entities?.places ?? []) {
    const name = cleanName(place.name);
    if (name) ids.add(entityId('place', place.code ?? (place.canonicalName ? cleanName(place.canonicalName) : null) ?? name));
  }
  for (const org of doc.entities?.organizations ?? []) if (cleanName(org.name)) ids.add(entityId('organization', cleanName(org.name)));
  for (const campaign of doc.entities?.campaigns ?? []) if (cleanName(campaign.name)) ids.add(entityId('campaign', cleanName(campaign.name)));
  return [...ids];
}

/**
 * Counts the entities of the articles a list matches (the newest FACET_SAMPLE_SIZE of them). Without a text
 * query they are counted on the lean facet documents (article_facets: keys, sortKey, entity ids), read newest
 * first with the list's own flat filters; with q, on the articles the list itself finds (the phrase is checked
 * in the app). Counting is done here, the same on both stores.
 */
@Injectable()
export class FacetsService {
  constructor(
    private readonly facetDocs: ArticleFacetRepository,
    private readonly entities: EntityRepository,
    private readonly days: FacetDayRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ApiConfig,
  ) {}

  get sampleSize(): number {
    return this.config.FACET_SAMPLE_SIZE;
  }

  /** Facets of a list without a text query (its check, if any, only tests keys). */
  async facets(match: Pick<ArticleMatch, 'filters' | 'range' | 'check'>, limit: number, exclude?: string): Promise<Facets> {
    const range = sortKeyRange(match.range, null, '-date');
    const docs = await this.facetDocs.newest(
      match.filters.map((filter) => facetFilter(filter, range)),
      this.sampleSize,
      this.config.QUERY_TIMEOUT_MS,
      match.check !== null,
    );
    const check = match.check;
    const counted = check ? docs.filter((doc) => check({ keys: doc.keys, kicker: null, headline: '', subheadlines: [], body: '' })) : docs;
    return this.count(
      counted.map((doc) => doc.entityIds),
      limit,
      exclude,
    );
  }

  /** Facets of the articles a text query found (at most FACET_SAMPLE_SIZE of them, newest first). */
  fromArticles(docs: ReadonlyArray<Pick<SummaryDoc, 'entities'>>, limit: number): Promise<Facets> {
    return this.count(docs.map(summaryEntityIds), limit);
  }

  /**
   * Facets of a list filtered by paper and/or dates alone, added up from the day counts (article_facet_days):
   * every matching article is counted, so they are complete whatever the range.
   */
  async fromDays(filter: { source?: string; from?: string; to?: string }, limit: number): Promise<Facets> {
    const counts = new Map<string, number>();
    for (const day of await this.days.inRange(filter, this.config.QUERY_TIMEOUT_MS)) {
      for (const [id, count] of day.counts) counts.set(id, (counts.get(id) ?? 0) + count);
    }
    return this.top(counts, limit, true);
  }

  private count(perArticle: ReadonlyArray<readonly string[]>, limit: number, exclude?: string): Promise<Facets> {
    const counts = new Map<string, number>();
    for (const ids of perArticle) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return this.top(counts, limit, (counts.get(ARTICLE_SENTINEL) ?? 0) < this.sampleSize, exclude);
  }

  /** The `limit` most counted entities of each type, named from their entity documents. */
  private async top(counts: ReadonlyMap<string, number>, limit: number, complete: boolean, exclude?: string): Promise<Facets> {
    const scanned = counts.get(ARTICLE_SENTINEL) ?? 0;
    const top = new Map<EntityType, Array<{ id: string; key: string; count: number }>>();
    for (const [id, count] of counts) {
      const parsed = parseEntityId(id);
      if (!parsed || id === exclude) continue;
      const list = top.get(parsed.type) ?? [];
      list.push({ id, key: parsed.key, count });
      top.set(parsed.type, list);
    }
    for (const [type, list] of top) top.set(type, list.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)).slice(0, limit));
    const shown = [...top.values()].flat();
    const known = new Map(
      (await this.entities.findByIds<{ _id: string; name: string; code: string | null }>(shown.map((item) => item.id), { name: 1, code: 1 })).map((entity) => [entity._id, entity]),
    );
    const facets = { scanned, complete } as Facets;
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
