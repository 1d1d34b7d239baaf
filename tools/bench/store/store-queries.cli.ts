#!/usr/bin/env node
// Store-level benchmark of the embedded default: FerretDB (patched) on PostgreSQL vs on SQLite, with documents
// shaped like the api's stored articles (~14 KB: ~560 grams, ~29 keys, sortKey, live), the query shapes of
// /work/notes/store-contract.md, p50/p90 over repeated runs, and the PostgreSQL plan of each (EXPLAIN).
//   node dist/tools/bench/store/store-queries.cli.js --docs 50000 --backend postgresql|sqlite [--reps 20] [--explain]
//     [--only findOne,common] [--cold: no warm-up run] [--hold: keep the store up for psql until Ctrl-C]
import { parseArgs } from 'node:util';
import { mongo } from 'mongoose';
import { type FerretDbBackend, startFerretDb } from '../../infra/ferretdb.launcher';

const say = (line: string) => process.stderr.write(`[store-bench] ${line}\n`);

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf-like rank in [0, n): rank 0 is the most frequent. */
const zipf = (rnd: () => number, n: number) => Math.min(n - 1, Math.floor(Math.exp(rnd() * Math.log(n + 1)) - 1));

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';

interface Fixture {
  docs: Record<string, unknown>[];
  rarePerson: string;
  commonPerson: string;
  gramsPair: [string, string];
}

function makeArticles(n: number): Fixture {
  const rnd = random(424242);
  const sources = ['株洲日报', '湘潭日报', '衡阳日报'];
  const gramVocab = Array.from({ length: 6000 }, (_, i) => HAN[i % HAN.length] + HAN[Math.floor(i / HAN.length) % HAN.length]);
  const docs: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor((i / n) * 365) * 86_400_000).toISOString().slice(0, 10);
    const source = sources[i % sources.length];
    const page = String(1 + (i % 8)).padStart(2, '0');
    const order = i % 10;
    const id = `ar_${i.toString(36).padStart(6, '0')}`;
    const people = Array.from({ length: 3 }, () => `person:p${zipf(rnd, 5000)}`);
    const places = Array.from({ length: 4 }, () => `place:${430200 + zipf(rnd, 400)}`);
    const within = places.map((p) => `w:${p.slice(6, 10)}00`);
    const orgs = Array.from({ length: 3 }, () => `organization:o${zipf(rnd, 2000)}`);
    const campaigns = Array.from({ length: 2 }, () => `campaign:c${zipf(rnd, 200)}`);
    const keys = [...new Set(['*', `s:${source}`, `n:${page}`, `i:pg_${day}_${page}`, `d:${day}`, ...people, ...places, ...within, ...orgs, ...campaigns, ...places.map((p) => `l:${p}`)])];
    const grams = [...new Set(Array.from({ length: 640 }, () => gramVocab[zipf(rnd, gramVocab.length)]))].slice(0, 560);
    docs.push({
      _id: id,
      pageId: `pg_${day}_${page}`,
      page: { source, date: day, page },
      order,
      kicker: null,
      headline: grams.slice(0, 8).join(''),
      subheadlines: [grams.slice(8, 14).join('')],
      byline: { dateline: null, reporters: ['记者 某某'], correspondents: [] },
      body: grams.slice(0, 400).join('').slice(0, 1500),
      continuation: null,
      continuedFrom: null,
      entities: { people: people.map((p) => ({ name: p.slice(7), roles: [], mentions: [{ field: 'body', start: 1, end: 3 }] })), places: [], organizations: [], campaigns: [] },
      pageVersion: 'v1',
      pageReceivedAt: new Date(Date.UTC(2024, 0, 1) + i * 1000),
      parserVersion: '1',
      taggerVersion: '1',
      pipelineVersion: '1',
      correlationId: `c${i}`,
      schemaVersion: 3,
      storedAt: new Date(),
      live: i % 31 !== 0,
      sortKey: `${day}|${source}|${page}|${order}|${id}`,
      keys,
      grams,
    });
  }
  // rank 0 is in ~10% of articles; a rank near the tail in a handful
  return { docs, rarePerson: 'person:p3000', commonPerson: 'person:p0', gramsPair: [gramVocab[40], gramVocab[90]] };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '5000' },
      backend: { type: 'string', default: 'postgresql' },
      reps: { type: 'string', default: '20' },
      explain: { type: 'boolean', default: false },
      only: { type: 'string' },
      hold: { type: 'boolean', default: false },
      cold: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.docs);
  const reps = Number(values.reps);
  const backend = values.backend as FerretDbBackend;
  const fixture = makeArticles(n);
  const store = await startFerretDb({ backend, log: say });
  const client = await new mongo.MongoClient(store.url).connect();
  try {
    const articles = client.db().collection<Record<string, unknown>>('articles');
    // the indexes the contract names (GIN on the strings by the "_elems" suffix on PostgreSQL; plain btrees on SQLite, unused there)
    await articles.createIndexes([
      { key: { keys: 1 }, name: 'keys_elems' },
      { key: { grams: 1 }, name: 'grams_elems' },
      { key: { sortKey: -1 }, name: 'sortKey' },
      { key: { live: 1 }, name: 'live_stats' },
    ]);
    const loadStarted = Date.now();
    for (let i = 0; i < fixture.docs.length; i += 250) {
      await articles.insertMany(fixture.docs.slice(i, i + 250) as never[], { ordered: false });
      if ((i / 250) % 20 === 0) say(`loaded ${i + 250} / ${n} (${Math.round((i + 250) / ((Date.now() - loadStarted) / 1000))} docs/s)`);
    }
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    say(`loaded ${n} in ${loadSeconds.toFixed(0)} s`);
    const counts = {
      rare: await articles.countDocuments({ keys: fixture.rarePerson }),
      common: await articles.countDocuments({ keys: fixture.commonPerson }),
    };
    say(`rare person in ${counts.rare} docs, common person in ${counts.common}`);
    if (backend === 'postgresql') await client.db().command({ compact: 'articles' }); // VACUUM ANALYZE: planner statistics

    const ids = fixture.docs.map((d) => d._id as string);
    const rnd = random(7);
    const queries: [string, () => Promise<unknown>, () => mongo.FindCursor][] = [];
    const list = (filter: Record<string, unknown>) => () => articles.find(filter).sort({ sortKey: -1 }).limit(21);
    const add = (name: string, cursor: () => mongo.FindCursor) => queries.push([name, () => cursor().toArray(), cursor]);
    add('findOne by _id', () => articles.find({ _id: ids[Math.floor(rnd() * ids.length)] } as never).limit(1));
    add(`person list, rare (${counts.rare} docs)`, list({ live: true, keys: fixture.rarePerson }));
    add(`person list, common (${counts.common} docs)`, list({ live: true, keys: fixture.commonPerson }));
    add('$all of two grams', list({ live: true, grams: { $all: fixture.gramsPair } }));
    // what the api asks: the grams are never sent back (the patched FerretDB then leaves them in PostgreSQL)
    add('$all of two grams, without the grams', () => list({ live: true, grams: { $all: fixture.gramsPair } })().project({ grams: 0 }));
    add(`person list, common, without the grams`, () => list({ live: true, keys: fixture.commonPerson })().project({ grams: 0 }));
    add('$all of two grams, without grams and keys', () => list({ live: true, grams: { $all: fixture.gramsPair } })().project({ grams: 0, keys: 0 }));
    add('findOne by _id, without keys and grams', () => articles.find({ _id: ids[Math.floor(rnd() * ids.length)] } as never, { projection: { keys: 0, grams: 0, sortKey: 0 } }).limit(1));
    add('date range (March)', list({ live: true, sortKey: { $gte: '2024-03-01', $lt: '2024-04-01' } }));
    add('newest, no filter', list({ live: true }));
    add('person common, next page (cursor)', list({ live: true, keys: fixture.commonPerson, sortKey: { $lt: '2024-07-01' } }));

    const rows: string[] = [];
    for (const [name, run, cursor] of queries) {
      if (values.only && !values.only.split(',').some((part) => name.includes(part))) continue;
      if (!values.cold) await run(); // warm
      const times: number[] = [];
      const deadline = Date.now() + 120_000;
      for (let r = 0; r < reps && Date.now() < deadline; r++) {
        const t = process.hrtime.bigint();
        await run();
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      const line = `${name.padEnd(40)} p50 ${percentile(times, 0.5).toFixed(1).padStart(9)} ms  p90 ${percentile(times, 0.9).toFixed(1).padStart(9)} ms  (${times.length} runs)`;
      rows.push(line);
      say(line);
      if (values.explain && backend === 'postgresql') {
        const plan = JSON.stringify(await cursor().explain('queryPlanner'));
        const used = [...new Set([...plan.matchAll(/"Index Name":"([^"]+)"/g)].map((m) => m[1].replace(/^articles_[0-9a-f]+_/, '')))];
        const nodes = [...new Set([...plan.matchAll(/"Node Type":"([^"]+)"/g)].map((m) => m[1]))];
        say(`   plan: ${nodes.join(', ')}; indexes: ${used.join(', ') || 'none'}; limitPushdown ${/"limitPushdown":true/.test(plan)}`);
      }
    }
    if (values.hold) {
      say(`holding the store for psql: ${(store as unknown as { postgresUrl?: string }).postgresUrl ?? store.url} (Ctrl-C ends)`);
      await new Promise((resolve) => process.once('SIGINT', resolve));
    }
    process.stdout.write(`backend ${backend}, ${n} docs (load ${loadSeconds.toFixed(0)} s, ${(n / loadSeconds).toFixed(0)} docs/s)\n${rows.join('\n')}\n`);
  } finally {
    await client.close();
    await store.dispose();
  }
}

main().catch((error: unknown) => {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
