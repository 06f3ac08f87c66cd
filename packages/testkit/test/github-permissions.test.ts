import { getOctokit } from '@actions/github';
import { describe, expect, onTestFinished, test } from 'vitest';
import {
  type LocalGitHub,
  type LocalGitHubOptions,
  startLocalGitHub,
} from '../src/github/index.ts';

const options: LocalGitHubOptions = {
  repositories: [
    { fullName: 'octo-org/demo' },
    { fullName: 'octo-org/secret', private: true },
    { fullName: 'contributor/demo', forkOf: 'octo-org/demo' },
  ],
  pullRequests: [
    {
      number: 5,
      author: 'contributor',
      head: { ref: 'patch-1', sha: 'c'.repeat(40), repository: 'contributor/demo' },
      base: { ref: 'main', sha: 'd'.repeat(40) },
    },
  ],
  tokens: {
    read_bot: {
      login: 'reader[bot]',
      type: 'Bot',
      permissions: { '*': { contents: 'read', issues: 'read', pull_requests: 'read' } },
    },
    read_user: { login: 'reader', permissions: { '*': { issues: 'read' } } },
    secret_admin: {
      login: 'admin',
      permissions: { 'octo-org/secret': { contents: 'write', administration: 'write' } },
    },
    demo_only: { login: 'outsider', permissions: { 'octo-org/demo': { contents: 'read' } } },
  },
};

async function start(): Promise<LocalGitHub> {
  const github = await startLocalGitHub(options);
  onTestFinished(() => github.stop());
  return github;
}

describe('permissions', () => {
  test.each([
    { token: 'read_bot', message: 'Resource not accessible by integration' },
    { token: 'read_user', message: 'Resource not accessible by personal access token' },
  ])('a read-only $token cannot comment: 403 "$message"', async ({ token, message }) => {
    const github = await start();
    const octokit = getOctokit(token, { baseUrl: github.url });
    await expect(
      octokit.rest.issues.createComment({
        owner: 'octo-org',
        repo: 'demo',
        issue_number: 5,
        body: 'x',
      }),
    ).rejects.toMatchObject({ status: 403, response: { data: { message } } });
    expect(github.state.issueComments).toEqual([]);
    github.assertNoViolations();
  });

  test('an unknown token is answered 401 Bad credentials', async () => {
    const github = await start();
    const octokit = getOctokit('ghp_unknown', { baseUrl: github.url });
    await expect(octokit.rest.repos.get({ owner: 'octo-org', repo: 'demo' })).rejects.toMatchObject(
      {
        status: 401,
        response: { data: { message: 'Bad credentials' } },
      },
    );
    github.assertNoViolations();
  });

  test('a request without a token may read a public repository but not comment', async () => {
    const github = await start();
    const headers = { accept: 'application/vnd.github+json', 'content-type': 'application/json' };
    const read = await fetch(`${github.url}/repos/octo-org/demo`, { headers });
    const write = await fetch(`${github.url}/repos/octo-org/demo/issues/5/comments`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ body: 'anonymous' }),
    });
    expect([read.status, write.status]).toEqual([200, 401]);
    github.assertNoViolations();
  });

  test.each([
    { token: 'demo_only', status: 404 },
    { token: 'read_bot', status: 200 },
    { token: 'secret_admin', status: 200 },
  ])('the private repository answers $status to $token', async ({ token, status }) => {
    const github = await start();
    const octokit = getOctokit(token, { baseUrl: github.url });
    const answer = await octokit.rest.repos.get({ owner: 'octo-org', repo: 'secret' }).then(
      (r) => r.status,
      (e: { status: number }) => e.status,
    );
    expect(answer).toBe(status);
    github.assertNoViolations();
  });

  test.each([
    { token: 'secret_admin', permissions: { admin: true, push: true, pull: true } },
    { token: 'read_bot', permissions: { admin: false, push: false, pull: true } },
  ])('the repository tells $token its permissions', async ({ token, permissions }) => {
    const github = await start();
    const octokit = getOctokit(token, { baseUrl: github.url });
    const repo = await octokit.rest.repos.get({ owner: 'octo-org', repo: 'secret' });
    expect(repo.data.permissions).toMatchObject(permissions);
    expect(repo.data.private).toBe(true);
    github.assertNoViolations();
  });

  test('a pull request from a fork names the fork as its head repository', async () => {
    const github = await start();
    const octokit = getOctokit('read_bot', { baseUrl: github.url });
    const pr = await octokit.rest.pulls.get({ owner: 'octo-org', repo: 'demo', pull_number: 5 });
    expect(pr.data.head).toMatchObject({
      ref: 'patch-1',
      sha: 'c'.repeat(40),
      label: 'contributor:patch-1',
      repo: { full_name: 'contributor/demo', fork: true },
    });
    expect(pr.data.base).toMatchObject({ ref: 'main', sha: 'd'.repeat(40) });
    github.assertNoViolations();
  });

  test('a fork names its parent', async () => {
    const github = await start();
    const octokit = getOctokit('read_bot', { baseUrl: github.url });
    const fork = await octokit.rest.repos.get({ owner: 'contributor', repo: 'demo' });
    expect(fork.data.parent?.full_name).toBe('octo-org/demo');
    expect(fork.data.source?.full_name).toBe('octo-org/demo');
    github.assertNoViolations();
  });

  test.each([
    { token: 'read_user', status: 200, login: 'reader' },
    { token: 'read_bot', status: 403, login: undefined },
    { token: 'ghp_unknown', status: 401, login: undefined },
  ])('GET /user answers $status to $token', async ({ token, status, login }) => {
    const github = await start();
    const octokit = getOctokit(token, { baseUrl: github.url });
    const answer = await octokit.rest.users.getAuthenticated().then(
      (r) => ({ status: r.status, login: r.data.login as string | undefined }),
      (e: { status: number }) => ({ status: e.status, login: undefined }),
    );
    expect(answer).toEqual({ status, login });
    github.assertNoViolations();
  });
});
