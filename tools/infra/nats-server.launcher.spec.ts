import { renderNatsConfig } from './nats-server.launcher';

describe('renderNatsConfig', () => {
  it('binds loopback, enables JetStream in the store and allows 8 MB messages', () => {
    const conf = renderNatsConfig({ port: 4333, monitorPort: 8333, storeDir: '/tmp/a "b"/store' });
    expect(conf).toContain('listen: "127.0.0.1:4333"');
    expect(conf).toContain('http: "127.0.0.1:8333"');
    expect(conf).toContain('max_payload: 8MB');
    expect(conf).toMatch(/jetstream \{\n {2}store_dir: "\/tmp\/a \\"b\\"\/store"\n\}/);
  });
});

describe('renderNatsConfig for a cluster node', () => {
  it('names the server, listens for routes and lists every peer', () => {
    const conf = renderNatsConfig({ port: 4333, monitorPort: 8333, storeDir: '/tmp/n1', serverName: 'baoxun-n1', cluster: { name: 'c', port: 6333, routes: ['nats-route://127.0.0.1:6333', 'nats-route://127.0.0.1:6334'] } });
    expect(conf).toContain('server_name: "baoxun-n1"');
    expect(conf).toMatch(/cluster \{\n {2}name: "c"\n {2}listen: "127\.0\.0\.1:6333"\n {2}routes: \["nats-route:\/\/127\.0\.0\.1:6333", "nats-route:\/\/127\.0\.0\.1:6334"\]\n\}/);
  });

  it('keeps the single server as it was', () => {
    const conf = renderNatsConfig({ port: 4333, monitorPort: 8333, storeDir: '/tmp/s' });
    expect(conf).toContain('server_name: "baoxun-test"');
    expect(conf).not.toContain('cluster');
  });
});
