// Paths and pathspecs: what the user wrote (`dvc.lock`, `metrics/*.json`, an absolute path inside
// the checkout) becomes a git pathspec relative to the repository root, and anything that points
// outside the repository, or into `.git`, is refused before git is asked anything. Pure.
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { InputError } from '../pure/errors.ts';

/** repoPath normalises a path relative to the repository root (forward slashes, no `.` parts). */
export function repoPath(path: string): string {
  const clean = posix.normalize(path.split(sep).join('/')).replace(/^(\.\/)+/, '');
  return clean === '.' ? '' : clean.replace(/\/+$/, '');
}

/** isCommittablePath tells whether a path can be written in a commit: relative, inside, not `.git`. */
export function isCommittablePath(path: string): boolean {
  if (!path || path.startsWith('/') || path.includes('\0') || path.includes('\n')) return false;
  return path
    .split('/')
    .every((part) => part !== '' && part !== '.' && part !== '..' && part.toLowerCase() !== '.git');
}

const GLOB = /[*?[]/;

/**
 * toPathspecs turns the `paths` input into git pathspecs relative to the repository root. Each
 * entry may be relative to `cwd` or absolute, and may hold globs (`*` stays within a folder, `**`
 * crosses folders). An entry outside the repository or inside `.git` is an InputError.
 */
export function toPathspecs(
  input: string,
  entries: readonly string[],
  cwd: string,
  root: string,
): string[] {
  const specs: string[] = [];
  for (const entry of entries) {
    const value = entry.trim();
    if (!value) continue;
    if (value.startsWith(':')) {
      throw new InputError(
        input,
        `has '${value}', a git pathspec with magic`,
        'Write plain paths or globs such as dvc.lock or metrics/*.json.',
      );
    }
    const absolute = resolve(cwd, value);
    const rel = relative(resolve(root), absolute);
    const path = repoPath(rel);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new InputError(
        input,
        `has '${value}', which is outside the repository`,
        `List paths inside the repository checkout (${relative(cwd, root) || '.'}).`,
      );
    }
    if (path.split('/').some((part) => part.toLowerCase() === '.git')) {
      throw new InputError(
        input,
        `has '${value}', which is inside .git`,
        'List files of the work tree.',
      );
    }
    // `:(glob)` makes `*` stop at a slash, as in a shell; a literal path without glob characters
    // is marked literal so names with brackets or stars from the file system still match.
    specs.push(GLOB.test(path) ? `:(glob)${path || '.'}` : `:(literal)${path || '.'}`);
  }
  if (specs.length === 0) {
    throw new InputError(
      input,
      'lists no path',
      'List at least one file or glob, for example dvc.lock.',
    );
  }
  return specs;
}

/**
 * isValidBranchName applies git's rules to `refs/heads/<name>` (git-check-ref-format: the answer of
 * `git check-ref-format refs/heads/<name>`, without starting git): no `..`, `@{`, `//`, control
 * characters, space or any of `~^:?*[\`; no part that starts with `.` or ends with `.lock`; no
 * leading or trailing `/`, no trailing `.`.
 */
export function isValidBranchName(name: string): boolean {
  if (!name || name.startsWith('/') || name.endsWith('/') || name.endsWith('.')) return false;
  if (name.includes('..') || name.includes('@{') || name.includes('//')) return false;
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return false;
  return name.split('/').every((part) => !part.startsWith('.') && !part.endsWith('.lock'));
}
