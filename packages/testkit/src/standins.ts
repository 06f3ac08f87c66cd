// Local stand-ins for the third-party actions the example workflows use, doing what those actions
// do on a runner, against local repositories and tools.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { StandIn } from './workflow.ts';

const run = promisify(execFile);

/**
 * checkoutStandIn does what actions/checkout@v4 does, from a local bare `origin`: with no `ref`,
 * the event's ref (on pull_request the merge commit refs/pull/N/merge, detached); with a branch
 * name, that branch checked out as a local branch; with a SHA, that commit detached.
 */
export function checkoutStandIn(originDir: string, event: { ref: string; sha: string }): StandIn {
  return async (ctx) => {
    const git = (...args: string[]) =>
      run('git', args, { cwd: ctx.workspace, env: { ...process.env, ...ctx.env } });
    const depth = ctx.inputs['fetch-depth'] ?? '1';
    const depthArgs = depth === '0' ? [] : [`--depth=${depth}`];
    const ref = ctx.inputs['ref'] || event.ref;
    await git('init', '-q');
    await git('remote', 'add', 'origin', originDir);
    if (/^[0-9a-f]{40}$/.test(ref)) {
      await git('fetch', '-q', '--no-tags', ...depthArgs, 'origin', ref);
      await git('checkout', '-q', '--detach', 'FETCH_HEAD');
    } else if (ref.startsWith('refs/pull/')) {
      const remoteRef = ref.replace(/^refs\/pull\//, 'refs/remotes/pull/');
      await git('fetch', '-q', '--no-tags', ...depthArgs, 'origin', `+${ref}:${remoteRef}`);
      await git('checkout', '-q', '--detach', remoteRef);
    } else {
      const branch = ref.replace(/^refs\/heads\//, '');
      await git(
        'fetch',
        '-q',
        '--no-tags',
        ...depthArgs,
        'origin',
        `+refs/heads/${branch}:refs/remotes/origin/${branch}`,
      );
      await git('checkout', '-q', '-B', branch, `refs/remotes/origin/${branch}`);
    }
    const { stdout } = await git('rev-parse', 'HEAD');
    ctx.log(`checked out ${ref} at ${stdout.trim()}`);
    return {};
  };
}

/** setupPythonStandIn puts the pinned venv first on PATH, as actions/setup-python would a Python. */
export function setupPythonStandIn(venvDir: string): StandIn {
  return async (ctx) => {
    ctx.addPath(join(venvDir, 'bin'));
    ctx.exportVariable('pythonLocation', venvDir);
    ctx.log(
      `python from ${venvDir} (stand-in for actions/setup-python ${ctx.inputs['python-version'] ?? ''})`,
    );
    return { 'python-version': ctx.inputs['python-version'] ?? '' };
  };
}
