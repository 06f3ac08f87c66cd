// commitFilesToBranch: put files on a branch of a remote, safely under races. The commit is built
// with plumbing (a temporary index, commit-tree), so the work tree, the index and HEAD of the
// repository it runs in are never touched, and the branch need not be the checked-out one. When
// the push is rejected because someone pushed first, the change is rebased onto the new tip with a
// three-way merge of each file and pushed again after a jittered backoff. Never a force push.
import { lstat, readFile, readlink } from 'node:fs/promises';
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
import { Scratch, type TreeEntry } from './objects.ts';
import { isCommittablePath } from './paths.ts';
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

/** Publishing through GitHub's GraphQL API so that GitHub signs the commit (shown as Verified). */
export interface SignedPublishing {
  token: string;
  /** REST API base (GITHUB_API_URL); GraphQL is `${apiUrl}/graphql`. */
  apiUrl: string;
  /** `owner/name` of the repository that holds the branch. */
  repository: string;
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

/** The GraphQL mutation behind `signed` (validated in tests against GitHub's published schema). */
export const CREATE_COMMIT_ON_BRANCH = `mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit {
      oid
      url
    }
  }
}`;

interface NewContent {
  bytes?: Buffer;
  mode?: string;
  /** Apply the repository's clean filters for this path (work-tree files). */
  filtered: boolean;
}

type PublishOutcome = { ok: true; sha: string } | { ok: false; failure: PushFailure };

const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function fileMap(files: CommitFilesOptions['files']): Map<string, FileContent> {
  return files instanceof Map ? new Map(files) : new Map(Object.entries(files));
}

async function readWorkTree(root: string, path: string): Promise<NewContent | null> {
  const full = join(root, path);
  const stat = await lstat(full).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
    throw e;
  });
  if (!stat) return null;
  if (stat.isSymbolicLink()) {
    return { bytes: Buffer.from(await readlink(full), 'utf8'), mode: '120000', filtered: false };
  }
  if (!stat.isFile()) {
    throw new ActionError(`${path} is not a regular file`, {
      hint: 'List files (or globs that match files) to commit.',
    });
  }
  // The owner's execute bit, as git reads it.
  const mode = stat.mode & 0o100 ? '100755' : '100644';
  return { bytes: await readFile(full), mode, filtered: true };
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * commitFilesToBranch commits `files` on top of `branch` of a remote and publishes the commit
 * (`git push`, or GitHub's `createCommitOnBranch` with `signed`), retrying with a jittered
 * exponential backoff while the branch keeps moving: each retry fetches the new tip and rebases the
 * change onto it with a three-way merge per file. It never force-pushes, never touches the work
 * tree, index or HEAD, and commits no file outside `files`. A file changed on the branch in the
 * same lines throws a CommitConflictError naming the file and that commit; a token without write
 * access returns `pushed: false` with `denied`. Unpublished commits are kept at `keptRef`.
 */
export async function commitFilesToBranch(options: CommitFilesOptions): Promise<CommitFilesResult> {
  const branch = options.branch.replace(/^refs\/heads\//, '');
  const remote = options.remote ?? 'origin';
  const isName = REMOTE_NAME.test(remote);
  const probe = new Git(options.cwd);
  // Independent questions, asked at once: every git process costs a few milliseconds.
  const [location, pushUrl, refOk, startResolved] = await Promise.all([
    probe.tryRun(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository']),
    isName ? probe.tryRun(['remote', 'get-url', '--push', remote]) : Promise.resolve(remote),
    probe.tryRun(['check-ref-format', `refs/heads/${branch}`]),
    options.start ? probe.revParse(options.start) : Promise.resolve(undefined),
  ]);
  if (!branch || refOk === undefined) {
    throw new ActionError(`'${options.branch}' is not a valid branch name`, {
      hint: 'Give a branch name such as main or feature/x.',
    });
  }
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
  const shallow = shallowText === 'true';
  const files = fileMap(options.files);
  for (const path of files.keys()) {
    if (!isCommittablePath(path)) {
      throw new ActionError(`'${path}' cannot be committed`, {
        hint: 'Give paths relative to the repository root, without . or .. parts, outside .git.',
      });
    }
  }
  const attempts = Math.max(1, options.attempts ?? 5);
  const author = options.author ?? GITHUB_ACTIONS_BOT;
  const committer = options.committer ?? author;
  const sleep = options.sleep ?? sleepFor;
  const random = options.random ?? Math.random;
  const git = new Git(root);
  const remoteUrl = pushUrl;
  const auth = gitAuth(remoteUrl, options.token, process.env);
  for (const secret of [options.token, ...auth.secrets]) setSecret(secret);
  const secrets = [...(options.token ? [options.token] : []), ...auth.secrets];
  const net = new Git(root, auth.env);
  const trackingRef = isName
    ? `refs/remotes/${remote}/${branch}`
    : `refs/mlops-actions/fetched/${branch}`;
  const keptRef = `refs/mlops-actions/commit/${branch}`;
  const where = `${branch} on ${redactUrl(remoteUrl)}`;

  const scratch = await Scratch.open(git, gitDir);
  let early: Promise<unknown> | undefined;
  try {
    // The new contents, read once: the work tree may change while we retry.
    const wanted = new Map<string, NewContent | null>();
    for (const [path, content] of files) {
      if (content === null) wanted.set(path, null);
      else if (typeof content === 'string')
        wanted.set(path, { bytes: Buffer.from(content, 'utf8'), filtered: false });
      else if (content instanceof Uint8Array)
        wanted.set(path, { bytes: Buffer.from(content), filtered: false });
      else wanted.set(path, await readWorkTree(root, path));
    }
    const paths = [...wanted.keys()];

    // A shallow clone gets enough history to tell whether `start` is on the branch and which
    // commit a conflict comes from; a full clone is never made shallow.
    const fetchBranch = () =>
      net.exec(
        [
          'fetch',
          '--no-tags',
          '--quiet',
          '--no-auto-gc',
          ...(shallow ? ['--depth=50'] : []),
          remote,
          `+refs/heads/${branch}:${trackingRef}`,
        ],
        { okCodes: [0, 1, 128], secrets },
      );
    const fetchTip = async (): Promise<string | undefined> => {
      const result = await fetchBranch();
      if (result.exitCode === 0) return git.revParse(trackingRef);
      if (/couldn't find remote ref|no such ref/i.test(result.stderr)) return undefined;
      throw fetchError(result, where);
    };

    type Built = {
      base: { commit: string | undefined; tree: string | undefined };
      change?: { commit: string; entries: Map<string, TreeEntry | null>; changes: FileChange[] };
      unchanged: string[];
    };
    // This run's commit, built once on the commit the contents were made from.
    const build = async (baseCommit: string | undefined): Promise<Built> => {
      // A commit names its tree for ls-tree and read-tree alike.
      const tree = baseCommit;
      const found = await buildChange(scratch, tree, wanted);
      const base = { commit: baseCommit, tree };
      if (found.entries.size === 0) return { base, unchanged: found.unchanged };
      const newTree = await scratch.writeTree(tree, found.entries);
      const commit = await scratch.commitTree(
        newTree,
        baseCommit ? [baseCommit] : [],
        options.message,
        author,
        committer,
      );
      return {
        base,
        change: { commit, entries: found.entries, changes: found.changes },
        unchanged: found.unchanged,
      };
    };
    // With a start commit at hand, the commit is built while the branch is fetched, which also
    // keeps the window between fetch and push (where another push can get in) short.
    let startCommit = startResolved;
    const prebuilt = startCommit ? build(startCommit) : undefined;
    early = prebuilt?.catch(() => undefined);

    let built: Built | undefined;
    let lastCommit: string | undefined;
    let lastFailure: PushFailure | undefined;

    for (let attempt = 1; attempt <= attempts; attempt++) {
      let tip: string | undefined;
      try {
        tip = await fetchTip();
      } catch (error) {
        if (!(error instanceof TransientError) || attempt === attempts) throw error;
        lastFailure = { kind: 'transient', detail: error.message };
        await backoff(attempt, error.message);
        continue;
      }
      await options.onProgress?.({ kind: 'fetched', attempt, tip });
      info(
        `${branch}: tip ${tip ? tip.slice(0, 12) : '(branch does not exist yet)'} (attempt ${attempt}/${attempts})`,
      );

      if (!built) {
        if (options.start && !startCommit) startCommit = await git.revParse(options.start);
        const from = tip ? undefined : (options.createFrom ?? options.start);
        if (tip && options.start) {
          if (
            !(startCommit && (startCommit === tip || (await isAncestor(git, startCommit, tip))))
          ) {
            throw new ActionError(
              `${branch} no longer contains ${options.start.slice(0, 12)}, the commit these files were made from ` +
                `(its tip is ${tip.slice(0, 12)}: it was force-pushed or rewritten)`,
              { hint: `Re-run the workflow on the new head of ${branch}.` },
            );
          }
          built = prebuilt ? await prebuilt : await build(startCommit);
        } else if (tip) {
          built = await build(tip);
        } else if (from) {
          const fromCommit = from === options.start ? startCommit : await git.revParse(from);
          if (!fromCommit) {
            throw new ActionError(`${from} is not a commit in this repository`, {
              hint: 'Fetch it first, or give another commit to start the branch from.',
            });
          }
          built = prebuilt && fromCommit === startCommit ? await prebuilt : await build(fromCommit);
        } else if (options.orphan) {
          built = await build(undefined);
        } else {
          throw new ActionError(`branch ${where} does not exist`, {
            hint: 'Create the branch first, or let the commit start it (orphan, or a commit to start from).',
          });
        }
        if (!built.change) {
          info(
            `${branch}: ${paths.length === 1 ? paths[0] : 'the files'} already as wanted; nothing to commit`,
          );
          return {
            committed: false,
            pushed: false,
            sha: tip,
            parent: tip,
            branch,
            created: false,
            attempts: attempt - 1,
            changes: [],
            unchanged: built.unchanged,
          };
        }
      }
      const base = built.base;
      const change = built.change!;
      const unchanged = built.unchanged;

      // Put the change on the current tip: as built, or rebased with a three-way merge per file.
      let commit = change.commit;
      let parent = base.commit;
      let changes = change.changes;
      if (tip && tip !== base.commit) {
        const merged = await rebaseChange(scratch, base.tree, tip, change.entries);
        if ('conflict' in merged) {
          await keep(git, keptRef, change.commit);
          const by = await describeConflict(git, merged.conflict, base.commit, tip);
          throw new CommitConflictError(branch, merged.conflict, by, change.commit, keptRef);
        }
        if (merged.entries.size === 0) {
          info(`${branch}: ${tip.slice(0, 12)} already has these changes; nothing to commit`);
          return {
            committed: false,
            pushed: false,
            sha: tip,
            parent: tip,
            branch,
            created: false,
            attempts: attempt - 1,
            changes: [],
            unchanged: paths,
          };
        }
        const tree = await scratch.writeTree(tip, merged.entries);
        commit = await scratch.commitTree(tree, [tip], options.message, author, committer);
        parent = tip;
        changes = merged.changes;
        info(`${branch}: rebased onto ${tip.slice(0, 12)} as ${commit.slice(0, 12)}`);
      }
      lastCommit = commit;
      const result = (failure?: PushFailure, sha = commit): CommitFilesResult => ({
        committed: true,
        pushed: failure === undefined,
        sha,
        parent,
        branch,
        created: !tip,
        attempts: attempt,
        changes,
        unchanged,
        ...(failure ? { keptRef } : {}),
        ...(failure?.kind === 'denied' ? { denied: failure.detail } : {}),
      });
      if (options.push === false) {
        await keep(git, keptRef, commit);
        return { ...result({ kind: 'unknown', detail: 'not pushed' }), keptRef };
      }

      await options.onProgress?.({ kind: 'publishing', attempt, commit, parent });
      let outcome: PublishOutcome;
      if (options.signed) {
        if (!tip) {
          throw new ActionError(
            `branch ${branch} does not exist, and signed commits go on an existing branch`,
            {
              hint: 'Create the branch first, or set signed to false.',
            },
          );
        }
        const { publishSigned } = await import('./signed.ts');
        outcome = await publishSigned(options.signed, scratch, {
          branch,
          expectedHead: tip,
          entries: await entriesAgainst(scratch, tip, commit, paths),
          message: options.message,
        });
      } else {
        outcome = await pushCommit(net, remote, commit, branch, secrets);
      }
      if (outcome.ok) {
        if (outcome.sha === commit) await git.tryRun(['update-ref', trackingRef, commit]);
        // GitHub made its own commit: fetch it, so the workspace knows what the branch holds.
        else await fetchBranch();
        info(`${branch}: ${outcome.sha.slice(0, 12)} published`);
        return result(undefined, outcome.sha);
      }
      lastFailure = outcome.failure;
      const { kind, detail } = outcome.failure;
      if (kind === 'denied') {
        await keep(git, keptRef, commit);
        return result(outcome.failure);
      }
      if (kind !== 'race' && kind !== 'transient') {
        await keep(git, keptRef, commit);
        throw publishError(kind, detail, where, commit, keptRef);
      }
      if (attempt < attempts)
        await backoff(
          attempt,
          kind === 'race' ? 'the branch moved meanwhile (someone pushed first)' : detail,
        );
    }
    if (lastCommit) await keep(git, keptRef, lastCommit);
    throw new ActionError(
      `could not publish to ${where} after ${attempts} attempts: ${lastFailure?.kind === 'race' ? 'the branch kept moving' : (lastFailure?.detail ?? 'unknown failure')}`,
      {
        hint: `${lastCommit ? `The commit ${lastCommit.slice(0, 12)} is kept at ${keptRef} in the workspace. ` : ''}Raise the number of attempts, or re-run the job.`,
      },
    );

    async function backoff(attempt: number, reason: string): Promise<void> {
      const delayMs = backoffDelay(
        attempt,
        options.baseDelayMs ?? 1000,
        options.maxDelayMs ?? 15_000,
        random,
      );
      info(`${branch}: ${reason}; trying again in ${(delayMs / 1000).toFixed(1)}s`);
      await options.onProgress?.({ kind: 'retrying', attempt, delayMs, reason });
      await sleep(delayMs);
    }
  } finally {
    // A commit still being built in the background must finish before its folder goes.
    await early;
    await scratch.close();
  }
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
  net: Git,
  remote: string,
  commit: string,
  branch: string,
  secrets: string[],
): Promise<PublishOutcome> {
  // An explicit source commit and destination ref, no `+`: the server refuses anything but a
  // fast-forward, so nobody's commit can be lost.
  const result = await net.exec(
    ['push', '--porcelain', '--no-follow-tags', remote, `${commit}:refs/heads/${branch}`],
    { okCodes: [0, 1, 128], secrets },
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
): Promise<{ entries: Map<string, TreeEntry | null>; changes: FileChange[]; unchanged: string[] }> {
  const old = await scratch.entries(baseTree, [...wanted.keys()]);
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
