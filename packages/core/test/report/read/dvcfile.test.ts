import { describe, expect, test } from 'vitest';
import { mergeParams, parseDvcLock, parseDvcYaml } from '../../../src/report/read/dvcfile.ts';
import { DataParseError } from '../../../src/report/read/parse.ts';

describe('parseDvcYaml', () => {
  const text = `stages:
  train:
    cmd: python train.py
    wdir: src
    params:
      - train.lr
      - ../conf/extra.yaml:
          - a.b
      - ../conf/whole.yaml:
    outs:
      - ../model.pkl
      - ../history.json:
          cache: false
    metrics:
      - ../metrics.json:
          cache: false
    plots:
      - ../plots/loss.csv:
          x: step
          y: loss
params:
  - top.yaml
metrics:
  - extra/metrics.yaml
plots:
  - loss:
      template: linear
      x: epoch
      y:
        history.json: [train_loss, val_loss]
  - images/
`;

  test('resolves every path against the dvc.yaml folder and the stage wdir', async () => {
    const d = await parseDvcYaml('ml/dvc.yaml', text);
    expect(d.params).toEqual([
      { file: 'ml/src/params.yaml', keys: ['train.lr'] },
      { file: 'ml/conf/extra.yaml', keys: ['a.b'] },
      { file: 'ml/conf/whole.yaml', keys: [] },
      { file: 'ml/top.yaml', keys: [] },
    ]);
    expect(d.metrics).toEqual(['ml/metrics.json', 'ml/extra/metrics.yaml']);
    expect(d.outs).toEqual([
      { path: 'ml/model.pkl', cache: true, kind: 'out' },
      { path: 'ml/history.json', cache: false, kind: 'out' },
      { path: 'ml/metrics.json', cache: false, kind: 'metric' },
      { path: 'ml/plots/loss.csv', cache: true, kind: 'plot' },
    ]);
    expect(d.templated).toBe(false);
  });

  test('reads stage plots and top-level plots, named ones with file sources resolved', async () => {
    const d = await parseDvcYaml('ml/dvc.yaml', text);
    expect(d.plots).toEqual([
      {
        id: 'ml/plots/loss.csv',
        idIsPath: true,
        props: { x: 'step', y: 'loss' },
        declaredIn: 'ml/dvc.yaml',
        fromOutput: true,
      },
      {
        id: 'loss',
        idIsPath: false,
        props: {
          template: 'linear',
          x: 'epoch',
          y: { 'ml/history.json': ['train_loss', 'val_loss'] },
        },
        declaredIn: 'ml/dvc.yaml',
        fromOutput: false,
      },
      { id: 'ml/images', idIsPath: true, props: {}, declaredIn: 'ml/dvc.yaml', fromOutput: false },
    ]);
  });

  // DVC's interpolation syntax, written with a \u0024 so it is plainly not a JS template.
  test.each([
    ['vars:\n  - params.yaml\nstages: {}\n'],
    ['stages:\n  s:\n    foreach: [1, 2]\n    do:\n      cmd: echo \u0024{item}\n'],
    ['stages:\n  s:\n    cmd: echo \u0024{lr}\n'],
  ])('marks templated files, which only DVC resolves (%#)', async (yaml) => {
    expect((await parseDvcYaml('dvc.yaml', yaml)).templated).toBe(true);
  });

  test('names the line of a YAML error', async () => {
    const error = await parseDvcYaml('dvc.yaml', 'stages:\n  s:\n    cmd: [a\n').then(
      () => new Error('parsed'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataParseError);
    expect((error as DataParseError).line).toBeGreaterThan(1);
  });

  test('refuses stages that are not a mapping', async () => {
    await expect(parseDvcYaml('dvc.yaml', 'stages: [a, b]\n')).rejects.toThrow(
      /'stages' must be a mapping/,
    );
  });
});

describe('parseDvcLock', () => {
  test('reads outputs with their hash and cache layout', async () => {
    const lock = `schema: '2.0'
stages:
  s:
    cmd: echo
    wdir: sub
    outs:
    - path: m.json
      hash: md5
      md5: c4cc6598001eec166f12ee6471b4f497
      size: 13
    - path: data
      md5: 0123456789abcdef0123456789abcdef.dir
`;
    expect(await parseDvcLock('dvc.lock', lock)).toEqual([
      { path: 'sub/m.json', md5: 'c4cc6598001eec166f12ee6471b4f497', legacy: false, isDir: false },
      { path: 'sub/data', md5: '0123456789abcdef0123456789abcdef.dir', legacy: true, isDir: true },
    ]);
  });
});

describe('mergeParams', () => {
  test('tracks a file whole when any declaration does, and merges keys otherwise', () => {
    expect(
      mergeParams([
        { file: 'params.yaml', keys: ['a'] },
        { file: 'params.yaml', keys: [] },
        { file: 'x.yaml', keys: ['b'] },
        { file: 'x.yaml', keys: ['c', 'b'] },
      ]),
    ).toEqual([
      { file: 'params.yaml', keys: [] },
      { file: 'x.yaml', keys: ['b', 'c'] },
    ]);
  });
});
