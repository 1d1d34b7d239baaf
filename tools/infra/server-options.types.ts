import type { LogFn } from './infra.types';

export interface StartServerOptions {
  log?: LogFn;
  /** Repo root (for .cache/bin); found from this file when absent. */
  root?: string;
  /** How long the server may take to answer. Default 30 s. */
  readyTimeoutMs?: number;
  /** A port to listen on when it is free (npm start: the standard ports); default a free port the OS picks. */
  preferredPort?: number;
}

export const DEFAULT_READY_TIMEOUT_MS = 30_000;
export const START_ATTEMPTS = 3;
