// Gives every line of the page one role before the segmenter walks them: a jump marker, a byline
// (a dateline opening a paragraph, or a credit line), or plain text with its title-likeness.
import type { Byline } from '@baoxun/shared/contracts/article.contract';
import { parseCreditLine, parseDatelineByline } from './byline.parser';
import { findJumpFrom, findJumpTo, type JumpRef } from './jump-marker.parser';
import type { PageLine } from './page-text.normalizer';
import { titleLikeness, type TitleLikeness } from './title-line.classifier';

export type PageItem =
  | { kind: 'text'; lineNo: number; text: string; title: TitleLikeness }
  /** text: the line as printed (an inner dateline stays in the body); start: where the dateline starts in it. */
  | { kind: 'dateline'; lineNo: number; byline: Byline; rest: string; text: string; start: number }
  | { kind: 'credit'; lineNo: number; byline: Byline }
  | { kind: 'jumpFrom'; lineNo: number; jump: JumpRef }
  | { kind: 'jumpTo'; lineNo: number; jump: JumpRef };

/** Text beside a jump marker is always body: the marker sits at a paragraph's end or start. */
function bodyText(lineNo: number, text: string): PageItem[] {
  return text === '' ? [] : [{ kind: 'text', lineNo, text, title: 'no' }];
}

/**
 * A dateline in brackets on a line of its own, (本报柏林、巴黎5月2日电) or （新华社北京5月2日电）: the note a national
 * paper prints after an article's last paragraph. It ends that paragraph and is never a title.
 */
const DATELINE_NOTE = /^[(（]据?(?:本报|本刊|[\p{Script=Han}·]{1,12}?(?:日报|晚报|通讯社|社|报|网|台|客户端))[\p{Script=Han}\d０-９、·]{0,20}[讯电][)）]$/u;

function classifyText(line: PageLine): PageItem {
  if (line.text.length <= 40 && DATELINE_NOTE.test(line.text)) return { kind: 'text', lineNo: line.lineNo, text: line.text, title: 'no' };
  const dated = parseDatelineByline(line.text);
  if (dated) return { kind: 'dateline', lineNo: line.lineNo, byline: dated.byline, rest: dated.rest, text: line.text, start: dated.start };
  const credit = parseCreditLine(line.text);
  if (credit) return { kind: 'credit', lineNo: line.lineNo, byline: credit };
  return { kind: 'text', lineNo: line.lineNo, text: line.text, title: titleLikeness(line.text) };
}

/** One line can give several items: "▲▲上接01版② text", "text ▶▶下转02版②", "株洲日报讯(…) text ▶▶下转02版②". */
export function classifyLine(line: PageLine): PageItem[] {
  const items: PageItem[] = [];
  let text = line.text;
  const from = findJumpFrom(text);
  if (from) {
    items.push({ kind: 'jumpFrom', lineNo: line.lineNo, jump: from.jump });
    text = from.after;
  }
  const to = findJumpTo(text);
  if (to) text = to.before;
  if (text !== '') {
    const item = classifyText({ text, lineNo: line.lineNo });
    // Next to a marker, a plain line is body text even when it is short.
    if (item.kind === 'text' && (from || to)) items.push(...bodyText(line.lineNo, text));
    else items.push(item);
  }
  if (to) items.push({ kind: 'jumpTo', lineNo: line.lineNo, jump: to.jump });
  return items;
}
