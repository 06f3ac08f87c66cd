// Real git repositories for the commit tests: a bare `origin` on disk, clones made the way
// actions/checkout makes them (also the pull_request merge ref, detached, --depth=1), and helpers
// to commit and push from a second clone, as another run or a person would.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Identity and settings every fixture git command runs with, whatever the machine's config. */
export const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Fixture Person',
  GIT_AUTHOR_EMAIL: 'person@example.com',
  GIT_COMMITTER_NAME: 'Fixture Person',
  GIT_COMMITTER_EMAIL: 'person@example.com',
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** git runs one git command and returns its trimmed stdout. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd,
    env: gitEnv,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: { stderr?: string; message: string }) => {
    throw new Error(`git ${args.join(' ')} in ${cwd}: ${e.stderr || e.message}`);
  });
  return stdout.trim();
}

/** A new temporary folder. */
export function tempDir(prefix = 'commit-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** writeFiles writes files (making folders) under a root. */
export async function writeFiles(
  root: string,
  files: Record<string, string | Buffer>,
): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** read returns a file of a work tree as text. */
export function read(root: string, path: string): Promise<string> {
  return readFile(join(root, path), 'utf8');
}

/** A bare origin and a clone of it to make commits "from elsewhere". */
export interface Origin {
  bare: string;
  /** A full clone with push access, for seeding and for commits by someone else. */
  seed: string;
}

/** makeOrigin creates a bare repository whose `main` holds `files`. */
export async function makeOrigin(files: Record<string, string | Buffer>): Promise<Origin> {
  const root = await tempDir('commit-origin-');
  const bare = join(root, 'origin.git');
  const seed = join(root, 'seed');
  await git(root, 'init', '-q', '--bare', '--initial-branch=main', bare);
  await git(root, 'init', '-q', '--initial-branch=main', seed);
  await git(seed, 'remote', 'add', 'origin', bare);
  await writeFiles(seed, files);
  await git(seed, 'add', '-A');
  await git(seed, 'commit', '-q', '-m', 'Initial commit');
  await git(seed, 'push', '-q', 'origin', 'main');
  return { bare, seed };
}

/** commitOn commits files on a branch of the origin from the seed clone and pushes it; returns the SHA. */
export async function commitOn(
  origin: Origin,
  branch: string,
  files: Record<string, string | Buffer>,
  message = `Change ${Object.keys(files).join(', ')}`,
  from?: string,
): Promise<string> {
  const { seed } = origin;
  await git(seed, 'fetch', '-q', 'origin');
  const exists = await git(seed, 'ls-remote', '--heads', 'origin', branch);
  await git(
    seed,
    'checkout',
    '-q',
    '-B',
    branch,
    exists ? `origin/${branch}` : (from ?? 'origin/main'),
  );
  await writeFiles(seed, files);
  await git(seed, 'add', '-A');
  await git(seed, 'commit', '-q', '-m', message);
  await git(seed, 'push', '-q', 'origin', `${branch}:refs/heads/${branch}`);
  return git(seed, 'rev-parse', 'HEAD');
}

/** mergeRef makes `refs/pull/<n>/merge` (base first parent, head second) and `refs/pull/<n>/head`. */
export async function mergeRef(
  origin: Origin,
  n: number,
  base: string,
  head: string,
): Promise<string> {
  const { seed } = origin;
  await git(seed, 'fetch', '-q', 'origin');
  await git(seed, 'checkout', '-q', '--detach', `origin/${base}`);
  await git(
    seed,
    'merge',
    '-q',
    '--no-ff',
    '--no-edit',
    '-m',
    `Merge ${head} into ${base}`,
    `origin/${head}`,
  );
  const merge = await git(seed, 'rev-parse', 'HEAD');
  await git(
    seed,
    'push',
    '-q',
    'origin',
    `${merge}:refs/pull/${n}/merge`,
    `origin/${head}:refs/pull/${n}/head`,
  );
  return merge;
}

/**
 * checkout clones the origin the way actions/checkout does (fetch-depth 1 by default): a branch
 * name is checked out as a local branch; `refs/pull/N/merge` and a SHA are checked out detached.
 */
export async function checkout(
  origin: Origin,
  ref: string,
  options: { depth?: number; dir?: string } = {},
): Promise<string> {
  const dir = options.dir ?? (await tempDir('commit-ws-'));
  const depth = options.depth === 0 ? [] : [`--depth=${options.depth ?? 1}`];
  await git(dir, 'init', '-q');
  await git(dir, 'remote', 'add', 'origin', origin.bare);
  if (/^[0-9a-f]{40}$/.test(ref)) {
    await git(dir, 'fetch', '-q', '--no-tags', ...depth, 'origin', ref);
    await git(dir, 'checkout', '-q', '--detach', 'FETCH_HEAD');
  } else if (ref.startsWith('refs/pull/')) {
    const local = ref.replace(/^refs\/pull\//, 'refs/remotes/pull/');
    await git(
      dir,
      'fetch',
      '-q',
      '--no-tags',
      '--prune',
      '--no-recurse-submodules',
      ...depth,
      'origin',
      `+${ref}:${local}`,
    );
    await git(dir, 'checkout', '-q', '--force', local);
  } else {
    await git(
      dir,
      'fetch',
      '-q',
      '--no-tags',
      ...depth,
      'origin',
      `+refs/heads/${ref}:refs/remotes/origin/${ref}`,
    );
    await git(dir, 'checkout', '-q', '--force', '-B', ref, `refs/remotes/origin/${ref}`);
  }
  return dir;
}

/** show returns a file's text at a revision of a repository (bare or not). */
export function show(repo: string, rev: string, path: string): Promise<string> {
  return git(repo, 'show', `${rev}:${path}`);
}

/** log lists `sha subject` lines of a revision's history, newest first. */
export async function log(repo: string, rev: string): Promise<string[]> {
  return (await git(repo, 'log', '--format=%H %s', rev)).split('\n').filter(Boolean);
}
