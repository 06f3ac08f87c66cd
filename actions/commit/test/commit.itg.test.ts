// The bundled action run as the runner runs it, against real git and bare remotes on disk (and
// the local GitHub for permissions and signed commits). Build first: npm run build.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  type ActionResult,
  pullRequestEvent,
  pushEvent,
  repoRoot,
  runAction,
} from '@mlops-actions/testkit';
import {
  checkout,
  commitOn,
  git,
  log,
  makeOrigin,
  mergeRef,
  type Origin,
  read,
  show,
  writeFiles,
} from '@mlops-actions/testkit/git-fixture';
import { DEFAULT_TOKEN, type LocalGitHub, startLocalGitHub } from '@mlops-actions/testkit/github';
import { startHttpRemote } from '@mlops-actions/testkit/http-remote';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const action = join(repoRoot, 'actions', 'commit');
const LOCK = 'schema: 2.0\nstages:\n  train:\n    md5: 1111\n';
const PARAMS = Array.from({ length: 8 }, (_, i) => `p${i}: ${i}`).join('\n') + '\n';

function errors(result: ActionResult): string[] {
  return result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
}

function warnings(result: ActionResult): string[] {
  return result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
}

describe('commit on a pull request', () => {
  let origin: Origin;
  let head: string;
  let mainTip: string;
  let merge: string;
  let result: ActionResult;

  beforeAll(async () => {
    origin = await makeOrigin({ 'dvc.lock': LOCK, 'params.yaml': PARAMS, 'README.md': '# demo\n' });
    head = await commitOn(
      origin,
      'feature',
      { 'params.yaml': PARAMS.replace('p1: 1', 'p1: 10') },
      'Tune p1',
    );
    mainTip = await commitOn(
      origin,
      'main',
      { 'README.md': '# demo, updated on main\n' },
      'Docs on main',
    );
    merge = await mergeRef(origin, 7, 'main', 'feature');
    // What actions/checkout does on pull_request: the merge ref, detached, --depth=1.
    const ws = await checkout(origin, 'refs/pull/7/merge');
    await writeFiles(ws, {
      'dvc.lock': LOCK.replace('1111', '2222'),
      'README.md': '# local edit\n',
      'junk.txt': 'x\n',
    });
    result = await runAction({
      action,
      workspace: ws,
      inputs: { token: '' },
      event: pullRequestEvent({ number: 7, headRef: 'feature', headSha: head, baseSha: mainTip }),
      sha: merge,
      ref: 'refs/pull/7/merge',
    });
  });

  test('succeeds and says it committed and pushed', () => {
    expect(errors(result)).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ committed: 'true', pushed: 'true' });
  });

  test('puts the commit on top of the pull request head, never on the merge commit', async () => {
    const tip = await git(origin.bare, 'rev-parse', 'feature');
    expect(result.outputs['commit-sha']).toBe(tip);
    expect(await git(origin.bare, 'show', '-s', '--format=%P', tip)).toBe(head);
    const contains = await git(origin.bare, 'branch', '--contains', merge);
    expect(contains).toBe('');
  });

  test('commits the new dvc.lock and nothing else: not the base branch, not other edits', async () => {
    const tip = result.outputs['commit-sha']!;
    expect(await git(origin.bare, 'diff', '--name-only', head, tip)).toBe('dvc.lock');
    expect(await show(origin.bare, tip, 'dvc.lock')).toContain('md5: 2222');
    expect(await show(origin.bare, tip, 'README.md')).toBe('# demo');
  });

  test('uses the default message and the github-actions[bot] identity', async () => {
    const shown = await git(
      origin.bare,
      'show',
      '-s',
      '--format=%s|%an <%ae>|%cn',
      result.outputs['commit-sha']!,
    );
    expect(shown).toBe(
      'Update dvc.lock [skip ci]|github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|github-actions[bot]',
    );
  });

  test('the summary says what was committed where, and that it was produced on the merge result', () => {
    expect(result.summary).toContain('### Committed 1 file to `feature`');
    expect(result.summary).toContain('| `dvc.lock` | modified |');
    expect(result.summary).toContain(
      `produced on the merge result of #7 (merge commit \`${merge.slice(0, 7)}\``,
    );
  });

  test('the log reads as phases in groups', () => {
    expect(result.log).toContain('::group::Finding changes');
    expect(result.log).toContain('::group::Committing to feature');
  });
});

describe('commit in other checkouts', () => {
  let origin: Origin;

  beforeAll(async () => {
    origin = await makeOrigin({
      'dvc.lock': LOCK,
      'params.yaml': PARAMS,
      'crlf.lock': 'a: 1\r\nb: 2\r\n',
    });
  });

  async function runOn(ws: string, inputs: Record<string, string> = {}, sha?: string) {
    const at = sha ?? (await git(ws, 'rev-parse', 'HEAD'));
    return runAction({
      action,
      workspace: ws,
      inputs: { token: '', ...inputs },
      event: pushEvent({ sha: at }),
      sha: at,
      ref: 'refs/heads/main',
    });
  }

  test('a detached HEAD on a push commits on top of it on the pushed branch', async () => {
    const sha = await git(origin.bare, 'rev-parse', 'main');
    const ws = await checkout(origin, sha);
    await writeFiles(ws, { 'dvc.lock': LOCK.replace('1111', '3333') });
    const result = await runOn(ws);
    expect(result.exitCode).toBe(0);
    const tip = await git(origin.bare, 'rev-parse', 'main');
    expect(result.outputs).toEqual({ committed: 'true', pushed: 'true', 'commit-sha': tip });
    expect(await git(origin.bare, 'show', '-s', '--format=%P', tip)).toBe(sha);
  });

  test('two commit steps in one job may commit the same file again', async () => {
    const ws = await checkout(origin, 'main');
    await writeFiles(ws, { 'dvc.lock': LOCK.replace('1111', '5555') });
    const first = await runOn(ws);
    await writeFiles(ws, { 'dvc.lock': LOCK.replace('1111', '6666') });
    const second = await runOn(ws);
    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    const tip = await git(origin.bare, 'rev-parse', 'main');
    expect(second.outputs['commit-sha']).toBe(tip);
    expect(await git(origin.bare, 'show', '-s', '--format=%P', tip)).toBe(
      first.outputs['commit-sha'],
    );
    expect(await show(origin.bare, tip, 'dvc.lock')).toContain('6666');
  });

  test('a branch input that does not exist yet is created from the checkout', async () => {
    const ws = await checkout(origin, 'main');
    const head = await git(ws, 'rev-parse', 'HEAD');
    await writeFiles(ws, { 'dvc.lock': 'for the results branch\n' });
    const result = await runOn(ws, { branch: 'results' });
    expect(result.exitCode).toBe(0);
    expect(await git(origin.bare, 'show', '-s', '--format=%P', 'results')).toBe(head);
    expect(await show(origin.bare, 'results', 'dvc.lock')).toBe('for the results branch');
    expect(result.summary).toContain('creating `results`');
  });

  test('a branch input naming another existing branch gets the files over its tip', async () => {
    const other = await commitOn(
      origin,
      'other',
      { 'notes.txt': 'notes\n' },
      'Notes',
      'origin/main',
    );
    const ws = await checkout(origin, 'main');
    await writeFiles(ws, { 'dvc.lock': 'over the other tip\n' });
    const result = await runOn(ws, { branch: 'other' });
    expect(result.exitCode).toBe(0);
    expect(await git(origin.bare, 'show', '-s', '--format=%P', 'other')).toBe(other);
    expect(await git(origin.bare, 'diff', '--name-only', other, 'other')).toBe('dvc.lock');
  });

  test('nothing changed: success, committed false, nothing pushed', async () => {
    const ws = await checkout(origin, 'main');
    const tip = await git(origin.bare, 'rev-parse', 'main');
    const result = await runOn(ws);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toEqual({ committed: 'false', pushed: 'false', 'commit-sha': '' });
    expect(await git(origin.bare, 'rev-parse', 'main')).toBe(tip);
    expect(result.summary).toContain('### Nothing to commit');
  });

  test('a change of line endings only is not a change', async () => {
    const ws = await checkout(origin, 'main');
    const tip = await git(origin.bare, 'rev-parse', 'main');
    const lock = await read(ws, 'dvc.lock');
    await writeFiles(ws, { 'dvc.lock': lock.replace(/\n/g, '\r\n'), 'crlf.lock': 'a: 1\nb: 2\n' });
    const result = await runOn(ws, { paths: 'dvc.lock\ncrlf.lock' });
    expect(result.outputs).toMatchObject({ committed: 'false', pushed: 'false' });
    expect(await git(origin.bare, 'rev-parse', 'main')).toBe(tip);
    expect(result.log).toContain('line endings only (not a change): dvc.lock');
  });

  test('globs pick the matching files, and only those', async () => {
    const ws = await checkout(origin, 'main');
    await writeFiles(ws, {
      'metrics/a.json': '{"a":1}\n',
      'metrics/deep/b.json': '{}\n',
      'metrics/c.txt': 'c\n',
      'dvc.lock': 'changed\n',
    });
    const result = await runOn(ws, { paths: 'metrics/*.json' });
    expect(result.exitCode).toBe(0);
    expect(await git(origin.bare, 'diff', '--name-only', 'main^', 'main')).toBe('metrics/a.json');
  });

  test('a new file is added and a removed one deleted', async () => {
    const ws = await checkout(origin, 'main');
    await rm(join(ws, 'crlf.lock'));
    await writeFiles(ws, { 'plots/new.txt': 'new\n' });
    const result = await runOn(ws, { paths: 'crlf.lock\nplots/**' });
    expect(result.exitCode).toBe(0);
    expect(await git(origin.bare, 'diff', '--name-status', 'main^', 'main')).toBe(
      'D\tcrlf.lock\nA\tplots/new.txt',
    );
    expect(result.summary).toContain('| `crlf.lock` | deleted |\n| `plots/new.txt` | added |');
  });

  test('an unchanged file named in paths is no warning: it is a file, there is just no change', async () => {
    const ws = await checkout(origin, 'main');
    const result = await runOn(ws, { paths: 'dvc.lock\nparams.yaml', 'fail-on-missing': 'true' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ committed: 'false', pushed: 'false' });
    expect(warnings(result)).toEqual([]);
  });

  test('a working-directory inside the checkout takes paths relative to it', async () => {
    const nested = await makeOrigin({ 'pipeline/dvc.lock': LOCK, 'dvc.lock': LOCK });
    const ws = await checkout(nested, 'main');
    await writeFiles(ws, {
      'pipeline/dvc.lock': LOCK.replace('1111', '7777'),
      'pipeline/new.lock': 'new\n',
      'dvc.lock': 'not this one\n',
    });
    const result = await runOn(ws, {
      'working-directory': 'pipeline',
      paths: 'dvc.lock\nnew.lock',
    });
    expect(result.exitCode).toBe(0);
    expect(await git(nested.bare, 'diff', '--name-status', 'main^', 'main')).toBe(
      'M\tpipeline/dvc.lock\nA\tpipeline/new.lock',
    );
    expect(await show(nested.bare, 'main', 'pipeline/dvc.lock')).toContain('7777');
  });

  test("a new file is stored through the repository's clean filters, as git add stores it", async () => {
    const ws = await checkout(origin, 'main');
    await writeFiles(ws, { '.gitattributes': '*.lock text\n', 'new.lock': 'a: 1\r\nb: 2\r\n' });
    const result = await runOn(ws, { paths: 'new.lock' });
    expect(result.exitCode).toBe(0);
    expect(await git(origin.bare, 'cat-file', 'blob', 'main:new.lock')).toBe('a: 1\nb: 2');
  });

  test('a file larger than a mebibyte is committed like any other', async () => {
    const ws = await checkout(origin, 'main');
    const big = `${'x'.repeat(99)}\n`.repeat(15_000);
    await writeFiles(ws, { 'metrics.csv': big });
    const result = await runOn(ws, { paths: 'metrics.csv' });
    expect(result.exitCode).toBe(0);
    expect(await git(origin.bare, 'rev-parse', 'main:metrics.csv')).toBe(
      await git(ws, 'hash-object', 'metrics.csv'),
    );
  });

  test('a path outside the repository fails with one line that says what to do', async () => {
    const ws = await checkout(origin, 'main');
    const tip = await git(origin.bare, 'rev-parse', 'main');
    const result = await runOn(ws, { paths: 'dvc.lock\n../outside.txt' });
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toEqual([
      "commit failed: input 'paths' has '../outside.txt', which is outside the repository. List paths inside the repository checkout (.).",
    ]);
    expect(await git(origin.bare, 'rev-parse', 'main')).toBe(tip);
  });

  test.each([
    [{ author: 'just a name' }, "input 'author' is 'just a name', which is not an identity"],
    [{ signed: 'yes' }, "input 'signed' is 'yes', which is not a boolean"],
    [{ 'push-attempts': '0' }, "input 'push-attempts' is '0'"],
    [{ paths: '' }, "input 'paths' is required but empty"],
  ])('the bad input %j fails clearly', async (inputs, message) => {
    const ws = await checkout(origin, 'main');
    const result = await runOn(ws, inputs);
    expect(result.exitCode).toBe(1);
    expect(errors(result)[0]).toContain(message);
  });
});

describe('when nothing can be pushed', () => {
  let origin: Origin;
  let github: LocalGitHub;
  let mainTip: string;

  beforeAll(async () => {
    origin = await makeOrigin({ 'dvc.lock': LOCK });
    mainTip = await git(origin.bare, 'rev-parse', 'main');
    github = await startLocalGitHub({
      repositories: [{ fullName: 'octo-org/demo', gitDir: origin.bare }],
      tokens: {
        [DEFAULT_TOKEN]: {
          login: 'github-actions[bot]',
          type: 'Bot',
          permissions: { '*': { contents: 'write' } },
        },
        ghs_readonly_token: {
          login: 'github-actions[bot]',
          type: 'Bot',
          permissions: { 'octo-org/demo': { contents: 'read' } },
        },
      },
    });
  });
  afterAll(() => github.stop());

  async function forkRun(extra: Record<string, string> = {}) {
    const ws = await checkout(origin, 'main');
    await writeFiles(ws, { 'dvc.lock': 'changed\n' });
    return runAction({
      action,
      workspace: ws,
      inputs: { token: '', ...extra },
      event: pullRequestEvent({
        headRepository: 'someone/demo',
        headRef: 'patch-1',
        headSha: mainTip,
        baseSha: mainTip,
      }),
      sha: mainTip,
      ref: 'refs/pull/7/merge',
    });
  }

  test('a fork pull request gets a warning and pushed false, and no push is tried', async () => {
    const result = await forkRun();
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toEqual({ committed: 'false', pushed: 'false', 'commit-sha': '' });
    expect(warnings(result)).toEqual([
      'Not pushed to patch-1: the pull request comes from the fork someone/demo, whose branch this token cannot push to',
    ]);
    expect(await git(origin.bare, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main');
    expect(result.summary).toContain('### Not pushed to `patch-1`');
  });

  test('a fork pull request fails the step with fail-on-no-push', async () => {
    const result = await forkRun({ 'fail-on-no-push': 'true' });
    expect(result.exitCode).toBe(1);
    expect(errors(result)[0]).toMatch(
      /^commit failed: Not pushed to patch-1: the pull request comes from the fork/,
    );
  });

  test('a token GitHub says cannot write gets no push attempt, a warning, and stays secret', async () => {
    const ws = await checkout(origin, 'main');
    await writeFiles(ws, { 'dvc.lock': 'changed\n' });
    const result = await runAction({
      action,
      workspace: ws,
      apiUrl: github.url,
      inputs: { token: 'ghs_readonly_token' },
      event: pushEvent({ sha: mainTip }),
      sha: mainTip,
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ pushed: 'false' });
    expect(warnings(result)[0]).toMatch(
      /^Not pushed to main: the token has no write access to octo-org\/demo/,
    );
    expect(await git(origin.bare, 'rev-parse', 'main')).toBe(mainTip);
    expect(github.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toContain(
      'GET /repos/octo-org/demo 200',
    );
    expect(result.logWithoutMasks).not.toContain('ghs_readonly_token');
    github.assertNoViolations();
  });
});

describe('a push refused with HTTP 403', () => {
  test('warns, keeps the commit, reports pushed false, and never shows the token', async () => {
    const origin = await makeOrigin({ 'dvc.lock': LOCK });
    await git(origin.bare, 'config', 'http.receivepack', 'true');
    const server = await startHttpRemote(dirname(origin.bare), { ghs_looks_writable: 'read' });
    // The API says the token may push (a ruleset still refuses it): only the push can tell.
    const github = await startLocalGitHub({
      repositories: [{ fullName: 'octo-org/demo' }],
      tokens: {
        ghs_looks_writable: {
          login: 'github-actions[bot]',
          type: 'Bot',
          permissions: { '*': { contents: 'write' } },
        },
      },
    });
    try {
      const ws = await checkout(origin, 'main');
      await git(ws, 'remote', 'set-url', 'origin', server.url('origin.git'));
      const tip = await git(origin.bare, 'rev-parse', 'main');
      await writeFiles(ws, { 'dvc.lock': 'changed\n' });
      const result = await runAction({
        action,
        workspace: ws,
        apiUrl: github.url,
        inputs: { token: 'ghs_looks_writable' },
        event: pushEvent({ sha: tip }),
        sha: tip,
      });
      expect(result.exitCode).toBe(0);
      expect(result.outputs['committed']).toBe('true');
      expect(result.outputs['pushed']).toBe('false');
      expect(await show(ws, result.outputs['commit-sha']!, 'dvc.lock')).toBe('changed');
      expect(warnings(result)[0]).toMatch(/^Not pushed to main: .*(403|Permission to)/);
      expect(await git(origin.bare, 'rev-parse', 'main')).toBe(tip);
      const encoded = Buffer.from('x-access-token:ghs_looks_writable').toString('base64');
      expect(result.logWithoutMasks).not.toContain('ghs_looks_writable');
      expect(result.logWithoutMasks).not.toContain(encoded);
      github.assertNoViolations();
    } finally {
      await Promise.all([server.stop(), github.stop()]);
    }
  });
});

describe('signed: true', () => {
  let origin: Origin;
  let github: LocalGitHub;

  beforeAll(async () => {
    origin = await makeOrigin({ 'dvc.lock': LOCK });
    github = await startLocalGitHub({
      repositories: [{ fullName: 'octo-org/demo', gitDir: origin.bare }],
    });
  });
  afterAll(() => github.stop());

  test('GitHub creates the commit through createCommitOnBranch, validated against its schema', async () => {
    const tip = await git(origin.bare, 'rev-parse', 'main');
    const ws = await checkout(origin, 'main');
    await writeFiles(ws, { 'dvc.lock': LOCK.replace('1111', '4444') });
    const result = await runAction({
      action,
      workspace: ws,
      apiUrl: github.url,
      inputs: { token: DEFAULT_TOKEN, signed: 'true', message: 'Record the retrained model' },
      event: pushEvent({ sha: tip }),
      sha: tip,
    });
    expect(errors(result)).toEqual([]);
    const now = await git(origin.bare, 'rev-parse', 'main');
    expect(result.outputs).toEqual({ committed: 'true', pushed: 'true', 'commit-sha': now });
    expect(await git(origin.bare, 'show', '-s', '--format=%s|%cn|%P', now)).toBe(
      `Record the retrained model|GitHub|${tip}`,
    );
    expect(await show(origin.bare, now, 'dvc.lock')).toContain('4444');
    expect(github.requests.some((r) => r.operationId === 'graphql' && r.status === 200)).toBe(true);
    expect(result.summary).toContain('(signed by GitHub)');
    expect(result.logWithoutMasks).not.toContain(DEFAULT_TOKEN);
    github.assertNoViolations();
  });
});

describe('races', () => {
  test('five runs in parallel, each changing a different file, all land on one branch', async () => {
    const origin = await makeOrigin({ 'dvc.lock': LOCK });
    const tip = await git(origin.bare, 'rev-parse', 'main');
    const workspaces = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        const ws = await checkout(origin, 'main');
        await writeFiles(ws, { [`results/run-${n}.txt`]: `run ${n}\n` });
        return ws;
      }),
    );
    const results = await Promise.all(
      workspaces.map((ws) =>
        runAction({
          action,
          workspace: ws,
          inputs: { token: '', paths: 'results/*.txt' },
          event: pushEvent({ sha: tip }),
          sha: tip,
        }),
      ),
    );
    expect(results.map((r) => [r.exitCode, r.outputs['pushed']])).toEqual(
      Array(5).fill([0, 'true']),
    );
    const history = await log(origin.bare, 'main');
    expect(history).toHaveLength(6);
    expect(new Set(results.map((r) => r.outputs['commit-sha']))).toEqual(
      new Set(history.slice(0, 5).map((l) => l.split(' ')[0])),
    );
    expect(await git(origin.bare, 'ls-tree', '--name-only', 'main:results')).toBe(
      'run-1.txt\nrun-2.txt\nrun-3.txt\nrun-4.txt\nrun-5.txt',
    );
  });

  test('two runs changing the same lines: one lands, the other fails naming the file and that commit', async () => {
    const origin = await makeOrigin({ 'dvc.lock': LOCK, 'params.yaml': PARAMS });
    const tip = await git(origin.bare, 'rev-parse', 'main');
    const workspaces = await Promise.all(
      ['a', 'b'].map(async (name) => {
        const ws = await checkout(origin, 'main');
        await writeFiles(ws, { 'params.yaml': PARAMS.replace('p3: 3', `p3: ${name}`) });
        return ws;
      }),
    );
    const results = await Promise.all(
      workspaces.map((ws) =>
        runAction({
          action,
          workspace: ws,
          inputs: { token: '', paths: 'params.yaml' },
          event: pushEvent({ sha: tip }),
          sha: tip,
        }),
      ),
    );
    const winner = results.find((r) => r.exitCode === 0);
    const loser = results.find((r) => r.exitCode !== 0);
    expect(winner?.outputs['pushed']).toBe('true');
    expect(loser?.exitCode).toBe(1);
    const landed = await git(origin.bare, 'rev-parse', 'main');
    expect(landed).toBe(winner?.outputs['commit-sha']);
    expect(await git(origin.bare, 'show', '-s', '--format=%P', landed)).toBe(tip);
    expect(errors(loser!)[0]).toContain(
      `commit failed: params.yaml conflicts with commit ${landed.slice(0, 12)} on main`,
    );
    expect(loser?.outputs).toMatchObject({ committed: 'true', pushed: 'false' });
    const winnerName = (await show(origin.bare, landed, 'params.yaml')).includes('p3: a')
      ? 'a'
      : 'b';
    const loserWs = workspaces[results.indexOf(loser!)]!;
    expect(await show(loserWs, 'refs/mlops-actions/commit/main', 'params.yaml')).not.toContain(
      `p3: ${winnerName}`,
    );
  });
});
