import { mongo } from 'mongoose';
import { ensureBinary } from './binary-resolve.service';
import { ferretDbArgs, probeMongo, startFerretDb } from './ferretdb.launcher';
import { getFreePort } from './free-port.util';
import type { ManagedServer } from './infra.types';
import { ManagedServerProcess } from './managed-server.service';
import { FERRETDB } from './pinned-binaries.constants';
import { findRepoRoot } from './repo-root.util';

jest.setTimeout(300_000);

// The pushdown patches (tools/infra/ferretdb-patches) must never change a result: the same queries through the
// patched FerretDB and through a second FerretDB on the same PostgreSQL with pushdown switched off (every
// document decoded and filtered, sorted, limited by FerretDB's own Go code) give the same documents in the same
// order. The documents are made to trip type bracketing: arrays, missing fields, nulls, numbers, dates,
// ObjectIds and 24-hex strings where strings are expected, documents in arrays, [true] for true.

type Doc = Record<string, unknown> & { _id: unknown };

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeDocs(n: number): Doc[] {
  const rnd = random(20261202);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const docs: Doc[] = [];
  for (let i = 0; i < n; i++) {
    const day = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const keys = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => `k${Math.floor(rnd() * 12)}`);
    const doc: Doc = {
      _id: i % 50 === 7 ? new mongo.ObjectId() : i % 50 === 9 ? i.toString(16).padStart(24, '0') : `a${String(i).padStart(5, '0')}`,
      live: pick<unknown>([true, true, true, false, [true], [false, true], 'true', 1, null]),
      sortKey: `${day}|src|${String(i % 8).padStart(2, '0')}|${String(i).padStart(5, '0')}`,
      date: day,
      keys,
      grams: Array.from({ length: 3 + Math.floor(rnd() * 10) }, () => `g${Math.floor(rnd() * 20)}`),
      order: i % 10,
    };
    // odd values, each distinct so that no two documents tie in a sort
    switch (i % 23) {
      case 1:
        delete doc.sortKey;
        break;
      case 2:
        doc.sortKey = i; // a number sorts before every string
        break;
      case 3:
        doc.sortKey = [`2024-06-${String(i % 28).padStart(2, '0')}|arr|${i}`, `2023-zz|arr|${i}`]; // sorts by min (asc) / max (desc)
        break;
      case 4:
        doc.sortKey = new Date(Date.UTC(2024, 0, 1) + i * 1000);
        break;
      case 5:
        doc.date = [day, '2024-03-15'];
        break;
      case 6:
        doc.date = new Date(Date.UTC(2024, 2, 10));
        break;
      case 7:
        delete doc.date;
        break;
      case 8:
        doc.keys = 'k3'; // a scalar where an array is usual
        break;
      case 9:
        doc.keys = [{ k: 'k3' }, 'k1']; // a document in the array (FerretDB v1 stores no nested arrays)
        break;
      case 10:
        doc.keys = ['k1', 7, null];
        break;
      case 11:
        delete doc.keys;
        break;
      case 12:
        doc.sortKey = `2024-04-31|late|${i}`;
        break;
      case 13:
        doc.date = '2024-03';
        break;
    }
    docs.push(doc);
  }
  // exactly one null and one missing sortKey tie with nothing else
  docs[12].sortKey = null;
  return docs;
}

interface Case {
  name: string;
  filter: Record<string, unknown>;
  sort?: Record<string, 1 | -1>;
  limit?: number;
  skip?: number;
  projection?: Record<string, 0 | 1>;
}

const cases: Case[] = [];
const sorts: (Record<string, 1 | -1> | undefined)[] = [{ sortKey: -1 }, { sortKey: 1 }, undefined];
const filters: [string, Record<string, unknown>][] = [
  ['person-like list', { live: true, keys: 'k3' }],
  ['$all of two', { live: true, keys: { $all: ['k1', 'k2'] } }],
  // a sorted page of a multi-string $all walks the newest 200 + 10 x limit rows first (baoxunWalkFirst): this one
  // fills its page there, the next falls back to the planned query (too few matches among them)
  ['$all of two, found in the walk', { keys: { $all: ['k1', 'k2'] }, live: true, sortKey: { $lt: '2024-12' } }],
  ['$all of four, too few in the walk', { live: true, keys: { $all: ['k1', 'k2', 'k3', 'k4'] } }],
  ['$all of one (matches a scalar too)', { keys: { $all: ['k3'] } }],
  ['$all with a duplicate', { keys: { $all: ['k3', 'k3'] } }],
  ['$all of a string a number element equals (strings only)', { keys: { $all: ['7', 'k1'] } }],
  ['$all of one on a scalar-or-array field with odd elements', { keys: { $all: ['k1'] }, live: true }],
  ['$in of strings', { keys: { $in: ['k1', 'k5'] }, live: true }],
  ['$in of one (matches a scalar too)', { keys: { $in: ['k3'] } }],
  ['$in of a string a number element equals (strings only)', { keys: { $in: ['7', 'nothing'] } }],
  // a place name and its division codes beside a person, in one query (the api's alternatives)
  ['$all and $in on one field', { live: true, keys: { $all: ['k1'], $in: ['k2', 'k5'] } }],
  ['$eq', { keys: { $eq: 'k4' }, live: { $eq: true } }],
  ['date range', { date: { $gte: '2024-03-01', $lte: '2024-03-31' } }],
  ['open range', { date: { $gt: '2024-10' } }],
  ['range on the sort field (cursor)', { live: true, sortKey: { $lt: '2024-06' } }],
  ['range on the sort field, other way', { sortKey: { $gte: '2024-06', $lt: '2024-09' } }],
  ['two ranges and $all', { grams: { $all: ['g1', 'g2'] }, live: true, date: { $gt: '2024-02' }, sortKey: { $lte: '2024-11' } }],
  ['live only', { live: true }],
  ['everything', {}],
  ['_id string', { _id: 'a00123' }],
  ['_id 24-hex string', { _id: (59).toString(16).padStart(24, '0') }],
  ['number equality (not exact)', { keys: 'k3', order: 2 }],
  ['dotted key (not pushed)', { keys: 'k2', 'x.y': { $exists: false } }],
  ['$ne (upstream)', { keys: 'k2', live: { $ne: false } }],
  ['$comment', { keys: 'k2', $comment: 'hello' }],
  ['$and (not pushed)', { $and: [{ keys: 'k2' }, { live: true }] }],
  ['range with a number bound (not pushed)', { order: { $gte: 3 }, keys: 'k1' }],
  ['empty $in', { keys: { $in: [] } }],
];
for (const [name, filter] of filters) {
  for (const sort of sorts) {
    cases.push({ name, filter, sort, limit: 21 });
    cases.push({ name, filter, sort, limit: 5, skip: 7 });
    cases.push({ name, filter, sort });
  }
}

// Exclusion projections the patched FerretDB serves by leaving fields in the database (baoxun_projection.go):
// a field the filter does not read is dropped, one it tests with $all of strings is replaced by those strings
// where the row holds them all; the documents returned must be exactly the unpatched server's.
const projected: Case[] = [];
const projections: Record<string, 0 | 1>[] = [{ grams: 0, keys: 0 }, { _id: 0, grams: 0 }, { order: 0, date: 0, grams: 0 }, { grams: 0, 'x.y': 0 }];
for (const [name, filter] of filters) {
  for (const projection of projections) {
    projected.push({ name, filter, projection });
    projected.push({ name, filter, projection, sort: { sortKey: -1 }, limit: 21 });
  }
}

describe('FerretDB pushdown patches (PostgreSQL): same results as FerretDB without pushdown', () => {
  let store: ManagedServer;
  let plain: ManagedServerProcess;
  let patched: mongo.MongoClient;
  let oracle: mongo.MongoClient;
  const docs = makeDocs(1200);

  beforeAll(async () => {
    store = await startFerretDb({ log: () => undefined });
    const postgresUrl = (store as unknown as { postgresUrl: string }).postgresUrl;
    const port = await getFreePort();
    const url = `mongodb://127.0.0.1:${port}/baoxun`;
    plain = new ManagedServerProcess({
      name: 'ferretdb without pushdown',
      bin: await ensureBinary(FERRETDB, { root: findRepoRoot(), log: () => undefined }),
      args: [...ferretDbArgs({ port, stateDir: `${store.dataDir}/../ferretdb-state-plain`, backend: 'postgresql', postgresUrl }), '--test-disable-pushdown'],
      url,
      port,
      dataDir: store.dataDir,
      tmpDir: `${store.dataDir}/..`,
      keepDir: true,
      probe: () => probeMongo(url),
      readyTimeoutMs: 30_000,
      log: () => undefined,
    });
    patched = await new mongo.MongoClient(store.url).connect();
    const indexed = patched.db().collection<Doc>('indexed');
    await indexed.createIndexes([
      { key: { keys: 1 }, name: 'keys_elems' },
      { key: { grams: 1 }, name: 'grams_elems' },
      { key: { live: 1 }, name: 'live_stats' },
      { key: { sortKey: -1 }, name: 'sortKey' },
      { key: { date: 1 }, name: 'date' },
    ]);
    await indexed.insertMany(docs);
    await patched.db().collection<Doc>('bare').insertMany(docs);
    // FerretDB reads PostgreSQL's catalogue of collections at start: start the second one once they exist
    await plain.start();
    oracle = await new mongo.MongoClient(url).connect();
  });

  afterAll(async () => {
    await patched?.close();
    await oracle?.close();
    await plain?.stop();
    await store?.dispose();
  });

  const run = (client: mongo.MongoClient, collection: string, c: Case) => {
    let cursor = client.db().collection<Doc>(collection).find(c.filter, c.projection ? { projection: c.projection } : {});
    if (c.sort) cursor = cursor.sort(c.sort);
    if (c.skip) cursor = cursor.skip(c.skip);
    if (c.limit) cursor = cursor.limit(c.limit);
    return cursor.toArray();
  };
  const ids = (rows: Doc[], ordered: boolean) => {
    const list = rows.map((row) => String(row._id));
    return ordered ? list : list.sort();
  };

  // Documents that tie in the sort (several miss sortKey) may come in either order, and a limit may keep either:
  // compare the sequence of sort values, and that every document returned is a match.
  const sortValues = (rows: Doc[], field: string) => rows.map((row) => mongo.BSON.EJSON.stringify({ v: row[field] ?? null }, { relaxed: false }));

  it.each(cases.map((c) => [`${c.name} ${JSON.stringify(c.sort ?? null)} limit ${c.limit ?? '-'} skip ${c.skip ?? '-'}`, c] as const))(
    '%s',
    async (_label, c) => {
      const expected = await run(oracle, 'indexed', c);
      const matches = ids(await run(oracle, 'indexed', { ...c, sort: undefined, limit: undefined, skip: undefined }), false);
      for (const collection of ['indexed', 'bare']) {
        const got = await run(patched, collection, c);
        expect(got).toHaveLength(expected.length);
        for (const id of ids(got, false)) expect(matches).toContain(id);
        if (c.sort) expect(sortValues(got, Object.keys(c.sort)[0])).toEqual(sortValues(expected, Object.keys(c.sort)[0]));
        if (!c.limit) expect(ids(got, false)).toEqual(ids(expected, false));
      }
    },
  );

  const ejson = (rows: Doc[]) => rows.map((row) => mongo.BSON.EJSON.stringify(row, { relaxed: false }));

  it.each(projected.map((c) => [`${c.name} projection ${JSON.stringify(c.projection)} ${c.limit ? 'sorted, limit 21' : 'all'}`, c] as const))('%s', async (_label, c) => {
    const all = ejson(await run(oracle, 'indexed', { ...c, sort: undefined, limit: undefined }));
    for (const collection of ['indexed', 'bare']) {
      const got = ejson(await run(patched, collection, c));
      if (c.limit) {
        expect(got).toHaveLength(Math.min(c.limit, all.length));
        for (const doc of got) expect(all).toContain(doc);
      } else expect(got.sort()).toEqual([...all].sort());
    }
  });

  it('the probe documents hit every odd case at least once', async () => {
    const oracleCount = (filter: Record<string, unknown>) => oracle.db().collection<Doc>('indexed').countDocuments(filter);
    expect(await oracleCount({ sortKey: { $exists: false } })).toBeGreaterThan(0);
    expect(await oracleCount({ sortKey: { $type: 'array' } })).toBeGreaterThan(0);
    expect(await oracleCount({ date: { $type: 'array' } })).toBeGreaterThan(0);
    expect(await oracleCount({ live: [true] })).toBeGreaterThan(0);
  });

  it('sends indexed, sorted, limited SQL for the list shapes the api uses', async () => {
    const explain = async (filter: Record<string, unknown>, sort: Record<string, 1 | -1>, limit: number) =>
      JSON.stringify(await patched.db().collection<Doc>('indexed').find(filter).sort(sort).limit(limit).explain());
    const list = await explain({ live: true, keys: 'k3' }, { sortKey: -1 }, 21);
    expect(list).toMatch(/"limitPushdown":true/);
    expect(list).toMatch(/Limit/);
    const byId = JSON.stringify(await patched.db().collection<Doc>('indexed').find({ _id: 'a00123' } as never).explain());
    expect(byId).toMatch(/_id__[0-9a-f]+_idx/); // the unique _id index, not a scan
  });

  it('plans a common key as a walk of the sort index and a rare one as a lookup in its _elems index', async () => {
    // The choice comes from the element statistics of the `_elems` index, which autovacuum's ANALYZE gathers
    // (autovacuum_naptime 10 s here): with jsonb @> both were planned alike, and a common word's list sorted
    // every match.
    const planned = patched.db().collection<Doc>('planned');
    await planned.createIndexes([
      { key: { keys: 1 }, name: 'keys_elems' },
      { key: { live: 1 }, name: 'live_stats' },
      { key: { sortKey: -1 }, name: 'sortKey' },
    ]);
    await planned.insertMany(
      Array.from({ length: 3000 }, (_, i) => ({
        _id: `p${String(i).padStart(5, '0')}`,
        live: true,
        sortKey: `2024-${String(1 + (i % 12)).padStart(2, '0')}|${String(i).padStart(5, '0')}`,
        keys: ['common', `k${i % 40}`, ...(i % 1000 === 3 ? ['rare'] : [])],
      })) as never[],
    );
    const plan = async (key: string) => JSON.stringify(await planned.find({ live: true, keys: { $all: [key] } }).sort({ sortKey: -1 }).limit(21).explain());
    const deadline = Date.now() + 90_000;
    let common = await plan('common');
    let rare = await plan('rare');
    const walks = (explained: string) => /"Index Name":"[^"]*_sortkey_[0-9a-f]+_idx"/.test(explained) && !/keys_elems/.test(explained);
    while (Date.now() < deadline && !(walks(common) && /keys_elems/.test(rare))) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      [common, rare] = [await plan('common'), await plan('rare')];
    }
    expect(common).toMatch(/"Index Name":"[^"]*_sortkey_[0-9a-f]+_idx"/);
    expect(common).not.toMatch(/keys_elems/);
    expect(rare).toMatch(/keys_elems/);
    await expect(planned.find({ live: true, keys: { $all: ['rare'] } }).sort({ sortKey: -1 }).limit(21).toArray()).resolves.toHaveLength(3);
    // alternatives ($in, as text[] overlap) are planned from the same statistics
    const anyOf = async (keys: string[]) => JSON.stringify(await planned.find({ live: true, keys: { $in: keys } }).sort({ sortKey: -1 }).limit(21).explain());
    expect(await anyOf(['rare', 'absent'])).toMatch(/keys_elems/);
    expect(await anyOf(['common', 'rare'])).not.toMatch(/keys_elems/);
    await expect(planned.find({ live: true, keys: { $in: ['rare', 'k7'] } }).sort({ sortKey: -1 }).limit(200).toArray()).resolves.toHaveLength(78);
  }, 120_000);
});
