// A sweep of bad inputs (issue 17): every input and every kind of file the deploy reads, each run
// through the bundled action against the real control plane. Each must fail with one clear error
// line and change nothing: not a file of the checkout, not an object of the cluster.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
/** The namespace every case deploys to; the classifier already runs there. */
let ns: string;
/** A token of a service account that may only read Deployments there. */
let narrowToken: string;
let closedPort: number;

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: classifier
spec:
  replicas: 2
  selector:
    matchLabels: {app: classifier}
  template:
    metadata:
      labels: {app: classifier}
    spec:
      containers:
      - name: classifier
        image: localhost:5000/classifier:base
---
apiVersion: v1
kind: Service
metadata: {name: classifier}
spec:
  selector: {app: classifier}
  ports: [{port: 80, targetPort: 3000}]
`;

/** A second Deployment (not in the cluster yet): a new object. */
const NEW = (extra: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  replicas: 1
  selector:
    matchLabels: {app: worker}
  template:
    metadata:
      labels: {app: worker}
    spec:
      containers:
      - name: worker
        image: localhost:5000/worker:1
${extra}`;

const CONFIGMAP = (data: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata:\n${data}\n`;

type Files = Record<string, string>;
type Inputs = Record<string, string>;
interface Case {
  name: string;
  files?: Files;
  inputs?: Inputs | (() => Inputs);
  env?: () => Record<string, string>;
  message: RegExp;
}

const CASES: Case[] = [
  // The manifests input.
  {
    name: 'manifests empty',
    inputs: { manifests: '' },
    message: /^input 'manifests' is required but empty\. Set it/,
  },
  {
    name: 'manifests a missing folder',
    inputs: { manifests: 'k8s/' },
    message: /^input 'manifests' lists 'k8s\/', which does not exist in the workspace/,
  },
  {
    name: 'manifests a missing file',
    inputs: { manifests: 'kubernetes/deploy.yaml' },
    message: /lists 'kubernetes\/deploy\.yaml', which does not exist/,
  },
  {
    name: 'manifests a folder without manifests',
    files: { 'docs/readme.md': '# docs\n' },
    inputs: { manifests: 'docs' },
    message: /lists the folder 'docs', which has no \.yaml, \.yml or \.json file/,
  },
  {
    name: 'manifests a glob that matches nothing',
    inputs: { manifests: 'kubernetes/*.yml' },
    message: /has the pattern 'kubernetes\/\*\.yml', which matches no manifest/,
  },
  {
    name: 'manifests outside the workspace',
    inputs: { manifests: '../outside.yaml' },
    message: /is '\.\.\/outside\.yaml', which is outside the workspace/,
  },
  {
    name: 'manifests an absolute path elsewhere',
    inputs: { manifests: '/etc/hosts' },
    message: /is '\/etc\/hosts', which is outside the workspace/,
  },
  {
    name: 'manifests a glob outside the workspace',
    inputs: { manifests: '../*.yaml' },
    message: /outside the workspace/,
  },
  // The images input.
  {
    name: 'images without =',
    inputs: { images: 'classifier' },
    message:
      /^input 'images' has the line 'classifier', which is not NAME=IMAGE\. Write one NAME=IMAGE per line/,
  },
  {
    name: 'images with an empty name',
    inputs: { images: '=localhost:5000/classifier:1' },
    message: /which is not NAME=IMAGE/,
  },
  {
    name: 'images with an empty image',
    inputs: { images: 'classifier=' },
    message: /^input 'images' has '' in line 'classifier=', which is not an image reference/,
  },
  {
    name: 'images with upper case',
    inputs: { images: 'classifier=localhost:5000/Classifier:1' },
    message: /has 'localhost:5000\/Classifier:1' in line .*, which is not an image reference/,
  },
  {
    name: 'images with a short digest',
    inputs: { images: 'classifier=localhost:5000/classifier@sha256:abc' },
    message: /which is not an image reference/,
  },
  {
    name: 'images with a space in the tag',
    inputs: { images: 'classifier=localhost:5000/classifier:v 1' },
    message: /which is not an image reference/,
  },
  {
    name: 'images with a tag on the name',
    inputs: { images: 'classifier:v1=localhost:5000/classifier:2' },
    message: /NAME must not carry a tag or digest/,
  },
  {
    name: 'images naming a container twice',
    inputs: { images: 'classifier=a:1\nclassifier=a:2' },
    message: /^input 'images' names 'classifier' twice/,
  },
  {
    name: 'images matching no container',
    inputs: { images: 'worker=localhost:5000/worker:2' },
    message:
      /^the images entry 'worker=localhost:5000\/worker:2' matches no container in the manifests\. NAME must be a container name or an image repository; the containers are: deployment\/classifier\/classifier/,
  },
  {
    name: 'images with two lines for one container',
    inputs: { images: 'classifier=a:1\nlocalhost:5000/classifier=a:2' },
    message:
      /^kubernetes\/deployment\.yaml:15: the images entries 'classifier=a:1' and 'localhost:5000\/classifier=a:2' all match container classifier/,
  },
  // The other inputs.
  {
    name: 'namespace not a name',
    inputs: { namespace: 'Prod_1' },
    message: /^input 'namespace' is 'Prod_1', which is not a namespace name/,
  },
  {
    name: 'namespace too long',
    inputs: { namespace: 'a'.repeat(64) },
    message:
      /which is not a namespace name\. Use lower-case letters, digits and dashes \(at most 63\)/,
  },
  {
    name: 'timeout not a duration',
    inputs: { timeout: 'soon' },
    message: /^input 'timeout' is 'soon', which is not a duration/,
  },
  {
    name: 'timeout too short',
    inputs: { timeout: '500ms' },
    message: /^input 'timeout' is shorter than one second/,
  },
  {
    name: 'server-side not a boolean',
    inputs: { 'server-side': 'yes' },
    message: /^input 'server-side' is 'yes', which is not a boolean\. Use one of: true/,
  },
  {
    name: 'rollback-on-failure not a boolean',
    inputs: { 'rollback-on-failure': 'maybe' },
    message: /^input 'rollback-on-failure' is 'maybe', which is not a boolean/,
  },
  {
    name: 'annotate not a boolean',
    inputs: { annotate: 'nope' },
    message: /^input 'annotate' is 'nope', which is not a boolean/,
  },
  {
    name: 'write-back not a boolean',
    inputs: { 'write-back': 'on' },
    message: /^input 'write-back' is 'on', which is not a boolean/,
  },
  // The kubeconfig and context.
  {
    name: 'kubeconfig a bare token',
    inputs: { kubeconfig: 'just-a-token-value' },
    message: /^input 'kubeconfig' has no clusters or no contexts/,
  },
  {
    name: 'kubeconfig not YAML',
    inputs: { kubeconfig: 'clusters: [\n  - {' },
    message: /^input 'kubeconfig' is not valid YAML \(nor base64 of it\)/,
  },
  {
    name: 'kubeconfig base64 of something else',
    inputs: { kubeconfig: Buffer.from('hello there').toString('base64') },
    message: /^input 'kubeconfig' has no clusters or no contexts/,
  },
  {
    name: 'context not in the kubeconfig',
    inputs: { context: 'prod' },
    message: /^input 'context' is 'prod', which the kubeconfig does not define\. Use one of: local/,
  },
  {
    name: 'kubeconfig without the cluster CA',
    inputs: () => ({
      kubeconfig: cluster.kubeconfig().replace(/ *certificate-authority-data: .*\n/, ''),
    }),
    message:
      /^the Kubernetes API server at https:\/\/127\.0\.0\.1:\d+ has a certificate kubectl does not trust/,
  },
  {
    name: 'kubeconfig with a wrong token',
    inputs: () => ({ kubeconfig: cluster.kubeconfig({ token: 'not-the-right-token' }) }),
    message:
      /^the Kubernetes API server at https:\/\/127\.0\.0\.1:\d+ rejected the credentials \(401 Unauthorized\)/,
  },
  {
    name: 'kubeconfig naming a closed port',
    inputs: () => ({
      kubeconfig: cluster.kubeconfig({ server: `https://127.0.0.1:${closedPort}` }),
    }),
    message: /^no Kubernetes API server is reachable at https:\/\/127\.0\.0\.1:\d+ \(dial tcp/,
  },
  {
    name: 'a token without the permissions',
    inputs: () => ({ kubeconfig: cluster.kubeconfig({ token: narrowToken }) }),
    message:
      /^forbidden by RBAC: user "system:serviceaccount:[^"]+:reader" lacks \d+ of the \d+ permissions this deploy needs .*kubectl create role deployer/,
  },
  {
    name: 'kubectl not on PATH',
    env: () => ({ PATH: '/nonexistent' }),
    message: /^`kubectl` was not found on PATH\. Install kubectl/,
  },
  // The manifest files: YAML.
  {
    name: 'a YAML syntax error',
    files: {
      'kubernetes/bad.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n   labels: {}\n',
    },
    message: /^kubernetes\/bad\.yaml:4:9: .*\. Fix the YAML syntax/,
  },
  {
    name: 'a duplicate key',
    files: { 'kubernetes/bad.yaml': CONFIGMAP('  a: "1"\n  a: "2"') },
    message: /^kubernetes\/bad\.yaml:\d+:\d+: Map keys must be unique/,
  },
  {
    name: 'a tab for indentation',
    files: { 'kubernetes/bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: c\n' },
    message: /^kubernetes\/bad\.yaml:4:\d+: /,
  },
  {
    name: 'an unclosed quote',
    files: { 'kubernetes/bad.yaml': CONFIGMAP('  a: "1') },
    message: /^kubernetes\/bad\.yaml:\d+:\d+: /,
  },
  {
    name: 'a JSON manifest with a syntax error',
    files: {
      'kubernetes/bad.json':
        '{"apiVersion": "v1", "kind": "ConfigMap",, "metadata": {"name": "c"}}',
    },
    message: /^kubernetes\/bad\.json:1:\d+: /,
  },
  {
    name: 'a document that is a list',
    files: { 'kubernetes/bad.yaml': '- apiVersion: v1\n  kind: ConfigMap\n' },
    message:
      /^kubernetes\/bad\.yaml:1: the document is not a mapping, so it is no Kubernetes object/,
  },
  {
    name: 'a document that is a string',
    files: { 'kubernetes/bad.yaml': 'just text\n' },
    message: /^kubernetes\/bad\.yaml:1: the document is not a mapping/,
  },
  {
    name: 'an object without kind',
    files: { 'kubernetes/bad.yaml': 'apiVersion: v1\nmetadata: {name: c}\n' },
    message: /^kubernetes\/bad\.yaml:1: the object has no kind/,
  },
  {
    name: 'an object without apiVersion',
    files: { 'kubernetes/bad.yaml': 'kind: ConfigMap\nmetadata: {name: c}\n' },
    message: /^kubernetes\/bad\.yaml:1: the object has no apiVersion/,
  },
  {
    name: 'an object without a name',
    files: { 'kubernetes/bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n' },
    message: /^kubernetes\/bad\.yaml:1: the object has no metadata\.name/,
  },
  {
    name: 'a List item without a name',
    files: {
      'kubernetes/bad.yaml':
        'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {}\n',
    },
    message: /^kubernetes\/bad\.yaml:4: the object has no metadata\.name/,
  },
  {
    name: 'a kustomization that does not build',
    files: { 'overlay/kustomization.yaml': 'resources: [missing.yaml]\n' },
    inputs: { manifests: 'overlay' },
    message: /^kubectl kustomize overlay failed: .*missing\.yaml.*\. Fix the kustomization/,
  },
  // The manifest files: what the API server rejects.
  {
    name: 'a kind the cluster does not serve',
    files: {
      'kubernetes/widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n',
    },
    message:
      /^kubernetes\/widget\.yaml: the cluster does not serve kind Widget in version example\.com\/v1 \(object "w"\)/,
  },
  {
    name: 'an apiVersion the kind does not have',
    files: {
      'kubernetes/bad.yaml': 'apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: old}\n',
    },
    message:
      /^kubernetes\/bad\.yaml: the cluster does not serve kind Deployment in version apps\/v1beta1/,
  },
  {
    name: 'a typo in a field of the existing Deployment',
    files: { 'kubernetes/deployment.yaml': MANIFEST.replace('  replicas: 2', '  replica: 2') },
    message:
      /^the API server rejected kubernetes\/deployment\.yaml:1: Deployment "classifier": unknown field "spec\.replica" \(no such field/,
  },
  {
    name: 'a field at the wrong level of a container',
    files: {
      'kubernetes/deployment.yaml': MANIFEST.replace(
        '        image: localhost:5000/classifier:base',
        '        image: localhost:5000/classifier:base\n        cpu: 1',
      ),
    },
    message:
      /^the API server rejected kubernetes\/deployment\.yaml:1: Deployment "classifier": unknown field "spec\.template\.spec\.containers\[0\]\.cpu"/,
  },
  {
    name: 'a typo in a new Deployment',
    files: { 'kubernetes/worker.yaml': NEW('        imagePulPolicy: Always\n') },
    message:
      /^the API server rejected kubernetes\/worker\.yaml:1: Deployment "worker": unknown field "spec\.template\.spec\.containers\[0\]\.imagePulPolicy"/,
  },
  {
    name: 'negative replicas',
    files: { 'kubernetes/deployment.yaml': MANIFEST.replace('replicas: 2', 'replicas: -1') },
    message:
      /Deployment "classifier": spec\.replicas: Invalid value: -1: must be greater than or equal to 0/,
  },
  {
    name: 'replicas as text',
    files: { 'kubernetes/deployment.yaml': MANIFEST.replace('replicas: 2', 'replicas: two') },
    message:
      /^the API server rejected kubernetes\/deployment\.yaml:1: Deployment "classifier": field "spec\.replicas" must be of type (int32|numeric), not string/,
  },
  {
    name: 'a selector that does not match the template',
    files: {
      'kubernetes/worker.yaml': NEW('').replace(
        'matchLabels: {app: worker}',
        'matchLabels: {app: other}',
      ),
    },
    message:
      /Deployment "worker": spec\.template\.metadata\.labels: Invalid value: .*`selector` does not match template `labels`/,
  },
  {
    name: 'a container without an image',
    files: {
      'kubernetes/worker.yaml': NEW('').replace('        image: localhost:5000/worker:1\n', ''),
    },
    message: /Deployment "worker": spec\.template\.spec\.containers\[0\]\.image: Required value/,
  },
  {
    name: 'a name with capitals',
    files: {
      'kubernetes/bad.yaml': CONFIGMAP('  a: "1"').replace('{name: settings}', '{name: Settings}'),
    },
    message:
      /ConfigMap "Settings": metadata\.name: Invalid value: "Settings": a lowercase RFC 1123 subdomain/,
  },
  {
    name: 'a ConfigMap value that is a number',
    files: { 'kubernetes/bad.yaml': CONFIGMAP('  threshold: 0.5') },
    message:
      /ConfigMap "settings": field "data" must be of type string, not number|ConfigMap "settings": .*data.*string/,
  },
  {
    name: 'a Service port out of range',
    files: {
      'kubernetes/bad.yaml':
        'apiVersion: v1\nkind: Service\nmetadata: {name: edge}\nspec:\n  ports: [{port: 70000}]\n',
    },
    message:
      /Service "edge": spec\.ports\[0\]\.port: Invalid value: 70000: must be between 1 and 65535/,
  },
  {
    name: 'two bad objects in two files',
    files: {
      'kubernetes/deployment.yaml': MANIFEST.replace('  replicas: 2', '  replica: 2'),
      'kubernetes/worker.yaml': NEW('        imagePulPolicy: Always\n'),
    },
    message:
      /^the API server rejected 2 objects: kubernetes\/deployment\.yaml:1: Deployment "classifier": unknown field "spec\.replica".*; kubernetes\/worker\.yaml:1: Deployment "worker": unknown field/,
  },
  {
    name: 'a namespace that does not exist',
    inputs: { namespace: 'no-such-namespace' },
    message:
      /^the namespace "no-such-namespace" does not exist at https:\/\/127\.0\.0\.1:\d+\. Create it first/,
  },
  {
    name: 'an object in another namespace than the input',
    files: {
      'kubernetes/bad.yaml': CONFIGMAP('  a: "1"').replace(
        '{name: settings}',
        '{name: settings, namespace: default}',
      ),
    },
    message:
      /^an object sets metadata\.namespace "default", but the namespace input is "sweep-[\w-]+"/,
  },
  // write-back: nothing written when a later check fails.
  {
    name: 'write-back with a YAML error in a later file',
    files: {
      'kubernetes/z.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n   labels: {}\n',
    },
    inputs: { 'write-back': 'true', images: 'classifier=localhost:5000/classifier:wb' },
    message: /^kubernetes\/z\.yaml:4:9: /,
  },
  {
    name: 'write-back with an images line that matches nothing',
    inputs: {
      'write-back': 'true',
      images: 'classifier=localhost:5000/classifier:wb\nworker=localhost:5000/worker:wb',
    },
    message: /^the images entry 'worker=localhost:5000\/worker:wb' matches no container/,
  },
  {
    name: 'write-back with an object the server rejects',
    files: { 'kubernetes/worker.yaml': NEW('        imagePulPolicy: Always\n') },
    inputs: {
      'write-back': 'true',
      images: 'classifier=localhost:5000/classifier:wb\nworker=localhost:5000/worker:wb',
    },
    message:
      /^the API server rejected kubernetes\/worker\.yaml:1: Deployment "worker": unknown field/,
  },
];

/** Every file of a folder with its content: equal before and after means nothing changed. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix))
    .sort()
    .flatMap((name) => {
      const rel = join(prefix, name);
      return statSync(join(dir, rel)).isDirectory()
        ? tree(dir, rel)
        : [`${rel}\n${readFileSync(join(dir, rel), 'utf8')}`];
    });
}

/** What the cluster holds (the namespaces, and the objects of the namespace with their versions). */
async function clusterState(): Promise<string> {
  const objects = await cluster.kubectl([
    'get',
    'deployments,replicasets,services,configmaps,secrets,serviceaccounts,roles,rolebindings',
    '-n',
    ns,
    '-o',
    'jsonpath={range .items[*]}{.kind}/{.metadata.name}@{.metadata.resourceVersion}{"\\n"}{end}',
  ]);
  const namespaces = await cluster.kubectl(['get', 'namespaces', '-o', 'name']);
  return `${objects.stdout}\n${namespaces.stdout}`;
}

function workspace(files: Files = {}): string {
  const ws = mkdtempSync(join(tmpdir(), 'deploy-sweep-'));
  for (const [path, text] of Object.entries({ 'kubernetes/deployment.yaml': MANIFEST, ...files })) {
    mkdirSync(join(ws, path, '..'), { recursive: true });
    writeFileSync(join(ws, path), text);
  }
  return ws;
}

function run(ws: string, inputs: Inputs, env: Record<string, string> = {}): Promise<ActionResult> {
  return runAction({
    action,
    workspace: ws,
    env: { HOME: home, PATH: cluster.env['PATH']!, ...env },
    inputs: { kubeconfig: cluster.kubeconfig(), namespace: ns, timeout: '60s', ...inputs },
  });
}

beforeAll(async () => {
  execFileSync(node24Path(), [join(repoRoot, 'scripts', 'build-action.mjs'), action], {
    stdio: 'inherit',
  });
  home = mkdtempSync(join(tmpdir(), 'deploy-sweep-home-'));
  cluster = await startCluster();
  ns = await cluster.namespace('sweep');
  narrowToken = await cluster.serviceAccountToken(ns, 'reader', [
    { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] },
  ]);
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closedPort = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  const baseline = await run(workspace(), {});
  expect(baseline.exitCode, baseline.log).toBe(0);
});

afterAll(async () => {
  await cluster?.stop();
});

describe(`${CASES.length} bad inputs`, () => {
  test.each(CASES.map((c) => [c.name, c] as const))(
    '%s: one clear error, nothing changed',
    async (_name, c) => {
      const ws = workspace(c.files);
      const filesBefore = tree(ws);
      const clusterBefore = await clusterState();
      const inputs = typeof c.inputs === 'function' ? c.inputs() : (c.inputs ?? {});
      const result = await run(ws, inputs, c.env?.());
      expect(result.exitCode).toBe(1);
      const errors = result.annotations.filter((a) => a.level === 'error');
      expect(errors, result.log).toHaveLength(1);
      const message = errors[0]!.message;
      expect(message.startsWith('deploy failed: ')).toBe(true);
      expect(message.split('\n')).toHaveLength(1);
      expect(message.length).toBeLessThan(700);
      expect(message.replace(/^deploy failed: /, '')).toMatch(c.message);
      expect(tree(ws)).toEqual(filesBefore);
      expect(await clusterState()).toBe(clusterBefore);
      expect(result.logWithoutMasks).not.toContain(cluster.adminToken);
      expect(result.logWithoutMasks).not.toContain(narrowToken);
    },
  );
});
