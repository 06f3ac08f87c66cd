// Which RBAC permissions a deploy needs (apply every object, wait for and diagnose each rollout,
// roll it back), asked of the API server in one batch of SelfSubjectAccessReviews, and the one
// `kubectl create role` that grants what is missing. Pure: no I/O, no @actions/*.
import type { ManifestObject } from './manifests.ts';

/** A resource as RBAC names it. */
export interface ResourceName {
  /** The plural resource, with a subresource after a slash (`pods/log`). */
  resource: string;
  /** The API group ('' for the core group). */
  group: string;
  namespaced: boolean;
}

/** One permission a deploy needs. */
export interface Permission extends ResourceName {
  verb: string;
  /** The namespace it is needed in, or undefined at cluster scope. */
  namespace: string | undefined;
  /** What it is for, as the error explains it. */
  why: 'apply' | 'wait' | 'diagnose';
}

/** The kinds most manifests hold, so the common case needs no discovery call. */
const KNOWN: Record<string, ResourceName> = {
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
export function knownResource(apiVersion: string, kind: string): ResourceName | undefined {
  return KNOWN[`${apiVersion}/${kind}`];
}

/**
 * parseApiResources reads `kubectl api-resources --no-headers` (NAME [SHORTNAMES] APIVERSION
 * NAMESPACED KIND) into a map from `apiVersion/kind` to the resource.
 */
export function parseApiResources(text: string): Map<string, ResourceName> {
  const out = new Map<string, ResourceName>();
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 4) continue;
    const kind = cols.at(-1)!;
    const namespaced = cols.at(-2) === 'true';
    const apiVersion = cols.at(-3)!;
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
    out.set(`${apiVersion}/${kind}`, { resource: cols[0]!, group, namespaced });
  }
  return out;
}

const ROLLOUT_OWNED: Record<string, { resource: string; group: string }> = {
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
export function neededPermissions(
  objects: readonly ManifestObject[],
  resourceOf: (o: ManifestObject) => ResourceName,
  namespaceOf: (o: ManifestObject) => string,
): Permission[] {
  const out = new Map<string, Permission>();
  const add = (p: Permission) => {
    const key = `${p.verb} ${p.resource}.${p.group} ${p.namespace ?? ''}`;
    if (!out.has(key)) out.set(key, p);
  };
  for (const o of objects) {
    const r = resourceOf(o);
    const namespace = r.namespaced ? namespaceOf(o) : undefined;
    for (const verb of ['get', 'create', 'patch']) add({ ...r, verb, namespace, why: 'apply' });
    const owned = ROLLOUT_OWNED[o.kind];
    if (!owned || o.apiVersion !== 'apps/v1') continue;
    for (const verb of ['list', 'watch']) add({ ...r, verb, namespace, why: 'wait' });
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
export function accessReviews(permissions: readonly Permission[]): string {
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
export const ALLOWED_JSONPATH = 'jsonpath={.status.allowed}{"\\n"}';

/** deniedOf reads the answers to accessReviews (one `true`/`false` line each, same order) and returns the permissions refused. */
export function deniedOf(permissions: readonly Permission[], answers: string): Permission[] {
  const lines = answers
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length !== permissions.length)
    throw new Error(`${lines.length} answers for ${permissions.length} questions`);
  return permissions.filter((_, i) => lines[i] !== 'true');
}

function full(p: ResourceName): string {
  return p.group ? `${p.resource}.${p.group}` : p.resource;
}

/** describeDenied groups refused permissions per resource: `create,patch deployments.apps`. */
export function describeDenied(denied: readonly Permission[]): string {
  const byResource = new Map<string, string[]>();
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
export function grantCommands(denied: readonly Permission[], user: string | undefined): string[] {
  const namespaces = [...new Set(denied.map((p) => p.namespace))];
  const sa = user ? /^system:serviceaccount:([^:]+):(.+)$/.exec(user) : null;
  const subject = sa ? `--serviceaccount=${sa[1]}:${sa[2]}` : `--user=${user ?? '<the CI user>'}`;
  const out: string[] = [];
  for (const ns of namespaces) {
    const here = denied.filter((p) => p.namespace === ns);
    const verbs = [...new Set(here.map((p) => p.verb))].sort().join(',');
    const resources = [...new Set(here.map(full))].join(',');
    if (ns) {
      out.push(
        `kubectl create role deployer --verb=${verbs} --resource=${resources} -n ${ns}`,
        `kubectl create rolebinding deployer --role=deployer ${subject} -n ${ns}`,
      );
    } else {
      out.push(
        `kubectl create clusterrole deployer --verb=${verbs} --resource=${resources}`,
        `kubectl create clusterrolebinding deployer --clusterrole=deployer ${subject}`,
      );
    }
  }
  return out;
}
