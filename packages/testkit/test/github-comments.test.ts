import { getOctokit } from '@actions/github';
import { describe, expect, onTestFinished, test } from 'vitest';
import {
  DEFAULT_TOKEN,
  type LocalGitHub,
  type LocalGitHubOptions,
  MAX_COMMENT_LENGTH,
  startLocalGitHub,
} from '../src/github/index.ts';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

const options: LocalGitHubOptions = {
  repositories: [{ fullName: 'octo-org/demo' }],
  pullRequests: [
    { number: 7, head: { ref: 'feature', sha: SHA_A }, base: { ref: 'main', sha: SHA_B } },
  ],
  issues: [{ number: 3 }],
  tokens: {
    alice_token: { login: 'alice', permissions: { '*': { issues: 'write', contents: 'write' } } },
    bob_token: { login: 'bob', permissions: { 'octo-org/demo': { pull_requests: 'write' } } },
  },
};

async function start(): Promise<LocalGitHub> {
  const github = await startLocalGitHub(options);
  onTestFinished(() => github.stop());
  return github;
}

function client(github: LocalGitHub, token = DEFAULT_TOKEN) {
  return getOctokit(token, { baseUrl: github.url });
}

const repo = { owner: 'octo-org', repo: 'demo' };

describe('issue comments', () => {
  test('150 comments by three authors come back oldest first through paginated listing', async () => {
    const github = await start();
    const tokens = [DEFAULT_TOKEN, 'alice_token', 'bob_token'];
    for (let i = 0; i < 150; i++) {
      const token = tokens[i % 3] ?? DEFAULT_TOKEN;
      await client(github, token).rest.issues.createComment({
        ...repo,
        issue_number: 7,
        body: `comment ${i}`,
      });
    }
    const listed = await client(github).paginate(client(github).rest.issues.listComments, {
      ...repo,
      issue_number: 7,
      per_page: 100,
    });
    expect(listed.map((c) => c.body)).toEqual(
      Array.from({ length: 150 }, (_, i) => `comment ${i}`),
    );
    expect(listed.slice(0, 3).map((c) => c.user?.login)).toEqual([
      'github-actions[bot]',
      'alice',
      'bob',
    ]);
    const pages = github.requests.filter((r) => r.operationId === 'issues/list-comments');
    expect(pages).toHaveLength(2);
    github.assertNoViolations();
  });

  test('a middle page links to the previous, next, last and first pages', async () => {
    const github = await start();
    for (let i = 0; i < 120; i++) {
      github.seedIssueComment({ issueNumber: 7, author: 'alice', body: `seeded ${i}` });
    }
    const page = await client(github).rest.issues.listComments({
      ...repo,
      issue_number: 7,
      per_page: 50,
      page: 2,
    });
    expect(page.data.map((c) => c.body)[0]).toBe('seeded 50');
    const links = Object.fromEntries(
      (page.headers.link ?? '').split(', ').map((part) => {
        const [, href, rel] = /<([^>]+)>; rel="(\w+)"/.exec(part) ?? [];
        return [rel, new URL(href ?? 'http://x').searchParams.get('page')];
      }),
    );
    expect(links).toEqual({ prev: '1', next: '3', last: '3', first: '1' });
    github.assertNoViolations();
  });

  test.each([
    { perPage: 500, expected: 100 },
    { perPage: 100, expected: 100 },
    { perPage: 7, expected: 7 },
  ])('per_page $perPage returns $expected comments of 130', async ({ perPage, expected }) => {
    const github = await start();
    for (let i = 0; i < 130; i++) {
      github.seedIssueComment({ issueNumber: 3, author: 'bob', body: `c${i}` });
    }
    const page = await client(github).request(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      {
        ...repo,
        issue_number: 3,
        per_page: perPage,
      },
    );
    expect(page.data).toHaveLength(expected);
    if (perPage > 100) {
      // GitHub caps per_page at 100, but the description caps nothing: the request stays valid.
      expect(github.violations).toEqual([]);
    }
  });

  test('since keeps only the comments updated at or after that time', async () => {
    const github = await start();
    const old = github.seedIssueComment({ issueNumber: 3, author: 'alice', body: 'old' });
    old.updatedAt = '2020-01-01T00:00:00Z';
    github.seedIssueComment({ issueNumber: 3, author: 'alice', body: 'new' });
    const listed = await client(github).rest.issues.listComments({
      ...repo,
      issue_number: 3,
      since: '2021-01-01T00:00:00Z',
    });
    expect(listed.data.map((c) => c.body)).toEqual(['new']);
    github.assertNoViolations();
  });

  test('an edited comment keeps its id and returns the new body', async () => {
    const github = await start();
    const octokit = client(github, 'alice_token');
    const created = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: 3,
      body: 'v1',
    });
    await octokit.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: 'v2' });
    const fetched = await octokit.rest.issues.getComment({ ...repo, comment_id: created.data.id });
    expect(fetched.data.body).toBe('v2');
    expect(github.commentsOn(3).map((c) => c.body)).toEqual(['v2']);
    github.assertNoViolations();
  });

  test('a deleted comment is gone from the state and answers 404 afterwards', async () => {
    const github = await start();
    const octokit = client(github);
    const created = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: 7,
      body: 'x',
    });
    const deleted = await octokit.rest.issues.deleteComment({
      ...repo,
      comment_id: created.data.id,
    });
    expect(deleted.status).toBe(204);
    await expect(
      octokit.rest.issues.getComment({ ...repo, comment_id: created.data.id }),
    ).rejects.toMatchObject({ status: 404 });
    expect(github.state.issueComments).toEqual([]);
    github.assertNoViolations();
  });

  test('a comment on an issue that does not exist answers 404', async () => {
    const github = await start();
    await expect(
      client(github).rest.issues.createComment({ ...repo, issue_number: 99, body: 'x' }),
    ).rejects.toMatchObject({ status: 404 });
    github.assertNoViolations();
  });

  test.each([
    { length: MAX_COMMENT_LENGTH, status: 201 },
    { length: MAX_COMMENT_LENGTH + 1, status: 422 },
  ])('a body of $length characters answers $status', async ({ length, status }) => {
    const github = await start();
    const attempt = client(github).rest.issues.createComment({
      ...repo,
      issue_number: 7,
      body: 'é'.repeat(length),
    });
    if (status === 201) {
      await expect(attempt).resolves.toMatchObject({ status: 201 });
    } else {
      await expect(attempt).rejects.toMatchObject({
        status: 422,
        response: {
          data: {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'IssueComment',
                code: 'unprocessable',
                message: 'Body is too long (maximum is 65536 characters)',
              },
            ],
          },
        },
      });
    }
    github.assertNoViolations();
  });

  test('a comment records its author in the state and in the answer', async () => {
    const github = await start();
    const created = await client(github, 'bob_token').rest.issues.createComment({
      ...repo,
      issue_number: 7,
      body: 'from bob',
    });
    expect(created.data.user?.login).toBe('bob');
    expect(github.commentsOn(7)).toMatchObject([{ author: 'bob', body: 'from bob' }]);
    expect(created.headers.location).toBe(created.data.url);
    github.assertNoViolations();
  });
});

describe('commit comments', () => {
  test('a comment on a full commit sha is stored with its author', async () => {
    const github = await start();
    const created = await client(github).rest.repos.createCommitComment({
      ...repo,
      commit_sha: SHA_A,
      body: 'looks good',
    });
    expect(created.status).toBe(201);
    expect(github.state.commitComments).toMatchObject([
      { commitSha: SHA_A, author: 'github-actions[bot]', body: 'looks good' },
    ]);
    github.assertNoViolations();
  });

  test('a comment on something that is not a commit sha answers 422', async () => {
    const github = await start();
    await expect(
      client(github).rest.repos.createCommitComment({ ...repo, commit_sha: 'nope', body: 'x' }),
    ).rejects.toMatchObject({ status: 422 });
    expect(github.state.commitComments).toEqual([]);
  });
});
