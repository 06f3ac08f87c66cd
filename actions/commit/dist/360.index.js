export const id = 360;
export const ids = [360];
export const modules = {

/***/ 7360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CREATE_COMMIT_ON_BRANCH: () => (/* reexport */ publishing/* CREATE_COMMIT_ON_BRANCH */.w),
  CommitConflictError: () => (/* reexport */ CommitConflictError),
  GITHUB_ACTIONS_BOT: () => (/* reexport */ commit_message/* GITHUB_ACTIONS_BOT */.iU),
  authHeader: () => (/* reexport */ authHeader),
  classifyGraphQLFailure: () => (/* reexport */ signed/* classifyGraphQLFailure */._),
  classifyPushFailure: () => (/* reexport */ classifyPushFailure),
  commitFilesToBranch: () => (/* reexport */ commitFilesToBranch),
  commitInput: () => (/* reexport */ signed/* commitInput */.u),
  commitSummary: () => (/* reexport */ commitSummary),
  commitWorkTree: () => (/* reexport */ commitWorkTree),
  defaultMessage: () => (/* reexport */ commit_message/* defaultMessage */.zD),
  describeFiles: () => (/* reexport */ commit_message/* describeFiles */.LG),
  eolStyle: () => (/* reexport */ eolStyle),
  extraHeaderKey: () => (/* reexport */ extraHeaderKey),
  formatIdentity: () => (/* reexport */ commit_message/* formatIdentity */.gZ),
  gitAuth: () => (/* reexport */ gitAuth),
  isBinary: () => (/* reexport */ isBinary),
  isCommittablePath: () => (/* reexport */ isCommittablePath),
  isValidBranchName: () => (/* reexport */ isValidBranchName),
  matchEolStyle: () => (/* reexport */ matchEolStyle),
  parseIdentity: () => (/* reexport */ commit_message/* parseIdentity */.aZ),
  repoPath: () => (/* reexport */ repoPath),
  sameIgnoringEol: () => (/* reexport */ sameIgnoringEol),
  splitMessage: () => (/* reexport */ commit_message/* splitMessage */.kw),
  toCrlf: () => (/* reexport */ toCrlf),
  toLf: () => (/* reexport */ toLf),
  toPathspecs: () => (/* reexport */ toPathspecs)
});

;// CONCATENATED MODULE: ../../packages/core/src/commit/auth.ts
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
;// CONCATENATED MODULE: ../../packages/core/src/commit/eol.ts
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

// EXTERNAL MODULE: ../../packages/core/src/commit/message.ts
var commit_message = __webpack_require__(9954);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ../../packages/core/src/exec.ts
var exec = __webpack_require__(8018);
;// CONCATENATED MODULE: ../../packages/core/src/commit/objects.ts
// Git plumbing on a scratch folder: blobs in and out byte for byte, trees built in a temporary index,
// commits made with commit-tree, and three-way merges of single files. Nothing here touches the
// user's work tree, index or HEAD: every index is GIT_INDEX_FILE in the scratch folder.




/** Scratch is a temporary folder with the plumbing the commit logic needs; close() removes it. */
class Scratch {
    git;
    /** The folder, made on first use: the common commit needs none. */
    folder;
    gitDir;
    counter = 0;
    /**
     * Objects read so far (or handed over), by the name they were asked for: an object id, or
     * `<commit>^{tree}`. Neither ever changes.
     */
    objects;
    constructor(git, gitDir, objects) {
        this.git = git;
        this.gitDir = gitDir;
        this.objects = objects;
    }
    /**
     * open prepares a Scratch (its folder is made when first needed); `objects` are those another
     * Scratch read already (see cached), so that they are not read again.
     */
    static async open(git, gitDir, objects) {
        gitDir ??= await git.run(['rev-parse', '--absolute-git-dir']);
        return new Scratch(git, gitDir, new Map(objects));
    }
    /** dir is the scratch folder under RUNNER_TEMP (or the system's temp folder), made once. */
    dir() {
        this.folder ??= (0,promises_.mkdtemp)((0,external_node_path_.join)(process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'mlops-commit-'));
        return this.folder;
    }
    /** cached returns the objects read so far, to hand on to another Scratch. */
    cached() {
        return this.objects;
    }
    /**
     * readObjects reads objects by name (an object id, or `<commit>^{tree}`) with one
     * `git cat-file --batch`, and keeps them: many blobs, and the tree a commit will be built on,
     * cost one git process.
     */
    async readObjects(names) {
        const missing = [...new Set(names)].filter((name) => name && !this.objects.has(name));
        if (missing.length) {
            const { stdoutBytes } = await this.git.exec(['cat-file', '--batch'], {
                input: `${missing.join('\n')}\n`,
            });
            // One answer per name, in order: "<oid> <type> <size>\n<bytes>\n", or "<name> missing\n".
            let at = 0;
            for (const name of missing) {
                const eol = stdoutBytes.indexOf(10, at);
                if (eol < 0)
                    break;
                const [oid = '', type = '', size] = stdoutBytes
                    .subarray(at, eol)
                    .toString('utf8')
                    .split(' ');
                at = eol + 1;
                if (size === undefined)
                    continue;
                const length = Number(size);
                const bytes = Buffer.from(stdoutBytes.subarray(at, at + length));
                this.objects.set(name, { oid, type, bytes });
                at += length + 1;
            }
        }
        const out = new Map();
        for (const name of names) {
            const object = this.objects.get(name);
            if (object)
                out.set(name, object);
        }
        return out;
    }
    /** readBlobs reads many blobs' exact bytes with one git process (see readObjects). */
    async readBlobs(oids) {
        const out = new Map();
        for (const [oid, object] of await this.readObjects(oids)) {
            if (object.type === 'blob')
                out.set(oid, object.bytes);
        }
        return out;
    }
    /** close removes the scratch folder. */
    async close() {
        if (this.folder)
            await (0,promises_.rm)(await this.folder, { recursive: true, force: true });
    }
    /** readBlob returns a blob's exact bytes (`git unpack-file`: git writes them, we read the file). */
    async readBlob(oid) {
        const cached = this.objects.get(oid);
        if (cached?.type === 'blob')
            return cached.bytes;
        const dir = await this.dir();
        const { stdout } = await (0,exec/* exec */.m0)('git', ['unpack-file', oid], {
            cwd: dir,
            env: { GIT_DIR: this.gitDir, GIT_WORK_TREE: undefined },
            silent: true,
        });
        const file = (0,external_node_path_.join)(dir, stdout.trim());
        try {
            const bytes = await (0,promises_.readFile)(file);
            this.objects.set(oid, { oid, type: 'blob', bytes });
            return bytes;
        }
        finally {
            await (0,promises_.unlink)(file).catch(() => { });
        }
    }
    /**
     * writeBlob stores bytes as a blob. With `path`, the repository's clean filters for that path
     * apply (.gitattributes eol, LFS), as `git add` would; without it the bytes are stored as given.
     */
    async writeBlob(bytes, path) {
        // The same bytes already stored for the same path (see writeBlob's callers): the same blob.
        const key = path === undefined ? undefined : `path:${path}`;
        const stored = key ? this.objects.get(key) : undefined;
        if (stored?.bytes.equals(bytes))
            return stored.oid;
        const args = [
            'hash-object',
            '-w',
            '--stdin',
            ...(path === undefined ? ['--no-filters'] : [`--path=${path}`]),
        ];
        const oid = await this.git.run(args, { input: Buffer.from(bytes) });
        if (key)
            this.objects.set(key, { oid, type: 'blob', bytes: Buffer.from(bytes) });
        return oid;
    }
    /** entries lists the tree entries at exactly these paths in a tree-ish (absent paths are missing). */
    async entries(treeish, paths) {
        const found = new Map();
        if (!treeish || paths.length === 0)
            return found;
        if (paths.every((path) => !path.includes('/'))) {
            // Top-level files (the common dvc.lock): the root tree names them, and it comes with their
            // contents, which are read next, in one cat-file.
            const root = `${treeish}^{tree}`;
            const objects = await this.readObjects([root, ...paths.map((path) => `${treeish}:${path}`)]);
            const tree = objects.get(root);
            if (tree?.type === 'tree') {
                const wanted = new Set(paths);
                for (const entry of parseTree(tree.bytes, tree.oid.length / 2)) {
                    if (wanted.has(entry.path))
                        found.set(entry.path, entry);
                }
                for (const object of objects.values()) {
                    if (object.type === 'blob')
                        this.objects.set(object.oid, object);
                }
                return found;
            }
        }
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
        if (base && [...changes.keys()].every((path) => !path.includes('/'))) {
            const tree = await this.writeRootTree(base, changes);
            if (tree)
                return tree;
        }
        const env = { GIT_INDEX_FILE: (0,external_node_path_.join)(await this.dir(), `index-${++this.counter}`) };
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
    /**
     * writeRootTree changes only top-level entries (the common dvc.lock, metrics.json): the base's
     * root tree, read with cat-file (often with the blobs, in one process), changed here and written
     * with one `git mktree`, instead of read-tree, update-index and write-tree. Undefined when the
     * base's tree cannot be read that way.
     */
    async writeRootTree(base, changes) {
        const name = `${base}^{tree}`;
        const tree = (await this.readObjects([name])).get(name);
        if (tree?.type !== 'tree')
            return undefined;
        const entries = new Map();
        for (const entry of parseTree(tree.bytes, tree.oid.length / 2)) {
            entries.set(entry.path, `${entry.mode} ${objectType(entry.mode)} ${entry.oid}\t${entry.path}`);
        }
        for (const [path, entry] of changes) {
            if (entry)
                entries.set(path, `${entry.mode} ${objectType(entry.mode)} ${entry.oid}\t${path}`);
            else
                entries.delete(path);
        }
        // --missing: the entries come from a tree the repository has; a partial clone may still lack
        // their blobs, which the new tree only names.
        return this.git.run(['mktree', '-z', '--missing'], {
            input: [...entries.values()].map((line) => `${line}\0`).join(''),
        });
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
        const dir = await this.dir();
        const files = ['ours', 'base', 'theirs'].map((name) => (0,external_node_path_.join)(dir, `merge-${n}-${name}`));
        const [oursFile, baseFile, theirsFile] = files;
        await Promise.all([
            (0,promises_.writeFile)(oursFile, ours),
            (0,promises_.writeFile)(baseFile, base),
            (0,promises_.writeFile)(theirsFile, theirs),
        ]);
        try {
            const result = await (0,exec/* exec */.m0)('git', ['merge-file', '-q', oursFile, baseFile, theirsFile], {
                cwd: dir,
                silent: true,
                okCodes: Array.from({ length: 256 }, (_, i) => i),
            });
            return result.exitCode === 0 ? await (0,promises_.readFile)(oursFile) : undefined;
        }
        finally {
            await Promise.all(files.map((f) => (0,promises_.unlink)(f).catch(() => { })));
        }
    }
}
/** objectType names what a tree entry's mode points at. */
function objectType(mode) {
    if (mode === '40000' || mode === '040000')
        return 'tree';
    return mode === '160000' ? 'commit' : 'blob';
}
/** parseTree reads a raw tree object ("<mode> <name>\0<binary id>" entries). */
function parseTree(bytes, idLength) {
    const out = [];
    let at = 0;
    while (at < bytes.length) {
        const space = bytes.indexOf(32, at);
        const nul = bytes.indexOf(0, space);
        if (space < 0 || nul < 0)
            break;
        const mode = bytes.subarray(at, space).toString('latin1');
        const path = bytes.subarray(space + 1, nul).toString('utf8');
        const oid = bytes.subarray(nul + 1, nul + 1 + idLength).toString('hex');
        out.push({ mode, oid, path });
        at = nul + 1 + idLength;
    }
    return out;
}

;// CONCATENATED MODULE: ../../packages/core/src/commit/paths.ts
// Paths and pathspecs: what the user wrote (`dvc.lock`, `metrics/*.json`, an absolute path inside
// the checkout) becomes a git pathspec relative to the repository root, and anything that points
// outside the repository, or into `.git`, is refused before git is asked anything. Pure.


/** repoPath normalises a path relative to the repository root (forward slashes, no `.` parts). */
function repoPath(path) {
    const clean = external_node_path_.posix.normalize(path.split(external_node_path_.sep).join('/')).replace(/^(\.\/)+/, '');
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
            throw new errors/* InputError */.dz(input, `has '${value}', a git pathspec with magic`, 'Write plain paths or globs such as dvc.lock or metrics/*.json.');
        }
        const absolute = (0,external_node_path_.resolve)(cwd, value);
        const rel = (0,external_node_path_.relative)((0,external_node_path_.resolve)(root), absolute);
        const path = repoPath(rel);
        if (rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel)) {
            throw new errors/* InputError */.dz(input, `has '${value}', which is outside the repository`, `List paths inside the repository checkout (${(0,external_node_path_.relative)(cwd, root) || '.'}).`);
        }
        if (path.split('/').some((part) => part.toLowerCase() === '.git')) {
            throw new errors/* InputError */.dz(input, `has '${value}', which is inside .git`, 'List files of the work tree.');
        }
        // `:(glob)` makes `*` stop at a slash, as in a shell; a literal path without glob characters
        // is marked literal so names with brackets or stars from the file system still match.
        specs.push(GLOB.test(path) ? `:(glob)${path || '.'}` : `:(literal)${path || '.'}`);
    }
    if (specs.length === 0) {
        throw new errors/* InputError */.dz(input, 'lists no path', 'List at least one file or glob, for example dvc.lock.');
    }
    return specs;
}
/**
 * isValidBranchName applies git's rules to `refs/heads/<name>` (git-check-ref-format: the answer of
 * `git check-ref-format refs/heads/<name>`, without starting git): no `..`, `@{`, `//`, control
 * characters, space or any of `~^:?*[\`; no part that starts with `.` or ends with `.lock`; no
 * leading or trailing `/`, no trailing `.`.
 */
function isValidBranchName(name) {
    if (!name || name.startsWith('/') || name.endsWith('/') || name.endsWith('.'))
        return false;
    if (name.includes('..') || name.includes('@{') || name.includes('//'))
        return false;
    if (/[\x00-\x20\x7f~^:?*[\\]/.test(name))
        return false;
    return name.split('/').every((part) => !part.startsWith('.') && !part.endsWith('.lock'));
}

;// CONCATENATED MODULE: ../../packages/core/src/commit/push-result.ts
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

;// CONCATENATED MODULE: ../../packages/core/src/commit/branch.ts
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
const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const FULL_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
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
 * locate answers, once and in parallel, where the repository is, where the remote is and which
 * commit `start` names, unless the caller already knows (`known`); and checks the branch name and
 * the paths without starting git.
 */
async function locate(options, branch, remote) {
    if (!branch || !isValidBranchName(branch)) {
        throw new errors/* ActionError */.lZ(`'${options.branch}' is not a valid branch name`, {
            hint: 'Give a branch name such as main or feature/x.',
        });
    }
    if (options.known)
        return options.known;
    const probe = new src_git/* Git */.T(options.cwd);
    const [location, pushUrl, startCommit] = await Promise.all([
        probe.tryRun(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository']),
        REMOTE_NAME.test(remote)
            ? probe.tryRun(['remote', 'get-url', '--push', remote])
            : Promise.resolve(remote),
        options.start ? probe.revParse(options.start) : Promise.resolve(undefined),
    ]);
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
    const known = { root, gitDir, shallow: shallowText === 'true', pushUrl };
    if (startCommit)
        known.startCommit = startCommit;
    return known;
}
/** readContents reads every file's new content once, before anything is built. */
async function readContents(root, files) {
    for (const path of files.keys()) {
        if (!isCommittablePath(path)) {
            throw new errors/* ActionError */.lZ(`'${path}' cannot be committed`, {
                hint: 'Give paths relative to the repository root, without . or .. parts, outside .git.',
            });
        }
    }
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
    return wanted;
}
/** fetchBranch fetches the branch into the tracking ref; a shallow clone gets 50 commits of it. */
function fetchBranch(run) {
    // Enough history to tell whether `start` is on the branch and which commit a conflict comes
    // from; a full clone is never made shallow.
    return run.net.exec([
        'fetch',
        '--no-tags',
        '--quiet',
        '--no-auto-gc',
        ...(run.shallow ? ['--depth=50'] : []),
        run.remote,
        `+refs/heads/${run.branch}:${run.trackingRef}`,
    ], { okCodes: [0, 1, 128], secrets: run.secrets });
}
/** fetchTip fetches the branch and returns its tip, or undefined when it does not exist. */
async function fetchTip(run) {
    const result = await fetchBranch(run);
    if (result.exitCode === 0)
        return run.git.revParse(run.trackingRef);
    if (/couldn't find remote ref|no such ref/i.test(result.stderr))
        return undefined;
    throw fetchError(result, run.where);
}
/** build makes this run's commit on a base commit (undefined: a root commit). */
async function build(run, baseCommit) {
    // A commit names its tree for ls-tree and read-tree alike.
    const tree = baseCommit;
    const known = baseCommit && baseCommit === run.startCommit ? run.startEntries : undefined;
    const found = await buildChange(run.scratch, tree, run.wanted, known);
    const base = { commit: baseCommit, tree };
    if (found.entries.size === 0)
        return { base, unchanged: found.unchanged };
    const newTree = await run.scratch.writeTree(tree, found.entries);
    const commit = await run.scratch.commitTree(newTree, baseCommit ? [baseCommit] : [], run.options.message, run.author, run.committer);
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
async function buildFirst(run, tip, prebuilt) {
    const { options, git, branch } = run;
    if (options.start && !run.startCommit) {
        // A full commit id that the branch tip is needs no look-up (a pull request head, most often).
        run.startCommit =
            options.start === tip && FULL_ID.test(tip) ? tip : await git.revParse(options.start);
    }
    const start = run.startCommit;
    if (tip && options.start) {
        if (!(start && (start === tip || (await isAncestor(git, start, tip))))) {
            throw new errors/* ActionError */.lZ(`${branch} no longer contains ${options.start.slice(0, 12)}, the commit these files were made from ` +
                `(its tip is ${tip.slice(0, 12)}: it was force-pushed or rewritten)`, { hint: `Re-run the workflow on the new head of ${branch}.` });
        }
        return prebuilt ? await prebuilt : build(run, start);
    }
    if (tip)
        return build(run, tip);
    const from = options.createFrom ?? options.start;
    if (from) {
        const fromCommit = from === options.start ? start : await git.revParse(from);
        if (!fromCommit) {
            throw new errors/* ActionError */.lZ(`${from} is not a commit in this repository`, {
                hint: 'Fetch it first, or give another commit to start the branch from.',
            });
        }
        return prebuilt && fromCommit === start ? await prebuilt : build(run, fromCommit);
    }
    if (options.orphan)
        return build(run, undefined);
    throw new errors/* ActionError */.lZ(`branch ${run.where} does not exist`, {
        hint: 'Create the branch first, or let the commit start it (orphan, or a commit to start from).',
    });
}
/**
 * placeOnTip puts the change on the current tip: as built, or rebased with a three-way merge per
 * file. A conflict keeps the commit and throws; undefined when the tip already has the change.
 */
async function placeOnTip(run, base, change, tip) {
    if (!tip || tip === base.commit) {
        return { commit: change.commit, parent: base.commit, changes: change.changes };
    }
    const merged = await rebaseChange(run.scratch, base.tree, tip, change.entries);
    if ('conflict' in merged) {
        await keep(run.git, run.keptRef, change.commit);
        const by = await describeConflict(run.git, merged.conflict, base.commit, tip);
        throw new CommitConflictError(run.branch, merged.conflict, by, change.commit, run.keptRef);
    }
    if (merged.entries.size === 0)
        return undefined;
    const tree = await run.scratch.writeTree(tip, merged.entries);
    const commit = await run.scratch.commitTree(tree, [tip], run.options.message, run.author, run.committer);
    (0,runtime/* info */.pq)(`${run.branch}: rebased onto ${tip.slice(0, 12)} as ${commit.slice(0, 12)}`);
    return { commit, parent: tip, changes: merged.changes };
}
/**
 * publish puts the commit on the branch, on condition that the branch is still `tip`: a push with
 * that expectation, or createCommitOnBranch with it as the expected head.
 */
async function publish(run, placed, tip) {
    const { options, branch } = run;
    if (!options.signed)
        return pushCommit(run, placed.commit, tip);
    if (!tip) {
        throw new errors/* ActionError */.lZ(`branch ${branch} does not exist, and signed commits go on an existing branch`, { hint: 'Create the branch first, or set signed to false.' });
    }
    const { publishSigned } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4165));
    return publishSigned(options.signed, run.scratch, {
        branch,
        expectedHead: tip,
        entries: await entriesAgainst(run.scratch, tip, placed.commit, run.paths),
        message: options.message,
    });
}
/** published records what the branch now holds in the workspace's refs. */
async function published(run, placed, sha) {
    if (sha !== placed.commit) {
        // GitHub made its own commit: fetch it, so the workspace knows what the branch holds.
        await fetchBranch(run);
    }
    else if (!REMOTE_NAME.test(run.remote)) {
        // A push to a named remote moves its remote-tracking ref by itself; to a URL it does not.
        await run.git.tryRun(['update-ref', run.trackingRef, sha]);
    }
    (0,runtime/* info */.pq)(`${run.branch}: ${sha.slice(0, 12)} published`);
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
async function commitFilesToBranch(options) {
    const branch = options.branch.replace(/^refs\/heads\//, '');
    const remote = options.remote ?? 'origin';
    const known = await locate(options, branch, remote);
    const files = fileMap(options.files);
    const wanted = await readContents(known.root, files);
    const auth = gitAuth(known.pushUrl, options.token, process.env);
    for (const secret of [options.token, ...auth.secrets])
        (0,runtime/* setSecret */.Pq)(secret);
    const author = options.author ?? commit_message/* GITHUB_ACTIONS_BOT */.iU;
    const scratch = await Scratch.open(new src_git/* Git */.T(known.root), known.gitDir, known.objects);
    const run = {
        options,
        branch,
        remote,
        root: known.root,
        shallow: known.shallow,
        git: new src_git/* Git */.T(known.root),
        net: new src_git/* Git */.T(known.root, auth.env),
        secrets: [...(options.token ? [options.token] : []), ...auth.secrets],
        trackingRef: REMOTE_NAME.test(remote)
            ? `refs/remotes/${remote}/${branch}`
            : `refs/mlops-actions/fetched/${branch}`,
        keptRef: `refs/mlops-actions/commit/${branch}`,
        where: `${branch} on ${(0,redact/* redactUrl */.B)(known.pushUrl)}`,
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
    }
    finally {
        // A commit still being built in the background must finish before its folder goes.
        await early;
        await scratch.close();
    }
}
/** publishWithRetries is the loop: fetch (or trust `start`), build or rebase, publish, back off. */
async function publishWithRetries(run, prebuilt) {
    const { options, branch, keptRef } = run;
    const sleep = options.sleep ?? sleepFor;
    const random = options.random ?? Math.random;
    // The first try trusts that the branch is still at `start`, when that can be checked by the
    // publish itself (a conditional push); it is not counted against `attempts` when it is refused.
    const trusting = !!run.startCommit && !options.signed && options.push !== false;
    const tries = run.attempts + (trusting ? 1 : 0);
    let built;
    let lastCommit;
    let lastFailure;
    const backoff = async (attempt, reason) => {
        const delayMs = backoffDelay(attempt, options.baseDelayMs ?? 1000, options.maxDelayMs ?? 15_000, random);
        (0,runtime/* info */.pq)(`${branch}: ${reason}; trying again in ${(delayMs / 1000).toFixed(1)}s`);
        await options.onProgress?.({ kind: 'retrying', attempt, delayMs, reason });
        await sleep(delayMs);
    };
    for (let attempt = 1; attempt <= tries; attempt++) {
        const trusted = trusting && attempt === 1;
        let tip;
        if (trusted) {
            tip = run.startCommit;
        }
        else {
            try {
                tip = await fetchTip(run);
            }
            catch (error) {
                if (!(error instanceof TransientError) || attempt === tries)
                    throw error;
                lastFailure = { kind: 'transient', detail: error.message };
                await backoff(attempt, error.message);
                continue;
            }
            await options.onProgress?.({ kind: 'fetched', attempt, tip });
            (0,runtime/* info */.pq)(`${branch}: tip ${tip ? tip.slice(0, 12) : '(branch does not exist yet)'} (attempt ${attempt}/${tries})`);
        }
        built ??= await buildFirst(run, tip, prebuilt);
        if (!built.change) {
            (0,runtime/* info */.pq)(`${branch}: ${run.paths.length === 1 ? run.paths[0] : 'the files'} already as wanted; nothing to commit`);
            return nothingToCommit(run, tip, attempt - 1, built.unchanged);
        }
        const unchanged = built.unchanged;
        const placed = await placeOnTip(run, built.base, built.change, tip);
        if (!placed) {
            (0,runtime/* info */.pq)(`${branch}: ${tip?.slice(0, 12)} already has these changes; nothing to commit`);
            return nothingToCommit(run, tip, attempt - 1, run.paths);
        }
        lastCommit = placed.commit;
        const result = (failure, sha = placed.commit) => ({
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
            (0,runtime/* info */.pq)(`${branch}: moved since ${tip?.slice(0, 12)}; fetching it`);
            built = undefined;
            continue;
        }
        if (attempt < tries)
            await backoff(attempt, kind === 'race' ? 'the branch moved meanwhile (someone pushed first)' : detail);
    }
    if (lastCommit)
        await keep(run.git, keptRef, lastCommit);
    throw new errors/* ActionError */.lZ(`could not publish to ${run.where} after ${run.attempts} attempts: ${lastFailure?.kind === 'race' ? 'the branch kept moving' : (lastFailure?.detail ?? 'unknown failure')}`, {
        hint: `${lastCommit ? `The commit ${lastCommit.slice(0, 12)} is kept at ${keptRef} in the workspace. ` : ''}Raise the number of attempts, or re-run the job.`,
    });
}
function nothingToCommit(run, tip, attempts, unchanged) {
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
class TransientError extends errors/* ActionError */.lZ {
}
function fetchError(result, where) {
    const failure = classifyPushFailure('', result.stderr);
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
async function pushCommit(run, commit, tip) {
    // A conditional push: the branch is updated only while it still is `tip` (absent when empty),
    // and `commit` is always a child of `tip`, so the update is a fast-forward and nobody's commit
    // can be lost. No `+`, and never a lease on anything but the parent of the commit pushed.
    const result = await run.net.exec([
        'push',
        '--porcelain',
        '--no-follow-tags',
        `--force-with-lease=refs/heads/${run.branch}:${tip ?? ''}`,
        run.remote,
        `${commit}:refs/heads/${run.branch}`,
    ], { okCodes: [0, 1, 128], secrets: run.secrets });
    if (result.exitCode === 0)
        return { ok: true, sha: commit };
    return { ok: false, failure: classifyPushFailure(result.stdout, result.stderr) };
}
/**
 * buildChange compares the wanted contents with a tree and returns the entries that differ: files
 * equal to the tree's (line endings aside) are unchanged; a changed text file takes the line-ending
 * style of the version it replaces.
 */
async function buildChange(scratch, baseTree, wanted, known) {
    const old = known ?? (await scratch.entries(baseTree, [...wanted.keys()]));
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
            if (sameIgnoringEol(tipBytes, ourBytes))
                result = t;
            else if (b && /^100/.test(b.mode)) {
                const baseBytes = await scratch.readBlob(b.oid);
                if (!isBinary(baseBytes) && !isBinary(tipBytes) && !isBinary(ourBytes)) {
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

// EXTERNAL MODULE: ../../packages/core/src/commit/publishing.ts
var publishing = __webpack_require__(4832);
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

;// CONCATENATED MODULE: ../../packages/core/src/commit/worktree.ts
// commitWorkTree: what the commit action does. It finds what changed under `paths` in the
// checkout, works out which branch and which commit the change belongs on (the pull request head,
// also when actions/checkout checked out the merge commit), decides whether a push can succeed at
// all (fork, read-only token), and hands the files to commitFilesToBranch.











function splitZ(text) {
    return text.split('\0').filter(Boolean);
}
async function rawParents(scratch, commit) {
    // Read from the object itself: in a shallow clone the parents are not there to resolve HEAD^2.
    const object = (await scratch.readObjects([commit])).get(commit);
    const parents = [];
    for (const line of (object?.bytes.toString('utf8') ?? '').split('\n')) {
        if (line === '')
            break;
        if (line.startsWith('parent '))
            parents.push(line.slice(7).trim());
    }
    return parents;
}
/**
 * changedPaths lists files under the pathspecs that differ from HEAD (untracked ones included),
 * the ignored ones, and HEAD's entries for them, from one `git status --porcelain=v2`: it names
 * HEAD's mode and object of each file, so nothing else is asked for them.
 */
async function changedPaths(git, specs) {
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
    const changes = new Map();
    const head = new Map();
    const untracked = [];
    const ignored = [];
    for (const record of splitZ(stdout)) {
        const kind = record[0];
        if (kind === '?')
            untracked.push(record.slice(2));
        else if (kind === '!')
            ignored.push(record.slice(2));
        else if (kind === '1' || kind === 'u') {
            // "1 XY sub mH mI mW hH hI path" (and "u XY sub m1 m2 m3 mW h1 h2 h3 path" when unmerged).
            const fields = record.split(' ');
            const path = fields.slice(kind === '1' ? 8 : 10).join(' ');
            const xy = fields[1] ?? '..';
            const change = headChange(xy[0] ?? '.', xy[1] ?? '.');
            if (!change)
                continue;
            changes.set(path, change);
            if (kind === '1' && change !== 'added') {
                head.set(path, { mode: fields[3] ?? '', oid: fields[6] ?? '', path });
            }
        }
    }
    // An untracked file where HEAD has none, or one removed from the index but still on disk.
    for (const path of untracked)
        changes.set(path, 'added');
    const changed = [...changes]
        .map(([path, change]) => ({ path, change }))
        .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    return { changed, ignored: ignored.sort(), head };
}
/**
 * headChange reads a status entry's XY (index against HEAD, work tree against index) as the change
 * of the work tree against HEAD, as `git diff HEAD` would: undefined when there is none.
 */
function headChange(x, y) {
    if (x === 'A')
        return y === 'D' ? undefined : 'added';
    if (x === 'D' || y === 'D')
        return 'deleted';
    if (x === '.' && y === '.')
        return undefined;
    return 'modified';
}
/**
 * matchedByLiteral tells whether every pathspec is a literal path that one of the found files is
 * at or under: then each matches a file, and git need not be asked again.
 */
function matchedByLiteral(specs, found) {
    const paths = [...found.changed.map((f) => f.path), ...found.ignored];
    return specs.every((spec) => {
        if (!spec.startsWith(':(literal)'))
            return false;
        const literal = spec.slice(':(literal)'.length);
        return literal === '.' || paths.some((p) => p === literal || p.startsWith(`${literal}/`));
    });
}
/**
 * dropEolOnly removes files that differ from HEAD only in their line endings. HEAD's blobs are read
 * with one git process, and kept in `scratch` for the commit.
 */
async function dropEolOnly(scratch, root, files, head, headCommit) {
    const modified = files
        .filter((f) => f.change === 'modified' && head.get(f.path)?.mode.startsWith('100'))
        .map((f) => f.path);
    if (modified.length === 0)
        return { kept: files, eolOnly: [] };
    // HEAD's tree comes along in the same git process: the commit is most often built on it.
    const oids = modified.map((path) => head.get(path)?.oid ?? '');
    // With the HEAD commit itself: on a pull request merge checkout its parents are read next.
    const reading = scratch.readObjects(headCommit ? [...oids, `${headCommit}^{tree}`, headCommit] : oids);
    const nows = await Promise.all(modified.map((path) => (0,promises_.readFile)((0,external_node_path_.join)(root, path)).catch(() => undefined)));
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
/** Where the commit steps of a job note what they pushed from this checkout (see commitWorkTree). */
function pushedFile(gitDir) {
    return (0,external_node_path_.join)(gitDir, 'mlops-actions', 'pushed.json');
}
/** pushedBefore returns what an earlier commit step of the job pushed to `branch` from here. */
async function pushedBefore(gitDir, branch) {
    try {
        const all = JSON.parse(await (0,promises_.readFile)(pushedFile(gitDir), 'utf8'));
        const entry = all[branch];
        return typeof entry?.commit === 'string' && typeof entry.from === 'string'
            ? { commit: entry.commit, from: entry.from }
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** notePushed records that `commit` was pushed to `branch`, made from `from`. */
async function notePushed(gitDir, branch, commit, from) {
    const file = pushedFile(gitDir);
    let all = {};
    try {
        all = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch {
        // None yet.
    }
    all[branch] = { commit, from };
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    await (0,promises_.writeFile)(file, `${JSON.stringify(all)}\n`);
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
async function checkCredentials(git, url, token) {
    if (token)
        return;
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
 * specsFromCwd makes the pathspecs relative to `cwd` itself, for a status asked before the root is
 * known: git reads pathspecs relative to the folder it runs in. An entry outside `cwd` gives none
 * (the status is then asked again from the root).
 */
function specsFromCwd(input, options) {
    try {
        return toPathspecs(input, options.paths, options.cwd, options.cwd);
    }
    catch {
        return [];
    }
}
/** locateCheckout asks git once where the repository is, what HEAD is, and on which branch. */
async function locateCheckout(cwd) {
    const probe = new src_git/* Git */.T(cwd);
    const where = ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository'];
    const text = (await probe.tryRun([...where, 'HEAD', '--symbolic-full-name', 'HEAD'])) ??
        // No commit checked out yet (or no repository): ask without HEAD to tell which.
        (await probe.tryRun(where));
    if (!text) {
        throw new errors/* ActionError */.lZ(`${cwd} is not inside a git repository`, {
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
async function findChanges(git, scratch, checkout, specs, options, early) {
    const pathsInput = options.pathsInput ?? 'paths';
    const found = early ?? (await changedPaths(git, specs));
    // A typo matches nothing: status cannot tell that for unchanged files, ls-files can.
    if (!matchedByLiteral(specs, found)) {
        await checkPathsMatch(git, pathsInput, options.paths, specs, options.failOnMissing === true);
    }
    return (0,runtime/* group */.Os)('Finding changes', async () => {
        const { kept, eolOnly } = await dropEolOnly(scratch, checkout.root, found.changed, found.head, checkout.head);
        for (const { path, change } of kept)
            (0,runtime/* info */.pq)(`${change}: ${path}`);
        for (const path of eolOnly)
            (0,runtime/* info */.pq)(`line endings only (not a change): ${path}`);
        if (found.ignored.length) {
            const shown = found.ignored.slice(0, 5).join(', ');
            (0,runtime/* warning */.$e)(`${found.ignored.length} file(s) under paths are ignored by .gitignore and were not committed: ${shown}${found.ignored.length > 5 ? ', …' : ''}`);
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
async function commitWorkTree(options) {
    const { context } = options;
    const pr = context.pullRequest;
    const remote = options.remote ?? 'origin';
    const pathsInput = options.pathsInput ?? 'paths';
    // Three questions at once, before the repository root is known: where it is and what HEAD is;
    // the status of the paths, asked from `cwd` with pathspecs relative to it (checked against the
    // root just after); and the remote's URL.
    const here = new src_git/* Git */.T(options.cwd);
    const fromCwd = specsFromCwd(pathsInput, options);
    const [checkout, early, pushUrl] = await Promise.all([
        locateCheckout(options.cwd),
        fromCwd.length ? changedPaths(here, fromCwd).catch(() => undefined) : undefined,
        /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(remote)
            ? here.tryRun(['remote', 'get-url', '--push', remote])
            : Promise.resolve(remote),
    ]);
    const { root, gitDir, head, current } = checkout;
    const git = new src_git/* Git */.T(root);
    const specs = toPathspecs(pathsInput, options.paths, options.cwd, root);
    const scratch = await Scratch.open(git, gitDir);
    let found;
    try {
        found = await findChanges(git, scratch, checkout, specs, options, early);
    }
    finally {
        await scratch.close();
    }
    if (!head) {
        throw new errors/* ActionError */.lZ('the repository has no commit checked out', {
            hint: 'Check out a branch or commit first (actions/checkout).',
        });
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
    if (pr?.headSha &&
        head !== pr.headSha &&
        (await rawParents(scratch, head)).includes(pr.headSha)) {
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
        await checkCredentials(git, pushUrl, options.token);
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
    let changedFrom = start;
    if (own) {
        const before = await pushedBefore(gitDir, branch);
        if (before?.from === start)
            changedFrom = before.commit;
    }
    const files = new Map(found.changed.map(({ path }) => [path, { workTree: true }]));
    const message = options.message || (0,commit_message/* defaultMessage */.zD)(found.changed.map((f) => f.path));
    // What is known already is handed on, so that git is not asked twice: HEAD's entries and blobs
    // are those of the commit the change is made on when that is HEAD.
    const known = pushUrl === undefined
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
    const result = await (0,runtime/* group */.Os)(`Committing to ${branch}`, () => commitFilesToBranch({
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
    }));
    if (result.pushed && result.sha)
        await notePushed(gitDir, branch, result.sha, start);
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

/***/ 4832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ CREATE_COMMIT_ON_BRANCH)
/* harmony export */ });
/** The GraphQL mutation behind `signed` (validated in tests against GitHub's published schema). */
const CREATE_COMMIT_ON_BRANCH = `mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit {
      oid
      url
    }
  }
}`;


/***/ }),

/***/ 4165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ classifyGraphQLFailure),
/* harmony export */   publishSigned: () => (/* binding */ publishSigned),
/* harmony export */   u: () => (/* binding */ commitInput)
/* harmony export */ });
/* harmony import */ var _message_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9954);
/* harmony import */ var _publishing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4832);
// Publishing through GitHub's GraphQL `createCommitOnBranch`: GitHub makes the commit itself and
// signs it, so it shows as Verified. `expectedHeadOid` makes the update conditional, like a push
// that is not forced: a branch that moved answers STALE_DATA, which the retry loop treats as a race.
// Loaded lazily: it pulls in the GitHub client.


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
        message: (0,_message_js__WEBPACK_IMPORTED_MODULE_0__/* .splitMessage */ .kw)(message),
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
        const data = await client.graphql(_publishing_js__WEBPACK_IMPORTED_MODULE_1__/* .CREATE_COMMIT_ON_BRANCH */ .w, variables);
        return { ok: true, sha: data.createCommitOnBranch.commit.oid };
    }
    catch (error) {
        return { ok: false, failure: classifyGraphQLFailure(error) };
    }
}


/***/ })

};

//# sourceMappingURL=360.index.js.map