// The pipeline's parse and enrich stages run in-process, with no broker and no store: what the
// `pipeline` CLI prints and what the quality scorer reads.
import { tagArticle, type Tagger, TAGGER_VERSION } from '@baoxun/entity-tagger/article.tagger';
import type { ArticleText, Byline, Dateline, Entities } from '@baoxun/shared/contracts/article.contract';
import { articleIdOf, contentHashOf, pageIdOf } from '@baoxun/shared/identity/page-identity';
import { PARSER_VERSION, parsePageWithWarnings } from '@baoxun/page-parser/page.parser';

/** Page identity as given by the operator; date and page stay null when not given (never guessed). */
export interface OfflinePageRef {
  source: string;
  date: string | null;
  page: string | null;
}

export const UNKNOWN_SOURCE = 'unknown';

export interface OfflineArticle {
  id: string;
  page: OfflinePageRef;
  order: number;
  kicker: string | null;
  headline: string;
  subheadlines: string[];
  byline: Byline | null;
  body: string;
  continuation: ArticleText['continuation'];
  continuedFrom: ArticleText['continuedFrom'];
  /** A composite story's datelines after its first (the byline's), with offsets into body. */
  datelines: Dateline[];
  entities: Entities;
}

export interface OfflinePage {
  page: OfflinePageRef & { pageId: string; contentHash: string };
  parserVersion: string;
  taggerVersion: string;
  warnings: string[];
  articles: OfflineArticle[];
}

/**
 * Parses and tags one page with `tagger` (offlineTagger(): the enricher's, model included). Throws PageParseError
 * (from the parser) for text with no article in it.
 */
export async function runOfflinePipeline(text: string, ref: OfflinePageRef, tagger: Tagger): Promise<OfflinePage> {
  const parsed = parsePageWithWarnings(text);
  const entities = await Promise.all(parsed.articles.map((article) => tagger.tagArticleAsync({ ...article, page: ref })));
  return assemblePage(text, ref, parsed, tagger.version, entities);
}

/** The same with the rules alone, synchronously (for checks of the parser's structure, where entities do not count). */
export function runOfflinePipelineRules(text: string, ref: OfflinePageRef): OfflinePage {
  const parsed = parsePageWithWarnings(text);
  return assemblePage(text, ref, parsed, TAGGER_VERSION, parsed.articles.map((article) => tagArticle({ ...article, page: ref })));
}

function assemblePage(text: string, ref: OfflinePageRef, parsed: ReturnType<typeof parsePageWithWarnings>, taggerVersion: string, entities: Entities[]): OfflinePage {
  const { articles, warnings } = parsed;
  // Ids need every part of the page identity; a missing date or page number counts as "".
  const pageId = pageIdOf({ source: ref.source, date: ref.date ?? '', page: ref.page ?? '' });
  const contentHash = contentHashOf(text);
  return {
    page: { ...ref, pageId, contentHash },
    parserVersion: PARSER_VERSION,
    taggerVersion,
    warnings,
    articles: articles.map((article, k) => ({
      id: articleIdOf(pageId, contentHash, article.order),
      page: ref,
      order: article.order,
      kicker: article.kicker,
      headline: article.headline,
      subheadlines: article.subheadlines,
      byline: article.byline,
      body: article.body,
      continuation: article.continuation,
      continuedFrom: article.continuedFrom,
      datelines: article.datelines,
      entities: entities[k],
    })),
  };
}

/** One text per line (issue 7): entities with mentions whose offsets index into that line. */
export async function tagLines(text: string, tagger: Tagger): Promise<Array<{ line: number; text: string; entities: Entities }>> {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const clean = lines.map((raw) => (raw.endsWith('\r') ? raw.slice(0, -1) : raw));
  const entities = await tagger.tagTextsAsync(clean);
  return clean.map((line, index) => ({ line: index + 1, text: line, entities: entities[index] }));
}
