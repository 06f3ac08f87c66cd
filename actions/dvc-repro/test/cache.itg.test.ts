// cache: true with @actions/cache for real against a stand-in of the cache service v2 (Twirp),
// whose signed URLs point into a real Azurite container: the archive goes up and down through
// @actions/cache's own Azure Storage client. Save after a run, restore in the next job, and never
// fail the step over the cache.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Azurite, startAzurite } from '@mlops-actions/testkit/azurite';
import { type ActionResult, runAction } from '@mlops-actions/testkit/harness';
import { repoRoot } from '@mlops-actions/testkit/node24';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CacheServer, startCacheServer } from './cache-server.ts';
import { freshClone, type Published, publishExample, run } from './project.ts';

const repro = join(repoRoot, 'actions', 'dvc-repro');
const json = (text: string | undefined) => JSON.parse(text ?? 'null') as unknown;
const warnings = (r: ActionResult) =>
  r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
const errors = (r: ActionResult) => r.annotations.filter((a) => a.level === 'error');

let published: Published;
let azurite: Azurite;
let server: CacheServer;

beforeAll(async () => {
  published = await publishExample('local');
  azurite = await startAzurite();
  server = await startCacheServer(azurite);
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await azurite?.stop();
});

describe('cache: true with the cache service v2', () => {
  let first: ActionResult;
  let next: ActionResult;
  let remoteGone = false;

  beforeAll(async () => {
    const env = { ...published.actionEnv, ...server.env };
    const workspace = await freshClone(published);
    first = await runAction({ action: repro, workspace, inputs: { cache: 'true' }, env });
    await run(workspace, 'git', ['add', '--all'], published.env);
    await run(workspace, 'git', ['commit', '--quiet', '-m', 'Train'], published.env);
    await run(workspace, 'git', ['push', '--quiet', 'origin', 'HEAD:main'], published.env);
    // The next job has the cache, but the DVC remote is gone: whatever it needs must come from
    // the cache, and a pull from the remote would fail.
    await rm(published.dvcRemoteDir!, { recursive: true, force: true });
    remoteGone = true;
    next = await runAction({
      action: repro,
      workspace: await freshClone(published, 'next'),
      inputs: { cache: 'true' },
      env,
    });
  }, 600_000);

  test('the first job misses, runs, and saves the cache under the new dvc.lock', () => {
    expect(first.exitCode).toBe(0);
    expect(first.log).toMatch(
      /DVC cache: no entry for dvc-cache-v1-Linux-root-[0-9a-f]{32} or its restore keys/,
    );
    expect(json(first.outputs['stages-run'])).toEqual(['train', 'evaluate']);
    expect(first.summary).toContain('Cache: miss, saved.');
    expect(server.keys()).toHaveLength(1);
    expect(server.keys()[0]).toMatch(/^dvc-cache-v1-Linux-root-[0-9a-f]{32}$/);
  });

  test('the archive went through Azure Storage, and every service call was valid', () => {
    expect(server.calls('CreateCacheEntry')).toBeGreaterThanOrEqual(1);
    expect(server.calls('FinalizeCacheEntryUpload')).toBeGreaterThanOrEqual(1);
    expect(server.blobRequests()).toBeGreaterThan(0);
    expect(server.rejections()).toEqual([]);
  });

  test('the next job restores it by the exact key and runs no stage, without the remote', () => {
    expect(remoteGone).toBe(true);
    expect(next.exitCode).toBe(0);
    expect(next.log).toContain(`DVC cache: restored ${server.keys()[0]}`);
    expect(next.log).toContain('Cache restored successfully');
    expect(json(next.outputs['stages-run'])).toEqual([]);
    expect(json(next.outputs['stages-skipped'])).toEqual(['prepare', 'train', 'evaluate']);
    expect(next.summary).toContain('Cache: restored (exact key), unchanged.');
    expect(warnings(next)).toEqual([]);
  });

  test('a job that changed nothing saves nothing new', () => {
    expect(server.keys()).toHaveLength(1);
  });

  test('every signature of a signed URL is masked before it is printed', () => {
    for (const result of [first, next]) {
      // @actions/cache prints the service's answers under debug; the runner hides what it masks.
      // Workflow commands escape their data (% as %25): read them as the runner does.
      const log = result.logWithoutMasks
        .replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%');
      const sigs = [...log.matchAll(/[?&]sig=([^&"\s]+)/g)].map((m) => m[1]!);
      expect(sigs.length).toBeGreaterThan(0);
      for (const sig of sigs) expect(result.masked).toContain(sig);
      expect(result.logWithoutMasks).not.toContain(azurite.accountKey);
    }
  });
});

describe('a cache service that is missing or broken', () => {
  // Each job here runs only `prepare`, with nothing to pull, so it is quick.
  const quick = { cache: 'true', pull: 'false', targets: 'prepare' };

  test('without a cache service, the step warns and runs', async () => {
    const result = await runAction({
      action: repro,
      workspace: await freshClone(published, 'no-service'),
      inputs: quick,
      env: { ...published.actionEnv, ACTIONS_CACHE_SERVICE_V2: 'True' },
    });
    expect(result.exitCode).toBe(0);
    expect(warnings(result)).toEqual([
      'cache: true, but the cache service is not available here (ACTIONS_RESULTS_URL is not set): the DVC cache is neither restored nor saved',
    ]);
    expect(result.summary).toContain('Cache: unavailable on this runner.');
  });

  test('a cache service that answers 500 is a warning, never a failure', async () => {
    server.failWith(500);
    try {
      const result = await runAction({
        action: repro,
        workspace: await freshClone(published, 'broken-service'),
        inputs: quick,
        env: { ...published.actionEnv, ...server.env },
      });
      expect(result.exitCode).toBe(0);
      expect(errors(result)).toEqual([]);
      // @actions/cache warns about the restore; a save it cannot reserve is only logged.
      expect(warnings(result)).toEqual([
        expect.stringMatching(
          /^Failed to restore: Failed to GetCacheEntryDownloadURL: Failed to make request after 5 attempts: Failed request: \(500\) Internal Server Error: the cache service is broken \(test\)$/,
        ),
      ]);
      expect(result.log).toMatch(/Failed to save: Unable to reserve cache with key dvc-cache-v1-/);
      expect(result.summary).toContain('Cache: miss, not saved.');
    } finally {
      server.failWith(undefined);
    }
  }, 180_000);
});

describe('two jobs that save the same key', () => {
  test('one saves it, the other is told another job did, and both succeed', async () => {
    // A fresh project, so that both jobs miss: each restores, runs, then saves the same key. The
    // first upload is held before it finalizes until the second job has asked to create the
    // entry too, so the race happens every time.
    const project = await publishExample('local');
    const env = { ...project.actionEnv, ...server.env };
    const creates = server.calls('CreateCacheEntry');
    server.holdFinalize(() => server.calls('CreateCacheEntry') >= creates + 2, 120_000);
    const keysBefore = server.keys().length;
    const [a, b] = await Promise.all(
      ['job-a', 'job-b'].map(async (name) =>
        runAction({
          action: repro,
          workspace: await freshClone(project, name),
          inputs: { cache: 'true', targets: 'prepare' },
          env,
        }),
      ),
    );
    for (const result of [a!, b!]) {
      expect(result.exitCode).toBe(0);
      expect(errors(result)).toEqual([]);
    }
    // Both restore the entry of another dvc.lock by the restore-key prefix, then save their own.
    const saved = [a!, b!].filter((r) => /Cache: [^\n]*, saved\./.test(r.summary));
    const refused = [a!, b!].filter((r) => /Cache: [^\n]*, not saved\./.test(r.summary));
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.log).toMatch(
      /Failed to save: Unable to reserve cache with key dvc-cache-v1-Linux-root-[0-9a-f]{32}, another job may be creating this cache\./,
    );
    expect(server.keys().length).toBe(keysBefore + 1);
    expect(server.rejections()).toEqual([]);
  }, 600_000);
});

describe('a restore that fails halfway', () => {
  test('Azurite stopped after the service answered: a warning, then a normal run', async () => {
    const workspace = await freshClone(published, 'halfway');
    // The service still knows the entry and hands out its URL; the blob storage is gone.
    await azurite.stop();
    const result = await runAction({
      action: repro,
      workspace,
      inputs: { cache: 'true', pull: 'false', targets: 'prepare' },
      env: { ...published.actionEnv, ...server.env },
    });
    expect(result.exitCode).toBe(0);
    expect(errors(result)).toEqual([]);
    expect(result.log).toContain('Cache hit for:');
    expect(warnings(result).filter((m) => m.startsWith('Failed to restore:'))).toHaveLength(1);
    expect(result.summary).toContain('Cache: miss');
    expect(json(result.outputs['stages-run'])).toEqual(expect.any(Array));
  }, 300_000);
});
