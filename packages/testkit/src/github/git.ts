// Plumbing on the bare repositories that back the local GitHub, through the real git CLI.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The result of one git invocation. */
interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A git command that exited non-zero. */
export class GitCommandError extends Error {
  readonly args: readonly string[];
  readonly result: GitResult;

  constructor(args: readonly string[], result: GitResult) {
    super(`git ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
    this.name = 'GitCommandError';
    this.args = args;
    this.result = result;
  }
}

// Variables that would point git at another repository, index or config than the one we name.
const INHERITED_GIT_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
];

function gitEnv(gitDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_GIT_VARIABLES) delete env[name];
  return { ...env, GIT_DIR: gitDir, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...extra };
}

/** Runs git on a bare repository with an argv array; optional stdin and extra environment. */
export function runGit(
  gitDir: string,
  args: readonly string[],
  options: { input?: Buffer | string; env?: Record<string, string>; allowFailure?: boolean } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      env: gitEnv(gitDir, options.env ?? {}),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const result = {
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (result.code !== 0 && !options.allowFailure) reject(new GitCommandError(args, result));
      else resolve(result);
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Resolves a revision to a commit id, or undefined when it names no commit. */
export async function resolveCommit(gitDir: string, rev: string): Promise<string | undefined> {
  const result = await runGit(gitDir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
    allowFailure: true,
  });
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** Counts commits and changed lines between two commits, as a pull request shows them. */
export async function diffStats(
  gitDir: string,
  base: string,
  head: string,
): Promise<{ commits: number; additions: number; deletions: number; changedFiles: number }> {
  const count = await runGit(gitDir, ['rev-list', '--count', `${base}..${head}`]);
  const numstat = await runGit(gitDir, ['diff', '--numstat', `${base}...${head}`]);
  let additions = 0;
  let deletions = 0;
  let changedFiles = 0;
  for (const line of numstat.stdout.split('\n')) {
    const [added, deleted] = line.split('\t');
    if (added === undefined || deleted === undefined) continue;
    changedFiles++;
    additions += Number.parseInt(added, 10) || 0;
    deletions += Number.parseInt(deleted, 10) || 0;
  }
  return { commits: Number.parseInt(count.stdout.trim(), 10), additions, deletions, changedFiles };
}

const ZERO_OID = '0'.repeat(40);

/** One change of a commit made through the API: a file written with these bytes, or removed. */
export type FileChange = { path: string; contents: Buffer } | { path: string; delete: true };

/** Author and committer identity of a commit made through the API. */
export interface CommitIdentity {
  name: string;
  email: string;
}

/** Why `commitOnBranch` refused: the branch moved, it is missing, or a change is impossible. */
export class CommitRefusedError extends Error {
  readonly reason: 'stale' | 'missing-branch' | 'missing-path';

  constructor(reason: 'stale' | 'missing-branch' | 'missing-path', message: string) {
    super(message);
    this.name = 'CommitRefusedError';
    this.reason = reason;
  }
}

/** Tells whether a path is one GitHub would accept in a commit: relative, no `.`/`..` parts. */
export function isCommittablePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\0')) return false;
  return path
    .split('/')
    .every((part) => part !== '' && part !== '.' && part !== '..' && part !== '.git');
}

/**
 * Creates a commit on a branch from file changes on top of `expectedHead` and moves the branch,
 * atomically: the branch update fails when the branch no longer points at `expectedHead`.
 */
export async function commitOnBranch(input: {
  gitDir: string;
  branch: string;
  expectedHead: string;
  changes: FileChange[];
  message: string;
  author: CommitIdentity;
  committer: CommitIdentity;
}): Promise<string> {
  const { gitDir, branch } = input;
  const ref = `refs/heads/${branch}`;
  const head = await resolveCommit(gitDir, ref);
  if (!head) {
    throw new CommitRefusedError('missing-branch', `A ref named "${ref}" does not exist.`);
  }
  if (head !== input.expectedHead.toLowerCase()) {
    throw new CommitRefusedError(
      'stale',
      `Expected branch to point to "${input.expectedHead}" but it did not. Pull and try again.`,
    );
  }
  const scratch = await mkdtemp(join(tmpdir(), 'local-github-index-'));
  try {
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    await runGit(gitDir, ['read-tree', head], { env });
    const listed = await runGit(gitDir, ['ls-files', '-z', '--cached'], { env });
    const tracked = new Set(listed.stdout.split('\0').filter((p) => p !== ''));
    const records: string[] = [];
    for (const change of input.changes) {
      if ('delete' in change) {
        if (!tracked.has(change.path)) {
          throw new CommitRefusedError(
            'missing-path',
            `A path was requested for deletion which does not exist as of commit oid \`${head}\``,
          );
        }
        records.push(`0 ${ZERO_OID}\t${change.path}`);
      } else {
        const blob = await runGit(gitDir, ['hash-object', '-w', '--stdin'], {
          input: change.contents,
        });
        records.push(`100644 blob ${blob.stdout.trim()}\t${change.path}`);
      }
    }
    // --index-info works without a work tree (a bare repository has none); -z allows any path.
    await runGit(gitDir, ['update-index', '-z', '--index-info'], {
      env,
      input: records.map((r) => `${r}\0`).join(''),
    });
    const tree = (await runGit(gitDir, ['write-tree'], { env })).stdout.trim();
    const commit = (
      await runGit(gitDir, ['commit-tree', '--no-gpg-sign', tree, '-p', head, '-F', '-'], {
        input: input.message,
        env: {
          GIT_AUTHOR_NAME: input.author.name,
          GIT_AUTHOR_EMAIL: input.author.email,
          GIT_COMMITTER_NAME: input.committer.name,
          GIT_COMMITTER_EMAIL: input.committer.email,
        },
      })
    ).stdout.trim();
    const moved = await runGit(gitDir, ['update-ref', ref, commit, head], { allowFailure: true });
    if (moved.code !== 0) {
      throw new CommitRefusedError(
        'stale',
        `Expected branch to point to "${input.expectedHead}" but it did not. Pull and try again.`,
      );
    }
    return commit;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
