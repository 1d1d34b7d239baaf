import type { LogFn } from './infra.types';

export const stderrLog: LogFn = (line) => {
  process.stderr.write(`[infra] ${line}\n`);
};

/** Hides the password of a URL before it goes into a log line or an error. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
