import { relative, resolve } from 'node:path';
import { findRepoRoot } from '../infra/repo-root.util';
import { ensureDeployCheck, runDeployCheck } from './deploy-check.binary';
import { checkDeployConfig } from './deploy-config.checks';

// After editing an overlay: node dist/tools/deploy-check/deploy-check.cli.js [OVERLAY_DIR...]
// (default: deploy/overlays/dev and deploy/overlays/production). The Go checks and checkDeployConfig; not the spec's
// nats-server -t run or its live-broker check of the durable names (npm test's deploy-check.int-spec.ts has those).

async function main(): Promise<number> {
  const root = findRepoRoot();
  const overlays = (process.argv.length > 2 ? process.argv.slice(2) : ['deploy/overlays/dev', 'deploy/overlays/production']).map((dir) => relative(root, resolve(dir)));
  const binary = await ensureDeployCheck(root, (line) => process.stderr.write(`${line}\n`));
  const { code, report, stderr } = await runDeployCheck(binary, overlays, { cwd: root });
  if (!report) {
    process.stderr.write(stderr);
    return 2;
  }
  let problems = 0;
  for (const overlay of report.overlays) {
    const configProblems = overlay.errors.length === 0 ? checkDeployConfig(overlay.rendered) : [];
    const all = [...overlay.errors, ...configProblems];
    problems += all.length;
    process.stdout.write(`${overlay.path}: ${overlay.objects} objects, ${all.length === 0 ? 'all valid' : `${all.length} problem(s)`} (${overlay.ms} ms)\n`);
    for (const problem of all) process.stdout.write(`  - ${problem}\n`);
  }
  return problems > 0 || code !== 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
