import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mongo } from 'mongoose';
import { type NatsConnection, StorageType, connect } from 'nats';
import { startFerretDb } from './ferretdb.launcher';
import { startInfra } from './infra.service';
import type { ManagedNatsServer, ManagedServer } from './infra.types';
import { startNatsServer } from './nats-server.launcher';

// Builds the binaries on a cold machine (~2 min); the global setup normally did that already.
jest.setTimeout(300_000);

// Own servers rather than the global ones: this test stops and crashes them.
describe('infra (real nats-server and FerretDB on PostgreSQL)', () => {
  const log = jest.fn();
  let nats: ManagedNatsServer;
  let store: ManagedServer;

  beforeAll(async () => {
    [nats, store] = await Promise.all([startNatsServer({ log }), startFerretDb({ log })]);
  });
  afterAll(async () => {
    await Promise.all([nats?.dispose(), store?.dispose()]);
  });

  async function withNats<T>(fn: (nc: NatsConnection) => Promise<T>): Promise<T> {
    const nc = await connect({ servers: nats.url });
    try {
      return await fn(nc);
    } finally {
      await nc.close();
    }
  }

  it('serves JetStream with 8 MB payloads and keeps the store across stop/start and kill -9', async () => {
    const page = new Uint8Array(5 * 1024 * 1024).fill(0x61);
    await withNats(async (nc) => {
      expect(nc.info?.max_payload).toBe(8 * 1024 * 1024);
      const jsm = await nc.jetstreamManager();
      await jsm.streams.add({ name: 'INFRA_SPEC', subjects: ['infra.spec.>'], storage: StorageType.File });
      await nc.jetstream().publish('infra.spec.page', page);
    });

    const port = nats.port;
    await nats.stop();
    expect(nats.running).toBe(false);
    await nats.start();
    expect(nats.port).toBe(port);
    await withNats(async (nc) => {
      const info = await (await nc.jetstreamManager()).streams.info('INFRA_SPEC');
      expect(info.state.messages).toBe(1);
      await nc.jetstream().publish('infra.spec.page', new TextEncoder().encode('after restart'));
    });

    nats.kill9();
    await nats.start();
    await withNats(async (nc) => {
      const msg = await (await nc.jetstreamManager()).streams.getMessage('INFRA_SPEC', { seq: 1 });
      expect(msg.data.length).toBe(page.length);
      expect((await (await nc.jetstreamManager()).streams.info('INFRA_SPEC')).state.messages).toBe(2);
    });
    const health = await fetch(`${nats.monitorUrl}/healthz?js-enabled-only=true`);
    expect(health.status).toBe(200);
  });

  it('serves MongoDB wire protocol and keeps data across an outage', async () => {
    expect(store.url).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/baoxun$/);
    const client = new mongo.MongoClient(store.url, { serverSelectionTimeoutMS: 2_000 });
    try {
      await client.connect();
      await client.db().collection('infra_spec').insertOne({ _id: 'p1' as never, headline: '头版' });
      await store.stop();
      await expect(client.db().command({ ping: 1 })).rejects.toThrow();
      await store.start();
      await expect(client.db().collection('infra_spec').findOne({ _id: 'p1' as never })).resolves.toMatchObject({ headline: '头版' });
      // a crash of both processes: PostgreSQL recovers from its WAL at the next start
      await client.db().collection('infra_spec').insertOne({ _id: 'p2' as never, headline: '二版' });
      await new Promise((resolve) => setTimeout(resolve, 200)); // > wal_writer_delay: the commit is flushed
      store.kill9();
      await store.start();
      await expect(client.db().collection('infra_spec').countDocuments({})).resolves.toBe(2);
    } finally {
      await client.close();
    }
  });

  it('creates and drops the GIN, btree and statistics-only indexes of the store contract', async () => {
    const client = new mongo.MongoClient(store.url, { serverSelectionTimeoutMS: 2_000 });
    try {
      await client.connect();
      const articles = client.db().collection('infra_spec_indexes');
      const contract = [
        { key: { keys: 1 }, name: 'keys_elems' },
        { key: { sortKey: -1 }, name: 'sortKey' },
        { key: { live: 1 }, name: 'live_stats' },
      ] as const;
      await articles.createIndexes([...contract]);
      // again, as every restart of the api does (upstream FerretDB panicked on two or more existing indexes)
      await articles.createIndexes([...contract]);
      // a btree on a large array would fail this insert ("index row size exceeds btree maximum"): keys is GIN
      await articles.insertOne({ _id: 'a1' as never, keys: Array.from({ length: 3000 }, (_, i) => `key-${i}`), sortKey: '2024-01-01|a1', live: true });
      expect((await articles.indexes()).map((index) => index.name).sort()).toEqual(['_id_', 'keys_elems', 'live_stats', 'sortKey']);
      await articles.dropIndexes();
      expect((await articles.indexes()).map((index) => index.name)).toEqual(['_id_']);
      await articles.createIndex({ live: 1 }, { name: 'live_stats' }); // its statistics were dropped with it
      await expect(articles.countDocuments({ keys: 'key-7', live: true })).resolves.toBe(1);
    } finally {
      await client.close();
    }
  });

  it('keeps a persistent store across runs and leaves no PostgreSQL process behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoxun-persistent-store-'));
    const alive = (pid: number | undefined) => {
      try {
        return pid !== undefined && process.kill(pid, 0);
      } catch {
        return false;
      }
    };
    try {
      const first = await startFerretDb({ log, persistentDir: dir });
      const postgresPid = (first as unknown as { postgresPid?: number }).postgresPid;
      expect(alive(postgresPid)).toBe(true);
      const client = new mongo.MongoClient(first.url, { serverSelectionTimeoutMS: 2_000 });
      await client.connect();
      await client.db().collection('kept').insertOne({ _id: 'k1' as never, headline: '保留' });
      await client.close();
      await first.dispose();
      expect(alive(postgresPid)).toBe(false);
      expect(alive(first.pid)).toBe(false);
      expect(existsSync(join(dir, 'pg', 'PG_VERSION'))).toBe(true);

      const second = await startFerretDb({ log, persistentDir: dir });
      const again = new mongo.MongoClient(second.url, { serverSelectionTimeoutMS: 2_000 });
      try {
        await again.connect();
        await expect(again.db().collection('kept').findOne({ _id: 'k1' as never })).resolves.toMatchObject({ headline: '保留' });
      } finally {
        await again.close();
        await second.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses NATS_URL / MONGO_URL instead of starting servers', async () => {
    const infra = await startInfra({ log, env: { NATS_URL: nats.url, MONGO_URL: store.url } });
    expect(infra).toMatchObject({ natsUrl: nats.url, mongoUrl: store.url, nats: undefined, store: undefined });
    await infra.stop();
    expect(nats.running && store.running).toBe(true);
  });

  it('says which external server does not answer', async () => {
    await expect(
      startInfra({ log, env: { NATS_URL: nats.url, MONGO_URL: 'mongodb://127.0.0.1:1/baoxun' }, readyTimeoutMs: 1_000 }),
    ).rejects.toThrow(/external MongoDB did not answer at mongodb:\/\/127\.0\.0\.1:1\/baoxun/);
  });

  it('starts both and removes everything on stop', async () => {
    const infra = await startInfra({ log, env: {} });
    const dirs = [infra.nats?.dataDir, infra.store?.dataDir].map(String);
    dirs.forEach((d) => expect(existsSync(d)).toBe(true));
    await infra.stop();
    await infra.stop(); // idempotent
    dirs.forEach((d) => expect(existsSync(d)).toBe(false));
    await expect(connect({ servers: infra.natsUrl, reconnect: false, timeout: 500 })).rejects.toThrow();
  });
});
