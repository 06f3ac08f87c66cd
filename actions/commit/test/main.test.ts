import { InputError, Inputs } from '@mlops-actions/core';
import { describe, expect, test } from 'vitest';
import { readInputs } from '../src/main.ts';

const BOT = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';
const defaults: Record<string, string> = {
  INPUT_PATHS: 'dvc.lock',
  INPUT_AUTHOR: BOT,
  INPUT_COMMITTER: BOT,
  'INPUT_PUSH-ATTEMPTS': '5',
  INPUT_SIGNED: 'false',
  'INPUT_FAIL-ON-NO-PUSH': 'false',
  INPUT_TOKEN: 'ghs_abc',
  'INPUT_WORKING-DIRECTORY': '.',
  GITHUB_WORKSPACE: '/home/runner/work/repo',
};

function read(env: Record<string, string> = {}) {
  return readInputs(new Inputs({ ...defaults, ...env }));
}

describe('readInputs', () => {
  test('reads the action.yml defaults into one typed object', () => {
    expect(read()).toEqual({
      paths: ['dvc.lock'],
      message: undefined,
      branch: undefined,
      author: BOT,
      committer: BOT,
      pushAttempts: 5,
      signed: false,
      failOnNoPush: false,
      failOnMissing: false,
      token: 'ghs_abc',
      workingDirectory: '/home/runner/work/repo',
    });
  });

  test('paths may be listed one per line or comma-separated, with comments', () => {
    expect(read({ INPUT_PATHS: 'dvc.lock, params.yaml\n# plots\nmetrics/*.json' }).paths).toEqual([
      'dvc.lock',
      'params.yaml',
      'metrics/*.json',
    ]);
  });

  test.each([
    [{ INPUT_PATHS: '' }, "input 'paths' is required but empty"],
    [{ INPUT_SIGNED: 'yes' }, "input 'signed' is 'yes', which is not a boolean"],
    [
      { 'INPUT_FAIL-ON-NO-PUSH': 'ture' },
      "input 'fail-on-no-push' is 'ture', which is not a boolean",
    ],
    [{ 'INPUT_PUSH-ATTEMPTS': '0' }, "input 'push-attempts' is '0'"],
    [{ 'INPUT_PUSH-ATTEMPTS': 'many' }, "input 'push-attempts' is 'many'"],
    [
      { INPUT_SIGNED: 'true', INPUT_TOKEN: '' },
      "input 'token' is empty, but signed commits are made through the GitHub API",
    ],
    [
      { 'INPUT_WORKING-DIRECTORY': '../elsewhere' },
      "input 'working-directory' is '../elsewhere', which is outside the workspace",
    ],
  ])('%j is an input error: %s', (env, message) => {
    expect(() => read(env)).toThrow(InputError);
    expect(() => read(env)).toThrow(message);
  });
});
