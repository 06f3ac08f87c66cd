import { describe, expect, test } from 'vitest';
import { py } from '../../../src/pure/pyvalue.ts';
import { cellKey } from '../../../src/report/charts/plot-data.ts';
import type { DataDiff, ValueDiff } from '../../../src/report/diff/data.ts';
import { parseBetterRules } from '../../../src/report/render/format.ts';
import {
  type PlotView,
  type ReportModel,
  renderSections,
  summaryLine,
} from '../../../src/report/render/sections.ts';

const diff = (files: Record<string, Record<string, ValueDiff>>): DataDiff =>
  new Map(Object.entries(files).map(([path, keys]) => [path, new Map(Object.entries(keys))]));

function model(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    title: 'Experiment report',
    marker: 'mlops-actions/report workflow=ci id=report',
    headSha: 'abcdef0123456789abcdef0123456789abcdef01',
    headUrl: 'https://github.test/o/r/commit/abcdef0123456789abcdef0123456789abcdef01',
    baseName: 'main',
    baseSha: '1234567890123456789012345678901234567890',
    baseUrl: undefined,
    runUrl: 'https://github.test/o/r/actions/runs/42',
    params: diff({
      'params.yaml': {
        'train.lr': { old: py.float(0.001), new: py.float(0.002), diff: 0.001 },
        'train.epochs': { old: py.int(10), new: py.int(10), diff: 0 },
      },
    }),
    metrics: diff({
      'metrics.json': {
        accuracy: { old: py.float(0.9), new: py.float(0.93), diff: 0.93 - 0.9 },
        log_loss: { old: py.float(0.3), new: py.float(0.36), diff: 0.36 - 0.3 },
        steps: { old: py.int(100), new: py.int(100), diff: 0 },
        f1: { old: undefined, new: py.float(0.5) },
      },
    }),
    showAll: false,
    precision: 5,
    better: parseBetterRules(['accuracy: higher', 'log_loss: lower']),
    plots: [],
    notes: [],
    plotsEnabled: true,
    ...overrides,
  };
}

describe('summaryLine', () => {
  test('names the metrics that moved, by how much, with better or worse marks, and counts params', () => {
    expect(summaryLine(model())).toBe(
      '**Summary:** `accuracy` 0.9 → 0.93 (+0.03, +3.3%) ✅ · `log_loss` 0.3 → 0.36 (+0.06, +20%) 🔻 · `f1` new: 0.5 · 1 param changed',
    );
  });

  test('says so when nothing moved', () => {
    expect(
      summaryLine(
        model({
          metrics: diff({ 'm.json': { a: { old: py.int(1), new: py.int(1), diff: 0 } } }),
          params: new Map(),
        }),
      ),
    ).toBe('**Summary:** no metric changed · no param changed');
  });

  test('lists at most a few metrics and counts the rest', () => {
    const many: Record<string, ValueDiff> = {};
    for (let i = 0; i < 9; i++) many[`m${i}`] = { old: py.int(i), new: py.int(i + 1), diff: 1 };
    expect(summaryLine(model({ metrics: diff({ 'm.json': many }) }), 3)).toContain('and 6 more');
  });
});

describe('renderSections', () => {
  test('starts with the marker, the head SHA, the base and the run link', () => {
    const [header] = renderSections(model());
    expect(header).toContain('<!-- mlops-actions/report workflow=ci id=report -->');
    expect(header).toContain(
      '## Experiment report for [`abcdef0`](https://github.test/o/r/commit/abcdef0123456789abcdef0123456789abcdef01)',
    );
    expect(header).toContain(
      'Compared with `main` (`1234567`) · [workflow run](https://github.test/o/r/actions/runs/42)',
    );
  });

  test('lists every metric with its change and verdict', () => {
    const metrics = renderSections(model())[1]!;
    expect(metrics).toContain('| metrics.json | accuracy | 0.9 | 0.93 | +0.03 ✅ | +3.3% |');
    expect(metrics).toContain('| metrics.json | steps | 100 | 100 | 0 | 0% |');
    expect(metrics).toContain('| metrics.json | f1 | - | 0.5 | - | - |');
  });

  test('lists changed params only, unless show-all', () => {
    expect(renderSections(model())[2]).not.toContain('train.epochs');
    expect(renderSections(model({ showAll: true }))[2]).toContain(
      '| params.yaml | train.epochs | 10 | 10 | 0 |',
    );
  });

  test('escapes pipes in values so the table holds', () => {
    const params = diff({ 'p.yaml': { cmd: { old: py.str('a|b'), new: py.str('c') } } });
    expect(renderSections(model({ params }))[2]).toContain('a\\|b');
  });

  test('shows images side by side, and once when unchanged', () => {
    const plots: PlotView[] = [
      {
        kind: 'image',
        id: 'a.png',
        title: 'A',
        base: { url: 'https://x/base.png' },
        workspace: { url: 'https://x/ws.png' },
        same: false,
      },
      {
        kind: 'image',
        id: 'b.png',
        title: 'B',
        base: { url: 'https://x/b.png' },
        workspace: { url: 'https://x/b.png' },
        same: true,
      },
      {
        kind: 'image',
        id: 'c.png',
        title: 'C',
        base: { note: 'missing in main' },
        workspace: { url: 'https://x/c.png' },
        same: false,
      },
    ];
    const [, , , , a, b, c] = renderSections(model({ plots }));
    expect(a).toContain('<th width="50%">main</th><th width="50%">workspace</th>');
    expect(a).toContain(
      '<td><img src="https://x/base.png" alt="A (main)" width="100%"></td><td><img src="https://x/ws.png"',
    );
    expect(b).toContain('_Unchanged._');
    expect(b!.match(/<img/g)).toHaveLength(1);
    expect(c).toContain('<em>missing in main</em>');
  });

  test('draws a data plot as its published chart, or in Mermaid when there is none', () => {
    const data = {
      series: [
        {
          file: 'h.json',
          field: 'loss',
          points: [
            { x: 0, y: 1 },
            { x: 1, y: 0.5 },
          ],
        },
      ],
      xField: 'epoch',
      yField: 'loss',
      xLabel: 'epoch',
      yLabel: 'loss',
    };
    const view = (chart: Extract<PlotView, { kind: 'data' }>['chart']): PlotView => ({
      kind: 'data',
      id: 'loss',
      title: 'Loss',
      scatter: false,
      base: data,
      workspace: data,
      chart,
      same: true,
    });
    expect(renderSections(model({ plots: [view({ url: 'https://x/loss.svg' })] }))[4]).toContain(
      '<img src="https://x/loss.svg"',
    );
    const mermaid = renderSections(model({ plots: [view(undefined)] }))[4]!;
    expect(mermaid).toContain('xychart-beta');
    expect(mermaid).toContain('_Unchanged._');
  });

  test('shows a confusion matrix as a table with changes from the base, and the base matrix folded', () => {
    const matrix = (pairs: [string, string, number][]) => ({
      rows: ['0', '1'],
      columns: ['0', '1'],
      counts: new Map(pairs.map(([r, c, n]) => [cellKey(r, c), n])),
    });
    const plots: PlotView[] = [
      {
        kind: 'confusion',
        id: 'cm',
        title: 'Confusion',
        normalized: false,
        xLabel: 'actual',
        yLabel: 'predicted',
        base: matrix([
          ['0', '0', 5],
          ['0', '1', 2],
          ['1', '1', 4],
        ]),
        workspace: matrix([
          ['0', '0', 6],
          ['0', '1', 1],
          ['1', '1', 4],
        ]),
      },
    ];
    const section = renderSections(model({ plots }))[4]!;
    expect(section).toContain('| actual ↓ · predicted → | 0 | 1 |');
    expect(section).toContain('| **0** | **6 (+1)** | 1 (−1) |');
    expect(section).toContain('| **1** | 0 | **4** |');
    expect(section).toContain('<details><summary>main</summary>');
    expect(section).toContain('| **0** | **5** | 2 |');
  });

  test('adds notes as warnings and leaves plots out when they are off', () => {
    const sections = renderSections(
      model({ notes: ['At `main`: m.json:3 does not parse'], plotsEnabled: false }),
    );
    expect(sections).toHaveLength(4);
    expect(sections[3]).toBe('> [!WARNING]\n> At `main`: m.json:3 does not parse');
  });
});
