// Versions, changelog sections and release notes, from plain values.
import { describe, expect, test } from 'vitest';
import {
  actionsOf,
  type CommitInfo,
  compareVersions,
  groupCommits,
  insertSection,
  latestRelease,
  OTHER_CHANGES,
  parseVersion,
  releaseNotes,
  releaseTags,
} from '../src/index.ts';

const ACTIONS = ['commit', 'deploy', 'dvc-push', 'dvc-repro', 'report'];
const c = (sha: string, subject: string, files: string[] = []): CommitInfo => ({
  sha: sha.repeat(40).slice(0, 40),
  subject,
  files,
});

describe('versions', () => {
  test.each(['1.4.0', 'v1.4.0', '0.0.1', '10.20.30'])('%s is a release version', (text) => {
    expect(parseVersion(text)).toBeDefined();
  });

  test.each(['1.4', '1.4.0-rc.1', '01.4.0', '1.4.0.1', 'latest', ''])('%s is not', (text) => {
    expect(parseVersion(text)).toBeUndefined();
  });

  test('versions compare by number, not by text', () => {
    expect(compareVersions(parseVersion('1.10.0')!, parseVersion('1.9.9')!)).toBeGreaterThan(0);
  });

  test('the latest release ignores the moving aliases and other tags', () => {
    expect(latestRelease(['v1', 'v1.9', 'v1.9.0', 'v1.10.2', 'nightly', 'v2-beta'])?.tag).toBe(
      'v1.10.2',
    );
  });

  test('a release makes its full tag and two aliases', () => {
    expect(releaseTags(parseVersion('1.4.0')!)).toEqual({
      full: 'v1.4.0',
      minor: 'v1.4',
      major: 'v1',
    });
  });
});

describe('release notes', () => {
  test.each([
    ['fix(report): round deltas', [], ['report']],
    ['report: sticky comment', [], ['report']],
    ['deploy action: rollback', [], ['deploy']],
    [
      'GitHub client: retry 5xx',
      [
        'packages/core/src/github.ts',
        'actions/commit/dist/index.js',
        'actions/report/dist/index.js',
      ],
      ['commit', 'report'],
    ],
    ['Format', ['biome.json'], []],
    ['feat(core): nothing named', ['packages/core/src/x.ts'], []],
  ])('"%s" belongs to %j', (subject, files, expected) => {
    expect(actionsOf(c('a', subject, files), ACTIONS)).toEqual(expected);
  });

  test('each action lists its commits, the rest goes under other changes', () => {
    const groups = groupCommits(
      [
        c('a', 'commit: never force-push', ['actions/commit/src/main.ts']),
        c('b', 'Format', ['biome.json']),
        c('d', 'One core change', ['actions/commit/dist/index.js', 'actions/deploy/dist/index.js']),
      ],
      ACTIONS,
    );
    const notes = releaseNotes(groups, ACTIONS);
    expect(notes).toBe(
      [
        '### commit',
        '',
        '- commit: never force-push (aaaaaaa)',
        '- One core change (ddddddd)',
        '',
        '### deploy',
        '',
        '- One core change (ddddddd)',
        '',
        `### ${OTHER_CHANGES}`,
        '',
        '- Format (bbbbbbb)',
        '',
      ].join('\n'),
    );
  });

  test('a new section goes on top, under the marker, and the note of an empty changelog goes', () => {
    const first = insertSection(undefined, 'v1.0.0', '2026-01-02', '### report\n\n- a (1234567)\n');
    expect(first).toContain('## v1.0.0 (2026-01-02)\n\n### report\n\n- a (1234567)\n');
    const withNote = `${first.slice(0, first.indexOf('\n\n## v1.0.0'))}\n\nNothing is released yet. The first is 1.0.0.\n`;
    expect(insertSection(withNote, 'v1.0.0', 'd', 'x')).not.toContain('Nothing is released yet');
    const second = insertSection(first, 'v1.1.0', '2026-02-03', '- b\n');
    expect(second.indexOf('## v1.1.0')).toBeLessThan(second.indexOf('## v1.0.0'));
    expect(second.match(/## v1\.0\.0/g)).toHaveLength(1);
  });
});
