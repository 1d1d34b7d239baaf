// Command line of `npm run bench`: which parts run and how big. Pure, so it is unit tested.
export const SECTIONS = ['offline', 'transport', 'e2e', 'api'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface E2eRunSpec {
  label: string;
  pages: number;
  replicas: number;
  /** A steady-rate run on a fresh stack (pages 0: only this). */
  latency?: { ratePerSec: number; seconds: number };
}

export interface BenchOptions {
  sections: SectionName[];
  quick: boolean;
  seed: number;
  offline: { corpusPages: number; minSeconds: number };
  transport: { pages: number; window: number; awaitedMessages: number };
  e2e: { runs: E2eRunSpec[]; scanners: number; stallSeconds: number; maxRunSeconds: number | null };
  api: { targetArticles: number; rates: number[]; durationSeconds: number; connections: number; clients: number };
  profile: boolean;
  /** Where the JSON report goes (relative to the repository root). */
  out: string;
  help: boolean;
}

export const USAGE = `npm run bench [-- options]

  --only LIST       parts to run, comma separated: offline,transport,e2e,api (default: all)
  --quick           a smoke run: 100 pages, 5,000 stored articles, short API runs (about 2 minutes)
  --pages N         size of the large end-to-end run (default 10000; 1000-page runs stay 1000)
  --articles N      stored articles for the API benchmark (default 100000)
  --scanners N      scanners submitting in parallel in the throughput runs (default 8)
  --rates A,B       API request rates per second (default 100,1000; quick 1000)
  --clients N       API closed-loop run with N concurrent clients after the fixed rates (default 8; 0: none)
  --api-seconds N   length of each API case (default 15; quick 5)
  --max-run-seconds N  cap on one end-to-end run (default: 20 quick; else 300 s or 0.2 s per page, whichever is more)
  --seed N          corpus seed (default 20240223)
  --profile         CPU-profile the offline cases and the services, and report the hottest functions
  --out FILE        JSON report (default tools/bench/reports/latest.json; quick or partial runs: reports/quick.json)
  -h, --help        this text
`;

function positiveInt(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (!value || !Number.isInteger(number) || number <= 0) throw new Error(`${flag} needs a positive whole number, got ${value ?? 'nothing'}`);
  return number;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let sections: SectionName[] = [...SECTIONS];
  let quick = false;
  let seed = 20240223;
  let largePages: number | undefined;
  let articles: number | undefined;
  let scanners = 8;
  let rates: number[] | undefined;
  let profile = false;
  let out: string | undefined;
  let help = false;
  let maxRunSeconds: number | null = null;
  let clients = 8;
  let apiSeconds: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--only': {
        const list = (value() ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        const unknown = list.filter((name) => !(SECTIONS as readonly string[]).includes(name));
        if (list.length === 0 || unknown.length > 0) throw new Error(`--only takes ${SECTIONS.join(',')}; got ${unknown.join(',') || 'nothing'}`);
        sections = SECTIONS.filter((name) => list.includes(name));
        break;
      }
      case '--quick':
        quick = true;
        break;
      case '--pages':
        largePages = positiveInt('--pages', value());
        break;
      case '--articles':
        articles = positiveInt('--articles', value());
        break;
      case '--scanners':
        scanners = positiveInt('--scanners', value());
        break;
      case '--rates':
        rates = (value() ?? '').split(',').map((rate) => positiveInt('--rates', rate.trim()));
        break;
      case '--clients': {
        const given = value();
        clients = given === '0' ? 0 : positiveInt('--clients', given);
        break;
      }
      case '--api-seconds':
        apiSeconds = positiveInt('--api-seconds', value());
        break;
      case '--seed':
        seed = positiveInt('--seed', value());
        break;
      case '--max-run-seconds':
        maxRunSeconds = positiveInt('--max-run-seconds', value());
        break;
      case '--profile':
        profile = true;
        break;
      case '--out':
        out = value();
        if (!out) throw new Error('--out needs a file name');
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  const large = largePages ?? 10_000;
  const runs: E2eRunSpec[] = quick
    ? [
        { label: 'latency', pages: 0, replicas: 1, latency: { ratePerSec: 10, seconds: 10 } },
        { label: '100', pages: 100, replicas: 1 },
        { label: '100-x2', pages: 100, replicas: 2 },
      ]
    : [
        { label: 'latency', pages: 0, replicas: 1, latency: { ratePerSec: 10, seconds: 60 } },
        { label: '1k', pages: 1_000, replicas: 1 },
        { label: '1k-x2', pages: 1_000, replicas: 2 },
        { label: large >= 1000 ? `${Math.round(large / 1000)}k` : String(large), pages: large, replicas: 1 },
      ];
  const partial = quick || sections.length < SECTIONS.length;
  return {
    sections,
    quick,
    seed,
    offline: { corpusPages: quick ? 100 : 1_000, minSeconds: quick ? 1 : 3 },
    transport: { pages: quick ? 100 : 1_000, window: 256, awaitedMessages: quick ? 500 : 2_000 },
    e2e: { runs, scanners, stallSeconds: quick ? 60 : 180, maxRunSeconds },
    api: { targetArticles: articles ?? (quick ? 5_000 : 100_000), rates: rates ?? (quick ? [1_000] : [100, 1_000]), durationSeconds: apiSeconds ?? (quick ? 5 : 15), connections: 32, clients },
    profile,
    out: out ?? (partial ? 'tools/bench/reports/quick.json' : 'tools/bench/reports/latest.json'),
    help,
  };
}
