// A small, dependency-free SVG chart renderer for data plots: lines (or points) and horizontal
// bars, with nice axis ticks and a legend. Output is deterministic, so the same data gives the
// same bytes (and the image branch does not grow on re-runs).

/** One line (or point set) of a chart. */
export interface ChartLine {
  label: string;
  color: string;
  dashed?: boolean;
  points: { x: number | string; y: number }[];
}

/** What a line or scatter chart shows. */
export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  lines: ChartLine[];
  /** Draw points instead of lines. */
  scatter?: boolean;
  width?: number;
  height?: number;
}

/** A group of bars (one revision) in a horizontal bar chart. */
export interface BarGroup {
  label: string;
  color: string;
  values: Map<string, number>;
}

/** What a horizontal bar chart shows. */
export interface BarChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  categories: string[];
  groups: BarGroup[];
  width?: number;
}

/** Colours that stay readable on GitHub's light and dark themes (on the chart's white card). */
export const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
];

const FONT = 'font-family="-apple-system,BlinkMacSystemFont,Segoe UI,Helvetica,Arial,sans-serif"';

/** escapeXml makes text safe inside SVG elements and attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** niceTicks returns about `count` round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const step =
    (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) *
    power;
  const start = Math.floor(min / step) * step;
  const end = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = start, i = 0; v <= end + step / 2 && i < 50; v += step, i++) {
    ticks.push(Number(v.toPrecision(12)));
  }
  return ticks;
}

/** formatTick prints a tick value compactly (1.5k, 0.001, 2e-6). */
export function formatTick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(1).replace('e+', 'e');
  if (abs >= 1e4) return `${Number((value / 1000).toPrecision(3))}k`;
  return String(Number(value.toPrecision(4)));
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** thin keeps at most `max` evenly spread points (first and last kept), for very long series. */
export function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const out: T[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * step)]!);
  return out;
}

const f = (n: number) => String(Math.round(n * 10) / 10);

/** renderLineChart draws lines (or points) over a numeric or categorical x axis. */
export function renderLineChart(options: LineChartOptions): string {
  const width = options.width ?? 640;
  const legendRows = Math.ceil(options.lines.length / 2);
  const height = (options.height ?? 360) + legendRows * 18;
  const margin = { top: 40, right: 24, bottom: 56 + legendRows * 18, left: 72 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const lines = options.lines.map((l) => ({
    ...l,
    points: thin(
      l.points.filter((p) => Number.isFinite(p.y)),
      2000,
    ),
  }));

  const allX = lines.flatMap((l) => l.points.map((p) => p.x));
  const numericX = allX.every((x) => typeof x === 'number' && Number.isFinite(x));
  const categories = numericX ? [] : [...new Set(allX.map(String))];
  const xs = numericX ? (allX as number[]) : categories.map((_, i) => i);
  const ys = lines.flatMap((l) => l.points.map((p) => p.y));
  const xMin = xs.length ? Math.min(...xs) : 0;
  const xMax = xs.length ? Math.max(...xs) : 1;
  const yTicks = niceTicks(ys.length ? Math.min(...ys) : 0, ys.length ? Math.max(...ys) : 1);
  const yLo = yTicks[0] ?? 0;
  const yHi = yTicks[yTicks.length - 1] ?? 1;
  const xTicks = numericX
    ? niceTicks(xMin, xMax, 6).filter((t) => t >= xMin - 1e-9 && t <= xMax + 1e-9)
    : [];
  const xSpan = xMax - xMin || 1;
  const sx = (x: number) => margin.left + ((x - xMin) / xSpan) * plotW;
  const sy = (y: number) => margin.top + plotH - ((y - yLo) / (yHi - yLo || 1)) * plotH;
  const xOf = (x: number | string) =>
    numericX ? sx(x as number) : sx(categories.indexOf(String(x)));

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff" rx="6"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600" fill="#24292f">${escapeXml(truncate(options.title, 80))}</text>`,
  );
  for (const t of yTicks) {
    const y = f(sy(t));
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y}" y2="${y}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${margin.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#57606a">${escapeXml(formatTick(t))}</text>`,
    );
  }
  const xLabels: [number, string][] = numericX
    ? xTicks.map((t) => [sx(t), formatTick(t)])
    : thin(
        categories.map((c, i) => [i, c] as const),
        12,
      ).map(([i, c]) => [sx(i), truncate(c, 14)]);
  for (const [x, label] of xLabels) {
    parts.push(
      `<line x1="${f(x)}" x2="${f(x)}" y1="${margin.top + plotH}" y2="${margin.top + plotH + 5}" stroke="#57606a"/>`,
      `<text x="${f(x)}" y="${margin.top + plotH + 18}" text-anchor="middle" fill="#57606a">${escapeXml(label)}</text>`,
    );
  }
  parts.push(
    `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" stroke="#57606a"/>`,
    `<text x="${margin.left + plotW / 2}" y="${margin.top + plotH + 38}" text-anchor="middle" fill="#24292f">${escapeXml(truncate(options.xLabel, 60))}</text>`,
    `<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#24292f">${escapeXml(truncate(options.yLabel, 50))}</text>`,
  );
  for (const line of lines) {
    if (line.points.length === 0) continue;
    if (options.scatter || line.points.length === 1) {
      for (const p of line.points) {
        parts.push(
          `<circle cx="${f(xOf(p.x))}" cy="${f(sy(p.y))}" r="3" fill="${line.color}" fill-opacity="${line.dashed ? 0.45 : 0.9}"/>`,
        );
      }
      continue;
    }
    const d = line.points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${f(xOf(p.x))} ${f(sy(p.y))}`)
      .join(' ');
    parts.push(
      `<path d="${d}" fill="none" stroke="${line.color}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4" stroke-opacity="0.7"' : ''}/>`,
    );
  }
  const legendTop = margin.top + plotH + 52;
  options.lines.forEach((line, i) => {
    const x = margin.left + (i % 2) * (plotW / 2);
    const y = legendTop + Math.floor(i / 2) * 18;
    parts.push(
      `<line x1="${f(x)}" x2="${f(x + 22)}" y1="${y}" y2="${y}" stroke="${line.color}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${f(x + 28)}" y="${y}" dominant-baseline="middle" fill="#24292f">${escapeXml(truncate(line.label, 40))}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** renderBarChart draws horizontal bars per category, one bar per group (revision). */
export function renderBarChart(options: BarChartOptions): string {
  const width = options.width ?? 640;
  const categories = options.categories.slice(0, 40);
  const barH = 14;
  const groupH = barH * options.groups.length + 8;
  const margin = { top: 40, right: 32, bottom: 60, left: 140 };
  const plotW = width - margin.left - margin.right;
  const plotH = Math.max(groupH, categories.length * groupH);
  const height = margin.top + plotH + margin.bottom;
  const values = options.groups.flatMap((g) => [...g.values.values()]).filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const sx = (v: number) => margin.left + ((v - lo) / (hi - lo || 1)) * plotW;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff" rx="6"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600" fill="#24292f">${escapeXml(truncate(options.title, 80))}</text>`,
  ];
  for (const t of ticks) {
    parts.push(
      `<line x1="${f(sx(t))}" x2="${f(sx(t))}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#d0d7de"/>`,
      `<text x="${f(sx(t))}" y="${margin.top + plotH + 16}" text-anchor="middle" fill="#57606a">${escapeXml(formatTick(t))}</text>`,
    );
  }
  categories.forEach((category, ci) => {
    const top = margin.top + ci * groupH + 4;
    parts.push(
      `<text x="${margin.left - 8}" y="${f(top + (groupH - 8) / 2)}" text-anchor="end" dominant-baseline="middle" fill="#24292f">${escapeXml(truncate(category, 20))}</text>`,
    );
    options.groups.forEach((group, gi) => {
      const value = group.values.get(category);
      if (value === undefined || !Number.isFinite(value)) return;
      const x0 = sx(Math.min(0, value));
      const x1 = sx(Math.max(0, value));
      parts.push(
        `<rect x="${f(x0)}" y="${f(top + gi * barH)}" width="${f(Math.max(1, x1 - x0))}" height="${barH - 2}" fill="${group.color}"/>`,
      );
    });
  });
  parts.push(
    `<text x="${margin.left + plotW / 2}" y="${margin.top + plotH + 34}" text-anchor="middle" fill="#24292f">${escapeXml(truncate(options.xLabel, 60))}</text>`,
  );
  options.groups.forEach((group, i) => {
    const x = margin.left + i * 160;
    const y = margin.top + plotH + 50;
    parts.push(
      `<rect x="${x}" y="${y - 6}" width="12" height="12" fill="${group.color}"/>`,
      `<text x="${x + 18}" y="${y}" dominant-baseline="middle" fill="#24292f">${escapeXml(truncate(group.label, 20))}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
