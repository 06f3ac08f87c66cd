// The sticky comment against the local GitHub, which validates every call against GitHub's API.

import { getOctokit } from '@actions/github';
import { DEFAULT_TOKEN, type LocalGitHub, startLocalGitHub } from '@mlops-actions/testkit/github';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { GitHubClient } from '../../../src/github.ts';
import { PermissionDenied, publishSticky, whoAmI } from '../../../src/report/publish/comment.ts';

const MARKER = 'mlops-actions/report workflow=ci id=report';
const HIDDEN = `<!-- ${MARKER} -->`;
const repo = { owner: 'octo-org', repo: 'demo' };

async function start(): Promise<LocalGitHub> {
  const github = await startLocalGitHub({
    repositories: [{ fullName: 'octo-org/demo' }],
    pullRequests: [
      {
        number: 7,
        head: { ref: 'feature', sha: 'a'.repeat(40) },
        base: { ref: 'main', sha: 'b'.repeat(40) },
      },
    ],
    tokens: {
      alice_token: {
        login: 'alice',
        permissions: { '*': { pull_requests: 'write', issues: 'write' } },
      },
      reader_token: {
        login: 'ci-reader[bot]',
        type: 'Bot',
        permissions: { 'octo-org/demo': { pull_requests: 'read' } },
      },
    },
  });
  onTestFinished(async () => {
    github.assertNoViolations();
    await github.stop();
  });
  return github;
}

// A plain client: the production one (core's getOctokit) spaces writes a second apart to respect
// GitHub's secondary rate limits, which only slows these tests; the action's tests use it.
const client = (github: LocalGitHub, token = DEFAULT_TOKEN): GitHubClient =>
  getOctokit(token, { baseUrl: github.url });
const body = (text: string) => `${HIDDEN}\n${text}`;

/** Seeds 150 comments by three authors; ours (with the marker) is number 120, on the second page. */
function seedBusyPullRequest(github: LocalGitHub): number {
  let ourId = 0;
  const authors = ['alice', 'bob', 'carol'];
  for (let i = 0; i < 150; i++) {
    if (i === 120) {
      ourId = github.seedIssueComment({
        issueNumber: 7,
        author: 'github-actions[bot]',
        body: body('old report'),
      }).id;
    } else if (i === 30) {
      // Someone quoting the report (marker included) must never be edited.
      github.seedIssueComment({ issueNumber: 7, author: 'alice', body: body('quoted by alice') });
    } else {
      github.seedIssueComment({ issueNumber: 7, author: authors[i % 3]!, body: `comment ${i}` });
    }
  }
  return ourId;
}

describe('whoAmI', () => {
  test.each([
    [DEFAULT_TOKEN, 'github-actions[bot]'],
    ['alice_token', 'alice'],
  ])('finds who %s acts as', async (token, login) => {
    const github = await start();
    expect(await whoAmI(client(github, token))).toBe(login);
  });
});

describe('publishSticky', { timeout: 60_000 }, () => {
  test('updates our report among 150 comments from several authors, on the second page, in place', async () => {
    const github = await start();
    const ourId = seedBusyPullRequest(github);
    const result = await publishSticky(client(github), {
      ...repo,
      issueNumber: 7,
      marker: MARKER,
      body: body('new report'),
      mode: 'update',
    });
    expect(result).toMatchObject({ id: ourId, created: false, deleted: [] });
    const comments = github.commentsOn(7);
    expect(comments).toHaveLength(150);
    expect(comments.find((c) => c.id === ourId)?.body).toBe(body('new report'));
    expect(comments.find((c) => c.author === 'alice' && c.body.includes(MARKER))?.body).toBe(
      body('quoted by alice'),
    );
    expect(github.requests.filter((r) => r.operationId === 'issues/list-comments')).toHaveLength(2);
  });

  test('posts a new report when there is none of ours, even if another author carries the marker', async () => {
    const github = await start();
    github.seedIssueComment({ issueNumber: 7, author: 'alice', body: body('quoted') });
    const result = await publishSticky(client(github), {
      ...repo,
      issueNumber: 7,
      marker: MARKER,
      body: body('report'),
      mode: 'update',
    });
    expect(result.created).toBe(true);
    expect(github.commentsOn(7).map((c) => c.author)).toEqual(['alice', 'github-actions[bot]']);
  });

  test('recreate deletes our old report and posts a new one at the bottom', async () => {
    const github = await start();
    const ourId = seedBusyPullRequest(github);
    const result = await publishSticky(client(github), {
      ...repo,
      issueNumber: 7,
      marker: MARKER,
      body: body('fresh'),
      mode: 'recreate',
    });
    const comments = github.commentsOn(7);
    expect(result.deleted).toEqual([ourId]);
    expect(comments.at(-1)).toMatchObject({ id: result.id, body: body('fresh') });
    expect(comments.filter((c) => c.author === 'github-actions[bot]')).toHaveLength(1);
  });

  test('append adds a report and keeps the earlier ones', async () => {
    const github = await start();
    seedBusyPullRequest(github);
    await publishSticky(client(github), {
      ...repo,
      issueNumber: 7,
      marker: MARKER,
      body: body('second'),
      mode: 'append',
    });
    expect(github.commentsOn(7).filter((c) => c.author === 'github-actions[bot]')).toHaveLength(2);
  });

  test('update removes duplicates of ours left by an earlier race', async () => {
    const github = await start();
    const first = github.seedIssueComment({
      issueNumber: 7,
      author: 'github-actions[bot]',
      body: body('a'),
    });
    const second = github.seedIssueComment({
      issueNumber: 7,
      author: 'github-actions[bot]',
      body: body('b'),
    });
    const result = await publishSticky(client(github), {
      ...repo,
      issueNumber: 7,
      marker: MARKER,
      body: body('c'),
      mode: 'update',
    });
    expect(result).toMatchObject({ id: first.id, deleted: [second.id] });
    expect(github.commentsOn(7).map((c) => c.body)).toEqual([body('c')]);
  });

  test.each(['update', 'recreate'] as const)(
    'three concurrent runs in %s mode leave one comment',
    async (mode) => {
      const github = await start();
      const results = await Promise.all(
        ['run 1', 'run 2', 'run 3'].map((text) =>
          publishSticky(client(github), {
            ...repo,
            issueNumber: 7,
            marker: MARKER,
            body: body(text),
            mode,
            login: 'github-actions[bot]',
          }),
        ),
      );
      const comments = github.commentsOn(7);
      expect(comments).toHaveLength(1);
      // All three posted (none saw another's comment), and the two newer ones were deleted.
      expect(results.flatMap((r) => r.deleted)).toHaveLength(2);
      expect(results.map((r) => r.id)).toContain(comments[0]!.id);
      expect(['run 1', 'run 2', 'run 3'].map(body)).toContain(comments[0]!.body);
    },
  );

  test('a PAT finds its own earlier report by its user login', async () => {
    const github = await start();
    const mine = github.seedIssueComment({ issueNumber: 7, author: 'alice', body: body('old') });
    github.seedIssueComment({ issueNumber: 7, author: 'github-actions[bot]', body: body('bot') });
    const result = await publishSticky(client(github, 'alice_token'), {
      ...repo,
      issueNumber: 7,
      marker: MARKER,
      body: body('new'),
      mode: 'update',
    });
    expect(result.id).toBe(mine.id);
  });

  test('a token that may only read fails with PermissionDenied, leaving the comments alone', async () => {
    const github = await start();
    await expect(
      publishSticky(client(github, 'reader_token'), {
        ...repo,
        issueNumber: 7,
        marker: MARKER,
        body: body('x'),
        mode: 'update',
      }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(github.commentsOn(7)).toEqual([]);
  });
});
