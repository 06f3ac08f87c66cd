// dvc-push to Azure Blob Storage with the real dvc-azure plugin against Azurite on 127.0.0.1:
// endpoint and key in AZURE_STORAGE_CONNECTION_STRING from the step's env.
import { join } from 'node:path';
import { type Azurite, startAzurite } from '@mlops-actions/testkit/azurite';
import { runAction } from '@mlops-actions/testkit/harness';
import { repoRoot } from '@mlops-actions/testkit/node24';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseEnv, cloudProject, failure } from './cloud-project.ts';

const action = join(repoRoot, 'actions', 'dvc-push');

describe('with an Azure Blob Storage remote on Azurite', () => {
  let azurite: Azurite;
  let env: Record<string, string>;
  let container = 0;
  beforeAll(async () => {
    azurite = await startAzurite();
    env = { ...baseEnv, ...azurite.env };
  });
  afterAll(() => azurite?.stop());

  async function project(): Promise<{ dir: string; container: string }> {
    const name = `push-${++container}`;
    await azurite.createContainer(name);
    return { dir: await cloudProject(`azure://${name}/store`), container: name };
  }

  test('pushes the outputs and the run cache with the connection string from the env', async () => {
    const { dir, container } = await project();
    const result = await runAction({ action, workspace: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['pushed']).toBe('5');
    expect(await azurite.listBlobs(container, 'store/files/')).toHaveLength(4);
    expect(await azurite.listBlobs(container, 'store/runs/')).toHaveLength(1);
    expect(result.summary).toMatch(
      new RegExp(
        `Pushed 5 files to 'storage' \\(azure://${container}/store\\) \\(run cache included\\)`,
      ),
    );
    expect(result.logWithoutMasks).not.toContain(azurite.accountKey);
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

  test.each([
    [
      'a wrong account key',
      (cs: string) =>
        cs.replace(/AccountKey=[^;]+/, `AccountKey=${Buffer.alloc(64, 7).toString('base64')}`),
      /^dvc-push failed: no usable credentials for DVC remote 'storage' \(azure:\/\/push-\d+\/store\): .*Server failed to authenticate the request.* Set AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY, in the step's env from secrets\.$/,
    ],
    [
      'no credentials at all',
      () => undefined,
      /^dvc-push failed: no usable credentials for DVC remote 'storage' \(azure:\/\/push-\d+\/store\): .*requires either account_name or connection_string.* Set AZURE_STORAGE_CONNECTION_STRING/,
    ],
  ])('%s is named with where credentials go', async (_name, connection, message) => {
    const { dir } = await project();
    const result = await runAction({
      action,
      workspace: dir,
      env: { ...env, AZURE_STORAGE_CONNECTION_STRING: connection(azurite.connectionString) },
    });
    expect(failure(result)).toMatch(message);
    expect(result.logWithoutMasks).not.toContain(azurite.accountKey);
  });
});
