// The common case stays cheap (issue 16): a commit of one changed file, pushed while nobody else
// pushes, starts at most 12 git processes. Counted with git's own trace (GIT_TRACE2_EVENT): every
// git process writes a `start` event, and one started by another git process has a session id
// naming its parent, so the top-level ones are those the action started.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pullRequestEvent, pushEvent, repoRoot, runAction } from '@mlops-actions/testkit';
import {
  checkout,
  commitOn,
  git,
  makeOrigin,
  mergeRef,
  tempDir,
  writeFiles,
} from '@mlops-actions/testkit/git-fixture';
import { expect, test } from 'vitest';

const action = join(repoRoot, 'actions', 'commit');

async function gitStarts(trace: string): Promise<string[][]> {
  const events = (await readFile(trace, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { event: string; sid: string; argv?: string[] });
  return events
    .filter((e) => e.event === 'start' && !e.sid.includes('/'))
    .map((e) => (e.argv ?? []).slice(1));
}

test('one changed file is committed and pushed with at most 12 git processes', async () => {
  const origin = await makeOrigin({ 'dvc.lock': 'md5: 1\n', 'params.yaml': 'lr: 0.1\n' });
  const ws = await checkout(origin, 'main');
  const sha = await git(ws, 'rev-parse', 'HEAD');
  await writeFiles(ws, { 'dvc.lock': 'md5: 2\n' });
  const trace = join(await tempDir('commit-trace-'), 'trace.json');
  const result = await runAction({
    action,
    workspace: ws,
    inputs: { token: '' },
    event: pushEvent({ sha }),
    sha,
    env: { GIT_TRACE2_EVENT: trace },
  });
  expect(result.outputs).toMatchObject({ committed: 'true', pushed: 'true' });
  expect(await git(origin.bare, 'show', '-s', '--format=%P', 'main')).toBe(sha);
  const starts = await gitStarts(trace);
  expect(starts.map((argv) => argv.find((a) => !a.startsWith('-')))).toContain('push');
  expect(starts.length, starts.map((a) => a.join(' ')).join('\n')).toBeLessThanOrEqual(12);
});

test('on a pull request merge checkout, the commit on the head takes at most 12 git processes', async () => {
  const origin = await makeOrigin({ 'dvc.lock': 'md5: 1\n', 'README.md': '# demo\n' });
  const head = await commitOn(origin, 'feature', { 'params.yaml': 'lr: 0.2\n' }, 'Tune lr');
  const base = await commitOn(origin, 'main', { 'README.md': '# demo, on main\n' }, 'Docs');
  const merge = await mergeRef(origin, 7, 'main', 'feature');
  // What actions/checkout makes on pull_request: the merge ref, detached, --depth=1.
  const ws = await checkout(origin, 'refs/pull/7/merge');
  await writeFiles(ws, { 'dvc.lock': 'md5: 2\n' });
  const trace = join(await tempDir('commit-trace-'), 'trace.json');
  const result = await runAction({
    action,
    workspace: ws,
    inputs: { token: '' },
    event: pullRequestEvent({ number: 7, headRef: 'feature', headSha: head, baseSha: base }),
    sha: merge,
    ref: 'refs/pull/7/merge',
    env: { GIT_TRACE2_EVENT: trace },
  });
  expect(result.outputs).toMatchObject({ committed: 'true', pushed: 'true' });
  expect(await git(origin.bare, 'show', '-s', '--format=%P', 'feature')).toBe(head);
  const starts = await gitStarts(trace);
  expect(starts.length, starts.map((a) => a.join(' ')).join('\n')).toBeLessThanOrEqual(12);
});

test('nothing changed: the answer takes one round of git processes, run at once', async () => {
  const origin = await makeOrigin({ 'dvc.lock': 'md5: 1\n', 'params.yaml': 'lr: 0.1\n' });
  const ws = await checkout(origin, 'main');
  const sha = await git(ws, 'rev-parse', 'HEAD');
  const trace = join(await tempDir('commit-trace-'), 'trace.json');
  const result = await runAction({
    action,
    workspace: ws,
    inputs: { token: '', 'fail-on-missing': 'true' },
    event: pushEvent({ sha }),
    sha,
    env: { GIT_TRACE2_EVENT: trace },
  });
  expect(result.outputs).toMatchObject({ committed: 'false', pushed: 'false' });
  const starts = await gitStarts(trace);
  const commands = starts.map((argv) => argv.find((a) => !a.startsWith('-')));
  // rev-parse, status, remote get-url, and the read-ahead (cat-file, hash-object): no ls-files.
  expect(commands, starts.map((a) => a.join(' ')).join('\n')).not.toContain('ls-files');
  expect(starts.length, starts.map((a) => a.join(' ')).join('\n')).toBeLessThanOrEqual(5);
});
