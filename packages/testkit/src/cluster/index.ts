// A real Kubernetes control plane for tests: etcd, kube-apiserver, kube-controller-manager and
// kube-scheduler built from Kubernetes' own sources (scripts/kube), with kwok playing the kubelets
// of fake nodes. Everything listens on 127.0.0.1 on ports picked here, in a folder of its own that
// is removed at stop (kept, with every process's log, when MLOPS_KEEP_CLUSTER=1 or start fails).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  createWriteStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { testCertificate } from '../registry.ts';
import { kubeBinDir, kwokAssetsDir } from './binaries.ts';
import {
  deadlineStage,
  outcomeStage,
  PENDING_OUTCOMES,
  type PodMatch,
  type PodOutcome,
  stageName,
} from './stages.ts';

export { CONTROL_PLANE_TOOLS, kubeBinDir } from './binaries.ts';
export { playRunnerPods, type RunnerPodPlayer } from './runners.ts';
export type { PodMatch, PodOutcome } from './stages.ts';

/** A fake node that kwok keeps Ready. */
export interface FakeNode {
  name: string;
  cpu?: string;
  memory?: string;
  pods?: string;
  /** Extended resources, such as `{ 'nvidia.com/gpu': '1' }`. */
  resources?: Record<string, string>;
  labels?: Record<string, string>;
  taints?: {
    key: string;
    value?: string;
    effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  }[];
}

/** How to start a cluster. */
export interface ClusterOptions {
  /** The fake nodes (default: two plain nodes of 8 CPUs and 32Gi). */
  nodes?: FakeNode[];
  /** How long to wait for the whole cluster to be ready (default 60 s). */
  readyTimeoutMs?: number;
}

/** What a kubeconfig for the cluster holds. */
export interface KubeconfigOptions {
  /** A bearer token (default: the admin's, in group system:masters). */
  token?: string;
  namespace?: string;
  context?: string;
  /** Another server URL (to point at a closed port, for example). */
  server?: string;
}

/** What kubectl printed. */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A running local control plane. */
export interface Cluster {
  /** https://127.0.0.1:<port> */
  url: string;
  /** The API server's CA (its own self-signed certificate), base64 PEM, as in a kubeconfig. */
  caData: string;
  /** The admin's bearer token (group system:masters). */
  adminToken: string;
  /** The folder of the built binaries (kubectl, kwok, ...). */
  binDir: string;
  /** The kubectl of the same release. */
  kubectlPath: string;
  /** A kubeconfig file of the admin, for tools that take a path. */
  kubeconfigPath: string;
  /** The environment that puts this release's kubectl first on PATH and the admin kubeconfig in KUBECONFIG. */
  env: Record<string, string>;
  /** kubeconfig renders a kubeconfig file's text. */
  kubeconfig(options?: KubeconfigOptions): string;
  /** kubectl runs the real kubectl as the admin (or with `token`); throws on a non-zero exit unless `allowFail`. */
  kubectl(
    args: readonly string[],
    options?: { input?: string; token?: string; allowFail?: boolean },
  ): Promise<KubectlResult>;
  /** get reads an object as JSON, or undefined when it does not exist. */
  get<T = Record<string, unknown>>(
    resource: string,
    name: string,
    namespace?: string,
  ): Promise<T | undefined>;
  /** namespace creates a namespace with a unique name and waits for its default service account. */
  namespace(prefix?: string): Promise<string>;
  /**
   * serviceAccountToken creates a service account bound to a Role with these rules in a namespace,
   * and returns a token for it: a narrow user for RBAC tests.
   */
  serviceAccountToken(namespace: string, name: string, rules: PolicyRule[]): Promise<string>;
  /** setOutcome makes the pods that match behave as the outcome says, from now on. */
  setOutcome(match: PodMatch, outcome: PodOutcome): Promise<void>;
  /** clearOutcome removes an outcome set before. */
  clearOutcome(match: PodMatch): Promise<void>;
  /**
   * setLogs makes `kubectl logs` of these containers of every pod in a namespace print `text`
   * (served by kwok as the kubelet would), and `kubectl logs --previous` print `previous`. kwok
   * watches the object, so it takes effect about a second later: set it before the pods fail.
   */
  setLogs(
    namespace: string,
    logs: { containers: string[]; text: string; previous?: string },
  ): Promise<void>;
  /** addNode creates another fake node and waits until it is Ready. */
  addNode(node: FakeNode): Promise<void>;
  /** logs returns the tail of each process's log (for a failing test's message). */
  logs(lines?: number): string;
  /** stop ends every process and removes the cluster's folder. */
  stop(): Promise<void>;
}

/** An RBAC rule, as in a Role. */
export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

const DEFAULT_NODES: FakeNode[] = [{ name: 'kwok-node-0' }, { name: 'kwok-node-1' }];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * kwokStages reads kwok's own node and pod stages, and keeps its pod-ready stage off the pods that
 * an outcome holds in Pending (an image that cannot be pulled stays Pending, as on a kubelet).
 */
function kwokStages(folder: string): string {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const stage = parse(readFileSync(join(folder, file), 'utf8')) as {
        metadata: { name: string };
        spec: { selector?: { matchExpressions?: unknown[] } };
      };
      if (stage.metadata.name === 'pod-ready') {
        stage.spec.selector?.matchExpressions?.push({
          key: '.status.containerStatuses.[].state.waiting.reason',
          operator: 'NotIn',
          values: PENDING_OUTCOMES,
        });
      }
      return stringify(stage);
    })
    .join('---\n');
}

/** defaultServiceAccount is the service account every namespace's pods run as by default. */
function defaultServiceAccount(namespace: string) {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } };
}

/** nodeObject renders a fake node as a Node object kwok manages. */
function nodeObject(node: FakeNode): Record<string, unknown> {
  const resources = {
    cpu: node.cpu ?? '8',
    memory: node.memory ?? '32Gi',
    pods: node.pods ?? '110',
    'ephemeral-storage': '200Gi',
    ...node.resources,
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
      labels: {
        'kubernetes.io/hostname': node.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        type: 'kwok',
        ...node.labels,
      },
    },
    spec: node.taints ? { taints: node.taints } : {},
    status: { allocatable: resources, capacity: resources },
  };
}

/**
 * startCluster starts etcd, the API server, the controller manager, the scheduler and kwok, creates
 * the fake nodes, and resolves when the API server is ready and every node is Ready.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const binDir = kubeBinDir();
  const bin = (name: string) => join(binDir, name);
  const dir = join(tmpdir(), `mlops-cluster-${randomBytes(4).toString('hex')}`);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const [etcdClient, etcdPeer, apiPort, kwokPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const url = `https://127.0.0.1:${apiPort}`;

  // Credentials: a serving certificate for 127.0.0.1, a service-account key pair, an admin token.
  const cert = testCertificate();
  writeFileSync(join(dir, 'serving.crt'), cert.cert);
  writeFileSync(join(dir, 'serving.key'), cert.key);
  rmSync(cert.dir, { recursive: true, force: true });
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(dir, 'sa.key'), keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(join(dir, 'sa.pub'), keys.publicKey.export({ type: 'spki', format: 'pem' }));
  const adminToken = randomBytes(24).toString('hex');
  writeFileSync(join(dir, 'tokens.csv'), `${adminToken},admin,admin,"system:masters"\n`);
  const caData = Buffer.from(cert.cert).toString('base64');

  const kubeconfig = (o: KubeconfigOptions = {}): string => {
    const context = o.context ?? 'local';
    return stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'local',
          cluster: { server: o.server ?? url, 'certificate-authority-data': caData },
        },
      ],
      users: [{ name: 'user', user: { token: o.token ?? adminToken } }],
      contexts: [
        {
          name: context,
          context: {
            cluster: 'local',
            user: 'user',
            ...(o.namespace ? { namespace: o.namespace } : {}),
          },
        },
      ],
      'current-context': context,
    });
  };
  const kubeconfigPath = join(dir, 'admin.kubeconfig');
  writeFileSync(kubeconfigPath, kubeconfig(), { mode: 0o600 });

  const children: { name: string; child: ChildProcess }[] = [];
  const killAll = () => {
    for (const { child } of children) if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  const launch = (name: string, args: string[]) => {
    const log = createWriteStream(join(dir, 'logs', `${name}.log`));
    const child = spawn(bin(name), args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    children.push({ name, child });
    return child;
  };

  const logs = (lines = 30): string =>
    readdirSync(join(dir, 'logs'))
      .map((file) => {
        const text = readFileSync(join(dir, 'logs', file), 'utf8')
          .trimEnd()
          .split('\n');
        return `--- ${file}\n${text.slice(-lines).join('\n')}`;
      })
      .join('\n');

  let stopped = false;
  const stop = async (keep = process.env['MLOPS_KEEP_CLUSTER'] === '1') => {
    if (stopped) return;
    stopped = true;
    // The clients first, the store last, so nothing logs a lost etcd at the end.
    for (const { child } of [...children].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', killAll);
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };

  const kubectl = (
    args: readonly string[],
    o: { input?: string; token?: string; allowFail?: boolean } = {},
  ): Promise<KubectlResult> =>
    new Promise((resolve, reject) => {
      const full = [
        '--kubeconfig',
        kubeconfigPath,
        ...(o.token ? ['--token', o.token] : []),
        ...args,
      ];
      const child = execFile(
        bin('kubectl'),
        full,
        { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, KUBECONFIG: kubeconfigPath } },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          if (code !== 0 && !o.allowFail) {
            reject(new Error(`kubectl ${args.join(' ')} failed (${code}): ${stderr || stdout}`));
          } else {
            resolve({ code, stdout, stderr });
          }
        },
      );
      if (o.input !== undefined) child.stdin?.end(o.input);
      else child.stdin?.end();
    });

  const get = async <T>(resource: string, name: string, namespace?: string) => {
    const result = await kubectl(
      ['get', resource, name, '-o', 'json', ...(namespace ? ['-n', namespace] : [])],
      { allowFail: true },
    );
    if (result.code !== 0) {
      if (/NotFound|not found/.test(result.stderr)) return undefined;
      throw new Error(`kubectl get ${resource} ${name}: ${result.stderr}`);
    }
    return JSON.parse(result.stdout) as T;
  };

  const apply = (objects: unknown[] | string) =>
    kubectl(['apply', '--server-side', '--field-manager=mlops-testkit', '-f', '-'], {
      input: typeof objects === 'string' ? objects : objects.map((o) => stringify(o)).join('---\n'),
    });

  const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline)
        throw new Error(`the local cluster: timed out waiting for ${what}`);
      await sleep(200);
    }
  };

  /**
   * rest calls the API server directly: the start-up's own requests, where a kubectl process (and
   * its discovery of a new server) per call would cost most of the start time.
   */
  const rest = (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }> =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        `${url}${path}`,
        {
          method,
          ca: cert.cert,
          headers: {
            authorization: `Bearer ${adminToken}`,
            accept: 'application/json',
            ...(data
              ? {
                  'content-type':
                    method === 'PATCH' ? 'application/apply-patch+yaml' : 'application/json',
                  'content-length': Buffer.byteLength(data),
                }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: Record<string, unknown> = {};
            try {
              parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
            } catch {
              parsed = { message: text };
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('error', reject);
      req.end(data);
    });

  /** applyObject server-side applies one object through the REST API (cluster-scoped or not). */
  const applyObject = async (object: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string };
  }) => {
    const plural = `${object.kind.toLowerCase()}${object.kind.endsWith('s') ? '' : 's'}`;
    const base = object.apiVersion.includes('/') ? `/apis/${object.apiVersion}` : '/api/v1';
    const ns = object.metadata.namespace ? `/namespaces/${object.metadata.namespace}` : '';
    const path = `${base}${ns}/${plural}/${object.metadata.name}?fieldManager=mlops-testkit&force=true`;
    const result = await rest('PATCH', path, object);
    if (result.status >= 300) {
      throw new Error(
        `apply ${object.kind} ${object.metadata.name}: ${String(result.body['message'])}`,
      );
    }
  };

  const readyz = (): Promise<boolean> =>
    new Promise((resolve) => {
      const req = request(
        `${url}/readyz`,
        { ca: cert.cert, headers: { authorization: `Bearer ${adminToken}` }, timeout: 2000 },
        (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        },
      );
      req.on('error', () => resolve(false));
      req.on('timeout', () => req.destroy());
      req.end();
    });

  // A node is ready for pods once it is Ready and the node lifecycle controller has taken off
  // the taints it puts on a node that is not (node.kubernetes.io/not-ready and the like), a
  // moment after Ready: before that, the scheduler refuses every pod without their toleration.
  const addNode = async (node: FakeNode) => {
    await applyObject(nodeObject(node) as Parameters<typeof applyObject>[0]);
    await waitFor(
      `node ${node.name} to be Ready`,
      async () => {
        const { body } = await rest('GET', `/api/v1/nodes/${node.name}`);
        const status = body['status'] as
          | { conditions?: { type: string; status: string }[] }
          | undefined;
        const taints = (body['spec'] as { taints?: { key: string }[] } | undefined)?.taints ?? [];
        return (
          !!status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') &&
          !taints.some((t) => t.key.startsWith('node.kubernetes.io/'))
        );
      },
      30_000,
    );
  };

  try {
    const timeout = options.readyTimeoutMs ?? 60_000;
    launch('etcd', [
      '--name=local',
      `--data-dir=${join(dir, 'etcd')}`,
      `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
      `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
      `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-cluster=local=http://127.0.0.1:${etcdPeer}`,
      '--log-level=warn',
      // Tests write little and want speed over durability.
      '--unsafe-no-fsync',
      '--quota-backend-bytes=1073741824',
    ]);
    launch('kube-apiserver', [
      `--etcd-servers=http://127.0.0.1:${etcdClient}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${apiPort}`,
      `--tls-cert-file=${join(dir, 'serving.crt')}`,
      `--tls-private-key-file=${join(dir, 'serving.key')}`,
      `--client-ca-file=${join(dir, 'serving.crt')}`,
      `--token-auth-file=${join(dir, 'tokens.csv')}`,
      '--authorization-mode=RBAC',
      `--service-account-key-file=${join(dir, 'sa.pub')}`,
      `--service-account-signing-key-file=${join(dir, 'sa.key')}`,
      '--service-account-issuer=https://kubernetes.default.svc',
      '--service-cluster-ip-range=10.96.0.0/16',
      '--allow-privileged=true',
      '--kubelet-preferred-address-types=InternalIP',
      '--profiling=false',
      // The built-in endpoints of the `kubernetes` Service may not point at a loopback address.
      '--endpoint-reconciler-type=none',
      `--cert-dir=${join(dir, 'certs')}`,
      '--v=1',
    ]);
    // The controller manager and the scheduler wait for the API server themselves.
    const common = [`--kubeconfig=${kubeconfigPath}`, '--leader-elect=false', '--profiling=false'];
    launch('kube-controller-manager', [
      ...common,
      '--controllers=*,-nodeipam,-service-lb-controller,-cloud-node-lifecycle,-persistentvolume-binder',
      `--service-account-private-key-file=${join(dir, 'sa.key')}`,
      `--root-ca-file=${join(dir, 'serving.crt')}`,
      '--use-service-account-credentials=false',
      '--bind-address=127.0.0.1',
      '--secure-port=0',
      '--concurrent-deployment-syncs=10',
      '--concurrent-replicaset-syncs=10',
    ]);
    launch('kube-scheduler', [...common, '--bind-address=127.0.0.1', '--secure-port=0']);
    await waitFor('the API server', readyz, timeout);
    // kwok reads its Stages from the cluster (so tests can add outcomes), after their CRD exists.
    const assets = kwokAssetsDir(binDir);
    for (const crd of ['stages', 'clusterlogs']) {
      const text = readFileSync(join(assets, 'crd', `kwok.x-k8s.io_${crd}.yaml`), 'utf8');
      await applyObject(parse(text));
    }
    await waitFor(
      "kwok's CRDs to be established",
      async () => {
        for (const crd of ['stages', 'clusterlogs']) {
          const { body } = await rest(
            'GET',
            `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd}.kwok.x-k8s.io`,
          );
          const conditions = (body['status'] as { conditions?: { type: string; status: string }[] })
            ?.conditions;
          if (!conditions?.some((c) => c.type === 'Established' && c.status === 'True'))
            return false;
        }
        return true;
      },
      timeout,
    );
    // kwok's own stages, and the kubelet's activeDeadlineSeconds, which no kwok stage plays.
    for (const text of [...kwokStages(join(assets, 'stage')).split(/^---$/m), deadlineStage()]) {
      if (text.trim()) await applyObject(parse(text));
    }
    launch('kwok', [
      `--kubeconfig=${kubeconfigPath}`,
      '--manage-all-nodes=false',
      '--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake',
      '--enable-crds=Stage,ClusterLogs',
      '--node-ip=127.0.0.1',
      `--node-port=${kwokPort}`,
      `--server-address=127.0.0.1:${kwokPort}`,
      '--tls-cert-file',
      join(dir, 'serving.crt'),
      '--tls-private-key-file',
      join(dir, 'serving.key'),
    ]);
    await Promise.all((options.nodes ?? DEFAULT_NODES).map(addNode));
    // The controller manager makes each namespace's default service account about a second
    // after it starts; pods cannot be created before it exists, so make it now (the controller
    // keeps it as it is).
    await applyObject(defaultServiceAccount('default'));
  } catch (error) {
    const message = `${(error as Error).message}\n${logs()}`;
    await stop(true);
    throw new Error(`${message}\n(the cluster's folder is kept: ${dir})`);
  }

  let namespaces = 0;
  const cluster: Cluster = {
    url,
    caData,
    adminToken,
    binDir,
    kubectlPath: bin('kubectl'),
    kubeconfigPath,
    env: {
      PATH: `${binDir}:${process.env['PATH'] ?? ''}`,
      KUBECONFIG: kubeconfigPath,
    },
    kubeconfig,
    kubectl,
    get,
    async namespace(prefix = 'test') {
      namespaces += 1;
      const name = `${prefix}-${namespaces}-${randomBytes(2).toString('hex')}`.slice(0, 63);
      await applyObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      await applyObject(defaultServiceAccount(name));
      return name;
    },
    async serviceAccountToken(namespace, name, rules) {
      await apply([
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } },
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata: { name, namespace },
          rules,
        },
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name, namespace },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
          subjects: [{ kind: 'ServiceAccount', name, namespace }],
        },
      ]);
      const { stdout } = await kubectl(['create', 'token', name, '-n', namespace, '--duration=1h']);
      return stdout.trim();
    },
    async setOutcome(match, outcome) {
      await apply(outcomeStage(match, outcome));
    },
    async clearOutcome(match) {
      await kubectl(['delete', 'stage', stageName(match), '--ignore-not-found']);
    },
    async setLogs(namespace, { containers, text, previous }) {
      const file = join(dir, 'pod-logs', `${namespace}.log`);
      mkdirSync(join(dir, 'pod-logs'), { recursive: true });
      // The container runtime's log format, which kwok reads as a kubelet does.
      const cri = (lines: string) =>
        lines
          .replace(/\n$/, '')
          .split('\n')
          .map((line) => `${new Date().toISOString()} stdout F ${line}\n`)
          .join('');
      writeFileSync(file, cri(text));
      if (previous !== undefined) writeFileSync(`${file}.previous`, cri(previous));
      await apply([
        {
          apiVersion: 'kwok.x-k8s.io/v1alpha1',
          kind: 'ClusterLogs',
          metadata: { name: `logs-${namespace}` },
          spec: {
            selector: { matchNamespaces: [namespace] },
            logs: [
              {
                containers,
                logsFile: file,
                ...(previous !== undefined ? { previousLogsFile: `${file}.previous` } : {}),
              },
            ],
          },
        },
      ]);
    },
    addNode,
    logs,
    stop: () => stop(),
  };
  return cluster;
}
