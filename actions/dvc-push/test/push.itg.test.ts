// dvc-push with the real DVC on a small two-stage project: a local remote, S3 on moto, a flaky
// connection in front of moto, and each failure's message.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { type ActionResult, runAction } from '@mlops-actions/testkit/harness';
import { type MotoS3, startMotoS3 } from '@mlops-actions/testkit/moto';
import { repoRoot } from '@mlops-actions/testkit/node24';
import { pythonVenv } from '@mlops-actions/testkit/python';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const execFileAsync = promisify(execFile);
const action = join(repoRoot, 'actions', 'dvc-push');
const bin = join(pythonVenv(), 'bin');
const baseEnv = { PATH: `${bin}${delimiter}${process.env['PATH']}`, DVC_NO_ANALYTICS: '1' };

const dvcYaml = `stages:
  make:
    cmd: mkdir -p data && echo hello > data/a.txt && echo world > data/b.txt
    outs:
      - data
  count:
    cmd: cat data/a.txt data/b.txt | wc -c > count.txt
    deps:
      - data
    outs:
      - count.txt
`;

async function sh(
  cwd: string,
  file: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  const { stdout } = await execFileAsync(file, args, {
    cwd,
    env: { ...process.env, ...baseEnv, ...env },
  });
  return stdout;
}

let template: string | undefined;

/**
 * makeProject copies a git repository with a reproduced two-stage DVC pipeline whose default
 * remote is `../remote` (made once, then copied: each test gets its own project and remote), or,
 * given a URL, points its default remote there.
 */
async function makeProject(remoteUrl?: string): Promise<string> {
  if (!template) {
    const root = await mkdtemp(join(tmpdir(), 'dvc-push-template-'));
    const dir = join(root, 'workspace');
    await mkdir(dir);
    await sh(dir, 'git', ['init', '--quiet', '-b', 'main']);
    await sh(dir, join(bin, 'dvc'), ['init', '--quiet']);
    await writeFile(join(dir, 'dvc.yaml'), dvcYaml);
    await sh(dir, join(bin, 'dvc'), ['repro', '--quiet']);
    await sh(dir, join(bin, 'dvc'), ['remote', 'add', '--default', 'storage', '../remote']);
    template = root;
  }
  const root = await mkdtemp(join(tmpdir(), 'dvc-push-'));
  await cp(template, root, { recursive: true });
  const dir = join(root, 'workspace');
  if (remoteUrl) {
    const config = join(dir, '.dvc', 'config');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(/url = .*/, `url = ${remoteUrl}`),
    );
  }
  return dir;
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1),
    0,
  );
}

function failure(result: ActionResult): string {
  expect(result.exitCode).toBe(1);
  const errors = result.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  return errors[0]!.message;
}

describe('with a local remote', () => {
  test('pushes the outputs and the run cache, and counts them', async () => {
    const dir = await makeProject();
    const result = await runAction({ action, workspace: dir, env: baseEnv });
    expect(result.exitCode).toBe(0);
    // data/ (2 files and its .dir listing), count.txt, and the run-cache entry of `count` (a stage
    // without dependencies, like `make`, has none).
    expect(result.outputs['pushed']).toBe('5');
    expect(countFiles(join(dir, '..', 'remote', 'files'))).toBe(4);
    expect(countFiles(join(dir, '..', 'remote', 'runs'))).toBe(1);
    expect(result.log).toMatch(/::group::dvc push --run-cache\n/);
    expect(result.summary).toMatch(
      /Pushed 5 files to 'storage' \(\/.*\/remote\) \(run cache included\) in /,
    );
  });

  test('a second push finds the data up to date', async () => {
    const dir = await makeProject();
    await runAction({ action, workspace: dir, inputs: { 'run-cache': 'false' }, env: baseEnv });
    const again = await runAction({
      action,
      workspace: dir,
      inputs: { 'run-cache': 'false' },
      env: baseEnv,
    });
    expect(again.outputs['pushed']).toBe('0');
    expect(again.summary).toContain(
      `Nothing to push: 'storage' (${join(dir, '..', 'remote')}) is up to date;`,
    );
  });

  test('a second push counts the run-cache entries again, as DVC does', async () => {
    const dir = await makeProject();
    await runAction({ action, workspace: dir, env: baseEnv });
    const again = await runAction({ action, workspace: dir, env: baseEnv });
    expect(again.outputs['pushed']).toBe('1');
    expect(countFiles(join(dir, '..', 'remote', 'runs'))).toBe(1);
  });

  test('run-cache: false pushes only the data', async () => {
    const dir = await makeProject();
    const result = await runAction({
      action,
      workspace: dir,
      inputs: { 'run-cache': 'false' },
      env: baseEnv,
    });
    expect(result.outputs['pushed']).toBe('4');
    expect(countFiles(join(dir, '..', 'remote', 'runs'))).toBe(0);
  });

  test('targets push only what they name', async () => {
    const dir = await makeProject();
    const result = await runAction({
      action,
      workspace: dir,
      inputs: { targets: 'count', 'run-cache': 'false', jobs: '2' },
      env: baseEnv,
    });
    expect(result.outputs['pushed']).toBe('1');
    expect(result.log).toContain('dvc push --jobs 2 --no-run-cache -- count');
  });

  test('another remote is used when named', async () => {
    const dir = await makeProject();
    const other = join(dir, '..', 'other-remote');
    await sh(dir, join(bin, 'dvc'), ['remote', 'add', 'other', other]);
    const result = await runAction({
      action,
      workspace: dir,
      inputs: { remote: 'other' },
      env: baseEnv,
    });
    expect(result.exitCode).toBe(0);
    expect(countFiles(join(other, 'files'))).toBe(4);
    expect(countFiles(join(dir, '..', 'remote'))).toBe(0);
  });

  test.each([
    [
      'an unknown remote',
      { remote: 'nope' },
      "dvc-push failed: DVC remote 'nope' is not configured in this project. Configured remotes: 'storage' (default). Fix 'remote', or add it with `dvc remote add` and commit .dvc/config.",
    ],
    [
      'an unknown target',
      { targets: 'trian' },
      "dvc-push failed: unknown target 'trian': it is neither a stage in dvc.yaml nor an output DVC tracks. Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path). Stages in dvc.yaml: make, count.",
    ],
    [
      'a working-directory outside the workspace',
      { 'working-directory': '..' },
      "dvc-push failed: input 'working-directory' is '..', which is outside the workspace. Give a path inside the repository checkout (GITHUB_WORKSPACE).",
    ],
    [
      'jobs that is not a number',
      { jobs: 'many' },
      "dvc-push failed: input 'jobs' is 'many'. Use a whole number from 1 to 256.",
    ],
  ])('%s fails with a message that says what to do', async (_name, inputs, message) => {
    const dir = await makeProject();
    expect(failure(await runAction({ action, workspace: dir, inputs, env: baseEnv }))).toBe(
      message,
    );
  });

  test('a project without a default remote says how to set one', async () => {
    const dir = await makeProject();
    await sh(dir, join(bin, 'dvc'), ['remote', 'default', '--unset']);
    expect(failure(await runAction({ action, workspace: dir, env: baseEnv }))).toBe(
      "dvc-push failed: no DVC remote to use: none was given and the project sets no default remote. Set 'remote', or run `dvc remote add --default <name> <url>` and commit .dvc/config. Configured remotes: 'storage'.",
    );
  });

  test('a workspace that is not a DVC project fails before DVC is looked for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'not-dvc-'));
    const result = await runAction({ action, workspace: dir, env: { PATH: '/usr/bin:/bin' } });
    expect(failure(result)).toMatch(
      /^dvc-push failed: working-directory '\.' is not inside a DVC project: no \.dvc folder/,
    );
  });
});

/** A TCP proxy to moto that resets every connection until it is told to pass them through. */
function flakyProxy(
  target: string,
): Promise<{ url: string; resets: () => number; heal: () => void; close: () => Promise<void> }> {
  const { hostname, port } = new URL(target);
  let healthy = false;
  let resets = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (!healthy) {
      resets++;
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        resets: () => resets,
        heal: () => {
          healthy = true;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    }),
  );
}

describe('with an S3 remote on moto', () => {
  let moto: MotoS3;
  let bucket = 0;
  beforeAll(async () => {
    moto = await startMotoS3();
  });
  afterAll(() => moto?.stop());

  /** s3Project makes a project whose default remote is a new bucket; the endpoint comes from env. */
  async function s3Project(): Promise<{
    dir: string;
    bucket: string;
    env: Record<string, string>;
  }> {
    const name = `push-${++bucket}`;
    await moto.createBucket(name);
    const env = {
      ...baseEnv,
      ...moto.env,
      AWS_ENDPOINT_URL: moto.endpointUrl,
      AWS_MAX_ATTEMPTS: '1',
    };
    return { dir: await makeProject(`s3://${name}/store`), bucket: name, env };
  }

  test('pushes with the credentials and endpoint from the environment', async () => {
    const { dir, bucket, env } = await s3Project();
    const result = await runAction({ action, workspace: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['pushed']).toBe('5');
    expect(await moto.listKeys(bucket, 'store/files/')).toHaveLength(4);
    expect(await moto.listKeys(bucket, 'store/runs/')).toHaveLength(1);
    expect(result.logWithoutMasks).not.toContain(moto.secretAccessKey);
  });

  test('connection resets are retried with backoff until the push goes through', async () => {
    const { dir, bucket, env } = await s3Project();
    const proxy = await flakyProxy(moto.endpointUrl);
    try {
      const result = await runAction({
        action,
        workspace: dir,
        env: { ...env, AWS_ENDPOINT_URL: proxy.url },
        // The first try has failed once the retry warning is printed: let the next one through.
        onLine: (line) => {
          if (line.includes('transient remote error')) proxy.heal();
        },
      });
      expect(result.exitCode).toBe(0);
      expect(proxy.resets()).toBeGreaterThan(0);
      expect(result.outputs['pushed']).toBe('5');
      expect(await moto.listKeys(bucket, 'store/files/')).toHaveLength(4);
      expect(result.summary).toContain('It took 2 tries: the remote failed transiently.');
    } finally {
      await proxy.close();
    }
  });

  test('missing credentials name the variables to set', async () => {
    const { dir, env } = await s3Project();
    const result = await runAction({
      action,
      workspace: dir,
      env: {
        ...env,
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
        AWS_CONFIG_FILE: '/nonexistent/config',
      },
    });
    expect(failure(result)).toMatch(
      /^dvc-push failed: no usable credentials for DVC remote 'storage' \(s3:\/\/push-\d+\/store\): Unable to locate credentials\. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY \(and AWS_SESSION_TOKEN/,
    );
  });

  test('a bucket that does not exist is named', async () => {
    const dir = await makeProject('s3://no-such-bucket/store');
    const env = {
      ...baseEnv,
      ...moto.env,
      AWS_ENDPOINT_URL: moto.endpointUrl,
      AWS_MAX_ATTEMPTS: '1',
    };
    expect(failure(await runAction({ action, workspace: dir, env }))).toBe(
      "dvc-push failed: the bucket of DVC remote 'storage' (s3://no-such-bucket/store) does not exist. Create the bucket, or fix the remote URL in .dvc/config.",
    );
  });

  test('an unreachable remote is tried remote-attempts times, then named with its URL', async () => {
    const { dir, env } = await s3Project();
    const proxy = await flakyProxy(moto.endpointUrl);
    try {
      const result = await runAction({
        action,
        workspace: dir,
        inputs: { 'remote-attempts': '2' },
        env: { ...env, AWS_ENDPOINT_URL: proxy.url },
      });
      expect(failure(result)).toMatch(
        /^dvc-push failed: DVC remote 'storage' \(s3:\/\/push-\d+\/store\) is unreachable \(tried 2 times\): /,
      );
      expect(result.annotations.filter((a) => a.level === 'warning')).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});
