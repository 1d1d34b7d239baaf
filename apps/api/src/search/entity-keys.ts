import type { EntityType } from '@baoxun/shared/contracts/api.contract';

// Keys an article is indexed under (one multikey index serves every filter). Entity ids double as keys and
// as the _id of the entity's own document, so a facet value leads straight to its entity.

/** Names are compared as written, after NFC and trimming (ingest already normalizes page text to NFC). */
export const cleanName = (name: string): string => name.normalize('NFC').trim();

/** GB/T 2260 codes: 6 digits for counties and above, 9 and 12 for townships and villages. */
export const DIVISION_CODE = /^\d{6}(\d{3}){0,2}$/;

/** person:陈正明, place:430200 (a division) or place:<name> (other places), organization:…, campaign:…. */
export const entityId = (type: EntityType, key: string): string => `${type}:${key}`;

export function parseEntityId(id: string): { type: EntityType; key: string } | null {
  const match = /^(person|place|organization|campaign):(.+)$/s.exec(id);
  return match ? { type: match[1] as EntityType, key: match[2] } : null;
}

export const keys = {
  /** The paper. */
  source: (source: string) => `s:${cleanName(source)}`,
  pageId: (pageId: string) => `i:${pageId}`,
  /** Page number as normalized by the contracts ("01", "A03"). */
  pageNumber: (page: string) => `n:${page}`,
  /** A place by any name it was written with, or its standard name. */
  placeName: (name: string) => `l:${cleanName(name)}`,
  /** Within a division (code or standard name): the place itself and every division above it. */
  within: (codeOrName: string) => `w:${cleanName(codeOrName)}`,
} as const;

/** Marks every article in entityIds, so a facet aggregation also counts the articles it looked at. */
export const ARTICLE_SENTINEL = '*';
