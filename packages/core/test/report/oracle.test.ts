// The real DVC is the oracle: on the same repositories, the native params and metrics diffs must
// equal `dvc params diff --json` and `dvc metrics diff --json` (changed only, and with --all), and
// the plot series must hold the same points as `dvc plots diff --json --split`.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createDvcRepo, type DvcRepo } from '@mlops-actions/testkit/dvc-repo';
import { venvBin } from '@mlops-actions/testkit/python';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReport, fetchObjects } from '../../src/report/build.ts';
import { plotData } from '../../src/report/charts/plot-data.ts';
import { collectSnapshot, type Snapshot } from '../../src/report/collect.ts';
import { diffData, diffToJson } from '../../src/report/diff/data.ts';
import {
  DvcCache,
  GitObjects,
  GitRevision,
  readCacheDir,
  WorkspaceFiles,
} from '../../src/report/read/source.ts';

async function snapshots(
  repo: DvcRepo,
  base = 'main',
): Promise<{ base: Snapshot; workspace: Snapshot }> {
  const sha = (await repo.git('rev-parse', base)).trim();
  const cache = new DvcCache(await readCacheDir(repo.dir));
  const objects = new GitObjects(repo.dir);
  try {
    const [b, w] = await Promise.all([
      collectSnapshot(new GitRevision(base, sha, objects, repo.dir, '', cache)),
      collectSnapshot(new WorkspaceFiles(repo.dir, cache)),
    ]);
    return { base: b, workspace: w };
  } finally {
    objects.close();
  }
}

async function oracle(repo: DvcRepo, kind: 'params' | 'metrics', all: boolean): Promise<unknown> {
  const out = await repo.dvc(kind, 'diff', 'main', '--json', ...(all ? ['--all'] : []));
  return JSON.parse(out || '{}');
}

async function expectAgreement(repo: DvcRepo): Promise<void> {
  const { base, workspace } = await snapshots(repo);
  expect(base.needsDvc || workspace.needsDvc).toBe(false);
  expect(workspace.problems).toEqual([]);
  for (const kind of ['params', 'metrics'] as const) {
    for (const all of [false, true]) {
      const mine = diffToJson(diffData(base[kind], workspace[kind], all));
      expect({ kind, all, diff: mine }).toEqual({ kind, all, diff: await oracle(repo, kind, all) });
    }
  }
}

const BASE_PARAMS = `train:
  lr: 0.001
  epochs: 10
  layers: [64, 32]
  names: ['a', "b'c"]
  ratios: [0.5, 1.0, 1e-05]
  opt:
    name: adam
    beta: 0.9
  flag: true
  small: 1.0e-5
  nothing: null
  empty: {}
  int_key:
    1: one
prepare:
  split: 0.2
`;

describe('params and metrics agree with DVC', { timeout: 120_000 }, () => {
  const repos: DvcRepo[] = [];
  afterAll(async () => {
    for (const repo of repos) await repo.remove();
  });

  test('nested keys, lists, params from another file, YAML metrics, keys that appear and disappear', async () => {
    const repo = await createDvcRepo({
      'params.yaml': BASE_PARAMS,
      'custom.yaml': 'a:\n  b: 1\n  c: 2\nother: 5\n',
      'dvc.yaml': `stages:
  train:
    cmd: echo train
    params:
      - train.lr
      - custom.yaml:
          - a.b
    metrics:
      - metrics.json:
          cache: false
metrics:
  - summary.yaml
`,
      'metrics.json':
        '{"acc": 0.5, "loss": {"train": 1.0, "val": 2.5}, "hist": [1, 2], "ok": true, "name": "x", "none": null, "gone": 3}',
      'summary.yaml': 'f1: 0.4\nnested:\n  x: 1\n',
    });
    repos.push(repo);
    await repo.commit('base');
    await repo.git('checkout', '--quiet', '-b', 'feature');
    await repo.write({
      'params.yaml': BASE_PARAMS.replace('0.001', '0.002')
        .replace('[64, 32]', '[64, 32, 16]')
        .replace(`['a', "b'c"]`, `['a', "b'c", 'd']`)
        .replace('name: adam', 'name: sgd\n    momentum: 0.5')
        .replace('flag: true', 'flag: false')
        .replace('1.0e-5', '2.0e-5')
        .replace('1: one', '1: uno'),
      'custom.yaml': 'a:\n  b: 3\n  c: 4\nother: 6\n',
      'metrics.json':
        '{"acc": 0.6, "loss": {"train": 0.8, "val": 2.5}, "hist": [1, 2, 3], "ok": false, "name": "y", "new": 7}',
    });
    await repo.commit('feature');
    // Uncommitted workspace edits count too, as in `dvc metrics diff main`.
    await repo.write({ 'summary.yaml': 'f1: 0.5\nnested:\n  x: 1\n  y: 2\n' });
    await expectAgreement(repo);
  });

  test('a metrics file that appears, one that disappears, and a dvc.yaml in a subfolder with a wdir', async () => {
    const repo = await createDvcRepo({
      'params.yaml': 'seed: 1\n',
      'dvc.yaml':
        'stages:\n  a:\n    cmd: echo a\n    metrics:\n      - old.json:\n          cache: false\n',
      'old.json': '{"score": 1}',
      'sub/dvc.yaml':
        'stages:\n  b:\n    cmd: echo b\n    wdir: work\n    params:\n      - ../sub-params.yaml:\n          - k\n    metrics:\n      - out/m.yaml:\n          cache: false\n',
      'sub/sub-params.yaml': 'k: 1\nj: 2\n',
      'sub/work/out/m.yaml': 'value: 0.25\n',
    });
    repos.push(repo);
    await repo.commit('base');
    await repo.write({
      'dvc.yaml':
        'stages:\n  a:\n    cmd: echo a\n    metrics:\n      - new.json:\n          cache: false\n',
      'old.json': null,
      'new.json': '{"score": 2, "extra": {"deep": 1.5}}',
      'sub/sub-params.yaml': 'k: 2\nj: 3\n',
      'sub/work/out/m.yaml': 'value: 0.5\n',
      'params.yaml': 'seed: 2\n',
    });
    await expectAgreement(repo);
  });

  test('whole params files from the top level, JSON params, and no params.yaml at the base', async () => {
    const repo = await createDvcRepo({
      'dvc.yaml':
        'params:\n  - conf/model.json\nstages:\n  s:\n    cmd: echo\n    params:\n      - conf/extra.yaml:\n    metrics:\n      - m.json:\n          cache: false\n',
      'conf/model.json': '{"depth": 3, "features": ["a", "b"], "rate": 1.0}',
      'conf/extra.yaml': 'alpha: 0.1\n',
      'm.json': '0.5',
    });
    repos.push(repo);
    await repo.commit('base');
    await repo.write({
      'conf/model.json': '{"depth": 4, "features": ["a", "b"], "rate": 1}',
      'conf/extra.yaml': 'alpha: 0.1\nbeta: 2\n',
      'params.yaml': 'added: true\n',
      'm.json': '0.75',
    });
    await expectAgreement(repo);
  });

  test('DVC-cached metrics files and folders, read from the cache after fetching only what is missing', async () => {
    const repo = await createDvcRepo({
      'params.yaml': 'lr: 0.1\n',
      'dvc.yaml':
        'stages:\n  s:\n    cmd: echo\n    params:\n      - lr\n    metrics:\n      - cached.json\n      - scores\n',
      'cached.json': '{"auc": 0.7, "n": 10}',
      'scores/a.json': '{"x": 1}',
      'scores/b.yaml': 'y: 2.5\n',
    });
    repos.push(repo);
    await repo.commit('base');
    await repo.dvc('push', '--quiet');
    await repo.git('checkout', '--quiet', '-b', 'feature');
    await repo.write({
      'params.yaml': 'lr: 0.2\n',
      'cached.json': '{"auc": 0.75, "n": 10}',
      'scores/b.yaml': 'y: 3.5\n',
    });
    await repo.commit('feature');
    // The base's objects are only on the DVC remote now.
    await rm(join(repo.dir, '.dvc', 'cache'), { recursive: true, force: true });
    await repo.dvc('commit', '--force', '--quiet');
    const before = await snapshots(repo);
    expect(before.base.missing.length).toBeGreaterThan(0);
    expect(before.base.metrics.get('cached.json')).toMatchObject({ kind: 'missing' });
    expect(
      await fetchObjects(
        repo.dir,
        join(repo.env['PATH']!.split(':')[0]!, 'dvc'),
        before.base.missing,
      ),
    ).toBeUndefined();
    const after = await snapshots(repo);
    expect(after.base.missing).toEqual([]);
    expect(after.base.metrics.get('cached.json')).toMatchObject({ kind: 'data' });
    await expectAgreement(repo);
  });
});

describe('templated dvc.yaml files', { timeout: 120_000 }, () => {
  test('are diffed by DVC itself, and the report shows what DVC says', async () => {
    const repo = await createDvcRepo({
      'params.yaml': 'models:\n  small:\n    lr: 0.1\n  big:\n    lr: 0.01\n',
      'dvc.yaml':
        'stages:\n  train:\n    foreach: [small, big]\n    do:\n      cmd: echo \u0024{item}\n      params:\n        - models.\u0024{item}.lr\n      metrics:\n        - \u0024{item}.json:\n            cache: false\n',
      'small.json': '{"acc": 0.5}',
      'big.json': '{"acc": 0.6}',
    });
    try {
      await repo.commit('base');
      await repo.write({
        'params.yaml': 'models:\n  small:\n    lr: 0.2\n  big:\n    lr: 0.01\n',
        'small.json': '{"acc": 0.55}',
      });
      const { base, workspace } = await snapshots(repo);
      expect(base.needsDvc && workspace.needsDvc).toBe(true);
      const built = await buildReport({
        cwd: repo.dir,
        base: 'main',
        title: 'Report',
        marker: 'm',
        headSha: '',
        repoUrl: undefined,
        runUrl: undefined,
        showAll: false,
        precision: 5,
        better: [],
        plots: false,
        fetch: false,
        dvc: venvBin('dvc'),
        svg: false,
        publish: undefined,
      });
      expect(diffToJson(built.model.params)).toEqual(await oracle(repo, 'params', true));
      expect(built.metricsChanged).toEqual(await oracle(repo, 'metrics', false));
      expect(built.markdown).toContain('| small.json | acc | 0.5 | 0.55 | +0.05 | +10% |');
    } finally {
      await repo.remove();
    }
  });
});

describe('plot series agree with DVC', { timeout: 120_000 }, () => {
  let repo: DvcRepo;
  let dvcPlots: Record<
    string,
    { type: string; content?: { data?: unknown }; anchor_definitions?: Record<string, unknown> }[]
  >;
  let snaps: { base: Snapshot; workspace: Snapshot };

  const history = (n: number, scale: number) =>
    JSON.stringify(
      Array.from({ length: n }, (_, i) => ({
        epoch: i,
        train_loss: scale / (i + 1),
        val_loss: (scale * 1.2) / (i + 1),
      })),
    );

  beforeAll(async () => {
    repo = await createDvcRepo({
      'dvc.yaml': `stages:
  s:
    cmd: echo
    outs:
      - hist.json:
          cache: false
      - cm.json:
          cache: false
    plots:
      - loss.csv:
          cache: false
          x: step
          y: loss
      - acc.json:
          cache: false
      - nested.yaml:
          cache: false
          y: score
plots:
  - training_loss:
      title: Loss
      template: linear
      x: epoch
      y:
        hist.json: [train_loss, val_loss]
  - confusion:
      template: confusion
      x: actual
      y:
        cm.json: predicted
`,
      'hist.json': history(3, 1),
      'cm.json': JSON.stringify([
        { actual: 0, predicted: 0 },
        { actual: 0, predicted: 1 },
        { actual: 1, predicted: 1 },
      ]),
      'loss.csv': 'step,loss\n0,1.0\n1,0.5\n',
      'acc.json': JSON.stringify([{ acc: 0.5 }, { acc: 0.7 }]),
      'nested.yaml': 'train:\n  - score: 1\n    time: 3\n  - score: 2\n    time: 4\n',
    });
    await repo.commit('base');
    await repo.write({
      'hist.json': history(4, 0.9),
      'cm.json': JSON.stringify([
        { actual: 0, predicted: 0 },
        { actual: 1, predicted: 1 },
        { actual: 1, predicted: 1 },
      ]),
      'loss.csv': 'step,loss\n0,0.9\n1,0.4\n2,0.2\n',
      'acc.json': JSON.stringify([{ acc: 0.6 }, { acc: 0.8 }, { acc: 0.9 }]),
    });
    dvcPlots = JSON.parse(await repo.dvc('plots', 'diff', 'main', '--json', '--split')).data;
    snaps = await snapshots(repo);
  });
  afterAll(async () => {
    await repo.remove();
  });

  test.each(['training_loss', 'loss.csv', 'acc.json', 'nested.yaml', 'confusion'])(
    '%s holds the points DVC draws',
    (id) => {
      const records = (dvcPlots[id]?.[0]?.anchor_definitions?.['<DVC_METRIC_DATA>'] ??
        []) as Record<string, unknown>[];
      expect(records.length).toBeGreaterThan(0);
      const mine: string[] = [];
      for (const [rev, snapshot] of [
        ['main', snaps.base],
        ['workspace', snaps.workspace],
      ] as const) {
        const spec = snapshot.plots.find((p) => p.id === id)!;
        const contents = new Map<string, unknown>();
        for (const file of spec.files) {
          const f = snapshot.plotFiles.get(file);
          if (f?.kind === 'data') contents.set(file, f.content);
        }
        const data = plotData(spec, contents)!;
        const yKey = data.yField === 'y' ? 'dvc_inferred_y_value' : data.yField;
        for (const s of data.series) {
          for (const p of s.points) mine.push(JSON.stringify([rev, String(p.x), String(p.y)]));
        }
        if (id === 'confusion') continue;
        const theirs = records
          .filter((r) => r['rev'] === rev)
          .map((r) => JSON.stringify([rev, String(r[data.xField]), String(r[yKey])]));
        expect(mine.filter((m) => m.startsWith(`["${rev}"`)).sort()).toEqual(theirs.sort());
      }
      if (id === 'confusion') {
        const theirs = records.map((r) =>
          JSON.stringify([r['rev'], String(r['actual']), String(r['predicted'])]),
        );
        expect(mine.sort()).toEqual(theirs.sort());
      }
    },
  );

  test('the image and data plots DVC lists are the plots the report draws', () => {
    const ids = snaps.workspace.plots.map((p) => p.id).sort();
    expect(ids).toEqual(Object.keys(dvcPlots).sort());
  });
});
