// The resource types the local API server serves, as discovery describes them.

/** One served resource type (one row of `kubectl api-resources`). */
export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  /** The URL segment: `deployments`. */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Subresources with their verbs, e.g. `status`, `log`. */
  subresources: { name: string; kind: string; group?: string; version?: string; verbs: string[] }[];
  /** The OpenAPI component name of the kind. */
  schema: string;
}

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
const STATUS = (kind: string) => ({ name: 'status', kind, verbs: ['get', 'patch', 'update'] });
const SCALE = {
  name: 'scale',
  kind: 'Scale',
  group: 'autoscaling',
  version: 'v1',
  verbs: ['get', 'patch', 'update'],
};

function type(
  group: string,
  kind: string,
  plural: string,
  options: Partial<Omit<ResourceType, 'group' | 'kind' | 'plural'>> & { schemaPrefix: string },
): ResourceType {
  return {
    group,
    version: options.version ?? 'v1',
    kind,
    plural,
    singular: options.singular ?? kind.toLowerCase(),
    namespaced: options.namespaced ?? true,
    shortNames: options.shortNames ?? [],
    categories: options.categories ?? [],
    verbs: options.verbs ?? ALL_VERBS,
    subresources: options.subresources ?? [],
    schema: `${options.schemaPrefix}${kind}`,
  };
}

const core = { schemaPrefix: 'io.k8s.api.core.v1.' };
const apps = { schemaPrefix: 'io.k8s.api.apps.v1.' };
const batch = { schemaPrefix: 'io.k8s.api.batch.v1.' };

/** RESOURCE_TYPES is everything the server knows; a kind outside it gets kubectl's "no matches for kind". */
export const RESOURCE_TYPES: ResourceType[] = [
  type('', 'Namespace', 'namespaces', {
    ...core,
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [STATUS('Namespace')],
  }),
  type('', 'Node', 'nodes', {
    ...core,
    namespaced: false,
    shortNames: ['no'],
    subresources: [STATUS('Node')],
  }),
  type('', 'Pod', 'pods', {
    ...core,
    shortNames: ['po'],
    categories: ['all'],
    subresources: [STATUS('Pod'), { name: 'log', kind: 'Pod', verbs: ['get'] }],
  }),
  type('', 'Service', 'services', {
    ...core,
    shortNames: ['svc'],
    categories: ['all'],
    subresources: [STATUS('Service')],
  }),
  type('', 'ConfigMap', 'configmaps', { ...core, shortNames: ['cm'] }),
  type('', 'Secret', 'secrets', core),
  type('', 'ServiceAccount', 'serviceaccounts', { ...core, shortNames: ['sa'] }),
  type('', 'Event', 'events', { ...core, shortNames: ['ev'] }),
  type('apps', 'Deployment', 'deployments', {
    ...apps,
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: [STATUS('Deployment'), SCALE],
  }),
  type('apps', 'ReplicaSet', 'replicasets', {
    ...apps,
    shortNames: ['rs'],
    categories: ['all'],
    subresources: [STATUS('ReplicaSet'), SCALE],
  }),
  type('apps', 'StatefulSet', 'statefulsets', {
    ...apps,
    shortNames: ['sts'],
    categories: ['all'],
    subresources: [STATUS('StatefulSet'), SCALE],
  }),
  type('apps', 'DaemonSet', 'daemonsets', {
    ...apps,
    shortNames: ['ds'],
    categories: ['all'],
    subresources: [STATUS('DaemonSet')],
  }),
  type('apps', 'ControllerRevision', 'controllerrevisions', apps),
  // Served so that kubectl's field-validation check for an unknown group (is it a CRD?) finds the
  // CRD API, as on a real cluster, and the kind then fails with "no matches for kind".
  type('apiextensions.k8s.io', 'CustomResourceDefinition', 'customresourcedefinitions', {
    schemaPrefix: 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    subresources: [STATUS('CustomResourceDefinition')],
  }),
  type('batch', 'Job', 'jobs', { ...batch, categories: ['all'], subresources: [STATUS('Job')] }),
  type('batch', 'CronJob', 'cronjobs', {
    ...batch,
    shortNames: ['cj'],
    categories: ['all'],
    subresources: [STATUS('CronJob')],
  }),
];

/** groupVersions lists the served group versions, the core group first, as `""/v1`, `apps/v1`. */
export function groupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const t of RESOURCE_TYPES)
    seen.set(`${t.group}/${t.version}`, { group: t.group, version: t.version });
  return [...seen.values()];
}

/** findType looks a resource type up by group, version and plural. */
export function findType(group: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    (t) => t.group === group && t.version === version && t.plural === plural,
  );
}

/** typeOfKind looks a resource type up by apiVersion and kind. */
export function typeOfKind(apiVersion: string, kind: string): ResourceType | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.kind === kind);
}

/** apiVersionOf renders a type's apiVersion: `v1` or `apps/v1`. */
export function apiVersionOf(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}
