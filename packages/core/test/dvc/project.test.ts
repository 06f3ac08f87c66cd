import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  checkParams,
  findStage,
  loadProject,
  plannedRemote,
  readLocks,
  resolveTargets,
  uncachedOutputs,
} from '../../src/dvc/project.ts';
import { FileParseError } from '../../src/pure/errors.ts';

const ROOT_YAML = `stages:
  prepare:
    cmd: python prepare.py
    params:
      - prepare.n
    outs:
      - data
  train:
    cmd: python train.py
    deps:
      - data
    outs:
      - model.pkl
    metrics:
      - metrics.json:
          cache: false
`;

/** project writes a DVC project (files by path) into a new folder and returns it. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-project-'));
  const all: Record<string, string> = {
    '.dvc/config': '[core]\n    remote = storage\n[\'remote "storage"\']\n    url = ../remote\n',
    'dvc.yaml': ROOT_YAML,
    'params.yaml': 'prepare:\n  n: 1\n',
    'sub/dvc.yaml': 'stages:\n  summarize:\n    cmd: python s.py\n    outs:\n      - s.txt\n',
    'raw.csv.dvc': 'outs:\n- md5: abc\n  path: raw.csv\n',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('loadProject', () => {
  test('reads every dvc.yaml with its stages, lines, outputs and addresses', () => {
    const dir = project({});
    const loaded = loadProject(dir, dir);
    expect(loaded.pipelines.map((p) => p.address)).toEqual(['dvc.yaml', 'sub/dvc.yaml']);
    expect(findStage(loaded, 'train')).toMatchObject({ file: 'dvc.yaml', line: 8 });
    expect(findStage(loaded, 'sub/dvc.yaml:summarize')).toMatchObject({
      file: 'sub/dvc.yaml',
      line: 2,
    });
    expect(loaded.trackedFiles).toEqual(['raw.csv']);
    expect(uncachedOutputs(loaded).get('train')).toEqual(new Set(['metrics.json']));
  });

  test('addresses stages from a sub working directory as DVC prints them', () => {
    const dir = project({});
    const loaded = loadProject(dir, join(dir, 'sub'));
    expect(loaded.pipelines.map((p) => p.address)).toEqual(['../dvc.yaml', 'dvc.yaml']);
    expect(findStage(loaded, 'summarize')?.file).toBe('sub/dvc.yaml');
  });

  test.each([
    ['dvc.yaml', 'stages:\n  train:\n    cmd: [x\n', /^dvc\.yaml:\d+ does not parse: invalid YAML/],
    ['sub/dvc.yaml', 'stages: {a: 1', /^sub\/dvc\.yaml:\d+ does not parse: invalid YAML/],
    ['dvc.lock', 'stages:\n  a: [\n', /^dvc\.lock:\d+ does not parse: invalid YAML/],
    ['raw.csv.dvc', 'outs: [\n', /^raw\.csv\.dvc:\d+ does not parse: invalid YAML/],
    ['.dvc/config', '[core\n', /^\.dvc\/config:1 does not parse: /],
    ['dvc.yaml', 'stages:\n  - a\n', /^dvc\.yaml:1 does not parse: 'stages' is not a mapping/],
    [
      'dvc.yaml',
      'stages:\n  a:\n    outs: [x]\n',
      /^dvc\.yaml:2 does not parse: stage 'a' has no 'cmd'/,
    ],
  ])('%s holding %j fails with the file and line', (path, text, message) => {
    const dir = project({ [path]: text });
    const error = (() => {
      try {
        loadProject(dir, dir);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FileParseError);
    expect((error as FileParseError).message).toMatch(message);
    expect((error as FileParseError).location?.file).toBe(path);
  });

  test('a templated dvc.yaml is left to DVC', () => {
    const dir = project({
      'dvc.yaml': 'stages:\n  train:\n    foreach: [a, b]\n    do:\n      cmd: echo ${item}\n',
    });
    const loaded = loadProject(dir, dir);
    expect(resolveTargets(loaded, ['train@a'])).toEqual([
      { kind: 'unknown-to-us', target: 'train@a' },
    ]);
  });
});

describe('resolveTargets', () => {
  const dir = project({});
  const loaded = loadProject(dir, dir);

  test.each([
    ['train', 'stages'],
    ['dvc.yaml:train', 'stages'],
    ['sub/dvc.yaml:summarize', 'stages'],
    ['sub/dvc.yaml', 'stages'],
    ['raw.csv.dvc', 'path'],
    ['raw.csv', 'path'],
    ['data', 'path'],
    ['data/part-0.csv', 'path'],
    ['metrics.json', 'path'],
    ['sub/s.txt', 'path'],
  ])('%s is a %s target', (target, kind) => {
    expect(resolveTargets(loaded, [target])[0]?.kind).toBe(kind);
  });

  test.each([
    ['trian', "unknown target 'trian': it is neither a stage in dvc.yaml nor an output DVC tracks"],
    ['dvc.yaml:trian', "unknown target 'dvc.yaml:trian': dvc.yaml has no stage 'trian'"],
    [
      'sub/dvc.yaml:train',
      "unknown target 'sub/dvc.yaml:train': sub/dvc.yaml has no stage 'train'",
    ],
    ['other/dvc.yaml:x', "unknown target 'other/dvc.yaml:x': other/dvc.yaml does not exist"],
    ['summarize', "unknown target 'summarize'"],
    ['datas', "unknown target 'datas'"],
    ['raw.dvc', "unknown target 'raw.dvc'"],
  ])('%s is refused', (target, message) => {
    expect(() => resolveTargets(loaded, [target])).toThrow(message);
  });
});

describe('checkParams', () => {
  test.each([
    [{}, undefined],
    [
      { 'params.yaml': 'prepare:\n  m: 1\n' },
      "reads param 'prepare.n', which params.yaml does not have",
    ],
    [{ 'params.yaml': 'prepare: {n: [1\n' }, /^params\.yaml:\d+ does not parse/],
    [{ 'params.yaml': '"prepare.n": 1\n' }, undefined],
  ])('%j -> %s', (files, message) => {
    const dir = project(files);
    const loaded = loadProject(dir, dir);
    const check = () => checkParams(loaded, loaded.pipelines[0]!.stages);
    if (message === undefined) expect(check).not.toThrow();
    else expect(check).toThrow(message);
  });
});

describe('plannedRemote', () => {
  test('finds the default remote, or names the missing one', () => {
    const dir = project({});
    const loaded = loadProject(dir, dir);
    expect(plannedRemote(loaded, undefined)?.name).toBe('storage');
    expect(plannedRemote(loaded, 'backup', true)).toBeUndefined();
    expect(() => plannedRemote(loaded, 'backup')).toThrow(
      "DVC remote 'backup' is not configured in this project",
    );
  });
});

describe('readLocks', () => {
  test('keys the stages of every dvc.lock as DVC prints them', () => {
    const dir = project({
      'dvc.lock': 'schema: "2.0"\nstages:\n  train:\n    cmd: a\n',
      'sub/dvc.lock': 'schema: "2.0"\nstages:\n  summarize:\n    cmd: b\n',
    });
    expect([...readLocks(loadProject(dir, dir)).keys()]).toEqual([
      'train',
      'sub/dvc.yaml:summarize',
    ]);
  });
});
