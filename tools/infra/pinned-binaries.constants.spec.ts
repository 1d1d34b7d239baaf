import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { applySourceEdits, builtVersion, FERRETDB, NATS_SERVER, parseVersion } from './pinned-binaries.constants';
import { findRepoRoot } from './repo-root.util';

const root = findRepoRoot(__dirname);

describe('parseVersion', () => {
  it('reads the versions the pinned binaries print', () => {
    expect(parseVersion('nats-server: v2.15.2\n')).toBe('2.15.2');
    expect(parseVersion('version: v1.24.2\ncommit: unknown\nbranch: unknown\n')).toBe('1.24.2');
    expect(parseVersion('version: v1.24.2-baoxun.1\ncommit: unknown\n')).toBe('1.24.2-baoxun.1');
    expect(parseVersion('panic: Invalid build/version/version.txt')).toBeUndefined();
  });

  it('tells a patched build from the release it patches', () => {
    expect(builtVersion(FERRETDB)).toBe(`${FERRETDB.version}-${FERRETDB.sourcePatches?.suffix}`);
    expect(builtVersion(NATS_SERVER)).toBe(NATS_SERVER.version);
  });
});

describe('applySourceEdits', () => {
  const edit = { file: 'a.go', find: 'x = 1', replace: 'x = 2', why: 'test' };

  it('replaces the one occurrence', () => {
    const files: Record<string, string> = { 'a.go': 'package a\nvar x = 1\n' };
    applySourceEdits([edit], (f) => files[f], (f, text) => (files[f] = text));
    expect(files['a.go']).toBe('package a\nvar x = 2\n');
  });

  it('refuses when the text is missing or ambiguous, so a version bump cannot silently drop a fix', () => {
    const write = jest.fn();
    expect(() => applySourceEdits([edit], () => 'var y = 1', write)).toThrow(/does not apply.*a\.go/);
    expect(() => applySourceEdits([edit], () => 'x = 1; x = 1', write)).toThrow(/exactly once/);
    expect(write).not.toHaveBeenCalled();
  });
});

describe('pins agree', () => {
  it.each([NATS_SERVER, FERRETDB])('$name: go.mod pins the same version and declares the tool', (spec) => {
    const goMod = readFileSync(join(root, spec.goModuleDir, 'go.mod'), 'utf8');
    expect(goMod).toContain(`tool ${spec.toolPackage}\n`);
    const module = spec.versionFile?.module ?? spec.toolPackage;
    expect(goMod).toContain(`${module} v${spec.version}`);
    expect(readFileSync(join(root, spec.goModuleDir, 'go.sum'), 'utf8')).toContain(`${module} v${spec.version} h1:`);
  });

  it('docker-compose runs the nats-server version the tests run', () => {
    const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain(`image: nats:${NATS_SERVER.version}-alpine`);
  });
});

describe('FerretDB source patches', () => {
  const patches = FERRETDB.sourcePatches;

  it('name an upstream bug or limit for every edit and file, and the files exist', () => {
    expect(patches?.edits.length).toBeGreaterThan(0);
    for (const change of [...(patches?.edits ?? []), ...(patches?.files ?? [])]) expect(change.why.length).toBeGreaterThan(20);
    for (const file of patches?.files ?? []) expect(existsSync(join(root, file.from))).toBe(true);
  });

  // Where the module source is in the Go module cache (after any build), the edits must apply to it exactly.
  const moduleDir = (() => {
    try {
      const cache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
      const dir = join(cache, 'github.com', '!ferret!d!b', `!ferret!d!b@v${FERRETDB.version}`);
      return existsSync(dir) ? dir : undefined;
    } catch {
      return undefined;
    }
  })();
  (moduleDir ? it : it.skip)('apply exactly once each to the pinned FerretDB source', () => {
    const files: Record<string, string> = {};
    const read = (file: string) => (files[file] ??= readFileSync(join(moduleDir as string, file), 'utf8'));
    expect(() => applySourceEdits(patches?.edits ?? [], read, (file, text) => (files[file] = text))).not.toThrow();
    for (const file of patches?.files ?? []) expect(existsSync(join(moduleDir as string, file.to))).toBe(false);
  });
});
