// Each failure of the issue, with the real DVC: the message the step fails with, in plain words.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ActionResult, runAction } from '@mlops-actions/testkit/harness';
import { type MotoS3, startMotoS3 } from '@mlops-actions/testkit/moto';
import { repoRoot } from '@mlops-actions/testkit/node24';
import {
  buildDvcFixture,
  closedPort,
  copyDvcFixture,
  type DvcCase,
  type DvcFixture,
  gitIn,
  lineOf,
  SUB_DVC_YAML,
} from '@mlops-actions/testkit/sweep-fixture';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshClone, type Published, publishExample, run, setParam, venvBin } from './project.ts';

const repro = join(repoRoot, 'actions', 'dvc-repro');

/** failure is the one error annotation a failed step leaves. */
function failure(result: ActionResult): { message: string; file?: string; line?: number } {
  expect(result.exitCode).toBe(1);
  const errors = result.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

describe('with a local remote', () => {
  let published: Published;
  beforeAll(async () => {
    published = await publishExample('local');
  }, 300_000);

  const runIn = async (
    inputs: Record<string, string>,
    prepare?: (dir: string) => Promise<void>,
  ) => {
    const workspace = await freshClone(published);
    await prepare?.(workspace);
    return runAction({ action: repro, workspace, inputs, env: published.actionEnv });
  };

  test('a working-directory without dvc.yaml says where it looked and names the input', async () => {
    const { message } = failure(await runIn({ 'working-directory': 'src' }));
    expect(message).toBe(
      "dvc-repro failed: no dvc.yaml in working-directory 'src' (looked for src/dvc.yaml). Set working-directory to the folder that holds dvc.yaml, relative to the repository root.",
    );
  });

  test('a stage that reads stdin sees its end, as in a shell step, instead of waiting', async () => {
    let workspace = '';
    const script = "import sys; open('stdin.txt', 'w').write(repr(sys.stdin.read()))";
    const result = await runIn({ targets: 'stdin', pull: 'false' }, async (dir) => {
      workspace = dir;
      await run(
        dir,
        join(venvBin(), 'dvc'),
        [
          'stage',
          'add',
          '-n',
          'stdin',
          '-O',
          'stdin.txt',
          `${join(venvBin(), 'python')} -c "${script}"`,
        ],
        published.env,
      );
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(await readFile(join(workspace, 'stdin.txt'), 'utf8')).toBe("''");
  }, 120_000);

  test('a working-directory that does not exist is named', async () => {
    const { message } = failure(await runIn({ 'working-directory': 'ml' }));
    expect(message).toMatch(/^dvc-repro failed: working-directory 'ml' does not exist\./);
  });

  test('an unknown target is named with the stages there are', async () => {
    const { message } = failure(await runIn({ targets: 'trian' }));
    expect(message).toBe(
      "dvc-repro failed: unknown target 'trian': it is neither a stage in dvc.yaml nor an output DVC tracks. Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path). Stages in dvc.yaml: prepare, train, evaluate.",
    );
  });

  test('an unknown remote is named with the configured ones', async () => {
    const { message } = failure(await runIn({ remote: 'nope' }));
    expect(message).toBe(
      "dvc-repro failed: DVC remote 'nope' is not configured in this project. Configured remotes: 'storage' (default). Fix 'remote', or add it with `dvc remote add` and commit .dvc/config.",
    );
  });

  test('another configured remote is used for the pull, and the project config is left as it was', async () => {
    let workspace = '';
    const result = await runIn({ remote: 'backup', targets: 'prepare' }, async (dir) => {
      workspace = dir;
      await run(
        dir,
        join(venvBin(), 'dvc'),
        ['remote', 'add', 'backup', published.dvcRemoteDir!],
        published.env,
      );
    });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.outputs['stages-skipped']!)).toEqual(['prepare']);
    const config = await readFile(join(workspace, '.dvc', 'config'), 'utf8');
    expect(config).toContain('remote = storage');
    await expect(readFile(join(workspace, '.dvc', 'config.local'), 'utf8')).rejects.toThrow(
      /ENOENT/,
    );
  });

  test('a failed stage is named with its last stderr lines, points at dvc.yaml and is not retried', async () => {
    const result = await runIn({}, (dir) => setParam(dir, 'epochs', '0'));
    const annotation = failure(result);
    expect(annotation.message).toMatch(
      /^dvc-repro failed: stage 'train' failed: `python src\/train.py` exited with 1; its last lines: .*IndexError: list index out of range\. Fix the stage/,
    );
    const yaml = (await readFile(join(published.workDir, 'dvc.yaml'), 'utf8')).split('\n');
    expect(annotation.file).toBe('dvc.yaml');
    expect(annotation.line).toBe(yaml.indexOf('  train:') + 1);
    expect(result.log.match(/Running stage 'train':/g)).toHaveLength(1);
    expect(result.log).not.toContain('retrying');
    expect(result.summary).toContain("### DVC repro failed\n\nstage 'train' failed");
  });
});

describe('with an S3 remote', () => {
  let moto: MotoS3;
  let published: Published;
  beforeAll(async () => {
    moto = await startMotoS3();
    await moto.createBucket('ml-data');
    published = await publishExample({
      url: 's3://ml-data/dvc',
      endpointUrl: moto.endpointUrl,
      env: moto.env,
    });
  }, 300_000);
  afterAll(() => moto?.stop());

  test('missing credentials name the variables to set', async () => {
    const env = {
      ...published.actionEnv,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      AWS_CONFIG_FILE: '/nonexistent/config',
    };
    const result = await runAction({ action: repro, workspace: await freshClone(published), env });
    expect(failure(result).message).toBe(
      "dvc-repro failed: no usable credentials for DVC remote 'storage' (s3://ml-data/dvc): Unable to locate credentials; nothing was pulled and no stage was run. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials) in the step's env from secrets, or sign in first with aws-actions/configure-aws-credentials; or set on-pull-failure: recompute to run the stages without the remote.",
    );
    expect(result.log).not.toContain('retrying');
  });

  test('an unreachable remote is retried with backoff, then named with its URL', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const result = await runAction({
      action: repro,
      workspace: await freshClone(published),
      inputs: { 'remote-attempts': '2' },
      env: { ...published.actionEnv, AWS_ENDPOINT_URL: endpoint, AWS_MAX_ATTEMPTS: '1' },
    });
    const { message } = failure(result);
    expect(message).toMatch(
      new RegExp(
        `^dvc-repro failed: DVC remote 'storage' \\(s3://ml-data/dvc\\) is unreachable \\(tried 2 times\\): Cannot connect to host ${endpoint.replace('http://', '')} .*; nothing was pulled and no stage was run\\.`,
      ),
    );
    const retries = result.annotations.filter(
      (a) => a.level === 'warning' && /transient remote error/.test(a.message),
    );
    expect(retries).toHaveLength(1);
  });
});

// Issue 17, section 5: a project with a second dvc.yaml in a subfolder, a git-tracked metric, and
// an HTTP remote that refuses connections.
describe('a project that is not the example', () => {
  let fixture: DvcFixture;
  beforeAll(async () => {
    fixture = await buildDvcFixture();
  }, 300_000);

  const runOn = (copy: DvcCase, inputs: Record<string, string>) =>
    runAction({ action: repro, workspace: copy.workspace, inputs, env: fixture.env });

  test('an unreachable HTTP remote with on-pull-failure: recompute warns, naming it, and runs the stages', async () => {
    const copy = copyDvcFixture(fixture);
    const port = await closedPort();
    copy.edit('.dvc/config', /url = .*/, `url = http://127.0.0.1:${port}/dvc`);
    copy.remove('.dvc/cache');
    copy.remove('data.txt');
    copy.remove('model.txt');
    const result = await runOn(copy, { 'on-pull-failure': 'recompute', 'remote-attempts': '1' });
    expect(result.exitCode).toBe(0);
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^DVC remote 'storage' \\(http://127\\.0\\.0\\.1:${port}/dvc\\) is unreachable: Cannot connect to host 127\\.0\\.0\\.1:${port} .*: nothing is pulled, and the stages whose results are not in the local cache are recomputed \\(on-pull-failure: recompute\\)$`,
        ),
      ),
    ]);
    expect(JSON.parse(result.outputs['stages-run']!)).toEqual(['prepare', 'train']);
    expect(result.log).not.toContain('--pull');
    expect(result.summary).toContain('> [!WARNING]\n> Nothing was pulled: DVC remote');
  });

  test('lock-changed counts sub/dvc.lock for a sub/dvc.yaml:stage target', async () => {
    const copy = copyDvcFixture(fixture);
    copy.edit('sub/dvc.yaml', 'sub.txt 3', 'sub.txt 4');
    const result = await runOn(copy, { targets: 'sub/dvc.yaml:summarize', pull: 'false' });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.outputs['stages-run']!)).toEqual(['sub/dvc.yaml:summarize']);
    expect(result.outputs['lock-changed']).toBe('true');
    expect(gitIn(copy.workspace, 'status', '--porcelain', '--', 'dvc.lock')).toBe('');
  });

  test('lock-changed is false when no dvc.lock of the project changed', async () => {
    const copy = copyDvcFixture(fixture);
    const result = await runOn(copy, { targets: 'sub/dvc.yaml:summarize', pull: 'false' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['lock-changed']).toBe('false');
  });

  test('a failing stage of sub/dvc.yaml is annotated on that file, at the line of the stage', async () => {
    const copy = copyDvcFixture(fixture);
    copy.edit('sub/dvc.yaml', 'python3 ../write.py sub.txt 3', 'python3 -c "raise SystemExit(3)"');
    const result = await runOn(copy, { targets: 'sub/dvc.yaml:summarize', pull: 'false' });
    const annotation = failure(result);
    expect(annotation.message).toMatch(
      /^dvc-repro failed: stage 'sub\/dvc\.yaml:summarize' failed: `python3 -c "raise SystemExit\(3\)"` exited with 3/,
    );
    expect(annotation.file).toBe('sub/dvc.yaml');
    expect(annotation.line).toBe(lineOf(SUB_DVC_YAML, '  summarize:'));
  });

  test('the summary does not say a git-tracked (cache: false) metric was pulled from the remote', async () => {
    const copy = copyDvcFixture(fixture);
    copy.remove('.dvc/cache');
    copy.remove('data.txt');
    copy.remove('model.txt');
    const result = await runOn(copy, {});
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.outputs['stages-run']!)).toEqual([]);
    expect(result.summary).toContain('Pulled from the remote');
    expect(result.summary).toContain('`train`: `model.txt`');
    expect(result.summary).not.toContain('metrics.json');
  });
});
