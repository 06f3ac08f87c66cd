// Why a rollout is stuck, read from what the cluster says: each unready pod's waiting or
// terminated reason (ImagePullBackOff, CrashLoopBackOff, Unschedulable...), the recent events of
// the workload, its ReplicaSets and pods, and a label selector to find the pods. Pure.

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function arr(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

function str(value: unknown): string {
  return typeof value === 'string'
    ? value
    : value === undefined || value === null
      ? ''
      : String(value);
}

/** itemsOf reads the objects of `kubectl get -o json` output (a List, or a single object). */
export function itemsOf(json: string): Json[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  const o = obj(parsed);
  return Array.isArray(o['items']) ? arr(o['items']) : Object.keys(o).length ? [o] : [];
}

/** selectorOf renders a workload's spec.selector as the string `kubectl get -l` takes. */
export function selectorOf(workload: Json): string {
  const selector = obj(obj(workload['spec'])['selector']);
  const parts = Object.entries(obj(selector['matchLabels'])).map(([k, v]) => `${k}=${str(v)}`);
  for (const e of arr(selector['matchExpressions'])) {
    const values = (Array.isArray(e['values']) ? e['values'] : []).map(str).join(',');
    const key = str(e['key']);
    switch (e['operator']) {
      case 'In':
        parts.push(`${key} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${key} notin (${values})`);
        break;
      case 'Exists':
        parts.push(key);
        break;
      case 'DoesNotExist':
        parts.push(`!${key}`);
        break;
      default:
    }
  }
  return parts.join(',');
}

/** One reason a pod is not ready. */
export interface PodProblem {
  pod: string;
  /** The container it is about, or undefined for the pod as a whole (scheduling). */
  container: string | undefined;
  reason: string;
  message: string;
  restarts: number;
  /** Whether the container ever ran, so its logs (or its previous run's) can be read. */
  hasLogs: boolean;
  /** Whether the logs worth reading are the previous run's (the container restarted). */
  previous: boolean;
}

function isReady(pod: Json): boolean {
  return arr(obj(pod['status'])['conditions']).some(
    (c) => c['type'] === 'Ready' && c['status'] === 'True',
  );
}

/** podProblems lists why each unready pod is not ready, most telling reason first per pod. */
export function podProblems(pods: readonly Json[]): PodProblem[] {
  const out: PodProblem[] = [];
  for (const pod of pods) {
    if (isReady(pod) || obj(pod['metadata'])['deletionTimestamp']) continue;
    const name = str(obj(pod['metadata'])['name']);
    const status = obj(pod['status']);
    const found: PodProblem[] = [];
    const scheduled = arr(status['conditions']).find((c) => c['type'] === 'PodScheduled');
    if (scheduled && scheduled['status'] === 'False') {
      found.push({
        pod: name,
        container: undefined,
        reason: str(scheduled['reason']) || 'Unschedulable',
        message: str(scheduled['message']),
        restarts: 0,
        hasLogs: false,
        previous: false,
      });
    }
    for (const cs of [
      ...arr(status['initContainerStatuses']),
      ...arr(status['containerStatuses']),
    ]) {
      if (cs['ready'] === true) continue;
      const state = obj(cs['state']);
      const last = obj(obj(cs['lastState'])['terminated']);
      const restarts = Number(cs['restartCount'] ?? 0);
      const started =
        Object.keys(obj(state['running'])).length > 0 ||
        Object.keys(obj(state['terminated'])).length > 0;
      const hasLogs = started || restarts > 0;
      const waiting = obj(state['waiting']);
      const terminated = obj(state['terminated']);
      if (
        Object.keys(waiting).length &&
        waiting['reason'] !== 'ContainerCreating' &&
        waiting['reason'] !== 'PodInitializing'
      ) {
        let message = str(waiting['message']);
        if (Object.keys(last).length)
          message = `${message}${message ? '; ' : ''}last exit code ${str(last['exitCode'])} (${str(last['reason'])})`;
        found.push({
          pod: name,
          container: str(cs['name']),
          reason: str(waiting['reason']),
          message,
          restarts,
          hasLogs,
          previous: restarts > 0,
        });
      } else if (Object.keys(terminated).length) {
        found.push({
          pod: name,
          container: str(cs['name']),
          reason: str(terminated['reason']) || 'Terminated',
          message: `exit code ${str(terminated['exitCode'])}`,
          restarts,
          hasLogs: true,
          previous: false,
        });
      } else if (Object.keys(obj(state['running'])).length) {
        found.push({
          pod: name,
          container: str(cs['name']),
          reason: 'NotReady',
          message: 'running but not ready (readiness probe failing?)',
          restarts,
          hasLogs: true,
          previous: false,
        });
      } else if (Object.keys(waiting).length) {
        found.push({
          pod: name,
          container: str(cs['name']),
          reason: str(waiting['reason']),
          message: str(waiting['message']),
          restarts,
          hasLogs: false,
          previous: false,
        });
      }
    }
    if (!found.length) {
      found.push({
        pod: name,
        container: undefined,
        reason: str(status['phase']) || 'Pending',
        message: str(status['message']),
        restarts: 0,
        hasLogs: false,
        previous: false,
      });
    }
    out.push(...found);
  }
  const severity = (p: PodProblem) =>
    ['ContainerCreating', 'Pending', 'NotReady'].includes(p.reason) ? 1 : 0;
  return out.sort((a, b) => severity(a) - severity(b));
}

/** A cluster event, flattened. */
export interface ClusterEvent {
  time: string;
  type: string;
  reason: string;
  object: string;
  message: string;
  count: number;
}

/**
 * relatedEvents keeps the events about a workload and the objects it owns (named `<name>-...`),
 * newest last, at most `limit`.
 */
export function relatedEvents(
  events: readonly Json[],
  workload: string,
  limit = 15,
): ClusterEvent[] {
  const related = events
    .map((e) => {
      const involved = obj(e['involvedObject']);
      const time =
        str(e['lastTimestamp']) ||
        str(e['eventTime']) ||
        str(e['firstTimestamp']) ||
        str(obj(e['metadata'])['creationTimestamp']);
      return {
        time,
        type: str(e['type']),
        reason: str(e['reason']),
        object: `${str(involved['kind']).toLowerCase()}/${str(involved['name'])}`,
        name: str(involved['name']),
        message: str(e['message']),
        count: Number(e['count'] ?? 1),
        order: Number(obj(e['metadata'])['resourceVersion'] ?? 0),
      };
    })
    .filter((e) => e.name === workload || e.name.startsWith(`${workload}-`))
    .sort((a, b) => a.time.localeCompare(b.time) || a.order - b.order);
  return related.slice(-limit).map(({ name: _name, order: _order, ...rest }) => rest);
}

/** formatEvents renders events as aligned text lines, like `kubectl get events`. */
export function formatEvents(events: readonly ClusterEvent[]): string[] {
  if (!events.length) return ['(no events)'];
  const rows = [
    ['TIME', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    ...events.map((e) => [
      e.time,
      e.type,
      e.reason,
      e.object,
      `${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`,
    ]),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell))
      .join('  ')
      .trimEnd(),
  );
}

/** headline sums up the most telling problem in one phrase: "CrashLoopBackOff in container web of pod web-1 (last exit code 1)". */
export function headline(problems: readonly PodProblem[]): string | undefined {
  const first = problems[0];
  if (!first) return undefined;
  const where = first.container
    ? `container ${first.container} of pod ${first.pod}`
    : `pod ${first.pod}`;
  let detail = first.message;
  if (first.reason === 'CrashLoopBackOff')
    detail = /last exit code [^;]+/.exec(first.message)?.[0] ?? '';
  return `${first.reason} in ${where}${detail ? ` (${detail})` : ''}`;
}

/** Waiting reasons no retry of the kubelet will cure: the image reference itself is wrong or unreachable. */
const HOPELESS_WAITING = [
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
];

/**
 * hopeless picks the problem that cannot heal by itself, so waiting for the timeout is pointless:
 * an image that cannot be pulled, a container in CrashLoopBackOff after `crashRestarts` restarts,
 * a pod no node can take (Unschedulable). Undefined when every problem may still resolve.
 */
export function hopeless(
  problems: readonly PodProblem[],
  crashRestarts = 3,
): PodProblem | undefined {
  return problems.find(
    (p) =>
      HOPELESS_WAITING.includes(p.reason) ||
      (p.reason === 'CrashLoopBackOff' && p.restarts >= crashRestarts) ||
      (p.reason === 'Unschedulable' && !p.container),
  );
}

function caughtUp(workload: Json): boolean {
  const generation = Number(obj(workload['metadata'])['generation'] ?? 0);
  const observed = Number(obj(workload['status'])['observedGeneration'] ?? -1);
  return observed >= generation;
}

function label(o: Json, key: string): string | undefined {
  const value = obj(obj(o['metadata'])['labels'])[key];
  return typeof value === 'string' ? value : undefined;
}

function annotation(o: Json, key: string): string | undefined {
  const value = obj(obj(o['metadata'])['annotations'])[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * currentRevisionPods keeps the pods of the workload's current revision (the one being rolled
 * out), so a pod of an older revision that was already broken does not fail this rollout. Empty
 * until the controller has seen the workload's latest generation. `items` are the pods and, for a
 * Deployment, its ReplicaSets.
 */
export function currentRevisionPods(kind: string, workload: Json, items: readonly Json[]): Json[] {
  if (!caughtUp(workload)) return [];
  const pods = items.filter((i) => i['kind'] === 'Pod');
  let key: string;
  let value: string | undefined;
  if (kind === 'Deployment') {
    const revision = annotation(workload, 'deployment.kubernetes.io/revision');
    const uid = obj(workload['metadata'])['uid'];
    const rs = items.find(
      (i) =>
        i['kind'] === 'ReplicaSet' &&
        annotation(i, 'deployment.kubernetes.io/revision') === revision &&
        arr(obj(i['metadata'])['ownerReferences']).some((o) => o['uid'] === uid),
    );
    key = 'pod-template-hash';
    value = rs ? label(rs, key) : undefined;
  } else if (kind === 'StatefulSet') {
    key = 'controller-revision-hash';
    value = str(obj(workload['status'])['updateRevision']) || undefined;
  } else if (kind === 'DaemonSet') {
    key = 'pod-template-generation';
    value = annotation(workload, 'deprecated.daemonset.template.generation');
  } else {
    return [];
  }
  return value ? pods.filter((p) => label(p, key) === value) : [];
}

/**
 * staleUnreadyPods names the pods of a StatefulSet that belong to another revision than its
 * update revision and are not ready. After `rollout undo`, the StatefulSet controller does not
 * replace such a pod by itself (it waits for it to become ready first): they must be deleted
 * (https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#forced-rollback).
 * Empty until the controller has seen the workload's latest generation.
 */
export function staleUnreadyPods(statefulSet: Json, pods: readonly Json[]): string[] {
  if (!caughtUp(statefulSet)) return [];
  const revision = str(obj(statefulSet['status'])['updateRevision']);
  if (!revision) return [];
  return pods
    .filter(
      (p) =>
        label(p, 'controller-revision-hash') !== revision &&
        !isReady(p) &&
        !obj(p['metadata'])['deletionTimestamp'],
    )
    .map((p) => str(obj(p['metadata'])['name']));
}
