import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import {
  isCommittablePath,
  isValidBranchName,
  repoPath,
  toPathspecs,
} from '../../src/commit/index.ts';
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

describe('isValidBranchName', () => {
  const git = (name: string) =>
    spawnSync('git', ['check-ref-format', `refs/heads/${name}`], { encoding: 'utf8' }).status === 0;
  test.each([
    'main',
    'feature/x',
    'release-1.2',
    'a.b/c_d',
    'ünïcode',
    'x@y',
    '',
    '@',
    '-lead',
    '/lead',
    'trail/',
    'trail.',
    'a..b',
    'a@{b',
    'a//b',
    'with space',
    'tab\there',
    'tilde~1',
    'caret^',
    'colon:x',
    'question?',
    'star*',
    'bracket[',
    'back\\slash',
    '.hidden',
    'dir/.hidden',
    'x.lock',
    'dir/x.lock/y',
    'del\x7f',
  ])('agrees with git check-ref-format refs/heads/<name> on %j', (name) => {
    expect(isValidBranchName(name)).toBe(git(name));
  });
});
