export const id = 137;
export const ids = [137];
export const modules = {

/***/ 7137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BACKENDS: () => (/* reexport */ BACKENDS),
  DEFAULT_RETRY: () => (/* reexport */ DEFAULT_RETRY),
  GENERATED_TAG_KINDS: () => (/* reexport */ GENERATED_TAG_KINDS),
  LOGIN_STATE: () => (/* reexport */ LOGIN_STATE),
  MAX_NAME_LENGTH: () => (/* reexport */ MAX_NAME_LENGTH),
  PushError: () => (/* reexport */ PushError),
  SHORT_SHA_LENGTH: () => (/* reexport */ SHORT_SHA_LENGTH),
  backendInstallHint: () => (/* reexport */ backendInstallHint),
  backendTool: () => (/* reexport */ backendTool),
  bentofilePython: () => (/* reexport */ bentofilePython),
  bentomlEnv: () => (/* reexport */ bentomlEnv),
  bentomlFailure: () => (/* reexport */ bentomlFailure),
  buildArgs: () => (/* reexport */ buildArgs),
  buildBento: () => (/* reexport */ buildBento),
  checkBackend: () => (/* reexport */ checkBackend),
  checkModelArchive: () => (/* reexport */ checkModelArchive),
  classifyPushFailure: () => (/* reexport */ classifyPushFailure),
  containerize: () => (/* reexport */ containerize),
  containerizeArgs: () => (/* reexport */ containerizeArgs),
  displayPath: () => (/* reexport */ displayPath),
  generatedTags: () => (/* reexport */ generatedTags),
  importModel: () => (/* reexport */ importModel),
  isBentomlRequirement: () => (/* reexport */ isBentomlRequirement),
  isValidTag: () => (/* reexport */ isValidTag),
  login: () => (/* reexport */ login),
  loginCommand: () => (/* reexport */ loginCommand),
  logoutCommand: () => (/* reexport */ logoutCommand),
  modelInfo: () => (/* reexport */ modelInfo),
  modelsDeleteArgs: () => (/* reexport */ modelsDeleteArgs),
  modelsGetArgs: () => (/* reexport */ modelsGetArgs),
  modelsImportArgs: () => (/* reexport */ modelsImportArgs),
  modelsListArgs: () => (/* reexport */ modelsListArgs),
  normalizeRepository: () => (/* reexport */ normalizeRepository),
  parseBuildTag: () => (/* reexport */ parseBuildTag),
  parseDockerPushDigest: () => (/* reexport */ parseDockerPushDigest),
  parseJsonOutput: () => (/* reexport */ parseJsonOutput),
  parseModelList: () => (/* reexport */ parseModelList),
  parseReference: () => (/* reexport */ parseReference),
  planImages: () => (/* reexport */ planImages),
  pushAll: () => (/* reexport */ pushAll),
  pushCommand: () => (/* reexport */ pushCommand),
  registryOf: () => (/* reexport */ registryOf),
  requirementLines: () => (/* reexport */ requirementLines),
  resolveBentoml: () => (/* reexport */ resolveBentoml),
  runBentoPipeline: () => (/* reexport */ runBentoPipeline),
  runBentoml: () => (/* reexport */ runBentoml),
  sameModelInfo: () => (/* reexport */ sameModelInfo),
  sanitizeTag: () => (/* reexport */ sanitizeTag),
  servicePackages: () => (/* reexport */ servicePackages),
  splitDomain: () => (/* reexport */ splitDomain),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown),
  yamlLocation: () => (/* reexport */ yamlLocation)
});

// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
;// CONCATENATED MODULE: ../../packages/core/src/bentoml/bentofile.ts
// What a bentofile says about the service's Python packages. Pure: YAML text in, package list out.

/** bentofilePython reads `python.packages` and `python.requirements_txt`; a bad file gives none. */
function bentofilePython(text) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text);
    }
    catch {
        // bentoml build reports a broken bentofile with its own message.
        return { packages: [], requirementsTxt: undefined };
    }
    const python = doc && typeof doc === 'object' ? doc['python'] : undefined;
    if (!python || typeof python !== 'object')
        return { packages: [], requirementsTxt: undefined };
    const { packages, requirements_txt: requirementsTxt } = python;
    return {
        packages: Array.isArray(packages)
            ? packages
                .filter((p) => typeof p === 'string' && p.trim() !== '')
                .map((p) => p.trim())
            : [],
        requirementsTxt: typeof requirementsTxt === 'string' && requirementsTxt.trim()
            ? requirementsTxt.trim()
            : undefined,
    };
}
/** requirementLines keeps the requirement specifiers of a requirements.txt (no comments or options). */
function requirementLines(text) {
    return text
        .split(/\r?\n/)
        .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
        .filter((l) => l && !l.startsWith('-'));
}
/** isBentomlRequirement tells whether a requirement names BentoML itself (the action pins that one). */
function isBentomlRequirement(requirement) {
    return /^bentoml(?:\s*(?:\[[^\]]*\])?\s*(?:[=<>!~;@].*)?)?$/i.test(requirement.trim());
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/commands.ts
// The argv of every BentoML and container-tool command the bentoml action runs. Pure, so the
// exact commands are tested without the tools, and the adapters only run what these return.
/** The image builders `bentoml containerize --backend` accepts that this action can also push with. */
const BACKENDS = ['docker', 'buildx', 'buildah', 'podman'];
/** backendTool is the program a backend builds, logs in and pushes with. */
function backendTool(backend) {
    return backend === 'buildx' ? 'docker' : backend;
}
/** backendInstallHint says how to get a missing backend onto the runner. */
function backendInstallHint(backend) {
    switch (backend) {
        case 'docker':
            return 'Run on a runner with Docker (GitHub-hosted Ubuntu runners have it), install Docker Engine on the self-hosted runner, or set backend: buildah or podman';
        case 'buildx':
            return 'Add docker/setup-buildx-action before this step, or set backend: docker';
        case 'buildah':
            return 'Install buildah on the runner (Debian and Ubuntu: apt-get install buildah)';
        case 'podman':
            return 'Install podman on the runner (Debian and Ubuntu: apt-get install podman)';
    }
}
/** modelsImportArgs imports one model archive into the BentoML store (the path must be absolute). */
function modelsImportArgs(archive) {
    return ['models', 'import', archive];
}
/** modelsGetArgs prints one model's details as JSON. */
function modelsGetArgs(tag) {
    return ['models', 'get', tag, '--output', 'json'];
}
/** modelsListArgs lists the models in the store as JSON. */
function modelsListArgs() {
    return ['models', 'list', '--output', 'json'];
}
/** modelsDeleteArgs deletes one model from the store without asking. */
function modelsDeleteArgs(tag) {
    return ['models', 'delete', tag, '--yes'];
}
/** buildArgs builds a Bento and prints only its tag (`__tag__:name:version`). */
function buildArgs(bentofile, context) {
    return ['build', '--bentofile', bentofile, '--output', 'tag', context];
}
/** containerizeArgs builds the Bento's image with every reference as a tag. */
function containerizeArgs(options) {
    return [
        'containerize',
        options.bentoTag,
        '--backend',
        options.backend,
        ...options.references.flatMap((r) => ['--image-tag', r]),
        ...(options.platform ? ['--platform', options.platform] : []),
    ];
}
/**
 * pushCommand pushes one reference. buildah and podman write the pushed digest to `digestFile`;
 * buildah's own retries are turned off so the action's retry (with its log lines) is the only one.
 */
function pushCommand(backend, reference, digestFile) {
    switch (backend) {
        case 'buildah':
            return {
                command: 'buildah',
                args: [
                    'push',
                    '--retry',
                    '0',
                    '--digestfile',
                    digestFile,
                    reference,
                    `docker://${reference}`,
                ],
            };
        case 'podman':
            return {
                command: 'podman',
                args: ['push', '--digestfile', digestFile, reference, `docker://${reference}`],
            };
        default:
            return { command: 'docker', args: ['push', reference] };
    }
}
/** loginCommand logs in to a registry; the password goes on stdin, never into argv. */
function loginCommand(backend, registry, username) {
    return {
        command: backendTool(backend),
        args: ['login', '--username', username, '--password-stdin', registry],
    };
}
/** logoutCommand removes the credentials loginCommand stored. */
function logoutCommand(backend, registry) {
    return { command: backendTool(backend), args: ['logout', registry] };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/exec.ts
var exec = __webpack_require__(8018);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __webpack_require__(5327);
// EXTERNAL MODULE: ../../packages/core/src/pure/retry.ts
var retry = __webpack_require__(2192);
// EXTERNAL MODULE: ../../packages/core/src/runtime.ts + 1 modules
var runtime = __webpack_require__(224);
// EXTERNAL MODULE: ../../packages/core/src/tools/which.ts
var which = __webpack_require__(5062);
;// CONCATENATED MODULE: ../../packages/core/src/bentoml/messages.ts
// Reading what BentoML and the container tools say when they fail. Pure: text in, facts out.
const TRACEBACK_FRAME = /^\s*[|+]?\s*(File ".*", line \d+|\^+|Traceback \(most recent call last\):)/;
// An exception line: `pkg.module.SomeError: message`, possibly inside an exception group's box.
const EXCEPTION_LINE = /^[\s|+-]*((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Exit)): (.+)$/;
/** stripBox removes the `| ` and `+-` frame that Python draws around an exception group. */
function stripBox(line) {
    return line.replace(/^[\s|+-]*(?:-+ \d+ -+)?/, '').trim();
}
/**
 * cleanExceptionText shortens an exception's text: attrs validators raise with a tuple whose first
 * item is the sentence worth showing; the rest is a long repr of the attribute.
 */
function cleanExceptionText(text) {
    const tuple = /^\((["'])(.+?)\1, [A-Z]\w*\(/.exec(text);
    return (tuple?.[2] ?? text).trim();
}
/**
 * bentomlFailure reads the output of a failed `bentoml` command: its `Error: …` line when it
 * printed one, otherwise the innermost exception of the traceback, and any YAML position.
 */
function bentomlFailure(output) {
    const lines = output.split(/\r?\n/);
    const location = yamlLocation(output);
    const invalidBentofile = /BentoBuildConfig|build_config\.py|yaml\.(?:parser|scanner|constructor|composer)\.\w+Error|\b(?:Parser|Scanner)Error\b/.test(output);
    // BentoML's CLI prints handled failures as `Error: [group] `command` failed: message`.
    const cliError = lines.findIndex((l) => /^Error: /.test(l));
    if (cliError !== -1) {
        const rest = lines
            .slice(cliError + 1)
            .map((l) => l.trim())
            .filter(Boolean);
        const first = lines[cliError].replace(/^Error: (?:\[\w+\] `[^`]+` failed: )?/, '').trim();
        return { message: [first, ...rest].join(' ').trim(), location, invalidBentofile };
    }
    // `ERROR: …` is how BentoML logs a YAML error, followed by the parser's explanation.
    const logged = lines.findIndex((l) => /^ERROR: /.test(l));
    if (logged !== -1) {
        const message = [lines[logged].replace(/^ERROR: /, '').trim()];
        for (const l of lines.slice(logged + 1)) {
            if (!l.trim() || TRACEBACK_FRAME.test(l))
                break;
            message.push(l.trim());
        }
        return { message: message.join(' '), location, invalidBentofile };
    }
    // Otherwise the innermost exception: the last exception line that is not a wrapper group.
    const exceptions = [];
    for (const [i, line] of lines.entries()) {
        const m = EXCEPTION_LINE.exec(line);
        if (!m || TRACEBACK_FRAME.test(line))
            continue;
        let text = `${m[1].split('.').pop()}: ${cleanExceptionText(m[2])}`;
        // A note cattrs adds under the exception ("Structuring class … @ attribute python").
        const next = stripBox(lines[i + 1] ?? '');
        if (/^Structuring class \S+ @ attribute \S+/.test(next)) {
            text += ` (in '${next.replace(/^.* @ attribute /, '')}')`;
        }
        exceptions.push(text);
    }
    const inner = exceptions.filter((e) => !/^(?:ClassValidationError|ExceptionGroup|BaseExceptionGroup):/.test(e));
    const message = inner.at(-1) ?? exceptions.at(-1) ?? lastMeaningfulLine(lines);
    return { message, location, invalidBentofile };
}
function lastMeaningfulLine(lines) {
    const kept = lines.map((l) => l.trim()).filter((l) => l && !TRACEBACK_FRAME.test(l));
    return kept.at(-1) ?? 'no output';
}
/** yamlLocation finds PyYAML's `line N, column M` position in an error message. */
function yamlLocation(output) {
    const m = /\bline (\d+), column (\d+)/.exec(output);
    return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}
/** parseBuildTag reads the Bento tag from `bentoml build --output tag` (`__tag__:name:version`). */
function parseBuildTag(stdout) {
    const m = /^__tag__:(\S+:\S+)\s*$/m.exec(stdout);
    return m?.[1];
}
/** parseModelList reads `bentoml models list -o json`. */
function parseModelList(stdout) {
    const value = parseJsonOutput(stdout);
    if (!Array.isArray(value))
        throw new Error('`bentoml models list -o json` did not print a JSON list');
    return value.filter((m) => !!m && typeof m === 'object' && typeof m.tag === 'string');
}
/** parseJsonOutput reads a JSON document that a CLI printed, ignoring lines before it. */
function parseJsonOutput(stdout) {
    const start = stdout.search(/^[[{]/m);
    if (start === -1)
        throw new Error('the command printed no JSON');
    return JSON.parse(stdout.slice(start));
}
/**
 * sameModelInfo tells whether two `bentoml models get -o json` documents describe the same model:
 * the same tag, creation time, module, metadata, labels, options, signatures and context.
 */
function sameModelInfo(a, b) {
    return canonicalJson(a) === canonicalJson(b);
}
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value).sort(([x], [y]) => x < y ? -1 : x > y ? 1 : 0);
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
const AUTH_PATTERNS = [
    /\bunauthorized\b/i,
    /authentication required/i,
    /requested access to the resource is denied/i,
    /\bdenied: /i,
    /\bDENIED\b/,
    /\binsufficient_scope\b/i,
    /\b(?:status|code|HTTP)[:\s]*40[13]\b/i,
    /\b40[13] (?:Unauthorized|Forbidden)\b/i,
    /invalid username\/password/i,
    /no basic auth credentials/i,
];
const TRANSIENT_PATTERNS = [
    /\b5\d\d \(?(?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b/i,
    /status code (?:from registry )?5\d\d\b/i,
    /\b(?:status(?: code)?|HTTP(?: status)?|code)[:\s]*5\d\d\b/i,
    /received unexpected HTTP status: 5\d\d/i,
    /\b429\b|too many requests|toomanyrequests/i,
    /connection reset/i,
    /\bECONNRESET\b/,
    /broken pipe/i,
    /unexpected EOF/i,
    /\btime(?:d)? ?out\b/i,
    /deadline exceeded/i,
    /\bEOF\b/,
];
/**
 * classifyPushFailure sorts a failed push by what its tool printed: auth errors are never retried,
 * server errors (5xx), rate limits, resets and time-outs are, anything else is not.
 */
function classifyPushFailure(output) {
    if (AUTH_PATTERNS.some((p) => p.test(output)))
        return 'auth';
    if (TRANSIENT_PATTERNS.some((p) => p.test(output)))
        return 'transient';
    return 'other';
}
/** parseDockerPushDigest reads the digest from `docker push` output (`tag: digest: sha256:… size: N`). */
function parseDockerPushDigest(output) {
    const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64})/g)];
    return matches.at(-1)?.[1];
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/reference.ts
// Image references: the distribution reference grammar, and tags generated from the event in the
// style of docker/metadata-action. Pure: plain values in, plain values out.
// Grammar: https://github.com/distribution/reference/blob/main/reference.go

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[_.]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const HOST = `(?:${DOMAIN_NAME}|${IPV6})`;
const DOMAIN_RE = new RegExp(`^${HOST}(?::[0-9]+)?$`);
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** The longest repository name (domain and path) registries accept. */
const MAX_NAME_LENGTH = 255;
/** isValidTag tells whether `tag` is a valid image tag: a word character, then up to 127 of `\w.-`. */
function isValidTag(tag) {
    return TAG_RE.test(tag);
}
/**
 * splitDomain separates a registry host from the repository path as Docker does: the first
 * component is a domain when it holds a `.` or a `:`, is `localhost`, or has upper-case letters.
 */
function splitDomain(name) {
    const slash = name.indexOf('/');
    if (slash === -1)
        return { domain: undefined, path: name };
    const first = name.slice(0, slash);
    const isDomain = /[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first;
    return isDomain
        ? { domain: first, path: name.slice(slash + 1) }
        : { domain: undefined, path: name };
}
/** parseReference reads an image reference, or says in one sentence why it is not one. */
function parseReference(reference) {
    if (!reference)
        return { ok: false, reason: 'it is empty' };
    if (/\s/.test(reference))
        return { ok: false, reason: 'it contains white space' };
    let rest = reference;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST_RE.test(digest)) {
            return { ok: false, reason: `'${digest}' is not a digest (algorithm:hex, such as sha256:…)` };
        }
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!isValidTag(tag)) {
            return {
                ok: false,
                reason: `the tag '${tag}' is not valid (a letter, digit or _, then up to 127 of letters, digits, _ . -)`,
            };
        }
    }
    if (!rest)
        return { ok: false, reason: 'the repository name is empty' };
    if (rest.length > MAX_NAME_LENGTH) {
        return {
            ok: false,
            reason: `the repository name is longer than ${MAX_NAME_LENGTH} characters`,
        };
    }
    const { domain, path } = splitDomain(rest);
    if (domain !== undefined && !DOMAIN_RE.test(domain)) {
        return { ok: false, reason: `'${domain}' is not a valid registry host[:port]` };
    }
    if (!PATH_RE.test(path)) {
        const upper = path.toLowerCase() !== path;
        return {
            ok: false,
            reason: upper
                ? `the repository '${path}' has upper-case letters, which registries reject`
                : `the repository '${path}' is not valid (lower-case letters and digits, separated by . _ __ - or /)`,
        };
    }
    return { ok: true, value: { domain, path, tag, digest } };
}
/** registryOf returns the registry host an image is pushed to (`docker.io` when none is named). */
function registryOf(repository) {
    return splitDomain(repository).domain ?? 'docker.io';
}
/**
 * normalizeRepository lowercases one `images` entry (registries reject upper case) and checks it
 * is a repository without a tag or digest; the error names the input and says what to change.
 */
function normalizeRepository(input, entry) {
    const lowered = entry.toLowerCase();
    const parsed = parseReference(lowered);
    const where = `input '${input}' has '${entry}', which`;
    if (!parsed.ok) {
        throw new errors/* ActionError */.lZ(`${where} is not an image repository: ${parsed.reason}`, {
            hint: 'Write one repository per line, such as ghcr.io/owner/app or registry.example.com:5000/team/app',
        });
    }
    if (parsed.value.tag !== undefined || parsed.value.digest !== undefined) {
        throw new errors/* ActionError */.lZ(`${where} has a tag or digest`, {
            hint: `List repositories without a tag in '${input}', and put tags in 'tags'`,
        });
    }
    return lowered;
}
/** sanitizeTag turns a branch name into a tag: runs of other characters become '-', cut to 128. */
function sanitizeTag(value) {
    return value
        .replace(/[^\w.-]+/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, 128)
        .replace(/[.-]+$/, '');
}
/** The kinds of tag generated from the event. */
const GENERATED_TAG_KINDS = ['sha', 'short-sha', 'branch', 'latest'];
/** The length of a short commit SHA, as `git rev-parse --short` and docker/metadata-action give it. */
const SHORT_SHA_LENGTH = 7;
/** generatedTags makes the tags of `kinds` for the event, skipping those it cannot make. */
function generatedTags(kinds, context) {
    const tags = [];
    const sha = /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(context.headSha)
        ? context.headSha.toLowerCase()
        : '';
    for (const kind of kinds) {
        if (kind === 'sha' && sha)
            tags.push(sha);
        if (kind === 'short-sha' && sha)
            tags.push(sha.slice(0, SHORT_SHA_LENGTH));
        if (kind === 'branch' && context.branch) {
            const tag = sanitizeTag(context.branch);
            if (tag)
                tags.push(tag);
        }
        if (kind === 'latest' &&
            !context.isPullRequest &&
            context.branch !== undefined &&
            context.branch === context.defaultBranch) {
            tags.push('latest');
        }
    }
    return tags;
}
/**
 * planImages combines explicit tags (first, in order) with generated ones, drops duplicates,
 * and validates every full reference before anything is built.
 */
function planImages(options) {
    for (const tag of options.explicitTags) {
        if (!isValidTag(tag)) {
            throw new errors/* ActionError */.lZ(`input 'tags' has '${tag}', which is not a valid image tag (a letter, digit or _, then up to 127 of letters, digits, _ . -)`, { hint: 'Write one tag per line without the repository, such as v1.2.0' });
        }
    }
    const tags = [...new Set([...options.explicitTags, ...options.generated])];
    const repositories = [...new Set(options.repositories)];
    if (repositories.length > 0 && tags.length === 0) {
        throw new errors/* ActionError */.lZ('there is no tag to give the image', {
            hint: "Set 'tags', or run in a workflow where the commit SHA or branch is known",
        });
    }
    const references = [];
    for (const repository of repositories) {
        for (const tag of tags) {
            const reference = `${repository}:${tag}`;
            const parsed = parseReference(reference);
            if (!parsed.ok) {
                throw new errors/* ActionError */.lZ(`the image reference '${reference}' is not valid: ${parsed.reason}`, {
                    hint: "Fix the repository in 'images' or the tag in 'tags'",
                });
            }
            references.push(reference);
        }
    }
    return { repositories, tags, references };
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/store.ts
// The BentoML CLI adapter: import model archives into the store and build the Bento. Every call
// goes through core's exec with an argv array; results come from BentoML's machine-readable output.








/** The environment every bentoml call gets: no usage tracking, and lines rich never wraps. */
function bentomlEnv(extra = {}) {
    // rich wraps what BentoML prints at the terminal width (80 without a terminal), which would break
    // long paths and JSON strings across lines.
    return { BENTOML_DO_NOT_TRACK: 'true', COLUMNS: '100000', ...extra };
}
/** runBentoml runs one `bentoml` command. */
function runBentoml(cli, args, options = {}) {
    return (0,exec/* exec */.m0)(cli.executable, args, {
        ...options,
        env: bentomlEnv({ ...cli.env, ...options.env }),
        notFoundHint: 'Install BentoML on the runner, or set the bentoml-version input so the action installs it',
    });
}
const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
/** displayPath shows a path relative to the workspace when it is inside it. */
function displayPath(path, workspace) {
    const rel = (0,external_node_path_.relative)(workspace, path);
    return rel && !rel.startsWith('..') ? rel : path;
}
/** checkModelArchive fails with a clear message when a model file is missing or not a .bentomodel. */
function checkModelArchive(path, workspace) {
    const shown = displayPath(path, workspace);
    if (!(0,external_node_fs_.existsSync)(path)) {
        throw new errors/* ActionError */.lZ(`the model file '${shown}' does not exist`, {
            hint: "Produce it first (for example with dvc pull or dvc repro), or fix the path in 'model'",
        });
    }
    if (!(0,external_node_fs_.statSync)(path).isFile()) {
        throw new errors/* ActionError */.lZ(`the model path '${shown}' is not a file`, {
            hint: "Point 'model' at a .bentomodel archive made by bentoml models export",
        });
    }
    if (path.endsWith('.bentomodel')) {
        const head = Buffer.alloc(XZ_MAGIC.length);
        const fd = (0,external_node_fs_.openSync)(path, 'r');
        try {
            (0,external_node_fs_.readSync)(fd, head, 0, head.length, 0);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        if (!head.equals(XZ_MAGIC)) {
            throw new errors/* ActionError */.lZ(`'${shown}' is not a BentoML model archive (a .bentomodel file is xz-compressed)`, {
                hint: "Point 'model' at the archive bentoml models export wrote; if it is a DVC or Git LFS pointer, fetch the real file first",
            });
        }
    }
}
/**
 * importModel imports one archive into the BentoML store. It first imports it into a scratch store,
 * which checks the archive and tells its tag; a model already in the store under that tag is
 * skipped when it is the same model, and is an error (or, with `overwrite`, replaced) when not.
 */
async function importModel(cli, archive, options) {
    const file = displayPath(archive, options.workspace);
    checkModelArchive(archive, options.workspace);
    const scratchHome = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(options.tempDir ?? (0,external_node_os_.tmpdir)(), 'bentoml-scratch-'));
    try {
        const scratch = { ...cli, env: { ...cli.env, BENTOML_HOME: scratchHome } };
        await runBentoml(scratch, modelsImportArgs(archive), { silent: true }).catch((error) => {
            throw new errors/* ActionError */.lZ(`'${file}' is not a BentoML model archive: ${failureText(error)}`, {
                hint: "Point 'model' at a .bentomodel archive made by bentoml models export",
                cause: error,
            });
        });
        const listed = parseModelList((await runBentoml(scratch, modelsListArgs(), { silent: true })).stdout);
        const tag = listed[0]?.tag;
        if (listed.length !== 1 || !tag) {
            throw new errors/* ActionError */.lZ(`'${file}' holds ${listed.length} models, not one`, {
                hint: 'Export each model to its own archive with bentoml models export',
            });
        }
        const existing = await modelInfo(cli, tag);
        if (!existing) {
            await runBentoml(cli, modelsImportArgs(archive));
            return { file, tag, outcome: 'imported' };
        }
        const incoming = await modelInfo(scratch, tag);
        if (incoming && sameModelInfo(existing, incoming)) {
            (0,runtime/* notice */.lm)(`The model ${tag} from ${file} is already in the BentoML store; skipped its import.`);
            return { file, tag, outcome: 'skipped' };
        }
        if (!options.overwrite) {
            throw new errors/* ActionError */.lZ(`the BentoML store already has a different model under the tag ${tag} (created ${String(existing['creation_time'])}; '${file}' was created ${String(incoming?.['creation_time'])})`, {
                hint: 'Save the new model under a new version, or set overwrite: true to replace the one in the store',
            });
        }
        await runBentoml(cli, modelsDeleteArgs(tag));
        await runBentoml(cli, modelsImportArgs(archive));
        return { file, tag, outcome: 'replaced' };
    }
    finally {
        (0,external_node_fs_.rmSync)(scratchHome, { recursive: true, force: true });
    }
}
/** modelInfo returns `bentoml models get <tag> -o json`, or undefined when the store lacks it. */
async function modelInfo(cli, tag) {
    const result = await runBentoml(cli, modelsGetArgs(tag), { silent: true, okCodes: [0, 1] });
    if (result.exitCode !== 0) {
        if (/not found/i.test(result.stderr + result.stdout))
            return undefined;
        throw new errors/* ActionError */.lZ(`\`bentoml models get ${tag}\` failed: ${bentomlFailure(result.stderr + result.stdout).message}`);
    }
    const info = parseJsonOutput(result.stdout);
    if (!info || typeof info !== 'object' || Array.isArray(info)) {
        throw new errors/* ActionError */.lZ(`\`bentoml models get ${tag} --output json\` printed no JSON object`);
    }
    return info;
}
function failureText(error) {
    if (error instanceof exec/* ExecError */.cI)
        return bentomlFailure(`${error.stderr}\n${error.stdout}`).message;
    return error instanceof Error ? error.message : String(error);
}
/**
 * buildBento runs `bentoml build` and returns the Bento tag from `--output tag`. An invalid
 * bentofile fails with BentoML's message and an annotation on the file.
 */
async function buildBento(cli, options) {
    const shown = displayPath(options.bentofile, options.workspace);
    if (!(0,external_node_fs_.existsSync)(options.bentofile)) {
        throw new errors/* ActionError */.lZ(`the bentofile '${shown}' does not exist`, {
            hint: "Set 'bentofile' (relative to the workspace) or 'build-context' to where bentofile.yaml is",
        });
    }
    if (!(0,external_node_fs_.existsSync)(options.context) || !(0,external_node_fs_.statSync)(options.context).isDirectory()) {
        throw new errors/* ActionError */.lZ(`the build context '${displayPath(options.context, options.workspace)}' is not a folder`, {
            hint: "Set 'build-context' to the folder that holds the service's code",
        });
    }
    let stdout;
    try {
        ({ stdout } = await runBentoml(cli, buildArgs(options.bentofile, options.context), {
            cwd: options.context,
        }));
    }
    catch (error) {
        if (!(error instanceof exec/* ExecError */.cI))
            throw error;
        const failure = bentomlFailure(`${error.stderr}\n${error.stdout}`);
        if (failure.invalidBentofile) {
            throw new errors/* ActionError */.lZ(`the bentofile '${shown}' is not valid: ${failure.message}`, {
                hint: 'Fix it as BentoML says (reference: https://docs.bentoml.com/en/latest/reference/bentoml/bento-build-options.html)',
                location: {
                    file: shown,
                    ...(failure.location
                        ? { line: failure.location.line, column: failure.location.column }
                        : {}),
                },
                cause: error,
            });
        }
        const missingModel = /Model '?[^'\s]+'? (?:is not found|could not be found)/i.test(failure.message);
        throw new errors/* ActionError */.lZ(`\`bentoml build\` of '${shown}' failed: ${failure.message}`, {
            hint: missingModel
                ? "Import the model the service loads with the 'model' input (a .bentomodel archive)"
                : 'Run bentoml build locally with the same bentofile to see the whole error',
            cause: error,
        });
    }
    const tag = parseBuildTag(stdout);
    if (!tag) {
        throw new errors/* ActionError */.lZ(`\`bentoml build --output tag\` printed no Bento tag (got '${stdout.trim().slice(0, 200)}')`, {
            hint: 'Use BentoML 1.2 or newer, which prints __tag__:<name>:<version>',
        });
    }
    return tag;
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/image.ts
// Containerize the Bento with the chosen backend, log in to the registry, and push each tag with
// retry and backoff on transient registry errors (never on auth errors).












/** checkBackend fails before any work when the backend's program is not on PATH. */
async function checkBackend(backend, pathValue = process.env['PATH'] ?? '') {
    const tool = backendTool(backend);
    const found = (0,which/* findOnPath */.a)(tool, pathValue);
    if (!found) {
        throw new errors/* ActionError */.lZ(`the ${backend} backend needs \`${tool}\`, which is not on PATH`, {
            hint: backendInstallHint(backend),
        });
    }
    if (backend === 'buildx') {
        await (0,exec/* exec */.m0)(found, ['buildx', 'version'], { silent: true }).catch((error) => {
            throw new errors/* ActionError */.lZ('the buildx backend needs the Docker Buildx plugin, which `docker buildx version` did not find', {
                hint: backendInstallHint(backend),
                cause: error,
            });
        });
    }
    return found;
}
/** containerize builds the Bento's image with every reference as a tag. */
async function containerize(cli, options) {
    try {
        await runBentoml(cli, containerizeArgs(options));
    }
    catch (error) {
        if (!(error instanceof exec/* ExecError */.cI))
            throw error;
        throw new errors/* ActionError */.lZ(`\`bentoml containerize ${options.bentoTag}\` with the ${options.backend} backend failed: ${bentomlFailure(`${error.stderr}\n${error.stdout}`).message}`, {
            hint: "The log group 'Containerize' shows the builder's output; the base image and the bento's packages must be reachable from the builder",
            cause: error,
        });
    }
}
/** A push that failed, with what kind of failure its output shows. */
class PushError extends errors/* ActionError */.lZ {
    kind;
    reference;
    constructor(reference, kind, cause) {
        super(cause.message, { cause });
        this.name = 'PushError';
        this.kind = kind;
        this.reference = reference;
    }
}
/** The default push retry: four tries, about 2 s, 4 s and 8 s apart (with jitter). */
const DEFAULT_RETRY = { attempts: 4, baseMs: 2000, maxMs: 30_000 };
function retryOptions(policy, what) {
    return {
        attempts: policy.attempts,
        baseMs: policy.baseMs,
        maxMs: policy.maxMs,
        retryable: (error) => error instanceof PushError && error.kind === 'transient',
        onRetry: (error, attempt, delayMs) => (0,runtime/* warning */.$e)(`${what} failed with a transient registry error (try ${attempt} of ${policy.attempts}); retrying in ${(delayMs / 1000).toFixed(1)}s: ${error instanceof Error ? error.message : String(error)}`),
    };
}
function credentialText(registry, credentials) {
    return credentials && credentials.registry === registry
        ? `as '${credentials.username}' (the 'username' and 'password' inputs)`
        : "without credentials from this action (set 'registry', 'username' and 'password', or log in before this step)";
}
/** login logs in to a registry with the password on stdin; transient failures are retried. */
async function login(backend, credentials, policy = DEFAULT_RETRY) {
    const { command, args } = loginCommand(backend, credentials.registry, credentials.username);
    try {
        await (0,retry/* retry */.L)(async () => {
            try {
                await (0,exec/* exec */.m0)(command, args, {
                    input: `${credentials.password}\n`,
                    secrets: [credentials.password],
                });
            }
            catch (error) {
                if (!(error instanceof exec/* ExecError */.cI))
                    throw error;
                throw new PushError(credentials.registry, classifyPushFailure(`${error.stderr}\n${error.stdout}`), error);
            }
        }, retryOptions(policy, `Login to ${credentials.registry}`));
    }
    catch (error) {
        if (error instanceof PushError && error.kind === 'auth') {
            throw new errors/* ActionError */.lZ(`${credentials.registry} rejected the login as '${credentials.username}': ${error.message}`, {
                hint: "Check 'username' and 'password' (a token with permission to push to the repository)",
                cause: error,
            });
        }
        throw error;
    }
}
/** pushReference pushes one reference once and returns its digest. */
async function pushReference(backend, reference, secrets) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'bentoml-push-'));
    const digestFile = (0,external_node_path_.join)(dir, 'digest');
    try {
        const { command, args } = pushCommand(backend, reference, digestFile);
        let output;
        try {
            const result = await (0,exec/* exec */.m0)(command, args, { secrets });
            output = `${result.stdout}\n${result.stderr}`;
        }
        catch (error) {
            if (!(error instanceof exec/* ExecError */.cI))
                throw error;
            throw new PushError(reference, classifyPushFailure(`${error.stderr}\n${error.stdout}`), error);
        }
        const digest = (0,external_node_fs_.existsSync)(digestFile)
            ? (0,external_node_fs_.readFileSync)(digestFile, 'utf8').trim()
            : parseDockerPushDigest(output);
        if (!digest)
            throw new errors/* ActionError */.lZ(`\`${command} push ${reference}\` did not report the pushed digest`);
        return digest;
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
/**
 * pushAll pushes each reference in turn, retrying transient registry errors with backoff; an
 * auth error stops at once and names the registry and the credential used.
 */
async function pushAll(backend, references, options) {
    const policy = options.policy ?? DEFAULT_RETRY;
    const secrets = options.credentials ? [options.credentials.password] : [];
    const pushed = [];
    for (const reference of references) {
        try {
            const digest = await (0,retry/* retry */.L)(() => pushReference(backend, reference, secrets), retryOptions(policy, `Push of ${reference}`));
            pushed.push({ reference, digest });
        }
        catch (error) {
            if (!(error instanceof PushError))
                throw error;
            const registry = registryOf(reference);
            if (error.kind === 'auth') {
                throw new errors/* ActionError */.lZ(`${registry} denied the push of ${reference} ${credentialText(registry, options.credentials)}: ${error.message}`, {
                    hint: `Give the credential push access to ${reference.slice(0, reference.lastIndexOf(':'))}, or fix 'registry', 'username' and 'password'`,
                    cause: error,
                });
            }
            const tries = error.kind === 'transient' ? ` after ${policy.attempts} tries` : '';
            throw new errors/* ActionError */.lZ(`the push of ${reference} to ${registry} failed${tries}: ${error.message}`, {
                hint: error.kind === 'transient'
                    ? 'The registry kept failing; try again later'
                    : "The log shows the push tool's whole output",
                cause: error,
            });
        }
    }
    return pushed;
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/install.ts
// Finding BentoML, or installing a pinned one into a venv in the tool cache when it is missing.






/**
 * servicePackages lists what the installed BentoML needs besides itself: `bentoml build` imports
 * the service, so the bentofile's Python packages must be importable next to BentoML.
 */
function servicePackages(bentofile, buildContext = (0,external_node_path_.dirname)(bentofile)) {
    if (!(0,external_node_fs_.existsSync)(bentofile))
        return [];
    const python = bentofilePython((0,external_node_fs_.readFileSync)(bentofile, 'utf8'));
    const packages = [...python.packages];
    if (python.requirementsTxt) {
        const file = (0,external_node_path_.resolve)(buildContext, python.requirementsTxt);
        if ((0,external_node_fs_.existsSync)(file))
            packages.push(...requirementLines((0,external_node_fs_.readFileSync)(file, 'utf8')));
    }
    return packages.filter((p) => !isBentomlRequirement(p));
}
/**
 * resolveBentoml returns the `bentoml` on PATH, or installs `bentoml==<version>` together with the
 * bentofile's packages into a cached venv (core's tools installer) and returns that one.
 */
async function resolveBentoml(version, bentofile, buildContext, pathValue = process.env['PATH'] ?? '') {
    const found = (0,which/* findOnPath */.a)('bentoml', pathValue);
    if (found) {
        (0,runtime/* info */.pq)(`Using ${found}`);
        return { executable: found, installed: false, version: undefined };
    }
    if (!version) {
        throw new errors/* ActionError */.lZ('`bentoml` is not on PATH and bentoml-version is empty', {
            hint: 'Install BentoML in an earlier step, or set bentoml-version (such as 1.4.40) so the action installs it',
        });
    }
    const { ensurePythonTool } = await __webpack_require__.e(/* import() */ 269).then(__webpack_require__.bind(__webpack_require__, 8269));
    const packages = [`bentoml==${version}`, ...servicePackages(bentofile, buildContext)];
    const tool = await ensurePythonTool({ tool: 'bentoml', version, packages });
    return { executable: tool.executable, installed: true, version };
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/pipeline.ts
// The bentoml action's whole run: import models, build the Bento, containerize, log in, push.





/** The state key under which the post step finds the logout command (JSON `{command, args}`). */
const LOGIN_STATE = 'bentoml-login';
/** runBentoPipeline runs the action's steps in order, one log group each, and returns what they made. */
async function runBentoPipeline(options) {
    const buildImage = options.plan.references.length > 0;
    // Fail before any work: missing archives and a missing backend are found first.
    for (const model of options.models)
        checkModelArchive(model, options.workspace);
    if (buildImage)
        await checkBackend(options.backend);
    // Log in first, as docker/login-action does before a build: wrong credentials fail in seconds.
    const credentials = buildImage && options.push ? options.credentials : undefined;
    if (credentials) {
        await (0,runtime/* group */.Os)(`Log in to ${credentials.registry}`, () => login(options.backend, credentials, options.retry));
        (0,runtime/* saveState */.LZ)(LOGIN_STATE, JSON.stringify(logoutCommand(options.backend, credentials.registry)));
    }
    const bentoml = await (0,runtime/* group */.Os)('Set up BentoML', () => resolveBentoml(options.bentomlVersion, options.bentofile, options.buildContext));
    const cli = { executable: bentoml.executable };
    const tempDir = process.env['RUNNER_TEMP'] || undefined;
    const models = [];
    for (const model of options.models) {
        models.push(await (0,runtime/* group */.Os)(`Import ${displayPath(model, options.workspace)}`, () => importModel(cli, model, {
            overwrite: options.overwrite,
            workspace: options.workspace,
            ...(tempDir ? { tempDir } : {}),
        })));
    }
    const bentoTag = await (0,runtime/* group */.Os)('Build the Bento', () => buildBento(cli, {
        bentofile: options.bentofile,
        context: options.buildContext,
        workspace: options.workspace,
    }));
    (0,runtime/* info */.pq)(`Built the Bento ${bentoTag}`);
    const result = {
        models,
        bentoTag,
        references: options.plan.references,
        backend: options.backend,
        pushed: [],
        bentoml,
    };
    if (!buildImage)
        return result;
    await (0,runtime/* group */.Os)(`Containerize ${bentoTag} (${options.backend})`, () => containerize(cli, {
        bentoTag,
        backend: options.backend,
        references: options.plan.references,
        platform: options.platform,
    }));
    if (!options.push)
        return result;
    result.pushed = await (0,runtime/* group */.Os)(`Push ${options.plan.references.length} image tags`, () => pushAll(options.backend, options.plan.references, {
        credentials,
        ...(options.retry ? { policy: options.retry } : {}),
    }));
    return result;
}

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

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/summary.ts
// The job summary of the bentoml action. Pure: the run's result in, Markdown out.

const OUTCOME_TEXT = {
    imported: 'imported',
    skipped: 'already in the store (skipped)',
    replaced: 'replaced (overwrite)',
};
/** summaryMarkdown renders the job summary: models, the Bento, and the images with their digests. */
function summaryMarkdown(result) {
    const sections = ['### BentoML', `Bento **\`${result.bentoTag}\`**`];
    if (result.models.length > 0) {
        sections.push(table(['Model archive', 'Model tag', 'Import'], result.models.map((m) => [m.file, m.tag, OUTCOME_TEXT[m.outcome]])));
    }
    if (result.references.length > 0) {
        const digests = new Map(result.pushed.map((p) => [p.reference, p.digest]));
        sections.push(table(['Image', 'Pushed digest'], result.references.map((r) => [r, digests.get(r) ?? 'not pushed'])));
        const first = result.pushed[0];
        if (first) {
            const repository = first.reference.slice(0, first.reference.lastIndexOf(':'));
            sections.push(`Pull it by digest:\n\n${codeBlock(`${repository}@${first.digest}`)}`);
        }
        sections.push(`Built with the \`${result.backend}\` backend.`);
    }
    else {
        sections.push('No image was built (no `images` given).');
    }
    if (result.bentoml.installed) {
        sections.push(`BentoML ${result.bentoml.version ?? ''} was installed into the tool cache for this run.`.replace('  ', ' '));
    }
    return sections.join('\n\n');
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/index.ts
// @mlops-actions/core/bentoml: import BentoML models, build Bentos, containerize and push them.
// The pure parts (references, commands, messages, summary) are safe to import at an action's start.











/***/ }),

/***/ 2192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ retry)
/* harmony export */ });
/* unused harmony export backoffDelay */
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


/***/ }),

/***/ 5062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ isExecutableFile),
/* harmony export */   a: () => (/* binding */ findOnPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * findOnPath returns the full path of an executable found on PATH (the first match, as a shell
 * would pick it), or undefined. `pathValue` defaults to this process's PATH.
 */
function findOnPath(name, pathValue = process.env['PATH'] ?? '') {
    for (const dir of pathValue.split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
        if (!dir || !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(dir))
            continue;
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name);
        if (isExecutableFile(candidate))
            return candidate;
    }
    return undefined;
}
/** isExecutableFile tells whether a path is a regular file (or a link to one) that we may execute. */
function isExecutableFile(path) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile())
            return false;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}


/***/ })

};

//# sourceMappingURL=137.index.js.map