import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NatsConnection } from 'nats';
import { AdminClient } from '../dlq/admin-client';
import { corpusDir, samplePagePath } from '../quality/repo-root';
import { submitPage } from '../scanner/submit-page';
import { eventually } from '../testing/test-stack';

export interface FixturePage {
  pageId: string;
  source: string;
  date: string;
  page: string;
}

export interface ReaderFixture {
  sample: FixturePage;
  corpus: FixturePage[];
}

/** A page of the corpus: its text and, from its gold file, the paper, date and page number it was printed as. */
function corpusPages(root: string): Array<{ text: string; source: string; date: string; page: string }> {
  const dir = corpusDir(root);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const gold = JSON.parse(readFileSync(join(dir, name.replace(/\.txt$/, '.gold.json')), 'utf8')) as { page: { source: string; date: string; page: string } };
      return { text: readFileSync(join(dir, name), 'utf8'), ...gold.page };
    });
}

/**
 * What the reader is shown with: the sample page and the corpus (tools/quality/corpus), sent as a scanner sends
 * them, and waited for until every page is stored. `sourceOf` renames the papers (tests give each run its own,
 * so page ids never collide with another test file's on the shared broker).
 */
export async function loadReaderFixture(nats: NatsConnection, apiUrl: string, root: string, sourceOf: (source: string) => string = (source) => source): Promise<ReaderFixture> {
  const submit = async (text: string, source: string, date: string, page: string): Promise<FixturePage> => {
    const reply = await submitPage(nats, { source: sourceOf(source), date, page, text }, 30_000);
    if (!reply.ok) throw new Error(`${source} ${date} ${page} rejected: ${reply.error}`);
    return { pageId: reply.pageId, source: sourceOf(source), date, page };
  };
  const sample = await submit(readFileSync(samplePagePath('txt', root), 'utf8'), '株洲日报', '2024-02-23', '01');
  const corpus: FixturePage[] = [];
  for (const page of corpusPages(root)) corpus.push(await submit(page.text, page.source, page.date, page.page));
  for (const page of [sample, ...corpus]) {
    await eventually(async () => {
      const response = await fetch(`${apiUrl}/v1/pages/${page.pageId}`);
      const body = (await response.json()) as { status?: string };
      return body.status === 'stored' ? true : undefined;
    }, 180_000, `page ${page.pageId} (${page.source} ${page.date} ${page.page}) stored`);
  }
  return { sample, corpus };
}

/** A message the parser cannot read: it becomes a dead letter whose payload carries the marker. */
export async function makeDeadLetter(nats: NatsConnection, apiUrl: string, apiKey: string, marker: string): Promise<number> {
  await nats.jetstream().publish('pages.received', Buffer.from(JSON.stringify({ not: 'a page', marker })));
  const admin = new AdminClient(apiUrl, apiKey);
  return eventually(async () => {
    for await (const letter of admin.letters()) if (letter.payloadPreview?.includes(marker)) return letter.seq;
    return undefined;
  }, 60_000, `the dead letter ${marker}`);
}
