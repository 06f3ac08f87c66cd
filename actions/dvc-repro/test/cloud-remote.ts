// The S3 scenario of repro.itg.test.ts for any cloud remote behind an emulator on 127.0.0.1
// (Google Cloud Storage on fake-gcs-server, Azure Blob Storage on Azurite): a fresh clone pulls
// and runs, push uploads, another clone and a re-run run nothing, and a missing object and a wrong
// credential each fail with one message that says what to do.
import { join } from 'node:path';
import { createExampleRepo, exampleProjectEnv } from '@mlops-actions/testkit/example-project';
import { type ActionResult, runAction } from '@mlops-actions/testkit/harness';
import { repoRoot } from '@mlops-actions/testkit/node24';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshClone, type Published, run, venvBin } from './project.ts';

const repro = join(repoRoot, 'actions', 'dvc-repro');
const push = join(repoRoot, 'actions', 'dvc-push');
const json = (text: string | undefined) => JSON.parse(text ?? 'null') as unknown;

/** A DVC remote in an emulator: its URL, the step env a workflow gives, the config it commits. */
export interface CloudRemote {
  url: string;
  /** What the workflow's step env holds (credentials, endpoint). */
  env: Record<string, string>;
  /** `dvc remote modify storage KEY VALUE` settings committed to .dvc/config. */
  config?: Record<string, string>;
}

/** An emulator serving one remote, and what the scenario asks of it. */
export interface CloudFixture {
  remote: CloudRemote;
  /** How many objects the remote holds under the DVC prefix. */
  objects(): Promise<string[]>;
  /** Removes one object from the remote. */
  deleteObject(name: string): Promise<void>;
  /** Step env with a credential the storage rejects (variables set to undefined are removed). */
  wrongCredentialEnv: Record<string, string | undefined>;
  /** The one error line a rejected credential gives. */
  credentialError: RegExp;
  /** A secret that must never reach a log or a summary. */
  secret: string;
  stop(): Promise<void>;
}

/**
 * publishToRemote makes the example repository with its default remote pointed at `remote`, runs
 * only the first stage, pushes that data and commits dvc.lock to origin: a fresh clone then holds
 * code and lock, and its data lives only in the remote.
 */
export async function publishToRemote(remote: CloudRemote): Promise<Published> {
  const bin = venvBin();
  const repo = await createExampleRepo({ venvBin: bin });
  const env: NodeJS.ProcessEnv = { ...exampleProjectEnv(bin), ...remote.env };
  const dvc = (...args: string[]) => run(repo.workDir, join(bin, 'dvc'), args, env);
  const git = (...args: string[]) => run(repo.workDir, 'git', args, env);
  await dvc('remote', 'modify', 'storage', 'url', remote.url);
  for (const [key, value] of Object.entries(remote.config ?? {})) {
    await dvc('remote', 'modify', 'storage', key, value);
  }
  await dvc('repro', 'prepare');
  await dvc('push');
  await git('add', '--all');
  await git('commit', '--quiet', '-m', 'Prepare the data');
  await git('push', '--quiet', 'origin', 'main');
  const actionEnv: Record<string, string> = {
    PATH: env['PATH'] ?? '',
    DVC_NO_ANALYTICS: '1',
    BENTOML_DO_NOT_TRACK: 'true',
    ...remote.env,
  };
  return { workDir: repo.workDir, originDir: repo.originDir, env, actionEnv };
}

/** failure is the message of the one error annotation a failed step leaves. */
function failure(result: ActionResult): string {
  expect(result.exitCode).toBe(1);
  const errors = result.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  return errors[0]!.message;
}

/** describeCloudRemote defines the scenario's tests for the remote `start` serves. */
export function describeCloudRemote(name: string, start: () => Promise<CloudFixture>): void {
  describe(`a fresh clone with ${name} as its remote`, () => {
    let fixture: CloudFixture;
    let published: Published;
    let first: ActionResult;
    let pushed: ActionResult;
    let before: string[];
    let after: string[];
    let otherClone: ActionResult;
    let second: ActionResult;

    beforeAll(async () => {
      fixture = await start();
      published = await publishToRemote(fixture.remote);
      const env = published.actionEnv;
      const workspace = await freshClone(published);
      first = await runAction({ action: repro, workspace, env });
      before = await fixture.objects();
      pushed = await runAction({ action: push, workspace, env });
      after = await fixture.objects();
      await run(workspace, 'git', ['add', '--all'], published.env);
      await run(workspace, 'git', ['commit', '--quiet', '-m', 'Train'], published.env);
      await run(workspace, 'git', ['push', '--quiet', 'origin', 'HEAD:main'], published.env);
      otherClone = await runAction({
        action: repro,
        workspace: await freshClone(published, 'other'),
        env,
      });
      second = await runAction({ action: repro, workspace, env });
    }, 600_000);
    afterAll(() => fixture?.stop());

    test('the first run pulls the prepared data from the remote and runs train and evaluate', () => {
      expect(first.annotations.filter((a) => a.level === 'error')).toEqual([]);
      expect(first.exitCode).toBe(0);
      expect(json(first.outputs['stages-run'])).toEqual(['train', 'evaluate']);
      expect(json(first.outputs['stages-skipped'])).toEqual(['prepare']);
      expect(first.summary).toMatch(/\| prepare \| up to date, data pulled \|/);
    });

    test('push uploads the model and the run cache to the remote', () => {
      expect(pushed.annotations.filter((a) => a.level === 'error')).toEqual([]);
      expect(pushed.exitCode).toBe(0);
      expect(Number(pushed.outputs['pushed'])).toBeGreaterThan(0);
      expect(after.length - before.length).toBeGreaterThan(0);
      expect(after.filter((o) => !before.includes(o)).every((o) => o.startsWith('dvc/'))).toBe(
        true,
      );
      expect(pushed.summary).toContain(`(${fixture.remote.url}`);
    });

    test('another clone of the pushed result pulls everything and runs nothing', () => {
      expect(otherClone.exitCode).toBe(0);
      expect(json(otherClone.outputs['stages-run'])).toEqual([]);
      expect(json(otherClone.outputs['stages-skipped'])).toEqual(['prepare', 'train', 'evaluate']);
    });

    test('a second run on the same clone runs no stage', () => {
      expect(second.exitCode).toBe(0);
      expect(json(second.outputs['stages-run'])).toEqual([]);
      expect(second.summary).toContain('0 ran, 3 up to date');
    });

    test('no credential reaches the log or the summary', () => {
      for (const result of [first, pushed, otherClone, second]) {
        expect(result.logWithoutMasks).not.toContain(fixture.secret);
        expect(result.summary).not.toContain(fixture.secret);
      }
    });

    test('a credential the storage rejects is named with where credentials go', async () => {
      const result = await runAction({
        action: repro,
        workspace: await freshClone(published, 'wrong-credential'),
        env: { ...published.actionEnv, ...fixture.wrongCredentialEnv },
      });
      expect(failure(result)).toMatch(fixture.credentialError);
      expect(result.logWithoutMasks).not.toContain(fixture.secret);
    });

    test('data missing from the remote stops the step before the stage that made it runs again', async () => {
      // DVC's `repro --pull` says "Unable to pull data for stage" and runs the stage at once; the
      // step stops it there, names the stage and the remote, and runs nothing.
      const prepared = (await fixture.objects()).filter((o) => o.includes('/files/md5/'));
      for (const object of prepared) await fixture.deleteObject(object);
      const workspace = await freshClone(published, 'missing');
      const result = await runAction({ action: repro, workspace, env: published.actionEnv });
      expect(result.exitCode).toBe(1);
      expect(failure(result)).toMatch(
        /^dvc-repro failed: the DVC remote '[^']+' does not hold the outputs of stage 'prepare', which nothing else changed; .*stopped before it ran\. Push those outputs with 'dvc push'/,
      );
      expect(result.log).not.toMatch(/Running stage 'prepare'/);
    });

    test('with on-pull-failure: recompute, data missing from the remote is recomputed with a warning', async () => {
      const result = await runAction({
        action: repro,
        workspace: await freshClone(published, 'missing-recompute'),
        env: published.actionEnv,
        inputs: { 'on-pull-failure': 'recompute' },
      });
      expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(json(result.outputs['stages-run'])).toContain('prepare');
      expect(result.summary).toMatch(/\| prepare \| ran \|/);
      expect(
        result.annotations.filter((a) => a.level === 'warning').map((a) => a.message),
      ).toContainEqual(
        expect.stringMatching(
          /does not hold the outputs of stages? 'prepare'.*: recomputed \(on-pull-failure: recompute\)/,
        ),
      );
    });
  });
}
