import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inputs } from '@mlops-actions/core';
import { planRepro } from '@mlops-actions/core/dvc';
import { describe, expect, test } from 'vitest';
import { type ReproInputs, readInputs } from '../src/main.ts';

/** checkProject is the plan phase the step runs before DVC is set up. */
const checkProject = (read: ReproInputs) => planRepro(read);

const workspace = mkdtempSync(join(tmpdir(), 'repro-inputs-'));
mkdirSync(join(workspace, '.dvc'));
mkdirSync(join(workspace, 'ml'));
mkdirSync(join(workspace, 'empty'));
writeFileSync(join(workspace, 'ml', 'dvc.yaml'), 'stages: {}\n');
writeFileSync(join(workspace, 'empty', 'data.dvc'), 'outs:\n- path: data\n');

/** inputs builds the runner's INPUT_* variables from action.yml names. */
function inputs(values: Record<string, string>): Inputs {
  const env: Record<string, string> = { GITHUB_WORKSPACE: workspace };
  for (const [name, value] of Object.entries(values)) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Inputs(env);
}

describe('readInputs', () => {
  test('applies the defaults: pull, no force, three remote attempts, no cache', () => {
    expect(readInputs(inputs({}))).toEqual({
      workingDirectory: workspace,
      workingDirectoryInput: '.',
      workspace,
      targets: [],
      pull: true,
      allowMissing: false,
      force: false,
      singleItem: false,
      remote: undefined,
      onPullFailure: 'fail',
      dvcVersion: undefined,
      cache: false,
      remoteAttempts: 3,
    });
  });

  test('reads targets one per line or comma-separated', () => {
    expect(
      readInputs(inputs({ targets: 'train, evaluate\nsub/dvc.yaml:prepare' })).targets,
    ).toEqual(['train', 'evaluate', 'sub/dvc.yaml:prepare']);
  });

  test.each([
    [{ pull: 'yes' }, "input 'pull' is 'yes', which is not a boolean"],
    [{ cache: 'on' }, "input 'cache' is 'on', which is not a boolean"],
    [{ 'dvc-version': 'latest' }, "input 'dvc-version' is 'latest', not an exact version"],
    [{ 'dvc-version': '3.67' }, "input 'dvc-version' is '3.67', not an exact version"],
    [{ 'remote-attempts': '0' }, "input 'remote-attempts' is '0'"],
    [{ 'single-item': 'true' }, "input 'single-item' is true but no targets are given"],
    [
      { 'working-directory': '../elsewhere' },
      "input 'working-directory' is '../elsewhere', which is outside the workspace",
    ],
  ])('refuses %j', (values, message) => {
    expect(() => readInputs(inputs(values))).toThrow(message);
  });
});

describe('checkProject', () => {
  test('accepts a folder with dvc.yaml inside a DVC project', () => {
    expect(() => checkProject(readInputs(inputs({ 'working-directory': 'ml' })))).not.toThrow();
  });

  test.each([
    ['empty', "no dvc.yaml in working-directory 'empty' (looked for empty/dvc.yaml)"],
    ['missing', "working-directory 'missing' does not exist"],
  ])('refuses working-directory %s', (dir, message) => {
    expect(() => checkProject(readInputs(inputs({ 'working-directory': dir })))).toThrow(message);
  });

  test('with targets, a folder without dvc.yaml is accepted when the targets exist', () => {
    expect(() =>
      checkProject(readInputs(inputs({ 'working-directory': 'empty', targets: 'data.dvc' }))),
    ).not.toThrow();
  });

  test('a folder outside any DVC project is refused', () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-dvc-'));
    writeFileSync(join(outside, 'dvc.yaml'), 'stages: {}\n');
    const read = { ...readInputs(inputs({})), workspace: outside, workingDirectory: outside };
    expect(() => checkProject(read)).toThrow("working-directory '.' is not inside a DVC project");
  });
});
