export const id = 542;
export const ids = [542];
export const modules = {

/***/ 1542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CAUSE_TEXT: () => (/* reexport */ CAUSE_TEXT),
  DEFAULT_DVC_VERSION: () => (/* reexport */ DEFAULT_DVC_VERSION),
  DvcError: () => (/* reexport */ DvcError),
  allStages: () => (/* reexport */ allStages),
  changedLockStages: () => (/* reexport */ changedLockStages),
  checkParams: () => (/* reexport */ checkParams),
  classifyStages: () => (/* reexport */ classifyStages),
  credentialHint: () => (/* reexport */ credentialHint),
  describeRemote: () => (/* reexport */ describeRemote),
  displayPath: () => (/* reexport */ displayPath),
  dvcCacheKeys: () => (/* reexport */ dvcCacheKeys),
  dvcEnv: () => (/* reexport */ dvcEnv),
  dvcErrorLines: () => (/* reexport */ dvcErrorLines),
  dvcExtras: () => (/* reexport */ dvcExtras),
  dvcPython: () => (/* reexport */ dvcPython),
  dvcRequirement: () => (/* reexport */ dvcRequirement),
  dvcVersion: () => (/* reexport */ dvcVersion),
  dvcVersionFromFiles: () => (/* reexport */ dvcVersionFromFiles),
  explainDvcFailure: () => (/* reexport */ explainDvcFailure),
  failureSummary: () => (/* reexport */ failureSummary),
  findDvcRoot: () => (/* reexport */ findDvcRoot),
  findStage: () => (/* reexport */ findStage),
  formatDuration: () => (/* reexport */ formatDuration),
  isDirectory: () => (/* reexport */ isDirectory),
  isRemoteAccessProblem: () => (/* reexport */ isRemoteAccessProblem),
  isTransientRemoteError: () => (/* reexport */ isTransientRemoteError),
  loadProject: () => (/* reexport */ loadProject),
  localRemoteAnswers: () => (/* reexport */ localRemoteAnswers),
  lockName: () => (/* reexport */ lockName),
  lockOutputs: () => (/* reexport */ lockOutputs),
  lockTexts: () => (/* reexport */ lockTexts),
  outputOf: () => (/* reexport */ outputOf),
  parseConfigList: () => (/* reexport */ parseConfigList),
  parseDvcConfig: () => (/* reexport */ parseDvcConfig),
  parseLock: () => (/* reexport */ parseLock),
  parsePushCount: () => (/* reexport */ parsePushCount),
  parseReproLog: () => (/* reexport */ parseReproLog),
  pipelineStages: () => (/* reexport */ pipelineStages),
  planDvcCache: () => (/* reexport */ planDvcCache),
  planPush: () => (/* reexport */ planPush),
  planRepro: () => (/* reexport */ planRepro),
  plannedRemote: () => (/* reexport */ plannedRemote),
  probeRemote: () => (/* reexport */ probeRemote),
  pushArgs: () => (/* reexport */ pushArgs),
  pushData: () => (/* reexport */ pushData),
  pushSummary: () => (/* reexport */ pushSummary),
  readLocks: () => (/* reexport */ readLocks),
  readRemotes: () => (/* reexport */ readRemotes),
  redactUrlsIn: () => (/* reexport */ redactUrlsIn),
  remoteKind: () => (/* reexport */ remoteKind),
  remotesFromFiles: () => (/* reexport */ remotesFromFiles),
  reproArgs: () => (/* reexport */ reproArgs),
  reproSummary: () => (/* reexport */ reproSummary),
  reproduce: () => (/* reexport */ reproduce),
  requireRemote: () => (/* reexport */ requireRemote),
  resolveLocalRemotes: () => (/* reexport */ resolveLocalRemotes),
  resolveTargets: () => (/* reexport */ resolveTargets),
  restoreDvcCache: () => (/* reexport */ restoreDvcCache),
  retryTransient: () => (/* reexport */ retryTransient),
  runDvc: () => (/* reexport */ runDvc),
  runDvcWithRetry: () => (/* reexport */ runDvcWithRetry),
  saveDvcCache: () => (/* reexport */ saveDvcCache),
  setupDvc: () => (/* reexport */ setupDvc),
  shownPath: () => (/* reexport */ shownPath),
  transientCause: () => (/* reexport */ transientCause),
  uncachedOutputs: () => (/* reexport */ uncachedOutputs),
  usedRemote: () => (/* reexport */ usedRemote)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __webpack_require__(5327);
// EXTERNAL MODULE: ../../packages/core/src/runtime.ts
var runtime = __webpack_require__(9103);
;// CONCATENATED MODULE: ../../packages/core/src/dvc/cache-key.ts
// Pure: the @actions/cache keys under which a DVC project's cache folder is saved and restored.
/**
 * dvcCacheKeys keys the cache on dvc.lock: `dvc-cache-v1-Linux-<folder>-<sha256 of dvc.lock>`.
 * An unchanged pipeline finds its exact entry; after a change, the restore key falls back on the
 * newest entry of the same project, whose objects DVC reuses for every stage that did not change.
 * Keys hold no commas (the cache service splits on them) and stay far below its 512 characters.
 */
function dvcCacheKeys(input) {
    const folder = folderSlug(input.workingDirectory);
    const prefix = `dvc-cache-${input.version ?? 'v1'}-${slug(input.os) || 'unknown'}-${folder}-`;
    const lock = input.lockText === undefined ? 'no-lock' : sha256(normalizeLock(input.lockText)).slice(0, 32);
    return { key: `${prefix}${lock}`, restoreKeys: [prefix] };
}
/** Line endings do not change a lock file's meaning (a Windows checkout with autocrlf). */
function normalizeLock(text) {
    return text.replace(/\r\n/g, '\n');
}
function folderSlug(workingDirectory) {
    const clean = workingDirectory
        .replace(/\\/g, '/')
        .replace(/^\.\/+/, '')
        .replace(/\/+$/, '');
    if (!clean || clean === '.')
        return 'root';
    const readable = slug(clean);
    // Two folders can slug alike (`a/b` and `a_b`); the hash keeps their caches apart.
    return `${readable.slice(0, 40)}.${sha256(clean).slice(0, 8)}`;
}
function slug(text) {
    return text.replace(/[^A-Za-z0-9._-]+/g, '_');
}
// node:crypto is loaded when a key is computed, not with the module (about 5 ms of a step's start).
function sha256(text) {
    return process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('hex');
}

// EXTERNAL MODULE: ../../packages/core/src/exec.ts
var exec = __webpack_require__(8018);
// EXTERNAL MODULE: ../../packages/core/src/pure/retry.ts
var retry = __webpack_require__(2192);
// EXTERNAL MODULE: ../../packages/core/src/tools/which.ts
var which = __webpack_require__(5062);
// EXTERNAL MODULE: ../../packages/core/src/pure/redact.ts
var redact = __webpack_require__(8217);
;// CONCATENATED MODULE: ../../packages/core/src/dvc/config.ts
// Pure: DVC remotes as configured, what kind of storage each is, the pip extra it needs and the
// credentials it expects. No @actions/* imports, no process state.


/**
 * parseDvcConfig reads `.dvc/config` (and then `.dvc/config.local`, which overrides it) as DVC's
 * configobj writes them: `['remote "storage"']` sections with `url = …` lines.
 */
function parseDvcConfig(...texts) {
    const values = new Map();
    for (const text of texts) {
        let section = '';
        for (const raw of (text ?? '').split(/\r?\n/)) {
            const line = raw.trim();
            if (!line || line.startsWith('#') || line.startsWith(';'))
                continue;
            const header = /^\[+\s*(.*?)\s*\]+$/.exec(line);
            if (header) {
                section = unquote(header[1]).replace(/^(\w+)\s+["'](.*)["']$/, '$1.$2');
                continue;
            }
            const eq = line.indexOf('=');
            if (eq > 0 && section)
                values.set(`${section}.${line.slice(0, eq).trim()}`, unquote(line.slice(eq + 1).trim()));
        }
    }
    return remotesFrom(values);
}
/** parseConfigList reads the output of `dvc config --list` (`remote.storage.url=s3://…` lines). */
function parseConfigList(output) {
    const values = new Map();
    for (const line of output.split(/\r?\n/)) {
        const eq = line.indexOf('=');
        if (eq > 0)
            values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
    }
    return remotesFrom(values);
}
function remotesFrom(values) {
    const byName = new Map();
    for (const [key, value] of values) {
        const match = /^remote\.(.+)\.(url|endpointurl)$/.exec(key);
        if (!match)
            continue;
        const name = match[1];
        const remote = byName.get(name) ?? { name, url: '' };
        if (match[2] === 'url')
            remote.url = value;
        else
            remote.endpointUrl = value;
        byName.set(name, remote);
    }
    const defaultRemote = values.get('core.remote');
    return { remotes: [...byName.values()], ...(defaultRemote ? { defaultRemote } : {}) };
}
function unquote(value) {
    return /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
}
/**
 * resolveLocalRemotes makes relative local remote paths absolute: DVC reads them relative to the
 * folder of the config file that holds them (`.dvc/`), which surprises anyone reading `../remote`.
 */
function resolveLocalRemotes(remotes, configDir) {
    return {
        ...remotes,
        remotes: remotes.remotes.map((r) => remoteKind(r.url) === 'local' && r.url && !r.url.startsWith('file:') && !(0,external_node_path_.isAbsolute)(r.url)
            ? { ...r, url: (0,external_node_path_.resolve)(configDir, r.url) }
            : r),
    };
}
/** remoteKind tells a remote's storage kind from its URL scheme. */
function remoteKind(url) {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
    if (!scheme || scheme === 'file')
        return 'local';
    const kinds = {
        s3: 's3',
        gs: 'gs',
        azure: 'azure',
        gdrive: 'gdrive',
        ssh: 'ssh',
        hdfs: 'hdfs',
        webhdfs: 'webhdfs',
        webdav: 'webdav',
        webdavs: 'webdav',
        oss: 'oss',
        http: 'http',
        https: 'http',
    };
    return kinds[scheme] ?? 'other';
}
/** dvcExtras lists the `dvc[...]` pip extras the given remotes need, sorted and without repeats. */
function dvcExtras(remotes) {
    const needsExtra = new Set([
        's3',
        'gs',
        'azure',
        'gdrive',
        'ssh',
        'hdfs',
        'webhdfs',
        'webdav',
        'oss',
    ]);
    return [
        ...new Set(remotes.map((r) => remoteKind(r.url)).filter((k) => needsExtra.has(k))),
    ].sort();
}
/** dvcRequirement is the pip requirement for a pinned DVC with extras: `dvc[s3,gs]==3.67.1`. */
function dvcRequirement(version, extras) {
    return extras.length ? `dvc[${[...extras].sort().join(',')}]==${version}` : `dvc==${version}`;
}
/** describeRemote names a remote for a message: `'storage' (s3://bucket/path)`, credentials removed. */
function describeRemote(remote) {
    if (!remote.url)
        return `'${remote.name}'`;
    const endpoint = remote.endpointUrl ? ` at ${(0,redact/* redactUrl */.B)(remote.endpointUrl)}` : '';
    return `'${remote.name}' (${(0,redact/* redactUrl */.B)(remote.url)}${endpoint})`;
}
/** credentialHint says which variables or settings a remote of this kind reads its credentials from. */
function credentialHint(kind, remoteName) {
    const modify = (key) => `\`dvc remote modify --local ${remoteName} ${key} …\``;
    switch (kind) {
        case 's3':
            return "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials) in the step's env from secrets, or sign in first with aws-actions/configure-aws-credentials";
        case 'gs':
            return 'Set GOOGLE_APPLICATION_CREDENTIALS to a service account key file, for example with google-github-actions/auth before this step';
        case 'azure':
            return "Set AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY, in the step's env from secrets";
        case 'gdrive':
            return 'Set GDRIVE_CREDENTIALS_DATA to the service account JSON from a secret';
        case 'oss':
            return "Set OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET in the step's env from secrets";
        case 'ssh':
            return `Give the runner an SSH key for the host, or set one with ${modify('keyfile')} in an earlier step`;
        case 'http':
        case 'webdav':
            return `Set a user and password with ${modify('user')} and ${modify('password')} in an earlier step, from secrets`;
        default:
            return 'Give the runner the credentials this remote needs';
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/dvc/errors.ts
// Pure: DVC's own error texts (3.x) turned into one message that says what happened and what to
// do, and which of them are worth another try. No @actions/* imports, no process state.


/** DvcError is a DVC failure explained in plain words, with the raw lines behind it for the job summary. */
class DvcError extends errors/* ActionError */.lZ {
    /** The failed stage's last stderr lines, or DVC's own error lines. */
    details;
    constructor(message, details, options = {}) {
        super(message, options);
        this.name = 'DvcError';
        this.details = details;
    }
}
const CREDENTIALS = /Unable to locate credentials|NoCredentialsError|InvalidAccessKeyId|SignatureDoesNotMatch|AWS Access Key Id you provided does not exist|ExpiredToken|security token included in the request is (?:invalid|expired)|DefaultCredentialsError|Could not automatically determine credentials|Anonymous caller does not have|ClientAuthenticationError|AuthenticationFailed|DefaultAzureCredential failed|Authentication failed|Permission denied \(publickey|401 Unauthorized|invalid_grant|Invalid Credentials, 401|Server failed to authenticate the request|Authentication to Azure Blob Storage requires/i;
const ACCESS_DENIED = /AccessDenied|Access Denied|403 Forbidden|does not have storage\.objects/i;
// Why a remote failed, by cause rather than by one library's wording: botocore (S3), aiohttp
// (HTTP, GCS, Azure through fsspec), requests/httpx (WebDAV, GDrive), paramiko/asyncssh (SSH),
// pyarrow (HDFS), oss2 (OSS) and the OS errors under all of them.
const PERMANENT = /\b40[134]\b(?:[,:]? ?(?:message=|Unauthorized|Forbidden|Not Found|Client Error)|\s*$)|\bstatus(?: code)?[:= ]*40[134]\b|HTTP(?: ?Error)? ?40[134]\b|Unauthorized|Forbidden|AccessDenied|Access Denied|NoSuchBucket|NoSuchKey|InvalidAccessKeyId|SignatureDoesNotMatch|Unable to locate credentials|NoCredentialsError|ExpiredToken|AuthenticationFailed|AuthorizationFailure|Permission denied|DefaultCredentialsError|ClientAuthenticationError/i;
const CAUSES = [
    {
        cause: 'throttled',
        pattern: /\b429\b|Too Many Requests|TooManyRequests|SlowDown|Throttl|RequestLimitExceeded|Rate exceeded|rateLimitExceeded|ServerBusy|ProvisionedThroughputExceeded|reduce your request rate/i,
    },
    {
        cause: 'dns',
        pattern: /Temporary failure in name resolution|Name or service not known|nodename nor servname|getaddrinfo failed|\bgaierror\b|EAI_AGAIN|ENOTFOUND|Could not resolve host|No address associated with hostname|\[Errno -[235]\]/i,
    },
    {
        cause: 'refused',
        pattern: /Connection refused|ECONNREFUSED|\[Errno 111\]|Connect call failed|Cannot connect to host|ClientConnectorError|Could not connect to the endpoint URL|Failed to establish a new connection|actively refused|WinError 10061|No route to host|Network is unreachable|\[Errno 11[13]\]|\[Errno 101\]|EHOSTUNREACH|ENETUNREACH|Unable to connect/i,
    },
    {
        cause: 'reset',
        pattern: /Connection (?:was )?reset|ECONNRESET|\[Errno 104\]|Connection aborted|Broken pipe|EPIPE|\[Errno 32\]|Server ?Disconnected|RemoteDisconnected|Connection was closed|ClientOSError|ClientPayloadError|IncompleteRead|Connection lost|ConnectionLost|Connection closed by|EOF occurred in violation of protocol|ProtocolError/i,
    },
    {
        cause: 'timeout',
        pattern: /timed out|Timeout|\[Errno 110\]|ETIMEDOUT|DeadlineExceeded|Gateway Time-?out|OperationTimedOut/i,
    },
    {
        cause: 'server-error',
        pattern: /\b5\d\d\b,? ?(?:message=|Server Error|Internal|Bad Gateway|Service Unavailable|Gateway)|\bstatus(?: code)?[:= ]*5\d\d\b|HTTP(?: ?Error)? ?5\d\d\b|Backend Error|, 5\d\d\s*$|\b5\d\d (?:error|Server)|InternalError|ServiceUnavailable|Service Unavailable|Internal Server Error|Bad Gateway|BackendError|InternalServerError/i,
    },
];
const UNREACHABLE = /Name or service not known|nodename nor servname provided|No route to host|Network is unreachable/i;
/** What each cause means, for messages: "DVC remote 'storage' (…) refused the connection". */
const CAUSE_TEXT = {
    refused: 'refused the connection (or could not be reached)',
    reset: 'dropped the connection',
    timeout: 'timed out',
    dns: 'has a host name that could not be resolved',
    'server-error': 'answered with a server error (5xx)',
    throttled: 'throttled the requests (429, slow down)',
};
/**
 * transientCause tells why DVC's output says a remote failed, when that is worth another try:
 * the connection refused or reset, a timeout, a name that did not resolve, a 5xx answer or
 * throttling, in the words of any of the libraries behind DVC's remotes. A 401, 403 or 404, a
 * credentials error, or a failed stage (whose output may mention a timeout of its own) is not.
 */
function transientCause(output) {
    if (/failed to reproduce '/.test(output))
        return undefined;
    // Throttling first: Google answers a rate limit with a 403.
    if (CAUSES[0].pattern.test(output))
        return 'throttled';
    if (PERMANENT.test(output))
        return undefined;
    return CAUSES.find((c) => c.pattern.test(output))?.cause;
}
/** isRemoteAccessProblem tells whether an error says the remote refused these credentials or lacks the bucket. */
function isRemoteAccessProblem(output) {
    return (CREDENTIALS.test(output) ||
        ACCESS_DENIED.test(output) ||
        /NoSuchBucket|specified bucket does not exist|bucket does not exist/i.test(output));
}
/** isTransientRemoteError tells whether DVC's output describes a remote hiccup worth another try. */
function isTransientRemoteError(output) {
    return transientCause(output) !== undefined;
}
/** dvcErrorLines keeps DVC's `ERROR:` lines (prefix removed), or the last lines when there is none. */
function dvcErrorLines(output) {
    const lines = output
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    const errors = lines
        .filter((l) => l.startsWith('ERROR:'))
        .map((l) => l.replace(/^ERROR:\s*/, ''));
    const text = errors.length
        ? errors
        : lines.filter((l) => !/^Having any troubles\?/.test(l)).slice(-3);
    return text.map(redactUrlsIn);
}
/** redactUrlsIn removes user names and passwords from every URL inside a text. */
function redactUrlsIn(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s"']+@/gi, '$1');
}
/** detail is the gist of DVC's error lines: prefixes and per-file repeats removed, the last two kept. */
function detail(output) {
    const gist = dvcErrorLines(output).map((l) => l
        .replace(/^unexpected error - /, '')
        .replace(/^failed to (?:transfer|upload|download) '[^']*' - /, '')
        .replace(/^failed to (?:push|pull|fetch) data (?:to|from) the cloud - /, ''));
    return [...new Set(gist)].slice(-2).join(' / ');
}
/** explainDvcFailure turns a failed DVC command into one error in plain words. */
function explainDvcFailure(f) {
    const error = explain(f);
    const tail = f.stage?.stderrTail.length ? f.stage.stderrTail : dvcErrorLines(f.output);
    return new DvcError(error.message, tail, {
        ...(error.hint === undefined ? {} : { hint: error.hint }),
        ...(error.location === undefined ? {} : { location: error.location }),
    });
}
function explain(f) {
    const out = f.output;
    const wd = f.workingDirectory || '.';
    const remoteName = f.remote ? describeRemote(f.remote) : 'the default remote';
    const stageLine = (name) => f.stages?.find((s) => s.name === name)?.line;
    const at = (line) => f.dvcYaml ? { location: { file: f.dvcYaml, ...(line ? { line } : {}) } } : {};
    const stageFailure = f.stage ?? stageFromOutput(out);
    if (stageFailure) {
        const ran = stageFailure.command
            ? `\`${stageFailure.command}\` exited with ${stageFailure.exitCode ?? 'an error'}`
            : detail(out);
        const lines = stageFailure.stderrTail
            .map((l) => l.trim())
            .filter(Boolean)
            .slice(-5);
        const tail = lines.length ? `; its last lines: ${lines.join(' / ')}` : '';
        const defined = f.locate?.(stageFailure.name);
        return new errors/* ActionError */.lZ(`stage '${stageFailure.name}' failed: ${ran}${tail}`, {
            hint: 'Fix the stage (its full output is in the log group above); a failed stage is never retried',
            ...(defined
                ? { location: defined }
                : at(stageLine(stageFailure.name.replace(/^(?:\.\/)?dvc\.yaml:/, '')))),
        });
    }
    if (/you are not inside of a DVC repository/.test(out)) {
        return new errors/* ActionError */.lZ(`'${wd}' is not inside a DVC project: there is no .dvc folder in it or above it`, {
            hint: 'Set working-directory to the folder holding dvc.yaml, or run `dvc init` and commit .dvc/',
        });
    }
    const noYaml = /'([^']*dvc\.yaml)' does not exist/.exec(out);
    if (noYaml && !f.targets?.length) {
        return new errors/* ActionError */.lZ(`no dvc.yaml in working-directory '${wd}' (looked for ${noYaml[1]})`, {
            hint: 'Set working-directory to the folder that holds dvc.yaml',
        });
    }
    const unknownTarget = /Stage '([^']+)' not found inside '([^']+)' file/.exec(out) ??
        /'([^']+)' does not exist as an output or a stage name/.exec(out) ??
        (f.targets?.length ? /^ERROR: '([^']+)' does not exist$/m.exec(out) : null);
    if (unknownTarget) {
        const known = f.stages?.length
            ? ` Stages in dvc.yaml: ${f.stages.map((s) => s.name).join(', ')}.`
            : '';
        return new errors/* ActionError */.lZ(`unknown target '${unknownTarget[1]}': it is neither a stage in dvc.yaml nor an output DVC tracks`, {
            hint: `Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path).${known}`,
            ...at(undefined),
        });
    }
    const unknownRemote = /remote '([^']+)' doesn't exist/.exec(out);
    if (unknownRemote) {
        return new errors/* ActionError */.lZ(`DVC remote '${unknownRemote[1]}' is not configured in this project`, {
            hint: `${configuredRemotes(f.remotes)} Fix 'remote', or add it with \`dvc remote add\` and commit .dvc/config`,
        });
    }
    if (/no remote specified/.test(out)) {
        return new errors/* ActionError */.lZ('no DVC remote to use: none was given and the project sets no default remote', {
            hint: `Set 'remote', or run \`dvc remote add --default <name> <url>\` and commit .dvc/config. ${configuredRemotes(f.remotes)}`,
        });
    }
    const missingDeps = /URL '([^']+)' is supported but requires these missing dependencies: \[([^\]]*)\]/.exec(out);
    if (missingDeps) {
        const extras = missingDeps[2].replace(/['\s]/g, '');
        return new errors/* ActionError */.lZ(`this DVC cannot reach ${redactUrlsIn(missingDeps[1])}: it lacks the '${extras}' support`, {
            hint: `Set dvc-version so the action installs DVC with the extras your remotes need, or install 'dvc[${extras}]'`,
        });
    }
    const kind = f.remote ? remoteKind(f.remote.url) : 'other';
    if (CREDENTIALS.test(out)) {
        return new errors/* ActionError */.lZ(`no usable credentials for DVC remote ${remoteName}: ${detail(out)}`, {
            hint: credentialHint(kind, f.remote?.name ?? '<remote>'),
        });
    }
    if (ACCESS_DENIED.test(out)) {
        return new errors/* ActionError */.lZ(`DVC remote ${remoteName} refused access: ${detail(out)}`, {
            hint: `The credentials work but lack permission on this bucket or path. ${credentialHint(kind, f.remote?.name ?? '<remote>')}`,
        });
    }
    if (/NoSuchBucket|specified bucket does not exist|bucket does not exist/i.test(out)) {
        return new errors/* ActionError */.lZ(`the bucket of DVC remote ${remoteName} does not exist`, {
            hint: 'Create the bucket, or fix the remote URL in .dvc/config',
        });
    }
    const cause = transientCause(out);
    if (cause || UNREACHABLE.test(out)) {
        const tries = f.attempts && f.attempts > 1 ? ` (tried ${f.attempts} times)` : '';
        const what = cause === 'server-error' || cause === 'throttled' ? CAUSE_TEXT[cause] : 'is unreachable';
        return new errors/* ActionError */.lZ(`DVC remote ${remoteName} ${what}${tries}: ${detail(out)}`, {
            hint: cause === 'server-error' || cause === 'throttled'
                ? 'Re-run the job later, or raise remote-attempts'
                : 'Check the remote URL and endpoint in .dvc/config and that this runner can reach them',
        });
    }
    if (/Checkout failed for following targets|missing cache files|not in cache|failed to pull data/i.test(out)) {
        return new errors/* ActionError */.lZ(`some data is neither in the local cache nor on DVC remote ${remoteName}: ${detail(out)}`, {
            hint: 'Run `dvc push` where that data was produced, or set allow-missing: true to skip stages whose data is missing',
        });
    }
    return new errors/* ActionError */.lZ(`\`dvc ${f.command}\` failed in '${wd}': ${detail(out) || 'no error message'}`, {
        hint: "See the log group above for DVC's full output",
    });
}
function stageFromOutput(output) {
    const match = /failed to reproduce '([^']+)': (.*)/.exec(output);
    if (!match)
        return undefined;
    const command = /failed to run: (.*), exited with (-?\d+)/.exec(match[2]);
    return {
        name: match[1],
        ...(command ? { command: command[1], exitCode: Number(command[2]) } : {}),
        stderrTail: [],
    };
}
function configuredRemotes(remotes) {
    if (!remotes)
        return '';
    if (!remotes.remotes.length)
        return 'The project configures no remote.';
    const names = remotes.remotes.map((r) => `'${r.name}'${r.name === remotes.defaultRemote ? ' (default)' : ''}`);
    return `Configured remotes: ${names.join(', ')}.`;
}

;// CONCATENATED MODULE: ../../packages/core/src/dvc/cli.ts









/** The DVC version installed when a workflow asks for none and none is on PATH (pinned with the tests' venv). */
const DEFAULT_DVC_VERSION = '3.67.1';
/**
 * setupDvc returns the DVC to use: `dvc` from PATH when no version is asked, otherwise the asked
 * (or default) version with the extras the project's remotes need, from a venv in the tool cache.
 */
async function setupDvc(options) {
    if (!options.version) {
        const onPath = (0,which/* findOnPath */.a)('dvc');
        if (onPath)
            return { executable: onPath, version: await dvcVersion(onPath), source: 'path' };
    }
    const version = options.version || DEFAULT_DVC_VERSION;
    const extras = options.extras ?? dvcExtras(remotesFromFiles(options.projectDir).remotes);
    const requirement = dvcRequirement(version, extras);
    // Loaded only to install: with DVC on PATH, a step's start does without it (and node:crypto).
    const { ensurePythonTool } = await __webpack_require__.e(/* import() */ 269).then(__webpack_require__.bind(__webpack_require__, 8269));
    const tool = await (0,runtime/* group */.Os)(`Set up DVC ${version}`, () => ensurePythonTool({
        tool: 'dvc',
        version,
        packages: [requirement],
        ...(options.env ? { env: options.env } : {}),
    }));
    return { executable: tool.executable, version, source: tool.cached ? 'tool-cache' : 'installed' };
}
/**
 * remotesFromFiles reads the remotes from the project's `.dvc/config` and `.dvc/config.local`
 * without starting DVC (user- and system-level remotes are not seen; readRemotes sees them).
 */
function remotesFromFiles(projectDir) {
    const root = findDvcRoot(projectDir);
    const read = (name) => {
        const file = root ? (0,external_node_path_.join)(root, '.dvc', name) : '';
        return file && (0,external_node_fs_.existsSync)(file) ? (0,external_node_fs_.readFileSync)(file, 'utf8') : undefined;
    };
    const remotes = parseDvcConfig(read('config'), read('config.local'));
    return root ? resolveLocalRemotes(remotes, (0,external_node_path_.join)(root, '.dvc')) : remotes;
}
/**
 * dvcVersion tells a DVC executable's version: from the package metadata next to it when it was
 * installed by pip (a venv, pipx, conda), which costs nothing, else by asking `dvc --version`
 * (half a second of Python start-up).
 */
async function dvcVersion(executable) {
    const fromFiles = dvcVersionFromFiles(executable);
    if (fromFiles)
        return fromFiles;
    const { stdout } = await (0,exec/* exec */.m0)(executable, ['--version'], { silent: true, env: dvcEnv() });
    return stdout.trim().split(/\r?\n/).pop() ?? '';
}
/** dvcVersionFromFiles reads `dvc-<version>.dist-info` in the site-packages beside a pip-installed dvc. */
function dvcVersionFromFiles(executable) {
    try {
        const lib = (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_path_.dirname)((0,external_node_fs_.realpathSync)(executable))), 'lib');
        for (const python of (0,external_node_fs_.readdirSync)(lib).filter((name) => /^python3\.\d+$/.test(name))) {
            const site = (0,external_node_path_.join)(lib, python, 'site-packages');
            if (!(0,external_node_fs_.existsSync)(site))
                continue;
            const infos = (0,external_node_fs_.readdirSync)(site)
                .map((name) => /^dvc-(\d+\.\d+\.\d+[^-]*)\.dist-info$/.exec(name)?.[1])
                .filter((v) => v !== undefined);
            if (infos.length === 1)
                return infos[0];
        }
    }
    catch {
        // Not a pip layout: ask DVC.
    }
    return undefined;
}
/** findDvcRoot walks up from a folder to the one holding `.dvc/`, or undefined. */
function findDvcRoot(from) {
    let dir = from;
    for (;;) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, '.dvc')))
            return dir;
        const parent = (0,external_node_path_.dirname)(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** dvcEnv is the environment DVC runs in: no analytics, unbuffered stage output, no git prompts. */
function dvcEnv(extra = {}) {
    return {
        DVC_NO_ANALYTICS: process.env['DVC_NO_ANALYTICS'] ?? '1',
        // Stage commands are mostly Python: without this their output reaches the log in one lump at the end.
        PYTHONUNBUFFERED: process.env['PYTHONUNBUFFERED'] ?? '1',
        GIT_TERMINAL_PROMPT: '0',
        ...extra,
    };
}
/** runDvc runs one DVC command, echoing and recording its output; it never throws for a non-zero exit. */
async function runDvc(cli, args, options) {
    const lines = [];
    const startedAt = performance.now();
    const record = (stream) => (text) => {
        lines.push({ text, stream, at: performance.now() });
        options.onLine?.(text);
    };
    try {
        const result = await (0,exec/* exec */.m0)(cli.executable, args, {
            cwd: options.cwd,
            env: dvcEnv(options.env),
            silent: options.silent ?? false,
            onStdoutLine: record('stdout'),
            onStderrLine: record('stderr'),
            notFoundHint: 'Leave dvc-version empty only when DVC is installed on the runner.',
            // A stage's command inherits DVC's stdin: one that reads it sees its end, as in a shell
            // step, instead of waiting on a pipe nobody writes to.
            ...(args[0] === 'repro' ? { input: '' } : {}),
            ...(options.inGroup ? { inGroup: true } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
        });
        return { lines, result, startedAt, endedAt: performance.now() };
    }
    catch (error) {
        return { lines, error, startedAt, endedAt: performance.now() };
    }
}
/** outputOf joins a run's stderr and stdout for matching DVC's messages. */
function outputOf(run) {
    if (run.error instanceof exec/* ExecError */.cI)
        return `${run.error.stderr}\n${run.error.stdout}`;
    if (run.error instanceof Error)
        return run.error.message;
    return run.lines.map((l) => l.text).join('\n');
}
/**
 * runDvcWithRetry runs a DVC command and runs it again, with exponential backoff, only while it
 * fails on a transient remote error (never for a failed stage). Each retry warns in one line which
 * remote failed and why. Returns the last run and how many tries it took.
 */
async function runDvcWithRetry(cli, args, options) {
    let last;
    let tries = 0;
    return retryTransient(async () => {
        tries++;
        last = await runDvc(cli, args, options);
        // A run the caller stopped is not retried.
        if (options.signal?.aborted)
            return undefined;
        return last.error instanceof exec/* ExecError */.cI ? transientCause(outputOf(last)) : undefined;
    }, { ...options, what: `\`dvc ${args[0]}\`` }).then(() => ({ run: last, attempts: tries }));
}
/**
 * retryTransient calls `fn` until it reports no transient cause or the tries run out, with
 * exponential backoff and one warning per retry naming the remote and the cause.
 */
async function retryTransient(fn, options) {
    const transient = new Error('transient');
    const remote = options.remote ? `DVC remote ${describeRemote(options.remote)}` : 'the DVC remote';
    let cause;
    await (0,retry/* retry */.L)(async () => {
        cause = await fn();
        if (cause)
            throw transient;
    }, {
        attempts: Math.max(1, options.attempts),
        baseMs: options.baseMs ?? 2000,
        maxMs: 30_000,
        retryable: (e) => e === transient,
        onRetry: (_e, attempt, delayMs) => (0,runtime/* warning */.$e)(`${remote} ${cause ? CAUSE_TEXT[cause] : 'failed'} during ${options.what} (try ${attempt} of ${options.attempts}): a transient remote error; retrying in ${(delayMs / 1000).toFixed(1)} s`),
    }).catch((e) => {
        if (e !== transient)
            throw e;
    });
}
// Runs in DVC's own Python: opens the remote as DVC does (its config, credentials, endpoint) and
// asks for the info of its root. Filesystems that turn a failed connection into "not found"
// (fsspec's HTTP) keep the connection error as the exception's cause, which is printed too.
const PROBE = `
import json, sys
def chain(e):
    out, seen = [], set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        out.append(f"{type(e).__name__}: {e}")
        e = e.__cause__ or e.__context__
    return out
try:
    from dvc.repo import Repo
    remote = Repo(".").cloud.get_remote(sys.argv[1] or None)
    try:
        remote.fs.info(remote.path)
        print(json.dumps({"ok": True, "errors": []}))
    except FileNotFoundError as e:
        print(json.dumps({"ok": True, "errors": chain(e)[1:]}))
except Exception as e:
    print(json.dumps({"ok": False, "errors": chain(e)}))
`;
/** dvcPython finds the Python interpreter a pip-installed dvc runs with (its shebang), or undefined. */
function dvcPython(executable) {
    try {
        const head = (0,external_node_fs_.readFileSync)(executable).subarray(0, 256).toString('utf8');
        const shebang = /^#!\s*(\S*python[\d.]*)\s*$/m.exec(head.split('\n')[0] ?? '');
        return shebang?.[1] && (0,external_node_fs_.existsSync)(shebang[1]) ? shebang[1] : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * probeRemote asks DVC's Python whether a remote answers: DVC's own pull treats a remote that
 * cannot be reached like one that lacks the data, and recomputes in silence. Undefined when the
 * probe could not run (DVC not installed by pip, an API that moved): nothing is known then.
 */
async function probeRemote(cli, cwd, remote) {
    const python = dvcPython(cli.executable);
    if (!python)
        return undefined;
    try {
        const result = await (0,exec/* exec */.m0)(python, ['-c', PROBE, remote ?? ''], {
            cwd,
            env: dvcEnv(),
            silent: true,
            timeoutMs: 120_000,
        });
        const line = result.stdout.trim().split('\n').pop() ?? '';
        const parsed = JSON.parse(line);
        return { ok: parsed.ok === true, errors: Array.isArray(parsed.errors) ? parsed.errors : [] };
    }
    catch {
        return undefined;
    }
}
/** readRemotes asks DVC for every configured remote (all config levels merged), or undefined. */
async function readRemotes(cli, cwd) {
    const run = await runDvc(cli, ['config', '--list'], { cwd, silent: true });
    if (!run.result)
        return undefined;
    const root = findDvcRoot(cwd);
    const remotes = parseConfigList(run.result.stdout);
    return root ? resolveLocalRemotes(remotes, (0,external_node_path_.join)(root, '.dvc')) : remotes;
}
/** usedRemote picks the remote a command uses: the named one, else the default. */
function usedRemote(remotes, name) {
    const wanted = name || remotes?.defaultRemote;
    return (remotes?.remotes.find((r) => r.name === wanted) ??
        (wanted ? { name: wanted, url: '' } : undefined));
}
/** requireRemote fails with the configured names when `name` is not a remote of the project. */
function requireRemote(remotes, name) {
    const remote = remotes?.remotes.find((r) => r.name === name);
    if (remote)
        return remote;
    const names = remotes?.remotes
        .map((r) => `'${r.name}'${r.name === remotes.defaultRemote ? ' (default)' : ''}`)
        .join(', ');
    throw new errors/* ActionError */.lZ(`DVC remote '${name}' is not configured in this project`, {
        hint: `${names ? `Configured remotes: ${names}.` : 'The project configures no remote.'} Fix 'remote', or add it with \`dvc remote add\` and commit .dvc/config`,
    });
}

;// CONCATENATED MODULE: ../../packages/core/src/dvc/cache.ts






/**
 * planDvcCache finds the project's cache folder (`dvc cache dir`, so a moved cache is honoured)
 * and computes its keys from the dvc.lock that is checked out now.
 */
async function planDvcCache(options) {
    const run = await runDvc(options.dvc, ['cache', 'dir'], {
        cwd: options.workingDirectory,
        silent: true,
    });
    const root = findDvcRoot(options.workingDirectory) ?? options.workingDirectory;
    const dir = run.result?.stdout.trim() || (0,external_node_path_.join)(root, '.dvc', 'cache');
    const lock = (0,external_node_path_.join)(options.workingDirectory, 'dvc.lock');
    const rel = (0,external_node_path_.relative)(options.workspace, options.workingDirectory).split(external_node_path_.sep).join('/') || '.';
    const keys = dvcCacheKeys({
        os: options.os,
        workingDirectory: rel,
        lockText: (0,external_node_fs_.existsSync)(lock) ? (0,external_node_fs_.readFileSync)(lock, 'utf8') : undefined,
    });
    const inside = (0,external_node_path_.relative)(options.workspace, dir);
    const path = inside && !inside.startsWith('..') && !(0,external_node_path_.isAbsolute)(inside) ? inside.split(external_node_path_.sep).join('/') : dir;
    return { ...keys, path };
}
function serviceMissing() {
    const v2 = !!process.env['ACTIONS_CACHE_SERVICE_V2'];
    const url = v2
        ? process.env['ACTIONS_RESULTS_URL']
        : process.env['ACTIONS_CACHE_URL'] || process.env['ACTIONS_RESULTS_URL'];
    return url ? undefined : v2 ? 'ACTIONS_RESULTS_URL' : 'ACTIONS_CACHE_URL';
}
/**
 * restoreDvcCache restores the DVC cache folder saved under the plan's key or, failing that, the
 * newest one of the same project. Never fails the step: a cache service error is a warning.
 */
async function restoreDvcCache(plan) {
    const missing = serviceMissing();
    if (missing) {
        (0,runtime/* warning */.$e)(`cache: true, but the cache service is not available here (${missing} is not set): the DVC cache is neither restored nor saved`);
        return { plan, status: 'unavailable on this runner' };
    }
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(775), __webpack_require__.e(575), __webpack_require__.e(11)]).then(__webpack_require__.bind(__webpack_require__, 2011));
        const restoredKey = await cache.restoreCache([plan.path], plan.key, plan.restoreKeys);
        if (!restoredKey) {
            (0,runtime/* info */.pq)(`DVC cache: no entry for ${plan.key} or its restore keys`);
            return { plan, status: 'miss' };
        }
        const exact = restoredKey === plan.key;
        (0,runtime/* info */.pq)(`DVC cache: restored ${restoredKey}${exact ? '' : ' (fallback)'}`);
        return {
            plan,
            restoredKey,
            status: exact ? 'restored (exact key)' : 'restored (fallback key)',
        };
    }
    catch (error) {
        (0,runtime/* warning */.$e)(`DVC cache was not restored: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return { plan, status: 'restore failed' };
    }
}
/**
 * saveDvcCache saves the DVC cache folder under a key from the dvc.lock after the run, unless that
 * exact key was just restored. Never fails the step: a cache service error is a warning.
 */
async function saveDvcCache(restore, after) {
    const plan = restore.plan;
    if (!plan || serviceMissing())
        return restore.status;
    const lock = (0,external_node_path_.join)(after.workingDirectory, 'dvc.lock');
    const rel = (0,external_node_path_.relative)(after.workspace, after.workingDirectory).split(external_node_path_.sep).join('/') || '.';
    const { key } = dvcCacheKeys({
        os: after.os,
        workingDirectory: rel,
        lockText: (0,external_node_fs_.existsSync)(lock) ? (0,external_node_fs_.readFileSync)(lock, 'utf8') : undefined,
    });
    if (key === restore.restoredKey)
        return `${restore.status}, unchanged`;
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.isAbsolute)(plan.path) ? plan.path : (0,external_node_path_.join)(after.workspace, plan.path))) {
        return `${restore.status}, nothing to save`;
    }
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(775), __webpack_require__.e(575), __webpack_require__.e(11)]).then(__webpack_require__.bind(__webpack_require__, 2011));
        // @actions/cache reports most failures itself (as warnings) and returns -1 instead of throwing.
        const id = await cache.saveCache([plan.path], key);
        if (id === -1)
            return `${restore.status}, not saved`;
        (0,runtime/* info */.pq)(`DVC cache: saved ${key}`);
        return `${restore.status}, saved`;
    }
    catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (name === 'ReserveCacheError') {
            (0,runtime/* info */.pq)(`DVC cache: ${key} is already saved (by another job)`);
            return `${restore.status}, already saved`;
        }
        (0,runtime/* warning */.$e)(`DVC cache was not saved: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return `${restore.status}, save failed`;
    }
}

// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
;// CONCATENATED MODULE: ../../packages/core/src/dvc/lock.ts
// Pure: reading dvc.lock and dvc.yaml, and turning a repro log plus the lock before and after into
// the stages that ran and the ones that did not. No @actions/* imports, no process state.

/** parseLock reads dvc.lock text into its stages by name; empty or missing text gives no stages. */
function parseLock(text) {
    const stages = new Map();
    if (!text?.trim())
        return stages;
    const doc = (0,dist.parse)(text);
    for (const [name, entry] of Object.entries(doc?.stages ?? {}))
        stages.set(name, entry ?? {});
    return stages;
}
/** lockOutputs lists the paths of a stage's outputs recorded in dvc.lock. */
function lockOutputs(entry) {
    const outs = entry?.['outs'];
    if (!Array.isArray(outs))
        return [];
    return outs
        .map((o) => o.path)
        .filter((p) => typeof p === 'string');
}
/** changedLockStages names the stages whose dvc.lock entry was added or changed between two locks. */
function changedLockStages(before, after) {
    return [...after.keys()].filter((name) => stableJson(before.get(name)) !== stableJson(after.get(name)));
}
function stableJson(value) {
    if (value === undefined)
        return 'undefined';
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : 1);
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
/** pipelineStages lists the stages declared in dvc.yaml text, in order, with their lines. */
function pipelineStages(text) {
    const doc = (0,dist.parseDocument)(text);
    const stages = doc.get('stages', true);
    if (!(0,dist.isMap)(stages))
        return [];
    const lineOf = lineCounter(text);
    const result = [];
    for (const item of stages.items) {
        if (!(0,dist.isScalar)(item.key))
            continue;
        const offset = item.key.range?.[0] ?? 0;
        result.push({ name: String(item.key.value), line: lineOf(offset) });
    }
    return result;
}
function lineCounter(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++)
        if (text[i] === '\n')
            starts.push(i + 1);
    return (offset) => {
        let line = 0;
        while (line + 1 < starts.length && starts[line + 1] <= offset)
            line++;
        return line + 1;
    };
}
/**
 * classifyStages combines the log with dvc.lock before and after: the log names what DVC did
 * (it prints a line for every stage it considers), and the lock catches a stage the log missed:
 * should DVC reword its messages, a stage whose lock entry changed still counts as run.
 */
function classifyStages(log, lockBefore, lockAfter, 
/** Per stage, the outputs git tracks (`cache: false`): never pulled, so never listed as pulled. */
uncached = new Map()) {
    const changed = new Set(changedLockStages(lockBefore, lockAfter));
    const stages = log.stages.map((event) => ({
        stage: event.stage,
        // Up to date now but changed in the lock: it ran in an earlier try of a retried command.
        outcome: event.outcome === 'up-to-date' && changed.has(lockName(event.stage)) ? 'ran' : event.outcome,
        durationMs: event.durationMs,
        pulledOutputs: event.outcome === 'pulled' || event.outcome === 'restored'
            ? lockOutputs(lockAfter.get(lockName(event.stage))).filter((path) => !uncached.get(lockName(event.stage))?.has(path))
            : [],
    }));
    const seen = new Set(stages.map((s) => lockName(s.stage)));
    for (const name of changed) {
        if (!seen.has(name))
            stages.push({ stage: name, outcome: 'ran', durationMs: 0, pulledOutputs: [] });
    }
    const ran = (o) => o === 'ran' || o === 'failed';
    return {
        stages,
        run: stages.filter((s) => ran(s.outcome)).map((s) => s.stage),
        skipped: stages.filter((s) => !ran(s.outcome)).map((s) => s.stage),
    };
}
/**
 * lockName is the key of a stage across the project's dvc.lock files, as DVC prints it from the
 * working directory: `train` for a stage of its own dvc.yaml (also printed `dvc.yaml:train`), and
 * `sub/dvc.yaml:train` for a stage of another one, whose lock is sub/dvc.lock.
 */
function lockName(stage) {
    return stage.replace(/^(?:\.\/)?dvc\.yaml:/, '');
}

;// CONCATENATED MODULE: ../../packages/core/src/dvc/log.ts
// Pure: what `dvc repro` did, read from the lines it printed (DVC 3.x wording) and from dvc.lock
// before and after. No @actions/* imports, no process state.
// DVC 3.x messages (dvc/stage/__init__.py, dvc/stage/run.py, dvc/stage/cache.py, dvc/repo/reproduce.py).
const MARKERS = [
    { pattern: /^Running stage '(.+)':$/, outcome: 'ran' },
    { pattern: /^Stage '(.+)' didn't change, skipping$/, outcome: 'up-to-date' },
    { pattern: /^Stage '(.+)' is cached - skipping run, checking out outputs$/, outcome: 'restored' },
    { pattern: /^Pulling data for stage: '(.+)'$/, outcome: 'pulled' },
];
const UNABLE_TO_PULL = /^Unable to pull data for stage: '(.+)'$/;
const FAILED = /^ERROR: failed to reproduce '(.+?)': (.*)$/;
const FAILED_COMMAND = /failed to run: (.*), exited with (-?\d+)/;
const TAIL_LINES = 10;
/** parseReproLog reads the stage outcomes, timings and errors out of a `dvc repro` log. */
function parseReproLog(lines, endedAt) {
    const events = [];
    const errors = [];
    const warnings = [];
    let failure;
    let current;
    for (const line of lines) {
        const text = line.text.replace(/\s+$/, '');
        const failed = FAILED.exec(text);
        if (failed) {
            const command = FAILED_COMMAND.exec(failed[2]);
            failure = {
                stage: failed[1],
                ...(command ? { command: command[1], exitCode: Number(command[2]) } : {}),
            };
            const stage = events.findLast((e) => e.stage === failed[1]);
            if (stage)
                stage.outcome = 'failed';
        }
        if (text.startsWith('ERROR: ')) {
            errors.push(text.slice('ERROR: '.length));
            continue;
        }
        if (text.startsWith('WARNING: ')) {
            warnings.push(text.slice('WARNING: '.length));
            continue;
        }
        if (UNABLE_TO_PULL.test(text))
            continue;
        const marker = line.stream === 'stdout' ? matchMarker(text) : undefined;
        if (marker) {
            // A stage whose pull failed is followed by its "Running stage" line: the later line wins.
            const earlier = events.findIndex((e) => e.stage === marker.stage);
            const startedAt = earlier >= 0 ? events[earlier].startedAt : line.at;
            if (earlier >= 0)
                events.splice(earlier, 1);
            current = { stage: marker.stage, outcome: marker.outcome, startedAt, stderr: [] };
            events.push(current);
            continue;
        }
        if (line.stream === 'stderr' && current && text.trim())
            current.stderr.push(text);
    }
    const stages = events.map((event, index) => {
        const next = events[index + 1];
        const end = next ? next.startedAt : endedAt;
        const ranCommand = event.outcome === 'ran' || event.outcome === 'failed';
        return {
            stage: event.stage,
            outcome: event.outcome,
            durationMs: Math.max(0, end - event.startedAt),
            stderrTail: ranCommand ? event.stderr.slice(-TAIL_LINES) : [],
        };
    });
    return { stages, ...(failure ? { failure } : {}), errors, warnings };
}
function matchMarker(text) {
    for (const { pattern, outcome } of MARKERS) {
        const match = pattern.exec(text);
        if (match)
            return { stage: match[1], outcome };
    }
    return undefined;
}
/** parsePushCount reads how many files `dvc push` (or pull/fetch) transferred from its summary line. */
function parsePushCount(output, verb = 'pushed') {
    const match = new RegExp(`(\\d+) files? ${verb}`).exec(output);
    if (match)
        return Number(match[1]);
    return /Everything is up to date\./.test(output) ? 0 : undefined;
}

;// CONCATENATED MODULE: ../../packages/core/src/pure/yaml-problem.ts
// Pure: the first syntax error of a YAML text, with its line, worded the same for every action
// (dvc.yaml, dvc.lock, params files, manifests). Not re-exported from pure/index.ts: it loads the
// YAML parser, which the light core that every action starts with does without.

/**
 * yamlProblem parses YAML 1.2 as DVC's loader reads it (merge keys, unique keys) and returns its
 * first error, or undefined when the text parses. `reason` reads `invalid YAML, <parser text>`.
 */
function yamlProblem(text) {
    const lineCounter = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(text, {
        lineCounter,
        merge: true,
        uniqueKeys: true,
        prettyErrors: false,
    });
    const problem = doc.errors[0];
    if (!problem)
        return undefined;
    const line = problem.pos?.[0] === undefined ? undefined : lineCounter.linePos(problem.pos[0]).line;
    return { line, reason: `invalid YAML, ${problem.message.split('\n')[0]}` };
}

// EXTERNAL MODULE: ../../packages/core/src/pure/fastyaml.ts
var fastyaml = __webpack_require__(65);
// EXTERNAL MODULE: ../../packages/core/src/pure/pyvalue.ts
var pyvalue = __webpack_require__(8370);
;// CONCATENATED MODULE: ../../packages/core/src/dvc/yaml.ts
// Reading the YAML files DVC reads (dvc.yaml, dvc.lock, params files, .dvc files) in the plan
// phase, before DVC starts. The plain block YAML that DVC writes and people mostly write is read by
// the report's fast reader, which gives the full parser's tree or defers (its tests check both);
// the full parser reads the rest and words every error. On the example project the fast reader
// takes the plan phase from about 25 ms of the step's start-up to about 2 ms (issue 16): the full
// parser, cold, is most of the time the step spends before `dvc repro` starts.



/**
 * readYamlText parses YAML 1.2 as DVC's loader reads it (merge keys, unique keys) into plain
 * JavaScript values, as the full parser's `toJS()` gives them; `ok: false` when it does not parse.
 */
function readYamlText(text) {
    const fast = (0,fastyaml/* fastYaml */.C)(text);
    // fastYaml reads a text of comments only as an empty mapping; the full parser, as null.
    if (fast)
        return { ok: true, value: hasContent(text) ? (0,pyvalue/* toPlain */.Ul)(fast, jsKey) : null, fast: true };
    const doc = (0,dist.parseDocument)(text, { merge: true, uniqueKeys: true });
    if (doc.errors.length)
        return { ok: false };
    return { ok: true, value: doc.toJS(), fast: false };
}
function hasContent(text) {
    return text.split('\n').some((line) => {
        const content = line.trim();
        return content !== '' && !content.startsWith('#');
    });
}
/** A key as the full parser's `toJS()` writes it: `true`, not Python's `True`; null as ''. */
function jsKey(key) {
    return key.t === 'null' ? '' : String(key.v);
}
/**
 * stageLines finds the line (1-based) of each stage name under the top-level `stages:` of a
 * dvc.yaml text. `names` are the stages the text was read to hold: for a text the fast reader took,
 * the names are found by a scan of its lines; the full parser is asked when the scan does not find
 * exactly those names (quoted or unusual keys), and for every other text.
 */
function stageLines(text, names, fast) {
    const scanned = fast ? scanStageLines(text) : undefined;
    if (scanned && scanned.size === names.length && names.every((name) => scanned.has(name)))
        return scanned;
    const counter = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(text, { lineCounter: counter });
    const lines = new Map();
    const stages = doc.get('stages', true);
    if (!(0,dist.isMap)(stages))
        return lines;
    for (const item of stages.items) {
        if ((0,dist.isScalar)(item.key) && item.key.range)
            lines.set(String(item.key.value), counter.linePos(item.key.range[0]).line);
    }
    return lines;
}
const PLAIN_KEY = /^([A-Za-z0-9_][^:#'"]*?)\s*:(?:\s|$)/;
/** scanStageLines reads plain keys one level under `stages:` (indented block YAML only). */
function scanStageLines(text) {
    const lines = text.split('\n');
    const start = lines.findIndex((line) => /^stages\s*:\s*(?:#.*)?\r?$/.test(line));
    if (start < 0)
        return undefined;
    const found = new Map();
    let indent;
    for (let i = start + 1; i < lines.length; i++) {
        const raw = lines[i].replace(/\r$/, '');
        const content = raw.trim();
        if (content === '' || content.startsWith('#'))
            continue;
        const depth = raw.length - raw.trimStart().length;
        if (depth === 0)
            break;
        indent ??= depth;
        if (depth !== indent)
            continue;
        const key = PLAIN_KEY.exec(content)?.[1];
        if (key === undefined || found.has(key))
            return undefined;
        found.set(key, i + 1);
    }
    return found;
}

;// CONCATENATED MODULE: ../../packages/core/src/dvc/project.ts
// The plan phase of dvc-repro and dvc-push: every file DVC will read (each dvc.yaml of the project,
// each dvc.lock, the params files the stages name, .dvc/config) is read and checked, and every
// target resolved, before DVC starts. A mistake is then one error naming the file and line, found
// before anything is pulled, pushed or computed. Reads files only; starts no tool.






// Folders that are never part of a pipeline and can be large.
const SKIP = new Set(['.git', '.dvc', 'node_modules', '.venv', 'venv', '__pycache__', '.tox']);
/** shownPath is a path relative to the workspace with forward slashes (`.` for the root). */
function shownPath(workspace, path) {
    const rel = (0,external_node_path_.relative)(workspace, path);
    if (!rel)
        return '.';
    return rel.startsWith('..') ? path : rel.split(external_node_path_.sep).join('/');
}
function toPosix(path) {
    return path.split(external_node_path_.sep).join('/');
}
/** walk lists the dvc.yaml and .dvc files under a folder (never entering SKIP or .dvcignore'd names). */
function walk(root, ignored) {
    const pipelines = [];
    const dvcFiles = [];
    const visit = (dir, depth) => {
        if (depth > 20)
            return;
        let names;
        try {
            names = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const entry of names) {
            if (ignored.has(entry.name))
                continue;
            const full = (0,external_node_path_.join)(dir, entry.name);
            if (entry.isDirectory()) {
                if (!SKIP.has(entry.name))
                    visit(full, depth + 1);
            }
            else if (entry.name === 'dvc.yaml')
                pipelines.push(full);
            else if (entry.name.endsWith('.dvc'))
                dvcFiles.push(full);
        }
    };
    visit(root, 0);
    return { pipelines: pipelines.sort(), dvcFiles: dvcFiles.sort() };
}
/** dvcignoreNames reads the plain names (no globs, no paths) of the root .dvcignore. */
function dvcignoreNames(root) {
    const file = (0,external_node_path_.join)(root, '.dvcignore');
    if (!(0,external_node_fs_.existsSync)(file))
        return new Set();
    return new Set((0,external_node_fs_.readFileSync)(file, 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim().replace(/\/$/, ''))
        .filter((l) => l && !l.startsWith('#') && !/[*?[\]/!]/.test(l)));
}
/** readYamlFile parses a YAML file DVC reads, or throws the one parser-error format. */
function readYamlFile(path, shown, hint) {
    return readYamlWithText((0,external_node_fs_.readFileSync)(path, 'utf8'), shown, hint).value;
}
/** readYamlWithText parses a YAML text DVC reads, or throws the one parser-error format. */
function readYamlWithText(text, shown, hint) {
    // Parsed once, by the fast reader when it can; the check's wording is asked for only when
    // something is wrong (issue 16).
    const read = readYamlText(text);
    if (!read.ok) {
        const problem = yamlProblem(text) ?? { line: undefined, reason: 'invalid YAML' };
        throw new errors/* FileParseError */.Sg(shown, problem.line, problem.reason, hint);
    }
    return read;
}
const TEMPLATED = /\$\{|^\s*(?:vars|foreach|matrix)\s*:/m;
function outputsOf(stage) {
    const outputs = [];
    for (const field of ['outs', 'metrics', 'plots']) {
        const list = stage[field];
        if (!Array.isArray(list))
            continue;
        for (const item of list) {
            if (typeof item === 'string')
                outputs.push({ path: item, cache: true });
            else if (item && typeof item === 'object') {
                for (const [path, flags] of Object.entries(item)) {
                    const cache = flags?.cache;
                    outputs.push({ path, cache: cache !== false });
                }
            }
        }
    }
    return outputs;
}
function paramsOf(stage) {
    const list = stage['params'];
    if (!Array.isArray(list))
        return [];
    const byFile = new Map();
    const add = (file, keys) => byFile.set(file, [...(byFile.get(file) ?? []), ...keys]);
    for (const item of list) {
        if (typeof item === 'string')
            add('params.yaml', [item]);
        else if (item && typeof item === 'object') {
            for (const [file, keys] of Object.entries(item)) {
                add(file, Array.isArray(keys) ? keys.filter((k) => typeof k === 'string') : []);
            }
        }
    }
    return [...byFile].map(([file, keys]) => ({ file, keys }));
}
/**
 * loadProject reads every dvc.yaml of the DVC project that holds `workingDirectory` (and the
 * dvc.lock beside each, and .dvc/config), failing with the file and line of the first that does
 * not parse or does not have DVC's shape.
 */
function loadProject(workspace, workingDirectory) {
    const root = findDvcRoot(workingDirectory) ?? workingDirectory;
    for (const name of ['config', 'config.local'])
        checkConfigSyntax(workspace, (0,external_node_path_.join)(root, '.dvc', name));
    const found = walk(root, dvcignoreNames(root));
    const pipelines = [];
    for (const path of found.pipelines) {
        const shown = shownPath(workspace, path);
        const hint = `Fix ${shown} so that DVC can read it`;
        const text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        const read = readYamlWithText(text, shown, hint);
        const doc = read.value;
        if (doc !== null && (typeof doc !== 'object' || Array.isArray(doc))) {
            throw new errors/* FileParseError */.Sg(shown, 1, 'it is not a mapping (stages:, params:, metrics:…)', hint);
        }
        const stagesNode = doc?.['stages'];
        if (stagesNode !== undefined &&
            stagesNode !== null &&
            (typeof stagesNode !== 'object' || Array.isArray(stagesNode))) {
            const line = text.split('\n').findIndex((l) => /^stages\s*:/.test(l)) + 1 || undefined;
            throw new errors/* FileParseError */.Sg(shown, line, "'stages' is not a mapping of stage names", hint);
        }
        const lines = stageLines(text, Object.keys(stagesNode ?? {}), read.fast);
        const rel = toPosix((0,external_node_path_.relative)(workingDirectory, path));
        const prefix = rel === 'dvc.yaml' ? '' : `${rel}:`;
        const stages = [];
        for (const [name, body] of Object.entries(stagesNode ?? {})) {
            const stage = body && typeof body === 'object' ? body : {};
            const line = lines.get(name) ?? 1;
            if (!TEMPLATED.test(text) && !('cmd' in stage)) {
                throw new errors/* FileParseError */.Sg(shown, line, `stage '${name}' has no 'cmd'`, `${hint}: every stage needs the command it runs`);
            }
            stages.push({
                name,
                file: shown,
                line,
                address: `${prefix}${name}`,
                outputs: outputsOf(stage),
                params: paramsOf(stage),
            });
        }
        pipelines.push({ path, shown, address: rel, stages, templated: TEMPLATED.test(text) });
        const lock = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), 'dvc.lock');
        if ((0,external_node_fs_.existsSync)(lock)) {
            const lockShown = shownPath(workspace, lock);
            readYamlFile(lock, lockShown, `Fix ${lockShown}, or delete it: \`dvc repro\` writes it anew`);
        }
    }
    const trackedFiles = [];
    for (const path of found.dvcFiles) {
        const shown = shownPath(workspace, path);
        const doc = readYamlFile(path, shown, `Fix ${shown}, or track the data again with \`dvc add\``);
        for (const out of Array.isArray(doc?.outs) ? doc.outs : []) {
            if (typeof out?.path === 'string')
                trackedFiles.push(toPosix((0,external_node_path_.relative)(workingDirectory, (0,external_node_path_.join)((0,external_node_path_.dirname)(path), out.path))));
        }
    }
    return {
        root,
        workspace,
        workingDirectory,
        pipelines,
        trackedFiles,
        remotes: remotesFromFiles(workingDirectory),
    };
}
/**
 * checkConfigSyntax reads .dvc/config as DVC's configobj does, line by line: a `[section]`, a
 * `key = value`, a comment or a blank line. Anything else is an error on that line.
 */
function checkConfigSyntax(workspace, file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return;
    const shown = shownPath(workspace, file);
    const lines = (0,external_node_fs_.readFileSync)(file, 'utf8').split(/\r?\n/);
    for (const [index, raw] of lines.entries()) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith(';'))
            continue;
        if (/^\[+[^\]]+\]+$/.test(line) || /^[^=[\]]+=/.test(line))
            continue;
        throw new errors/* FileParseError */.Sg(shown, index + 1, `'${line}' is neither a [section] nor a key = value line`, `Fix ${shown} (\`dvc config\` and \`dvc remote\` write it for you)`);
    }
}
/** checkParams fails on a params file a stage names that is missing, does not parse, or lacks a key. */
function checkParams(project, stages) {
    const parsed = new Map();
    for (const pipeline of project.pipelines) {
        if (pipeline.templated)
            continue;
        for (const stage of pipeline.stages.filter((s) => stages.includes(s))) {
            for (const { file, keys } of stage.params) {
                if (!/\.(ya?ml|json)$/i.test(file))
                    continue;
                const path = (0,external_node_path_.join)((0,external_node_path_.dirname)(pipeline.path), file);
                const shown = shownPath(project.workspace, path);
                if (!(0,external_node_fs_.existsSync)(path)) {
                    throw new errors/* ActionError */.lZ(`stage '${stage.address}' reads params from ${shown}, which does not exist`, {
                        hint: `Commit ${shown}, or fix the params of the stage in ${stage.file}`,
                        location: { file: stage.file, line: stage.line },
                    });
                }
                if (!parsed.has(path)) {
                    const hint = `Fix ${shown} so that DVC can read it`;
                    if (/\.json$/i.test(file)) {
                        try {
                            parsed.set(path, JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8')));
                        }
                        catch (error) {
                            throw new errors/* FileParseError */.Sg(shown, undefined, `invalid JSON, ${error.message}`, hint);
                        }
                    }
                    else
                        parsed.set(path, readYamlFile(path, shown, hint));
                }
                const doc = parsed.get(path);
                for (const key of keys) {
                    if (!hasKey(doc, key)) {
                        throw new errors/* ActionError */.lZ(`stage '${stage.address}' reads param '${key}', which ${shown} does not have`, {
                            hint: `Add '${key}' to ${shown}, or remove it from the params of the stage`,
                            location: { file: stage.file, line: stage.line },
                        });
                    }
                }
            }
        }
    }
}
function hasKey(doc, key) {
    if (doc && typeof doc === 'object' && key in doc)
        return true;
    const dot = key.indexOf('.');
    if (dot < 0)
        return false;
    let node = doc;
    const parts = key.split('.');
    for (let i = 0; i < parts.length; i++) {
        if (!node || typeof node !== 'object')
            return false;
        // A key may itself hold dots: try the longest match first.
        const rest = parts.slice(i).join('.');
        if (rest in node)
            return true;
        node = node[parts[i]];
    }
    return node !== undefined;
}
/** allStages lists the stages of every dvc.yaml of the project. */
function allStages(project) {
    return project.pipelines.flatMap((p) => p.stages);
}
/** findStage finds a stage by the name DVC prints for it (relative to the working directory). */
function findStage(project, address) {
    return allStages(project).find((s) => s.address === address);
}
/**
 * resolveTargets checks each target as DVC reads it: `stage` (in the working directory's
 * dvc.yaml), `path/dvc.yaml:stage`, `path/dvc.yaml`, a `.dvc` file, or a path that is (or is inside)
 * an output a stage or `.dvc` file tracks. A templated dvc.yaml is left to DVC.
 */
function resolveTargets(project, targets) {
    return targets.map((target) => resolveTarget(project, target));
}
function normal(path) {
    return external_node_path_.posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/+$/, '');
}
function resolveTarget(project, target) {
    const wd = project.workingDirectory;
    const colon = target.lastIndexOf(':');
    const pipelineOf = (file) => project.pipelines.find((p) => p.address === normal(file));
    const here = pipelineOf('dvc.yaml');
    const unknownHint = (pipeline) => {
        const names = pipeline?.stages.map((s) => s.name) ?? [];
        return `Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path).${names.length ? ` Stages in ${pipeline.address}: ${names.join(', ')}.` : ''}`;
    };
    const at = (pipeline) => pipeline ? { location: { file: pipeline.shown } } : {};
    if (colon > 0 && /(^|\/)dvc\.yaml$/.test(target.slice(0, colon))) {
        const file = target.slice(0, colon);
        const name = target.slice(colon + 1);
        const pipeline = pipelineOf(file);
        if (!pipeline) {
            throw new errors/* ActionError */.lZ(`unknown target '${target}': ${normal(file)} does not exist in working-directory '${shownPath(project.workspace, wd)}'`, {
                hint: "Fix 'targets': give the path of a dvc.yaml relative to working-directory",
            });
        }
        if (pipeline.templated)
            return { kind: 'unknown-to-us', target };
        const stage = pipeline.stages.find((s) => s.name === name);
        if (!stage) {
            throw new errors/* ActionError */.lZ(`unknown target '${target}': ${pipeline.address} has no stage '${name}'`, {
                hint: unknownHint(pipeline),
                ...at(pipeline),
            });
        }
        return { kind: 'stages', target, stages: [stage] };
    }
    const file = pipelineOf(target);
    if (file && /(^|\/)dvc\.yaml$/.test(normal(target)))
        return { kind: 'stages', target, stages: file.stages };
    if (here && !target.includes('/')) {
        const stage = here.stages.find((s) => s.name === target);
        if (stage)
            return { kind: 'stages', target, stages: [stage] };
    }
    if (target.endsWith('.dvc') && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(wd, target)))
        return { kind: 'path', target };
    const path = normal(target);
    const outputs = [
        ...project.trackedFiles,
        ...project.pipelines.flatMap((p) => p.stages.flatMap((s) => s.outputs.map((o) => normal(external_node_path_.posix.join(external_node_path_.posix.dirname(p.address), o.path))))),
    ];
    if (outputs.some((o) => path === o || path.startsWith(`${o}/`)))
        return { kind: 'path', target };
    if (project.pipelines.some((p) => p.templated))
        return { kind: 'unknown-to-us', target };
    throw new errors/* ActionError */.lZ(`unknown target '${target}': it is neither a stage in dvc.yaml nor an output DVC tracks`, { hint: unknownHint(here), ...at(here) });
}
/**
 * plannedRemote finds the remote a command will use (the named one, else the default) in the
 * project's .dvc/config and .dvc/config.local. With `soft`, one that is not there gives undefined
 * (it may be a user- or system-level remote, which only DVC sees); otherwise an error.
 */
function plannedRemote(project, name, soft = false) {
    const { remotes } = project;
    const wanted = name || remotes.defaultRemote;
    if (!wanted)
        return undefined;
    const remote = remotes.remotes.find((r) => r.name === wanted);
    if (remote)
        return remote;
    if (soft)
        return undefined;
    const names = remotes.remotes
        .map((r) => `'${r.name}'${r.name === remotes.defaultRemote ? ' (default)' : ''}`)
        .join(', ');
    const configured = names ? `Configured remotes: ${names}.` : 'The project configures no remote.';
    if (name) {
        throw new errors/* ActionError */.lZ(`DVC remote '${name}' is not configured in this project`, {
            hint: `${configured} Fix 'remote', or add it with \`dvc remote add\` and commit .dvc/config`,
        });
    }
    throw new errors/* ActionError */.lZ(`the default DVC remote '${wanted}' (core.remote in .dvc/config) is not configured`, {
        hint: `${configured} Fix core.remote with \`dvc remote default <name>\`, or add the remote with \`dvc remote add\``,
        location: { file: shownPath(project.workspace, (0,external_node_path_.join)(project.root, '.dvc', 'config')) },
    });
}
/**
 * readLocks reads every dvc.lock of the project, keyed by the stage name DVC prints; `texts`, when
 * given, are the locks as lockTexts read them, so that they are not read twice.
 */
function readLocks(project, texts) {
    const entries = new Map();
    for (const pipeline of project.pipelines) {
        const lock = (0,external_node_path_.join)((0,external_node_path_.dirname)(pipeline.path), 'dvc.lock');
        const text = texts
            ? texts.get(lock)
            : (0,external_node_fs_.existsSync)(lock)
                ? (0,external_node_fs_.readFileSync)(lock, 'utf8')
                : undefined;
        if (text === undefined)
            continue;
        const read = readYamlText(text);
        if (!read.ok)
            continue;
        const doc = read.value;
        const prefix = pipeline.address === 'dvc.yaml' ? '' : `${pipeline.address}:`;
        for (const [name, entry] of Object.entries(doc?.stages ?? {}))
            entries.set(`${prefix}${name}`, entry ?? {});
    }
    return entries;
}
/** lockTexts reads every dvc.lock of the project as text, by path, to tell whether one changed. */
function lockTexts(project) {
    const texts = new Map();
    for (const pipeline of project.pipelines) {
        const lock = (0,external_node_path_.join)((0,external_node_path_.dirname)(pipeline.path), 'dvc.lock');
        texts.set(lock, (0,external_node_fs_.existsSync)(lock) ? (0,external_node_fs_.readFileSync)(lock, 'utf8') : undefined);
    }
    return texts;
}
/** uncachedOutputs lists, per stage address, the outputs DVC does not cache (`cache: false`). */
function uncachedOutputs(project) {
    const map = new Map();
    for (const stage of allStages(project)) {
        map.set(stage.address, new Set(stage.outputs.filter((o) => !o.cache).map((o) => normal(o.path))));
    }
    return map;
}
/** isDirectory tells whether a path is an existing folder. */
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ../../packages/core/src/git.ts
var git = __webpack_require__(2735);
;// CONCATENATED MODULE: ../../packages/core/src/dvc/repro.ts












/** reproArgs builds `dvc repro`'s argv from the options. */
function reproArgs(options) {
    const args = ['repro'];
    if (options.pull)
        args.push('--pull');
    if (options.allowMissing)
        args.push('--allow-missing');
    if (options.force)
        args.push('--force');
    if (options.singleItem)
        args.push('--single-item');
    if (options.targets.length)
        args.push('--', ...options.targets);
    return args;
}
const PROJECT_HINT = 'Set working-directory to the folder that holds dvc.yaml, relative to the repository root';
/**
 * planRepro is the plan phase, before DVC starts: the folder and its dvc.yaml, every dvc.yaml,
 * dvc.lock and params file the run reads, every target, and the remote. Reads files only.
 */
function planRepro(options) {
    const wd = options.workingDirectory;
    const shown = displayPath(options.workspace, wd);
    if ((0,external_node_fs_.existsSync)(wd) && !(0,external_node_fs_.statSync)(wd).isDirectory()) {
        throw new errors/* ActionError */.lZ(`working-directory '${shown}' is a file, not a folder`, {
            hint: 'Set working-directory to the DVC project folder, relative to the repository root',
        });
    }
    if (!(0,external_node_fs_.existsSync)(wd)) {
        throw new errors/* ActionError */.lZ(`working-directory '${shown}' does not exist`, { hint: PROJECT_HINT });
    }
    const dvcYamlPath = (0,external_node_path_.join)(wd, 'dvc.yaml');
    if (!(0,external_node_fs_.existsSync)(dvcYamlPath) && !options.targets.length) {
        throw new errors/* ActionError */.lZ(`no dvc.yaml in working-directory '${shown}' (looked for ${displayPath(options.workspace, dvcYamlPath)})`, { hint: PROJECT_HINT });
    }
    if (!findDvcRoot(wd)) {
        throw new errors/* ActionError */.lZ(`working-directory '${shown}' is not inside a DVC project: no .dvc folder in it or above it`, {
            hint: 'Run `dvc init` and commit .dvc/, or set working-directory to the DVC project folder',
        });
    }
    const project = loadProject(options.workspace, wd);
    const resolved = resolveTargets(project, options.targets);
    const stages = options.targets.length
        ? resolved.flatMap((r) => (r.kind === 'stages' ? r.stages : []))
        : (project.pipelines.find((p) => p.address === 'dvc.yaml')?.stages ?? []);
    checkParams(project, stages);
    const remote = options.remote || options.pull ? plannedRemote(project, options.remote, true) : undefined;
    return { project, remote };
}
/**
 * reproduce runs `dvc repro` in the project, streaming DVC's output in a log group, and reports
 * which stages ran, which were up to date (or pulled, or restored from the run cache), how long
 * each took and whether a dvc.lock changed. A failure becomes one ActionError in plain words.
 * Everything is checked first (planRepro); with `pull`, the remote is asked whether it answers
 * before anything runs, because DVC itself recomputes in silence when it does not.
 */
async function reproduce(options, plan = planRepro(options)) {
    const wd = options.workingDirectory;
    const shown = displayPath(options.workspace, wd);
    const { project } = plan;
    let remote = plan.remote;
    if (!remote && (options.remote || options.pull)) {
        // Not in the project's files: a user- or system-level remote, which only DVC sees.
        const remotes = await readRemotes(options.dvc, wd);
        if (options.remote)
            remote = requireRemote(remotes, options.remote);
        else if (remotes?.defaultRemote) {
            remote = remotes.remotes.find((r) => r.name === remotes.defaultRemote);
            if (!remote)
                plannedRemote({ ...project, remotes }, undefined);
        }
    }
    let pull = options.pull;
    let pullSkipped;
    if (pull && remote) {
        const problem = await remoteProblem(options, remote);
        if (problem) {
            if (options.onPullFailure !== 'recompute') {
                throw new DvcError(`${problem.message}; nothing was pulled and no stage was run`, problem.details, {
                    hint: `${(problem.hint ?? 'Fix the remote').replace(/\.$/, '')}; or set on-pull-failure: recompute to run the stages without the remote`,
                });
            }
            pullSkipped = problem.message;
            (0,runtime/* warning */.$e)(`${problem.message}: nothing is pulled, and the stages whose results are not in the local cache are recomputed (on-pull-failure: recompute)`);
            pull = false;
        }
    }
    const textsBefore = lockTexts(project);
    const lockBefore = readLocks(project, textsBefore);
    // Whether the locks differ from the commit, asked of git while DVC runs (DVC's start-up takes
    // far longer): when the run leaves every lock as it was, that answer stands (issue 16).
    const statsBefore = lockStats(textsBefore);
    // Asked at DVC's first line (or its end, when it prints none): DVC, the long pole, is running
    // then whatever its start took, and has written no lock yet. A timer tick can come before the
    // spawn, which waits on I/O.
    let started = () => { };
    const running = new Promise((resolve) => {
        started = resolve;
    });
    const statusBefore = running.then(() => lockStatus(project, textsBefore).catch(() => undefined));
    const startedWork = running.then(() => options.onStarted?.());
    startedWork.catch(() => { }); // Awaited once DVC has ended.
    const args = reproArgs({ ...options, pull });
    // DVC pulls an otherwise unchanged stage's outputs, and when the remote lacks them it says
    // "Unable to pull data for stage: '…'" and runs the stage at once: hours of training where a
    // pull was asked for. Stop it there, unless on-pull-failure says to recompute. DVC says the same
    // of a stage that never ran (no dvc.lock entry, nothing to pull): that one just runs.
    const unpulled = [];
    const stop = new AbortController();
    const onLine = (text) => {
        started();
        if (!pull)
            return;
        const stage = /^Unable to pull data for stage: '(.+)'\s*$/.exec(text)?.[1];
        if (!stage || lockOutputs(lockBefore.get(lockName(stage))).length === 0)
            return;
        unpulled.push(stage);
        if (options.onPullFailure !== 'recompute')
            stop.abort();
    };
    const attempt = () => (0,runtime/* group */.Os)(`dvc ${args.join(' ')}`, () => runDvcWithRetry(options.dvc, args, {
        cwd: wd,
        attempts: options.attempts,
        inGroup: true,
        onLine,
        ...(pull ? { signal: stop.signal } : {}),
        ...(remote ? { remote } : {}),
        ...(options.retryBaseMs === undefined ? {} : { baseMs: options.retryBaseMs }),
        ...(options.env ? { env: options.env } : {}),
    }));
    const outcome = options.remote
        ? await withDefaultRemote(options, options.remote, attempt)
        : await attempt();
    started();
    await startedWork;
    const { run, attempts } = outcome;
    const log = parseReproLog(run.lines, run.endedAt);
    const where = remote ? `the DVC remote '${remote.name}'` : 'the DVC remote';
    const stages = `stage${unpulled.length > 1 ? 's' : ''} ${unpulled.map((s) => `'${s}'`).join(', ')}`;
    if (stop.signal.aborted) {
        throw new DvcError(`${where} does not hold the outputs of ${stages}, which nothing else changed; DVC would run it again instead of pulling, so it was stopped before it ran`, run.lines.map((l) => l.text).filter((t) => /cache files|^md5: |^Unable to pull/.test(t)), {
            hint: "Push those outputs with 'dvc push' from where they were made (a stage's outputs with cache: false never reach the remote), or set on-pull-failure: recompute to run the stage",
        });
    }
    if (unpulled.length > 0) {
        (0,runtime/* warning */.$e)(`${where} does not hold the outputs of ${stages}: recomputed (on-pull-failure: recompute); push them with 'dvc push' to save the next run that time`);
    }
    if (run.error) {
        const remotes = await readRemotes(options.dvc, wd);
        const failedStage = log.failure
            ? {
                name: log.failure.stage,
                ...(log.failure.command === undefined ? {} : { command: log.failure.command }),
                ...(log.failure.exitCode === undefined ? {} : { exitCode: log.failure.exitCode }),
                stderrTail: log.stages.findLast((s) => s.stage === log.failure?.stage)?.stderrTail ?? [],
            }
            : undefined;
        const dvcYamlPath = (0,external_node_path_.join)(wd, 'dvc.yaml');
        throw explainDvcFailure({
            command: 'repro',
            output: outputOf(run),
            workingDirectory: shown,
            ...((0,external_node_fs_.existsSync)(dvcYamlPath) ? { dvcYaml: displayPath(options.workspace, dvcYamlPath) } : {}),
            stages: (project.pipelines.find((p) => p.address === 'dvc.yaml')?.stages ?? []).map((s) => ({
                name: s.name,
                line: s.line,
            })),
            locate: (name) => {
                const stage = findStage(project, lockName(name));
                return stage ? { file: stage.file, line: stage.line } : undefined;
            },
            ...optional('remote', remote ?? usedRemote(remotes, options.remote)),
            ...optional('remotes', remotes),
            ...optional('stage', failedStage),
            attempts,
            targets: options.targets,
        });
    }
    // What ran is read from DVC's output; the locks, read again once, catch what the output missed.
    const textsAfter = lockTexts(project);
    const sameTexts = [...textsAfter].every(([path, text]) => textsBefore.get(path) === text);
    const lockAfter = sameTexts ? lockBefore : readLocks(project, textsAfter);
    const result = classifyStages(log, lockBefore, lockAfter, uncachedOutputs(project));
    return {
        ...result,
        lockChanged: await locksChanged(project, textsBefore, textsAfter, statsBefore, statusBefore),
        durationMs: run.endedAt - run.startedAt,
        attempts,
        log,
        ...(pullSkipped ? { pullSkipped } : {}),
    };
}
/**
 * remoteProblem asks the remote whether it answers (retrying transient failures), and explains a
 * failure for a remote reason (connection, name, timeout, 5xx, throttling, credentials, access).
 * Undefined when it answers, or when the probe cannot tell.
 */
async function remoteProblem(options, remote) {
    if (localRemoteAnswers(remote))
        return undefined;
    let probe;
    let tries = 0;
    await (0,runtime/* group */.Os)(`Checking that DVC remote ${describeRemote(remote)} answers`, () => retryTransient(async () => {
        tries++;
        probe = await probeRemote(options.dvc, options.workingDirectory, options.remote);
        return probe ? transientCause(probe.errors.join('\n')) : undefined;
    }, {
        attempts: options.attempts,
        remote,
        what: 'the pull',
        ...(options.retryBaseMs === undefined ? {} : { baseMs: options.retryBaseMs }),
    }));
    if (!probe?.errors.length)
        return undefined;
    const text = probe.errors.join('\n');
    if (!transientCause(text) && !isRemoteAccessProblem(text))
        return undefined;
    return explainDvcFailure({
        command: 'pull',
        output: probe.errors.map((e) => `ERROR: ${e.replace(/^[A-Za-z_.]+: /, '')}`).join('\n'),
        workingDirectory: displayPath(options.workspace, options.workingDirectory),
        remote,
        attempts: tries,
    });
}
/**
 * localRemoteAnswers settles the probe for a remote on this machine's disk without starting DVC's
 * Python (about 300 ms, a quarter of an up-to-date `dvc repro --pull`): a folder that can be read
 * answers, and one that is not there yet is an empty remote, as DVC's probe also says. Anything
 * else (a remote in the cloud, a relative path from a user-level config, a folder that cannot be
 * read) is left to the probe, which explains it in DVC's words.
 */
function localRemoteAnswers(remote) {
    if (!remote.url || remoteKind(remote.url) !== 'local')
        return false;
    let path;
    try {
        path = remote.url.startsWith('file:') ? (0,external_node_url_.fileURLToPath)(remote.url) : remote.url;
    }
    catch {
        return false;
    }
    if (!(0,external_node_path_.isAbsolute)(path))
        return false;
    try {
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.R_OK | external_node_fs_.constants.X_OK);
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch (error) {
        return error.code === 'ENOENT';
    }
}
function optional(key, value) {
    return (value === undefined ? {} : { [key]: value });
}
/** displayPath shows a path relative to the workspace with forward slashes (`.` for the root). */
function displayPath(workspace, path) {
    const rel = (0,external_node_path_.relative)(workspace, path);
    if (!rel)
        return '.';
    return rel.startsWith('..') ? path : rel.split(external_node_path_.sep).join('/');
}
/**
 * withDefaultRemote makes `remote` the default for one command: `dvc repro` has no `--remote`
 * option, and `--pull` uses the default remote. `.dvc/config.local` (git-ignored, the highest
 * config level) is set and then put back byte for byte.
 */
async function withDefaultRemote(options, remote, fn) {
    const root = findDvcRoot(options.workingDirectory);
    if (!root)
        return fn();
    const file = (0,external_node_path_.join)(root, '.dvc', 'config.local');
    const before = (0,external_node_fs_.existsSync)(file) ? (0,external_node_fs_.readFileSync)(file) : undefined;
    try {
        const set = await runDvc(options.dvc, ['config', '--local', 'core.remote', remote], {
            cwd: options.workingDirectory,
            silent: true,
        });
        if (set.error) {
            throw new errors/* ActionError */.lZ(`could not select DVC remote '${remote}': ${outputOf(set).trim()}`);
        }
        return await fn();
    }
    finally {
        if (before === undefined)
            (0,external_node_fs_.rmSync)(file, { force: true });
        else
            (0,external_node_fs_.writeFileSync)(file, before);
    }
}
/** lockStats notes each lock's size and modification time, to tell later that none was written. */
function lockStats(texts) {
    const stats = new Map();
    for (const path of texts.keys()) {
        try {
            const stat = (0,external_node_fs_.statSync)(path);
            stats.set(path, `${stat.size}:${stat.mtimeMs}`);
        }
        catch {
            stats.set(path, undefined);
        }
    }
    return stats;
}
/** lockStatus asks git which of the existing locks differ from the commit (its porcelain lines). */
function lockStatus(project, texts) {
    const paths = [...texts.keys()].filter((p) => texts.get(p) !== undefined);
    if (!paths.length)
        return Promise.resolve('');
    return new git/* Git */.T(project.root).run([
        '--no-optional-locks',
        'status',
        '--porcelain',
        '--untracked-files=all',
        '--',
        ...paths,
    ]);
}
/**
 * locksChanged tells whether any dvc.lock of the project differs from the committed one (or is
 * new), asking git; outside git it compares the files before and after the run. When the run wrote
 * no lock (same text, size and time), git's answer from before the run is the answer.
 */
async function locksChanged(project, before, after, statsBefore, statusBefore) {
    const paths = [...after.keys()].filter((p) => after.get(p) !== undefined || before.get(p) !== undefined);
    if (!paths.length)
        return false;
    const statsAfter = lockStats(after);
    const untouched = [...after.keys()].every((p) => after.get(p) === before.get(p) && statsAfter.get(p) === statsBefore.get(p));
    const early = untouched ? await statusBefore : undefined;
    if (early !== undefined)
        return early.length > 0;
    try {
        const status = await new git/* Git */.T(project.root).run([
            'status',
            '--porcelain',
            '--untracked-files=all',
            '--',
            ...paths,
        ]);
        return status.length > 0;
    }
    catch {
        return paths.some((p) => before.get(p) !== after.get(p));
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/dvc/push.ts









/** pushArgs builds `dvc push`'s argv from the options. */
function pushArgs(options) {
    const args = ['push'];
    if (options.remote)
        args.push('--remote', options.remote);
    if (options.jobs !== undefined)
        args.push('--jobs', String(options.jobs));
    args.push(options.runCache ? '--run-cache' : '--no-run-cache');
    if (options.targets.length)
        args.push('--', ...options.targets);
    return args;
}
/**
 * planPush is the plan phase, before DVC starts: the folder, every dvc.yaml and .dvc file DVC
 * reads, every target and the remote. A typo in `targets` is found here, before the run cache,
 * which DVC pushes first, is sent anywhere.
 */
function planPush(options) {
    const wd = options.workingDirectory;
    const shown = displayPath(options.workspace, wd);
    if ((0,external_node_fs_.existsSync)(wd) && !(0,external_node_fs_.statSync)(wd).isDirectory()) {
        throw new errors/* ActionError */.lZ(`working-directory '${shown}' is a file, not a folder`, {
            hint: 'Set working-directory to the DVC project folder, relative to the repository root',
        });
    }
    if (!(0,external_node_fs_.existsSync)(wd)) {
        throw new errors/* ActionError */.lZ(`working-directory '${shown}' does not exist`, {
            hint: 'Set working-directory to the DVC project folder, relative to the repository root',
        });
    }
    if (!findDvcRoot(wd)) {
        throw new errors/* ActionError */.lZ(`working-directory '${shown}' is not inside a DVC project: no .dvc folder in it or above it`, {
            hint: 'Set working-directory to the DVC project folder, or run `dvc init` and commit .dvc/',
        });
    }
    const project = loadProject(options.workspace, wd);
    resolveTargets(project, options.targets);
    return { project, remote: plannedRemote(project, options.remote, true) };
}
/**
 * pushData runs `dvc push` in a log group, retrying transient remote errors (naming the remote and
 * the cause), and counts what it sent. Everything is checked first (planPush).
 */
async function pushData(options, plan = planPush(options)) {
    const wd = options.workingDirectory;
    const shown = displayPath(options.workspace, wd);
    let remote = plan.remote;
    if (!remote) {
        // Not in the project's files: a user- or system-level remote (only DVC sees those), or none.
        const remotes = await readRemotes(options.dvc, wd);
        if (options.remote)
            remote = requireRemote(remotes, options.remote);
        else if (remotes?.defaultRemote) {
            remote = remotes.remotes.find((r) => r.name === remotes.defaultRemote);
            if (!remote)
                plannedRemote({ ...plan.project, remotes }, undefined);
        }
        else {
            const names = remotes?.remotes.map((r) => `'${r.name}'`).join(', ');
            throw new errors/* ActionError */.lZ('no DVC remote to use: none was given and the project sets no default remote', {
                hint: `Set 'remote', or run \`dvc remote add --default <name> <url>\` and commit .dvc/config. ${names ? `Configured remotes: ${names}.` : 'The project configures no remote.'}`,
            });
        }
    }
    const args = pushArgs(options);
    const { run, attempts } = await (0,runtime/* group */.Os)(`dvc ${args.join(' ')}`, () => runDvcWithRetry(options.dvc, args, {
        cwd: wd,
        attempts: options.attempts,
        inGroup: true,
        ...(remote ? { remote } : {}),
        ...(options.retryBaseMs === undefined ? {} : { baseMs: options.retryBaseMs }),
        ...(options.env ? { env: options.env } : {}),
    }));
    if (run.error) {
        const remotes = await readRemotes(options.dvc, wd);
        const here = plan.project.pipelines.find((p) => p.address === 'dvc.yaml');
        throw explainDvcFailure({
            command: 'push',
            output: outputOf(run),
            workingDirectory: shown,
            ...(here ? { stages: here.stages.map((s) => ({ name: s.name, line: s.line })) } : {}),
            ...(remote ? { remote } : {}),
            ...(remotes ? { remotes } : {}),
            attempts,
            targets: options.targets,
        });
    }
    const output = run.lines.map((l) => l.text).join('\n');
    return {
        pushed: parsePushCount(output) ?? 0,
        remote: remote ? describeRemote(remote) : 'the default remote',
        durationMs: run.endedAt - run.startedAt,
        attempts,
    };
}

// EXTERNAL MODULE: ../../packages/core/src/pure/markdown.ts
var markdown = __webpack_require__(1357);
;// CONCATENATED MODULE: ../../packages/core/src/dvc/summary.ts
// Pure: the job summary Markdown of dvc-repro and dvc-push.

const OUTCOME_TEXT = {
    ran: 'ran',
    failed: 'failed',
    'up-to-date': 'up to date',
    pulled: 'up to date, data pulled',
    restored: 'restored from the run cache',
};
/** formatDuration renders milliseconds as `850 ms`, `12.3 s` or `2 min 05 s`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const seconds = Math.round(ms / 1000);
    return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
/** reproSummary renders which stages ran and which were up to date, how long each took, what was pulled. */
function reproSummary(input) {
    const { result } = input;
    const where = input.workingDirectory === '.' ? '' : ` in \`${input.workingDirectory}\``;
    const counts = `${result.run.length} ran, ${result.skipped.length} up to date`;
    const lines = [
        `### DVC repro${where}: ${counts}`,
        '',
        `DVC ${input.dvcVersion}, ${formatDuration(input.totalMs)} in all. ${input.lockChanged ? 'A `dvc.lock` changed: commit it.' : '`dvc.lock` is unchanged.'}${input.cache ? ` Cache: ${input.cache}.` : ''}`,
    ];
    if (input.pullSkipped) {
        lines.push('', `> [!WARNING]\n> Nothing was pulled: ${input.pullSkipped}. Stages not in the local cache were recomputed (on-pull-failure: recompute).`);
    }
    if (result.stages.length) {
        lines.push('', (0,markdown/* table */.tp)(['Stage', 'Result', 'Time'], result.stages.map((s) => [
            s.stage,
            OUTCOME_TEXT[s.outcome],
            s.outcome === 'up-to-date' ? '' : formatDuration(s.durationMs),
        ]), ['l', 'l', 'r']));
    }
    else {
        lines.push('', 'DVC reported no stage.');
    }
    const pulled = result.stages.filter((s) => s.pulledOutputs.length);
    if (pulled.length) {
        const body = pulled
            .map((s) => `- \`${s.stage}\`: ${s.pulledOutputs.map((o) => `\`${o}\``).join(', ')}`)
            .join('\n');
        lines.push('', (0,markdown/* details */.zH)(`Pulled from the remote (${pulled.length} ${pulled.length === 1 ? 'stage' : 'stages'})`, body));
    }
    return lines.join('\n');
}
/** pushSummary renders the one-line result of a push. */
function pushSummary(input) {
    const files = `${input.pushed} ${input.pushed === 1 ? 'file' : 'files'}`;
    const what = input.targets.length ? ` of ${input.targets.map((t) => `\`${t}\``).join(', ')}` : '';
    const runCache = input.runCache ? ' (run cache included)' : '';
    const time = formatDuration(input.totalMs);
    const line = input.pushed
        ? `Pushed ${files}${what} to ${input.remote}${runCache} in ${time}.`
        : `Nothing to push${what}: ${input.remote} is up to date${runCache}; checked in ${time}.`;
    const retried = input.attempts > 1 ? ` It took ${input.attempts} tries: the remote failed transiently.` : '';
    return `### DVC push\n\n${line}${retried}`;
}
/** failureSummary renders a failed run for the job summary: the message and DVC's last lines. */
function failureSummary(title, message, tail) {
    const lines = [`### ${title}`, '', message];
    if (tail.length)
        lines.push('', (0,markdown/* codeBlock */.DV)(tail.join('\n')));
    return lines.join('\n');
}

;// CONCATENATED MODULE: ../../packages/core/src/dvc/index.ts
// DVC: run `dvc repro` and `dvc push` for real, read what they did, explain how they failed, and
// keep the DVC cache between jobs. Pure parts (log, lock, config, errors, keys, summary) first.













/***/ })

};

//# sourceMappingURL=542.index.js.map