import { readFileSync } from 'node:fs';
import type { ArticleText } from '@baoxun/shared/contracts/article.contract';

/** The parts of a gold file (see shared/samples/*.gold.json) the tagger's tests read. */
export interface GoldArticle {
  kicker: string | null;
  headline: string;
  subheadlines: string[];
  byline: { dateline: string | null; reporters: string[]; correspondents: string[] } | null;
  bodyStart: string;
  bodyEnd: string;
  people: { name: string; roles: string[] }[];
  places: string[];
  organizations: string[];
  campaigns: string[];
}

export interface GoldPage {
  articles: GoldArticle[];
}

export interface GoldCase {
  gold: GoldArticle;
  article: ArticleText;
}

const SENTENCE_END = /[。?？!！”"』」]$/;
const JUMP = /\s*[▶▲]{1,2}\s*[上下]转\d+版[①-⑳]?\s*$|^\s*[▶▲]{1,2}\s*[上下]转\d+版[①-⑳]?\s*$/;

/**
 * Rebuilds each gold article as the parser would give it: titles and byline from the gold, the body sliced from
 * the page between bodyStart and bodyEnd with column breaks joined, repeated paragraphs and jump markers dropped.
 * The byline text is what the page prints between the titles and the body (or a trailing (记者 …) line).
 * Test-only: the tagger must not depend on the page parser.
 */
export function loadGoldCases(pagePath: string, goldPath: string): GoldCase[] {
  const page = readFileSync(pagePath, 'utf8').replace(/\r\n?/g, '\n');
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldPage;
  const lines = page.split('\n');
  let cursor = 0;
  return gold.articles.map((g, n) => {
    const titles = [g.kicker, g.headline, ...g.subheadlines].filter((t): t is string => !!t);
    const lastTitle = titles.reduce((at, t) => {
      const i = lines.findIndex((l, k) => k >= at && l.trim() === t);
      if (i < 0) throw new Error(`title "${t}" not found in ${pagePath}`);
      return i;
    }, cursor);
    const startLine = lines.findIndex((l, k) => k > lastTitle && l.includes(g.bodyStart));
    if (startLine < 0) throw new Error(`bodyStart of article ${n + 1} not found in ${pagePath}`);
    const next = gold.articles[n + 1];
    const nextTitle = next ? (next.kicker ?? next.headline) : null;
    let stop = lines.length;
    if (nextTitle) stop = lines.findIndex((l, k) => k > startLine && l.trim() === nextTitle);
    if (stop < 0) throw new Error(`title "${nextTitle}" not found in ${pagePath}`);
    const first = lines[startLine];
    const at = first.indexOf(g.bodyStart);
    const raw = cleanBody([first.slice(at), ...lines.slice(startLine + 1, stop)]);
    const endAt = raw.lastIndexOf(g.bodyEnd);
    if (endAt < 0) throw new Error(`article ${n + 1} of ${pagePath}: bodyEnd not found in ${raw.slice(-60)}`);
    const body = raw.slice(0, endAt + g.bodyEnd.length);
    const before = [...lines.slice(lastTitle + 1, startLine), first.slice(0, at)].join(' ').trim();
    const after = raw.slice(endAt + g.bodyEnd.length).trim();
    const bylineText = before || (/^[（(][^)）]*[)）]$/.test(after) ? after : '');
    cursor = stop;
    const article: ArticleText = {
      order: n,
      kicker: g.kicker,
      headline: g.headline,
      subheadlines: g.subheadlines,
      byline: g.byline ? { text: bylineText, dateline: g.byline.dateline, reporters: g.byline.reporters, correspondents: g.byline.correspondents } : null,
      body,
      continuation: null,
      continuedFrom: null,
    };
    return { gold: g, article };
  });
}

function cleanBody(lines: string[]): string {
  const paragraphs: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.replace(JUMP, '').trim();
    if (!line) {
      if (current && SENTENCE_END.test(current)) {
        paragraphs.push(current);
        current = '';
      }
      continue;
    }
    current += line;
    if (SENTENCE_END.test(current)) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs.filter((p, i) => paragraphs.indexOf(p) === i).join('\n');
}
