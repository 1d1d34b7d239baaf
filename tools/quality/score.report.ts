// Human-readable tables for the scorer's results.
import type { CorpusScore } from './corpus.runner';
import { ENTITY_TYPES, type EntityScore } from './entity.scorer';
import type { PageScore } from './page.scorer';
import { STRUCTURE_CHECKS, type StructureScore } from './structure.scorer';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const clip = (value: unknown, max = 40) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

function structureTable(structure: StructureScore): string[] {
  const { articles } = structure;
  const lines = [`structure  ${pct(structure.score)}  (${structure.passed}/${structure.total} checks; articles: ${articles.gold} gold, ${articles.predicted} predicted, ${articles.matched} matched, ${articles.invented} invented)`];
  for (const name of STRUCTURE_CHECKS) {
    const { passed, total } = structure.checks[name];
    if (total > 0) lines.push(`  ${name.padEnd(14)} ${`${passed}/${total}`.padStart(7)}  ${pct(passed / total).padStart(6)}`);
  }
  for (const failure of structure.failures) {
    lines.push(`  ✗ #${failure.article} ${clip(failure.headline, 20)} ${failure.check}: expected ${clip(failure.expected)} got ${clip(failure.actual)}`);
  }
  return lines;
}

function entityTable(entities: EntityScore | null, verbose: boolean): string[] {
  if (!entities) return ['entities   (gold has none: skipped)'];
  const lines = ['entities        precision  recall      F1    tp   fp   fn'];
  for (const type of ENTITY_TYPES) {
    const score = entities.types[type];
    if (!score) continue;
    lines.push(`  ${type.padEnd(14)} ${pct(score.precision).padStart(7)} ${pct(score.recall).padStart(7)} ${pct(score.f1).padStart(7)} ${String(score.tp).padStart(5)} ${String(score.fp).padStart(4)} ${String(score.fn).padStart(4)}`);
  }
  if (entities.roles) lines.push(`  (person, role) pairs found: ${entities.roles.found}/${entities.roles.total} ${pct(entities.roles.share)}`);
  if (verbose) {
    for (const miss of entities.misses) {
      lines.push(`  #${miss.article} ${miss.type}: missing ${clip(miss.missing.join('、'), 60)}${miss.extra.length ? ` extra ${clip(miss.extra.join('、'), 60)}` : ''}`);
    }
  }
  return lines;
}

export function formatPageScore(score: PageScore, verbose = true): string {
  return [...structureTable(score.structure), ...entityTable(score.entities, verbose)].join('\n');
}

export function formatCorpusScore(corpus: CorpusScore, verbose = false): string {
  const lines = ['page                                        structure   checks   people  places    orgs  campaigns (F1)'];
  for (const page of corpus.pages) {
    const f1 = (type: (typeof ENTITY_TYPES)[number]) => {
      const score = page.entities?.types[type];
      return (score ? pct(score.f1) : '-').padStart(7);
    };
    lines.push(`${page.name.padEnd(44)}${pct(page.structure.score).padStart(9)} ${`${page.structure.passed}/${page.structure.total}`.padStart(8)} ${f1('people')} ${f1('places')} ${f1('organizations')} ${f1('campaigns')}`);
  }
  lines.push(`${'all pages'.padEnd(44)}${pct(corpus.structure.score).padStart(9)} ${`${corpus.structure.passed}/${corpus.structure.total}`.padStart(8)}`);
  if (verbose) for (const page of corpus.pages) if (page.structure.failures.length > 0) lines.push('', page.name, ...structureTable(page.structure).slice(1).filter((line) => line.includes('✗')));
  return lines.join('\n');
}
