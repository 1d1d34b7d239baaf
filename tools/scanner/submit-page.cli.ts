import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect } from 'nats';
import { submitPage } from './submit-page';

// `npm run submit -- FILE --source NAME --date YYYY-MM-DD --page NN`: sends one page the way a scanner does.
// Exit 0 with the reply on stdout when accepted, 2 when rejected (the reason on stderr).

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      date: { type: 'string' },
      page: { type: 'string' },
      nats: { type: 'string', default: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' },
    },
  });
  if (positionals.length !== 1 || !values.source || !values.date || !values.page) {
    throw new Error('usage: submit FILE --source NAME --date YYYY-MM-DD --page NN [--nats URL]');
  }
  const connection = await connect({ servers: values.nats, name: 'baoxun-submit-cli', user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD });
  try {
    const reply = await submitPage(connection, { source: values.source, date: values.date, page: values.page, text: readFileSync(positionals[0], 'utf8') });
    if (!reply.ok) {
      process.stderr.write(`rejected: ${reply.error}\n`);
      process.exitCode = 2;
      return;
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
