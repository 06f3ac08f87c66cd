import { execFile } from 'node:child_process';
import { cp, mkdir, realpath } from 'node:fs/promises';
import { delimiter, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './node24.ts';
import { scratchDir } from './tmp.ts';
import { runTool } from './tool.ts';

const _execFileAsync = promisify(execFile);

/** Folder of the example ML project (DVC pipeline, BentoML service, Kubernetes manifests). */
export const exampleProjectDir = join(repoRoot, 'examples', 'project');

/** Where createExampleRepo builds the example repository and which DVC remote it configures. */
export interface ExampleRepoOptions {
  /** Folder to create everything in (made if missing; default: a new temporary folder). */
  dir?: string;
  /** The Python venv's bin folder, holding dvc and the python the pipeline stages run. */
  venvBin: string;
  /** Default DVC remote: a local folder (the default) or an S3 bucket URL and its endpoint. */
  remote?: 'local' | { s3: { url: string; endpointUrl: string } };
}

/** The repository createExampleRepo made. */
export interface ExampleRepo {
  /** The clone to work in: the example project committed on `main`, DVC initialised. */
  workDir: string;
  /** The bare repository `origin` that `main` was pushed to. */
  originDir: string;
  /** The folder of the local DVC remote (absent with an S3 remote). */
  dvcRemoteDir?: string;
}

/** Paths in the example folder that a run generates; they are never copied. */
const generatedTopLevel = new Set([
  '.bentoml',
  '.dvc',
  '.git',
  '.venv',
  'data',
  'dvc.lock',
  'dvc_plots',
  'evaluation',
  'model',
]);

/** exampleProjectEnv is the environment to run the example's tools in: the venv first on PATH. */
export function exampleProjectEnv(
  venvBin: string,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return {
    ...base,
    PATH: [venvBin, base.PATH].filter(Boolean).join(delimiter),
    DVC_NO_ANALYTICS: '1',
    BENTOML_DO_NOT_TRACK: 'true',
    GIT_TERMINAL_PROMPT: '0',
  };
}

/** isGenerated tells whether a path inside the example folder is output of a previous run. */
function isGenerated(source: string): boolean {
  const parts = relative(exampleProjectDir, source).split(sep);
  return generatedTopLevel.has(parts[0] ?? '') || parts.includes('__pycache__');
}

/**
 * createExampleRepo copies examples/project into a new git repository on `main`, runs
 * `dvc init`, sets a default DVC remote, commits, and pushes `main` to a bare `origin`.
 */
export async function createExampleRepo(opts: ExampleRepoOptions): Promise<ExampleRepo> {
  const base = opts.dir ?? scratchDir('example-project-');
  await mkdir(base, { recursive: true });
  const root = await realpath(base);
  const workDir = join(root, 'work');
  const originDir = join(root, 'origin.git');
  const env = exampleProjectEnv(opts.venvBin);
  const dvc = join(opts.venvBin, 'dvc');

  await cp(exampleProjectDir, workDir, {
    recursive: true,
    filter: (source) => !isGenerated(source),
  });

  const git = (...args: string[]) => run('git', args, workDir, env);
  await git('init', '--quiet', '-b', 'main');
  await git('config', 'user.name', 'Example Project');
  await git('config', 'user.email', 'example-project@example.com');
  await git('config', 'commit.gpgsign', 'false');

  await run(dvc, ['init', '--quiet'], workDir, env);
  await run(dvc, ['config', 'core.analytics', 'false'], workDir, env);

  let dvcRemoteDir: string | undefined;
  const remote = opts.remote ?? 'local';
  if (remote === 'local') {
    dvcRemoteDir = join(root, 'dvc-remote');
    await mkdir(dvcRemoteDir, { recursive: true });
    await run(dvc, ['remote', 'add', '--default', 'storage', dvcRemoteDir], workDir, env);
  } else {
    await run(dvc, ['remote', 'add', '--default', 'storage', remote.s3.url], workDir, env);
    await run(
      dvc,
      ['remote', 'modify', 'storage', 'endpointurl', remote.s3.endpointUrl],
      workDir,
      env,
    );
  }

  await git('add', '--all');
  await git('commit', '--quiet', '-m', 'Add the digits example project');
  await run('git', ['init', '--quiet', '--bare', '-b', 'main', originDir], root, env);
  await git('remote', 'add', 'origin', originDir);
  await git('push', '--quiet', '-u', 'origin', 'main');

  return dvcRemoteDir === undefined ? { workDir, originDir } : { workDir, originDir, dvcRemoteDir };
}

/** run executes one tool in a folder (argument order of the calls above). */
function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return runTool(file, args, { cwd, env });
}
