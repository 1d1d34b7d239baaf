// Walks the classified lines once and cuts the page into article drafts, the way an editor reads it:
// a title block starts an article, a byline confirms it, a jump marker ends it. Look-ahead is bounded
// (at most MAX_TITLE_LINES + 1 items), so the walk is linear in the page.
import type { Byline } from '@baoxun/shared/contracts/article.contract';
import { endsParagraph } from './column-breaks';
import type { JumpRef } from './jump-marker.parser';
import type { PageItem } from './page-line.classifier';
import { endsOpen, hasComma, opensLikeParagraph, opensMidList, titleLikeness } from './title-line.classifier';
import { sharesWordsWithLede } from './lede-overlap';
import { lastChar, visibleLength } from './text-chars';
import { wordSpansJoin } from './word-join';

/** A dateline inside a body: the body line it opens, where it starts in that line, the dateline as printed. */
export interface InnerDateline {
  bodyLine: number;
  start: number;
  dateline: string;
}

export interface ArticleDraft {
  titleLines: string[];
  byline: Byline | null;
  bodyLines: string[];
  continuation: JumpRef | null;
  continuedFrom: JumpRef | null;
  /** Datelines of a composite story (a roundup) after its first, in body order. */
  innerDatelines: InnerDateline[];
  /** 1-based line where the article starts, for warnings. */
  startLine: number;
}

interface OpenDraft extends ArticleDraft {
  phase: 'title' | 'body';
  /** Index of the first item after the planned title block. */
  titleEnd: number;
  /** Whether the title block already ends in a summary line. */
  summarized: boolean;
}

const MAX_TITLE_LINES = 6;
/** Lines above a mid-body dateline that may still be its title although they failed the strict test. */
const MAX_BACKTRACK = 4;
const LOOSE_TITLE_MAX = 60;
/** Headlines shorter than this stand only in a block or over a byline. */
const MIN_LONE_TITLE = 5;
const MAX_WORD_CHECKS = 5000;

type Anchor = 'dateline' | 'credit' | 'jumpFrom';
const isAnchor = (item: PageItem | undefined): boolean => item !== undefined && (item.kind === 'dateline' || item.kind === 'credit' || item.kind === 'jumpFrom');
/** What may follow a summary line in a title block: a byline, or the referral that ends a teaser (▶详见A3版). */
const endsTitleBlock = (item: PageItem | undefined): boolean => isAnchor(item) || item?.kind === 'jumpTo';

export class PageSegmenter {
  private readonly drafts: ArticleDraft[] = [];
  private current: OpenDraft | null = null;
  /** The word test costs ~20 µs; a real page needs a few dozen, a pathological one gets no more than this. */
  private wordChecksLeft = MAX_WORD_CHECKS;

  constructor(
    private readonly items: readonly PageItem[],
    private readonly warn: (message: string) => void,
  ) {}

  run(): ArticleDraft[] {
    this.items.forEach((item, index) => this.step(item, index));
    this.close();
    return this.drafts;
  }

  private step(item: PageItem, index: number): void {
    switch (item.kind) {
      case 'jumpFrom':
        return this.onJumpFrom(item.jump, item.lineNo);
      case 'jumpTo':
        return this.onJumpTo(item.jump, item.lineNo);
      case 'dateline':
        return this.onByline(item.byline, 'dateline', item.lineNo, item.rest, item);
      case 'credit':
        return this.onByline(item.byline, 'credit', item.lineNo, '', null);
      case 'text':
        return this.onText(item.text, index, item.lineNo);
    }
  }

  private open(phase: OpenDraft['phase'], lineNo: number, titleLines: string[] = [], titleEnd = -1): OpenDraft {
    this.close();
    this.current = { phase, titleEnd, summarized: false, titleLines, byline: null, bodyLines: [], continuation: null, continuedFrom: null, innerDatelines: [], startLine: lineNo + 1 };
    return this.current;
  }

  private close(): void {
    const draft = this.current;
    this.current = null;
    if (!draft) return;
    if (draft.titleLines.length === 0 && draft.bodyLines.length === 0) {
      if (draft.byline || draft.continuedFrom || draft.continuation) this.warn(`line ${draft.startLine}: a byline or jump marker with no text was dropped`);
      return;
    }
    if (draft.titleLines.length === 0) this.warn(`line ${draft.startLine}: article without a title (headline left empty)`);
    const { phase: _phase, titleEnd: _titleEnd, summarized: _summarized, ...rest } = draft;
    this.drafts.push(rest);
  }

  private onJumpFrom(jump: JumpRef, lineNo: number): void {
    const draft = this.current;
    // A title printed above "(上接第一版)" belongs to the continued article.
    if (draft && draft.phase === 'title') {
      draft.phase = 'body';
      draft.continuedFrom = jump;
      return;
    }
    this.open('body', lineNo).continuedFrom = jump;
  }

  private onJumpTo(jump: JumpRef, lineNo: number): void {
    if (!this.current) {
      this.warn(`line ${lineNo + 1}: jump marker outside any article was ignored`);
      return;
    }
    this.current.continuation ??= jump;
    this.close();
  }

  private onByline(byline: Byline, anchor: Exclude<Anchor, 'jumpFrom'>, lineNo: number, rest: string, line: { text: string; start: number } | null): void {
    let draft = this.current;
    if (draft && draft.phase === 'title') {
      draft.phase = 'body';
      draft.byline = byline;
    } else if (draft && draft.bodyLines.length === 0 && draft.byline && (anchor === 'credit' || draft.byline.dateline === null)) {
      // Two credit lines (文/记者 A, 图/记者 B), or a credit line over a dateline line: one byline.
      draft.byline = mergeBylines(draft.byline, byline);
    } else if (draft && anchor === 'credit' && draft.byline === null) {
      // A credit printed under the body, or between paragraphs: still the article's byline.
      draft.byline = byline;
    } else if (draft && anchor === 'credit') {
      draft.bodyLines.push(byline.text);
    } else if (draft && line && byline.dateline !== null && isInnerDateline(draft)) {
      // A roundup's next source (新华社开罗5月2日电…) under the same headline: the line stays in the body.
      draft.innerDatelines.push({ bodyLine: draft.bodyLines.length, start: line.start, dateline: byline.dateline });
      draft.bodyLines.push(line.text);
      return;
    } else {
      draft = this.startAtByline(lineNo);
      draft.byline = byline;
    }
    if (rest !== '') draft.bodyLines.push(rest);
  }

  /** A dateline inside a body starts a new article; the lines just above it that may be a title are its title. */
  private startAtByline(lineNo: number): OpenDraft {
    const previous = this.current;
    const titles: string[] = [];
    if (previous && previous.byline === null && previous.bodyLines.length > 0 && previous.bodyLines.length <= MAX_BACKTRACK) {
      // The previous "article" has no byline and nothing but title-ish lines: they are this title's lines.
      if (previous.bodyLines.every(looseTitle)) {
        previous.titleLines.push(...previous.bodyLines.splice(0));
        previous.phase = 'body';
        return previous;
      }
    }
    if (previous) {
      const body = previous.bodyLines;
      let cut = body.length;
      while (cut > 0 && body.length - cut < MAX_BACKTRACK && looseTitle(body[cut - 1]) && !opensInnerDateline(previous, cut - 1)) cut -= 1;
      if (cut < body.length && (cut === 0 || endsParagraph(body[cut - 1]))) titles.push(...body.splice(cut));
    }
    const draft = this.open('body', lineNo, titles);
    return draft;
  }

  private onText(text: string, index: number, lineNo: number): void {
    const draft = this.current;
    if (!draft) {
      const lines = this.planTitle(index, '');
      if (lines > 0) this.open('title', lineNo, [text], index + lines);
      else this.open('body', lineNo).bodyLines.push(text);
      return;
    }
    if (draft.phase === 'title') {
      if (index < draft.titleEnd) draft.titleLines.push(text);
      else if (!draft.summarized && index === draft.titleEnd && this.summaryAt(index)) {
        // The long summary line an evening paper prints under a headline is a subheadline.
        draft.titleLines.push(text);
        draft.summarized = true;
        draft.titleEnd = index + 1;
      } else {
        draft.phase = 'body';
        draft.bodyLines.push(text);
      }
      return;
    }
    const body = draft.bodyLines;
    const lines = body.length > 0 ? this.planTitle(index, body[body.length - 1]) : 0;
    if (lines === 0) {
      body.push(text);
      return;
    }
    // At the top of a page the only line so far may be that kicker.
    const alone = draft.titleLines.length === 0 && draft.byline === null && !draft.continuedFrom;
    const kicker = this.titleRun(index).anchored ? pullBackKicker(body, alone) : null;
    this.open('title', lineNo, kicker === null ? [text] : [kicker, text], index + lines);
  }

  /** The run of title-like text items from index on (one more than the maximum at most) and what follows it. */
  private titleRun(index: number): { length: number; anchored: boolean; strict: boolean } {
    let end = index;
    let strict = true;
    while (end < this.items.length && end - index <= MAX_TITLE_LINES) {
      const item = this.items[end];
      if (item.kind !== 'text' || item.title === 'no') break;
      if (item.title !== 'strong' || hasComma(item.text)) strict = false;
      end += 1;
    }
    // A summary line between the title lines and the byline is part of the block.
    const anchored = isAnchor(this.items[end]) || (endsTitleBlock(this.items[end + 1]) && isSummaryLine(this.textAt(end)));
    return { length: end - index, anchored, strict };
  }

  /**
   * Whether the line at index, right under a title block, is a summary line (a subheadline) rather than the first
   * paragraph: it has the shape (isSummaryLine), and a byline follows it, or a line that opens a paragraph of its
   * own (a date, 记者, 据…) with no word running across the break.
   */
  private summaryAt(index: number): boolean {
    const text = this.textAt(index);
    if (!isSummaryLine(text)) return false;
    const next = this.items[index + 1];
    if (endsTitleBlock(next)) return true;
    if (next?.kind !== 'text' || REPORTED_OPENING.test(text) || !(opensLikeParagraph(next.text) || SCENE_OPENING.test(next.text)) || opensMidList(next.text)) return false;
    return !(this.wordChecksLeft-- > 0 && wordSpansJoin(text, next.text));
  }

  private textAt(index: number): string | null {
    const item = this.items[index];
    return item?.kind === 'text' ? item.text : null;
  }

  /**
   * How many lines from index on form a title block (0: none). A byline (or 上接 marker) right after a
   * run of title-like lines confirms all of them; after a paragraph left open by a column break only a
   * short strict run may start a title, and only if confirmed. Without confirmation and with an article
   * open, the block is the leading strict lines (no comma, no ！？：, not opening like a paragraph); its
   * last line must not be the first words of a paragraph a column break cut, and a lone line must be
   * long enough and share words with the paragraph under it, as headlines do.
   */
  private planTitle(index: number, previous: string): number {
    const item = this.items[index];
    if (item.kind !== 'text' || item.title === 'no') return 0;
    const run = this.titleRun(index);
    if (run.length > MAX_TITLE_LINES) return 0;
    const previousOpen = previous !== '' && !endsParagraph(previous);
    if (run.anchored) return !previousOpen || (run.strict && run.length <= MAX_BACKTRACK) ? run.length : 0;
    // Unconfirmed after an open line is allowed too: a column break never leaves a short comma-free piece
    // that is cut again, so the last article lost its final 。. Not after a colon, which introduces what follows.
    if (previousOpen && /[:：]/u.test(lastChar(previous))) return 0;
    // With no article open (top of the page, after a 下转 marker) nothing can be continued: the whole run counts.
    let lines = previous === '' ? run.length : 0;
    while (lines < run.length) {
      const line = this.items[index + lines] as Extract<PageItem, { kind: 'text' }>;
      if (line.title !== 'strong' || hasComma(line.text) || opensLikeParagraph(line.text)) break;
      lines += 1;
    }
    const next = this.textAt(index + lines);
    // A front-page teaser: title lines and a referral (▶详见A3版) with no text of its own here.
    if (lines > 0 && previous === '' && this.items[index + lines]?.kind === 'jumpTo') return lines;
    if (lines === 0 || next === null) return 0;
    const loneInBody = () => previous !== '' && lines === 1;
    // Inside a body a lone unconfirmed line competes with "first words of a cut paragraph": it must be
    // long enough and share words with the paragraph under it, as headlines do.
    const headlineLike = () => visibleLength(item.text) >= MIN_LONE_TITLE && sharesWordsWithLede(item.text, this.ledeAfter(index + 1));
    if (loneInBody() && !headlineLike()) return 0;
    // The last line may be the first words of a paragraph that a column break cut (the word test, the
    // costliest, comes last).
    const last = this.textAt(index + lines - 1) ?? '';
    if (endsOpen(last) || opensMidList(next) || (this.wordChecksLeft-- > 0 && wordSpansJoin(last, next))) {
      lines -= 1;
      if (loneInBody() && !headlineLike()) return 0;
    }
    return lines;
  }

  /** The paragraph that starts at index: text lines up to the first that ends a paragraph (bounded). */
  private ledeAfter(index: number): string {
    const parts: string[] = [];
    let length = 0;
    for (let i = index; i < this.items.length && parts.length < 4 && length < 300; i += 1) {
      const text = this.textAt(i);
      if (text === null) break;
      parts.push(text);
      length += text.length;
      if (endsParagraph(text)) break;
    }
    return parts.join('');
  }
}

/**
 * A lead-in too long to pass the title test stays behind in the previous body. When a byline confirms the
 * title below it, an open line standing alone after a finished paragraph is taken back as its kicker.
 */
function pullBackKicker(body: string[], alone: boolean): string | null {
  const last = body[body.length - 1];
  const afterParagraph = body.length >= 2 ? endsParagraph(body[body.length - 2]) : alone;
  if (!afterParagraph || endsParagraph(last) || !looseTitle(last)) return null;
  return body.pop() ?? null;
}

/** How a reported paragraph opens and a summary does not (a summary may open with a date: 今年, 昨天). */
const REPORTED_OPENING = /^(?:据|记者|他|她|我们|对此|会上|会议)/u;
/** Openings of an evening paper's scene-setting lede that never continue a cut sentence. */
const SCENE_OPENING = /^(?:眼下|连日来|走进|清晨|凌晨|近年来|春节期间|节假日期间)/u;
const SUMMARY_MIN = 40;
const SUMMARY_MAX = 90;
/** Sentence marks a summary line never has; it may have commas, 、 and quotes. */
const SENTENCE_MARK = /[。；;！？!?…]/u;

/**
 * The shape of an evening paper's summary line under a headline: 40 to 90 characters, at least one comma, no
 * sentence mark, balanced quotes, not ending open (a particle, a comma, a colon) or like a list item.
 */
function isSummaryLine(text: string | null): text is string {
  if (text === null || text.length > SUMMARY_MAX * 2) return false;
  const length = visibleLength(text);
  if (length < SUMMARY_MIN || length > SUMMARY_MAX || !hasComma(text) || SENTENCE_MARK.test(text)) return false;
  return !endsOpen(text) && !/[，,、:：]$/u.test(text) && !/^[一二三四五六七八九十\d]{1,3}[、.．]/u.test(text) && balancedQuotes(text);
}

function balancedQuotes(text: string): boolean {
  let open = 0;
  for (const char of text) {
    if (char === '“' || char === '（' || char === '(' || char === '《') open += 1;
    else if (char === '”' || char === '）' || char === ')' || char === '》') open -= 1;
    if (open < 0) return false;
  }
  return open === 0;
}

/**
 * A dateline inside an open article is an inner one (a roundup's next source) unless the story before it ended
 * with (完), or the lines above it can be its title: an article whose only lines are title-like, or title-like lines
 * after a finished paragraph (the same test as startAtByline's, which takes those lines as the new article's title).
 */
function isInnerDateline(draft: OpenDraft): boolean {
  const body = draft.bodyLines;
  if (draft.phase !== 'body' || body.length === 0 || STORY_END.test(body[body.length - 1].slice(-8))) return false;
  if (draft.byline === null && body.length <= MAX_BACKTRACK && body.every(looseTitle)) return false;
  let cut = body.length;
  while (cut > 0 && body.length - cut < MAX_BACKTRACK && looseTitle(body[cut - 1]) && !opensInnerDateline(draft, cut - 1)) cut -= 1;
  return !(cut < body.length && (cut === 0 || endsParagraph(body[cut - 1])));
}

/** Wire copy closes a story with (完): a dateline after it opens the next story. */
const STORY_END = /[(（]完[)）]$/u;

/** Whether an inner dateline opens that body line; looks back from the newest (they are in body order). */
function opensInnerDateline(draft: ArticleDraft, bodyLine: number): boolean {
  const inner = draft.innerDatelines;
  for (let i = inner.length - 1; i >= 0 && inner[i].bodyLine >= bodyLine; i -= 1) if (inner[i].bodyLine === bodyLine) return true;
  return false;
}

/** Looser than the title test, for lines a following dateline vouches for: long titles, one comma. */
function looseTitle(line: string): boolean {
  if (titleLikeness(line) !== 'no') return true;
  if (line.length > LOOSE_TITLE_MAX * 2 || visibleLength(line) > LOOSE_TITLE_MAX) return false;
  return !/[。；;！？!?]/u.test(line) && !/[，,、：:]$/u.test(line);
}

function mergeBylines(first: Byline, second: Byline): Byline {
  const union = (a: string[], b: string[]) => [...a, ...b.filter((name) => !a.includes(name))];
  return {
    text: `${first.text} ${second.text}`,
    dateline: second.dateline ?? first.dateline,
    reporters: union(first.reporters, second.reporters),
    correspondents: union(first.correspondents, second.correspondents),
  };
}
