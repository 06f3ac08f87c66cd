// A tiny controller manager and kubelet for the local API server: Deployments become ReplicaSets
// (with revision annotations, so `kubectl rollout undo` works), ReplicaSets, StatefulSets and
// DaemonSets become Pods (the latter two with ControllerRevisions), and Pods become Ready, or fail
// the way real ones do (ImagePullBackOff, CrashLoopBackOff, Unschedulable) when their image matches
// a rule the test sets. Statuses and conditions are the ones `kubectl rollout status` reads, and
// each step leaves the Events a real cluster would.
import { createHash, randomBytes } from 'node:crypto';
import { RESOURCE_TYPES, type ResourceType } from './catalog.ts';
import { clone, isObj, type Obj } from './patch.ts';
import { meta, now, type Store } from './store.ts';

/** What happens to a container whose image matches a rule. */
export type PodOutcome = 'Ready' | 'ImagePullBackOff' | 'CrashLoopBackOff' | 'Unschedulable';

/** A rule: containers whose image contains `image` (or matches it, for a RegExp) end as `outcome`. */
export interface ImageRule {
  image: string | RegExp;
  outcome: PodOutcome;
  /** The container's log lines (a crashing one's last words). */
  logs?: string[];
}

/** How the simulated cluster behaves. */
export interface ControllerOptions {
  rules: () => ImageRule[];
  /** How long a Pod takes from creation to Ready (or to its failure), in ms. */
  startupMs: number;
  nodeName: string;
}

const type = (kind: string) => RESOURCE_TYPES.find((t) => t.kind === kind)!;
const DEPLOYMENT = type('Deployment');
const REPLICASET = type('ReplicaSet');
const STATEFULSET = type('StatefulSet');
const DAEMONSET = type('DaemonSet');
const REVISION = type('ControllerRevision');
const POD = type('Pod');
const EVENT = type('Event');

const REVISION_KEY = 'deployment.kubernetes.io/revision';
const HASH_LABEL = 'pod-template-hash';
const REVISION_HASH_LABEL = 'controller-revision-hash';
// Deployment annotations that are not copied to its ReplicaSets (kubectl's rollback skips the same).
const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_KEY,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObj(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** safeEncode maps text onto the consonant-and-digit alphabet Kubernetes uses in generated names. */
function safeEncode(text: string): string {
  return [...text].map((ch) => SAFE[ch.charCodeAt(0) % SAFE.length]).join('');
}

/** templateHash is a pod template's short hash (the pod-template-hash label value). */
export function templateHash(template: unknown): string {
  const digest = createHash('sha256')
    .update(canonical(withoutLabel(template, HASH_LABEL)))
    .digest();
  return safeEncode(String(digest.readUInt32BE(0)));
}

function randomSuffix(length = 5): string {
  return [...randomBytes(length)].map((b) => SAFE[b % SAFE.length]).join('');
}

function withoutLabel(template: unknown, label: string): unknown {
  const copy = clone(template);
  if (isObj(copy) && isObj(copy['metadata']) && isObj((copy['metadata'] as Obj)['labels'])) {
    delete ((copy['metadata'] as Obj)['labels'] as Obj)[label];
  }
  return copy;
}

function get(object: unknown, path: string): unknown {
  let node = object;
  for (const part of path.split('.')) node = isObj(node) ? node[part] : undefined;
  return node;
}

function spec(object: Obj): Obj {
  if (!isObj(object['spec'])) object['spec'] = {};
  return object['spec'] as Obj;
}

function status(object: Obj): Obj {
  if (!isObj(object['status'])) object['status'] = {};
  return object['status'] as Obj;
}

function annotations(object: Obj): Record<string, string> {
  const m = meta(object);
  if (!isObj(m['annotations'])) m['annotations'] = {};
  return m['annotations'] as Record<string, string>;
}

function ownedBy(object: Obj, owner: Obj): boolean {
  const refs = meta(object)['ownerReferences'];
  const uid = meta(owner)['uid'];
  return (
    Array.isArray(refs) &&
    refs.some((r) => isObj(r) && r['uid'] === uid && r['controller'] === true)
  );
}

function ownerReference(owner: Obj, t: ResourceType): Obj {
  return {
    apiVersion: t.group ? `${t.group}/${t.version}` : t.version,
    kind: t.kind,
    name: meta(owner)['name'],
    uid: meta(owner)['uid'],
    controller: true,
    blockOwnerDeletion: true,
  };
}

function condition(
  type: string,
  value: boolean,
  reason: string,
  message: string,
  old: unknown,
): Obj {
  const previous = Array.isArray(old) ? old.find((c) => isObj(c) && c['type'] === type) : undefined;
  const same = isObj(previous) && previous['status'] === (value ? 'True' : 'False');
  const sameReason = same && previous['reason'] === reason && previous['message'] === message;
  const transition = same ? previous['lastTransitionTime'] : now();
  return {
    type,
    status: value ? 'True' : 'False',
    lastUpdateTime: sameReason ? previous['lastUpdateTime'] : now(),
    lastTransitionTime: transition,
    reason,
    message,
  };
}

interface ContainerLife {
  name: string;
  image: string;
  outcome: PodOutcome;
  logs: string[];
}

interface PodLife {
  createdAt: number;
  containers: ContainerLife[];
  initContainers: ContainerLife[];
  stage: number;
}

function intOrPercent(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(String(value ?? ''));
  if (!m) return Number(value) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** Controller runs the reconcile loop of the simulated cluster. */
export class Controller {
  private readonly store: Store;
  private readonly options: ControllerOptions;
  private readonly pods = new Map<string, PodLife>();
  /** When each Deployment last made progress (uid → ms), for progressDeadlineSeconds. */
  private readonly progress = new Map<string, { at: number; key: string }>();
  private timer: NodeJS.Timeout | undefined;
  private pending = false;
  /** Pod logs by namespace/name/container. */
  readonly logs = new Map<string, string[]>();

  constructor(store: Store, options: ControllerOptions) {
    this.store = store;
    this.options = options;
  }

  /** start runs the loop every 50 ms until stop. */
  start(): void {
    this.timer = setInterval(() => this.reconcile(), 50);
    this.timer.unref();
  }

  /** stop ends the loop. */
  stop(): void {
    clearInterval(this.timer);
  }

  /** poke schedules a reconcile soon (after an API write). */
  poke(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      this.reconcile();
    });
  }

  /** event records (or counts again) an Event about an object, as a component of the cluster would. */
  event(
    involved: Obj,
    t: ResourceType,
    kind: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
  ): void {
    const m = meta(involved);
    const namespace = String(m['namespace'] ?? 'default');
    const existing = this.store
      .list(EVENT, namespace)
      .find(
        (e) =>
          get(e, 'involvedObject.uid') === m['uid'] &&
          e['reason'] === reason &&
          e['message'] === message,
      );
    if (existing) {
      existing['count'] = Number(existing['count'] ?? 1) + 1;
      existing['lastTimestamp'] = now();
      this.store.update(EVENT, existing);
      return;
    }
    this.store.create(EVENT, {
      metadata: { name: `${String(m['name'])}.${randomBytes(8).toString('hex')}`, namespace },
      involvedObject: {
        kind: t.kind,
        namespace,
        name: m['name'],
        uid: m['uid'],
        apiVersion: t.group ? `${t.group}/${t.version}` : t.version,
        resourceVersion: m['resourceVersion'],
      },
      reason,
      message,
      source: { component, ...(component === 'kubelet' ? { host: this.options.nodeName } : {}) },
      firstTimestamp: now(),
      lastTimestamp: now(),
      count: 1,
      type: kind,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: component === 'kubelet' ? this.options.nodeName : '',
    });
  }

  /** reconcile moves every workload one step towards its desired state. */
  reconcile(): void {
    for (const d of this.store.list(DEPLOYMENT)) this.syncDeployment(d);
    for (const rs of this.store.list(REPLICASET)) this.syncReplicaSet(rs);
    for (const sts of this.store.list(STATEFULSET)) this.syncRevisioned(sts, STATEFULSET);
    for (const ds of this.store.list(DAEMONSET)) this.syncRevisioned(ds, DAEMONSET);
    for (const pod of this.store.list(POD)) this.syncPod(pod);
    for (const rs of this.store.list(REPLICASET)) this.replicaSetStatus(rs);
    for (const d of this.store.list(DEPLOYMENT)) this.deploymentStatus(d);
    for (const sts of this.store.list(STATEFULSET)) this.revisionedStatus(sts, STATEFULSET);
    for (const ds of this.store.list(DAEMONSET)) this.revisionedStatus(ds, DAEMONSET);
  }

  private ownedReplicaSets(d: Obj): Obj[] {
    return this.store.list(REPLICASET, String(meta(d)['namespace'])).filter((rs) => ownedBy(rs, d));
  }

  private ownedPods(owner: Obj): Obj[] {
    return this.store
      .list(POD, String(meta(owner)['namespace']))
      .filter((p) => ownedBy(p, owner) && !meta(p)['deletionTimestamp']);
  }

  private newReplicaSet(d: Obj, sets: Obj[]): Obj | undefined {
    const wanted = canonical(withoutLabel(get(d, 'spec.template'), HASH_LABEL));
    return sets.find(
      (rs) => canonical(withoutLabel(get(rs, 'spec.template'), HASH_LABEL)) === wanted,
    );
  }

  private scale(rs: Obj, owner: Obj, replicas: number): void {
    const from = Number(get(rs, 'spec.replicas') ?? 0);
    if (from === replicas) return;
    spec(rs)['replicas'] = replicas;
    const a = annotations(rs);
    a['deployment.kubernetes.io/desired-replicas'] = String(get(owner, 'spec.replicas') ?? 1);
    this.store.update(REPLICASET, rs);
    const verb = replicas > from ? 'up' : 'down';
    this.event(
      owner,
      DEPLOYMENT,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${verb} replica set ${String(meta(rs)['name'])} from ${from} to ${replicas}`,
      'deployment-controller',
    );
  }

  private syncDeployment(d: Obj): void {
    if (get(d, 'spec.paused') === true) return;
    const m = meta(d);
    const namespace = String(m['namespace']);
    const replicas = Number(get(d, 'spec.replicas') ?? 1);
    const sets = this.ownedReplicaSets(d);
    const maxRevision = Math.max(
      0,
      ...sets.map((rs) => Number(annotations(rs)[REVISION_KEY] ?? 0)),
    );
    let current = this.newReplicaSet(d, sets);
    const copied = Object.fromEntries(
      Object.entries(annotations(d)).filter(([k]) => !SKIPPED_ANNOTATIONS.has(k)),
    );
    if (!current) {
      const template = clone(get(d, 'spec.template')) as Obj;
      const hash = templateHash(template);
      const labels = { ...((get(template, 'metadata.labels') as Obj) ?? {}), [HASH_LABEL]: hash };
      (template['metadata'] as Obj)['labels'] = labels;
      const selector = clone(get(d, 'spec.selector')) as Obj;
      selector['matchLabels'] = { ...((selector['matchLabels'] as Obj) ?? {}), [HASH_LABEL]: hash };
      current = this.store.create(REPLICASET, {
        metadata: {
          name: `${String(m['name'])}-${hash}`,
          namespace,
          labels,
          annotations: {
            ...copied,
            'deployment.kubernetes.io/desired-replicas': String(replicas),
            'deployment.kubernetes.io/max-replicas': String(
              replicas +
                intOrPercent(get(d, 'spec.strategy.rollingUpdate.maxSurge'), replicas, true),
            ),
            [REVISION_KEY]: String(maxRevision + 1),
          },
          ownerReferences: [ownerReference(d, DEPLOYMENT)],
        },
        spec: {
          replicas: 0,
          minReadySeconds: get(d, 'spec.minReadySeconds') ?? 0,
          selector,
          template,
        },
      });
      this.progress.set(String(m['uid']), { at: Date.now(), key: '' });
    } else if (
      annotations(current)[REVISION_KEY] !== String(maxRevision) ||
      Object.entries(copied).some(([k, v]) => annotations(current!)[k] !== v)
    ) {
      // An older ReplicaSet whose template is wanted again (a rollback) becomes the newest revision.
      const a = annotations(current);
      if (a[REVISION_KEY] !== String(maxRevision)) {
        a[REVISION_KEY] = String(maxRevision + 1);
        this.progress.set(String(m['uid']), { at: Date.now(), key: '' });
      }
      Object.assign(a, copied);
      current = this.store.update(REPLICASET, current);
    }
    const revision = annotations(current)[REVISION_KEY]!;
    if (annotations(d)[REVISION_KEY] !== revision) {
      const fresh = this.store.get(DEPLOYMENT, namespace, String(m['name']));
      if (fresh) {
        annotations(fresh)[REVISION_KEY] = revision;
        this.store.update(DEPLOYMENT, fresh);
      }
    }
    this.scale(current, d, replicas);
    const recreate = get(d, 'spec.strategy.type') === 'Recreate';
    const available = Number(get(current, 'status.availableReplicas') ?? 0);
    const olds = this.ownedReplicaSets(d).filter((rs) => meta(rs)['uid'] !== meta(current!)['uid']);
    for (const old of olds) {
      if (Number(get(old, 'spec.replicas') ?? 0) > 0 && (recreate || available >= replicas))
        this.scale(old, d, 0);
    }
    const limit = Number(get(d, 'spec.revisionHistoryLimit') ?? 10);
    const idle = olds
      .filter(
        (rs) =>
          Number(get(rs, 'spec.replicas') ?? 0) === 0 &&
          Number(get(rs, 'status.replicas') ?? 0) === 0,
      )
      .sort((a, b) => Number(annotations(a)[REVISION_KEY]) - Number(annotations(b)[REVISION_KEY]));
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit)))
      this.store.remove(REPLICASET, namespace, String(meta(rs)['name']));
  }

  private createPod(
    owner: Obj,
    t: ResourceType,
    name: string,
    template: Obj,
    extraLabels: Record<string, string>,
  ): void {
    const namespace = String(meta(owner)['namespace']);
    const podSpec = clone(get(template, 'spec')) as Obj;
    const pod = this.store.create(POD, {
      metadata: {
        name,
        namespace,
        labels: { ...((get(template, 'metadata.labels') as Obj) ?? {}), ...extraLabels },
        ...(isObj(get(template, 'metadata.annotations'))
          ? { annotations: clone(get(template, 'metadata.annotations')) }
          : {}),
        ownerReferences: [ownerReference(owner, t)],
      },
      spec: { ...podSpec, nodeName: this.options.nodeName },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
    this.event(
      owner,
      t,
      'Normal',
      'SuccessfulCreate',
      `Created pod: ${name}`,
      t.kind === 'ReplicaSet' ? 'replicaset-controller' : `${t.kind.toLowerCase()}-controller`,
    );
    this.track(pod);
  }

  private deletePod(pod: Obj, owner: Obj, t: ResourceType): void {
    const m = meta(pod);
    this.store.remove(POD, String(m['namespace']), String(m['name']));
    this.pods.delete(String(m['uid']));
    this.event(
      owner,
      t,
      'Normal',
      'SuccessfulDelete',
      `Deleted pod: ${String(m['name'])}`,
      t.kind === 'ReplicaSet' ? 'replicaset-controller' : `${t.kind.toLowerCase()}-controller`,
    );
  }

  private syncReplicaSet(rs: Obj): void {
    const want = Number(get(rs, 'spec.replicas') ?? 0);
    const pods = this.ownedPods(rs);
    const hash = String((get(rs, 'metadata.labels') as Obj | undefined)?.[HASH_LABEL] ?? '');
    for (let i = pods.length; i < want; i++) {
      this.createPod(
        rs,
        REPLICASET,
        `${String(meta(rs)['name'])}-${randomSuffix()}`,
        get(rs, 'spec.template') as Obj,
        hash ? { [HASH_LABEL]: hash } : {},
      );
    }
    const ready = (p: Obj) => get(p, 'status.phase') === 'Running' && this.podReady(p);
    const extra = pods
      .sort((a, b) => Number(ready(a)) - Number(ready(b)))
      .slice(0, Math.max(0, pods.length - want));
    for (const pod of extra) this.deletePod(pod, rs, REPLICASET);
  }

  private syncRevisioned(owner: Obj, t: ResourceType): void {
    const m = meta(owner);
    const namespace = String(m['namespace']);
    const template = get(owner, 'spec.template') as Obj;
    const hash = templateHash(template);
    const revisions = this.store.list(REVISION, namespace).filter((r) => ownedBy(r, owner));
    const name = `${String(m['name'])}-${hash}`;
    const maxRevision = Math.max(0, ...revisions.map((r) => Number(r['revision'] ?? 0)));
    const existing = revisions.find((r) => meta(r)['name'] === name);
    if (!existing) {
      this.store.create(REVISION, {
        metadata: {
          name,
          namespace,
          labels: {
            ...((get(template, 'metadata.labels') as Obj) ?? {}),
            [REVISION_HASH_LABEL]: hash,
          },
          ownerReferences: [ownerReference(owner, t)],
        },
        data: { spec: { template: { ...clone(template), $patch: 'replace' } } },
        revision: maxRevision + 1,
      });
    } else if (Number(existing['revision']) !== maxRevision) {
      existing['revision'] = maxRevision + 1;
      this.store.update(REVISION, existing);
    }
    const want = t === DAEMONSET ? 1 : Number(get(owner, 'spec.replicas') ?? 1);
    const pods = this.ownedPods(owner);
    for (const pod of pods) {
      const labels = (get(pod, 'metadata.labels') as Obj | undefined) ?? {};
      if (labels[REVISION_HASH_LABEL] !== hash) this.deletePod(pod, owner, t);
    }
    const live = this.ownedPods(owner);
    if (t === STATEFULSET) {
      for (let i = 0; i < want; i++) {
        const podName = `${String(m['name'])}-${i}`;
        if (!live.some((p) => meta(p)['name'] === podName)) {
          this.createPod(owner, t, podName, template, {
            [REVISION_HASH_LABEL]: hash,
            'statefulset.kubernetes.io/pod-name': podName,
          });
        }
      }
      for (const pod of live) {
        const ordinal = Number(String(meta(pod)['name']).split('-').at(-1));
        if (ordinal >= want) this.deletePod(pod, owner, t);
      }
    } else if (live.length < want) {
      this.createPod(owner, t, `${String(m['name'])}-${randomSuffix()}`, template, {
        [REVISION_HASH_LABEL]: hash,
      });
    }
  }

  private track(pod: Obj): PodLife {
    const uid = String(meta(pod)['uid']);
    let life = this.pods.get(uid);
    if (life) return life;
    const rules = this.options.rules();
    const describe = (c: unknown): ContainerLife => {
      const image = String(get(c, 'image') ?? '');
      const rule = rules.find((r) =>
        typeof r.image === 'string' ? image.includes(r.image) : r.image.test(image),
      );
      const outcome = rule?.outcome ?? 'Ready';
      const logs =
        rule?.logs ??
        (outcome === 'CrashLoopBackOff'
          ? ['starting', 'fatal: could not load the model: file not found']
          : ['starting', 'listening on :3000']);
      return { name: String(get(c, 'name')), image, outcome, logs };
    };
    const list = (key: string) =>
      Array.isArray(get(pod, `spec.${key}`)) ? (get(pod, `spec.${key}`) as unknown[]) : [];
    life = {
      createdAt: Date.now(),
      containers: list('containers').map(describe),
      initContainers: list('initContainers').map(describe),
      stage: 0,
    };
    this.pods.set(uid, life);
    return life;
  }

  private podReady(pod: Obj): boolean {
    const conditions = get(pod, 'status.conditions');
    return (
      Array.isArray(conditions) &&
      conditions.some((c) => isObj(c) && c['type'] === 'Ready' && c['status'] === 'True')
    );
  }

  private syncPod(pod: Obj): void {
    const life = this.track(pod);
    const elapsed = Date.now() - life.createdAt;
    const half = this.options.startupMs / 2;
    const stage = elapsed >= this.options.startupMs ? 2 : elapsed >= half ? 1 : 0;
    if (stage === life.stage && stage !== 0) return;
    if (stage === 0 && get(pod, 'status.conditions') !== undefined) return;
    const previous = life.stage;
    life.stage = stage;
    const m = meta(pod);
    const namespace = String(m['namespace']);
    const podName = String(m['name']);
    const all = [...life.initContainers, ...life.containers];
    const unschedulable = all.some((c) => c.outcome === 'Unschedulable');
    const at = now();
    const st = status(pod);
    if (unschedulable) {
      if (stage === 0 || previous === 0) {
        st['phase'] = 'Pending';
        st['conditions'] = [
          {
            type: 'PodScheduled',
            status: 'False',
            lastProbeTime: null,
            lastTransitionTime: at,
            reason: 'Unschedulable',
            message:
              '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
          },
        ];
        delete spec(pod)['nodeName'];
        this.store.update(POD, pod);
        this.event(
          pod,
          POD,
          'Warning',
          'FailedScheduling',
          '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
          'default-scheduler',
        );
      }
      return;
    }
    if (stage === 0) {
      this.event(
        pod,
        POD,
        'Normal',
        'Scheduled',
        `Successfully assigned ${namespace}/${podName} to ${this.options.nodeName}`,
        'default-scheduler',
      );
    }
    const statuses = life.containers.map((c) => this.containerStatus(pod, c, stage, previous));
    const initStatuses = life.initContainers.map((c) =>
      this.containerStatus(pod, c, stage, previous),
    );
    const ready = stage === 2 && all.every((c) => c.outcome === 'Ready');
    const running = statuses.some((s) => isObj(get(s, 'state.running')));
    const scheduled = {
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: at,
    };
    st['phase'] = running || ready ? 'Running' : 'Pending';
    st['hostIP'] = '127.0.0.1';
    st['startTime'] = st['startTime'] ?? at;
    if (stage > 0)
      st['podIP'] = `10.244.0.${(Number.parseInt(String(m['uid']).slice(0, 2), 16) % 250) + 2}`;
    const notReady = all.filter((c) => c.outcome !== 'Ready' || stage < 2).map((c) => c.name);
    const containersReady = notReady.length === 0;
    st['conditions'] = [
      { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: at },
      containersReady
        ? { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: at }
        : {
            type: 'Ready',
            status: 'False',
            lastProbeTime: null,
            lastTransitionTime: at,
            reason: 'ContainersNotReady',
            message: `containers with unready status: [${notReady.join(' ')}]`,
          },
      containersReady
        ? { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: at }
        : {
            type: 'ContainersReady',
            status: 'False',
            lastProbeTime: null,
            lastTransitionTime: at,
            reason: 'ContainersNotReady',
            message: `containers with unready status: [${notReady.join(' ')}]`,
          },
      scheduled,
    ];
    st['containerStatuses'] = statuses;
    if (initStatuses.length) st['initContainerStatuses'] = initStatuses;
    this.store.update(POD, pod);
  }

  private containerStatus(pod: Obj, c: ContainerLife, stage: number, previous: number): Obj {
    const m = meta(pod);
    const namespace = String(m['namespace']);
    const podName = String(m['name']);
    const at = now();
    const base = {
      name: c.name,
      image: c.image,
      imageID: '',
      started: false,
      ready: false,
      restartCount: 0,
    };
    const once = (reason: string, message: string, kind: 'Normal' | 'Warning' = 'Normal') => {
      if (stage !== previous) this.event(pod, POD, kind, reason, message, 'kubelet');
    };
    const logKey = `${namespace}/${podName}/${c.name}`;
    if (stage === 0) {
      return { ...base, state: { waiting: { reason: 'ContainerCreating' } } };
    }
    if (c.outcome === 'ImagePullBackOff') {
      const pullError = `failed to pull and unpack image "${c.image}": failed to resolve reference "${c.image}": not found`;
      if (stage === 1) {
        once('Pulling', `Pulling image "${c.image}"`);
        once('Failed', `Failed to pull image "${c.image}": ${pullError}`, 'Warning');
        return { ...base, state: { waiting: { reason: 'ErrImagePull', message: pullError } } };
      }
      once('BackOff', `Back-off pulling image "${c.image}"`);
      once('Failed', 'Error: ImagePullBackOff', 'Warning');
      return {
        ...base,
        state: {
          waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` },
        },
      };
    }
    const imageID = `${c.image.split('@')[0]!.replace(/:[^:/]+$/, '')}@sha256:${createHash('sha256').update(c.image).digest('hex')}`;
    if (previous === 0) {
      once(
        'Pulled',
        `Successfully pulled image "${c.image}" in 1.2s (1.2s including waiting). Image size: 52428800 bytes.`,
      );
      once('Created', `Created container ${c.name}`);
      once('Started', `Started container ${c.name}`);
    }
    this.logs.set(logKey, c.logs);
    if (c.outcome === 'CrashLoopBackOff') {
      if (stage === 1) {
        return {
          ...base,
          imageID,
          started: true,
          containerID: `containerd://${createHash('sha256').update(logKey).digest('hex')}`,
          state: { running: { startedAt: at } },
        };
      }
      once(
        'BackOff',
        `Back-off restarting failed container ${c.name} in pod ${podName}_${namespace}(${String(m['uid'])})`,
        'Warning',
      );
      this.logs.set(`${logKey}/previous`, c.logs);
      return {
        ...base,
        imageID,
        restartCount: 1,
        containerID: `containerd://${createHash('sha256').update(logKey).digest('hex')}`,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off 10s restarting failed container=${c.name} pod=${podName}_${namespace}(${String(m['uid'])})`,
          },
        },
        lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: at, finishedAt: at } },
      };
    }
    return {
      ...base,
      imageID,
      started: true,
      ready: stage === 2,
      containerID: `containerd://${createHash('sha256').update(logKey).digest('hex')}`,
      state: { running: { startedAt: at } },
    };
  }

  private replicaSetStatus(rs: Obj): void {
    const pods = this.ownedPods(rs);
    const ready = pods.filter((p) => this.podReady(p)).length;
    const next = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: meta(rs)['generation'] ?? 1,
    };
    if (canonical(rs['status']) === canonical(next)) return;
    rs['status'] = next;
    this.store.update(REPLICASET, rs);
  }

  private deploymentStatus(d: Obj): void {
    const m = meta(d);
    const uid = String(m['uid']);
    const sets = this.ownedReplicaSets(d);
    const current = this.newReplicaSet(d, sets);
    const replicas = Number(get(d, 'spec.replicas') ?? 1);
    const sum = (key: string) =>
      sets.reduce((n, rs) => n + Number(get(rs, `status.${key}`) ?? 0), 0);
    const updated = current ? Number(get(current, 'status.replicas') ?? 0) : 0;
    const updatedAvailable = current ? Number(get(current, 'status.availableReplicas') ?? 0) : 0;
    const available = sum('availableReplicas');
    const total = sum('replicas');
    const old = get(d, 'status.conditions');
    const rsName = current ? String(meta(current)['name']) : '';
    const progressKey = `${rsName}/${updated}/${updatedAvailable}/${total}`;
    const progress = this.progress.get(uid) ?? { at: Date.now(), key: '' };
    if (progress.key !== progressKey) {
      progress.at = Date.now();
      progress.key = progressKey;
    }
    this.progress.set(uid, progress);
    const complete = updated === replicas && updatedAvailable === replicas && total === replicas;
    const deadline = Number(get(d, 'spec.progressDeadlineSeconds') ?? 600) * 1000;
    const maxUnavailable = intOrPercent(
      get(d, 'spec.strategy.rollingUpdate.maxUnavailable'),
      replicas,
      false,
    );
    const minimum = available >= replicas - maxUnavailable;
    let progressing: Obj;
    if (complete) {
      progressing = condition(
        'Progressing',
        true,
        'NewReplicaSetAvailable',
        `ReplicaSet "${rsName}" has successfully progressed.`,
        old,
      );
    } else if (Date.now() - progress.at > deadline) {
      progressing = condition(
        'Progressing',
        false,
        'ProgressDeadlineExceeded',
        `ReplicaSet "${rsName}" has timed out progressing.`,
        old,
      );
    } else {
      const previous = Array.isArray(old)
        ? old.find((c) => isObj(c) && c['type'] === 'Progressing')
        : undefined;
      const created =
        isObj(previous) &&
        previous['reason'] === 'NewReplicaSetCreated' &&
        previous['message'] === `Created new replica set "${rsName}"`;
      progressing =
        created && updated === 0
          ? (previous as Obj)
          : condition(
              'Progressing',
              true,
              updated === 0 ? 'NewReplicaSetCreated' : 'ReplicaSetUpdated',
              updated === 0
                ? `Created new replica set "${rsName}"`
                : `ReplicaSet "${rsName}" is progressing.`,
              old,
            );
    }
    const next: Obj = {
      observedGeneration: m['generation'] ?? 1,
      replicas: total,
      updatedReplicas: updated,
      readyReplicas: sum('readyReplicas'),
      availableReplicas: available,
      ...(replicas - available > 0
        ? { unavailableReplicas: Math.max(0, total - available) || replicas - available }
        : {}),
      conditions: [
        minimum
          ? condition(
              'Available',
              true,
              'MinimumReplicasAvailable',
              'Deployment has minimum availability.',
              old,
            )
          : condition(
              'Available',
              false,
              'MinimumReplicasUnavailable',
              'Deployment does not have minimum availability.',
              old,
            ),
        progressing,
      ],
    };
    if (!next['readyReplicas']) delete next['readyReplicas'];
    if (!next['availableReplicas']) delete next['availableReplicas'];
    if (canonical(d['status']) === canonical(next)) return;
    const fresh = this.store.get(DEPLOYMENT, String(m['namespace']), String(m['name']));
    if (!fresh) return;
    fresh['status'] = next;
    this.store.update(DEPLOYMENT, fresh);
  }

  private revisionedStatus(owner: Obj, t: ResourceType): void {
    const m = meta(owner);
    const hash = templateHash(get(owner, 'spec.template'));
    const updateRevision = `${String(m['name'])}-${hash}`;
    const pods = this.ownedPods(owner);
    const updated = pods.filter(
      (p) => (get(p, 'metadata.labels') as Obj | undefined)?.[REVISION_HASH_LABEL] === hash,
    );
    const ready = pods.filter((p) => this.podReady(p)).length;
    const want = t === DAEMONSET ? 1 : Number(get(owner, 'spec.replicas') ?? 1);
    const done = updated.length === want && ready === want;
    const previous = status(owner);
    let next: Obj;
    if (t === STATEFULSET) {
      next = {
        observedGeneration: m['generation'] ?? 1,
        replicas: pods.length,
        readyReplicas: ready,
        currentReplicas: done ? want : pods.length - updated.length,
        updatedReplicas: updated.length,
        currentRevision: done ? updateRevision : (previous['currentRevision'] ?? updateRevision),
        updateRevision,
        collisionCount: 0,
        availableReplicas: ready,
      };
    } else {
      next = {
        currentNumberScheduled: pods.length,
        numberMisscheduled: 0,
        desiredNumberScheduled: want,
        numberReady: ready,
        observedGeneration: m['generation'] ?? 1,
        updatedNumberScheduled: updated.length,
        numberAvailable: ready,
        ...(want - ready > 0 ? { numberUnavailable: want - ready } : {}),
      };
    }
    if (canonical(owner['status']) === canonical(next)) return;
    owner['status'] = next;
    this.store.update(t, owner);
  }

  /** forget drops what the controller remembers about a deleted pod. */
  forget(pod: Obj): void {
    this.pods.delete(String(meta(pod)['uid']));
  }
}
