// Test support for dvc-push against cloud remotes on emulators: a small reproduced two-stage DVC
// project whose default remote points where a test says, and the env a workflow step would give.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import type { ActionResult } from '@mlops-actions/testkit/harness';
import { pythonVenv } from '@mlops-actions/testkit/python';
import { expect } from 'vitest';

const execFileAsync = promisify(execFile);
const bin = join(pythonVenv(), 'bin');

/** The step env every test starts from: the venv's dvc first on PATH. */
export const baseEnv = { PATH: `${bin}${delimiter}${process.env['PATH']}`, DVC_NO_ANALYTICS: '1' };

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

async function dvc(cwd: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  await execFileAsync(join(bin, 'dvc'), args, { cwd, env: { ...process.env, ...baseEnv, ...env } });
}

let template: string | undefined;

/**
 * cloudProject copies a git repository with a reproduced two-stage pipeline (made once) and sets
 * its default remote `storage` to `url`, with `config` as further `dvc remote modify` settings.
 */
export async function cloudProject(
  url: string,
  config: Record<string, string> = {},
): Promise<string> {
  if (!template) {
    const root = await mkdtemp(join(tmpdir(), 'dvc-push-cloud-template-'));
    const dir = join(root, 'workspace');
    await mkdir(dir);
    await execFileAsync('git', ['init', '--quiet', '-b', 'main'], { cwd: dir });
    await dvc(dir, ['init', '--quiet']);
    await writeFile(join(dir, 'dvc.yaml'), dvcYaml);
    await dvc(dir, ['repro', '--quiet']);
    template = root;
  }
  const root = await mkdtemp(join(tmpdir(), 'dvc-push-cloud-'));
  await cp(template, root, { recursive: true });
  const dir = join(root, 'workspace');
  await dvc(dir, ['remote', 'add', '--default', 'storage', url]);
  for (const [key, value] of Object.entries(config)) {
    await dvc(dir, ['remote', 'modify', 'storage', key, value]);
  }
  return dir;
}

/** failure is the message of the one error annotation a failed step leaves. */
export function failure(result: ActionResult): string {
  expect(result.exitCode).toBe(1);
  const errors = result.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  return errors[0]!.message;
}
