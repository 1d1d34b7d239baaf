import { readFileSync, statSync } from 'node:fs';

export interface WatchedFileOptions<T> {
  /** The operators' file; none means the built value only. */
  path?: string;
  /** How often to look at the file's modification time; 0 checks on every call (default 5000 ms). */
  reloadIntervalMs?: number;
  /** The value from the file's text ('' before any file was read). */
  build: (fileText: string) => T;
}

/**
 * A value built from an operators' file, re-read when the file changes (its modification time is checked at
 * most every reloadIntervalMs), so a change applies without a release. A missing or unreadable file keeps the
 * last good value (at first the value of an empty file).
 */
export class WatchedFileStore<T> {
  private current: T;
  private mtimeMs = -1;
  private checkedAt = 0;
  lastError: string | null = null;

  constructor(private readonly options: WatchedFileOptions<T>) {
    this.current = options.build('');
    this.refresh(true);
  }

  get(): T {
    this.refresh(false);
    return this.current;
  }

  /** Re-reads the file now if it changed (or always, with force). */
  refresh(force: boolean): void {
    const path = this.options.path;
    if (!path) return;
    const now = Date.now();
    if (!force && now - this.checkedAt < (this.options.reloadIntervalMs ?? 5000)) return;
    this.checkedAt = now;
    try {
      const mtime = statSync(path).mtimeMs;
      if (!force && mtime === this.mtimeMs) return;
      const text = readFileSync(path, 'utf8');
      this.current = this.options.build(text);
      this.mtimeMs = mtime;
      this.lastError = null;
    } catch (err) {
      this.lastError = (err as Error).message;
    }
  }
}

/** Lines of an operators' file without `#` comments and surrounding blanks; empty lines dropped. */
export function dictionaryLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line) out.push(line);
  }
  return out;
}
