import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type LocalGitHub, startLocalGitHub } from '@mlops-actions/testkit/github';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { getOctokit, httpStatus } from '../src/github.ts';

let github: LocalGitHub;
let printed: string[];
const saved = process.env['GITHUB_API_URL'];

beforeEach(async () => {
  github = await startLocalGitHub();
  printed = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  if (saved === undefined) delete process.env['GITHUB_API_URL'];
  else process.env['GITHUB_API_URL'] = saved;
  await github.stop();
});

describe('getOctokit', () => {
  test('talks to the API named by GITHUB_API_URL (GitHub Enterprise Server)', async () => {
    process.env['GITHUB_API_URL'] = `${github.url}/`;
    const { data } = await getOctokit('ghs_test_token').rest.repos.get({
      owner: 'octo-org',
      repo: 'demo',
    });
    expect(data.full_name).toBe('octo-org/demo');
    github.assertNoViolations();
  });

  test('masks the token before anything can print it', () => {
    getOctokit('ghs_a_token_to_hide', { apiUrl: github.url });
    expect(printed.join('')).toContain('::add-mask::ghs_a_token_to_hide');
  });

  test('gives up on a request GitHub never answers, naming it and the limit', async () => {
    // A server that takes the connection and the request, and says nothing.
    const silent = createServer(() => {});
    await new Promise<void>((ready) => silent.listen(0, '127.0.0.1', ready));
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    try {
      const error = await getOctokit('ghs_test_token', {
        apiUrl: `http://127.0.0.1:${port}`,
        retries: 1,
        requestTimeoutMs: 300,
      })
        .rest.repos.get({ owner: 'octo-org', repo: 'demo' })
        .catch((e) => e);
      expect(error.message).toBe('GitHub did not answer GET /repos/octo-org/demo within 0.3 s');
      expect(httpStatus(error)).toBe(500);
      // Two attempts of 0.3 s and the retry plugin's pause between them, not the job's timeout.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  test('a request answered in time is not cut short by the limit', async () => {
    const octokit = getOctokit('ghs_test_token', { apiUrl: github.url, requestTimeoutMs: 5000 });
    const { status } = await octokit.rest.repos.get({ owner: 'octo-org', repo: 'demo' });
    expect(status).toBe(200);
  });

  test('retries server errors and then succeeds', async () => {
    github.failNext({ method: 'GET', path: /^\/repos\/octo-org\/demo$/ }, 2, 502);
    const octokit = getOctokit('ghs_test_token', { apiUrl: github.url });
    const { status } = await octokit.rest.repos.get({ owner: 'octo-org', repo: 'demo' });
    expect(status).toBe(200);
    expect(
      github.requests.filter((r) => r.path === '/repos/octo-org/demo').map((r) => r.status),
    ).toEqual([502, 502, 200]);
  });

  test('does not retry a refusal, and httpStatus reads its status', async () => {
    const octokit = getOctokit('not-a-known-token', { apiUrl: github.url });
    const error = await octokit.rest.repos.get({ owner: 'octo-org', repo: 'demo' }).catch((e) => e);
    expect(httpStatus(error)).toBe(401);
    expect(
      github.requests.filter((r) => r.path === '/repos/octo-org/demo').map((r) => r.status),
    ).toEqual([401]);
  });

  test('httpStatus is undefined for errors without one', () => {
    expect(httpStatus(new Error('x'))).toBeUndefined();
  });
});
