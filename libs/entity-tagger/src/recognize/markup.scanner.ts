import { CLOSE_QUOTES, OPEN_QUOTES } from '../text/char-class.util';

export interface Bracketed {
  /** Position of the opening mark. */
  open: number;
  /** Position of the closing mark. */
  close: number;
}

/** 《…》 book and document titles (nesting counted, unclosed ones ignored). */
export function bookTitles(text: string): Bracketed[] {
  const out: Bracketed[] = [];
  if (text.indexOf('《') < 0 && text.indexOf('〈') < 0) return out;
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '《' || c === '〈') stack.push(i);
    else if ((c === '》' || c === '〉') && stack.length) {
      const open = stack.pop() as number;
      if (!stack.length) out.push({ open, close: i });
    } else if (c === '\n') stack.length = 0;
  }
  return out;
}

/** Quoted stretches “…” (also 「」 『』 and straight double quotes paired within a line). */
const QUOTE_CODES = new Set([...OPEN_QUOTES, '"'].map((c) => c.charCodeAt(0)));

export function quotations(text: string): Bracketed[] {
  const out: Bracketed[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!QUOTE_CODES.has(text.charCodeAt(i))) continue;
    const c = text[i];
    if (OPEN_QUOTES.has(c)) {
      const close = text.indexOf(CLOSE_QUOTES[c], i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (close > i && (nl < 0 || close < nl) && close - i <= 80) {
        out.push({ open: i, close });
        i = close;
      }
    } else if (c === '"') {
      const close = text.indexOf('"', i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (close > i && (nl < 0 || close < nl) && close - i <= 80) {
        out.push({ open: i, close });
        i = close;
      }
    }
  }
  return out;
}

// 本报讯, 株洲日报2月22日讯, 新华社北京2月22日电. Anchored (sticky): it is tried only just before a 讯 or 电.
const DATELINE = /[\u4e00-\u9fff]{1,8}(?:日报|晚报|早报|报|网|台|社)(?:\d{1,2}月\d{1,2}日)?讯|新华社[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日电/y;
/** The longest text DATELINE matches before its final 讯 or 电. */
const DATELINE_REACH = 17;

/**
 * Datelines such as 株洲日报讯 or 新华社北京2月22日电: not mentions of the paper or the place. The same matches as
 * the pattern run over the whole text, but every match ends at a 讯 or 电, so only the starts within reach of
 * one are tried.
 */
export function datelines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const ends = new DatelineEnds(text);
  let from = 0;
  for (let k = ends.next(0); k >= 0; k = ends.next(Math.max(k + 1, from))) {
    for (let s = Math.max(from, k - DATELINE_REACH); s < k; s++) {
      DATELINE.lastIndex = s;
      const m = DATELINE.exec(text);
      if (!m) continue;
      out.push({ start: s, end: s + m[0].length });
      from = s + m[0].length;
      break;
    }
  }
  return out;
}

/** The next 讯 or 电 at or after a position, each searched for only once per occurrence. */
class DatelineEnds {
  private xun: number;
  private dian: number;

  constructor(private readonly text: string) {
    this.xun = text.indexOf('讯');
    this.dian = text.indexOf('电');
  }

  next(from: number): number {
    if (this.xun >= 0 && this.xun < from) this.xun = this.text.indexOf('讯', from);
    if (this.dian >= 0 && this.dian < from) this.dian = this.text.indexOf('电', from);
    return this.xun < 0 ? this.dian : this.dian < 0 ? this.xun : Math.min(this.xun, this.dian);
  }
}
