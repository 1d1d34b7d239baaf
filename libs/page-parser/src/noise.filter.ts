// Lines that carry no article text: scanner debris (rules, dots, page numbers, codes) and the page
// furniture printed around the articles (editor credits, running heads with the weekday or the section).

import { endsParagraph } from './column-breaks';
import { countHan } from './text-chars';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const EDITOR_CREDIT = /^[■□●◆◇★☆\s]*(本版)?(责任编辑|责编|编辑|美编|美术编辑|校对|审读|审校|版式|版式设计|组版|值班编辑|值班主任|签发|制图)\s*[:：/／\s]/u;
const RUNNING_HEAD_DAY = /星期[一二三四五六日天]|周[一二三四五六日]\s*$/u;
const SECTION_HEAD = /^(?:第?[A-Z]{0,2}\d{1,3}版?[\s:：]+[\p{Script=Han}·]{2,8}|[\p{Script=Han}·]{2,8}[\s:：]+第?[A-Z]{0,2}\d{1,3}版?)$/u;
const ISO_OR_CN_DATE = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}/u;

/** Short lines of a Chinese page with no Chinese in them are page numbers, codes and scanner noise. */
const MAX_FOREIGN_LINE = 40;

/** A line with no letter and no digit at all (rules, dots, stray symbols), or a short one with no Chinese. */
export function isDebris(line: string): boolean {
  // Both tests short-circuit on the first hit, so long text lines cost almost nothing.
  if (!WORD_CHAR.test(line)) return true;
  // "8.2%。" left alone by a column break is text: it ends a sentence.
  return line.length <= MAX_FOREIGN_LINE && countHan(line, 1) === 0 && !endsParagraph(line);
}

/** Editor credits and running heads; only short lines qualify, so article text is never dropped. */
export function isPageFurniture(line: string): boolean {
  if (line.length > 60 || /[。！？]/u.test(line)) return false;
  if (EDITOR_CREDIT.test(line)) return true;
  // A running head: the edition date with the weekday, e.g. "2024年2月23日 星期五 要闻 01",
  // or a section name with the page number, e.g. "要闻 02", "A03版 国内新闻".
  return (ISO_OR_CN_DATE.test(line) && RUNNING_HEAD_DAY.test(line)) || SECTION_HEAD.test(line);
}
