// A local Kubernetes API server for tests that run the real kubectl: https on 127.0.0.1 with a
// self-signed certificate, bearer-token users, RBAC-shaped refusals, discovery, OpenAPI v3, the
// REST verbs with watch, and a small controller that rolls Deployments, StatefulSets and DaemonSets
// out and makes their Pods Ready, or fail as a test's image rules say.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import { typeOfKind } from './catalog.ts';
import { Controller, type ImageRule } from './controller.ts';
import type { Obj } from './patch.ts';
import { type ForbidRule, handle, type KubeRequest, type ServerContext } from './server.ts';
import { Store } from './store.ts';
import { selfSignedCertificate } from './tls.ts';

export type { ImageRule, PodOutcome } from './controller.ts';
export type { ForbidRule, KubeRequest } from './server.ts';

/** How to start the local API server. */
export interface LocalKubeOptions {
  /** Namespaces to create besides default, kube-system, kube-public and kube-node-lease. */
  namespaces?: string[];
  /** Images whose containers do not become Ready. */
  imageRules?: ImageRule[];
  /** How long a Pod takes to become Ready (or to fail), in ms (default 300). */
  startupMs?: number;
}

/** What a kubeconfig for the local server holds. */
export interface KubeconfigOptions {
  /** A user's bearer token (default: the user `ci`, allowed everything not forbidden). */
  token?: string;
  namespace?: string;
  context?: string;
  /** Another server URL (to point at a closed port, for example). */
  server?: string;
}

/** A running local API server. */
export interface LocalKube {
  /** https://127.0.0.1:<port> */
  url: string;
  /** The CA certificate (the server's own), base64 PEM, as certificate-authority-data holds it. */
  caData: string;
  /** The token of the user `ci`. */
  token: string;
  /** Every request answered, in order. */
  requests: KubeRequest[];
  /** The image rules in force; tests may change them between runs. */
  imageRules: ImageRule[];
  /** kubeconfig renders a kubeconfig file's text for this server. */
  kubeconfig(options?: KubeconfigOptions): string;
  /** addUser creates a user and returns its bearer token. */
  addUser(name: string): string;
  /** forbid makes the server refuse matching requests with 403 Forbidden. */
  forbid(rule: ForbidRule): void;
  /** get reads an object (or undefined): get('apps/v1', 'Deployment', 'demo', 'web'). */
  get(apiVersion: string, kind: string, namespace: string, name: string): Obj | undefined;
  /** list reads the objects of a kind, in one namespace or all. */
  list(apiVersion: string, kind: string, namespace?: string): Obj[];
  /** create stores an object as a cluster administrator would (no RBAC, no kubectl). */
  create(object: Obj): Obj;
  /** stop closes the server and ends every watch. */
  stop(): Promise<void>;
}

function typeFor(apiVersion: string, kind: string) {
  const t = typeOfKind(apiVersion, kind);
  if (!t) throw new Error(`the local API server does not serve ${apiVersion} ${kind}`);
  return t;
}

/** startLocalKube starts the server on a free port of 127.0.0.1. */
export async function startLocalKube(options: LocalKubeOptions = {}): Promise<LocalKube> {
  const store = new Store();
  const imageRules: ImageRule[] = [...(options.imageRules ?? [])];
  const controller = new Controller(store, {
    rules: () => imageRules,
    startupMs: options.startupMs ?? 300,
    nodeName: 'local-node',
  });
  const token = randomBytes(24).toString('hex');
  let address = '';
  const ctx: ServerContext = {
    store,
    controller,
    tokens: new Map([[token, 'ci']]),
    forbidden: [],
    requests: [],
    address: () => address,
    applied: new Map(),
  };
  for (const name of [
    'default',
    'kube-system',
    'kube-public',
    'kube-node-lease',
    ...(options.namespaces ?? []),
  ]) {
    store.create(typeFor('v1', 'Namespace'), {
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  store.create(typeFor('v1', 'Node'), {
    metadata: {
      name: 'local-node',
      labels: { 'kubernetes.io/hostname': 'local-node', 'kubernetes.io/os': 'linux' },
    },
    spec: {},
    status: {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
    },
  });
  const tls = selfSignedCertificate();
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    void handle(ctx, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  address = `127.0.0.1:${port}`;
  const url = `https://127.0.0.1:${port}`;
  const caData = Buffer.from(tls.cert).toString('base64');
  controller.start();
  return {
    url,
    caData,
    token,
    requests: ctx.requests,
    imageRules,
    kubeconfig(o: KubeconfigOptions = {}) {
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
        users: [{ name: 'ci', user: { token: o.token ?? token } }],
        contexts: [
          {
            name: context,
            context: {
              cluster: 'local',
              user: 'ci',
              ...(o.namespace ? { namespace: o.namespace } : {}),
            },
          },
        ],
        'current-context': context,
        preferences: {},
      });
    },
    addUser(name: string) {
      const t = randomBytes(24).toString('hex');
      ctx.tokens.set(t, name);
      return t;
    },
    forbid(rule: ForbidRule) {
      ctx.forbidden.push(rule);
    },
    get(apiVersion, kind, namespace, name) {
      return store.get(typeFor(apiVersion, kind), namespace, name);
    },
    list(apiVersion, kind, namespace) {
      return store.list(typeFor(apiVersion, kind), namespace);
    },
    create(object: Obj) {
      const created = store.create(
        typeFor(String(object['apiVersion']), String(object['kind'])),
        object,
      );
      controller.poke();
      return created;
    },
    async stop() {
      controller.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
