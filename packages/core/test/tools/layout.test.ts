import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  findOnPath,
  isExactVersion,
  isTransientPipError,
  pythonToolLayout,
} from '../../src/tools/index.ts';

const identity = {
  tool: 'dvc',
  version: '3.67.1',
  packages: ['dvc[s3]==3.67.1'],
  pythonVersion: '3.11',
  pythonExecutable: '/usr/bin/python3.11',
  arch: 'x64',
};

describe('pythonToolLayout', () => {
  test('puts the venv under <tool>/<version>/<arch>-py<X.Y>-<hash>, the tool cache layout', () => {
    const layout = pythonToolLayout(identity);
    expect(layout.tool).toBe('dvc');
    expect(layout.version).toBe('3.67.1');
    expect(layout.arch).toMatch(/^x64-py3\.11-[0-9a-f]{10}$/);
  });

  test('the same requirements in another order, or repeated, find the same venv', () => {
    const a = pythonToolLayout({ ...identity, packages: ['dvc[s3]==3.67.1', 'dvc-s3==3.3.0'] });
    const b = pythonToolLayout({
      ...identity,
      packages: [' dvc-s3==3.3.0', 'dvc[s3]==3.67.1', 'dvc-s3==3.3.0'],
    });
    expect(b).toEqual(a);
  });

  test.each([
    ['other extras', { packages: ['dvc[gs]==3.67.1'] }],
    [
      'another interpreter of the same version',
      { pythonExecutable: '/opt/python/3.11/bin/python3' },
    ],
    ['another Python version', { pythonVersion: '3.12' }],
    ['another machine', { arch: 'arm64' }],
  ])('%s get a venv of their own', (_name, change) => {
    expect(pythonToolLayout({ ...identity, ...change }).arch).not.toBe(
      pythonToolLayout(identity).arch,
    );
  });
});

describe('isExactVersion', () => {
  test.each([
    ['3.67.1', true],
    ['1.4.40', true],
    ['3.0.0rc1', false],
    ['3.0.0-rc.1', true],
    ['3.67', false],
    ['latest', false],
    ['>=3', false],
    ['', false],
  ])('%j -> %s', (version, exact) => {
    expect(isExactVersion(version)).toBe(exact);
  });
});

describe('isTransientPipError', () => {
  test.each([
    [
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError(...: Failed to establish a new connection: [Errno 111] Connection refused')': /simple/dvc/\nERROR: Could not find a version that satisfies the requirement dvc==3.67.1 (from versions: none)\nERROR: No matching distribution found for dvc==3.67.1",
      true,
    ],
    [
      "pip._vendor.urllib3.exceptions.ReadTimeoutError: HTTPSConnectionPool(host='x', port=443): Read timed out.",
      true,
    ],
    ['ERROR: HTTP error 503 while getting https://x/dvc.whl', true],
    [
      'ERROR: Could not find a version that satisfies the requirement dvc==99.0.0 (from versions: 3.67.1)\nERROR: No matching distribution found for dvc==99.0.0',
      false,
    ],
    ['ERROR: ResolutionImpossible: for help visit https://pip.pypa.io', false],
  ])('%s -> %s', (output, transient) => {
    expect(isTransientPipError(output)).toBe(transient);
  });
});

describe('findOnPath', () => {
  const root = mkdtempSync(join(tmpdir(), 'which-'));
  const first = join(root, 'first');
  const second = join(root, 'second');
  for (const dir of [first, second]) mkdirSync(dir);
  writeFileSync(join(first, 'tool'), 'not executable');
  writeFileSync(join(second, 'tool'), '#!/bin/sh\n');
  chmodSync(join(second, 'tool'), 0o755);
  mkdirSync(join(first, 'dir-tool'));

  test('returns the first executable match, skipping files that cannot run', () => {
    expect(findOnPath('tool', [first, second].join(delimiter))).toBe(join(second, 'tool'));
  });

  test('skips folders and relative PATH entries', () => {
    expect(findOnPath('dir-tool', [first, 'second'].join(delimiter))).toBeUndefined();
  });

  test('returns undefined when the tool is nowhere', () => {
    expect(findOnPath('definitely-not-a-tool', [first, second].join(delimiter))).toBeUndefined();
  });
});
