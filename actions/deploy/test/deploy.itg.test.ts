// The bundled action, run as the runner runs it, with the real kubectl against a real control plane
// (etcd, kube-apiserver, controller manager and scheduler of scripts/kube, kwok playing the
// kubelets): one cluster for this file, a namespace per test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type ActionResult,
  type Cluster,
  node24Path,
  repoRoot,
  runAction,
  startCluster,
} from '@mlops-actions/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const action = resolve(import.meta.dirname, '..');
let cluster: Cluster;
let home: string;

const DEPLOYMENT = `# The classifier, served by BentoML.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: classifier   # keep in sync with the Service
spec:
  replicas: 2
  selector:
    matchLabels: {app: classifier}
  template:
    metadata:
      labels: {app: classifier}
    spec:
      initContainers:
      - name: fetch-model
        image: localhost:5000/tools:1
      containers:
      - name: classifier
        image: "localhost:5000/classifier:old"   # set by CI
        ports: [{containerPort: 3000}]
---
# How the classifier is reached.
apiVersion: v1
kind: Service
metadata: {name: classifier}
spec:
  selector: {app: classifier}
  ports: [{port: 80, targetPort: 3000}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: classifier-settings}
data:
  threshold: "0.5"  # tuned on the validation set
`;

/** A workspace with kubernetes/deployment.yaml (and optional extra or replaced files). */
function workspace(files: Record<string, string> = {}): string {
  const ws = mkdtempSync(join(tmpdir(), 'deploy-ws-'));
  for (const [path, text] of Object.entries({
    'kubernetes/deployment.yaml': DEPLOYMENT,
    ...files,
  })) {
    mkdirSync(join(ws, path, '..'), { recursive: true });
    writeFileSync(join(ws, path), text);
  }
  return ws;
}

function deploy(
  ws: string,
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; token?: string } = {},
): Promise<ActionResult> {
  return runAction({
    action,
    workspace: ws,
    env: { HOME: home, PATH: cluster.env['PATH']!, ...options.env },
    sha: 'c0ffee'.padEnd(40, '0'),
    inputs: {
      kubeconfig: cluster.kubeconfig(options.token ? { token: options.token } : {}),
      timeout: '60s',
      ...inputs,
    },
  });
}

type Workload = {
  metadata: { annotations?: Record<string, string>; resourceVersion: string; generation: number };
  spec: { template: { spec: { containers: { name: string; image: string }[] } } };
};

async function image(namespace: string, name = 'classifier', kind = 'deployment'): Promise<string> {
  const object = await cluster.get<Workload>(kind, name, namespace);
  return object!.spec.template.spec.containers[0]!.image;
}

/** What a namespace holds, with versions: equal before and after means nothing changed. */
async function snapshot(namespace: string): Promise<string> {
  const out = await cluster.kubectl([
    'get',
    'deployments,replicasets,statefulsets,daemonsets,services,configmaps,cronjobs',
    '-n',
    namespace,
    '-o',
    'jsonpath={range .items[*]}{.kind}/{.metadata.name}@{.metadata.resourceVersion}{"\\n"}{end}',
  ]);
  // kube-root-ca.crt is put in every namespace by the controller manager.
  return out.stdout
    .split('\n')
    .filter((line) => line && !line.startsWith('ConfigMap/kube-root-ca.crt@'))
    .sort()
    .join('\n');
}

interface ReplicaSetList {
  items: {
    metadata: { name: string; annotations: Record<string, string> };
    spec: { replicas: number; template: { spec: { containers: { image: string }[] } } };
    status: { readyReplicas?: number };
  }[];
}

async function replicaSets(namespace: string): Promise<ReplicaSetList['items']> {
  const out = await cluster.kubectl(['get', 'replicasets', '-n', namespace, '-o', 'json']);
  return (JSON.parse(out.stdout) as ReplicaSetList).items;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function failure(result: ActionResult): string {
  return result.annotations.at(-1)?.message ?? '';
}

beforeAll(async () => {
  execFileSync(node24Path(), [join(repoRoot, 'scripts', 'build-action.mjs'), action], {
    stdio: 'inherit',
  });
  home = mkdtempSync(join(tmpdir(), 'deploy-home-'));
  const started = Date.now();
  cluster = await startCluster();
  console.log(`cluster ready in ${Date.now() - started} ms`);
});

afterAll(async () => {
  await cluster?.stop();
});

describe('a first deploy, then an image update', () => {
  let ns: string;
  let ws: string;
  let first: ActionResult;
  let second: ActionResult;

  beforeAll(async () => {
    ns = await cluster.namespace('update');
    ws = workspace();
    first = await deploy(ws, { namespace: ns, images: 'classifier=localhost:5000/classifier:v1' });
    second = await deploy(ws, {
      namespace: ns,
      images: `localhost:5000/classifier=localhost:5000/classifier:v2@sha256:${'d'.repeat(64)}`,
    });
  });

  test('the first deploy applies the three documents and the rollout becomes ready', () => {
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.outputs['applied']!)).toEqual([
      { kind: 'Deployment', namespace: ns, name: 'classifier' },
      { kind: 'Service', namespace: ns, name: 'classifier' },
      { kind: 'ConfigMap', namespace: ns, name: 'classifier-settings' },
    ]);
    expect(first.log).toContain(
      '[deployment/classifier] deployment "classifier" successfully rolled out',
    );
  });

  test('the image with a registry port is set on the cluster, and reported in the output', async () => {
    expect(JSON.parse(first.outputs['images']!)).toEqual([
      {
        file: 'kubernetes/deployment.yaml',
        kind: 'Deployment',
        name: 'classifier',
        container: 'classifier',
        from: 'localhost:5000/classifier:old',
        to: 'localhost:5000/classifier:v1',
      },
    ]);
    expect(await image(ns)).toBe(`localhost:5000/classifier:v2@sha256:${'d'.repeat(64)}`);
  });

  test('the update rolls out a second ReplicaSet, and the first is scaled to zero', async () => {
    expect(second.exitCode).toBe(0);
    const sets = await replicaSets(ns);
    const byRevision = Object.fromEntries(
      sets.map((rs) => [rs.metadata.annotations['deployment.kubernetes.io/revision'], rs]),
    );
    expect(Object.keys(byRevision).sort()).toEqual(['1', '2']);
    expect(byRevision['1']!.spec.replicas).toBe(0);
    expect(byRevision['2']!.status.readyReplicas).toBe(2);
  });

  test('the applied manifest keeps its comments, and the checkout is left as it was', () => {
    const rendered = readFileSync(
      join(second.outputs['rendered-path']!, 'kubernetes', 'deployment.yaml'),
      'utf8',
    );
    for (const comment of [
      '# The classifier, served by BentoML.',
      '# set by CI',
      '# keep in sync with the Service',
      '# How the classifier is reached.',
      '# tuned on the validation set',
    ])
      expect(rendered).toContain(comment);
    expect(readFileSync(join(ws, 'kubernetes', 'deployment.yaml'), 'utf8')).toBe(DEPLOYMENT);
  });

  test('objects carry the commit, the run URL and a change cause that rollout history shows', async () => {
    const object = await cluster.get<Workload>('deployment', 'classifier', ns);
    const annotations = object!.metadata.annotations!;
    expect(annotations['mlops-actions/commit']).toBe('c0ffee'.padEnd(40, '0'));
    expect(annotations['mlops-actions/run-url']).toBe(
      'https://github.com/octo-org/demo/actions/runs/4242',
    );
    const history = await cluster.kubectl([
      'rollout',
      'history',
      'deployment/classifier',
      '-n',
      ns,
    ]);
    expect(history.stdout).toMatch(/2\s+mlops-actions deploy of c0ffee000000/);
  });

  test('the job summary lists the rollout, the image running and the image before', () => {
    expect(second.summary).toContain('### Deployed');
    expect(second.summary).toContain(
      `| deployment/classifier | ${ns} | ready | fetch-model: localhost:5000/tools:1, classifier: localhost:5000/classifier:v2@sha256:${'d'.repeat(64)} |`,
    );
    expect(second.summary).toContain(
      `| deployment/classifier | classifier | localhost:5000/classifier:v2@sha256:${'d'.repeat(64)} | localhost:5000/classifier:old | localhost:5000/classifier:old |`,
    );
  });

  test('the objects are checked before they are applied: permissions and a server-side dry run', () => {
    expect(first.log).toMatch(/\d+ of \d+ permissions granted/);
    expect(first.log).toContain('server-side dry run: 3 objects valid');
  });

  test('the kubeconfig token never reaches the log, and the kubeconfig file is gone after the post step', () => {
    expect(first.logWithoutMasks).not.toContain(cluster.adminToken);
    expect(first.masked).toContain(cluster.adminToken);
    expect(first.state['kubeconfig-dir']).toContain(first.paths.temp);
    expect(existsSync(first.state['kubeconfig-dir']!)).toBe(false);
    expect(first.log).toContain('kubeconfig removed');
  });
});

describe('the kubeconfig file', () => {
  test('is written with mode 0600 in a folder of its own under RUNNER_TEMP, which only post removes', async () => {
    const ns = await cluster.namespace('kubeconfig');
    const result = await runAction({
      action,
      workspace: workspace(),
      steps: ['main'],
      env: { HOME: home, PATH: cluster.env['PATH']! },
      inputs: {
        kubeconfig: cluster.kubeconfig(),
        namespace: ns,
        images: 'classifier=localhost:5000/classifier:m1',
      },
    });
    expect(result.exitCode).toBe(0);
    const dir = result.state['kubeconfig-dir']!;
    expect(dir.startsWith(result.paths.temp)).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'config')).mode & 0o777).toBe(0o600);
  });
});

describe('rollouts that fail, with the diagnosis and the real rollout undo', () => {
  /** A namespace where the classifier already runs `good`, for a second deploy to break. */
  async function running(prefix: string, good: string): Promise<{ ns: string; ws: string }> {
    const ns = await cluster.namespace(prefix);
    const ws = workspace();
    const result = await deploy(ws, { namespace: ns, images: `classifier=${good}` });
    expect(result.exitCode, result.log).toBe(0);
    return { ns, ws };
  }

  test('ImagePullBackOff fails early, is diagnosed, and rollout undo restores the previous ReplicaSet', async () => {
    const broken = 'localhost:5000/classifier:broken-pull';
    await cluster.setOutcome({ image: broken }, { kind: 'ImagePullBackOff' });
    const { ns, ws } = await running('pull', 'localhost:5000/classifier:good');
    const [before] = await replicaSets(ns);
    const started = Date.now();
    const result = await deploy(ws, {
      namespace: ns,
      images: `classifier=${broken}`,
      timeout: '5m',
    });
    const seconds = (Date.now() - started) / 1000;
    expect(result.exitCode).toBe(1);
    expect(seconds).toBeLessThan(60);
    expect(failure(result)).toMatch(
      /^deploy failed: 1 of 1 rollout failed: deployment\/classifier \(ImagePullBackOff in container classifier of pod classifier-\w+-\w+ \(Back-off pulling image "localhost:5000\/classifier:broken-pull": not found\), which does not heal by itself \(stopped after \d+s, not at the 5m timeout\)\)\. The previous revision was restored/,
    );
    expect(result.annotations[0]).toMatchObject({
      level: 'error',
      title: 'Rollout failed',
      file: 'kubernetes/deployment.yaml',
      line: 2,
    });
    expect(result.log).toMatch(
      /::group::Why deployment\/classifier is not ready\nPods that are not ready:\n {2}classifier-\w+-\w+ \(classifier\): ImagePullBackOff: Back-off pulling image/,
    );
    expect(result.log).toContain('deployment.apps/classifier rolled back');
    expect(result.outputs['rolled-back']).toBe('true');
    expect(await image(ns)).toBe('localhost:5000/classifier:good');
    // The real undo: the first ReplicaSet is the current one again (as revision 3), with its pods.
    const after = await replicaSets(ns);
    const restored = after.find((rs) => rs.metadata.name === before!.metadata.name)!;
    expect(restored.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(restored.status.readyReplicas).toBe(2);
    const failed = after.find((rs) => rs.metadata.name !== before!.metadata.name)!;
    expect(failed.spec.replicas).toBe(0);
    expect(result.summary).toContain(
      `| deployment/classifier | ${ns} | failed, rolled back | fetch-model: localhost:5000/tools:1, classifier: localhost:5000/classifier:good |`,
    );
    expect(result.summary).toContain('#### Why deployment/classifier is not ready');
    await cluster.clearOutcome({ image: broken });
  });

  test('CrashLoopBackOff fails early with the exit code, and without rollback the workload is left as it is', async () => {
    const crashing = 'localhost:5000/classifier:crashing';
    await cluster.setOutcome(
      { image: crashing },
      { kind: 'CrashLoopBackOff', exitCode: 3, restarts: 4 },
    );
    const { ns, ws } = await running('crash', 'localhost:5000/classifier:good');
    const result = await deploy(ws, {
      namespace: ns,
      images: `classifier=${crashing}`,
      timeout: '5m',
      'rollback-on-failure': 'false',
    });
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toMatch(
      /CrashLoopBackOff in container classifier of pod classifier-\w+-\w+ \(last exit code 3 \(Error\)\), which does not heal by itself/,
    );
    expect(failure(result)).toContain('Nothing was rolled back (rollback-on-failure is off)');
    expect(result.outputs['rolled-back']).toBe('false');
    expect(await image(ns)).toBe(crashing);
    await cluster.clearOutcome({ image: crashing });
  });

  test('pods that run but never become ready fail at the timeout, and are rolled back', async () => {
    const stuck = 'localhost:5000/classifier:never-ready';
    await cluster.setOutcome({ image: stuck }, { kind: 'NeverReady' });
    const { ns, ws } = await running('notready', 'localhost:5000/classifier:good');
    const started = Date.now();
    const result = await deploy(ws, {
      namespace: ns,
      images: `classifier=${stuck}`,
      timeout: '8s',
    });
    expect(Date.now() - started).toBeGreaterThan(8000);
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toMatch(
      /deployment\/classifier \(it did not become ready within 8s: NotReady in container classifier of pod classifier-\w+-\w+ \(running but not ready/,
    );
    expect(await image(ns)).toBe('localhost:5000/classifier:good');
    expect(result.outputs['rolled-back']).toBe('true');
    await cluster.clearOutcome({ image: stuck });
  });

  test('a nodeSelector no node has fails early as Unschedulable with the scheduler message', async () => {
    const { ns, ws } = await running('unschedulable', 'localhost:5000/classifier:good');
    const pinned = DEPLOYMENT.replace(
      '      initContainers:',
      '      nodeSelector: {disk: nvme}\n      initContainers:',
    );
    writeFileSync(join(ws, 'kubernetes', 'deployment.yaml'), pinned);
    const result = await deploy(ws, {
      namespace: ns,
      images: 'classifier=localhost:5000/classifier:pinned',
      timeout: '5m',
    });
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toMatch(
      /Unschedulable in pod classifier-\w+-\w+ \(0\/2 nodes are available: 2 node\(s\) didn't match Pod's node affinity\/selector.*\), which does not heal by itself/,
    );
    expect(await image(ns)).toBe('localhost:5000/classifier:good');
  });

  test('progressDeadlineSeconds exceeded is reported as such, before the timeout', async () => {
    const slow = 'localhost:5000/classifier:slow';
    await cluster.setOutcome({ image: slow }, { kind: 'NeverReady' });
    const { ns, ws } = await running('deadline', 'localhost:5000/classifier:good');
    writeFileSync(
      join(ws, 'kubernetes', 'deployment.yaml'),
      DEPLOYMENT.replace('  replicas: 2\n', '  replicas: 2\n  progressDeadlineSeconds: 3\n'),
    );
    const started = Date.now();
    const result = await deploy(ws, { namespace: ns, images: `classifier=${slow}`, timeout: '2m' });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toMatch(
      /deployment\/classifier \(deployment "classifier" exceeded its progress deadline: NotReady in container classifier/,
    );
    expect(await image(ns)).toBe('localhost:5000/classifier:good');
    await cluster.clearOutcome({ image: slow });
  });

  test('a first rollout that fails has nothing to roll back to, and says so', async () => {
    const broken = 'localhost:5000/classifier:first-broken';
    await cluster.setOutcome({ image: broken }, { kind: 'ErrImagePull' });
    const ns = await cluster.namespace('firstfail');
    const result = await deploy(workspace(), { namespace: ns, images: `classifier=${broken}` });
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain(
      'deployment/classifier: nothing to roll back to (this was its first rollout)',
    );
    expect(failure(result)).toContain('ErrImagePull in container classifier');
    expect(failure(result)).toContain('Nothing could be rolled back');
    await cluster.clearOutcome({ image: broken });
  });
});

describe('the API server rejects an object', () => {
  const TYPO = DEPLOYMENT.replace(
    '        ports: [',
    '        imagePullPolicyy: Always\n        ports: [',
  );

  test('a typo in a field of an existing Deployment names the file, the object and the field, and changes nothing', async () => {
    const ns = await cluster.namespace('typo');
    const ws = workspace();
    expect(
      (await deploy(ws, { namespace: ns, images: 'classifier=localhost:5000/classifier:t1' }))
        .exitCode,
    ).toBe(0);
    writeFileSync(join(ws, 'kubernetes', 'deployment.yaml'), TYPO);
    const before = await snapshot(ns);
    const result = await deploy(ws, {
      namespace: ns,
      images: 'classifier=localhost:5000/classifier:t2',
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations).toHaveLength(1);
    expect(result.annotations[0]).toMatchObject({
      message:
        'deploy failed: the API server rejected kubernetes/deployment.yaml:2: Deployment "classifier": unknown field "spec.template.spec.containers[0].imagePullPolicyy" (no such field in this kind\'s schema: a typo, or the wrong level of indentation). Fix the manifest; nothing was applied (every object is checked with a server-side dry run first).',
      file: 'kubernetes/deployment.yaml',
      line: 2,
    });
    expect(await snapshot(ns)).toBe(before);
  });

  test('a typo in a new object fails before any object of the file is created', async () => {
    const ns = await cluster.namespace('typonew');
    const result = await deploy(workspace({ 'kubernetes/deployment.yaml': TYPO }), {
      namespace: ns,
    });
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toContain(
      'the API server rejected kubernetes/deployment.yaml:2: Deployment "classifier": unknown field "spec.template.spec.containers[0].imagePullPolicyy"',
    );
    expect(await snapshot(ns)).toBe('');
  });

  test('with server-side apply, a typo is named the same way', async () => {
    const ns = await cluster.namespace('typossa');
    const result = await deploy(workspace({ 'kubernetes/deployment.yaml': TYPO }), {
      namespace: ns,
      'server-side': 'true',
    });
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toMatch(
      /the API server rejected kubernetes\/deployment\.yaml:2: Deployment "classifier": unknown field "spec\.template\.spec\.containers(\[0\]|\[name="classifier"\])\.imagePullPolicyy"/,
    );
    expect(await snapshot(ns)).toBe('');
  });

  test('an invalid value in one object and a wrong type in another are both named', async () => {
    const ns = await cluster.namespace('invalid');
    const bad = DEPLOYMENT.replace('replicas: 2', 'replicas: -1').replace(
      'threshold: "0.5"',
      'threshold: 0.5',
    );
    const result = await deploy(workspace({ 'kubernetes/deployment.yaml': bad }), {
      namespace: ns,
    });
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toContain('the API server rejected 2 objects');
    expect(failure(result)).toContain(
      'kubernetes/deployment.yaml:2: Deployment "classifier": spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(failure(result)).toMatch(/ConfigMap "classifier-settings": .*data.*string/);
    expect(await snapshot(ns)).toBe('');
  });

  test('a namespace that does not exist says to create it, and nothing is created', async () => {
    const result = await deploy(workspace(), { namespace: 'no-such-namespace' });
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toMatch(
      /^deploy failed: the namespace "no-such-namespace" does not exist at https:\/\/127\.0\.0\.1:\d+\. Create it first/,
    );
    const namespaces = await cluster.kubectl(['get', 'namespaces', '-o', 'name']);
    expect(namespaces.stdout).not.toContain('no-such-namespace');
  });

  test('an unknown kind names the file and the object', async () => {
    const ns = await cluster.namespace('kind');
    const ws = workspace({
      'kubernetes/widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n',
    });
    const result = await deploy(ws, { namespace: ns });
    expect(result.annotations.at(-1)).toMatchObject({
      message: expect.stringMatching(
        /^deploy failed: kubernetes\/widget\.yaml: the cluster does not serve kind Widget in version example\.com\/v1 \(object "w"\)/,
      ),
      file: 'kubernetes/widget.yaml',
      line: 1,
    });
    expect(await snapshot(ns)).toBe('');
  });

  test('an object in another namespace than the namespace input says which to change', async () => {
    const ns = await cluster.namespace('mismatch');
    const ws = workspace({
      'kubernetes/service.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: elsewhere\n  namespace: default\nspec: {ports: [{port: 80}]}\n',
    });
    const result = await deploy(ws, { namespace: ns });
    expect(result.annotations.at(-1)).toMatchObject({
      message: `deploy failed: an object sets metadata.namespace "default", but the namespace input is "${ns}". Remove metadata.namespace from the manifest, or set the namespace input to default (or leave it empty).`,
      file: 'kubernetes/service.yaml',
      line: 1,
    });
    expect(await snapshot(ns)).toBe('');
  });
});

describe('server-side apply over fields another field manager owns', () => {
  test('--force-conflicts takes them, and the log says which fields from which manager', async () => {
    const ns = await cluster.namespace('conflict');
    await cluster.kubectl(['apply', '-n', ns, '-f', '-'], {
      input: DEPLOYMENT.replace('classifier:old', 'classifier:by-hand'),
    });
    await cluster.kubectl(['scale', 'deployment/classifier', '--replicas=3', '-n', ns]);
    const result = await deploy(workspace(), {
      namespace: ns,
      'server-side': 'true',
      images: 'classifier=localhost:5000/classifier:s1',
    });
    expect(result.exitCode, result.log).toBe(0);
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^deployment\/classifier: --force-conflicts takes fields? .*\.spec\.replicas.* from field manager "kubectl/,
      ),
    );
    expect(warnings.join('\n')).toMatch(/\.image.* from field manager "kubectl-client-side-apply"/);
    const managers = await cluster.kubectl([
      'get',
      'deployment/classifier',
      '-n',
      ns,
      '--show-managed-fields',
      '-o',
      'jsonpath={range .metadata.managedFields[*]}{.manager}/{.operation} {end}',
    ]);
    expect(managers.stdout.split(' ')).toContain('mlops-actions-deploy/Apply');
    expect(
      (await cluster.get<{ spec: { replicas: number } }>('deployment', 'classifier', ns))!.spec
        .replicas,
    ).toBe(2);
    expect(await image(ns)).toBe('localhost:5000/classifier:s1');
  });
});

describe('RBAC', () => {
  test('a forbidden deploy lists every permission it needs, and the suggested commands are enough', async () => {
    const ns = await cluster.namespace('rbac');
    const token = await cluster.serviceAccountToken(ns, 'ci-bot', [
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] },
    ]);
    const ws = workspace();
    const result = await deploy(
      ws,
      { namespace: ns, images: 'classifier=localhost:5000/classifier:r1' },
      { token },
    );
    expect(result.exitCode).toBe(1);
    const message = failure(result);
    expect(message).toMatch(
      new RegExp(
        `^deploy failed: forbidden by RBAC: user "system:serviceaccount:${ns}:ci-bot" lacks \\d+ of the \\d+ permissions this deploy needs in namespace "${ns}": `,
      ),
    );
    for (const needed of [
      'create,patch,list,watch deployments.apps',
      'list replicasets.apps',
      'get,create,patch services',
      'get,create,patch configmaps',
      'list pods',
      'list events',
      'get pods/log',
    ])
      expect(message).toContain(needed);
    expect(result.logWithoutMasks).not.toContain(token);
    expect(await snapshot(ns)).toBe('');
    // Run the suggested commands as an admin would, then the same deploy succeeds.
    const commands = [...message.matchAll(/`(kubectl create [^`]+)`/g)].map((m) => m[1]!);
    expect(commands).toHaveLength(2);
    for (const command of commands) await cluster.kubectl(command.split(' ').slice(1));
    const again = await deploy(
      ws,
      { namespace: ns, images: 'classifier=localhost:5000/classifier:r1' },
      { token },
    );
    expect(again.exitCode, again.log).toBe(0);
  });
});

describe('other workloads and ways to deploy', () => {
  test('a StatefulSet and a DaemonSet roll out, and a CronJob gets its image', async () => {
    const ns = await cluster.namespace('kinds');
    const all = [
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: store}\nspec:\n  serviceName: store\n  replicas: 2\n  selector: {matchLabels: {app: store}}\n  template:\n    metadata: {labels: {app: store}}\n    spec: {containers: [{name: store, image: "localhost:5000/store:1"}]}',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      initContainers: [{name: setup, image: "localhost:5000/store:1"}]\n      containers: [{name: agent, image: "localhost:5000/agent:1"}]',
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: retrain}\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: train, image: "localhost:5000/store:1"}]',
    ].join('\n---\n');
    const ws = workspace({ 'kubernetes/deployment.yaml': `${all}\n` });
    const first = await deploy(ws, { namespace: ns });
    expect(first.exitCode, first.log).toBe(0);
    const result = await deploy(ws, {
      namespace: ns,
      images: 'localhost:5000/store=localhost:5000/store:2\nagent=localhost:5000/agent:2',
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(
      JSON.parse(result.outputs['images']!).map(
        (c: { kind: string; container: string }) => `${c.kind}/${c.container}`,
      ),
    ).toEqual(['StatefulSet/store', 'DaemonSet/setup', 'DaemonSet/agent', 'CronJob/train']);
    expect(result.log).toMatch(
      /\[statefulset\/store\] (partitioned roll out complete|statefulset rolling update complete 2 pods)/,
    );
    expect(result.log).toContain('[daemonset/agent] daemon set "agent" successfully rolled out');
    expect(await image(ns, 'store', 'statefulset')).toBe('localhost:5000/store:2');
    expect(await image(ns, 'agent', 'daemonset')).toBe('localhost:5000/agent:2');
    const cron = await cluster.get<{
      spec: { jobTemplate: { spec: { template: { spec: { containers: { image: string }[] } } } } };
    }>('cronjob', 'retrain', ns);
    expect(cron!.spec.jobTemplate.spec.template.spec.containers[0]!.image).toBe(
      'localhost:5000/store:2',
    );
  });

  test('a failed StatefulSet rollout is rolled back to its previous revision', async () => {
    const broken = 'localhost:5000/store:broken';
    await cluster.setOutcome({ image: broken }, { kind: 'ImagePullBackOff' });
    const ns = await cluster.namespace('stsfail');
    const sts =
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: store}\nspec:\n  serviceName: store\n  replicas: 1\n  selector: {matchLabels: {app: store}}\n  template:\n    metadata: {labels: {app: store}}\n    spec: {containers: [{name: store, image: "localhost:5000/store:1"}]}\n';
    const ws = workspace({ 'kubernetes/deployment.yaml': sts });
    expect((await deploy(ws, { namespace: ns })).exitCode).toBe(0);
    const started = Date.now();
    const result = await deploy(ws, { namespace: ns, images: `store=${broken}` });
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toContain(
      'statefulset/store (ImagePullBackOff in container store of pod store-0',
    );
    // The undo alone leaves store-0 stuck (a StatefulSet does not replace an unready pod): the
    // action deletes it, so the restored revision is running well before the timeout.
    expect(result.log).toContain('deleted store-0 of the failed revision');
    expect(result.outputs['rolled-back']).toBe('true');
    expect(result.summary).toContain('failed, rolled back | store: localhost:5000/store:1 |');
    expect(await image(ns, 'store', 'statefulset')).toBe('localhost:5000/store:1');
    await cluster.clearOutcome({ image: broken });
  });

  test('a kustomize folder is rendered with kubectl kustomize and its images are set', async () => {
    const ns = await cluster.namespace('kustomized');
    const ws = workspace({
      'kubernetes/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'overlay/kustomization.yaml': `resources: [../kubernetes]\nnamespace: ${ns}\nlabels:\n- pairs: {team: ml}\n`,
    });
    const result = await deploy(ws, {
      manifests: 'overlay',
      images: 'classifier=localhost:5000/classifier:k1',
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(await image(ns)).toBe('localhost:5000/classifier:k1');
    const object = await cluster.get<{ metadata: { labels: Record<string, string> } }>(
      'deployment',
      'classifier',
      ns,
    );
    expect(object!.metadata.labels).toEqual({ team: 'ml' });
  });

  test('a base64 kubeconfig works and its base64 form is masked', async () => {
    const ns = await cluster.namespace('base64');
    const encoded = Buffer.from(cluster.kubeconfig()).toString('base64');
    const result = await deploy(workspace(), {
      namespace: ns,
      kubeconfig: encoded,
      images: 'classifier=localhost:5000/classifier:b64',
    });
    expect(result.exitCode).toBe(0);
    expect(result.masked).toContain(encoded);
    expect(result.logWithoutMasks).not.toContain(cluster.adminToken);
  });
});

describe('write-back', () => {
  test('changes only the image values of the checkout, and the summary shows the new image there', async () => {
    const ns = await cluster.namespace('writeback');
    const ws = workspace();
    const result = await deploy(ws, {
      namespace: ns,
      images: 'classifier=localhost:5000/classifier:wb',
      'write-back': 'true',
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(readFileSync(join(ws, 'kubernetes', 'deployment.yaml'), 'utf8')).toBe(
      DEPLOYMENT.replace('"localhost:5000/classifier:old"', '"localhost:5000/classifier:wb"'),
    );
    expect(result.summary).toContain(
      '| deployment/classifier | classifier | localhost:5000/classifier:wb | localhost:5000/classifier:old | localhost:5000/classifier:wb |',
    );
    expect(result.log).toContain('kubernetes/deployment.yaml: images written back to the checkout');
  });

  test('an error in a later file leaves every file of the checkout as it was', async () => {
    const ns = await cluster.namespace('halfedit');
    const files = {
      'kubernetes/a.yaml': DEPLOYMENT,
      'kubernetes/b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n   labels: {}\n',
    };
    const ws = workspace({
      ...files,
      'kubernetes/deployment.yaml': DEPLOYMENT.replace(/classifier/g, 'other'),
    });
    const result = await deploy(ws, {
      namespace: ns,
      manifests: 'kubernetes/a.yaml\nkubernetes/deployment.yaml\nkubernetes/b.yaml',
      images:
        'localhost:5000/classifier=localhost:5000/classifier:wb2\nother=localhost:5000/other:wb2',
      'write-back': 'true',
    });
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toMatch(/^deploy failed: kubernetes\/b\.yaml:4:9: /);
    expect(readFileSync(join(ws, 'kubernetes', 'a.yaml'), 'utf8')).toBe(DEPLOYMENT);
    expect(readFileSync(join(ws, 'kubernetes', 'deployment.yaml'), 'utf8')).toBe(
      DEPLOYMENT.replace(/classifier/g, 'other'),
    );
    expect(
      execFileSync('ls', ['-A', join(ws, 'kubernetes')], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean),
    ).toEqual(['a.yaml', 'b.yaml', 'deployment.yaml']);
    expect(await snapshot(ns)).toBe('');
  });

  test('a failed rollout writes nothing back', async () => {
    const broken = 'localhost:5000/classifier:wb-broken';
    await cluster.setOutcome({ image: broken }, { kind: 'ImagePullBackOff' });
    const ns = await cluster.namespace('wbfail');
    const ws = workspace();
    const result = await deploy(ws, {
      namespace: ns,
      images: `classifier=${broken}`,
      'write-back': 'true',
    });
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toContain('the checkout keeps its images (no write-back)');
    expect(readFileSync(join(ws, 'kubernetes', 'deployment.yaml'), 'utf8')).toBe(DEPLOYMENT);
    await cluster.clearOutcome({ image: broken });
  });
});

describe('failures before kubectl reaches the cluster', () => {
  test('kubectl missing from PATH says how to install it', async () => {
    const result = await deploy(workspace(), {}, { env: { PATH: '/nonexistent' } });
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toMatch(
      /^deploy failed: `kubectl` was not found on PATH\. Install kubectl on the runner/,
    );
  });

  test('no cluster reachable names the server URL without its credentials', async () => {
    const port = await closedPort();
    const config = cluster.kubeconfig({ server: `https://deployer:hunter2@127.0.0.1:${port}` });
    const result = await deploy(workspace(), { kubeconfig: config });
    expect(result.exitCode).toBe(1);
    expect(failure(result)).toMatch(
      new RegExp(
        `^deploy failed: no Kubernetes API server is reachable at https://127\\.0\\.0\\.1:${port} \\(dial tcp 127\\.0\\.0\\.1:${port}: connect: connection refused\\)\\. Check the kubeconfig`,
      ),
    );
    expect(result.logWithoutMasks).not.toContain('hunter2');
    expect(result.logWithoutMasks).not.toContain(cluster.adminToken);
  });
});
