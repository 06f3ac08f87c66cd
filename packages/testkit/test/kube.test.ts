// biome-ignore-all lint/suspicious/noExplicitAny: kubectl's JSON output is read loosely by the assertions.
// The local API server against the real kubectl: every test drives kubectl as a user would and
// checks what kubectl prints and what the server holds.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LocalKube, startLocalKube } from '../src/kube/index.ts';

let kube: LocalKube;
let dir: string;

// Async on purpose: the server runs in this process, so a synchronous spawn would starve it.
function kubectl(
  args: string[],
  options: { token?: string; input?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const config = join(dir, `config-${options.token ?? 'ci'}`);
  writeFileSync(
    config,
    kube.kubeconfig({ namespace: 'demo', ...(options.token ? { token: options.token } : {}) }),
  );
  return new Promise((resolve, reject) => {
    const child = spawn('kubectl', args, {
      env: { PATH: process.env['PATH'], HOME: dir, KUBECONFIG: config },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) =>
      reject(new Error(`kubectl could not run (${e.message}): install kubectl 1.32 on PATH`)),
    );
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

function deployment(name: string, image: string, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: ${image}
${extra}`;
}

async function getJson(args: string[]): Promise<any> {
  const r = await kubectl([...args, '-o', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kube-test-'));
  kube = await startLocalKube({
    namespaces: ['demo'],
    startupMs: 200,
    imageRules: [
      { image: 'no-such-image', outcome: 'ImagePullBackOff' },
      {
        image: 'crashes',
        outcome: 'CrashLoopBackOff',
        logs: ['loading model', 'Error: model.bento not found'],
      },
      { image: 'too-big', outcome: 'Unschedulable' },
    ],
  });
});

afterAll(async () => {
  await kube?.stop();
});

describe('discovery and OpenAPI', async () => {
  test('kubectl api-resources lists the served kinds with short names', async () => {
    const r = await kubectl(['api-resources', '--no-headers']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    expect(r.stdout).toMatch(/^namespaces\s+ns\s+v1\s+false\s+Namespace$/m);
  });

  test('kubectl gets aggregated discovery in one request per root, not one per group version', async () => {
    const before = kube.requests.length;
    await kubectl(['api-resources', '--no-headers']);
    const paths = kube.requests.slice(before).map((r) => r.path);
    expect(paths).toContain('/apis');
    expect(paths).not.toContain('/apis/apps/v1');
  });

  test('the legacy discovery form is served to a client that does not ask for the aggregated one', async () => {
    const r = await kubectl(['get', '--raw', '/apis/apps/v1']);
    expect(JSON.parse(r.stdout)).toMatchObject({
      kind: 'APIResourceList',
      groupVersion: 'apps/v1',
    });
  });

  test('kubectl apply validates on the server (fieldValidation=Strict) after reading OpenAPI v3', async () => {
    const before = kube.requests.length;
    const r = await kubectl(['apply', '-f', '-'], { input: deployment('strict', 'web:1') });
    expect(r.code).toBe(0);
    const seen = kube.requests.slice(before);
    expect(seen.some((q) => q.path === '/openapi/v3/apis/apps/v1')).toBe(true);
    expect(seen.find((q) => q.method === 'POST')?.query['fieldValidation']).toBe('Strict');
  });

  test('an unknown field is refused with the strict decoding error', async () => {
    const r = await kubectl(['apply', '-f', '-'], {
      input: deployment('typo', 'web:1').replace('image:', 'imagee:'),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'strict decoding error: unknown field "spec.template.spec.containers[0].imagee"',
    );
  });

  test('an unknown kind gets kubectl\'s "no matches for kind"', async () => {
    const r = await kubectl(['apply', '-f', '-'], {
      input: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n',
    });
    expect(r.stderr).toContain('no matches for kind "Widget" in version "example.com/v1"');
  });
});

describe('writes', async () => {
  test('client-side apply creates, then patches with a three-way strategic merge', async () => {
    const env = '        env: [{name: A, value: "1"}, {name: B, value: "2"}]\n';
    expect(
      (await kubectl(['apply', '-f', '-'], { input: deployment('csa', 'web:1', env) })).stdout,
    ).toContain('deployment.apps/csa created');
    const second = await kubectl(['apply', '-f', '-'], {
      input: deployment('csa', 'web:2', '        env: [{name: A, value: "1"}]\n'),
    });
    expect(second.stdout).toContain('deployment.apps/csa configured');
    const object = await getJson(['get', 'deployment', 'csa']);
    expect(object.spec.template.spec.containers[0]).toMatchObject({
      image: 'web:2',
      env: [{ name: 'A', value: '1' }],
    });
    expect(object.metadata.generation).toBe(2);
    expect(
      object.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'],
    ).toContain('web:2');
  });

  test('the same manifest applied again is unchanged', async () => {
    await kubectl(['apply', '-f', '-'], { input: deployment('same', 'web:1') });
    expect(
      (await kubectl(['apply', '-f', '-'], { input: deployment('same', 'web:1') })).stdout,
    ).toContain('deployment.apps/same unchanged');
  });

  test('server-side apply creates, and drops a field the manager stops applying', async () => {
    const first = await kubectl(['apply', '--server-side', '--field-manager=ci', '-f', '-'], {
      input: deployment('ssa', 'web:1', '        args: ["--debug"]\n'),
    });
    expect(first.stdout).toContain('deployment.apps/ssa serverside-applied');
    await kubectl(['apply', '--server-side', '--field-manager=ci', '-f', '-'], {
      input: deployment('ssa', 'web:2'),
    });
    const container = (await getJson(['get', 'deployment', 'ssa'])).spec.template.spec
      .containers[0];
    expect(container.image).toBe('web:2');
    expect(container.args).toBeUndefined();
  });

  test('the server fills in the defaults a real one does', async () => {
    await kubectl(['apply', '-f', '-'], { input: deployment('defaults', 'web:1') });
    const object = await getJson(['get', 'deployment', 'defaults']);
    expect(object.spec).toMatchObject({
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
    });
    expect(object.spec.template.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
    });
  });

  test('a selector that does not match the template labels is Invalid (422)', async () => {
    const r = await kubectl(['apply', '-f', '-'], {
      input: deployment('mismatch', 'web:1').replace(
        'labels: {app: mismatch}',
        'labels: {app: other}',
      ),
    });
    expect(r.stderr).toContain(
      'The Deployment "mismatch" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    );
  });

  test('an object in a namespace that does not exist is NotFound', async () => {
    const r = await kubectl(['apply', '-n', 'nowhere', '-f', '-'], {
      input: deployment('lost', 'web:1'),
    });
    expect(r.stderr).toContain('namespaces "nowhere" not found');
  });
});

describe('rollouts', async () => {
  test('a Deployment rolls out: ReplicaSet with revision 1, Ready pods, and rollout status succeeds', async () => {
    await kubectl(['apply', '-f', '-'], { input: deployment('ok', 'web:1') });
    const r = await kubectl(['rollout', 'status', 'deployment/ok', '--timeout=20s']);
    expect(r.stdout).toContain('deployment "ok" successfully rolled out');
    const sets = (await getJson(['get', 'replicasets', '-l', 'app=ok'])).items;
    expect(
      sets.map((s: any) => s.metadata.annotations['deployment.kubernetes.io/revision']),
    ).toEqual(['1']);
    const pods = (await getJson(['get', 'pods', '-l', 'app=ok'])).items;
    expect(
      pods.map((p: any) => p.status.conditions.find((c: any) => c.type === 'Ready').status),
    ).toEqual(['True', 'True']);
  });

  test.each([
    [
      'an image that cannot be pulled',
      'no-such-image:1',
      'ImagePullBackOff',
      'Back-off pulling image "no-such-image:1"',
    ],
    [
      'a container that crashes',
      'crashes:1',
      'CrashLoopBackOff',
      'back-off 10s restarting failed container=app',
    ],
  ])(
    '%s times rollout status out and shows its reason on the pods',
    async (_name, image, reason, message) => {
      const name = reason.toLowerCase();
      await kubectl(['apply', '-f', '-'], { input: deployment(name, image) });
      const r = await kubectl(['rollout', 'status', `deployment/${name}`, '--timeout=2s']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('timed out waiting for the condition');
      const waiting = (await getJson(['get', 'pods', '-l', `app=${name}`])).items.map(
        (p: any) => p.status.containerStatuses[0].state.waiting,
      );
      expect(waiting[0]).toMatchObject({ reason });
      expect(waiting[0].message).toContain(message);
    },
  );

  test('a pod no node can take is Pending with a FailedScheduling event', async () => {
    await kubectl(['apply', '-f', '-'], { input: deployment('unschedulable', 'too-big:1') });
    await kubectl(['rollout', 'status', 'deployment/unschedulable', '--timeout=1s']);
    const events = (await getJson(['get', 'events'])).items.filter(
      (e: any) => e.reason === 'FailedScheduling',
    );
    expect(events[0]?.message).toContain('0/1 nodes are available');
  });

  test('events tell the story of a failed pull, as the kubelet reports it', async () => {
    await kubectl(['apply', '-f', '-'], { input: deployment('events', 'no-such-image:2') });
    await kubectl(['rollout', 'status', 'deployment/events', '--timeout=1s']);
    const reasons = (await getJson(['get', 'events'])).items
      .filter((e: any) => e.involvedObject.name.startsWith('events-'))
      .map((e: any) => e.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['SuccessfulCreate', 'Scheduled', 'Pulling', 'Failed', 'BackOff']),
    );
  });

  test("kubectl logs shows a crashed container's previous run, and explains a container that never started", async () => {
    await kubectl(['apply', '-f', '-'], { input: deployment('logs', 'crashes:2') });
    await kubectl(['rollout', 'status', 'deployment/logs', '--timeout=1s']);
    const pod = (await getJson(['get', 'pods', '-l', 'app=logs'])).items[0].metadata.name;
    expect((await kubectl(['logs', pod, '--previous', '--tail=1'])).stdout).toBe(
      'Error: model.bento not found\n',
    );
    await kubectl(['apply', '-f', '-'], { input: deployment('nologs', 'no-such-image:3') });
    await kubectl(['rollout', 'status', 'deployment/nologs', '--timeout=1s']);
    const waiting = (await getJson(['get', 'pods', '-l', 'app=nologs'])).items[0].metadata.name;
    expect((await kubectl(['logs', waiting])).stderr).toContain(
      'is waiting to start: trying and failing to pull image',
    );
  });

  test('rollout undo restores the previous revision, which becomes the newest', async () => {
    await kubectl(['apply', '-f', '-'], { input: deployment('undo', 'web:1') });
    await kubectl(['rollout', 'status', 'deployment/undo', '--timeout=20s']);
    await kubectl(['apply', '-f', '-'], { input: deployment('undo', 'no-such-image:9') });
    expect((await kubectl(['rollout', 'status', 'deployment/undo', '--timeout=1s'])).code).toBe(1);
    expect((await kubectl(['rollout', 'undo', 'deployment/undo'])).stdout).toContain(
      'deployment.apps/undo rolled back',
    );
    expect(
      (await kubectl(['rollout', 'status', 'deployment/undo', '--timeout=20s'])).stdout,
    ).toContain('successfully rolled out');
    const object = await getJson(['get', 'deployment', 'undo']);
    expect(object.spec.template.spec.containers[0].image).toBe('web:1');
    expect(object.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
  });

  test('a first rollout has no history to undo', async () => {
    await kubectl(['apply', '-f', '-'], { input: deployment('first', 'no-such-image:1') });
    expect((await kubectl(['rollout', 'undo', 'deployment/first'])).stderr).toMatch(
      /no rollout history found|doesn't have any|no revision/,
    );
  });

  test("a short progress deadline fails rollout status with kubectl's own message", async () => {
    const manifest = deployment('deadline', 'no-such-image:4').replace(
      '  replicas: 2',
      '  replicas: 1\n  progressDeadlineSeconds: 1',
    );
    await kubectl(['apply', '-f', '-'], { input: manifest });
    const r = await kubectl(['rollout', 'status', 'deployment/deadline', '--timeout=15s']);
    expect(r.stderr).toContain('deployment "deadline" exceeded its progress deadline');
  });

  test('StatefulSets and DaemonSets roll out and roll back through ControllerRevisions', async () => {
    const sts = (image: string) =>
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  replicas: 2\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: "${image}"}]}\n`;
    const ds = (image: string) =>
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec: {containers: [{name: agent, image: "${image}"}]}\n`;
    await kubectl(['apply', '-f', '-'], {
      input: `${sts('localhost:5000/db:1')}---\n${ds('agent:1')}`,
    });
    expect(
      (await kubectl(['rollout', 'status', 'statefulset/db', '--timeout=20s'])).stdout,
    ).toContain('roll out complete');
    expect(
      (await kubectl(['rollout', 'status', 'daemonset/agent', '--timeout=20s'])).stdout,
    ).toContain('daemon set "agent" successfully rolled out');
    await kubectl(['apply', '-f', '-'], {
      input: `${sts('localhost:5000/db:2')}---\n${ds('no-such-image:5')}`,
    });
    expect((await kubectl(['rollout', 'status', 'daemonset/agent', '--timeout=1s'])).code).toBe(1);
    expect((await kubectl(['rollout', 'undo', 'daemonset/agent'])).stdout).toContain('rolled back');
    expect((await kubectl(['rollout', 'status', 'daemonset/agent', '--timeout=20s'])).code).toBe(0);
    expect(
      (await getJson(['get', 'daemonset', 'agent'])).spec.template.spec.containers[0].image,
    ).toBe('agent:1');
    expect((await kubectl(['rollout', 'undo', 'statefulset/db'])).stdout).toContain('rolled back');
    expect(
      (await getJson(['get', 'statefulset', 'db'])).spec.template.spec.containers[0].image,
    ).toBe('localhost:5000/db:1');
  });
});

describe('authentication and RBAC', async () => {
  test('a token the server does not know is Unauthorized', async () => {
    const r = await kubectl(['get', 'pods'], { token: 'not-a-token' });
    expect(r.stderr).toContain('You must be logged in to the server (Unauthorized)');
  });

  test('a forbidden verb gets a Forbidden Status naming user, verb, resource and namespace', async () => {
    const token = kube.addUser('reader');
    kube.forbid({ user: 'reader', verb: 'patch', resource: 'deployments', group: 'apps' });
    await kubectl(['apply', '-f', '-'], { input: deployment('guarded', 'web:1') });
    const r = await kubectl(['apply', '-f', '-'], { input: deployment('guarded', 'web:2'), token });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'deployments.apps "guarded" is forbidden: User "reader" cannot patch resource "deployments" in API group "apps" in the namespace "demo"',
    );
    expect((await kubectl(['get', 'deployment', 'guarded'], { token })).code).toBe(0);
  });
});
