import { waitUntilReady } from './wait-ready.util';

describe('waitUntilReady', () => {
  it('polls until the probe succeeds', async () => {
    let calls = 0;
    const probe = async () => {
      if (++calls < 3) throw new Error('ECONNREFUSED');
    };
    await waitUntilReady({ name: 's', url: 'x://h', probe, timeoutMs: 2_000, intervalMs: 5 });
    expect(calls).toBe(3);
  });

  it('names the server, the last error and the log tail on timeout', async () => {
    const probe = async () => Promise.reject(new Error('ECONNREFUSED'));
    await expect(
      waitUntilReady({ name: 'nats-server', url: 'nats://u:pw@h:1', probe, timeoutMs: 50, intervalMs: 5, logTail: () => 'fatal: x' }),
    ).rejects.toThrow(/^nats-server did not answer at nats:\/\/u:\*\*\*@h:1 within 0s \(last error: ECONNREFUSED\)\nLast log lines:\nfatal: x$/);
  });

  it('fails at once when the process has exited', async () => {
    const probe = jest.fn(async () => undefined);
    await expect(
      waitUntilReady({ name: 'ferretdb', url: 'm://h', probe, timeoutMs: 5_000, exitReason: () => 'exit code 1' }),
    ).rejects.toThrow('ferretdb exited while starting (exit code 1)');
    expect(probe).not.toHaveBeenCalled();
  });
});
