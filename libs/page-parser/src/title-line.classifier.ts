// Whether a line can be part of a title block. Titles are short, carry no sentence punctuation, keep
// their quotes balanced and do not stop mid-clause; body paragraphs are long and full of 。, and
// column-break fragments stop anywhere, often inside a quote.
import { countHan, lastChar, stripClosers, visibleLength } from './text-chars';

/** strong: looks like a title; weak: ends in ！ ？ ： or starts with ■ / is set in 【】 (a title only if a byline confirms it). */
export type TitleLikeness = 'no' | 'weak' | 'strong';

const MAX_TITLE = 40;
const MAX_SUBTITLE = 60;
const MAX_LEAD = 120;
const MAX_WEAK = 30;

/** In-article section heads and list items: 一、 (一) 1. 第一， 一是 首先. */
const ENUMERATION = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+[，,、]|[一二三四五六七八九十]是|首先|其次|再次|最后|此外)/u;
/** Line endings of a lead-in (引题): "…在…时强调", "…之际", "…以来". */
const LEAD_ENDING = /(?:强调|指出|表示|要求|提出|寄语|勉励|指示|批示|时说|时|之际|前夕|期间|以来)$/u;
const SPEECH_IN = /在.{1,60}(?:讲话|致辞|发言)$/u;
/** Characters a title does not end on but a line cut by a column break often does. */
const OPEN_ENDING = new Set([...'的地得和与及或而并且但把被将从向对为以于由因让使在是有到等之其这那各每该', '“', '《', '(', '（', '、', '—']);
const PAIRS: Array<[string, string]> = [['“', '”'], ['《', '》'], ['(', ')'], ['（', '）'], ['「', '」']];

/** True for a lead-in line such as 曹慧泉在市委宣传部走访调研时强调 (a trailing colon or dash is allowed). */
export function isLeadLine(line: string): boolean {
  if (line.length > MAX_LEAD + 10) return false;
  const core = line.replace(/[:：—\s]+$/u, '');
  return LEAD_ENDING.test(core) || SPEECH_IN.test(core);
}

/**
 * How news paragraphs open and headlines do not: a date or time, a source (据, 记者), a pronoun or a
 * connective. A comma-free line that opens like this is the start of a paragraph a column break cut.
 */
const LEDE_OPENING = /^(?:\d{1,2}月\d{1,2}日|\d{4}年|\d{1,2}日|今年|去年|近日|日前|昨天|昨日|今天|今日|当天|当日|前不久|近年来|近期|目前|截至|此前|随后|其间|期间|据|记者|他|她|我们|该|这|此外|同时|随着|为了|其中|另外|对此|会上|在)/u;

export function opensLikeParagraph(line: string): boolean {
  return LEDE_OPENING.test(line);
}

/** True when the line has a comma: titles almost never do, sentence fragments usually do. */
export function hasComma(line: string): boolean {
  return line.includes('，') || line.includes(',');
}

/** A name cut after its surname: …市委书记曹, …周志刚、陈丽. */
const CUT_NAME = /(?:、|书记|市长|县长|区长|省长|主任|局长|部长|厅长|主席|委员|代表|领导|院长|校长|经理|董事长|记者|通讯员)\p{Script=Han}{1,2}$/u;

/** True when the line ends on a word that cannot end a title (a particle, a preposition, an open quote, a cut name). */
export function endsOpen(line: string): boolean {
  return OPEN_ENDING.has(lastChar(line)) || CUT_NAME.test(line.slice(-8));
}

/** True when a line opens with the tail of a list item, e.g. 娟、赵勇等出席: the line before was cut. */
export function opensMidList(line: string): boolean {
  return /^\p{Script=Han}{1,2}、/u.test(line);
}

/** Quotes and brackets that open and close in the line; a cut fragment leaves one open or closed alone. */
function balanced(line: string): boolean {
  for (const [open, close] of PAIRS) {
    let depth = 0;
    for (let i = 0; i < line.length; i += 1) {
      if (line[i] === open) depth += 1;
      else if (line[i] === close && --depth < 0) return false;
    }
    if (depth !== 0) return false;
  }
  return true;
}

export function titleLikeness(line: string): TitleLikeness {
  if (line.length > MAX_LEAD * 4) return 'no';
  const length = visibleLength(line);
  if (length > MAX_LEAD || length < 2 || countHan(line, 2) < 2) return 'no';
  if (ENUMERATION.test(line) || /[。；;]/u.test(line) || !balanced(line)) return 'no';
  const lead = isLeadLine(line);
  const isSubtitle = line.startsWith('—');
  if (length > (lead ? MAX_LEAD : isSubtitle ? MAX_SUBTITLE : MAX_TITLE)) return 'no';
  // A headline may have one comma (稳中求进，以进促稳); a sentence fragment usually has more.
  let commas = 0;
  for (const char of line) if (char === '，' || char === ',') commas += 1;
  if (commas > 1) return 'no';
  const last = lastChar(line);
  // "时不我待抓落实：" over a headline is a lead-in, but "他说：" in a body is not: only a byline can tell.
  if (!lead && (last === '：' || last === ':')) return length <= MAX_WEAK && commas === 0 ? 'weak' : 'no';
  if (!lead && /[，,、;；]/u.test(last)) return 'no';
  // ■ and 【】 set off section heads inside long articles as often as rubrics: a byline must confirm them.
  if (/^[■◆●★▲◇□☆◎]|^【.*】$/u.test(line)) return length <= MAX_TITLE ? 'weak' : 'no';
  const end = lastChar(stripClosers(line));
  if (end === '！' || end === '？' || end === '!' || end === '?') return length <= MAX_WEAK ? 'weak' : 'no';
  if (end === '…' || end === '.' || end === '。') return 'no';
  return 'strong';
}
