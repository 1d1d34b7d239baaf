// Jump markers send a reader to another page: "▶▶下转02版②" at the end of a cut article (or "▶详见A3版" under
// a front-page teaser) and "▲▲上接01版②" where its rest starts. Only a short window at the line's end (or start) is matched,
// so the cost does not grow with the line.
import { PageNumberSchema } from '@baoxun/shared/contracts/page.contract';

export interface JumpRef {
  /** The other page, normalized like the pipeline's page numbers ("2" and "第二版" give "02"). */
  page: string;
  /** The marker that pairs the two halves, e.g. "②"; "" when none is printed. */
  marker: string;
}

const WINDOW = 48;
const PAGE = String.raw`([A-Za-zＡ-Ｚａ-ｚ]{0,2}\s*[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})`;
const MARK = String.raw`([①-⑳⑴-⒇❶-❿]|[(（]\s*\d{1,2}\s*[)）])?`;
const OPEN = String.raw`[(（【〔\[［]?`;
const CLOSE = String.raw`[)）】〕\]］]?`;
const JUMP_TO = new RegExp(String.raw`(?:[▶►▷➤→>↓▼]{1,3}\s*)?${OPEN}\s*(?:下转|转至|转到|紧转|转|详见)\s*(?:第\s*)?${PAGE}\s*版\s*${MARK}\s*${CLOSE}\s*$`, 'u');
const JUMP_FROM = new RegExp(String.raw`^(?:[▲△↑◀◄➤▶►]{1,3}\s*)?${OPEN}\s*(?:上接|紧接|接|续)\s*(?:第\s*)?${PAGE}\s*版\s*${MARK}\s*${CLOSE}\s*`, 'u');

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 .. 九十九 as a number; the page windows above allow at most three characters. */
function chineseNumber(text: string): number {
  const ten = text.indexOf('十');
  if (ten === -1) return CN_DIGITS[text] ?? 0;
  const tens = ten === 0 ? 1 : (CN_DIGITS[text.slice(0, ten)] ?? 0);
  const ones = CN_DIGITS[text.slice(ten + 1)] ?? 0;
  return tens * 10 + ones;
}

/** Full-width letters and digits (Ａ３, ０２) as ASCII. */
function toAscii(text: string): string {
  return text.replace(/[Ａ-Ｚａ-ｚ０-９]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

function pageOf(raw: string): string {
  const compact = toAscii(raw.replace(/\s+/g, ''));
  const value = /^[一二三四五六七八九十]+$/u.test(compact) ? String(chineseNumber(compact)) : compact;
  const parsed = PageNumberSchema.safeParse(value);
  return parsed.success ? parsed.data : value;
}

function refOf(match: RegExpExecArray): JumpRef {
  return { page: pageOf(match[1]), marker: (match[2] ?? '').replace(/\s+/g, '') };
}

/** "……亿元, ▶▶下转02版②": the text before the marker (trimmed) and where the article continues. */
export function findJumpTo(line: string): { before: string; jump: JumpRef } | null {
  const offset = Math.max(0, line.length - WINDOW);
  const match = JUMP_TO.exec(line.slice(offset));
  if (!match) return null;
  return { before: line.slice(0, offset + match.index).trimEnd(), jump: refOf(match) };
}

/** "▲▲上接01版② ……": where the article came from and the text after the marker (trimmed). */
export function findJumpFrom(line: string): { jump: JumpRef; after: string } | null {
  const match = JUMP_FROM.exec(line.slice(0, WINDOW));
  if (!match) return null;
  return { jump: refOf(match), after: line.slice(match[0].length).trimStart() };
}
