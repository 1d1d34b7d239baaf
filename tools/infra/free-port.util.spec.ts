import { createServer } from 'node:net';
import { getFreePort, isPortFree, preferredOrFreePort } from './free-port.util';

describe('getFreePort', () => {
  it('gives a port that can be bound at once', async () => {
    const port = await getFreePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((r) => server.close(r));
  });
});

describe('preferredOrFreePort', () => {
  it('takes the preferred port when it is free', async () => {
    const port = await getFreePort();
    const log = jest.fn();
    await expect(preferredOrFreePort(port, 'NATS', log)).resolves.toBe(port);
    expect(log).not.toHaveBeenCalled();
  });

  it('picks another port, and says so, when the preferred one is taken', async () => {
    const server = createServer();
    const port = await getFreePort();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    const log = jest.fn();
    const chosen = await preferredOrFreePort(port, 'NATS', log);
    await new Promise((r) => server.close(r));
    expect(chosen).not.toBe(port);
    expect(log).toHaveBeenCalledWith(`port ${port} (the usual one for NATS) is taken; using ${chosen} instead`);
  });

  it('without a preference, leaves the choice to the OS (tests keep private ports)', async () => {
    await expect(isPortFree(await preferredOrFreePort(undefined, 'NATS', jest.fn()))).resolves.toBe(true);
  });
});
