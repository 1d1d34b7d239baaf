import { existsSync, mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFreePort } from './free-port.util';
import { ManagedServerProcess, isPortConflict } from './managed-server.service';

// A stand-in server: node listening on a port, optionally deaf to SIGTERM.
const FAKE_SERVER = `
const [port, mode] = process.argv.slice(1);
if (mode === 'deaf') process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
if (mode === 'crash') { console.error('fatal: bad flag'); process.exit(3); }
require('node:net').createServer((s) => s.end()).listen(Number(port), '127.0.0.1', () => console.log('listening on ' + port));
`;

function tcpProbe(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

async function logLine(server: ManagedServerProcess, line: string, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.logTail().includes(line) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

async function fakeServer(mode = '', stopGraceMs = 2_000) {
  const port = await getFreePort();
  const tmpDir = mkdtempSync(join(tmpdir(), 'managed-spec-'));
  const log = jest.fn();
  const server: ManagedServerProcess = new ManagedServerProcess({
    name: 'fake',
    bin: process.execPath,
    args: ['-e', FAKE_SERVER, String(port), mode],
    url: `tcp://127.0.0.1:${port}`,
    port,
    dataDir: tmpDir,
    tmpDir,
    probe: () => tcpProbe(port),
    readyTimeoutMs: 5_000,
    log,
    stopGraceMs,
  });
  created.push(server);
  return { server, port, tmpDir, log };
}

// A failed expectation must not leave a child holding jest open (a hung unit run once ate CI's 90 minutes).
const created: ManagedServerProcess[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((server) => server.dispose()));
});

describe('ManagedServerProcess', () => {
  it('starts, stops and starts again on the same port; dispose removes its folder', async () => {
    const { server, port, tmpDir } = await fakeServer();
    await server.start();
    expect(server.running).toBe(true);
    await server.stop();
    expect(server.running).toBe(false);
    await expect(tcpProbe(port)).rejects.toThrow();
    await server.start();
    await expect(tcpProbe(port)).resolves.toBeUndefined();
    // The port can answer before the child's stdout line has come through the pipe.
    await logLine(server, `listening on ${port}`);
    expect(server.logTail()).toContain(`listening on ${port}`);
    await server.dispose();
    expect(existsSync(tmpDir)).toBe(false);
  });

  it('comes back after kill9 without logging an unexpected exit', async () => {
    const { server, log } = await fakeServer();
    await server.start();
    const firstPid = server.pid;
    server.kill9();
    await server.start();
    expect(server.running).toBe(true);
    expect(server.pid).not.toBe(firstPid);
    expect(log).not.toHaveBeenCalled();
    await server.dispose();
  });

  it('sends SIGKILL when SIGTERM is ignored', async () => {
    const { server, log } = await fakeServer('deaf', 300);
    await server.start();
    await server.stop();
    expect(server.running).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('sending SIGKILL'));
    await server.dispose();
  });

  it('reports a crash at start with the log tail', async () => {
    const { server } = await fakeServer('crash');
    await expect(server.start()).rejects.toThrow(/fake exited while starting \(exit code 3\)\nLast log lines:\nfatal: bad flag/);
    await server.dispose();
  });

  it('reports an unexpected exit after start', async () => {
    const { server, log } = await fakeServer();
    await server.start();
    process.kill(server.pid as number, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    expect(server.running).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('fake exited unexpectedly (signal SIGKILL)'));
    await server.dispose();
  });
});

describe('isPortConflict', () => {
  it('recognizes a lost port race', () => {
    expect(isPortConflict('listen tcp 127.0.0.1:4222: bind: address already in use')).toBe(true);
    expect(isPortConflict('invalid config')).toBe(false);
  });
});
