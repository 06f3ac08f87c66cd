import { describe, expect, test } from 'vitest';
import { isCommittablePath, repoPath, toPathspecs } from '../../src/commit/index.ts';
import { InputError } from '../../src/index.ts';

const root = '/work/repo';

describe('paths', () => {
  test.each([
    [['dvc.lock'], root, [':(literal)dvc.lock']],
    [['./metrics/*.json'], root, [':(glob)metrics/*.json']],
    [['plots/**'], root, [':(glob)plots/**']],
    [['/work/repo/dvc.lock'], root, [':(literal)dvc.lock']],
    [['../dvc.lock'], '/work/repo/sub', [':(literal)dvc.lock']],
    [['a.txt', 'b.txt'], '/work/repo/sub', [':(literal)sub/a.txt', ':(literal)sub/b.txt']],
    [['.'], root, [':(literal).']],
  ])('toPathspecs(%j) from %s gives %j', (entries, cwd, want) => {
    expect(toPathspecs('paths', entries, cwd, root)).toEqual(want);
  });

  test.each([
    ['../outside.txt', 'outside the repository'],
    ['/etc/passwd', 'outside the repository'],
    ['.git/config', 'inside .git'],
    ['sub/.git/HEAD', 'inside .git'],
    [':(exclude)x', 'pathspec with magic'],
  ])('toPathspecs refuses %j as %s', (entry, why) => {
    expect(() => toPathspecs('paths', [entry], root, root)).toThrow(InputError);
    expect(() => toPathspecs('paths', [entry], root, root)).toThrow(why);
  });

  test('an empty list is an input error that says what to list', () => {
    expect(() => toPathspecs('paths', ['  '], root, root)).toThrow(/lists no path/);
  });

  test.each([
    ['dvc.lock', true],
    ['a/b/c.png', true],
    ['', false],
    ['/abs', false],
    ['a/../b', false],
    ['./a', false],
    ['.git/x', false],
    ['a//b', false],
    ['a\nb', false],
  ])('isCommittablePath(%j) is %s', (path, want) => {
    expect(isCommittablePath(path)).toBe(want);
  });

  test.each([
    ['./a/b/', 'a/b'],
    ['a/./b', 'a/b'],
    ['.', ''],
  ])('repoPath(%j) is %j', (path, want) => {
    expect(repoPath(path)).toBe(want);
  });
});
