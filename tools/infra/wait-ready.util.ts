import { redactUrl } from './log.util';

export interface WaitReadyOptions {
  name: string;
  url: string;
  /** Resolves once the server really answers; throws otherwise. */
  probe: () => Promise<void>;
  timeoutMs: number;
  /** Describes how the process ended, or undefined while it runs. Absent for external servers. */
  exitReason?: () => string | undefined;
  logTail?: () => string;
  intervalMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function tailSection(logTail?: () => string): string {
  const tail = logTail?.().trim();
  return tail ? `\nLast log lines:\n${tail}` : '';
}

/** Polls probe until it succeeds, the process dies, or the deadline passes; errors name the server. */
export async function waitUntilReady(opts: WaitReadyOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastError = 'not tried';
  for (;;) {
    const exit = opts.exitReason?.();
    if (exit) throw new Error(`${opts.name} exited while starting (${exit})${tailSection(opts.logTail)}`);
    try {
      await withTimeout(opts.probe(), Math.min(5_000, Math.max(500, deadline - Date.now())));
      return;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `${opts.name} did not answer at ${redactUrl(opts.url)} within ${Math.round(opts.timeoutMs / 1000)}s ` +
          `(last error: ${lastError})${tailSection(opts.logTail)}`,
      );
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100));
  }
}
