import { mongo } from 'mongoose';
// The services run with the sequence model on (LEXICAL_MODEL's default), so documents carry the model's tagger version.
import { MODEL_TAGGER_VERSION } from '@baoxun/entity-tagger/model/model-tagger.factory';
import { PARSER_VERSION } from '@baoxun/page-parser/page.parser';
import { pageParsed, pageReceived } from '@baoxun/shared/contracts/subjects.registry';
import { JetStreamPublisher } from '@baoxun/shared/transport/jetstream.publisher';
import { pipelineIdle } from '../chaos/broker-probe';
import { submitUntilAccepted } from '../chaos/chaos-scanner';
import { CHAOS_API_KEY, type ChaosStack, sleep, startChaosStack } from '../chaos/chaos-stack';
import { corpus, corpusPage, type CorpusPage } from '../chaos/page-corpus';
import { auditThroughApi, waitUntilStored } from '../chaos/pipeline-audit';
import { eventually, uniqueSource } from '../testing/test-stack';
import { AdminClient, AdminError, type DeadLetterItem, type DeadLetterPage } from './admin-client';
import { main as dlqCli } from './dlq.cli';

// Operators' tools against the real services: /v1/admin needs the API key; dead letters are listed, inspected,
// replayed as they are (after the cause is fixed) or corrected, and discarded, through the API and the CLI;
// stored pages are reprocessed (pages an older pipeline made; a source and date range; everything) with
// progress shown and nothing duplicated.

/** JetStream's duplicate window (jetstream-topology.ts): a republished article with the same msg id inside it is dropped. */
const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

describe('dead letters and reprocessing, through /v1/admin and the CLI', () => {
  let chaos: ChaosStack;
  let admin: AdminClient;
  let publisher: JetStreamPublisher;
  const sourceA = uniqueSource('ops-a');
  const sourceB = uniqueSource('ops-b');
  let pagesA: CorpusPage[];
  let pagesB: CorpusPage[];
  let lastParsedAt = 0;

  /** Runs the CLI in-process with API_KEY set, and returns its exit code and output. */
  const cli = async (...args: string[]): Promise<{ code: number; output: string }> => {
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const key = process.env.API_KEY;
    process.env.API_KEY = CHAOS_API_KEY;
    try {
      const code = await dlqCli([...args, '--api', chaos.stack.apiUrl]);
      return { code, output: lines.join('') };
    } finally {
      write.mockRestore();
      if (key === undefined) delete process.env.API_KEY;
      else process.env.API_KEY = key;
    }
  };

  /** The letters of a stage whose payload names `needle`. The DLQ is shared by every suite on the test server, so all of them are read, page by page. */
  const lettersAbout = async (stage: string, needle: string): Promise<DeadLetterItem[]> => {
    const found: DeadLetterItem[] = [];
    for await (const item of admin.letters({ stage })) if (item.payloadPreview?.includes(needle)) found.push(item);
    return found;
  };
  const letterFor = (stage: string, needle: string) => eventually(async () => (await lettersAbout(stage, needle))[0], 120_000, `a letter on dlq.${stage} about ${needle}`);

  const pageStatus = async (pageId: string) => ((await (await fetch(`${chaos.stack.apiUrl}/v1/pages/${pageId}`)).json()) as { status: string }).status;

  beforeAll(async () => {
    chaos = await startChaosStack('ops', { env: { MAX_DELIVER: '2' } });
    admin = new AdminClient(chaos.stack.apiUrl, CHAOS_API_KEY);
    publisher = new JetStreamPublisher(chaos.nats);
    pagesA = corpus(sourceA, 8);
    // B spans several edition dates (20 pages a day in the corpus), for the date-range run.
    pagesB = corpus(sourceB, 50).filter((_, index) => index % 5 === 0);
    for (const page of [...pagesA, ...pagesB]) await submitUntilAccepted(chaos.nats, page);
    await waitUntilStored(chaos.nats, chaos.mongoUrl, [...pagesA, ...pagesB].map((page) => page.pageId), { timeoutMs: 300_000, label: 'ops pages' });
    lastParsedAt = Date.now();
  }, 600_000);

  afterAll(async () => {
    await chaos?.stop();
  }, 120_000);

  it('refuses every admin route (and HTTP ingest) without the right API key', async () => {
    const routes: Array<[string, (client: AdminClient) => Promise<unknown>]> = [
      ['GET /v1/admin/dead-letters', (client) => client.list()],
      ['GET /v1/admin/dead-letters/1', (client) => client.letter(1)],
      ['POST /v1/admin/dead-letters/1/replay', (client) => client.replay(1)],
      ['DELETE /v1/admin/dead-letters/1', (client) => client.discard(1)],
      ['POST /v1/admin/reprocess', (client) => client.startReprocess({} as never)],
      ['GET /v1/admin/pipeline-versions', (client) => client.pipelineVersions()],
    ];
    for (const [route, call] of routes) {
      for (const key of [undefined, 'not-the-key-not-the-key']) {
        const status = await call(new AdminClient(chaos.stack.apiUrl, key)).then(
          () => 200,
          (error: AdminError) => error.status,
        );
        expect([route, key ?? '(none)', status]).toEqual([route, key ?? '(none)', 401]);
      }
    }
    const ingest = await fetch(`${chaos.stack.ingestUrl}/v1/pages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pagesA[0].submission) });
    expect(ingest.status).toBe(401);
    await expect(admin.list()).resolves.toMatchObject({ items: expect.any(Array) });
  });

  it('replays a dead letter as it is once its cause is gone: a page summary that outran its page', async () => {
    const page = corpusPage(uniqueSource('ops-race'), 5);
    // The parser's summary of the page, published first (with the parser's own msg id), as when it outruns the
    // page itself beyond MAX_DELIVER retries: the api dead-letters it.
    const summary = {
      pageId: page.pageId,
      page: { source: page.submission.source, date: page.submission.date, page: page.submission.page },
      contentHash: page.contentHash,
      pageReceivedAt: new Date().toISOString(),
      articleIds: page.expectedArticleIds,
      parserVersion: PARSER_VERSION,
      parsedAt: new Date().toISOString(),
      correlationId: 'ops-race',
    };
    await publisher.publish(pageParsed, summary, { msgId: `${page.pageId}:${page.contentHash}:${PARSER_VERSION}`, correlationId: 'ops-race' });
    const item = await letterFor('api', page.pageId);
    const letter = await admin.letter(item.seq);
    expect(letter).toMatchObject({ stage: 'api', subject: 'pages.parsed', deliveries: 2, reason: expect.stringMatching(/not recorded yet/) });
    expect(letter.payloadJson).toEqual(pageParsed.schema.parse(summary));
    expect(JSON.parse(Buffer.from(letter.payloadBase64, 'base64').toString('utf8'))).toEqual(letter.payloadJson);

    // Now the page arrives; the parser's own summary is dropped as a duplicate, so the page can't complete...
    await submitUntilAccepted(chaos.nats, page);
    await eventually(() => pipelineIdle(chaos.nats), 300_000, 'the page handled');
    expect(await pageStatus(page.pageId)).not.toBe('stored');
    // ...until an operator replays the letter, as it is, with the CLI.
    const shown = await cli('show', String(item.seq));
    expect(shown.output).toContain('not recorded yet');
    const replayed = await cli('replay', String(item.seq));
    expect(replayed).toMatchObject({ code: 0, output: expect.stringContaining(`replayed #${item.seq} onto pages.parsed`) });
    await eventually(async () => ((await pageStatus(page.pageId)) === 'stored' ? true : undefined), 120_000, 'the page stored after the replay');
    const figures = await auditThroughApi(chaos.stack.apiUrl, [page], [page.submission.source]);
    expect(figures).toMatchObject({ pagesStored: 1, lost: 0, duplicated: 0, problems: [] });
    // A replayed letter leaves the DLQ.
    await expect(admin.letter(item.seq)).rejects.toMatchObject({ status: 404 });
  }, 600_000);

  it('replays a corrected payload, refuses a correction that is still wrong, and discards what is dealt with', async () => {
    const page = corpusPage(uniqueSource('ops-fix'), 6);
    const good = { pageId: page.pageId, page: { source: page.submission.source, date: page.submission.date, page: page.submission.page }, text: page.submission.text, contentHash: page.contentHash, receivedAt: new Date().toISOString(), correlationId: 'ops-fix' };
    // A producer's bug: the edition date in the wrong format. Both consumers of pages.received dead-letter it.
    await publisher.publishRaw('pages.received', Buffer.from(JSON.stringify({ ...good, page: { ...good.page, date: good.page.date.replace(/-/g, '/') } })));
    const forParser = await letterFor('parser', page.pageId);
    const forApi = await letterFor('api', page.pageId);
    expect(forParser.reason).toMatch(/invalid payload for pages.received: page.date/);

    const stillWrong = await admin.replay(forParser.seq, { ...good, contentHash: '' }).catch((error: AdminError) => error);
    // Well formed, but not what this letter's subject takes: a conflict with the letter, not a bad request.
    expect(stillWrong).toMatchObject({ status: 409, message: expect.stringContaining('payload.contentHash') });
    await admin.replay(forParser.seq, pageReceived.schema.parse(good));
    // Replayed onto pages.received, the corrected page reaches both the parser and the api: the api's own letter
    // is no longer needed.
    expect(await cli('discard', String(forApi.seq))).toMatchObject({ code: 0, output: expect.stringContaining(`discarded #${forApi.seq}`) });
    await eventually(async () => ((await pageStatus(page.pageId)) === 'stored' ? true : undefined), 120_000, 'the corrected page stored');
    const figures = await auditThroughApi(chaos.stack.apiUrl, [page], [page.submission.source]);
    expect(figures).toMatchObject({ pagesStored: 1, lost: 0, duplicated: 0, problems: [] });
  }, 600_000);

  it('lists letters page by page, counts them per stage, and replays many at once (a still-bad one comes back)', async () => {
    const source = uniqueSource('ops-noise');
    for (let index = 0; index < 3; index++) {
      const noise = { source, date: '2024-06-01', page: String(index + 1), text: `※※※ ■■■ ▲▲▲ ${'…'.repeat(index + 1)}\n\n——— ☆☆☆\n` };
      const reply = await chaos.nats.request('pages.submit', Buffer.from(JSON.stringify(noise)), { timeout: 10_000 });
      expect(JSON.parse(Buffer.from(reply.data).toString())).toMatchObject({ ok: true });
    }
    const noisy = await eventually(async () => {
      const found = await lettersAbout('parser', source);
      return found.length === 3 ? found : undefined;
    }, 120_000, 'three noise pages on dlq.parser');
    expect(noisy.every((item) => /cannot be parsed/.test(item.reason) && item.deliveries === 1)).toBe(true);

    const seen: number[] = [];
    let after: number | null = null;
    do {
      const page: DeadLetterPage = await admin.list({ stage: 'parser', limit: 2, ...(after ? { after } : {}) });
      seen.push(...page.items.map((item) => item.seq));
      after = page.nextAfter;
    } while (after !== null);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen).toEqual(expect.arrayContaining(noisy.map((item) => item.seq)));
    const counts = await cli('counts');
    expect(counts.output).toMatch(/parser\s+\d+/);
    // From just before this test's letters: other suites' letters share the DLQ.
    const listing = await cli('list', '--stage', 'parser', '--after', String(Math.min(...noisy.map((item) => item.seq)) - 1));
    expect(listing.output).toContain('cannot be parsed');

    const replayAll = await cli('replay-all', '--stage', 'parser', '--reason', 'cannot be parsed', '--json');
    expect(replayAll.code).toBe(0);
    const replayed = JSON.parse(replayAll.output) as { replayed: Array<{ seq: number }> };
    expect(replayed.replayed.map((result) => result.seq)).toEqual(expect.arrayContaining(noisy.map((item) => item.seq)));
    // Still noise: dead-lettered again, under new sequence numbers.
    const again = await eventually(async () => {
      const found = await lettersAbout('parser', source);
      return found.length === 3 && found.every((item) => !noisy.some((old) => old.seq === item.seq)) ? found : undefined;
    }, 120_000, 'the noise pages dead-lettered again');
    expect(again).toHaveLength(3);
  }, 600_000);

  it('reprocesses stored pages by pipeline version, by source and date range, and all of them, duplicating nothing', async () => {
    const current = `${PARSER_VERSION}+${MODEL_TAGGER_VERSION}`;
    const older = 'parser-0.9.0+tagger-0.0.0';
    // Republished articles carry the parser's msg ids: inside JetStream's duplicate window they would be dropped.
    const wait = lastParsedAt + DUPLICATE_WINDOW_MS + 5_000 - Date.now();
    if (wait > 0) await sleep(wait);

    // Three pages of A as an older pipeline made them.
    const aged = pagesA.slice(0, 3);
    const client = new mongo.MongoClient(chaos.mongoUrl);
    await client.connect();
    try {
      for (const id of aged.flatMap((page) => page.expectedArticleIds)) await client.db().collection('articles').updateOne({ _id: id as never }, { $set: { pipelineVersion: older } });
    } finally {
      await client.close();
    }
    const versions = await admin.pipelineVersions();
    expect(versions).toContainEqual({ pipelineVersion: older, articles: aged.flatMap((page) => page.expectedArticleIds).length });

    const byVersion = await cli('reprocess', '--not-version', current, '--wait');
    expect(byVersion.code).toBe(0);
    expect(byVersion.output).toMatch(new RegExp(`reprocessed ${aged.length}/${aged.length} pages \\(100%\\)`));
    const afterVersions = await admin.pipelineVersions();
    expect(afterVersions.map((row) => row.pipelineVersion)).not.toContain(older);

    const dates = [...new Set(pagesB.map((page) => page.submission.date))].sort();
    const from = dates[1];
    const to = dates[dates.length - 2];
    const inRange = pagesB.filter((page) => page.submission.date >= from && page.submission.date <= to);
    const byRange = await admin.startReprocess({ source: sourceB, from, to });
    expect(byRange).toMatchObject({ total: inRange.length });
    const rangeDone = await eventually(async () => {
      const progress = await admin.reprocess(byRange.id);
      return progress.done ? progress : undefined;
    }, 300_000, 'the date-range run done');
    expect(rangeDone).toMatchObject({ status: 'published', published: inRange.length, pagesReprocessed: inRange.length });

    const all = await admin.startReprocess({ all: true });
    const allPublished = await eventually(async () => {
      const progress = await admin.reprocess(all.id);
      return progress.status === 'published' ? progress : undefined;
    }, 300_000, 'the run over all pages published');
    expect(allPublished.published).toBe(allPublished.total);
    expect(allPublished.total).toBeGreaterThanOrEqual(pagesA.length + pagesB.length);
    await eventually(() => pipelineIdle(chaos.nats), 300_000, 'reprocessing handled');

    // Same pages, same article ids, each once, all made by the current pipeline.
    const figures = await auditThroughApi(chaos.stack.apiUrl, [...pagesA, ...pagesB], [sourceA, sourceB], 0, 100);
    expect(figures).toMatchObject({ pagesStored: pagesA.length + pagesB.length, lost: 0, duplicated: 0, problems: [] });
    const finalVersions = await admin.pipelineVersions();
    expect(finalVersions.map((row) => row.pipelineVersion)).toContain(current);
    expect(finalVersions.map((row) => row.pipelineVersion)).not.toContain(older);
    // The durable consumers are shared by every suite on the test server, so this store may also hold an article
    // another suite left on articles.parsed (the transport tests' 'test' parser): count this test's sources only.
    const store = new mongo.MongoClient(chaos.mongoUrl);
    await store.connect();
    try {
      const ours = await store.db().collection('articles').distinct('pipelineVersion', { 'page.source': { $in: [sourceA, sourceB] } });
      expect(ours).toEqual([current]);
    } finally {
      await store.close();
    }
  }, 900_000);

  it('validates every admin request', async () => {
    // Requests the document forbids, sent anyway (cast past the client's types): the api answers 400, not 500.
    for (const body of [{}, { all: true, source: 'x' }, { source: 'x', from: '2024-02-30' }, { source: ' ' }, { from: '2024-01-01' }, { all: false }, { notPipelineVersion: '' }, { all: true, extra: 1 }]) {
      await expect(admin.startReprocess(body as never)).rejects.toMatchObject({ status: 400 });
    }
    for (const [what, call] of [
      ['limit=0', () => admin.list({ limit: 0 })],
      ['limit=1000', () => admin.list({ limit: 1000 })],
      ['stage=../x', () => admin.list({ stage: '../x' })],
      ['bogus=1', () => admin.list({ bogus: 1 } as never)],
      ['seq abc', () => admin.letter('abc' as never)],
      ['seq 0', () => admin.letter(0)],
      ['run nope', () => admin.reprocess('nope')],
      ['replay seq 0', () => admin.replay(0)],
      ['replay with an extra key', () => admin.answer('replay', () => admin.api.POST('/v1/admin/dead-letters/{seq}/replay', { params: { path: { seq: '1' } }, body: { payload: {}, extra: true } as never }))],
    ] as Array<[string, () => Promise<unknown>]>) {
      expect([what, await call().then(() => 200, (error: AdminError) => error.status)]).toEqual([what, 400]);
    }
    await expect(admin.letter(999999999)).rejects.toMatchObject({ status: 404 });
    await expect(admin.reprocess('rp_0000000000000000')).rejects.toMatchObject({ status: 404 });
  });
});
