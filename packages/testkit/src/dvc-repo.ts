// Test support: small real DVC repositories (git + dvc from the pinned venv) with a bare origin
// and a local DVC remote, built file by file, and the real DVC to ask for the expected answers.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { venvBin } from './python.ts';
import { runTool } from './tool.ts';

const _execFileAsync = promisify(execFile);

/** A DVC repository made for a test. */
export interface DvcRepo {
  /** The work tree (also the DVC root). */
  dir: string;
  /** The bare `origin`. */
  origin: string;
  /** The local DVC remote folder. */
  remote: string;
  /** Environment with the venv's dvc first on PATH. */
  env: NodeJS.ProcessEnv;
  git(...args: string[]): Promise<string>;
  dvc(...args: string[]): Promise<string>;
  /** Writes files (null deletes one). */
  write(files: Record<string, string | Buffer | null>): Promise<void>;
  /** `dvc commit -f` (when there is a dvc.yaml), `git add -A`, `git commit`. */
  commit(message: string): Promise<string>;
  /** Removes the folder. */
  remove(): Promise<void>;
}

/** dvcEnv puts the venv's tools first on PATH and keeps DVC quiet. */
export function dvcEnv(): NodeJS.ProcessEnv {
  const bin = dirname(venvBin('dvc'));
  return {
    ...process.env,
    PATH: [bin, process.env['PATH']].filter(Boolean).join(delimiter),
    DVC_NO_ANALYTICS: '1',
    GIT_TERMINAL_PROMPT: '0',
  };
}

function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return runTool(file, args, { cwd, env });
}

/** createDvcRepo makes `git init` + `dvc init` on main, a bare origin and a local DVC remote. */
export async function createDvcRepo(files: Record<string, string | Buffer> = {}): Promise<DvcRepo> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'report-repo-')));
  const dir = join(root, 'work');
  const origin = join(root, 'origin.git');
  const remote = join(root, 'dvc-remote');
  await mkdir(dir);
  await mkdir(remote);
  const env = dvcEnv();
  const git = (...args: string[]) => run('git', args, dir, env);
  const dvc = (...args: string[]) => run(venvBin('dvc'), args, dir, env);
  await git('init', '--quiet', '-b', 'main');
  await git('config', 'user.name', 'Test');
  await git('config', 'user.email', 'test@example.com');
  await git('config', 'commit.gpgsign', 'false');
  await dvc('init', '--quiet');
  await dvc('config', 'core.analytics', 'false');
  await dvc('remote', 'add', '--default', 'storage', remote);
  await run('git', ['init', '--quiet', '--bare', '-b', 'main', origin], root, env);
  await git('remote', 'add', 'origin', origin);
  const repo: DvcRepo = {
    dir,
    origin,
    remote,
    env,
    git,
    dvc,
    async write(changes) {
      for (const [path, content] of Object.entries(changes)) {
        const full = join(dir, path);
        if (content === null) {
          await rm(full, { force: true, recursive: true });
          continue;
        }
        await mkdir(dirname(full), { recursive: true });
        await writeFile(full, content);
      }
    },
    async commit(message) {
      const yaml = await git(
        'ls-files',
        '--others',
        '--cached',
        '--exclude-standard',
        '--',
        'dvc.yaml',
        '*/dvc.yaml',
      );
      if (yaml.trim()) await dvc('commit', '--force', '--quiet');
      await git('add', '--all');
      await git('commit', '--quiet', '--allow-empty', '-m', message);
      return (await git('rev-parse', 'HEAD')).trim();
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
  if (Object.keys(files).length > 0) await repo.write(files);
  return repo;
}
