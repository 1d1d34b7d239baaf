import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBinary } from '../infra/binary-resolve.service';
import { getFreePort } from '../infra/free-port.util';
import type { ManagedServer } from '../infra/infra.types';
import { stderrLog } from '../infra/log.util';
import { ManagedServerProcess } from '../infra/managed-server.service';
import { probeNats, renderNatsConfig } from '../infra/nats-server.launcher';
import { NATS_SERVER } from '../infra/pinned-binaries.constants';
import { findRepoRoot } from '../infra/repo-root.util';

export interface NatsCredentials {
  user: string;
  password: string;
}

/**
 * nats-server with JetStream that requires a user and password, started the way docker-compose.yml starts it
 * (the same config plus --user/--pass flags). stop()/start() keep its port, store and credentials.
 */
export async function startNatsServerWithAuth(credentials: NatsCredentials, log = stderrLog): Promise<ManagedServer> {
  const root = findRepoRoot();
  const bin = await ensureBinary(NATS_SERVER, { root, log });
  const tmpDir = mkdtempSync(join(tmpdir(), 'baoxun-nats-auth-'));
  const storeDir = join(tmpDir, 'store');
  const port = await getFreePort();
  const monitorPort = await getFreePort();
  const configPath = join(tmpDir, 'nats-server.conf');
  writeFileSync(configPath, renderNatsConfig({ port, monitorPort, storeDir }));
  const url = `nats://127.0.0.1:${port}`;
  const server = new ManagedServerProcess({
    name: `nats-server v${NATS_SERVER.version} (user/password)`,
    bin,
    args: ['-c', configPath, '--user', credentials.user, '--pass', credentials.password],
    url,
    port,
    dataDir: storeDir,
    tmpDir,
    probe: () => probeNats(url, { user: credentials.user, pass: credentials.password }),
    readyTimeoutMs: 60_000,
    log,
  });
  try {
    await server.start();
  } catch (error) {
    await server.dispose();
    throw error;
  }
  return server;
}
