// Entry point: scanned page text in, articles out. Pure and synchronous; the page's source, date and
// number are not read from the text, they come with the message (see README.md for the rules).
import type { ArticleText } from '@baoxun/shared/contracts/article.contract';
import { joinColumnBreaks } from './column-breaks';
import { isDebris, isPageFurniture } from './noise.filter';
import { classifyLine, type PageItem } from './page-line.classifier';
import { PageParseError } from './page-parse.error';
import { normalizePageText, pageLines, type PageLine } from './page-text.normalizer';
import { PageSegmenter, type ArticleDraft } from './page.segmenter';
import { dropConsecutiveRepeats } from './repeated-paragraphs';
import { splitTitleBlock } from './title-block.parser';

/** Bump when the parser's output changes for the same input. */
export const PARSER_VERSION = 'parser-1.0.0';

/** Larger inputs are refused rather than parsed: no real page comes near it. */
export const MAX_PAGE_CHARS = 32 * 1024 * 1024;

export interface PageParseResult {
  articles: ArticleText[];
  /** What the parser noticed and worked around, e.g. "line 3: article without a title". */
  warnings: string[];
}

function toArticle(draft: ArticleDraft, order: number): ArticleText {
  const paragraphs = dropConsecutiveRepeats(joinColumnBreaks(draft.bodyLines), (p) => p);
  return {
    order,
    ...splitTitleBlock(draft.titleLines),
    byline: draft.byline,
    body: paragraphs.join('\n'),
    continuation: draft.continuation && { toPage: draft.continuation.page, marker: draft.continuation.marker },
    continuedFrom: draft.continuedFrom && { fromPage: draft.continuedFrom.page, marker: draft.continuedFrom.marker },
  };
}

/** Parses a page and reports what it worked around. Throws PageParseError for input with no article in it. */
export function parsePageWithWarnings(text: string): PageParseResult {
  if (typeof text !== 'string') throw new PageParseError(`page text must be a string, got ${text === null ? 'null' : typeof text}`);
  if (text.length > MAX_PAGE_CHARS) throw new PageParseError(`page is too large: ${text.length} characters (limit ${MAX_PAGE_CHARS})`);
  const warnings: string[] = [];
  const lines = pageLines(normalizePageText(text));
  if (lines.length === 0) throw new PageParseError('page is empty');

  const kept: PageLine[] = [];
  let debris = 0;
  for (const line of lines) {
    if (isDebris(line.text)) debris += 1;
    else if (isPageFurniture(line.text)) warnings.push(`line ${line.lineNo + 1}: page furniture dropped: ${line.text}`);
    else kept.push(line);
  }
  if (debris > 0) warnings.push(`${debris} line(s) without any letter or digit dropped`);
  if (kept.length === 0) throw new PageParseError(`page has no text: ${lines.length} line(s) of noise only`);

  const repeatsDropped = dropConsecutiveRepeats(kept, (line) => line.text);
  if (repeatsDropped.length < kept.length) warnings.push(`${kept.length - repeatsDropped.length} repeated line(s) dropped`);

  const items: PageItem[] = [];
  for (const line of repeatsDropped) items.push(...classifyLine(line));
  const drafts = new PageSegmenter(items, (message) => warnings.push(message)).run();
  if (drafts.length === 0) throw new PageParseError('page has no article: no title and no body text found');
  return { articles: drafts.map(toArticle), warnings };
}

/** Splits a scanned page into articles in text order. Throws PageParseError for input with no article in it. */
export function parsePage(text: string): ArticleText[] {
  return parsePageWithWarnings(text).articles;
}
