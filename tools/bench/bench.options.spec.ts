import { parseBenchArgs } from './bench.options';

describe('npm run bench options', () => {
  it('runs everything at full size by default and writes latest.json', () => {
    const options = parseBenchArgs([]);
    expect(options.sections).toEqual(['offline', 'transport', 'e2e', 'api']);
    expect(options.e2e.runs.map((run) => [run.pages, run.replicas])).toEqual([
      [0, 1],
      [1000, 1],
      [1000, 2],
      [10000, 1],
    ]);
    expect(options.offline.corpusPages).toBeGreaterThanOrEqual(1000);
    expect(options.api.targetArticles).toBe(100_000);
    expect(options.out).toBe('tools/bench/reports/latest.json');
  });

  it('runs parts, in a fixed order, and a quick smoke run elsewhere', () => {
    const options = parseBenchArgs(['--only', 'api,offline', '--quick']);
    expect(options.sections).toEqual(['offline', 'api']);
    expect(options.e2e.runs.every((run) => run.pages <= 100)).toBe(true);
    expect(options.e2e.runs[0].latency).toEqual({ ratePerSec: 10, seconds: 10 });
    expect(options.api.targetArticles).toBe(5_000);
    expect(options.out).toBe('tools/bench/reports/quick.json');
    expect(parseBenchArgs(['--only=e2e']).sections).toEqual(['e2e']);
  });

  it('takes sizes and rates', () => {
    const options = parseBenchArgs(['--pages', '3000', '--rates', '50,500', '--articles=20000', '--seed', '9']);
    expect(options.e2e.runs[3]).toMatchObject({ label: '3k', pages: 3000 });
    expect(options.api.rates).toEqual([50, 500]);
    expect(options.api.targetArticles).toBe(20_000);
    expect(options.seed).toBe(9);
  });

  it('rejects what it does not know, naming it', () => {
    expect(() => parseBenchArgs(['--only', 'offline,gpu'])).toThrow(/gpu/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/--fast/);
    expect(() => parseBenchArgs(['--pages', 'many'])).toThrow(/--pages/);
  });
});
