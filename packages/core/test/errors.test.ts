import { describe, expect, test } from 'vitest';
import { ActionError, errorMessage, failureLine } from '../src/index.ts';

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
