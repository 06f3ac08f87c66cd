// commitFilesToBranch: put files on a branch of a remote, safely under races. The commit is built
// with plumbing (mktree or a temporary index, commit-tree), so the work tree, the index and HEAD of
// the repository it runs in are never touched, and the branch need not be the checked-out one.
// Every push is conditional on the branch still being the new commit's parent (a lease on the
// parent: a fast-forward by construction, never a forced update). When it is refused because
// someone pushed first, the change is rebased onto the new tip with a three-way merge of each file
// and pushed again after a jittered backoff.
//
// The steps, one function each, composed by publishWithRetries: locate (where, which remote, which
// start), readContents, fetchTip (skipped on the first try when `start` is known), buildFirst/build,
// placeOnTip (rebase or conflict), publish (push or createCommitOnBranch), published.
import { lstatSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { ExecResult } from '../exec.ts';
import { Git } from '../git.ts';
import { ActionError } from '../pure/errors.ts';
import { redactUrl } from '../pure/redact.ts';
import { backoffDelay } from '../pure/retry.ts';
import { info, setSecret } from '../runtime.ts';
import { gitAuth } from './auth.ts';
import { isBinary, matchEolStyle, sameIgnoringEol } from './eol.ts';
import { GITHUB_ACTIONS_BOT, type Identity } from './message.ts';
import { type GitObject, Scratch, type TreeEntry } from './objects.ts';
import { isCommittablePath, isValidBranchName } from './paths.ts';
import type { PublishOutcome, SignedPublishing } from './publishing.ts';
import { classifyPushFailure, type PushFailure } from './push-result.ts';

/**
 * Where a file's new content comes from: text (UTF-8), bytes, the file as it is now in the work
 * tree (`git add` semantics: clean filters, executable bit, symlinks; a missing file is deleted),
 * or null to delete the file.
 */
export type FileContent = string | Uint8Array | { workTree: true } | null;

/** How a file changed in the commit. */
export interface FileChange {
  path: string;
  change: 'added' | 'modified' | 'deleted';
}

/** Where commitFilesToBranch is in its work, for progress logs (and tests that race it). */
export type CommitProgress =
  | { kind: 'fetched'; attempt: number; tip: string | undefined }
  | { kind: 'publishing'; attempt: number; commit: string; parent: string | undefined }
  | { kind: 'retrying'; attempt: number; delayMs: number; reason: string };

/**
 * What the caller already asked git about the repository, so that commitFilesToBranch does not ask
 * again (every git process costs a few milliseconds).
 */
export interface KnownRepository {
  /** The work tree's root (`rev-parse --show-toplevel`). */
  root: string;
  /** `rev-parse --absolute-git-dir`. */
  gitDir: string;
  shallow: boolean;
  /** The push URL of the remote (`remote get-url --push`), or the remote when it is a URL. */
  pushUrl: string;
  /** `start` as a full commit SHA. */
  startCommit?: string;
  /** The tree entries of `startCommit` at the paths committed (a path it lacks is absent). */
  startEntries?: ReadonlyMap<string, TreeEntry>;
  /** Objects already read (see Scratch.cached). */
  objects?: ReadonlyMap<string, GitObject>;
}

/** What to commit where, and how hard to try. */
export interface CommitFilesOptions {
  /** A directory inside the git repository whose objects and remote are used. */
  cwd: string;
  /** The branch to commit to (without refs/heads/); it need not be checked out. */
  branch: string;
  /** Repository-relative paths (forward slashes) and their new content. */
  files: Record<string, FileContent> | ReadonlyMap<string, FileContent>;
  message: string;
  /** Default: github-actions[bot]. Ignored by `signed`, where GitHub sets the identity. */
  author?: Identity;
  /** Default: the author. */
  committer?: Identity;
  /** Remote name or URL; default `origin`. */
  remote?: string;
  /** Sent as an HTTP Authorization header to an HTTP(S) remote (never put in the URL). */
  token?: string;
  /**
   * The commit the new contents were made from, which must be on the branch: the change is what
   * differs between it and the files, rebased onto the branch tip. Without it the files are
   * written over the tip as they are.
   */
  start?: string;
  /** When the branch does not exist: the parent of its first commit (default: `start`). */
  createFrom?: string;
  /** When the branch does not exist and there is no `createFrom`/`start`: start it with no parent. */
  orphan?: boolean;
  /** How many times to publish before giving up when the branch keeps moving; default 5. */
  attempts?: number;
  /** First backoff delay in ms (the jittered delay doubles per retry); default 1000. */
  baseDelayMs?: number;
  /** Longest backoff delay in ms; default 15000. */
  maxDelayMs?: number;
  /** Publish through GitHub's GraphQL `createCommitOnBranch` instead of `git push`. */
  signed?: SignedPublishing;
  /** false: build the commit and keep it locally (at `keptRef`), publish nothing. Default true. */
  push?: boolean;
  /** Called at each step; awaited, so a caller may act before the commit is published. */
  onProgress?: (event: CommitProgress) => void | Promise<void>;
  /** What the caller already knows about the repository (from its own git calls). */
  known?: KnownRepository;
  /** Test seams for the backoff. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** What commitFilesToBranch did. */
export interface CommitFilesResult {
  /** A commit with changes was made (pushed, or kept locally at `keptRef`). */
  committed: boolean;
  /** The commit is on the remote branch. */
  pushed: boolean;
  /** The commit made; when nothing changed, the branch tip (or undefined when there is none). */
  sha: string | undefined;
  /** The commit it went on top of (undefined for a root commit). */
  parent: string | undefined;
  branch: string;
  /** The branch did not exist and the push created it. */
  created: boolean;
  /** How many times a commit was published or tried. */
  attempts: number;
  /** Files the commit changes. */
  changes: FileChange[];
  /** Files whose content the branch already had (line endings aside). */
  unchanged: string[];
  /** When not pushed: the local ref that keeps the commit, so nothing is lost. */
  keptRef?: string;
  /** When the token may not write: what the server said. */
  denied?: string;
}

/** CommitConflictError: a file was changed on the branch in the same lines as this change. */
export class CommitConflictError extends ActionError {
  readonly path: string;
  /** The commit on the branch that last changed the file. */
  readonly conflictingCommit: string;
  /** This change's commit, kept at `keptRef`. */
  readonly localCommit: string;
  readonly keptRef: string;

  constructor(
    branch: string,
    path: string,
    conflicting: { sha: string; subject: string; author: string },
    localCommit: string,
    keptRef: string,
  ) {
    super(
      `${path} conflicts with commit ${conflicting.sha.slice(0, 12)} on ${branch} ` +
        `("${conflicting.subject}" by ${conflicting.author}), which changed the same lines; nothing was pushed`,
      {
        hint:
          `This run's commit ${localCommit.slice(0, 12)} is kept at ${keptRef} in the workspace. ` +
          `Re-run the workflow on the new head of ${branch}, or apply it by hand: ` +
          `git fetch origin ${branch} && git cherry-pick ${localCommit.slice(0, 12)}`,
      },
    );
    this.name = 'CommitConflictError';
    this.path = path;
    this.conflictingCommit = conflicting.sha;
    this.localCommit = localCommit;
    this.keptRef = keptRef;
  }
}

interface NewContent {
  bytes?: Buffer;
  mode?: string;
  /** Apply the repository's clean filters for this path (work-tree files). */
  filtered: boolean;
}

const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const FULL_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

function fileMap(files: CommitFilesOptions['files']): Map<string, FileContent> {
  return files instanceof Map ? new Map(files) : new Map(Object.entries(files));
}

function readWorkTree(root: string, path: string): NewContent | null {
  const full = join(root, path);
  let stat: Stats;
  try {
    stat = lstatSync(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
  if (stat.isSymbolicLink()) {
    return { bytes: Buffer.from(readlinkSync(full), 'utf8'), mode: '120000', filtered: false };
  }
  if (!stat.isFile()) {
    throw new ActionError(`${path} is not a regular file`, {
      hint: 'List files (or globs that match files) to commit.',
    });
  }
  // The owner's execute bit, as git reads it.
  const mode = stat.mode & 0o100 ? '100755' : '100644';
  return { bytes: readFileSync(full), mode, filtered: true };
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Everything the steps of one commitFilesToBranch share: where, with which credentials, what. */
interface Run {
  options: CommitFilesOptions;
  branch: string;
  remote: string;
  root: string;
  shallow: boolean;
  git: Git;
  /** Git with the token's header in its environment, for fetch and push. */
  net: Git;
  secrets: string[];
  /** Where a fetch puts the branch tip (also moved by a push to a named remote). */
  trackingRef: string;
  /** Where an unpublished commit is kept. */
  keptRef: string;
  /** The branch and remote, for messages (no credentials). */
  where: string;
  attempts: number;
  author: Identity;
  committer: Identity;
  startCommit: string | undefined;
  startEntries: ReadonlyMap<string, TreeEntry> | undefined;
  scratch: Scratch;
  /** The new contents, read once: the work tree may change while we retry. */
  wanted: Map<string, NewContent | null>;
  paths: string[];
}

/** This run's change, built on the commit the contents were made from (or on the tip). */
interface Built {
  base: { commit: string | undefined; tree: string | undefined };
  change?: { commit: string; entries: Map<string, TreeEntry | null>; changes: FileChange[] };
  unchanged: string[];
}

/** The commit to publish, on top of the tip it was placed on. */
interface Placed {
  commit: string;
  parent: string | undefined;
  changes: FileChange[];
}

/**
 * locate answers, once and in parallel, where the repository is, where the remote is and which
 * commit `start` names, unless the caller already knows (`known`); and checks the branch name and
 * the paths without starting git.
 */
async function locate(options: CommitFilesOptions, branch: string, remote: string) {
  if (!branch || !isValidBranchName(branch)) {
    throw new ActionError(`'${options.branch}' is not a valid branch name`, {
      hint: 'Give a branch name such as main or feature/x.',
    });
  }
  if (options.known) return options.known;
  const probe = new Git(options.cwd);
  const [location, pushUrl, startCommit] = await Promise.all([
    probe.tryRun(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository']),
    REMOTE_NAME.test(remote)
      ? probe.tryRun(['remote', 'get-url', '--push', remote])
      : Promise.resolve(remote),
    options.start ? probe.revParse(options.start) : Promise.resolve(undefined),
  ]);
  if (!location) {
    throw new ActionError(`${options.cwd} is not inside a git repository`, {
      hint: 'Check out the repository first (actions/checkout).',
    });
  }
  if (pushUrl === undefined) {
    throw new ActionError(`the repository has no remote named '${remote}'`, {
      hint: 'Check out the repository with actions/checkout, or add the remote first.',
    });
  }
  const [root = '', gitDir = '', shallowText] = location.split('\n');
  const known: KnownRepository = { root, gitDir, shallow: shallowText === 'true', pushUrl };
  if (startCommit) known.startCommit = startCommit;
  return known;
}

/** readContents reads every file's new content once, before anything is built. */
function readContents(
  root: string,
  files: Map<string, FileContent>,
): Map<string, NewContent | null> {
  for (const path of files.keys()) {
    if (!isCommittablePath(path)) {
      throw new ActionError(`'${path}' cannot be committed`, {
        hint: 'Give paths relative to the repository root, without . or .. parts, outside .git.',
      });
    }
  }
  const wanted = new Map<string, NewContent | null>();
  for (const [path, content] of files) {
    if (content === null) wanted.set(path, null);
    else if (typeof content === 'string')
      wanted.set(path, { bytes: Buffer.from(content, 'utf8'), filtered: false });
    else if (content instanceof Uint8Array)
      wanted.set(path, { bytes: Buffer.from(content), filtered: false });
    else wanted.set(path, readWorkTree(root, path));
  }
  return wanted;
}

/** fetchBranch fetches the branch into the tracking ref; a shallow clone gets 50 commits of it. */
function fetchBranch(run: Run): Promise<ExecResult> {
  // Enough history to tell whether `start` is on the branch and which commit a conflict comes
  // from; a full clone is never made shallow.
  return run.net.exec(
    [
      'fetch',
      '--no-tags',
      '--quiet',
      '--no-auto-gc',
      ...(run.shallow ? ['--depth=50'] : []),
      run.remote,
      `+refs/heads/${run.branch}:${run.trackingRef}`,
    ],
    { okCodes: [0, 1, 128], secrets: run.secrets },
  );
}

/** fetchTip fetches the branch and returns its tip, or undefined when it does not exist. */
async function fetchTip(run: Run): Promise<string | undefined> {
  const result = await fetchBranch(run);
  if (result.exitCode === 0) return run.git.revParse(run.trackingRef);
  if (/couldn't find remote ref|no such ref/i.test(result.stderr)) return undefined;
  throw fetchError(result, run.where);
}

/** build makes this run's commit on a base commit (undefined: a root commit). */
async function build(run: Run, baseCommit: string | undefined): Promise<Built> {
  // A commit names its tree for ls-tree and read-tree alike.
  const tree = baseCommit;
  const known = baseCommit && baseCommit === run.startCommit ? run.startEntries : undefined;
  const found = await buildChange(run.scratch, tree, run.wanted, known);
  const base = { commit: baseCommit, tree };
  if (found.entries.size === 0) return { base, unchanged: found.unchanged };
  const newTree = await run.scratch.writeTree(tree, found.entries);
  const commit = await run.scratch.commitTree(
    newTree,
    baseCommit ? [baseCommit] : [],
    run.options.message,
    run.author,
    run.committer,
  );
  return {
    base,
    change: { commit, entries: found.entries, changes: found.changes },
    unchanged: found.unchanged,
  };
}

/**
 * buildFirst builds the change on the commit it belongs on, given the branch tip: on `start` (which
 * must be on the branch), else on the tip, else on the commit a new branch starts from.
 */
async function buildFirst(
  run: Run,
  tip: string | undefined,
  prebuilt: Promise<Built> | undefined,
): Promise<Built> {
  const { options, git, branch } = run;
  if (options.start && !run.startCommit) {
    // A full commit id that the branch tip is needs no look-up (a pull request head, most often).
    run.startCommit =
      options.start === tip && FULL_ID.test(tip) ? tip : await git.revParse(options.start);
  }
  const start = run.startCommit;
  if (tip && options.start) {
    if (!(start && (start === tip || (await isAncestor(git, start, tip))))) {
      throw new ActionError(
        `${branch} no longer contains ${options.start.slice(0, 12)}, the commit these files were made from ` +
          `(its tip is ${tip.slice(0, 12)}: it was force-pushed or rewritten)`,
        { hint: `Re-run the workflow on the new head of ${branch}.` },
      );
    }
    return prebuilt ? await prebuilt : build(run, start);
  }
  if (tip) return build(run, tip);
  const from = options.createFrom ?? options.start;
  if (from) {
    const fromCommit = from === options.start ? start : await git.revParse(from);
    if (!fromCommit) {
      throw new ActionError(`${from} is not a commit in this repository`, {
        hint: 'Fetch it first, or give another commit to start the branch from.',
      });
    }
    return prebuilt && fromCommit === start ? await prebuilt : build(run, fromCommit);
  }
  if (options.orphan) return build(run, undefined);
  throw new ActionError(`branch ${run.where} does not exist`, {
    hint: 'Create the branch first, or let the commit start it (orphan, or a commit to start from).',
  });
}

/**
 * placeOnTip puts the change on the current tip: as built, or rebased with a three-way merge per
 * file. A conflict keeps the commit and throws; undefined when the tip already has the change.
 */
async function placeOnTip(
  run: Run,
  base: Built['base'],
  change: NonNullable<Built['change']>,
  tip: string | undefined,
): Promise<Placed | undefined> {
  if (!tip || tip === base.commit) {
    return { commit: change.commit, parent: base.commit, changes: change.changes };
  }
  const merged = await rebaseChange(run.scratch, base.tree, tip, change.entries);
  if ('conflict' in merged) {
    await keep(run.git, run.keptRef, change.commit);
    const by = await describeConflict(run.git, merged.conflict, base.commit, tip);
    throw new CommitConflictError(run.branch, merged.conflict, by, change.commit, run.keptRef);
  }
  if (merged.entries.size === 0) return undefined;
  const tree = await run.scratch.writeTree(tip, merged.entries);
  const commit = await run.scratch.commitTree(
    tree,
    [tip],
    run.options.message,
    run.author,
    run.committer,
  );
  info(`${run.branch}: rebased onto ${tip.slice(0, 12)} as ${commit.slice(0, 12)}`);
  return { commit, parent: tip, changes: merged.changes };
}

/**
 * publish puts the commit on the branch, on condition that the branch is still `tip`: a push with
 * that expectation, or createCommitOnBranch with it as the expected head.
 */
async function publish(run: Run, placed: Placed, tip: string | undefined): Promise<PublishOutcome> {
  const { options, branch } = run;
  if (!options.signed) return pushCommit(run, placed.commit, tip);
  if (!tip) {
    throw new ActionError(
      `branch ${branch} does not exist, and signed commits go on an existing branch`,
      { hint: 'Create the branch first, or set signed to false.' },
    );
  }
  const { publishSigned } = await import('./signed.ts');
  return publishSigned(options.signed, run.scratch, {
    branch,
    expectedHead: tip,
    entries: await entriesAgainst(run.scratch, tip, placed.commit, run.paths),
    message: options.message,
  });
}

/** published records what the branch now holds in the workspace's refs. */
async function published(run: Run, placed: Placed, sha: string): Promise<void> {
  if (sha !== placed.commit) {
    // GitHub made its own commit: fetch it, so the workspace knows what the branch holds.
    await fetchBranch(run);
  } else if (!REMOTE_NAME.test(run.remote)) {
    // A push to a named remote moves its remote-tracking ref by itself; to a URL it does not.
    await run.git.tryRun(['update-ref', run.trackingRef, sha]);
  }
  info(`${run.branch}: ${sha.slice(0, 12)} published`);
}

/**
 * commitFilesToBranch commits `files` on top of `branch` of a remote and publishes the commit
 * (`git push`, or GitHub's `createCommitOnBranch` with `signed`), retrying with a jittered
 * exponential backoff while the branch keeps moving: each retry fetches the new tip and rebases the
 * change onto it with a three-way merge per file. It never force-pushes, never touches the work
 * tree, index or HEAD, and commits no file outside `files`. A file changed on the branch in the
 * same lines throws a CommitConflictError naming the file and that commit; a token without write
 * access returns `pushed: false` with `denied`. Unpublished commits are kept at `keptRef`.
 *
 * With `start`, the first try pushes straight onto `start` without fetching, on condition that the
 * branch is still there (the common case, where nobody pushed since the checkout): one fetch and
 * its round trip fewer. When the branch has moved, that try is refused, and the usual fetch,
 * rebase and push follow at once.
 */
export async function commitFilesToBranch(options: CommitFilesOptions): Promise<CommitFilesResult> {
  const branch = options.branch.replace(/^refs\/heads\//, '');
  const remote = options.remote ?? 'origin';
  const known = await locate(options, branch, remote);
  const files = fileMap(options.files);
  const wanted = readContents(known.root, files);
  const auth = gitAuth(known.pushUrl, options.token, process.env);
  for (const secret of [options.token, ...auth.secrets]) setSecret(secret);
  const author = options.author ?? GITHUB_ACTIONS_BOT;
  const scratch = await Scratch.open(new Git(known.root), known.gitDir, known.objects);
  const run: Run = {
    options,
    branch,
    remote,
    root: known.root,
    shallow: known.shallow,
    git: new Git(known.root),
    net: new Git(known.root, auth.env),
    secrets: [...(options.token ? [options.token] : []), ...auth.secrets],
    trackingRef: REMOTE_NAME.test(remote)
      ? `refs/remotes/${remote}/${branch}`
      : `refs/mlops-actions/fetched/${branch}`,
    keptRef: `refs/mlops-actions/commit/${branch}`,
    where: `${branch} on ${redactUrl(known.pushUrl)}`,
    attempts: Math.max(1, options.attempts ?? 5),
    author,
    committer: options.committer ?? author,
    startCommit: known.startCommit,
    startEntries: known.startEntries,
    scratch,
    wanted,
    paths: [...wanted.keys()],
  };
  // With a start commit at hand, the commit is built while the branch is fetched, which also
  // keeps the window between fetch and push (where another push can get in) short.
  const prebuilt = run.startCommit ? build(run, run.startCommit) : undefined;
  const early = prebuilt?.catch(() => undefined);
  try {
    return await publishWithRetries(run, prebuilt);
  } finally {
    // A commit still being built in the background must finish before its folder goes.
    await early;
    await scratch.close();
  }
}

/** publishWithRetries is the loop: fetch (or trust `start`), build or rebase, publish, back off. */
async function publishWithRetries(
  run: Run,
  prebuilt: Promise<Built> | undefined,
): Promise<CommitFilesResult> {
  const { options, branch, keptRef } = run;
  const sleep = options.sleep ?? sleepFor;
  const random = options.random ?? Math.random;
  // The first try trusts that the branch is still at `start`, when that can be checked by the
  // publish itself (a conditional push); it is not counted against `attempts` when it is refused.
  const trusting = !!run.startCommit && !options.signed && options.push !== false;
  const tries = run.attempts + (trusting ? 1 : 0);
  let built: Built | undefined;
  let lastCommit: string | undefined;
  let lastFailure: PushFailure | undefined;
  const backoff = async (attempt: number, reason: string): Promise<void> => {
    const delayMs = backoffDelay(
      attempt,
      options.baseDelayMs ?? 1000,
      options.maxDelayMs ?? 15_000,
      random,
    );
    info(`${branch}: ${reason}; trying again in ${(delayMs / 1000).toFixed(1)}s`);
    await options.onProgress?.({ kind: 'retrying', attempt, delayMs, reason });
    await sleep(delayMs);
  };

  for (let attempt = 1; attempt <= tries; attempt++) {
    const trusted = trusting && attempt === 1;
    let tip: string | undefined;
    if (trusted) {
      tip = run.startCommit;
    } else {
      try {
        tip = await fetchTip(run);
      } catch (error) {
        if (!(error instanceof TransientError) || attempt === tries) throw error;
        lastFailure = { kind: 'transient', detail: error.message };
        await backoff(attempt, error.message);
        continue;
      }
      await options.onProgress?.({ kind: 'fetched', attempt, tip });
      info(
        `${branch}: tip ${tip ? tip.slice(0, 12) : '(branch does not exist yet)'} (attempt ${attempt}/${tries})`,
      );
    }

    built ??= await buildFirst(run, tip, prebuilt);
    if (!built.change) {
      info(
        `${branch}: ${run.paths.length === 1 ? run.paths[0] : 'the files'} already as wanted; nothing to commit`,
      );
      return nothingToCommit(run, tip, attempt - 1, built.unchanged);
    }
    const unchanged = built.unchanged;
    const placed = await placeOnTip(run, built.base, built.change, tip);
    if (!placed) {
      info(`${branch}: ${tip?.slice(0, 12)} already has these changes; nothing to commit`);
      return nothingToCommit(run, tip, attempt - 1, run.paths);
    }
    lastCommit = placed.commit;
    const result = (failure?: PushFailure, sha = placed.commit): CommitFilesResult => ({
      committed: true,
      pushed: failure === undefined,
      sha,
      parent: placed.parent,
      branch,
      created: !tip,
      attempts: attempt,
      changes: placed.changes,
      unchanged,
      ...(failure ? { keptRef } : {}),
      ...(failure?.kind === 'denied' ? { denied: failure.detail } : {}),
    });
    if (options.push === false) {
      await keep(run.git, keptRef, placed.commit);
      return { ...result({ kind: 'unknown', detail: 'not pushed' }), keptRef };
    }

    await options.onProgress?.({
      kind: 'publishing',
      attempt,
      commit: placed.commit,
      parent: placed.parent,
    });
    const outcome = await publish(run, placed, tip);
    if (outcome.ok) {
      await published(run, placed, outcome.sha);
      return result(undefined, outcome.sha);
    }
    lastFailure = outcome.failure;
    const { kind, detail } = outcome.failure;
    if (kind === 'denied') {
      await keep(run.git, keptRef, placed.commit);
      return result(outcome.failure);
    }
    if (kind !== 'race' && kind !== 'transient') {
      await keep(run.git, keptRef, placed.commit);
      throw publishError(kind, detail, run.where, placed.commit, keptRef);
    }
    if (trusted && kind === 'race') {
      // Not at `start` any more: fetch it, and check again that it still contains `start`.
      info(`${branch}: moved since ${tip?.slice(0, 12)}; fetching it`);
      built = undefined;
      continue;
    }
    if (attempt < tries)
      await backoff(
        attempt,
        kind === 'race' ? 'the branch moved meanwhile (someone pushed first)' : detail,
      );
  }
  if (lastCommit) await keep(run.git, keptRef, lastCommit);
  throw new ActionError(
    `could not publish to ${run.where} after ${run.attempts} attempts: ${lastFailure?.kind === 'race' ? 'the branch kept moving' : (lastFailure?.detail ?? 'unknown failure')}`,
    {
      hint: `${lastCommit ? `The commit ${lastCommit.slice(0, 12)} is kept at ${keptRef} in the workspace. ` : ''}Raise the number of attempts, or re-run the job.`,
    },
  );
}

function nothingToCommit(
  run: Run,
  tip: string | undefined,
  attempts: number,
  unchanged: string[],
): CommitFilesResult {
  return {
    committed: false,
    pushed: false,
    sha: tip,
    parent: tip,
    branch: run.branch,
    created: false,
    attempts,
    changes: [],
    unchanged,
  };
}

/** A fetch that failed in a way worth another try (network, server error). */
class TransientError extends ActionError {}

function fetchError(result: ExecResult, where: string): ActionError {
  const failure = classifyPushFailure('', result.stderr);
  const message = `could not fetch ${where}: ${failure.detail}`;
  if (failure.kind === 'transient') return new TransientError(message);
  if (failure.kind === 'denied' || failure.kind === 'auth') {
    return new ActionError(message, { hint: 'Give a token that can read the repository.' });
  }
  return new ActionError(message, {
    hint: 'Check the remote URL and that the repository is reachable.',
  });
}

function publishError(
  kind: string,
  detail: string,
  where: string,
  commit: string,
  keptRef: string,
): ActionError {
  const kept = `The commit ${commit.slice(0, 12)} is kept at ${keptRef} in the workspace.`;
  if (kind === 'auth') {
    return new ActionError(
      `pushing to ${where} was refused: the credentials were not accepted (${detail})`,
      {
        hint: `Give a valid token with contents: write. ${kept}`,
      },
    );
  }
  if (kind === 'refused') {
    return new ActionError(`pushing to ${where} was refused: ${detail}`, {
      hint: `The branch may be protected: let the token bypass the rule, or commit to another branch. ${kept}`,
    });
  }
  return new ActionError(`pushing to ${where} failed: ${detail}`, { hint: kept });
}

async function isAncestor(git: Git, ancestor: string, descendant: string): Promise<boolean> {
  const result = await git.exec(['merge-base', '--is-ancestor', ancestor, descendant], {
    okCodes: [0, 1, 128],
  });
  return result.exitCode === 0;
}

async function keep(git: Git, ref: string, commit: string): Promise<void> {
  await git.run(['update-ref', '-m', 'mlops-actions commit: kept', ref, commit]);
}

async function pushCommit(
  run: Run,
  commit: string,
  tip: string | undefined,
): Promise<PublishOutcome> {
  // A conditional push: the branch is updated only while it still is `tip` (absent when empty),
  // and `commit` is always a child of `tip`, so the update is a fast-forward and nobody's commit
  // can be lost. No `+`, and never a lease on anything but the parent of the commit pushed.
  const result = await run.net.exec(
    [
      'push',
      '--porcelain',
      '--no-follow-tags',
      `--force-with-lease=refs/heads/${run.branch}:${tip ?? ''}`,
      run.remote,
      `${commit}:refs/heads/${run.branch}`,
    ],
    { okCodes: [0, 1, 128], secrets: run.secrets },
  );
  if (result.exitCode === 0) return { ok: true, sha: commit };
  return { ok: false, failure: classifyPushFailure(result.stdout, result.stderr) };
}

/**
 * buildChange compares the wanted contents with a tree and returns the entries that differ: files
 * equal to the tree's (line endings aside) are unchanged; a changed text file takes the line-ending
 * style of the version it replaces.
 */
async function buildChange(
  scratch: Scratch,
  baseTree: string | undefined,
  wanted: ReadonlyMap<string, NewContent | null>,
  known?: ReadonlyMap<string, TreeEntry>,
): Promise<{ entries: Map<string, TreeEntry | null>; changes: FileChange[]; unchanged: string[] }> {
  const old = known ?? (await scratch.entries(baseTree, [...wanted.keys()]));
  const entries = new Map<string, TreeEntry | null>();
  const changes: FileChange[] = [];
  const unchanged: string[] = [];
  for (const [path, content] of wanted) {
    const before = old.get(path);
    if (!content?.bytes) {
      if (before) {
        entries.set(path, null);
        changes.push({ path, change: 'deleted' });
      } else unchanged.push(path);
      continue;
    }
    const mode = content.mode ?? before?.mode ?? '100644';
    let bytes = content.bytes;
    if (before && before.mode === mode && mode !== '120000' && /^100/.test(before.mode)) {
      const previous = await scratch.readBlob(before.oid);
      if (sameIgnoringEol(bytes, previous)) {
        unchanged.push(path);
        continue;
      }
      bytes = matchEolStyle(bytes, previous);
    }
    const oid = await scratch.writeBlob(bytes, content.filtered ? path : undefined);
    if (before && before.oid === oid && before.mode === mode) {
      unchanged.push(path);
      continue;
    }
    entries.set(path, { mode, oid, path });
    changes.push({ path, change: before ? 'modified' : 'added' });
  }
  return { entries, changes, unchanged };
}

/**
 * rebaseChange replays a change (entries made on `baseTree`) onto `tip`: for each file, a side that
 * did not change it takes the other's version, equal edits agree, and two different edits are
 * merged line by line; edits of the same lines, a deletion against an edit, or two edits of a
 * binary file are a conflict.
 */
async function rebaseChange(
  scratch: Scratch,
  baseTree: string | undefined,
  tip: string,
  change: ReadonlyMap<string, TreeEntry | null>,
): Promise<
  { entries: Map<string, TreeEntry | null>; changes: FileChange[] } | { conflict: string }
> {
  const paths = [...change.keys()];
  const [baseEntries, tipEntries] = await Promise.all([
    scratch.entries(baseTree, paths),
    scratch.entries(tip, paths),
  ]);
  const entries = new Map<string, TreeEntry | null>();
  const changes: FileChange[] = [];
  const same = (a: TreeEntry | undefined | null, b: TreeEntry | undefined | null) =>
    (a ?? undefined)?.oid === (b ?? undefined)?.oid &&
    (a ?? undefined)?.mode === (b ?? undefined)?.mode;
  for (const path of paths) {
    const ours = change.get(path) ?? null;
    const b = baseEntries.get(path);
    const t = tipEntries.get(path);
    let result: TreeEntry | null | undefined;
    if (same(t, b)) result = ours;
    else if (same(t, ours)) result = t ?? null;
    else if (ours && t && /^100/.test(ours.mode) && /^100/.test(t.mode)) {
      const [tipBytes, ourBytes] = await Promise.all([
        scratch.readBlob(t.oid),
        scratch.readBlob(ours.oid),
      ]);
      if (sameIgnoringEol(tipBytes, ourBytes)) result = t;
      else if (b && /^100/.test(b.mode)) {
        const baseBytes = await scratch.readBlob(b.oid);
        if (!isBinary(baseBytes) && !isBinary(tipBytes) && !isBinary(ourBytes)) {
          const merged = await scratch.mergeFile(baseBytes, tipBytes, ourBytes);
          if (merged) result = { mode: ours.mode, oid: await scratch.writeBlob(merged), path };
        }
      }
    }
    if (result === undefined) return { conflict: path };
    if (same(result, t)) continue;
    entries.set(path, result);
    changes.push({ path, change: result === null ? 'deleted' : t ? 'modified' : 'added' });
  }
  return { entries, changes };
}

/** entriesAgainst lists, for the signed path, what a commit changes relative to the tip. */
async function entriesAgainst(
  scratch: Scratch,
  tip: string,
  commit: string,
  paths: readonly string[],
): Promise<Map<string, TreeEntry | null>> {
  const [before, after] = await Promise.all([
    scratch.entries(tip, paths),
    scratch.entries(commit, paths),
  ]);
  const out = new Map<string, TreeEntry | null>();
  for (const path of paths) {
    const a = after.get(path);
    const b = before.get(path);
    if (a?.oid === b?.oid && a?.mode === b?.mode) continue;
    out.set(path, a ?? null);
  }
  return out;
}

async function describeConflict(
  git: Git,
  path: string,
  base: string | undefined,
  tip: string,
): Promise<{ sha: string; subject: string; author: string }> {
  const range = base ? [tip, `^${base}`] : [tip];
  const sha =
    (await git.tryRun(['--literal-pathspecs', 'rev-list', '-1', ...range, '--', path])) || tip;
  const shown = (await git.tryRun(['show', '-s', '--format=%s%x00%an', sha])) ?? '';
  const [subject = '', author = ''] = shown.split('\0');
  return { sha, subject, author };
}
