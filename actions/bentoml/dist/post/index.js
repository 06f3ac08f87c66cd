import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

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
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
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
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  b: () => (/* binding */ post)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ../../packages/core/src/pure/errors.ts
/** ActionError is a failure whose message is written for the user: what happened, then what to do. */
class errors_ActionError extends Error {
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
class errors_InputError extends errors_ActionError {
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
    if (error instanceof errors_ActionError && error.hint)
        line += ` ${sentence(errorMessage(error.hint))}`;
    return line;
}

;// CONCATENATED MODULE: ../../packages/core/src/context.ts



/** readEventPayload reads the webhook payload at GITHUB_EVENT_PATH; an unreadable one is an error. */
function readEventPayload(env = process.env) {
    const path = env['GITHUB_EVENT_PATH'];
    if (!path)
        return {};
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (e) {
        throw new ActionError(`the event payload at GITHUB_EVENT_PATH (${path}) could not be read: ${e.message}`, {
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
    throw new ActionError(`the event payload at GITHUB_EVENT_PATH (${path}) is not a JSON object`, {
        hint: 'Point GITHUB_EVENT_PATH at a JSON webhook payload.',
    });
}
/** readContext returns the run's event context from the environment and the payload file. */
function readContext(env = process.env) {
    return eventContext(env, readEventPayload(env));
}

;// CONCATENATED MODULE: ../../packages/core/src/pure/redact.ts
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

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ../../packages/core/src/pure/commands.ts
/** escapeData escapes a workflow command's message the way the runner unescapes it. */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** escapeProperty escapes a workflow command's property value (also `:` and `,`). */
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** formatCommand renders a `::name props::message` workflow command line. */
function commands_formatCommand(name, properties, message) {
    const props = Object.entries(properties)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
/** formatKeyValue renders a `name<<delimiter` block for GITHUB_OUTPUT, GITHUB_STATE or GITHUB_ENV. */
function commands_formatKeyValue(name, value, delimiter) {
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`the value of '${name}' contains the delimiter ${delimiter}`);
    }
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

;// CONCATENATED MODULE: ../../packages/core/src/runtime.ts
// The runner's workflow-command protocol (inputs, outputs, state, logs, groups, masks, summary).
// @actions/core implements the same protocol, but its bundle pulls in an HTTP client and costs
// ~45 ms of cold start on every step (measured: 70 ms against 26 ms for `node -e ''` on Node 24).
// This file writes the same commands and files (the tests check it against @actions/core).
// Heavy built-ins (node:crypto, node:child_process) are reached only when needed, for the same reason.




const secrets = new Set();
function write(line, mask = true) {
    process.stdout.write((mask ? redactSecrets(line, secrets) : line) + external_node_os_namespaceObject.EOL);
}
/** issueCommand prints one `::name props::message` workflow command. */
function issueCommand(name, properties, message) {
    write(commands_formatCommand(name, properties, message));
}
function appendFileCommand(variable, name, value) {
    const file = process.env[variable];
    if (!file)
        return false;
    appendFileSync(file, formatKeyValue(name, value, `ghadelimiter_${globalThis.crypto.randomUUID()}`), 'utf8');
    return true;
}
/** setSecret masks a value (and each of its lines) in the log and in our own messages. */
function runtime_setSecret(value) {
    if (!value)
        return;
    for (const part of [value, ...value.split(/\r?\n/)]) {
        if (part.trim().length < 3 || secrets.has(part))
            continue;
        secrets.add(part);
        write(formatCommand('add-mask', {}, part), false);
    }
}
/** redact hides every value registered with setSecret. */
function redact(text) {
    return redactSecrets(text, secrets);
}
/** knownSecrets lists the values registered with setSecret, for tools that redact their own output. */
function knownSecrets() {
    return [...secrets];
}
/** setOutput sets a step output through GITHUB_OUTPUT; objects are written as JSON. */
function setOutput(name, value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (!appendFileCommand('GITHUB_OUTPUT', name, redact(text))) {
        write('');
        issueCommand('set-output', { name }, redact(text));
    }
}
/** saveState keeps a value for this action's post step (read back with getState). */
function saveState(name, value) {
    if (!appendFileCommand('GITHUB_STATE', name, value))
        issueCommand('save-state', { name }, value);
}
/** getState reads a value saved by saveState in the main step. */
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** exportVariable sets an environment variable for this and the following steps. */
function exportVariable(name, value) {
    process.env[name] = value;
    if (!appendFileCommand('GITHUB_ENV', name, value))
        issueCommand('set-env', { name }, value);
}
/** isDebug tells whether step debug logging is on (re-run with debug, or ACTIONS_STEP_DEBUG). */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/** debug logs a line shown only under step debug. */
function debug(message) {
    issueCommand('debug', {}, message);
}
/** info logs a plain line. */
function info(message) {
    write(message);
}
function annotation(kind, message, props) {
    issueCommand(kind, {
        title: props.title,
        file: props.file,
        line: props.line,
        endLine: props.endLine,
        col: props.col,
        endColumn: props.endColumn,
    }, message);
}
/** notice logs a notice annotation. */
function notice(message, props = {}) {
    annotation('notice', message, props);
}
/** warning logs a warning annotation. */
function warning(message, props = {}) {
    annotation('warning', message, props);
}
/** error logs an error annotation (it does not fail the step by itself). */
function error(message, props = {}) {
    annotation('error', message, props);
}
/** group runs `fn` inside a collapsible log group, so a run's log reads like a table of contents. */
async function group(title, fn) {
    issueCommand('group', {}, title);
    try {
        return await fn();
    }
    finally {
        issueCommand('endgroup', {}, '');
    }
}
/** appendSummary adds Markdown to the job summary page; a no-op outside a runner. */
function appendSummary(markdown) {
    const file = process.env['GITHUB_STEP_SUMMARY'];
    if (!file) {
        debug('GITHUB_STEP_SUMMARY is not set: the job summary is skipped');
        return;
    }
    appendFileSync(file, `${redact(markdown).replace(/\n*$/, '')}\n\n`, 'utf8');
}

;// CONCATENATED MODULE: ../../packages/core/src/exec.ts



/** ExecError is a tool that failed: the command, its exit code and the last lines of its stderr. */
class ExecError extends errors_ActionError {
    command;
    exitCode;
    stdout;
    stderr;
    constructor(command, result, reason, hint) {
        const tail = lastLines(result.stderr || result.stdout, 8);
        super(`\`${command}\` ${reason}${tail ? `: ${tail}` : ''}`, hint === undefined ? {} : { hint });
        this.name = 'ExecError';
        this.command = command;
        this.exitCode = result.exitCode;
        this.stdout = result.stdout;
        this.stderr = result.stderr;
    }
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
 */
async function exec_exec(command, args, options = {}) {
    const body = () => spawnTool(command, args, options);
    return options.group ? group(options.group, body) : body();
}
async function spawnTool(command, args, options) {
    const { spawn } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 421, 23));
    const hide = (text) => redactSecrets(redact(text), options.secrets ?? []);
    const shown = hide(displayCommand(command, args));
    const env = {};
    for (const [k, v] of Object.entries({ ...process.env, ...options.env }))
        if (v !== undefined)
            env[k] = v;
    if (!options.silent)
        info(`[command]${shown}`);
    const started = Date.now();
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, {
            cwd: options.cwd,
            env,
            stdio: ['pipe', 'pipe', 'pipe'],
            // Own process group, so a timeout stops the tool's children too.
            detached: true,
        });
        const out = [];
        const err = [];
        let timedOut = false;
        let killTimer;
        const timer = options.timeoutMs && options.timeoutMs > 0
            ? setTimeout(() => {
                timedOut = true;
                killGroup(child.pid, 'SIGTERM');
                killTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
            }, options.timeoutMs)
            : undefined;
        const echo = (stream, onLine) => splitLines((line) => {
            onLine?.(line);
            if (!options.silent)
                stream.write(`${hide(line)}\n`);
        });
        const outLines = echo(process.stdout, options.onStdoutLine);
        const errLines = echo(process.stderr, options.onStderrLine);
        child.stdout.on('data', (chunk) => {
            out.push(chunk);
            outLines.push(chunk.toString('utf8'));
        });
        child.stderr.on('data', (chunk) => {
            err.push(chunk);
            errLines.push(chunk.toString('utf8'));
        });
        child.stdin.on('error', () => {
            // The tool may exit without reading its input; its exit code tells the story.
        });
        child.stdin.end(options.input ?? '');
        child.on('error', (e) => {
            clearTimeout(timer);
            if (e.code === 'ENOENT') {
                reject(new errors_ActionError(`\`${command}\` was not found on PATH`, {
                    hint: options.notFoundHint ?? `Install ${command} on the runner, or add it to PATH.`,
                }));
            }
            else {
                reject(new errors_ActionError(`\`${shown}\` could not start: ${e.message}`));
            }
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            clearTimeout(killTimer);
            outLines.end();
            errLines.end();
            const stdoutBytes = Buffer.concat(out);
            const result = {
                exitCode: code ?? -1,
                stdout: stdoutBytes.toString('utf8'),
                stdoutBytes,
                stderr: Buffer.concat(err).toString('utf8'),
                durationMs: Date.now() - started,
            };
            const masked = { exitCode: code, stdout: hide(result.stdout), stderr: hide(result.stderr) };
            if (timedOut) {
                reject(new ExecError(shown, masked, `timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)}s`, 'Raise the timeout, or find out why the tool hangs.'));
            }
            else if (code === null) {
                reject(new ExecError(shown, masked, `was killed by ${signal}`));
            }
            else if (!(options.okCodes ?? [0]).includes(code)) {
                reject(new ExecError(shown, masked, `exited with code ${code}`));
            }
            else {
                resolve(result);
            }
        });
    });
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

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
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

;// CONCATENATED MODULE: ../../packages/core/src/pure/inputs.ts


const TRUE_VALUES = (/* unused pure expression or super */ null && (['true', 'True', 'TRUE']));
const FALSE_VALUES = (/* unused pure expression or super */ null && (['false', 'False', 'FALSE']));
/** parseBoolean reads a YAML 1.2 core-schema boolean strictly: a typo is an error listing the accepted values. */
function inputs_parseBoolean(name, value) {
    const v = value.trim();
    if (TRUE_VALUES.includes(v))
        return true;
    if (FALSE_VALUES.includes(v))
        return false;
    throw new InputError(name, `is '${value}', which is not a boolean`, `Use one of: ${[...TRUE_VALUES, ...FALSE_VALUES].join(', ')}.`);
}
/** parseList splits a multi-line input, and with `comma` also comma-separated values; blanks and `#` comments dropped. */
function inputs_parseList(value, options = {}) {
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
function inputs_parseDuration(name, value) {
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
            throw new InputError(name, `is '${value}', which is not a duration`, 'Write it like 30s, 5m, 1h30m or 250ms (a bare number means seconds).');
        }
        total += Number(match[1]) * (UNIT_MS[match[2]] ?? 0);
        index = part.lastIndex;
    }
    if (!v)
        throw new InputError(name, 'is empty', 'Write a duration like 30s or 5m.');
    return Math.round(total);
}
/** parseInteger reads a whole number within [min, max]. */
function inputs_parseInteger(name, value, min = 0, max = Number.MAX_SAFE_INTEGER) {
    const v = value.trim();
    if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
        throw new InputError(name, `is '${value}'`, `Use a whole number ${range}.`);
    }
    return Number(v);
}
/** parseEnum accepts one of the allowed values, case-insensitively, and returns it as declared. */
function inputs_parseEnum(name, value, allowed) {
    const v = value.trim().toLowerCase();
    const found = allowed.find((a) => a.toLowerCase() === v);
    if (found === undefined) {
        throw new InputError(name, `is '${value}'`, `Use one of: ${allowed.join(', ')}.`);
    }
    return found;
}
/** resolveInside resolves a path against a root folder and refuses one that escapes it. */
function inputs_resolveInside(name, root, value) {
    const full = resolve(root, value.trim());
    const rel = relative(resolve(root), full);
    if (rel === '..' || rel.startsWith('../') || isAbsolute(rel)) {
        throw new InputError(name, `is '${value}', which is outside the workspace`, 'Give a path inside the repository checkout (GITHUB_WORKSPACE).');
    }
    return full;
}

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
        return (this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
    }
    /** string returns an input, or throws when a required one is empty. */
    string(name, options = {}) {
        const value = this.raw(name);
        if (options.required && !value) {
            throw new InputError(name, 'is required but empty', `Set it under 'with:' in the workflow step.`);
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
        setSecret(value);
        return value;
    }
    /** boolean accepts only true/True/TRUE/false/False/FALSE; empty takes `fallback`. */
    boolean(name, fallback = false) {
        const value = this.raw(name);
        return value ? parseBoolean(name, value) : fallback;
    }
    /** list splits a multi-line (and with `comma`, comma-separated) input. */
    list(name, options = {}) {
        return parseList(this.string(name, options), options);
    }
    /** duration returns milliseconds from "30s", "5m", "1h30m" or a bare number of seconds. */
    duration(name, fallbackMs) {
        const value = this.raw(name);
        return value ? parseDuration(name, value) : fallbackMs;
    }
    /** integer returns a whole number within [min, max]. */
    integer(name, fallback, min = 0, max = Number.MAX_SAFE_INTEGER) {
        const value = this.raw(name);
        return value ? parseInteger(name, value, min, max) : fallback;
    }
    /** oneOf returns one of `allowed` (case-insensitive); empty takes `fallback`. */
    oneOf(name, allowed, fallback) {
        const value = this.raw(name);
        return value ? parseEnum(name, value, allowed) : fallback;
    }
    /** path resolves a path input against the workspace and refuses one outside it. */
    path(name, fallback = '.') {
        return resolveInside(name, this.workspace, this.raw(name) || fallback);
    }
    /** paths resolves a list of paths, each inside the workspace. */
    paths(name, options = {}) {
        return this.list(name, options).map((p) => resolveInside(name, this.workspace, p));
    }
}

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
        const location = thrown instanceof errors_ActionError ? thrown.location : undefined;
        error(redact(failureLine(action, thrown)), {
            file: location?.file,
            line: location?.line,
            col: location?.column,
        });
        if (isDebug() && thrown instanceof Error) {
            enableSourceMaps();
            if (thrown.stack)
                debug(redact(thrown.stack));
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









;// CONCATENATED MODULE: ./src/post.ts

/** post logs out of the registry main logged in to, so no credential stays on the runner. */
async function post() {
    // main saved the logout command itself, so this step loads nothing but the light core.
    const saved = getState('bentoml-login');
    if (!saved)
        return;
    const { command, args } = JSON.parse(saved);
    await exec_exec(command, args, { okCodes: [0, 1] });
}
void run('bentoml', post);

var __webpack_exports__post = __webpack_exports__.b;
export { __webpack_exports__post as post };

//# sourceMappingURL=index.js.map