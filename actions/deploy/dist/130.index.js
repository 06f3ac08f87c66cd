export const id = 130;
export const ids = [130];
export const modules = {

/***/ 6130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_MAX_LIFETIME_SECONDS: () => (/* reexport */ DEFAULT_MAX_LIFETIME_SECONDS),
  FIELD_MANAGER: () => (/* reexport */ FIELD_MANAGER),
  JIT_CONFIG_ENV: () => (/* reexport */ JIT_CONFIG_ENV),
  JIT_CONFIG_KEY: () => (/* reexport */ JIT_CONFIG_KEY),
  KINDS_WITH_IMAGES: () => (/* reexport */ KINDS_WITH_IMAGES),
  Kubectl: () => (/* reexport */ Kubectl),
  RUNNER_ANNOTATIONS: () => (/* reexport */ RUNNER_ANNOTATIONS),
  RUNNER_LABELS: () => (/* reexport */ RUNNER_LABELS),
  RUNNER_MANAGER: () => (/* reexport */ RUNNER_MANAGER),
  addAnnotations: () => (/* reexport */ addAnnotations),
  canonicalRepository: () => (/* reexport */ canonicalRepository),
  classifyApplyErrors: () => (/* reexport */ classifyApplyErrors),
  classifyKubectlError: () => (/* reexport */ classifyKubectlError),
  collectSources: () => (/* reexport */ collectSources),
  createRunnerObjects: () => (/* reexport */ createRunnerObjects),
  currentRevisionPods: () => (/* reexport */ currentRevisionPods),
  deleteRunnerObjects: () => (/* reexport */ deleteRunnerObjects),
  deploy: () => (/* reexport */ deploy),
  deploySummary: () => (/* reexport */ deploySummary),
  entryMatches: () => (/* reexport */ entryMatches),
  formatDuration: () => (/* reexport */ formatDuration),
  formatEvents: () => (/* reexport */ formatEvents),
  formatImageReference: () => (/* reexport */ formatImageReference),
  formatSeconds: () => (/* reexport */ formatSeconds),
  getPod: () => (/* reexport */ getPod),
  headline: () => (/* reexport */ headline),
  hopeless: () => (/* reexport */ hopeless),
  isKustomization: () => (/* reexport */ isKustomization),
  itemsOf: () => (/* reexport */ itemsOf),
  jitSecretName: () => (/* reexport */ jitSecretName),
  labelValue: () => (/* reexport */ labelValue),
  leftoverReason: () => (/* reexport */ leftoverReason),
  listRunnerPods: () => (/* reexport */ listRunnerPods),
  parseConflicts: () => (/* reexport */ parseConflicts),
  parseImageEntries: () => (/* reexport */ parseImageEntries),
  parseImageReference: () => (/* reexport */ parseImageReference),
  parseManifest: () => (/* reexport */ parseManifest),
  parseRejections: () => (/* reexport */ parseRejections),
  podProblems: () => (/* reexport */ podProblems),
  readKubeconfig: () => (/* reexport */ readKubeconfig),
  readPodTemplate: () => (/* reexport */ readPodTemplate),
  refOf: () => (/* reexport */ refOf),
  relatedEvents: () => (/* reexport */ relatedEvents),
  renderRunnerPod: () => (/* reexport */ renderRunnerPod),
  renderRunnerSecret: () => (/* reexport */ renderRunnerSecret),
  repositoryOf: () => (/* reexport */ repositoryOf),
  repositorySelector: () => (/* reexport */ repositorySelector),
  runSelector: () => (/* reexport */ runSelector),
  runnerLabels: () => (/* reexport */ runnerLabels),
  runnerPodInfo: () => (/* reexport */ runnerPodInfo),
  selectorOf: () => (/* reexport */ selectorOf),
  setImages: () => (/* reexport */ setImages),
  splitDocuments: () => (/* reexport */ splitDocuments),
  staleUnreadyPods: () => (/* reexport */ staleUnreadyPods),
  userFiles: () => (/* reexport */ userFiles),
  waitForRunner: () => (/* reexport */ waitForRunner)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ../../packages/core/src/exec.ts + 1 modules
var exec = __webpack_require__(789);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __webpack_require__(5327);
// EXTERNAL MODULE: ../../packages/core/src/runtime.ts
var runtime = __webpack_require__(9103);
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
/** Waiting reasons no retry of the kubelet will cure: the image reference itself is wrong or unreachable. */
const HOPELESS_WAITING = [
    'ErrImagePull',
    'ImagePullBackOff',
    'InvalidImageName',
    'ErrImageNeverPull',
];
/**
 * hopeless picks the problem that cannot heal by itself, so waiting for the timeout is pointless:
 * an image that cannot be pulled, a container in CrashLoopBackOff after `crashRestarts` restarts,
 * a pod no node can take (Unschedulable). Undefined when every problem may still resolve.
 */
function hopeless(problems, crashRestarts = 3) {
    return problems.find((p) => HOPELESS_WAITING.includes(p.reason) ||
        (p.reason === 'CrashLoopBackOff' && p.restarts >= crashRestarts) ||
        (p.reason === 'Unschedulable' && !p.container));
}
function caughtUp(workload) {
    const generation = Number(obj(workload['metadata'])['generation'] ?? 0);
    const observed = Number(obj(workload['status'])['observedGeneration'] ?? -1);
    return observed >= generation;
}
function label(o, key) {
    const value = obj(obj(o['metadata'])['labels'])[key];
    return typeof value === 'string' ? value : undefined;
}
function annotation(o, key) {
    const value = obj(obj(o['metadata'])['annotations'])[key];
    return typeof value === 'string' ? value : undefined;
}
/**
 * currentRevisionPods keeps the pods of the workload's current revision (the one being rolled
 * out), so a pod of an older revision that was already broken does not fail this rollout. Empty
 * until the controller has seen the workload's latest generation. `items` are the pods and, for a
 * Deployment, its ReplicaSets.
 */
function currentRevisionPods(kind, workload, items) {
    if (!caughtUp(workload))
        return [];
    const pods = items.filter((i) => i['kind'] === 'Pod');
    let key;
    let value;
    if (kind === 'Deployment') {
        const revision = annotation(workload, 'deployment.kubernetes.io/revision');
        const uid = obj(workload['metadata'])['uid'];
        const rs = items.find((i) => i['kind'] === 'ReplicaSet' &&
            annotation(i, 'deployment.kubernetes.io/revision') === revision &&
            arr(obj(i['metadata'])['ownerReferences']).some((o) => o['uid'] === uid));
        key = 'pod-template-hash';
        value = rs ? label(rs, key) : undefined;
    }
    else if (kind === 'StatefulSet') {
        key = 'controller-revision-hash';
        value = str(obj(workload['status'])['updateRevision']) || undefined;
    }
    else if (kind === 'DaemonSet') {
        key = 'pod-template-generation';
        value = annotation(workload, 'deprecated.daemonset.template.generation');
    }
    else {
        return [];
    }
    return value ? pods.filter((p) => label(p, key) === value) : [];
}
/**
 * staleUnreadyPods names the pods of a StatefulSet that belong to another revision than its
 * update revision and are not ready. After `rollout undo`, the StatefulSet controller does not
 * replace such a pod by itself (it waits for it to become ready first): they must be deleted
 * (https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#forced-rollback).
 * Empty until the controller has seen the workload's latest generation.
 */
function staleUnreadyPods(statefulSet, pods) {
    if (!caughtUp(statefulSet))
        return [];
    const revision = str(obj(statefulSet['status'])['updateRevision']);
    if (!revision)
        return [];
    return pods
        .filter((p) => label(p, 'controller-revision-hash') !== revision &&
        !isReady(p) &&
        !obj(p['metadata'])['deletionTimestamp'])
        .map((p) => str(obj(p['metadata'])['name']));
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
    if (/You must be logged in to the server|\(Unauthorized\)|Unauthorized|the server has asked for the client to provide credentials/.test(text) &&
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
    const missingNamespace = /namespaces "([^"]+)" not found/.exec(text);
    if (missingNamespace) {
        return new errors/* ActionError */.lZ(`the namespace "${missingNamespace[1]}" does not exist${at}`, {
            hint: 'Create it first (add a Namespace object to the manifests, or create it in an earlier step), or fix the namespace input',
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
/**
 * parseConflicts reads the conflicts kubectl reports for `apply --server-side` without
 * --force-conflicts: "Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1:
 * .spec.replicas", or a list of fields after "conflicts with ...:".
 */
function parseConflicts(text) {
    const out = [];
    const blocks = text.split(/(?=Apply failed with \d+ conflicts?)/);
    for (const block of blocks) {
        if (!/^Apply failed with \d+ conflicts?/.test(block))
            continue;
        const object = objectOf(block);
        const re = /conflicts? with "([^"]+)"(?: with subresource "([^"]+)")?(?: using [^:\s]+)?:([^\n]*(?:\n- [^\n]+)*)/g;
        for (let m = re.exec(block); m; m = re.exec(block)) {
            const fields = m[3]
                .split('\n')
                .map((l) => l.replace(/^- /, '').trim())
                .filter(Boolean);
            out.push({ object, manager: m[1], ...(m[2] ? { subresource: m[2] } : {}), fields });
        }
    }
    return out;
}
function objectOf(block) {
    const named = /Name: "([^"]+)", Namespace: "[^"]*"[\s\S]*?Kind=(\w+)|Kind=(\w+)"?\s*Name: "([^"]+)"/.exec(block);
    if (named) {
        const kind = named[2] ?? named[3] ?? '';
        const name = named[1] ?? named[4] ?? '';
        return `${kind.toLowerCase()}/${name}`;
    }
    const file = /for: "([^"]+)"/.exec(block)?.[1];
    return file ?? 'an object';
}
/** plainWhy rewrites the server's decoding errors into what is wrong with which field. */
function plainWhy(text) {
    const why = text.replace(/^.*cannot be handled as an? \w+: /, '').trim();
    const unknown = /strict decoding error: (.+)$/.exec(why);
    if (unknown) {
        const fields = [...unknown[1].matchAll(/unknown field "([^"]+)"/g)].map((m) => m[1]);
        const dup = [...unknown[1].matchAll(/duplicate field "([^"]+)"/g)].map((m) => m[1]);
        const parts = [];
        if (fields.length)
            parts.push(`unknown field${fields.length > 1 ? 's' : ''} ${fields.map((f) => `"${f}"`).join(', ')} (no such field in this kind's schema: a typo, or the wrong level of indentation)`);
        if (dup.length)
            parts.push(`duplicate field${dup.length > 1 ? 's' : ''} ${dup.map((f) => `"${f}"`).join(', ')}`);
        if (parts.length)
            return parts.join('; ');
    }
    const type = /json: cannot unmarshal (\w+) into Go struct field \w+\.(\S+) of type (\S+)/.exec(why);
    if (type)
        return `field "${type[2]}" must be of type ${type[3]}, not ${type[1]}`;
    const declared = /^\.(\S+): field not declared in schema$/.exec(why);
    if (declared)
        return `unknown field "${declared[1]}" (no such field in this kind's schema: a typo, or the wrong level of indentation)`;
    const expected = /^\.(\S+): expected (\w+)(?: \([^)]*\))?, got (\w+\b)?/.exec(why);
    if (expected)
        return `field "${expected[1]}" must be of type ${expected[2]}${expected[3] ? `, not ${expected[3]}` : ''}`;
    return why;
}
/** lastApplied reads kind and name from the last-applied configuration inside kubectl's patch text. */
function lastApplied(block) {
    const quoted = /last-applied-configuration:(\{.*?\})\\n\]/.exec(block)?.[1];
    if (!quoted)
        return { kind: undefined, name: undefined };
    try {
        const object = JSON.parse(JSON.parse(`"${quoted}"`));
        return { kind: object.kind, name: object.metadata?.name };
    }
    catch {
        return { kind: undefined, name: undefined };
    }
}
/**
 * parseRejections reads every object the API server rejected from the stderr of `kubectl apply`,
 * in each form kubectl prints: a new object (`error when creating "FILE": Deployment in version
 * "v1" cannot be handled as a Deployment: ...`), a patch of an existing one (`The request is
 * invalid: patch: Invalid value: "map[...]": ...`, the object only inside the patch text), an
 * invalid value (`The Deployment "web" is invalid: ...`, one or a `* ` list), and server-side
 * apply (`failed to create typed patch object (ns/web; apps/v1, Kind=Deployment): ...`).
 */
function parseRejections(stderr) {
    const out = [];
    const blocks = stderr.split(/^(?=Error from server|error: |The )/m).filter((b) => b.trim());
    for (const block of blocks) {
        if (/is forbidden|Unauthorized|Apply failed with \d+ conflict/.test(block))
            continue;
        const file = /^for: "([^"]+)"/m.exec(block)?.[1] ??
            /error when (?:creating|patching) "([^"]+)"/.exec(block)?.[1];
        const handled = /(\w+) in version "[^"]+" cannot be handled as an? (\w+): (.+)$/m.exec(block);
        const invalid = /(?:^The |: )(\w+)(?:\.[\w.-]+)? "([^"]+)" is invalid: (.*)$/m.exec(block);
        const typed = /failed to create typed patch object \(([^;]*?)\/?([^/;]+); [^,]*, Kind=(\w+)\): (.+)$/m.exec(block);
        const patch = /patch: Invalid value: "map\[/.test(block);
        if (handled) {
            out.push({ file, kind: handled[2], name: undefined, why: plainWhy(handled[3]) });
        }
        else if (invalid) {
            const listed = [...block.matchAll(/^\* (.+)$/gm)].map((m) => m[1].trim());
            const why = [invalid[3].trim(), ...listed].filter(Boolean).join('; ');
            out.push({ file, kind: invalid[1], name: invalid[2], why });
        }
        else if (typed) {
            out.push({ file, kind: typed[3], name: typed[2], why: plainWhy(typed[4]) });
        }
        else if (patch) {
            const end = block.lastIndexOf(']": ');
            const why = end >= 0 ? block.slice(end + 4).trim() : block.trim();
            // With several failures kubectl names the object (`Name: "web"`); alone, only the patch does.
            const name = /^Name: "([^"]+)"/m.exec(block)?.[1];
            const kind = /GroupVersionKind: "[^"]*Kind=(\w+)"/.exec(block)?.[1];
            const fromPatch = lastApplied(block);
            out.push({
                file,
                kind: kind ?? fromPatch.kind,
                name: name ?? fromPatch.name,
                why: plainWhy(why),
            });
        }
    }
    return out;
}
/**
 * classifyApplyErrors turns the objects the API server rejected into one error that names, for
 * each, the file, the object, the field and why, with an annotation on the first; undefined when
 * kubectl's text holds no rejected object.
 */
function classifyApplyErrors(stderr, ctx = {}) {
    const rejected = parseRejections(userFiles(stderr, ctx.files));
    if (!rejected.length)
        return undefined;
    const described = rejected.map((r) => {
        const candidates = ctx.objects?.filter((o) => (!r.kind || o.kind === r.kind) &&
            (!r.name || o.name === r.name) &&
            (!r.file || o.file === r.file));
        const object = candidates?.length === 1 ? candidates[0] : undefined;
        const name = r.name ?? object?.name;
        const file = r.file ?? object?.file;
        const where = object ? `${object.file}:${object.line}` : file;
        return {
            text: `${where ? `${where}: ` : ''}${r.kind ?? 'an object'}${name ? ` "${name}"` : ''}: ${r.why}`,
            location: object ? { file: object.file, line: object.line } : file ? { file } : undefined,
        };
    });
    const first = described[0];
    return new errors/* ActionError */.lZ(described.length === 1
        ? `the API server rejected ${first.text}`
        : `the API server rejected ${described.length} objects: ${described.map((d) => d.text).join('; ')}`, {
        hint: 'Fix the manifest; nothing was applied (every object is checked with a server-side dry run first)',
        ...(first.location ? { location: first.location } : {}),
    });
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
            const result = await this.run(['config', 'view', '--minify', '-o', 'jsonpath={.clusters[0].cluster.server}'], 
            // Called inside a log group; a failure here only means no URL to show.
            { silent: true, inGroup: true });
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
/** splitDocuments returns the text of each document of a file that holds something, in order. */
function splitDocuments(source, file) {
    return parse(source, file)
        .docs.filter((doc) => {
        const contents = doc.contents;
        return !(contents === null ||
            ((0,dist/* isScalar */.jn)(contents) && (contents.value === null || contents.value === '')));
    })
        .map((doc) => doc.toString({ lineWidth: 0 }));
}

;// CONCATENATED MODULE: ../../packages/core/src/k8s/permissions.ts
/** The kinds most manifests hold, so the common case needs no discovery call. */
const KNOWN = {
    'v1/ConfigMap': { resource: 'configmaps', group: '', namespaced: true },
    'v1/Secret': { resource: 'secrets', group: '', namespaced: true },
    'v1/Service': { resource: 'services', group: '', namespaced: true },
    'v1/ServiceAccount': { resource: 'serviceaccounts', group: '', namespaced: true },
    'v1/Pod': { resource: 'pods', group: '', namespaced: true },
    'v1/PersistentVolumeClaim': { resource: 'persistentvolumeclaims', group: '', namespaced: true },
    'v1/Namespace': { resource: 'namespaces', group: '', namespaced: false },
    'apps/v1/Deployment': { resource: 'deployments', group: 'apps', namespaced: true },
    'apps/v1/StatefulSet': { resource: 'statefulsets', group: 'apps', namespaced: true },
    'apps/v1/DaemonSet': { resource: 'daemonsets', group: 'apps', namespaced: true },
    'apps/v1/ReplicaSet': { resource: 'replicasets', group: 'apps', namespaced: true },
    'batch/v1/Job': { resource: 'jobs', group: 'batch', namespaced: true },
    'batch/v1/CronJob': { resource: 'cronjobs', group: 'batch', namespaced: true },
    'networking.k8s.io/v1/Ingress': {
        resource: 'ingresses',
        group: 'networking.k8s.io',
        namespaced: true,
    },
    'networking.k8s.io/v1/NetworkPolicy': {
        resource: 'networkpolicies',
        group: 'networking.k8s.io',
        namespaced: true,
    },
    'autoscaling/v2/HorizontalPodAutoscaler': {
        resource: 'horizontalpodautoscalers',
        group: 'autoscaling',
        namespaced: true,
    },
    'policy/v1/PodDisruptionBudget': {
        resource: 'poddisruptionbudgets',
        group: 'policy',
        namespaced: true,
    },
    'rbac.authorization.k8s.io/v1/Role': {
        resource: 'roles',
        group: 'rbac.authorization.k8s.io',
        namespaced: true,
    },
    'rbac.authorization.k8s.io/v1/RoleBinding': {
        resource: 'rolebindings',
        group: 'rbac.authorization.k8s.io',
        namespaced: true,
    },
};
/** knownResource names the resource of a well-known kind, or undefined (ask discovery). */
function knownResource(apiVersion, kind) {
    return KNOWN[`${apiVersion}/${kind}`];
}
/**
 * parseApiResources reads `kubectl api-resources --no-headers` (NAME [SHORTNAMES] APIVERSION
 * NAMESPACED KIND) into a map from `apiVersion/kind` to the resource.
 */
function parseApiResources(text) {
    const out = new Map();
    for (const line of text.split('\n')) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 4)
            continue;
        const kind = cols.at(-1);
        const namespaced = cols.at(-2) === 'true';
        const apiVersion = cols.at(-3);
        const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
        out.set(`${apiVersion}/${kind}`, { resource: cols[0], group, namespaced });
    }
    return out;
}
const ROLLOUT_OWNED = {
    Deployment: { resource: 'replicasets', group: 'apps' },
    StatefulSet: { resource: 'controllerrevisions', group: 'apps' },
    DaemonSet: { resource: 'controllerrevisions', group: 'apps' },
};
/**
 * neededPermissions lists what applying these objects and waiting for their rollouts needs:
 * get, create and patch of every object's resource (kubectl apply reads, then creates or
 * patches); for each workload, list and watch of it (rollout status), list of what it owns
 * (rollout undo, and which pods are the new revision's), list of pods and events and get of
 * pods/log (the diagnosis). `rollout undo` needs the same: list of what the workload owns, patch of it.
 */
function neededPermissions(objects, resourceOf, namespaceOf) {
    const out = new Map();
    const add = (p) => {
        const key = `${p.verb} ${p.resource}.${p.group} ${p.namespace ?? ''}`;
        if (!out.has(key))
            out.set(key, p);
    };
    for (const o of objects) {
        const r = resourceOf(o);
        const namespace = r.namespaced ? namespaceOf(o) : undefined;
        for (const verb of ['get', 'create', 'patch'])
            add({ ...r, verb, namespace, why: 'apply' });
        const owned = ROLLOUT_OWNED[o.kind];
        if (!owned || o.apiVersion !== 'apps/v1')
            continue;
        for (const verb of ['list', 'watch'])
            add({ ...r, verb, namespace, why: 'wait' });
        add({ ...owned, namespaced: true, verb: 'list', namespace, why: 'wait' });
        add({ resource: 'pods', group: '', namespaced: true, verb: 'list', namespace, why: 'wait' });
        add({
            resource: 'events',
            group: '',
            namespaced: true,
            verb: 'list',
            namespace,
            why: 'diagnose',
        });
        add({
            resource: 'pods/log',
            group: '',
            namespaced: true,
            verb: 'get',
            namespace,
            why: 'diagnose',
        });
        // After rollout undo, a StatefulSet's pods of the failed revision are deleted (forced rollback).
        if (o.kind === 'StatefulSet')
            add({
                resource: 'pods',
                group: '',
                namespaced: true,
                verb: 'delete',
                namespace,
                why: 'wait',
            });
    }
    return [...out.values()];
}
/** accessReviews renders the permissions as one List of SelfSubjectAccessReviews for `kubectl create -f -`. */
function accessReviews(permissions) {
    return JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: permissions.map((p) => {
            const [resource, subresource] = p.resource.split('/');
            return {
                apiVersion: 'authorization.k8s.io/v1',
                kind: 'SelfSubjectAccessReview',
                spec: {
                    resourceAttributes: {
                        verb: p.verb,
                        group: p.group,
                        resource,
                        ...(subresource ? { subresource } : {}),
                        ...(p.namespace ? { namespace: p.namespace } : {}),
                    },
                },
            };
        }),
    });
}
/** ALLOWED_JSONPATH makes `kubectl create -o jsonpath=...` print one `true`/`false` line per review. */
const ALLOWED_JSONPATH = 'jsonpath={.status.allowed}{"\\n"}';
/** deniedOf reads the answers to accessReviews (one `true`/`false` line each, same order) and returns the permissions refused. */
function deniedOf(permissions, answers) {
    const lines = answers
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    if (lines.length !== permissions.length)
        throw new Error(`${lines.length} answers for ${permissions.length} questions`);
    return permissions.filter((_, i) => lines[i] !== 'true');
}
function full(p) {
    return p.group ? `${p.resource}.${p.group}` : p.resource;
}
/** describeDenied groups refused permissions per resource: `create,patch deployments.apps`. */
function describeDenied(denied) {
    const byResource = new Map();
    for (const p of denied) {
        const key = `${full(p)}${p.namespace ? '' : ' (cluster scope)'}`;
        byResource.set(key, [...(byResource.get(key) ?? []), p.verb]);
    }
    return [...byResource].map(([r, verbs]) => `${verbs.join(',')} ${r}`).join('; ');
}
/**
 * grantCommands suggests the commands that grant every refused permission: per namespace one
 * `kubectl create role` with the union of verbs and resources, and its RoleBinding for the user.
 */
function grantCommands(denied, user) {
    const namespaces = [...new Set(denied.map((p) => p.namespace))];
    const sa = user ? /^system:serviceaccount:([^:]+):(.+)$/.exec(user) : null;
    const subject = sa ? `--serviceaccount=${sa[1]}:${sa[2]}` : `--user=${user ?? '<the CI user>'}`;
    const out = [];
    for (const ns of namespaces) {
        const here = denied.filter((p) => p.namespace === ns);
        const verbs = [...new Set(here.map((p) => p.verb))].sort().join(',');
        const resources = [...new Set(here.map(full))].join(',');
        if (ns) {
            out.push(`kubectl create role deployer --verb=${verbs} --resource=${resources} -n ${ns}`, `kubectl create rolebinding deployer --role=deployer ${subject} -n ${ns}`);
        }
        else {
            out.push(`kubectl create clusterrole deployer --verb=${verbs} --resource=${resources}`, `kubectl create clusterrolebinding deployer --clusterrole=deployer ${subject}`);
        }
    }
    return out;
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
        parts.push(table(['Workload', 'Namespace', 'Rollout', 'Running now', 'Time'], input.rollouts.map((r) => [
            refOf(r),
            r.namespace,
            STATUS_TEXT[r.status],
            r.running?.join(', ') ?? '',
            `${r.seconds}s`,
        ]), ['l', 'l', 'l', 'l', 'r']));
    }
    if (input.images.length) {
        const written = new Set(input.writtenBack ?? []);
        parts.push(table(['Workload', 'Container', 'Image applied', 'Before', 'In the checkout'], input.images.map((c) => [
            refOf(c),
            c.container,
            c.to,
            c.from === c.to ? '(unchanged)' : c.from,
            c.from === c.to || written.has(c.file) ? c.to : c.from,
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
// A deploy, end to end. Plan: render the manifests with the new images into a temp folder, check
// every permission the apply and the wait need, and validate every object with a server-side dry
// run; only then `kubectl apply` them, wait for every Deployment, StatefulSet and DaemonSet to roll
// out (failing early on a pod that cannot heal by itself), and when one does not, print why (pod
// reasons, events, logs), annotate it, and roll it back if asked. With write-back, the checkout's
// files are written last, all together (temp files, then renames), once every rollout is ready.














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
    const out = {
        files: [],
        objects: [],
        changes: [],
        images: new Map(),
        writeBack: [],
        documents: [],
    };
    const matched = new Set();
    const containers = [];
    for (const source of sources) {
        let text;
        let display = source.display;
        let target = (0,external_node_path_.join)(o.renderDir, source.display);
        if (source.kind === 'kustomize') {
            try {
                text = (await kubectl.run(['kustomize', source.path], { silent: true, inGroup: true }))
                    .stdout;
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
        const documents = splitDocuments(annotated, display);
        // A `kind: List` holds several objects in one document: those are not asked about alone.
        if (documents.length === objects.length)
            out.documents.push(...objects.map((object, i) => ({ object, text: documents[i] })));
        for (const c of edit.containers) {
            const change = edit.changes.find((x) => x.kind === c.kind && x.name === c.name && x.container === c.container);
            const key = refOf(c);
            out.images.set(key, [
                ...(out.images.get(key) ?? []),
                `${c.container}: ${change?.to ?? c.image}`,
            ]);
        }
        if (o.writeBack && source.kind === 'file' && edit.text !== text) {
            writable(source.path, source.display);
            out.writeBack.push({ path: source.path, display: source.display, text: edit.text });
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
/** writable checks, while planning, that write-back can replace a checkout file (temp file + rename). */
function writable(path, display) {
    try {
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.W_OK);
        (0,external_node_fs_.accessSync)((0,external_node_path_.dirname)(path), external_node_fs_.constants.W_OK);
    }
    catch {
        throw new errors/* ActionError */.lZ(`write-back cannot write ${display}: the file or its folder is read-only`, {
            hint: 'Make the checkout writable, or set write-back to false',
            location: { file: display },
        });
    }
}
/**
 * writeBackAll writes every planned file next to its target first, then renames them all, so a
 * failure leaves no file of the checkout half-written and no temp file behind.
 */
function writeBackAll(files) {
    const temps = [];
    try {
        for (const f of files) {
            const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(f.path), `.${(0,external_node_path_.basename)(f.path)}.deploy-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
            temps.push({ temp, path: f.path });
            (0,external_node_fs_.writeFileSync)(temp, f.text, { mode: (0,external_node_fs_.statSync)(f.path).mode & 0o777 });
        }
    }
    catch (e) {
        for (const t of temps)
            (0,external_node_fs_.rmSync)(t.temp, { force: true });
        throw new errors/* ActionError */.lZ(`write-back could not write the new images: ${e instanceof Error ? e.message : String(e)}`, {
            hint: 'The checkout was left as it was; check the free space and permissions of the workspace',
        });
    }
    for (const t of temps)
        (0,external_node_fs_.renameSync)(t.temp, t.path);
    for (const f of files)
        (0,runtime/* info */.pq)(`${f.display}: images written back to the checkout`);
    return files.map((f) => f.display);
}
function failWith(e, ctx, what) {
    if (e instanceof exec/* ExecError */.cI) {
        const known = classifyApplyErrors(e.stderr, ctx) ?? classifyKubectlError(e.stderr, ctx);
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
function applyArgs(o, rendered, mode) {
    const args = ['apply', ...rendered.files.flatMap((f) => ['-f', f.rendered]), '-o', 'json'];
    if (o.namespace)
        args.push('--namespace', o.namespace);
    if (o.serverSide) {
        args.push('--server-side', `--field-manager=${FIELD_MANAGER}`);
        if (mode.force)
            args.push('--force-conflicts');
    }
    if (mode.dryRun)
        args.push('--dry-run=server');
    return args;
}
/** contextNamespace is the namespace of the kubeconfig context in use (kubectl's default for objects that name none). */
async function contextNamespace(kubectl) {
    try {
        const out = await kubectl.run(['config', 'view', '--minify', '-o', 'jsonpath={..namespace}'], {
            silent: true,
            inGroup: true,
        });
        return out.stdout.trim().split(/\s+/)[0] || 'default';
    }
    catch {
        return 'default';
    }
}
/**
 * checkPermissions asks the API server, in one batch of SelfSubjectAccessReviews, for every
 * permission the apply, the wait and the rollback need, and fails with all that are missing and
 * the commands that grant them. A cluster that refuses the reviews themselves is not checked here
 * (the dry run then reports the first refusal).
 */
async function checkPermissions(o, kubectl, rendered, ctx) {
    const fallback = await contextNamespace(kubectl);
    let discovered;
    const resources = new Map();
    for (const object of rendered.objects) {
        let r = knownResource(object.apiVersion, object.kind);
        if (!r) {
            if (!discovered) {
                try {
                    const out = await kubectl.run(['api-resources', '--no-headers'], {
                        silent: true,
                        inGroup: true,
                    });
                    discovered = parseApiResources(out.stdout);
                }
                catch {
                    discovered = new Map();
                }
            }
            r = discovered.get(`${object.apiVersion}/${object.kind}`);
        }
        // A kind the cluster does not serve: the dry run names it.
        if (r)
            resources.set(object, r);
    }
    const permissions = neededPermissions([...resources.keys()], (x) => resources.get(x), (x) => x.namespace ?? o.namespace ?? fallback);
    if (!permissions.length)
        return;
    let answers;
    try {
        answers = (await kubectl.run(['create', '-f', '-', '-o', ALLOWED_JSONPATH], {
            input: accessReviews(permissions),
            silent: true,
            inGroup: true,
        })).stdout;
    }
    catch (e) {
        if (e instanceof exec/* ExecError */.cI) {
            const known = classifyKubectlError(e.stderr, await ctx());
            // No server, a bad certificate or token: say so now. Reviews refused: the dry run tells.
            if (known && !known.message.startsWith('forbidden'))
                throw known;
            (0,runtime/* info */.pq)('(the permissions could not be reviewed in advance; the dry run checks them)');
            return;
        }
        throw e;
    }
    const denied = deniedOf(permissions, answers);
    (0,runtime/* info */.pq)(`${permissions.length - denied.length} of ${permissions.length} permissions granted`);
    if (!denied.length)
        return;
    let user;
    try {
        const who = await kubectl.run(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'], {
            silent: true,
            inGroup: true,
        });
        user = who.stdout.trim() || undefined;
    }
    catch {
        user = undefined;
    }
    const namespaces = [...new Set(denied.map((p) => p.namespace).filter(Boolean))];
    const where = namespaces.length
        ? ` in namespace ${namespaces.map((n) => `"${n}"`).join(', ')}`
        : '';
    throw new errors/* ActionError */.lZ(`forbidden by RBAC: ${user ? `user "${user}"` : "the kubeconfig's user"} lacks ${denied.length} of the ${permissions.length} permissions this deploy needs${where}: ${describeDenied(denied)}`, {
        hint: `Nothing was applied. Grant them all at once: ${grantCommands(denied, user)
            .map((c) => `\`${c}\``)
            .join(' and ')}`,
    });
}
/**
 * reportConflicts asks, object by object, what server-side apply without --force-conflicts would
 * refuse (kubectl names no object in that message), and warns which fields the apply takes from
 * which field manager.
 */
async function reportConflicts(o, kubectl, rendered) {
    for (const { object, text } of rendered.documents) {
        const args = ['apply', '-f', '-', '--server-side', `--field-manager=${FIELD_MANAGER}`];
        args.push('--dry-run=server', '-o', 'name');
        if (o.namespace)
            args.push('--namespace', o.namespace);
        try {
            await kubectl.run(args, { input: text, silent: true, inGroup: true });
        }
        catch (e) {
            if (!(e instanceof exec/* ExecError */.cI))
                throw e;
            for (const c of parseConflicts(e.stderr)) {
                (0,runtime/* warning */.$e)(`${refOf(object)}: --force-conflicts takes ${c.fields.length === 1 ? 'field' : 'fields'} ${c.fields.join(', ')} from field manager "${c.manager}"${c.subresource ? ` (subresource ${c.subresource})` : ''}`, { file: object.file, line: object.line });
            }
        }
    }
}
/**
 * dryRun validates every object with the API server (strict field validation, admission,
 * namespaces) without changing anything. With server-side apply it first asks without
 * --force-conflicts, so the log can say which fields will be taken from which field manager.
 */
async function dryRun(o, kubectl, rendered, ctx) {
    const run = (serverSide, force) => kubectl.run(applyArgs({ ...o, serverSide }, rendered, { dryRun: true, force }), {
        silent: true,
        inGroup: true,
    });
    const valid = () => (0,runtime/* info */.pq)(`server-side dry run: ${rendered.objects.length} object${rendered.objects.length === 1 ? '' : 's'} valid`);
    try {
        await run(o.serverSide, false);
        return valid();
    }
    catch (e) {
        if (!(e instanceof exec/* ExecError */.cI))
            throw e;
        const text = userFiles(e.stderr, ctx.files);
        const rejected = parseRejections(text);
        if (o.serverSide && !rejected.length && parseConflicts(text).length) {
            await reportConflicts(o, kubectl, rendered);
            try {
                await run(true, true);
                return valid();
            }
            catch (again) {
                failWith(again, ctx, 'kubectl apply --dry-run=server');
            }
        }
        // A client-side patch of an existing object may be refused without the field's name
        // ("unrecognized type: int32"); server-side apply's dry run names it.
        if (!o.serverSide && rejected.some((r) => /^unrecognized type/.test(r.why))) {
            try {
                await run(true, true);
            }
            catch (ssa) {
                if (ssa instanceof exec/* ExecError */.cI) {
                    const named = classifyApplyErrors(ssa.stderr, ctx);
                    if (named)
                        throw named;
                }
            }
        }
        failWith(e, ctx, 'kubectl apply --dry-run=server');
    }
}
async function apply(o, kubectl, rendered) {
    let stdout;
    try {
        stdout = (await kubectl.run(applyArgs(o, rendered, { dryRun: false, force: true }), {
            silent: true,
            inGroup: true,
        })).stdout;
    }
    catch (e) {
        failWith(e, await errorContext(kubectl, rendered), 'kubectl apply');
    }
    const selectors = new Map();
    const applied = itemsOf(stdout).map((item) => {
        const m = (item['metadata'] ?? {});
        const a = {
            apiVersion: String(item['apiVersion'] ?? ''),
            kind: String(item['kind'] ?? ''),
            namespace: String(m['namespace'] ?? ''),
            name: String(m['name'] ?? ''),
        };
        selectors.set(`${a.namespace}/${refOf(a)}`, selectorOf(item));
        return a;
    });
    for (const a of applied)
        (0,runtime/* info */.pq)(`${refOf(a)}${a.namespace ? ` (namespace ${a.namespace})` : ''} applied`);
    return { applied, selectors };
}
async function quietJson(kubectl, args) {
    try {
        return itemsOf((await kubectl.run(['get', ...args, '-o', 'json'], { silent: true, inGroup: true })).stdout);
    }
    catch {
        return [];
    }
}
/** hopelessPod looks at the pods of the revision being rolled out for one that cannot heal by itself. */
async function hopelessPod(kubectl, w, selector) {
    const ns = ['--namespace', w.namespace];
    const [workload] = await quietJson(kubectl, [refOf(w), ...ns]);
    if (!workload)
        return undefined;
    const what = w.kind === 'Deployment' ? 'replicasets,pods' : 'pods';
    const items = await quietJson(kubectl, [what, '--selector', selector, ...ns]);
    return hopeless(podProblems(currentRevisionPods(w.kind, workload, items)));
}
/** POLL_MS is how often the pods of a rollout are looked at for a reason that cannot heal. */
const POLL_MS = 2000;
/**
 * waitFor runs `kubectl rollout status` until `deadline`, and meanwhile looks at the pods of the
 * new revision every few seconds: one that cannot heal by itself (an image that cannot be pulled,
 * CrashLoopBackOff past a few restarts, Unschedulable) ends the wait at once.
 */
async function waitFor(kubectl, w, selector, deadline, ctx) {
    const started = Date.now();
    const seconds = () => Math.round((Date.now() - started) / 1000);
    const remaining = Math.max(1, Math.ceil((deadline - started) / 1000));
    const ref = refOf(w);
    const stopRollout = new AbortController();
    const stopWatching = new AbortController();
    let found;
    const watching = (async () => {
        if (!selector)
            return;
        try {
            while (!stopWatching.signal.aborted) {
                await (0,promises_.setTimeout)(POLL_MS, undefined, { signal: stopWatching.signal });
                const problem = await hopelessPod(kubectl, w, selector);
                if (problem && !stopWatching.signal.aborted) {
                    found = problem;
                    stopRollout.abort();
                    return;
                }
            }
        }
        catch {
            // Stopped: the rollout ended first.
        }
    })();
    try {
        await kubectl.run(['rollout', 'status', ref, '--namespace', w.namespace, `--timeout=${remaining}s`], {
            silent: true,
            inGroup: true,
            watch: true,
            signal: stopRollout.signal,
            timeoutMs: (remaining + 60) * 1000,
            onStdoutLine: (line) => (0,runtime/* info */.pq)(`[${ref}] ${line}`),
            onStderrLine: (line) => (0,runtime/* info */.pq)(`[${ref}] ${line}`),
        });
        return { ok: true, message: '', seconds: seconds() };
    }
    catch (e) {
        if (found) {
            (0,runtime/* info */.pq)(`[${ref}] stopped waiting: ${found.reason} does not heal by itself`);
            return { ok: false, message: found.reason, seconds: seconds(), hopeless: found };
        }
        if (e instanceof exec/* ExecError */.cI) {
            const known = classifyKubectlError(e.stderr, await ctx());
            if (known)
                throw known;
            const last = e.stderr
                .trim()
                .split('\n')
                .at(-1)
                ?.replace(/^error: /, '') ?? 'rollout status failed';
            return { ok: false, message: last, seconds: seconds() };
        }
        throw e;
    }
    finally {
        stopWatching.abort();
        await watching;
    }
}
async function getJson(kubectl, args) {
    try {
        return itemsOf((await kubectl.run(['get', ...args, '-o', 'json'], { silent: true, inGroup: true })).stdout);
    }
    catch (e) {
        (0,runtime/* info */.pq)(`(could not run kubectl get ${args.join(' ')}: ${e instanceof Error ? e.message : String(e)})`);
        return [];
    }
}
async function diagnose(kubectl, w, selector) {
    const ns = ['--namespace', w.namespace];
    const items = selector
        ? await getJson(kubectl, [
            w.kind === 'Deployment' ? 'replicasets,pods' : 'pods',
            '--selector',
            selector,
            ...ns,
        ])
        : [];
    const [workload] = await getJson(kubectl, [refOf(w), ...ns]);
    // The new revision's pods first: they are the ones that fail; older pods may still be serving.
    const current = workload ? currentRevisionPods(w.kind, workload, items) : [];
    const problems = podProblems(current.length ? current : items.filter((i) => i['kind'] === 'Pod'));
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
            const out = (await kubectl.run(args, { silent: true, inGroup: true })).stdout.trimEnd();
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
/**
 * replaceStuckPods deletes the pods of a StatefulSet's failed revision that never became ready,
 * once the controller has taken the undo in: the controller only then recreates them from the
 * restored revision (Kubernetes' documented "forced rollback").
 */
async function replaceStuckPods(kubectl, w, selector) {
    const ns = ['--namespace', w.namespace];
    for (let i = 0; i < 50; i++) {
        const [sts] = await quietJson(kubectl, [refOf(w), ...ns]);
        const generation = sts?.['metadata']?.generation;
        const observed = sts?.['status']
            ?.observedGeneration;
        if (sts && observed !== undefined && generation !== undefined && observed >= generation) {
            const stuck = staleUnreadyPods(sts, await quietJson(kubectl, ['pods', '--selector', selector, ...ns]));
            if (!stuck.length)
                return;
            await kubectl.run(['delete', 'pod', ...stuck, ...ns, '--wait=false'], { inGroup: true });
            (0,runtime/* info */.pq)(`${refOf(w)}: deleted ${stuck.join(', ')} of the failed revision, which a StatefulSet does not replace by itself`);
            return;
        }
        await (0,promises_.setTimeout)(200);
    }
}
async function rollBack(kubectl, w, selector, timeoutMs, ctx) {
    const ref = refOf(w);
    try {
        // Silent, its lines echoed as they come: stdout and stderr (kubectl's warnings) stay in order.
        await kubectl.run(['rollout', 'undo', ref, '--namespace', w.namespace], {
            silent: true,
            inGroup: true,
            onStdoutLine: (line) => (0,runtime/* info */.pq)(line),
            onStderrLine: (line) => (0,runtime/* info */.pq)(line),
        });
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
    if (w.kind === 'StatefulSet' && selector)
        await replaceStuckPods(kubectl, w, selector);
    const waited = await waitFor(kubectl, w, selector, Date.now() + timeoutMs, ctx);
    if (!waited.ok)
        (0,runtime/* warning */.$e)(`${ref}: the rolled-back revision did not become ready either: ${waited.message}`);
    return waited.ok ? 'rolled-back' : 'rollback-failed';
}
/** runningImages reads the images a workload's pod template holds now (after a rollback, the old ones). */
async function runningImages(kubectl, w) {
    const [object] = await quietJson(kubectl, [refOf(w), '--namespace', w.namespace]);
    const spec = object?.['spec']?.template
        ?.spec;
    if (!spec)
        return undefined;
    return ['initContainers', 'containers'].flatMap((list) => (spec[list] ?? []).map((c) => `${c.name}: ${c.image}`));
}
/** deploy plans (render, permissions, dry run), applies and waits; see DeployResult for what it reports. */
async function deploy(o) {
    const kubectl = new Kubectl({ bin: o.kubectl, kubeconfig: o.kubeconfig, context: o.context });
    (0,external_node_fs_.mkdirSync)(o.renderDir, { recursive: true });
    const rendered = await (0,runtime/* group */.Os)('Render manifests', () => render(o, kubectl));
    let cached;
    const ctx = async () => {
        cached ??= await errorContext(kubectl, rendered);
        return cached;
    };
    await (0,runtime/* group */.Os)('Check permissions and validate with a server-side dry run', async () => {
        await checkPermissions(o, kubectl, rendered, ctx);
        await dryRun(o, kubectl, rendered, await ctx());
    });
    const { applied, selectors } = await (0,runtime/* group */.Os)(`Apply ${rendered.files.length} manifest file${rendered.files.length === 1 ? '' : 's'}`, () => apply(o, kubectl, rendered));
    const workloads = applied.filter((a) => ROLLOUT_KINDS.includes(a.kind));
    const selectorOfWorkload = (w) => selectors.get(`${w.namespace}/${refOf(w)}`) ?? '';
    const timeout = formatDuration(o.timeoutMs);
    const deadline = Date.now() + o.timeoutMs;
    const waits = workloads.length
        ? await (0,runtime/* group */.Os)(`Wait for ${workloads.length} rollout${workloads.length === 1 ? '' : 's'} (timeout ${timeout})`, () => Promise.all(workloads.map((w) => waitFor(kubectl, w, selectorOfWorkload(w), deadline, ctx))))
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
        const planned = rendered.images.get(refOf(w));
        if (planned)
            outcome.running = planned;
        rollouts.push(outcome);
        if (waited.ok)
            continue;
        outcome.status = 'failed';
        const found = await (0,runtime/* group */.Os)(`Why ${refOf(w)} is not ready`, () => diagnose(kubectl, w, selectorOfWorkload(w)));
        outcome.reason = waited.hopeless
            ? `${headline([waited.hopeless])}, which does not heal by itself (stopped after ${waited.seconds}s, not at the ${timeout} timeout)`
            : `it did not become ready within ${timeout}: ${found.reason ?? waited.message}`;
        if (!waited.hopeless && /progress deadline/.test(waited.message))
            outcome.reason = `${waited.message}: ${found.reason ?? 'no pod reason found'}`;
        outcome.events = found.events;
        outcome.logs = found.logs;
        const object = rendered.objects.find((x) => x.kind === w.kind && x.name === w.name);
        (0,runtime/* error */.z3)(`${refOf(w)} in namespace ${w.namespace}: ${outcome.reason}`, {
            title: 'Rollout failed',
            ...(object && !object.file.endsWith('(kustomize)')
                ? { file: object.file, line: object.line }
                : {}),
        });
        if (o.rollbackOnFailure) {
            outcome.status = await (0,runtime/* group */.Os)(`Roll back ${refOf(w)}`, () => rollBack(kubectl, w, selectorOfWorkload(w), o.timeoutMs, ctx));
            rolledBack ||= outcome.status === 'rolled-back';
        }
        const running = await runningImages(kubectl, w);
        if (running)
            outcome.running = running;
    }
    const failed = rollouts.filter((r) => r.status !== 'ready');
    let failure;
    let writtenBack = [];
    if (failed.length) {
        const list = failed.map((r) => `${refOf(r)} (${r.reason})`).join('; ');
        const after = rolledBack
            ? 'The previous revision was restored'
            : o.rollbackOnFailure
                ? 'Nothing could be rolled back'
                : 'Nothing was rolled back (rollback-on-failure is off)';
        const kept = rendered.writeBack.length ? '; the checkout keeps its images (no write-back)' : '';
        failure = new errors/* ActionError */.lZ(`${failed.length} of ${rollouts.length} rollout${rollouts.length === 1 ? '' : 's'} failed: ${list}`, {
            hint: `${after}${kept}; the pod reasons, events and logs are in the log group above and in the job summary`,
        });
    }
    else if (rendered.writeBack.length) {
        writtenBack = writeBackAll(rendered.writeBack);
    }
    return {
        renderedPath: o.renderDir,
        applied,
        images: rendered.changes,
        rollouts,
        rolledBack,
        writtenBack,
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

;// CONCATENATED MODULE: ../../packages/core/src/k8s/runner-pod.ts
// The objects of an ephemeral self-hosted runner on Kubernetes: a Secret that holds only the
// just-in-time configuration, and a Pod (from a user's template or from settings) whose runner
// container reads it through a secretKeyRef, never on its command line. Plus the labels that let
// a later step find them, and the rules that pick leftovers. Pure: no I/O, no @actions/*.

/** The action that manages the runner objects (label app.kubernetes.io/managed-by). */
const RUNNER_MANAGER = 'mlops-actions-runner-pod';
/** Label keys on every runner object. */
const RUNNER_LABELS = {
    managedBy: 'app.kubernetes.io/managed-by',
    repository: 'mlops-actions/repository',
    runId: 'mlops-actions/run-id',
    attempt: 'mlops-actions/run-attempt',
    runner: 'mlops-actions/runner',
};
/** Annotation keys on the pod. */
const RUNNER_ANNOTATIONS = {
    repository: 'mlops-actions/repository',
    runUrl: 'mlops-actions/run-url',
    runnerId: 'mlops-actions/runner-id',
    maxLifetime: 'mlops-actions/max-lifetime-seconds',
};
/** The Secret key of the just-in-time configuration, and the variable the runner image reads. */
const JIT_CONFIG_KEY = 'jitconfig';
const JIT_CONFIG_ENV = 'ACTIONS_RUNNER_INPUT_JITCONFIG';
/** Default lifetime of a runner pod (activeDeadlineSeconds): six hours, GitHub's job limit. */
const DEFAULT_MAX_LIFETIME_SECONDS = 6 * 3600;
function runner_pod_obj(value) {
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
function clone(value) {
    return JSON.parse(JSON.stringify(value));
}
/**
 * labelValue turns text into a valid label value (at most 63 of [A-Za-z0-9._-], alphanumeric at
 * both ends): `octo-org/demo` -> `octo-org.demo`; a long one keeps a hash of the whole.
 */
function labelValue(text) {
    let value = text.replace(/\//g, '.').replace(/[^A-Za-z0-9._-]/g, '-');
    if (value.length > 63) {
        let hash = 2166136261;
        for (const char of text)
            hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
        value = `${value.slice(0, 54)}-${hash.toString(16).padStart(8, '0')}`;
    }
    return value.replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9]+$/, '');
}
/** runnerLabels are the labels of every object of one runner. */
function runnerLabels(owner, name) {
    return {
        [RUNNER_LABELS.managedBy]: RUNNER_MANAGER,
        [RUNNER_LABELS.repository]: labelValue(owner.repository),
        [RUNNER_LABELS.runId]: labelValue(owner.runId),
        [RUNNER_LABELS.attempt]: labelValue(owner.attempt),
        [RUNNER_LABELS.runner]: name,
    };
}
/** repositorySelector selects every runner object of a repository. */
function repositorySelector(repository) {
    return `${RUNNER_LABELS.managedBy}=${RUNNER_MANAGER},${RUNNER_LABELS.repository}=${labelValue(repository)}`;
}
/** runSelector selects the runner objects of one run attempt. */
function runSelector(owner) {
    return `${repositorySelector(owner.repository)},${RUNNER_LABELS.runId}=${labelValue(owner.runId)},${RUNNER_LABELS.attempt}=${labelValue(owner.attempt)}`;
}
/** jitSecretName names the Secret of a runner's configuration. */
function jitSecretName(runnerName) {
    return `${runnerName}-jitconfig`;
}
/** readPodTemplate checks that a parsed YAML document is a Pod with a container to run the runner. */
function readPodTemplate(document, file) {
    const pod = runner_pod_obj(document);
    if (pod['kind'] !== 'Pod' || !String(pod['apiVersion'] ?? '').startsWith('v1')) {
        throw new errors/* ActionError */.lZ(`${file} is not a Pod manifest (apiVersion: v1, kind: Pod)`, {
            hint: 'Write one Pod, as docker/kubernetes/runner-pod.yaml does; its container "runner" (or its first) runs the runner',
            location: { file },
        });
    }
    const containers = runner_pod_obj(pod['spec'])['containers'];
    if (!Array.isArray(containers) || containers.length === 0) {
        throw new errors/* ActionError */.lZ(`${file}: the Pod has no containers`, {
            hint: 'Give it a container named "runner" with the runner image',
            location: { file },
        });
    }
    return pod;
}
const DEFAULT_POD_SPEC = {
    // The runner needs no access to the Kubernetes API unless a service account is asked for.
    automountServiceAccountToken: false,
    // Room for the runner to deregister after SIGTERM (the runner image waits for a running job).
    terminationGracePeriodSeconds: 60,
    securityContext: {
        runAsNonRoot: true,
        runAsUser: 1001,
        runAsGroup: 1001,
        fsGroup: 1001,
        seccompProfile: { type: 'RuntimeDefault' },
    },
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    containers: [
        {
            name: 'runner',
            imagePullPolicy: 'IfNotPresent',
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
    ],
};
/** renderRunnerSecret is the Secret that holds only the runner's just-in-time configuration. */
function renderRunnerSecret(settings, encodedJitConfig) {
    return {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
            name: jitSecretName(settings.name),
            namespace: settings.namespace,
            labels: runnerLabels(settings.owner, settings.name),
        },
        type: 'Opaque',
        data: { [JIT_CONFIG_KEY]: Buffer.from(encodedJitConfig).toString('base64') },
    };
}
/**
 * renderRunnerPod builds the runner Pod: the template (or the default pod, as in
 * docker/kubernetes/runner-pod.yaml) with the settings applied over it, the labels, one runner
 * container that reads the configuration from the Secret, restartPolicy Never and the deadline.
 */
function renderRunnerPod(settings) {
    const pod = clone(settings.template ?? { apiVersion: 'v1', kind: 'Pod', spec: DEFAULT_POD_SPEC });
    const metadata = runner_pod_obj(pod['metadata']);
    const spec = runner_pod_obj(pod['spec']);
    pod['metadata'] = {
        ...metadata,
        name: settings.name,
        namespace: settings.namespace,
        labels: { ...runner_pod_obj(metadata['labels']), ...runnerLabels(settings.owner, settings.name) },
        annotations: {
            ...runner_pod_obj(metadata['annotations']),
            [RUNNER_ANNOTATIONS.repository]: settings.owner.repository,
            [RUNNER_ANNOTATIONS.runnerId]: String(settings.runnerId),
            ...(settings.owner.runUrl ? { [RUNNER_ANNOTATIONS.runUrl]: settings.owner.runUrl } : {}),
        },
    };
    for (const key of ['generateName', 'uid', 'resourceVersion', 'creationTimestamp']) {
        delete pod['metadata'][key];
    }
    delete pod['status'];
    // One job, one runner: a finished runner is not restarted.
    spec['restartPolicy'] = 'Never';
    const lifetime = settings.maxLifetimeSeconds ??
        (typeof spec['activeDeadlineSeconds'] === 'number'
            ? spec['activeDeadlineSeconds']
            : DEFAULT_MAX_LIFETIME_SECONDS);
    spec['activeDeadlineSeconds'] = lifetime;
    pod['metadata'].annotations[RUNNER_ANNOTATIONS.maxLifetime] =
        String(lifetime);
    if (Object.keys(settings.nodeSelector).length) {
        spec['nodeSelector'] = { ...runner_pod_obj(spec['nodeSelector']), ...settings.nodeSelector };
    }
    if (settings.tolerations.length) {
        spec['tolerations'] = [
            ...(Array.isArray(spec['tolerations']) ? spec['tolerations'] : []),
            ...settings.tolerations,
        ];
    }
    if (settings.serviceAccount) {
        spec['serviceAccountName'] = settings.serviceAccount;
        spec['automountServiceAccountToken'] = true;
    }
    const containers = spec['containers'];
    const container = containers.find((c) => c['name'] === 'runner') ?? containers[0];
    if (settings.image)
        container['image'] = settings.image;
    if (typeof container['image'] !== 'string' || !container['image']) {
        throw new errors/* ActionError */.lZ('the runner container has no image', {
            hint: 'Set the input image to the runner image built from docker/, or name one in the pod template',
        });
    }
    const env = (Array.isArray(container['env']) ? container['env'] : []).filter((e) => e['name'] !== JIT_CONFIG_ENV);
    env.push({
        name: JIT_CONFIG_ENV,
        valueFrom: { secretKeyRef: { name: jitSecretName(settings.name), key: JIT_CONFIG_KEY } },
    });
    container['env'] = env;
    const resources = runner_pod_obj(container['resources']);
    const requests = runner_pod_obj(resources['requests']);
    const limits = runner_pod_obj(resources['limits']);
    if (settings.cpu)
        requests['cpu'] = limits['cpu'] = settings.cpu;
    if (settings.memory)
        requests['memory'] = limits['memory'] = settings.memory;
    // Extended resources such as GPUs are requested through limits (requests then equal them).
    if (settings.gpu)
        limits[settings.gpuResource] = String(settings.gpu);
    if (Object.keys(requests).length || Object.keys(limits).length) {
        container['resources'] = {
            ...resources,
            ...(Object.keys(requests).length ? { requests } : {}),
            ...(Object.keys(limits).length ? { limits } : {}),
        };
    }
    if (settings.shmSize) {
        // Data loaders share batches through /dev/shm, which a container gets only 64Mi of.
        const volumes = (Array.isArray(spec['volumes']) ? spec['volumes'] : []).filter((v) => v['name'] !== 'dshm');
        volumes.push({ name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: settings.shmSize } });
        spec['volumes'] = volumes;
        const mounts = (Array.isArray(container['volumeMounts']) ? container['volumeMounts'] : []).filter((m) => m['mountPath'] !== '/dev/shm');
        mounts.push({ name: 'dshm', mountPath: '/dev/shm' });
        container['volumeMounts'] = mounts;
    }
    pod['spec'] = spec;
    return pod;
}
/** runnerPodInfo reads what `stop` needs from a pod's JSON. */
function runnerPodInfo(pod) {
    const metadata = runner_pod_obj(pod['metadata']);
    const labels = runner_pod_obj(metadata['labels']);
    const annotations = runner_pod_obj(metadata['annotations']);
    const spec = runner_pod_obj(pod['spec']);
    const id = Number(annotations[RUNNER_ANNOTATIONS.runnerId]);
    const lifetime = Number(annotations[RUNNER_ANNOTATIONS.maxLifetime]) ||
        Number(spec['activeDeadlineSeconds']) ||
        DEFAULT_MAX_LIFETIME_SECONDS;
    return {
        name: String(metadata['name'] ?? ''),
        namespace: String(metadata['namespace'] ?? ''),
        runId: String(labels[RUNNER_LABELS.runId] ?? ''),
        attempt: String(labels[RUNNER_LABELS.attempt] ?? ''),
        phase: String(runner_pod_obj(pod['status'])['phase'] ?? 'Pending'),
        createdAt: String(metadata['creationTimestamp'] ?? ''),
        runnerId: Number.isInteger(id) && id > 0 ? id : undefined,
        maxLifetimeSeconds: lifetime,
    };
}
/**
 * leftoverReason says why a runner pod of another run should go (its runner has finished or
 * failed, or it has outlived its max lifetime), or undefined when it may still be in use.
 */
function leftoverReason(pod, nowMs) {
    if (pod.phase === 'Succeeded')
        return 'its runner has finished';
    if (pod.phase === 'Failed')
        return 'it has failed';
    const created = Date.parse(pod.createdAt);
    if (Number.isFinite(created) && nowMs - created > pod.maxLifetimeSeconds * 1000) {
        return `it is older than its max lifetime of ${formatSeconds(pod.maxLifetimeSeconds)}`;
    }
    return undefined;
}
/** formatSeconds prints a duration as people write it: 6h, 1h30m, 90s. */
function formatSeconds(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}

;// CONCATENATED MODULE: ../../packages/core/src/k8s/runner-lifecycle.ts
// The life of a runner pod through kubectl: create its Secret and Pod (manifests on stdin, so the
// configuration is on no command line), wait until it runs and its runner is online, explain a
// pod that cannot start, and delete by labels without failing on what is already gone.





function kubectlFailure(error, what) {
    if (error instanceof exec/* ExecError */.cI) {
        const classified = classifyKubectlError(error.stderr);
        if (classified) {
            return new errors/* ActionError */.lZ(`${what}: ${classified.message}`, {
                ...(classified.hint ? { hint: classified.hint } : {}),
                cause: error,
            });
        }
    }
    return error;
}
/**
 * createRunnerObjects creates the Secret, then the Pod, and makes the Pod the Secret's owner, so
 * that Kubernetes removes the configuration with the pod whoever deletes it.
 */
async function createRunnerObjects(kubectl, secret, pod) {
    const namespace = String(pod['metadata']['namespace']);
    const name = String(pod['metadata']['name']);
    const secretName = String(secret['metadata']['name']);
    try {
        await kubectl.run(['create', '-f', '-', '-o', 'name'], {
            input: JSON.stringify(secret),
            silent: true,
        });
        const created = await kubectl.run(['create', '-f', '-', '-o', 'jsonpath={.metadata.uid}'], {
            input: JSON.stringify(pod),
            silent: true,
        });
        const uid = created.stdout.trim();
        const owner = {
            metadata: {
                ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name, uid, blockOwnerDeletion: false }],
            },
        };
        await kubectl.run(['patch', 'secret', secretName, '-n', namespace, '--type=merge', '-p', JSON.stringify(owner)], { silent: true });
        return { uid };
    }
    catch (error) {
        throw kubectlFailure(error, `creating runner pod ${name} in namespace ${namespace}`);
    }
}
/** getPod reads a pod as JSON, or undefined when it does not exist. */
async function getPod(kubectl, namespace, name) {
    const result = await kubectl.run(['get', 'pod', name, '-n', namespace, '-o', 'json', '--ignore-not-found'], { silent: true });
    return result.stdout.trim() ? JSON.parse(result.stdout) : undefined;
}
/**
 * waitForRunner polls the pod until it is Running and then `isOnline` until the runner shows
 * online, printing each change. A pod that cannot be scheduled, an image that cannot be pulled,
 * a pod that stopped, or the timeout fail with what Kubernetes said.
 */
async function waitForRunner(kubectl, input) {
    const started = Date.now();
    const deadline = started + input.timeoutMs;
    const interval = input.intervalMs ?? 500;
    const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
    let last = '';
    let runningMs;
    let node = '';
    const say = (line) => {
        if (line !== last)
            input.progress(`[${seconds()}] ${line}`);
        last = line;
    };
    for (;;) {
        const pod = await getPod(kubectl, input.namespace, input.name).catch((error) => {
            throw kubectlFailure(error, `reading runner pod ${input.name}`);
        });
        if (!pod) {
            throw new errors/* ActionError */.lZ(`runner pod ${input.name} was deleted while the runner was starting`, {
                hint: 'Something else removed it (a cleanup job, an operator): run the job again',
            });
        }
        const status = (pod['status'] ?? {});
        const phase = String(status['phase'] ?? 'Pending');
        node = String((pod['spec'] ?? {})['nodeName'] ?? '');
        if (phase === 'Failed' || phase === 'Succeeded') {
            const why = [status['reason'], status['message']].filter(Boolean).join(': ');
            const problem = headline(podProblems([pod]));
            throw new errors/* ActionError */.lZ(`runner pod ${input.name} stopped (${phase}${why ? `, ${why}` : problem ? `, ${problem}` : ''}) before its runner came online`, { hint: `See \`kubectl logs ${input.name} -n ${input.namespace}\` and its events` });
        }
        const blocker = hopeless(podProblems([pod]));
        if (blocker) {
            const what = blocker.reason === 'Unschedulable'
                ? `runner pod ${input.name} cannot be scheduled: ${blocker.message}`
                : `runner pod ${input.name} cannot start: ${headline([blocker])}`;
            throw new errors/* ActionError */.lZ(what, {
                hint: blocker.reason === 'Unschedulable'
                    ? 'Ask for resources a node has free (cpu, memory, gpu), or check node-selector and tolerations against the nodes'
                    : 'Check the image name and tag, and that the cluster can pull it (imagePullSecrets for a private registry)',
            });
        }
        if (phase === 'Running') {
            if (runningMs === undefined) {
                runningMs = Date.now() - started;
                say(`pod Running on node ${node}; waiting for the runner to show online in GitHub`);
            }
            if (await input.isOnline()) {
                const onlineMs = Date.now() - started;
                say(`runner online after ${seconds()}`);
                return { node, runningMs, onlineMs };
            }
        }
        else {
            say(node
                ? `pod ${phase} on node ${node}: ${headline(podProblems([pod])) ?? 'starting'}`
                : `pod ${phase}: waiting for the scheduler`);
        }
        if (Date.now() > deadline) {
            throw new errors/* ActionError */.lZ(runningMs === undefined
                ? `runner pod ${input.name} was not Running within ${formatSeconds(Math.round(input.timeoutMs / 1000))} (${last.replace(/^\[[^\]]*\] /, '')})`
                : `the runner of pod ${input.name} did not come online in GitHub within ${formatSeconds(Math.round(input.timeoutMs / 1000))}`, {
                hint: runningMs === undefined
                    ? 'Raise timeout, or see the pod events: `kubectl describe pod`'
                    : `The runner could not connect: see \`kubectl logs ${input.name} -n ${input.namespace}\` (image without the runner? GitHub unreachable from the cluster?)`,
            });
        }
        await new Promise((resolve) => setTimeout(resolve, interval));
    }
}
/** listRunnerPods returns the runner pods a label selector picks in one namespace. */
async function listRunnerPods(kubectl, namespace, selector) {
    try {
        const result = await kubectl.run(['get', 'pods', '-n', namespace, '-l', selector, '-o', 'json'], {
            silent: true,
        });
        const items = JSON.parse(result.stdout).items ?? [];
        return items.map(runnerPodInfo);
    }
    catch (error) {
        throw kubectlFailure(error, `listing runner pods in namespace ${namespace}`);
    }
}
/**
 * deleteRunnerObjects deletes pods and secrets by label selector, or by name, without waiting
 * and without failing on what is gone; returns what kubectl deleted (`pod/x`, `secret/y`).
 */
async function deleteRunnerObjects(kubectl, namespace, which) {
    // Secrets first: a secret is owned by its pod, and the garbage collector may remove it as soon
    // as the pod is gone, before kubectl gets to it (it would then not be reported).
    const targets = 'selector' in which
        ? [['secrets,pods', '-l', which.selector]]
        : [
            ...(which.secrets.length ? [['secret', ...which.secrets]] : []),
            ...(which.pods.length ? [['pod', ...which.pods]] : []),
        ];
    const deleted = [];
    try {
        for (const target of targets) {
            const result = await kubectl.run(['delete', ...target, '-n', namespace, '--ignore-not-found', '--wait=false', '-o', 'name'], { silent: true });
            deleted.push(...result.stdout
                .split('\n')
                .map((l) => l.trim())
                // Only `kind/name` lines: kubectl also says "No resources found" on stdout.
                .filter((l) => /^[a-z.]+\/\S+$/.test(l)));
        }
    }
    catch (error) {
        throw kubectlFailure(error, `deleting runner objects in namespace ${namespace}`);
    }
    return deleted;
}

;// CONCATENATED MODULE: ../../packages/core/src/k8s/index.ts
// Kubernetes: image references, manifest edits, kubeconfig reading, kubectl failures, rollout
// diagnosis (pure), and the deploy that drives kubectl (adapter).













/***/ })

};

//# sourceMappingURL=130.index.js.map