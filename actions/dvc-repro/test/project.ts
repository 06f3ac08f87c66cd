// Test support for the dvc-repro integration tests: the example project published to a DVC
// remote (local folder or S3 on moto), fresh clones of it, and the environment a workflow gives.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  createExampleRepo,
  type ExampleRepo,
  exampleProjectEnv,
} from '@mlops-actions/testkit/example-project';
import { pythonVenv } from '@mlops-actions/testkit/python';
import { runTool } from '@mlops-actions/testkit/tool';

const _execFileAsync = promisify(execFile);

/** The venv's bin folder: dvc, and the python the example stages need (scikit-learn, BentoML). */
export function venvBin(): string {
  return join(pythonVenv(), 'bin');
}

/** run executes a tool with argv in a folder and returns its stdout; a failure carries its output. */
export function run(
  cwd: string,
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<string> {
  return runTool(file, args, { cwd, env });
}

/** Where a published example project lives and the environment its tools need. */
export interface Published extends ExampleRepo {
  /** Environment for dvc and git here, and `env` for the action: PATH with the venv, remote credentials. */
  env: NodeJS.ProcessEnv;
  actionEnv: Record<string, string>;
}

/** How to reach the S3 remote: the bucket URL and the moto server's credentials and endpoint. */
export interface S3Remote {
  url: string;
  endpointUrl: string;
  env: Record<string, string>;
}

/**
 * publishExample makes the example repository, runs only its first stage, pushes that stage's data
 * to the DVC remote and commits dvc.lock to origin: a fresh clone then holds code and lock but no
 * data, which lives only in the remote. With S3, the endpoint reaches DVC as AWS_ENDPOINT_URL
 * (the config keeps only the bucket URL), the way a workflow's env would give it.
 */
export async function publishExample(remote: 'local' | S3Remote): Promise<Published> {
  const bin = venvBin();
  const repo = await createExampleRepo({
    venvBin: bin,
    ...(remote === 'local'
      ? {}
      : { remote: { s3: { url: remote.url, endpointUrl: remote.endpointUrl } } }),
  });
  const remoteEnv: Record<string, string> =
    remote === 'local'
      ? {}
      : { ...remote.env, AWS_ENDPOINT_URL: remote.endpointUrl, AWS_MAX_ATTEMPTS: '2' };
  const env: NodeJS.ProcessEnv = { ...exampleProjectEnv(bin), ...remoteEnv };
  const dvc = (...args: string[]) => run(repo.workDir, join(bin, 'dvc'), args, env);
  const git = (...args: string[]) => run(repo.workDir, 'git', args, env);
  if (remote !== 'local') await dvc('remote', 'modify', '--unset', 'storage', 'endpointurl');
  await dvc('repro', 'prepare');
  await dvc('push');
  await git('add', '--all');
  await git('commit', '--quiet', '-m', 'Prepare the data');
  await git('push', '--quiet', 'origin', 'main');
  const actionEnv: Record<string, string> = {
    PATH: env['PATH'] ?? '',
    DVC_NO_ANALYTICS: '1',
    BENTOML_DO_NOT_TRACK: 'true',
    ...remoteEnv,
  };
  return { ...repo, env, actionEnv };
}

/** freshClone clones origin into a new folder, as actions/checkout would. */
export async function freshClone(published: Published, name = 'clone'): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), `${name}-`)), 'workspace');
  await run(tmpdir(), 'git', ['clone', '--quiet', published.originDir, dir], published.env);
  await run(dir, 'git', ['config', 'user.name', 'CI'], published.env);
  await run(dir, 'git', ['config', 'user.email', 'ci@example.com'], published.env);
  return dir;
}

/** setParam rewrites one `key: value` line of params.yaml under a top-level section. */
export async function setParam(dir: string, key: string, value: string): Promise<void> {
  const file = join(dir, 'params.yaml');
  const text = await readFile(file, 'utf8');
  const next = text.replace(new RegExp(`^(\\s+${key}:)\\s*\\S+`, 'm'), `$1 ${value}`);
  if (next === text) throw new Error(`params.yaml has no '${key}:' line`);
  await writeFile(file, next);
}
