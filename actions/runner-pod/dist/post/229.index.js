export const id = 229;
export const ids = [229];
export const modules = {

/***/ 9229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  start: () => (/* binding */ start),
  stop: () => (/* binding */ stop)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 7 modules
var src = __webpack_require__(7604);
// EXTERNAL MODULE: ../../packages/core/src/k8s/index.ts + 12 modules
var k8s = __webpack_require__(3464);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __webpack_require__(5327);
;// CONCATENATED MODULE: ../../packages/core/src/runners/app-jwt.ts
// The JSON web token a GitHub App signs to ask for an installation token (RS256, ten minutes at
// most, issued 60 s back against clock drift), as GitHub's App authentication guide describes.


/** appJwt signs a GitHub App JWT with the App's private key (PEM, PKCS#1 or PKCS#8). */
function appJwt(appId, privateKeyPem, nowSeconds = Date.now() / 1000) {
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)(privateKeyPem.replace(/\\n/g, '\n'));
    }
    catch {
        throw new errors/* ActionError */.lZ('the GitHub App private key could not be read', {
            hint: "Store the App's whole .pem file (BEGIN ... PRIVATE KEY through END) in the secret",
        });
    }
    const now = Math.floor(nowSeconds);
    const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const iss = /^\d+$/.test(appId) ? Number(appId) : appId;
    const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ iat: now - 60, exp: now + 540, iss })}`;
    return `${unsigned}.${(0,external_node_crypto_.sign)('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
}

// EXTERNAL MODULE: ../../node_modules/@actions/github/lib/github.js
var github = __webpack_require__(8803);
// EXTERNAL MODULE: ../../node_modules/@actions/github/lib/utils.js + 19 modules
var utils = __webpack_require__(3943);
// EXTERNAL MODULE: ../../node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(4491);
// EXTERNAL MODULE: ../../node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(2812);
// EXTERNAL MODULE: ../../packages/core/src/runtime.ts
var runtime = __webpack_require__(9103);
;// CONCATENATED MODULE: ../../packages/core/src/github.ts
// Loaded lazily (`await import('@mlops-actions/core/github')`): Octokit is the heaviest module we
// bundle, and only the steps that talk to GitHub should pay for it.





/** The longest one request to GitHub may take, unless a caller says otherwise. */
const REQUEST_TIMEOUT_MS = 60_000;
/**
 * getOctokit builds a client that honours GITHUB_API_URL, retries server errors, and waits out
 * primary and secondary rate limits a few times before giving up.
 */
function getOctokit(token, options = {}) {
    (0,runtime/* setSecret */.Pq)(token);
    const baseUrl = (options.apiUrl ||
        process.env['GITHUB_API_URL'] ||
        'https://api.github.com').replace(/\/+$/, '');
    return (0,github/* getOctokit */.Q)(token, {
        baseUrl,
        userAgent: options.userAgent ?? 'mlops-actions',
        // @actions/github's own request options (its proxy-aware fetch and agent), each request
        // given a time limit.
        request: {
            ...utils/* defaults */.NT.request,
            fetch: timeLimited(utils/* defaults */.NT.request?.fetch ?? globalThis.fetch, options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
        },
        // Set on the plugin, not as request.retries: the plugin retries every failed request that
        // carries request.retries, refusals (401, 403, 404, 422) included.
        retry: { retries: options.retries ?? 3 },
        throttle: {
            onRateLimit: waitOutLimit('rate limit'),
            onSecondaryRateLimit: waitOutLimit('secondary rate limit'),
        },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
}
/**
 * timeLimited gives each call of `fetch` at most `ms` milliseconds (reading the answer's body
 * included): a request GitHub does not answer in time fails naming the request and the limit,
 * which Octokit reports as a 500, so the retry plugin tries it again.
 */
function timeLimited(fetch, ms) {
    return async (url, init) => {
        const limit = AbortSignal.timeout(ms);
        const signal = init?.signal ? AbortSignal.any([init.signal, limit]) : limit;
        try {
            return await fetch(url, { ...init, signal });
        }
        catch (e) {
            if (!limit.aborted || init?.signal?.aborted)
                throw e;
            const path = new URL(url).pathname;
            throw new Error(`GitHub did not answer ${init?.method ?? 'GET'} ${path} within ${ms / 1000} s`);
        }
    };
}
/** waitOutLimit warns about a GitHub rate limit and lets the throttling plugin retry twice. */
function waitOutLimit(kind) {
    return (retryAfter, request, _octokit, count) => {
        (0,runtime/* warning */.$e)(`GitHub ${kind} hit on ${request.method} ${request.url}; retrying after ${retryAfter}s`);
        return count < 2;
    };
}
/** httpStatus returns the HTTP status of an Octokit RequestError, or undefined for other errors. */
function httpStatus(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}

;// CONCATENATED MODULE: ../../packages/core/src/runners/scope.ts
// Where a self-hosted runner registers (a repository or an organisation) and the names this
// project gives its ephemeral runners. Pure: no I/O, no @actions/*.
/** scopePath is the REST path prefix of a scope's runners (`repos/o/r` or `orgs/o`). */
function scopePath(scope) {
    return scope.kind === 'repository'
        ? `repos/${encodeURIComponent(scope.owner)}/${encodeURIComponent(scope.repo)}`
        : `orgs/${encodeURIComponent(scope.org)}`;
}
/** scopeName names a scope in messages (`octo-org/demo`, or `organization octo-org`). */
function scopeName(scope) {
    return scope.kind === 'repository' ? `${scope.owner}/${scope.repo}` : `organization ${scope.org}`;
}
/**
 * runLabel is the label (and runner and pod name) unique to one attempt of one workflow run, for
 * example `mlops-1234567-1`: two runs, or two attempts, never take each other's runner.
 */
function runLabel(runId, attempt, prefix = 'mlops') {
    return `${prefix}-${runId}-${attempt}`;
}

;// CONCATENATED MODULE: ../../packages/core/src/runners/registration.ts
// One runner-registration module: a just-in-time runner configuration for a repository or an
// organisation, authenticated by a token or a GitHub App (JWT, then an installation token limited
// to the runner permission), runner lookup by name or label, and removal. Loaded lazily: it
// brings the GitHub client.





const PERMISSION_HINT = {
    repository: "A repository runner needs a fine-grained token or GitHub App with Administration: read and write on the repository (a classic token: the repo scope); the workflow's GITHUB_TOKEN can never register runners",
    organization: 'An organisation runner needs Self-hosted runners: read and write on the organisation (a classic token: admin:org)',
};
/** githubFailure turns a refused GitHub call into one error that says what to do. */
function githubFailure(error, what, scope) {
    const status = httpStatus(error);
    const message = error?.message ?? String(error);
    const name = scopeName(scope);
    if (status === 401) {
        return new errors/* ActionError */.lZ(`GitHub refused the credential (HTTP 401) while ${what}`, {
            hint: 'The token or App private key is wrong, expired or revoked: update the secret',
            cause: error,
        });
    }
    if (status === 403) {
        return new errors/* ActionError */.lZ(`GitHub denied ${what} for ${name} (HTTP 403: ${message})`, {
            hint: PERMISSION_HINT[scope.kind],
            cause: error,
        });
    }
    if (status === 404) {
        return new errors/* ActionError */.lZ(`GitHub answered 404 while ${what} for ${name}`, {
            hint: `Check the ${scope.kind === 'repository' ? 'repository' : 'organisation'} name; a token must be able to see it, and a GitHub App must be installed there`,
            cause: error,
        });
    }
    return new errors/* ActionError */.lZ(`GitHub failed while ${what} for ${name}: ${message}`, { cause: error });
}
function asRunner(raw) {
    return {
        id: raw.id,
        name: raw.name,
        status: raw.status,
        busy: raw.busy,
        labels: raw.labels.map((l) => l.name),
    };
}
/**
 * bearer makes a client send `Authorization: Bearer <token>`, the scheme GitHub documents for
 * every kind of token, where Octokit writes `token …` (and `bearer …` for a JWT): one spelling
 * for proxies and audit logs, the one the runner image always sent.
 */
function bearer(client) {
    const send = client.request.endpoint.DEFAULTS.request?.fetch ?? globalThis.fetch;
    client.request = client.request.defaults({
        request: {
            fetch: (url, init) => {
                const headers = new Headers(init.headers);
                const value = headers.get('authorization');
                if (value)
                    headers.set('authorization', value.replace(/^(token|bearer) /i, 'Bearer '));
                return send(url, { ...init, headers });
            },
        },
    });
    return client;
}
/** RunnerRegistry registers, finds and removes the self-hosted runners of one scope. */
class RunnerRegistry {
    scope;
    client;
    constructor(client, scope) {
        this.client = client;
        this.scope = scope;
    }
    /**
     * connect authenticates: a token is used as it is; an App signs a JWT, finds its installation
     * (unless given) and gets an installation token limited to the runner permission and, for a
     * repository, to that repository. Every credential is masked.
     */
    static async connect(credential, scope, options = {}) {
        const clientOptions = {
            ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
            ...(options.retries === undefined ? {} : { retries: options.retries }),
        };
        if (credential.kind === 'token') {
            (0,runtime/* setSecret */.Pq)(credential.token);
            return new RunnerRegistry(bearer(getOctokit(credential.token, clientOptions)), scope);
        }
        (0,runtime/* setSecret */.Pq)(credential.privateKey);
        const jwt = appJwt(credential.appId, credential.privateKey);
        const app = bearer(getOctokit(jwt, clientOptions));
        let installationId = credential.installationId;
        if (!installationId) {
            try {
                const { data } = scope.kind === 'repository'
                    ? await app.request('GET /repos/{owner}/{repo}/installation', {
                        owner: scope.owner,
                        repo: scope.repo,
                    })
                    : await app.request('GET /orgs/{org}/installation', { org: scope.org });
                installationId = String(data.id);
            }
            catch (error) {
                throw githubFailure(error, 'looking up the GitHub App installation', scope);
            }
        }
        try {
            const { data } = await app.request('POST /app/installations/{installation_id}/access_tokens', {
                installation_id: Number(installationId),
                ...(scope.kind === 'repository'
                    ? { repositories: [scope.repo], permissions: { administration: 'write' } }
                    : { permissions: { organization_self_hosted_runners: 'write' } }),
            });
            (0,runtime/* setSecret */.Pq)(data.token);
            return new RunnerRegistry(bearer(getOctokit(data.token, clientOptions)), scope);
        }
        catch (error) {
            throw githubFailure(error, 'getting an installation token for the GitHub App', scope);
        }
    }
    /** generateJitConfig registers an ephemeral runner and returns its just-in-time configuration. */
    async generateJitConfig(input) {
        let data;
        try {
            ({ data } = await this.client.request(`POST /${scopePath(this.scope)}/actions/runners/generate-jitconfig`, {
                name: input.name,
                labels: input.labels,
                runner_group_id: input.runnerGroupId ?? 1,
                work_folder: input.workFolder ?? '_work',
                // Not idempotent: a retry after a lost answer would meet its own runner (409), and the
                // retry plugin would also wait out a 409 three times.
                request: { retries: 0 },
            }));
        }
        catch (error) {
            if (httpStatus(error) === 409) {
                throw new errors/* ActionError */.lZ(`a runner named ${input.name} is already registered to ${scopeName(this.scope)}`, {
                    hint: 'This run attempt already started one: stop it first (mode: stop), or re-run the workflow, whose new attempt gets a new name',
                    cause: error,
                });
            }
            throw githubFailure(error, 'creating the just-in-time runner configuration', this.scope);
        }
        (0,runtime/* setSecret */.Pq)(data.encoded_jit_config);
        return { runner: asRunner(data.runner), encodedJitConfig: data.encoded_jit_config };
    }
    /**
     * runnerToken gets a short-lived token for the runner's own config.sh: `registration` to
     * register it, `remove` to deregister it (the non-JIT way, as the runner image does). Masked.
     */
    async runnerToken(kind) {
        let token;
        try {
            const { data } = await this.client.request(`POST /${scopePath(this.scope)}/actions/runners/${kind}-token`);
            token = data.token;
        }
        catch (error) {
            throw githubFailure(error, `getting a runner ${kind} token`, this.scope);
        }
        (0,runtime/* setSecret */.Pq)(token);
        return token;
    }
    /** list returns the scope's runners, or only those named `name`, or carrying label `label`. */
    async list(filter = {}) {
        const runners = [];
        try {
            for (let page = 1;; page++) {
                const { data } = await this.client.request(`GET /${scopePath(this.scope)}/actions/runners`, {
                    per_page: 100,
                    page,
                    ...(filter.name ? { name: filter.name } : {}),
                });
                const batch = data.runners;
                runners.push(...batch.map(asRunner));
                if (batch.length < 100)
                    break;
            }
        }
        catch (error) {
            throw githubFailure(error, 'listing the self-hosted runners', this.scope);
        }
        return runners.filter((r) => (!filter.name || r.name === filter.name) &&
            (!filter.label || r.labels.some((l) => l.toLowerCase() === filter.label?.toLowerCase())));
    }
    /** get returns one runner by id, or undefined when it is not registered (any more). */
    async get(id) {
        try {
            const { data } = await this.client.request(`GET /${scopePath(this.scope)}/actions/runners/{runner_id}`, { runner_id: id });
            return asRunner(data);
        }
        catch (error) {
            if (httpStatus(error) === 404)
                return undefined;
            throw githubFailure(error, `reading runner ${id}`, this.scope);
        }
    }
    /** remove deregisters a runner; `gone` when it was not registered any more. */
    async remove(id) {
        try {
            await this.client.request(`DELETE /${scopePath(this.scope)}/actions/runners/{runner_id}`, {
                runner_id: id,
            });
            return 'removed';
        }
        catch (error) {
            if (httpStatus(error) === 404)
                return 'gone';
            throw githubFailure(error, `removing runner ${id}`, this.scope);
        }
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/runners/index.ts
// Self-hosted runner registration: scopes and names (pure), the App JWT, and the registry that
// talks to GitHub (adapter, brings the GitHub client: import lazily).




// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
;// CONCATENATED MODULE: ./src/run.ts
// start and stop, loaded only once the inputs are valid: they bring kubectl's adapter, YAML and
// the GitHub client.






function scopeOf(inputs, context) {
    return inputs.scope === 'organization'
        ? { kind: 'organization', org: context.owner }
        : { kind: 'repository', owner: context.owner, repo: context.repo };
}
function ownerOf(context) {
    return {
        repository: `${context.owner}/${context.repo}`,
        runId: context.runId,
        attempt: context.runAttempt || '1',
        runUrl: context.runUrl,
    };
}
function readTemplate(path, workspace) {
    const file = (0,external_node_path_.relative)(workspace, path) || path;
    if (!(0,external_node_fs_.existsSync)(path)) {
        throw new src/* ActionError */.lZ(`input 'pod-template' names ${file}, which does not exist`, {
            hint: 'Give the path of a Pod manifest in the repository, relative to the workspace (check it out first)',
        });
    }
    let document;
    try {
        document = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new src/* ActionError */.lZ(`${file} is not valid YAML: ${(0,src/* errorMessage */.gJ)(error)}`, {
            location: { file },
        });
    }
    return (0,k8s.readPodTemplate)(document, file);
}
/** start registers a just-in-time runner, runs it in a pod, and waits until it is online. */
async function start(inputs, context, kubeconfig) {
    const workspace = process.env['GITHUB_WORKSPACE'] || process.cwd();
    const template = inputs.podTemplate ? readTemplate(inputs.podTemplate, workspace) : undefined;
    const kubectl = new k8s.Kubectl({ kubeconfig, context: inputs.context });
    const owner = ownerOf(context);
    const name = runLabel(owner.runId, owner.attempt);
    const scope = scopeOf(inputs, context);
    const began = Date.now();
    const registry = await RunnerRegistry.connect(inputs.credential, scope, {
        apiUrl: context.apiUrl,
    });
    const jit = await (0,src/* group */.Os)(`Register just-in-time runner ${name}`, async () => {
        const made = await registry.generateJitConfig({
            name,
            labels: [name, ...inputs.labels],
            runnerGroupId: inputs.runnerGroupId,
        });
        (0,src/* info */.pq)(`runner ${made.runner.id} registered with labels ${made.runner.labels.join(', ')}`);
        return made;
    });
    const settings = {
        name,
        namespace: inputs.namespace,
        owner,
        runnerId: jit.runner.id,
        image: inputs.image,
        cpu: inputs.cpu,
        memory: inputs.memory,
        gpu: inputs.gpu,
        gpuResource: inputs.gpuResource,
        shmSize: inputs.shmSize,
        nodeSelector: inputs.nodeSelector,
        tolerations: inputs.tolerations,
        serviceAccount: inputs.serviceAccount,
        maxLifetimeSeconds: inputs.maxLifetimeSeconds,
        template,
    };
    let created = false;
    // Nothing of a failed or cancelled start may stay behind: not the pod (billed), not the
    // registration.
    let cleaning;
    const cleanUp = () => {
        cleaning ??= (0,src/* group */.Os)('Clean up after the failed start', async () => {
            if (created) {
                const removed = await (0,k8s.deleteRunnerObjects)(kubectl, inputs.namespace, {
                    selector: (0,k8s.runSelector)(owner),
                }).catch((e) => {
                    (0,src/* warning */.$e)(`could not delete the runner pod: ${(0,src/* errorMessage */.gJ)(e)}`);
                    return [];
                });
                for (const what of removed)
                    (0,src/* info */.pq)(`removed ${what}`);
            }
            const gone = await registry.remove(jit.runner.id).catch((e) => {
                (0,src/* warning */.$e)(`could not remove runner ${jit.runner.id}: ${(0,src/* errorMessage */.gJ)(e)}`);
                return 'kept';
            });
            if (gone === 'removed')
                (0,src/* info */.pq)(`removed runner ${jit.runner.id} from GitHub`);
        });
        return cleaning;
    };
    // A cancelled job's step gets SIGINT, then SIGTERM 7.5 s later: clean up in between. (A step
    // killed outright leaves its runner to the stop job.)
    const onSignal = (signal) => {
        (0,src/* warning */.$e)(`${signal} received (the job was cancelled?): removing runner ${name}`);
        void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
        const pod = (0,k8s.renderRunnerPod)(settings);
        const secret = (0,k8s.renderRunnerSecret)(settings, jit.encodedJitConfig);
        const container = pod['spec'].containers[0];
        const ready = await (0,src/* group */.Os)(`Start runner pod ${inputs.namespace}/${name}`, async () => {
            // Set first: a failure between the Secret and the Pod must remove the Secret too.
            created = true;
            await (0,k8s.createRunnerObjects)(kubectl, secret, pod);
            (0,src/* info */.pq)(`pod ${inputs.namespace}/${name} created (image ${container?.image ?? '?'}${inputs.gpu ? `, ${inputs.gpu} ${inputs.gpuResource}` : ''}); the configuration is in secret ${secret['metadata'] ? secret['metadata'].name : ''}`);
            return await (0,k8s.waitForRunner)(kubectl, {
                namespace: inputs.namespace,
                name,
                timeoutMs: inputs.timeoutMs,
                isOnline: async () => (await registry.get(jit.runner.id))?.status === 'online',
                progress: src/* info */.pq,
            });
        });
        const total = Date.now() - began;
        (0,src/* info */.pq)(`runner ${name} online in ${(total / 1000).toFixed(1)}s (pod Running after ${(ready.runningMs / 1000).toFixed(1)}s) on node ${ready.node}`);
        (0,src/* setOutput */.uH)('label', name);
        (0,src/* setOutput */.uH)('runner-name', name);
        (0,src/* setOutput */.uH)('runner-id', String(jit.runner.id));
        (0,src/* setOutput */.uH)('pod', `${inputs.namespace}/${name}`);
        (0,src/* appendSummary */.fe)([
            `### Runner pod \`${name}\` online`,
            '',
            (0,src/* table */.tp)(['label', 'pod', 'node', 'image', 'resources', 'online after'], [
                [
                    `\`${name}\``,
                    `${inputs.namespace}/${name}`,
                    ready.node,
                    container?.image ?? '',
                    [
                        inputs.cpu && `cpu ${inputs.cpu}`,
                        inputs.memory && `memory ${inputs.memory}`,
                        inputs.gpu && `${inputs.gpu} ${inputs.gpuResource}`,
                        inputs.shmSize && `/dev/shm ${inputs.shmSize}`,
                    ]
                        .filter(Boolean)
                        .join(', ') || 'as the template says',
                    `${(total / 1000).toFixed(1)}s`,
                ],
            ]),
            '',
            `Jobs select it with \`runs-on: [self-hosted, ${name}]\`; the stop step deletes it.`,
        ].join('\n'));
    }
    catch (error) {
        await cleanUp();
        throw error;
    }
    finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    }
}
/**
 * stop deletes this run's runner objects and registration, then the leftovers of this
 * repository's other runs; nothing already gone is an error.
 */
async function stop(inputs, context, kubeconfig) {
    const kubectl = new k8s.Kubectl({ kubeconfig, context: inputs.context });
    const owner = ownerOf(context);
    const name = runLabel(owner.runId, owner.attempt);
    const removed = [];
    const lines = [];
    const pods = await (0,k8s.listRunnerPods)(kubectl, inputs.namespace, (0,k8s.repositorySelector)(owner.repository));
    // The registration is removed with the credential; a refused one must not keep the pods alive.
    let registry;
    try {
        registry = await RunnerRegistry.connect(inputs.credential, scopeOf(inputs, context), {
            apiUrl: context.apiUrl,
        });
    }
    catch (error) {
        (0,src/* warning */.$e)(`runner registrations are left to GitHub, which drops offline runners: ${(0,src/* errorMessage */.gJ)(error)}`);
    }
    await (0,src/* group */.Os)(`Remove runner ${name} of this run`, async () => {
        const deleted = await (0,k8s.deleteRunnerObjects)(kubectl, inputs.namespace, {
            selector: (0,k8s.runSelector)(owner),
        });
        for (const what of deleted) {
            removed.push(what);
            lines.push([what, 'this run']);
            (0,src/* info */.pq)(`removed ${what}`);
        }
        if (!deleted.length)
            (0,src/* info */.pq)(`no pod or secret of ${name} in namespace ${inputs.namespace}`);
        const registered = registry ? await registry.list({ name }).catch(warn) : [];
        for (const runner of registered ?? []) {
            if ((await registry?.remove(runner.id).catch(warn)) === 'removed') {
                removed.push(`runner/${runner.id}`);
                lines.push([`runner/${runner.id} (${runner.name})`, 'this run']);
                (0,src/* info */.pq)(`removed runner ${runner.id} (${runner.name}) from GitHub`);
            }
        }
        if (registry && !registered?.length)
            (0,src/* info */.pq)(`runner ${name} is no longer registered`);
    });
    await (0,src/* group */.Os)('Remove leftovers of other runs of this repository', async () => {
        const now = Date.now();
        let found = 0;
        for (const pod of pods) {
            if (pod.runId === owner.runId && pod.attempt === owner.attempt)
                continue;
            const reason = pod.runId === owner.runId
                ? 'an earlier attempt of this run'
                : (0,k8s.leftoverReason)({ ...pod, maxLifetimeSeconds: inputs.maxLifetimeSeconds ?? pod.maxLifetimeSeconds }, now);
            if (!reason)
                continue;
            found += 1;
            const deleted = await (0,k8s.deleteRunnerObjects)(kubectl, inputs.namespace, {
                pods: [pod.name],
                secrets: [`${pod.name}-jitconfig`],
            });
            for (const what of deleted) {
                removed.push(what);
                lines.push([what, `leftover: ${reason}`]);
                (0,src/* info */.pq)(`removed ${what} (${reason})`);
            }
            if (pod.runnerId !== undefined && registry) {
                if ((await registry.remove(pod.runnerId).catch(warn)) === 'removed') {
                    removed.push(`runner/${pod.runnerId}`);
                    lines.push([`runner/${pod.runnerId} (${pod.name})`, `leftover: ${reason}`]);
                    (0,src/* info */.pq)(`removed runner ${pod.runnerId} (${pod.name}) from GitHub`);
                }
            }
        }
        if (!found)
            (0,src/* info */.pq)('no leftovers');
    });
    (0,src/* setOutput */.uH)('label', name);
    (0,src/* setOutput */.uH)('removed', removed);
    (0,src/* appendSummary */.fe)([
        `### Runner pods: ${removed.length ? `${removed.length} removed` : 'nothing to remove'}`,
        ...(lines.length ? ['', (0,src/* table */.tp)(['removed', 'why'], lines)] : []),
        '',
        `Leftovers are runner pods of this repository whose runner finished or failed, or older than their max lifetime (default ${(0,k8s.formatSeconds)(6 * 3600)}).`,
    ].join('\n'));
}
function warn(error) {
    (0,src/* warning */.$e)((0,src/* errorMessage */.gJ)(error));
    return undefined;
}


/***/ })

};

//# sourceMappingURL=229.index.js.map