import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import type { ArticleList, ArticleSummary } from '@baoxun/shared/contracts/api.contract';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';
import type { ArticleListQuery } from '../http/request-params.schema';
import { afterSortKey, type ArticleSort, buildArticleMatch, chooseAnchor } from '../search/article-match.builder';
import { cleanName, DIVISION_CODE, entityId, keys } from '../search/entity-keys';
import { planQuery, type TermPlan } from '../search/ngram.tokenizer';
import { relevanceScore } from '../search/relevance.scorer';
import { StoredArticle } from '../store/article.schema';
import { SUMMARY_PROJECTION, type SummaryDoc, summaryView } from './article.views';
import { decodeCursor, encodeCursor, fingerprintOf } from './cursor.codec';
import { FacetsService } from './facets.service';
import { GramStats } from './gram-stats.service';
import { PlaceResolver } from './place-resolver.service';
import { ServedVersions } from './served-versions.service';

/** A list query turned into its store filter. */
export interface ArticleListPlan {
  match: Record<string, unknown>;
  terms: TermPlan[];
  sort: ArticleSort;
  fingerprint: string;
}

/** Rounds of reading past articles that turn out not to be served (only during a page's version switch). */
const MAX_ROUNDS = 4;

/** GET /v1/articles: filters, text query, date or relevance order, keyset cursor, facets. */
@Injectable()
export class ArticleSearchService {
  constructor(
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
    @Inject(SERVICE_CONFIG) private readonly config: ApiConfig,
    private readonly served: ServedVersions,
    private readonly gramStats: GramStats,
    private readonly places: PlaceResolver,
    private readonly facetsService: FacetsService,
  ) {}

  async list(query: ArticleListQuery): Promise<ArticleList> {
    const plan = await this.plan(query);
    const [page, facets] = await Promise.all([
      plan.sort === 'relevance' ? this.byRelevance(plan, query.limit, query.cursor) : this.byDate(plan, query.limit, query.cursor),
      query.facets ? this.facetsService.facets(plan.match, query.facetLimit) : Promise.resolve(null),
    ]);
    return { ...page, facets };
  }

  async plan(query: ArticleListQuery): Promise<ArticleListPlan> {
    const timeout = this.config.QUERY_TIMEOUT_MS;
    const groups: string[][] = [];
    for (const name of query.person ?? []) groups.push([entityId('person', cleanName(name))]);
    for (const name of query.organization ?? []) groups.push([entityId('organization', cleanName(name))]);
    for (const name of query.campaign ?? []) groups.push([entityId('campaign', cleanName(name))]);
    for (const place of query.place ?? []) {
      if (DIVISION_CODE.test(place)) groups.push([entityId('place', place)]);
      else groups.push([keys.placeName(place), ...(await this.places.codesFor(place, timeout)).map((code) => entityId('place', code))]);
    }
    for (const division of query.within ?? []) {
      if (DIVISION_CODE.test(division)) groups.push([keys.within(division)]);
      else groups.push([keys.within(division), ...(await this.places.codesFor(division, timeout)).map((code) => keys.within(code))]);
    }
    if (query.source) groups.push([keys.source(query.source)]);
    if (query.pageId) groups.push([keys.pageId(query.pageId)]);
    if (query.page) groups.push([keys.pageNumber(query.page)]);

    const terms = query.q ? planQuery(query.q) : [];
    if (query.q && terms.length === 0) throw new BadRequestException({ message: 'invalid query: q has no letters or digits to search for', issues: [{ parameter: 'q', message: 'has no letters or digits to search for' }] });
    const counts = terms.length > 0 ? await this.gramStats.counts(terms.flatMap((term) => term.grams), timeout) : undefined;
    const from = query.date ?? query.from;
    const to = query.date ?? query.to;
    const match = buildArticleMatch({ keyGroups: groups, from, to, terms, anchor: chooseAnchor(terms, counts) });
    const { limit: _limit, cursor: _cursor, facets: _facets, facetLimit: _facetLimit, ...filters } = query;
    return { match, terms, sort: query.sort, fingerprint: fingerprintOf(filters) };
  }

  /** In sortKey order, reading on past articles of versions not (or no longer) served. */
  private async byDate(plan: ArticleListPlan, limit: number, cursor?: string): Promise<{ items: ArticleSummary[]; nextCursor: string | null }> {
    let after = cursor ? String(decodeCursor(cursor, 'articles', plan.fingerprint)[0]) : null;
    const want = limit + 1;
    const found: SummaryDoc[] = [];
    let reread = false;
    for (let round = 0; round < MAX_ROUNDS && found.length < want; round++) {
      const asked = want - found.length;
      const filter = after ? { $and: [plan.match, afterSortKey(after, plan.sort)] } : plan.match;
      const batch = await this.articles
        .find(filter, SUMMARY_PROJECTION)
        .sort({ sortKey: plan.sort === 'date' ? 1 : -1 })
        .limit(asked)
        .maxTimeMS(this.config.QUERY_TIMEOUT_MS)
        .lean<SummaryDoc[]>();
      const { served, switchedDuringRead } = await this.served.check(batch);
      if (switchedDuringRead && !reread) {
        reread = true;
        round--;
        continue;
      }
      found.push(...served);
      if (batch.length < asked) break;
      after = batch[batch.length - 1].sortKey;
    }
    const items = found.slice(0, limit);
    const more = found.length > limit;
    return {
      items: items.map((doc) => summaryView(doc, plan.terms)),
      nextCursor: more ? encodeCursor('articles', plan.fingerprint, [items[items.length - 1].sortKey]) : null,
    };
  }

  /** Scores the newest RELEVANCE_WINDOW matches and pages through them best first (ties: newest first). */
  private async byRelevance(plan: ArticleListPlan, limit: number, cursor?: string): Promise<{ items: ArticleSummary[]; nextCursor: string | null }> {
    const read = () =>
      this.articles.find(plan.match, SUMMARY_PROJECTION).sort({ sortKey: -1 }).limit(this.config.RELEVANCE_WINDOW).maxTimeMS(this.config.QUERY_TIMEOUT_MS).lean<SummaryDoc[]>();
    let checked = await this.served.check(await read());
    if (checked.switchedDuringRead) checked = await this.served.check(await read());
    const ranked = checked.served
      .map((doc) => ({ doc, score: relevanceScore(doc, plan.terms) }))
      .sort((a, b) => b.score - a.score || (a.doc.sortKey < b.doc.sortKey ? 1 : a.doc.sortKey > b.doc.sortKey ? -1 : 0));
    let start = 0;
    if (cursor) {
      const [score, sortKey] = decodeCursor(cursor, 'articles', plan.fingerprint) as [number, string];
      start = ranked.findIndex((item) => item.score < score || (item.score === score && item.doc.sortKey < sortKey));
      if (start === -1) start = ranked.length;
    }
    const page = ranked.slice(start, start + limit + 1);
    const items = page.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((item) => summaryView(item.doc, plan.terms, item.score)),
      nextCursor: page.length > limit ? encodeCursor('articles', plan.fingerprint, [last.score, last.doc.sortKey]) : null,
    };
  }
}
