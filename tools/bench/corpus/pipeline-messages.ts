// The messages the pipeline would carry for a page, built with the real parser and tagger and the real
// identity functions: used for the transport's own limit (same bytes, no work) and to load the api.
import type { ArticleEnriched, ArticleParsed, ArticleText } from '@baoxun/shared/contracts/article.contract';
import type { PageParsed, PageReceived } from '@baoxun/shared/contracts/page.contract';
import { articleIdOf, contentHashOf, pageIdOf } from '@baoxun/shared/identity/page-identity';
import { PARSER_VERSION, parsePage } from '@baoxun/page-parser/page.parser';
import { TAGGER_VERSION, tagArticle } from '@baoxun/entity-tagger/article.tagger';

export interface PageRefInput {
  source: string;
  date: string;
  page: string;
}

export interface PageMessages {
  received: PageReceived;
  parsed: PageParsed;
  articles: ArticleParsed[];
  enriched: ArticleEnriched[];
}

export function pageReceivedOf(ref: PageRefInput, text: string, receivedAt = new Date()): PageReceived {
  const pageId = pageIdOf(ref);
  return { pageId, page: ref, text, contentHash: contentHashOf(text), receivedAt: receivedAt.toISOString(), correlationId: `bench-${pageId}` };
}

export function articlesParsedOf(page: PageReceived, articles: readonly ArticleText[]): ArticleParsed[] {
  return articles.map((article) => ({
    ...article,
    id: articleIdOf(page.pageId, page.contentHash, article.order),
    pageId: page.pageId,
    page: page.page,
    pageVersion: page.contentHash,
    pageReceivedAt: page.receivedAt,
    parserVersion: PARSER_VERSION,
    correlationId: page.correlationId,
  }));
}

export function pageParsedOf(page: PageReceived, articles: readonly ArticleParsed[]): PageParsed {
  return {
    pageId: page.pageId,
    page: page.page,
    contentHash: page.contentHash,
    pageReceivedAt: page.receivedAt,
    articleIds: articles.map((article) => article.id),
    parserVersion: PARSER_VERSION,
    parsedAt: new Date().toISOString(),
    correlationId: page.correlationId,
  };
}

export function enrichedOf(article: ArticleParsed): ArticleEnriched {
  const pipelineVersion = `${article.parserVersion}+${TAGGER_VERSION}`;
  return { ...article, entities: tagArticle(article), taggerVersion: TAGGER_VERSION, pipelineVersion };
}

/** Every message one page makes on its way through the pipeline (the parser and tagger really run). */
export function pageMessagesOf(ref: PageRefInput, text: string): PageMessages {
  const received = pageReceivedOf(ref, text);
  const articles = articlesParsedOf(received, parsePage(text));
  return { received, articles, parsed: pageParsedOf(received, articles), enriched: articles.map(enrichedOf) };
}

/** The text the tagger reads from an article (and the segmenter reference gets the same). */
export function taggedTextOf(article: ArticleText): string {
  return [article.kicker, article.headline, ...article.subheadlines, article.byline?.text, article.body].filter((part): part is string => !!part).join('\n');
}
