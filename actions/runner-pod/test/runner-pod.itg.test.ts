// The bundled action against a real control plane (kube-apiserver, scheduler and controller
// manager, kwok playing the kubelets of a CPU node and a GPU node) and the local GitHub, which
// validates every call against GitHub's OpenAPI description. No runner binary runs on a kwok
// node: playRunnerPods plays the runner coming online once its pod runs.

import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ActionResult,
  type Cluster,
  type LocalGitHub,
  node24Path,
  playRunnerPods,
  type RunnerPodPlayer,
  repoRoot,
  runAction,
  scratchDir,
  startCluster,
  startLocalGitHub,
} from '@mlops-actions/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ACTION = join(repoRoot, 'actions', 'runner-pod');
const IMAGE = 'ghcr.io/acme/github-runner:2.330.0';
/** A runner image whose runner never reaches GitHub: its pod runs, its runner stays offline. */
const UNREACHABLE = 'ghcr.io/acme/github-runner-offline:2.330.0';
const ADMIN = 'github_pat_runneradmin0123456789abcdef';
const READER = 'github_pat_reader0123456789abcdef';
const APP_KEYS = generateKeyPairSync('rsa', { modulusLength: 2048 });
const APP_KEY = APP_KEYS.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

let cluster: Cluster;
let github: LocalGitHub;
let player: RunnerPodPlayer;
const results: ActionResult[] = [];
const startTimes: number[] = [];

beforeAll(async () => {
  [cluster, github] = await Promise.all([
    startCluster({
      nodes: [
        { name: 'cpu-node' },
        {
          name: 'gpu-node',
          resources: { 'nvidia.com/gpu': '1' },
          labels: { accelerator: 'nvidia-tesla-t4' },
        },
      ],
    }),
    startLocalGitHub({
      tokens: {
        [ADMIN]: {
          login: 'runner-admin',
          permissions: { 'octo-org/demo': { administration: 'write' } },
        },
        [READER]: { login: 'reader', permissions: { 'octo-org/demo': { contents: 'read' } } },
      },
      apps: [{ id: 4242, publicKey: APP_KEYS.publicKey }],
    }),
  ]);
  player = playRunnerPods(cluster, github, {
    neverOnline: (pod) => pod.images.includes(UNREACHABLE),
  });
});

afterAll(async () => {
  await player?.stop();
  await github?.stop();
  await cluster?.stop();
  if (startTimes.length) {
    const sorted = [...startTimes].sort((a, b) => a - b);
    console.log(
      `runner-pod start to an online runner: ${sorted.map((t) => `${(t / 1000).toFixed(1)}s`).join(', ')} (median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(1)}s)`,
    );
  }
});

interface Step {
  mode: 'start' | 'stop';
  namespace: string;
  run?: string;
  attempt?: string;
  repository?: string;
  inputs?: Record<string, string>;
  workspace?: string;
  timeoutMs?: number;
}

async function step(s: Step): Promise<ActionResult> {
  const result = await runAction({
    action: ACTION,
    inputs: {
      mode: s.mode,
      token: ADMIN,
      kubeconfig: cluster.kubeconfig(),
      namespace: s.namespace,
      image: IMAGE,
      ...s.inputs,
    },
    env: {
      PATH: cluster.env.PATH,
      GITHUB_RUN_ID: s.run ?? '1001',
      GITHUB_RUN_ATTEMPT: s.attempt ?? '1',
    },
    repository: s.repository ?? 'octo-org/demo',
    apiUrl: github.url,
    serverUrl: github.serverUrl,
    ...(s.workspace ? { workspace: s.workspace } : {}),
    ...(s.timeoutMs ? { timeoutMs: s.timeoutMs } : {}),
  });
  results.push(result);
  if (s.mode === 'start' && result.exitCode === 0) startTimes.push(result.steps[0]!.durationMs);
  return result;
}

const failureLine = (result: ActionResult) =>
  result.annotations.filter((a) => a.level === 'error').map((a) => a.message);

async function objects(namespace: string): Promise<string[]> {
  const { stdout } = await cluster.kubectl([
    'get',
    'pods,secrets',
    '-n',
    namespace,
    '-l',
    'app.kubernetes.io/managed-by=mlops-actions-runner-pod',
    '-o',
    'name',
  ]);
  return stdout.split('\n').filter(Boolean).sort();
}

/** waitGone waits until no runner pod or secret is left in the namespace (deletes are not waited for). */
async function waitGone(namespace: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await objects(namespace)).length === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`left behind in ${namespace}: ${(await objects(namespace)).join(', ')}`);
}

const registered = () => github.state.runners.map((r) => r.name).sort();

describe('start and stop', () => {
  test('start runs a runner pod that comes online with a label unique to the run; stop removes pod, secret and runner', async () => {
    const namespace = await cluster.namespace('runners');
    const started = await step({
      mode: 'start',
      namespace,
      run: '1234567',
      attempt: '2',
      inputs: { labels: 'linux-trainer', cpu: '2', memory: '4Gi', 'shm-size': '1Gi' },
    });
    expect(started.exitCode, started.log).toBe(0);
    expect(started.outputs).toMatchObject({
      label: 'mlops-1234567-2',
      'runner-name': 'mlops-1234567-2',
      pod: `${namespace}/mlops-1234567-2`,
    });
    const runner = github.state.runners.find((r) => r.name === 'mlops-1234567-2');
    expect(runner?.status).toBe('online');
    expect(runner?.labels).toEqual(['mlops-1234567-2', 'linux-trainer']);
    expect(started.outputs['runner-id']).toBe(String(runner?.id));
    expect(started.log).toMatch(/pod Running on node (cpu|gpu)-node/);
    expect(started.log).toMatch(/runner mlops-1234567-2 online in \d+\.\ds/);
    expect(started.summary).toContain('`mlops-1234567-2`');

    const pod = await cluster.get<{
      metadata: { labels: Record<string, string> };
      spec: {
        activeDeadlineSeconds: number;
        volumes: unknown[];
        containers: { resources: unknown }[];
      };
    }>('pod', 'mlops-1234567-2', namespace);
    expect(pod?.metadata.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'mlops-actions-runner-pod',
      'mlops-actions/repository': 'octo-org.demo',
      'mlops-actions/run-id': '1234567',
      'mlops-actions/run-attempt': '2',
    });
    expect(pod?.spec.activeDeadlineSeconds).toBe(21600);
    expect(pod?.spec.containers[0]?.resources).toEqual({
      requests: { cpu: '2', memory: '4Gi' },
      limits: { cpu: '2', memory: '4Gi' },
    });
    expect(pod?.spec.volumes).toContainEqual({
      name: 'dshm',
      emptyDir: { medium: 'Memory', sizeLimit: '1Gi' },
    });
    // The kubeconfig was written 0600 and is gone after the post step.
    expect(started.state['kubeconfig-dir']).toBeTruthy();
    expect(existsSync(started.state['kubeconfig-dir']!)).toBe(false);

    const stopped = await step({ mode: 'stop', namespace, run: '1234567', attempt: '2' });
    expect(stopped.exitCode, stopped.log).toBe(0);
    expect(JSON.parse(stopped.outputs['removed'] ?? '[]')).toEqual([
      'secret/mlops-1234567-2-jitconfig',
      'pod/mlops-1234567-2',
      `runner/${runner?.id}`,
    ]);
    expect(stopped.log).toMatch(/removed pod\/mlops-1234567-2/);
    await waitGone(namespace);
    expect(registered()).not.toContain('mlops-1234567-2');

    // A second stop finds nothing and still succeeds.
    const again = await step({ mode: 'stop', namespace, run: '1234567', attempt: '2' });
    expect(again.exitCode, again.log).toBe(0);
    expect(again.outputs['removed']).toBe('[]');
    expect(again.log).toContain('runner mlops-1234567-2 is no longer registered');
  });

  test('a GitHub App starts and stops the runner with an installation token limited to administration', async () => {
    const namespace = await cluster.namespace('runners');
    const app = { token: '', 'app-id': '4242', 'app-private-key': APP_KEY };
    const started = await step({ mode: 'start', namespace, run: '1500', inputs: app });
    expect(started.exitCode, started.log).toBe(0);
    const minted = github.state.installationTokens.at(-1);
    expect(minted?.permissions).toEqual({ administration: 'write' });
    expect(minted?.repositories).toEqual(['octo-org/demo']);
    expect(github.state.runners.find((r) => r.name === 'mlops-1500-1')?.status).toBe('online');
    const stopped = await step({ mode: 'stop', namespace, run: '1500', inputs: app });
    expect(stopped.exitCode, stopped.log).toBe(0);
    await waitGone(namespace);
    expect(registered()).not.toContain('mlops-1500-1');
  });

  test('two concurrent runs get two runners with two labels', async () => {
    const namespace = await cluster.namespace('runners');
    const [a, b] = await Promise.all([
      step({ mode: 'start', namespace, run: '2001' }),
      step({ mode: 'start', namespace, run: '2002' }),
    ]);
    expect(a.exitCode, a.log).toBe(0);
    expect(b.exitCode, b.log).toBe(0);
    expect([a.outputs['label'], b.outputs['label']]).toEqual(['mlops-2001-1', 'mlops-2002-1']);
    expect(a.outputs['runner-id']).not.toBe(b.outputs['runner-id']);
    expect(await objects(namespace)).toEqual([
      'pod/mlops-2001-1',
      'pod/mlops-2002-1',
      'secret/mlops-2001-1-jitconfig',
      'secret/mlops-2002-1-jitconfig',
    ]);
    // Stopping one run leaves the other's runner alone.
    await step({ mode: 'stop', namespace, run: '2001' });
    await waitGoneObject(namespace, 'pod/mlops-2001-1');
    expect(await objects(namespace)).toEqual(['pod/mlops-2002-1', 'secret/mlops-2002-1-jitconfig']);
    expect(github.state.runners.find((r) => r.name === 'mlops-2002-1')?.status).toBe('online');
    await step({ mode: 'stop', namespace, run: '2002' });
    await waitGone(namespace);
  });

  test('a GPU runner lands on the GPU node, with the toleration and node selector asked for', async () => {
    const namespace = await cluster.namespace('runners');
    const started = await step({
      mode: 'start',
      namespace,
      run: '3001',
      inputs: {
        gpu: '1',
        'node-selector': 'accelerator=nvidia-tesla-t4',
        tolerations: 'nvidia.com/gpu:NoSchedule',
      },
    });
    expect(started.exitCode, started.log).toBe(0);
    expect(started.log).toMatch(/pod Running on node gpu-node/);
    const pod = await cluster.get<{ spec: { containers: { resources: unknown }[] } }>(
      'pod',
      'mlops-3001-1',
      namespace,
    );
    // The API server defaults the requests of an extended resource to its limits.
    expect(pod?.spec.containers[0]?.resources).toEqual({
      limits: { 'nvidia.com/gpu': '1' },
      requests: { 'nvidia.com/gpu': '1' },
    });
    await step({ mode: 'stop', namespace, run: '3001' });
    await waitGone(namespace);
  });
});

async function waitGoneObject(namespace: string, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (!(await objects(namespace)).includes(name)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} is still in ${namespace}`);
}

describe('failures leave nothing behind', () => {
  test('a GPU request no node can meet fails with the scheduler message', async () => {
    const namespace = await cluster.namespace('runners');
    const result = await step({ mode: 'start', namespace, run: '4001', inputs: { gpu: '2' } });
    expect(result.exitCode).toBe(1);
    const [line, ...more] = failureLine(result);
    expect(more).toEqual([]);
    expect(line).toMatch(
      /^runner-pod failed: runner pod mlops-4001-1 cannot be scheduled: 0\/2 nodes are available: .*Insufficient nvidia\.com\/gpu.*Ask for resources a node has free/,
    );
    expect(result.log).toMatch(/removed pod\/mlops-4001-1/);
    expect(result.log).toMatch(/removed runner \d+ from GitHub/);
    await waitGone(namespace);
    expect(registered()).not.toContain('mlops-4001-1');
  });

  test('an image that cannot be pulled fails early, naming the image', async () => {
    const namespace = await cluster.namespace('runners');
    const image = 'ghcr.io/acme/no-such-runner:1';
    await cluster.setOutcome({ image }, { kind: 'ImagePullBackOff' });
    try {
      const result = await step({ mode: 'start', namespace, run: '4002', inputs: { image } });
      expect(result.exitCode).toBe(1);
      expect(failureLine(result)).toEqual([
        expect.stringMatching(
          /^runner-pod failed: runner pod mlops-4002-1 cannot start: ImagePullBackOff in container runner of pod mlops-4002-1 .*no-such-runner:1.* Check the image name/,
        ),
      ]);
      await waitGone(namespace);
      expect(registered()).not.toContain('mlops-4002-1');
    } finally {
      await cluster.clearOutcome({ image });
    }
  });

  test('a runner that does not come online within timeout fails and is removed', async () => {
    const namespace = await cluster.namespace('runners');
    const result = await step({
      mode: 'start',
      namespace,
      run: '4003',
      inputs: { image: UNREACHABLE, timeout: '10s' },
    });
    expect(result.exitCode).toBe(1);
    expect(failureLine(result)).toEqual([
      expect.stringMatching(
        /^runner-pod failed: the runner of pod mlops-4003-1 did not come online in GitHub within 10s\. The runner could not connect: see `kubectl logs mlops-4003-1/,
      ),
    ]);
    await waitGone(namespace);
    expect(registered()).not.toContain('mlops-4003-1');
  });

  test.each([
    [
      '401: an unknown token',
      { token: 'github_pat_unknown0123456789' },
      'octo-org/demo',
      /GitHub refused the credential \(HTTP 401\)/,
    ],
    [
      '403: a token without Administration',
      { token: READER },
      'octo-org/demo',
      /GitHub denied creating the just-in-time runner configuration for octo-org\/demo \(HTTP 403.*Administration: read and write/,
    ],
    [
      '404: a repository GitHub does not know',
      {},
      'octo-org/missing',
      /GitHub answered 404 while creating the just-in-time runner configuration for octo-org\/missing/,
    ],
  ])('%s is one clear error and nothing is created', async (_name, inputs, repository, message) => {
    const namespace = await cluster.namespace('runners');
    const before = github.state.runners.length;
    const result = await step({ mode: 'start', namespace, run: '4004', repository, inputs });
    expect(result.exitCode).toBe(1);
    expect(failureLine(result)).toEqual([expect.stringMatching(message)]);
    expect(await objects(namespace)).toEqual([]);
    expect(github.state.runners.length).toBe(before);
  });
});

describe('stop cleans up after what went wrong', () => {
  test('a stop after a start that was killed mid-way removes the pod, the secret and the runner', async () => {
    const namespace = await cluster.namespace('runners');
    // The harness kills the step (SIGKILL, as a cancelled job's process may die) while it waits.
    const killed = await step({
      mode: 'start',
      namespace,
      run: '5001',
      inputs: { image: UNREACHABLE },
      timeoutMs: 8000,
    });
    expect(killed.steps[0]?.exitCode).not.toBe(0);
    expect(await objects(namespace)).toEqual(['pod/mlops-5001-1', 'secret/mlops-5001-1-jitconfig']);
    expect(registered()).toContain('mlops-5001-1');
    const stopped = await step({ mode: 'stop', namespace, run: '5001' });
    expect(stopped.exitCode, stopped.log).toBe(0);
    expect(stopped.log).toMatch(/removed runner \d+ \(mlops-5001-1\) from GitHub/);
    await waitGone(namespace);
    expect(registered()).not.toContain('mlops-5001-1');
  });

  test('a start cancelled with SIGINT (as the runner cancels a step) removes what it made, then exits 130', async () => {
    const namespace = await cluster.namespace('runners');
    const dir = scratchDir('runner-pod-cancel-');
    const child = spawn(node24Path(), [join(ACTION, 'dist', 'index.js')], {
      cwd: dir,
      env: {
        PATH: cluster.env.PATH,
        HOME: dir,
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'octo-org/demo',
        GITHUB_RUN_ID: '5101',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: github.serverUrl,
        GITHUB_WORKSPACE: dir,
        RUNNER_TEMP: dir,
        INPUT_MODE: 'start',
        INPUT_TOKEN: ADMIN,
        INPUT_KUBECONFIG: cluster.kubeconfig(),
        INPUT_NAMESPACE: namespace,
        INPUT_IMAGE: UNREACHABLE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the start never waited: ${out}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('waiting for the runner to show online')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(await objects(namespace)).toEqual(['pod/mlops-5101-1', 'secret/mlops-5101-1-jitconfig']);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(out).toMatch(/SIGINT received .*removing runner mlops-5101-1/);
    expect(out).toMatch(/removed runner \d+ from GitHub/);
    await waitGone(namespace);
    expect(registered()).not.toContain('mlops-5101-1');
    const shown = out
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(shown).not.toContain(ADMIN);
    for (const jit of github.state.jitConfigs) expect(shown).not.toContain(jit.encodedJitConfig);
  });

  test('a pod past its activeDeadlineSeconds is failed by Kubernetes, and a later stop removes it as a leftover', async () => {
    const namespace = await cluster.namespace('runners');
    const workspace = scratchDir('runner-pod-ws-');
    mkdirSync(join(workspace, '.github'), { recursive: true });
    writeFileSync(
      join(workspace, '.github', 'runner-pod.yaml'),
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {labels: {team: ml}}',
        'spec:',
        '  activeDeadlineSeconds: 6',
        '  containers:',
        '    - name: runner',
        `      image: ${IMAGE}`,
        '',
      ].join('\n'),
    );
    const started = await step({
      mode: 'start',
      namespace,
      run: '6001',
      workspace,
      inputs: { image: '', 'pod-template': '.github/runner-pod.yaml' },
    });
    expect(started.exitCode, started.log).toBe(0);
    type PodStatus = { status: { phase: string; reason?: string } };
    let pod = await cluster.get<PodStatus>('pod', 'mlops-6001-1', namespace);
    expect(pod?.status.phase).toBe('Running');
    for (let i = 0; i < 60 && pod?.status.phase !== 'Failed'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      pod = await cluster.get<PodStatus>('pod', 'mlops-6001-1', namespace);
    }
    expect(pod?.status).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
    const stopped = await step({ mode: 'stop', namespace, run: '6002' });
    expect(stopped.exitCode, stopped.log).toBe(0);
    expect(stopped.log).toContain('removed pod/mlops-6001-1 (it has failed)');
    await waitGone(namespace);
  });

  test('leftovers older than their max lifetime are removed; young pods and other repositories are untouched', async () => {
    const namespace = await cluster.namespace('runners');
    const pod = (name: string, repository: string, run: string, lifetime: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace,
        labels: {
          'app.kubernetes.io/managed-by': 'mlops-actions-runner-pod',
          'mlops-actions/repository': repository,
          'mlops-actions/run-id': run,
          'mlops-actions/run-attempt': '1',
        },
        annotations: { 'mlops-actions/max-lifetime-seconds': lifetime },
      },
      spec: { containers: [{ name: 'runner', image: UNREACHABLE }] },
    });
    await cluster.kubectl(['apply', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          pod('old-run', 'octo-org.demo', '7001', '1'),
          pod('young-run', 'octo-org.demo', '7002', '3600'),
          pod('other-repo', 'octo-org.other', '7003', '1'),
        ],
      }),
    });
    await new Promise((r) => setTimeout(r, 2500));
    const stopped = await step({ mode: 'stop', namespace, run: '7004' });
    expect(stopped.exitCode, stopped.log).toBe(0);
    expect(stopped.log).toContain('removed pod/old-run (it is older than its max lifetime of 1s)');
    expect(JSON.parse(stopped.outputs['removed'] ?? '[]')).toEqual(['pod/old-run']);
    await waitGoneObject(namespace, 'pod/old-run');
    expect(await objects(namespace)).toEqual(['pod/other-repo', 'pod/young-run']);
  });
});

describe('bad inputs through the bundle', () => {
  test.each([
    [{ mode: 'restart' }, /input 'mode' is 'restart'/],
    [{ gpu: 'two' }, /input 'gpu' is 'two'/],
    [{ kubeconfig: 'not: [a kubeconfig' }, /input 'kubeconfig' is not valid YAML/],
    [
      { context: 'prod' },
      /input 'context' is 'prod', which the kubeconfig does not define. Use one of: local/,
    ],
    [
      { image: '', 'pod-template': 'missing.yaml' },
      /input 'pod-template' names missing.yaml, which does not exist/,
    ],
  ])('%j: exit 1, one error line, no call to GitHub, nothing created', async (inputs, message) => {
    const namespace = await cluster.namespace('runners');
    const calls = github.requests.length;
    const result = await step({ mode: 'start', namespace, run: '8001', inputs });
    expect(result.exitCode).toBe(1);
    expect(failureLine(result)).toEqual([expect.stringMatching(message)]);
    expect(github.requests.length).toBe(calls);
    expect(await objects(namespace)).toEqual([]);
  });
});

describe('secrets', () => {
  test('no JIT configuration, GitHub credential or cluster token in any log, output, annotation or summary, and none in the cluster but the one Secret', async () => {
    const namespace = await cluster.namespace('runners');
    const started = await step({ mode: 'start', namespace, run: '9001' });
    expect(started.exitCode, started.log).toBe(0);
    const jit = github.state.jitConfigs.at(-1)!.encodedJitConfig;
    const { stdout: pods } = await cluster.kubectl(['get', 'pods', '-A', '-o', 'json']);
    const { stdout: secrets } = await cluster.kubectl(['get', 'secrets', '-A', '-o', 'json']);
    expect(pods).not.toContain(jit);
    expect(secrets).toContain(Buffer.from(jit).toString('base64'));
    for (const credential of [ADMIN, READER]) {
      expect(pods).not.toContain(credential);
      expect(secrets).not.toContain(Buffer.from(credential).toString('base64'));
    }
    await step({ mode: 'stop', namespace, run: '9001' });
    const everyJit = github.state.jitConfigs.map((j) => j.encodedJitConfig);
    for (const result of results) {
      const shown = [
        result.logWithoutMasks,
        JSON.stringify(result.outputs),
        JSON.stringify(result.annotations),
        result.summary,
      ].join('\n');
      const appSecrets = [
        ...APP_KEY.split('\n').filter((l) => l.length > 20),
        ...github.state.installationTokens.map((t) => t.token),
      ];
      for (const secret of [...everyJit, ADMIN, READER, cluster.adminToken, ...appSecrets]) {
        expect(shown).not.toContain(secret);
      }
    }
    expect(results.length).toBeGreaterThan(1);
    github.assertNoViolations();
  });
});
