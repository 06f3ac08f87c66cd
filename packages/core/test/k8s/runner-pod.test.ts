import { describe, expect, test } from 'vitest';
import {
  JIT_CONFIG_ENV,
  labelValue,
  leftoverReason,
  type RunnerPodSettings,
  readPodTemplate,
  renderRunnerPod,
  renderRunnerSecret,
  runnerPodInfo,
  runSelector,
} from '../../src/k8s/index.ts';

const owner = {
  repository: 'octo-org/demo',
  runId: '1234567',
  attempt: '2',
  runUrl: 'https://github.test/octo-org/demo/actions/runs/1234567',
};
const base: RunnerPodSettings = {
  name: 'mlops-1234567-2',
  namespace: 'runners',
  owner,
  runnerId: 42,
  image: 'ghcr.io/acme/github-runner:2.330.0',
  gpuResource: 'nvidia.com/gpu',
  nodeSelector: {},
  tolerations: [],
};
const JIT = 'eyJzZWNyZXQiOiAiaml0LWNvbmZpZy12YWx1ZSJ9';

type Pod = {
  metadata: { labels: Record<string, string>; annotations: Record<string, string>; name: string };
  spec: Record<string, unknown> & {
    containers: {
      name: string;
      image: string;
      env: { name: string; value?: string; valueFrom?: unknown }[];
      resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
      volumeMounts?: unknown[];
      command?: string[];
    }[];
  };
};

describe('renderRunnerPod', () => {
  test('the default pod runs the runner image with the configuration from the secret, never inline', () => {
    const pod = renderRunnerPod(base) as unknown as Pod;
    const [container] = pod.spec.containers;
    expect(container?.image).toBe('ghcr.io/acme/github-runner:2.330.0');
    expect(container?.env).toEqual([
      {
        name: JIT_CONFIG_ENV,
        valueFrom: { secretKeyRef: { name: 'mlops-1234567-2-jitconfig', key: 'jitconfig' } },
      },
    ]);
    expect(JSON.stringify(pod)).not.toContain(JIT);
    expect(pod.spec['restartPolicy']).toBe('Never');
    expect(pod.spec['activeDeadlineSeconds']).toBe(6 * 3600);
    expect(pod.spec['automountServiceAccountToken']).toBe(false);
  });

  test('every object carries the repository, run id, attempt and action labels', () => {
    const pod = renderRunnerPod(base) as unknown as Pod;
    const secret = renderRunnerSecret(base, JIT) as unknown as Pod;
    for (const object of [pod, secret]) {
      expect(object.metadata.labels).toEqual({
        'app.kubernetes.io/managed-by': 'mlops-actions-runner-pod',
        'mlops-actions/repository': 'octo-org.demo',
        'mlops-actions/run-id': '1234567',
        'mlops-actions/run-attempt': '2',
        'mlops-actions/runner': 'mlops-1234567-2',
      });
    }
    expect(runSelector(owner)).toBe(
      'app.kubernetes.io/managed-by=mlops-actions-runner-pod,mlops-actions/repository=octo-org.demo,mlops-actions/run-id=1234567,mlops-actions/run-attempt=2',
    );
    expect(pod.metadata.annotations['mlops-actions/runner-id']).toBe('42');
  });

  test('the secret holds only the configuration', () => {
    const secret = renderRunnerSecret(base, JIT) as { data: Record<string, string> };
    expect(Object.keys(secret.data)).toEqual(['jitconfig']);
    expect(Buffer.from(secret.data['jitconfig'] ?? '', 'base64').toString()).toBe(JIT);
  });

  test('cpu, memory, gpu, shm, node selector, tolerations, service account and lifetime are applied', () => {
    const pod = renderRunnerPod({
      ...base,
      cpu: '4',
      memory: '16Gi',
      gpu: 2,
      gpuResource: 'amd.com/gpu',
      shmSize: '4Gi',
      nodeSelector: { 'cloud.google.com/gke-accelerator': 'nvidia-tesla-t4' },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
      serviceAccount: 'runner-jobs',
      maxLifetimeSeconds: 7200,
    }) as unknown as Pod;
    const [container] = pod.spec.containers;
    expect(container?.resources).toEqual({
      requests: { cpu: '4', memory: '16Gi' },
      limits: { cpu: '4', memory: '16Gi', 'amd.com/gpu': '2' },
    });
    expect(pod.spec['volumes']).toEqual([
      { name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '4Gi' } },
    ]);
    expect(container?.volumeMounts).toEqual([{ name: 'dshm', mountPath: '/dev/shm' }]);
    expect(pod.spec['nodeSelector']).toEqual({
      'kubernetes.io/os': 'linux',
      'cloud.google.com/gke-accelerator': 'nvidia-tesla-t4',
    });
    expect(pod.spec['tolerations']).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(pod.spec['serviceAccountName']).toBe('runner-jobs');
    expect(pod.spec['automountServiceAccountToken']).toBe(true);
    expect(pod.spec['activeDeadlineSeconds']).toBe(7200);
  });

  test('a template keeps its own fields, takes the inputs over them, and loses an inline configuration', () => {
    const template = readPodTemplate(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'ignored', labels: { team: 'ml' } },
        spec: {
          activeDeadlineSeconds: 3600,
          priorityClassName: 'training',
          containers: [
            { name: 'sidecar', image: 'busybox' },
            {
              name: 'runner',
              image: 'registry.local/runner:1',
              env: [
                { name: 'RUNNER_GRACEFUL_STOP_TIMEOUT', value: '30' },
                { name: JIT_CONFIG_ENV, value: 'inline-config' },
              ],
              resources: { requests: { memory: '8Gi' } },
            },
          ],
        },
      },
      '.github/runner-pod.yaml',
    );
    const pod = renderRunnerPod({
      ...base,
      image: undefined,
      cpu: '2',
      template,
    }) as unknown as Pod;
    const runner = pod.spec.containers.find((c) => c.name === 'runner');
    expect(pod.metadata.name).toBe('mlops-1234567-2');
    expect(pod.metadata.labels['team']).toBe('ml');
    expect(pod.spec['priorityClassName']).toBe('training');
    expect(pod.spec['activeDeadlineSeconds']).toBe(3600);
    expect(runner?.image).toBe('registry.local/runner:1');
    expect(runner?.resources).toEqual({
      requests: { memory: '8Gi', cpu: '2' },
      limits: { cpu: '2' },
    });
    expect(runner?.env.map((e) => e.name)).toEqual([
      'RUNNER_GRACEFUL_STOP_TIMEOUT',
      JIT_CONFIG_ENV,
    ]);
    expect(JSON.stringify(pod)).not.toContain('inline-config');
    expect(pod.spec.containers.find((c) => c.name === 'sidecar')?.env).toBeUndefined();
  });

  test.each([
    [{ apiVersion: 'apps/v1', kind: 'Deployment', spec: {} }, /is not a Pod manifest/],
    [{ apiVersion: 'v1', kind: 'Pod', spec: { containers: [] } }, /the Pod has no containers/],
    ['just text', /is not a Pod manifest/],
  ])('a template that is not a usable Pod is refused (%#)', (document, message) => {
    expect(() => readPodTemplate(document, 'runner.yaml')).toThrow(message);
  });

  test('a template without an image and no image input is refused', () => {
    const template = readPodTemplate(
      { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'runner' }] } },
      'runner.yaml',
    );
    expect(() => renderRunnerPod({ ...base, image: undefined, template })).toThrow(
      /the runner container has no image/,
    );
  });
});

describe('labels and leftovers', () => {
  test.each([
    ['octo-org/demo', 'octo-org.demo'],
    ['Octo_Org/my repo', 'Octo_Org.my-repo'],
    ['-x-/y-', 'x-.y'],
  ])('labelValue(%s) is %s', (text, value) => {
    expect(labelValue(text)).toBe(value);
  });

  test('a long repository name keeps a hash, so two long names do not collide', () => {
    const a = labelValue(`octo-org/${'a'.repeat(90)}1`);
    const b = labelValue(`octo-org/${'a'.repeat(90)}2`);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
  });

  const pod = (phase: string, ageSeconds: number, lifetime = '3600') =>
    runnerPodInfo({
      metadata: {
        name: 'mlops-1-1',
        namespace: 'runners',
        creationTimestamp: new Date(Date.now() - ageSeconds * 1000).toISOString(),
        labels: { 'mlops-actions/run-id': '1', 'mlops-actions/run-attempt': '1' },
        annotations: {
          'mlops-actions/max-lifetime-seconds': lifetime,
          'mlops-actions/runner-id': '7',
        },
      },
      status: { phase },
    });

  test.each([
    ['Succeeded', 10, 'its runner has finished'],
    ['Failed', 10, 'it has failed'],
    ['Running', 3700, 'it is older than its max lifetime of 1h'],
    ['Pending', 3700, 'it is older than its max lifetime of 1h'],
    ['Running', 60, undefined],
  ])('a %s pod %i s old: %s', (phase, age, reason) => {
    expect(leftoverReason(pod(phase, age), Date.now())).toBe(reason);
  });

  test('runnerPodInfo reads the runner id and lifetime a start left on the pod', () => {
    expect(pod('Running', 1)).toMatchObject({
      runId: '1',
      attempt: '1',
      runnerId: 7,
      maxLifetimeSeconds: 3600,
    });
  });
});
