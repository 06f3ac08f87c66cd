// The bundled action run as the runner runs it: real git and DVC repositories with two
// revisions, a bare origin, a local DVC remote, and the local GitHub that validates every call
// against GitHub's OpenAPI description. Build first: npm run build.
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type ActionResult,
  pullRequestEvent,
  pushEvent,
  repoRoot,
  runAction,
} from '@mlops-actions/testkit';
import { createDvcRepo, type DvcRepo } from '@mlops-actions/testkit/dvc-repo';
import { DEFAULT_TOKEN, type LocalGitHub, startLocalGitHub } from '@mlops-actions/testkit/github';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const action = join(repoRoot, 'actions', 'report');
const PNG_A = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PNG_B = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const MERGE_SHA = 'f'.repeat(40);

const DVC_YAML = `stages:
  train:
    cmd: python train.py
    params:
      - train.lr
      - train.epochs
    outs:
      - history.json:
          cache: false
      - cm.json:
          cache: false
    metrics:
      - metrics.json:
          cache: false
      - eval/cached.json
    plots:
      - preview.png:
          cache: false
plots:
  - loss:
      title: Training loss
      x: epoch
      y:
        history.json: [train_loss, val_loss]
  - confusion:
      template: confusion
      x: actual
      y:
        cm.json: predicted
`;

const history = (n: number, scale: number) =>
  JSON.stringify(
    Array.from({ length: n }, (_, i) => ({
      epoch: i,
      train_loss: scale / (i + 1),
      val_loss: (scale * 1.3) / (i + 1),
    })),
  );
const confusion = (pairs: [number, number][]) =>
  JSON.stringify(pairs.map(([actual, predicted]) => ({ actual, predicted })));

function errors(result: ActionResult): string[] {
  return result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
}

function warnings(result: ActionResult): string[] {
  return result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
}

/** A DVC project with a base on main and a pull request branch, both pushed with their DVC data. */
async function projectWithPullRequest(): Promise<{ repo: DvcRepo; base: string; head: string }> {
  const repo = await createDvcRepo({
    'dvc.yaml': DVC_YAML,
    'params.yaml': 'train:\n  lr: 0.01\n  epochs: 3\n  optimizer: adam\n',
    'metrics.json': '{"accuracy": 0.9, "loss": 0.35, "samples": 500}',
    'eval/cached.json': '{"auc": 0.8}',
    'history.json': history(3, 1),
    'cm.json': confusion([
      [0, 0],
      [0, 1],
      [1, 1],
    ]),
    'preview.png': PNG_A,
  });
  const base = await repo.commit('Base experiment');
  await repo.git('push', '--quiet', 'origin', 'main');
  await repo.dvc('push', '--quiet');
  await repo.git('checkout', '--quiet', '-b', 'feature');
  await repo.write({
    'params.yaml': 'train:\n  lr: 0.02\n  epochs: 4\n  optimizer: adam\n',
    'metrics.json': '{"accuracy": 0.93, "loss": 0.3, "samples": 500}',
    'eval/cached.json': '{"auc": 0.85}',
    'history.json': history(4, 0.9),
    'cm.json': confusion([
      [0, 0],
      [1, 1],
      [1, 1],
    ]),
    'preview.png': PNG_B,
  });
  const head = await repo.commit('Tune the learning rate');
  await repo.git('push', '--quiet', 'origin', 'feature');
  await repo.dvc('push', '--quiet');
  return { repo, base, head };
}

async function localGitHub(
  repo: DvcRepo,
  head: string,
  base: string,
  extra: Parameters<typeof startLocalGitHub>[0] = {},
): Promise<LocalGitHub> {
  return startLocalGitHub({
    repositories: [{ fullName: 'octo-org/demo', gitDir: repo.origin, private: true }],
    pullRequests: [
      { number: 7, head: { ref: 'feature', sha: head }, base: { ref: 'main', sha: base } },
    ],
    ...extra,
  });
}

function runReport(
  repo: DvcRepo,
  github: LocalGitHub,
  options: {
    head: string;
    base: string;
    inputs?: Record<string, string>;
    fork?: boolean;
    workspace?: string;
    token?: string;
  },
): Promise<ActionResult> {
  return runAction({
    action,
    workspace: options.workspace ?? repo.dir,
    inputs: { token: options.token ?? DEFAULT_TOKEN, ...options.inputs },
    env: { PATH: repo.env['PATH'], DVC_NO_ANALYTICS: '1' },
    event: pullRequestEvent({
      number: 7,
      headRef: 'feature',
      headSha: options.head,
      baseSha: options.base,
      ...(options.fork ? { headRepository: 'someone/demo' } : {}),
    }),
    sha: MERGE_SHA,
    ref: 'refs/pull/7/merge',
    apiUrl: github.url,
    serverUrl: github.serverUrl,
    timeoutMs: 120_000,
  });
}

describe('a report on a pull request with 150 comments', { timeout: 180_000 }, () => {
  let repo: DvcRepo;
  let base: string;
  let head: string;
  let github: LocalGitHub;
  let ourId: number;
  let result: ActionResult;

  beforeAll(async () => {
    ({ repo, base, head } = await projectWithPullRequest());
    github = await localGitHub(repo, head, base);
    const authors = ['alice', 'bob', 'renovate[bot]'];
    for (let i = 0; i < 150; i++) {
      const comment = github.seedIssueComment({
        issueNumber: 7,
        author: i === 110 ? 'github-actions[bot]' : authors[i % 3]!,
        body:
          i === 110
            ? '<!-- mlops-actions/report workflow=test id=report -->\nold report'
            : `comment ${i}`,
      });
      if (i === 110) ourId = comment.id;
    }
    // The runner's DVC cache is empty: the base's cached metrics come from the DVC remote.
    await rm(join(repo.dir, '.dvc', 'cache'), { recursive: true, force: true });
    result = await runReport(repo, github, {
      head,
      base,
      inputs: { 'metrics-better': 'accuracy: higher\nloss: lower' },
    });
  });

  afterAll(async () => {
    await github.stop();
    await repo.remove();
  });

  test('succeeds without a warning or a GitHub API violation', () => {
    expect(errors(result)).toEqual([]);
    expect(warnings(result)).toEqual([]);
    expect(result.exitCode).toBe(0);
    github.assertNoViolations();
  });

  test('updates our comment in place and leaves the other 149 alone', () => {
    const comments = github.commentsOn(7);
    expect(comments).toHaveLength(150);
    const ours = comments.find((c) => c.id === ourId)!;
    expect(ours.body).toContain('## Experiment report for');
    expect(comments.filter((c) => c.body.includes('Experiment report'))).toHaveLength(1);
    expect(result.outputs['comment-id']).toBe(String(ourId));
    expect(result.outputs['comment-url']).toContain(`#issuecomment-${ourId}`);
  });

  test('titles the report with the pull request head, not the merge commit, and links the run', () => {
    const body = github.commentsOn(7).find((c) => c.id === ourId)!.body;
    expect(body).toContain(
      `[\`${head.slice(0, 7)}\`](${github.serverUrl}/octo-org/demo/commit/${head})`,
    );
    expect(body).not.toContain(MERGE_SHA.slice(0, 7));
    expect(body).toContain(`Compared with \`main\` ([\`${base.slice(0, 7)}\`]`);
    expect(body).toContain(`[workflow run](${github.serverUrl}/octo-org/demo/actions/runs/4242)`);
  });

  test('puts a summary line with better and worse marks at the top', () => {
    const body = github.commentsOn(7).find((c) => c.id === ourId)!.body;
    expect(body).toContain(
      '**Summary:** `accuracy` 0.9 → 0.93 (+0.03, +3.3%) ✅ · `loss` 0.35 → 0.3 (−0.05, −14%) ✅ · `auc` 0.8 → 0.85 (+0.05, +6.2%) · 2 params changed',
    );
  });

  test('reads the DVC-cached metrics of the base after fetching them', () => {
    expect(result.summary).toContain('| eval/cached.json | auc | 0.8 | 0.85 | +0.05 | +6.2% |');
    expect(result.log).toContain('Fetching 1 object(s) missing from the DVC cache');
  });

  test('writes the report file, the job summary and the changed metrics', async () => {
    const file = await readFile(result.outputs['report-path']!, 'utf8');
    expect(file).toContain('### Params');
    expect(file).toContain('| params.yaml | train.lr | 0.01 | 0.02 | +0.01 |');
    expect(result.summary).toContain(file.trim().split('\n')[2]!);
    expect(JSON.parse(result.outputs['metrics-changed']!)).toEqual({
      'metrics.json': {
        accuracy: { old: 0.9, new: 0.93, diff: 0.93 - 0.9 },
        loss: { old: 0.35, new: 0.3, diff: 0.3 - 0.35 },
      },
      'eval/cached.json': { auc: { old: 0.8, new: 0.85, diff: 0.85 - 0.8 } },
    });
  });

  test('commits the images to the orphan image branch in a folder named by the head SHA', async () => {
    const branch = (
      await run('git', ['--git-dir', repo.origin, 'rev-parse', 'mlops-report-images'])
    ).stdout.trim();
    const files = (
      await run('git', ['--git-dir', repo.origin, 'ls-tree', '-r', '--name-only', branch])
    ).stdout
      .trim()
      .split('\n');
    expect(files.sort()).toEqual([
      `${head}/loss.svg`,
      `${head}/preview-base.png`,
      `${head}/preview-workspace.png`,
    ]);
    const parents = (
      await run('git', ['--git-dir', repo.origin, 'log', '--format=%P', branch])
    ).stdout.trim();
    expect(parents).toBe('');
    const png = await run(
      'git',
      ['--git-dir', repo.origin, 'cat-file', 'blob', `${branch}:${head}/preview-workspace.png`],
      { encoding: 'buffer' },
    );
    expect(Buffer.compare(png.stdout as unknown as Buffer, PNG_B)).toBe(0);
  });

  test('links images by commit-pinned blob URLs and shows them side by side', async () => {
    const branch = (
      await run('git', ['--git-dir', repo.origin, 'rev-parse', 'mlops-report-images'])
    ).stdout.trim();
    const body = github.commentsOn(7).find((c) => c.id === ourId)!.body;
    const url = (name: string) =>
      `${github.serverUrl}/octo-org/demo/blob/${branch}/${head}/${name}?raw=true`;
    expect(body).toContain(
      `<td><img src="${url('preview-base.png')}" alt="preview.png (main)" width="100%"></td><td><img src="${url('preview-workspace.png')}"`,
    );
    expect(body).toContain(`<img src="${url('loss.svg')}" alt="Training loss" width="640">`);
  });

  test('draws the loss curves of both revisions as an SVG chart', async () => {
    const svg = (
      await run('git', [
        '--git-dir',
        repo.origin,
        'cat-file',
        'blob',
        `mlops-report-images:${head}/loss.svg`,
      ])
    ).stdout;
    expect(svg).toContain('<title>');
    expect(svg.match(/<path /g)).toHaveLength(4);
    expect(svg).toContain('workspace: train_loss');
    expect(svg).toContain('main: val_loss');
  });

  test('shows the confusion matrix as a table of counts with the changes', () => {
    expect(result.summary).toContain('| actual ↓ · predicted → | 0 | 1 |');
    expect(result.summary).toContain('| **1** | 0 | **2 (+1)** |');
  });

  test('never prints the token', () => {
    expect(result.logWithoutMasks).not.toContain(DEFAULT_TOKEN);
  });

  test('a second run edits the same comment and adds no image commit when nothing changed', async () => {
    const before = (
      await run('git', ['--git-dir', repo.origin, 'rev-parse', 'mlops-report-images'])
    ).stdout.trim();
    const again = await runReport(repo, github, { head, base });
    expect(again.exitCode).toBe(0);
    expect(again.outputs['comment-id']).toBe(String(ourId));
    expect(github.commentsOn(7)).toHaveLength(150);
    expect(
      (
        await run('git', ['--git-dir', repo.origin, 'rev-parse', 'mlops-report-images'])
      ).stdout.trim(),
    ).toBe(before);
  });
});

describe('reports that cannot or should not comment', { timeout: 180_000 }, () => {
  let repo: DvcRepo;
  let base: string;
  let head: string;
  let github: LocalGitHub;

  beforeAll(async () => {
    ({ repo, base, head } = await projectWithPullRequest());
    github = await localGitHub(repo, head, base, {
      tokens: {
        read_token: {
          login: 'reader[bot]',
          type: 'Bot',
          permissions: { 'octo-org/demo': { pull_requests: 'read', contents: 'read' } },
        },
      },
    });
  });

  afterAll(async () => {
    await github.stop();
    await repo.remove();
  });

  test('a fork pull request gets the job summary only, a warning naming the permission, and success', async () => {
    const result = await runReport(repo, github, { head, base, fork: true });
    expect(result.exitCode).toBe(0);
    expect(warnings(result).join('\n')).toMatch(/fork.*read-only.*pull-requests: write/);
    expect(result.summary).toContain('## Experiment report for');
    expect(result.summary).toContain('xychart-beta');
    expect(result.summary).toContain(
      'images are not published: the token of a fork pull request is read-only',
    );
    expect(github.commentsOn(7)).toEqual([]);
    expect(github.requests).toEqual([]);
  });

  test('a token without pull-requests: write gets a warning and success', async () => {
    const result = await runReport(repo, github, {
      head,
      base,
      token: 'read_token',
      inputs: { 'image-store': 'none' },
    });
    expect(result.exitCode).toBe(0);
    expect(warnings(result).join('\n')).toMatch(/HTTP 403.*pull-requests: write/);
    expect(result.outputs['comment-id']).toBe('');
    expect(result.summary).toContain('## Experiment report for');
    github.assertNoViolations();
  });

  test('two concurrent runs on one pull request leave one comment and one image commit', async () => {
    const [a, b] = await Promise.all([
      runReport(repo, github, { head, base }),
      runReport(repo, github, { head, base }),
    ]);
    expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
    const comments = github.commentsOn(7);
    expect(comments).toHaveLength(1);
    expect([a.outputs['comment-id'], b.outputs['comment-id']]).toContain(String(comments[0]!.id));
    const commits = (
      await run('git', ['--git-dir', repo.origin, 'rev-list', 'mlops-report-images'])
    ).stdout
      .trim()
      .split('\n');
    expect(commits).toHaveLength(1);
    expect(comments[0]!.body).toContain(`/blob/${commits[0]}/${head}/loss.svg?raw=true`);
    github.assertNoViolations();
  });

  test('an oversized report is cut at a section with a note that links the job summary', async () => {
    const plots: Record<string, string> = {};
    for (let i = 0; i < 160; i++)
      plots[`many/p${String(i).padStart(3, '0')}.csv`] =
        `step,value\n${Array.from({ length: 40 }, (_, s) => `${s},${(s * i) % 17}`).join('\n')}\n`;
    await repo.write({ ...plots, 'dvc.yaml': `${DVC_YAML}  - many\n` });
    try {
      const result = await runReport(repo, github, {
        head,
        base,
        inputs: { 'image-store': 'none', mode: 'recreate', 'report-id': 'big' },
      });
      expect(result.exitCode).toBe(0);
      const comment = github.commentsOn(7).find((c) => c.body.includes('id=big'))!;
      expect([...comment.body].length).toBeLessThanOrEqual(65_536);
      expect(comment.body).toContain(
        `The report is too long for one comment and is cut here. The full report is in the [job summary](${github.serverUrl}/octo-org/demo/actions/runs/4242).`,
      );
      expect(comment.body).toContain('#### many/p000.csv');
      expect(comment.body).not.toContain('#### many/p159.csv');
      expect(comment.body.match(/```mermaid/g)!.length).toBe(comment.body.match(/```\n/g)!.length);
      expect(result.summary).toContain('#### many/p159.csv');
      github.assertNoViolations();
    } finally {
      await repo.git('checkout', '--', 'dvc.yaml');
      await rm(join(repo.dir, 'many'), { recursive: true, force: true });
    }
  });

  test('a push event writes the summary, and a commit comment when target is commit', async () => {
    const push = (inputs: Record<string, string>) =>
      runAction({
        action,
        workspace: repo.dir,
        inputs: { token: DEFAULT_TOKEN, base: 'main', 'image-store': 'none', ...inputs },
        env: { PATH: repo.env['PATH'] },
        event: pushEvent({ sha: head, ref: 'refs/heads/feature' }),
        sha: head,
        ref: 'refs/heads/feature',
        apiUrl: github.url,
        serverUrl: github.serverUrl,
      });
    const summaryOnly = await push({});
    expect(summaryOnly.exitCode).toBe(0);
    expect(summaryOnly.outputs['comment-id']).toBe('');
    expect(github.state.commitComments).toEqual([]);
    const commented = await push({ target: 'commit' });
    expect(commented.exitCode).toBe(0);
    expect(github.state.commitComments).toHaveLength(1);
    expect(github.state.commitComments[0]).toMatchObject({ commitSha: head });
    expect(github.state.commitComments[0]!.body).toContain('## Experiment report for');
  });
});

describe('a shallow clone without the base branch', { timeout: 180_000 }, () => {
  test('fetches the base and the missing DVC objects, and reports', async () => {
    const { repo, base, head } = await projectWithPullRequest();
    const github = await localGitHub(repo, head, base);
    const clone = join(repo.dir, '..', 'shallow');
    try {
      await run('git', [
        'clone',
        '--quiet',
        '--depth=1',
        '--single-branch',
        '--branch',
        'feature',
        `file://${repo.origin}`,
        clone,
      ]);
      const result = await runReport(repo, github, {
        head,
        base,
        workspace: clone,
        inputs: { 'image-store': 'none' },
      });
      expect(errors(result)).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(result.log).toContain('Fetched main from origin');
      expect(result.summary).toContain('| eval/cached.json | auc | 0.8 | 0.85 | +0.05 | +6.2% |');
      expect(github.commentsOn(7)).toHaveLength(1);
    } finally {
      await github.stop();
      await repo.remove();
    }
  });
});

describe('bad input', { timeout: 180_000 }, () => {
  let repo: DvcRepo;
  let base: string;
  let head: string;
  let github: LocalGitHub;

  beforeAll(async () => {
    ({ repo, base, head } = await projectWithPullRequest());
    github = await localGitHub(repo, head, base);
  });

  afterAll(async () => {
    await github.stop();
    await repo.remove();
  });

  async function failing(
    files: Record<string, string | Buffer | null>,
    inputs: Record<string, string> = {},
  ): Promise<ActionResult> {
    await repo.write(files);
    try {
      return await runReport(repo, github, {
        head,
        base,
        inputs: { 'image-store': 'none', ...inputs },
      });
    } finally {
      await repo.git('checkout', '--', '.');
    }
  }

  test('malformed metrics JSON fails with the file and line', async () => {
    const result = await failing({ 'metrics.json': '{\n  "accuracy": 0.9,\n  "loss" 0.3\n}\n' });
    expect(result.exitCode).toBe(1);
    const [error] = result.annotations.filter((a) => a.level === 'error');
    expect(error).toMatchObject({ file: 'metrics.json', line: 3 });
    expect(error!.message).toMatch(/^report failed: metrics\.json:3 does not parse: invalid JSON/);
    expect(github.commentsOn(7)).toEqual([]);
  });

  test('malformed metrics YAML fails with the file and line', async () => {
    const result = await failing({
      'dvc.yaml': `${DVC_YAML}metrics:\n  - extra.yaml\n`,
      'extra.yaml': 'a: 1\nb: [2\n',
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.find((a) => a.level === 'error')).toMatchObject({
      file: 'extra.yaml',
    });
  });

  test('a dvc.yaml that does not parse fails with its line', async () => {
    const result = await failing({ 'dvc.yaml': 'stages:\n  train:\n    cmd: [python\n' });
    expect(result.exitCode).toBe(1);
    const [error] = result.annotations.filter((a) => a.level === 'error');
    expect(error?.file).toBe('dvc.yaml');
    expect(error?.message).toContain('Fix dvc.yaml');
  });

  test('a base that does not exist fails saying what to set', async () => {
    const result = await failing({}, { base: 'no-such-branch' });
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toEqual([
      "report failed: base 'no-such-branch' was found neither in the checkout nor on the remote 'origin'. Set base to a branch, tag or commit that exists in the repository.",
    ]);
  });

  test('a plot missing on both sides fails, one missing on one side is shown as missing', async () => {
    const both = await failing({ 'dvc.yaml': `${DVC_YAML}  - nowhere.png\n` });
    expect(both.exitCode).toBe(1);
    expect(errors(both)[0]).toContain(
      "plot 'nowhere.png' has no data in the workspace nor in main",
    );
    const one = await failing({ 'dvc.yaml': `${DVC_YAML}  - new.png\n`, 'new.png': PNG_A });
    expect(one.exitCode).toBe(0);
    expect(one.summary).toContain('<em>missing in main</em>');
  });

  test.each([
    [
      { mode: 'replace' },
      "report failed: input 'mode' is 'replace'. Use one of: update, recreate, append.",
    ],
    [
      { 'metrics-better': 'accuracy: more' },
      `report failed: input 'metrics-better' has the line 'accuracy: more'. Write one metric per line as "name: higher" or "name: lower" (exactly these two words).`,
    ],
    [
      { precision: 'five' },
      "report failed: input 'precision' is 'five'. Use a whole number from 0 to 15.",
    ],
  ])('the input %j fails with one line that says what to do', async (inputs, message) => {
    const result = await failing({}, inputs);
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toEqual([message]);
  });
});
