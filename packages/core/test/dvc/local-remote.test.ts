import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { localRemoteAnswers } from '../../src/dvc/repro.ts';

const dir = mkdtempSync(join(tmpdir(), 'local-remote-'));
const file = join(dir, 'a-file');
writeFileSync(file, 'not a folder\n');

describe('localRemoteAnswers settles the remote check on disk, without DVC, only when it can', () => {
  test.each([
    ['a folder', dir, true],
    ['a file:// URL of a folder', pathToFileURL(dir).href, true],
    ['a folder not made yet (an empty remote, as DVC says)', join(dir, 'not-yet'), true],
    ['a file where the folder should be', file, false],
    ['a path under a file', join(file, 'below'), false],
    ['a relative path (from a config DVC reads elsewhere)', '../remote', false],
    ['an S3 bucket', 's3://bucket/dvc', false],
    ['an HTTP remote', 'http://127.0.0.1:1/dvc', false],
    ['no URL', '', false],
  ])('%s: %s', (_, url, answers) => {
    expect(localRemoteAnswers({ name: 'storage', url })).toBe(answers);
  });
});
