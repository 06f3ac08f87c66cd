// Plot definitions resolved into what a report draws, and plot files turned into series the way
// DVC's converter does (dvc/render/converter/vega.py): x from a field (or the row index, "step"),
// y fields inferred from the data when not given, one series per (file, field) and revision.
import type { PlotDefinition, PlotProps } from '../read/dvcfile.ts';

/** File extensions DVC shows as images rather than data. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.svg'] as const;

/** The templates DVC ships; any other name (a custom template file) is drawn as `linear`. */
export type TemplateKind = 'line' | 'scatter' | 'confusion' | 'confusion_normalized' | 'bar';

/** isImagePath tells whether DVC shows a file as an image. */
export function isImagePath(path: string): boolean {
  const lower = path.toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** templateKind maps a DVC template name to how the report draws it. */
export function templateKind(template: string | undefined): TemplateKind {
  switch (template) {
    case 'scatter':
    case 'scatter_jitter':
      return 'scatter';
    case 'confusion':
      return 'confusion';
    case 'confusion_normalized':
      return 'confusion_normalized';
    case 'bar_horizontal':
    case 'bar_horizontal_sorted':
      return 'bar';
    default:
      return 'line';
  }
}

/** A plot the report draws: an image file, or data series drawn with a template. */
export interface PlotSpec {
  id: string;
  kind: 'image' | 'data';
  title: string;
  props: PlotProps;
  /** Files it reads (the image itself, or every data source). */
  files: string[];
}

/**
 * resolvePlots turns definitions into plots. `expand` lists the files under a path when it is a
 * folder at this revision (undefined when it is a file), so a folder of images gives one plot each.
 * A path declared both as an output and at the top level is drawn once, with the top-level props.
 */
export function resolvePlots(
  definitions: PlotDefinition[],
  expand: (path: string) => string[] | undefined,
): PlotSpec[] {
  const byId = new Map<string, PlotSpec>();
  const add = (spec: PlotSpec, override: boolean) => {
    if (!byId.has(spec.id) || override) byId.set(spec.id, spec);
  };
  // Top-level definitions first in the order written, then stage outputs that are not drawn yet.
  const ordered = [
    ...definitions.filter((d) => !d.fromOutput),
    ...definitions.filter((d) => d.fromOutput),
  ];
  for (const def of ordered) {
    if (!def.idIsPath) {
      const y = (def.props.y ?? {}) as Record<string, string | string[]>;
      const files = [...new Set([...Object.keys(y), ...xFiles(def.props.x)])];
      add(
        { id: def.id, kind: 'data', title: def.props.title ?? def.id, props: def.props, files },
        false,
      );
      continue;
    }
    const paths = expand(def.id) ?? [def.id];
    for (const path of paths) {
      const kind = isImagePath(path) ? 'image' : 'data';
      add(
        { id: path, kind, title: def.props.title ?? path, props: def.props, files: [path] },
        false,
      );
    }
  }
  return [...byId.values()];
}

function xFiles(x: PlotProps['x']): string[] {
  return x && typeof x === 'object' ? Object.keys(x) : [];
}

/** A row of a data file: field name to value. */
export type Datapoint = Record<string, unknown>;

function lists(blob: unknown): unknown[][] {
  if (Array.isArray(blob)) return [blob];
  const out: unknown[][] = [];
  if (blob && typeof blob === 'object') {
    for (const value of Object.values(blob)) {
      if (Array.isArray(value)) out.push(value);
      else if (value && typeof value === 'object') out.push(...lists(value));
    }
  }
  return out;
}

function isDatapoints(list: unknown[]): list is Datapoint[] {
  if (list.length === 0) return false;
  if (!list.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item)))
    return false;
  const first = Object.keys(list[0] as object);
  const all = new Set(list.flatMap((item) => Object.keys(item as object)));
  return all.size === first.length && first.every((k) => all.has(k));
}

/** datapoints extracts rows from a parsed plot file: a list of records, or lists nested in maps. */
export function datapoints(content: unknown): Datapoint[] {
  const result: Datapoint[] = [];
  for (const list of lists(content)) {
    if (!isDatapoints(list)) continue;
    list.forEach((point, index) => {
      result[index] = { ...(result[index] ?? {}), ...point };
    });
  }
  return result;
}

/** One line of a data plot: a field of a file, as (x, y) pairs in file order. */
export interface Series {
  file: string;
  field: string;
  points: { x: unknown; y: unknown }[];
}

/** A data plot's series at one revision, with the axis fields and labels DVC would use. */
export interface PlotData {
  series: Series[];
  xField: string;
  yField: string;
  xLabel: string;
  yLabel: string;
}

/** PlotDataError is a plot whose data does not fit its definition (a field that is not there). */
export class PlotDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlotDataError';
  }
}

function fileFields(axis: Record<string, string | string[]> | undefined): [string, string][] {
  const out: [string, string][] = [];
  for (const [file, value] of Object.entries(axis ?? {})) {
    if (typeof value === 'string') out.push([file, value]);
    else if (Array.isArray(value)) for (const field of value) out.push([file, String(field)]);
  }
  return out;
}

/** The step DVC uses as x when none is given. */
export const INDEX_FIELD = 'step';

/**
 * plotData computes a data plot's series from its files' parsed contents (files missing at this
 * revision are absent from `contents`); undefined when none of its files is there.
 */
export function plotData(spec: PlotSpec, contents: Map<string, unknown>): PlotData | undefined {
  const props = spec.props;
  const points = new Map<string, Datapoint[]>();
  for (const file of spec.files) {
    if (contents.has(file)) points.set(file, datapoints(contents.get(file)));
  }
  if (points.size === 0) return undefined;

  let xAxis: Record<string, string | string[]> | undefined;
  let yAxis: Record<string, string | string[]> | undefined;
  if (typeof props.x === 'string') {
    xAxis = {};
    if (props.y && typeof props.y === 'object' && !Array.isArray(props.y)) {
      for (const [file, fields] of Object.entries(props.y)) {
        xAxis[file] = Array.isArray(fields)
          ? fields.map(() => props.x as string)
          : (props.x as string);
      }
    } else {
      xAxis[spec.id] = props.x;
    }
  } else if (props.x && typeof props.x === 'object') {
    xAxis = props.x;
  }
  if (props.y === undefined) {
    const first = points.get(spec.id)?.[0];
    const keys = first ? Object.keys(first) : [];
    const last = keys[keys.length - 1];
    yAxis = last === undefined ? undefined : { [spec.id]: last };
  } else if (typeof props.y === 'string' || Array.isArray(props.y)) {
    yAxis = { [spec.id]: props.y };
  } else {
    yAxis = props.y;
  }

  const check = (file: string, field: string) => {
    const first = points.get(file)?.[0];
    if (first && !(field in first)) {
      throw new PlotDataError(
        `plot '${spec.id}': field '${field}' is not in ${file} (it has ${Object.keys(first).join(', ')})`,
      );
    }
  };
  const xs = fileFields(xAxis);
  const ys = fileFields(yAxis);
  for (const [file, field] of [...xs, ...ys]) check(file, field);
  if (xs.length > 1 && xs.length !== ys.length) {
    throw new PlotDataError(`plot '${spec.id}': ${xs.length} x sources for ${ys.length} y sources`);
  }

  const series: Series[] = [];
  ys.forEach(([yFile, yField], i) => {
    const rows = points.get(yFile);
    if (!rows) return;
    const x = xs.length > 1 ? xs[i] : xs[0];
    const xRows = x ? points.get(x[0]) : undefined;
    series.push({
      file: yFile,
      field: yField,
      points: rows.map((row, index) => ({
        x: x ? (xRows?.[index]?.[x[1]] ?? null) : index,
        y: row[yField] ?? null,
      })),
    });
  });

  const xFieldNames = [...new Set(xs.map(([, f]) => f))];
  const yFieldNames = [...new Set(ys.map(([, f]) => f))];
  const xField =
    xFieldNames.length === 0 ? INDEX_FIELD : xFieldNames.length === 1 ? xFieldNames[0]! : 'x';
  const yField = yFieldNames.length === 1 ? yFieldNames[0]! : 'y';
  return {
    series,
    xField,
    yField,
    xLabel: props.x_label ?? xField,
    yLabel: props.y_label ?? yField,
  };
}

/** A confusion matrix: class labels on each axis and the count of each (actual, predicted) pair. */
export interface ConfusionMatrix {
  rows: string[];
  columns: string[];
  counts: Map<string, number>;
}

/** confusionMatrix counts (x, y) pairs of the first series' rows, as DVC's confusion template does. */
export function confusionMatrix(
  spec: PlotSpec,
  contents: Map<string, unknown>,
): ConfusionMatrix | undefined {
  const xField =
    typeof spec.props.x === 'string' ? spec.props.x : Object.values(spec.props.x ?? {}).flat()[0];
  const yEntry =
    typeof spec.props.y === 'string'
      ? ([spec.id, spec.props.y] as const)
      : Array.isArray(spec.props.y)
        ? ([spec.id, spec.props.y[0]] as const)
        : fileFields(spec.props.y)[0];
  if (!xField || !yEntry?.[1]) return undefined;
  const [file, yField] = yEntry;
  if (!contents.has(file)) return undefined;
  const rows = datapoints(contents.get(file));
  const first = rows[0];
  for (const field of [xField, yField]) {
    if (first && !(field in first)) {
      throw new PlotDataError(
        `plot '${spec.id}': field '${field}' is not in ${file} (it has ${Object.keys(first).join(', ')})`,
      );
    }
  }
  const counts = new Map<string, number>();
  const rowLabels = new Set<string>();
  const columnLabels = new Set<string>();
  for (const row of rows) {
    const r = String(row[xField] ?? '');
    const c = String(row[yField] ?? '');
    rowLabels.add(r);
    columnLabels.add(c);
    const key = cellKey(r, c);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const labels = sortLabels([...new Set([...rowLabels, ...columnLabels])]);
  return { rows: labels, columns: labels, counts };
}

/** cellKey names one cell of a confusion matrix. */
export function cellKey(row: string, column: string): string {
  return `${row}\u0000${column}`;
}

/** sortLabels sorts class labels numerically when they are all numbers, else as text. */
export function sortLabels(labels: string[]): string[] {
  const numeric = labels.every((l) => l.trim() !== '' && !Number.isNaN(Number(l)));
  return [...labels].sort((a, b) => (numeric ? Number(a) - Number(b) : a.localeCompare(b)));
}
