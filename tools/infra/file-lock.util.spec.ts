import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLockStale, isPidAlive, withFileLock } from './file-lock.util';

describe('isLockStale', () => {
  const alive = () => true;
  const dead = () => false;

  it('trusts a fresh lock held by a live process', () => {
    expect(isLockStale('123', 1_000, 60_000, alive)).toBe(false);
  });

  it('takes over a lock whose process is gone, or that is too old', () => {
    expect(isLockStale('123', 1_000, 60_000, dead)).toBe(true);
    expect(isLockStale('123', 61_000, 60_000, alive)).toBe(true);
  });

  it('gives an empty lock a moment to get its pid written', () => {
    expect(isLockStale('', 100, 60_000, dead)).toBe(false);
    expect(isLockStale('', 6_000, 60_000, dead)).toBe(true);
  });
});

describe('withFileLock', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lock-spec-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs holders one after the other and removes the lock', async () => {
    const lock = join(dir, 'sub', 'x.lock');
    const events: string[] = [];
    const holder = (id: string) =>
      withFileLock(
        lock,
        async () => {
          events.push(`${id}+`);
          await new Promise((r) => setTimeout(r, 50));
          events.push(`${id}-`);
          return id;
        },
        { label: 'x', pollMs: 10 },
      );
    await expect(Promise.all([holder('a'), holder('b')])).resolves.toEqual(['a', 'b']);
    expect(events).toEqual(['a+', 'a-', 'b+', 'b-']);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a dead process', async () => {
    const lock = join(dir, 'x.lock');
    writeFileSync(lock, '2147483646');
    expect(isPidAlive(2147483646)).toBe(false);
    await expect(withFileLock(lock, async () => 'ok', { label: 'x', pollMs: 10 })).resolves.toBe('ok');
  });

  it('releases the lock when fn throws', async () => {
    const lock = join(dir, 'x.lock');
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')), { label: 'x' })).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });
});
