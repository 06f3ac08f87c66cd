import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActionError, InputError, Inputs } from '@mlops-actions/core';
import { afterAll, describe, expect, test } from 'vitest';
import { readInputs } from '../src/main.ts';
import { reportMarker } from '../src/run.ts';

const project = mkdtempSync(join(tmpdir(), 'report-inputs-'));
mkdirSync(join(project, '.dvc'));
const empty = mkdtempSync(join(tmpdir(), 'report-empty-'));
afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

const read = (inputs: Record<string, string> = {}, workspace = project) =>
  readInputs(
    new Inputs({
      GITHUB_WORKSPACE: workspace,
      ...Object.fromEntries(
        Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
      ),
    }),
  );

describe('readInputs', () => {
  test('fills in the defaults', () => {
    expect(read()).toEqual({
      base: undefined,
      workingDirectory: project,
      title: 'Experiment report',
      reportId: 'report',
      mode: 'update',
      target: 'auto',
      showAll: false,
      precision: 5,
      metricsBetter: [],
      plots: true,
      imageStore: 'branch',
      imageBranch: 'mlops-report-images',
      reportPath: undefined,
      fetch: true,
      token: '',
    });
  });

  test('reads every input', () => {
    const inputs = read({
      base: 'v1.0',
      mode: 'Recreate',
      target: 'commit',
      'show-all': 'true',
      precision: '3',
      'metrics-better': 'accuracy: higher\n# a comment\nloss: lower',
      plots: 'false',
      'image-store': 'none',
      'report-path': 'out/report.md',
      fetch: 'false',
    });
    expect(inputs).toMatchObject({
      base: 'v1.0',
      mode: 'recreate',
      target: 'commit',
      showAll: true,
      precision: 3,
      metricsBetter: ['accuracy: higher', 'loss: lower'],
      plots: false,
      imageStore: 'none',
      reportPath: join(project, 'out', 'report.md'),
      fetch: false,
    });
  });

  test.each([
    [{ mode: 'replace' }, "input 'mode' is 'replace'"],
    [{ target: 'slack' }, "input 'target' is 'slack'"],
    [{ 'image-store': 's3' }, "input 'image-store' is 's3'"],
    [{ precision: '-1' }, "input 'precision' is '-1'"],
    [{ 'show-all': 'yes' }, "input 'show-all' is 'yes', which is not a boolean"],
    [{ 'metrics-better': 'accuracy' }, "input 'metrics-better' has the line 'accuracy'"],
    [{ 'metrics-better': 'accuracy: up' }, "input 'metrics-better' has the line 'accuracy: up'"],
    [{ 'metrics-better': 'loss: min' }, "input 'metrics-better' has the line 'loss: min'"],
    [
      { 'metrics-better': 'accuracy: Higher' },
      "input 'metrics-better' has the line 'accuracy: Higher'",
    ],
    [{ 'metrics-better': ': higher' }, "input 'metrics-better' has the line ': higher'"],
    [
      { 'metrics-better': 'accuracy: higher\naccuracy: lower' },
      "input 'metrics-better' says both 'accuracy: higher' and 'accuracy: lower'",
    ],
    [{ 'report-id': 'a--b' }, "input 'report-id' is 'a--b'"],
    [
      { 'report-path': '../outside.md' },
      "input 'report-path' is '../outside.md', which is outside the workspace",
    ],
  ])('refuses %j', (inputs, message) => {
    expect(() => read(inputs)).toThrow(InputError);
    expect(() => read(inputs)).toThrow(message);
  });

  test('refuses a folder that is not a DVC project, before loading anything heavy', () => {
    expect(() => read({}, empty)).toThrow(ActionError);
    expect(() => read({}, empty)).toThrow(/is not a DVC project \(it has no \.dvc folder\)/);
  });
});

describe('reportMarker', () => {
  test('names the workflow and the report id, and cannot close its HTML comment early', () => {
    expect(reportMarker('CI', 'gpu')).toBe('mlops-actions/report workflow=CI id=gpu');
    expect(reportMarker('a-->b', 'x')).not.toContain('-->');
  });
});
