// What init finds in a repository: the DVC project (dvc.yaml: stages, metrics, plots, the outputs
// kept in git), its remote (.dvc/config: and so the cloud credentials the jobs need), params.yaml,
// the BentoML service and model, and the Kubernetes manifests with their containers.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** A problem in the user's files: one line saying what is wrong and what to do. */
export class InitError extends Error {}

/** The cloud whose credentials the DVC remote needs. */
export type Cloud = 'aws' | 'gcp' | 'azure';

/** The DVC project's default remote. */
export interface Remote {
  name: string;
  url: string;
  scheme: string;
  cloud: Cloud | undefined;
}

/** A metric found in a metrics file (a dotted key for nested values). */
export interface Metric {
  file: string;
  name: string;
}

/** Everything init found in the repository. */
export interface Project {
  /** Absolute repository root. */
  root: string;
  /** The DVC project folder relative to the root, POSIX, '' for the root itself. */
  dir: string;
  stages: string[];
  /** Metrics files declared in dvc.yaml (relative to the project folder). */
  metricsFiles: string[];
  metrics: Metric[];
  /** Metrics files that do not exist yet (their names are unknown until the pipeline runs). */
  unreadMetrics: string[];
  /** Plot files and top-level plot names declared in dvc.yaml. */
  plots: string[];
  /** Outputs kept out of the DVC cache (cache: false): git holds them, so the train job commits them. */
  gitOutputs: string[];
  /** true when a metrics or plot file is DVC-cached, so the report may have to fetch it. */
  reportNeedsRemote: boolean;
  remote: Remote | undefined;
  paramsFiles: string[];
  /** requirements.txt of the project (relative to the root), if any. */
  requirements: string | undefined;
  pythonVersion: string | undefined;
  bento:
    | {
        /** The bentofile relative to the root, or undefined for a service without one. */
        bentofile: string | undefined;
        /** The folder bentoml build packages, relative to the root ('.' for the root). */
        context: string;
        service: string | undefined;
        /** BentoML model archives among the DVC outputs (relative to the root). */
        models: string[];
      }
    | undefined;
  kubernetes: { dir: string; containers: string[] } | undefined;
  /** Owner of the repository's GitHub remote, if there is one. */
  githubOwner: string | undefined;
}

const SKIP = new Set(['.git', 'node_modules', '.venv', 'venv', '.dvc', '__pycache__', '.github']);

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** findDvcProjects lists the folders (relative, POSIX) holding a dvc.yaml, at most 3 levels down. */
export function findDvcProjects(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (existsSync(join(dir, 'dvc.yaml'))) found.push(toPosix(relative(root, dir)));
    if (depth === 3) return;
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries.sort()) {
      if (SKIP.has(name) || name.startsWith('.')) continue;
      const full = join(dir, name);
      try {
        if (statSync(full).isDirectory()) walk(full, depth + 1);
      } catch {
        // A dangling link: not a project.
      }
    }
  };
  walk(root, 0);
  return found;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InitError(
      `cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'}): check the file's permissions`,
    );
  }
}

function parseYamlFile(file: string, shown: string): unknown {
  const text = readText(file, shown);
  try {
    return parse(text);
  } catch (error) {
    const first = (error as Error).message.split('\n')[0];
    throw new InitError(`${shown} is not valid YAML (${first}): fix it, then run init again`);
  }
}

interface OutSpec {
  path: string;
  cached: boolean;
}

/** outSpecs reads a dvc.yaml list of outputs (`- path` or `- path: {cache: false}`). */
function outSpecs(list: unknown): OutSpec[] {
  if (!Array.isArray(list)) return [];
  const specs: OutSpec[] = [];
  for (const item of list) {
    if (typeof item === 'string') specs.push({ path: item, cached: true });
    else if (item && typeof item === 'object') {
      for (const [path, props] of Object.entries(item as Record<string, unknown>)) {
        const cache = (props as { cache?: unknown } | null)?.cache;
        specs.push({ path, cached: cache !== false });
      }
    }
  }
  return specs;
}

/** metricNames lists the numeric leaves of a metrics file (JSON or YAML) as dotted keys. */
export function metricNames(text: string): string[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return [];
  }
  const names: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'number' || typeof value === 'boolean') {
      if (prefix) names.push(prefix);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    }
  };
  walk(data, '');
  return names;
}

/** parseDvcConfig reads the default remote from .dvc/config (and config.local) text. */
export function parseDvcConfig(texts: string[]): Remote | undefined {
  const remotes = new Map<string, string>();
  let core: string | undefined;
  for (const text of texts) {
    let section = '';
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith(';')) continue;
      const header = /^\[\s*(.+?)\s*\]$/.exec(line);
      if (header) {
        section = header[1]!.replace(/^'|'$/g, '').replace(/\s+/g, ' ');
        continue;
      }
      const kv = /^([\w.-]+)\s*=\s*(.*)$/.exec(line);
      if (!kv) continue;
      const value = kv[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
      if (section === 'core' && kv[1] === 'remote') core = value;
      const remote = /^remote "(.+)"$/.exec(section);
      if (remote && kv[1] === 'url') remotes.set(remote[1]!, value);
    }
  }
  const name = core ?? (remotes.size === 1 ? [...remotes.keys()][0] : undefined);
  if (!name) return undefined;
  const url = remotes.get(name);
  if (url === undefined) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase() ?? 'local';
  const cloud: Cloud | undefined =
    scheme === 's3'
      ? 'aws'
      : scheme === 'gs' || scheme === 'gcs'
        ? 'gcp'
        : scheme === 'azure' || scheme === 'az'
          ? 'azure'
          : undefined;
  return { name, url, scheme, cloud };
}

/** githubOwner reads the owner from a GitHub remote URL (https or ssh), else undefined. */
export function githubOwner(url: string): string | undefined {
  const match = /github\.com[:/]([A-Za-z0-9-]+)\/[^/\s]+?(?:\.git)?\/?$/.exec(url.trim());
  return match?.[1];
}

function gitRemoteOwner(root: string): string | undefined {
  try {
    const url = execFileSync('git', ['remote', 'get-url', 'origin'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return githubOwner(url);
  } catch {
    return undefined;
  }
}

/** containerNames lists the containers of the workloads in a folder of manifests. */
export function containerNames(dir: string): string[] {
  const names: string[] = [];
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  for (const file of files) {
    const shown = toPosix(join(relative(process.cwd(), dir), file));
    let docs: ReturnType<typeof parseAllDocuments>;
    try {
      docs = parseAllDocuments(readText(join(dir, file), shown));
    } catch {
      continue;
    }
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      const value = doc.toJS() as {
        kind?: string;
        spec?: {
          template?: { spec?: { containers?: { name?: string }[] } };
          jobTemplate?: { spec?: { template?: { spec?: { containers?: { name?: string }[] } } } };
          containers?: { name?: string }[];
        };
      } | null;
      const containers =
        value?.spec?.template?.spec?.containers ??
        value?.spec?.jobTemplate?.spec?.template?.spec?.containers ??
        (value?.kind === 'Pod' ? value.spec?.containers : undefined) ??
        [];
      for (const c of containers) if (c.name && !names.includes(c.name)) names.push(c.name);
    }
  }
  return names;
}

function findBentoService(dir: string): string | undefined {
  const walk = (folder: string, depth: number): string | undefined => {
    let entries: string[] = [];
    try {
      entries = readdirSync(folder).sort();
    } catch {
      return undefined;
    }
    for (const name of entries) {
      if (SKIP.has(name) || name.startsWith('.')) continue;
      const full = join(folder, name);
      if (name.endsWith('.py')) {
        try {
          if (/@bentoml\.service\b|^\s*@service\b/m.test(readFileSync(full, 'utf8'))) return full;
        } catch {
          // Unreadable: not ours to judge.
        }
      } else if (depth < 2) {
        try {
          if (statSync(full).isDirectory()) {
            const found = walk(full, depth + 1);
            if (found) return found;
          }
        } catch {
          // A dangling link.
        }
      }
    }
    return undefined;
  };
  return walk(dir, 0);
}

const join2 = (dir: string, path: string) => (dir ? posix.join(dir, path) : posix.normalize(path));

/** detectProject reads the DVC project in `dir` (relative to `root`) and what surrounds it. */
export function detectProject(root: string, dir: string): Project {
  const projectDir = join(root, dir);
  const shown = (p: string) => join2(dir, p);
  const dvcYaml = join(projectDir, 'dvc.yaml');
  if (!existsSync(dvcYaml))
    throw new InitError(
      `no dvc.yaml in ${dir || 'the repository root'}: run init at the root of a repository that holds a DVC pipeline, or pass --project <folder>`,
    );
  const spec = parseYamlFile(dvcYaml, shown('dvc.yaml')) as {
    stages?: Record<string, { outs?: unknown; metrics?: unknown; plots?: unknown }>;
    plots?: unknown;
    metrics?: unknown;
  } | null;
  if (!spec || typeof spec !== 'object' || Array.isArray(spec))
    throw new InitError(`${shown('dvc.yaml')} holds no stages: add a stage with dvc stage add`);
  const stages = Object.keys(spec.stages ?? {});
  const metricsSpecs: OutSpec[] = [...outSpecs(spec.metrics)];
  const plotSpecs: OutSpec[] = [];
  const outs: OutSpec[] = [];
  for (const stage of Object.values(spec.stages ?? {})) {
    if (!stage || typeof stage !== 'object') continue;
    outs.push(...outSpecs(stage.outs));
    metricsSpecs.push(...outSpecs(stage.metrics));
    plotSpecs.push(...outSpecs(stage.plots));
  }
  const plots: string[] = plotSpecs.map((p) => p.path);
  if (Array.isArray(spec.plots)) {
    for (const item of spec.plots) {
      if (typeof item === 'string') plots.push(item);
      else if (item && typeof item === 'object') plots.push(...Object.keys(item));
    }
  }
  const metrics: Metric[] = [];
  const unreadMetrics: string[] = [];
  for (const m of metricsSpecs) {
    const file = join(projectDir, m.path);
    if (!existsSync(file)) {
      unreadMetrics.push(m.path);
      continue;
    }
    for (const name of metricNames(readText(file, shown(m.path))))
      metrics.push({ file: m.path, name });
  }
  const gitOutputs = [...outs, ...metricsSpecs, ...plotSpecs]
    .filter((o) => !o.cached)
    .map((o) => o.path)
    .filter((p, i, all) => all.indexOf(p) === i);

  // .dvc/ is in the project folder or above it (a DVC root may hold several dvc.yaml folders).
  let dvcRoot = projectDir;
  while (!existsSync(join(dvcRoot, '.dvc')) && relative(root, dvcRoot) !== '')
    dvcRoot = join(dvcRoot, '..');
  const configs = ['config', 'config.local']
    .map((name) => join(dvcRoot, '.dvc', name))
    .filter((f) => existsSync(f))
    .map((f) => readText(f, toPosix(relative(root, f))));
  const remote = parseDvcConfig(configs);

  const paramsFiles = [
    'params.yaml',
    'params.yml',
    'params.json',
    'params.toml',
    'params.py',
  ].filter((f) => existsSync(join(projectDir, f)));
  const requirements = ['requirements.txt']
    .map((f) =>
      existsSync(join(projectDir, f)) ? shown(f) : existsSync(join(root, f)) ? f : undefined,
    )
    .find(Boolean);

  let pythonVersion: string | undefined;
  for (const file of [join(projectDir, '.python-version'), join(root, '.python-version')]) {
    if (existsSync(file)) {
      pythonVersion = readText(file, '.python-version').trim().split(/\s+/)[0];
      break;
    }
  }

  let bento: Project['bento'];
  const bentofile = ['bentofile.yaml', 'bentofile.yml'].find((f) =>
    existsSync(join(projectDir, f)),
  );
  const models = outs
    .map((o) => o.path)
    .filter((p) => p.endsWith('.bentomodel'))
    .map(shown);
  if (bentofile) {
    const file = parseYamlFile(join(projectDir, bentofile), shown(bentofile)) as {
      service?: string;
      docker?: { python_version?: string };
    } | null;
    pythonVersion ??= file?.docker?.python_version ? String(file.docker.python_version) : undefined;
    bento = { bentofile: shown(bentofile), context: dir || '.', service: file?.service, models };
  } else {
    const service = findBentoService(projectDir);
    if (service)
      bento = {
        bentofile: undefined,
        context: dir || '.',
        service: toPosix(relative(root, service)),
        models,
      };
  }

  let kubernetes: Project['kubernetes'];
  for (const candidate of [join(projectDir, 'kubernetes'), join(root, 'kubernetes')]) {
    if (existsSync(candidate) && statSync(candidate).isDirectory()) {
      kubernetes = {
        dir: `${toPosix(relative(root, candidate))}/`,
        containers: containerNames(candidate),
      };
      break;
    }
  }

  const cachedReportFiles = [...metricsSpecs, ...plotSpecs].some((o) => o.cached);
  return {
    root,
    dir,
    stages,
    metricsFiles: metricsSpecs.map((m) => m.path),
    metrics,
    unreadMetrics,
    plots,
    gitOutputs,
    reportNeedsRemote: cachedReportFiles,
    remote,
    paramsFiles,
    requirements,
    pythonVersion,
    bento,
    kubernetes,
    githubOwner: gitRemoteOwner(root),
  };
}
