// The scenario with the real DVC, the bundled actions and the example project: a fresh
// clone whose data lives only in the DVC remote (a local folder, then S3 served by moto).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ActionResult, runAction } from '@mlops-actions/testkit/harness';
import { type MotoS3, startMotoS3 } from '@mlops-actions/testkit/moto';
import { repoRoot } from '@mlops-actions/testkit/node24';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshClone, type Published, publishExample, run, setParam, venvBin } from './project.ts';

const repro = join(repoRoot, 'actions', 'dvc-repro');
const push = join(repoRoot, 'actions', 'dvc-push');

/** countFiles counts the files under a folder (a local DVC remote's objects). */
function countFiles(dir: string): number {
  let count = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    count += statSync(path).isDirectory() ? countFiles(path) : 1;
  }
  return count;
}

const json = (text: string | undefined) => JSON.parse(text ?? 'null') as unknown;

interface Scenario {
  published: Published;
  remoteObjects: () => Promise<number>;
  first: ActionResult;
  pushed: ActionResult;
  objectsBefore: number;
  objectsAfter: number;
  otherClone: ActionResult;
  second: ActionResult;
  afterParamChange: ActionResult;
}

let moto: MotoS3 | undefined;

afterAll(async () => {
  await moto?.stop();
});

describe.each(['local', 's3'] as const)('a fresh clone with a %s remote', (kind) => {
  const s = {} as Scenario;

  beforeAll(async () => {
    if (kind === 'local') {
      s.published = await publishExample('local');
      s.remoteObjects = async () => countFiles(s.published.dvcRemoteDir!);
    } else {
      moto ??= await startMotoS3();
      await moto.createBucket('ml-data');
      s.published = await publishExample({
        url: 's3://ml-data/dvc',
        endpointUrl: moto.endpointUrl,
        env: moto.env,
      });
      s.remoteObjects = async () => (await moto!.listKeys('ml-data', 'dvc/')).length;
    }
    const env = s.published.actionEnv;
    const workspace = await freshClone(s.published);
    s.first = await runAction({ action: repro, workspace, env });
    s.objectsBefore = await s.remoteObjects();
    s.pushed = await runAction({ action: push, workspace, env });
    s.objectsAfter = await s.remoteObjects();

    // Publish the result, then reproduce it elsewhere: everything comes from the remote.
    await run(workspace, 'git', ['add', '--all'], s.published.env);
    await run(workspace, 'git', ['commit', '--quiet', '-m', 'Train'], s.published.env);
    await run(workspace, 'git', ['push', '--quiet', 'origin', 'HEAD:main'], s.published.env);
    s.otherClone = await runAction({
      action: repro,
      workspace: await freshClone(s.published, 'other'),
      env,
    });

    s.second = await runAction({ action: repro, workspace, env });
    await setParam(workspace, 'epochs', '12');
    s.afterParamChange = await runAction({ action: repro, workspace, env });
  }, 600_000);

  test('the first run pulls the prepared data and runs train and evaluate', () => {
    expect(s.first.exitCode).toBe(0);
    expect(json(s.first.outputs['stages-run'])).toEqual(['train', 'evaluate']);
    expect(json(s.first.outputs['stages-skipped'])).toEqual(['prepare']);
    expect(s.first.outputs['lock-changed']).toBe('true');
  });

  test('the dvc on PATH is used when no dvc-version is asked', () => {
    expect(s.first.log).toContain(`[command]${join(venvBin(), 'dvc')} repro --pull\n`);
    expect(s.first.log).not.toContain('::group::Set up DVC');
    expect(s.first.outputs['dvc-version']).toBe('3.67.1');
  });

  test("DVC's output streams into a log group", () => {
    expect(s.first.log).toMatch(/::group::dvc repro --pull\n\[command\][^\n]*dvc repro --pull\n/);
    expect(s.first.log).toContain("Running stage 'train':");
    expect(s.first.log).toMatch(/train: 30 epochs, val_loss=/);
  });

  test('the summary shows each stage with its time, and what was pulled', () => {
    expect(s.first.summary).toContain('### DVC repro: 2 ran, 1 up to date');
    expect(s.first.summary).toMatch(/\| prepare \| up to date, data pulled \| \d+(\.\d)? m?s \|/);
    expect(s.first.summary).toMatch(/\| train \| ran \| \d+\.\d s \|/);
    expect(s.first.summary).toContain('- `prepare`: `data/prepared`');
  });

  test('push uploads the model and the run cache', () => {
    expect(s.pushed.exitCode).toBe(0);
    const pushed = Number(s.pushed.outputs['pushed']);
    expect(pushed).toBeGreaterThan(0);
    expect(s.objectsAfter - s.objectsBefore).toBeGreaterThan(0);
    expect(s.pushed.summary).toMatch(/Pushed \d+ files to 'storage' \(.+\) \(run cache included\)/);
  });

  test('another clone of the pushed result pulls everything and runs nothing', () => {
    expect(s.otherClone.exitCode).toBe(0);
    expect(json(s.otherClone.outputs['stages-run'])).toEqual([]);
    expect(json(s.otherClone.outputs['stages-skipped'])).toEqual(['prepare', 'train', 'evaluate']);
    expect(s.otherClone.outputs['lock-changed']).toBe('false');
  });

  test('a second run on the unchanged clone runs no stage', () => {
    expect(s.second.exitCode).toBe(0);
    expect(json(s.second.outputs['stages-run'])).toEqual([]);
    expect(json(s.second.outputs['stages-skipped'])).toEqual(['prepare', 'train', 'evaluate']);
    expect(s.second.summary).toContain('0 ran, 3 up to date');
  });

  test('after a change of a train parameter only train and evaluate run', () => {
    expect(s.afterParamChange.exitCode).toBe(0);
    expect(json(s.afterParamChange.outputs['stages-run'])).toEqual(['train', 'evaluate']);
    expect(json(s.afterParamChange.outputs['stages-skipped'])).toEqual(['prepare']);
    expect(s.afterParamChange.log).toMatch(/train: 12 epochs, val_loss=/);
  });

  test.runIf(kind === 's3')('no credential reaches the log or the summary', () => {
    for (const result of [s.first, s.pushed, s.second]) {
      expect(result.logWithoutMasks).not.toContain(moto!.secretAccessKey);
      expect(result.summary).not.toContain(moto!.secretAccessKey);
    }
  });
});
