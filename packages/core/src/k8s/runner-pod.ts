// The objects of an ephemeral self-hosted runner on Kubernetes: a Secret that holds only the
// just-in-time configuration, and a Pod (from a user's template or from settings) whose runner
// container reads it through a secretKeyRef, never on its command line. Plus the labels that let
// a later step find them, and the rules that pick leftovers. Pure: no I/O, no @actions/*.
import { ActionError } from '../pure/errors.ts';

type Json = Record<string, unknown>;

/** The action that manages the runner objects (label app.kubernetes.io/managed-by). */
export const RUNNER_MANAGER = 'mlops-actions-runner-pod';
/** Label keys on every runner object. */
export const RUNNER_LABELS = {
  managedBy: 'app.kubernetes.io/managed-by',
  repository: 'mlops-actions/repository',
  runId: 'mlops-actions/run-id',
  attempt: 'mlops-actions/run-attempt',
  runner: 'mlops-actions/runner',
} as const;
/** Annotation keys on the pod. */
export const RUNNER_ANNOTATIONS = {
  repository: 'mlops-actions/repository',
  runUrl: 'mlops-actions/run-url',
  runnerId: 'mlops-actions/runner-id',
  maxLifetime: 'mlops-actions/max-lifetime-seconds',
} as const;
/** The Secret key of the just-in-time configuration, and the variable the runner image reads. */
export const JIT_CONFIG_KEY = 'jitconfig';
export const JIT_CONFIG_ENV = 'ACTIONS_RUNNER_INPUT_JITCONFIG';

/** A toleration, as in a pod spec. */
export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** Who a runner belongs to: the repository and the run attempt. */
export interface RunnerOwner {
  repository: string;
  runId: string;
  attempt: string;
  runUrl?: string | undefined;
}

/** How the runner pod should look; unset fields keep the template's value or the default. */
export interface RunnerPodSettings {
  /** The pod's and the runner's name, also the run's unique label. */
  name: string;
  namespace: string;
  owner: RunnerOwner;
  runnerId: number;
  image?: string | undefined;
  cpu?: string | undefined;
  memory?: string | undefined;
  gpu?: number | undefined;
  gpuResource: string;
  shmSize?: string | undefined;
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  serviceAccount?: string | undefined;
  maxLifetimeSeconds?: number | undefined;
  /** A parsed Pod manifest to start from (its name, namespace and restart policy are replaced). */
  template?: Json | undefined;
}

/** Default lifetime of a runner pod (activeDeadlineSeconds): six hours, GitHub's job limit. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 6 * 3600;

function obj(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * labelValue turns text into a valid label value (at most 63 of [A-Za-z0-9._-], alphanumeric at
 * both ends): `octo-org/demo` -> `octo-org.demo`; a long one keeps a hash of the whole.
 */
export function labelValue(text: string): string {
  let value = text.replace(/\//g, '.').replace(/[^A-Za-z0-9._-]/g, '-');
  if (value.length > 63) {
    let hash = 2166136261;
    for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    value = `${value.slice(0, 54)}-${hash.toString(16).padStart(8, '0')}`;
  }
  return value.replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9]+$/, '');
}

/** runnerLabels are the labels of every object of one runner. */
export function runnerLabels(owner: RunnerOwner, name: string): Record<string, string> {
  return {
    [RUNNER_LABELS.managedBy]: RUNNER_MANAGER,
    [RUNNER_LABELS.repository]: labelValue(owner.repository),
    [RUNNER_LABELS.runId]: labelValue(owner.runId),
    [RUNNER_LABELS.attempt]: labelValue(owner.attempt),
    [RUNNER_LABELS.runner]: name,
  };
}

/** repositorySelector selects every runner object of a repository. */
export function repositorySelector(repository: string): string {
  return `${RUNNER_LABELS.managedBy}=${RUNNER_MANAGER},${RUNNER_LABELS.repository}=${labelValue(repository)}`;
}

/** runSelector selects the runner objects of one run attempt. */
export function runSelector(owner: RunnerOwner): string {
  return `${repositorySelector(owner.repository)},${RUNNER_LABELS.runId}=${labelValue(owner.runId)},${RUNNER_LABELS.attempt}=${labelValue(owner.attempt)}`;
}

/** jitSecretName names the Secret of a runner's configuration. */
export function jitSecretName(runnerName: string): string {
  return `${runnerName}-jitconfig`;
}

/** readPodTemplate checks that a parsed YAML document is a Pod with a container to run the runner. */
export function readPodTemplate(document: unknown, file: string): Json {
  const pod = obj(document);
  if (pod['kind'] !== 'Pod' || !String(pod['apiVersion'] ?? '').startsWith('v1')) {
    throw new ActionError(`${file} is not a Pod manifest (apiVersion: v1, kind: Pod)`, {
      hint: 'Write one Pod, as docker/kubernetes/runner-pod.yaml does; its container "runner" (or its first) runs the runner',
      location: { file },
    });
  }
  const containers = obj(pod['spec'])['containers'];
  if (!Array.isArray(containers) || containers.length === 0) {
    throw new ActionError(`${file}: the Pod has no containers`, {
      hint: 'Give it a container named "runner" with the runner image',
      location: { file },
    });
  }
  return pod;
}

const DEFAULT_POD_SPEC: Json = {
  // The runner needs no access to the Kubernetes API unless a service account is asked for.
  automountServiceAccountToken: false,
  // Room for the runner to deregister after SIGTERM (the runner image waits for a running job).
  terminationGracePeriodSeconds: 60,
  securityContext: {
    runAsNonRoot: true,
    runAsUser: 1001,
    runAsGroup: 1001,
    fsGroup: 1001,
    seccompProfile: { type: 'RuntimeDefault' },
  },
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  containers: [
    {
      name: 'runner',
      imagePullPolicy: 'IfNotPresent',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  ],
};

/** renderRunnerSecret is the Secret that holds only the runner's just-in-time configuration. */
export function renderRunnerSecret(settings: RunnerPodSettings, encodedJitConfig: string): Json {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: jitSecretName(settings.name),
      namespace: settings.namespace,
      labels: runnerLabels(settings.owner, settings.name),
    },
    type: 'Opaque',
    data: { [JIT_CONFIG_KEY]: Buffer.from(encodedJitConfig).toString('base64') },
  };
}

/**
 * renderRunnerPod builds the runner Pod: the template (or the default pod, as in
 * docker/kubernetes/runner-pod.yaml) with the settings applied over it, the labels, one runner
 * container that reads the configuration from the Secret, restartPolicy Never and the deadline.
 */
export function renderRunnerPod(settings: RunnerPodSettings): Json {
  const pod = clone(settings.template ?? { apiVersion: 'v1', kind: 'Pod', spec: DEFAULT_POD_SPEC });
  const metadata = obj(pod['metadata']);
  const spec = obj(pod['spec']);
  pod['metadata'] = {
    ...metadata,
    name: settings.name,
    namespace: settings.namespace,
    labels: { ...obj(metadata['labels']), ...runnerLabels(settings.owner, settings.name) },
    annotations: {
      ...obj(metadata['annotations']),
      [RUNNER_ANNOTATIONS.repository]: settings.owner.repository,
      [RUNNER_ANNOTATIONS.runnerId]: String(settings.runnerId),
      ...(settings.owner.runUrl ? { [RUNNER_ANNOTATIONS.runUrl]: settings.owner.runUrl } : {}),
    },
  };
  for (const key of ['generateName', 'uid', 'resourceVersion', 'creationTimestamp']) {
    delete (pod['metadata'] as Json)[key];
  }
  delete pod['status'];
  // One job, one runner: a finished runner is not restarted.
  spec['restartPolicy'] = 'Never';
  const lifetime =
    settings.maxLifetimeSeconds ??
    (typeof spec['activeDeadlineSeconds'] === 'number'
      ? spec['activeDeadlineSeconds']
      : DEFAULT_MAX_LIFETIME_SECONDS);
  spec['activeDeadlineSeconds'] = lifetime;
  (pod['metadata'] as { annotations: Json }).annotations[RUNNER_ANNOTATIONS.maxLifetime] =
    String(lifetime);
  if (Object.keys(settings.nodeSelector).length) {
    spec['nodeSelector'] = { ...obj(spec['nodeSelector']), ...settings.nodeSelector };
  }
  if (settings.tolerations.length) {
    spec['tolerations'] = [
      ...(Array.isArray(spec['tolerations']) ? spec['tolerations'] : []),
      ...settings.tolerations,
    ];
  }
  if (settings.serviceAccount) {
    spec['serviceAccountName'] = settings.serviceAccount;
    spec['automountServiceAccountToken'] = true;
  }
  const containers = spec['containers'] as Json[];
  const container = containers.find((c) => c['name'] === 'runner') ?? (containers[0] as Json);
  if (settings.image) container['image'] = settings.image;
  if (typeof container['image'] !== 'string' || !container['image']) {
    throw new ActionError('the runner container has no image', {
      hint: 'Set the input image to the runner image built from docker/, or name one in the pod template',
    });
  }
  const env = (Array.isArray(container['env']) ? (container['env'] as Json[]) : []).filter(
    (e) => e['name'] !== JIT_CONFIG_ENV,
  );
  env.push({
    name: JIT_CONFIG_ENV,
    valueFrom: { secretKeyRef: { name: jitSecretName(settings.name), key: JIT_CONFIG_KEY } },
  });
  container['env'] = env;
  const resources = obj(container['resources']);
  const requests = obj(resources['requests']);
  const limits = obj(resources['limits']);
  if (settings.cpu) requests['cpu'] = limits['cpu'] = settings.cpu;
  if (settings.memory) requests['memory'] = limits['memory'] = settings.memory;
  // Extended resources such as GPUs are requested through limits (requests then equal them).
  if (settings.gpu) limits[settings.gpuResource] = String(settings.gpu);
  if (Object.keys(requests).length || Object.keys(limits).length) {
    container['resources'] = {
      ...resources,
      ...(Object.keys(requests).length ? { requests } : {}),
      ...(Object.keys(limits).length ? { limits } : {}),
    };
  }
  if (settings.shmSize) {
    // Data loaders share batches through /dev/shm, which a container gets only 64Mi of.
    const volumes = (Array.isArray(spec['volumes']) ? (spec['volumes'] as Json[]) : []).filter(
      (v) => v['name'] !== 'dshm',
    );
    volumes.push({ name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: settings.shmSize } });
    spec['volumes'] = volumes;
    const mounts = (
      Array.isArray(container['volumeMounts']) ? (container['volumeMounts'] as Json[]) : []
    ).filter((m) => m['mountPath'] !== '/dev/shm');
    mounts.push({ name: 'dshm', mountPath: '/dev/shm' });
    container['volumeMounts'] = mounts;
  }
  pod['spec'] = spec;
  return pod;
}

/** A runner pod as a later step sees it. */
export interface RunnerPodInfo {
  name: string;
  namespace: string;
  runId: string;
  attempt: string;
  phase: string;
  createdAt: string;
  runnerId: number | undefined;
  maxLifetimeSeconds: number;
}

/** runnerPodInfo reads what `stop` needs from a pod's JSON. */
export function runnerPodInfo(pod: Json): RunnerPodInfo {
  const metadata = obj(pod['metadata']);
  const labels = obj(metadata['labels']);
  const annotations = obj(metadata['annotations']);
  const spec = obj(pod['spec']);
  const id = Number(annotations[RUNNER_ANNOTATIONS.runnerId]);
  const lifetime =
    Number(annotations[RUNNER_ANNOTATIONS.maxLifetime]) ||
    Number(spec['activeDeadlineSeconds']) ||
    DEFAULT_MAX_LIFETIME_SECONDS;
  return {
    name: String(metadata['name'] ?? ''),
    namespace: String(metadata['namespace'] ?? ''),
    runId: String(labels[RUNNER_LABELS.runId] ?? ''),
    attempt: String(labels[RUNNER_LABELS.attempt] ?? ''),
    phase: String(obj(pod['status'])['phase'] ?? 'Pending'),
    createdAt: String(metadata['creationTimestamp'] ?? ''),
    runnerId: Number.isInteger(id) && id > 0 ? id : undefined,
    maxLifetimeSeconds: lifetime,
  };
}

/**
 * leftoverReason says why a runner pod of another run should go (its runner has finished or
 * failed, or it has outlived its max lifetime), or undefined when it may still be in use.
 */
export function leftoverReason(pod: RunnerPodInfo, nowMs: number): string | undefined {
  if (pod.phase === 'Succeeded') return 'its runner has finished';
  if (pod.phase === 'Failed') return 'it has failed';
  const created = Date.parse(pod.createdAt);
  if (Number.isFinite(created) && nowMs - created > pod.maxLifetimeSeconds * 1000) {
    return `it is older than its max lifetime of ${formatSeconds(pod.maxLifetimeSeconds)}`;
  }
  return undefined;
}

/** formatSeconds prints a duration as people write it: 6h, 1h30m, 90s. */
export function formatSeconds(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}
