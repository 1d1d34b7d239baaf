import { createServer, type Server, type Socket, connect } from 'node:net';
import { getFreePort } from '../infra/free-port.util';

/** A TCP proxy in front of a server that delays every chunk each way: a slow store, for backpressure tests. */
export interface LatencyProxy {
  readonly port: number;
  /** Delay per chunk, each direction; 0 passes bytes straight through. */
  setLatency(ms: number): void;
  close(): Promise<void>;
}

export async function startLatencyProxy(targetPort: number, host = '127.0.0.1'): Promise<LatencyProxy> {
  let latencyMs = 0;
  const sockets = new Set<Socket>();
  // Chunks keep their order: each waits the same delay behind the previous one of its direction.
  const pipeDelayed = (from: Socket, to: Socket) => {
    let last = 0;
    from.on('data', (chunk) => {
      if (latencyMs === 0 && last <= Date.now()) return void to.write(chunk);
      const due = Math.max(Date.now() + latencyMs, last);
      last = due;
      setTimeout(() => to.writable && to.write(chunk), due - Date.now());
    });
    from.on('end', () => setTimeout(() => to.end(), Math.max(0, last - Date.now())));
  };
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    pipeDelayed(client, upstream);
    pipeDelayed(upstream, client);
  });
  const port = await getFreePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
