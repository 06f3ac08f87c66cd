// What a bentofile says about the service's Python packages. Pure: YAML text in, package list out.
import { isMap, isScalar, LineCounter, parse, parseDocument } from 'yaml';

/** The Python requirements a bentofile declares: inline packages and a requirements file. */
export interface BentofilePython {
  packages: string[];
  /** `python.requirements_txt`, relative to the build context, when set. */
  requirementsTxt: string | undefined;
}

/** bentofilePython reads `python.packages` and `python.requirements_txt`; a bad file gives none. */
export function bentofilePython(text: string): BentofilePython {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    // bentoml build reports a broken bentofile with its own message.
    return { packages: [], requirementsTxt: undefined };
  }
  const python =
    doc && typeof doc === 'object' ? (doc as Record<string, unknown>)['python'] : undefined;
  if (!python || typeof python !== 'object') return { packages: [], requirementsTxt: undefined };
  const { packages, requirements_txt: requirementsTxt } = python as Record<string, unknown>;
  return {
    packages: Array.isArray(packages)
      ? packages
          .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
          .map((p) => p.trim())
      : [],
    requirementsTxt:
      typeof requirementsTxt === 'string' && requirementsTxt.trim()
        ? requirementsTxt.trim()
        : undefined,
  };
}

/** requirementLines keeps the requirement specifiers of a requirements.txt (no comments or options). */
export function requirementLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter((l) => l && !l.startsWith('-'));
}

/** isBentomlRequirement tells whether a requirement names BentoML itself (the action pins that one). */
export function isBentomlRequirement(requirement: string): boolean {
  return /^bentoml(?:\s*(?:\[[^\]]*\])?\s*(?:[=<>!~;@].*)?)?$/i.test(requirement.trim());
}

// The keys BentoML 1.4's bentofile schema allows (BentoBuildConfig, PythonOptions, DockerOptions
// and CondaOptions forbid any other); BentoML itself checks the values' finer rules at build time.
const TOP_KEYS = [
  'service',
  'name',
  'description',
  'labels',
  'include',
  'exclude',
  'docker',
  'python',
  'conda',
  'models',
  'envs',
  'args',
];
const SECTION_KEYS: Record<string, string[]> = {
  python: [
    'requirements_txt',
    'packages',
    'lock_packages',
    'pack_git_packages',
    'index_url',
    'no_index',
    'trusted_host',
    'find_links',
    'extra_index_url',
    'pip_args',
    'wheels',
  ],
  docker: [
    'distro',
    'python_version',
    'cuda_version',
    'env',
    'system_packages',
    'setup_script',
    'base_image',
    'dockerfile_template',
  ],
  conda: ['environment_yml', 'channels', 'dependencies', 'pip'],
};
const STRING_LISTS: [string, string | undefined][] = [
  ['include', undefined],
  ['exclude', undefined],
  ['python', 'packages'],
  ['python', 'trusted_host'],
  ['python', 'find_links'],
  ['python', 'extra_index_url'],
  ['python', 'wheels'],
  ['docker', 'system_packages'],
];
// Files a bentofile names, relative to the build context: they must exist for the build.
const FILE_KEYS: [string, string][] = [
  ['python', 'requirements_txt'],
  ['docker', 'setup_script'],
  ['docker', 'dockerfile_template'],
  ['conda', 'environment_yml'],
];

/** A bentofile mistake: what is wrong, and the 1-based line it is on when known. */
export interface BentofileProblem {
  reason: string;
  line: number | undefined;
}

/**
 * bentofileProblem checks a bentofile as far as can be done without BentoML: YAML syntax, the
 * keys BentoML's schema allows, `service` as `module:Service`, lists of strings where lists are
 * expected, and the files it names (`exists` answers for paths relative to the build context).
 */
export function bentofileProblem(
  text: string,
  exists: (relativePath: string) => boolean,
): BentofileProblem | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const at = syntax.pos?.[0];
    // An error found at the end of the text (an unclosed bracket) points at the last line that
    // has text, not at the empty line after it.
    const lastLine = text.replace(/\s+$/, '').split('\n').length;
    return {
      reason: `invalid YAML, ${syntax.message.split('\n')[0]}`,
      line: at === undefined ? undefined : Math.min(lineCounter.linePos(at).line, lastLine),
    };
  }
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const root = doc.contents;
  if (!isMap(root)) return { reason: 'it is not a mapping of bentofile keys', line: 1 };
  const keyLine = (path: string[]): number | undefined => {
    let node: unknown = root;
    let line: number | undefined;
    for (const key of path) {
      if (!isMap(node)) break;
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      line = lineOf(pair.key);
      node = pair.value;
    }
    return line;
  };
  const value = doc.toJS() as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.includes(key)) {
      return {
        reason: `'${key}' is not a bentofile key (BentoML accepts ${TOP_KEYS.join(', ')})`,
        line: keyLine([key]),
      };
    }
  }
  for (const [section, keys] of Object.entries(SECTION_KEYS)) {
    const body = value[section];
    if (body === undefined || body === null) continue;
    if (typeof body !== 'object' || Array.isArray(body)) {
      return { reason: `'${section}' must be a mapping`, line: keyLine([section]) };
    }
    for (const key of Object.keys(body)) {
      if (!keys.includes(key)) {
        return {
          reason: `'${section}.${key}' is not a bentofile key (under '${section}' BentoML accepts ${keys.join(', ')})`,
          line: keyLine([section, key]),
        };
      }
    }
  }
  const service = value['service'];
  if (typeof service !== 'string' || !/^[A-Za-z_][\w.]*:[A-Za-z_][\w.]*$/.test(service.trim())) {
    return {
      reason:
        service === undefined
          ? "it has no 'service' (the service to build, such as src.service:MyService)"
          : `'service' is '${String(service)}', not module:Service (such as src.service:MyService)`,
      line: keyLine(['service']) ?? 1,
    };
  }
  for (const [section, key] of STRING_LISTS) {
    const parent = key ? value[section] : value;
    const item = key ? (parent as Record<string, unknown> | undefined)?.[key] : value[section];
    if (item === undefined || item === null) continue;
    if (!Array.isArray(item) || item.some((x) => typeof x !== 'string')) {
      const name = key ? `${section}.${key}` : section;
      return {
        reason: `'${name}' must be a list of strings`,
        line: keyLine(key ? [section, key] : [section]),
      };
    }
  }
  if (value['labels'] !== undefined && value['labels'] !== null) {
    const labels = value['labels'];
    if (typeof labels !== 'object' || Array.isArray(labels)) {
      return { reason: "'labels' must be a mapping of names to values", line: keyLine(['labels']) };
    }
  }
  for (const [section, key] of FILE_KEYS) {
    const file = (value[section] as Record<string, unknown> | undefined)?.[key];
    if (file === undefined || file === null) continue;
    if (typeof file !== 'string' || !file.trim()) {
      return { reason: `'${section}.${key}' must be a file name`, line: keyLine([section, key]) };
    }
    if (!exists(file.trim())) {
      return {
        reason: `'${section}.${key}' names '${file.trim()}', which is not in the build context`,
        line: keyLine([section, key]),
      };
    }
  }
  return undefined;
}
