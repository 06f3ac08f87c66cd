import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { dvcCacheKeys } from '../../src/dvc/index.ts';

const lock = "schema: '2.0'\nstages:\n  train:\n    cmd: python train.py\n";
const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

describe('dvcCacheKeys', () => {
  test('keys the cache on the system, the project folder and the hash of dvc.lock', () => {
    expect(dvcCacheKeys({ os: 'Linux', workingDirectory: '.', lockText: lock })).toEqual({
      key: `dvc-cache-v1-Linux-root-${sha(lock)}`,
      restoreKeys: ['dvc-cache-v1-Linux-root-'],
    });
  });

  test('the same dvc.lock gives the same key, a changed one a new key under the same restore key', () => {
    const a = dvcCacheKeys({ os: 'Linux', workingDirectory: '.', lockText: lock });
    const b = dvcCacheKeys({ os: 'Linux', workingDirectory: '.', lockText: lock });
    const c = dvcCacheKeys({
      os: 'Linux',
      workingDirectory: '.',
      lockText: lock.replace('train.py', 'train2.py'),
    });
    expect(b.key).toBe(a.key);
    expect(c.key).not.toBe(a.key);
    expect(c.restoreKeys).toEqual(a.restoreKeys);
    expect(c.key.startsWith(c.restoreKeys[0]!)).toBe(true);
  });

  test('CRLF line endings do not change the key', () => {
    const unix = dvcCacheKeys({ os: 'Linux', workingDirectory: '.', lockText: lock });
    const windows = dvcCacheKeys({
      os: 'Linux',
      workingDirectory: '.',
      lockText: lock.replace(/\n/g, '\r\n'),
    });
    expect(windows.key).toBe(unix.key);
  });

  test('a project without dvc.lock still gets a key', () => {
    expect(dvcCacheKeys({ os: 'macOS', workingDirectory: '.', lockText: undefined }).key).toBe(
      'dvc-cache-v1-macOS-root-no-lock',
    );
  });

  test.each([
    ['.', '', 'root'],
    ['./', '.', 'root'],
    ['ml', './ml/', 'ml.'],
  ])('folders %j and %j share a cache', (a, b, slug) => {
    const ka = dvcCacheKeys({ os: 'Linux', workingDirectory: a, lockText: lock });
    const kb = dvcCacheKeys({ os: 'Linux', workingDirectory: b, lockText: lock });
    expect(ka.key).toBe(kb.key);
    expect(ka.restoreKeys[0]).toContain(`-Linux-${slug}`);
  });

  test('two projects in one repository, even with look-alike names, have separate caches', () => {
    const keys = ['a/b', 'a_b', 'a b', 'root'].map(
      (dir) => dvcCacheKeys({ os: 'Linux', workingDirectory: dir, lockText: lock }).restoreKeys[0]!,
    );
    expect(new Set(keys).size).toBe(4);
    for (const key of keys) {
      for (const other of keys) if (key !== other) expect(other.startsWith(key)).toBe(false);
    }
  });

  test('keys hold no comma and stay short however deep the folder is', () => {
    const deep = `${'very,long folder/'.repeat(40)}project`;
    const { key, restoreKeys } = dvcCacheKeys({
      os: 'Linux',
      workingDirectory: deep,
      lockText: lock,
    });
    for (const k of [key, ...restoreKeys]) {
      expect(k).not.toContain(',');
      expect(k.length).toBeLessThan(200);
    }
  });

  test('bumping the version drops the old caches', () => {
    const v1 = dvcCacheKeys({ os: 'Linux', workingDirectory: '.', lockText: lock });
    const v2 = dvcCacheKeys({ os: 'Linux', workingDirectory: '.', lockText: lock, version: 'v2' });
    expect(v2.key.startsWith(v1.restoreKeys[0]!)).toBe(false);
  });
});
