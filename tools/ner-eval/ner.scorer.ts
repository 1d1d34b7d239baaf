// Strict-span scoring of predicted entities against gold, per type, as published NER results are given: a
// prediction is right only when its type and both boundaries are exact. Everything else is grouped by kind of
// error so the misses can be read, not just counted.
import { NER_TYPES, type NerType, type TypedSpan } from './bio.reader';

export interface TypeScore {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * - missed: a gold span no prediction touches;
 * - spurious: a prediction no gold span touches;
 * - boundary: a prediction of the gold's type overlapping it with other boundaries;
 * - type: a prediction with the gold's exact boundaries and another type;
 * - typeAndBoundary: overlapping, other boundaries and another type.
 */
export type ErrorKind = 'missed' | 'spurious' | 'boundary' | 'type' | 'typeAndBoundary';
export const ERROR_KINDS: readonly ErrorKind[] = ['missed', 'spurious', 'boundary', 'type', 'typeAndBoundary'];

export interface NerError {
  kind: ErrorKind;
  sentence: number;
  /** The gold span (absent for spurious). */
  gold?: TypedSpan & { text: string };
  /** The prediction (absent for missed). */
  predicted?: TypedSpan & { text: string };
}

export interface NerScore {
  sentences: number;
  byType: Record<NerType, TypeScore>;
  /** Micro average over the three types. */
  overall: TypeScore;
  errorCounts: Record<ErrorKind, number>;
  errors: NerError[];
}

export interface ScoredSentence {
  text: string;
  gold: TypedSpan[];
  predicted: TypedSpan[];
}

const isScored = (span: TypedSpan): boolean => (NER_TYPES as readonly string[]).includes(span.type);
const overlaps = (a: TypedSpan, b: TypedSpan): boolean => a.start < b.end && b.start < a.end;
const same = (a: TypedSpan, b: TypedSpan): boolean => a.start === b.start && a.end === b.end;
const keyOf = (span: TypedSpan): string => `${span.type}:${span.start}:${span.end}`;

function ratios(gold: number, predicted: number, correct: number): TypeScore {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, correct, precision, recall, f1 };
}

/**
 * Keeps only the outermost of nested predictions (a place inside an organization's name, say): flat NER sets
 * annotate the outer name only, so a nested tagger is compared on its outer spans. Ties keep the longer span.
 */
export function outermostSpans(spans: TypedSpan[]): TypedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TypedSpan[] = [];
  let reach = -1;
  for (const span of sorted) {
    if (span.end <= reach) continue;
    kept.push(span);
    reach = Math.max(reach, span.end);
  }
  return kept;
}

/** Scores all sentences; spans of types other than PER, LOC and ORG are left out on both sides. */
export function scoreNer(sentences: ScoredSentence[]): NerScore {
  const counts = Object.fromEntries(NER_TYPES.map((type) => [type, { gold: 0, predicted: 0, correct: 0 }])) as Record<
    NerType,
    { gold: number; predicted: number; correct: number }
  >;
  const errors: NerError[] = [];
  const withText = (text: string, span: TypedSpan) => ({ ...span, text: text.slice(span.start, span.end) });

  sentences.forEach((sentence, index) => {
    const gold = dedupe(sentence.gold.filter(isScored));
    const predicted = dedupe(sentence.predicted.filter(isScored));
    const predictedKeys = new Set(predicted.map(keyOf));
    const goldKeys = new Set(gold.map(keyOf));
    for (const span of gold) counts[span.type as NerType].gold++;
    for (const span of predicted) {
      counts[span.type as NerType].predicted++;
      if (goldKeys.has(keyOf(span))) counts[span.type as NerType].correct++;
    }
    const wrongPredictions = predicted.filter((p) => !goldKeys.has(keyOf(p)));
    const explained = new Set<string>();
    for (const g of gold) {
      if (predictedKeys.has(keyOf(g))) continue;
      const touching = wrongPredictions.filter((p) => overlaps(p, g));
      let kind: ErrorKind = 'missed';
      let culprit: TypedSpan | undefined;
      if ((culprit = touching.find((p) => same(p, g)))) kind = 'type';
      else if ((culprit = touching.find((p) => p.type === g.type))) kind = 'boundary';
      else if ((culprit = touching[0])) kind = 'typeAndBoundary';
      for (const p of touching) explained.add(keyOf(p));
      errors.push({ kind, sentence: index, gold: withText(sentence.text, g), ...(culprit ? { predicted: withText(sentence.text, culprit) } : {}) });
    }
    for (const p of wrongPredictions) {
      if (explained.has(keyOf(p)) || gold.some((g) => overlaps(p, g))) continue;
      errors.push({ kind: 'spurious', sentence: index, predicted: withText(sentence.text, p) });
    }
  });

  const byType = Object.fromEntries(NER_TYPES.map((type) => [type, ratios(counts[type].gold, counts[type].predicted, counts[type].correct)])) as Record<
    NerType,
    TypeScore
  >;
  const total = NER_TYPES.reduce((sum, type) => ({
    gold: sum.gold + counts[type].gold,
    predicted: sum.predicted + counts[type].predicted,
    correct: sum.correct + counts[type].correct,
  }), { gold: 0, predicted: 0, correct: 0 });
  const errorCounts = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, errors.filter((e) => e.kind === kind).length])) as Record<ErrorKind, number>;
  return { sentences: sentences.length, byType, overall: ratios(total.gold, total.predicted, total.correct), errorCounts, errors };
}

function dedupe(spans: TypedSpan[]): TypedSpan[] {
  const seen = new Map<string, TypedSpan>();
  for (const span of spans) seen.set(keyOf(span), span);
  return [...seen.values()];
}
