export const id = 246;
export const ids = [246];
export const modules = {

/***/ 8246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FIELD_MANAGER: () => (/* reexport */ FIELD_MANAGER),
  KINDS_WITH_IMAGES: () => (/* reexport */ KINDS_WITH_IMAGES),
  Kubectl: () => (/* reexport */ Kubectl),
  addAnnotations: () => (/* reexport */ addAnnotations),
  canonicalRepository: () => (/* reexport */ canonicalRepository),
  classifyKubectlError: () => (/* reexport */ classifyKubectlError),
  collectSources: () => (/* reexport */ collectSources),
  deploy: () => (/* reexport */ deploy),
  deploySummary: () => (/* reexport */ deploySummary),
  entryMatches: () => (/* reexport */ entryMatches),
  formatDuration: () => (/* reexport */ formatDuration),
  formatEvents: () => (/* reexport */ formatEvents),
  formatImageReference: () => (/* reexport */ formatImageReference),
  headline: () => (/* reexport */ headline),
  isKustomization: () => (/* reexport */ isKustomization),
  itemsOf: () => (/* reexport */ itemsOf),
  parseImageEntries: () => (/* reexport */ parseImageEntries),
  parseImageReference: () => (/* reexport */ parseImageReference),
  parseManifest: () => (/* reexport */ parseManifest),
  podProblems: () => (/* reexport */ podProblems),
  readKubeconfig: () => (/* reexport */ readKubeconfig),
  refOf: () => (/* reexport */ refOf),
  relatedEvents: () => (/* reexport */ relatedEvents),
  repositoryOf: () => (/* reexport */ repositoryOf),
  selectorOf: () => (/* reexport */ selectorOf),
  setImages: () => (/* reexport */ setImages),
  userFiles: () => (/* reexport */ userFiles)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/exec.ts
var exec = __webpack_require__(8018);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __webpack_require__(5327);
// EXTERNAL MODULE: ../../packages/core/src/runtime.ts + 1 modules
var runtime = __webpack_require__(224);
;// CONCATENATED MODULE: ../../packages/core/src/k8s/diagnose.ts
// Why a rollout is stuck, read from what the cluster says: each unready pod's waiting or
// terminated reason (ImagePullBackOff, CrashLoopBackOff, Unschedulable...), the recent events of
// the workload, its ReplicaSets and pods, and a label selector to find the pods. Pure.
function obj(value) {
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
function arr(value) {
    return Array.isArray(value) ? value.map(obj) : [];
}
function str(value) {
    return typeof value === 'string'
        ? value
        : value === undefined || value === null
            ? ''
            : String(value);
}
/** itemsOf reads the objects of `kubectl get -o json` output (a List, or a single object). */
function itemsOf(json) {
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch {
        return [];
    }
    const o = obj(parsed);
    return Array.isArray(o['items']) ? arr(o['items']) : Object.keys(o).length ? [o] : [];
}
/** selectorOf renders a workload's spec.selector as the string `kubectl get -l` takes. */
function selectorOf(workload) {
    const selector = obj(obj(workload['spec'])['selector']);
    const parts = Object.entries(obj(selector['matchLabels'])).map(([k, v]) => `${k}=${str(v)}`);
    for (const e of arr(selector['matchExpressions'])) {
        const values = (Array.isArray(e['values']) ? e['values'] : []).map(str).join(',');
        const key = str(e['key']);
        switch (e['operator']) {
            case 'In':
                parts.push(`${key} in (${values})`);
                break;
            case 'NotIn':
                parts.push(`${key} notin (${values})`);
                break;
            case 'Exists':
                parts.push(key);
                break;
            case 'DoesNotExist':
                parts.push(`!${key}`);
                break;
            default:
        }
    }
    return parts.join(',');
}
function isReady(pod) {
    return arr(obj(pod['status'])['conditions']).some((c) => c['type'] === 'Ready' && c['status'] === 'True');
}
/** podProblems lists why each unready pod is not ready, most telling reason first per pod. */
function podProblems(pods) {
    const out = [];
    for (const pod of pods) {
        if (isReady(pod) || obj(pod['metadata'])['deletionTimestamp'])
            continue;
        const name = str(obj(pod['metadata'])['name']);
        const status = obj(pod['status']);
        const found = [];
        const scheduled = arr(status['conditions']).find((c) => c['type'] === 'PodScheduled');
        if (scheduled && scheduled['status'] === 'False') {
            found.push({
                pod: name,
                container: undefined,
                reason: str(scheduled['reason']) || 'Unschedulable',
                message: str(scheduled['message']),
                restarts: 0,
                hasLogs: false,
                previous: false,
            });
        }
        for (const cs of [
            ...arr(status['initContainerStatuses']),
            ...arr(status['containerStatuses']),
        ]) {
            if (cs['ready'] === true)
                continue;
            const state = obj(cs['state']);
            const last = obj(obj(cs['lastState'])['terminated']);
            const restarts = Number(cs['restartCount'] ?? 0);
            const started = Object.keys(obj(state['running'])).length > 0 ||
                Object.keys(obj(state['terminated'])).length > 0;
            const hasLogs = started || restarts > 0;
            const waiting = obj(state['waiting']);
            const terminated = obj(state['terminated']);
            if (Object.keys(waiting).length &&
                waiting['reason'] !== 'ContainerCreating' &&
                waiting['reason'] !== 'PodInitializing') {
                let message = str(waiting['message']);
                if (Object.keys(last).length)
                    message = `${message}${message ? '; ' : ''}last exit code ${str(last['exitCode'])} (${str(last['reason'])})`;
                found.push({
                    pod: name,
                    container: str(cs['name']),
                    reason: str(waiting['reason']),
                    message,
                    restarts,
                    hasLogs,
                    previous: restarts > 0,
                });
            }
            else if (Object.keys(terminated).length) {
                found.push({
                    pod: name,
                    container: str(cs['name']),
                    reason: str(terminated['reason']) || 'Terminated',
                    message: `exit code ${str(terminated['exitCode'])}`,
                    restarts,
                    hasLogs: true,
                    previous: false,
                });
            }
            else if (Object.keys(obj(state['running'])).length) {
                found.push({
                    pod: name,
                    container: str(cs['name']),
                    reason: 'NotReady',
                    message: 'running but not ready (readiness probe failing?)',
                    restarts,
                    hasLogs: true,
                    previous: false,
                });
            }
            else if (Object.keys(waiting).length) {
                found.push({
                    pod: name,
                    container: str(cs['name']),
                    reason: str(waiting['reason']),
                    message: str(waiting['message']),
                    restarts,
                    hasLogs: false,
                    previous: false,
                });
            }
        }
        if (!found.length) {
            found.push({
                pod: name,
                container: undefined,
                reason: str(status['phase']) || 'Pending',
                message: str(status['message']),
                restarts: 0,
                hasLogs: false,
                previous: false,
            });
        }
        out.push(...found);
    }
    const severity = (p) => ['ContainerCreating', 'Pending', 'NotReady'].includes(p.reason) ? 1 : 0;
    return out.sort((a, b) => severity(a) - severity(b));
}
/**
 * relatedEvents keeps the events about a workload and the objects it owns (named `<name>-...`),
 * newest last, at most `limit`.
 */
function relatedEvents(events, workload, limit = 15) {
    const related = events
        .map((e) => {
        const involved = obj(e['involvedObject']);
        const time = str(e['lastTimestamp']) ||
            str(e['eventTime']) ||
            str(e['firstTimestamp']) ||
            str(obj(e['metadata'])['creationTimestamp']);
        return {
            time,
            type: str(e['type']),
            reason: str(e['reason']),
            object: `${str(involved['kind']).toLowerCase()}/${str(involved['name'])}`,
            name: str(involved['name']),
            message: str(e['message']),
            count: Number(e['count'] ?? 1),
            order: Number(obj(e['metadata'])['resourceVersion'] ?? 0),
        };
    })
        .filter((e) => e.name === workload || e.name.startsWith(`${workload}-`))
        .sort((a, b) => a.time.localeCompare(b.time) || a.order - b.order);
    return related.slice(-limit).map(({ name: _name, order: _order, ...rest }) => rest);
}
/** formatEvents renders events as aligned text lines, like `kubectl get events`. */
function formatEvents(events) {
    if (!events.length)
        return ['(no events)'];
    const rows = [
        ['TIME', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
        ...events.map((e) => [
            e.time,
            e.type,
            e.reason,
            e.object,
            `${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`,
        ]),
    ];
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r
        .map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell))
        .join('  ')
        .trimEnd());
}
/** headline sums up the most telling problem in one phrase: "CrashLoopBackOff in container web of pod web-1 (last exit code 1)". */
function headline(problems) {
    const first = problems[0];
    if (!first)
        return undefined;
    const where = first.container
        ? `container ${first.container} of pod ${first.pod}`
        : `pod ${first.pod}`;
    let detail = first.message;
    if (first.reason === 'CrashLoopBackOff')
        detail = /last exit code [^;]+/.exec(first.message)?.[0] ?? '';
    return `${first.reason} in ${where}${detail ? ` (${detail})` : ''}`;
}

// EXTERNAL MODULE: ../../packages/core/src/pure/redact.ts
var redact = __webpack_require__(8217);
;// CONCATENATED MODULE: ../../packages/core/src/k8s/errors.ts
// kubectl's failures, turned into one clear message with what to do: no cluster reachable, an
// untrusted certificate, rejected credentials, an RBAC refusal, a kind the cluster does not serve,
// an object the server rejects. Pure: no I/O, no @actions/*.


const UNREACHABLE = [
    /connect: connection refused/,
    /was refused - did you specify the right host or port/,
    /no such host/,
    /i\/o timeout/,
    /network is unreachable/,
    /no route to host/,
    /TLS handshake timeout/,
    /connection reset by peer/,
    /Unable to connect to the server/,
    /context deadline exceeded \(Client\.Timeout/,
];
/** userFiles replaces rendered file paths in kubectl's messages with the files the user knows. */
function userFiles(text, files) {
    let out = text;
    for (const [rendered, source] of files ?? [])
        out = out.split(rendered).join(source);
    return out;
}
function locate(kind, name, file, ctx) {
    const object = ctx.objects?.find((o) => (!kind || o.kind === kind) && (!name || o.name === name) && (!file || o.file === file));
    if (object)
        return { file: object.file, line: object.line };
    return file ? { file } : undefined;
}
/**
 * classifyKubectlError reads what kubectl wrote to stderr and returns the ActionError to fail
 * with, or undefined when it is none of the known failures (the caller keeps the raw error).
 */
function classifyKubectlError(stderr, ctx = {}) {
    const text = userFiles(stderr, ctx.files);
    const server = ctx.server ? (0,redact/* redactUrl */.B)(ctx.server) : undefined;
    const at = server ? ` at ${server}` : '';
    if (/x509: |tls: failed to verify certificate/.test(text)) {
        const reason = /(x509: [^\n]+|tls: failed to verify certificate[^\n]*)/.exec(text)?.[1] ??
            'certificate not trusted';
        return new errors/* ActionError */.lZ(`the Kubernetes API server${at} has a certificate kubectl does not trust (${reason.trim()})`, {
            hint: "Put the cluster's CA in the kubeconfig (certificate-authority-data), or check that the server URL names the cluster the certificate was made for",
        });
    }
    if (UNREACHABLE.some((r) => r.test(text))) {
        const detail = /(dial tcp [^\n;]*|no such host|i\/o timeout|TLS handshake timeout|connection reset by peer)/.exec(text)?.[1];
        return new errors/* ActionError */.lZ(`no Kubernetes API server is reachable${at}${detail ? ` (${detail.trim()})` : ''}`, {
            hint: 'Check the kubeconfig (the `kubeconfig` input or KUBECONFIG) and its context, and that this runner can reach the cluster (network, VPN, authorized networks)',
        });
    }
    if (/You must be logged in to the server|\(Unauthorized\)|Unauthorized/.test(text) &&
        !/Forbidden/.test(text)) {
        return new errors/* ActionError */.lZ(`the Kubernetes API server${at} rejected the credentials (401 Unauthorized)`, {
            hint: "The kubeconfig's token or client certificate is wrong or expired: refresh the secret",
        });
    }
    const forbidden = /(?:Error from server \(Forbidden\): )?(?:error when [^:]+: )?(?:(\S+?)(?: "([^"]+)")? is forbidden: )?User "([^"]+)" cannot (\w+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)"| at the cluster scope)?/.exec(text);
    if (forbidden) {
        const [, , name, user, verb, resource, group, namespace] = forbidden;
        const full = group ? `${resource}.${group}` : resource;
        const where = namespace ? `in namespace "${namespace}"` : 'at cluster scope';
        return new errors/* ActionError */.lZ(`forbidden by RBAC: user "${user}" cannot ${verb} ${full}${name ? ` ("${name}")` : ''} ${where}`, {
            hint: `Grant it with a Role bound to that user or service account, e.g. \`kubectl create role deployer --verb=${verb} --resource=${full}${namespace ? ` -n ${namespace}` : ''}\` and a RoleBinding`,
        });
    }
    const unknown = /resource mapping not found for name: "([^"]*)" namespace: "[^"]*" from "([^"]+)": no matches for kind "([^"]+)" in version "([^"]+)"/.exec(text);
    if (unknown) {
        const [, name, file, kind, version] = unknown;
        return new errors/* ActionError */.lZ(`${file}: the cluster does not serve kind ${kind} in version ${version} (object "${name}")`, {
            hint: 'Fix apiVersion and kind, or install the CustomResourceDefinition that provides them before this step',
            location: locate(kind, name, file, ctx),
        });
    }
    const invalid = /The (\w+) "([^"]*)" is invalid: (.+)/.exec(text);
    if (invalid) {
        const [, kind, name, why] = invalid;
        const object = ctx.objects?.find((o) => o.kind === kind && o.name === name);
        return new errors/* ActionError */.lZ(`${object ? `${object.file}: ` : ''}the API server rejected ${kind} "${name}": ${why}`, {
            hint: 'Fix the manifest: the field named above is wrong',
            location: locate(kind, name, undefined, ctx),
        });
    }
    const fromServer = /Error from server \((\w+)\): error when (?:creating|applying patch|patching|retrieving current configuration of)[^"]*"([^"]+)"[^:]*: (.+)/.exec(text);
    if (fromServer) {
        const [, reason, file, why] = fromServer;
        const kind = /^(\w+) in version/.exec(why ?? '')?.[1];
        return new errors/* ActionError */.lZ(`${file}: the API server rejected the object (${reason}): ${why}`, {
            hint: reason === 'NotFound' && /namespaces? "/.test(why ?? '')
                ? 'Create the namespace first (add a Namespace object before the others, or in an earlier step)'
                : 'Fix the manifest and run again',
            location: locate(kind, undefined, file, ctx),
        });
    }
    const namespaces = /the namespace from the provided object "([^"]+)" does not match the namespace "([^"]+)"/.exec(text);
    if (namespaces) {
        const [, own, given] = namespaces;
        return new errors/* ActionError */.lZ(`an object sets metadata.namespace "${own}", but the namespace input is "${given}"`, {
            hint: `Remove metadata.namespace from the manifest, or set the namespace input to ${own} (or leave it empty)`,
            location: ctx.objects?.find((o) => o.namespace === own)
                ? locate(undefined, ctx.objects.find((o) => o.namespace === own).name, undefined, ctx)
                : undefined,
        });
    }
    const validation = /error: error validating "([^"]+)": error validating data: (.+?)(?:; if you choose to ignore these errors.*)?$/m.exec(text);
    if (validation) {
        const [, file, why] = validation;
        return new errors/* ActionError */.lZ(`${file}: kubectl could not validate the manifest: ${why}`, {
            hint: 'Fix the fields named above',
            location: locate(undefined, undefined, file, ctx),
        });
    }
    return undefined;
}

;// CONCATENATED MODULE: ../../packages/core/src/k8s/kubectl.ts
// kubectl, called through core's exec with argv arrays, with the kubeconfig and context of the run.

const NOT_FOUND_HINT = 'Install kubectl on the runner (for example with azure/setup-kubectl in an earlier step), or add it to PATH';
/** Kubectl runs kubectl commands against one cluster. */
class Kubectl {
    bin;
    options;
    constructor(options = {}) {
        this.options = options;
        this.bin = options.bin ?? 'kubectl';
    }
    /** globalArgs are the flags every call carries (kubeconfig, context). */
    globalArgs() {
        const args = [];
        if (this.options.kubeconfig)
            args.push('--kubeconfig', this.options.kubeconfig);
        if (this.options.context)
            args.push('--context', this.options.context);
        return args;
    }
    /** run calls kubectl; `watch` calls (rollout status) get no per-request timeout. */
    run(args, options = {}) {
        const { watch, ...execOptions } = options;
        const limit = watch ? [] : [`--request-timeout=${this.options.requestTimeout ?? '30s'}`];
        return (0,exec/* exec */.m0)(this.bin, [...this.globalArgs(), ...limit, ...args], {
            notFoundHint: NOT_FOUND_HINT,
            ...execOptions,
        });
    }
    /** server returns the API server URL of the context in use, or undefined when none is configured. */
    async server() {
        try {
            const result = await this.run(['config', 'view', '--minify', '-o', 'jsonpath={.clusters[0].cluster.server}'], { silent: true });
            return result.stdout.trim() || undefined;
        }
        catch {
            return undefined;
        }
    }
}

// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
;// CONCATENATED MODULE: ../../packages/core/src/k8s/image-ref.ts
// Container image references (`[registry[:port]/]path[:tag][@digest]`) and the `images` input's
// `NAME=IMAGE` entries. Pure: no I/O, no @actions/*.

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const REGISTRY = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d+)?$/;
/**
 * parseImageReference splits an image reference, or returns undefined when it is not one. The first
 * path part is a registry when it has a dot or a port, or is `localhost` (Docker's rule), so
 * `localhost:5000/app:1` is registry `localhost:5000`, path `app`, tag `1`.
 */
function parseImageReference(text) {
    let rest = text.trim();
    if (!rest || /\s/.test(rest))
        return undefined;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            return undefined;
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            return undefined;
    }
    const parts = rest.split('/');
    let registry;
    const first = parts[0] ?? '';
    if (parts.length > 1 &&
        (first.includes('.') ||
            first.includes(':') ||
            first === 'localhost' ||
            first !== first.toLowerCase())) {
        registry = first;
        parts.shift();
        if (!REGISTRY.test(registry))
            return undefined;
    }
    if (!parts.length || !parts.every((p) => PATH_COMPONENT.test(p)))
        return undefined;
    return { registry, path: parts.join('/'), tag, digest };
}
/** repositoryOf is a reference without its tag and digest: `localhost:5000/app`. */
function repositoryOf(ref) {
    return ref.registry ? `${ref.registry}/${ref.path}` : ref.path;
}
/** canonicalRepository spells Docker Hub out, so `nginx` and `docker.io/library/nginx` compare equal. */
function canonicalRepository(ref) {
    const registry = !ref.registry || ref.registry === 'index.docker.io' ? 'docker.io' : ref.registry;
    const path = registry === 'docker.io' && !ref.path.includes('/') ? `library/${ref.path}` : ref.path;
    return `${registry}/${path}`;
}
/** formatImageReference renders a parsed reference back to text. */
function formatImageReference(ref) {
    return `${repositoryOf(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
const CONTAINER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** parseImageEntries reads the `images` input's lines (`NAME=IMAGE[:TAG][@DIGEST]`); a bad line is an InputError. */
function parseImageEntries(lines, input = 'images') {
    const entries = [];
    for (const line of lines) {
        const eq = line.indexOf('=');
        const example = 'Write one NAME=IMAGE per line, for example web=ghcr.io/acme/web:1.4.2, where NAME is a container name or the image repository to replace.';
        if (eq <= 0)
            throw new errors/* InputError */.dz(input, `has the line '${line}', which is not NAME=IMAGE`, example);
        const name = line.slice(0, eq).trim();
        const image = line.slice(eq + 1).trim();
        const target = parseImageReference(image);
        if (!target)
            throw new errors/* InputError */.dz(input, `has '${image}' in line '${line}', which is not an image reference`, example);
        const asReference = parseImageReference(name);
        if (!CONTAINER_NAME.test(name) && !asReference) {
            throw new errors/* InputError */.dz(input, `has '${name}' in line '${line}', which is neither a container name nor an image repository`, example);
        }
        if (asReference && (asReference.tag || asReference.digest) && !CONTAINER_NAME.test(name)) {
            throw new errors/* InputError */.dz(input, `has '${name}' in line '${line}': NAME must not carry a tag or digest`, `Name the repository alone (${repositoryOf(asReference)}=${image}), so every tag of it is replaced.`);
        }
        if (entries.some((e) => e.name === name)) {
            throw new errors/* InputError */.dz(input, `names '${name}' twice`, 'Keep one line per container name or repository.');
        }
        entries.push({
            source: line,
            name,
            repository: asReference ? canonicalRepository(asReference) : undefined,
            image,
        });
    }
    return entries;
}
/** entryMatches tells whether an entry names a container (by its name or its image's repository). */
function entryMatches(entry, containerName, image) {
    if (entry.name === containerName)
        return true;
    const current = parseImageReference(image);
    return (entry.repository !== undefined &&
        current !== undefined &&
        canonicalRepository(current) === entry.repository);
}

;// CONCATENATED MODULE: ../../packages/core/src/k8s/manifests.ts
// Kubernetes manifests as text: parse (every document, with its line), set container images, add
// annotations. Image edits find the image scalars with the `yaml` Document API and replace only
// their source range, so the rest of the file (comments, quoting, indentation, key order, blank
// lines) stays byte for byte as written. Pure: no I/O, no @actions/*.



/** Where each kind keeps its pod spec. */
const POD_SPEC_PATHS = {
    Pod: ['spec'],
    Deployment: ['spec', 'template', 'spec'],
    StatefulSet: ['spec', 'template', 'spec'],
    DaemonSet: ['spec', 'template', 'spec'],
    ReplicaSet: ['spec', 'template', 'spec'],
    ReplicationController: ['spec', 'template', 'spec'],
    Job: ['spec', 'template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    PodTemplate: ['template', 'spec'],
};
/** The kinds whose images the `images` input can set. */
const KINDS_WITH_IMAGES = Object.keys(POD_SPEC_PATHS);
function firstLine(message) {
    return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}
function parse(text, file) {
    const lines = new dist/* LineCounter */.HN();
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, uniqueKeys: true });
    const list = Array.isArray(docs) ? docs : [docs];
    for (const doc of list) {
        const problem = doc.errors[0];
        if (problem) {
            const pos = problem.linePos?.[0] ?? lines.linePos(problem.pos[0]);
            throw new errors/* ActionError */.lZ(`${file}:${pos.line}:${pos.col}: ${firstLine(problem.message)}`, {
                hint: 'Fix the YAML syntax there (indentation, a missing colon or quote, a tab).',
                location: { file, line: pos.line, column: pos.col },
            });
        }
    }
    return { docs: list, lines };
}
function manifests_text(node) {
    return (0,dist/* isScalar */.jn)(node) && node.value !== null && node.value !== undefined
        ? String(node.value)
        : undefined;
}
/** objectNodes lists the Kubernetes objects of one file, items of a `kind: List` included. */
function objectNodes(parsed, file) {
    const out = [];
    for (const doc of parsed.docs) {
        const contents = doc.contents;
        if (contents === null ||
            ((0,dist/* isScalar */.jn)(contents) && (contents.value === null || contents.value === '')))
            continue;
        const start = contents.range?.[0] ?? doc.range[0];
        const line = parsed.lines.linePos(start).line;
        if (!(0,dist/* isMap */.jh)(contents)) {
            throw new errors/* ActionError */.lZ(`${file}:${line}: the document is not a mapping, so it is no Kubernetes object`, {
                hint: 'Each YAML document must be one object with apiVersion, kind and metadata.',
                location: { file, line },
            });
        }
        const kind = manifests_text(contents.get('kind', true));
        const items = contents.get('items', true);
        if (kind === 'List' && (0,dist/* isSeq */.oP)(items)) {
            for (const item of items.items) {
                if ((0,dist/* isMap */.jh)(item))
                    out.push({ map: item, line: parsed.lines.linePos(item.range?.[0] ?? start).line });
            }
            continue;
        }
        out.push({ map: contents, line });
    }
    return out;
}
function describe(node, file) {
    const apiVersion = manifests_text(node.map.get('apiVersion', true));
    const kind = manifests_text(node.map.get('kind', true));
    const name = manifests_text(node.map.getIn(['metadata', 'name'], true));
    const missing = [!apiVersion && 'apiVersion', !kind && 'kind', !name && 'metadata.name'].filter(Boolean);
    if (missing.length) {
        throw new errors/* ActionError */.lZ(`${file}:${node.line}: the object has no ${missing.join(', ')}`, {
            hint: 'Every Kubernetes object needs apiVersion, kind and metadata.name.',
            location: { file, line: node.line },
        });
    }
    return {
        apiVersion: apiVersion,
        kind: kind,
        name: name,
        namespace: manifests_text(node.map.getIn(['metadata', 'namespace'], true)),
        file,
        line: node.line,
    };
}
/** parseManifest lists the objects of a manifest file; bad YAML is an ActionError pointing at the file and line. */
function parseManifest(source, file) {
    const parsed = parse(source, file);
    return objectNodes(parsed, file).map((node) => describe(node, file));
}
function renderScalar(node, value) {
    switch (node.type) {
        case 'QUOTE_SINGLE':
            return `'${value.replace(/'/g, "''")}'`;
        case 'PLAIN':
            // Image references are plain-safe (no ': ', no ' #', no leading indicator), but check anyway.
            if (/^[\w./@:+-]+$/.test(value) && !/^[-?:@]/.test(value))
                return value;
            return JSON.stringify(value);
        default:
            return JSON.stringify(value);
    }
}
/**
 * setImages sets the images the entries name in every container and init container of the file's
 * workloads, and returns the edited text: only the image scalars change. A container that two
 * entries match is an error (which one should win is not obvious).
 */
function setImages(source, file, entries) {
    const parsed = parse(source, file);
    const edits = [];
    const changes = [];
    const matched = new Set();
    const containers = [];
    for (const node of objectNodes(parsed, file)) {
        const object = describe(node, file);
        const path = POD_SPEC_PATHS[object.kind];
        if (!path)
            continue;
        for (const list of ['initContainers', 'containers']) {
            const seq = node.map.getIn([...path, list], true);
            if (!(0,dist/* isSeq */.oP)(seq))
                continue;
            for (const container of seq.items) {
                if (!(0,dist/* isMap */.jh)(container))
                    continue;
                const name = manifests_text(container.get('name', true)) ?? '';
                const imageNode = container.get('image', true);
                if (!(0,dist/* isScalar */.jn)(imageNode) || !imageNode.range)
                    continue;
                const image = String(imageNode.value ?? '');
                containers.push({ kind: object.kind, name: object.name, container: name, image });
                const hits = entries.filter((e) => entryMatches(e, name, image));
                if (hits.length > 1) {
                    const line = parsed.lines.linePos(imageNode.range[0]).line;
                    throw new errors/* ActionError */.lZ(`${file}:${line}: the images entries ${hits.map((h) => `'${h.source}'`).join(' and ')} all match container ${name} of ${object.kind.toLowerCase()}/${object.name}`, {
                        hint: 'Keep one entry per container: name it by container name or by repository, not both.',
                        location: { file, line },
                    });
                }
                const hit = hits[0];
                if (!hit)
                    continue;
                matched.add(hit.name);
                const line = parsed.lines.linePos(imageNode.range[0]).line;
                changes.push({
                    file,
                    line,
                    kind: object.kind,
                    name: object.name,
                    container: name,
                    list,
                    from: image,
                    to: hit.image,
                });
                if (image !== hit.image)
                    edits.push({
                        start: imageNode.range[0],
                        end: imageNode.range[1],
                        text: renderScalar(imageNode, hit.image),
                    });
            }
        }
    }
    let out = source;
    for (const edit of edits.sort((a, b) => b.start - a.start))
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    return { text: out, changes, matched, containers };
}
/**
 * addAnnotations sets metadata annotations on every object of the file (and, with `changeCause`,
 * `kubernetes.io/change-cause` on workloads, which `kubectl rollout history` shows). It re-renders
 * the documents with the Document API: comments stay, indentation may be normalised.
 */
function addAnnotations(source, file, annotations, changeCause) {
    const parsed = parse(source, file);
    const nodes = objectNodes(parsed, file);
    if (!nodes.length || (!Object.keys(annotations).length && !changeCause))
        return source;
    for (const node of nodes) {
        const object = describe(node, file);
        const all = { ...annotations };
        if (changeCause && ['Deployment', 'StatefulSet', 'DaemonSet'].includes(object.kind))
            all['kubernetes.io/change-cause'] = changeCause;
        for (const [key, value] of Object.entries(all))
            node.map.setIn(['metadata', 'annotations', key], value);
    }
    const rendered = parsed.docs.map((doc, i) => {
        const body = doc.toString({ lineWidth: 0 });
        return i === 0 || body.startsWith('---') ? body : `---\n${body}`;
    });
    return rendered.join('');
}

// EXTERNAL MODULE: ../../packages/core/src/pure/inputs.ts
var inputs = __webpack_require__(7657);
;// CONCATENATED MODULE: ../../packages/core/src/k8s/sources.ts
// The `manifests` input resolved to files and kustomize folders inside the workspace.




const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** isKustomization tells whether a folder holds a kustomization file. */
function isKustomization(dir) {
    return KUSTOMIZATION.some((f) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, f)));
}
function fromPath(workspace, full, entry, input) {
    const display = (0,external_node_path_.relative)(workspace, full) || '.';
    if (!(0,external_node_fs_.existsSync)(full)) {
        throw new errors/* InputError */.dz(input, `lists '${entry}', which does not exist in the workspace`, 'Check the path (relative to the repository root) and that the checkout step ran.');
    }
    if (!(0,external_node_fs_.statSync)(full).isDirectory())
        return [{ kind: 'file', path: full, display }];
    if (isKustomization(full))
        return [{ kind: 'kustomize', path: full, display }];
    const files = (0,external_node_fs_.readdirSync)(full)
        .filter((f) => MANIFEST_FILE.test(f) && (0,external_node_fs_.statSync)((0,external_node_path_.join)(full, f)).isFile())
        .sort();
    if (!files.length) {
        throw new errors/* InputError */.dz(input, `lists the folder '${entry}', which has no .yaml, .yml or .json file`, 'Point it at the folder that holds the manifests (subfolders are not searched), or at a kustomize folder.');
    }
    return files.map((f) => ({
        kind: 'file',
        path: (0,external_node_path_.join)(full, f),
        display: (0,external_node_path_.relative)(workspace, (0,external_node_path_.join)(full, f)),
    }));
}
/**
 * collectSources resolves each entry (a file, a folder of manifests, a kustomize folder, or a glob)
 * inside the workspace, in the order given, without duplicates.
 */
function collectSources(workspace, entries, input = 'manifests') {
    const out = [];
    const seen = new Set();
    for (const entry of entries) {
        let found;
        if (/[*?[\]{}]/.test(entry)) {
            (0,inputs/* resolveInside */.LI)(input, workspace, entry.replace(/[*?[\]{}].*$/, '') || '.');
            const matches = (0,external_node_fs_.globSync)(entry, { cwd: workspace })
                .map((m) => (0,external_node_path_.resolve)(workspace, m))
                .filter((m) => (0,external_node_fs_.statSync)(m).isDirectory() || MANIFEST_FILE.test(m))
                .sort();
            if (!matches.length) {
                throw new errors/* InputError */.dz(input, `has the pattern '${entry}', which matches no manifest`, 'Check the pattern: it is matched against paths relative to the repository root.');
            }
            found = matches.flatMap((m) => fromPath(workspace, (0,inputs/* resolveInside */.LI)(input, workspace, (0,external_node_path_.relative)(workspace, m)), entry, input));
        }
        else {
            found = fromPath(workspace, (0,inputs/* resolveInside */.LI)(input, workspace, entry), entry, input);
        }
        for (const source of found) {
            if (seen.has(source.path))
                continue;
            seen.add(source.path);
            out.push(source);
        }
    }
    return out;
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

;// CONCATENATED MODULE: ../../packages/core/src/k8s/summary.ts
// The job summary of a deploy: what was applied, which images were set, how each rollout ended
// and, for a failed one, why. Pure.

const STATUS_TEXT = {
    ready: 'ready',
    failed: 'failed',
    'rolled-back': 'failed, rolled back',
    'rollback-failed': 'failed, rollback failed too',
    'not-rolled-back': 'failed, nothing to roll back to',
};
/** refOf names a workload the way kubectl does: `deployment/web`. */
function refOf(o) {
    return `${o.kind.toLowerCase()}/${o.name}`;
}
/** deploySummary renders the Markdown for the job summary. */
function deploySummary(input) {
    const failed = input.rollouts.filter((r) => r.status !== 'ready');
    const title = failed.length
        ? `### Deploy failed: ${failed.length} of ${input.rollouts.length} rollouts did not become ready`
        : '### Deployed';
    const parts = [title];
    if (input.rollouts.length) {
        parts.push(table(['Workload', 'Namespace', 'Rollout', 'Time'], input.rollouts.map((r) => [refOf(r), r.namespace, STATUS_TEXT[r.status], `${r.seconds}s`]), ['l', 'l', 'l', 'r']));
    }
    if (input.images.length) {
        parts.push(table(['Workload', 'Container', 'Image', 'In the manifest'], input.images.map((c) => [
            refOf(c),
            c.container,
            c.to,
            c.from === c.to ? '(unchanged)' : c.from,
        ])));
    }
    for (const r of failed) {
        parts.push(`#### Why ${refOf(r)} is not ready\n\n${r.reason ?? `it did not become ready within ${input.timeout}`}`);
        if (r.events?.length)
            parts.push(details('Recent events', codeBlock(r.events.join('\n'))));
        if (r.logs?.length)
            parts.push(details('Last log lines', codeBlock(r.logs.join('\n'))));
    }
    const others = input.applied.filter((a) => !input.rollouts.some((r) => r.kind === a.kind && r.name === a.name && r.namespace === a.namespace));
    if (others.length) {
        parts.push(details(`Also applied (${others.length})`, others.map((a) => `- ${refOf(a)}${a.namespace ? ` in ${a.namespace}` : ''}`).join('\n')));
    }
    return parts.join('\n\n');
}

;// CONCATENATED MODULE: ../../packages/core/src/k8s/deploy.ts
// A deploy, end to end: render the manifests with the new images into a temp folder, `kubectl
// apply` them, wait for every Deployment, StatefulSet and DaemonSet to roll out, and when one does
// not, print why (pod reasons, events, logs), annotate it, and roll it back if asked.











/** The field manager named in server-side apply. */
const FIELD_MANAGER = 'mlops-actions-deploy';
const ROLLOUT_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];
/** formatDuration renders milliseconds as kubectl-style `5m`, `90s`, `1h2m`. */
function formatDuration(ms) {
    const s = Math.round(ms / 1000);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const rest = s % 60;
    return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${rest || (!h && !m) ? `${rest}s` : ''}`;
}
async function render(o, kubectl) {
    const sources = collectSources(o.workspace, o.manifests);
    const out = { files: [], objects: [], changes: [] };
    const matched = new Set();
    const containers = [];
    for (const source of sources) {
        let text;
        let display = source.display;
        let target = (0,external_node_path_.join)(o.renderDir, source.display);
        if (source.kind === 'kustomize') {
            try {
                text = (await kubectl.run(['kustomize', source.path], { silent: true })).stdout;
            }
            catch (e) {
                if (!(e instanceof exec/* ExecError */.cI))
                    throw e;
                const why = e.stderr
                    .trim()
                    .split('\n')
                    .filter((l) => !l.startsWith('#'))
                    .at(-1) ?? e.message;
                throw new errors/* ActionError */.lZ(`kubectl kustomize ${source.display} failed: ${why}`, {
                    hint: `Fix the kustomization; \`kubectl kustomize ${source.display}\` shows the same error locally`,
                });
            }
            display = `${source.display} (kustomize)`;
            target = (0,external_node_path_.join)(o.renderDir, source.display, 'kustomize.out.yaml');
            (0,runtime/* info */.pq)(`${source.display}: rendered with kubectl kustomize`);
        }
        else {
            text = (0,external_node_fs_.readFileSync)(source.path, 'utf8');
        }
        const edit = setImages(text, display, o.images);
        for (const name of edit.matched)
            matched.add(name);
        containers.push(...edit.containers);
        const objects = parseManifest(edit.text, display);
        if (!objects.length)
            (0,runtime/* warning */.$e)(`${display} holds no Kubernetes object`, {
                file: source.kind === 'file' ? source.display : undefined,
            });
        const annotated = addAnnotations(edit.text, display, o.annotations, o.changeCause);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
        (0,external_node_fs_.writeFileSync)(target, annotated);
        if (o.writeBack && source.kind === 'file' && edit.text !== text) {
            (0,external_node_fs_.writeFileSync)(source.path, edit.text);
            (0,runtime/* info */.pq)(`${source.display}: images written back to the checkout`);
        }
        else if (o.writeBack &&
            source.kind === 'kustomize' &&
            edit.changes.some((c) => c.from !== c.to)) {
            (0,runtime/* warning */.$e)(`${source.display} is a kustomize folder: its rendered output cannot be written back, so the checkout keeps the old images`);
        }
        out.files.push({ rendered: target, display });
        out.objects.push(...objects);
        out.changes.push(...edit.changes);
        (0,runtime/* info */.pq)(`${display}: ${objects.map(refOf).join(', ') || 'no objects'}`);
    }
    for (const c of out.changes) {
        (0,runtime/* info */.pq)(`${refOf(c)} ${c.list === 'initContainers' ? 'init container' : 'container'} ${c.container}: ${c.from === c.to ? `${c.to} (unchanged)` : `${c.from} -> ${c.to}`}`);
    }
    const unmatched = o.images.filter((e) => !matched.has(e.name));
    if (unmatched.length) {
        const seen = containers.map((c) => `${refOf(c)}/${c.container} (${c.image})`);
        throw new errors/* ActionError */.lZ(`the images ${unmatched.length === 1 ? 'entry' : 'entries'} ${unmatched.map((e) => `'${e.source}'`).join(', ')} ${unmatched.length === 1 ? 'matches' : 'match'} no container in the manifests`, {
            hint: seen.length
                ? `NAME must be a container name or an image repository; the containers are: ${seen.slice(0, 10).join(', ')}${seen.length > 10 ? ', ...' : ''}`
                : 'The manifests hold no container at all: check the manifests input',
        });
    }
    return out;
}
function failWith(e, ctx, what) {
    if (e instanceof exec/* ExecError */.cI) {
        const known = classifyKubectlError(e.stderr, ctx);
        if (known)
            throw known;
        const said = (0,exec/* lastLines */.w$)(userFiles(e.stderr || e.stdout, ctx.files), 6);
        throw new errors/* ActionError */.lZ(`${what} failed${said ? `: ${said}` : ` with exit code ${e.exitCode}`}`, {
            hint: 'The lines above are what kubectl said',
        });
    }
    throw e;
}
async function errorContext(kubectl, rendered) {
    return {
        server: await kubectl.server(),
        files: new Map(rendered.files.map((f) => [f.rendered, f.display])),
        objects: rendered.objects,
    };
}
async function apply(o, kubectl, rendered) {
    const args = ['apply', ...rendered.files.flatMap((f) => ['-f', f.rendered]), '-o', 'json'];
    if (o.namespace)
        args.push('--namespace', o.namespace);
    if (o.serverSide)
        args.push('--server-side', `--field-manager=${FIELD_MANAGER}`, '--force-conflicts');
    let stdout;
    try {
        stdout = (await kubectl.run(args, { silent: true })).stdout;
    }
    catch (e) {
        failWith(e, await errorContext(kubectl, rendered), 'kubectl apply');
    }
    const applied = itemsOf(stdout).map((item) => {
        const m = (item['metadata'] ?? {});
        return {
            apiVersion: String(item['apiVersion'] ?? ''),
            kind: String(item['kind'] ?? ''),
            namespace: String(m['namespace'] ?? ''),
            name: String(m['name'] ?? ''),
        };
    });
    for (const a of applied)
        (0,runtime/* info */.pq)(`${refOf(a)}${a.namespace ? ` (namespace ${a.namespace})` : ''} applied`);
    return applied;
}
async function waitFor(kubectl, w, deadline, ctx) {
    const started = Date.now();
    const remaining = Math.max(1, Math.ceil((deadline - started) / 1000));
    const ref = refOf(w);
    try {
        await kubectl.run(['rollout', 'status', ref, '--namespace', w.namespace, `--timeout=${remaining}s`], {
            silent: true,
            watch: true,
            timeoutMs: (remaining + 60) * 1000,
            onStdoutLine: (line) => (0,runtime/* info */.pq)(`[${ref}] ${line}`),
            onStderrLine: (line) => (0,runtime/* info */.pq)(`[${ref}] ${line}`),
        });
        return { ok: true, message: '', seconds: Math.round((Date.now() - started) / 1000) };
    }
    catch (e) {
        if (e instanceof exec/* ExecError */.cI) {
            const known = classifyKubectlError(e.stderr, await ctx());
            if (known)
                throw known;
            const last = e.stderr
                .trim()
                .split('\n')
                .at(-1)
                ?.replace(/^error: /, '') ?? 'rollout status failed';
            return { ok: false, message: last, seconds: Math.round((Date.now() - started) / 1000) };
        }
        throw e;
    }
}
async function getJson(kubectl, args) {
    try {
        return itemsOf((await kubectl.run(['get', ...args, '-o', 'json'], { silent: true })).stdout);
    }
    catch (e) {
        (0,runtime/* info */.pq)(`(could not run kubectl get ${args.join(' ')}: ${e instanceof Error ? e.message : String(e)})`);
        return [];
    }
}
async function diagnose(kubectl, w) {
    const ns = ['--namespace', w.namespace];
    const [workload] = await getJson(kubectl, [refOf(w), ...ns]);
    const selector = workload ? selectorOf(workload) : '';
    const pods = selector ? await getJson(kubectl, ['pods', '--selector', selector, ...ns]) : [];
    const problems = podProblems(pods);
    (0,runtime/* info */.pq)(problems.length ? 'Pods that are not ready:' : 'No unready pod found.');
    for (const p of problems)
        (0,runtime/* info */.pq)(`  ${p.pod}${p.container ? ` (${p.container})` : ''}: ${p.reason}${p.message ? `: ${p.message}` : ''}${p.restarts ? `, ${p.restarts} restarts` : ''}`);
    const events = formatEvents(relatedEvents(await getJson(kubectl, ['events', ...ns]), w.name));
    (0,runtime/* info */.pq)('Recent events:');
    for (const line of events)
        (0,runtime/* info */.pq)(`  ${line}`);
    const logs = [];
    const seen = new Set();
    for (const p of problems.filter((x) => x.hasLogs && x.container)) {
        const key = `${p.pod}/${p.container}`;
        if (seen.has(key) || seen.size >= 3)
            continue;
        seen.add(key);
        const args = [
            'logs',
            p.pod,
            '--container',
            p.container,
            '--tail=20',
            ...ns,
            ...(p.previous ? ['--previous'] : []),
        ];
        try {
            const out = (await kubectl.run(args, { silent: true })).stdout.trimEnd();
            logs.push(`--- ${key}${p.previous ? ' (previous run)' : ''}`, ...(out ? out.split('\n') : ['(no output)']));
        }
        catch (e) {
            logs.push(`--- ${key}: logs unavailable (${e instanceof exec/* ExecError */.cI ? e.stderr.trim().split('\n').at(-1) : String(e)})`);
        }
    }
    if (logs.length)
        (0,runtime/* info */.pq)('Last log lines:');
    for (const line of logs)
        (0,runtime/* info */.pq)(`  ${line}`);
    return { reason: headline(problems), events, logs };
}
async function rollBack(kubectl, w, timeoutMs, ctx) {
    const ref = refOf(w);
    try {
        await kubectl.run(['rollout', 'undo', ref, '--namespace', w.namespace]);
    }
    catch (e) {
        if (e instanceof exec/* ExecError */.cI &&
            /no rollout history found|no revision found|doesn't have any revisions|no previous/i.test(e.stderr)) {
            (0,runtime/* warning */.$e)(`${ref}: nothing to roll back to (this was its first rollout)`);
            return 'not-rolled-back';
        }
        if (e instanceof exec/* ExecError */.cI) {
            const known = classifyKubectlError(e.stderr, await ctx());
            (0,runtime/* warning */.$e)(`${ref}: kubectl rollout undo failed: ${known?.message ?? e.message}`);
            return 'rollback-failed';
        }
        throw e;
    }
    const waited = await waitFor(kubectl, w, Date.now() + timeoutMs, ctx);
    if (!waited.ok)
        (0,runtime/* warning */.$e)(`${ref}: the rolled-back revision did not become ready either: ${waited.message}`);
    return waited.ok ? 'rolled-back' : 'rollback-failed';
}
/** deploy renders, applies and waits; see DeployResult for what it reports. */
async function deploy(o) {
    const kubectl = new Kubectl({ bin: o.kubectl, kubeconfig: o.kubeconfig, context: o.context });
    (0,external_node_fs_.mkdirSync)(o.renderDir, { recursive: true });
    const rendered = await (0,runtime/* group */.Os)('Render manifests', () => render(o, kubectl));
    let cached;
    const ctx = async () => {
        cached ??= await errorContext(kubectl, rendered);
        return cached;
    };
    const applied = await (0,runtime/* group */.Os)(`Apply ${rendered.files.length} manifest file${rendered.files.length === 1 ? '' : 's'}`, () => apply(o, kubectl, rendered));
    const workloads = applied.filter((a) => ROLLOUT_KINDS.includes(a.kind));
    const timeout = formatDuration(o.timeoutMs);
    const deadline = Date.now() + o.timeoutMs;
    const waits = workloads.length
        ? await (0,runtime/* group */.Os)(`Wait for ${workloads.length} rollout${workloads.length === 1 ? '' : 's'} (timeout ${timeout})`, () => Promise.all(workloads.map((w) => waitFor(kubectl, w, deadline, ctx))))
        : [];
    const rollouts = [];
    let rolledBack = false;
    for (const [i, w] of workloads.entries()) {
        const waited = waits[i];
        const outcome = {
            kind: w.kind,
            namespace: w.namespace,
            name: w.name,
            status: 'ready',
            seconds: waited.seconds,
        };
        rollouts.push(outcome);
        if (waited.ok)
            continue;
        outcome.status = 'failed';
        const found = await (0,runtime/* group */.Os)(`Why ${refOf(w)} is not ready`, () => diagnose(kubectl, w));
        outcome.reason = found.reason ?? waited.message;
        if (/progress deadline/.test(waited.message))
            outcome.reason = `${waited.message}: ${outcome.reason}`;
        outcome.events = found.events;
        outcome.logs = found.logs;
        const object = rendered.objects.find((x) => x.kind === w.kind && x.name === w.name);
        (0,runtime/* error */.z3)(`${refOf(w)} in namespace ${w.namespace} did not become ready within ${timeout}: ${outcome.reason}`, {
            title: 'Rollout failed',
            ...(object && !object.file.endsWith('(kustomize)')
                ? { file: object.file, line: object.line }
                : {}),
        });
        if (o.rollbackOnFailure) {
            outcome.status = await (0,runtime/* group */.Os)(`Roll back ${refOf(w)}`, () => rollBack(kubectl, w, o.timeoutMs, ctx));
            rolledBack ||= outcome.status === 'rolled-back';
        }
    }
    const failed = rollouts.filter((r) => r.status !== 'ready');
    let failure;
    if (failed.length) {
        const list = failed.map((r) => `${refOf(r)} (${r.reason})`).join('; ');
        const after = rolledBack
            ? 'The previous revision was restored'
            : o.rollbackOnFailure
                ? 'Nothing could be rolled back'
                : 'Nothing was rolled back (rollback-on-failure is off)';
        failure = new errors/* ActionError */.lZ(`${failed.length} of ${rollouts.length} rollouts did not become ready within ${timeout}: ${list}`, {
            hint: `${after}; the pod reasons, events and logs are in the log group above and in the job summary`,
        });
    }
    return {
        renderedPath: o.renderDir,
        applied,
        images: rendered.changes,
        rollouts,
        rolledBack,
        failure,
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/k8s/kubeconfig.ts
// The `kubeconfig` input: plain YAML or base64 of it, checked for shape, with the values that must
// never reach a log listed for masking. Pure: no I/O, no @actions/*.



function kubeconfig_obj(value) {
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
function list(value) {
    return Array.isArray(value) ? value.map(kubeconfig_obj) : [];
}
const SECRET_KEYS = ['token', 'password', 'client-key-data', 'client-certificate-data', 'username'];
function collectSecrets(config) {
    const out = [];
    const add = (v) => {
        if (typeof v === 'string' && v.trim().length >= 3)
            out.push(v);
    };
    for (const user of list(config['users'])) {
        const u = kubeconfig_obj(user['user']);
        for (const key of SECRET_KEYS)
            add(u[key]);
        for (const v of Object.values(kubeconfig_obj(kubeconfig_obj(u['auth-provider'])['config'])))
            add(v);
        for (const env of list(kubeconfig_obj(u['exec'])['env']))
            add(env['value']);
    }
    for (const cluster of list(config['clusters'])) {
        const server = kubeconfig_obj(cluster['cluster'])['server'];
        if (typeof server === 'string') {
            const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/@\s]+)@/i.exec(server)?.[1];
            if (userinfo)
                add(userinfo);
        }
    }
    return out;
}
function decode(input) {
    const compact = input.replace(/\s+/g, '');
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length % 4 === 0 && !input.includes(':')) {
        const decoded = Buffer.from(compact, 'base64').toString('utf8');
        if (/\b(clusters|apiVersion)\b/.test(decoded))
            return decoded;
    }
    return input;
}
/**
 * readKubeconfig accepts a kubeconfig's YAML (or its base64, as many secrets hold it) and checks
 * that it names a context with a cluster; the error never quotes the content.
 */
function readKubeconfig(input, name = 'kubeconfig') {
    const text = decode(input.trim());
    let config;
    try {
        config = kubeconfig_obj((0,dist/* parse */.qg)(text));
    }
    catch {
        throw new errors/* InputError */.dz(name, 'is not valid YAML (nor base64 of it)', 'Store the whole kubeconfig file in the secret, as `kubectl config view --raw --minify` prints it.');
    }
    const clusters = list(config['clusters']);
    const contexts = list(config['contexts']);
    if (!clusters.length || !contexts.length) {
        throw new errors/* InputError */.dz(name, 'has no clusters or no contexts', 'Store the whole kubeconfig file in the secret, as `kubectl config view --raw --minify` prints it.');
    }
    const servers = {};
    for (const context of contexts) {
        const clusterName = kubeconfig_obj(context['context'])['cluster'];
        const cluster = clusters.find((c) => c['name'] === clusterName);
        const server = kubeconfig_obj(cluster?.['cluster'])['server'];
        if (typeof context['name'] === 'string' && typeof server === 'string')
            servers[context['name']] = (0,redact/* redactUrl */.B)(server);
    }
    const current = config['current-context'];
    return {
        text: text.endsWith('\n') ? text : `${text}\n`,
        secrets: collectSecrets(config),
        servers,
        currentContext: typeof current === 'string' && current ? current : undefined,
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/k8s/index.ts
// Kubernetes: image references, manifest edits, kubeconfig reading, kubectl failures, rollout
// diagnosis (pure), and the deploy that drives kubectl (adapter).











/***/ })

};

//# sourceMappingURL=246.index.js.map