// commitWorkTree: what the commit action does. It finds what changed under `paths` in the
// checkout, works out which branch and which commit the change belongs on (the pull request head,
// also when actions/checkout checked out the merge commit), decides whether a push can succeed at
// all (fork, read-only token), and hands the files to commitFilesToBranch.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Git } from '../git.ts';
import { ActionError, InputError } from '../pure/errors.ts';
import type { EventContext } from '../pure/event.ts';
import { redactUrl } from '../pure/redact.ts';
import { group, info, warning } from '../runtime.ts';
import {
  type CommitProgress,
  commitFilesToBranch,
  type FileChange,
  type FileContent,
} from './branch.ts';
import { sameIgnoringEol } from './eol.ts';
import { defaultMessage, type Identity } from './message.ts';
import { Scratch } from './objects.ts';
import { toPathspecs } from './paths.ts';

/** What the commit action was asked to do, with the run's event context. */
export interface CommitWorkTreeOptions {
  /** The checkout (GITHUB_WORKSPACE or a folder inside the repository). */
  cwd: string;
  /** Files and globs, relative to `cwd`, as the user listed them. */
  paths: string[];
  /** Name of the input the paths came from, for error messages; default `paths`. */
  pathsInput?: string;
  /** A paths entry that matches no file is an error (else a warning naming it). */
  failOnMissing?: boolean;
  /** Target branch; default the pull request head branch, else the current branch. */
  branch?: string;
  /** Default: names the files and carries `[skip ci]`. */
  message?: string;
  author: Identity;
  committer: Identity;
  attempts: number;
  signed: boolean;
  token?: string;
  context: EventContext;
  remote?: string;
  /** Backoff seams, passed on to commitFilesToBranch. */
  baseDelayMs?: number;
  onProgress?: (event: CommitProgress) => void | Promise<void>;
}

/** Why nothing was pushed although there was something to push. */
export interface NoPush {
  reason: 'fork' | 'permission' | 'denied';
  detail: string;
}

/** The merge commit actions/checkout made for a pull request, when the files were produced on it. */
export interface MergeResult {
  merge: string;
  head: string;
  headRef: string;
  baseRef: string;
  number: number;
}

/** What commitWorkTree did, for outputs and the job summary. */
export interface CommitWorkTreeResult {
  committed: boolean;
  pushed: boolean;
  sha: string | undefined;
  parent: string | undefined;
  branch: string;
  /** Files the commit changes (or would have, when nothing could be pushed). */
  files: FileChange[];
  /** Files whose only change was their line endings. */
  eolOnly: string[];
  /** Files under `paths` that .gitignore excludes, so they were not committed. */
  ignored: string[];
  /** The branch already had these contents. */
  alreadyOnBranch: boolean;
  mergeResult: MergeResult | undefined;
  noPush: NoPush | undefined;
  created: boolean;
  attempts: number;
  keptRef: string | undefined;
  signed: boolean;
}

function splitZ(text: string): string[] {
  return text.split('\0').filter(Boolean);
}

async function rawParents(git: Git, commit: string): Promise<string[]> {
  // Read from the object itself: in a shallow clone the parents are not there to resolve HEAD^2.
  const text = await git.run(['cat-file', 'commit', commit]);
  const parents: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') break;
    if (line.startsWith('parent ')) parents.push(line.slice(7).trim());
  }
  return parents;
}

/** changedPaths lists files under the pathspecs that differ from HEAD, untracked ones included. */
async function changedPaths(
  git: Git,
  specs: string[],
): Promise<{ changed: FileChange[]; ignored: string[] }> {
  const out = async (args: string[]) => (await git.exec(args)).stdout;
  const [diff, untracked, ignored] = await Promise.all([
    out([
      'diff',
      '--name-status',
      '-z',
      '--no-renames',
      '--ignore-submodules',
      'HEAD',
      '--',
      ...specs,
    ]),
    out(['ls-files', '-z', '--others', '--exclude-standard', '--', ...specs]),
    out(['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--', ...specs]),
  ]);
  const changes = new Map<string, FileChange['change']>();
  const fields = splitZ(diff);
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]![0];
    changes.set(fields[i + 1]!, status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified');
  }
  for (const path of splitZ(untracked)) changes.set(path, 'added');
  const changed = [...changes]
    .map(([path, change]) => ({ path, change }))
    .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return { changed, ignored: splitZ(ignored).sort() };
}

/** dropEolOnly removes files that differ from HEAD only in their line endings. */
async function dropEolOnly(
  git: Git,
  gitDir: string,
  root: string,
  files: FileChange[],
): Promise<{ kept: FileChange[]; eolOnly: string[] }> {
  const modified = files.filter((f) => f.change === 'modified').map((f) => f.path);
  if (modified.length === 0) return { kept: files, eolOnly: [] };
  const scratch = await Scratch.open(git, gitDir);
  try {
    const head = await scratch.entries('HEAD', modified);
    const eolOnly: string[] = [];
    for (const path of modified) {
      const entry = head.get(path);
      const now = await readFile(join(root, path)).catch(() => undefined);
      if (!entry || !now || !entry.mode.startsWith('100')) continue;
      if (sameIgnoringEol(now, await scratch.readBlob(entry.oid))) eolOnly.push(path);
    }
    return { kept: files.filter((f) => !eolOnly.includes(f.path)), eolOnly };
  } finally {
    await scratch.close();
  }
}

/**
 * checkPathsMatch finds the `paths` entries that match no file at all, in the work tree (ignored
 * files too) or the index (a deleted file still matches): a typo such as `dvc.lok` would otherwise
 * commit nothing in silence. A warning names each, or an error with `fail-on-missing`.
 */
async function checkPathsMatch(
  git: Git,
  input: string,
  entries: readonly string[],
  specs: readonly string[],
  failOnMissing: boolean,
): Promise<void> {
  const shown = entries.map((e) => e.trim()).filter(Boolean);
  const matches = await Promise.all(
    specs.map(
      async (spec) =>
        (await git.exec(['ls-files', '-z', '--cached', '--others', '--', spec])).stdout.length > 0,
    ),
  );
  const missing = shown.filter((_, i) => !matches[i]);
  if (!missing.length) return;
  const list = missing.map((m) => `'${m}'`).join(', ');
  const what = `${missing.length === 1 ? 'has' : 'has entries'} ${list}, which ${missing.length === 1 ? 'matches' : 'match'} no file in the work tree or the index`;
  if (failOnMissing) {
    throw new InputError(
      input,
      what,
      'Fix the path (relative to working-directory), or set fail-on-missing to false to go on with a warning.',
    );
  }
  warning(
    `input '${input}' ${what}: nothing under ${missing.length === 1 ? 'it' : 'them'} is committed`,
  );
}

/**
 * checkCredentials fails before anything is written when a push over HTTP(S) cannot carry any
 * credentials: no token, none in the URL, no header actions/checkout persisted, no credential
 * helper. Git itself would end in "could not read Username".
 */
async function checkCredentials(
  git: Git,
  remote: string,
  token: string | undefined,
): Promise<void> {
  if (token) return;
  const url = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(remote)
    ? await git.tryRun(['remote', 'get-url', '--push', remote])
    : remote;
  if (!url || !/^https?:\/\//i.test(url)) return;
  if (/^https?:\/\/[^/@]+@/i.test(url)) return;
  const [header, helper, askpass] = await Promise.all([
    git.tryRun(['config', '--get-urlmatch', 'http.extraheader', url]),
    git.tryRun(['config', '--get-urlmatch', 'credential.helper', url]),
    git.tryRun(['config', '--get', 'core.askPass']),
  ]);
  if (header || helper || askpass || process.env['GIT_ASKPASS']) return;
  throw new ActionError(
    `the token input is empty, and git has no stored credentials for ${redactUrl(url)}: the push cannot authenticate`,
    {
      hint: 'A push over HTTPS needs a token with contents: write: leave token at its default (github.token) and give the job permissions: contents: write, pass a secret, or check out with persist-credentials: true',
    },
  );
}

/**
 * commitWorkTree commits the changes under `paths` in the checkout to the right branch and pushes
 * them safely (see commitFilesToBranch). On a pull_request checkout of the merge commit, the commit
 * goes on top of the pull request head, never on the merge commit. A fork, or a token GitHub says
 * cannot push, gets no push attempt: `noPush` says why.
 */
export async function commitWorkTree(
  options: CommitWorkTreeOptions,
): Promise<CommitWorkTreeResult> {
  const { context } = options;
  const pr = context.pullRequest;
  const probe = new Git(options.cwd);
  const location = await probe.tryRun(['rev-parse', '--show-toplevel', '--absolute-git-dir']);
  if (!location) {
    throw new ActionError(`${options.cwd} is not inside a git repository`, {
      hint: 'Check out the repository first (actions/checkout).',
    });
  }
  const [root = '', gitDir = ''] = location.split('\n');
  const git = new Git(root);
  const pathsInput = options.pathsInput ?? 'paths';
  const specs = toPathspecs(pathsInput, options.paths, options.cwd, root);
  await checkPathsMatch(git, pathsInput, options.paths, specs, options.failOnMissing === true);
  const [head, current, found] = await Promise.all([
    git.revParse('HEAD'),
    git.currentBranch(),
    group('Finding changes', async () => {
      const { changed, ignored } = await changedPaths(git, specs);
      const { kept, eolOnly } = await dropEolOnly(git, gitDir, root, changed);
      for (const { path, change } of kept) info(`${change}: ${path}`);
      for (const path of eolOnly) info(`line endings only (not a change): ${path}`);
      return { changed: kept, ignored, eolOnly };
    }),
  ]);
  if (!head) {
    throw new ActionError('the repository has no commit checked out', {
      hint: 'Check out a branch or commit first (actions/checkout).',
    });
  }
  if (found.ignored.length) {
    const shown = found.ignored.slice(0, 5).join(', ');
    warning(
      `${found.ignored.length} file(s) under paths are ignored by .gitignore and were not committed: ${shown}${found.ignored.length > 5 ? ', …' : ''}`,
    );
  }

  // Which branch, and which commit of it the work tree was made from.
  const branch = options.branch || pr?.headRef || current || context.branch;
  if (!branch) {
    throw new ActionError(
      'cannot tell which branch to commit to: HEAD is detached and the event names no branch',
      {
        hint: 'Set the branch input.',
      },
    );
  }
  const own = branch === (pr ? pr.headRef : (current ?? context.branch));
  let mergeResult: MergeResult | undefined;
  let start = head;
  if (pr?.headSha && head !== pr.headSha && (await rawParents(git, head)).includes(pr.headSha)) {
    mergeResult = {
      merge: head,
      head: pr.headSha,
      headRef: pr.headRef,
      baseRef: pr.baseRef,
      number: pr.number,
    };
    start = pr.headSha;
  }

  const base: CommitWorkTreeResult = {
    committed: false,
    pushed: false,
    sha: undefined,
    parent: undefined,
    branch,
    files: found.changed,
    eolOnly: found.eolOnly,
    ignored: found.ignored,
    alreadyOnBranch: false,
    mergeResult,
    noPush: undefined,
    created: false,
    attempts: 0,
    keptRef: undefined,
    signed: options.signed,
  };
  if (found.changed.length === 0) {
    info(`Nothing changed under ${options.paths.join(', ')}: nothing to commit.`);
    return { ...base, files: [] };
  }

  if (!(own && pr?.isFork)) await checkCredentials(git, options.remote ?? 'origin', options.token);

  if (own && pr?.isFork) {
    return {
      ...base,
      noPush: {
        reason: 'fork',
        detail: `the pull request comes from the fork ${pr.headRepo || '(deleted)'}, whose branch this token cannot push to`,
      },
    };
  }
  if (options.token && context.owner && context.repo) {
    const { canPush } = await import('./permissions.ts');
    if ((await canPush(options.token, context.apiUrl, context.owner, context.repo)) === false) {
      return {
        ...base,
        noPush: {
          reason: 'permission',
          detail: `the token has no write access to ${context.owner}/${context.repo} (give the job permissions: contents: write)`,
        },
      };
    }
  }

  // A commit step earlier in the job may have pushed part of these changes already, from this
  // same checkout: rebase from that commit, or a file committed twice in one job would conflict
  // with itself.
  const pushedRef = `refs/mlops-actions/pushed/${branch}`;
  const pushedFromRef = `refs/mlops-actions/pushed-from/${branch}`;
  let changedFrom = start;
  if (own) {
    const [pushed, pushedFrom] = await Promise.all([
      git.revParse(pushedRef),
      git.revParse(pushedFromRef),
    ]);
    if (pushed && pushedFrom === start) changedFrom = pushed;
  }

  const files = new Map<string, FileContent>(
    found.changed.map(({ path }) => [path, { workTree: true }]),
  );
  const message = options.message || defaultMessage(found.changed.map((f) => f.path));
  const result = await group(`Committing to ${branch}`, () =>
    commitFilesToBranch({
      cwd: root,
      branch,
      files,
      message,
      author: options.author,
      committer: options.committer,
      remote: options.remote ?? 'origin',
      ...(options.token ? { token: options.token } : {}),
      // On its own branch the change is rebased from the commit it was made on; on another branch
      // the files are written over that branch's tip.
      ...(own ? { start: changedFrom } : {}),
      createFrom: start,
      attempts: options.attempts,
      ...(options.baseDelayMs !== undefined ? { baseDelayMs: options.baseDelayMs } : {}),
      ...(options.signed && options.token
        ? {
            signed: {
              token: options.token,
              apiUrl: context.apiUrl,
              repository: `${context.owner}/${context.repo}`,
            },
          }
        : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    }),
  );
  if (result.pushed && result.sha) {
    await git.tryRun(['update-ref', '--stdin'], {
      input: `update ${pushedRef} ${result.sha}\nupdate ${pushedFromRef} ${start}\n`,
    });
  }
  return {
    ...base,
    committed: result.committed,
    pushed: result.pushed,
    sha: result.sha,
    parent: result.parent,
    files: result.committed ? result.changes : base.files,
    alreadyOnBranch: !result.committed,
    noPush: result.denied ? { reason: 'denied', detail: result.denied } : undefined,
    created: result.created,
    attempts: result.attempts,
    keptRef: result.keptRef,
  };
}
