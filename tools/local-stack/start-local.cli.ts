import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from 'nats';
import { findRepoRoot } from '../infra/repo-root.util';
import { samplePagePath } from '../quality/repo-root';
import { isPortFree } from '../infra/free-port.util';
import { startInfra } from '../infra/infra.service';
import { submitPage } from '../scanner/submit-page';
import { startLocalStack } from './local-stack';
import { formatPageSummary, type PageSummaryInput } from './stack-summary';

// `npm start`: the broker, the store and the four services on this machine, the sample page fed through as a
// scanner sends it, a summary of what was stored, then the API served until Ctrl-C.

const say = (line: string) => process.stdout.write(`[baoxun] ${line}\n`);

async function waitForStoredPage(apiUrl: string, pageId: string, timeoutMs: number): Promise<PageSummaryInput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${apiUrl}/v1/pages/${pageId}`);
    if (response.ok) {
      const page = (await response.json()) as PageSummaryInput;
      if (page.status === 'stored') return page;
    }
    if (Date.now() > deadline) throw new Error(`page ${pageId} was not stored within ${timeoutMs / 1000} s; see the service logs`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

async function main(): Promise<void> {
  const root = findRepoRoot();
  const { values } = parseArgs({
    options: {
      file: { type: 'string', default: samplePagePath('txt', root) },
      source: { type: 'string', default: '株洲日报' },
      date: { type: 'string', default: '2024-02-23' },
      page: { type: 'string', default: '01' },
    },
  });
  const started = Date.now();
  // HTTP ingest and /v1/admin need a key; a local run makes one up unless the user brought theirs.
  const apiKey = process.env.API_KEY ?? randomBytes(24).toString('hex');
  const logDir = join(root, '.cache', 'logs');

  say('starting NATS (JetStream) and the store (FerretDB on PostgreSQL, kept in .cache/store)…');
  const infra = await startInfra({ log: (line) => say(line), persistentStore: join(root, '.cache', 'store'), preferredPorts: { nats: 4222, store: 27017 } });
  say(`broker ${infra.natsUrl.replace(/\/\/[^@]*@/, '//')}, store ${infra.mongoUrl.replace(/\/\/[^@]*@/, '//')}`);

  const preferred = { api: 3000, ingest: 3001, parser: 3002, enricher: 3003 } as const;
  const ports: Record<string, number> = {};
  for (const [name, port] of Object.entries(preferred)) {
    if (await isPortFree(port)) ports[name] = port;
    else say(`port ${port} (the usual one for ${name}) is taken; ${name} gets a free port instead`);
  }
  say(`starting ingest, parser, enricher and api (logs in ${logDir})…`);
  let stack;
  try {
    stack = await startLocalStack({ natsUrl: infra.natsUrl, mongoUrl: infra.mongoUrl, logDir, ports, env: { API_KEY: apiKey } });
  } catch (error) {
    await infra.stop();
    throw error;
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the services, then the broker and the store…`);
    await stack.stop();
    await infra.stop();
    say('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  say(`publishing ${values.file} on NATS as a scanner would…`);
  const connection = await connect({ servers: infra.natsUrl, name: 'baoxun-start-scanner' });
  const reply = await submitPage(connection, { source: values.source, date: values.date, page: values.page, text: readFileSync(values.file, 'utf8') });
  await connection.close();
  if (!reply.ok) {
    say(`the page was rejected: ${reply.error}`);
  } else {
    say(`accepted as ${reply.pageId}; waiting for the pipeline…`);
    const page = await waitForStoredPage(stack.apiUrl, reply.pageId, 60_000);
    process.stdout.write(`\n${formatPageSummary(page)}\n\n`);
    say(`stored in ${((Date.now() - started) / 1000).toFixed(1)} s from start.`);
  }
  say(`Reader: open ${stack.apiUrl}/ in a browser   (the operator view takes the API key below)`);
  say(`API at ${stack.apiUrl}   (ingest HTTP at ${stack.ingestUrl})`);
  if (reply.ok) say(`try: curl ${stack.apiUrl}/v1/pages/${reply.pageId}   curl '${stack.apiUrl}/v1/articles?limit=5'`);
  say(`API key for POST ${stack.ingestUrl}/v1/pages and /v1/admin (header x-api-key): ${apiKey}`);
  say(`OpenAPI: ${stack.apiUrl}/docs`);
  say('serving until Ctrl-C.');
}

main().catch((error: unknown) => {
  process.stderr.write(`[baoxun] npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
