import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pythonVenv } from '@mlops-actions/testkit/python';
import { describe, expect, test } from 'vitest';
import { dvcVersionFromFiles, findDvcRoot, pushArgs, reproArgs } from '../../src/dvc/index.ts';

/** fakeInstall lays out bin/dvc and site-packages with the given dist-info folders. */
function fakeInstall(...distInfos: string[]): string {
  const prefix = mkdtempSync(join(tmpdir(), 'fake-dvc-'));
  mkdirSync(join(prefix, 'bin'));
  writeFileSync(join(prefix, 'bin', 'dvc'), '#!/bin/sh\n');
  const site = join(prefix, 'lib', 'python3.11', 'site-packages');
  mkdirSync(site, { recursive: true });
  for (const info of distInfos) mkdirSync(join(site, info));
  return join(prefix, 'bin', 'dvc');
}

describe('dvcVersionFromFiles', () => {
  test('reads the version from the dist-info folder beside a pip-installed dvc', () => {
    expect(
      dvcVersionFromFiles(
        fakeInstall('dvc-3.67.1.dist-info', 'dvc_data-3.18.3.dist-info', 'dvc_s3-3.3.0.dist-info'),
      ),
    ).toBe('3.67.1');
  });

  test('follows a link to the real executable (Homebrew, pipx)', () => {
    const real = fakeInstall('dvc-3.60.0.dist-info');
    const links = mkdtempSync(join(tmpdir(), 'links-'));
    symlinkSync(real, join(links, 'dvc'));
    expect(dvcVersionFromFiles(join(links, 'dvc'))).toBe('3.60.0');
  });

  test.each([
    ['two versions side by side', ['dvc-3.60.0.dist-info', 'dvc-3.67.1.dist-info']],
    ['no metadata', []],
  ])('gives up on %s', (_name, infos) => {
    expect(dvcVersionFromFiles(fakeInstall(...infos))).toBeUndefined();
  });

  test('agrees with `dvc --version` for the real DVC', () => {
    const dvc = join(pythonVenv(), 'bin', 'dvc');
    const asked = execFileSync(dvc, ['--version'], {
      encoding: 'utf8',
      env: { ...process.env, DVC_NO_ANALYTICS: '1' },
    }).trim();
    expect(dvcVersionFromFiles(dvc)).toBe(asked);
  });
});

describe('findDvcRoot', () => {
  test('finds the folder holding .dvc from a subfolder, and nothing outside a project', () => {
    const root = mkdtempSync(join(tmpdir(), 'dvc-root-'));
    mkdirSync(join(root, '.dvc'));
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    expect(findDvcRoot(join(root, 'a', 'b'))).toBe(root);
    expect(findDvcRoot(mkdtempSync(join(tmpdir(), 'no-dvc-')))).toBeUndefined();
  });
});

describe('argv', () => {
  test.each([
    [
      { targets: [], pull: true, allowMissing: false, force: false, singleItem: false },
      ['repro', '--pull'],
    ],
    [
      { targets: [], pull: false, allowMissing: true, force: true, singleItem: false },
      ['repro', '--allow-missing', '--force'],
    ],
    [
      { targets: ['train', '-x'], pull: true, allowMissing: false, force: false, singleItem: true },
      ['repro', '--pull', '--single-item', '--', 'train', '-x'],
    ],
  ])('reproArgs(%j) is %j', (options, args) => {
    expect(reproArgs(options)).toEqual(args);
  });

  test.each([
    [{ targets: [], runCache: true }, ['push', '--run-cache']],
    [
      { targets: ['model'], runCache: false, remote: 's3', jobs: 4 },
      ['push', '--remote', 's3', '--jobs', '4', '--no-run-cache', '--', 'model'],
    ],
  ])('pushArgs(%j) is %j', (options, args) => {
    expect(pushArgs(options)).toEqual(args);
  });
});
