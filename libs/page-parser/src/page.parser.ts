// Entry point: scanned page text in, articles out. Pure and synchronous; the page's source, date and
// number are not read from the text, they come with the message (see README.md for the rules).
import type { ArticleText, Dateline } from '@baoxun/shared/contracts/article.contract';
import { parseDateline } from './byline.parser';
import { joinColumnBreaks, paragraphsOf } from './column-breaks';
import { isDebris, isPageFurniture } from './noise.filter';
import { classifyLine, type PageItem } from './page-line.classifier';
import { PageParseError } from './page-parse.error';
import { normalizePageText, pageLines, type PageLine } from './page-text.normalizer';
import { PageSegmenter, type ArticleDraft } from './page.segmenter';
import { dropConsecutiveRepeats } from './repeated-paragraphs';
import { splitTitleBlock } from './title-block.parser';

/** Bump when the parser's output changes for the same input. */
export const PARSER_VERSION = 'parser-1.1.0';

/** Larger inputs are refused rather than parsed: no real page comes near it. */
export const MAX_PAGE_CHARS = 32 * 1024 * 1024;

/** What the parser makes of an article: the contract's ArticleText, always with its inner datelines. */
export type ParsedArticle = ArticleText & { datelines: Dateline[] };

export interface PageParseResult {
  articles: ParsedArticle[];
  /** What the parser noticed and worked around, e.g. "line 3: article without a title". */
  warnings: string[];
}

function toArticle(draft: ArticleDraft, order: number): ParsedArticle {
  const inner = draft.innerDatelines;
  let body: string;
  let datelines: Dateline[] = [];
  if (inner.length === 0) body = dropConsecutiveRepeats(joinColumnBreaks(draft.bodyLines), (p) => p).join('\n');
  else {
    const paragraphs = dropConsecutiveRepeats(paragraphsOf(draft.bodyLines, new Set(inner.map((dateline) => dateline.bodyLine))), (p) => p.text);
    body = paragraphs.map((p) => p.text).join('\n');
    datelines = innerDatelines(draft, paragraphs, body);
  }
  return {
    order,
    ...splitTitleBlock(draft.titleLines),
    byline: draft.byline,
    body,
    continuation: draft.continuation && { toPage: draft.continuation.page, marker: draft.continuation.marker },
    continuedFrom: draft.continuedFrom && { fromPage: draft.continuedFrom.page, marker: draft.continuedFrom.marker },
    datelines,
  };
}

/** Each inner dateline with its offset into the body; one whose paragraph was dropped as a repeat goes with it. */
function innerDatelines(draft: ArticleDraft, paragraphs: ReturnType<typeof paragraphsOf>, body: string): Dateline[] {
  const byLine = new Map(draft.innerDatelines.map((dateline) => [dateline.bodyLine, dateline]));
  const out: Dateline[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    const inner = byLine.get(paragraph.firstLine);
    if (inner) {
      const line = draft.bodyLines[inner.bodyLine];
      const at = offset + Math.max(0, inner.start - (line.length - line.trimStart().length));
      if (body.startsWith(inner.dateline, at)) out.push({ text: inner.dateline, ...parseDateline(inner.dateline), offset: at });
    }
    offset += paragraph.text.length + 1;
  }
  return out;
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
export function parsePage(text: string): ParsedArticle[] {
  return parsePageWithWarnings(text).articles;
}
