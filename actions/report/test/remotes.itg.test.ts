// The report fetches the base's DVC-cached metrics it lacks with `dvc fetch`: here from a Google
// Cloud Storage remote (the real dvc-gs plugin, fake-gcs-server) and an Azure Blob Storage remote
// (the real dvc-azure plugin, Azurite), with the credentials a workflow puts in the step's env.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type ActionResult, pullRequestEvent, repoRoot, runAction } from '@mlops-actions/testkit';
import { startAzurite } from '@mlops-actions/testkit/azurite';
import { createDvcRepo, type DvcRepo } from '@mlops-actions/testkit/dvc-repo';
import { startFakeGcs } from '@mlops-actions/testkit/gcs';
import { DEFAULT_TOKEN, type LocalGitHub, startLocalGitHub } from '@mlops-actions/testkit/github';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const action = join(repoRoot, 'actions', 'report');

const DVC_YAML = `stages:
  train:
    cmd: python train.py
    params:
      - train.lr
    metrics:
      - metrics.json:
          cache: false
      - eval/cached.json
`;

/** An emulated remote: where it is, the step env that reaches it, and a credential it rejects. */
interface Remote {
  url: string;
  config: Record<string, string>;
  env: Record<string, string>;
  wrongEnv: Record<string, string>;
  secret: string;
  /** Removes every object under the DVC prefix. */
  empty(): Promise<void>;
  stop(): Promise<void>;
}

const remotes: [string, () => Promise<Remote>][] = [
  [
    'Google Cloud Storage',
    async () => {
      const gcs = await startFakeGcs();
      await gcs.createBucket('reports');
      return {
        url: 'gs://reports/dvc',
        config: { endpointurl: gcs.endpointUrl },
        env: gcs.env,
        wrongEnv: { GOOGLE_APPLICATION_CREDENTIALS: gcs.revokedCredentialsFile },
        secret: gcs.privateKeyPem.split('\n')[5]!,
        empty: async () => {
          for (const o of await gcs.listObjects('reports', 'dvc/'))
            await gcs.deleteObject('reports', o);
        },
        stop: () => gcs.stop(),
      };
    },
  ],
  [
    'Azure Blob Storage',
    async () => {
      const azurite = await startAzurite();
      await azurite.createContainer('reports');
      return {
        url: 'azure://reports/dvc',
        config: {},
        env: azurite.env,
        wrongEnv: {
          AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString.replace(
            /AccountKey=[^;]+/,
            `AccountKey=${Buffer.alloc(64, 9).toString('base64')}`,
          ),
        },
        secret: azurite.accountKey,
        empty: async () => {
          for (const b of await azurite.listBlobs('reports', 'dvc/')) {
            await azurite.deleteBlob('reports', b);
          }
        },
        stop: () => azurite.stop(),
      };
    },
  ],
];

describe.each(remotes)(
  'a report whose base metrics are on %s',
  { timeout: 240_000 },
  (_name, start) => {
    let remote: Remote;
    let repo: DvcRepo;
    let github: LocalGitHub;
    let base: string;
    let head: string;

    beforeAll(async () => {
      remote = await start();
      repo = await createDvcRepo({
        'dvc.yaml': DVC_YAML,
        'params.yaml': 'train:\n  lr: 0.01\n',
        'metrics.json': '{"accuracy": 0.9}',
        'eval/cached.json': '{"auc": 0.8}',
      });
      // The repository's dvc and git calls run with the step's credentials too.
      Object.assign(repo.env, remote.env);
      await repo.dvc('remote', 'modify', 'storage', 'url', remote.url);
      for (const [key, value] of Object.entries(remote.config)) {
        await repo.dvc('remote', 'modify', 'storage', key, value);
      }
      base = await repo.commit('Base experiment');
      await repo.git('push', '--quiet', 'origin', 'main');
      await repo.dvc('push', '--quiet');
      await repo.git('checkout', '--quiet', '-b', 'feature');
      await repo.write({
        'params.yaml': 'train:\n  lr: 0.02\n',
        'metrics.json': '{"accuracy": 0.93}',
        'eval/cached.json': '{"auc": 0.85}',
      });
      head = await repo.commit('Tune the learning rate');
      await repo.git('push', '--quiet', 'origin', 'feature');
      await repo.dvc('push', '--quiet');
      github = await startLocalGitHub({
        repositories: [{ fullName: 'octo-org/demo', gitDir: repo.origin, private: true }],
        pullRequests: [
          { number: 7, head: { ref: 'feature', sha: head }, base: { ref: 'main', sha: base } },
        ],
      });
    }, 240_000);

    afterAll(async () => {
      await github?.stop();
      await repo?.remove();
      await remote?.stop();
    });

    const report = async (env: Record<string, string>): Promise<ActionResult> => {
      // The runner's DVC cache is empty: the base's cached metrics can only come from the remote.
      await rm(join(repo.dir, '.dvc', 'cache'), { recursive: true, force: true });
      return runAction({
        action,
        workspace: repo.dir,
        inputs: { token: DEFAULT_TOKEN, 'image-store': 'none' },
        env: { PATH: repo.env['PATH'] ?? '', DVC_NO_ANALYTICS: '1', ...env },
        event: pullRequestEvent({ number: 7, headRef: 'feature', headSha: head, baseSha: base }),
        sha: head,
        ref: 'refs/pull/7/merge',
        apiUrl: github.url,
        serverUrl: github.serverUrl,
        timeoutMs: 180_000,
      });
    };

    test('fetches the missing base object from the remote and reports it', async () => {
      const result = await report(remote.env);
      expect(result.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(result.log).toContain('Fetching 1 object(s) missing from the DVC cache');
      expect(result.summary).toContain('| eval/cached.json | auc | 0.8 | 0.85 | +0.05 | +6.2% |');
      expect(result.logWithoutMasks).not.toContain(remote.secret);
      github.assertNoViolations();
    });

    test('a credential the storage rejects leaves a warning and the value shown as missing', async () => {
      const result = await report({ ...remote.env, ...remote.wrongEnv });
      expect(result.exitCode).toBe(0);
      const warnings = result.annotations.filter((a) => a.level === 'warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.message).toMatch(
        /^Some DVC objects could not be fetched; they are shown as missing: /,
      );
      expect(result.summary).not.toContain('| eval/cached.json | auc | 0.8 |');
      expect(result.logWithoutMasks).not.toContain(remote.secret);
    });

    test('an object missing from the remote is one warning, the value shown as missing, the step green', async () => {
      await remote.empty();
      const result = await report(remote.env);
      expect(result.exitCode).toBe(0);
      expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
      expect(result.log).toContain('Fetching 1 object(s) missing from the DVC cache');
      // `dvc fetch` exits 0 when the remote lacks an object: the report says so itself.
      const warnings = result.annotations.filter((a) => a.level === 'warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.message).toMatch(
        /^1 DVC object\(s\) are neither in the local cache nor on the DVC remote, .*push them with 'dvc push'/,
      );
      expect(result.summary).not.toContain('| eval/cached.json | auc | 0.8 |');
      expect(result.summary).toContain('auc');
    });
  },
);
