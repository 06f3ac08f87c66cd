// The runner image's manifests applied to a real control plane (scripts/kube, kwok nodes): the
// API server validates every field (strict field validation, server-side dry run first), the
// scheduler places the pods, the Deployment controller rolls them out, the GPU patch moves them to
// the GPU node. What the runner needs of the manifests is checked offline in manifests.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Cluster, startCluster } from '@mlops-actions/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { DOCKER_DIR } from './support.ts';

const K8S_DIR = join(DOCKER_DIR, 'kubernetes');
/** Values files and patches are not Kubernetes objects. */
const NOT_OBJECTS = new Set(['arc-values.yaml', 'gpu-patch.yaml']);
const FILES = readdirSync(K8S_DIR)
  .filter((f) => f.endsWith('.yaml') && !NOT_OBJECTS.has(f))
  .sort();

// biome-ignore lint/suspicious/noExplicitAny: manifests are free-form YAML.
type Manifest = Record<string, any>;

function documents(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8')).map(
    (doc) => doc.toJS() as Manifest,
  );
}

const NAMESPACE = documents('namespace.yaml')[0]?.metadata.name as string;
const GPU_NODE_LABELS = documents('gpu-patch.yaml')[0]?.spec.template.spec.nodeSelector as Record<
  string,
  string
>;

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster({
    nodes: [
      { name: 'cpu-node' },
      {
        name: 'gpu-node',
        resources: { 'nvidia.com/gpu': '4' },
        labels: GPU_NODE_LABELS,
        taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
      },
    ],
  });
  // The namespace first: every other object lives in it.
  await cluster.kubectl(['apply', '--server-side', '-f', join(K8S_DIR, 'namespace.yaml')]);
});

afterAll(async () => {
  await cluster?.stop();
});

/** apply runs the real `kubectl apply --server-side` (strict field validation) on text or a file. */
function apply(source: { file: string } | { text: string }, ...flags: string[]) {
  return cluster.kubectl(
    [
      'apply',
      '--server-side',
      '--field-manager=manifest-test',
      '--validate=strict',
      ...flags,
      '-f',
      'file' in source ? join(K8S_DIR, source.file) : '-',
    ],
    { allowFail: true, ...('text' in source ? { input: source.text } : {}) },
  );
}

describe('every manifest', () => {
  test.each(FILES)('%s passes a server-side dry run with strict field validation', async (file) => {
    const result = await apply({ file }, '--dry-run=server');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test('the API server does reject a Pod with a wrongly typed field, naming it', async () => {
    const pod = documents('runner-pod.yaml')[0] as Manifest;
    pod.spec.terminationGracePeriodSeconds = 'an hour';
    const result = await apply({ text: stringify(pod) }, '--dry-run=server');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/terminationGracePeriodSeconds/);
  });

  test('the API server does reject an unknown field, naming it', async () => {
    const pod = documents('runner-pod.yaml')[0] as Manifest;
    pod.spec.containers[0].resource = pod.spec.containers[0].resources;
    const result = await apply({ text: stringify(pod) }, '--dry-run=server');
    expect(result.code).not.toBe(0);
    // Server-side apply names the field by its path in the object.
    expect(result.stderr).toMatch(
      /\.spec\.containers\[name="runner"\]\.resource: field not declared in schema/,
    );
  });

  test('the actions-runner-controller pod template is a pod the API server accepts', async () => {
    const values = parseAllDocuments(
      readFileSync(join(K8S_DIR, 'arc-values.yaml'), 'utf8'),
    )[0]?.toJS() as Manifest;
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'arc-template', namespace: NAMESPACE },
      ...values.template,
    };
    const result = await apply({ text: stringify(pod) }, '--dry-run=server');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('applied for real', () => {
  beforeAll(async () => {
    for (const file of FILES) {
      const result = await apply({ file });
      expect(result.code, `${file}: ${result.stderr}`).toBe(0);
    }
  });

  test('the runner Deployment rolls out, its pods Running on a kwok node', async () => {
    const deployment = documents('runner-deployment.yaml')[0] as Manifest;
    const name = deployment.metadata.name as string;
    await cluster.kubectl([
      'rollout',
      'status',
      `deployment/${name}`,
      '-n',
      NAMESPACE,
      '--timeout=60s',
    ]);
    const pods = JSON.parse(
      (
        await cluster.kubectl([
          'get',
          'pods',
          '-n',
          NAMESPACE,
          '-l',
          `app.kubernetes.io/name=${deployment.spec.selector.matchLabels['app.kubernetes.io/name']}`,
          '-o',
          'json',
        ])
      ).stdout,
    ) as { items: Manifest[] };
    const fromDeployment = pods.items.filter((p) =>
      p.metadata.ownerReferences?.some((o: Manifest) => o.kind === 'ReplicaSet'),
    );
    expect(fromDeployment).toHaveLength(deployment.spec.replicas);
    for (const pod of fromDeployment) {
      expect(pod.status.phase).toBe('Running');
      // Not on the GPU node: the runner has no toleration for its taint.
      expect(pod.spec.nodeName).toBe('cpu-node');
    }
  });

  test('the runner Pod is scheduled and Running', async () => {
    const pod = documents('runner-pod.yaml')[0] as Manifest;
    await cluster.kubectl([
      'wait',
      '--for=jsonpath={.status.phase}=Running',
      `pod/${pod.metadata.name}`,
      '-n',
      NAMESPACE,
      '--timeout=60s',
    ]);
  });

  test('the RBAC lets the jobs service account manage pods and Jobs, and nothing else', async () => {
    const account = (documents('rbac-pod-jobs.yaml').find((d) => d.kind === 'ServiceAccount') ??
      {}) as Manifest;
    const as = `system:serviceaccount:${NAMESPACE}:${account.metadata?.name}`;
    const can = async (verb: string, resource: string) =>
      (
        await cluster.kubectl(['auth', 'can-i', verb, resource, '-n', NAMESPACE, '--as', as], {
          allowFail: true,
        })
      ).stdout.trim();
    expect(await can('create', 'pods')).toBe('yes');
    expect(await can('get', 'pods/log')).toBe('yes');
    expect(await can('create', 'jobs.batch')).toBe('yes');
    expect(await can('get', 'secrets')).toBe('no');
    expect(await can('create', 'deployments.apps')).toBe('no');
  });

  test('the GPU patch moves the runners onto the GPU node, one GPU each', async () => {
    const patched = await cluster.kubectl([
      'patch',
      '--local',
      '-f',
      join(K8S_DIR, 'runner-deployment.yaml'),
      '--patch-file',
      join(K8S_DIR, 'gpu-patch.yaml'),
      '-o',
      'yaml',
    ]);
    const applied = await apply({ text: patched.stdout });
    expect(applied.code, applied.stderr).toBe(0);
    const deployment = documents('runner-deployment.yaml')[0] as Manifest;
    const name = deployment.metadata.name as string;
    await cluster.kubectl([
      'rollout',
      'status',
      `deployment/${name}`,
      '-n',
      NAMESPACE,
      '--timeout=90s',
    ]);
    const live = await cluster.get<Manifest>('deployment', name, NAMESPACE);
    const spec = live?.spec.template.spec;
    expect(spec.containers[0].resources.limits['nvidia.com/gpu']).toBe('1');
    expect(spec.containers[0].env).toContainEqual({
      name: 'RUNNER_LABELS',
      value: 'base-runner,gpu',
    });
    const pods = JSON.parse(
      (
        await cluster.kubectl([
          'get',
          'pods',
          '-n',
          NAMESPACE,
          '-l',
          'app.kubernetes.io/name=github-runner',
          '--field-selector=status.phase=Running',
          '-o',
          'json',
        ])
      ).stdout,
    ) as { items: Manifest[] };
    const current = pods.items.filter(
      (p) =>
        p.metadata.deletionTimestamp === undefined &&
        p.spec.containers[0].resources.limits?.['nvidia.com/gpu'] !== undefined,
    );
    expect(current).toHaveLength(deployment.spec.replicas);
    for (const pod of current) expect(pod.spec.nodeName).toBe('gpu-node');
  });
});
