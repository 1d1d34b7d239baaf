// Bylines as dailies print them. Two shapes:
//  - a dateline that opens the first paragraph: 株洲日报讯(全媒体记者/周菁 通讯员/雷茵) 近日…,
//    本报讯 记者 张三 …, 新华社北京2月22日电(记者 张三、李四) …, 湖南日报·新湖南客户端2月22日讯(…)
//  - a credit line of its own: 记者 A 通讯员 B, 本报记者 张三 李四, ■本报评论员, (记者 张三)
// Only short windows at the start of a line are examined, so long lines cost nothing extra.
import type { Byline } from '@baoxun/shared/contracts/article.contract';
import { parseCredits, type Credits } from './credits.parser';

export interface DatelineByline {
  byline: Byline;
  /** The first paragraph's text after the byline, trimmed. */
  rest: string;
  /** Where the dateline starts in the line (after decoration such as ■ or 【). */
  start: number;
}

/** A dateline taken apart: who filed it, from where and when. */
export interface DatelineParts {
  agency: string;
  place: string | null;
  date: string | null;
}

const DATELINE_WINDOW = 32;
const BRACKET_WINDOW = 100;
const CREDIT_LINE_MAX = 60;
/** A news source (据 or 另据 before it: a roundup's next source), an optional place and date, then 讯 or 电. Only ever run on <= 32 characters. */
const DATELINE = /^(?:另据|又据|据)?(?:本报|本刊|本台|本网|[\p{Script=Han}·]{1,16}?(?:日报|晚报|早报|晨报|时报|商报|报|通讯社|社|网|台|客户端|新闻|传媒|融媒))[\p{Script=Han}\d０-９·]{0,14}?(?:讯|电)$/u;
/** The source of a dateline: the shortest name ending like a news outlet, with ·-joined parts (湖南日报·新湖南客户端). */
const AGENCY = /^((?:另据|又据|据)?)((?:本报|本刊|本台|本网|[\p{Script=Han}]{1,16}?(?:日报|晚报|早报|晨报|时报|商报|通讯社|社|报|网|台|客户端|新闻|传媒|融媒))(?:·[\p{Script=Han}]{1,12}?(?:客户端|网|台|报|新闻|社))*)/u;
/** The date as printed: 5月2日, full-width ６月３日, or in numerals (五月二日). */
const DATE_PART = /((?:[\d０-９]{1,2}|[一二三四五六七八九十]{1,2})月(?:[\d０-９]{1,2}|[一二三四五六七八九十]{1,3})日)$/u;
/** 电 also ends ordinary words (供电, 发电); a wire dateline carries a date or is 新华社电-like. */
const WIRE_DATE = /[\d０-９]{1,2}月[\d０-９]{1,2}日电$|社电$/u;
const OPENERS: Record<string, string> = { '(': ')', '（': '）', '【': '】', '[': ']', '〔': '〕', '［': '］' };
const DECORATION = /^[■□●◆◇★☆◎○\s]+/u;
/** Every credit line names a role; most lines can be skipped on this alone. */
const CREDIT_HINT = /记者|通讯员|实习生|评论员|撰稿|摄影|[文图][/／:：]/u;

function bylineOf(text: string, dateline: string | null, credits: Credits): Byline {
  return { text, dateline, reporters: credits.reporters, correspondents: credits.correspondents };
}

/** Where the dateline ends (exclusive) if the line opens with one, else -1. */
function datelineEnd(line: string): number {
  const window = line.slice(0, DATELINE_WINDOW);
  for (let i = 1; i < window.length; i += 1) {
    const char = window[i];
    if (char !== '讯' && char !== '电') continue;
    const candidate = window.slice(0, i + 1);
    if (!DATELINE.test(candidate)) continue;
    const next = line.charAt(i + 1);
    const separated = next === '' || /\s/u.test(next) || next in OPENERS;
    if (char === '讯' || separated || WIRE_DATE.test(candidate)) return i + 1;
  }
  return -1;
}

/**
 * Splits a dateline (as parseDatelineByline returns it) into agency, place and date: 新华社开罗5月2日电 gives
 * 新华社, 开罗, 5月2日; 据新华社电 gives 新华社, null, null; 本报讯 gives 本报, null, null.
 */
export function parseDateline(dateline: string): DatelineParts {
  const core = dateline.replace(/[讯电]$/u, '');
  const agency = AGENCY.exec(core);
  if (!agency) return { agency: core, place: null, date: null };
  let rest = core.slice(agency[0].length);
  const date = DATE_PART.exec(rest)?.[1] ?? null;
  if (date) rest = rest.slice(0, -date.length);
  return { agency: agency[2], place: rest === '' ? null : rest, date };
}

/** Credits written without brackets after the dateline: "本报讯 记者 张三 通讯员 李四 近日，…". */
function bareCredits(line: string, from: number): { end: number; credits: Credits } | null {
  // A colon ends a token: 记者李志伟报道：由中国企业… has the credits before it and the paragraph after it.
  const tokenRe = /[^\s:：]+[:：]?|[:：]/gu;
  tokenRe.lastIndex = from;
  let accepted: { end: number; credits: Credits } | null = null;
  let text = '';
  // Credits sit within BRACKET_WINDOW of the dateline: matching on a bounded window keeps one enormous token (a
  // line of 20 M brackets) from overflowing the regex engine's stack.
  const window = line.slice(0, from + BRACKET_WINDOW + 64);
  for (let count = 0; count < 10; count += 1) {
    const match = tokenRe.exec(window);
    if (!match || match.index - from > BRACKET_WINDOW) break;
    // A token cut by the window's end is not a credit.
    if (match.index + match[0].length === window.length && window.length < line.length) break;
    const token = match[0].replace(/[:：]$/u, '');
    if (/[，,。；;！？!?“”"(（]/u.test(token)) break;
    const credits = parseCredits(`${text} ${token}`);
    if (credits.unknown.length > 0 || credits.roles.length === 0) break;
    text = `${text} ${token}`;
    accepted = { end: match.index + match[0].length, credits };
  }
  return accepted;
}

/** A line that opens with a dateline: the byline and the paragraph text after it. */
export function parseDatelineByline(rawLine: string): DatelineByline | null {
  const lead = DECORATION.exec(rawLine)?.[0].length ?? 0;
  let line = rawLine.slice(lead);
  // 【本报讯】 style: drop the bracket around the dateline itself.
  const boxed = line.startsWith('【') && line.indexOf('】') > 0 && line.indexOf('】') <= DATELINE_WINDOW;
  if (boxed) line = `${line.slice(1, line.indexOf('】'))} ${line.slice(line.indexOf('】') + 1)}`;
  const end = datelineEnd(line);
  if (end === -1) return null;
  const start = lead + (boxed ? 1 : 0);
  const dateline = line.slice(0, end);
  let cursor = end;
  while (cursor < line.length && /\s/u.test(line[cursor])) cursor += 1;
  const close = OPENERS[line.charAt(cursor)];
  if (close) {
    const closeAt = line.indexOf(close, cursor + 1);
    if (closeAt !== -1 && closeAt - cursor <= BRACKET_WINDOW) {
      const credits = parseCredits(line.slice(cursor + 1, closeAt));
      return { byline: bylineOf(line.slice(0, closeAt + 1), dateline, credits), rest: line.slice(closeAt + 1).trim(), start };
    }
  }
  const bare = bareCredits(line, cursor);
  if (bare) {
    return { byline: bylineOf(line.slice(0, bare.end), dateline, bare.credits), rest: line.slice(bare.end).replace(/^[\s:：]+/u, '').trim(), start };
  }
  return { byline: bylineOf(dateline, dateline, parseCredits('')), rest: line.slice(end).replace(/^[\s:：]+/u, '').trim(), start };
}

/** A line that is only a credit: 记者 A 通讯员 B, ■本报记者 张三, (记者 张三), 文/图 本报记者 王五. */
export function parseCreditLine(rawLine: string): Byline | null {
  if (rawLine.length > CREDIT_LINE_MAX || !CREDIT_HINT.test(rawLine)) return null;
  let line = rawLine.replace(DECORATION, '').trim();
  const close = OPENERS[line.charAt(0)];
  if (close && line.endsWith(close)) line = line.slice(1, -1).trim();
  if (line === '' || /[。！？!?“”]/u.test(line)) return null;
  const credits = parseCredits(line);
  if (credits.unknown.length > 0 || credits.roles.length === 0) return null;
  const named = credits.reporters.length + credits.correspondents.length > 0;
  if (!named && !credits.roles.some((role) => role.endsWith('评论员'))) return null;
  return bylineOf(rawLine.replace(DECORATION, '').trim(), null, credits);
}
