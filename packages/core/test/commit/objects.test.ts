// Scratch's top-level shortcut (the base's root tree changed here and written with one mktree) must
// write exactly the tree git's own index would: compared on a tree with folders, an executable, a
// symlink and a submodule entry.
import { chmod, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, writeFiles } from '@mlops-actions/testkit/git-fixture';
import { expect, test } from 'vitest';
import { parseTree, Scratch, type TreeEntry } from '../../src/commit/objects.ts';
import { Git } from '../../src/git.ts';

test('a top-level change writes the same tree as read-tree, update-index and write-tree', async () => {
  const repo = await mkdtemp(join(tmpdir(), 'scratch-tree-'));
  await git(repo, 'init', '-q', '--initial-branch=main');
  await writeFiles(repo, {
    'dvc.lock': 'v1\n',
    'params.yaml': 'lr: 1\n',
    'run.sh': '#!/bin/sh\n',
    'src/model.py': 'x = 1\n',
    'src/deep/data.csv': 'a,b\n',
  });
  await symlink('params.yaml', join(repo, 'link.yaml'));
  await chmod(join(repo, 'run.sh'), 0o755);
  await git(repo, 'add', '-A');
  await git(repo, 'update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendored`);
  await git(repo, 'commit', '-q', '-m', 'Base');
  const base = await git(repo, 'rev-parse', 'HEAD');
  const scratch = await Scratch.open(new Git(repo));
  try {
    await writeFiles(repo, { 'dvc.lock': 'v2\n' });
    const newLock = await new Git(repo).run(['hash-object', '-w', 'dvc.lock']);
    const changes = new Map<string, TreeEntry | null>([
      ['dvc.lock', { mode: '100644', oid: newLock, path: 'dvc.lock' }],
      ['added.txt', { mode: '100755', oid: newLock, path: 'added.txt' }],
      ['params.yaml', null],
    ]);
    const fast = await scratch.writeTree(base, changes);
    // What git's index makes of the same change, the long way.
    const index = join(await scratch.dir(), 'expected-index');
    const env = { GIT_INDEX_FILE: index };
    const g = new Git(repo, env);
    await g.run(['read-tree', base]);
    await g.run(['update-index', '--index-info'], {
      input: `100644 ${newLock}\tdvc.lock\n100755 ${newLock}\tadded.txt\n0 ${'0'.repeat(40)}\tparams.yaml\n`,
    });
    expect(fast).toBe(await g.run(['write-tree']));
    const object = (await scratch.readObjects([`${fast}^{tree}`])).get(`${fast}^{tree}`);
    expect(parseTree(object!.bytes, 20).map((e) => `${e.mode} ${e.path}`)).toEqual([
      '100755 added.txt',
      '100644 dvc.lock',
      '120000 link.yaml',
      '100755 run.sh',
      '40000 src',
      '160000 vendored',
    ]);
  } finally {
    await scratch.close();
  }
});

test('a top-level change keeps every other name byte for byte, UTF-8 or not', async () => {
  const repo = await mkdtemp(join(tmpdir(), 'scratch-names-'));
  await git(repo, 'init', '-q', '--initial-branch=main');
  await writeFiles(repo, { 'dvc.lock': 'v1\n', 'café.txt': 'c\n' });
  await git(repo, 'add', '-A');
  // A name that is not UTF-8 (Latin-1 "é"), as a tree may hold one from another system.
  const blob = await git(repo, 'hash-object', '-w', 'café.txt');
  const tree = await new Git(repo).run(['mktree', '-z'], {
    input: Buffer.concat([
      Buffer.from(`100644 blob ${blob}\tcaf`),
      Buffer.from([0xe9]),
      Buffer.from('.bin\0'),
      Buffer.from(`100644 blob ${blob}\tcafé.txt\0`),
      Buffer.from(`100644 blob ${await git(repo, 'hash-object', '-w', 'dvc.lock')}\tdvc.lock\0`),
    ]),
  });
  const base = await git(repo, 'commit-tree', tree, '-m', 'Base');
  const scratch = await Scratch.open(new Git(repo));
  try {
    await writeFiles(repo, { 'dvc.lock': 'v2\n' });
    const changed = await git(repo, 'hash-object', '-w', 'dvc.lock');
    const fast = await scratch.writeTree(
      base,
      new Map([['dvc.lock', { mode: '100644', oid: changed, path: 'dvc.lock' }]]),
    );
    const names = async (treeish: string) =>
      (await new Git(repo).exec(['ls-tree', '-z', '--name-only', treeish])).stdoutBytes;
    expect(await names(fast)).toEqual(await names(base));
    expect((await names(fast)).includes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e]))).toBe(true);
    expect(await git(repo, 'rev-parse', `${fast}:dvc.lock`)).toBe(changed);
    const object = (await scratch.readObjects([`${fast}^{tree}`])).get(`${fast}^{tree}`);
    expect(parseTree(object!.bytes, 20).find((e) => e.path === 'café.txt')?.oid).toBe(blob);
  } finally {
    await scratch.close();
  }
});
