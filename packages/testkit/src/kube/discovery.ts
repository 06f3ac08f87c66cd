// Discovery and OpenAPI documents, built from the catalog and the schemas: the aggregated
// discovery (apidiscovery.k8s.io/v2) that kubectl 1.32 asks for first, the legacy per-group
// documents it falls back to, and the OpenAPI v3 index with one document per group version.
import { createHash } from 'node:crypto';
import { apiVersionOf, groupVersions, RESOURCE_TYPES, type ResourceType } from './catalog.ts';
import { refsOf, SCHEMAS, type Schema } from './schemas.ts';

/** The content type kubectl asks for to get aggregated discovery in one request. */
export const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** wantsAggregated tells whether an Accept header lists aggregated discovery v2. */
export function wantsAggregated(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => {
    const params = part.split(';').map((p) => p.trim());
    return (
      params.includes('g=apidiscovery.k8s.io') &&
      params.includes('v=v2') &&
      params.includes('as=APIGroupDiscoveryList')
    );
  });
}

function typesOf(group: string, version: string): ResourceType[] {
  return RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
}

/** aggregatedDiscovery answers GET /api (core) or GET /apis (named groups) in the v2 form. */
export function aggregatedDiscovery(core: boolean): unknown {
  const groups = [...new Set(groupVersions().map((gv) => gv.group))].filter((g) =>
    core ? g === '' : g !== '',
  );
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map((group) => ({
      metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null },
      versions: groupVersions()
        .filter((gv) => gv.group === group)
        .map((gv) => ({
          version: gv.version,
          resources: typesOf(gv.group, gv.version).map((t) => ({
            resource: t.plural,
            responseKind: { group: '', version: '', kind: t.kind },
            scope: t.namespaced ? 'Namespaced' : 'Cluster',
            singularResource: t.singular,
            verbs: t.verbs,
            ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
            ...(t.categories.length ? { categories: t.categories } : {}),
            ...(t.subresources.length
              ? {
                  subresources: t.subresources.map((s) => ({
                    subresource: s.name,
                    responseKind: { group: s.group ?? '', version: s.version ?? '', kind: s.kind },
                    verbs: s.verbs,
                  })),
                }
              : {}),
          })),
          freshness: 'Current',
        })),
    })),
  };
}

/** legacyCoreVersions answers GET /api in the legacy form (APIVersions). */
export function legacyCoreVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(group: string): unknown {
  const versions = groupVersions()
    .filter((gv) => gv.group === group)
    .map((gv) => ({ groupVersion: apiVersionOf(gv), version: gv.version }));
  return {
    kind: 'APIGroup',
    apiVersion: 'v1',
    name: group,
    versions,
    preferredVersion: versions[0],
  };
}

/** legacyGroupList answers GET /apis in the legacy form (APIGroupList). */
export function legacyGroupList(): unknown {
  const groups = [...new Set(groupVersions().map((gv) => gv.group))].filter(Boolean);
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(apiGroup) };
}

/** legacyGroup answers GET /apis/<group>, or undefined for a group the server does not serve. */
export function legacyGroup(group: string): unknown {
  return groupVersions().some((gv) => gv.group === group && group) ? apiGroup(group) : undefined;
}

/** legacyResourceList answers GET /api/v1 or /apis/<group>/<version> (APIResourceList). */
export function legacyResourceList(group: string, version: string): unknown {
  const types = typesOf(group, version);
  if (!types.length) return undefined;
  const resources: unknown[] = [];
  for (const t of types) {
    resources.push({
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
      ...(t.categories.length ? { categories: t.categories } : {}),
    });
    for (const s of t.subresources) {
      resources.push({
        name: `${t.plural}/${s.name}`,
        singularName: '',
        namespaced: t.namespaced,
        ...(s.group !== undefined ? { group: s.group, version: s.version } : {}),
        kind: s.kind,
        verbs: s.verbs,
      });
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf({ group, version }),
    resources,
  };
}

const PATCH_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];

function query(name: string, type: Schema['type'] = 'string'): unknown {
  return { name, in: 'query', schema: { type, uniqueItems: true } };
}

const PATH_PARAMS = {
  name: { name: 'name', in: 'path', required: true, schema: { type: 'string', uniqueItems: true } },
  namespace: {
    name: 'namespace',
    in: 'path',
    required: true,
    schema: { type: 'string', uniqueItems: true },
  },
};

const LIST_PARAMS = [
  'allowWatchBookmarks',
  'continue',
  'fieldSelector',
  'labelSelector',
  'limit',
  'resourceVersion',
  'resourceVersionMatch',
  'sendInitialEvents',
  'timeoutSeconds',
  'watch',
].map((n) =>
  query(
    n,
    ['allowWatchBookmarks', 'sendInitialEvents', 'watch'].includes(n)
      ? 'boolean'
      : n === 'limit' || n === 'timeoutSeconds'
        ? 'integer'
        : 'string',
  ),
);

function json(schemaName: string): Record<string, unknown> {
  return {
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` } } },
  };
}

function operations(t: ResourceType, gvk: unknown, item: boolean): Record<string, unknown> {
  const ops: Record<string, unknown> = {};
  const op = (action: string, extra: Record<string, unknown>) => ({
    tags: [t.group ? `${t.group.replace(/\..*/, '')}_${t.version}` : `core_${t.version}`],
    operationId: `${action}${t.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    ...extra,
  });
  const ok = { '200': { description: 'OK', ...json(t.schema) } };
  if (item) {
    ops['get'] = op('get', { responses: ok });
    ops['put'] = op('put', {
      parameters: [query('dryRun'), query('fieldManager'), query('fieldValidation')],
      requestBody: { ...json(t.schema), required: true },
      responses: { ...ok, '201': { description: 'Created', ...json(t.schema) } },
    });
    ops['patch'] = op('patch', {
      parameters: [
        query('dryRun'),
        query('fieldManager'),
        query('fieldValidation'),
        query('force', 'boolean'),
      ],
      requestBody: {
        content: Object.fromEntries(
          PATCH_TYPES.map((type) => [
            type,
            { schema: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } },
          ]),
        ),
        required: true,
      },
      responses: { ...ok, '201': { description: 'Created', ...json(t.schema) } },
    });
    ops['delete'] = op('delete', {
      parameters: [
        query('dryRun'),
        query('gracePeriodSeconds', 'integer'),
        query('propagationPolicy'),
      ],
      responses: {
        '200': { description: 'OK', ...json('io.k8s.apimachinery.pkg.apis.meta.v1.Status') },
      },
    });
  } else {
    ops['get'] = op('list', {
      parameters: LIST_PARAMS,
      responses: { '200': { description: 'OK', ...json(`${t.schema}List`) } },
    });
    ops['post'] = op('post', {
      parameters: [query('dryRun'), query('fieldManager'), query('fieldValidation')],
      requestBody: { ...json(t.schema), required: true },
      responses: { ...ok, '201': { description: 'Created', ...json(t.schema) } },
    });
  }
  return ops;
}

/** openApiGroupVersion builds the OpenAPI v3 document of one group version (`api/v1`, `apis/apps/v1`). */
export function openApiGroupVersion(group: string, version: string): unknown {
  const types = typesOf(group, version);
  if (!types.length) return undefined;
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const paths: Record<string, unknown> = {};
  const components = new Set<string>([
    'io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
    'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
  ]);
  for (const t of types) {
    const gvk = { group, version, kind: t.kind };
    const collection = t.namespaced
      ? `${base}/namespaces/{namespace}/${t.plural}`
      : `${base}/${t.plural}`;
    const scope = t.namespaced ? [PATH_PARAMS.namespace] : [];
    paths[collection] = { ...operations(t, gvk, false), parameters: scope };
    paths[`${collection}/{name}`] = {
      ...operations(t, gvk, true),
      parameters: [PATH_PARAMS.name, ...scope],
    };
    if (t.namespaced) {
      paths[`${base}/${t.plural}`] = {
        get: {
          operationId: `list${t.kind}ForAllNamespaces`,
          'x-kubernetes-action': 'list',
          'x-kubernetes-group-version-kind': gvk,
          parameters: LIST_PARAMS,
          responses: { '200': { description: 'OK', ...json(`${t.schema}List`) } },
        },
      };
    }
    for (const name of [t.schema, `${t.schema}List`]) if (SCHEMAS[name]) refsOf(name, components);
  }
  const schemas: Record<string, unknown> = {
    'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': {
      type: 'object',
      description:
        'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
    },
    'io.k8s.apimachinery.pkg.apis.meta.v1.Status': {
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        code: { type: 'integer', format: 'int32' },
        message: { type: 'string' },
        reason: { type: 'string' },
        status: { type: 'string' },
        details: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        metadata: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
      'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'Status' }],
    },
  };
  for (const name of [...components].sort()) if (SCHEMAS[name]) schemas[name] = SCHEMAS[name];
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
    components: {
      schemas,
      securitySchemes: { BearerToken: { type: 'apiKey', name: 'authorization', in: 'header' } },
    },
  };
}

/** openApiKey is the path of a group version under /openapi/v3: `api/v1`, `apis/apps/v1`. */
export function openApiKey(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** openApiIndex answers GET /openapi/v3: every group version with a content-hashed URL. */
export function openApiIndex(): unknown {
  const paths: Record<string, unknown> = {};
  for (const gv of groupVersions()) {
    const key = openApiKey(gv.group, gv.version);
    const hash = createHash('sha512')
      .update(JSON.stringify(openApiGroupVersion(gv.group, gv.version)))
      .digest('hex')
      .toUpperCase();
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  return { paths };
}

function protoString(field: number, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from([(field << 3) | 2, body.length]), body]);
}

function protoMessage(field: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([(field << 3) | 2, body.length]), body]);
}

/** The content type of the OpenAPI v2 document (gnostic protobuf), the only form kubectl reads. */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/**
 * openApiV2 is a valid OpenAPI v2 document without definitions, protobuf-encoded. kubectl reads v2
 * only for kinds the v3 documents do not cover (to validate on the client); with no definition it
 * skips that validation, as a real server's v2 does for a kind it does not know.
 */
export function openApiV2(): Buffer {
  const info = Buffer.concat([protoString(1, 'Kubernetes'), protoString(2, 'v1.32.0')]);
  return Buffer.concat([
    protoString(1, '2.0'),
    protoMessage(2, info),
    protoMessage(8, Buffer.alloc(0)),
    protoMessage(9, Buffer.alloc(0)),
  ]);
}
