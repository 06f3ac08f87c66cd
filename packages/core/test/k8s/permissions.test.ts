import { describe, expect, test } from 'vitest';
import type { ManifestObject } from '../../src/k8s/manifests.ts';
import {
  accessReviews,
  deniedOf,
  describeDenied,
  grantCommands,
  knownResource,
  neededPermissions,
  parseApiResources,
} from '../../src/k8s/permissions.ts';

const object = (apiVersion: string, kind: string, namespace?: string): ManifestObject => ({
  apiVersion,
  kind,
  name: 'x',
  namespace,
  file: 'k.yaml',
  line: 1,
});

describe('neededPermissions', () => {
  const needed = (objects: ManifestObject[]) =>
    neededPermissions(
      objects,
      (o) => knownResource(o.apiVersion, o.kind)!,
      (o) => o.namespace ?? 'prod',
    ).map(
      (p) => `${p.verb} ${p.group ? `${p.resource}.${p.group}` : p.resource} ${p.namespace ?? '-'}`,
    );

  test('a Service needs get, create and patch only', () => {
    expect(needed([object('v1', 'Service')])).toEqual([
      'get services prod',
      'create services prod',
      'patch services prod',
    ]);
  });

  test('a Deployment also needs what the wait, the diagnosis and rollout undo use', () => {
    expect(needed([object('apps/v1', 'Deployment')])).toEqual([
      'get deployments.apps prod',
      'create deployments.apps prod',
      'patch deployments.apps prod',
      'list deployments.apps prod',
      'watch deployments.apps prod',
      'list replicasets.apps prod',
      'list pods prod',
      'list events prod',
      'get pods/log prod',
    ]);
  });

  test('a StatefulSet needs its controller revisions; a Namespace is cluster-scoped; duplicates go', () => {
    const list = needed([
      object('apps/v1', 'StatefulSet'),
      object('apps/v1', 'DaemonSet', 'other'),
      object('v1', 'Namespace'),
      object('v1', 'Service'),
      object('v1', 'Service'),
    ]);
    expect(list).toContain('list controllerrevisions.apps prod');
    expect(list).toContain('delete pods prod');
    expect(list).not.toContain('delete pods other');
    expect(list).toContain('list controllerrevisions.apps other');
    expect(list).toContain('create namespaces -');
    expect(list.filter((p) => p === 'get services prod')).toHaveLength(1);
  });
});

describe('access reviews', () => {
  const permissions = neededPermissions(
    [object('v1', 'ConfigMap')],
    (o) => knownResource(o.apiVersion, o.kind)!,
    () => 'prod',
  );

  test('are one List of SelfSubjectAccessReviews, subresources split out', () => {
    const withLog = neededPermissions(
      [object('apps/v1', 'Deployment')],
      (o) => knownResource(o.apiVersion, o.kind)!,
      () => 'prod',
    );
    const list = JSON.parse(accessReviews(withLog)) as {
      kind: string;
      items: { kind: string; spec: { resourceAttributes: Record<string, string> } }[];
    };
    expect(list.kind).toBe('List');
    expect(list.items).toHaveLength(withLog.length);
    expect(list.items.at(-1)!.spec.resourceAttributes).toEqual({
      verb: 'get',
      group: '',
      resource: 'pods',
      subresource: 'log',
      namespace: 'prod',
    });
  });

  test('the denied ones are read back in order', () => {
    const answers = 'true\nfalse\n\nfalse\n';
    expect(deniedOf(permissions, answers).map((p) => p.verb)).toEqual(['create', 'patch']);
  });

  test('a short answer is an error, not a silent pass', () => {
    expect(() => deniedOf(permissions, 'true\n')).toThrow('1 answers for 3');
  });
});

describe('describing and granting', () => {
  const denied = neededPermissions(
    [object('apps/v1', 'Deployment'), object('v1', 'Service')],
    (o) => knownResource(o.apiVersion, o.kind)!,
    () => 'prod',
  ).filter((p) => p.verb !== 'get' || p.resource === 'pods/log');

  test('groups verbs per resource', () => {
    expect(describeDenied(denied)).toBe(
      'create,patch,list,watch deployments.apps; list replicasets.apps; list pods; list events; get pods/log; create,patch services',
    );
  });

  test('one role covers every refused permission, bound to the service account', () => {
    expect(grantCommands(denied, 'system:serviceaccount:prod:ci')).toEqual([
      'kubectl create role deployer --verb=create,get,list,patch,watch --resource=deployments.apps,replicasets.apps,pods,events,pods/log,services -n prod',
      'kubectl create rolebinding deployer --role=deployer --serviceaccount=prod:ci -n prod',
    ]);
  });

  test('a plain user is bound with --user', () => {
    expect(grantCommands(denied, 'alice')[1]).toBe(
      'kubectl create rolebinding deployer --role=deployer --user=alice -n prod',
    );
  });
});

describe('parseApiResources', () => {
  test('reads rows with and without short names', () => {
    const text = [
      'bindings                                         v1                       true         Binding',
      'widgets          wd                              example.com/v1           true         Widget',
      'clusterwidgets                                   example.com/v1           false        ClusterWidget',
    ].join('\n');
    const map = parseApiResources(text);
    expect(map.get('example.com/v1/Widget')).toEqual({
      resource: 'widgets',
      group: 'example.com',
      namespaced: true,
    });
    expect(map.get('example.com/v1/ClusterWidget')?.namespaced).toBe(false);
    expect(map.get('v1/Binding')?.group).toBe('');
  });
});
