import * as __WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__ from "./actions-core.js";
const { createRequire: __WEBPACK_EXTERNAL_createRequire } = process.getBuiltinModule("module");
/******/ var __webpack_modules__ = ({

/***/ 9954:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   aZ: () => (/* binding */ parseIdentity),
/* harmony export */   iU: () => (/* binding */ GITHUB_ACTIONS_BOT),
/* harmony export */   kw: () => (/* binding */ splitMessage),
/* harmony export */   zD: () => (/* binding */ defaultMessage)
/* harmony export */ });
/* unused harmony exports formatIdentity, describeFiles */
/* harmony import */ var _pure_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5327);
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

/***/ 2766:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  publishSigned: () => (/* binding */ publishSigned)
});

// UNUSED EXPORTS: classifyGraphQLFailure, commitInput

// EXTERNAL MODULE: ../../packages/core/src/commit/message.ts
var commit_message = __nccwpck_require__(9954);
;// CONCATENATED MODULE: ../../packages/core/src/commit/publishing.ts
/** The GraphQL mutation behind `signed` (validated in tests against GitHub's published schema). */
const CREATE_COMMIT_ON_BRANCH = `mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit {
      oid
      url
    }
  }
}`;

;// CONCATENATED MODULE: ../../packages/core/src/commit/signed.ts
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
        message: (0,commit_message/* splitMessage */.kw)(message),
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
    const { getOctokit } = await Promise.all(/* import() */[__nccwpck_require__.e(876), __nccwpck_require__.e(644)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8644));
    const client = getOctokit(signed.token, { apiUrl: signed.apiUrl });
    try {
        const data = await client.graphql(CREATE_COMMIT_ON_BRANCH, variables);
        return { ok: true, sha: data.createCommitOnBranch.commit.oid };
    }
    catch (error) {
        return { ok: false, failure: classifyGraphQLFailure(error) };
    }
}


/***/ }),

/***/ 5327:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pu: () => (/* binding */ failureLine),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/* unused harmony exports errorMessage, parseErrorMessage, FileParseError */
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
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   _o: () => (/* binding */ isDebug),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* unused harmony exports knownSecrets, saveState, getState, exportVariable, notice */
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
    core.saveState(name, value);
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
module.exports = x({ ["debug"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.debug), ["error"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.error), ["getInput"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.getInput), ["group"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.group), ["info"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.info), ["isDebug"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.isDebug), ["setOutput"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.setOutput), ["setSecret"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.setSecret), ["summary"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.summary), ["warning"]: () => (__WEBPACK_EXTERNAL_MODULE__actions_core_js_03bbfdad__.warning) });

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

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

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
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
        text = (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8');
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

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
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
    for (const dir of pathValue.split(external_node_path_namespaceObject.delimiter)) {
        if (!dir || !(0,external_node_path_namespaceObject.isAbsolute)(dir))
            continue;
        const candidate = (0,external_node_path_namespaceObject.join)(dir, name);
        if (isExecutableFile(candidate))
            return candidate;
    }
    return undefined;
}
/** isExecutableFile tells whether a path is a regular file (or a link to one) that we may execute. */
function isExecutableFile(path) {
    try {
        if (!(0,external_node_fs_namespaceObject.statSync)(path).isFile())
            return false;
        (0,external_node_fs_namespaceObject.accessSync)(path, external_node_fs_namespaceObject.constants.X_OK);
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
    const tool = (0,external_node_path_namespaceObject.basename)(words[0] ?? shown);
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
        throw missing((0,external_node_path_namespaceObject.basename)(command));
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
        return gone((0,external_node_path_namespaceObject.basename)(command));
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
        if (!(0,external_node_fs_namespaceObject.statSync)(cwd).isDirectory())
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
    const full = (0,external_node_path_namespaceObject.resolve)(folder);
    if (!workspace)
        return full;
    const rel = (0,external_node_path_namespaceObject.relative)((0,external_node_path_namespaceObject.resolve)(workspace), full);
    if (!rel)
        return '.';
    return rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel) ? full : rel.split(external_node_path_namespaceObject.sep).join('/');
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
;// CONCATENATED MODULE: ../../packages/core/src/pure/inputs.ts


const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
/** parseBoolean reads a YAML 1.2 core-schema boolean strictly: a typo is an error listing the accepted values. */
function parseBoolean(name, value) {
    const v = value.trim();
    if (TRUE_VALUES.includes(v))
        return true;
    if (FALSE_VALUES.includes(v))
        return false;
    throw new errors/* InputError */.dz(name, `is '${value}', which is not a boolean`, `Use one of: ${[...TRUE_VALUES, ...FALSE_VALUES].join(', ')}.`);
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
            throw new errors/* InputError */.dz(name, `is '${value}', which is not a duration`, 'Write it like 30s, 5m, 1h30m or 250ms (a bare number means seconds).');
        }
        total += Number(match[1]) * (UNIT_MS[match[2]] ?? 0);
        index = part.lastIndex;
    }
    if (!v)
        throw new errors/* InputError */.dz(name, 'is empty', 'Write a duration like 30s or 5m.');
    return Math.round(total);
}
/** parseInteger reads a whole number within [min, max]. */
function parseInteger(name, value, min = 0, max = Number.MAX_SAFE_INTEGER) {
    const v = value.trim();
    if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
        throw new errors/* InputError */.dz(name, `is '${value}'`, `Use a whole number ${range}.`);
    }
    return Number(v);
}
/** parseEnum accepts one of the allowed values, case-insensitively, and returns it as declared. */
function parseEnum(name, value, allowed) {
    const v = value.trim().toLowerCase();
    const found = allowed.find((a) => a.toLowerCase() === v);
    if (found === undefined) {
        throw new errors/* InputError */.dz(name, `is '${value}'`, `Use one of: ${allowed.join(', ')}.`);
    }
    return found;
}
/** resolveInside resolves a path against a root folder and refuses one that escapes it. */
function resolveInside(name, root, value) {
    const full = (0,external_node_path_namespaceObject.resolve)(root, value.trim());
    const rel = (0,external_node_path_namespaceObject.relative)((0,external_node_path_namespaceObject.resolve)(root), full);
    if (rel === '..' || rel.startsWith('../') || (0,external_node_path_namespaceObject.isAbsolute)(rel)) {
        throw new errors/* InputError */.dz(name, `is '${value}', which is outside the workspace`, 'Give a path inside the repository checkout (GITHUB_WORKSPACE).');
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
async function run_run(action, main) {
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
var commit_message = __nccwpck_require__(9954);
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
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
        this.folder ??= (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)(process.env['RUNNER_TEMP'] || (0,external_node_os_namespaceObject.tmpdir)(), 'mlops-commit-'));
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
            for (const [name, object] of (await catFileBatch(this.git, missing)) ?? []) {
                this.objects.set(name, object);
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
    /** remember keeps an object read elsewhere under the name it was asked for (see readObjects). */
    remember(name, object) {
        this.objects.set(name, object);
    }
    /**
     * rememberStored records that `bytes`, stored as `git add` would store them at `path` (clean
     * filters applied), are the blob `oid`: writeBlob then finds it without starting git.
     */
    rememberStored(path, bytes, oid) {
        this.objects.set(`path:${path}`, { oid, type: 'blob', bytes });
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
            await (0,promises_namespaceObject.rm)(await this.folder, { recursive: true, force: true });
    }
    /** readBlob returns a blob's exact bytes (`git unpack-file`: git writes them, we read the file). */
    async readBlob(oid) {
        const cached = this.objects.get(oid);
        if (cached?.type === 'blob')
            return cached.bytes;
        const dir = await this.dir();
        const { stdout } = await exec('git', ['unpack-file', oid], {
            cwd: dir,
            env: { GIT_DIR: this.gitDir, GIT_WORK_TREE: undefined },
            silent: true,
        });
        const file = (0,external_node_path_namespaceObject.join)(dir, stdout.trim());
        try {
            const bytes = await (0,promises_namespaceObject.readFile)(file);
            this.objects.set(oid, { oid, type: 'blob', bytes });
            return bytes;
        }
        finally {
            await (0,promises_namespaceObject.unlink)(file).catch(() => { });
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
        const env = { GIT_INDEX_FILE: (0,external_node_path_namespaceObject.join)(await this.dir(), `index-${++this.counter}`) };
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
        // By name as latin1 (a character per byte), so that every name, UTF-8 or not, passes through
        // byte for byte.
        const lines = new Map();
        for (const { mode, name: raw, oid } of treeRecords(tree.bytes, tree.oid.length / 2)) {
            lines.set(raw, `${mode} ${objectType(mode)} ${oid}\t${raw}`);
        }
        for (const [path, entry] of changes) {
            const raw = Buffer.from(path, 'utf8').toString('latin1');
            if (entry)
                lines.set(raw, `${entry.mode} ${objectType(entry.mode)} ${entry.oid}\t${raw}`);
            else
                lines.delete(raw);
        }
        // --missing: the entries come from a tree the repository has; a partial clone may still lack
        // their blobs, which the new tree only names.
        return this.git.run(['mktree', '-z', '--missing'], {
            input: Buffer.from([...lines.values()].map((line) => `${line}\0`).join(''), 'latin1'),
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
        const files = ['ours', 'base', 'theirs'].map((name) => (0,external_node_path_namespaceObject.join)(dir, `merge-${n}-${name}`));
        const [oursFile, baseFile, theirsFile] = files;
        await Promise.all([
            (0,promises_namespaceObject.writeFile)(oursFile, ours),
            (0,promises_namespaceObject.writeFile)(baseFile, base),
            (0,promises_namespaceObject.writeFile)(theirsFile, theirs),
        ]);
        try {
            const result = await exec('git', ['merge-file', '-q', oursFile, baseFile, theirsFile], {
                cwd: dir,
                silent: true,
                okCodes: Array.from({ length: 256 }, (_, i) => i),
            });
            return result.exitCode === 0 ? await (0,promises_namespaceObject.readFile)(oursFile) : undefined;
        }
        finally {
            await Promise.all(files.map((f) => (0,promises_namespaceObject.unlink)(f).catch(() => { })));
        }
    }
}
/**
 * catFileBatch asks one `git cat-file --batch` for objects by name (an object id, `<commit>^{tree}`,
 * `<rev>:<path>`; no newline in a name). `okCodes` as for Git.exec; undefined when git exits with
 * another code than 0.
 */
async function catFileBatch(git, names, okCodes = [0]) {
    if (names.length === 0)
        return new Map();
    const { exitCode, stdoutBytes } = await git.exec(['cat-file', '--batch'], {
        input: `${names.join('\n')}\n`,
        okCodes,
    });
    return exitCode === 0 ? parseBatch(names, stdoutBytes) : undefined;
}
/**
 * parseBatch reads cat-file --batch's answers, one per name in order: "<oid> <type> <size>\n", the
 * bytes and "\n"; or one line ("<name> missing", "<name> ambiguous") for a name that names nothing,
 * left out of the map.
 */
function parseBatch(names, out) {
    const objects = new Map();
    let at = 0;
    for (const name of names) {
        const eol = out.indexOf(10, at);
        if (eol < 0)
            break;
        // A name may hold spaces ("<rev>:<path>"): only an answer of exactly this form has bytes.
        const header = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+) (\d+)$/.exec(out.subarray(at, eol).toString('latin1'));
        at = eol + 1;
        if (!header)
            continue;
        const [, oid = '', type = '', size = '0'] = header;
        const length = Number(size);
        objects.set(name, { oid, type, bytes: Buffer.from(out.subarray(at, at + length)) });
        at += length + 1;
    }
    return objects;
}
/** objectType names what a tree entry's mode points at. */
function objectType(mode) {
    if (mode === '40000' || mode === '040000')
        return 'tree';
    return mode === '160000' ? 'commit' : 'blob';
}
/**
 * treeRecords reads a raw tree object ("<mode> <name>\0<binary id>" entries), names as latin1 (a
 * character per byte). The object is decoded once, not entry by entry: a root tree of a few hundred
 * entries is read in a fraction of a millisecond, where per-entry decoding takes several.
 */
function treeRecords(bytes, idLength) {
    const text = bytes.toString('latin1');
    const hex = bytes.toString('hex');
    const out = [];
    let at = 0;
    while (at < text.length) {
        const space = text.indexOf(' ', at);
        const nul = text.indexOf('\0', space);
        if (space < 0 || nul < 0)
            break;
        const mode = text.slice(at, space);
        const name = text.slice(space + 1, nul);
        out.push({ mode, name, oid: hex.slice(2 * (nul + 1), 2 * (nul + 1 + idLength)) });
        at = nul + 1 + idLength;
    }
    return out;
}
/** parseTree reads a raw tree object ("<mode> <name>\0<binary id>" entries), names as UTF-8. */
function parseTree(bytes, idLength) {
    return treeRecords(bytes, idLength).map(({ mode, name, oid }) => ({
        mode,
        oid,
        // Pure ASCII reads the same either way; anything else is UTF-8 in the bytes.
        path: /[^\x00-\x7f]/.test(name) ? Buffer.from(name, 'latin1').toString('utf8') : name,
    }));
}

;// CONCATENATED MODULE: ../../packages/core/src/commit/paths.ts
// Paths and pathspecs: what the user wrote (`dvc.lock`, `metrics/*.json`, an absolute path inside
// the checkout) becomes a git pathspec relative to the repository root, and anything that points
// outside the repository, or into `.git`, is refused before git is asked anything. Pure.


/** repoPath normalises a path relative to the repository root (forward slashes, no `.` parts). */
function repoPath(path) {
    const clean = external_node_path_namespaceObject.posix.normalize(path.split(external_node_path_namespaceObject.sep).join('/')).replace(/^(\.\/)+/, '');
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
        const absolute = (0,external_node_path_namespaceObject.resolve)(cwd, value);
        const rel = (0,external_node_path_namespaceObject.relative)((0,external_node_path_namespaceObject.resolve)(root), absolute);
        const path = repoPath(rel);
        if (rel === '..' || rel.startsWith(`..${external_node_path_namespaceObject.sep}`) || (0,external_node_path_namespaceObject.isAbsolute)(rel)) {
            throw new errors/* InputError */.dz(input, `has '${value}', which is outside the repository`, `List paths inside the repository checkout (${(0,external_node_path_namespaceObject.relative)(cwd, root) || '.'}).`);
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
function readWorkTree(root, path) {
    const full = (0,external_node_path_namespaceObject.join)(root, path);
    let stat;
    try {
        stat = (0,external_node_fs_namespaceObject.lstatSync)(full);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return null;
        throw e;
    }
    if (stat.isSymbolicLink()) {
        return { bytes: Buffer.from((0,external_node_fs_namespaceObject.readlinkSync)(full), 'utf8'), mode: '120000', filtered: false };
    }
    if (!stat.isFile()) {
        throw new errors/* ActionError */.lZ(`${path} is not a regular file`, {
            hint: 'List files (or globs that match files) to commit.',
        });
    }
    // The owner's execute bit, as git reads it.
    const mode = stat.mode & 0o100 ? '100755' : '100644';
    return { bytes: (0,external_node_fs_namespaceObject.readFileSync)(full), mode, filtered: true };
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
    const probe = new Git(options.cwd);
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
function readContents(root, files) {
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
            wanted.set(path, readWorkTree(root, path));
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
    const { publishSigned } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 2766));
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
    const wanted = readContents(known.root, files);
    const auth = gitAuth(known.pushUrl, options.token, process.env);
    for (const secret of [options.token, ...auth.secrets])
        (0,runtime/* setSecret */.Pq)(secret);
    const author = options.author ?? commit_message/* GITHUB_ACTIONS_BOT */.iU;
    const scratch = await Scratch.open(new Git(known.root), known.gitDir, known.objects);
    const run = {
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

// EXTERNAL MODULE: ../../packages/core/src/commit/signed.ts + 1 modules
var signed = __nccwpck_require__(2766);
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











const LITERAL = ':(literal)';
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
 * at or under, or a file HEAD has (`inHead`: status listing nothing for it, the index has it too):
 * then each matches a file, and git need not be asked again.
 */
function matchedByLiteral(specs, found, inHead) {
    const paths = [...found.changed.map((f) => f.path), ...found.ignored];
    return specs.every((spec) => {
        if (!spec.startsWith(LITERAL))
            return false;
        const literal = spec.slice(LITERAL.length);
        return (literal === '.' ||
            inHead.has(literal) ||
            paths.some((p) => p === literal || p.startsWith(`${literal}/`)));
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
    const nows = modified.map((path) => readIfAny((0,external_node_path_namespaceObject.join)(root, path)));
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
function readIfAny(file) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(file);
    }
    catch {
        return undefined;
    }
}
/** Where the commit steps of a job note what they pushed from this checkout (see commitWorkTree). */
function pushedFile(gitDir) {
    return (0,external_node_path_namespaceObject.join)(gitDir, 'mlops-actions', 'pushed.json');
}
/** pushedBefore returns what an earlier commit step of the job pushed to `branch` from here. */
function pushedBefore(gitDir, branch) {
    try {
        const all = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(pushedFile(gitDir), 'utf8'));
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
function notePushed(gitDir, branch, commit, from) {
    const file = pushedFile(gitDir);
    let all = {};
    try {
        all = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8'));
    }
    catch {
        // None yet.
    }
    all[branch] = { commit, from };
    (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(file), { recursive: true });
    (0,external_node_fs_namespaceObject.writeFileSync)(file, `${JSON.stringify(all)}\n`);
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
/** At most this many work-tree files, of at most this many bytes in all, are read ahead. */
const READ_AHEAD_FILES = 4;
const READ_AHEAD_BYTES = 1 << 20;
/**
 * readAhead asks, beside the first `git status`, what the commit of a changed file needs next, for
 * the literal paths entries that name small regular files (dvc.lock): HEAD's commit, root tree and
 * version of the file in one `git cat-file --batch`, and the file stored as `git add` would store
 * it (`git hash-object -w`; a blob nobody needs costs nothing). Every answer is checked where it is
 * used (see seedScratch): nothing is taken on trust. Undefined when there is nothing to read ahead.
 */
async function readAhead(git, specs) {
    const files = [];
    let budget = READ_AHEAD_BYTES;
    for (const spec of specs) {
        if (files.length === READ_AHEAD_FILES)
            break;
        const path = spec.startsWith(LITERAL) ? spec.slice(LITERAL.length) : '.';
        // A name with a newline cannot be asked of cat-file --batch.
        if (path === '.' || path.includes('\n'))
            continue;
        const file = (0,external_node_path_namespaceObject.join)(git.cwd, path);
        const stat = (0,external_node_fs_namespaceObject.lstatSync)(file, { throwIfNoEntry: false });
        if (!stat?.isFile() || stat.size > budget)
            continue;
        const bytes = readIfAny(file);
        if (!bytes || bytes.length > budget)
            continue;
        budget -= bytes.length;
        files.push({ path, bytes });
    }
    if (files.length === 0)
        return undefined;
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
function seedScratch(scratch, ahead, cwd, checkout) {
    const inHead = new Set();
    if (!ahead)
        return inHead;
    const paths = ahead.files.map((f) => repoPath((0,external_node_path_namespaceObject.relative)(checkout.root, (0,external_node_path_namespaceObject.resolve)(cwd, f.path))));
    const blobs = ahead.files.map((f) => ahead.objects.get(`HEAD:./${f.path}`));
    ahead.files.forEach((f, i) => {
        if (f.oid)
            scratch.rememberStored(paths[i] ?? '', f.bytes, f.oid);
        // Named by its id, a blob is the same whichever commit it was read from.
        const blob = blobs[i];
        if (blob?.type === 'blob')
            scratch.remember(blob.oid, blob);
    });
    const commit = ahead.objects.get('HEAD');
    if (commit?.type !== 'commit' || commit.oid !== checkout.head)
        return inHead;
    scratch.remember(commit.oid, commit);
    const tree = ahead.objects.get('HEAD^{tree}');
    const treeLine = `tree ${tree?.oid}\n`;
    // HEAD did not move between the answers: the commit names this tree.
    if (tree?.type !== 'tree' || commit.bytes.toString('latin1', 0, treeLine.length) !== treeLine) {
        return inHead;
    }
    scratch.remember(`${commit.oid}^{tree}`, tree);
    paths.forEach((path, i) => {
        if (blobs[i]?.type === 'blob')
            inHead.add(path);
    });
    return inHead;
}
/** locateCheckout asks git once where the repository is, what HEAD is, and on which branch. */
async function locateCheckout(cwd) {
    const probe = new Git(cwd);
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
async function findChanges(git, scratch, checkout, specs, options, early, inHead) {
    const pathsInput = options.pathsInput ?? 'paths';
    const found = early ?? (await changedPaths(git, specs));
    // A typo matches nothing: status cannot tell that for unchanged files, ls-files can.
    if (!matchedByLiteral(specs, found, inHead)) {
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
    let found;
    try {
        found = await findChanges(git, scratch, checkout, specs, options, early, inHead);
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
        const { canPush } = await __nccwpck_require__.e(/* import() */ 177).then(__nccwpck_require__.bind(__nccwpck_require__, 6177));
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
        notePushed(gitDir, branch, result.sha, start);
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











;// CONCATENATED MODULE: ./src/main.ts



// Statically: every run that gets past its inputs needs it, and a chunk loaded on demand costs a
// start-up of its own (read, compile, link) on the way to the first git call.

/** readInputs reads and checks the inputs before git is asked anything. */
function readInputs(inputs = new Inputs()) {
    const read = {
        paths: inputs.list('paths', { comma: true, required: true }),
        message: inputs.optional('message'),
        branch: inputs.optional('branch'),
        author: inputs.string('author', { required: true }),
        committer: inputs.string('committer', { required: true }),
        pushAttempts: inputs.integer('push-attempts', 5, 1, 50),
        signed: inputs.boolean('signed'),
        failOnNoPush: inputs.boolean('fail-on-no-push'),
        failOnMissing: inputs.boolean('fail-on-missing'),
        token: inputs.secret('token'),
        workingDirectory: inputs.path('working-directory'),
    };
    if (read.signed && !read.token) {
        throw new errors/* InputError */.dz('token', 'is empty, but signed commits are made through the GitHub API', 'Give a token, or set signed to false.');
    }
    return read;
}
/** checkWorkingDirectory fails, before git is asked anything, when the folder is not there. */
function checkWorkingDirectory(read, workspace) {
    const shown = (0,external_node_path_namespaceObject.relative)(workspace, read.workingDirectory).split(external_node_path_namespaceObject.sep).join('/') || '.';
    if (!(0,external_node_fs_namespaceObject.existsSync)(read.workingDirectory)) {
        throw new errors/* InputError */.dz('working-directory', `is '${shown}', a folder that does not exist`, 'Set it to the folder of the checkout (the path given to actions/checkout), relative to the workspace.');
    }
    if (!(0,external_node_fs_namespaceObject.statSync)(read.workingDirectory).isDirectory()) {
        throw new errors/* InputError */.dz('working-directory', `is '${shown}', a file, not a folder`, 'Set it to the folder of the checkout (the path given to actions/checkout), relative to the workspace.');
    }
}
/** commitStep runs the commit with plain values and writes outputs and the job summary. */
async function commitStep(inputs, context) {
    const author = commit_message/* parseIdentity */.aZ('author', inputs.author);
    const committer = commit_message/* parseIdentity */.aZ('committer', inputs.committer);
    const links = { serverUrl: context.serverUrl, repository: `${context.owner}/${context.repo}` };
    let result;
    try {
        result = await commitWorkTree({
            cwd: inputs.workingDirectory,
            paths: inputs.paths,
            failOnMissing: inputs.failOnMissing,
            ...(inputs.branch ? { branch: inputs.branch } : {}),
            ...(inputs.message ? { message: inputs.message } : {}),
            author,
            committer,
            attempts: inputs.pushAttempts,
            signed: inputs.signed,
            token: inputs.token,
            context,
        });
    }
    catch (error) {
        if (error instanceof CommitConflictError) {
            (0,runtime/* setOutput */.uH)('committed', 'true');
            (0,runtime/* setOutput */.uH)('pushed', 'false');
            (0,runtime/* setOutput */.uH)('commit-sha', error.localCommit);
            (0,runtime/* appendSummary */.fe)(`### Conflict: nothing pushed\n\n${error.message}.\n\n${error.hint ?? ''}`);
        }
        throw error;
    }
    (0,runtime/* setOutput */.uH)('committed', String(result.committed));
    (0,runtime/* setOutput */.uH)('pushed', String(result.pushed));
    (0,runtime/* setOutput */.uH)('commit-sha', result.committed ? (result.sha ?? '') : '');
    (0,runtime/* appendSummary */.fe)(commitSummary(result, links));
    if (result.noPush) {
        const line = `Not pushed to ${result.branch}: ${result.noPush.detail}`;
        if (inputs.failOnNoPush) {
            throw new errors/* ActionError */.lZ(line, {
                hint: 'Unset fail-on-no-push to let the job go on without the commit.',
            });
        }
        (0,runtime/* warning */.$e)(line);
    }
}
/** main is the action: read the inputs and the event, then commit. */
async function main() {
    const read = new Inputs();
    const inputs = readInputs(read);
    checkWorkingDirectory(inputs, read.workspace);
    await commitStep(inputs, readContext());
}

;// CONCATENATED MODULE: ./src/index.ts


void run_run('commit', main);


//# sourceMappingURL=index.js.map