import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import {
  checkout,
  commitOn,
  git,
  makeOrigin,
  type Origin,
  show,
  writeFiles,
} from '@mlops-actions/testkit/git-fixture';
import { DEFAULT_TOKEN, type LocalGitHub, startLocalGitHub } from '@mlops-actions/testkit/github';
import { type HttpRemote, startHttpRemote } from '@mlops-actions/testkit/http-remote';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  authHeader,
  CommitConflictError,
  type CommitFilesOptions,
  type CommitProgress,
  commitFilesToBranch,
} from '../../src/commit/index.ts';
import { ActionError } from '../../src/index.ts';

const runFile = promisify(execFile);
const noWait = { sleep: () => Promise.resolve(), random: () => 0.5 };
const me = { name: 'Run Bot', email: 'run@example.com' };

/** The exact bytes of a file at a revision of a repository. */
async function bytesAt(repo: string, rev: string, path: string): Promise<Buffer> {
  const { stdout } = await runFile('git', ['cat-file', 'blob', `${rev}:${path}`], {
    cwd: repo,
    encoding: 'buffer',
  });
  return stdout;
}

function commit(options: Partial<CommitFilesOptions> & Pick<CommitFilesOptions, 'cwd' | 'files'>) {
  return commitFilesToBranch({
    branch: 'main',
    message: 'Update files',
    author: me,
    ...noWait,
    ...options,
  });
}

/** Runs `action` just before the first publish: another pusher getting in first. */
function beforeFirstPublish(action: () => Promise<unknown>): (e: CommitProgress) => Promise<void> {
  let done = false;
  return async (event) => {
    if (event.kind === 'publishing' && !done) {
      done = true;
      await action();
    }
  };
}

const LINES = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

describe('commitFilesToBranch with git push', () => {
  let origin: Origin;
  let ws: string;

  beforeAll(async () => {
    origin = await makeOrigin({
      'README.md': '# demo\n',
      'params.yaml': LINES,
      'crlf.txt': 'a\r\nb\r\n',
    });
  });

  async function fresh(): Promise<string> {
    ws = await checkout(origin, 'main');
    return ws;
  }

  test('creates an orphan branch holding only the given files, bytes intact', async () => {
    const cwd = await fresh();
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 0xff, 0x0d, 0x0a,
    ]);
    const result = await commit({
      cwd,
      branch: 'assets',
      orphan: true,
      files: { 'pr-7/plot.png': png, 'pr-7/index.md': 'hi\n' },
    });
    expect(result).toMatchObject({
      committed: true,
      pushed: true,
      created: true,
      parent: undefined,
      attempts: 1,
    });
    expect(await git(origin.bare, 'ls-tree', '-r', '--name-only', 'assets')).toBe(
      'pr-7/index.md\npr-7/plot.png',
    );
    expect(await bytesAt(origin.bare, 'assets', 'pr-7/plot.png')).toEqual(png);
    expect(await git(origin.bare, 'rev-parse', 'assets')).toBe(result.sha);
  });

  test('leaves the work tree, the index and HEAD exactly as they were', async () => {
    const cwd = await fresh();
    await writeFiles(cwd, { 'README.md': '# edited, not staged\n', 'staged.txt': 'staged\n' });
    await git(cwd, 'add', 'staged.txt');
    const before = [
      await git(cwd, 'rev-parse', 'HEAD'),
      await git(cwd, 'status', '--porcelain'),
      await git(cwd, 'ls-files', '-s'),
    ];
    await commit({ cwd, branch: 'side', orphan: true, files: { 'x.txt': 'x\n' } });
    const after = [
      await git(cwd, 'rev-parse', 'HEAD'),
      await git(cwd, 'status', '--porcelain'),
      await git(cwd, 'ls-files', '-s'),
    ];
    expect(after).toEqual(before);
  });

  test('commits nothing but the given files, even with other changes in the work tree', async () => {
    const cwd = await fresh();
    await writeFiles(cwd, { 'README.md': '# local edit\n', 'params.yaml': `${LINES}line 13\n` });
    const result = await commit({ cwd, files: { 'params.yaml': { workTree: true } } });
    expect(result.changes).toEqual([{ path: 'params.yaml', change: 'modified' }]);
    expect(await git(origin.bare, 'diff', '--name-only', `${result.sha}^`, result.sha!)).toBe(
      'params.yaml',
    );
    expect(await show(origin.bare, 'main', 'README.md')).toBe('# demo');
  });

  test('a push rejected because the branch moved is rebased onto the new tip and pushed again', async () => {
    const cwd = await fresh();
    const retries: number[] = [];
    let theirs = '';
    const race = beforeFirstPublish(async () => {
      theirs = await commitOn(origin, 'main', { 'theirs.txt': 'theirs\n' });
    });
    const result = await commit({
      cwd,
      files: { 'mine.txt': 'mine\n' },
      onProgress: async (event) => {
        if (event.kind === 'retrying') retries.push(event.delayMs);
        await race(event);
      },
    });
    expect(result).toMatchObject({ pushed: true, attempts: 2, parent: theirs });
    expect(retries).toEqual([750]);
    expect(await show(origin.bare, 'main', 'theirs.txt')).toBe('theirs');
    expect(await show(origin.bare, 'main', 'mine.txt')).toBe('mine');
  });

  test('edits of different lines of one file are merged when the branch moved', async () => {
    const cwd = await fresh();
    await writeFiles(cwd, {
      'params.yaml':
        (await show(origin.bare, 'main', 'params.yaml')).replace('line 11', 'line eleven') + '\n',
    });
    const result = await commit({
      cwd,
      start: await git(cwd, 'rev-parse', 'HEAD'),
      files: { 'params.yaml': { workTree: true } },
      onProgress: beforeFirstPublish(async () => {
        const now = await show(origin.bare, 'main', 'params.yaml');
        await commitOn(origin, 'main', {
          'params.yaml': now.replace('line 2\n', 'line two\n') + '\n',
        });
      }),
    });
    expect(result.pushed).toBe(true);
    const merged = await show(origin.bare, 'main', 'params.yaml');
    expect(merged).toContain('line two');
    expect(merged).toContain('line eleven');
  });

  test('edits of the same lines are a conflict naming the file and the commit; nothing is pushed', async () => {
    const cwd = await fresh();
    const start = await git(cwd, 'rev-parse', 'HEAD');
    await writeFiles(cwd, { 'params.yaml': LINES.replace('line 5', 'line 5 = ours') });
    let theirs = '';
    const attempt = commit({
      cwd,
      start,
      files: { 'params.yaml': { workTree: true } },
      onProgress: beforeFirstPublish(async () => {
        theirs = await commitOn(
          origin,
          'main',
          { 'params.yaml': LINES.replace('line 5', 'line 5 = theirs') },
          'Tune line 5',
        );
      }),
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommitConflictError);
    const conflict = error as CommitConflictError;
    expect(conflict.path).toBe('params.yaml');
    expect(conflict.conflictingCommit).toBe(theirs);
    expect(conflict.message).toContain(`params.yaml conflicts with commit ${theirs.slice(0, 12)}`);
    expect(conflict.message).toContain('"Tune line 5" by Fixture Person');
    expect(await git(origin.bare, 'rev-parse', 'main')).toBe(theirs);
    expect(await git(cwd, 'rev-parse', conflict.keptRef)).toBe(conflict.localCommit);
    expect(await show(cwd, conflict.localCommit, 'params.yaml')).toContain('line 5 = ours');
    // The conflicting file on the remote is theirs, untouched.
    expect(await show(origin.bare, 'main', 'params.yaml')).toContain('line 5 = theirs');
  });

  test('a file the branch already has, line endings aside, is not committed', async () => {
    const cwd = await fresh();
    const tip = await git(origin.bare, 'rev-parse', 'main');
    const result = await commit({
      cwd,
      files: { 'crlf.txt': 'a\nb\n', 'README.md': '# demo\r\n' },
    });
    expect(result).toMatchObject({ committed: false, pushed: false, sha: tip, changes: [] });
    expect(result.unchanged.sort()).toEqual(['README.md', 'crlf.txt']);
    expect(await git(origin.bare, 'rev-parse', 'main')).toBe(tip);
  });

  test('a branch that got the same change meanwhile needs no commit', async () => {
    const cwd = await fresh();
    let theirs = '';
    const result = await commit({
      cwd,
      start: await git(cwd, 'rev-parse', 'HEAD'),
      files: { 'same.txt': 'same\n' },
      onProgress: beforeFirstPublish(async () => {
        theirs = await commitOn(origin, 'main', { 'same.txt': 'same\n' });
      }),
    });
    expect(result).toMatchObject({ committed: false, pushed: false, sha: theirs, changes: [] });
    expect(await git(origin.bare, 'rev-parse', 'main')).toBe(theirs);
  });

  test('a changed text file keeps the line endings of the version it replaces', async () => {
    const cwd = await fresh();
    const result = await commit({
      cwd,
      files: { 'README.md': '# demo\r\nmore\r\n', 'crlf.txt': 'a\nc\n' },
    });
    expect(result.pushed).toBe(true);
    expect((await bytesAt(origin.bare, 'main', 'README.md')).toString()).toBe('# demo\nmore\n');
    expect((await bytesAt(origin.bare, 'main', 'crlf.txt')).toString()).toBe('a\r\nc\r\n');
  });

  test('null deletes a file, and a missing work-tree file is a deletion too', async () => {
    const cwd = await fresh();
    await commitOn(origin, 'main', { 'gone-1.txt': '1\n', 'gone-2.txt': '2\n' });
    const result = await commit({
      cwd,
      files: { 'gone-1.txt': null, 'gone-2.txt': { workTree: true } },
    });
    expect(result.changes).toEqual([
      { path: 'gone-1.txt', change: 'deleted' },
      { path: 'gone-2.txt', change: 'deleted' },
    ]);
    expect(await git(origin.bare, 'ls-tree', '--name-only', 'main')).not.toMatch(/gone/);
  });

  test('gives up after the given attempts while the branch keeps moving, and keeps the commit', async () => {
    const cwd = await fresh();
    let n = 0;
    const error = await commit({
      cwd,
      attempts: 3,
      files: { 'busy.txt': 'mine\n' },
      onProgress: async (event) => {
        if (event.kind === 'publishing')
          await commitOn(origin, 'main', { [`other-${n++}.txt`]: 'x\n' });
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toMatch(/after 3 attempts: the branch kept moving/);
    expect(n).toBe(3);
    expect(await show(cwd, 'refs/mlops-actions/commit/main', 'busy.txt')).toBe('mine');
    expect(await git(origin.bare, 'ls-tree', '--name-only', 'main')).not.toContain('busy.txt');
  });

  test('a start commit the branch no longer contains (a force-push) is refused', async () => {
    const cwd = await fresh();
    const start = await git(cwd, 'rev-parse', 'HEAD');
    await commitOn(origin, 'rewritten', { 'a.txt': 'a\n' });
    await git(origin.seed, 'checkout', '-q', '--orphan', 'fresh');
    await git(origin.seed, 'commit', '-q', '-m', 'Rewritten history');
    await git(origin.seed, 'push', '-q', '-f', 'origin', 'fresh:rewritten');
    const error = await commit({
      cwd,
      branch: 'rewritten',
      start,
      files: { 'a.txt': 'b\n' },
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/rewritten no longer contains .* force-pushed/);
  });

  test('a branch rewound behind start is not pushed over: the first, unfetched push is conditional', async () => {
    const before = await commitOn(origin, 'rewound', { 'r.txt': '1\n' }, 'One', 'origin/main');
    const start = await commitOn(origin, 'rewound', { 'r.txt': '2\n' }, 'Two');
    const cwd = await checkout(origin, 'rewound');
    await git(origin.bare, 'update-ref', 'refs/heads/rewound', before);
    const error = await commit({
      cwd,
      branch: 'rewound',
      start,
      files: { 'r.txt': '3\n' },
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/rewound no longer contains .* force-pushed/);
    expect(await git(origin.bare, 'rev-parse', 'rewound')).toBe(before);
  });

  test('a full clone stays a full clone', async () => {
    const cwd = await checkout(origin, 'main', { depth: 0 });
    const result = await commit({ cwd, files: { 'full.txt': 'full\n' } });
    expect(result.pushed).toBe(true);
    expect(await git(cwd, 'rev-parse', '--is-shallow-repository')).toBe('false');
  });

  test('a shallow clone gets enough history to rebase and to name a conflicting commit', async () => {
    const cwd = await checkout(origin, 'main', { depth: 1 });
    const start = await git(cwd, 'rev-parse', 'HEAD');
    await commitOn(origin, 'main', { 'deep-1.txt': '1\n' });
    const theirs = await commitOn(
      origin,
      'main',
      { 'params.yaml': LINES.replace('line 7', 'line 7 = theirs') },
      'Theirs',
    );
    await commitOn(origin, 'main', { 'deep-2.txt': '2\n' });
    await writeFiles(cwd, { 'params.yaml': LINES.replace('line 7', 'line 7 = ours') });
    const error = await commit({ cwd, start, files: { 'params.yaml': { workTree: true } } }).catch(
      (e: unknown) => e,
    );
    expect((error as CommitConflictError).conflictingCommit).toBe(theirs);
  });
});

describe('commitFilesToBranch over HTTP with a token', () => {
  let origin: Origin;
  let server: HttpRemote;

  beforeAll(async () => {
    origin = await makeOrigin({ 'dvc.lock': 'v1\n' });
    await git(origin.bare, 'config', 'http.receivepack', 'true');
    server = await startHttpRemote(dirname(origin.bare), {
      ghs_writer: 'write',
      ghs_reader: 'read',
      ghs_stale: 'read',
    });
  });
  afterAll(() => server.stop());

  async function httpCheckout(persisted?: string): Promise<string> {
    const cwd = await checkout(origin, 'main');
    await git(cwd, 'remote', 'set-url', 'origin', server.url('origin.git'));
    if (persisted) {
      // What actions/checkout leaves in .git/config with persist-credentials.
      await git(
        cwd,
        'config',
        '--local',
        `http.${new URL(server.url('')).origin}/.extraheader`,
        authHeader(persisted),
      );
    }
    return cwd;
  }

  test('the token travels as one Authorization header, replacing a persisted one, never in a URL', async () => {
    const cwd = await httpCheckout('ghs_stale');
    const seen = server.authorizations.length;
    const result = await commit({ cwd, token: 'ghs_writer', files: { 'dvc.lock': 'v2\n' } });
    expect(result.pushed).toBe(true);
    expect(await show(origin.bare, 'main', 'dvc.lock')).toBe('v2');
    const ours = authHeader('ghs_writer').replace(/^AUTHORIZATION: /, '');
    const sent = server.authorizations.slice(seen);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const headers of sent) expect(headers).toEqual([ours]);
    expect(server.urls.join('\n')).not.toContain('ghs_writer');
  });

  test('a push refused with 403 returns pushed false with the reason and keeps the commit', async () => {
    const cwd = await httpCheckout();
    const tip = await git(origin.bare, 'rev-parse', 'main');
    const result = await commit({ cwd, token: 'ghs_reader', files: { 'dvc.lock': 'v3\n' } });
    expect(result).toMatchObject({
      committed: true,
      pushed: false,
      keptRef: 'refs/mlops-actions/commit/main',
      attempts: 1,
    });
    expect(result.denied).toMatch(/403|Permission to/);
    expect(await git(origin.bare, 'rev-parse', 'main')).toBe(tip);
    expect(await show(cwd, result.keptRef!, 'dvc.lock')).toBe('v3');
  });

  test('a token the server does not accept fails clearly, without retrying', async () => {
    const cwd = await httpCheckout();
    const error = await commit({ cwd, token: 'ghs_unknown', files: { 'dvc.lock': 'v4\n' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).message).toMatch(
      /could not fetch main on http:\/\/127\.0\.0\.1:\d+\/origin\.git/,
    );
    expect((error as ActionError).hint).toMatch(/token that can read/);
  });
});

describe('commitFilesToBranch with signed commits (createCommitOnBranch)', () => {
  let origin: Origin;
  let github: LocalGitHub;

  beforeAll(async () => {
    origin = await makeOrigin({ 'dvc.lock': 'v1\n', 'keep.txt': 'keep\n' });
    github = await startLocalGitHub({
      repositories: [{ fullName: 'octo-org/demo', gitDir: origin.bare }],
      tokens: {
        [DEFAULT_TOKEN]: {
          login: 'github-actions[bot]',
          type: 'Bot',
          permissions: { '*': { contents: 'write' } },
        },
        ghs_read: {
          login: 'reader',
          type: 'Bot',
          permissions: { 'octo-org/demo': { contents: 'read' } },
        },
      },
    });
  });
  afterAll(() => github.stop());

  const signed = (token = DEFAULT_TOKEN) => ({
    token,
    apiUrl: github.url,
    repository: 'octo-org/demo',
  });

  test('GitHub makes the commit on the branch, and the request is valid GraphQL', async () => {
    const cwd = await checkout(origin, 'main');
    const tip = await git(origin.bare, 'rev-parse', 'main');
    const result = await commit({
      cwd,
      signed: signed(),
      message: 'Update dvc.lock [skip ci]',
      files: { 'dvc.lock': 'v2\n', 'keep.txt': null },
    });
    expect(result).toMatchObject({ committed: true, pushed: true, parent: tip });
    expect(await git(origin.bare, 'rev-parse', 'main')).toBe(result.sha);
    expect(await git(origin.bare, 'show', '-s', '--format=%s|%cn|%P', 'main')).toBe(
      `Update dvc.lock [skip ci]|GitHub|${tip}`,
    );
    expect(await git(origin.bare, 'ls-tree', '--name-only', 'main')).toBe('dvc.lock');
    github.assertNoViolations();
  });

  test('a branch that moved (STALE_DATA) is fetched, rebased and tried again', async () => {
    const cwd = await checkout(origin, 'main');
    let theirs = '';
    const result = await commit({
      cwd,
      signed: signed(),
      files: { 'signed-mine.txt': 'mine\n' },
      onProgress: beforeFirstPublish(async () => {
        theirs = await commitOn(origin, 'main', { 'signed-theirs.txt': 'theirs\n' });
      }),
    });
    expect(result).toMatchObject({ pushed: true, attempts: 2, parent: theirs });
    expect(await show(origin.bare, 'main', 'signed-theirs.txt')).toBe('theirs');
    expect(await show(origin.bare, 'main', 'signed-mine.txt')).toBe('mine');
    github.assertNoViolations();
  });

  test('a token without write access returns pushed false, with what GitHub said', async () => {
    const cwd = await checkout(origin, 'main');
    const tip = await git(origin.bare, 'rev-parse', 'main');
    const result = await commit({ cwd, signed: signed('ghs_read'), files: { 'dvc.lock': 'v9\n' } });
    expect(result).toMatchObject({ committed: true, pushed: false });
    expect(result.denied).toMatch(/not accessible/);
    expect(await git(origin.bare, 'rev-parse', 'main')).toBe(tip);
  });
});
