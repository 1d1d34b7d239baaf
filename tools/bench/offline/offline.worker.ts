// One offline measurement in a process of its own (forked by offline.bench.ts), so that peak memory and JIT
// state belong to that case alone. Single-threaded: the figures are "on one core".
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { ArticleText } from '@baoxun/shared/contracts/article.contract';
import { ArticleEnrichedSchema, ArticleParsedSchema } from '@baoxun/shared/contracts/article.contract';
import { PageParsedSchema, PageReceivedSchema } from '@baoxun/shared/contracts/page.contract';
import { parsePage } from '@baoxun/page-parser/page.parser';
import { tagArticle, type Tagger } from '@baoxun/entity-tagger/article.tagger';
import { createModelTagger } from '@baoxun/entity-tagger/model/model-tagger.factory';
import { defaultLexicalModelDir } from '@baoxun/shared/config/enricher.config';
import { findRepoRoot } from '../../infra/repo-root.util';
import { samplePagePath } from '../../quality/repo-root';
import { generateCorpus } from '../corpus/page.generator';
import { articlesParsedOf, enrichedOf, pageParsedOf, pageReceivedOf, taggedTextOf } from '../corpus/pipeline-messages';
import { type CpuProfile, summarizeProfile } from '../profile/cpu-profile.summary';
import { machineCpuSeconds } from '../system/process.sampler';
import type { OfflineCase, OfflineResult } from './offline-case.types';

export function sampleText(): string {
  return readFileSync(samplePagePath('txt', findRepoRoot()), 'utf8');
}

interface Unit {
  /** What the case reads: the page text or the tagged texts. */
  bytes: number;
  chars: number;
  articles: number;
  run: () => number | Promise<number>;
}

const MB = 1024 * 1024;
const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');
const entityCount = (entities: { people: unknown[]; places: unknown[]; organizations: unknown[]; campaigns: unknown[] }) =>
  entities.people.length + entities.places.length + entities.organizations.length + entities.campaigns.length;

function unitsFor(spec: OfflineCase, texts: string[], model: Tagger | null): Unit[] {
  const refs = texts.map((_, i) => ({ source: 'bench', date: '2024-02-23', page: String((i % 99) + 1).padStart(2, '0') }));
  const parsedOnce = (): ArticleText[][] => texts.map((text) => parsePage(text));
  switch (spec.kind) {
    case 'parse':
      return texts.map((text) => ({ bytes: utf8(text), chars: text.length, articles: 0, run: () => parsePage(text).length }));
    case 'both':
      return texts.map((text) => ({
        bytes: utf8(text),
        chars: text.length,
        articles: 0,
        run: () => parsePage(text).reduce((sum, article) => sum + entityCount(tagArticle(article)), 0),
      }));
    case 'both-model':
      return texts.map((text) => ({
        bytes: utf8(text),
        chars: text.length,
        articles: 0,
        // A page's articles at once, as the enricher takes them (up to MAX_IN_FLIGHT): the model batches their sentences.
        run: async () => (await Promise.all(parsePage(text).map((article) => (model as Tagger).tagArticleAsync(article)))).reduce((sum, e) => sum + entityCount(e), 0),
      }));
    case 'tag-model':
      return parsedOnce().map((articles) => {
        const tagged = articles.map(taggedTextOf);
        return {
          bytes: tagged.reduce((sum, text) => sum + utf8(text), 0),
          chars: tagged.reduce((sum, text) => sum + text.length, 0),
          articles: articles.length,
          run: async () => (await Promise.all(articles.map((article) => (model as Tagger).tagArticleAsync(article)))).reduce((sum, e) => sum + entityCount(e), 0),
        };
      });
    case 'tag':
      return parsedOnce().map((articles) => {
        const tagged = articles.map(taggedTextOf);
        return {
          bytes: tagged.reduce((sum, text) => sum + utf8(text), 0),
          chars: tagged.reduce((sum, text) => sum + text.length, 0),
          articles: articles.length,
          run: () => articles.reduce((sum, article) => sum + entityCount(tagArticle(article)), 0),
        };
      });
    case 'segment':
    case 'segment-pos': {
      const jieba = Jieba.withDict(dict);
      const pos = spec.kind === 'segment-pos';
      return parsedOnce().map((articles) => {
        const tagged = articles.map(taggedTextOf);
        return {
          bytes: tagged.reduce((sum, text) => sum + utf8(text), 0),
          chars: tagged.reduce((sum, text) => sum + text.length, 0),
          articles: articles.length,
          run: () => tagged.reduce((sum, text) => sum + (pos ? jieba.tag(text, true).length : jieba.cut(text, true).length), 0),
        };
      });
    }
    case 'parser-stage':
      return texts.map((text, i) => {
        const message = Buffer.from(JSON.stringify(pageReceivedOf(refs[i], text)));
        return {
          bytes: utf8(text),
          chars: text.length,
          articles: 0,
          run: () => {
            const page = PageReceivedSchema.parse(JSON.parse(message.toString('utf8')));
            const articles = articlesParsedOf(page, parsePage(page.text));
            let out = 0;
            for (const article of articles) out += Buffer.from(JSON.stringify(ArticleParsedSchema.parse(article))).length;
            out += Buffer.from(JSON.stringify(PageParsedSchema.parse(pageParsedOf(page, articles)))).length;
            return out;
          },
        };
      });
    case 'enricher-stage':
      return parsedOnce().map((articles, i) => {
        const page = pageReceivedOf(refs[i], texts[i]);
        const messages = articlesParsedOf(page, articles).map((article) => Buffer.from(JSON.stringify(article)));
        const tagged = articles.map(taggedTextOf);
        return {
          bytes: tagged.reduce((sum, text) => sum + utf8(text), 0),
          chars: tagged.reduce((sum, text) => sum + text.length, 0),
          articles: articles.length,
          run: () => {
            let out = 0;
            for (const message of messages) {
              const article = ArticleParsedSchema.parse(JSON.parse(message.toString('utf8')));
              out += Buffer.from(JSON.stringify(ArticleEnrichedSchema.parse(enrichedOf(article)))).length;
            }
            return out;
          },
        };
      });
  }
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

export async function runOfflineCase(spec: OfflineCase): Promise<OfflineResult> {
  const texts = spec.input === 'sample' ? [sampleText()] : generateCorpus(spec.seed, spec.pages).map((page) => page.text);
  const modelCase = spec.kind === 'tag-model' || spec.kind === 'both-model';
  const tagger = modelCase ? await createModelTagger({}, { enabled: true, dir: defaultLexicalModelDir(__dirname) }) : null;
  const units = unitsFor(spec, texts, tagger);
  // Warm up the JIT on a slice of the input (the whole sample 20 times).
  const warm = spec.input === 'sample' ? 20 : Math.min(units.length, 30);
  for (let i = 0; i < warm; i++) await units[i % units.length].run();
  const timings = tagger?.modelTimings;
  const timingsAtStart = timings ? { ...timings } : null;
  gc();
  gc();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;

  let session: Session | undefined;
  if (spec.profile) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    await session.post('Profiler.start');
  }

  const machineStart = machineCpuSeconds();
  const cpuStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  const minNs = BigInt(Math.round(spec.minSeconds * 1e9));
  let done = 0;
  let bytes = 0;
  let chars = 0;
  let articles = 0;
  let outputs = 0;
  do {
    for (const unit of units) {
      outputs += await unit.run();
      bytes += unit.bytes;
      chars += unit.chars;
      articles += unit.articles;
      done++;
      if ((done & 15) === 0) {
        const memory = process.memoryUsage();
        if (memory.rss > peakRss) peakRss = memory.rss;
        if (memory.heapUsed > peakHeap) peakHeap = memory.heapUsed;
      }
    }
  } while (process.hrtime.bigint() - started < minNs);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const machineEnd = machineCpuSeconds();
  const otherLoadCores = machineStart && machineEnd ? Math.max(0, (machineEnd.busy - machineStart.busy - (cpu.user + cpu.system) / 1e6) / seconds) : Number.NaN;

  let profile: OfflineResult['profile'];
  if (session) {
    const { profile: raw } = await session.post('Profiler.stop');
    profile = summarizeProfile(raw as unknown as CpuProfile, findRepoRoot(), 12);
    session.disconnect();
  }
  const final = process.memoryUsage();
  peakRss = Math.max(peakRss, final.rss);
  peakHeap = Math.max(peakHeap, final.heapUsed);
  // tag/segment count articles from the pre-parse; parse and both count what parsePage returned.
  if (articles === 0 && (spec.kind === 'parse' || spec.kind === 'both' || spec.kind === 'both-model' || spec.kind === 'parser-stage')) {
    const perPass = texts.reduce((sum, text) => sum + parsePage(text).length, 0);
    articles = Math.round((perPass * done) / units.length);
  }
  return {
    kind: spec.kind,
    input: spec.input,
    distinctPages: units.length,
    pages: done,
    articles,
    seconds,
    cpuPerWall: (cpu.user + cpu.system) / 1e6 / seconds,
    bytes,
    chars,
    pagesPerSec: done / seconds,
    articlesPerSec: articles / seconds,
    mbPerSec: bytes / MB / seconds,
    charsPerSec: chars / seconds,
    baselineRssMb: baseline.rss / MB,
    peakRssMb: peakRss / MB,
    peakHeapDeltaMb: (peakHeap - baseline.heapUsed) / MB,
    otherLoadCores,
    outputs,
    model:
      timings && timingsAtStart
        ? { encoderSeconds: (timings.modelMs - timingsAtStart.modelMs) / 1000, decoderSeconds: (timings.decodeMs - timingsAtStart.decodeMs) / 1000, calls: timings.calls - timingsAtStart.calls }
        : undefined,
    profile,
  };
}

if (require.main === module) {
  const spec = JSON.parse(process.argv[2] ?? '{}') as OfflineCase;
  runOfflineCase(spec).then(
    (result) => {
      process.send?.({ ok: true, result });
      process.exitCode = 0;
    },
    (error: unknown) => {
      process.send?.({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exitCode = 1;
    },
  );
}
