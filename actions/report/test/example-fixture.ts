// The real example project with two revisions, as a pull request would have them: the baseline
// trained and pushed on main, and a branch that trains with other params. Shared by the example
// test and the benchmark (plain TypeScript, so Node 24 runs it without a build step).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  createExampleRepo,
  type ExampleRepo,
  exampleProjectEnv,
} from '@mlops-actions/testkit/example-project';

const execFileAsync = promisify(execFile);

/** The example project on main and on a pull request branch, both trained and pushed. */
export interface ExamplePullRequest {
  repo: ExampleRepo;
  env: NodeJS.ProcessEnv;
  base: string;
  head: string;
  /** Runs a tool in the work tree with the venv first on PATH. */
  run(file: string, args: string[]): Promise<string>;
}

/** examplePullRequest trains the example on main, then on `feature` with fewer epochs and another learning rate. */
export async function examplePullRequest(venvBin: string): Promise<ExamplePullRequest> {
  const repo = await createExampleRepo({ venvBin });
  const env = exampleProjectEnv(venvBin);
  const run = async (file: string, args: string[]) =>
    (await execFileAsync(file, args, { cwd: repo.workDir, env, maxBuffer: 64 * 1024 * 1024 }))
      .stdout;
  const dvc = join(venvBin, 'dvc');
  await run(dvc, ['repro', '--quiet']);
  await run('git', ['add', '--all']);
  await run('git', ['commit', '--quiet', '-m', 'Train the baseline']);
  await run('git', ['push', '--quiet', 'origin', 'main']);
  await run(dvc, ['push', '--quiet']);
  const base = (await run('git', ['rev-parse', 'HEAD'])).trim();

  await run('git', ['checkout', '--quiet', '-b', 'feature']);
  const paramsPath = join(repo.workDir, 'params.yaml');
  const params = await readFile(paramsPath, 'utf8');
  const changed = params
    .replace(/epochs: \d+/, 'epochs: 12')
    .replace(/learning_rate: [\d.e-]+/, 'learning_rate: 0.01');
  if (changed === params)
    throw new Error('the example params.yaml no longer has epochs and learning_rate to change');
  await writeFile(paramsPath, changed);
  await run(dvc, ['repro', '--quiet']);
  await run('git', ['add', '--all']);
  await run('git', [
    'commit',
    '--quiet',
    '-m',
    'Train with fewer epochs and a higher learning rate',
  ]);
  await run('git', ['push', '--quiet', 'origin', 'feature']);
  await run(dvc, ['push', '--quiet']);
  const head = (await run('git', ['rev-parse', 'HEAD'])).trim();
  return { repo, env, base, head, run };
}
