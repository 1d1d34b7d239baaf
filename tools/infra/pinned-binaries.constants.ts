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
  /** Rough cold build time, for the progress line. */
  readonly coldBuildHint: string;
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
  coldBuildHint: '~1 min',
};

/** First x.y.z in a `--version` output: "nats-server: v2.15.2", "version: v1.24.2". */
export function parseVersion(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+)\b/.exec(output)?.[1];
}
