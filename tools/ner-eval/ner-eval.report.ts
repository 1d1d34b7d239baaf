// The text report of `ner-eval`: one table of strict-span scores, then the errors grouped by kind with examples.
import { NER_TYPES } from './bio.reader';
import { ERROR_KINDS, type ErrorKind, type NerError, type NerScore, type TypeScore } from './ner.scorer';

const ERROR_TITLES: Record<ErrorKind, string> = {
  missed: 'missed (no prediction touches the gold span)',
  spurious: 'spurious (no gold span there)',
  boundary: 'wrong boundary (same type, other extent)',
  type: 'wrong type (same extent)',
  typeAndBoundary: 'wrong type and boundary',
};

const pct = (x: number) => x.toFixed(3);
const row = (name: string, s: TypeScore) =>
  `  ${name.padEnd(8)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(6)} ${pct(s.f1).padStart(6)} ${String(s.gold).padStart(6)} ${String(s.predicted).padStart(9)} ${String(s.correct).padStart(7)}`;

function describe(error: NerError): string {
  const g = error.gold ? `${error.gold.type} ${error.gold.text}` : '';
  const p = error.predicted ? `${error.predicted.type} ${error.predicted.text}` : '';
  if (error.kind === 'missed') return g;
  if (error.kind === 'spurious') return p;
  return `${g} -> ${p}`;
}

/** Most frequent first, so the report shows the kinds of mistakes rather than a random sample. */
function topExamples(errors: NerError[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const error of errors) counts.set(describe(error), (counts.get(describe(error)) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([text, n]) => (n > 1 ? `${text} (x${n})` : text));
}

export function formatNerReport(file: string, score: NerScore, examples: number, seconds: number, chars: number): string {
  const lines = [
    `ner-eval  ${file}  ${score.sentences} sentences, ${chars} characters, tagged in ${seconds.toFixed(1)} s (${Math.round(chars / Math.max(seconds, 1e-9))} chars/s)`,
    'strict spans (type and both boundaries exact)',
    '  type     precision recall     F1   gold predicted correct',
    ...NER_TYPES.map((type) => row(type, score.byType[type])),
    row('all', score.overall),
    '',
    'errors',
  ];
  for (const kind of ERROR_KINDS) {
    const ofKind = score.errors.filter((e) => e.kind === kind);
    lines.push(`  ${ERROR_TITLES[kind]}: ${ofKind.length}`);
    for (const type of NER_TYPES) {
      const ofType = ofKind.filter((e) => (e.gold ?? e.predicted)?.type === type);
      if (ofType.length === 0 || examples === 0) continue;
      lines.push(`    ${type} ${ofType.length}: ${topExamples(ofType, examples).join(' | ')}`);
    }
  }
  return lines.join('\n');
}
