#!/usr/bin/env node
import { startInfra } from './infra.service';
import { stderrLog } from './log.util';

/**
 * Developer helper: starts nats-server and FerretDB (or checks NATS_URL / MONGO_URL), prints the URLs
 * as KEY=value lines on stdout (so `eval`/`.env` work) and runs until Ctrl-C or SIGTERM.
 */
async function main(): Promise<void> {
  const infra = await startInfra();
  process.stdout.write(`NATS_URL=${infra.natsUrl}\nMONGO_URL=${infra.mongoUrl}\n`);
  if (infra.nats) stderrLog(`nats monitoring: ${infra.nats.monitorUrl}  store: ${infra.nats.dataDir}`);
  if (infra.store) stderrLog(`store: ${infra.store.name}, data ${infra.store.dataDir}`);
  stderrLog('running; press Ctrl-C to stop');

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stderrLog(`${signal}: stopping…`);
    infra.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        stderrLog(`stop failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // The servers' output pipes keep the event loop alive until they are stopped.
}

main().catch((err: unknown) => {
  stderrLog(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
