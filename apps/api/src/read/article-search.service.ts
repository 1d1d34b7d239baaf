import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '@baoxun/shared/config/api.config';
import type { ArticleList, ArticleSummary } from '@baoxun/shared/contracts/api.contract';
import { SERVICE_CONFIG } from '@baoxun/shared/service/service.tokens';
import type { ArticleListQuery } from '../http/request-params.schema';
import { ARTICLE_WITHOUT_GRAMS } from '../search/article-index.fields';
import { type ArticleMatch, type ArticleSort, buildArticleMatch, sortKeyRange, withSortKey } from '../search/article-match.builder';
import { cleanName, DIVISION_CODE, entityId, keys } from '../search/entity-keys';
import { planQuery, type TermPlan } from '../search/ngram.tokenizer';
import { relevanceScore } from '../search/relevance.scorer';
import { ArticleRepository, type SortKeyOrder } from '../store/article.repository';
import { ArticleSummaryBackfill } from '../store/article-summary.backfill';
import { ArticleSummaryRepository } from '../store/article-summary.repository';
import { FacetDays } from '../store/facet-days.service';
import type { StoredArticleSummary } from '../store/article-summary.schema';
import { type ListedDoc, type SummaryDoc, summaryView } from './article.views';
import { decodeCursor, encodeCursor, fingerprintOf } from './cursor.codec';
import { FacetsService } from './facets.service';
import { GramStats } from './gram-stats.service';
import { PlaceResolver } from './place-resolver.service';
import { ServedVersions } from './served-versions.service';

/** A list query turned into its store filter. */
export interface ArticleListPlan {
  match: ArticleMatch;
  terms: TermPlan[];
  sort: ArticleSort;
  fingerprint: string;
  /** Set when the list is filtered by paper and/or dates alone: its facets are added up from the day counts. */
  days: { source?: string; from?: string; to?: string } | null;
}

/**
 * Rounds of reading on past articles that are not served (a page's version switch) or fail the phrase check
 * (their pairs co-occur, the phrase is not there). Each round asks for more; the list ends short after them.
 */
const MAX_ROUNDS = 6;

/**
 * Articles read in a checked list's (a text query's) rounds after the first, doubling each round. The first asks
 * a quarter more than it needs: most candidates pass (pairs that co-occur without the phrase are rare).
 */
const CHECKED_BATCH = 40;

/**
 * What a text query reads of its candidates: what the phrase check, relevance and the list item need but the
 * entities, which the item takes from the article's summary instead (see withEntities): the patched FerretDB
 * leaves excluded fields in PostgreSQL, and grams and mentions are most of what it would decode.
 */
const TEXT_CANDIDATE_PROJECTION = { grams: 0, entities: 0, datelines: 0 } as const;

/** A text query's candidate: a list item's fields, the body, and the entities only where they were read. */
type TextDoc = Omit<SummaryDoc, 'entities'> & { entities?: SummaryDoc['entities']; keys?: string[] };

/** What the list loop reads of a document: what the served check, the keyset and `check` need. */
type Listed = Pick<StoredArticleSummary, '_id' | 'pageId' | 'pageVersion' | 'pageReceivedAt' | 'sortKey' | 'kicker' | 'headline' | 'subheadlines'> & { keys?: string[]; body?: string };

/** A list filter as the summaries take it: they exist only for live articles, so they have no `live` field. */
const withoutLive = ({ live: _live, ...filter }: Record<string, unknown>): Record<string, unknown> => filter;

/** GET /v1/articles: filters, text query, date or relevance order, keyset cursor, facets. */
@Injectable()
export class ArticleSearchService {
  constructor(
    private readonly articles: ArticleRepository,
    private readonly summaries: ArticleSummaryRepository,
    private readonly summaryBackfill: ArticleSummaryBackfill,
    @Inject(SERVICE_CONFIG) private readonly config: ApiConfig,
    private readonly served: ServedVersions,
    private readonly gramStats: GramStats,
    private readonly places: PlaceResolver,
    private readonly facetsService: FacetsService,
    private readonly facetDays: FacetDays,
  ) {}

  async list(query: ArticleListQuery): Promise<ArticleList> {
    // A q with nothing to search for (only punctuation or symbols) finds no article: an empty page, as for any
    // query that matches nothing (schemathesis sends q=} as a valid value, and the document cannot say otherwise).
    if (query.q && planQuery(query.q).length === 0) {
      return { items: [], nextCursor: null, facets: query.facets ? { people: [], places: [], organizations: [], campaigns: [], scanned: 0, complete: true } : null };
    }
    const plan = await this.plan(query);
    const [page, facets] = await Promise.all([
      plan.sort === 'relevance' ? this.byRelevance(plan, query.limit, query.cursor) : this.byDate(plan, query.limit, query.cursor),
      query.facets ? this.facetsOf(plan, query.facetLimit) : Promise.resolve(null),
    ]);
    return { ...page, facets };
  }

  /**
   * A text query's facets count what the list itself finds (phrase checked); a list by paper and/or dates adds up
   * the day counts (once they are all in place); other lists count the facet documents.
   */
  private async facetsOf(plan: ArticleListPlan, limit: number): Promise<ArticleList['facets']> {
    if (plan.days && this.facetDays.countsComplete) return this.facetsService.fromDays(plan.days, limit);
    if (plan.terms.length === 0) return this.facetsService.facets(plan.match, limit);
    const { found } = await this.matching(plan, -1, null, this.facetsService.sampleSize);
    return this.facetsService.fromArticles(await this.withEntities(found), limit);
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
    const match = buildArticleMatch({ keyGroups: groups, from, to, terms, gramCounts: counts });
    const { limit: _limit, cursor: _cursor, facets: _facets, facetLimit: _facetLimit, ...filters } = query;
    const days = terms.length === 0 && groups.length === (query.source ? 1 : 0) ? { source: query.source, from, to } : null;
    return { match, terms, sort: query.sort, fingerprint: fingerprintOf(filters), days };
  }

  /** In sortKey order, reading on past articles of versions not (or no longer) served and those the check refuses. */
  private async byDate(plan: ArticleListPlan, limit: number, cursor?: string): Promise<{ items: ArticleSummary[]; nextCursor: string | null }> {
    const after = cursor ? String(decodeCursor(cursor, 'articles', plan.fingerprint)[0]) : null;
    const order = plan.sort === 'date' ? 1 : -1;
    // Without a text query nothing needs the body: the lean summaries serve (once every served article has one).
    const { found, resumeAfter }: { found: Array<ListedDoc | TextDoc>; resumeAfter: string | null } =
      plan.terms.length === 0 && this.summaryBackfill.summariesComplete
        ? await this.matchingIn(plan, order, after, limit + 1, (filters, asked) => this.summaries.findSorted(filters.map(withoutLive), order, asked, this.config.QUERY_TIMEOUT_MS))
        : await this.matching(plan, order, after, limit + 1);
    const items = found.slice(0, limit);
    // Rounds used up before a full page: the next page goes on from the last article read.
    const next = found.length > limit ? items[items.length - 1].sortKey : resumeAfter;
    return {
      items: (await this.withEntities(items)).map((doc) => summaryView(doc, plan.terms)),
      nextCursor: next !== null ? encodeCursor('articles', plan.fingerprint, [next]) : null,
    };
  }

  /**
   * Up to `want` served articles matching the plan after sortKey `after`, in sortKey order: pages of the flat
   * filters (each sorted and limited in the store) until enough pass the served-version check and the phrase
   * check. Also what facets with q and the relevance window read.
   */
  matching(plan: ArticleListPlan, order: SortKeyOrder, after: string | null, want: number): Promise<{ found: TextDoc[]; resumeAfter: string | null }> {
    // Until every served article has a summary (ArticleSummaryBackfill), the entities are read with the article.
    const projection = this.summaryBackfill.summariesComplete ? TEXT_CANDIDATE_PROJECTION : ARTICLE_WITHOUT_GRAMS;
    return this.matchingIn(plan, order, after, want, (filters, asked) => this.articles.findSorted<TextDoc>(filters, order, asked, projection, this.config.QUERY_TIMEOUT_MS));
  }

  /**
   * The documents with their entities: those read without them take them from their summaries (an article
   * replaced since it was read has none: its own entities are read then).
   */
  private async withEntities<T extends ListedDoc | TextDoc>(docs: T[]): Promise<Array<T & ListedDoc>> {
    const lacking = docs.filter((doc) => !doc.entities).map((doc) => doc._id);
    if (lacking.length === 0) return docs as Array<T & ListedDoc>;
    const entities = new Map((await this.summaries.findByIds(lacking)).map((summary) => [summary._id, summary.entities]));
    const missing = lacking.filter((id) => !entities.has(id));
    for (const doc of await this.articles.findByIds<Pick<SummaryDoc, '_id' | 'entities'>>(missing, { entities: 1 })) entities.set(doc._id, doc.entities);
    const none = { people: [], places: [], organizations: [], campaigns: [] };
    return docs.map((doc) => (doc.entities ? doc : { ...doc, entities: entities.get(doc._id) ?? none })) as Array<T & ListedDoc>;
  }

  /** `matching`, on whichever documents `read` finds (articles, or their summaries). */
  private async matchingIn<T extends Listed>(
    plan: ArticleListPlan,
    order: SortKeyOrder,
    after: string | null,
    want: number,
    read: (filters: Array<Record<string, unknown>>, asked: number) => Promise<T[]>,
  ): Promise<{ found: T[]; resumeAfter: string | null }> {
    const { match } = plan;
    const found: T[] = [];
    let position = after;
    let reread = false;
    for (let round = 0; round < MAX_ROUNDS && found.length < want; round++) {
      const needed = want - found.length;
      const asked = !match.check ? needed : round === 0 ? Math.ceil(needed * 1.25) : Math.max(needed, Math.min(CHECKED_BATCH << round, 1_000));
      const range = sortKeyRange(match.range, position, order === 1 ? 'date' : '-date');
      const batch = await read(
        match.filters.map((filter) => withSortKey(filter, range)),
        asked,
      );
      const { served, switchedDuringRead } = await this.served.check(batch);
      if (switchedDuringRead && !reread) {
        reread = true;
        round--;
        continue;
      }
      for (const doc of served) {
        if (found.length === want) break;
        if (!match.check || match.check({ ...doc, body: doc.body ?? '' })) found.push(doc);
      }
      if (batch.length < asked) return { found, resumeAfter: null };
      position = batch[batch.length - 1].sortKey;
    }
    return { found, resumeAfter: found.length < want ? position : null };
  }

  /** Scores the newest RELEVANCE_WINDOW matches and pages through them best first (ties: newest first). */
  private async byRelevance(plan: ArticleListPlan, limit: number, cursor?: string): Promise<{ items: ArticleSummary[]; nextCursor: string | null }> {
    const { found } = await this.matching(plan, -1, null, this.config.RELEVANCE_WINDOW);
    const ranked = found
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
    const shown = await this.withEntities(items.map((item) => item.doc));
    return {
      items: items.map((item, index) => summaryView(shown[index], plan.terms, item.score)),
      nextCursor: page.length > limit ? encodeCursor('articles', plan.fingerprint, [last.score, last.doc.sortKey]) : null,
    };
  }
}
