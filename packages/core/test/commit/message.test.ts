import { describe, expect, test } from 'vitest';
import {
  defaultMessage,
  describeFiles,
  formatIdentity,
  GITHUB_ACTIONS_BOT,
  parseIdentity,
  splitMessage,
} from '../../src/commit/index.ts';
import { InputError } from '../../src/index.ts';

describe('identities and messages', () => {
  test.each([
    ['Jane Doe <jane@example.com>', { name: 'Jane Doe', email: 'jane@example.com' }],
    [
      '  bot   <1+bot@users.noreply.github.com> ',
      { name: 'bot', email: '1+bot@users.noreply.github.com' },
    ],
    [formatIdentity(GITHUB_ACTIONS_BOT), GITHUB_ACTIONS_BOT],
  ])('parseIdentity reads %j', (value, want) => {
    expect(parseIdentity('author', value)).toEqual(want);
  });

  test.each([
    'jane@example.com',
    '<jane@example.com>',
    'Jane <jane@example.com',
    'Jane <a b@c>',
    '',
  ])('parseIdentity refuses %j and shows the form', (value) => {
    expect(() => parseIdentity('author', value)).toThrow(InputError);
    expect(() => parseIdentity('author', value)).toThrow(/input 'author'/);
  });

  test.each([
    [['dvc.lock'], 'dvc.lock'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
    [['a', 'b', 'c', 'd', 'e'], 'a, b and 3 more files'],
  ])('describeFiles(%j) is %j', (paths, want) => {
    expect(describeFiles(paths)).toBe(want);
  });

  test('the default message names the file and skips CI', () => {
    expect(defaultMessage(['dvc.lock'])).toBe('Update dvc.lock [skip ci]');
  });

  test.each([
    ['One line', { headline: 'One line' }],
    ['Title\n\nBody line 1\nline 2\n', { headline: 'Title', body: 'Body line 1\nline 2' }],
    ['Title\r\nBody', { headline: 'Title', body: 'Body' }],
    ['Title\n\n\n', { headline: 'Title' }],
  ])('splitMessage(%j)', (message, want) => {
    expect(splitMessage(message)).toEqual(want);
  });
});
