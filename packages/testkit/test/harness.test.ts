import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  node24Path,
  parseCommands,
  parseFileCommands,
  pullRequestEvent,
  repoRoot,
  runAction,
} from '../src/index.ts';

const fixture = join(repoRoot, 'packages', 'testkit', 'test', 'fixtures', 'echo-action');

beforeAll(() => {
  // Bundle the fixture with the same build script the real actions use.
  execFileSync(node24Path(), [join(repoRoot, 'scripts', 'build-action.mjs'), fixture], {
    stdio: 'inherit',
  });
});

describe('runAction', () => {
  test('runs pre, main and post on Node 24 and passes state between them', async () => {
    const result = await runAction({ action: fixture, inputs: { greeting: 'world' } });
    expect(result.steps.map((s) => [s.step, s.exitCode])).toEqual([
      ['pre', 0],
      ['main', 0],
      ['post', 0],
    ]);
    expect(result.log).toContain('state from pre: yes');
    expect(result.log).toContain('post step saw: world');
  });

  test('collects outputs and the job summary', async () => {
    const result = await runAction({
      action: fixture,
      inputs: { greeting: 'world', shout: 'true' },
    });
    expect(result.outputs).toEqual({ message: 'HELLO WORLD!' });
    expect(result.summary).toContain('### Greeting');
  });

  test('logs the action in groups', async () => {
    const result = await runAction({ action: fixture, inputs: { greeting: 'world' } });
    expect(result.log).toMatch(/::group::Greeting\nhello world\n::endgroup::/);
  });

  test('runs the action with the Node 24 binary', async () => {
    expect(execFileSync(node24Path(), ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
  });

  test('an event payload reaches the action through GITHUB_EVENT_PATH', async () => {
    const event = pullRequestEvent({ headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40) });
    const result = await runAction({ action: fixture, inputs: { greeting: 'pr' }, event });
    expect(result.exitCode).toBe(0);
  });

  test('a failure gives one error annotation, exit code 1, and still runs post', async () => {
    const result = await runAction({
      action: fixture,
      inputs: { greeting: 'x', 'fail-with': 'boom' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations).toEqual([
      {
        level: 'error',
        message: 'echo-action failed: boom. Clear fail-with.',
        file: 'action.yml',
        line: 3,
      },
    ]);
    expect(result.steps.at(-1)).toMatchObject({ step: 'post', exitCode: 0 });
  });

  test('a thrown string still fails the step', async () => {
    const result = await runAction({ action: fixture, inputs: { greeting: 'throw-a-string' } });
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0]?.message).toBe('echo-action failed: a plain string.');
  });

  test('a stack trace appears only under step debug, mapped to the TypeScript source', async () => {
    const quiet = await runAction({ action: fixture, inputs: { greeting: 'x', shout: 'yes' } });
    expect(quiet.log).not.toContain('::debug::');
    const loud = await runAction({
      action: fixture,
      inputs: { greeting: 'x', shout: 'yes' },
      env: { RUNNER_DEBUG: '1' },
    });
    expect(loud.log).toMatch(/::debug::InputError.*inputs\.ts/);
  });

  test.each([
    ['a missing required input', { greeting: '' }, "input 'greeting' is required but empty"],
    [
      'a mistyped boolean',
      { greeting: 'x', shout: 'yes' },
      "input 'shout' is 'yes', which is not a boolean. Use one of: true",
    ],
  ])('%s is one clear error line and exit 1', async (_name, inputs, message) => {
    const result = await runAction({ action: fixture, inputs, steps: ['main'] });
    expect(result.exitCode).toBe(1);
    expect(result.annotations).toHaveLength(1);
    expect(result.annotations[0]?.message).toContain(message);
  });

  test('an unreadable event payload is one clear error line and exit 1', async () => {
    const result = await runAction({
      action: fixture,
      inputs: { greeting: 'x' },
      rawEventText: '{not json',
      steps: ['main'],
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^echo-action failed: the event payload at GITHUB_EVENT_PATH \(.*\) is not a JSON object\. Point GITHUB_EVENT_PATH at a JSON webhook payload\.$/,
      ),
    ]);
  });

  test('the event context gives the PR head SHA, not the merge SHA', async () => {
    const event = pullRequestEvent({ headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40) });
    const result = await runAction({
      action: fixture,
      inputs: { greeting: 'pr' },
      event,
      sha: 'c'.repeat(40),
      steps: ['main'],
    });
    expect(result.log).toContain(`event: pull_request, head ${'a'.repeat(40)}`);
  });

  test('refuses an input that action.yml does not declare', async () => {
    await expect(runAction({ action: fixture, inputs: { nope: '1' } })).rejects.toThrow(
      /not declared/,
    );
  });
});

describe('parsing what the runner reads', () => {
  test('file commands in both forms', () => {
    expect(parseFileCommands('a=1\nb<<EOF\nx\ny\nEOF\n')).toEqual({ a: '1', b: 'x\ny' });
  });

  test('a heredoc without its delimiter is an error', () => {
    expect(() => parseFileCommands('b<<EOF\nx\n')).toThrow(/delimiter/);
  });

  test('annotations with escaped properties', () => {
    expect(parseCommands('::warning file=a%2Cb.py,line=4::50%25 done%0Anext').annotations).toEqual([
      { level: 'warning', message: '50% done\nnext', file: 'a,b.py', line: 4 },
    ]);
  });
});
