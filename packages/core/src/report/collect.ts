// One revision's report inputs: the declarations of every dvc.yaml, the params and metrics files
// they name (parsed), and the plot files (raw), read through a RevisionFiles source.

import { type PyNode, toPlain } from '../pure/pyvalue.ts';
import { isImagePath, type PlotSpec, resolvePlots } from './charts/plot-data.ts';
import type { FileData, RevisionData } from './diff/data.ts';
import { extractMetrics, selectKeys } from './diff/data.ts';
import {
  DEFAULT_PARAMS_FILE,
  type DvcYamlDeclarations,
  type LockedOutput,
  mergeParams,
  type PlotDefinition,
  parseDvcLock,
  parseDvcYaml,
} from './read/dvcfile.ts';
import { DataParseError, formatOf, parseStructured, parseSv } from './read/parse.ts';
import type { FileRead, MissingObject, RevisionFiles } from './read/source.ts';

/** A file at a revision that could not be used, and where (for an annotation). */
export interface Problem {
  file: string;
  line?: number;
  message: string;
}

/** What the report needs from one revision. */
export interface Snapshot {
  name: string;
  declarations: DvcYamlDeclarations[];
  /** A dvc.yaml uses templating, or a params file is TOML/Python: DVC itself must compute the diff. */
  needsDvc: boolean;
  params: RevisionData;
  metrics: RevisionData;
  plots: PlotSpec[];
  /** Plot files: parsed data (JSON/YAML/CSV/TSV), image bytes, or why they are missing. */
  plotFiles: Map<string, PlotFile>;
  problems: Problem[];
  /** DVC cache objects this revision needs that are not in the local cache. */
  missing: MissingObject[];
}

/** A plot file at one revision. */
export type PlotFile =
  | { kind: 'data'; content: unknown }
  | { kind: 'image'; bytes: Buffer }
  | { kind: 'missing'; reason: string }
  | { kind: 'error'; reason: string; line?: number };

/** A source that can also be told which outputs its dvc.lock files pin. */
export type LockableFiles = RevisionFiles & { setLocked(outputs: LockedOutput[]): void };

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

function problemOf(error: unknown, file: string): Problem {
  if (error instanceof DataParseError) {
    return error.line === undefined
      ? { file: error.file, message: error.message }
      : { file: error.file, line: error.line, message: error.message };
  }
  return { file, message: `${file}: ${(error as Error).message}` };
}

/** collectSnapshot reads everything the report compares at one revision. */
export async function collectSnapshot(files: LockableFiles): Promise<Snapshot> {
  const snapshot: Snapshot = {
    name: files.name,
    declarations: [],
    needsDvc: false,
    params: new Map(),
    metrics: new Map(),
    plots: [],
    plotFiles: new Map(),
    problems: [],
    missing: [],
  };
  const noteMissing = (read: FileRead) => {
    if (
      read.kind === 'missing' &&
      read.object &&
      !snapshot.missing.some((m) => m.md5 === read.object!.md5)
    ) {
      snapshot.missing.push(read.object);
    }
  };

  // dvc.yaml and dvc.lock files, shallowest first (the root one usually).
  const yamlPaths = await files.find('dvc.yaml');
  const locked: LockedOutput[] = [];
  await Promise.all(
    yamlPaths.map(async (path) => {
      const [yaml, lock] = await Promise.all([
        files.read(path),
        files.read(`${dirOf(path)}dvc.lock`),
      ]);
      if (yaml.kind === 'found') {
        try {
          snapshot.declarations.push(await parseDvcYaml(path, yaml.bytes.toString('utf8')));
        } catch (e) {
          snapshot.problems.push(problemOf(e, path));
        }
      }
      if (lock.kind === 'found') {
        try {
          locked.push(
            ...(await parseDvcLock(`${dirOf(path)}dvc.lock`, lock.bytes.toString('utf8'))),
          );
        } catch (e) {
          snapshot.problems.push(problemOf(e, `${dirOf(path)}dvc.lock`));
        }
      }
    }),
  );
  snapshot.declarations.sort((a, b) => yamlPaths.indexOf(a.file) - yamlPaths.indexOf(b.file));
  files.setLocked(locked);
  snapshot.needsDvc = snapshot.declarations.some((d) => d.templated);

  // Params: every file a stage or the top level names, and params.yaml whole when it exists.
  const declared = snapshot.declarations.flatMap((d) => d.params);
  const defaultParams = await files.read(DEFAULT_PARAMS_FILE);
  noteMissing(defaultParams);
  if (defaultParams.kind === 'found') declared.push({ file: DEFAULT_PARAMS_FILE, keys: [] });
  const reads = new Map<string, Promise<FileRead>>([
    [DEFAULT_PARAMS_FILE, Promise.resolve(defaultParams)],
  ]);
  const read = (path: string) => {
    let pending = reads.get(path);
    if (!pending) {
      pending = files.read(path);
      reads.set(path, pending);
    }
    return pending;
  };
  for (const { file, keys } of mergeParams(declared)) {
    const format = formatOf(file);
    if (format === 'toml' || format === 'py') {
      snapshot.needsDvc = true;
      continue;
    }
    const result = await read(file);
    noteMissing(result);
    snapshot.params.set(
      file,
      await toFileData(result, file, snapshot, (node) => selectKeys(node, keys)),
    );
  }

  // Metrics: files declared by stages and at the top level; a folder stands for its files.
  const metricPaths: string[] = [];
  for (const path of snapshot.declarations.flatMap((d) => d.metrics)) {
    const listed = await files.list(path);
    for (const p of listed ?? [path]) if (!metricPaths.includes(p)) metricPaths.push(p);
  }
  await Promise.all(metricPaths.map((p) => read(p)));
  for (const path of metricPaths) {
    const result = await read(path);
    noteMissing(result);
    const format = formatOf(path);
    if (format === 'toml' || format === 'py') {
      snapshot.needsDvc = true;
      continue;
    }
    snapshot.metrics.set(path, await toFileData(result, path, snapshot, extractMetrics));
  }

  // Plots: resolve definitions (folders expanded at this revision), then read every file they use.
  const definitions: PlotDefinition[] = snapshot.declarations.flatMap((d) => d.plots);
  const listings = new Map<string, string[] | undefined>();
  for (const def of definitions) if (def.idIsPath) listings.set(def.id, await files.list(def.id));
  snapshot.plots = resolvePlots(definitions, (path) => listings.get(path));
  const plotPaths = [...new Set(snapshot.plots.flatMap((p) => p.files))];
  const plotReads = await Promise.all(plotPaths.map((p) => read(p)));
  for (const [i, path] of plotPaths.entries()) {
    const result = plotReads[i]!;
    noteMissing(result);
    snapshot.plotFiles.set(
      path,
      await toPlotFile(
        result,
        path,
        snapshot.plots.find((p) => p.files.includes(path)),
      ),
    );
  }
  return snapshot;
}

async function toFileData(
  read: FileRead,
  path: string,
  snapshot: Snapshot,
  transform: (node: PyNode) => PyNode,
): Promise<FileData> {
  if (read.kind === 'missing') return { kind: 'missing', reason: read.reason };
  try {
    return {
      kind: 'data',
      node: transform(await parseStructured(path, read.bytes.toString('utf8'))),
    };
  } catch (e) {
    const problem = problemOf(e, path);
    snapshot.problems.push(problem);
    return problem.line === undefined
      ? { kind: 'error', reason: problem.message }
      : { kind: 'error', reason: problem.message, line: problem.line };
  }
}

async function toPlotFile(
  read: FileRead,
  path: string,
  spec: PlotSpec | undefined,
): Promise<PlotFile> {
  if (read.kind === 'missing') return { kind: 'missing', reason: read.reason };
  if (isImagePath(path)) return { kind: 'image', bytes: read.bytes };
  const text = read.bytes.toString('utf8');
  const format = formatOf(path);
  try {
    if (format === 'csv' || format === 'tsv') {
      return {
        kind: 'data',
        content: parseSv(text, format === 'tsv' ? '\t' : ',', spec?.props.header ?? true),
      };
    }
    const node = await parseStructured(path, text);
    return { kind: 'data', content: toPlain(node) };
  } catch (e) {
    const problem = problemOf(e, path);
    return problem.line === undefined
      ? { kind: 'error', reason: problem.message }
      : { kind: 'error', reason: problem.message, line: problem.line };
  }
}
