import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inputs } from '@mlops-actions/core';
import { planPush } from '@mlops-actions/core/dvc';
import { describe, expect, test } from 'vitest';
import { type PushInputs, readInputs } from '../src/main.ts';

/** checkProject is the plan phase the step runs before DVC is set up. */
const checkProject = (read: PushInputs) => planPush(read);

const workspace = mkdtempSync(join(tmpdir(), 'push-inputs-'));
mkdirSync(join(workspace, '.dvc'));

function inputs(values: Record<string, string>): Inputs {
  const env: Record<string, string> = { GITHUB_WORKSPACE: workspace };
  for (const [name, value] of Object.entries(values)) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Inputs(env);
}

describe('readInputs', () => {
  test('applies the defaults: run cache on, DVC chooses the jobs, three remote attempts', () => {
    expect(readInputs(inputs({}))).toEqual({
      workingDirectory: workspace,
      workspace,
      targets: [],
      remote: undefined,
      jobs: undefined,
      runCache: true,
      dvcVersion: undefined,
      remoteAttempts: 3,
    });
  });

  test('reads every input', () => {
    const read = readInputs(
      inputs({
        targets: 'train\nevaluate',
        remote: 's3',
        jobs: '8',
        'run-cache': 'false',
        'dvc-version': '3.67.1',
        'remote-attempts': '5',
      }),
    );
    expect(read).toMatchObject({
      targets: ['train', 'evaluate'],
      remote: 's3',
      jobs: 8,
      runCache: false,
      dvcVersion: '3.67.1',
      remoteAttempts: 5,
    });
  });

  test.each([
    [{ jobs: '0' }, "input 'jobs' is '0'"],
    [{ jobs: 'many' }, "input 'jobs' is 'many'"],
    [{ 'run-cache': 'no' }, "input 'run-cache' is 'no', which is not a boolean"],
    [{ 'dvc-version': '3' }, "input 'dvc-version' is '3', not an exact version"],
    [{ 'remote-attempts': '11' }, "input 'remote-attempts' is '11'"],
  ])('refuses %j', (values, message) => {
    expect(() => readInputs(inputs(values))).toThrow(message);
  });
});

describe('checkProject', () => {
  test('accepts a DVC project', () => {
    expect(() => checkProject(readInputs(inputs({})))).not.toThrow();
  });

  test('refuses a folder that does not exist', () => {
    expect(() => checkProject(readInputs(inputs({ 'working-directory': 'nope' })))).toThrow(
      "working-directory 'nope' does not exist",
    );
  });

  test('refuses a folder outside any DVC project', () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-dvc-'));
    expect(() =>
      checkProject({ ...readInputs(inputs({})), workspace: outside, workingDirectory: outside }),
    ).toThrow("working-directory '.' is not inside a DVC project");
  });
});
