// One action as a repository of its own (the Marketplace lists only an action.yml at a
// repository's root): action.yml, dist/, README.md with its links rewritten, LICENSE, SECURITY.md.
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { gitIn, ReleaseError } from './exec.ts';
import { rewriteReadme } from './links.ts';

/** Files of the monorepo root that every standalone repository carries at its root. */
export const ROOT_FILES = ['LICENSE', 'SECURITY.md'] as const;

/** What writing a standalone tree needs. */
export interface StandaloneSource {
  /** The monorepo work tree (clean, at the release commit). */
  root: string;
  action: string;
  tag: string;
  serverUrl: string;
  /** `owner/name` of the monorepo. */
  monorepo: string;
  targets: ReadonlyMap<string, string>;
}

/** writeStandaloneTree replaces everything but .git in `dest` with the action's standalone tree. */
export async function writeStandaloneTree(
  source: StandaloneSource,
  dest: string,
): Promise<string[]> {
  for (const entry of readdirSync(dest)) {
    if (entry !== '.git') rmSync(join(dest, entry), { recursive: true, force: true });
  }
  const own = `actions/${source.action}`;
  const listed = await gitIn(source.root)(
    'ls-files',
    '-z',
    '--',
    `${own}/action.yml`,
    `${own}/dist`,
  );
  const files = listed.split('\0').filter(Boolean);
  if (!files.includes(`${own}/action.yml`)) {
    throw new ReleaseError(`${own}/action.yml is not committed`);
  }
  const shipped = new Set<string>();
  const ship = (path: string) => {
    for (let p = path; p !== '.' && p !== ''; p = dirname(p)) shipped.add(p);
  };
  for (const file of files) {
    const inner = file.slice(own.length + 1);
    mkdirSync(dirname(join(dest, inner)), { recursive: true });
    copyFileSync(join(source.root, file), join(dest, inner));
    ship(inner);
  }
  for (const file of ROOT_FILES) {
    if (!existsSync(join(source.root, file))) {
      throw new ReleaseError(
        `${file} is missing at the repository root: every standalone repository ships it`,
      );
    }
    copyFileSync(join(source.root, file), join(dest, file));
    ship(file);
  }
  ship('README.md');
  const readme = readFileSync(join(source.root, own, 'README.md'), 'utf8');
  const rewritten = rewriteReadme(
    readme,
    {
      action: source.action,
      shipped,
      rootFiles: ROOT_FILES,
      isDirectory: (path) => {
        const full = join(source.root, path);
        return existsSync(full) && statSync(full).isDirectory();
      },
      serverUrl: source.serverUrl,
      monorepo: source.monorepo,
      tag: source.tag,
      targets: source.targets,
    },
    source.monorepo.split('/')[1] ?? '',
  );
  writeFileSync(join(dest, 'README.md'), rewritten);
  return [...shipped].sort();
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const full = join(dir, entry.name);
    out.push(full);
    if (entry.isDirectory()) walk(full, out);
  }
  return out;
}

// How an ncc bundle loads anything it did not inline: Node built-ins through createRequire,
// static imports at the top of a module, require() in CommonJS helpers, and import() of chunks.
const LOADERS = [
  /createRequire\(import\.meta\.url\)\(\s*"([^"]+)"\s*\)/g,
  /^\s*(?:import|export)\s[^;'"]*?\sfrom\s*["']([^"']+)["']/gm,
  /^\s*import\s*["']([^"']+)["']/gm,
  /(?<![\w$.])require\(\s*["']([^"']+)["']\s*\)/g,
  /(?<![\w$.])import\(\s*["']([^"']+)["']\s*\)/g,
];

/** inComment tells whether an offset sits in a line comment or a JSDoc/block comment line. */
function inComment(code: string, at: number): boolean {
  const lineStart = code.lastIndexOf('\n', at - 1) + 1;
  const before = code.slice(lineStart, at);
  return /^\s*(\*|\/\*|\/\/)/.test(before) || before.includes('//');
}

/** loadedSpecifiers lists what a bundled file loads at run time (module specifiers), comments aside. */
export function loadedSpecifiers(code: string): string[] {
  const found = new Set<string>();
  for (const pattern of LOADERS) {
    for (const m of code.matchAll(pattern)) {
      if (!inComment(code, m.index + m[0].indexOf(m[1]!))) found.add(m[1]!);
    }
  }
  return [...found];
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep);
}

/**
 * checkSelfContained lists why a standalone tree would not run from a fresh clone: a symlink, an
 * action.yml entry outside the tree or missing, or a bundle that loads something other than a
 * Node built-in or a file of the tree (node_modules is never shipped).
 */
export function checkSelfContained(dir: string): string[] {
  const root = resolve(dir);
  const problems: string[] = [];
  const manifestPath = join(root, 'action.yml');
  if (!existsSync(manifestPath)) return ['action.yml is missing at the root'];
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as {
    runs?: { using?: string; main?: string; pre?: string; post?: string };
  };
  if (!/^node\d+$/.test(manifest.runs?.using ?? '')) {
    problems.push(`action.yml: runs.using is ${manifest.runs?.using}, not a node runtime`);
  }
  for (const step of ['pre', 'main', 'post'] as const) {
    const entry = manifest.runs?.[step];
    if (entry === undefined) continue;
    const full = resolve(root, entry);
    if (!inside(root, full))
      problems.push(`action.yml: runs.${step} ${entry} is outside the repository`);
    else if (!existsSync(full)) problems.push(`action.yml: runs.${step} ${entry} does not exist`);
  }
  for (const path of walk(root)) {
    const rel = relative(root, path);
    if (lstatSync(path).isSymbolicLink()) {
      problems.push(`${rel} is a symbolic link`);
      continue;
    }
    if (!/\.(c|m)?js$/.test(path)) continue;
    for (const spec of loadedSpecifiers(readFileSync(path, 'utf8'))) {
      if (isBuiltin(spec)) continue;
      if (spec.startsWith('./') || spec.startsWith('../')) {
        const target = resolve(dirname(path), spec);
        if (!inside(root, target)) problems.push(`${rel} loads ${spec}, outside the repository`);
        else if (!existsSync(target))
          problems.push(`${rel} loads ${spec}, which is not in the repository`);
        continue;
      }
      problems.push(`${rel} loads "${spec}", which is not bundled (node_modules is not shipped)`);
    }
  }
  return problems;
}
