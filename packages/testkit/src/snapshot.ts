// Test support for the bad-input sweeps of the actions: copies of a fixture repository (work tree,
// bare origin, local DVC remote) that each case may spoil, and a snapshot of everything a step
// could change outside its own temporary folder: every file of the work tree, the git state
// (refs, HEAD, index), the refs of the bare origin and the files of the DVC remote.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { scratchDir } from './tmp.ts';

/** What a step may have touched, as text that compares equal when nothing changed. */
export type Snapshot = Record<string, string>;

function hashFiles(dir: string, skip: (rel: string) => boolean, into: Snapshot, label: string) {
  const visit = (folder: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(folder, entry.name);
      const rel = relative(dir, full);
      if (skip(rel)) continue;
      if (entry.isDirectory()) visit(full);
      else
        into[`${label}:${rel}`] = entry.isSymbolicLink()
          ? 'symlink'
          : createHash('sha1').update(readFileSync(full)).digest('hex');
    }
  };
  visit(dir);
}

function git(dir: string, args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return '(git failed)';
  }
}

/**
 * snapshot records the state of a workspace (all files but .git internals and DVC's own scratch
 * folder .dvc/tmp; the git refs, HEAD and index instead), bare git remotes (their refs) and other
 * folders such as a local DVC remote (their files).
 */
export function snapshot(
  workspace: string,
  options: { bareRemotes?: string[]; folders?: string[] } = {},
): Snapshot {
  const state: Snapshot = {};
  hashFiles(
    workspace,
    (rel) => rel === '.git' || /(^|\/)\.dvc\/tmp$/.test(rel.split(sep).join('/')),
    state,
    'file',
  );
  state['git:refs'] = git(workspace, ['for-each-ref', '--format=%(refname) %(objectname)']);
  state['git:HEAD'] = git(workspace, ['rev-parse', '--symbolic-full-name', 'HEAD']);
  state['git:index'] = git(workspace, ['ls-files', '--stage']);
  state['git:config'] = (() => {
    try {
      return readFileSync(join(workspace, '.git', 'config'), 'utf8');
    } catch {
      return '';
    }
  })();
  for (const [i, bare] of (options.bareRemotes ?? []).entries())
    state[`origin${i}:refs`] = git(bare, ['for-each-ref', '--format=%(refname) %(objectname)']);
  for (const [i, folder] of (options.folders ?? []).entries())
    hashFiles(folder, () => false, state, `folder${i}`);
  return state;
}

/**
 * copyFixture copies a folder holding a fixture (a work tree and its remotes) to a new temporary
 * folder and rewrites the absolute paths in the git and DVC configs to point at the copies.
 */
export function copyFixture(root: string, configs: string[]): string {
  const copy = realpathSync(scratchDir('sweep-case-'));
  cpSync(root, copy, { recursive: true, verbatimSymlinks: true });
  for (const rel of configs) {
    const file = join(copy, rel);
    try {
      writeFileSync(file, readFileSync(file, 'utf8').split(root).join(copy));
    } catch {
      // The config is not there in this fixture.
    }
  }
  return copy;
}
