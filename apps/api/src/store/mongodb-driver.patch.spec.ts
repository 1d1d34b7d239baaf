import { Duplex } from 'node:stream';

// The driver's internals, as patches/mongodb+7.8.0.patch changes them (no public types for these paths).
interface DriverConnection {
  command(ns: unknown, cmd: object, options: object): Promise<unknown>;
}
const { Connection } = require('mongodb/lib/cmap/connection') as { Connection: new (stream: Duplex, options: object) => DriverConnection };
const { HostAddress, ns } = require('mongodb/lib/utils') as { HostAddress: { fromString(s: string): unknown }; ns: (s: string) => unknown };

// A socket whose writes never complete (a full buffer that never drains), as when the peer has just closed it.
function stuckSocket(): Duplex {
  const never = () => undefined; // neither write callback nor data ever comes
  const socket = new Duplex({ write: never, read: never, writableHighWaterMark: 1 });
  return Object.assign(socket, { setTimeout: () => socket, setKeepAlive: () => socket, setNoDelay: () => socket });
}

describe('mongodb driver patch: a write waiting for drain ends when the connection closes', () => {
  // Without the patch the command below never settles: seen as an api that never reconnected after a store
  // restart, because the monitor's heartbeat was the command stuck this way and the monitor never checked again.
  it('rejects the pending command with the connection error once the socket closes', async () => {
    const socket = stuckSocket();
    const connection = new Connection(socket, { id: 1, generation: 0, hostAddress: HostAddress.fromString('127.0.0.1:1') });
    const pending = connection.command(ns('admin.$cmd'), { ping: 1 }, {});
    setTimeout(() => socket.destroy(), 20);
    await expect(pending).rejects.toThrow(/connection 1 to .* closed/);
  }, 5_000);
});
