import { describe, expect, test } from 'vitest';
import {
  cellKey,
  confusionMatrix,
  datapoints,
  PlotDataError,
  type PlotSpec,
  plotData,
  resolvePlots,
  sortLabels,
  templateKind,
} from '../../../src/report/charts/plot-data.ts';
import type { PlotDefinition } from '../../../src/report/read/dvcfile.ts';

const def = (
  id: string,
  props: PlotDefinition['props'] = {},
  fromOutput = false,
  idIsPath = true,
): PlotDefinition => ({
  id,
  idIsPath,
  props,
  declaredIn: 'dvc.yaml',
  fromOutput,
});

describe('resolvePlots', () => {
  test('expands a folder into one plot per file and tells images from data', () => {
    const specs = resolvePlots([def('plots')], (p) =>
      p === 'plots' ? ['plots/a.png', 'plots/b.json'] : undefined,
    );
    expect(specs.map((s) => [s.id, s.kind])).toEqual([
      ['plots/a.png', 'image'],
      ['plots/b.json', 'data'],
    ]);
  });

  test('draws a path declared as an output and at the top level once, with the top-level props', () => {
    const specs = resolvePlots(
      [def('p.csv', { x: 'a' }, true), def('p.csv', { x: 'b' })],
      () => undefined,
    );
    expect(specs).toHaveLength(1);
    expect(specs[0]!.props).toEqual({ x: 'b' });
  });

  test('gives a named plot every file its y and x name', () => {
    const specs = resolvePlots(
      [
        def(
          'loss',
          { x: { 'x.json': 'step' }, y: { 'a.json': 'l', 'b.json': ['l'] } },
          false,
          false,
        ),
      ],
      () => undefined,
    );
    expect(specs[0]!.files).toEqual(['a.json', 'b.json', 'x.json']);
  });
});

describe('datapoints', () => {
  test.each([
    [
      [{ a: 1 }, { a: 2 }],
      [{ a: 1 }, { a: 2 }],
    ],
    [{ train: [{ a: 1 }], val: { deep: [{ b: 2 }] } }, [{ a: 1, b: 2 }]],
    [{ mixed: [{ a: 1 }, { b: 2 }] }, []],
    [{ numbers: [1, 2] }, []],
  ])('reads rows out of %j', (content, rows) => {
    expect(datapoints(content)).toEqual(rows);
  });
});

const spec = (props: PlotSpec['props'], id = 'f.json', files = [id]): PlotSpec => ({
  id,
  kind: 'data',
  title: id,
  props,
  files,
});

describe('plotData', () => {
  const rows = [
    { epoch: 0, loss: 1, acc: 0.5 },
    { epoch: 1, loss: 0.5, acc: 0.7 },
  ];

  test('uses the row index as x and the last field as y when neither is given', () => {
    const data = plotData(spec({}), new Map([['f.json', rows]]))!;
    expect(data.xField).toBe('step');
    expect(data.series).toEqual([
      {
        file: 'f.json',
        field: 'acc',
        points: [
          { x: 0, y: 0.5 },
          { x: 1, y: 0.7 },
        ],
      },
    ]);
  });

  test('draws one series per y field of a named plot, with x taken from each file', () => {
    const data = plotData(
      spec({ x: 'epoch', y: { 'f.json': ['loss', 'acc'] } }, 'named', ['f.json']),
      new Map([['f.json', rows]]),
    )!;
    expect(data.series.map((s) => [s.field, s.points.map((p) => [p.x, p.y])])).toEqual([
      [
        'loss',
        [
          [0, 1],
          [1, 0.5],
        ],
      ],
      [
        'acc',
        [
          [0, 0.5],
          [1, 0.7],
        ],
      ],
    ]);
    expect([data.xLabel, data.yLabel]).toEqual(['epoch', 'y']);
  });

  test('takes labels from the definition', () => {
    const data = plotData(
      spec({ x: 'epoch', y: 'loss', x_label: 'Epoch', y_label: 'Log loss' }),
      new Map([['f.json', rows]]),
    )!;
    expect([data.xLabel, data.yLabel]).toEqual(['Epoch', 'Log loss']);
  });

  test('refuses a field that is not in the file, naming the fields it has', () => {
    expect(() => plotData(spec({ y: 'accuracy' }), new Map([['f.json', rows]]))).toThrow(
      PlotDataError,
    );
    expect(() => plotData(spec({ y: 'accuracy' }), new Map([['f.json', rows]]))).toThrow(
      /epoch, loss, acc/,
    );
  });

  test('is undefined when none of its files is there', () => {
    expect(plotData(spec({}), new Map())).toBeUndefined();
  });
});

describe('confusionMatrix', () => {
  test('counts each (actual, predicted) pair over the union of labels, sorted as numbers', () => {
    const rows = [
      { actual: 10, predicted: 10 },
      { actual: 2, predicted: 10 },
      { actual: 2, predicted: 2 },
      { actual: 2, predicted: 2 },
    ];
    const m = confusionMatrix(
      spec({ template: 'confusion', x: 'actual', y: { 'f.json': 'predicted' } }, 'cm', ['f.json']),
      new Map([['f.json', rows]]),
    )!;
    expect(m.rows).toEqual(['2', '10']);
    expect([
      m.counts.get(cellKey('2', '2')),
      m.counts.get(cellKey('2', '10')),
      m.counts.get(cellKey('10', '2')),
    ]).toEqual([2, 1, undefined]);
  });

  test('sorts text labels as text', () => {
    expect(sortLabels(['dog', 'cat', '1'])).toEqual(['1', 'cat', 'dog']);
  });
});

describe('templateKind', () => {
  test.each([
    [undefined, 'line'],
    ['linear', 'line'],
    ['smooth', 'line'],
    ['scatter', 'scatter'],
    ['confusion', 'confusion'],
    ['confusion_normalized', 'confusion_normalized'],
    ['bar_horizontal_sorted', 'bar'],
    ['.dvc/plots/custom.json', 'line'],
  ])('draws template %s as %s', (template, kind) => {
    expect(templateKind(template)).toBe(kind);
  });
});
