// The report as Markdown sections: a title and summary line, the metrics and params tables, one
// section per plot. Sections are the units a too-long comment is cut at (core's fitSections).
import { escapeCell, hiddenMarker, link, table } from '../../pure/markdown.ts';
import { renderMermaidChart } from '../charts/mermaid.ts';
import { type ConfusionMatrix, cellKey, type PlotData } from '../charts/plot-data.ts';
import { type ChartLine, PALETTE } from '../charts/svg.ts';
import type { DataDiff, ValueDiff } from '../diff/data.ts';
import {
  type BetterRule,
  directionOf,
  formatChange,
  formatPercent,
  formatValue,
  relativeChange,
  VERDICT_MARK,
  verdict,
} from './format.ts';

/** A published (or publishable) image: its URL once stored, and a note when it is not shown. */
export interface ImageRef {
  url?: string;
  /** Why the image is not shown (not published, missing at this revision...). */
  note?: string;
}

/** One plot as the report shows it. */
export type PlotView =
  | {
      kind: 'image';
      id: string;
      title: string;
      base: ImageRef | undefined;
      workspace: ImageRef | undefined;
      /** Both revisions hold the same bytes. */
      same: boolean;
    }
  | {
      kind: 'data';
      id: string;
      title: string;
      scatter: boolean;
      base: PlotData | undefined;
      workspace: PlotData | undefined;
      /** The rendered chart, when images are published. */
      chart: ImageRef | undefined;
      same: boolean;
    }
  | {
      kind: 'confusion';
      id: string;
      title: string;
      normalized: boolean;
      xLabel: string;
      yLabel: string;
      base: ConfusionMatrix | undefined;
      workspace: ConfusionMatrix | undefined;
    };

/** Everything the Markdown is made from. */
export interface ReportModel {
  title: string;
  marker: string;
  headSha: string;
  /** Link to the head commit, when known. */
  headUrl: string | undefined;
  baseName: string;
  baseSha: string;
  baseUrl: string | undefined;
  runUrl: string | undefined;
  params: DataDiff;
  metrics: DataDiff;
  /** Show unchanged params too. */
  showAll: boolean;
  precision: number;
  better: BetterRule[];
  plots: PlotView[];
  /** Problems worth a line in the report (a metrics file that did not parse at the base...). */
  notes: string[];
  /** Whether plots were asked for (false hides the section). */
  plotsEnabled: boolean;
}

const short = (sha: string) => sha.slice(0, 7);

function changed(d: ValueDiff): boolean {
  if (d.old === undefined || d.new === undefined) return d.old !== d.new;
  return d.diff !== undefined ? d.diff !== 0 : formatValue(d.old) !== formatValue(d.new);
}

function displayKey(path: string, key: string): string {
  return key === '' ? path : key;
}

/** changedMetrics lists the metrics that moved (or appeared, or disappeared), in report order. */
export function changedMetrics(metrics: DataDiff): { path: string; key: string; d: ValueDiff }[] {
  const out: { path: string; key: string; d: ValueDiff }[] = [];
  for (const [path, keys] of metrics)
    for (const [key, d] of keys) if (changed(d)) out.push({ path, key, d });
  return out;
}

function countChanged(diff: DataDiff): number {
  let n = 0;
  for (const keys of diff.values()) for (const d of keys.values()) if (changed(d)) n++;
  return n;
}

/** summaryLine is the one line at the top: which metrics moved and by how much, and params changed. */
export function summaryLine(model: ReportModel, limit = 6): string {
  const moved = changedMetrics(model.metrics);
  const parts: string[] = [];
  if (moved.length === 0) {
    parts.push(model.metrics.size === 0 ? 'no metrics declared' : 'no metric changed');
  } else {
    const shown = moved.slice(0, limit).map(({ path, key, d }) => {
      const name = `\`${displayKey(path, key)}\``;
      if (d.old === undefined) return `${name} new: ${formatValue(d.new, model.precision)}`;
      if (d.new === undefined)
        return `${name} removed (was ${formatValue(d.old, model.precision)})`;
      const mark = verdict(directionOf(model.better, path, key), d);
      const pct = formatPercent(relativeChange(d));
      const change =
        d.diff === undefined
          ? ''
          : ` (${formatChange(d, model.precision)}${pct ? `, ${pct}` : ''})`;
      return `${name} ${formatValue(d.old, model.precision)} → ${formatValue(d.new, model.precision)}${change}${mark ? ` ${VERDICT_MARK[mark]}` : ''}`;
    });
    if (moved.length > limit) shown.push(`and ${moved.length - limit} more`);
    parts.push(shown.join(' · '));
  }
  const params = countChanged(model.params);
  parts.push(
    params === 0 ? 'no param changed' : `${params} param${params === 1 ? '' : 's'} changed`,
  );
  return `**Summary:** ${parts.join(' · ')}`;
}

function headerSection(model: ReportModel): string {
  const head = model.headUrl
    ? link(`\`${short(model.headSha)}\``, model.headUrl)
    : `\`${short(model.headSha)}\``;
  const base = model.baseUrl
    ? link(`\`${short(model.baseSha)}\``, model.baseUrl)
    : `\`${short(model.baseSha)}\``;
  const run = model.runUrl ? ` · ${link('workflow run', model.runUrl)}` : '';
  return [
    hiddenMarker(model.marker),
    `## ${escapeCell(model.title)} for ${head}`,
    '',
    `Compared with \`${model.baseName}\` (${base})${run}`,
    '',
    summaryLine(model),
  ].join('\n');
}

function metricsSection(model: ReportModel): string {
  const rows: string[][] = [];
  for (const [path, keys] of model.metrics) {
    for (const [key, d] of keys) {
      const mark = verdict(directionOf(model.better, path, key), d);
      rows.push([
        path,
        key === '' ? '(value)' : key,
        formatValue(d.old, model.precision),
        formatValue(d.new, model.precision),
        `${formatChange(d, model.precision)}${mark ? ` ${VERDICT_MARK[mark]}` : ''}`,
        formatPercent(relativeChange(d)) || '-',
      ]);
    }
  }
  const body = rows.length
    ? table(['Path', 'Metric', model.baseName, 'workspace', 'Change', '%'], rows, [
        'l',
        'l',
        'r',
        'r',
        'r',
        'r',
      ])
    : '_No metrics are declared in dvc.yaml, or none could be read._';
  return `### Metrics\n\n${body}`;
}

function paramsSection(model: ReportModel): string {
  const rows: string[][] = [];
  for (const [path, keys] of model.params) {
    for (const [key, d] of keys) {
      if (!model.showAll && !changed(d)) continue;
      rows.push([
        path,
        key === '' ? '(value)' : key,
        formatValue(d.old),
        formatValue(d.new),
        formatChange(d, model.precision),
      ]);
    }
  }
  const body = rows.length
    ? table(['Path', 'Param', model.baseName, 'workspace', 'Change'], rows, [
        'l',
        'l',
        'r',
        'r',
        'r',
      ])
    : model.params.size === 0
      ? '_No params are declared._'
      : `_No param changed against \`${model.baseName}\`._`;
  return `### Params\n\n${body}`;
}

function imageCell(ref: ImageRef | undefined, alt: string, missing: string): string {
  if (ref?.url) return `<img src="${ref.url}" alt="${escapeCell(alt)}" width="100%">`;
  return `<em>${escapeCell(ref?.note ?? missing)}</em>`;
}

function sideBySide(baseName: string, left: string, right: string): string {
  return [
    '<table>',
    `<tr><th width="50%">${escapeCell(baseName)}</th><th width="50%">workspace</th></tr>`,
    `<tr><td>${left}</td><td>${right}</td></tr>`,
    '</table>',
  ].join('\n');
}

function seriesLabel(field: string, file: string, multipleFiles: boolean): string {
  return multipleFiles ? `${field} (${file})` : field;
}

/** chartLines overlays base (dashed) and workspace (solid) series, one colour per field. */
export function chartLines(
  view: Extract<PlotView, { kind: 'data' }>,
  baseName: string,
): ChartLine[] {
  const files = new Set(
    [...(view.base?.series ?? []), ...(view.workspace?.series ?? [])].map((s) => s.file),
  );
  const colours = new Map<string, string>();
  const lines: ChartLine[] = [];
  const add = (data: PlotData | undefined, revision: string, dashed: boolean) => {
    for (const s of data?.series ?? []) {
      const id = `${s.file}\u0000${s.field}`;
      if (!colours.has(id)) colours.set(id, PALETTE[colours.size % PALETTE.length]!);
      const points = s.points
        .map((p) => ({ x: toAxis(p.x), y: Number(p.y) }))
        .filter(
          (p): p is { x: number | string; y: number } => p.x !== undefined && Number.isFinite(p.y),
        );
      lines.push({
        label: `${revision}: ${seriesLabel(s.field, s.file, files.size > 1)}`,
        color: colours.get(id)!,
        dashed,
        points,
      });
    }
  };
  add(view.workspace, 'workspace', false);
  add(view.base, baseName, true);
  return lines;
}

function toAxis(x: unknown): number | string | undefined {
  if (x === null || x === undefined) return undefined;
  if (typeof x === 'number') return x;
  if (typeof x === 'string' && x.trim() !== '' && !Number.isNaN(Number(x))) return Number(x);
  return String(x);
}

function confusionTable(
  view: Extract<PlotView, { kind: 'confusion' }>,
  matrix: ConfusionMatrix,
  compare: ConfusionMatrix | undefined,
): string {
  const labels = [...new Set([...matrix.rows, ...(compare?.rows ?? [])])];
  const total = (m: ConfusionMatrix | undefined, row: string) =>
    labels.reduce((sum, c) => sum + (m?.counts.get(cellKey(row, c)) ?? 0), 0);
  const rows = labels.map((row) => {
    const cells = labels.map((column) => {
      const count = matrix.counts.get(cellKey(row, column)) ?? 0;
      let text: string;
      if (view.normalized) {
        const t = total(matrix, row);
        text = t ? `${((count / t) * 100).toFixed(1)}%` : '-';
      } else {
        text = String(count);
      }
      if (compare && !view.normalized) {
        const before = compare.counts.get(cellKey(row, column)) ?? 0;
        if (before !== count) text += ` (${count > before ? '+' : '−'}${Math.abs(count - before)})`;
      }
      return row === column ? `**${text}**` : text;
    });
    return [`**${row}**`, ...cells];
  });
  return table([`${view.xLabel} ↓ · ${view.yLabel} →`, ...labels], rows, [
    'l',
    ...labels.map(() => 'r'),
  ]);
}

function plotSection(model: ReportModel, view: PlotView): string {
  const heading = `#### ${escapeCell(view.title)}`;
  if (view.kind === 'image') {
    if (view.same && view.workspace?.url) {
      return `${heading}\n\n_Unchanged._\n\n${imageCell(view.workspace, view.title, '')}`;
    }
    return `${heading}\n\n${sideBySide(
      model.baseName,
      imageCell(view.base, `${view.title} (${model.baseName})`, `missing in ${model.baseName}`),
      imageCell(view.workspace, `${view.title} (workspace)`, 'missing in the workspace'),
    )}`;
  }
  if (view.kind === 'confusion') {
    const parts = [heading, ''];
    if (view.workspace) {
      parts.push(
        `Workspace${view.base && !view.normalized ? ` (in brackets: change from \`${model.baseName}\`)` : ''}:`,
        '',
        confusionTable(view, view.workspace, view.base),
      );
    } else {
      parts.push('_Missing in the workspace._');
    }
    parts.push('');
    if (view.base) {
      parts.push(
        `<details><summary>${escapeCell(model.baseName)}</summary>\n\n${confusionTable(view, view.base, undefined)}\n\n</details>`,
      );
    } else {
      parts.push(`_Missing in \`${model.baseName}\`._`);
    }
    return parts.join('\n');
  }
  const notes: string[] = [];
  if (!view.base) notes.push(`_Missing in \`${model.baseName}\`._`);
  if (!view.workspace) notes.push('_Missing in the workspace._');
  if (view.same) notes.push('_Unchanged._');
  const prefix = notes.length ? `${notes.join(' ')}\n\n` : '';
  if (view.chart?.url)
    return `${heading}\n\n${prefix}<img src="${view.chart.url}" alt="${escapeCell(view.title)}" width="640">`;
  const data = view.workspace ?? view.base;
  const lines = chartLines(view, model.baseName);
  if (lines.every((l) => l.points.length === 0))
    return `${heading}\n\n${prefix}_No numeric data to draw._`;
  return `${heading}\n\n${prefix}${renderMermaidChart(view.title, data?.xLabel ?? 'step', data?.yLabel ?? 'y', lines)}`;
}

/**
 * renderSections builds the report as Markdown sections (header first: it carries the hidden
 * marker, so a cut comment is still found again).
 */
export function renderSections(model: ReportModel): string[] {
  const sections = [headerSection(model), metricsSection(model), paramsSection(model)];
  if (model.notes.length)
    sections.push(model.notes.map((n) => `> [!WARNING]\n> ${n.replace(/\n/g, ' ')}`).join('\n\n'));
  if (model.plotsEnabled) {
    sections.push(
      model.plots.length ? '### Plots' : '### Plots\n\n_No plots are declared in dvc.yaml._',
    );
    for (const view of model.plots) sections.push(plotSection(model, view));
  }
  return sections;
}
