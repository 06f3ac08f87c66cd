import { describe, expect, test } from 'vitest';
import { renderMermaidChart } from '../../../src/report/charts/mermaid.ts';
import {
  escapeXml,
  formatTick,
  niceTicks,
  renderBarChart,
  renderLineChart,
  thin,
} from '../../../src/report/charts/svg.ts';

describe('niceTicks', () => {
  test.each([
    [0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0.13, 0.87, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [3, 97, [0, 20, 40, 60, 80, 100]],
    [-1, 1, [-1, -0.5, 0, 0.5, 1]],
  ])('covers [%s, %s] with round steps', (min, max, ticks) => {
    expect(niceTicks(min, max)).toEqual(ticks);
  });

  test('widens a flat range so a constant line is drawn mid-chart', () => {
    const ticks = niceTicks(5, 5);
    expect(ticks[0]!).toBeLessThan(5);
    expect(ticks[ticks.length - 1]!).toBeGreaterThan(5);
  });
});

describe('formatTick', () => {
  test.each([
    [0, '0'],
    [0.25, '0.25'],
    [12000, '12k'],
    [0.00001, '1.0e-5'],
    [1 / 3, '0.3333'],
  ])('prints %s as %s', (value, text) => {
    expect(formatTick(value)).toBe(text);
  });
});

describe('renderLineChart', () => {
  const options = {
    title: 'Loss <per> epoch',
    xLabel: 'epoch',
    yLabel: 'loss',
    lines: [
      {
        label: 'workspace: loss',
        color: '#1f77b4',
        points: [
          { x: 0, y: 1 },
          { x: 1, y: 0.5 },
          { x: 2, y: 0.25 },
        ],
      },
      {
        label: 'main: loss',
        color: '#1f77b4',
        dashed: true,
        points: [
          { x: 0, y: 1.2 },
          { x: 1, y: 0.6 },
        ],
      },
    ],
  };

  test('draws one path per line, the base dashed, with a legend entry each', () => {
    const svg = renderLineChart(options);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(2);
    expect(svg).toContain('workspace: loss');
    expect(svg).toContain('Loss &lt;per&gt; epoch');
  });

  test('gives the same bytes for the same data', () => {
    expect(renderLineChart(options)).toBe(renderLineChart(options));
  });

  test('places categorical x values evenly and draws points for a scatter', () => {
    const svg = renderLineChart({
      ...options,
      scatter: true,
      lines: [
        {
          label: 'a',
          color: '#000',
          points: [
            { x: 'cat', y: 1 },
            { x: 'dog', y: 2 },
          ],
        },
      ],
    });
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('>cat<');
  });

  test('drops points that are not numbers', () => {
    const svg = renderLineChart({
      ...options,
      lines: [
        {
          label: 'a',
          color: '#000',
          points: [
            { x: 0, y: Number.NaN },
            { x: 1, y: 2 },
          ],
        },
      ],
    });
    expect(svg).not.toContain('NaN');
  });
});

describe('renderBarChart', () => {
  test('draws a bar per category and group', () => {
    const svg = renderBarChart({
      title: 'Importance',
      xLabel: 'weight',
      yLabel: 'feature',
      categories: ['a', 'b'],
      groups: [
        {
          label: 'workspace',
          color: '#1f77b4',
          values: new Map([
            ['a', 1],
            ['b', 2],
          ]),
        },
        { label: 'main', color: '#ff7f0e', values: new Map([['a', 0.5]]) },
      ],
    });
    expect(svg.match(/<rect x=/g)?.length).toBe(3 + 2);
  });
});

describe('thin', () => {
  test('keeps the first and last points and spreads the rest', () => {
    expect(thin([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([0, 3, 6, 9]);
  });
});

describe('escapeXml', () => {
  test('escapes markup characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});

describe('renderMermaidChart', () => {
  test('puts lines that share x values in one xychart, and names them by colour', () => {
    const md = renderMermaidChart('Loss', 'epoch', 'loss', [
      {
        label: 'workspace: loss',
        color: '',
        points: [
          { x: 0, y: 1 },
          { x: 1, y: 0.5 },
        ],
      },
      {
        label: 'main: loss',
        color: '',
        points: [
          { x: 0, y: 2 },
          { x: 1, y: 1 },
        ],
      },
    ]);
    expect(md.match(/```mermaid/g)).toHaveLength(1);
    expect(md).toContain('x-axis "epoch" [0, 1]');
    expect(md).toContain('line [1, 0.5]');
    expect(md).toContain('🟦 workspace: loss · 🟧 main: loss');
  });

  test('draws lines with different x values as separate charts', () => {
    const md = renderMermaidChart('Loss', 'epoch', 'loss', [
      { label: 'a', color: '', points: [{ x: 0, y: 1 }] },
      {
        label: 'b',
        color: '',
        points: [
          { x: 0, y: 1 },
          { x: 1, y: 2 },
        ],
      },
    ]);
    expect(md.match(/```mermaid/g)).toHaveLength(2);
  });

  test('keeps quotes in titles from breaking the chart', () => {
    expect(
      renderMermaidChart('say "hi"', 'x', 'y', [
        { label: 'a', color: '', points: [{ x: 0, y: 1 }] },
      ]),
    ).toContain(`title "say 'hi'"`);
  });
});
