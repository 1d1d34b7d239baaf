import { ferretDbArgs } from './ferretdb.launcher';

describe('ferretDbArgs', () => {
  it('runs a private, quiet SQLite instance on loopback', () => {
    expect(ferretDbArgs({ port: 27123, dataDir: '/tmp/f/data', stateDir: '/tmp/f/state' })).toEqual([
      '--handler=sqlite',
      '--sqlite-url=file:/tmp/f/data/?_pragma=synchronous(normal)',
      '--state-dir=/tmp/f/state',
      '--listen-addr=127.0.0.1:27123',
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ]);
  });
});
