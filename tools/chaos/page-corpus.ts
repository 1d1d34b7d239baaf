import { readFileSync } from 'node:fs';
import { parsePage } from '@baoxun/page-parser/page.parser';
import type { PageSubmission } from '@baoxun/shared/contracts/page.contract';
import { articleIdOf, contentHashOf, pageIdOf } from '@baoxun/shared/identity/page-identity';
import { findRepoRoot } from '../infra/repo-root.util';
import { samplePagePath } from '../quality/repo-root';

/** A page a test sends, with what must come out of the pipeline for it. */
export interface CorpusPage {
  submission: PageSubmission & { page: string };
  pageId: string;
  contentHash: string;
  /** Article ids the api must store for this version: one per article the parser cuts, no more, no fewer. */
  expectedArticleIds: string[];
}

const sampleText = (): string => readFileSync(samplePagePath('txt', findRepoRoot()), 'utf8');
let sample: string | undefined;

const PLACES = ['株洲', '醴陵', '攸县', '茶陵', '炎陵', '渌口', '芦淞', '荷塘', '石峰', '天元'];
const TOPICS = ['城市建设', '乡村振兴', '产业升级', '民生实事', '生态保护', '文化旅游', '科技创新', '基层治理'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '周', '吴', '赵', '孙'];

/** Deterministic pseudo-random numbers (mulberry32), so a failing run can be repeated from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A short page of `articles` articles whose text is unique to (index, variant). */
function syntheticText(index: number, articles: number, variant: number): string {
  const lines: string[] = [];
  for (let a = 0; a < articles; a++) {
    const place = PLACES[(index + a) % PLACES.length];
    const topic = TOPICS[(index * 3 + a + variant) % TOPICS.length];
    const reporter = `${SURNAMES[(index + a) % SURNAMES.length]}${SURNAMES[(index + 2 * a + 1) % SURNAMES.length]}明`;
    lines.push(`${place}${topic}第${index}期第${a + 1}篇${variant > 0 ? `(第${variant}次更新)` : ''}`, '');
    lines.push(`本报讯(记者 ${reporter}) ${1 + (index % 12)}月${1 + (a % 28)}日，${place}市召开${topic}推进会，部署第${index}批重点项目，编号${index}-${a}-${variant}。`, '');
    lines.push(`会议指出，要坚持问题导向，确保${topic}工作取得实效。与会代表就第${a + 1}项任务进行了讨论。`, '', '');
  }
  return lines.join('\n');
}

/** The sample front page, made unique by a closing paragraph. */
function sampleVariant(index: number, variant: number): string {
  sample ??= sampleText();
  return `${sample.replace(/\s+$/, '')}\n\n本版校对编号${index}-${variant}。\n`;
}

/**
 * Page `index` of a source: (date, page number) unique per index, text unique per (index, variant). Most pages
 * are short synthetic pages of 1-4 articles; every 25th is the real sample page. A variant > 0 is a re-scan.
 */
export function corpusPage(source: string, index: number, variant = 0): CorpusPage {
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(index / 20) * 86_400_000).toISOString().slice(0, 10);
  const pageNumber = String((index % 20) + 1).padStart(2, '0');
  const text = index % 25 === 24 ? sampleVariant(index, variant) : syntheticText(index, 1 + ((index + variant) % 4), variant);
  const submission = { source, date: day, page: pageNumber, text, correlationId: `chaos-${index}-${variant}` };
  const pageId = pageIdOf({ source, date: day, page: pageNumber });
  // The texts are already what ingest's normalization makes of them (NFC, LF, no control characters).
  const contentHash = contentHashOf(text);
  const articles = parsePage(text);
  return { submission, pageId, contentHash, expectedArticleIds: articles.map((article) => articleIdOf(pageId, contentHash, article.order)) };
}

export function corpus(source: string, count: number, firstIndex = 0): CorpusPage[] {
  return Array.from({ length: count }, (_, offset) => corpusPage(source, firstIndex + offset));
}
