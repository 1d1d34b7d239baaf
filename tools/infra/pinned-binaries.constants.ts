/**
 * The server binaries the tests and `npm start` run. Versions are pinned here, in the Go modules under
 * tools/infra/go/<name> (go.mod + go.sum) and, for nats, in docker-compose.yml: keep them in step.
 */
export interface BinarySpec {
  /** Executable name in .cache/bin and on PATH. */
  readonly name: string;
  readonly version: string;
  /** Go module folder, relative to the repo root, whose `tool` directive pins the build. */
  readonly goModuleDir: string;
  /** Package path of the tool's main package. */
  readonly toolPackage: string;
  /**
   * FerretDB panics at start unless build/version/version.txt exists in its source, which module
   * downloads lack; for such tools the build copies the module source and writes that file.
   */
  readonly versionFile?: { readonly module: string; readonly path: string };
  /**
   * Exact edits to that copied source before the build, each fixing a known upstream bug. A patched build says
   * so in its version (`v1.24.2-<suffix>`), so an unpatched binary in .cache/bin or on PATH is not taken for it.
   */
  readonly sourcePatches?: { readonly suffix: string; readonly edits: readonly SourceEdit[] };
  /** Rough cold build time, for the progress line. */
  readonly coldBuildHint: string;
}

/** Replace `find` (which must occur exactly once in `file`) with `replace`. */
export interface SourceEdit {
  readonly file: string;
  readonly find: string;
  readonly replace: string;
  /** The upstream bug it fixes, for the next person who bumps the version. */
  readonly why: string;
}

export const NATS_SERVER: BinarySpec = {
  name: 'nats-server',
  version: '2.15.2',
  goModuleDir: 'tools/infra/go/nats-server',
  toolPackage: 'github.com/nats-io/nats-server/v2',
  coldBuildHint: '~1 min',
};

export const FERRETDB: BinarySpec = {
  name: 'ferretdb',
  version: '1.24.2',
  goModuleDir: 'tools/infra/go/ferretdb',
  toolPackage: 'github.com/FerretDB/FerretDB/cmd/ferretdb',
  versionFile: { module: 'github.com/FerretDB/FerretDB', path: 'build/version/version.txt' },
  sourcePatches: {
    suffix: 'baoxun.1',
    edits: [
      {
        file: 'internal/backends/sqlite/metadata/metadata.go',
        find: `IDColumn = DefaultColumn + "->'$._id'"`,
        replace: `IDColumn = DefaultColumn + "->'_id'"`,
        why:
          "FerretDB v1's SQLite backend builds the unique _id index on json->'_id' but looks _id up by json->'$._id', " +
          'an expression SQLite cannot match to that index, so every find, update and delete by _id scans and parses ' +
          'the whole table (upstream FerretDB#4646 for the same bug on PostgreSQL; v1 gets no more fixes). The two ' +
          'expressions return the same value; with the index expression a lookup by _id is an index search.',
      },
    ],
  },
  coldBuildHint: '~1 min',
};

/** The version a build of spec reports: its release, plus the patch suffix if its source is patched. */
export const builtVersion = (spec: BinarySpec): string => (spec.sourcePatches ? `${spec.version}-${spec.sourcePatches.suffix}` : spec.version);

/** Applies the edits to the source in `srcDir`; throws if a `find` is not there exactly once (the source moved on). */
export function applySourceEdits(
  edits: readonly SourceEdit[],
  read: (file: string) => string,
  write: (file: string, text: string) => void,
): void {
  for (const edit of edits) {
    const text = read(edit.file);
    const at = text.indexOf(edit.find);
    if (at < 0 || text.indexOf(edit.find, at + 1) >= 0) {
      throw new Error(`source patch does not apply: ${JSON.stringify(edit.find)} is not in ${edit.file} exactly once (fixes: ${edit.why})`);
    }
    write(edit.file, text.slice(0, at) + edit.replace + text.slice(at + edit.find.length));
  }
}

/** First x.y.z[-suffix] in a `--version` output: "nats-server: v2.15.2", "version: v1.24.2-baoxun.1". */
export function parseVersion(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)(?![0-9A-Za-z.-])/.exec(output)?.[1];
}
