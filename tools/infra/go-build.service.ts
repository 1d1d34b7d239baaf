import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogFn } from './infra.types';
import { applySourceEdits, type BinarySpec, builtVersion } from './pinned-binaries.constants';
import { lastLines, runCommand } from './run-command.util';
import { findOnPath } from './which.util';

export interface GoBuildContext {
  root: string;
  binDir: string;
  log: LogFn;
  env: NodeJS.ProcessEnv;
}

/** The go command: on PATH, or where the official tarball puts it. */
export function findGo(env: NodeJS.ProcessEnv): string | undefined {
  return findOnPath('go', env.PATH, ['/usr/local/go/bin', join(env.HOME ?? '/nonexistent', 'go', 'bin')]);
}

async function go(goBin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const result = await runCommand(goBin, args, { cwd, env });
  if (result.code !== 0) {
    throw new Error(`\`go ${args.join(' ')}\` failed in ${cwd} (exit ${result.code}):\n${lastLines(result.output, 30)}`);
  }
  return result.output;
}

function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(path);
    else chmodSync(path, 0o644);
  }
}

/**
 * Copies the pinned go.mod/go.sum into `stageDir`, and for a tool that needs a version file, copies that
 * module's verified source beside it, writes the file, applies the spec's source patches and points a
 * `replace` at the copy.
 * The dependency versions stay exactly those the committed go.mod/go.sum pin.
 */
async function stageModule(spec: BinarySpec, goBin: string, stageDir: string, ctx: GoBuildContext): Promise<string> {
  const committed = join(ctx.root, spec.goModuleDir);
  if (!spec.versionFile) return committed;
  const moduleDir = join(stageDir, 'module');
  mkdirSync(moduleDir, { recursive: true });
  cpSync(join(committed, 'go.mod'), join(moduleDir, 'go.mod'));
  cpSync(join(committed, 'go.sum'), join(moduleDir, 'go.sum'));
  const info = JSON.parse(await go(goBin, ['mod', 'download', '-json', spec.versionFile.module], moduleDir, ctx.env)) as { Dir?: string };
  if (!info.Dir) throw new Error(`go mod download gave no source folder for ${spec.versionFile.module}`);
  const srcDir = join(moduleDir, 'src');
  cpSync(info.Dir, srcDir, { recursive: true });
  makeWritable(srcDir); // the module cache is read-only
  writeFileSync(join(srcDir, spec.versionFile.path), `v${builtVersion(spec)}\n`);
  if (spec.sourcePatches) {
    for (const file of spec.sourcePatches.files ?? []) {
      const target = join(srcDir, file.to);
      if (existsSync(target)) throw new Error(`source patch file ${file.to} already exists in ${spec.versionFile.module} (fixes: ${file.why})`);
      cpSync(join(ctx.root, file.from), target);
    }
    applySourceEdits(
      spec.sourcePatches.edits,
      (file) => readFileSync(join(srcDir, file), 'utf8'),
      (file, text) => writeFileSync(join(srcDir, file), text),
    );
  }
  await go(goBin, ['mod', 'edit', `-replace=${spec.versionFile.module}=./src`], moduleDir, ctx.env);
  return moduleDir;
}

/** Builds spec into ctx.binDir with `go install` of the pinned tool. Call under the build lock. */
export async function buildWithGo(spec: BinarySpec, ctx: GoBuildContext): Promise<string> {
  const goBin = findGo(ctx.env);
  if (!goBin) {
    throw new Error(
      `${spec.name} v${spec.version} is missing and Go (1.24+) is not installed to build it. ` +
        `Install Go, put ${spec.name} v${spec.version} on PATH, or point NATS_URL / MONGO_URL at running servers.`,
    );
  }
  ctx.log(`building ${spec.name} v${spec.version} (first run only, ${spec.coldBuildHint})…`);
  const started = Date.now();
  const heartbeat = setInterval(
    () => ctx.log(`still building ${spec.name} v${spec.version}… ${Math.round((Date.now() - started) / 1000)}s`),
    20_000,
  );
  heartbeat.unref();
  mkdirSync(join(ctx.root, '.cache', 'build'), { recursive: true });
  const stageDir = mkdtempSync(join(ctx.root, '.cache', 'build', `${spec.name}-`));
  try {
    const moduleDir = await stageModule(spec, goBin, stageDir, ctx);
    const stageBin = join(stageDir, 'bin');
    // GOBIN in the stage, then rename: nobody ever sees a half-written binary in .cache/bin.
    await go(goBin, ['install', spec.toolPackage], moduleDir, { ...ctx.env, GOBIN: stageBin });
    mkdirSync(ctx.binDir, { recursive: true });
    const target = join(ctx.binDir, spec.name);
    renameSync(join(stageBin, spec.name), target);
    ctx.log(`built ${spec.name} v${spec.version} in ${Math.round((Date.now() - started) / 1000)}s → ${target}`);
    return target;
  } finally {
    clearInterval(heartbeat);
    rmSync(stageDir, { recursive: true, force: true });
  }
}
