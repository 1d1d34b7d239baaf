import type { ProfileSummary } from '../profile/cpu-profile.summary';

/**
 * parse: parsePage alone · tag: tagArticle alone (on pre-parsed articles) · both: parse then tag ·
 * segment: @node-rs/jieba cut (HMM on) on the text the tagger reads, the reference · segment-pos: jieba tag (POS) ·
 * tag-model / both-model: the same with the LAC sequence model on (what the enricher runs by default) ·
 * parser-stage / enricher-stage: what the service does per message besides the transport (JSON + zod both ways).
 */
export const OFFLINE_KINDS = ['parse', 'tag', 'both', 'tag-model', 'both-model', 'segment', 'segment-pos', 'parser-stage', 'enricher-stage'] as const;
export type OfflineKind = (typeof OFFLINE_KINDS)[number];

export interface OfflineCase {
  kind: OfflineKind;
  input: 'sample' | 'corpus';
  /** Corpus size (pages); ignored for the sample. */
  pages: number;
  seed: number;
  /** Passes over the input repeat until this much time has passed (at least one pass). */
  minSeconds: number;
  /** Profile the timed part with the inspector and return the hottest functions. */
  profile: boolean;
}

export interface OfflineResult {
  kind: OfflineKind;
  input: 'sample' | 'corpus';
  /** Distinct pages in the input, and pages processed (passes x distinct). */
  distinctPages: number;
  pages: number;
  articles: number;
  seconds: number;
  /** CPU time of the process during the timed part / wall time (≈1 on one core; GC threads can add). */
  cpuPerWall: number;
  /** UTF-8 bytes and characters of what this case reads: the page text (parse, both, stages) or the tagged text. */
  bytes: number;
  chars: number;
  pagesPerSec: number;
  articlesPerSec: number;
  mbPerSec: number;
  charsPerSec: number;
  baselineRssMb: number;
  peakRssMb: number;
  /** Peak heapUsed above the baseline taken after a full GC before timing. */
  peakHeapDeltaMb: number;
  /** CPU cores busy on the machine outside this case while it ran (other users' work skews the figure). */
  otherLoadCores: number;
  /** Entities found (tag/both/enricher-stage) or tokens (segment): proof the work was done. */
  outputs: number;
  /** Model cases: seconds of the timed part spent in the ONNX encoder and in the Viterbi decoder. */
  model?: { encoderSeconds: number; decoderSeconds: number; calls: number };
  profile?: ProfileSummary;
}
