import { randomBytes } from 'node:crypto';
import { headers as natsHeaders } from 'nats';
import { pageIdOf } from '@baoxun/shared/identity/page-identity';
import { uniqueSource } from '../testing/test-stack';
import { readDeadLetters, type StoredDeadLetter } from './broker-probe';
import { submitUntilAccepted } from './chaos-scanner';
import { CHAOS_API_KEY, type ChaosStack, chaosPages, chaosSeed, chaosTestTimeoutMs, startChaosStack, storeTimeoutMs } from './chaos-stack';
import { corpusPage, seededRandom, type CorpusPage } from './page-corpus';
import { auditThroughApi, mapLimit, reportFigures, waitUntilStored } from './pipeline-audit';

// Bad input: thousands of malformed messages over NATS (scanner requests, and raw bytes straight onto the
// pipeline's JetStream subjects) and HTTP, interleaved with valid pages. Each bad one is either rejected to its
// sender with a reason, or lands in dlq.<stage> with its reason and original payload; no service crashes; every
// valid page is stored.

const MAX_PAGE_BYTES = 64 * 1024;
const HTTP_BODY_LIMIT = Math.ceil(MAX_PAGE_BYTES * 1.5) + 64 * 1024;

type Case =
  /** Ingest must refuse it (NATS reply ok:false with a reason; HTTP 4xx with a message). */
  | { kind: string; channel: 'nats' | 'http'; expect: 'reject'; body: Buffer; headers?: Record<string, string> }
  /** Ingest may accept it (after normalizing); then it must end stored or dead-lettered with a reason. */
  | { kind: string; channel: 'nats'; expect: 'store-or-dlq'; body: Buffer; pageId: string }
  /** Raw bytes on a pipeline subject: every stage consuming it must dead-letter it with the original bytes. */
  | { kind: string; channel: 'jetstream'; expect: 'dlq'; subject: string; stages: string[]; body: Buffer };

const CONSUMERS: Record<string, string[]> = {
  'pages.received': ['parser', 'api'],
  'pages.parsed': ['api'],
  'articles.parsed': ['enricher'],
  'articles.enriched': ['api'],
};

describe('bad input over NATS and HTTP, interleaved with valid pages', () => {
  let chaos: ChaosStack;
  const random = seededRandom(chaosSeed());
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  // Bad messages are cheap (rejected at once or dead-lettered); what ingest accepts has to go through the
  // pipeline, so those are capped.
  const badCount = Number(process.env.CHAOS_BAD ?? Math.max(1_000, chaosPages() * 3));
  const validCount = chaosPages(1 / 5);
  const maxAcceptedOdd = chaosPages(1 / 5);
  let acceptedOdd = 0;

  beforeAll(async () => {
    chaos = await startChaosStack('fuzz', { env: { MAX_PAGE_BYTES: String(MAX_PAGE_BYTES), MAX_DELIVER: '3' } });
  }, 300_000);

  afterAll(async () => {
    await chaos?.stop();
  }, 120_000);

  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const marker = () => `fuzz-${randomBytes(6).toString('hex')}`;
  const page = (source: string, overrides: Record<string, unknown> = {}) => ({ source, date: '2024-03-01', page: String(1 + Math.floor(random() * 99)).padStart(2, '0'), text: `标题${marker()}\n\n本报讯 正文内容。\n`, ...overrides });

  function badCase(source: string): Case {
    const m = marker();
    const nats = (kind: string, body: Buffer): Case => ({ kind, channel: random() < 0.66 ? 'nats' : 'http', expect: 'reject', body });
    const accepted = (kind: string, text: string): Case => {
      // A source of their own: what ingest accepts of these is stored or dead-lettered, never mixed into the audit.
      const oddSource = `${source}-odd`;
      const submission = { source: oddSource, date: '2024-04-01', page: String(1 + Math.floor(random() * 999)), text };
      return { kind, channel: 'nats', expect: 'store-or-dlq', body: json(submission), pageId: pageIdOf({ source: oddSource, date: submission.date, page: submission.page.padStart(2, '0') }) };
    };
    const raw = (kind: string, subject: string, body: Buffer): Case => ({ kind, channel: 'jetstream', expect: 'dlq', subject, stages: CONSUMERS[subject], body });
    const subject = pick(Object.keys(CONSUMERS));
    const rejected: Array<() => Case> = [
      () => nats('not JSON', Buffer.from(`{"source": "${m}", text: oops`)),
      () => nats('invalid UTF-8', Buffer.concat([Buffer.from(`{"source":"${m}","text":"`), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0]), Buffer.from('"}')])),
      () => nats('JSON of the wrong shape', json(pick([[m], m, 42, null, true, { page: [m] }]))),
      () => nats('wrong types', json(page(source, pick([{ source: 42 }, { date: 20240301 }, { page: { n: 1 } }, { text: 12345 }, { text: [m] }, { correlationId: 7 }])))),
      () => {
        const body: Record<string, unknown> = page(source);
        delete body[pick(['source', 'date', 'page', 'text'])];
        return nats('missing field', json(body));
      },
      () => nats('unknown field', json({ ...page(source), [`extra_${m}`]: true })),
      () => nats('impossible date', json(page(source, { date: pick(['2024-02-30', '2024/03/01', '24-3-1', '', m]) }))),
      () => nats('bad page number', json(page(source, { page: pick(['abc', -1, 1.5, 'A1234', '', m]) }))),
      () => nats('oversize text', json(page(source, { text: `${m}${'报'.repeat(Math.ceil(MAX_PAGE_BYTES / 3) + 10)}` }))),
      () => nats('empty text', json(page(source, { text: pick(['', '   \n\n\t  ', '\r\n\r\n']) }))),
      () => nats('control characters only', json(page(source, { text: '\u0001\u0002\u0003\u0007\u001b\u007f\u0085\u200b'.repeat(20) }))),
      () => nats('unpaired surrogate', Buffer.from(`{"source":"${source}","date":"2024-03-01","page":"01","text":"\\ud800${m}"}`)),
      () => nats('bad source', json(page(source, { source: pick(['', ' ', 'x'.repeat(101), `bad\u0000${m}`, `line\nbreak${m}`]) }))),
      () => nats('bad correlation id', json(page(source, { correlationId: pick([`a\nb${m}`, 'x'.repeat(129), `\u0007${m}`, '中文编号']) }))),
    ];
    const acceptable: Array<() => Case> = [
      () => accepted('control characters inside text', `标题${m}\u0000\u0007\n\n本报讯\u001b 正文\u200b内容，有控制字符。\r\n`),
      () => accepted('one huge line', `${m}${'长文本没有换行'.repeat(2_500)}`),
      () => accepted('pure noise', Array.from({ length: 30 }, () => pick(['▲▲▲', '※※※', '……', '■■■■', '———', '*** ###', '<<>>', '☆★☆'])).join('\n')),
      () => accepted('Latin gibberish', `${m} lorem ipsum dolor sit amet\n\nqwerty uiop asdf\n`),
    ];
    const raws: Array<() => Case> = [
      () => raw('garbage bytes', subject, Buffer.concat([Buffer.from(m), randomBytes(16)])),
      () => raw('JSON missing fields', subject, json({ marker: m })),
      () => raw('JSON with wrong types', subject, json({ pageId: 42, id: [m], text: false })),
      () => raw('invalid UTF-8 JSON', subject, Buffer.concat([Buffer.from(`{"pageId":"${m}","text":"`), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.from('"}')])),
    ];
    const chosen = pick([...rejected, ...(acceptedOdd < maxAcceptedOdd ? acceptable : []), ...raws])();
    if (chosen.expect === 'store-or-dlq') acceptedOdd++;
    return chosen;
  }

  it('rejects or dead-letters every bad message with a reason, stores every valid page, and no service falls over', async () => {
    const source = uniqueSource('chaos-fuzz');
    const pids = Object.values(chaos.stack.services)
      .flat()
      .map((service) => [service.name, service.pid] as const);
    const valid: CorpusPage[] = Array.from({ length: validCount }, (_, index) => corpusPage(source, index));
    const cases: Case[] = Array.from({ length: badCount }, () => badCase(source));
    // A few of the worst: larger than the broker accepts at all, and one schema-valid summary for a page that
    // never arrives (retried, then dead-lettered by the api).
    cases.push({ kind: 'beyond max_payload', channel: 'nats', expect: 'reject', body: Buffer.alloc(9 * 1024 * 1024, 0x41) });
    cases.push({ kind: 'HTTP body over the limit', channel: 'http', expect: 'reject', body: json(page(source, { text: 'x'.repeat(HTTP_BODY_LIMIT + 1000) })) });
    for (const headers of [{}, { 'x-api-key': 'wrong-key-wrong-key' }, { authorization: 'Bearer nope' }] as Array<Record<string, string>>) {
      cases.push({ kind: 'no or wrong API key', channel: 'http', expect: 'reject', body: json(page(source)), headers });
    }
    const orphan = { pageId: `pg_${randomBytes(12).toString('hex')}`, page: { source, date: '2024-05-01', page: '01' }, contentHash: 'f'.repeat(32), pageReceivedAt: new Date().toISOString(), articleIds: [], parserVersion: 'fuzz', parsedAt: new Date().toISOString(), correlationId: marker() };
    cases.push({ kind: 'summary of a page never received', channel: 'jetstream', expect: 'dlq', subject: 'pages.parsed', stages: ['api'], body: json(orphan) });

    // Interleave: the valid pages go out (NATS and HTTP) while the bad ones do.
    const work: Array<{ valid: CorpusPage; viaHttp: boolean } | { bad: Case }> = [...cases.map((bad) => ({ bad }))];
    valid.forEach((one, index) => work.splice(Math.floor(random() * work.length), 0, { valid: one, viaHttp: index % 3 === 0 }));
    const failures: string[] = [];
    const accepted: Array<Extract<Case, { expect: 'store-or-dlq' }>> = [];
    const js = chaos.nats.jetstream();
    const started = Date.now();

    await mapLimit(work, 8, async (item) => {
      if ('valid' in item) {
        if (!item.viaHttp) return void (await submitUntilAccepted(chaos.nats, item.valid));
        const response = await fetch(`${chaos.stack.ingestUrl}/v1/pages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': CHAOS_API_KEY }, body: JSON.stringify(item.valid.submission) });
        if (response.status !== 202) failures.push(`valid page over HTTP: ${response.status} ${await response.text()}`);
        return;
      }
      const bad = item.bad;
      if (bad.channel === 'jetstream') {
        const h = natsHeaders();
        await js.publish(bad.subject, bad.body, { headers: h });
        return;
      }
      if (bad.channel === 'http') {
        const response = await fetch(`${chaos.stack.ingestUrl}/v1/pages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(bad.headers ?? { 'x-api-key': CHAOS_API_KEY }) }, body: bad.body });
        const text = await response.text();
        if (response.status < 400 || response.status >= 500 || !/message|error/.test(text)) failures.push(`${bad.kind} over HTTP: ${response.status} ${text.slice(0, 200)}`);
        return;
      }
      let reply: { ok: boolean; error?: string };
      try {
        const message = await chaos.nats.request('pages.submit', bad.body, { timeout: 20_000 });
        reply = JSON.parse(Buffer.from(message.data).toString('utf8'));
      } catch (error) {
        // Refused before it left: larger than the broker's max_payload.
        if (bad.kind === 'beyond max_payload' && /MAX_PAYLOAD|payload/i.test(String(error))) return;
        return void failures.push(`${bad.kind} over NATS: no reply (${String(error)})`);
      }
      if (bad.expect === 'reject') {
        if (reply.ok !== false || !reply.error) failures.push(`${bad.kind} over NATS: ${JSON.stringify(reply).slice(0, 200)}`);
      } else if (reply.ok) {
        accepted.push(bad);
      } else if (!reply.error) {
        failures.push(`${bad.kind} over NATS: rejected without a reason`);
      }
    });
    process.stderr.write(`[chaos] fuzz: sent ${cases.length} bad and ${valid.length} valid messages in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);

    // Every raw message on a pipeline subject shows up in dlq.<stage> for each stage consuming it, byte for byte.
    const raws = cases.filter((bad): bad is Extract<Case, { expect: 'dlq' }> => bad.expect === 'dlq');
    const expectedLetters = raws.reduce((sum, bad) => sum + bad.stages.length, 0);
    const key = (stage: string, body: Buffer) => `${stage}:${body.toString('base64')}`;
    let letters: StoredDeadLetter[] = [];
    const deadline = Date.now() + 300_000;
    let found = new Set<string>();
    do {
      letters = await readDeadLetters(chaos.nats);
      found = new Set(letters.map((letter) => key(letter.stage, letter.payload)));
      if (raws.every((bad) => bad.stages.every((stage) => found.has(key(stage, bad.body))))) break;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    } while (Date.now() < deadline);
    for (const bad of raws) {
      for (const stage of bad.stages) if (!found.has(key(stage, bad.body))) failures.push(`${bad.kind} on ${bad.subject}: no letter on dlq.${stage}`);
    }
    for (const letter of letters) if (!letter.reason) failures.push(`dead letter ${letter.seq} without a reason`);

    // What ingest accepted ends stored, or dead-lettered with a reason naming the page.
    const storedOrDead = await waitUntilStored(chaos.nats, chaos.mongoUrl, [...valid.map((one) => one.pageId)], { timeoutMs: storeTimeoutMs(), label: 'fuzz valid pages' });
    letters = await readDeadLetters(chaos.nats);
    const deadPages = new Map(letters.filter((letter) => letter.subject === 'pages.received').map((letter) => [letter.payload.toString('utf8'), letter] as const));
    const { mongo } = await import('mongoose');
    const client = new mongo.MongoClient(chaos.mongoUrl);
    await client.connect();
    const acceptedIds = [...new Set(accepted.map((bad) => bad.pageId))];
    let acceptedStored = 0;
    let acceptedDead = 0;
    for (const pageId of acceptedIds) {
      const letter = [...deadPages].find(([payload]) => payload.includes(pageId))?.[1];
      if (letter) {
        acceptedDead++;
        continue;
      }
      const stored = await client.db().collection('pages').findOne({ _id: pageId as never, status: 'stored' }, { projection: { _id: 1 } });
      if (stored) acceptedStored++;
      else failures.push(`accepted page ${pageId} neither stored nor dead-lettered`);
    }
    await client.close();
    // The parser refuses a page of pure noise at once (a permanent failure is not retried).
    const noise = letters.filter((letter) => letter.stage === 'parser' && /cannot be parsed/.test(letter.reason));
    for (const letter of noise) expect(letter.deliveries).toBe(1);

    const figures = await auditThroughApi(chaos.stack.apiUrl, valid, [source], 0);
    reportFigures('fuzz (valid pages among bad input)', figures, {
      bad: cases.length,
      rejectedToSender: cases.filter((bad) => bad.expect === 'reject').length,
      rawOnPipelineSubjects: raws.length,
      lettersExpected: expectedLetters,
      acceptedOddPages: acceptedIds.length,
      acceptedStored,
      acceptedDeadLettered: acceptedDead,
      failures: failures.length,
    });

    expect(failures.slice(0, 30)).toEqual([]);
    expect(storedOrDead).toBe(valid.length);
    expect(figures.problems).toEqual([]);
    expect(figures).toMatchObject({ pagesStored: valid.length, lost: 0, duplicated: 0 });
    // No service crashed or restarted.
    for (const [name, pid] of pids) {
      const service = Object.values(chaos.stack.services)
        .flat()
        .find((candidate) => candidate.name === name);
      expect([name, service?.running, service?.pid]).toEqual([name, true, pid]);
      const health = await fetch(`${service?.url}/health`);
      expect([name, health.status]).toEqual([name, 200]);
    }
  }, chaosTestTimeoutMs());
});
