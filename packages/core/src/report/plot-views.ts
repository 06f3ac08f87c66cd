// Plots of both revisions side by side: what each plot shows, which images must be published
// for it, and how it fills in their URLs once they are.
import { ActionError } from '../pure/errors.ts';
import {
  confusionMatrix,
  type PlotData,
  PlotDataError,
  type PlotSpec,
  plotData,
  templateKind,
} from './charts/plot-data.ts';
import { type BarGroup, PALETTE, renderBarChart, renderLineChart } from './charts/svg.ts';
import type { PlotFile, Snapshot } from './collect.ts';
import { type ImageFile, type ImageStoreResult, slug } from './publish/images.ts';
import { chartLines, type ImageRef, type PlotView } from './render/sections.ts';

/** A plot view, and how to fill in its image URLs after publishing. */
export interface CollectedPlot {
  view: PlotView;
  attach(stored: ImageStoreResult): void;
}

/** Options for building plot views. */
export interface PlotViewOptions {
  baseName: string;
  /** Draw data plots as SVG images (published with the others). */
  svg: boolean;
  /** The DVC root's path inside the repository, for annotations. */
  prefix: string;
}

function extensionOf(path: string): string {
  return (/\.([A-Za-z0-9]+)$/.exec(path)?.[1] ?? 'png').toLowerCase();
}

function contentsOf(snapshot: Snapshot, spec: PlotSpec): Map<string, unknown> {
  const contents = new Map<string, unknown>();
  for (const file of spec.files) {
    const f = snapshot.plotFiles.get(file);
    if (f?.kind === 'data') contents.set(file, f.content);
  }
  return contents;
}

function missingEverywhere(spec: PlotSpec, base: Snapshot, workspace: Snapshot): boolean {
  return spec.files.every((file) => {
    const b = base.plotFiles.get(file);
    const w = workspace.plotFiles.get(file);
    return (!b || b.kind === 'missing') && (!w || w.kind === 'missing');
  });
}

function why(file: PlotFile | undefined): string {
  return file && (file.kind === 'missing' || file.kind === 'error')
    ? file.reason
    : 'not declared at this revision';
}

/**
 * plotViews pairs the plots of both revisions (workspace order first). A plot missing on both
 * sides, or one whose workspace data does not parse or lacks a field, is an ActionError; a plot
 * missing on one side is shown as missing.
 */
export function plotViews(
  base: Snapshot,
  workspace: Snapshot,
  options: PlotViewOptions,
): { plots: CollectedPlot[]; images: ImageFile[]; notes: string[] } {
  const ids = [...new Set([...workspace.plots.map((p) => p.id), ...base.plots.map((p) => p.id)])];
  const plots: CollectedPlot[] = [];
  const images: ImageFile[] = [];
  const notes: string[] = [];
  const usedNames = new Set<string>();
  const name = (stem: string, ext: string) => {
    let candidate = `${stem}.${ext}`;
    for (let i = 2; usedNames.has(candidate); i++) candidate = `${stem}-${i}.${ext}`;
    usedNames.add(candidate);
    return candidate;
  };

  for (const id of ids) {
    const wSpec = workspace.plots.find((p) => p.id === id);
    const bSpec = base.plots.find((p) => p.id === id);
    const spec = (wSpec ?? bSpec)!;
    if (missingEverywhere(spec, base, workspace)) {
      const reasons = spec.files.map((f) =>
        why(workspace.plotFiles.get(f) ?? base.plotFiles.get(f)),
      );
      throw new ActionError(
        `plot '${id}' has no data in the workspace nor in ${options.baseName}: ${reasons.join('; ')}`,
        {
          hint: 'Run the pipeline (dvc repro) before the report, push its outputs (dvc push), or fix the plot path in dvc.yaml.',
        },
      );
    }
    for (const file of spec.files) {
      const w = workspace.plotFiles.get(file);
      if (w?.kind === 'error') {
        throw new ActionError(w.reason, {
          hint: 'Fix the file, or the stage that writes it.',
          location:
            w.line === undefined
              ? { file: `${options.prefix}${file}` }
              : { file: `${options.prefix}${file}`, line: w.line },
        });
      }
      const b = base.plotFiles.get(file);
      if (b?.kind === 'error') notes.push(`At \`${options.baseName}\`: ${b.reason}`);
    }

    if (spec.kind === 'image') {
      const file = spec.files[0]!;
      const b = bSpec ? base.plotFiles.get(file) : undefined;
      const w = wSpec ? workspace.plotFiles.get(file) : undefined;
      const bBytes = b?.kind === 'image' ? b.bytes : undefined;
      const wBytes = w?.kind === 'image' ? w.bytes : undefined;
      const same = !!bBytes && !!wBytes && bBytes.equals(wBytes);
      const ext = extensionOf(file);
      const wName = wBytes ? name(`${slug(id)}-workspace`, ext) : undefined;
      const bName = bBytes && !same ? name(`${slug(id)}-base`, ext) : undefined;
      if (wName) images.push({ name: wName, bytes: wBytes! });
      if (bName) images.push({ name: bName, bytes: bBytes! });
      const view: Extract<PlotView, { kind: 'image' }> = {
        kind: 'image',
        id,
        title: spec.title,
        base: bBytes ? {} : { note: `missing in ${options.baseName}` },
        workspace: wBytes ? {} : { note: 'missing in the workspace' },
        same,
      };
      if (same) view.base = view.workspace;
      plots.push({
        view,
        attach(stored) {
          const ref = (
            n: string | undefined,
            current: ImageRef | undefined,
          ): ImageRef | undefined => {
            if (!n) return current;
            return stored.ok ? { url: stored.urls.get(n)! } : { note: stored.reason };
          };
          view.workspace = ref(wName, view.workspace);
          view.base = same ? view.workspace : ref(bName, view.base);
        },
      });
      continue;
    }

    const kind = templateKind(spec.props.template);
    const bContents = bSpec ? contentsOf(base, bSpec) : new Map<string, unknown>();
    const wContents = wSpec ? contentsOf(workspace, wSpec) : new Map<string, unknown>();
    const compute = <T>(fn: () => T, side: 'base' | 'workspace'): T | undefined => {
      try {
        return fn();
      } catch (error) {
        if (!(error instanceof PlotDataError)) throw error;
        if (side === 'workspace') {
          throw new ActionError(error.message, {
            hint: 'Fix the plot definition in dvc.yaml, or the stage that writes the file.',
          });
        }
        notes.push(`At \`${options.baseName}\`: ${error.message}`);
        return undefined;
      }
    };

    if (kind === 'confusion' || kind === 'confusion_normalized') {
      const bMatrix = bSpec ? compute(() => confusionMatrix(bSpec, bContents), 'base') : undefined;
      const wMatrix = wSpec
        ? compute(() => confusionMatrix(wSpec, wContents), 'workspace')
        : undefined;
      plots.push({
        view: {
          kind: 'confusion',
          id,
          title: spec.title,
          normalized: kind === 'confusion_normalized',
          xLabel:
            spec.props.x_label ?? (typeof spec.props.x === 'string' ? spec.props.x : 'actual'),
          yLabel:
            spec.props.y_label ?? (typeof spec.props.y === 'string' ? spec.props.y : 'predicted'),
          base: bMatrix,
          workspace: wMatrix,
        },
        attach() {},
      });
      continue;
    }

    const bData = bSpec ? compute(() => plotData(bSpec, bContents), 'base') : undefined;
    const wData = wSpec ? compute(() => plotData(wSpec, wContents), 'workspace') : undefined;
    const same =
      !!bData && !!wData && JSON.stringify(bData.series) === JSON.stringify(wData.series);
    const view: Extract<PlotView, { kind: 'data' }> = {
      kind: 'data',
      id,
      title: spec.title,
      scatter: kind === 'scatter',
      base: bData,
      workspace: wData,
      chart: undefined,
      same,
    };
    let chartName: string | undefined;
    if (options.svg) {
      const svg =
        kind === 'bar'
          ? barChart(view, options.baseName, bData ?? wData)
          : lineChart(view, options.baseName, wData ?? bData);
      chartName = name(slug(id), 'svg');
      images.push({ name: chartName, bytes: Buffer.from(svg, 'utf8') });
    }
    plots.push({
      view,
      attach(stored) {
        if (!chartName) return;
        view.chart = stored.ok ? { url: stored.urls.get(chartName)! } : { note: stored.reason };
      },
    });
  }
  return { plots, images, notes };
}

function lineChart(
  view: Extract<PlotView, { kind: 'data' }>,
  baseName: string,
  data: PlotData | undefined,
): string {
  return renderLineChart({
    title: view.title,
    xLabel: data?.xLabel ?? 'step',
    yLabel: data?.yLabel ?? 'y',
    lines: chartLines(view, baseName),
    scatter: view.scatter,
  });
}

function barChart(
  view: Extract<PlotView, { kind: 'data' }>,
  baseName: string,
  data: PlotData | undefined,
): string {
  const groups: BarGroup[] = [];
  const categories: string[] = [];
  const add = (d: PlotData | undefined, label: string, color: string) => {
    const series = d?.series[0];
    if (!series) return;
    const values = new Map<string, number>();
    for (const p of series.points) {
      const category = String(p.y);
      if (!categories.includes(category)) categories.push(category);
      values.set(category, Number(p.x));
    }
    groups.push({ label, color, values });
  };
  add(view.workspace, 'workspace', PALETTE[0]!);
  add(view.base, baseName, PALETTE[1]!);
  return renderBarChart({
    title: view.title,
    xLabel: data?.xLabel ?? 'x',
    yLabel: data?.yLabel ?? 'y',
    categories,
    groups,
  });
}
