import { Inputs } from '@mlops-actions/core';
import { describe, expect, test } from 'vitest';
import { annotationsFor, readInputs } from '../src/main.ts';

function inputs(values: Record<string, string>): Inputs {
  const env: Record<string, string> = { GITHUB_WORKSPACE: '/ws' };
  for (const [k, v] of Object.entries({ manifests: 'kubernetes/', ...values }))
    env[`INPUT_${k.toUpperCase()}`] = v;
  return new Inputs(env);
}

describe('readInputs', () => {
  test('reads every input with its default', () => {
    expect(readInputs(inputs({}))).toEqual({
      workspace: '/ws',
      manifests: ['kubernetes/'],
      images: [],
      namespace: undefined,
      kubeconfig: undefined,
      context: undefined,
      serverSide: false,
      timeoutMs: 300_000,
      rollbackOnFailure: true,
      annotate: true,
      writeBack: false,
    });
  });

  test('reads lists, durations and booleans', () => {
    const read = readInputs(
      inputs({
        manifests: 'a.yaml\nb/',
        images: 'web=x:1\n# note\napi=y:2',
        timeout: '90s',
        'server-side': 'true',
        'rollback-on-failure': 'false',
      }),
    );
    expect(read).toMatchObject({
      manifests: ['a.yaml', 'b/'],
      images: ['web=x:1', 'api=y:2'],
      timeoutMs: 90_000,
      serverSide: true,
      rollbackOnFailure: false,
    });
  });

  test.each([
    [{ manifests: '' }, "input 'manifests' is required but empty"],
    [{ namespace: 'Prod_1' }, "input 'namespace' is 'Prod_1', which is not a namespace name"],
    [{ timeout: 'soon' }, "input 'timeout' is 'soon', which is not a duration"],
    [{ timeout: '500ms' }, "input 'timeout' is shorter than one second"],
    [{ 'write-back': 'yes' }, "input 'write-back' is 'yes', which is not a boolean"],
  ])('%o is an input error', (values, message) => {
    expect(() => readInputs(inputs(values))).toThrow(message);
  });
});

describe('annotationsFor', () => {
  test('names the commit people mean and the run that deployed it', () => {
    const context = {
      sha: 'm'.repeat(40),
      headSha: 'a'.repeat(40),
      runUrl: 'https://github.com/o/r/actions/runs/1',
    };
    const { annotations, changeCause } = annotationsFor(context as never);
    expect(annotations).toEqual({
      'mlops-actions/commit': 'a'.repeat(40),
      'mlops-actions/run-url': 'https://github.com/o/r/actions/runs/1',
    });
    expect(changeCause).toBe(
      `mlops-actions deploy of ${'a'.repeat(12)} (https://github.com/o/r/actions/runs/1)`,
    );
  });
});
