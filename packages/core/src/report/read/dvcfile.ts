// What a dvc.yaml declares (params, metrics, plots, outputs) and what a dvc.lock pins (the hash of
// each output), read from the parsed files, with every path made relative to the DVC repo root.
import { posix } from 'node:path';
import { isScalar, mapGet, type PyNode, pyStr, toPlain } from '../../pure/pyvalue.ts';
import { DataParseError, parseYaml } from './parse.ts';

/** The params file DVC tracks whole whenever it exists at the repository root. */
export const DEFAULT_PARAMS_FILE = 'params.yaml';

/** A params file and the key paths a stage reads from it (empty: the whole file). */
export interface ParamsDeclaration {
  file: string;
  keys: string[];
}

/** Plot properties as dvc.yaml spells them (x/y may name fields, or map files to fields). */
export interface PlotProps {
  template?: string;
  x?: string | Record<string, string | string[]>;
  y?: string | string[] | Record<string, string | string[]>;
  title?: string;
  x_label?: string;
  y_label?: string;
  header?: boolean;
}

/** A plot definition: top-level (`plots:`) or a stage output marked as a plot. */
export interface PlotDefinition {
  /** The plot id: a path (file or folder) or, when `y` maps files, a free name. */
  id: string;
  /** True when the id is a path (relative to the repo root); false for a named plot. */
  idIsPath: boolean;
  props: PlotProps;
  /** The dvc.yaml that declared it (for messages). */
  declaredIn: string;
  /** Declared under a stage's `plots:` rather than in the top-level `plots:`. */
  fromOutput: boolean;
}

/** A stage output: where it is and whether DVC caches it. */
export interface OutputDeclaration {
  path: string;
  cache: boolean;
  kind: 'out' | 'metric' | 'plot';
}

/** Everything one dvc.yaml declares that a report reads. */
export interface DvcYamlDeclarations {
  file: string;
  params: ParamsDeclaration[];
  metrics: string[];
  plots: PlotDefinition[];
  outs: OutputDeclaration[];
  /** Uses templating (vars, foreach, matrix, ${...}) that is resolved by DVC itself. */
  templated: boolean;
}

/** A pinned output in dvc.lock: its content hash and where DVC's cache keeps it. */
export interface LockedOutput {
  path: string;
  md5: string;
  /** DVC 3 outputs (`hash: md5`) live under files/md5/; older ones in the legacy layout. */
  legacy: boolean;
  isDir: boolean;
}

function fail(file: string, reason: string): never {
  throw new DataParseError(file, undefined, reason);
}

function join(dir: string, path: string): string {
  const joined = posix.normalize(posix.join(dir || '.', path));
  return joined.replace(/^\.\//, '').replace(/(.)\/+$/, '$1');
}

function stringList(node: PyNode | undefined): string[] {
  if (!node) return [];
  if (node.t === 'list') return node.items.filter(isScalar).map(pyStr);
  if (isScalar(node) && node.t !== 'null') return [pyStr(node)];
  return [];
}

function isTemplated(text: string): boolean {
  return /\$\{/.test(text);
}

function plotProps(node: PyNode | undefined): PlotProps {
  if (node?.t !== 'map') return {};
  const plain = toPlain(node) as Record<string, unknown>;
  const props: PlotProps = {};
  if (typeof plain['template'] === 'string') props.template = plain['template'];
  if (typeof plain['title'] === 'string') props.title = plain['title'];
  if (typeof plain['x_label'] === 'string') props.x_label = plain['x_label'];
  if (typeof plain['y_label'] === 'string') props.y_label = plain['y_label'];
  if (typeof plain['header'] === 'boolean') props.header = plain['header'];
  const x = plain['x'];
  if (typeof x === 'string' || (x && typeof x === 'object' && !Array.isArray(x))) {
    props.x = x as PlotProps['x'];
  }
  const y = plain['y'];
  if (typeof y === 'string' || Array.isArray(y) || (y && typeof y === 'object')) {
    props.y = y as PlotProps['y'];
  }
  return props;
}

/** One item of a list like `outs:`: a bare path, or a one-key map of path to options. */
function entries(
  node: PyNode | undefined,
  file: string,
  what: string,
): [string, PyNode | undefined][] {
  if (!node || node.t === 'null') return [];
  if (node.t !== 'list') fail(file, `'${what}' must be a list`);
  const result: [string, PyNode | undefined][] = [];
  for (const item of node.items) {
    if (isScalar(item)) result.push([pyStr(item), undefined]);
    else if (item.t === 'map') {
      for (const [key, value] of item.entries) result.push([pyStr(key), value]);
    } else fail(file, `an item of '${what}' is a nested list`);
  }
  return result;
}

/**
 * parseDvcYaml reads the declarations of one dvc.yaml. `file` is its path relative to the repo
 * root; paths inside are resolved against its folder and each stage's `wdir`.
 */
export async function parseDvcYaml(file: string, text: string): Promise<DvcYamlDeclarations> {
  const root = await parseYaml(file, text);
  if (root.t !== 'map') fail(file, 'the top level must be a mapping');
  const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
  const declarations: DvcYamlDeclarations = {
    file,
    params: [],
    metrics: [],
    plots: [],
    outs: [],
    templated: isTemplated(text) || mapGet(root, 'vars') !== undefined,
  };

  const stages = mapGet(root, 'stages');
  if (stages && stages.t !== 'null') {
    if (stages.t !== 'map') fail(file, "'stages' must be a mapping of stage names");
    for (const [nameKey, stage] of stages.entries) {
      const name = pyStr(nameKey);
      if (stage.t !== 'map') fail(file, `stage '${name}' must be a mapping`);
      if (mapGet(stage, 'foreach') !== undefined || mapGet(stage, 'matrix') !== undefined) {
        declarations.templated = true;
        continue;
      }
      const wdirNode = mapGet(stage, 'wdir');
      const wdir = join(
        dir,
        wdirNode && isScalar(wdirNode) && wdirNode.t !== 'null' ? pyStr(wdirNode) : '.',
      );
      const stageParams = mapGet(stage, 'params');
      for (const [key, value] of entries(stageParams, file, `stages.${name}.params`)) {
        if (value === undefined) {
          declarations.params.push({ file: join(wdir, DEFAULT_PARAMS_FILE), keys: [key] });
        } else {
          declarations.params.push({ file: join(wdir, key), keys: stringList(value) });
        }
      }
      for (const [section, kind] of [
        ['outs', 'out'],
        ['metrics', 'metric'],
        ['plots', 'plot'],
      ] as const) {
        for (const [path, options] of entries(
          mapGet(stage, section),
          file,
          `stages.${name}.${section}`,
        )) {
          const cacheNode = mapGet(options, 'cache');
          const cache = !(cacheNode?.t === 'bool' && cacheNode.v === false);
          const resolved = join(wdir, path);
          declarations.outs.push({ path: resolved, cache, kind });
          if (kind === 'metric') declarations.metrics.push(resolved);
          if (kind === 'plot') {
            declarations.plots.push({
              id: resolved,
              idIsPath: true,
              props: plotProps(options),
              declaredIn: file,
              fromOutput: true,
            });
          }
        }
      }
    }
  }

  for (const path of stringList(mapGet(root, 'params')))
    declarations.params.push({ file: join(dir, path), keys: [] });
  for (const path of stringList(mapGet(root, 'metrics')))
    declarations.metrics.push(join(dir, path));

  for (const [id, options] of entries(mapGet(root, 'plots'), file, 'plots')) {
    const props = plotProps(options);
    const y = props.y;
    const idIsPath = !(y && typeof y === 'object' && !Array.isArray(y));
    if (!idIsPath) {
      // File names in y (and x) are relative to the dvc.yaml's folder.
      props.y = Object.fromEntries(
        Object.entries(y as Record<string, string | string[]>).map(([f, v]) => [join(dir, f), v]),
      );
      if (props.x && typeof props.x === 'object') {
        props.x = Object.fromEntries(Object.entries(props.x).map(([f, v]) => [join(dir, f), v]));
      }
    }
    declarations.plots.push({
      id: idIsPath ? join(dir, id) : id,
      idIsPath,
      props,
      declaredIn: file,
      fromOutput: false,
    });
  }
  return declarations;
}

/** parseDvcLock reads the pinned outputs of one dvc.lock (`file` relative to the repo root). */
export async function parseDvcLock(file: string, text: string): Promise<LockedOutput[]> {
  const root = await parseYaml(file, text);
  if (root.t !== 'map') return [];
  const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
  const stages = mapGet(root, 'stages') ?? root;
  if (stages.t !== 'map') return [];
  const locked: LockedOutput[] = [];
  for (const [, stage] of stages.entries) {
    if (stage.t !== 'map') continue;
    const wdirNode = mapGet(stage, 'wdir');
    const wdir = join(
      dir,
      wdirNode && isScalar(wdirNode) && wdirNode.t !== 'null' ? pyStr(wdirNode) : '.',
    );
    const outs = mapGet(stage, 'outs');
    if (outs?.t !== 'list') continue;
    for (const out of outs.items) {
      const path = mapGet(out, 'path');
      const md5 = mapGet(out, 'md5');
      if (!path || !md5 || !isScalar(path) || !isScalar(md5)) continue;
      const hash = mapGet(out, 'hash');
      const value = pyStr(md5);
      locked.push({
        path: join(wdir, pyStr(path)),
        md5: value,
        legacy: !(hash && isScalar(hash) && pyStr(hash) === 'md5'),
        isDir: value.endsWith('.dir'),
      });
    }
  }
  return locked;
}

/** mergeParams combines declarations as DVC does: a file tracked whole anywhere is tracked whole. */
export function mergeParams(declarations: ParamsDeclaration[]): ParamsDeclaration[] {
  const whole = new Set(declarations.filter((d) => d.keys.length === 0).map((d) => d.file));
  const byFile = new Map<string, string[]>();
  for (const d of declarations) {
    const keys = byFile.get(d.file) ?? [];
    if (!whole.has(d.file)) for (const k of d.keys) if (!keys.includes(k)) keys.push(k);
    byFile.set(d.file, keys);
  }
  return [...byFile].map(([file, keys]) => ({ file, keys }));
}
