import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  evaluateExpression,
  interpolate,
  node24Path,
  pullRequestEvent,
  repoRoot,
  runJob,
  validateWorkflow,
} from '../src/index.ts';

const fixtures = join(repoRoot, 'packages', 'testkit', 'test', 'fixtures');

beforeAll(() => {
  execFileSync(
    node24Path(),
    [join(repoRoot, 'scripts', 'build-action.mjs'), join(fixtures, 'echo-action')],
    { stdio: 'inherit' },
  );
});

function workflowFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wf-')), 'wf.yml');
  writeFileSync(file, text);
  return file;
}

describe('expressions', () => {
  const contexts = {
    github: { event: { pull_request: { head: { ref: 'tune' } } }, sha: 'abc' },
    steps: { a: { outputs: { n: '3' } } },
  };
  test.each([
    ['github.event.pull_request.head.ref', 'tune'],
    ["format('{0}-{1}', github.sha, steps.a.outputs.n)", 'abc-3'],
    ["steps.a.outputs.n == '3'", true],
    ['steps.missing.outputs.x', null],
  ])('evaluates %s', (expr, expected) => {
    expect(evaluateExpression(expr, contexts, { failed: false })).toEqual(expected);
  });

  test('interpolates several expressions in one string', () => {
    expect(interpolate('sha=${{ github.sha }} n=${{ steps.a.outputs.n }}', contexts)).toBe(
      'sha=abc n=3',
    );
  });
});

describe('validateWorkflow', () => {
  test('rejects a workflow GitHub would reject', () => {
    const file = workflowFile(
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: x/y@v1\n        run: echo both\n',
    );
    expect(() => validateWorkflow(file)).toThrow();
  });
});

describe('runJob', () => {
  const event = pullRequestEvent({
    headSha: 'h'.repeat(40),
    baseSha: 'b'.repeat(40),
    headRef: 'tune',
  });
  const base = {
    job: 'j',
    event,
    repository: 'octo-org/demo',
    sha: 'm'.repeat(40),
    ref: 'refs/pull/7/merge',
    apiUrl: 'http://127.0.0.1:9',
    token: 'ghs_fake_token_for_tests',
    actionsRoot: fixtures,
  };

  test('runs our actions from dist, passes step outputs, honours if:, and maps stand-ins', async () => {
    const file = workflowFile(`name: t
on: pull_request
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: some/setup-thing@v1
        with:
          value: from-standin
      - id: greet
        uses: ./actions/echo-action
        with:
          greeting: \${{ github.event.pull_request.head.ref }}
      - name: Use the output
        env:
          MESSAGE: \${{ steps.greet.outputs.message }}
        run: echo "got $MESSAGE and $THING"
      - name: Skipped on pull requests
        if: github.event_name == 'push'
        run: exit 1
      - uses: unknown/action@v2
`);
    const events: string[] = [];
    const result = await runJob({
      ...base,
      workflow: file,
      standIns: {
        'some/setup-thing': async (ctx) => {
          ctx.exportVariable('THING', ctx.inputs['value'] ?? '');
          return {};
        },
      },
      onStep: (e) => events.push(`${e.name}:${e.status}`),
    });
    expect(result.success).toBe(true);
    expect(result.steps.map((s) => s.outcome)).toEqual([
      'success',
      'success',
      'success',
      'skipped',
      'skipped',
    ]);
    expect(result.steps[2]?.log).toContain('got hello tune and from-standin');
    expect(events).toContain('unknown/action@v2:skipped');
  });

  test('a failing step fails the job and skips the next unless it asks for always()', async () => {
    const file = workflowFile(`on: pull_request
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: ./actions/echo-action
        with:
          greeting: x
          fail-with: broken
      - run: echo never
      - if: always()
        run: echo cleanup
`);
    const result = await runJob({ ...base, workflow: file });
    expect(result.success).toBe(false);
    expect(result.steps.map((s) => s.outcome)).toEqual(['failure', 'skipped', 'success']);
    expect(result.steps[0]?.action?.annotations[0]?.message).toBe(
      'echo-action failed: broken. Clear fail-with.',
    );
  });
});
