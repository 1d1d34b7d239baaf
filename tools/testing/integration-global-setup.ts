import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { findRepoRoot } from '../infra/repo-root.util';
import startServers from '../infra/jest-global-setup';

/** Compiles the services (they run as processes from dist/) and installs the Python test tools (schemathesis) and Debian's chromium for the reader's browser tests, then starts NATS and FerretDB for every test file. */
export default async function integrationGlobalSetup(): Promise<void> {
  execFileSync(process.execPath, [join(findRepoRoot(), 'tools', 'bootstrap.mjs'), 'build', '--test-tools', '--browser'], { stdio: 'inherit' });
  await startServers();
}
