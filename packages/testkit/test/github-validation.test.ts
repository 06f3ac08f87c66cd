import { getOctokit } from '@actions/github';
import { describe, expect, onTestFinished, test } from 'vitest';
import {
  DEFAULT_TOKEN,
  type LocalGitHub,
  startLocalGitHub,
  validateRestRequest,
  validateRestResponse,
} from '../src/github/index.ts';

const options = {
  issues: [{ number: 1 }],
};

async function start(): Promise<LocalGitHub> {
  const github = await startLocalGitHub(options);
  onTestFinished(() => github.stop());
  return github;
}

async function send(
  github: LocalGitHub,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = {
    method,
    headers: {
      authorization: `token ${DEFAULT_TOKEN}`,
      accept: 'application/vnd.github.v3+json',
      'content-type': 'application/json',
      ...headers,
    },
  };
  if (body !== undefined) init.body = body;
  const response = await fetch(`${github.url}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const comments = '/repos/octo-org/demo/issues/1/comments';

describe('requests the description rejects', () => {
  test.each([
    { name: 'a comment without body', body: '{}', problem: "missing required property 'body'" },
    {
      name: 'a comment whose body is a number',
      body: '{"body":42}',
      problem: 'body/body must be string',
    },
    { name: 'an empty request body', body: '', problem: "missing required property 'body'" },
  ])('$name is answered 422 and recorded as a violation', async ({ body, problem }) => {
    const github = await start();
    const answer = await send(github, 'POST', comments, body);
    expect(answer.status).toBe(422);
    expect(answer.body.message).toMatch(/^Invalid request\./);
    expect(github.violations.join('\n')).toContain(problem);
    expect(github.state.issueComments).toEqual([]);
  });

  test('Octokit calling without the required body gets the 422 as an error', async () => {
    const github = await start();
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    // Typed as a plain string so the compiler lets the call through, as untyped JavaScript would.
    const route: string = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
    await expect(
      octokit.request(route, {
        owner: 'octo-org',
        repo: 'demo',
        issue_number: 1,
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(github.violations).toHaveLength(1);
  });

  test('a query parameter of the wrong type is answered 422 and recorded', async () => {
    const github = await start();
    const answer = await send(github, 'GET', `${comments}?per_page=lots`);
    expect(answer.status).toBe(422);
    expect(github.violations).toEqual([expect.stringContaining('query/per_page must be integer')]);
  });

  test('a body that is not JSON is answered 400 Problems parsing JSON and recorded', async () => {
    const github = await start();
    const answer = await send(github, 'POST', comments, '{"body": ');
    expect(answer).toMatchObject({ status: 400, body: { message: 'Problems parsing JSON' } });
    expect(github.violations).toEqual([expect.stringContaining('not JSON')]);
  });

  test('a path GitHub does not have is answered 404 and recorded', async () => {
    const github = await start();
    const answer = await send(github, 'GET', '/repos/octo-org/demo/no-such-thing');
    expect(answer.status).toBe(404);
    expect(github.violations).toEqual([expect.stringContaining("no such operation in GitHub's")]);
  });

  test('an operation GitHub has but the stand-in lacks is answered 404 and recorded', async () => {
    const github = await start();
    const answer = await send(github, 'GET', '/repos/octo-org/demo/topics');
    expect(answer.status).toBe(404);
    expect(github.violations).toEqual([
      expect.stringContaining('repos/get-all-topics (GET /repos/{owner}/{repo}/topics) is missing'),
    ]);
  });

  test('an Accept header that asks for a diff is refused and recorded', async () => {
    const github = await start();
    const answer = await send(github, 'GET', '/repos/octo-org/demo', undefined, {
      accept: 'application/vnd.github.v3.diff',
    });
    expect(answer.status).toBe(415);
    expect(github.violations).toEqual([expect.stringContaining('only answers JSON')]);
  });

  test.each([
    'application/vnd.github.v3+json',
    'application/vnd.github+json',
    'application/json',
    '*/*',
  ])('the Accept header %s is served without a violation', async (accept) => {
    const github = await start();
    const answer = await send(github, 'GET', '/repos/octo-org/demo', undefined, { accept });
    expect(answer.status).toBe(200);
    github.assertNoViolations();
  });

  test('assertNoViolations throws an error that lists every violation', async () => {
    const github = await start();
    await send(github, 'POST', comments, '{}');
    await send(github, 'GET', '/nowhere');
    expect(() => github.assertNoViolations()).toThrow(
      /2 violation\(s\):\n- POST .*\n- GET \/nowhere/,
    );
  });
});

describe('responses the description rejects', () => {
  test('a seeded comment with a malformed timestamp makes the server record its own bad answer', async () => {
    const github = await start();
    const seeded = github.seedIssueComment({ issueNumber: 1, author: 'alice', body: 'hi' });
    seeded.createdAt = 'yesterday';
    const answer = await send(github, 'GET', comments);
    expect(answer.status).toBe(200);
    expect(github.violations).toEqual([
      expect.stringContaining('/0/created_at must match format "date-time"'),
    ]);
  });

  test('a served comment is a valid issue-comment for the validator', async () => {
    const github = await start();
    github.seedIssueComment({ issueNumber: 1, author: 'alice', body: 'hi' });
    const answer = await send(github, 'GET', comments);
    expect(
      validateRestResponse({ method: 'GET', path: comments, status: 200, body: answer.body }),
    ).toEqual([]);
  });

  const goodComment = {
    id: 1,
    node_id: 'IC_1',
    url: 'http://127.0.0.1/repos/o/r/issues/comments/1',
    html_url: 'http://127.0.0.1/o/r/issues/1#issuecomment-1',
    issue_url: 'http://127.0.0.1/repos/o/r/issues/1',
    user: null,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
  };

  test.each([
    {
      name: 'a missing id',
      body: { ...goodComment, id: undefined },
      problem: "required property 'id'",
    },
    { name: 'a string id', body: { ...goodComment, id: '1' }, problem: '/id must be integer' },
    {
      name: 'a bad url',
      body: { ...goodComment, url: 'not a url' },
      problem: '/url must match format',
    },
    {
      name: 'an unknown author association',
      body: { ...goodComment, author_association: 'FRIEND' },
      problem: '/author_association must be equal to one of the allowed values',
    },
  ])('the validator catches a comment with $name', ({ body, problem }) => {
    const problems = validateRestResponse({
      method: 'GET',
      path: '/repos/o/r/issues/comments/1',
      status: 200,
      body: JSON.parse(JSON.stringify(body)),
    });
    expect(problems.join('\n')).toContain(problem);
  });

  test('the validator accepts a minimal valid comment, nullable user included', () => {
    expect(
      validateRestResponse({
        method: 'GET',
        path: '/repos/o/r/issues/comments/1',
        status: 200,
        body: goodComment,
      }),
    ).toEqual([]);
  });

  test('the validator refuses a status the operation does not declare', () => {
    expect(
      validateRestResponse({ method: 'DELETE', path: '/repos/o/r/issues/comments/1', status: 200 }),
    ).toEqual(['status 200 is not a declared response of issues/delete-comment']);
  });

  test('the validator refuses a body on a response that has none', () => {
    expect(
      validateRestResponse({
        method: 'DELETE',
        path: '/repos/o/r/issues/comments/1',
        status: 204,
        body: {},
      }),
    ).toEqual(['response issues/delete-comment 204 must have no body']);
  });

  test('the request validator reads array query parameters and JSON bodies', () => {
    expect(
      validateRestRequest({
        method: 'POST',
        path: '/repos/o/r/actions/runners/generate-jitconfig',
        body: { name: 'r', runner_group_id: 1, labels: [] },
      }),
    ).toEqual(['body/labels must NOT have fewer than 1 items']);
  });
});
