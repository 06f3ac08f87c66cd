import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { describe, expect, onTestFinished, test } from 'vitest';
import { DEFAULT_TOKEN, type LocalGitHub, startLocalGitHub } from '../src/github/index.ts';

async function start(): Promise<LocalGitHub> {
  const github = await startLocalGitHub({ issues: [{ number: 1 }] });
  onTestFinished(() => github.stop());
  return github;
}

/** An Octokit with the retry plugin, waiting milliseconds instead of seconds between tries. */
function retryingClient(github: LocalGitHub) {
  return getOctokit(
    DEFAULT_TOKEN,
    { baseUrl: github.url, retry: { retryAfterBaseValue: 1 } },
    retry,
  );
}

/**
 * An Octokit set up as the actions set it up: retry and throttling. Throttling spaces comment
 * creations three seconds apart across the whole process, so only GraphQL goes through it here.
 */
function throttledClient(github: LocalGitHub) {
  return getOctokit(
    DEFAULT_TOKEN,
    {
      baseUrl: github.url,
      retry: { retryAfterBaseValue: 1 },
      throttle: { onRateLimit: () => false, onSecondaryRateLimit: () => false },
    },
    retry,
    throttling,
  );
}

const comment = { owner: 'octo-org', repo: 'demo', issue_number: 1, body: 'after retries' };
const commentsPath = /^\/repos\/octo-org\/demo\/issues\/1\/comments$/;

describe('injected failures', () => {
  test.each([502, 503, 500])(
    'two %i answers are retried and the comment lands once',
    async (status) => {
      const github = await start();
      github.failNext({ method: 'POST', path: commentsPath }, 2, status);
      const created = await retryingClient(github).rest.issues.createComment(comment);
      expect(created.status).toBe(201);
      expect(github.requests.map((r) => [r.status, r.injected === true])).toEqual([
        [status, true],
        [status, true],
        [201, false],
      ]);
      expect(github.commentsOn(1)).toHaveLength(1);
      github.assertNoViolations();
    },
  );

  test('more failures than the retry budget surface as the last error', async () => {
    const github = await start();
    github.failNext({ method: 'POST', path: commentsPath }, 10, 502, { message: 'Bad Gateway' });
    await expect(retryingClient(github).rest.issues.createComment(comment)).rejects.toMatchObject({
      status: 502,
    });
    expect(github.requests).toHaveLength(4);
    expect(github.commentsOn(1)).toEqual([]);
  });

  test('a failure for one method leaves the other methods alone', async () => {
    const github = await start();
    github.failNext({ method: 'POST', path: commentsPath }, 1, 502);
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    const listed = await octokit.rest.issues.listComments({
      owner: 'octo-org',
      repo: 'demo',
      issue_number: 1,
    });
    expect(listed.status).toBe(200);
    await expect(octokit.rest.issues.createComment(comment)).rejects.toMatchObject({ status: 502 });
  });

  test('a failed GraphQL request is retried through the throttling and retry plugins', async () => {
    const github = await start();
    github.failNext({ path: /^\/graphql$/ }, 1, 502);
    const result = await throttledClient(github).graphql<{ viewer: { login: string } }>(
      '{ viewer { login } }',
    );
    expect(result.viewer.login).toBe('github-actions[bot]');
    expect(github.requests.map((r) => r.status)).toEqual([502, 200]);
    github.assertNoViolations();
  });
});
