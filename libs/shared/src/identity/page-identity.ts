import { createHash } from 'node:crypto';
import type { PageRef } from '../contracts/page.contract';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A page is (source, edition date, page number); its id is stable across re-scans. */
export function pageIdOf(page: PageRef): string {
  return `pg_${sha256(`${page.source}\u0000${page.date}\u0000${page.page}`).slice(0, 24)}`;
}

/** Identifies one version of a page's text: the same text twice is a duplicate. */
export function contentHashOf(text: string): string {
  return sha256(text).slice(0, 32);
}

/** An article's id is stable for the same page version and position on the page. */
export function articleIdOf(pageId: string, pageVersion: string, order: number): string {
  return `ar_${sha256(`${pageId}\u0000${pageVersion}\u0000${order}`).slice(0, 24)}`;
}
