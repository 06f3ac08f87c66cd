// The bundled action, run as the runner runs it, with the real kubectl against the local API
// server of packages/testkit/src/kube (see the README: which server the tests use and why).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ActionResult, node24Path, repoRoot, runAction } from '@mlops-actions/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LocalKube, startLocalKube } from '../../../packages/testkit/src/kube/index.ts';

const action = resolve(import.meta.dirname, '..');
let kube: LocalKube;
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
apiVersion: v1
kind: Service
metadata: {name: classifier}
spec:
  selector: {app: classifier}
  ports: [{port: 80, targetPort: 3000}]
`;

/** A workspace with kubernetes/deployment.yaml (and optional extra files). */
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
  env: Record<string, string> = {},
): Promise<ActionResult> {
  return runAction({
    action,
    workspace: ws,
    env: { HOME: home, ...env },
    sha: 'c0ffee'.padEnd(40, '0'),
    inputs: { kubeconfig: kube.kubeconfig(), namespace: 'demo', timeout: '20s', ...inputs },
  });
}

function image(name: string, namespace = 'demo'): string {
  const object = kube.get('apps/v1', 'Deployment', namespace, name) as {
    spec: { template: { spec: { containers: { image: string }[] } } };
  };
  return object.spec.template.spec.containers[0]!.image;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

beforeAll(async () => {
  execFileSync(node24Path(), [join(repoRoot, 'scripts', 'build-action.mjs'), action], {
    stdio: 'inherit',
  });
  home = mkdtempSync(join(tmpdir(), 'deploy-home-'));
  kube = await startLocalKube({
    namespaces: ['demo', 'other', 'rbac', 'ssa', 'kustomized'],
    startupMs: 150,
    imageRules: [
      { image: 'localhost:5000/classifier:broken', outcome: 'ImagePullBackOff' },
      {
        image: 'crashing',
        outcome: 'CrashLoopBackOff',
        logs: ['loading model', 'Error: model digits_classifier not found in the store'],
      },
    ],
  });
});

afterAll(async () => {
  await kube?.stop();
});

describe('a first deploy, then an image update', () => {
  let ws: string;
  let first: ActionResult;
  let second: ActionResult;

  beforeAll(async () => {
    ws = workspace();
    first = await deploy(ws, { images: 'classifier=localhost:5000/classifier:v1' });
    second = await deploy(ws, {
      images: 'localhost:5000/classifier=localhost:5000/classifier:v2@sha256:' + 'd'.repeat(64),
    });
  });

  test('the first deploy applies the manifests and the rollout becomes ready', () => {
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.outputs['applied']!)).toEqual([
      { kind: 'Deployment', namespace: 'demo', name: 'classifier' },
      { kind: 'Service', namespace: 'demo', name: 'classifier' },
    ]);
    expect(first.log).toContain(
      '[deployment/classifier] deployment "classifier" successfully rolled out',
    );
  });

  test('the image with a registry port is set on the cluster, and reported in the output', () => {
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
    expect(image('classifier')).toBe(`localhost:5000/classifier:v2@sha256:${'d'.repeat(64)}`);
  });

  test('the update rolls out a second revision', () => {
    expect(second.exitCode).toBe(0);
    const revisions = kube
      .list('apps/v1', 'ReplicaSet', 'demo')
      .map(
        (rs) =>
          (rs['metadata'] as { annotations: Record<string, string> }).annotations[
            'deployment.kubernetes.io/revision'
          ],
      );
    expect(revisions.sort()).toEqual(['1', '2']);
  });

  test('the applied manifest keeps its comments, and the checkout is left as it was', () => {
    const rendered = readFileSync(
      join(second.outputs['rendered-path']!, 'kubernetes', 'deployment.yaml'),
      'utf8',
    );
    expect(rendered).toContain('# The classifier, served by BentoML.');
    expect(rendered).toContain('# set by CI');
    expect(rendered).toContain('# keep in sync with the Service');
    expect(readFileSync(join(ws, 'kubernetes', 'deployment.yaml'), 'utf8')).toBe(DEPLOYMENT);
  });

  test('objects carry the commit, the run URL and a change cause', () => {
    const annotations = (
      kube.get('apps/v1', 'Deployment', 'demo', 'classifier')!['metadata'] as {
        annotations: Record<string, string>;
      }
    ).annotations;
    expect(annotations['mlops-actions/commit']).toBe('c0ffee'.padEnd(40, '0'));
    expect(annotations['mlops-actions/run-url']).toBe(
      'https://github.com/octo-org/demo/actions/runs/4242',
    );
    expect(annotations['kubernetes.io/change-cause']).toContain(
      'mlops-actions deploy of c0ffee000000',
    );
  });

  test('the job summary lists the rollout and the image', () => {
    expect(second.summary).toContain('### Deployed');
    expect(second.summary).toContain('| deployment/classifier | demo | ready |');
    expect(second.summary).toContain(
      `| deployment/classifier | classifier | localhost:5000/classifier:v2@sha256:${'d'.repeat(64)} | localhost:5000/classifier:old |`,
    );
  });

  test('the kubeconfig token never reaches the log, and the kubeconfig file is gone after the post step', () => {
    expect(first.logWithoutMasks).not.toContain(kube.token);
    expect(first.masked).toContain(kube.token);
    expect(first.state['kubeconfig-dir']).toContain(first.paths.temp);
    expect(existsSync(first.state['kubeconfig-dir']!)).toBe(false);
    expect(first.log).toContain('kubeconfig removed');
  });
});

describe('the kubeconfig file', () => {
  test('is written with mode 0600 in a folder of its own under RUNNER_TEMP, which only post removes', async () => {
    const result = await runAction({
      action,
      workspace: workspace(),
      steps: ['main'],
      env: { HOME: home },
      inputs: {
        kubeconfig: kube.kubeconfig(),
        namespace: 'other',
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

describe('a rollout that never becomes ready', () => {
  let ws: string;
  let result: ActionResult;

  beforeAll(async () => {
    ws = workspace();
    await deploy(ws, { namespace: 'other', images: 'classifier=localhost:5000/classifier:good' });
    result = await deploy(ws, {
      namespace: 'other',
      images: 'classifier=localhost:5000/classifier:broken',
      timeout: '3s',
    });
  });

  test('fails with one error line naming the workload and the reason', () => {
    expect(result.exitCode).toBe(1);
    const failure = result.annotations.at(-1)!;
    expect(failure.message).toMatch(
      /^deploy failed: 1 of 1 rollouts did not become ready within 3s: deployment\/classifier \(ImagePullBackOff in container classifier of pod classifier-\w+-\w+ \(Back-off pulling image "localhost:5000\/classifier:broken"\)\)\. The previous revision was restored/,
    );
  });

  test('an error annotation points at the manifest of the workload', () => {
    expect(result.annotations[0]).toMatchObject({
      level: 'error',
      title: 'Rollout failed',
      file: 'kubernetes/deployment.yaml',
      line: 2,
    });
  });

  test('the log shows the pod reasons and the recent events in a group', () => {
    expect(result.log).toMatch(
      /::group::Why deployment\/classifier is not ready\nPods that are not ready:\n {2}classifier-\w+-\w+ \(classifier\): ImagePullBackOff: Back-off pulling image/,
    );
    expect(result.log).toMatch(
      /Warning\s+Failed\s+pod\/classifier-\w+-\w+\s+Failed to pull image "localhost:5000\/classifier:broken"/,
    );
  });

  test('the workload is rolled back to the image that worked', () => {
    expect(result.outputs['rolled-back']).toBe('true');
    expect(image('classifier', 'other')).toBe('localhost:5000/classifier:good');
    expect(result.log).toContain('deployment.apps/classifier rolled back');
  });

  test('the job summary explains why', () => {
    expect(result.summary).toContain('| deployment/classifier | other | failed, rolled back |');
    expect(result.summary).toContain('#### Why deployment/classifier is not ready');
  });
});

describe('a crashing container without rollback', () => {
  test('prints the last log lines of the crashed container and leaves the workload as it is', async () => {
    const ws = workspace();
    const result = await deploy(ws, {
      namespace: 'other',
      images: 'classifier=crashing:1',
      timeout: '2s',
      'rollback-on-failure': 'false',
      manifests: 'kubernetes/deployment.yaml',
    });
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain('Error: model digits_classifier not found in the store');
    expect(result.annotations.at(-1)?.message).toContain(
      'CrashLoopBackOff in container classifier',
    );
    expect(result.annotations.at(-1)?.message).toContain(
      'Nothing was rolled back (rollback-on-failure is off)',
    );
    expect(result.outputs['rolled-back']).toBe('false');
    expect(image('classifier', 'other')).toBe('crashing:1');
  });
});

describe('failures before anything is applied', () => {
  test.each([
    [
      'a manifest with a syntax error',
      {
        'kubernetes/bad.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n   labels: {}\n',
      },
      {},
      /^deploy failed: kubernetes\/bad\.yaml:4:9: Nested mappings are not allowed in compact mappings\. Fix the YAML syntax/,
      { file: 'kubernetes/bad.yaml', line: 4 },
    ],
    [
      'an images entry that matches nothing',
      {},
      { images: 'classifier=localhost:5000/classifier:v3\nworker=localhost:5000/worker:1' },
      /^deploy failed: the images entry 'worker=localhost:5000\/worker:1' matches no container in the manifests\. NAME must be a container name or an image repository; the containers are: deployment\/classifier\/fetch-model \(localhost:5000\/tools:1\), deployment\/classifier\/classifier/,
      {},
    ],
    [
      'a kustomization that does not build',
      { 'overlay/kustomization.yaml': 'resources: [missing.yaml]\n' },
      { manifests: 'overlay' },
      /^deploy failed: kubectl kustomize overlay failed: .*missing\.yaml.*\. Fix the kustomization/,
      {},
    ],
    [
      'a context the kubeconfig does not define',
      {},
      { context: 'prod' },
      /^deploy failed: input 'context' is 'prod', which the kubeconfig does not define\. Use one of: local\./,
      {},
    ],
    [
      'a malformed images line',
      {},
      { images: 'classifier' },
      /^deploy failed: input 'images' has the line 'classifier', which is not NAME=IMAGE/,
      {},
    ],
    [
      'a manifests entry that does not exist',
      {},
      { manifests: 'k8s/' },
      /^deploy failed: input 'manifests' lists 'k8s\/', which does not exist/,
      {},
    ],
    [
      'a kubeconfig that is no kubeconfig',
      {},
      { kubeconfig: 'just-a-token-value' },
      /^deploy failed: input 'kubeconfig' has no clusters or no contexts/,
      {},
    ],
  ])(
    '%s fails with one clear error and sends nothing to the cluster',
    async (_name, files, inputs, message, location) => {
      const before = kube.requests.length;
      const result = await deploy(workspace(files), inputs);
      expect(result.exitCode).toBe(1);
      expect(result.annotations).toHaveLength(1);
      expect(result.annotations[0]!.message).toMatch(message);
      expect(result.annotations[0]).toMatchObject(location);
      expect(kube.requests.length).toBe(before);
    },
  );
});

describe('failures kubectl reports', () => {
  test('kubectl missing from PATH says how to install it', async () => {
    const result = await deploy(workspace(), {}, { PATH: '/nonexistent' });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.at(-1)?.message).toMatch(
      /^deploy failed: `kubectl` was not found on PATH\. Install kubectl on the runner/,
    );
  });

  test('no cluster reachable names the server URL without its credentials', async () => {
    const port = await closedPort();
    const config = kube.kubeconfig({ server: `https://deployer:hunter2@127.0.0.1:${port}` });
    const result = await deploy(workspace(), { kubeconfig: config });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.at(-1)?.message).toMatch(
      new RegExp(
        `^deploy failed: no Kubernetes API server is reachable at https://127\\.0\\.0\\.1:${port} \\(dial tcp 127\\.0\\.0\\.1:${port}: connect: connection refused\\)\\. Check the kubeconfig`,
      ),
    );
    expect(result.logWithoutMasks).not.toContain('hunter2');
    expect(result.logWithoutMasks).not.toContain(kube.token);
  });

  test('forbidden by RBAC names the user, the verb and the resource', async () => {
    const token = kube.addUser('deployer');
    kube.forbid({
      user: 'deployer',
      verb: 'create',
      resource: 'deployments',
      group: 'apps',
      namespace: 'rbac',
    });
    const result = await deploy(workspace(), {
      kubeconfig: kube.kubeconfig({ token }),
      namespace: 'rbac',
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.at(-1)?.message).toBe(
      'deploy failed: forbidden by RBAC: user "deployer" cannot create deployments.apps in namespace "rbac". Grant it with a Role bound to that user or service account, e.g. `kubectl create role deployer --verb=create --resource=deployments.apps -n rbac` and a RoleBinding.',
    );
    expect(result.logWithoutMasks).not.toContain(token);
  });

  test('an object in another namespace than the namespace input says which to change', async () => {
    const ws = workspace({
      'kubernetes/service.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: elsewhere\n  namespace: other\nspec: {ports: [{port: 80}]}\n',
    });
    const result = await deploy(ws, {});
    expect(result.annotations.at(-1)).toMatchObject({
      message:
        'deploy failed: an object sets metadata.namespace "other", but the namespace input is "demo". Remove metadata.namespace from the manifest, or set the namespace input to other (or leave it empty).',
      file: 'kubernetes/service.yaml',
      line: 1,
    });
  });

  test('an unknown kind names the file and the object', async () => {
    const ws = workspace({
      'kubernetes/widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n',
    });
    const result = await deploy(ws, {});
    expect(result.annotations.at(-1)).toMatchObject({
      message: expect.stringMatching(
        /^deploy failed: kubernetes\/widget\.yaml: the cluster does not serve kind Widget in version example\.com\/v1 \(object "w"\)/,
      ),
      file: 'kubernetes/widget.yaml',
      line: 1,
    });
  });
});

describe('other ways to deploy', () => {
  test('StatefulSets, DaemonSets and CronJobs in one file are updated, and both rollouts are awaited', async () => {
    const all = [
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: store}\nspec:\n  serviceName: store\n  replicas: 2\n  selector: {matchLabels: {app: store}}\n  template:\n    metadata: {labels: {app: store}}\n    spec: {containers: [{name: store, image: "localhost:5000/store:1"}]}',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      initContainers: [{name: setup, image: "localhost:5000/store:1"}]\n      containers: [{name: agent, image: "localhost:5000/agent:1"}]',
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: retrain}\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: train, image: "localhost:5000/store:1"}]',
    ].join('\n---\n');
    const result = await deploy(workspace({ 'kubernetes/deployment.yaml': `${all}\n` }), {
      namespace: 'other',
      images: 'localhost:5000/store=localhost:5000/store:2\nagent=localhost:5000/agent:2',
    });
    expect(result.exitCode).toBe(0);
    expect(
      JSON.parse(result.outputs['images']!).map(
        (c: { kind: string; container: string }) => `${c.kind}/${c.container}`,
      ),
    ).toEqual(['StatefulSet/store', 'DaemonSet/setup', 'DaemonSet/agent', 'CronJob/train']);
    expect(result.log).toContain(
      '[statefulset/store] partitioned roll out complete: 2 new pods have been updated...',
    );
    expect(result.log).toContain('[daemonset/agent] daemon set "agent" successfully rolled out');
    const cron = kube.get('batch/v1', 'CronJob', 'other', 'retrain') as {
      spec: { jobTemplate: { spec: { template: { spec: { containers: { image: string }[] } } } } };
    };
    expect(cron.spec.jobTemplate.spec.template.spec.containers[0]!.image).toBe(
      'localhost:5000/store:2',
    );
  });

  test('write-back changes only the image values of the checkout', async () => {
    const ws = workspace();
    const result = await deploy(ws, {
      namespace: 'other',
      images: 'classifier=localhost:5000/classifier:wb',
      'write-back': 'true',
    });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(ws, 'kubernetes', 'deployment.yaml'), 'utf8')).toBe(
      DEPLOYMENT.replace('"localhost:5000/classifier:old"', '"localhost:5000/classifier:wb"'),
    );
  });

  test('a kustomize folder is rendered with kubectl kustomize and its images are set', async () => {
    const ws = workspace({
      'kubernetes/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'overlay/kustomization.yaml':
        'resources: [../kubernetes]\nnamespace: kustomized\nlabels:\n- pairs: {team: ml}\n',
    });
    const result = await deploy(ws, {
      manifests: 'overlay',
      namespace: '',
      images: 'classifier=localhost:5000/classifier:k1',
    });
    expect(result.exitCode).toBe(0);
    expect(image('classifier', 'kustomized')).toBe('localhost:5000/classifier:k1');
    expect(
      (
        kube.get('apps/v1', 'Deployment', 'kustomized', 'classifier')!['metadata'] as {
          labels: Record<string, string>;
        }
      ).labels,
    ).toEqual({ team: 'ml' });
  });

  test('server-side apply records the action as field manager', async () => {
    const result = await deploy(workspace(), {
      namespace: 'ssa',
      'server-side': 'true',
      images: 'classifier=localhost:5000/classifier:s1',
    });
    expect(result.exitCode).toBe(0);
    const managers = (
      (
        kube.get('apps/v1', 'Deployment', 'ssa', 'classifier')!['metadata'] as {
          managedFields: { manager: string; operation: string }[];
        }
      ).managedFields ?? []
    ).map((m) => `${m.manager}/${m.operation}`);
    expect(managers).toContain('mlops-actions-deploy/Apply');
  });

  test('a base64 kubeconfig works and its base64 form is masked', async () => {
    const encoded = Buffer.from(kube.kubeconfig()).toString('base64');
    const result = await deploy(workspace(), {
      namespace: 'other',
      kubeconfig: encoded,
      images: 'classifier=localhost:5000/classifier:b64',
    });
    expect(result.exitCode).toBe(0);
    expect(result.masked).toContain(encoded);
    expect(result.logWithoutMasks).not.toContain(kube.token);
  });
});
