import type { ArticleEnriched, Dateline, Entities, Mention } from '@baoxun/shared/contracts/article.contract';
import type { PageParsed, PageReceived } from '@baoxun/shared/contracts/page.contract';
import { articleIdOf, contentHashOf, pageIdOf } from '@baoxun/shared/identity/page-identity';

// Test pages for the api, built with the real identity functions: the messages the parser and the enricher
// would publish for them. Mentions are found in the text, so their offsets are real.

export interface FixturePlace {
  name: string;
  code?: string;
  canonicalName?: string;
  parents?: Array<{ code: string; name: string }>;
}

export interface FixtureArticle {
  headline: string;
  body: string;
  kicker?: string;
  subheadlines?: string[];
  people?: Array<string | { name: string; roles: string[] }>;
  places?: FixturePlace[];
  organizations?: string[];
  campaigns?: string[];
  continuation?: { toPage: string; marker: string };
  continuedFrom?: { fromPage: string; marker: string };
  datelines?: Dateline[];
}

export interface FixturePage {
  source: string;
  date: string;
  page: string;
  articles: FixtureArticle[];
  /** Defaults to now; a later time makes a re-scan. */
  receivedAt?: Date;
  /** Extra text so that two versions of a page differ. */
  version?: string;
}

export interface PageMessages {
  received: PageReceived;
  parsed: PageParsed;
  enriched: ArticleEnriched[];
}

function mentionsOf(article: FixtureArticle, name: string): Mention[] {
  const mentions: Mention[] = [];
  const fields: Array<[Mention['field'], string | undefined, number | undefined]> = [
    ['kicker', article.kicker, undefined],
    ['headline', article.headline, undefined],
    ...(article.subheadlines ?? []).map((line, index): [Mention['field'], string, number] => ['subheadline', line, index]),
    ['body', article.body, undefined],
  ];
  for (const [field, text, index] of fields) {
    if (!text) continue;
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      mentions.push({ field, ...(index === undefined ? {} : { index }), start: at, end: at + name.length, text: name });
    }
  }
  return mentions;
}

function entitiesOf(article: FixtureArticle): Entities {
  return {
    people: (article.people ?? []).map((person) => {
      const { name, roles } = typeof person === 'string' ? { name: person, roles: [] } : person;
      return { name, roles, mentions: mentionsOf(article, name) };
    }),
    places: (article.places ?? []).map((place) => ({
      name: place.name,
      code: place.code ?? null,
      canonicalName: place.canonicalName ?? null,
      parents: place.parents ?? [],
      mentions: mentionsOf(article, place.name),
    })),
    organizations: (article.organizations ?? []).map((name) => ({ name, mentions: mentionsOf(article, name) })),
    campaigns: (article.campaigns ?? []).map((name) => ({ name, mentions: mentionsOf(article, name) })),
  };
}

export function pageMessages(fixture: FixturePage): PageMessages {
  const ref = { source: fixture.source, date: fixture.date, page: fixture.page };
  const pageId = pageIdOf(ref);
  const text = `${fixture.articles.map((article) => `${article.headline}\n\n${article.body}`).join('\n\n')}\n${fixture.version ?? ''}`;
  const contentHash = contentHashOf(text);
  const receivedAt = (fixture.receivedAt ?? new Date()).toISOString();
  const correlationId = `test-${pageId}-${contentHash.slice(0, 6)}`;
  const ids = fixture.articles.map((_, order) => articleIdOf(pageId, contentHash, order));
  return {
    received: { pageId, page: ref, text, contentHash, receivedAt, correlationId },
    parsed: { pageId, page: ref, contentHash, pageReceivedAt: receivedAt, articleIds: ids, parserVersion: 'test-parser', parsedAt: receivedAt, correlationId },
    enriched: fixture.articles.map((article, order) => ({
      id: ids[order],
      pageId,
      page: ref,
      order,
      kicker: article.kicker ?? null,
      headline: article.headline,
      subheadlines: article.subheadlines ?? [],
      byline: null,
      body: article.body,
      continuation: article.continuation ?? null,
      continuedFrom: article.continuedFrom ?? null,
      datelines: article.datelines ?? [],
      pageVersion: contentHash,
      pageReceivedAt: receivedAt,
      parserVersion: 'test-parser',
      correlationId,
      entities: entitiesOf(article),
      taggerVersion: 'test-tagger',
      pipelineVersion: 'test-parser+test-tagger',
    })),
  };
}
