import type { Division } from '../lexicon/division.index';

/** A stretch of one segment: [start, end) in UTF-16 units. */
export interface Span {
  seg: number;
  start: number;
  end: number;
}

export interface PersonHit extends Span {
  name: string;
  roles: string[];
}

export interface PlaceHit extends Span {
  name: string;
  division: Division | null;
  /** The division's standard name when the text differs (short form, misspelling). */
  canonicalName: string | null;
  /** For named areas without a code: the division they lie in, if the name says so (株洲高新区). */
  within: Division | null;
}

export interface NamedHit extends Span {
  name: string;
  /** For an organization's short form (省委): the full body where the page and the article say which (中共湖南省委). */
  canonicalName?: string | null;
}

const KIND_BITS = { book: 1, quote: 2, dateline: 4, facility: 8, org: 16, person: 32, byline: 64 } as const;
export type BlockKind = keyof typeof KIND_BITS;

export function kindMask(kinds: readonly BlockKind[]): number {
  let m = 0;
  for (const k of kinds) m |= KIND_BITS[k];
  return m;
}

/**
 * Spans already claimed, per segment, so that later recognizers do not tag inside them. Kept as one bit mask
 * per character: the recognizers ask about overlaps at nearly every candidate.
 */
export class SpanMap {
  private readonly masks: Uint8Array[];

  constructor(lengths: number[]) {
    this.masks = lengths.map((n) => new Uint8Array(n));
  }

  add(seg: number, start: number, end: number, kind: BlockKind): void {
    const m = this.masks[seg];
    const bit = KIND_BITS[kind];
    for (let i = start; i < end; i++) m[i] |= bit;
  }

  /** True when [start, end) overlaps a span of one of the kinds in `mask` (see kindMask). */
  overlapsMask(seg: number, start: number, end: number, mask: number): boolean {
    const m = this.masks[seg];
    for (let i = start; i < end; i++) if (m[i] & mask) return true;
    return false;
  }

  overlaps(seg: number, start: number, end: number, kinds: readonly BlockKind[]): boolean {
    return this.overlapsMask(seg, start, end, kindMask(kinds));
  }
}
