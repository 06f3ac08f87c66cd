// The versions users see, from plain texts and tag lists.
import { describe, expect, test } from 'vitest';
import { checkReferences, findReferences, moveReferences, parseVersion } from '../src/index.ts';

const ACTIONS = ['commit', 'report'];
const SHA = 'a'.repeat(40);
const refs = (text: string) => findReferences('x.yml', text);

describe('checking example references', () => {
  test('before any release, only the planned first major is accepted', () => {
    const none = new Map<string, string>();
    expect(
      checkReferences(refs('uses: OWNER/mlops-actions/actions/report@v1'), ACTIONS, none),
    ).toEqual([]);
    expect(
      checkReferences(refs('uses: OWNER/mlops-actions/actions/report@v2'), ACTIONS, none),
    ).toEqual([
      'x.yml:1: report@v2: nothing is released yet; the first release is 1.0.0, so use @v1',
    ]);
  });

  test.each([
    ['uses: o/mlops-actions/actions/report@v1', []],
    ['uses: o/mlops-actions/actions/report@v1.4.0', []],
    ['uses: o/mlops-actions/actions/report@v3', ['x.yml:1: report@v3: no such tag']],
    ['uses: o/mlops-actions/actions/report@v1.9.9', ['x.yml:1: report@v1.9.9: no such tag']],
    [
      'uses: o/mlops-actions/actions/report@main',
      ['x.yml:1: report@main is not a release: use @vN or @<sha> # vX.Y.Z'],
    ],
    ['uses: o/mlops-actions/actions/nope@v1', ['x.yml:1: actions/nope does not exist']],
    [`uses: o/mlops-actions/actions/report@${SHA} # v1.4.0`, []],
    [
      `uses: o/mlops-actions/actions/report@${'b'.repeat(40)} # v1.4.0`,
      ['x.yml:1: report@bbbbbbb… is not the commit of v1.4.0 (aaaaaaa)'],
    ],
    [
      `uses: o/mlops-actions/actions/report@${SHA} # v1.3.0`,
      ['x.yml:1: report@… # v1.3.0: release v1.3.0 does not exist'],
    ],
    [
      `uses: o/mlops-actions/actions/report@${SHA}`,
      ['x.yml:1: report@aaaaaaa… needs its version as a comment (# vX.Y.Z)'],
    ],
  ])('%s', (line, expected) => {
    const tags = new Map([
      ['v1.4.0', SHA],
      ['v1.4', SHA],
      ['v1', SHA],
    ]);
    expect(checkReferences(refs(line), ACTIONS, tags)).toEqual(expected);
  });
});

describe('moving references to a new release', () => {
  const v2 = parseVersion('2.1.0')!;

  test('each form moves to the same form of the new release', () => {
    const text = [
      'uses: o/mlops-actions/actions/report@v1',
      'uses: o/mlops-actions/actions/report@v1.4',
      'uses: o/mlops-actions/actions/report@v1.4.0',
      'uses: actions/checkout@v4',
    ].join('\n');
    expect(moveReferences(text, v2)).toBe(
      [
        'uses: o/mlops-actions/actions/report@v2',
        'uses: o/mlops-actions/actions/report@v2.1',
        'uses: o/mlops-actions/actions/report@v2.1.0',
        'uses: actions/checkout@v4',
      ].join('\n'),
    );
  });

  test('a standalone pin moves to the commit of its own repository', () => {
    const text = `uses: o/mlops-report@${SHA} # v1.4.0 and o/mlops-commit@v1`;
    const pin = { sha: 'c'.repeat(40), standalone: new Map([['report', 'e'.repeat(40)]]) };
    expect(moveReferences(text, v2, pin)).toBe(
      `uses: o/mlops-report@${'e'.repeat(40)} # v2.1.0 and o/mlops-commit@v2`,
    );
  });

  test('SHA pins move only when the new commit is given', () => {
    const text = `uses: o/mlops-actions/actions/report@${SHA} # v1.4.0`;
    expect(moveReferences(text, v2)).toBe(text);
    expect(moveReferences(text, v2, { sha: 'c'.repeat(40) })).toBe(
      `uses: o/mlops-actions/actions/report@${'c'.repeat(40)} # v2.1.0`,
    );
  });
});
