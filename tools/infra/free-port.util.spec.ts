import { createServer } from 'node:net';
import { getFreePort } from './free-port.util';

describe('getFreePort', () => {
  it('gives a port that can be bound at once', async () => {
    const port = await getFreePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((r) => server.close(r));
  });
});
