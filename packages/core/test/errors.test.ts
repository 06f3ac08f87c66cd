import { describe, expect, test } from 'vitest';
import {
  ActionError,
  errorMessage,
  FileParseError,
  failureLine,
  parseErrorMessage,
} from '../src/index.ts';
import { yamlProblem } from '../src/pure/yaml-problem.ts';

describe('errorMessage', () => {
  test.each([
    [new Error('disk full'), 'disk full'],
    ['a string', 'a string'],
    [{ message: 'object with message' }, 'object with message'],
    [{ code: 42 }, '{"code":42}'],
    [undefined, 'undefined'],
    [null, 'null'],
    [new Error('line one\n  line two'), 'line one line two'],
    [new TypeError(''), 'TypeError'],
  ])('turns %j into one line', (thrown, expected) => {
    expect(errorMessage(thrown)).toBe(expected);
  });
});

describe('failureLine', () => {
  test('prefixes the action name and ends the sentence', () => {
    expect(failureLine('dvc-repro', new Error('no dvc.yaml in /w'))).toBe(
      'dvc-repro failed: no dvc.yaml in /w.',
    );
  });
  test('adds the hint of an ActionError as a second sentence', () => {
    expect(
      failureLine(
        'report',
        new ActionError('base ref nope not found', { hint: 'Check the base input' }),
      ),
    ).toBe('report failed: base ref nope not found. Check the base input.');
  });
  test('keeps punctuation that is already there', () => {
    expect(failureLine('x', new ActionError('what?', { hint: 'Do this!' }))).toBe(
      'x failed: what? Do this!',
    );
  });
});

describe('parse errors', () => {
  test('every action words a file that does not parse the same way, with its line', () => {
    expect(parseErrorMessage('dvc.yaml', 4, 'invalid YAML, Unexpected flow-seq-end')).toBe(
      'dvc.yaml:4 does not parse: invalid YAML, Unexpected flow-seq-end',
    );
    expect(parseErrorMessage('params.json', undefined, 'invalid JSON')).toBe(
      'params.json does not parse: invalid JSON',
    );
  });

  test('a FileParseError points an annotation at the file and line', () => {
    const error = new FileParseError('sub/dvc.yaml', 3, 'invalid YAML, x', 'Fix sub/dvc.yaml');
    expect(failureLine('dvc-repro', error)).toBe(
      'dvc-repro failed: sub/dvc.yaml:3 does not parse: invalid YAML, x. Fix sub/dvc.yaml.',
    );
    expect(error.location).toEqual({ file: 'sub/dvc.yaml', line: 3 });
  });

  test('yamlProblem finds the first YAML error and its line, as dvc.yaml, dvc.lock and params are read', () => {
    expect(yamlProblem('stages:\n  train:\n    cmd: [python\n')).toMatchObject({
      reason: expect.stringMatching(/^invalid YAML, /),
    });
    expect(yamlProblem('a: 1\na: 2\n')).toMatchObject({
      line: 2,
      reason: expect.stringContaining('Map keys must be unique'),
    });
    expect(yamlProblem('stages:\n  train:\n    cmd: python x.py\n')).toBeUndefined();
  });
});
