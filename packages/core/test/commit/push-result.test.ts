import { describe, expect, test } from 'vitest';
import { classifyPushFailure } from '../../src/commit/index.ts';

const porcelain = (status: string) =>
  `To /tmp/origin.git\n!\tabc:refs/heads/main\t${status}\nDone\n`;

describe('classifyPushFailure', () => {
  test.each([
    [
      'someone pushed first',
      porcelain('[rejected] (fetch first)'),
      'error: failed to push some refs',
      'race',
    ],
    [
      'our base is behind',
      porcelain('[rejected] (non-fast-forward)'),
      'hint: Updates were rejected',
      'race',
    ],
    [
      'the server lost a ref-lock race',
      porcelain('[remote rejected] (failed to update ref)'),
      'error: failed to push some refs',
      'race',
    ],
    [
      'the token may not write',
      '',
      "remote: Permission to octo-org/demo.git denied to github-actions[bot].\nfatal: unable to access 'https://github.com/octo-org/demo/': The requested URL returned error: 403",
      'denied',
    ],
    [
      'the credentials are wrong',
      '',
      "fatal: Authentication failed for 'https://github.com/octo-org/demo/'",
      'auth',
    ],
    [
      'a protected branch',
      porcelain('[remote rejected] (protected branch hook declined)'),
      'remote: error: GH006: Protected branch update failed for refs/heads/main.',
      'refused',
    ],
    [
      'a hook refused it',
      porcelain('[remote rejected] (pre-receive hook declined)'),
      'remote: no commits on Fridays',
      'refused',
    ],
    [
      'the server erred',
      '',
      "fatal: unable to access 'https://github.com/o/r/': The requested URL returned error: 502",
      'transient',
    ],
    [
      'the network failed',
      '',
      "fatal: unable to access 'https://github.com/o/r/': Could not resolve host: github.com",
      'transient',
    ],
    ['something else', '', 'fatal: something unheard of', 'unknown'],
  ])('%s is a %s', (_name, stdout, stderr, kind) => {
    expect(classifyPushFailure(stdout, stderr).kind).toBe(kind);
  });

  test('the detail shows what the server said, without git hints', () => {
    const failure = classifyPushFailure(
      porcelain('[remote rejected] (protected branch hook declined)'),
      'remote: error: GH006: Protected branch update failed.\nhint: See git push --help',
    );
    expect(failure.detail).toBe(
      'remote rejected (protected branch hook declined) / remote: error: GH006: Protected branch update failed.',
    );
  });
});
