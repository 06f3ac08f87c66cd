// dvc-push to Google Cloud Storage with the real dvc-gs plugin against fake-gcs-server on
// 127.0.0.1. Here the endpoint comes from STORAGE_EMULATOR_HOST in the step's env (which gcsfs
// reads when the remote sets no `endpointurl`), the credential from GOOGLE_APPLICATION_CREDENTIALS.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type FakeGcs, startFakeGcs } from '@mlops-actions/testkit/gcs';
import { runAction } from '@mlops-actions/testkit/harness';
import { repoRoot } from '@mlops-actions/testkit/node24';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseEnv, cloudProject, failure } from './cloud-project.ts';

const action = join(repoRoot, 'actions', 'dvc-push');

describe('with a Google Cloud Storage remote on fake-gcs-server', () => {
  let gcs: FakeGcs;
  let env: Record<string, string>;
  let bucket = 0;
  beforeAll(async () => {
    gcs = await startFakeGcs();
    env = { ...baseEnv, ...gcs.env, STORAGE_EMULATOR_HOST: gcs.endpointUrl };
  });
  afterAll(() => gcs?.stop());

  async function project(): Promise<{ dir: string; bucket: string }> {
    const name = `push-${++bucket}`;
    await gcs.createBucket(name);
    return { dir: await cloudProject(`gs://${name}/store`), bucket: name };
  }

  test('pushes the outputs and the run cache with the credentials and endpoint from the env', async () => {
    const { dir, bucket } = await project();
    const tokensBefore = gcs.tokensIssued();
    const result = await runAction({ action, workspace: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['pushed']).toBe('5');
    expect(await gcs.listObjects(bucket, 'store/files/')).toHaveLength(4);
    expect(await gcs.listObjects(bucket, 'store/runs/')).toHaveLength(1);
    expect(result.summary).toMatch(
      new RegExp(`Pushed 5 files to 'storage' \\(gs://${bucket}/store\\) \\(run cache included\\)`),
    );
    // The service account key was exchanged for a token: the credential was used, not skipped.
    expect(gcs.tokensIssued()).toBeGreaterThan(tokensBefore);
    const key = JSON.parse(await readFile(gcs.credentialsFile, 'utf8')) as { private_key: string };
    expect(result.logWithoutMasks).not.toContain(key.private_key.split('\n')[5]!);
  });

  test('a second push finds the remote up to date', async () => {
    const { dir } = await project();
    await runAction({ action, workspace: dir, inputs: { 'run-cache': 'false' }, env });
    const again = await runAction({
      action,
      workspace: dir,
      inputs: { 'run-cache': 'false' },
      env,
    });
    expect(again.exitCode).toBe(0);
    expect(again.outputs['pushed']).toBe('0');
  });

  test('a revoked service account key is named with where credentials go', async () => {
    const { dir } = await project();
    const result = await runAction({
      action,
      workspace: dir,
      env: { ...env, GOOGLE_APPLICATION_CREDENTIALS: gcs.revokedCredentialsFile },
    });
    expect(failure(result)).toMatch(
      /^dvc-push failed: no usable credentials for DVC remote 'storage' \(gs:\/\/push-\d+\/store\): .*invalid_grant.* Set GOOGLE_APPLICATION_CREDENTIALS to a service account key file, for example with google-github-actions\/auth before this step\.$/,
    );
    // gcsfs retries a rejected token for about half a minute, for each DVC command.
  }, 300_000);
});
