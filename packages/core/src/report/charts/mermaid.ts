// Data plots as Mermaid `xychart-beta` blocks, which GitHub renders inline: the fallback when no
// images are published (`image-store: none`). xychart has no legend and no gaps, so lines share
// one categorical x axis and a caption names each line by its colour.
import type { ChartLine } from './svg.ts';
import { thin } from './svg.ts';

/** Line colours and the emoji squares that name them in the caption. */
export const MERMAID_COLOURS: { color: string; swatch: string }[] = [
  { color: '#1f77b4', swatch: '🟦' },
  { color: '#ff7f0e', swatch: '🟧' },
  { color: '#2ca02c', swatch: '🟩' },
  { color: '#d62728', swatch: '🟥' },
  { color: '#9467bd', swatch: '🟪' },
  { color: '#8c564b', swatch: '🟫' },
  { color: '#000000', swatch: '⬛' },
  { color: '#bcbd22', swatch: '🟨' },
];

const MAX_POINTS = 60;

function quote(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
}

function num(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/**
 * renderMermaidChart draws lines that share the same x values as one xychart; lines whose x
 * values differ go to separate charts (xychart cannot leave gaps). Returns Markdown.
 */
export function renderMermaidChart(
  title: string,
  xLabel: string,
  yLabel: string,
  lines: ChartLine[],
): string {
  const groups: ChartLine[][] = [];
  const keyOf = (line: ChartLine) => line.points.map((p) => String(p.x)).join('\u0000');
  for (const line of lines.filter((l) => l.points.length > 0)) {
    const group = groups.find((g) => keyOf(g[0]!) === keyOf(line));
    if (group) group.push(line);
    else groups.push([line]);
  }
  const blocks: string[] = [];
  let colourIndex = 0;
  for (const group of groups) {
    const indices = thin(
      group[0]!.points.map((_, i) => i),
      MAX_POINTS,
    );
    const colours = group.map(() => MERMAID_COLOURS[colourIndex++ % MERMAID_COLOURS.length]!);
    const ys = group.flatMap((l) => indices.map((i) => l.points[i]!.y)).filter(Number.isFinite);
    const config = {
      themeVariables: { xyChart: { plotColorPalette: colours.map((c) => c.color).join(', ') } },
    };
    const xValues = indices.map((i) => group[0]!.points[i]!.x);
    const body = [
      '```mermaid',
      `%%{init: ${JSON.stringify(config)}}%%`,
      'xychart-beta',
      `  title ${quote(title)}`,
      `  x-axis ${quote(xLabel)} [${xValues.map((x) => (typeof x === 'number' ? num(x) : quote(String(x)))).join(', ')}]`,
      ys.length
        ? `  y-axis ${quote(yLabel)} ${num(Math.min(...ys))} --> ${num(Math.max(...ys) === Math.min(...ys) ? Math.max(...ys) + 1 : Math.max(...ys))}`
        : `  y-axis ${quote(yLabel)}`,
      ...group.map((line) => `  line [${indices.map((i) => num(line.points[i]!.y)).join(', ')}]`),
      '```',
    ];
    const caption = group.map((line, i) => `${colours[i]!.swatch} ${line.label}`).join(' · ');
    blocks.push(`${body.join('\n')}\n\n${caption}`);
  }
  return blocks.join('\n\n');
}
