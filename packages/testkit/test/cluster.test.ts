// The local control plane of src/cluster: the real etcd, API server, controller manager and
// scheduler with kwok nodes. Started once for this file; every check goes through the real kubectl.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Cluster, startCluster } from '../src/cluster/index.ts';

let cluster: Cluster;
let startMs: number;

function deployment(name: string, image: string, replicas = 2): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: main, image: "${image}"}]
`;
}

interface PodList {
  items: {
    spec: { nodeName?: string };
    status: {
      phase: string;
      containerStatuses?: { state: { waiting?: { reason: string } } }[];
    };
  }[];
}

beforeAll(async () => {
  const started = Date.now();
  cluster = await startCluster();
  startMs = Date.now() - started;
});

afterAll(async () => {
  await cluster?.stop();
});

describe('a started cluster', () => {
  test('is ready within 15 s, on 127.0.0.1, with kubectl of the same release', async () => {
    expect(startMs).toBeLessThan(15_000);
    expect(cluster.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const version = JSON.parse((await cluster.kubectl(['version', '-o', 'json'])).stdout) as {
      clientVersion: { gitVersion: string };
      serverVersion: { gitVersion: string };
    };
    expect(version.serverVersion.gitVersion).toMatch(/^v1\.\d+\.\d+$/);
    expect(version.clientVersion.gitVersion).toBe(version.serverVersion.gitVersion);
  });

  test('has two Ready kwok nodes', async () => {
    const nodes = await cluster.kubectl([
      'get',
      'nodes',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}',
    ]);
    expect(nodes.stdout.trim().split('\n').sort()).toEqual([
      'kwok-node-0=True',
      'kwok-node-1=True',
    ]);
  });

  test('rolls a 2-replica Deployment out onto the kwok nodes', async () => {
    const ns = await cluster.namespace('rollout');
    await cluster.kubectl(['apply', '-n', ns, '-f', '-'], {
      input: deployment('web', 'example.test/web:1'),
    });
    const status = await cluster.kubectl([
      'rollout',
      'status',
      'deployment/web',
      '-n',
      ns,
      '--timeout=30s',
    ]);
    expect(status.stdout).toContain('deployment "web" successfully rolled out');
    const pods = JSON.parse(
      (await cluster.kubectl(['get', 'pods', '-n', ns, '-l', 'app=web', '-o', 'json'])).stdout,
    ) as PodList;
    expect(pods.items.map((p) => p.status.phase)).toEqual(['Running', 'Running']);
    expect(pods.items.every((p) => p.spec.nodeName?.startsWith('kwok-node-'))).toBe(true);
  });

  test('an outcome stage puts the pods of an image into ImagePullBackOff, and clearing it stops that', async () => {
    const ns = await cluster.namespace('outcome');
    await cluster.setOutcome({ image: 'example.test/web:broken' }, { kind: 'ImagePullBackOff' });
    await cluster.kubectl(['apply', '-n', ns, '-f', '-'], {
      input: deployment('bad', 'example.test/web:broken', 1),
    });
    let reason: string | undefined;
    for (let i = 0; i < 100 && reason !== 'ImagePullBackOff'; i++) {
      const pods = JSON.parse(
        (await cluster.kubectl(['get', 'pods', '-n', ns, '-l', 'app=bad', '-o', 'json'])).stdout,
      ) as PodList;
      reason = pods.items[0]?.status.containerStatuses?.[0]?.state.waiting?.reason;
      if (reason !== 'ImagePullBackOff') await new Promise((r) => setTimeout(r, 200));
    }
    expect(reason).toBe('ImagePullBackOff');
    await cluster.clearOutcome({ image: 'example.test/web:broken' });
    const left = await cluster.kubectl(['get', 'stages', '-o', 'name']);
    expect(left.stdout).not.toContain('mlops-outcome-');
  });

  test('a narrow service-account token is refused what its Role does not grant', async () => {
    const ns = await cluster.namespace('rbac');
    const token = await cluster.serviceAccountToken(ns, 'reader', [
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] },
    ]);
    const allowed = await cluster.kubectl(['get', 'configmaps', '-n', ns], { token });
    expect(allowed.code).toBe(0);
    const refused = await cluster.kubectl(['get', 'secrets', '-n', ns], {
      token,
      allowFail: true,
    });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      `User "system:serviceaccount:${ns}:reader" cannot list resource "secrets"`,
    );
  });
});

describe('stop', () => {
  test('ends every process and removes the folder', async () => {
    const other = await startCluster({ nodes: [{ name: 'solo' }] });
    const folder = other.kubeconfigPath.replace(/\/admin\.kubeconfig$/, '');
    expect(existsSync(folder)).toBe(true);
    const pids = () =>
      execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes(folder));
    expect(pids().length).toBeGreaterThanOrEqual(5);
    await other.stop();
    expect(existsSync(folder)).toBe(false);
    expect(pids()).toEqual([]);
  });
});
