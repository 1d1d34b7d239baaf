#!/usr/bin/env node
// First step of every npm script that runs code: installs dependencies when they are missing or older than the
// lockfile, and compiles the TypeScript (swc, ~1 s) when a source is newer than the last build.
// Plain Node with no dependencies, because it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const force = args.includes('--force');
const say = (line) => quiet || process.stderr.write(`[baoxun] ${line}\n`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, commandArgs, what) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`[baoxun] ${what} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function ensureDependencies() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!force && existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs) return;
  say('installing npm dependencies from package-lock.json (first run only, about a minute)…');
  // `npm ci` fails here: the lockfile lacks other platforms' optional packages. `npm install` honours the lockfile.
  run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], 'npm install');
}

function ensureBuilt() {
  const stamp = join(root, 'dist', '.build-stamp');
  const sources = ['apps', 'libs', 'tools', 'bench', '.swcrc', 'tsconfig.base.json'].map((path) => newestMtime(join(root, path)));
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...sources)) return;
  say('compiling TypeScript with swc…');
  const dirs = ['apps', 'libs', 'tools', 'bench'].filter((dir) => existsSync(join(root, dir)));
  run(join(root, 'node_modules', '.bin', 'swc'), [...dirs, '-d', 'dist', '--quiet', '--config-file', '.swcrc'], 'swc build');
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}

const step = args.find((arg) => !arg.startsWith('--')) ?? 'build';
ensureDependencies();
if (step === 'build') ensureBuilt();
