import { createServer } from 'node:net';

/** True when nothing listens on the port (on any interface), so a server of ours can take it. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/**
 * The preferred port when it is free (npm start's standard ports: a README command works as printed), else one
 * the OS picks, with a line saying so. Without a preference, always the OS's pick (tests keep private ports).
 */
export async function preferredOrFreePort(preferred: number | undefined, what: string, log: (line: string) => void): Promise<number> {
  if (preferred === undefined) return getFreePort();
  if (await isPortFree(preferred)) return preferred;
  const port = await getFreePort();
  log(`port ${preferred} (the usual one for ${what}) is taken; using ${port} instead`);
  return port;
}

/** Asks the OS for a port that is free right now on 127.0.0.1. */
export function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('the OS gave no port'))));
    });
  });
}
