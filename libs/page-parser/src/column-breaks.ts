// A paragraph that a column break cut in two arrives as two lines, usually with a blank line between.
// The rule (see README): a line that does not end a sentence is joined to the next with no space.
import { lastChar, stripClosers } from './text-chars';

const SENTENCE_END = new Set(['。', '？', '?', '！', '!', '…', '”', '’', '」', '』']);
/** A closing bracket ends a paragraph when it closes a credit or a note after the last sentence: 。(完), (记者 张三). */
const TRAILING_NOTE = /[。！？!?…”][(（][^()（）]{1,30}[)）]$|[(（](?:完|记者|通讯员|本报|据|来源|新华社|供图|摄|整理|编辑)[^()（）]{0,30}[)）]$/u;

/** A photo credit closes a caption: 图为…… 记者 王小磊 摄, 张三 供图. */
const PHOTO_CREDIT = /(?:^|\s|记者|摄影|通讯员)[\p{Script=Han}]{2,4}\s*(?:摄|供图|摄影)$/u;

/** A section head inside an article (■ 智能化改造全面铺开, 【人才支撑】, 一、加强领导) is a paragraph of its own. */
const SECTION_HEAD = /^(?:[■◆●★◇□☆◎]|【.{1,30}】$|[一二三四五六七八九十]{1,3}、[^，,]{1,28}$|[(（][一二三四五六七八九十]{1,3}[)）][^，,]{1,28}$)/u;

/** True when the line ends a paragraph (a sentence end or a closing quote), false when it is cut. */
export function endsParagraph(line: string): boolean {
  if (line.length <= 40 && SECTION_HEAD.test(line)) return true;
  const last = lastChar(line);
  if (SENTENCE_END.has(last)) return true;
  if (last === ')' || last === '）') return TRAILING_NOTE.test(line.slice(-40));
  if (last === '摄' || last === '图' || last === '影') return PHOTO_CREDIT.test(line.slice(-16));
  return SENTENCE_END.has(lastChar(stripClosers(line)));
}

export interface Paragraph {
  text: string;
  /** Index of the line the paragraph starts with. */
  firstLine: number;
}

/**
 * Joins cut lines into paragraphs; a trailing open line stays as it is (the article may continue elsewhere).
 * A line in `opensParagraph` (an inner dateline) starts a paragraph even after an open line.
 */
export function paragraphsOf(lines: readonly string[], opensParagraph?: ReadonlySet<number>): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  // Pieces are collected and joined once, so a long run of cut lines stays linear.
  let pieces: string[] = [];
  let firstLine = 0;
  lines.forEach((line, index) => {
    if (pieces.length > 0 && opensParagraph?.has(index)) {
      paragraphs.push({ text: pieces.join(''), firstLine });
      pieces = [];
    }
    if (pieces.length === 0) firstLine = index;
    pieces.push(line.trim());
    if (endsParagraph(line)) {
      paragraphs.push({ text: pieces.join(''), firstLine });
      pieces = [];
    }
  });
  if (pieces.length > 0) paragraphs.push({ text: pieces.join(''), firstLine });
  return paragraphs;
}

/** The paragraphs' text alone (the common case: no inner datelines, no objects). */
export function joinColumnBreaks(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let pieces: string[] = [];
  for (const line of lines) {
    pieces.push(line.trim());
    if (endsParagraph(line)) {
      paragraphs.push(pieces.join(''));
      pieces = [];
    }
  }
  if (pieces.length > 0) paragraphs.push(pieces.join(''));
  return paragraphs;
}
