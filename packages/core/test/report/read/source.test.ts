import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ActionError } from '../../../src/pure/errors.ts';
import { resolveBase } from '../../../src/report/build.ts';
import {
  DvcCache,
  GitObjects,
  GitRevision,
  readCacheDir,
  WorkspaceFiles,
} from '../../../src/report/read/source.ts';

const run = promisify(execFile);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x0a, 0x00]);

let root: string;
let origin: string;
let work: string;
let mainSha: string;
const git = async (cwd: string, ...args: string[]) =>
  (await run('git', args, { cwd })).stdout.trim();

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'report-source-')));
  work = join(root, 'work');
  origin = join(root, 'origin.git');
  await mkdir(join(work, 'sub', 'plots'), { recursive: true });
  await git(root, 'init', '--quiet', '--bare', '-b', 'main', origin);
  await git(work, 'init', '--quiet', '-b', 'main');
  await git(work, 'config', 'user.name', 'T');
  await git(work, 'config', 'user.email', 't@example.com');
  await writeFile(join(work, 'sub', 'plots', 'a.png'), PNG);
  await writeFile(join(work, 'sub', 'dvc.yaml'), 'stages: {}\n');
  await writeFile(join(work, 'dvc.yaml'), 'stages: {}\n');
  await git(work, 'add', '-A');
  await git(work, 'commit', '--quiet', '-m', 'base');
  await git(work, 'tag', 'v1');
  mainSha = await git(work, 'rev-parse', 'HEAD');
  await git(work, 'remote', 'add', 'origin', origin);
  await git(work, 'push', '--quiet', 'origin', 'main', 'v1');
  await git(work, 'checkout', '--quiet', '-b', 'feature');
  await writeFile(join(work, 'x.txt'), 'x\n');
  await git(work, 'add', '-A');
  await git(work, 'commit', '--quiet', '-m', 'feature');
  await git(work, 'push', '--quiet', 'origin', 'feature');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('GitObjects', () => {
  test('reads binary blobs intact and says undefined for what is not there', async () => {
    const objects = new GitObjects(work);
    try {
      const [png, missing, yaml] = await Promise.all([
        objects.read(`${mainSha}:sub/plots/a.png`),
        objects.read(`${mainSha}:nope.json`),
        objects.read(`${mainSha}:dvc.yaml`),
      ]);
      expect(png?.equals(PNG)).toBe(true);
      expect(missing).toBeUndefined();
      expect(yaml?.toString()).toBe('stages: {}\n');
    } finally {
      objects.close();
    }
  });
});

describe('GitObjects with large blobs', () => {
  test('reads a blob of several megabytes intact, between small ones', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 7);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 8)) & 0xff;
    const file = join(root, 'big.bin');
    await writeFile(file, big);
    const sha = await git(work, 'hash-object', '-w', file);
    const objects = new GitObjects(work);
    try {
      const [a, b, c] = await Promise.all([
        objects.read(`${mainSha}:dvc.yaml`),
        objects.read(sha),
        objects.read(`${mainSha}:sub/plots/a.png`),
      ]);
      expect(a?.toString()).toBe('stages: {}\n');
      expect(b?.equals(big)).toBe(true);
      expect(c?.equals(PNG)).toBe(true);
    } finally {
      objects.close();
    }
  });
});

describe('GitRevision and WorkspaceFiles', () => {
  test('list a folder and find dvc.yaml files, relative to the DVC root', async () => {
    const objects = new GitObjects(work);
    const cache = new DvcCache(join(work, '.dvc', 'cache'));
    try {
      const rev = new GitRevision('main', mainSha, objects, work, 'sub/', cache);
      expect(await rev.list('plots')).toEqual(['plots/a.png']);
      expect(await rev.find('dvc.yaml')).toEqual(['dvc.yaml']);
      expect(await rev.read('plots/a.png')).toMatchObject({ kind: 'found', via: 'git' });
      const ws = new WorkspaceFiles(work, cache);
      expect(await ws.find('dvc.yaml')).toEqual(['dvc.yaml', 'sub/dvc.yaml']);
      expect(await ws.list('sub')).toEqual(['sub/dvc.yaml', 'sub/plots/a.png']);
      expect(await ws.read('nope')).toMatchObject({ kind: 'missing' });
    } finally {
      objects.close();
    }
  });
});

describe('DvcCache', () => {
  test('keeps DVC 3 objects under files/md5 and legacy ones directly', () => {
    const cache = new DvcCache('/c');
    expect(cache.objectPath('c4cc6598001eec166f12ee6471b4f497', false)).toBe(
      '/c/files/md5/c4/cc6598001eec166f12ee6471b4f497',
    );
    expect(cache.objectPath('c4cc6598001eec166f12ee6471b4f497', true)).toBe(
      '/c/c4/cc6598001eec166f12ee6471b4f497',
    );
  });

  test('finds a cache folder configured in .dvc/config.local', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'report-cache-'));
    await mkdir(join(dir, '.dvc'));
    await writeFile(
      join(dir, '.dvc', 'config'),
      '[core]\n    remote = s\n[\'remote "s"\']\n    url = /x\n',
    );
    expect(await readCacheDir(dir)).toBe(join(dir, '.dvc', 'cache'));
    await writeFile(join(dir, '.dvc', 'config.local'), '[cache]\n    dir = ../../shared-cache\n');
    expect(await readCacheDir(dir)).toBe(join(dir, '.dvc', '../../shared-cache'));
    await rm(dir, { recursive: true, force: true });
  });
});

describe('resolveBase', () => {
  test.each([
    ['main', () => mainSha],
    ['v1', () => mainSha],
  ])('resolves %s in a full clone', async (base, sha) => {
    expect(await resolveBase(work, base)).toBe(sha());
  });

  test('fetches the base branch into a shallow clone of the feature branch only', async () => {
    const shallow = join(root, 'shallow');
    await git(
      root,
      'clone',
      '--quiet',
      '--depth=1',
      '--single-branch',
      '--branch',
      'feature',
      `file://${origin}`,
      shallow,
    );
    expect(await git(shallow, 'branch', '-a')).not.toContain('main');
    expect(await resolveBase(shallow, 'main')).toBe(mainSha);
    expect(await git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
  });

  test('fetches a tag and a full SHA the clone lacks', async () => {
    const shallow = join(root, 'shallow-tag');
    await git(
      root,
      'clone',
      '--quiet',
      '--depth=1',
      '--single-branch',
      '--no-tags',
      '--branch',
      'feature',
      `file://${origin}`,
      shallow,
    );
    expect(await resolveBase(shallow, 'v1')).toBe(mainSha);
    const other = join(root, 'shallow-sha');
    await git(
      root,
      'clone',
      '--quiet',
      '--depth=1',
      '--single-branch',
      '--no-tags',
      '--branch',
      'feature',
      `file://${origin}`,
      other,
    );
    await git(other, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
    await git(origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
    expect(await resolveBase(other, mainSha)).toBe(mainSha);
  });

  test.each(['no-such-branch', '--upload-pack=evil', 'a b'])(
    'refuses %s with a message that says what to set',
    async (base) => {
      const error = await resolveBase(work, base).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActionError);
      expect((error as ActionError).hint).toMatch(/branch, tag or commit/);
    },
  );
});
