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
