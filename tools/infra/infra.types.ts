/** A line of progress or diagnostics; the default writes to stderr so nobody stares at silence. */
export type LogFn = (line: string) => void;

/** A server process this module started and owns. */
export interface ManagedServer {
  readonly name: string;
  /** Client URL (nats://… or mongodb://…/db). Stays the same across stop()/start(). */
  readonly url: string;
  readonly port: number;
  /** Data directory (JetStream store, PostgreSQL cluster); survives stop()/start(), removed by dispose() unless persistent. */
  readonly dataDir: string;
  readonly running: boolean;
  /** OS pid of the current process (e.g. to SIGSTOP it and simulate a hang); undefined before start. */
  readonly pid: number | undefined;
  /** SIGTERM, then SIGKILL after a grace period. Keeps the data directory. */
  stop(): Promise<void>;
  /** Starts again on the same port with the same data, and waits until it answers. */
  start(): Promise<void>;
  /** Simulated crash: SIGKILL now, no graceful shutdown. start() brings it back. */
  kill9(): void;
  /** Last lines the server logged (for error messages). */
  logTail(): string;
  /** stop() and remove the temporary directories. */
  dispose(): Promise<void>;
}

export interface ManagedNatsServer extends ManagedServer {
  /** HTTP monitoring endpoint, e.g. http://127.0.0.1:PORT (/healthz, /jsz). */
  readonly monitorUrl: string;
}

export interface Infra {
  readonly natsUrl: string;
  readonly mongoUrl: string;
  /** Present when this process started nats-server (NATS_URL was not set). */
  readonly nats?: ManagedNatsServer;
  /** Present when this process started FerretDB and its PostgreSQL (MONGO_URL was not set). */
  readonly store?: ManagedServer;
  /** Stops what was started here and removes its temporary data. Idempotent. */
  stop(): Promise<void>;
}

export interface InfraOptions {
  log?: LogFn;
  /** Where NATS_URL / MONGO_URL (and NATS_USER / NATS_PASSWORD) are read; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Database name appended to the started FerretDB's URL. Default "baoxun". */
  database?: string;
  /**
   * Keep the store in this folder across runs (npm start: .cache/store) instead of a temporary one. Ignored
   * when MONGO_URL is set.
   */
  persistentStore?: string;
  /** How long each server may take to answer. Default 30 s. */
  readyTimeoutMs?: number;
  /**
   * Ports to take when free (npm start: NATS 4222, the store 27017, so the README's `nats` and `mongosh` commands
   * work as printed); a taken one is replaced by a free port with a line saying so. Default: free ports (tests).
   */
  preferredPorts?: { nats?: number; store?: number };
}
