// cache: true with @actions/cache for real, against a local stand-in of the cache service (v1
// protocol): save after a run, restore in the next job, and never fail the step over the cache.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ActionResult, runAction } from '../../../packages/testkit/src/harness.ts';
import { repoRoot } from '../../../packages/testkit/src/node24.ts';
import { type CacheServer, startCacheServer } from './cache-server.ts';
import { freshClone, type Published, publishExample, run } from './project.ts';

const repro = join(repoRoot, 'actions', 'dvc-repro');
const json = (text: string | undefined) => JSON.parse(text ?? 'null') as unknown;

let published: Published;
let server: CacheServer;

beforeAll(async () => {
  published = await publishExample('local');
  server = await startCacheServer();
}, 300_000);
afterAll(() => server?.stop());

describe('cache: true', () => {
  let first: ActionResult;
  let next: ActionResult;

  beforeAll(async () => {
    const env = { ...published.actionEnv, ...server.env };
    const workspace = await freshClone(published);
    first = await runAction({ action: repro, workspace, inputs: { cache: 'true' }, env });
    await run(workspace, 'git', ['add', '--all'], published.env);
    await run(workspace, 'git', ['commit', '--quiet', '-m', 'Train'], published.env);
    await run(workspace, 'git', ['push', '--quiet', 'origin', 'HEAD:main'], published.env);
    // The next job has the cache, but the DVC remote is gone: whatever it needs must come from the cache.
    await rm(published.dvcRemoteDir!, { recursive: true, force: true });
    next = await runAction({
      action: repro,
      workspace: await freshClone(published, 'next'),
      inputs: { cache: 'true' },
      env,
    });
  }, 600_000);

  test('the first job misses, runs, and saves the cache under the new dvc.lock', () => {
    expect(first.exitCode).toBe(0);
    expect(json(first.outputs['stages-run'])).toEqual(['train', 'evaluate']);
    expect(first.summary).toContain('Cache: miss, saved.');
    expect(server.keys()).toHaveLength(1);
    expect(server.keys()[0]).toMatch(/^dvc-cache-v1-Linux-root-[0-9a-f]{32}$/);
  });

  test('the next job restores it by the exact key and runs no stage, without the remote', () => {
    expect(next.exitCode).toBe(0);
    expect(next.log).toContain(`DVC cache: restored ${server.keys()[0]}`);
    expect(json(next.outputs['stages-run'])).toEqual([]);
    expect(json(next.outputs['stages-skipped'])).toEqual(['prepare', 'train', 'evaluate']);
    expect(next.summary).toContain('Cache: restored (exact key), unchanged.');
  });

  test('a job that changed nothing saves nothing new', () => {
    expect(server.keys()).toHaveLength(1);
  });
});

describe('a cache that cannot be reached', () => {
  test('without a cache service, the step warns and runs', async () => {
    const workspace = await freshClone(published, 'no-service');
    const result = await runAction({
      action: repro,
      workspace,
      inputs: { cache: 'true', pull: 'false', targets: 'prepare' },
      env: published.actionEnv,
    });
    expect(result.exitCode).toBe(0);
    expect(result.annotations).toContainEqual({
      level: 'warning',
      message:
        'cache: true, but the cache service is not available here (ACTIONS_CACHE_URL is not set): the DVC cache is neither restored nor saved',
    });
    expect(result.summary).toContain('Cache: unavailable on this runner.');
  });

  test('a cache service that fails is a warning, never a failure', async () => {
    server.failWith(500);
    try {
      const workspace = await freshClone(published, 'broken-service');
      const result = await runAction({
        action: repro,
        workspace,
        inputs: { cache: 'true', pull: 'false', targets: 'prepare' },
        env: { ...published.actionEnv, ...server.env },
      });
      expect(result.exitCode).toBe(0);
      expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
      expect(result.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual(
        [
          'Failed to restore: getCacheEntry failed: Cache service responded with 500',
          'Failed to save: reserveCache failed: Cache service responded with 500',
        ],
      );
      expect(result.summary).toContain('Cache: miss, not saved.');
    } finally {
      server.failWith(undefined);
    }
  });
});
