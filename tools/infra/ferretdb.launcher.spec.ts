import { ferretDbArgs } from './ferretdb.launcher';

describe('ferretDbArgs', () => {
  it('runs a private, quiet instance on loopback in front of its own PostgreSQL', () => {
    expect(ferretDbArgs({ port: 27123, stateDir: '/tmp/f/state', backend: 'postgresql', postgresUrl: 'postgres://postgres@127.0.0.1:5499/postgres' })).toEqual([
      '--handler=postgresql',
      '--postgresql-url=postgres://postgres@127.0.0.1:5499/postgres',
      '--state-dir=/tmp/f/state',
      '--listen-addr=127.0.0.1:27123',
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ]);
  });

  it('can still run on SQLite (WAL, synchronous=NORMAL)', () => {
    expect(ferretDbArgs({ port: 27123, stateDir: '/tmp/f/state', backend: 'sqlite', sqliteDir: '/tmp/f/data' }).slice(0, 2)).toEqual([
      '--handler=sqlite',
      '--sqlite-url=file:/tmp/f/data/?_pragma=synchronous(normal)',
    ]);
  });
});
