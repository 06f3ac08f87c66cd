import { describe, expect, test } from 'vitest';
import { type CommitWorkTreeResult, commitSummary } from '../../src/commit/index.ts';

const links = { serverUrl: 'https://github.com', repository: 'octo-org/demo' };
const SHA = 'a'.repeat(40);
const PARENT = 'b'.repeat(40);

function result(over: Partial<CommitWorkTreeResult> = {}): CommitWorkTreeResult {
  return {
    committed: true,
    pushed: true,
    sha: SHA,
    parent: PARENT,
    branch: 'feature',
    files: [{ path: 'dvc.lock', change: 'modified' }],
    eolOnly: [],
    ignored: [],
    alreadyOnBranch: false,
    mergeResult: undefined,
    noPush: undefined,
    created: false,
    attempts: 1,
    keptRef: undefined,
    signed: false,
    ...over,
  };
}

describe('commitSummary', () => {
  test('says what was committed where, with links to the commit and its parent', () => {
    expect(commitSummary(result(), links)).toBe(
      [
        '### Committed 1 file to `feature`',
        '',
        `Commit [aaaaaaa](https://github.com/octo-org/demo/commit/${SHA}) (pushed) on top of [bbbbbbb](https://github.com/octo-org/demo/commit/${PARENT}).`,
        '',
        '| File | Change |',
        '| --- | --- |',
        '| `dvc.lock` | modified |',
      ].join('\n'),
    );
  });

  test('says when the files were produced on the merge result of a pull request', () => {
    const text = commitSummary(
      result({
        mergeResult: {
          merge: 'c'.repeat(40),
          head: PARENT,
          headRef: 'feature',
          baseRef: 'main',
          number: 7,
        },
      }),
      links,
    );
    expect(text).toContain(
      '> The files were produced on the merge result of #7 (merge commit `ccccccc` of `feature` into `main`), and committed on top of the head of `feature`; the merge commit itself was not pushed.',
    );
  });

  test.each([
    [{ attempts: 3 }, 'after 3 attempts while the branch moved'],
    [{ signed: true }, '(signed by GitHub)'],
    [{ created: true, parent: undefined }, 'as the first commit, creating `feature`'],
    [{ eolOnly: ['a.txt'] }, 'Line endings only, not committed: `a.txt`.'],
    [{ ignored: ['data/x.csv'] }, 'Ignored by .gitignore, not committed: `data/x.csv`.'],
  ])('mentions %j', (over, phrase) => {
    expect(commitSummary(result(over), links)).toContain(phrase);
  });

  test('a change that could not be pushed says why and where the commit is kept', () => {
    const text = commitSummary(
      result({
        pushed: false,
        noPush: { reason: 'denied', detail: 'remote: Permission denied' },
        keptRef: 'refs/mlops-actions/commit/feature',
      }),
      links,
    );
    expect(text).toContain('### Not pushed to `feature`');
    expect(text).toContain('Nothing was pushed: remote: Permission denied.');
    expect(text).toContain('stays in the workspace at `refs/mlops-actions/commit/feature`');
  });

  test('no changed file says there was nothing to commit', () => {
    expect(
      commitSummary(result({ committed: false, pushed: false, sha: undefined, files: [] }), links),
    ).toBe('### Nothing to commit\n\nNo file under `paths` changed.');
  });

  test('a branch that already had the contents says so', () => {
    const text = commitSummary(
      result({ committed: false, pushed: false, sha: PARENT, alreadyOnBranch: true }),
      links,
    );
    expect(text).toContain('`feature` already has these contents (at [bbbbbbb]');
  });
});
