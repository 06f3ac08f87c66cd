export const id = 384;
export const ids = [384];
export const modules = {

/***/ 4355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eT: () => (/* binding */ authHeader),
/* harmony export */   lU: () => (/* binding */ gitAuth),
/* harmony export */   tL: () => (/* binding */ extraHeaderKey)
/* harmony export */ });
// How a token reaches git: as an HTTP Authorization header in configuration passed through the
// environment (GIT_CONFIG_COUNT/KEY/VALUE), never in the remote URL and never on the command line,
// so neither `ps` nor a logged command shows it. actions/checkout persists its own header under the
// same `http.<origin>/.extraheader` key; an empty value first clears it, or git would send two
// Authorization headers. Pure.
/** authHeader is the value of the Authorization header GitHub accepts from git for a token. */
function authHeader(token) {
    return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}
/** extraHeaderKey is the URL-scoped config key for a remote (`http.https://github.com/.extraheader`). */
function extraHeaderKey(remoteUrl) {
    let url;
    try {
        url = new URL(remoteUrl);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    return `http.${url.protocol}//${url.host}/.extraheader`;
}
/**
 * gitAuth builds the environment that makes git send `token` to the host of `remoteUrl`. Remotes
 * that are not HTTP(S) (a path, ssh) get nothing: there the token has no use. Entries already in
 * `env` (GIT_CONFIG_COUNT and its keys) are kept and ours are appended after them.
 */
function gitAuth(remoteUrl, token, env = {}) {
    const key = extraHeaderKey(remoteUrl);
    if (!token || !key)
        return { env: {}, secrets: [] };
    const header = authHeader(token);
    const start = Number.parseInt(env['GIT_CONFIG_COUNT'] ?? '0', 10) || 0;
    const entries = [
        [key, ''],
        [key, header],
    ];
    const out = { GIT_CONFIG_COUNT: String(start + entries.length) };
    entries.forEach(([k, v], i) => {
        out[`GIT_CONFIG_KEY_${start + i}`] = k;
        out[`GIT_CONFIG_VALUE_${start + i}`] = v;
    });
    return { env: out, secrets: [header, header.slice('AUTHORIZATION: basic '.length)] };
}


/***/ }),

/***/ 1376:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wc: () => (/* binding */ CREATE_COMMIT_ON_BRANCH),
  C2: () => (/* binding */ CommitConflictError),
  AS: () => (/* binding */ commitFilesToBranch)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/git.ts
var src_git = __webpack_require__(2735);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __webpack_require__(5327);
// EXTERNAL MODULE: ../../packages/core/src/pure/redact.ts
var redact = __webpack_require__(8217);
;// CONCATENATED MODULE: ../../packages/core/src/pure/retry.ts
/** backoffDelay is the "full jitter" exponential delay before retry number `attempt` (1-based). */
function backoffDelay(attempt, baseMs, maxMs, random) {
    const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/** retry calls `fn` until it succeeds, the error is not retryable, or the attempts run out. */
async function retry(fn, options) {
    const { attempts, baseMs = 1000, maxMs = 30_000, retryable = () => true, onRetry, sleep = (ms) => new Promise((r) => setTimeout(r, ms)), random = Math.random, } = options;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (attempt >= attempts || !retryable(error))
                throw error;
            const delay = backoffDelay(attempt, baseMs, maxMs, random);
            onRetry?.(error, attempt, delay);
            await sleep(delay);
        }
    }
}

// EXTERNAL MODULE: ../../packages/core/src/runtime.ts
var runtime = __webpack_require__(9103);
// EXTERNAL MODULE: ../../packages/core/src/commit/auth.ts
var commit_auth = __webpack_require__(4355);
// EXTERNAL MODULE: ../../packages/core/src/commit/eol.ts
var eol = __webpack_require__(6193);
// EXTERNAL MODULE: ../../packages/core/src/commit/message.ts
var message = __webpack_require__(9954);
// EXTERNAL MODULE: ../../packages/core/src/commit/objects.ts
var objects = __webpack_require__(9497);
// EXTERNAL MODULE: ../../packages/core/src/commit/paths.ts
var paths = __webpack_require__(4265);
// EXTERNAL MODULE: ../../packages/core/src/commit/push-result.ts
var push_result = __webpack_require__(2815);
;// CONCATENATED MODULE: ../../packages/core/src/commit/branch.ts
// commitFilesToBranch: put files on a branch of a remote, safely under races. The commit is built
// with plumbing (a temporary index, commit-tree), so the work tree, the index and HEAD of the
// repository it runs in are never touched, and the branch need not be the checked-out one. When
// the push is rejected because someone pushed first, the change is rebased onto the new tip with a
// three-way merge of each file and pushed again after a jittered backoff. Never a force push.













/** CommitConflictError: a file was changed on the branch in the same lines as this change. */
class CommitConflictError extends errors/* ActionError */.lZ {
    path;
    /** The commit on the branch that last changed the file. */
    conflictingCommit;
    /** This change's commit, kept at `keptRef`. */
    localCommit;
    keptRef;
    constructor(branch, path, conflicting, localCommit, keptRef) {
        super(`${path} conflicts with commit ${conflicting.sha.slice(0, 12)} on ${branch} ` +
            `("${conflicting.subject}" by ${conflicting.author}), which changed the same lines; nothing was pushed`, {
            hint: `This run's commit ${localCommit.slice(0, 12)} is kept at ${keptRef} in the workspace. ` +
                `Re-run the workflow on the new head of ${branch}, or apply it by hand: ` +
                `git fetch origin ${branch} && git cherry-pick ${localCommit.slice(0, 12)}`,
        });
        this.name = 'CommitConflictError';
        this.path = path;
        this.conflictingCommit = conflicting.sha;
        this.localCommit = localCommit;
        this.keptRef = keptRef;
    }
}
/** The GraphQL mutation behind `signed` (validated in tests against GitHub's published schema). */
const CREATE_COMMIT_ON_BRANCH = `mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit {
      oid
      url
    }
  }
}`;
const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function fileMap(files) {
    return files instanceof Map ? new Map(files) : new Map(Object.entries(files));
}
async function readWorkTree(root, path) {
    const full = (0,external_node_path_.join)(root, path);
    const stat = await (0,promises_.lstat)(full).catch((e) => {
        if (e.code === 'ENOENT' || e.code === 'ENOTDIR')
            return undefined;
        throw e;
    });
    if (!stat)
        return null;
    if (stat.isSymbolicLink()) {
        return { bytes: Buffer.from(await (0,promises_.readlink)(full), 'utf8'), mode: '120000', filtered: false };
    }
    if (!stat.isFile()) {
        throw new errors/* ActionError */.lZ(`${path} is not a regular file`, {
            hint: 'List files (or globs that match files) to commit.',
        });
    }
    // The owner's execute bit, as git reads it.
    const mode = stat.mode & 0o100 ? '100755' : '100644';
    return { bytes: await (0,promises_.readFile)(full), mode, filtered: true };
}
function sleepFor(ms) {
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
async function commitFilesToBranch(options) {
    const branch = options.branch.replace(/^refs\/heads\//, '');
    const remote = options.remote ?? 'origin';
    const isName = REMOTE_NAME.test(remote);
    const probe = new src_git/* Git */.T(options.cwd);
    // Independent questions, asked at once: every git process costs a few milliseconds.
    const [location, pushUrl, refOk, startResolved] = await Promise.all([
        probe.tryRun(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository']),
        isName ? probe.tryRun(['remote', 'get-url', '--push', remote]) : Promise.resolve(remote),
        probe.tryRun(['check-ref-format', `refs/heads/${branch}`]),
        options.start ? probe.revParse(options.start) : Promise.resolve(undefined),
    ]);
    if (!branch || refOk === undefined) {
        throw new errors/* ActionError */.lZ(`'${options.branch}' is not a valid branch name`, {
            hint: 'Give a branch name such as main or feature/x.',
        });
    }
    if (!location) {
        throw new errors/* ActionError */.lZ(`${options.cwd} is not inside a git repository`, {
            hint: 'Check out the repository first (actions/checkout).',
        });
    }
    if (pushUrl === undefined) {
        throw new errors/* ActionError */.lZ(`the repository has no remote named '${remote}'`, {
            hint: 'Check out the repository with actions/checkout, or add the remote first.',
        });
    }
    const [root = '', gitDir = '', shallowText] = location.split('\n');
    const shallow = shallowText === 'true';
    const files = fileMap(options.files);
    for (const path of files.keys()) {
        if (!(0,paths/* isCommittablePath */.bo)(path)) {
            throw new errors/* ActionError */.lZ(`'${path}' cannot be committed`, {
                hint: 'Give paths relative to the repository root, without . or .. parts, outside .git.',
            });
        }
    }
    const attempts = Math.max(1, options.attempts ?? 5);
    const author = options.author ?? message/* GITHUB_ACTIONS_BOT */.iU;
    const committer = options.committer ?? author;
    const sleep = options.sleep ?? sleepFor;
    const random = options.random ?? Math.random;
    const git = new src_git/* Git */.T(root);
    const remoteUrl = pushUrl;
    const auth = (0,commit_auth/* gitAuth */.lU)(remoteUrl, options.token, process.env);
    for (const secret of [options.token, ...auth.secrets])
        (0,runtime/* setSecret */.Pq)(secret);
    const secrets = [...(options.token ? [options.token] : []), ...auth.secrets];
    const net = new src_git/* Git */.T(root, auth.env);
    const trackingRef = isName
        ? `refs/remotes/${remote}/${branch}`
        : `refs/mlops-actions/fetched/${branch}`;
    const keptRef = `refs/mlops-actions/commit/${branch}`;
    const where = `${branch} on ${(0,redact/* redactUrl */.B)(remoteUrl)}`;
    const scratch = await objects/* Scratch */.f.open(git, gitDir);
    let early;
    try {
        // The new contents, read once: the work tree may change while we retry.
        const wanted = new Map();
        for (const [path, content] of files) {
            if (content === null)
                wanted.set(path, null);
            else if (typeof content === 'string')
                wanted.set(path, { bytes: Buffer.from(content, 'utf8'), filtered: false });
            else if (content instanceof Uint8Array)
                wanted.set(path, { bytes: Buffer.from(content), filtered: false });
            else
                wanted.set(path, await readWorkTree(root, path));
        }
        const paths = [...wanted.keys()];
        // A shallow clone gets enough history to tell whether `start` is on the branch and which
        // commit a conflict comes from; a full clone is never made shallow.
        const fetchBranch = () => net.exec([
            'fetch',
            '--no-tags',
            '--quiet',
            '--no-auto-gc',
            ...(shallow ? ['--depth=50'] : []),
            remote,
            `+refs/heads/${branch}:${trackingRef}`,
        ], { okCodes: [0, 1, 128], secrets });
        const fetchTip = async () => {
            const result = await fetchBranch();
            if (result.exitCode === 0)
                return git.revParse(trackingRef);
            if (/couldn't find remote ref|no such ref/i.test(result.stderr))
                return undefined;
            throw fetchError(result, where);
        };
        // This run's commit, built once on the commit the contents were made from.
        const build = async (baseCommit) => {
            // A commit names its tree for ls-tree and read-tree alike.
            const tree = baseCommit;
            const found = await buildChange(scratch, tree, wanted);
            const base = { commit: baseCommit, tree };
            if (found.entries.size === 0)
                return { base, unchanged: found.unchanged };
            const newTree = await scratch.writeTree(tree, found.entries);
            const commit = await scratch.commitTree(newTree, baseCommit ? [baseCommit] : [], options.message, author, committer);
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
        let built;
        let lastCommit;
        let lastFailure;
        for (let attempt = 1; attempt <= attempts; attempt++) {
            let tip;
            try {
                tip = await fetchTip();
            }
            catch (error) {
                if (!(error instanceof TransientError) || attempt === attempts)
                    throw error;
                lastFailure = { kind: 'transient', detail: error.message };
                await backoff(attempt, error.message);
                continue;
            }
            await options.onProgress?.({ kind: 'fetched', attempt, tip });
            (0,runtime/* info */.pq)(`${branch}: tip ${tip ? tip.slice(0, 12) : '(branch does not exist yet)'} (attempt ${attempt}/${attempts})`);
            if (!built) {
                if (options.start && !startCommit)
                    startCommit = await git.revParse(options.start);
                const from = tip ? undefined : (options.createFrom ?? options.start);
                if (tip && options.start) {
                    if (!(startCommit && (startCommit === tip || (await isAncestor(git, startCommit, tip))))) {
                        throw new errors/* ActionError */.lZ(`${branch} no longer contains ${options.start.slice(0, 12)}, the commit these files were made from ` +
                            `(its tip is ${tip.slice(0, 12)}: it was force-pushed or rewritten)`, { hint: `Re-run the workflow on the new head of ${branch}.` });
                    }
                    built = prebuilt ? await prebuilt : await build(startCommit);
                }
                else if (tip) {
                    built = await build(tip);
                }
                else if (from) {
                    const fromCommit = from === options.start ? startCommit : await git.revParse(from);
                    if (!fromCommit) {
                        throw new errors/* ActionError */.lZ(`${from} is not a commit in this repository`, {
                            hint: 'Fetch it first, or give another commit to start the branch from.',
                        });
                    }
                    built = prebuilt && fromCommit === startCommit ? await prebuilt : await build(fromCommit);
                }
                else if (options.orphan) {
                    built = await build(undefined);
                }
                else {
                    throw new errors/* ActionError */.lZ(`branch ${where} does not exist`, {
                        hint: 'Create the branch first, or let the commit start it (orphan, or a commit to start from).',
                    });
                }
                if (!built.change) {
                    (0,runtime/* info */.pq)(`${branch}: ${paths.length === 1 ? paths[0] : 'the files'} already as wanted; nothing to commit`);
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
            const change = built.change;
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
                    (0,runtime/* info */.pq)(`${branch}: ${tip.slice(0, 12)} already has these changes; nothing to commit`);
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
                (0,runtime/* info */.pq)(`${branch}: rebased onto ${tip.slice(0, 12)} as ${commit.slice(0, 12)}`);
            }
            lastCommit = commit;
            const result = (failure, sha = commit) => ({
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
            let outcome;
            if (options.signed) {
                if (!tip) {
                    throw new errors/* ActionError */.lZ(`branch ${branch} does not exist, and signed commits go on an existing branch`, {
                        hint: 'Create the branch first, or set signed to false.',
                    });
                }
                const { publishSigned } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4165));
                outcome = await publishSigned(options.signed, scratch, {
                    branch,
                    expectedHead: tip,
                    entries: await entriesAgainst(scratch, tip, commit, paths),
                    message: options.message,
                });
            }
            else {
                outcome = await pushCommit(net, remote, commit, branch, secrets);
            }
            if (outcome.ok) {
                if (outcome.sha === commit)
                    await git.tryRun(['update-ref', trackingRef, commit]);
                // GitHub made its own commit: fetch it, so the workspace knows what the branch holds.
                else
                    await fetchBranch();
                (0,runtime/* info */.pq)(`${branch}: ${outcome.sha.slice(0, 12)} published`);
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
                await backoff(attempt, kind === 'race' ? 'the branch moved meanwhile (someone pushed first)' : detail);
        }
        if (lastCommit)
            await keep(git, keptRef, lastCommit);
        throw new errors/* ActionError */.lZ(`could not publish to ${where} after ${attempts} attempts: ${lastFailure?.kind === 'race' ? 'the branch kept moving' : (lastFailure?.detail ?? 'unknown failure')}`, {
            hint: `${lastCommit ? `The commit ${lastCommit.slice(0, 12)} is kept at ${keptRef} in the workspace. ` : ''}Raise the number of attempts, or re-run the job.`,
        });
        async function backoff(attempt, reason) {
            const delayMs = backoffDelay(attempt, options.baseDelayMs ?? 1000, options.maxDelayMs ?? 15_000, random);
            (0,runtime/* info */.pq)(`${branch}: ${reason}; trying again in ${(delayMs / 1000).toFixed(1)}s`);
            await options.onProgress?.({ kind: 'retrying', attempt, delayMs, reason });
            await sleep(delayMs);
        }
    }
    finally {
        // A commit still being built in the background must finish before its folder goes.
        await early;
        await scratch.close();
    }
}
/** A fetch that failed in a way worth another try (network, server error). */
class TransientError extends errors/* ActionError */.lZ {
}
function fetchError(result, where) {
    const failure = (0,push_result/* classifyPushFailure */.h)('', result.stderr);
    const message = `could not fetch ${where}: ${failure.detail}`;
    if (failure.kind === 'transient')
        return new TransientError(message);
    if (failure.kind === 'denied' || failure.kind === 'auth') {
        return new errors/* ActionError */.lZ(message, { hint: 'Give a token that can read the repository.' });
    }
    return new errors/* ActionError */.lZ(message, {
        hint: 'Check the remote URL and that the repository is reachable.',
    });
}
function publishError(kind, detail, where, commit, keptRef) {
    const kept = `The commit ${commit.slice(0, 12)} is kept at ${keptRef} in the workspace.`;
    if (kind === 'auth') {
        return new errors/* ActionError */.lZ(`pushing to ${where} was refused: the credentials were not accepted (${detail})`, {
            hint: `Give a valid token with contents: write. ${kept}`,
        });
    }
    if (kind === 'refused') {
        return new errors/* ActionError */.lZ(`pushing to ${where} was refused: ${detail}`, {
            hint: `The branch may be protected: let the token bypass the rule, or commit to another branch. ${kept}`,
        });
    }
    return new errors/* ActionError */.lZ(`pushing to ${where} failed: ${detail}`, { hint: kept });
}
async function isAncestor(git, ancestor, descendant) {
    const result = await git.exec(['merge-base', '--is-ancestor', ancestor, descendant], {
        okCodes: [0, 1, 128],
    });
    return result.exitCode === 0;
}
async function keep(git, ref, commit) {
    await git.run(['update-ref', '-m', 'mlops-actions commit: kept', ref, commit]);
}
async function pushCommit(net, remote, commit, branch, secrets) {
    // An explicit source commit and destination ref, no `+`: the server refuses anything but a
    // fast-forward, so nobody's commit can be lost.
    const result = await net.exec(['push', '--porcelain', '--no-follow-tags', remote, `${commit}:refs/heads/${branch}`], { okCodes: [0, 1, 128], secrets });
    if (result.exitCode === 0)
        return { ok: true, sha: commit };
    return { ok: false, failure: (0,push_result/* classifyPushFailure */.h)(result.stdout, result.stderr) };
}
/**
 * buildChange compares the wanted contents with a tree and returns the entries that differ: files
 * equal to the tree's (line endings aside) are unchanged; a changed text file takes the line-ending
 * style of the version it replaces.
 */
async function buildChange(scratch, baseTree, wanted) {
    const old = await scratch.entries(baseTree, [...wanted.keys()]);
    const entries = new Map();
    const changes = [];
    const unchanged = [];
    for (const [path, content] of wanted) {
        const before = old.get(path);
        if (!content?.bytes) {
            if (before) {
                entries.set(path, null);
                changes.push({ path, change: 'deleted' });
            }
            else
                unchanged.push(path);
            continue;
        }
        const mode = content.mode ?? before?.mode ?? '100644';
        let bytes = content.bytes;
        if (before && before.mode === mode && mode !== '120000' && /^100/.test(before.mode)) {
            const previous = await scratch.readBlob(before.oid);
            if ((0,eol/* sameIgnoringEol */.qZ)(bytes, previous)) {
                unchanged.push(path);
                continue;
            }
            bytes = (0,eol/* matchEolStyle */.ZN)(bytes, previous);
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
async function rebaseChange(scratch, baseTree, tip, change) {
    const paths = [...change.keys()];
    const [baseEntries, tipEntries] = await Promise.all([
        scratch.entries(baseTree, paths),
        scratch.entries(tip, paths),
    ]);
    const entries = new Map();
    const changes = [];
    const same = (a, b) => (a ?? undefined)?.oid === (b ?? undefined)?.oid &&
        (a ?? undefined)?.mode === (b ?? undefined)?.mode;
    for (const path of paths) {
        const ours = change.get(path) ?? null;
        const b = baseEntries.get(path);
        const t = tipEntries.get(path);
        let result;
        if (same(t, b))
            result = ours;
        else if (same(t, ours))
            result = t ?? null;
        else if (ours && t && /^100/.test(ours.mode) && /^100/.test(t.mode)) {
            const [tipBytes, ourBytes] = await Promise.all([
                scratch.readBlob(t.oid),
                scratch.readBlob(ours.oid),
            ]);
            if ((0,eol/* sameIgnoringEol */.qZ)(tipBytes, ourBytes))
                result = t;
            else if (b && /^100/.test(b.mode)) {
                const baseBytes = await scratch.readBlob(b.oid);
                if (!(0,eol/* isBinary */.Go)(baseBytes) && !(0,eol/* isBinary */.Go)(tipBytes) && !(0,eol/* isBinary */.Go)(ourBytes)) {
                    const merged = await scratch.mergeFile(baseBytes, tipBytes, ourBytes);
                    if (merged)
                        result = { mode: ours.mode, oid: await scratch.writeBlob(merged), path };
                }
            }
        }
        if (result === undefined)
            return { conflict: path };
        if (same(result, t))
            continue;
        entries.set(path, result);
        changes.push({ path, change: result === null ? 'deleted' : t ? 'modified' : 'added' });
    }
    return { entries, changes };
}
/** entriesAgainst lists, for the signed path, what a commit changes relative to the tip. */
async function entriesAgainst(scratch, tip, commit, paths) {
    const [before, after] = await Promise.all([
        scratch.entries(tip, paths),
        scratch.entries(commit, paths),
    ]);
    const out = new Map();
    for (const path of paths) {
        const a = after.get(path);
        const b = before.get(path);
        if (a?.oid === b?.oid && a?.mode === b?.mode)
            continue;
        out.set(path, a ?? null);
    }
    return out;
}
async function describeConflict(git, path, base, tip) {
    const range = base ? [tip, `^${base}`] : [tip];
    const sha = (await git.tryRun(['--literal-pathspecs', 'rev-list', '-1', ...range, '--', path])) || tip;
    const shown = (await git.tryRun(['show', '-s', '--format=%s%x00%an', sha])) ?? '';
    const [subject = '', author = ''] = shown.split('\0');
    return { sha, subject, author };
}


/***/ }),

/***/ 6193:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Go: () => (/* binding */ isBinary),
/* harmony export */   ZN: () => (/* binding */ matchEolStyle),
/* harmony export */   qA: () => (/* binding */ eolStyle),
/* harmony export */   qZ: () => (/* binding */ sameIgnoringEol),
/* harmony export */   rM: () => (/* binding */ toCrlf),
/* harmony export */   yj: () => (/* binding */ toLf)
/* harmony export */ });
// Line endings: a file that differs from its last version only in CRLF against LF is not a change,
// and a changed text file keeps the line-ending style of the version it replaces, so a diff shows
// the lines that changed and not every line of the file. Pure: bytes in, bytes out.
const NUL = 0;
const CR = 13;
const LF = 10;
/** isBinary tells binary from text the way git does: a NUL byte in the first 8000 bytes. */
function isBinary(bytes) {
    const end = Math.min(bytes.length, 8000);
    for (let i = 0; i < end; i++)
        if (bytes[i] === NUL)
            return true;
    return false;
}
/** eolStyle says which line endings a text uses. */
function eolStyle(bytes) {
    let lf = 0;
    let crlf = 0;
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] !== LF)
            continue;
        if (i > 0 && bytes[i - 1] === CR)
            crlf++;
        else
            lf++;
    }
    if (lf && crlf)
        return 'mixed';
    if (crlf)
        return 'crlf';
    return lf ? 'lf' : 'none';
}
/** toLf turns every CRLF into LF (a lone CR is left alone). */
function toLf(bytes) {
    const out = Buffer.allocUnsafe(bytes.length);
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === CR && bytes[i + 1] === LF)
            continue;
        out[n++] = bytes[i];
    }
    return out.subarray(0, n);
}
/** toCrlf turns every bare LF into CRLF (existing CRLFs stay as they are). */
function toCrlf(bytes) {
    let bare = 0;
    for (let i = 0; i < bytes.length; i++)
        if (bytes[i] === LF && bytes[i - 1] !== CR)
            bare++;
    const out = Buffer.allocUnsafe(bytes.length + bare);
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === LF && bytes[i - 1] !== CR)
            out[n++] = CR;
        out[n++] = bytes[i];
    }
    return out;
}
/** sameIgnoringEol tells whether two texts differ only in line endings (never true for binaries). */
function sameIgnoringEol(a, b) {
    if (isBinary(a) || isBinary(b))
        return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
    return toLf(a).equals(toLf(b));
}
/**
 * matchEolStyle rewrites the line endings of a new text to those of the version it replaces, when
 * that version used one style throughout; binaries, mixed files and new files are left as they are.
 */
function matchEolStyle(next, previous) {
    const bytes = Buffer.from(next);
    if (!previous || isBinary(next) || isBinary(previous))
        return bytes;
    const want = eolStyle(previous);
    const have = eolStyle(next);
    if (want === 'lf' && (have === 'crlf' || have === 'mixed'))
        return toLf(bytes);
    if (want === 'crlf' && (have === 'lf' || have === 'mixed'))
        return toCrlf(bytes);
    return bytes;
}


/***/ }),

/***/ 7384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CREATE_COMMIT_ON_BRANCH: () => (/* reexport */ commit_branch/* CREATE_COMMIT_ON_BRANCH */.wc),
  CommitConflictError: () => (/* reexport */ commit_branch/* CommitConflictError */.C2),
  GITHUB_ACTIONS_BOT: () => (/* reexport */ commit_message/* GITHUB_ACTIONS_BOT */.iU),
  authHeader: () => (/* reexport */ auth/* authHeader */.eT),
  classifyGraphQLFailure: () => (/* reexport */ signed/* classifyGraphQLFailure */._),
  classifyPushFailure: () => (/* reexport */ push_result/* classifyPushFailure */.h),
  commitFilesToBranch: () => (/* reexport */ commit_branch/* commitFilesToBranch */.AS),
  commitInput: () => (/* reexport */ signed/* commitInput */.u),
  commitSummary: () => (/* reexport */ commitSummary),
  commitWorkTree: () => (/* reexport */ commitWorkTree),
  defaultMessage: () => (/* reexport */ commit_message/* defaultMessage */.zD),
  describeFiles: () => (/* reexport */ commit_message/* describeFiles */.LG),
  eolStyle: () => (/* reexport */ eol/* eolStyle */.qA),
  extraHeaderKey: () => (/* reexport */ auth/* extraHeaderKey */.tL),
  formatIdentity: () => (/* reexport */ commit_message/* formatIdentity */.gZ),
  gitAuth: () => (/* reexport */ auth/* gitAuth */.lU),
  isBinary: () => (/* reexport */ eol/* isBinary */.Go),
  isCommittablePath: () => (/* reexport */ paths/* isCommittablePath */.bo),
  matchEolStyle: () => (/* reexport */ eol/* matchEolStyle */.ZN),
  parseIdentity: () => (/* reexport */ commit_message/* parseIdentity */.aZ),
  repoPath: () => (/* reexport */ paths/* repoPath */.qN),
  sameIgnoringEol: () => (/* reexport */ eol/* sameIgnoringEol */.qZ),
  splitMessage: () => (/* reexport */ commit_message/* splitMessage */.kw),
  toCrlf: () => (/* reexport */ eol/* toCrlf */.rM),
  toLf: () => (/* reexport */ eol/* toLf */.yj),
  toPathspecs: () => (/* reexport */ paths/* toPathspecs */.dQ)
});

// EXTERNAL MODULE: ../../packages/core/src/commit/auth.ts
var auth = __webpack_require__(4355);
// EXTERNAL MODULE: ../../packages/core/src/commit/branch.ts + 1 modules
var commit_branch = __webpack_require__(1376);
// EXTERNAL MODULE: ../../packages/core/src/commit/eol.ts
var eol = __webpack_require__(6193);
// EXTERNAL MODULE: ../../packages/core/src/commit/message.ts
var commit_message = __webpack_require__(9954);
// EXTERNAL MODULE: ../../packages/core/src/commit/paths.ts
var paths = __webpack_require__(4265);
// EXTERNAL MODULE: ../../packages/core/src/commit/push-result.ts
var push_result = __webpack_require__(2815);
// EXTERNAL MODULE: ../../packages/core/src/commit/signed.ts
var signed = __webpack_require__(4165);
;// CONCATENATED MODULE: ../../packages/core/src/pure/markdown.ts
/** escapeCell makes text safe inside a Markdown table cell (pipes, newlines, HTML). */
function escapeCell(value) {
    return String(value ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
/** table renders a GitHub-flavoured Markdown table; `align` takes 'l', 'r' or 'c' per column. */
function table(header, rows, align = []) {
    const sep = header.map((_, i) => {
        const a = align[i];
        return a === 'r' ? '---:' : a === 'c' ? ':---:' : '---';
    });
    const line = (cells) => `| ${cells.map(escapeCell).join(' | ')} |`;
    return [line(header), `| ${sep.join(' | ')} |`, ...rows.map(line)].join('\n');
}
/** details wraps Markdown in a collapsible <details> block. */
function details(summary, body, open = false) {
    return `<details${open ? ' open' : ''}>\n<summary>${escapeCell(summary)}</summary>\n\n${body}\n\n</details>`;
}
/** codeBlock fences text, choosing a fence longer than any backtick run inside it. */
function codeBlock(text, lang = '') {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}
/** link renders a Markdown link with its text escaped. */
function markdown_link(text, url) {
    return `[${text.replace(/([[\]\\])/g, '\\$1')}](${url.replace(/\)/g, '%29').replace(/ /g, '%20')})`;
}
/** hiddenMarker is an HTML comment that finds a bot's comment again without showing anything. */
function hiddenMarker(id) {
    return `<!-- ${id.replace(/--/g, '-')} -->`;
}
/**
 * fitSections joins Markdown sections and, if they exceed `limit` characters, keeps whole sections
 * from the start and ends with `note` (which should say where the full text is).
 */
function fitSections(sections, limit, note) {
    const whole = sections.join('\n\n');
    if (whole.length <= limit)
        return { text: whole, cut: false };
    const kept = [];
    let length = 0;
    for (const section of sections) {
        const add = (kept.length ? 2 : 0) + section.length;
        if (length + add + 2 + note.length > limit)
            break;
        kept.push(section);
        length += add;
    }
    const text = [...kept, note].join('\n\n');
    return { text: text.length <= limit ? text : note.slice(0, limit), cut: true };
}

;// CONCATENATED MODULE: ../../packages/core/src/commit/summary.ts
// The job summary of the commit action: what was committed where, on which commit, and, when the
// files were produced on a pull request's merge result, that they were. Pure.

function summary_short(sha) {
    return sha ? sha.slice(0, 7) : '';
}
function commitLink(sha, links) {
    return markdown_link(summary_short(sha), `${links.serverUrl}/${links.repository}/commit/${sha}`);
}
/** commitSummary renders the job summary for a commit action result. */
function commitSummary(result, links) {
    const code = (s) => `\`${s.replace(/`/g, "'")}\``;
    const lines = [];
    const branch = code(result.branch);
    if (result.files.length === 0) {
        lines.push('### Nothing to commit', '', 'No file under `paths` changed.');
    }
    else if (result.pushed && result.sha) {
        const how = result.signed ? 'signed by GitHub' : 'pushed';
        lines.push(`### Committed ${result.files.length} file${result.files.length === 1 ? '' : 's'} to ${branch}`, '', `Commit ${commitLink(result.sha, links)} (${how})` +
            (result.parent
                ? ` on top of ${commitLink(result.parent, links)}`
                : ' as the first commit') +
            (result.created ? `, creating ${branch}` : '') +
            (result.attempts > 1 ? `, after ${result.attempts} attempts while the branch moved` : '') +
            '.');
    }
    else if (result.alreadyOnBranch) {
        lines.push('### Nothing to commit', '', `${branch} already has these contents${result.sha ? ` (at ${commitLink(result.sha, links)})` : ''}.`);
    }
    else if (result.noPush) {
        lines.push(`### Not pushed to ${branch}`, '', `Nothing was pushed: ${result.noPush.detail}.`);
        if (result.committed && result.sha) {
            lines.push('', `The commit ${code(summary_short(result.sha))} stays in the workspace at ${code(result.keptRef ?? '')}.`);
        }
    }
    else {
        lines.push(`### Not pushed to ${branch}`);
    }
    if (result.files.length) {
        lines.push('', table(['File', 'Change'], result.files.map((f) => [code(f.path), f.change])));
    }
    if (result.mergeResult) {
        const m = result.mergeResult;
        lines.push('', `> [!NOTE]\n> The files were produced on the merge result of #${m.number} (merge commit ${code(summary_short(m.merge))} ` +
            `of ${code(m.headRef)} into ${code(m.baseRef)}), and committed on top of the head of ${code(m.headRef)}; ` +
            'the merge commit itself was not pushed.');
    }
    if (result.eolOnly.length) {
        lines.push('', `Line endings only, not committed: ${result.eolOnly.map(code).join(', ')}.`);
    }
    if (result.ignored.length) {
        lines.push('', `Ignored by .gitignore, not committed: ${result.ignored.slice(0, 10).map(code).join(', ')}${result.ignored.length > 10 ? ', …' : ''}.`);
    }
    return lines.join('\n');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/git.ts
var src_git = __webpack_require__(2735);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __webpack_require__(5327);
// EXTERNAL MODULE: ../../packages/core/src/pure/redact.ts
var redact = __webpack_require__(8217);
// EXTERNAL MODULE: ../../packages/core/src/runtime.ts
var runtime = __webpack_require__(9103);
// EXTERNAL MODULE: ../../packages/core/src/commit/objects.ts
var objects = __webpack_require__(9497);
;// CONCATENATED MODULE: ../../packages/core/src/commit/worktree.ts
// commitWorkTree: what the commit action does. It finds what changed under `paths` in the
// checkout, works out which branch and which commit the change belongs on (the pull request head,
// also when actions/checkout checked out the merge commit), decides whether a push can succeed at
// all (fork, read-only token), and hands the files to commitFilesToBranch.











function splitZ(text) {
    return text.split('\0').filter(Boolean);
}
async function rawParents(git, commit) {
    // Read from the object itself: in a shallow clone the parents are not there to resolve HEAD^2.
    const text = await git.run(['cat-file', 'commit', commit]);
    const parents = [];
    for (const line of text.split('\n')) {
        if (line === '')
            break;
        if (line.startsWith('parent '))
            parents.push(line.slice(7).trim());
    }
    return parents;
}
/** changedPaths lists files under the pathspecs that differ from HEAD, untracked ones included. */
async function changedPaths(git, specs) {
    const out = async (args) => (await git.exec(args)).stdout;
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
    const changes = new Map();
    const fields = splitZ(diff);
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const status = fields[i][0];
        changes.set(fields[i + 1], status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified');
    }
    for (const path of splitZ(untracked))
        changes.set(path, 'added');
    const changed = [...changes]
        .map(([path, change]) => ({ path, change }))
        .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    return { changed, ignored: splitZ(ignored).sort() };
}
/** dropEolOnly removes files that differ from HEAD only in their line endings. */
async function dropEolOnly(git, gitDir, root, files) {
    const modified = files.filter((f) => f.change === 'modified').map((f) => f.path);
    if (modified.length === 0)
        return { kept: files, eolOnly: [] };
    const scratch = await objects/* Scratch */.f.open(git, gitDir);
    try {
        const head = await scratch.entries('HEAD', modified);
        const eolOnly = [];
        for (const path of modified) {
            const entry = head.get(path);
            const now = await (0,promises_.readFile)((0,external_node_path_.join)(root, path)).catch(() => undefined);
            if (!entry || !now || !entry.mode.startsWith('100'))
                continue;
            if ((0,eol/* sameIgnoringEol */.qZ)(now, await scratch.readBlob(entry.oid)))
                eolOnly.push(path);
        }
        return { kept: files.filter((f) => !eolOnly.includes(f.path)), eolOnly };
    }
    finally {
        await scratch.close();
    }
}
/**
 * checkPathsMatch finds the `paths` entries that match no file at all, in the work tree (ignored
 * files too) or the index (a deleted file still matches): a typo such as `dvc.lok` would otherwise
 * commit nothing in silence. A warning names each, or an error with `fail-on-missing`.
 */
async function checkPathsMatch(git, input, entries, specs, failOnMissing) {
    const shown = entries.map((e) => e.trim()).filter(Boolean);
    const matches = await Promise.all(specs.map(async (spec) => (await git.exec(['ls-files', '-z', '--cached', '--others', '--', spec])).stdout.length > 0));
    const missing = shown.filter((_, i) => !matches[i]);
    if (!missing.length)
        return;
    const list = missing.map((m) => `'${m}'`).join(', ');
    const what = `${missing.length === 1 ? 'has' : 'has entries'} ${list}, which ${missing.length === 1 ? 'matches' : 'match'} no file in the work tree or the index`;
    if (failOnMissing) {
        throw new errors/* InputError */.dz(input, what, 'Fix the path (relative to working-directory), or set fail-on-missing to false to go on with a warning.');
    }
    (0,runtime/* warning */.$e)(`input '${input}' ${what}: nothing under ${missing.length === 1 ? 'it' : 'them'} is committed`);
}
/**
 * checkCredentials fails before anything is written when a push over HTTP(S) cannot carry any
 * credentials: no token, none in the URL, no header actions/checkout persisted, no credential
 * helper. Git itself would end in "could not read Username".
 */
async function checkCredentials(git, remote, token) {
    if (token)
        return;
    const url = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(remote)
        ? await git.tryRun(['remote', 'get-url', '--push', remote])
        : remote;
    if (!url || !/^https?:\/\//i.test(url))
        return;
    if (/^https?:\/\/[^/@]+@/i.test(url))
        return;
    const [header, helper, askpass] = await Promise.all([
        git.tryRun(['config', '--get-urlmatch', 'http.extraheader', url]),
        git.tryRun(['config', '--get-urlmatch', 'credential.helper', url]),
        git.tryRun(['config', '--get', 'core.askPass']),
    ]);
    if (header || helper || askpass || process.env['GIT_ASKPASS'])
        return;
    throw new errors/* ActionError */.lZ(`the token input is empty, and git has no stored credentials for ${(0,redact/* redactUrl */.B)(url)}: the push cannot authenticate`, {
        hint: 'A push over HTTPS needs a token with contents: write: leave token at its default (github.token) and give the job permissions: contents: write, pass a secret, or check out with persist-credentials: true',
    });
}
/**
 * commitWorkTree commits the changes under `paths` in the checkout to the right branch and pushes
 * them safely (see commitFilesToBranch). On a pull_request checkout of the merge commit, the commit
 * goes on top of the pull request head, never on the merge commit. A fork, or a token GitHub says
 * cannot push, gets no push attempt: `noPush` says why.
 */
async function commitWorkTree(options) {
    const { context } = options;
    const pr = context.pullRequest;
    const probe = new src_git/* Git */.T(options.cwd);
    const location = await probe.tryRun(['rev-parse', '--show-toplevel', '--absolute-git-dir']);
    if (!location) {
        throw new errors/* ActionError */.lZ(`${options.cwd} is not inside a git repository`, {
            hint: 'Check out the repository first (actions/checkout).',
        });
    }
    const [root = '', gitDir = ''] = location.split('\n');
    const git = new src_git/* Git */.T(root);
    const pathsInput = options.pathsInput ?? 'paths';
    const specs = (0,paths/* toPathspecs */.dQ)(pathsInput, options.paths, options.cwd, root);
    await checkPathsMatch(git, pathsInput, options.paths, specs, options.failOnMissing === true);
    const [head, current, found] = await Promise.all([
        git.revParse('HEAD'),
        git.currentBranch(),
        (0,runtime/* group */.Os)('Finding changes', async () => {
            const { changed, ignored } = await changedPaths(git, specs);
            const { kept, eolOnly } = await dropEolOnly(git, gitDir, root, changed);
            for (const { path, change } of kept)
                (0,runtime/* info */.pq)(`${change}: ${path}`);
            for (const path of eolOnly)
                (0,runtime/* info */.pq)(`line endings only (not a change): ${path}`);
            return { changed: kept, ignored, eolOnly };
        }),
    ]);
    if (!head) {
        throw new errors/* ActionError */.lZ('the repository has no commit checked out', {
            hint: 'Check out a branch or commit first (actions/checkout).',
        });
    }
    if (found.ignored.length) {
        const shown = found.ignored.slice(0, 5).join(', ');
        (0,runtime/* warning */.$e)(`${found.ignored.length} file(s) under paths are ignored by .gitignore and were not committed: ${shown}${found.ignored.length > 5 ? ', …' : ''}`);
    }
    // Which branch, and which commit of it the work tree was made from.
    const branch = options.branch || pr?.headRef || current || context.branch;
    if (!branch) {
        throw new errors/* ActionError */.lZ('cannot tell which branch to commit to: HEAD is detached and the event names no branch', {
            hint: 'Set the branch input.',
        });
    }
    const own = branch === (pr ? pr.headRef : (current ?? context.branch));
    let mergeResult;
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
    const base = {
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
        (0,runtime/* info */.pq)(`Nothing changed under ${options.paths.join(', ')}: nothing to commit.`);
        return { ...base, files: [] };
    }
    if (!(own && pr?.isFork))
        await checkCredentials(git, options.remote ?? 'origin', options.token);
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
        const { canPush } = await __webpack_require__.e(/* import() */ 177).then(__webpack_require__.bind(__webpack_require__, 6177));
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
        if (pushed && pushedFrom === start)
            changedFrom = pushed;
    }
    const files = new Map(found.changed.map(({ path }) => [path, { workTree: true }]));
    const message = options.message || (0,commit_message/* defaultMessage */.zD)(found.changed.map((f) => f.path));
    const result = await (0,runtime/* group */.Os)(`Committing to ${branch}`, () => (0,commit_branch/* commitFilesToBranch */.AS)({
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
    }));
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

;// CONCATENATED MODULE: ../../packages/core/src/commit/index.ts
// @mlops-actions/core/commit: put files on a branch, safely under races, nothing ever lost.
// commitFilesToBranch is the general piece (any branch, files from the work tree or from memory,
// push with fetch/rebase/retry, or GitHub-signed commits); commitWorkTree is the commit action's
// flow on top of it (pull request merge checkouts, forks, read-only tokens).











/***/ }),

/***/ 9954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LG: () => (/* binding */ describeFiles),
/* harmony export */   aZ: () => (/* binding */ parseIdentity),
/* harmony export */   gZ: () => (/* binding */ formatIdentity),
/* harmony export */   iU: () => (/* binding */ GITHUB_ACTIONS_BOT),
/* harmony export */   kw: () => (/* binding */ splitMessage),
/* harmony export */   zD: () => (/* binding */ defaultMessage)
/* harmony export */ });
/* harmony import */ var _pure_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5327);
// Identities and messages of the commits the commit action makes. Pure.

/** The identity GitHub shows as github-actions[bot], with its own avatar. */
const GITHUB_ACTIONS_BOT = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
};
/** parseIdentity reads `Name <email>` strictly; anything else is an InputError that shows the form. */
function parseIdentity(input, value) {
    const m = /^([^<>\n]*?)\s*<([^<>\s]+@[^<>\s]+|[^<>\s@]+)>$/.exec(value.trim());
    const name = m?.[1]?.trim();
    if (!m || !name) {
        throw new _pure_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `is '${value}', which is not an identity`, 'Write it as Name <email>, for example: Jane Doe <jane@example.com>.');
    }
    return { name, email: m[2] };
}
/** formatIdentity writes an identity the way git shows it. */
function formatIdentity(identity) {
    return `${identity.name} <${identity.email}>`;
}
/** describeFiles names up to three files and counts the rest: "a, b and 3 more files". */
function describeFiles(paths) {
    if (paths.length === 0)
        return 'no files';
    if (paths.length <= 3) {
        return paths.length === 1 ? paths[0] : `${paths.slice(0, -1).join(', ')} and ${paths.at(-1)}`;
    }
    const rest = paths.length - 2;
    return `${paths.slice(0, 2).join(', ')} and ${rest} more files`;
}
/** defaultMessage is the commit message when none is given: the files, and `[skip ci]`. */
function defaultMessage(paths) {
    return `Update ${describeFiles(paths)} [skip ci]`;
}
/** splitMessage cuts a message into the headline and body that GitHub's commit API takes. */
function splitMessage(message) {
    const text = message.replace(/\r\n/g, '\n').trim();
    const nl = text.indexOf('\n');
    if (nl < 0)
        return { headline: text };
    const body = text.slice(nl + 1).replace(/^\n+/, '');
    return body
        ? { headline: text.slice(0, nl).trim(), body }
        : { headline: text.slice(0, nl).trim() };
}


/***/ }),

/***/ 9497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ Scratch)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8018);
// Git plumbing on a scratch folder: blobs in and out byte for byte, trees built in a temporary index,
// commits made with commit-tree, and three-way merges of single files. Nothing here touches the
// user's work tree, index or HEAD: every index is GIT_INDEX_FILE in the scratch folder.




/** Scratch is a temporary folder with the plumbing the commit logic needs; close() removes it. */
class Scratch {
    git;
    dir;
    gitDir;
    counter = 0;
    constructor(git, dir, gitDir) {
        this.git = git;
        this.dir = dir;
        this.gitDir = gitDir;
    }
    /** open makes the scratch folder under RUNNER_TEMP (or the system's temp folder). */
    static async open(git, gitDir) {
        gitDir ??= await git.run(['rev-parse', '--absolute-git-dir']);
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(process.env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'mlops-commit-'));
        return new Scratch(git, dir, gitDir);
    }
    /** close removes the scratch folder. */
    async close() {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(this.dir, { recursive: true, force: true });
    }
    /** readBlob returns a blob's exact bytes (`git unpack-file`: git writes them, we read the file). */
    async readBlob(oid) {
        const { stdout } = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)('git', ['unpack-file', oid], {
            cwd: this.dir,
            env: { GIT_DIR: this.gitDir, GIT_WORK_TREE: undefined },
            silent: true,
        });
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, stdout.trim());
        try {
            return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.unlink)(file).catch(() => { });
        }
    }
    /**
     * writeBlob stores bytes as a blob. With `path`, the repository's clean filters for that path
     * apply (.gitattributes eol, LFS), as `git add` would; without it the bytes are stored as given.
     */
    async writeBlob(bytes, path) {
        const args = [
            'hash-object',
            '-w',
            '--stdin',
            ...(path === undefined ? ['--no-filters'] : [`--path=${path}`]),
        ];
        return this.git.run(args, { input: Buffer.from(bytes) });
    }
    /** entries lists the tree entries at exactly these paths in a tree-ish (absent paths are missing). */
    async entries(treeish, paths) {
        const found = new Map();
        if (!treeish || paths.length === 0)
            return found;
        const { stdout } = await this.git.exec([
            '--literal-pathspecs',
            'ls-tree',
            '-r',
            '-z',
            '--full-tree',
            treeish,
            '--',
            ...paths,
        ]);
        const wanted = new Set(paths);
        for (const record of stdout.split('\0')) {
            const tab = record.indexOf('\t');
            if (tab < 0)
                continue;
            const [mode = '', , oid = ''] = record.slice(0, tab).split(' ');
            const path = record.slice(tab + 1);
            if (wanted.has(path))
                found.set(path, { mode, oid, path });
        }
        return found;
    }
    /** writeTree applies changes (an entry, or null to remove) to a tree-ish (undefined: empty) and writes it. */
    async writeTree(base, changes) {
        const env = { GIT_INDEX_FILE: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, `index-${++this.counter}`) };
        await this.git.run(base ? ['read-tree', base] : ['read-tree', '--empty'], { env });
        const records = [];
        const zero = '0'.repeat(base && base.length === 64 ? 64 : 40);
        for (const [path, entry] of changes) {
            records.push(entry ? `${entry.mode} ${entry.oid}\t${path}` : `0 ${zero}\t${path}`);
        }
        if (records.length) {
            await this.git.run(['update-index', '-z', '--index-info'], {
                env,
                input: `${records.join('\0')}\0`,
            });
        }
        return this.git.run(['write-tree'], { env });
    }
    /** commitTree writes a commit object; it moves no branch. */
    commitTree(tree, parents, message, author, committer) {
        return this.git.run(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], {
            input: message.endsWith('\n') ? message : `${message}\n`,
            env: {
                GIT_AUTHOR_NAME: author.name,
                GIT_AUTHOR_EMAIL: author.email,
                GIT_COMMITTER_NAME: committer.name,
                GIT_COMMITTER_EMAIL: committer.email,
            },
        });
    }
    /**
     * mergeFile merges two edits of one file (`git merge-file`): the merged bytes, or undefined when
     * the edits touch the same lines or the file is binary.
     */
    async mergeFile(base, ours, theirs) {
        const n = ++this.counter;
        const files = ['ours', 'base', 'theirs'].map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, `merge-${n}-${name}`));
        const [oursFile, baseFile, theirsFile] = files;
        await Promise.all([
            (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(oursFile, ours),
            (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(baseFile, base),
            (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(theirsFile, theirs),
        ]);
        try {
            const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)('git', ['merge-file', '-q', oursFile, baseFile, theirsFile], {
                cwd: this.dir,
                silent: true,
                okCodes: Array.from({ length: 256 }, (_, i) => i),
            });
            return result.exitCode === 0 ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(oursFile) : undefined;
        }
        finally {
            await Promise.all(files.map((f) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.unlink)(f).catch(() => { })));
        }
    }
}


/***/ }),

/***/ 4265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bo: () => (/* binding */ isCommittablePath),
/* harmony export */   dQ: () => (/* binding */ toPathspecs),
/* harmony export */   qN: () => (/* binding */ repoPath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _pure_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5327);
// Paths and pathspecs: what the user wrote (`dvc.lock`, `metrics/*.json`, an absolute path inside
// the checkout) becomes a git pathspec relative to the repository root, and anything that points
// outside the repository, or into `.git`, is refused before git is asked anything. Pure.


/** repoPath normalises a path relative to the repository root (forward slashes, no `.` parts). */
function repoPath(path) {
    const clean = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(path.split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/')).replace(/^(\.\/)+/, '');
    return clean === '.' ? '' : clean.replace(/\/+$/, '');
}
/** isCommittablePath tells whether a path can be written in a commit: relative, inside, not `.git`. */
function isCommittablePath(path) {
    if (!path || path.startsWith('/') || path.includes('\0') || path.includes('\n'))
        return false;
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
function toPathspecs(input, entries, cwd, root) {
    const specs = [];
    for (const entry of entries) {
        const value = entry.trim();
        if (!value)
            continue;
        if (value.startsWith(':')) {
            throw new _pure_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `has '${value}', a git pathspec with magic`, 'Write plain paths or globs such as dvc.lock or metrics/*.json.');
        }
        const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, value);
        const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(root), absolute);
        const path = repoPath(rel);
        if (rel === '..' || rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(rel)) {
            throw new _pure_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `has '${value}', which is outside the repository`, `List paths inside the repository checkout (${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(cwd, root) || '.'}).`);
        }
        if (path.split('/').some((part) => part.toLowerCase() === '.git')) {
            throw new _pure_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `has '${value}', which is inside .git`, 'List files of the work tree.');
        }
        // `:(glob)` makes `*` stop at a slash, as in a shell; a literal path without glob characters
        // is marked literal so names with brackets or stars from the file system still match.
        specs.push(GLOB.test(path) ? `:(glob)${path || '.'}` : `:(literal)${path || '.'}`);
    }
    if (specs.length === 0) {
        throw new _pure_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'lists no path', 'List at least one file or glob, for example dvc.lock.');
    }
    return specs;
}


/***/ }),

/***/ 2815:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ classifyPushFailure)
/* harmony export */ });
// What a failed `git push --porcelain` means, read from its output: someone pushed first (fetch,
// rebase, try again), the token may not write (stop without failing the build unless asked), the
// server refused this commit for good (a protected branch), or the network hiccuped. Pure.
const RACE_REJECTIONS = /fetch first|non-fast-forward|stale info|already exists/;
const RACE_REMOTE = /failed to update ref|cannot lock ref|failed to lock|incorrect old value|unable to update local ref|reference already exists/i;
const DENIED = /returned error: 403|Permission to \S+ denied|Write access to repository not granted|error: 403\b|\b403 Forbidden/i;
const AUTH = /returned error: 401|Authentication failed|could not read (Username|Password)|terminal prompts disabled|invalid credentials/i;
const TRANSIENT = /returned error: (5\d\d|429)|Could not resolve host|Connection (timed out|refused|reset)|Failed to connect|Operation timed out|early EOF|remote end hung up|RPC failed|unexpected disconnect|TLS|SSL|Empty reply|Couldn't connect/i;
function usefulLines(text) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('hint:') && l !== 'Done' && !l.startsWith('To '));
}
/** classifyPushFailure reads `git push --porcelain` stdout and stderr and says why it failed. */
function classifyPushFailure(stdout, stderr) {
    const rejected = [];
    for (const line of stdout.split(/\r?\n/)) {
        const m = /^!\t[^\t]*\t\[(rejected|remote rejected)\] \((.*)\)\s*$/.exec(line);
        if (m)
            rejected.push(`${m[1]} (${m[2]})`);
    }
    const remote = usefulLines(stderr).filter((l) => l.startsWith('remote:'));
    const all = [...rejected, ...usefulLines(stderr)].join(' / ');
    const detail = (remote.length ? [...rejected, ...remote] : [all]).join(' / ').slice(0, 600) ||
        'git push failed';
    for (const r of rejected) {
        if (r.startsWith('rejected') && RACE_REJECTIONS.test(r))
            return { kind: 'race', detail };
        if (r.startsWith('remote rejected') && RACE_REMOTE.test(r))
            return { kind: 'race', detail };
    }
    if (DENIED.test(stderr))
        return { kind: 'denied', detail };
    if (AUTH.test(stderr))
        return { kind: 'auth', detail };
    if (rejected.length)
        return { kind: 'refused', detail };
    if (TRANSIENT.test(stderr))
        return { kind: 'transient', detail };
    return { kind: 'unknown', detail };
}


/***/ }),

/***/ 4165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ classifyGraphQLFailure),
/* harmony export */   publishSigned: () => (/* binding */ publishSigned),
/* harmony export */   u: () => (/* binding */ commitInput)
/* harmony export */ });
/* harmony import */ var _branch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1376);
/* harmony import */ var _message_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9954);


/** commitInput builds the mutation's input from the changed entries and their bytes. Pure. */
function commitInput(repository, branch, expectedHead, message, changes) {
    const additions = [];
    const deletions = [];
    for (const [path, bytes] of changes) {
        if (bytes)
            additions.push({ path, contents: bytes.toString('base64') });
        else
            deletions.push({ path });
    }
    return {
        branch: { repositoryNameWithOwner: repository, branchName: branch },
        expectedHeadOid: expectedHead,
        message: (0,_message_js__WEBPACK_IMPORTED_MODULE_1__/* .splitMessage */ .kw)(message),
        fileChanges: {
            ...(additions.length ? { additions } : {}),
            ...(deletions.length ? { deletions } : {}),
        },
    };
}
/** classifyGraphQLFailure maps a GraphQL error (by its `type`) or an HTTP status to a push failure. */
function classifyGraphQLFailure(error) {
    const e = error;
    const first = e?.errors?.[0];
    const detail = (first?.message ?? e?.message ?? String(error)).replace(/\s+/g, ' ').slice(0, 600);
    switch (first?.type) {
        case 'STALE_DATA':
            return { kind: 'race', detail };
        case 'FORBIDDEN':
            return { kind: 'denied', detail };
        case undefined:
            break;
        default:
            return { kind: 'refused', detail };
    }
    if (e?.status === 403)
        return { kind: 'denied', detail };
    if (e?.status === 401)
        return { kind: 'auth', detail };
    if (e?.status && e.status >= 500)
        return { kind: 'transient', detail };
    return { kind: 'unknown', detail };
}
/** publishSigned creates the commit on the branch through GitHub's API, on top of `expectedHead`. */
async function publishSigned(signed, scratch, input) {
    const changes = new Map();
    for (const [path, entry] of input.entries)
        changes.set(path, entry ? await scratch.readBlob(entry.oid) : null);
    const variables = {
        input: commitInput(signed.repository, input.branch, input.expectedHead, input.message, changes),
    };
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(179), __webpack_require__.e(644)]).then(__webpack_require__.bind(__webpack_require__, 8644));
    const client = getOctokit(signed.token, { apiUrl: signed.apiUrl });
    try {
        const data = await client.graphql(_branch_js__WEBPACK_IMPORTED_MODULE_0__/* .CREATE_COMMIT_ON_BRANCH */ .wc, variables);
        return { ok: true, sha: data.createCommitOnBranch.commit.oid };
    }
    catch (error) {
        return { ok: false, failure: classifyGraphQLFailure(error) };
    }
}


/***/ })

};

//# sourceMappingURL=384.index.js.map