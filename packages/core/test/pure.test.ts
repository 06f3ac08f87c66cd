import { pullRequestEvent, pushEvent } from '@mlops-actions/testkit/events';
import { describe, expect, test } from 'vitest';
import {
  backoffDelay,
  codeBlock,
  escapeCell,
  eventContext,
  fitSections,
  hiddenMarker,
  link,
  redactSecrets,
  redactUrl,
  retry,
  table,
} from '../src/index.ts';

describe('markdown', () => {
  test('table escapes pipes, HTML and newlines in cells and aligns columns', () => {
    expect(table(['name', 'value'], [['a|b', '<1>\n2']], ['l', 'r'])).toBe(
      '| name | value |\n| --- | ---: |\n| a\\|b | &lt;1&gt;<br>2 |',
    );
  });
  test('codeBlock picks a fence longer than any inside', () => {
    expect(codeBlock('a ```` b')).toBe('`````\na ```` b\n`````');
  });
  test('link escapes brackets in the text and spaces in the URL', () => {
    expect(link('a [b]', 'https://x/y z')).toBe('[a \\[b\\]](https://x/y%20z)');
  });
  test('hiddenMarker cannot close the comment early', () => {
    expect(hiddenMarker('report--x')).toBe('<!-- report-x -->');
  });
  test('escapeCell turns undefined into an empty cell', () =>
    expect(escapeCell(undefined)).toBe(''));
  test('fitSections keeps everything that fits', () => {
    expect(fitSections(['a', 'b'], 100, 'cut')).toEqual({ text: 'a\n\nb', cut: false });
  });
  test('fitSections cuts at a section boundary and adds the note', () => {
    const result = fitSections(
      ['x'.repeat(40), 'y'.repeat(40), 'z'.repeat(40)],
      100,
      'see summary',
    );
    expect(result).toEqual({
      text: `${'x'.repeat(40)}\n\n${'y'.repeat(40)}\n\nsee summary`,
      cut: true,
    });
    expect(result.text.length).toBeLessThanOrEqual(100);
  });
});

describe('redaction', () => {
  test.each([
    ['s3://bucket/path', 's3://bucket/path'],
    ['https://user:pass@host.example/repo.git', 'https://host.example/repo.git'],
    ['https://x-access-token:ghs_abc@host.example/o/r', 'https://host.example/o/r'],
    ['https://h.example/p?X-Amz-Signature=abc&a=1', 'https://h.example/p?X-Amz-Signature=***&a=1'],
  ])('redactUrl(%j)', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
  test('redactSecrets hides raw and URL-encoded forms', () => {
    expect(redactSecrets('a p@ss b p%40ss', ['p@ss'])).toBe('a *** b ***');
  });
});

describe('retry', () => {
  const noSleep = async () => {};
  test('retries a retryable error until it succeeds', async () => {
    let calls = 0;
    const value = await retry(async () => (++calls < 3 ? Promise.reject(new Error('503')) : 'ok'), {
      attempts: 5,
      sleep: noSleep,
    });
    expect([value, calls]).toEqual(['ok', 3]);
  });
  test('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    await expect(
      retry(async () => Promise.reject(new Error(`fail ${++calls}`)), {
        attempts: 3,
        sleep: noSleep,
      }),
    ).rejects.toThrow('fail 3');
  });
  test('does not retry an error that is not retryable', async () => {
    let calls = 0;
    await expect(
      retry(async () => Promise.reject(new Error(`auth ${++calls}`)), {
        attempts: 5,
        sleep: noSleep,
        retryable: () => false,
      }),
    ).rejects.toThrow('auth 1');
  });
  test('backoff grows exponentially with jitter and is capped', () => {
    expect([1, 2, 3, 10].map((a) => backoffDelay(a, 100, 1000, () => 1))).toEqual([
      100, 200, 400, 1000,
    ]);
    expect(backoffDelay(3, 100, 1000, () => 0)).toBe(200);
  });
});

describe('eventContext', () => {
  const env = {
    GITHUB_REPOSITORY: 'octo-org/demo',
    GITHUB_SHA: 'm'.repeat(40),
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_RUN_ID: '99',
    GITHUB_SERVER_URL: 'https://ghe.example',
    GITHUB_API_URL: 'https://ghe.example/api/v3',
  };

  test('on pull_request, headSha is the PR head, not the merge commit checkout gives', () => {
    const ctx = eventContext(
      env,
      pullRequestEvent({ headSha: 'h'.repeat(40), baseSha: 'b'.repeat(40), headRef: 'tune' })
        .payload,
    );
    expect([
      ctx.sha,
      ctx.headSha,
      ctx.branch,
      ctx.pullRequest?.number,
      ctx.pullRequest?.baseRef,
      ctx.pullRequest?.isFork,
    ]).toEqual(['m'.repeat(40), 'h'.repeat(40), 'tune', 7, 'main', false]);
  });

  test('a pull request from another repository is a fork', () => {
    const payload = pullRequestEvent({
      headSha: 'h',
      baseSha: 'b',
      headRepository: 'someone/demo',
    }).payload;
    expect(eventContext(env, payload).pullRequest?.isFork).toBe(true);
  });

  test('GitHub Enterprise Server URLs come from the environment', () => {
    const ctx = eventContext(env, {});
    expect([ctx.apiUrl, ctx.graphqlUrl, ctx.runUrl]).toEqual([
      'https://ghe.example/api/v3',
      'https://ghe.example/api/v3/graphql',
      'https://ghe.example/octo-org/demo/actions/runs/99',
    ]);
  });

  test('on push, the branch comes from the ref and headSha is the pushed commit', () => {
    const ctx = eventContext(
      { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' },
      pushEvent({ sha: 'p' }).payload,
    );
    expect([ctx.branch, ctx.headSha, ctx.pullRequest, ctx.defaultBranch]).toEqual([
      'main',
      'm'.repeat(40),
      undefined,
      'main',
    ]);
  });

  test('a tag push has no branch', () => {
    expect(eventContext({ ...env, GITHUB_REF: 'refs/tags/v1' }, {}).branch).toBeUndefined();
  });
});
