const { createRequire: __WEBPACK_EXTERNAL_createRequire } = process.getBuiltinModule("module");
import * as __WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__ from "./actions-core.js";
/******/ var __webpack_modules__ = ({

/***/ 789:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  cI: () => (/* binding */ ExecError),
  m0: () => (/* binding */ exec),
  w$: () => (/* binding */ lastLines)
});

// UNUSED EXPORTS: displayCommand, shortCommand

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __nccwpck_require__(5327);
// EXTERNAL MODULE: ../../packages/core/src/pure/redact.ts
var redact = __nccwpck_require__(8217);
// EXTERNAL MODULE: ../../packages/core/src/runtime.ts
var runtime = __nccwpck_require__(9103);
;// CONCATENATED MODULE: ../../packages/core/src/tools/which.ts


/**
 * findOnPath returns the full path of an executable found on PATH (the first match, as a shell
 * would pick it), or undefined. `pathValue` defaults to this process's PATH.
 */
function findOnPath(name, pathValue = process.env['PATH'] ?? '') {
    for (const dir of pathValue.split(external_node_path_.delimiter)) {
        if (!dir || !(0,external_node_path_.isAbsolute)(dir))
            continue;
        const candidate = (0,external_node_path_.join)(dir, name);
        if (isExecutableFile(candidate))
            return candidate;
    }
    return undefined;
}
/** isExecutableFile tells whether a path is a regular file (or a link to one) that we may execute. */
function isExecutableFile(path) {
    try {
        if (!(0,external_node_fs_.statSync)(path).isFile())
            return false;
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/exec.ts






/**
 * ExecError is a tool that failed. Its message is one line: which tool and subcommand, how it
 * ended and the last line it wrote; the full command line and output are in the log (see exec).
 */
class ExecError extends errors/* ActionError */.lZ {
    command;
    exitCode;
    stdout;
    stderr;
    constructor(command, result, reason, hint) {
        const tail = lastLines(result.stderr || result.stdout, 1).slice(0, 300);
        super(`\`${shortCommand(command)}\` ${reason}${tail ? `: ${tail}` : ''}`, {
            hint: hint ?? 'Its full command line and output are in the log just above',
        });
        this.name = 'ExecError';
        this.command = command;
        this.exitCode = result.exitCode;
        this.stdout = result.stdout;
        this.stderr = result.stderr;
    }
}
/**
 * shortCommand names a displayed command line for an error message: the tool's file name and its
 * first word that is not an option (`/opt/venv/bin/dvc push --remote s3 -- a` -> `dvc push`).
 */
function shortCommand(shown) {
    const words = shown.split(/\s+/).filter(Boolean);
    const tool = (0,external_node_path_.basename)(words[0] ?? shown);
    const quoted = words.findIndex((w) => w.startsWith("'"));
    const before = words.slice(1, quoted < 0 ? undefined : quoted);
    const sub = before.find((w) => /^[a-z][a-z0-9-]*$/.test(w));
    return sub ? `${tool} ${sub}` : tool;
}
/** lastLines keeps the last `count` non-empty lines of a tool's output, joined by " / ". */
function lastLines(text, count) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(-count)
        .join(' / ');
}
/** displayCommand renders argv for a log line (quoted where needed); never used to run anything. */
function displayCommand(command, args) {
    return [command, ...args]
        .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
        .join(' ');
}
function splitLines(onLine) {
    let rest = '';
    return {
        push(chunk) {
            rest += chunk;
            let nl = rest.indexOf('\n');
            while (nl >= 0) {
                onLine(rest.slice(0, nl).replace(/\r$/, ''));
                rest = rest.slice(nl + 1);
                nl = rest.indexOf('\n');
            }
        },
        end() {
            if (rest)
                onLine(rest);
            rest = '';
        },
    };
}
/**
 * exec runs a tool from an argv array (never a shell string), echoes its output to the log with
 * secrets masked, and throws an ExecError naming the command and the last lines of its stderr.
 *
 * Tools run through `@actions/exec`'s `getExecOutput`, except a call that may have to be stopped
 * (`signal`, `timeoutMs`) or that feeds the tool `input`: `@actions/exec` 3 gives no handle on the
 * child, so it can neither stop it nor kill its children, and it writes `input` to a stdin with no
 * error handler, so a tool that exits without reading it crashes the action with EPIPE (tried
 * here: `true` given a single byte, within 200 runs). Those calls run in `spawnOwned`.
 */
async function exec(command, args, options = {}) {
    const body = () => run(command, args, options);
    return options.group ? (0,runtime/* group */.Os)(options.group, body) : body();
}
async function run(command, args, options) {
    const hide = (text) => (0,redact/* redactSecrets */.f)((0,runtime/* redact */.E$)(text), options.secrets ?? []);
    const shown = hide(displayCommand(command, args));
    const env = {};
    for (const [k, v] of Object.entries({ ...process.env, ...options.env }))
        if (v !== undefined)
            env[k] = v;
    const missing = options.cwd === undefined ? undefined : missingFolder(options.cwd);
    if (missing)
        throw missing((0,external_node_path_.basename)(command));
    if (!options.silent)
        (0,runtime/* info */.pq)(`[command]${shown}`);
    const echo = (stream, onLine) => splitLines((line) => {
        onLine?.(line);
        if (!options.silent)
            stream.write(`${hide(line)}\n`);
    });
    const call = {
        command,
        args,
        options,
        shown,
        hide,
        env,
        started: Date.now(),
        out: [],
        err: [],
        outLines: echo(process.stdout, options.onStdoutLine),
        errLines: echo(process.stderr, options.onStderrLine),
    };
    if (options.signal?.aborted)
        throw failed(call, { exitCode: null }, 'was stopped');
    const owned = options.signal || options.timeoutMs || options.input !== undefined;
    return owned ? spawnOwned(call) : runWithActionsExec(call);
}
/** runWithActionsExec runs a tool that needs no input and is never stopped early. */
async function runWithActionsExec(call) {
    const { getExecOutput } = await __nccwpck_require__.e(/* import() */ 32).then(__nccwpck_require__.bind(__nccwpck_require__, 3032));
    let exitCode;
    try {
        ({ exitCode } = await getExecOutput(located(call.command), [...call.args], {
            cwd: call.options.cwd,
            env: call.env,
            silent: true,
            ignoreReturnCode: true,
            listeners: {
                stdout: (chunk) => received(call, 'out', chunk),
                stderr: (chunk) => received(call, 'err', chunk),
            },
        }));
    }
    catch (e) {
        throw startFailure(call, e instanceof Error ? e.message : String(e));
    }
    // A tool killed by a signal has no exit code; @actions/exec passes on Node's null.
    return finished(call, exitCode ?? null, null);
}
/** Where each tool named without a folder was found, by PATH: a step runs git a dozen times. */
const foundOnPath = new Map();
/**
 * located gives `@actions/exec` the tool's full path when PATH has it, found once a process:
 * given a bare name, it looks through every folder of PATH on every call (about 1 ms with 17
 * folders). A tool not found is passed on as named, for `@actions/exec` to say so.
 */
function located(command) {
    if (command.includes('/'))
        return command;
    const key = `${process.env['PATH'] ?? ''}\0${command}`;
    let path = foundOnPath.get(key);
    if (path === undefined) {
        path = findOnPath(command);
        if (path !== undefined)
            foundOnPath.set(key, path);
    }
    return path ?? command;
}
/**
 * spawnOwned runs a tool in a process group of its own, so a timeout or an abort stops the tool
 * and its children, and feeds `input` to a stdin whose errors are handled (a tool may exit
 * without reading it; its exit code tells the story).
 */
async function spawnOwned(call) {
    const { spawn } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1421, 23));
    const { options } = call;
    return new Promise((resolvePromise, reject) => {
        const child = spawn(call.command, call.args, {
            cwd: options.cwd,
            env: call.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: true,
        });
        let ending;
        let killTimer;
        const stop = (why) => {
            ending ??= why;
            killGroup(child.pid, 'SIGTERM');
            killTimer ??= setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
        };
        const onAbort = () => stop('stopped');
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const timer = options.timeoutMs && options.timeoutMs > 0
            ? setTimeout(() => stop('timed out'), options.timeoutMs)
            : undefined;
        const settle = () => {
            clearTimeout(timer);
            clearTimeout(killTimer);
            options.signal?.removeEventListener('abort', onAbort);
        };
        child.stdout.on('data', (chunk) => received(call, 'out', chunk));
        child.stderr.on('data', (chunk) => received(call, 'err', chunk));
        child.stdin.on('error', () => { });
        child.stdin.end(options.input ?? '');
        child.on('error', (e) => {
            settle();
            reject(startFailure(call, e.code === 'ENOENT' ? 'ENOENT' : e.message));
        });
        child.on('close', (code, signal) => {
            settle();
            try {
                resolvePromise(finished(call, code, signal, ending));
            }
            catch (e) {
                reject(e);
            }
        });
    });
}
function received(call, stream, chunk) {
    call[stream].push(chunk);
    call[stream === 'out' ? 'outLines' : 'errLines'].push(chunk.toString('utf8'));
}
/** finished turns how a tool ended into its result, or the one-line ExecError. */
function finished(call, code, signal, ending) {
    call.outLines.end();
    call.errLines.end();
    const stdoutBytes = Buffer.concat(call.out);
    const result = {
        exitCode: code ?? -1,
        stdout: stdoutBytes.toString('utf8'),
        stdoutBytes,
        stderr: Buffer.concat(call.err).toString('utf8'),
        durationMs: Date.now() - call.started,
    };
    const seconds = Math.round((call.options.timeoutMs ?? 0) / 1000);
    if (ending === 'timed out') {
        throw failed(call, { exitCode: code }, `timed out after ${seconds}s`, 'Raise the timeout, or find out why the tool hangs (its output is in the log just above)');
    }
    if (ending === 'stopped')
        throw failed(call, { exitCode: code }, 'was stopped');
    if (code === null)
        throw failed(call, { exitCode: code }, `was killed by ${signal ?? 'a signal'}`);
    if (!(call.options.okCodes ?? [0]).includes(code)) {
        throw failed(call, { exitCode: code }, `exited with code ${code}`);
    }
    return result;
}
/** failed builds the ExecError for a tool that ran and writes its details to the log. */
function failed(call, how, reason, hint) {
    const error = new ExecError(call.shown, {
        exitCode: how.exitCode,
        stdout: call.hide(Buffer.concat(call.out).toString('utf8')),
        stderr: call.hide(Buffer.concat(call.err).toString('utf8')),
    }, reason, hint);
    logFailure(call.shown, error, call.options);
    return error;
}
/**
 * startFailure names why a tool did not start: the folder it was to run in went away, the tool is
 * not installed (`@actions/exec` looks it up on PATH first: "Unable to locate executable file"),
 * or the system refused to run it.
 */
function startFailure(call, message) {
    const { command, options } = call;
    const gone = options.cwd === undefined ? undefined : missingFolder(options.cwd);
    if (gone)
        return gone((0,external_node_path_.basename)(command));
    if (message === 'ENOENT' || /^Unable to locate executable file/.test(message)) {
        return new errors/* ActionError */.lZ(`\`${command}\` was not found on PATH`, {
            hint: options.notFoundHint ?? `Install ${command} on the runner, or add it to PATH.`,
        });
    }
    return new errors/* ActionError */.lZ(`\`${call.shown}\` could not start: ${call.hide(message)}`);
}
/**
 * missingFolder checks the folder a tool is to start in. Node reports a missing working folder as
 * ENOENT, the same code as a missing tool: without this check, the error would blame the tool.
 */
function missingFolder(cwd) {
    let problem;
    try {
        if (!(0,external_node_fs_.statSync)(cwd).isDirectory())
            problem = 'is not a folder';
    }
    catch {
        problem = 'does not exist';
    }
    if (!problem)
        return undefined;
    const shown = displayFolder(cwd);
    return (tool) => new errors/* ActionError */.lZ(`the folder '${shown}' that \`${tool}\` was to run in ${problem}`, {
        hint: 'Check the working-directory input (relative to the repository root) and that an earlier step created the folder',
    });
}
/** displayFolder shows a folder relative to the workspace when it is inside it. */
function displayFolder(folder) {
    const workspace = process.env['GITHUB_WORKSPACE'];
    const full = (0,external_node_path_.resolve)(folder);
    if (!workspace)
        return full;
    const rel = (0,external_node_path_.relative)((0,external_node_path_.resolve)(workspace), full);
    if (!rel)
        return '.';
    return rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? full : rel.split(external_node_path_.sep).join('/');
}
/**
 * logFailure writes what a failed tool did where a person reads it: the full command line, how it
 * ended, and (for a silent call, whose output was not echoed) its output, indented so that no line
 * of it is taken for a workflow command; in a log group of its own unless the caller has one open.
 * The error itself stays one line.
 */
function logFailure(shown, error, options) {
    const how = error.exitCode === null ? 'ended without an exit code' : `exit code ${error.exitCode}`;
    const lines = [`[command]${shown}`, `(${how})`];
    // Output that was echoed is in the log already, just above: only a silent call's is written here.
    if (options.silent) {
        const all = [error.stderr, error.stdout]
            .join('\n')
            .split(/\r?\n/)
            .filter((l) => l.trim());
        if (all.length > 400)
            lines.push(`(${all.length - 400} earlier lines left out)`);
        lines.push(...all.slice(-400).map((l) => `  ${l}`));
    }
    const body = `${lines.join('\n')}\n`;
    if (options.inGroup || options.group) {
        process.stdout.write(body);
        return;
    }
    process.stdout.write(`::group::\`${shortCommand(shown)}\` failed: its command line and output\n`);
    process.stdout.write(body);
    process.stdout.write('::endgroup::\n');
}
function killGroup(pid, signal) {
    if (!pid)
        return;
    try {
        process.kill(-pid, signal);
    }
    catch {
        // Already gone.
    }
}


/***/ }),

/***/ 5618:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  lZ: () => (/* reexport */ errors/* ActionError */.lZ),
  dz: () => (/* reexport */ errors/* InputError */.dz),
  G0: () => (/* reexport */ Inputs),
  fe: () => (/* reexport */ runtime/* appendSummary */.fe),
  gJ: () => (/* reexport */ errors/* errorMessage */.gJ),
  Os: () => (/* reexport */ runtime/* group */.Os),
  pq: () => (/* reexport */ runtime/* info */.pq),
  yI: () => (/* reexport */ readContext),
  eF: () => (/* reexport */ run),
  LZ: () => (/* reexport */ runtime/* saveState */.LZ),
  uH: () => (/* reexport */ runtime/* setOutput */.uH),
  Pq: () => (/* reexport */ runtime/* setSecret */.Pq),
  tp: () => (/* reexport */ markdown/* table */.tp),
  $e: () => (/* reexport */ runtime/* warning */.$e)
});

// UNUSED EXPORTS: ExecError, FileParseError, Git, backoffDelay, codeBlock, debug, details, displayCommand, error, escapeCell, eventContext, exec, exportVariable, failureLine, findUp, fitSections, getState, hiddenMarker, isDebug, knownSecrets, lastLines, link, notice, parseBoolean, parseDuration, parseEnum, parseErrorMessage, parseInteger, parseList, readEventPayload, readPullRequest, redact, redactSecrets, redactUrl, resolveInside, retry, shortCommand

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __nccwpck_require__(5327);
;// CONCATENATED MODULE: ../../packages/core/src/pure/event.ts
function obj(value) {
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
function str(value) {
    return typeof value === 'string' ? value : '';
}
/** readPullRequest extracts the pull request from a pull_request or pull_request_target payload. */
function readPullRequest(payload) {
    const pr = obj(payload['pull_request']);
    if (!pr)
        return undefined;
    const head = obj(pr['head']) ?? {};
    const base = obj(pr['base']) ?? {};
    const headRepo = str(obj(head['repo'])?.['full_name']);
    const baseRepo = str(obj(base['repo'])?.['full_name']);
    return {
        number: Number(pr['number'] ?? payload['number']),
        headSha: str(head['sha']),
        headRef: str(head['ref']),
        headRepo,
        baseRef: str(base['ref']),
        baseSha: str(base['sha']),
        // A deleted fork shows as a null head repo: treat it as a fork too (nothing can be pushed there).
        isFork: !headRepo || (baseRepo !== '' && headRepo.toLowerCase() !== baseRepo.toLowerCase()),
    };
}
/** eventContext combines the runner's GITHUB_* variables with the event payload. */
function eventContext(env, payload) {
    const [owner = '', repo = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
    const serverUrl = (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, '');
    const apiUrl = (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '');
    const graphqlUrl = (env['GITHUB_GRAPHQL_URL'] || `${apiUrl}/graphql`).replace(/\/+$/, '');
    const sha = env['GITHUB_SHA'] ?? '';
    const ref = env['GITHUB_REF'] ?? '';
    const pullRequest = readPullRequest(payload);
    const runId = env['GITHUB_RUN_ID'] ?? '';
    const runAttempt = env['GITHUB_RUN_ATTEMPT'] ?? '1';
    let branch;
    if (pullRequest?.headRef)
        branch = pullRequest.headRef;
    else if (ref.startsWith('refs/heads/'))
        branch = ref.slice('refs/heads/'.length);
    const repository = obj(payload['repository']);
    return {
        eventName: env['GITHUB_EVENT_NAME'] ?? '',
        owner,
        repo,
        sha,
        headSha: pullRequest?.headSha || sha,
        ref,
        branch,
        defaultBranch: str(repository?.['default_branch']) || undefined,
        pullRequest,
        serverUrl,
        apiUrl,
        graphqlUrl,
        runId,
        runAttempt,
        runUrl: owner && runId
            ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}${runAttempt !== '1' ? `/attempts/${runAttempt}` : ''}`
            : undefined,
        actor: env['GITHUB_ACTOR'] ?? '',
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/context.ts



/** readEventPayload reads the webhook payload at GITHUB_EVENT_PATH; an unreadable one is an error. */
function readEventPayload(env = process.env) {
    const path = env['GITHUB_EVENT_PATH'];
    if (!path)
        return {};
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (e) {
        throw new errors/* ActionError */.lZ(`the event payload at GITHUB_EVENT_PATH (${path}) could not be read: ${e.message}`, {
            hint: 'Run the action inside a GitHub Actions job, or point GITHUB_EVENT_PATH at a JSON webhook payload.',
        });
    }
    try {
        const payload = JSON.parse(text);
        if (payload && typeof payload === 'object' && !Array.isArray(payload))
            return payload;
    }
    catch {
        // Reported below.
    }
    throw new errors/* ActionError */.lZ(`the event payload at GITHUB_EVENT_PATH (${path}) is not a JSON object`, {
        hint: 'Point GITHUB_EVENT_PATH at a JSON webhook payload.',
    });
}
/** readContext returns the run's event context from the environment and the payload file. */
function readContext(env = process.env) {
    return eventContext(env, readEventPayload(env));
}

// EXTERNAL MODULE: ../../packages/core/src/exec.ts + 1 modules
var src_exec = __nccwpck_require__(789);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ../../packages/core/src/files.ts


/** findUp returns the nearest folder at or above `dir` that holds `name`, or undefined. */
function findUp(dir, name) {
    for (let current = resolve(dir);; current = dirname(current)) {
        if (existsSync(join(current, name)))
            return current;
        if (dirname(current) === current)
            return undefined;
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/git.ts

/** Git runs the real git CLI in one repository, quietly, with argv arrays. */
class Git {
    cwd;
    env;
    constructor(cwd, env = {}) {
        this.cwd = cwd;
        // Never wait for a password prompt or an editor on a runner.
        this.env = { GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', ...env };
    }
    /** exec runs `git <args>` and returns the whole result; throws an ExecError on failure. */
    exec(args, options = {}) {
        return exec('git', args, {
            cwd: this.cwd,
            silent: true,
            notFoundHint: 'Install git on the runner.',
            ...options,
            env: { ...this.env, ...options.env },
        });
    }
    /** run returns the trimmed stdout of `git <args>`. */
    async run(args, options = {}) {
        return (await this.exec(args, options)).stdout.trim();
    }
    /** tryRun returns the trimmed stdout, or undefined when git exits non-zero. */
    async tryRun(args, options = {}) {
        const result = await this.exec(args, { ...options, okCodes: [0, 1, 128, 129] });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    /** revParse resolves a revision to a full commit SHA, or undefined when it does not exist. */
    revParse(rev) {
        return this.tryRun(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
    }
    /** topLevel returns the root of the work tree. */
    topLevel() {
        return this.run(['rev-parse', '--show-toplevel']);
    }
    /** isShallow tells whether the clone was made with a limited depth. */
    async isShallow() {
        return (await this.run(['rev-parse', '--is-shallow-repository'])) === 'true';
    }
    /** currentBranch returns the checked-out branch, or undefined on a detached HEAD. */
    currentBranch() {
        return this.tryRun(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    }
    /** show returns a file's bytes at a revision, or undefined when it is not there. */
    async show(rev, path) {
        const result = await exec('git', ['cat-file', 'blob', `${rev}:${path.replace(/^\.\//, '')}`], {
            cwd: this.cwd,
            silent: true,
            okCodes: [0, 128],
            env: this.env,
        });
        return result.exitCode === 0 ? result.stdoutBytes : undefined;
    }
    /** fetch fetches refspecs from a remote; `depth` deepens or limits history. */
    async fetch(remote, refspecs, options = {}) {
        const args = ['fetch', '--no-tags', '--quiet'];
        if (options.depth)
            args.push(`--depth=${options.depth}`);
        await this.run([...args, remote, ...refspecs]);
    }
    /** changedPaths lists paths under `pathspecs` whose content differs from HEAD, plus untracked ones. */
    async changedPaths(pathspecs) {
        const { stdout: out } = await this.exec([
            'status',
            '--porcelain=v1',
            '-z',
            '--untracked-files=all',
            '--',
            ...pathspecs,
        ]);
        const paths = [];
        const fields = out.split('\0').filter(Boolean);
        for (let i = 0; i < fields.length; i++) {
            const entry = fields[i];
            paths.push(entry.slice(3));
            if (entry[0] === 'R' || entry[0] === 'C')
                i++;
        }
        return paths;
    }
}

// EXTERNAL MODULE: external "./actions-core.js"
var external_actions_core_js_ = __nccwpck_require__(9945);
// EXTERNAL MODULE: ../../packages/core/src/pure/inputs.ts
var inputs = __nccwpck_require__(7657);
// EXTERNAL MODULE: ../../packages/core/src/runtime.ts
var runtime = __nccwpck_require__(9103);
;// CONCATENATED MODULE: ../../packages/core/src/inputs.ts




/** Inputs reads an action's `with:` values from INPUT_* variables, strictly, one typed getter per kind. */
class Inputs {
    workspace;
    env;
    constructor(env = process.env) {
        this.env = env;
        this.workspace = env['GITHUB_WORKSPACE'] || process.cwd();
    }
    /** raw returns an input as the runner passes it (INPUT_<NAME>, spaces as underscores), trimmed. */
    raw(name) {
        // @actions/core reads the process's own environment; tests hand in a plain object instead.
        if (this.env === process.env)
            return (0,external_actions_core_js_.getInput)(name);
        return (this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
    }
    /** string returns an input, or throws when a required one is empty. */
    string(name, options = {}) {
        const value = this.raw(name);
        if (options.required && !value) {
            throw new errors/* InputError */.dz(name, 'is required but empty', `Set it under 'with:' in the workflow step.`);
        }
        return value;
    }
    /** optional returns an input, or undefined when it is empty. */
    optional(name) {
        return this.raw(name) || undefined;
    }
    /** secret returns an input and masks it in the log at once. */
    secret(name, options = {}) {
        const value = this.string(name, options);
        (0,runtime/* setSecret */.Pq)(value);
        return value;
    }
    /** boolean accepts only true/True/TRUE/false/False/FALSE; empty takes `fallback`. */
    boolean(name, fallback = false) {
        const value = this.raw(name);
        return value ? (0,inputs/* parseBoolean */.yG)(name, value) : fallback;
    }
    /** list splits a multi-line (and with `comma`, comma-separated) input. */
    list(name, options = {}) {
        return (0,inputs/* parseList */.E1)(this.string(name, options), options);
    }
    /** duration returns milliseconds from "30s", "5m", "1h30m" or a bare number of seconds. */
    duration(name, fallbackMs) {
        const value = this.raw(name);
        return value ? (0,inputs/* parseDuration */.E9)(name, value) : fallbackMs;
    }
    /** integer returns a whole number within [min, max]. */
    integer(name, fallback, min = 0, max = Number.MAX_SAFE_INTEGER) {
        const value = this.raw(name);
        return value ? (0,inputs/* parseInteger */.cG)(name, value, min, max) : fallback;
    }
    /** oneOf returns one of `allowed` (case-insensitive); empty takes `fallback`. */
    oneOf(name, allowed, fallback) {
        const value = this.raw(name);
        return value ? (0,inputs/* parseEnum */.nL)(name, value, allowed) : fallback;
    }
    /** path resolves a path input against the workspace and refuses one outside it. */
    path(name, fallback = '.') {
        return (0,inputs/* resolveInside */.LI)(name, this.workspace, this.raw(name) || fallback);
    }
    /** paths resolves a list of paths, each inside the workspace. */
    paths(name, options = {}) {
        return this.list(name, options).map((p) => (0,inputs/* resolveInside */.LI)(name, this.workspace, p));
    }
}

// EXTERNAL MODULE: ../../packages/core/src/pure/markdown.ts
var markdown = __nccwpck_require__(1357);
;// CONCATENATED MODULE: ../../packages/core/src/pure/index.ts
// Pure modules: no @actions/* imports, no process state; tested with plain values.







;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: ../../packages/core/src/run.ts



/**
 * run is every action's one failure funnel: it awaits `main`, and turns anything thrown (an Error
 * or not) into one error line "<action> failed: <what happened>. <what to do>." and exit code 1.
 * The stack trace is logged only under step debug.
 */
async function run(action, main) {
    try {
        await main();
    }
    catch (thrown) {
        const location = thrown instanceof errors/* ActionError */.lZ ? thrown.location : undefined;
        (0,runtime/* error */.z3)((0,runtime/* redact */.E$)((0,errors/* failureLine */.Pu)(action, thrown)), {
            file: location?.file,
            line: location?.line,
            col: location?.column,
        });
        if ((0,runtime/* isDebug */._o)() && thrown instanceof Error) {
            enableSourceMaps();
            if (thrown.stack)
                (0,runtime/* debug */.Yz)((0,runtime/* redact */.E$)(thrown.stack));
        }
        process.exitCode = 1;
    }
}
// The bundles ship source maps, but loading their support costs every step ~5 ms of start-up, so
// the build drops the eager import and it is loaded here, before the stack is first formatted.
function enableSourceMaps() {
    try {
        (0,external_node_module_namespaceObject.createRequire)(process.argv[1] ?? import.meta.url)('./sourcemap-register.cjs');
    }
    catch {
        // Running from source (tests), or the file is absent: plain stack traces.
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/index.ts
// The light part of the core: safe to import at an action's start. Heavy adapters (the GitHub
// client) live behind their own entry points and are imported lazily.










/***/ }),

/***/ 5327:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pu: () => (/* binding */ failureLine),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/* unused harmony exports parseErrorMessage, FileParseError */
/** ActionError is a failure whose message is written for the user: what happened, then what to do. */
class ActionError extends Error {
    hint;
    location;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'ActionError';
        this.hint = options.hint;
        this.location = options.location;
    }
}
/** InputError is an ActionError about one input of the action. */
class InputError extends ActionError {
    input;
    constructor(input, message, hint) {
        super(`input '${input}' ${message}`, hint === undefined ? {} : { hint });
        this.name = 'InputError';
        this.input = input;
    }
}
/** errorMessage extracts a one-line, human-readable message from any thrown value. */
function errorMessage(error) {
    let text;
    if (error instanceof Error) {
        text = error.message || error.name;
    }
    else if (typeof error === 'string') {
        text = error;
    }
    else if (error && typeof error === 'object' && 'message' in error) {
        text = String(error.message);
    }
    else {
        try {
            text = JSON.stringify(error) ?? String(error);
        }
        catch {
            text = String(error);
        }
    }
    const oneLine = text.replace(/\s*\r?\n\s*/g, ' ').trim();
    return oneLine || 'unknown error';
}
/** failureLine builds the single line an action fails with: "<action> failed: <what>. <what to do>." */
function failureLine(action, error) {
    const sentence = (text) => (/[.!?]$/.test(text) ? text : `${text}.`);
    let line = `${action} failed: ${sentence(errorMessage(error))}`;
    if (error instanceof ActionError && error.hint)
        line += ` ${sentence(errorMessage(error.hint))}`;
    return line;
}
/**
 * parseErrorMessage is the one way every action says a file does not parse: `dvc.yaml:4 does not
 * parse: invalid YAML, <what the parser saw>` (the line left out when it is not known).
 */
function parseErrorMessage(file, line, reason) {
    return `${file}${line ? `:${line}` : ''} does not parse: ${reason}`;
}
/** FileParseError is a file an action reads that does not parse, with an annotation on its line. */
class FileParseError extends ActionError {
    file;
    line;
    constructor(file, line, reason, hint) {
        super(parseErrorMessage(file, line, reason), {
            hint,
            location: line === undefined ? { file } : { file, line },
        });
        this.name = 'FileParseError';
        this.file = file;
        this.line = line;
    }
}


/***/ }),

/***/ 7657:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   LI: () => (/* binding */ resolveInside),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   nL: () => (/* binding */ parseEnum),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5327);


const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
/** parseBoolean reads a YAML 1.2 core-schema boolean strictly: a typo is an error listing the accepted values. */
function parseBoolean(name, value) {
    const v = value.trim();
    if (TRUE_VALUES.includes(v))
        return true;
    if (FALSE_VALUES.includes(v))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `is '${value}', which is not a boolean`, `Use one of: ${[...TRUE_VALUES, ...FALSE_VALUES].join(', ')}.`);
}
/** parseList splits a multi-line input, and with `comma` also comma-separated values; blanks and `#` comments dropped. */
function parseList(value, options = {}) {
    const items = [];
    for (const rawLine of value.split(/\r?\n/)) {
        const line = rawLine.trim();
        if (!line || line.startsWith('#'))
            continue;
        const parts = options.comma ? line.split(',') : [line];
        for (const part of parts) {
            const item = part.trim();
            if (item)
                items.push(item);
        }
    }
    return items;
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** parseDuration turns "90", "90s", "5m", "1h30m" or "250ms" into milliseconds; a bare number means seconds. */
function parseDuration(name, value) {
    const v = value.trim();
    if (/^\d+(\.\d+)?$/.test(v))
        return Math.round(Number(v) * 1000);
    const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
    let total = 0;
    let index = 0;
    while (index < v.length) {
        part.lastIndex = index;
        const match = part.exec(v);
        if (!match) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `is '${value}', which is not a duration`, 'Write it like 30s, 5m, 1h30m or 250ms (a bare number means seconds).');
        }
        total += Number(match[1]) * (UNIT_MS[match[2]] ?? 0);
        index = part.lastIndex;
    }
    if (!v)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, 'is empty', 'Write a duration like 30s or 5m.');
    return Math.round(total);
}
/** parseInteger reads a whole number within [min, max]. */
function parseInteger(name, value, min = 0, max = Number.MAX_SAFE_INTEGER) {
    const v = value.trim();
    if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `is '${value}'`, `Use a whole number ${range}.`);
    }
    return Number(v);
}
/** parseEnum accepts one of the allowed values, case-insensitively, and returns it as declared. */
function parseEnum(name, value, allowed) {
    const v = value.trim().toLowerCase();
    const found = allowed.find((a) => a.toLowerCase() === v);
    if (found === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `is '${value}'`, `Use one of: ${allowed.join(', ')}.`);
    }
    return found;
}
/** resolveInside resolves a path against a root folder and refuses one that escapes it. */
function resolveInside(name, root, value) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(root, value.trim());
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(root), full);
    if (rel === '..' || rel.startsWith('../') || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(rel)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `is '${value}', which is outside the workspace`, 'Give a path inside the repository checkout (GITHUB_WORKSPACE).');
    }
    return full;
}


/***/ }),

/***/ 1357:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony exports escapeCell, link, hiddenMarker, fitSections */
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
function link(text, url) {
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


/***/ }),

/***/ 8217:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ redactUrl),
/* harmony export */   f: () => (/* binding */ redactSecrets)
/* harmony export */ });
/** redactUrl removes a user name, password and sensitive query values from a URL-like string. */
function redactUrl(value) {
    return value
        .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1')
        .replace(/([?&](?:token|access_token|sig|signature|x-amz-signature|x-amz-credential|password)=)[^&#\s]*/gi, '$1***');
}
/** redactSecrets replaces every occurrence of each secret (and its URL-encoded form) in text with ***. */
function redactSecrets(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        if (!secret || secret.length < 3)
            continue;
        for (const form of new Set([secret, encodeURIComponent(secret)]))
            out = out.split(form).join('***');
    }
    return out;
}


/***/ }),

/***/ 9103:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   _o: () => (/* binding */ isDebug),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* unused harmony exports knownSecrets, getState, exportVariable, notice */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9945);
/* harmony import */ var _pure_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8217);
// The runner's protocol (outputs, state, logs, groups, masks, summary) through @actions/core, with
// two things it does not do: a registry of the masked values, so that our own messages (exec's
// errors, the failure line) hide them too, and the summary appended in order without awaiting.
// @actions/core's cold start is kept low in the bundling, not here: scripts/build-action.mjs
// leaves out its OIDC client (and the HTTP stack behind it), which no action calls.


const secrets = new Set();
/** setSecret masks a value (and each of its lines) in the log and in our own messages. */
function setSecret(value) {
    if (!value)
        return;
    for (const part of [value, ...value.split(/\r?\n/)]) {
        if (part.trim().length < 3 || secrets.has(part))
            continue;
        secrets.add(part);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(part);
    }
}
/** redact hides every value registered with setSecret. */
function redact(text) {
    return (0,_pure_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .f)(text, secrets);
}
/** knownSecrets lists the values registered with setSecret, for tools that redact their own output. */
function knownSecrets() {
    return [...secrets];
}
/** setOutput sets a step output, masked; objects are written as JSON. */
function setOutput(name, value) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, redact(typeof value === 'string' ? value : JSON.stringify(value)));
}
/** saveState keeps a value for this action's post step (read back with getState). */
function saveState(name, value) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(name, value);
}
/** getState reads a value saved by saveState in the main step. */
function getState(name) {
    return core.getState(name);
}
/** exportVariable sets an environment variable for this and the following steps. */
function exportVariable(name, value) {
    core.exportVariable(name, value);
}
/** isDebug tells whether step debug logging is on (re-run with debug, or ACTIONS_STEP_DEBUG). */
function isDebug() {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__.isDebug();
}
/** debug logs a line shown only under step debug. */
function debug(message) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(redact(message));
}
/** info logs a plain line. */
function info(message) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(redact(message));
}
// Only the properties given: @actions/core prints `::warning ::` for an object of undefined ones.
function annotation(props) {
    const all = {
        title: props.title,
        file: props.file,
        startLine: props.line,
        endLine: props.endLine,
        startColumn: props.col,
        endColumn: props.endColumn,
    };
    return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined && v !== ''));
}
/** notice logs a notice annotation. */
function notice(message, props = {}) {
    core.notice(redact(message), annotation(props));
}
/** warning logs a warning annotation. */
function warning(message, props = {}) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(redact(message), annotation(props));
}
/** error logs an error annotation (it does not fail the step by itself). */
function error(message, props = {}) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(redact(message), annotation(props));
}
/** group runs `fn` inside a collapsible log group, so a run's log reads like a table of contents. */
function group(title, fn) {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__.group(redact(title), fn);
}
// core.summary is one shared buffer written asynchronously: two writes in flight would both
// append it, so each block is added and written only after the previous write has finished.
let summaryWrites = Promise.resolve();
/**
 * appendSummary adds Markdown to the job summary page (a no-op outside a runner). Callers need
 * not await it: blocks are written in call order, and Node finishes the writes before it exits.
 */
function appendSummary(markdown) {
    if (!process.env['GITHUB_STEP_SUMMARY']) {
        debug('GITHUB_STEP_SUMMARY is not set: the job summary is skipped');
        return summaryWrites;
    }
    const block = `${redact(markdown).replace(/\n*$/, '')}\n`;
    summaryWrites = summaryWrites.then(async () => {
        try {
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(block, true).write();
        }
        catch (thrown) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.emptyBuffer();
            warning(`the job summary could not be written: ${String(thrown)}`);
        }
    });
    return summaryWrites;
}


/***/ }),

/***/ 9945:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var x = (y) => {
	var x = {}; __nccwpck_require__.d(x, y); return x
} 
var y = (x) => (() => (x))
module.exports = x({ ["debug"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.debug), ["error"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.error), ["getInput"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.getInput), ["group"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.group), ["info"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.info), ["isDebug"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.isDebug), ["saveState"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.saveState), ["setOutput"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.setOutput), ["setSecret"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.setSecret), ["summary"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.summary), ["warning"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.warning) });

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: ../../packages/core/src/index.ts + 8 modules
var src = __nccwpck_require__(5618);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/main.ts



/** The state key under which main leaves the kubeconfig folder for the post step to remove. */
const KUBECONFIG_STATE = 'kubeconfig-dir';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const CPU = /^(\d+(\.\d+)?|\.\d+)m?$/;
const MEMORY = /^(\d+(\.\d+)?|\.\d+)(k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
// An image reference: optional registry[:port]/, lower-case path, optional :tag and @digest.
const IMAGE = /^([a-zA-Z0-9.-]+(:\d+)?\/)?[a-z0-9]+([._-]{1,2}[a-z0-9]+)*(\/[a-z0-9]+([._-]{1,2}[a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;
/** isLabelKey checks a Kubernetes label key: an optional DNS-subdomain prefix and a name. */
function isLabelKey(key) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if (prefix !== undefined && (!DNS_SUBDOMAIN.test(prefix) || prefix.length > 253))
        return false;
    return name.length <= 63 && LABEL_NAME.test(name);
}
function isLabelValue(value) {
    return value === '' || (value.length <= 63 && LABEL_NAME.test(value));
}
function quantity(inputs, name, pattern, example) {
    const value = inputs.optional(name);
    if (value !== undefined && !pattern.test(value)) {
        throw new src/* InputError */.dz(name, `is '${value}', which is not a Kubernetes quantity`, `Write it as Kubernetes does, for example ${example}.`);
    }
    return value;
}
function readNodeSelector(inputs) {
    const selector = {};
    for (const entry of inputs.list('node-selector', { comma: true })) {
        const eq = entry.indexOf('=');
        const key = eq >= 0 ? entry.slice(0, eq).trim() : entry;
        const value = eq >= 0 ? entry.slice(eq + 1).trim() : '';
        if (eq < 0 || !isLabelKey(key) || !isLabelValue(value)) {
            throw new src/* InputError */.dz('node-selector', `has '${entry}', which is not a KEY=VALUE node label`, 'Write one node label per line, for example cloud.google.com/gke-accelerator=nvidia-tesla-t4.');
        }
        selector[key] = value;
    }
    return selector;
}
function readTolerations(inputs) {
    return inputs.list('tolerations', { comma: true }).map((entry) => {
        const m = /^([^=:]+)(?:=([^:]*))?(?::([A-Za-z]+))?$/.exec(entry);
        const key = m?.[1]?.trim() ?? '';
        const value = m?.[2]?.trim();
        const effect = m?.[3];
        const known = EFFECTS.find((e) => e === effect);
        if (!m ||
            !isLabelKey(key) ||
            (value !== undefined && !isLabelValue(value)) ||
            (effect !== undefined && !known)) {
            throw new src/* InputError */.dz('tolerations', `has '${entry}', which is not a toleration`, `Write KEY:EFFECT (any value) or KEY=VALUE:EFFECT, with EFFECT one of ${EFFECTS.join(', ')} (omitted: every effect), for example nvidia.com/gpu:NoSchedule.`);
        }
        return {
            key,
            operator: value === undefined ? 'Exists' : 'Equal',
            ...(value !== undefined ? { value } : {}),
            ...(known ? { effect: known } : {}),
        };
    });
}
function readCredential(inputs) {
    const appId = inputs.optional('app-id');
    const privateKey = inputs.optional('app-private-key');
    // Masked before anything else can print it.
    (0,src/* setSecret */.Pq)(privateKey);
    const installationId = inputs.optional('app-installation-id');
    if (appId || privateKey) {
        if (!appId) {
            throw new src/* InputError */.dz('app-id', 'is empty but app-private-key is set', "Set app-id to the GitHub App's id (or client id), for example 123456.");
        }
        if (!/^(\d+|Iv[0-9A-Za-z.]+)$/.test(appId)) {
            throw new src/* InputError */.dz('app-id', `is '${appId}', which is not a GitHub App id`, "Use the App's numeric id (its settings page, 'App ID') or its client id (Iv...).");
        }
        if (!privateKey) {
            throw new src/* InputError */.dz('app-private-key', 'is empty but app-id is set', "Pass the App's private key from a secret, for example ${{ secrets.RUNNER_APP_KEY }}.");
        }
        if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey)) {
            throw new src/* InputError */.dz('app-private-key', 'is not a PEM private key', "Store the App's whole .pem file (BEGIN ... PRIVATE KEY through END) in the secret.");
        }
        if (installationId !== undefined && !/^\d+$/.test(installationId)) {
            throw new src/* InputError */.dz('app-installation-id', `is '${installationId}', which is not a number`, 'Leave it empty to look the installation up, or give its numeric id.');
        }
        return { kind: 'app', appId, privateKey, installationId };
    }
    const token = inputs.secret('token');
    if (!token) {
        throw new src/* InputError */.dz('token', 'is empty and no GitHub App is set', 'Pass a token with Administration: read and write, or set app-id and app-private-key.');
    }
    return { kind: 'token', token };
}
function readLifetime(inputs) {
    if (!inputs.optional('max-lifetime'))
        return undefined;
    const ms = inputs.duration('max-lifetime', 0);
    if (ms < 60_000 || ms > 7 * 24 * 3_600_000) {
        throw new src/* InputError */.dz('max-lifetime', `is '${inputs.raw('max-lifetime')}', outside one minute to one week`, 'Give the longest a training job may run, for example 6h.');
    }
    return Math.round(ms / 1000);
}
/** readInputs reads and checks every input before anything heavy is loaded or created. */
function readInputs(inputs = new src/* Inputs */.G0()) {
    inputs.string('mode', { required: true });
    const read = {
        mode: inputs.oneOf('mode', ['start', 'stop'], 'start'),
        credential: readCredential(inputs),
        scope: inputs.oneOf('scope', ['repository', 'organization'], 'repository'),
        runnerGroupId: inputs.integer('runner-group-id', 1, 1),
        labels: inputs.list('labels', { comma: true }),
        // Not inputs.secret(): that would mask every line of the file; its credentials are masked
        // one by one once it is parsed.
        kubeconfig: inputs.optional('kubeconfig'),
        context: inputs.optional('context'),
        namespace: inputs.optional('namespace') ?? 'default',
        podTemplate: inputs.optional('pod-template') ? inputs.path('pod-template') : undefined,
        image: inputs.optional('image'),
        cpu: quantity(inputs, 'cpu', CPU, '4 or 1500m'),
        memory: quantity(inputs, 'memory', MEMORY, '16Gi or 512Mi'),
        gpu: inputs.optional('gpu') ? inputs.integer('gpu', 0, 0, 64) || undefined : undefined,
        gpuResource: inputs.optional('gpu-resource') ?? 'nvidia.com/gpu',
        shmSize: quantity(inputs, 'shm-size', MEMORY, '4Gi'),
        nodeSelector: readNodeSelector(inputs),
        tolerations: readTolerations(inputs),
        serviceAccount: inputs.optional('service-account'),
        maxLifetimeSeconds: readLifetime(inputs),
        timeoutMs: inputs.duration('timeout', 600_000),
    };
    if (!DNS_LABEL.test(read.namespace) || read.namespace.length > 63) {
        throw new src/* InputError */.dz('namespace', `is '${read.namespace}', which is not a namespace name`, 'Use lower-case letters, digits and dashes (at most 63), for example github-runners.');
    }
    for (const label of read.labels) {
        if (!/^[A-Za-z0-9._/:-]{1,100}$/.test(label)) {
            throw new src/* InputError */.dz('labels', `has '${label.slice(0, 120)}', which is not a runner label`, 'Use letters, digits and . _ - / : (at most 100 each), separated by commas or newlines, for example gpu,cuda-12.');
        }
    }
    if (!isLabelKey(read.gpuResource) || !read.gpuResource.includes('/')) {
        throw new src/* InputError */.dz('gpu-resource', `is '${read.gpuResource}', which is not an extended resource name`, 'Use the name the device plugin advertises, with its domain, for example nvidia.com/gpu.');
    }
    if (read.serviceAccount && !DNS_SUBDOMAIN.test(read.serviceAccount)) {
        throw new src/* InputError */.dz('service-account', `is '${read.serviceAccount}', which is not a service account name`, 'Use lower-case letters, digits, dashes and dots, for example runner-jobs.');
    }
    if (read.image && !IMAGE.test(read.image)) {
        throw new src/* InputError */.dz('image', `is '${read.image}', which is not an image reference`, 'Write [REGISTRY[:PORT]/]PATH[:TAG][@sha256:DIGEST] with a lower-case path, for example ghcr.io/acme/github-runner:2.330.0.');
    }
    if (read.mode === 'start' && !read.image && !read.podTemplate) {
        throw new src/* InputError */.dz('image', 'is empty and no pod-template names one', 'Set image to the runner image built from docker/ (for example ghcr.io/acme/github-runner:2.330.0), or give a pod-template.');
    }
    if (read.timeoutMs < 10_000) {
        throw new src/* InputError */.dz('timeout', 'is shorter than ten seconds', 'Give the pod time to be scheduled, pull its image and connect, for example 10m.');
    }
    return read;
}
function runnerTemp() {
    const dir = process.env['RUNNER_TEMP'] || (0,external_node_os_namespaceObject.tmpdir)();
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    return dir;
}
/** main reads the inputs, writes the kubeconfig, then starts or stops the runner. */
async function main() {
    const inputs = readInputs();
    const context = (0,src/* readContext */.yI)();
    if (!context.owner || !context.repo || !context.runId) {
        throw new src/* ActionError */.lZ('GITHUB_REPOSITORY or GITHUB_RUN_ID is not set', {
            hint: 'Run the action in a GitHub Actions job: the runner label is made from the run id',
        });
    }
    const k8s = await Promise.all(/* import() */[__nccwpck_require__.e(483), __nccwpck_require__.e(464)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3464));
    let kubeconfigPath;
    if (inputs.kubeconfig) {
        const config = k8s.readKubeconfig(inputs.kubeconfig);
        for (const secret of config.secrets)
            (0,src/* setSecret */.Pq)(secret);
        if (config.text.trim() !== inputs.kubeconfig.trim())
            (0,src/* setSecret */.Pq)(inputs.kubeconfig);
        if (inputs.context && !(inputs.context in config.servers)) {
            throw new src/* InputError */.dz('context', `is '${inputs.context}', which the kubeconfig does not define`, `Use one of: ${Object.keys(config.servers).join(', ')}.`);
        }
        const dir = (0,external_node_fs_.mkdtempSync)(`${runnerTemp()}/runner-pod-kubeconfig-`);
        (0,external_node_fs_.chmodSync)(dir, 0o700);
        (0,src/* saveState */.LZ)(KUBECONFIG_STATE, dir);
        kubeconfigPath = `${dir}/config`;
        (0,external_node_fs_.writeFileSync)(kubeconfigPath, config.text, { mode: 0o600 });
        (0,external_node_fs_.chmodSync)(kubeconfigPath, 0o600);
        const server = config.servers[inputs.context ?? config.currentContext ?? ''];
        (0,src/* info */.pq)(`kubeconfig written (mode 0600)${server ? `, server ${server}` : ''}`);
    }
    const { start, stop } = await Promise.all(/* import() */[__nccwpck_require__.e(483), __nccwpck_require__.e(876), __nccwpck_require__.e(464), __nccwpck_require__.e(229)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9229));
    if (inputs.mode === 'start')
        await start(inputs, context, kubeconfigPath);
    else
        await stop(inputs, context, kubeconfigPath);
}

;// CONCATENATED MODULE: ./src/index.ts


void (0,src/* run */.eF)('runner-pod', main);


//# sourceMappingURL=index.js.map