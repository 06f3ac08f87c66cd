// commitWorkTree: what the commit action does. It finds what changed under `paths` in the
// checkout, works out which branch and which commit the change belongs on (the pull request head,
// also when actions/checkout checked out the merge commit), decides whether a push can succeed at
// all (fork, read-only token), and hands the files to commitFilesToBranch.
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
  type KnownRepository,
} from './branch.ts';
import { sameIgnoringEol } from './eol.ts';
import { defaultMessage, type Identity } from './message.ts';
import { catFileBatch, type GitObject, Scratch, type TreeEntry } from './objects.ts';
import { repoPath, toPathspecs } from './paths.ts';

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

const LITERAL = ':(literal)';

function splitZ(text: string): string[] {
  return text.split('\0').filter(Boolean);
}

async function rawParents(scratch: Scratch, commit: string): Promise<string[]> {
  // Read from the object itself: in a shallow clone the parents are not there to resolve HEAD^2.
  const object = (await scratch.readObjects([commit])).get(commit);
  const parents: string[] = [];
  for (const line of (object?.bytes.toString('utf8') ?? '').split('\n')) {
    if (line === '') break;
    if (line.startsWith('parent ')) parents.push(line.slice(7).trim());
  }
  return parents;
}

/** What `git status` says about the paths under the pathspecs. */
interface Found {
  /** Files that differ from HEAD, untracked ones included. */
  changed: FileChange[];
  /** Files under the pathspecs that .gitignore excludes. */
  ignored: string[];
  /** HEAD's tree entries of the changed files HEAD has. */
  head: Map<string, TreeEntry>;
}

/**
 * changedPaths lists files under the pathspecs that differ from HEAD (untracked ones included),
 * the ignored ones, and HEAD's entries for them, from one `git status --porcelain=v2`: it names
 * HEAD's mode and object of each file, so nothing else is asked for them.
 */
async function changedPaths(git: Git, specs: string[]): Promise<Found> {
  const { stdout } = await git.exec([
    '--no-optional-locks',
    'status',
    '--porcelain=v2',
    '-z',
    '--no-renames',
    '--untracked-files=all',
    '--ignored=matching',
    '--ignore-submodules=all',
    '--',
    ...specs,
  ]);
  const changes = new Map<string, FileChange['change']>();
  const head = new Map<string, TreeEntry>();
  const untracked: string[] = [];
  const ignored: string[] = [];
  for (const record of splitZ(stdout)) {
    const kind = record[0];
    if (kind === '?') untracked.push(record.slice(2));
    else if (kind === '!') ignored.push(record.slice(2));
    else if (kind === '1' || kind === 'u') {
      // "1 XY sub mH mI mW hH hI path" (and "u XY sub m1 m2 m3 mW h1 h2 h3 path" when unmerged).
      const fields = record.split(' ');
      const path = fields.slice(kind === '1' ? 8 : 10).join(' ');
      const xy = fields[1] ?? '..';
      const change = headChange(xy[0] ?? '.', xy[1] ?? '.');
      if (!change) continue;
      changes.set(path, change);
      if (kind === '1' && change !== 'added') {
        head.set(path, { mode: fields[3] ?? '', oid: fields[6] ?? '', path });
      }
    }
  }
  // An untracked file where HEAD has none, or one removed from the index but still on disk.
  for (const path of untracked) changes.set(path, 'added');
  const changed = [...changes]
    .map(([path, change]) => ({ path, change }))
    .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return { changed, ignored: ignored.sort(), head };
}

/**
 * headChange reads a status entry's XY (index against HEAD, work tree against index) as the change
 * of the work tree against HEAD, as `git diff HEAD` would: undefined when there is none.
 */
function headChange(x: string, y: string): FileChange['change'] | undefined {
  if (x === 'A') return y === 'D' ? undefined : 'added';
  if (x === 'D' || y === 'D') return 'deleted';
  if (x === '.' && y === '.') return undefined;
  return 'modified';
}

/**
 * matchedByLiteral tells whether every pathspec is a literal path that one of the found files is
 * at or under, or a file HEAD has (`inHead`: status listing nothing for it, the index has it too):
 * then each matches a file, and git need not be asked again.
 */
function matchedByLiteral(
  specs: readonly string[],
  found: Found,
  inHead: ReadonlySet<string>,
): boolean {
  const paths = [...found.changed.map((f) => f.path), ...found.ignored];
  return specs.every((spec) => {
    if (!spec.startsWith(LITERAL)) return false;
    const literal = spec.slice(LITERAL.length);
    return (
      literal === '.' ||
      inHead.has(literal) ||
      paths.some((p) => p === literal || p.startsWith(`${literal}/`))
    );
  });
}

/**
 * dropEolOnly removes files that differ from HEAD only in their line endings. HEAD's blobs are read
 * with one git process, and kept in `scratch` for the commit.
 */
async function dropEolOnly(
  scratch: Scratch,
  root: string,
  files: FileChange[],
  head: ReadonlyMap<string, TreeEntry>,
  headCommit: string | undefined,
): Promise<{ kept: FileChange[]; eolOnly: string[] }> {
  const modified = files
    .filter((f) => f.change === 'modified' && head.get(f.path)?.mode.startsWith('100'))
    .map((f) => f.path);
  if (modified.length === 0) return { kept: files, eolOnly: [] };
  // HEAD's tree comes along in the same git process: the commit is most often built on it.
  const oids = modified.map((path) => head.get(path)?.oid ?? '');
  // With the HEAD commit itself: on a pull request merge checkout its parents are read next.
  const reading = scratch.readObjects(
    headCommit ? [...oids, `${headCommit}^{tree}`, headCommit] : oids,
  );
  const nows = modified.map((path) => readIfAny(join(root, path)));
  // Meanwhile, each file is stored as `git add` would store it: the commit most often takes it as
  // it is (Scratch.writeBlob then finds it), and a blob nobody needs costs nothing.
  await Promise.all([
    reading,
    ...modified.map((path, i) => {
      const now = nows[i];
      return now ? scratch.writeBlob(now, path).catch(() => undefined) : undefined;
    }),
  ]);
  const blobs = await scratch.readBlobs(oids);
  const eolOnly = modified.filter((path, i) => {
    const before = blobs.get(head.get(path)?.oid ?? '');
    const now = nows[i];
    return before !== undefined && now !== undefined && sameIgnoringEol(now, before);
  });
  return { kept: files.filter((f) => !eolOnly.includes(f.path)), eolOnly };
}

/** readIfAny reads a file, or gives undefined when it cannot (gone, a folder). */
function readIfAny(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Where the commit steps of a job note what they pushed from this checkout (see commitWorkTree). */
function pushedFile(gitDir: string): string {
  return join(gitDir, 'mlops-actions', 'pushed.json');
}

/** pushedBefore returns what an earlier commit step of the job pushed to `branch` from here. */
function pushedBefore(
  gitDir: string,
  branch: string,
): { commit: string; from: string } | undefined {
  try {
    const all = JSON.parse(readFileSync(pushedFile(gitDir), 'utf8')) as Record<
      string,
      { commit?: unknown; from?: unknown }
    >;
    const entry = all[branch];
    return typeof entry?.commit === 'string' && typeof entry.from === 'string'
      ? { commit: entry.commit, from: entry.from }
      : undefined;
  } catch {
    return undefined;
  }
}

/** notePushed records that `commit` was pushed to `branch`, made from `from`. */
function notePushed(gitDir: string, branch: string, commit: string, from: string): void {
  const file = pushedFile(gitDir);
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // None yet.
  }
  all[branch] = { commit, from };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(all)}\n`);
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
  url: string | undefined,
  token: string | undefined,
): Promise<void> {
  if (token) return;
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
 * specsFromCwd makes the pathspecs relative to `cwd` itself, for a status asked before the root is
 * known: git reads pathspecs relative to the folder it runs in. An entry outside `cwd` gives none
 * (the status is then asked again from the root).
 */
function specsFromCwd(input: string, options: CommitWorkTreeOptions): string[] {
  try {
    return toPathspecs(input, options.paths, options.cwd, options.cwd);
  } catch {
    return [];
  }
}

/** At most this many work-tree files, of at most this many bytes in all, are read ahead. */
const READ_AHEAD_FILES = 4;
const READ_AHEAD_BYTES = 1 << 20;

/**
 * What readAhead found: HEAD's commit, root tree and version of each file (cat-file's answers by
 * the names asked: `HEAD`, `HEAD^{tree}`, `HEAD:./<path>`), and each file's bytes with the blob
 * `git add` would store for them.
 */
interface ReadAhead {
  objects: Map<string, GitObject>;
  /** By path relative to the folder the status runs in; `oid` undefined when not stored. */
  files: { path: string; bytes: Buffer; oid: string | undefined }[];
}

/**
 * readAhead asks, beside the first `git status`, what the commit of a changed file needs next, for
 * the literal paths entries that name small regular files (dvc.lock): HEAD's commit, root tree and
 * version of the file in one `git cat-file --batch`, and the file stored as `git add` would store
 * it (`git hash-object -w`; a blob nobody needs costs nothing). Every answer is checked where it is
 * used (see seedScratch): nothing is taken on trust. Undefined when there is nothing to read ahead.
 */
async function readAhead(git: Git, specs: readonly string[]): Promise<ReadAhead | undefined> {
  const files: { path: string; bytes: Buffer }[] = [];
  let budget = READ_AHEAD_BYTES;
  for (const spec of specs) {
    if (files.length === READ_AHEAD_FILES) break;
    const path = spec.startsWith(LITERAL) ? spec.slice(LITERAL.length) : '.';
    // A name with a newline cannot be asked of cat-file --batch.
    if (path === '.' || path.includes('\n')) continue;
    const file = join(git.cwd, path);
    const stat = lstatSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > budget) continue;
    const bytes = readIfAny(file);
    if (!bytes || bytes.length > budget) continue;
    budget -= bytes.length;
    files.push({ path, bytes });
  }
  if (files.length === 0) return undefined;
  // Exit codes tolerated: outside a repository git says so later, where the answer is needed.
  const tolerated = [0, 1, 128, 129];
  const [objects, ...oids] = await Promise.all([
    catFileBatch(git, ['HEAD', 'HEAD^{tree}', ...files.map((f) => `HEAD:./${f.path}`)], tolerated),
    ...files.map(async (f) => {
      const stored = await git.exec(['hash-object', '-w', '--stdin', `--path=${f.path}`], {
        input: f.bytes,
        okCodes: tolerated,
      });
      return stored.exitCode === 0 ? stored.stdout.trim() : undefined;
    }),
  ]);
  return {
    objects: objects ?? new Map(),
    files: files.map((f, i) => ({ ...f, oid: oids[i] })),
  };
}

/**
 * seedScratch hands what readAhead found to the Scratch the commit is made with, once the root and
 * HEAD are known: objects where they are HEAD's (HEAD's tree where it is the commit's), and the
 * stored files under their repository paths. It returns the repository paths HEAD has a file at.
 */
function seedScratch(
  scratch: Scratch,
  ahead: ReadAhead | undefined,
  cwd: string,
  checkout: Checkout,
): Set<string> {
  const inHead = new Set<string>();
  if (!ahead) return inHead;
  const paths = ahead.files.map((f) => repoPath(relative(checkout.root, resolve(cwd, f.path))));
  const blobs = ahead.files.map((f) => ahead.objects.get(`HEAD:./${f.path}`));
  ahead.files.forEach((f, i) => {
    if (f.oid) scratch.rememberStored(paths[i] ?? '', f.bytes, f.oid);
    // Named by its id, a blob is the same whichever commit it was read from.
    const blob = blobs[i];
    if (blob?.type === 'blob') scratch.remember(blob.oid, blob);
  });
  const commit = ahead.objects.get('HEAD');
  if (commit?.type !== 'commit' || commit.oid !== checkout.head) return inHead;
  scratch.remember(commit.oid, commit);
  const tree = ahead.objects.get('HEAD^{tree}');
  const treeLine = `tree ${tree?.oid}\n`;
  // HEAD did not move between the answers: the commit names this tree.
  if (tree?.type !== 'tree' || commit.bytes.toString('latin1', 0, treeLine.length) !== treeLine) {
    return inHead;
  }
  scratch.remember(`${commit.oid}^{tree}`, tree);
  paths.forEach((path, i) => {
    if (blobs[i]?.type === 'blob') inHead.add(path);
  });
  return inHead;
}

/** Where the checkout is, and what HEAD is, from one `git rev-parse`. */
interface Checkout {
  root: string;
  gitDir: string;
  shallow: boolean;
  head: string | undefined;
  /** The checked-out branch; undefined on a detached HEAD. */
  current: string | undefined;
}

/** locateCheckout asks git once where the repository is, what HEAD is, and on which branch. */
async function locateCheckout(cwd: string): Promise<Checkout> {
  const probe = new Git(cwd);
  const where = ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository'];
  const text =
    (await probe.tryRun([...where, 'HEAD', '--symbolic-full-name', 'HEAD'])) ??
    // No commit checked out yet (or no repository): ask without HEAD to tell which.
    (await probe.tryRun(where));
  if (!text) {
    throw new ActionError(`${cwd} is not inside a git repository`, {
      hint: 'Check out the repository first (actions/checkout).',
    });
  }
  const [root = '', gitDir = '', shallow, head, symbolic] = text.split('\n');
  return {
    root,
    gitDir,
    shallow: shallow === 'true',
    head: head || undefined,
    current: symbolic?.startsWith('refs/heads/') ? symbolic.slice('refs/heads/'.length) : undefined,
  };
}

/**
 * findChanges lists what changed under the pathspecs (line-ending-only changes dropped), warns
 * about ignored files, and checks that every `paths` entry matches some file.
 */
async function findChanges(
  git: Git,
  scratch: Scratch,
  checkout: Checkout,
  specs: string[],
  options: CommitWorkTreeOptions,
  early: Found | undefined,
  inHead: ReadonlySet<string>,
): Promise<Found & { eolOnly: string[] }> {
  const pathsInput = options.pathsInput ?? 'paths';
  const found = early ?? (await changedPaths(git, specs));
  // A typo matches nothing: status cannot tell that for unchanged files, ls-files can.
  if (!matchedByLiteral(specs, found, inHead)) {
    await checkPathsMatch(git, pathsInput, options.paths, specs, options.failOnMissing === true);
  }
  return group('Finding changes', async () => {
    const { kept, eolOnly } = await dropEolOnly(
      scratch,
      checkout.root,
      found.changed,
      found.head,
      checkout.head,
    );
    for (const { path, change } of kept) info(`${change}: ${path}`);
    for (const path of eolOnly) info(`line endings only (not a change): ${path}`);
    if (found.ignored.length) {
      const shown = found.ignored.slice(0, 5).join(', ');
      warning(
        `${found.ignored.length} file(s) under paths are ignored by .gitignore and were not committed: ${shown}${found.ignored.length > 5 ? ', …' : ''}`,
      );
    }
    return { ...found, changed: kept, eolOnly };
  });
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
  const remote = options.remote ?? 'origin';
  const pathsInput = options.pathsInput ?? 'paths';
  // Four questions at once, before the repository root is known: the status of the paths, asked
  // from `cwd` with pathspecs relative to it (checked against the root just after); what a commit
  // of the literal paths would read next; where the repository is and what HEAD is; and the
  // remote's URL. Started in that order, the slowest first: git processes start one at a time.
  const here = new Git(options.cwd);
  const fromCwd = specsFromCwd(pathsInput, options);
  const status = fromCwd.length ? changedPaths(here, fromCwd).catch(() => undefined) : undefined;
  const reading = readAhead(here, fromCwd).catch(() => undefined);
  const [checkout, early, ahead, pushUrl] = await Promise.all([
    locateCheckout(options.cwd),
    status,
    reading,
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(remote)
      ? here.tryRun(['remote', 'get-url', '--push', remote])
      : Promise.resolve(remote),
  ]);
  const { root, gitDir, head, current } = checkout;
  const git = new Git(root);
  const specs = toPathspecs(pathsInput, options.paths, options.cwd, root);
  const scratch = await Scratch.open(git, gitDir);
  const inHead = seedScratch(scratch, ahead, options.cwd, checkout);
  let found: Found & { eolOnly: string[] };
  try {
    found = await findChanges(git, scratch, checkout, specs, options, early, inHead);
  } finally {
    await scratch.close();
  }
  if (!head) {
    throw new ActionError('the repository has no commit checked out', {
      hint: 'Check out a branch or commit first (actions/checkout).',
    });
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
  if (
    pr?.headSha &&
    head !== pr.headSha &&
    (await rawParents(scratch, head)).includes(pr.headSha)
  ) {
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

  if (!(own && pr?.isFork)) await checkCredentials(git, pushUrl, options.token);

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
  let changedFrom = start;
  if (own) {
    const before = pushedBefore(gitDir, branch);
    if (before?.from === start) changedFrom = before.commit;
  }

  const files = new Map<string, FileContent>(
    found.changed.map(({ path }) => [path, { workTree: true }]),
  );
  const message = options.message || defaultMessage(found.changed.map((f) => f.path));
  // What is known already is handed on, so that git is not asked twice: HEAD's entries and blobs
  // are those of the commit the change is made on when that is HEAD.
  const known: KnownRepository | undefined =
    pushUrl === undefined
      ? undefined
      : {
          root,
          gitDir,
          shallow: checkout.shallow,
          pushUrl,
          // Known to be here: HEAD, or the commit an earlier step pushed from here. A pull
          // request head behind a --depth=1 merge checkout is not: the fetch brings it.
          ...(own && (changedFrom === head || changedFrom !== start)
            ? { startCommit: changedFrom }
            : {}),
          ...(own && changedFrom === head ? { startEntries: found.head } : {}),
          objects: scratch.cached(),
        };
  const result = await group(`Committing to ${branch}`, () =>
    commitFilesToBranch({
      cwd: root,
      branch,
      files,
      message,
      author: options.author,
      committer: options.committer,
      remote,
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
      ...(known ? { known } : {}),
    }),
  );
  if (result.pushed && result.sha) notePushed(gitDir, branch, result.sha, start);
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
