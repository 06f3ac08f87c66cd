import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failureLine, Inputs } from '@mlops-actions/core';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { readInputs } from '../src/main.ts';

const workspace = mkdtempSync(join(tmpdir(), 'runner-pod-inputs-'));
mkdirSync(join(workspace, '.github'), { recursive: true });
writeFileSync(join(workspace, '.github', 'runner-pod.yaml'), 'apiVersion: v1\nkind: Pod\n');

const env = (inputs: Record<string, string>) => {
  const out: Record<string, string> = { GITHUB_WORKSPACE: workspace };
  const all = { mode: 'start', token: 'ghp_admin', image: 'ghcr.io/acme/runner:1', ...inputs };
  for (const [k, v] of Object.entries(all)) out[`INPUT_${k.toUpperCase()}`] = v;
  return out;
};
const read = (inputs: Record<string, string>) => readInputs(new Inputs(env(inputs)));

beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('readInputs', () => {
  test('every input is read into one typed object', () => {
    expect(
      read({
        labels: 'gpu, cuda-12\nlarge',
        namespace: 'github-runners',
        cpu: '1500m',
        memory: '16Gi',
        gpu: '2',
        'shm-size': '4Gi',
        'node-selector': 'cloud.google.com/gke-accelerator=nvidia-tesla-t4',
        tolerations: 'nvidia.com/gpu:NoSchedule\ndedicated=ml:NoExecute\nspot',
        'service-account': 'runner-jobs',
        'max-lifetime': '2h',
        timeout: '15m',
        scope: 'Organization',
        'runner-group-id': '3',
      }),
    ).toEqual({
      mode: 'start',
      credential: { kind: 'token', token: 'ghp_admin' },
      scope: 'organization',
      runnerGroupId: 3,
      labels: ['gpu', 'cuda-12', 'large'],
      kubeconfig: undefined,
      context: undefined,
      namespace: 'github-runners',
      podTemplate: undefined,
      image: 'ghcr.io/acme/runner:1',
      cpu: '1500m',
      memory: '16Gi',
      gpu: 2,
      gpuResource: 'nvidia.com/gpu',
      shmSize: '4Gi',
      nodeSelector: { 'cloud.google.com/gke-accelerator': 'nvidia-tesla-t4' },
      tolerations: [
        { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'dedicated', operator: 'Equal', value: 'ml', effect: 'NoExecute' },
        { key: 'spot', operator: 'Exists' },
      ],
      serviceAccount: 'runner-jobs',
      maxLifetimeSeconds: 7200,
      timeoutMs: 900_000,
    });
  });

  test('an App replaces the token, and its key is masked before anything else', () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----';
    const inputs = read({ 'app-id': '123', 'app-private-key': key });
    expect(inputs.credential).toEqual({
      kind: 'app',
      appId: '123',
      privateKey: key,
      installationId: undefined,
    });
    expect(writes.join('')).toContain('::add-mask::MIIabc');
  });

  test('stop needs no image, and a pod template replaces it for start', () => {
    expect(read({ mode: 'stop', image: '' }).mode).toBe('stop');
    expect(read({ image: '', 'pod-template': '.github/runner-pod.yaml' }).podTemplate).toBe(
      join(workspace, '.github', 'runner-pod.yaml'),
    );
  });

  // Each bad input: one error naming the input, with what to do.
  test.each([
    [{ mode: '' }, /input 'mode' is required/],
    [{ mode: 'begin' }, /input 'mode' is 'begin'.*start, stop/],
    [{ token: '' }, /input 'token' is empty and no GitHub App is set/],
    [
      { 'app-id': '12x!', 'app-private-key': '-----BEGIN PRIVATE KEY-----' },
      /input 'app-id' is '12x!', which is not a GitHub App id/,
    ],
    [
      { 'app-private-key': '-----BEGIN PRIVATE KEY-----' },
      /input 'app-id' is empty but app-private-key is set/,
    ],
    [{ 'app-id': '123' }, /input 'app-private-key' is empty but app-id is set/],
    [
      { 'app-id': '123', 'app-private-key': 'not a key' },
      /input 'app-private-key' is not a PEM private key/,
    ],
    [
      {
        'app-id': '123',
        'app-private-key': '-----BEGIN PRIVATE KEY-----',
        'app-installation-id': 'abc',
      },
      /input 'app-installation-id' is 'abc', which is not a number/,
    ],
    [{ scope: 'enterprise' }, /input 'scope' is 'enterprise'.*repository, organization/],
    [{ 'runner-group-id': '0' }, /input 'runner-group-id' is '0'.*1 or more/],
    [{ 'runner-group-id': 'default' }, /input 'runner-group-id' is 'default'/],
    [{ labels: 'gpu big' }, /input 'labels' has 'gpu big', which is not a runner label/],
    [{ labels: 'x'.repeat(101) }, /input 'labels' has 'x+', which is not a runner label/],
    [
      { namespace: 'Runners_NS' },
      /input 'namespace' is 'Runners_NS', which is not a namespace name/,
    ],
    [{ cpu: 'four' }, /input 'cpu' is 'four', which is not a Kubernetes quantity.*1500m/],
    [{ cpu: '-1' }, /input 'cpu' is '-1', which is not a Kubernetes quantity/],
    [{ memory: '16GB' }, /input 'memory' is '16GB', which is not a Kubernetes quantity.*16Gi/],
    [{ gpu: '1.5' }, /input 'gpu' is '1.5'.*whole number from 0 to 64/],
    [{ gpu: '-1' }, /input 'gpu' is '-1'/],
    [
      { 'gpu-resource': 'gpu' },
      /input 'gpu-resource' is 'gpu', which is not an extended resource name.*nvidia.com\/gpu/,
    ],
    [{ 'shm-size': 'lots' }, /input 'shm-size' is 'lots', which is not a Kubernetes quantity.*4Gi/],
    [
      { 'node-selector': 'gpu' },
      /input 'node-selector' has 'gpu', which is not a KEY=VALUE node label/,
    ],
    [{ 'node-selector': 'bad key!=x' }, /input 'node-selector' has 'bad key!=x'/],
    [
      { tolerations: 'nvidia.com/gpu:Sometimes' },
      /input 'tolerations' has 'nvidia.com\/gpu:Sometimes', which is not a toleration.*NoSchedule/,
    ],
    [{ tolerations: '=ml:NoSchedule' }, /input 'tolerations' has '=ml:NoSchedule'/],
    [
      { 'service-account': 'Runner Jobs' },
      /input 'service-account' is 'Runner Jobs', which is not a service account name/,
    ],
    [{ 'max-lifetime': 'forever' }, /input 'max-lifetime' is 'forever', which is not a duration/],
    [{ 'max-lifetime': '30s' }, /input 'max-lifetime' is '30s', outside one minute to one week/],
    [{ 'max-lifetime': '200h' }, /input 'max-lifetime' is '200h', outside one minute to one week/],
    [{ timeout: '5s' }, /input 'timeout' is shorter than ten seconds/],
    [
      { image: 'GHCR.io/Acme/Runner:1' },
      /input 'image' is 'GHCR.io\/Acme\/Runner:1', which is not an image reference/,
    ],
    [{ image: 'runner image' }, /input 'image' is 'runner image', which is not an image reference/],
    [{ image: '' }, /input 'image' is empty and no pod-template names one/],
    [{ 'pod-template': '../outside.yaml' }, /input 'pod-template'/],
  ])('%j is refused: %s', (inputs, message) => {
    let thrown: unknown;
    try {
      read(inputs);
    } catch (error) {
      thrown = error;
    }
    // The one line the step fails with: what is wrong, then what to do.
    const line = failureLine('runner-pod', thrown);
    expect(line).toMatch(message);
    expect(line).toMatch(/^runner-pod failed: input '[a-z-]+' .+\. .+\.$/);
    expect(line).not.toContain('\n');
  });
});
