// Test support for the bad-input sweeps of dvc-repro and dvc-push: one small DVC project (two
// dvc.yaml files, params, a .dvc file, a git-tracked metric), reproduced and pushed to a local DVC
// remote and a bare origin once per test file, then copied for each case, spoiled, and run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { createDvcRepo, dvcEnv } from './dvc-repo.ts';
import type { ActionResult } from './harness.ts';
import { copyFixture, type Snapshot, snapshot } from './snapshot.ts';

export const DVC_YAML = `stages:
  prepare:
    cmd: python3 write.py data.txt 1
    params:
      - prepare.n
    outs:
      - data.txt
  train:
    cmd: python3 write.py model.txt 2 metrics.json
    deps:
      - data.txt
    params:
      - train.lr
    outs:
      - model.txt
    metrics:
      - metrics.json:
          cache: false
`;

export const SUB_DVC_YAML = `stages:
  summarize:
    cmd: python3 ../write.py sub.txt 3
    outs:
      - sub.txt
`;

const WRITE_PY = `import json, sys
open(sys.argv[1], "w").write(sys.argv[2])
if len(sys.argv) > 3:
    open(sys.argv[3], "w").write(json.dumps({"acc": float(sys.argv[2])}))
`;

/** The fixture: a folder holding the work tree `work`, `origin.git` and `dvc-remote`. */
export interface DvcFixture {
  root: string;
  env: Record<string, string>;
}

/** buildDvcFixture makes the project, runs it, pushes its data and commits it to origin. */
export async function buildDvcFixture(): Promise<DvcFixture> {
  const repo = await createDvcRepo({
    'dvc.yaml': DVC_YAML,
    'sub/dvc.yaml': SUB_DVC_YAML,
    'params.yaml': 'prepare:\n  n: 1\ntrain:\n  lr: 0.1\n',
    'write.py': WRITE_PY,
    'raw.csv': 'a,b\n1,2\n',
    'src/notes.md': 'not a DVC folder\n',
  });
  await repo.dvc('add', '--quiet', 'raw.csv');
  await repo.dvc('repro', '--quiet');
  await repo.dvc('repro', '--quiet', 'sub/dvc.yaml');
  await repo.dvc('push', '--quiet');
  await repo.git('add', '--all');
  await repo.git('commit', '--quiet', '-m', 'Project');
  await repo.git('push', '--quiet', 'origin', 'main');
  const env = dvcEnv();
  return {
    root: dirname(repo.dir),
    env: { PATH: env['PATH'] ?? '', DVC_NO_ANALYTICS: '1', GIT_TERMINAL_PROMPT: '0' },
  };
}

/** A copy of the fixture for one case. */
export interface DvcCase {
  workspace: string;
  origin: string;
  dvcRemote: string;
  write(path: string, text: string): void;
  edit(path: string, from: string | RegExp, to: string): void;
  remove(path: string): void;
  state(): Snapshot;
}

/** copyDvcFixture copies the fixture for one case, with its configs pointing at the copies. */
export function copyDvcFixture(fixture: DvcFixture): DvcCase {
  const root = copyFixture(fixture.root, ['work/.git/config', 'work/.dvc/config']);
  const workspace = join(root, 'work');
  const origin = join(root, 'origin.git');
  const dvcRemote = join(root, 'dvc-remote');
  return {
    workspace,
    origin,
    dvcRemote,
    write(path, text) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), text);
    },
    edit(path, from, to) {
      const file = join(workspace, path);
      const text = readFileSync(file, 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`${path}: nothing to replace for ${String(from)}`);
      writeFileSync(file, next);
    },
    remove(path) {
      rmSync(join(workspace, path), { recursive: true, force: true });
    },
    state: () => snapshot(workspace, { bareRemotes: [origin], folders: [dvcRemote] }),
  };
}

/** closedPort returns a port on 127.0.0.1 that nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * expectOneLineFailure checks what every bad input must give: exit code 1, exactly one error
 * annotation, one line, and (when given) the message and where it points.
 */
export function expectOneLineFailure(
  result: ActionResult,
  message: string | RegExp,
  at?: { file: string; line?: number },
): void {
  const errors = result.annotations.filter((a) => a.level === 'error');
  expect(errors.map((e) => e.message)).toHaveLength(1);
  const [error] = errors;
  expect(error!.message).not.toContain('\n');
  if (typeof message === 'string') expect(error!.message).toBe(message);
  else expect(error!.message).toMatch(message);
  if (at) {
    expect(error!.file).toBe(at.file);
    if (at.line !== undefined) expect(error!.line).toBe(at.line);
  }
  expect(result.exitCode).toBe(1);
}

/** lineOf is the 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`no line holds ${needle}`);
  return index + 1;
}

/** gitIn runs git in a folder (for cases that need a commit). */
export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
}
