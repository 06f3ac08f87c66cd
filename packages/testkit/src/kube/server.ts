// The HTTP side of the local API server: authentication (bearer tokens, over TLS as kubectl
// requires), authorization (RBAC-shaped 403 answers), discovery, OpenAPI, and the REST verbs on
// resources: get, list, watch, create, update, patch (strategic merge, merge, JSON, apply) and
// delete, with pod logs. Every failure is a `Status` object, as the real server sends.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { apiVersionOf, findType, RESOURCE_TYPES, type ResourceType } from './catalog.ts';
import type { Controller } from './controller.ts';
import {
  AGGREGATED_V2,
  aggregatedDiscovery,
  legacyCoreVersions,
  legacyGroup,
  legacyGroupList,
  legacyResourceList,
  OPENAPI_V2_PROTOBUF,
  openApiGroupVersion,
  openApiIndex,
  openApiV2,
  wantsAggregated,
} from './discovery.ts';
import {
  clone,
  dropRemovedFields,
  isObj,
  jsonPatch,
  mergeMap,
  mergePatch,
  type Obj,
  PatchError,
} from './patch.ts';
import { SCHEMAS } from './schemas.ts';
import { fieldMatcher, labelMatcher, type SelectorError } from './selectors.ts';
import { meta, now, type Store, typeKey } from './store.ts';
import { table, wantsTable } from './table.ts';
import { applyDefaults, type Cause, decodeCheck, dropUnknownFields, validate } from './validate.ts';

/** A rule that refuses requests, as a missing RBAC permission does. Unset fields match anything. */
export interface ForbidRule {
  user?: string;
  verb?: string;
  /** Plural resource, with `/subresource` for one: `deployments`, `pods/log`. */
  resource?: string;
  group?: string;
  namespace?: string;
}

/** One request the server answered, for tests that check what kubectl asked. */
export interface KubeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  user: string;
  status: number;
  contentType?: string;
}

/** KubeApiError is an answer in Kubernetes' Status form. */
export class KubeApiError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly details: Obj | undefined;

  constructor(code: number, reason: string, message: string, details?: Obj) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  /** status renders the error as the JSON body Kubernetes sends. */
  status(): Obj {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** The state the HTTP layer shares with its owner. */
export interface ServerContext {
  store: Store;
  controller: Controller;
  tokens: Map<string, string>;
  forbidden: ForbidRule[];
  requests: KubeRequest[];
  address: () => string;
  /** Per object and field manager, the configuration it last applied server-side. */
  applied: Map<string, Obj>;
}

function resourceName(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

function notFound(t: ResourceType, name: string): KubeApiError {
  return new KubeApiError(404, 'NotFound', `${resourceName(t)} "${name}" not found`, {
    name,
    group: t.group,
    kind: t.plural,
  });
}

function invalid(t: ResourceType, name: string, causes: Cause[]): KubeApiError {
  const text = causes.map((c) => `${c.field}: ${c.message}`);
  const message = `${t.kind} "${name}" is invalid: ${text.length === 1 ? text[0] : `[${text.join(', ')}]`}`;
  return new KubeApiError(422, 'Invalid', message, { name, group: t.group, kind: t.kind, causes });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function warningHeader(warnings: string[]): Record<string, string> {
  return warnings.length
    ? { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ') }
    : {};
}

/** The parts of a resource URL. */
interface Target {
  type: ResourceType;
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
}

function parseTarget(segments: string[]): Target | undefined {
  let group = '';
  let rest: string[];
  if (segments[0] === 'api' && segments[1] === 'v1') {
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    group = segments[1]!;
    rest = segments.slice(3);
  } else {
    return undefined;
  }
  const version = segments[0] === 'api' ? 'v1' : segments[2]!;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && findType(group, version, rest[2]!)) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const type = findType(group, version, rest[0] ?? '');
  if (!type) return undefined;
  if (!type.namespaced && namespace !== undefined) return undefined;
  return { type, namespace, name: rest[1], subresource: rest[2] };
}

function verbOf(method: string, target: Target, query: URLSearchParams): string {
  const watch = query.get('watch');
  switch (method) {
    case 'GET':
      if (watch === 'true' || watch === '1') return 'watch';
      return target.name ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return target.name ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

function authorize(ctx: ServerContext, user: string, verb: string, target: Target): void {
  const resource = target.subresource
    ? `${target.type.plural}/${target.subresource}`
    : target.type.plural;
  const denied =
    user === 'system:anonymous' ||
    ctx.forbidden.some(
      (r) =>
        (r.user === undefined || r.user === user) &&
        (r.verb === undefined || r.verb === verb) &&
        (r.resource === undefined || r.resource === resource) &&
        (r.group === undefined || r.group === target.type.group) &&
        (r.namespace === undefined || r.namespace === target.namespace),
    );
  if (!denied) return;
  const subject = `${resourceName(target.type)}${target.name ? ` "${target.name}"` : ''}`;
  const scope =
    target.namespace !== undefined
      ? ` in the namespace "${target.namespace}"`
      : ' at the cluster scope';
  throw new KubeApiError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${target.type.group}"${scope}`,
    {
      ...(target.name ? { name: target.name } : {}),
      group: target.type.group,
      kind: target.type.plural,
    },
  );
}

function listBody(ctx: ServerContext, t: ResourceType, items: Obj[]): Obj {
  return {
    kind: `${t.kind}List`,
    apiVersion: apiVersionOf(t),
    metadata: { resourceVersion: String(ctx.store.resourceVersion) },
    items: items.map((item) => {
      const { apiVersion: _a, kind: _k, ...rest } = item;
      return rest;
    }),
  };
}

function matchers(query: URLSearchParams): (o: Obj) => boolean {
  try {
    const labels = labelMatcher(query.get('labelSelector'));
    const fields = fieldMatcher(query.get('fieldSelector'));
    return (o) => labels(o) && fields(o);
  } catch (e) {
    throw new KubeApiError(400, 'BadRequest', (e as SelectorError).message);
  }
}

function watch(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: Target,
  query: URLSearchParams,
): void {
  const match = matchers(query);
  const key = typeKey(target.type);
  const relevant = (e: { typeKey: string; namespace: string; object: Obj }) =>
    e.typeKey === key &&
    (target.namespace === undefined || e.namespace === target.namespace) &&
    match(e.object);
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  // Send the headers now, as the real server does: client-go starts watches with a context it
  // never cancels, so a watch still waiting for its headers would hold kubectl until the timeout.
  res.flushHeaders();
  const write = (type: string, object: Obj) => res.write(`${JSON.stringify({ type, object })}\n`);
  const since = query.get('resourceVersion');
  const bookmarks = query.get('allowWatchBookmarks') === 'true';
  if (query.get('sendInitialEvents') === 'true' || !since || since === '0') {
    for (const o of ctx.store.list(target.type, target.namespace)) if (match(o)) write('ADDED', o);
    if (query.get('sendInitialEvents') === 'true' && bookmarks) {
      write('BOOKMARK', {
        kind: target.type.kind,
        apiVersion: apiVersionOf(target.type),
        metadata: {
          resourceVersion: String(ctx.store.resourceVersion),
          annotations: { 'k8s.io/initial-events-end': 'true' },
        },
      });
    }
  } else {
    const from = Number(since);
    if (from < ctx.store.oldestWatchable - 1) {
      write(
        'ERROR',
        new KubeApiError(
          410,
          'Expired',
          `too old resource version: ${since} (${ctx.store.oldestWatchable})`,
        ).status(),
      );
      res.end();
      return;
    }
    for (const e of ctx.store.history)
      if (e.resourceVersion > from && relevant(e)) write(e.type, e.object);
  }
  const unsubscribe = ctx.store.subscribe((e) => {
    if (relevant(e)) write(e.type, e.object);
  });
  const timeout = Number(query.get('timeoutSeconds') ?? 1800);
  const timer = setTimeout(() => res.end(), Math.max(1, timeout) * 1000);
  const done = () => {
    clearTimeout(timer);
    unsubscribe();
  };
  res.on('close', done);
  req.on('close', done);
}

function decodeBody(text: string, contentType: string): unknown {
  try {
    return contentType.includes('yaml') ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new KubeApiError(400, 'BadRequest', `error decoding body: ${(e as Error).message}`);
  }
}

function ensureNamespace(ctx: ServerContext, t: ResourceType, namespace: string | undefined): void {
  if (!t.namespaced) return;
  const nsType = RESOURCE_TYPES.find((r) => r.kind === 'Namespace')!;
  if (!namespace || !ctx.store.get(nsType, '', namespace)) {
    throw new KubeApiError(404, 'NotFound', `namespaces "${namespace ?? ''}" not found`, {
      name: namespace ?? '',
      kind: 'namespaces',
    });
  }
}

function checkIdentity(target: Target, object: Obj): void {
  const m = meta(object);
  const kind = object['kind'];
  const apiVersion = object['apiVersion'];
  if (
    (kind !== undefined && kind !== target.type.kind) ||
    (apiVersion !== undefined && apiVersion !== apiVersionOf(target.type))
  ) {
    throw new KubeApiError(
      400,
      'BadRequest',
      `the API version in the data (${String(apiVersion)}) does not match the expected API version (${apiVersionOf(target.type)})`,
    );
  }
  if (
    target.namespace !== undefined &&
    m['namespace'] !== undefined &&
    m['namespace'] !== target.namespace
  ) {
    throw new KubeApiError(
      400,
      'BadRequest',
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  if (target.name !== undefined && m['name'] !== undefined && m['name'] !== target.name) {
    throw new KubeApiError(
      400,
      'BadRequest',
      'the name of the object does not match the name on the URL',
    );
  }
}

/** prepare decodes, defaults and validates an object about to be stored; returns the warnings. */
function prepare(
  target: Target,
  object: Obj,
  old: Obj | undefined,
  query: URLSearchParams,
): string[] {
  const validation = query.get('fieldValidation') ?? 'Warn';
  const decoded = decodeCheck(target.type, object, validation === 'Strict');
  if (decoded.error) throw new KubeApiError(400, 'BadRequest', decoded.error);
  dropUnknownFields(object, SCHEMAS[target.type.schema]);
  const m = meta(object);
  if (target.namespace !== undefined) m['namespace'] = target.namespace;
  if (!m['name'] && typeof m['generateName'] === 'string')
    m['name'] = `${m['generateName']}${Math.random().toString(36).slice(2, 7)}`;
  const hasStatus = target.type.subresources.some((s) => s.name === 'status');
  if (hasStatus) {
    if (old?.['status'] !== undefined) object['status'] = clone(old['status']);
    else delete object['status'];
  }
  if (old) {
    const oldMeta = meta(old);
    for (const key of ['uid', 'creationTimestamp', 'generation'])
      if (oldMeta[key] !== undefined) m[key] = oldMeta[key];
  }
  applyDefaults(target.type, object);
  if (
    target.type.kind === 'Service' &&
    isObj(object['spec']) &&
    !(object['spec'] as Obj)['clusterIP']
  ) {
    const spec = object['spec'] as Obj;
    spec['clusterIP'] = old
      ? get(old, 'spec.clusterIP')
      : `10.96.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 2}`;
    spec['clusterIPs'] = [spec['clusterIP']];
  }
  const causes = validate(target.type, object, old);
  if (causes.length) throw invalid(target.type, String(m['name'] ?? ''), causes);
  return decoded.warnings;
}

function get(object: unknown, path: string): unknown {
  let node = object;
  for (const part of path.split('.')) node = isObj(node) ? node[part] : undefined;
  return node;
}

function managedEntry(manager: string, operation: string, t: ResourceType): Obj {
  return {
    manager,
    operation,
    apiVersion: apiVersionOf(t),
    time: now(),
    fieldsType: 'FieldsV1',
    fieldsV1: {},
  };
}

function recordManager(
  object: Obj,
  manager: string | null,
  operation: string,
  t: ResourceType,
): void {
  const m = meta(object);
  const name = manager || (operation === 'Apply' ? '' : 'unknown');
  if (!name) return;
  const entries = (Array.isArray(m['managedFields']) ? m['managedFields'] : []).filter(
    (e) => !(isObj(e) && e['manager'] === name && e['operation'] === operation),
  );
  m['managedFields'] = [...entries, managedEntry(name, operation, t)];
}

function cascade(ctx: ServerContext, owner: Obj): void {
  const uid = meta(owner)['uid'];
  for (const t of RESOURCE_TYPES) {
    for (const o of ctx.store.list(t)) {
      const refs = meta(o)['ownerReferences'];
      if (Array.isArray(refs) && refs.some((r) => isObj(r) && r['uid'] === uid)) {
        const m = meta(o);
        const removed = ctx.store.remove(t, String(m['namespace'] ?? ''), String(m['name']));
        if (removed) {
          if (t.kind === 'Pod') ctx.controller.forget(removed);
          cascade(ctx, removed);
        }
      }
    }
  }
}

async function handleResource(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: Target,
  query: URLSearchParams,
  verb: string,
): Promise<void> {
  const { store } = ctx;
  const t = target.type;
  const dryRun = query.get('dryRun') === 'All';
  if (target.subresource === 'log' && t.kind === 'Pod' && req.method === 'GET') {
    podLog(ctx, res, target, query);
    return;
  }
  if (target.subresource && target.subresource !== 'status') {
    throw new KubeApiError(404, 'NotFound', 'the server could not find the requested resource');
  }
  if (verb === 'watch') {
    watch(ctx, req, res, target, query);
    return;
  }
  if (verb === 'list') {
    const match = matchers(query);
    const items = store.list(t, target.namespace).filter(match);
    if (wantsTable(req.headers.accept))
      send(res, 200, table(t, items, String(store.resourceVersion)));
    else send(res, 200, listBody(ctx, t, items));
    return;
  }
  const namespace = target.namespace ?? '';
  if (verb === 'get') {
    const object = store.get(t, namespace, target.name!);
    if (!object) throw notFound(t, target.name!);
    if (wantsTable(req.headers.accept))
      send(res, 200, table(t, [object], String(store.resourceVersion)));
    else send(res, 200, object);
    return;
  }
  if (verb === 'delete') {
    const removed = dryRun
      ? store.get(t, namespace, target.name!)
      : store.remove(t, namespace, target.name!);
    if (!removed) throw notFound(t, target.name!);
    if (!dryRun) {
      if (t.kind === 'Pod') ctx.controller.forget(removed);
      if (t.kind === 'Namespace') {
        for (const r of RESOURCE_TYPES.filter((x) => x.namespaced)) {
          for (const o of store.list(r, target.name))
            store.remove(r, target.name!, String(meta(o)['name']));
        }
      }
      cascade(ctx, removed);
      ctx.controller.poke();
    }
    send(res, 200, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: target.name, group: t.group, kind: t.plural, uid: meta(removed)['uid'] },
    });
    return;
  }
  const body = await readBody(req);
  const contentType = (req.headers['content-type'] ?? 'application/json').split(';')[0]!.trim();
  const manager = query.get('fieldManager');
  if (verb === 'create') {
    const object = decodeBody(body, contentType);
    if (!isObj(object))
      throw new KubeApiError(400, 'BadRequest', 'the body of the request was not an object');
    checkIdentity(target, object);
    ensureNamespace(ctx, t, target.namespace);
    const warnings = prepare(target, object, undefined, query);
    const name = String(meta(object)['name']);
    if (store.get(t, namespace, name)) {
      throw new KubeApiError(409, 'AlreadyExists', `${resourceName(t)} "${name}" already exists`, {
        name,
        group: t.group,
        kind: t.plural,
      });
    }
    recordManager(object, manager, 'Update', t);
    const created = dryRun ? object : store.create(t, object);
    ctx.controller.poke();
    send(res, 201, created, warningHeader(warnings));
    return;
  }
  const name = target.name!;
  const current = store.get(t, namespace, name);
  if (verb === 'update') {
    if (!current) throw notFound(t, name);
    const object = decodeBody(body, contentType);
    if (!isObj(object))
      throw new KubeApiError(400, 'BadRequest', 'the body of the request was not an object');
    checkIdentity(target, object);
    const rv = meta(object)['resourceVersion'];
    if (rv !== undefined && rv !== meta(current)['resourceVersion']) {
      throw new KubeApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${resourceName(t)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name, group: t.group, kind: t.plural },
      );
    }
    const warnings = target.subresource === 'status' ? [] : prepare(target, object, current, query);
    if (target.subresource === 'status') {
      const next = clone(current);
      next['status'] = object['status'];
      object['metadata'] = next['metadata'];
      Object.assign(object, { ...next, status: object['status'] });
    }
    recordManager(object, manager, 'Update', t);
    const updated = dryRun ? object : store.update(t, object);
    ctx.controller.poke();
    send(res, 200, updated, warningHeader(warnings));
    return;
  }
  // PATCH.
  const patch = decodeBody(body, contentType);
  const schema = SCHEMAS[t.schema];
  let next: Obj;
  let created = false;
  let warnings: string[] = [];
  if (contentType === 'application/apply-patch+yaml') {
    if (!isObj(patch))
      throw new KubeApiError(400, 'BadRequest', 'the applied configuration is not an object');
    if (!manager)
      throw new KubeApiError(
        400,
        'BadRequest',
        'PATCH, application/apply-patch+yaml requires fieldManager parameter',
      );
    checkIdentity(target, patch);
    const config = clone(patch);
    const key = `${t.plural}/${namespace}/${name}/${manager}`;
    if (!current) {
      ensureNamespace(ctx, t, target.namespace);
      next = clone(config);
      meta(next)['name'] = name;
      created = true;
    } else {
      next = mergeMap(current, config, schema);
      const previous = ctx.applied.get(key);
      if (previous) dropRemovedFields(next, previous, config, schema);
    }
    warnings = prepare(target, next, current, query);
    recordManager(next, manager, 'Apply', t);
    if (!dryRun) ctx.applied.set(key, config);
  } else {
    if (!current) throw notFound(t, name);
    try {
      if (contentType === 'application/strategic-merge-patch+json') {
        if (!isObj(patch)) throw new PatchError('a strategic merge patch must be an object');
        next = mergeMap(current, patch, schema);
      } else if (contentType === 'application/merge-patch+json') {
        next = mergePatch(current, patch) as Obj;
      } else if (contentType === 'application/json-patch+json') {
        next = jsonPatch(current, patch) as Obj;
      } else {
        throw new KubeApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
        );
      }
    } catch (e) {
      if (e instanceof PatchError) throw new KubeApiError(422, 'Invalid', e.message);
      throw e;
    }
    if (target.subresource === 'status') {
      const status = next['status'];
      next = clone(current);
      next['status'] = status;
    } else {
      warnings = prepare(target, next, current, query);
    }
    recordManager(next, manager, 'Update', t);
  }
  const stored = dryRun ? next : created ? store.create(t, next) : store.update(t, next);
  ctx.controller.poke();
  send(res, created ? 201 : 200, stored, warningHeader(warnings));
}

function podLog(
  ctx: ServerContext,
  res: ServerResponse,
  target: Target,
  query: URLSearchParams,
): void {
  const pod = ctx.store.get(target.type, target.namespace ?? '', target.name ?? '');
  if (!pod) throw notFound(target.type, target.name ?? '');
  const containers = (
    Array.isArray(get(pod, 'spec.containers')) ? (get(pod, 'spec.containers') as Obj[]) : []
  ).map((c) => String(c['name']));
  let container = query.get('container');
  if (!container) {
    if (containers.length !== 1) {
      throw new KubeApiError(
        400,
        'BadRequest',
        `a container name must be specified for pod ${target.name}, choose one of: [${containers.join(' ')}]`,
      );
    }
    container = containers[0]!;
  }
  if (!containers.includes(container)) {
    throw new KubeApiError(
      400,
      'BadRequest',
      `container ${container} is not valid for pod ${target.name}`,
    );
  }
  const statuses = get(pod, 'status.containerStatuses');
  const state = Array.isArray(statuses)
    ? statuses.find((s) => isObj(s) && s['name'] === container)
    : undefined;
  const previous = query.get('previous') === 'true';
  const key = `${target.namespace}/${target.name}/${container}${previous ? '/previous' : ''}`;
  const lines = ctx.controller.logs.get(key);
  if (!lines) {
    if (previous)
      throw new KubeApiError(
        400,
        'BadRequest',
        `previous terminated container "${container}" in pod "${target.name}" not found`,
      );
    const waiting = get(state, 'state.waiting.reason');
    const why =
      waiting === 'ImagePullBackOff' || waiting === 'ErrImagePull'
        ? 'trying and failing to pull image'
        : 'ContainerCreating';
    throw new KubeApiError(
      400,
      'BadRequest',
      `container "${container}" in pod "${target.name}" is waiting to start: ${why}`,
    );
  }
  const tail = Number(query.get('tailLines') ?? lines.length);
  const text = lines
    .slice(Math.max(0, lines.length - tail))
    .map((l) => `${l}\n`)
    .join('');
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function version(): Obj {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0',
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-12-11T00:00:00Z',
    goVersion: 'go1.23.3',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** documentFor returns the discovery or OpenAPI document at a non-resource path, if there is one. */
function documentFor(
  ctx: ServerContext,
  segments: string[],
  accept: string | undefined,
): { body: unknown; headers?: Record<string, string> } | undefined {
  const path = segments.join('/');
  if (path === 'version') return { body: version() };
  if (path === 'api' || path === 'apis') {
    if (wantsAggregated(accept))
      return {
        body: aggregatedDiscovery(path === 'api'),
        headers: { 'Content-Type': AGGREGATED_V2 },
      };
    return { body: path === 'api' ? legacyCoreVersions(ctx.address()) : legacyGroupList() };
  }
  let body: unknown;
  if (segments[0] === 'api' && segments.length === 2) body = legacyResourceList('', segments[1]!);
  else if (segments[0] === 'apis' && segments.length === 2) body = legacyGroup(segments[1]!);
  else if (segments[0] === 'apis' && segments.length === 3)
    body = legacyResourceList(segments[1]!, segments[2]!);
  else if (path === 'openapi/v3') body = openApiIndex();
  else if (segments[0] === 'openapi' && segments[1] === 'v3') {
    const rest = segments.slice(2);
    if (rest[0] === 'api') body = openApiGroupVersion('', rest[1] ?? '');
    else if (rest[0] === 'apis') body = openApiGroupVersion(rest[1] ?? '', rest[2] ?? '');
    if (body) return { body, headers: { 'Cache-Control': 'public, immutable' } };
  }
  return body ? { body } : undefined;
}

function nonResource(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
): boolean {
  const path = segments.join('/');
  if (['healthz', 'readyz', 'livez'].includes(path)) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return true;
  }
  if (path === 'openapi/v2') {
    const body = openApiV2();
    res.writeHead(200, { 'Content-Type': OPENAPI_V2_PROTOBUF, 'Content-Length': body.length });
    res.end(body);
    return true;
  }
  const doc = documentFor(ctx, segments, req.headers.accept);
  if (!doc) return false;
  send(res, 200, doc.body, doc.headers);
  return true;
}

/** handle answers one HTTP request; every failure becomes a Status body. */
export async function handle(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://localhost');
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const entry: KubeRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    user: 'system:anonymous',
    status: 200,
    ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
  };
  ctx.requests.push(entry);
  res.on('finish', () => {
    entry.status = res.statusCode;
  });
  try {
    const auth = req.headers.authorization ?? '';
    if (auth) {
      const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim() ?? '';
      const user = ctx.tokens.get(token);
      if (!user) throw new KubeApiError(401, 'Unauthorized', 'Unauthorized');
      entry.user = user;
    }
    if (nonResource(ctx, req, res, segments)) return;
    const target = parseTarget(segments);
    if (!target)
      throw new KubeApiError(404, 'NotFound', 'the server could not find the requested resource');
    const verb = verbOf(req.method ?? 'GET', target, url.searchParams);
    authorize(ctx, entry.user, verb, target);
    await handleResource(ctx, req, res, target, url.searchParams, verb);
  } catch (e) {
    const error =
      e instanceof KubeApiError
        ? e
        : new KubeApiError(
            500,
            'InternalError',
            `Internal error occurred: ${(e as Error).message}`,
          );
    if (!res.headersSent) send(res, error.code, error.status());
    else res.end();
  }
}
