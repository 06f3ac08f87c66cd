// The OpenAPI v3 schemas of the kinds the local API server serves: a minimal but correct subset of
// Kubernetes' own (same component names, same patch-merge keys and strategies, same int-or-string
// and map types). kubectl reads them to build strategic merge patches and to learn that the server
// validates fields itself (fieldValidation); the server reads them to merge patches and to reject
// unknown fields. Fields that are not modelled field by field are typed as free-form objects with
// x-kubernetes-preserve-unknown-fields, so a manifest using them is accepted as a whole.

/** One OpenAPI v3 schema object, with the Kubernetes vendor extensions the server understands. */
export interface Schema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  required?: string[];
  enum?: string[];
  default?: unknown;
  allOf?: Schema[];
  $ref?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}

const PREFIX = '#/components/schemas/';
const str: Schema = { type: 'string', default: '' };
const optStr: Schema = { type: 'string' };
const int32: Schema = { type: 'integer', format: 'int32' };
const int64: Schema = { type: 'integer', format: 'int64' };
const bool: Schema = { type: 'boolean' };
const time: Schema = { type: 'string', format: 'date-time' };
const strings: Schema = { type: 'array', items: str, 'x-kubernetes-list-type': 'atomic' };
const stringMap: Schema = { type: 'object', additionalProperties: str };
const intOrString: Schema = { 'x-kubernetes-int-or-string': true };
const quantity: Schema = { 'x-kubernetes-int-or-string': true };
const freeForm: Schema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

function ref(name: string, withDefault = true): Schema {
  return withDefault
    ? { allOf: [{ $ref: PREFIX + name }], default: {} }
    : { allOf: [{ $ref: PREFIX + name }] };
}

function obj(properties: Record<string, Schema>, extra: Schema = {}): Schema {
  return { type: 'object', properties, ...extra };
}

/** A list merged by `key` in strategic merge patches (and a map list in server-side apply). */
function keyedList(
  item: string,
  key: string,
  strategy = 'merge',
  mapKeys: string[] = [key],
): Schema {
  return {
    type: 'array',
    items: ref(item),
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': mapKeys,
    'x-kubernetes-patch-merge-key': key,
    'x-kubernetes-patch-strategy': strategy,
  };
}

function atomicList(item: Schema): Schema {
  return { type: 'array', items: item, 'x-kubernetes-list-type': 'atomic' };
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const CORE = 'io.k8s.api.core.v1.';
const APPS = 'io.k8s.api.apps.v1.';
const BATCH = 'io.k8s.api.batch.v1.';
const CRD = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.';

function topLevel(
  kind: string,
  group: string,
  version: string,
  spec?: string,
  status?: string,
  extra: Record<string, Schema> = {},
): Schema {
  return obj(
    {
      apiVersion: optStr,
      kind: optStr,
      metadata: ref(`${META}ObjectMeta`),
      ...(spec ? { spec: ref(spec) } : {}),
      ...(status ? { status: ref(status) } : {}),
      ...extra,
    },
    { 'x-kubernetes-group-version-kind': [{ group, version, kind }] },
  );
}

function list(kind: string, group: string, version: string, item: string): Schema {
  return obj(
    {
      apiVersion: optStr,
      kind: optStr,
      metadata: ref(`${META}ListMeta`),
      items: { type: 'array', items: ref(item) },
    },
    {
      required: ['items'],
      'x-kubernetes-group-version-kind': [{ group, version, kind: `${kind}List` }],
    },
  );
}

const condition = obj({
  type: str,
  status: str,
  reason: optStr,
  message: optStr,
  lastTransitionTime: time,
  lastUpdateTime: time,
  lastProbeTime: time,
  observedGeneration: int64,
});

const probe = obj({
  exec: freeForm,
  httpGet: obj({
    path: optStr,
    port: intOrString,
    host: optStr,
    scheme: optStr,
    httpHeaders: atomicList(freeForm),
  }),
  tcpSocket: obj({ port: intOrString, host: optStr }),
  grpc: freeForm,
  initialDelaySeconds: int32,
  timeoutSeconds: int32,
  periodSeconds: int32,
  successThreshold: int32,
  failureThreshold: int32,
  terminationGracePeriodSeconds: int64,
});

const podSpecProperties: Record<string, Schema> = {
  containers: keyedList(`${CORE}Container`, 'name'),
  initContainers: keyedList(`${CORE}Container`, 'name'),
  ephemeralContainers: keyedList(`${CORE}Container`, 'name'),
  volumes: keyedList(`${CORE}Volume`, 'name', 'merge,retainKeys'),
  imagePullSecrets: keyedList(`${CORE}LocalObjectReference`, 'name'),
  restartPolicy: optStr,
  terminationGracePeriodSeconds: int64,
  activeDeadlineSeconds: int64,
  dnsPolicy: optStr,
  nodeSelector: { ...stringMap, 'x-kubernetes-map-type': 'atomic' },
  serviceAccountName: optStr,
  serviceAccount: optStr,
  automountServiceAccountToken: bool,
  nodeName: optStr,
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  shareProcessNamespace: bool,
  securityContext: freeForm,
  hostname: optStr,
  subdomain: optStr,
  affinity: freeForm,
  schedulerName: optStr,
  tolerations: atomicList(freeForm),
  hostAliases: atomicList(freeForm),
  priorityClassName: optStr,
  priority: int32,
  dnsConfig: freeForm,
  readinessGates: atomicList(freeForm),
  runtimeClassName: optStr,
  enableServiceLinks: bool,
  preemptionPolicy: optStr,
  overhead: freeForm,
  topologySpreadConstraints: atomicList(freeForm),
  setHostnameAsFQDN: bool,
  os: freeForm,
  hostUsers: bool,
  schedulingGates: atomicList(freeForm),
  resourceClaims: atomicList(freeForm),
};

/** SCHEMAS maps each component name (as Kubernetes names it) to its schema. */
export const SCHEMAS: Record<string, Schema> = {
  [`${META}ObjectMeta`]: obj({
    name: optStr,
    generateName: optStr,
    namespace: optStr,
    selfLink: optStr,
    uid: optStr,
    resourceVersion: optStr,
    generation: int64,
    creationTimestamp: time,
    deletionTimestamp: time,
    deletionGracePeriodSeconds: int64,
    labels: stringMap,
    annotations: stringMap,
    ownerReferences: keyedList(`${META}OwnerReference`, 'uid'),
    finalizers: {
      type: 'array',
      items: str,
      'x-kubernetes-list-type': 'set',
      'x-kubernetes-patch-strategy': 'merge',
    },
    managedFields: atomicList(freeForm),
  }),
  [`${META}ListMeta`]: obj({
    resourceVersion: optStr,
    continue: optStr,
    remainingItemCount: int64,
    selfLink: optStr,
  }),
  [`${META}OwnerReference`]: obj(
    { apiVersion: str, kind: str, name: str, uid: str, controller: bool, blockOwnerDeletion: bool },
    { required: ['apiVersion', 'kind', 'name', 'uid'], 'x-kubernetes-map-type': 'atomic' },
  ),
  [`${META}LabelSelector`]: obj(
    {
      matchLabels: stringMap,
      matchExpressions: atomicList(obj({ key: str, operator: str, values: strings })),
    },
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  [`${CORE}LocalObjectReference`]: obj({ name: str }, { 'x-kubernetes-map-type': 'atomic' }),
  [`${CORE}Container`]: obj(
    {
      name: str,
      image: optStr,
      command: strings,
      args: strings,
      workingDir: optStr,
      ports: keyedList(`${CORE}ContainerPort`, 'containerPort', 'merge', [
        'containerPort',
        'protocol',
      ]),
      envFrom: atomicList(freeForm),
      env: keyedList(`${CORE}EnvVar`, 'name'),
      resources: obj({
        limits: { type: 'object', additionalProperties: quantity },
        requests: { type: 'object', additionalProperties: quantity },
        claims: atomicList(freeForm),
      }),
      resizePolicy: atomicList(freeForm),
      restartPolicy: optStr,
      volumeMounts: keyedList(`${CORE}VolumeMount`, 'mountPath', 'merge', ['mountPath']),
      volumeDevices: atomicList(freeForm),
      livenessProbe: probe,
      readinessProbe: probe,
      startupProbe: probe,
      lifecycle: freeForm,
      terminationMessagePath: optStr,
      terminationMessagePolicy: optStr,
      imagePullPolicy: optStr,
      securityContext: freeForm,
      stdin: bool,
      stdinOnce: bool,
      tty: bool,
    },
    { required: ['name'] },
  ),
  [`${CORE}ContainerPort`]: obj(
    {
      name: optStr,
      hostPort: int32,
      containerPort: { ...int32, default: 0 },
      protocol: { ...optStr, default: 'TCP' },
      hostIP: optStr,
    },
    { required: ['containerPort'] },
  ),
  [`${CORE}EnvVar`]: obj({ name: str, value: optStr, valueFrom: freeForm }, { required: ['name'] }),
  [`${CORE}VolumeMount`]: obj(
    {
      name: str,
      readOnly: bool,
      recursiveReadOnly: optStr,
      mountPath: str,
      subPath: optStr,
      mountPropagation: optStr,
      subPathExpr: optStr,
    },
    { required: ['name', 'mountPath'] },
  ),
  [`${CORE}Volume`]: obj(
    {
      name: str,
      configMap: freeForm,
      secret: freeForm,
      emptyDir: freeForm,
      persistentVolumeClaim: freeForm,
      hostPath: freeForm,
      projected: freeForm,
      downwardAPI: freeForm,
      csi: freeForm,
      ephemeral: freeForm,
      nfs: freeForm,
      image: freeForm,
    },
    { required: ['name'] },
  ),
  [`${CORE}PodSpec`]: obj(podSpecProperties, { required: ['containers'] }),
  [`${CORE}PodTemplateSpec`]: obj({
    metadata: ref(`${META}ObjectMeta`),
    spec: ref(`${CORE}PodSpec`),
  }),
  [`${CORE}ContainerStatus`]: obj({
    name: str,
    state: freeForm,
    lastState: freeForm,
    ready: bool,
    restartCount: int32,
    image: str,
    imageID: str,
    containerID: optStr,
    started: bool,
  }),
  [`${CORE}PodStatus`]: obj({
    phase: optStr,
    conditions: keyedList(`${CORE}PodCondition`, 'type', 'merge', ['type']),
    message: optStr,
    reason: optStr,
    hostIP: optStr,
    podIP: optStr,
    podIPs: atomicList(freeForm),
    startTime: time,
    initContainerStatuses: atomicList(ref(`${CORE}ContainerStatus`)),
    containerStatuses: atomicList(ref(`${CORE}ContainerStatus`)),
    qosClass: optStr,
  }),
  [`${CORE}PodCondition`]: condition,
  [`${CORE}Pod`]: topLevel('Pod', '', 'v1', `${CORE}PodSpec`, `${CORE}PodStatus`),
  [`${CORE}PodList`]: list('Pod', '', 'v1', `${CORE}Pod`),
  [`${CORE}Namespace`]: topLevel('Namespace', '', 'v1', undefined, undefined, {
    spec: obj({ finalizers: strings }),
    status: obj({ phase: optStr, conditions: atomicList(freeForm) }),
  }),
  [`${CORE}NamespaceList`]: list('Namespace', '', 'v1', `${CORE}Namespace`),
  [`${CORE}ServicePort`]: obj(
    {
      name: optStr,
      protocol: { ...optStr, default: 'TCP' },
      appProtocol: optStr,
      port: { ...int32, default: 0 },
      targetPort: intOrString,
      nodePort: int32,
    },
    { required: ['port'] },
  ),
  [`${CORE}ServiceSpec`]: obj({
    ports: keyedList(`${CORE}ServicePort`, 'port', 'merge', ['port', 'protocol']),
    selector: { ...stringMap, 'x-kubernetes-map-type': 'atomic' },
    clusterIP: optStr,
    clusterIPs: strings,
    type: optStr,
    externalIPs: strings,
    sessionAffinity: optStr,
    loadBalancerIP: optStr,
    loadBalancerSourceRanges: strings,
    externalName: optStr,
    externalTrafficPolicy: optStr,
    internalTrafficPolicy: optStr,
    healthCheckNodePort: int32,
    publishNotReadyAddresses: bool,
    sessionAffinityConfig: freeForm,
    ipFamilies: strings,
    ipFamilyPolicy: optStr,
    allocateLoadBalancerNodePorts: bool,
    loadBalancerClass: optStr,
    trafficDistribution: optStr,
  }),
  [`${CORE}Service`]: topLevel('Service', '', 'v1', `${CORE}ServiceSpec`, undefined, {
    status: freeForm,
  }),
  [`${CORE}ServiceList`]: list('Service', '', 'v1', `${CORE}Service`),
  [`${CORE}ConfigMap`]: topLevel('ConfigMap', '', 'v1', undefined, undefined, {
    data: stringMap,
    binaryData: stringMap,
    immutable: bool,
  }),
  [`${CORE}ConfigMapList`]: list('ConfigMap', '', 'v1', `${CORE}ConfigMap`),
  [`${CORE}Secret`]: topLevel('Secret', '', 'v1', undefined, undefined, {
    data: stringMap,
    stringData: stringMap,
    type: optStr,
    immutable: bool,
  }),
  [`${CORE}SecretList`]: list('Secret', '', 'v1', `${CORE}Secret`),
  [`${CORE}ServiceAccount`]: topLevel('ServiceAccount', '', 'v1', undefined, undefined, {
    secrets: atomicList(freeForm),
    imagePullSecrets: atomicList(ref(`${CORE}LocalObjectReference`)),
    automountServiceAccountToken: bool,
  }),
  [`${CORE}ServiceAccountList`]: list('ServiceAccount', '', 'v1', `${CORE}ServiceAccount`),
  [`${CORE}Node`]: topLevel('Node', '', 'v1', undefined, undefined, {
    spec: freeForm,
    status: freeForm,
  }),
  [`${CORE}NodeList`]: list('Node', '', 'v1', `${CORE}Node`),
  [`${CORE}ObjectReference`]: obj(
    {
      kind: optStr,
      namespace: optStr,
      name: optStr,
      uid: optStr,
      apiVersion: optStr,
      resourceVersion: optStr,
      fieldPath: optStr,
    },
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  [`${CORE}Event`]: obj(
    {
      apiVersion: optStr,
      kind: optStr,
      metadata: ref(`${META}ObjectMeta`),
      involvedObject: ref(`${CORE}ObjectReference`),
      reason: optStr,
      message: optStr,
      source: obj({ component: optStr, host: optStr }),
      firstTimestamp: time,
      lastTimestamp: time,
      count: int32,
      type: optStr,
      eventTime: { type: 'string', format: 'date-time' },
      action: optStr,
      reportingComponent: { ...str },
      reportingInstance: { ...str },
    },
    {
      required: ['metadata', 'involvedObject'],
      'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'Event' }],
    },
  ),
  [`${CORE}EventList`]: list('Event', '', 'v1', `${CORE}Event`),
  [`${APPS}RollingUpdateDeployment`]: obj({ maxUnavailable: intOrString, maxSurge: intOrString }),
  [`${APPS}DeploymentStrategy`]: obj({
    type: optStr,
    rollingUpdate: ref(`${APPS}RollingUpdateDeployment`, false),
  }),
  [`${APPS}DeploymentSpec`]: obj(
    {
      replicas: int32,
      selector: ref(`${META}LabelSelector`, false),
      template: ref(`${CORE}PodTemplateSpec`),
      strategy: {
        ...ref(`${APPS}DeploymentStrategy`),
        'x-kubernetes-patch-strategy': 'retainKeys',
      },
      minReadySeconds: int32,
      revisionHistoryLimit: int32,
      paused: bool,
      progressDeadlineSeconds: int32,
    },
    { required: ['selector', 'template'] },
  ),
  [`${APPS}DeploymentStatus`]: obj({
    observedGeneration: int64,
    replicas: int32,
    updatedReplicas: int32,
    readyReplicas: int32,
    availableReplicas: int32,
    unavailableReplicas: int32,
    terminatingReplicas: int32,
    conditions: keyedList(`${APPS}DeploymentCondition`, 'type', 'merge', ['type']),
    collisionCount: int32,
  }),
  [`${APPS}DeploymentCondition`]: condition,
  [`${APPS}Deployment`]: topLevel(
    'Deployment',
    'apps',
    'v1',
    `${APPS}DeploymentSpec`,
    `${APPS}DeploymentStatus`,
  ),
  [`${APPS}DeploymentList`]: list('Deployment', 'apps', 'v1', `${APPS}Deployment`),
  [`${APPS}ReplicaSetSpec`]: obj(
    {
      replicas: int32,
      minReadySeconds: int32,
      selector: ref(`${META}LabelSelector`, false),
      template: ref(`${CORE}PodTemplateSpec`),
    },
    { required: ['selector'] },
  ),
  [`${APPS}ReplicaSetStatus`]: obj({
    replicas: { ...int32, default: 0 },
    fullyLabeledReplicas: int32,
    readyReplicas: int32,
    availableReplicas: int32,
    observedGeneration: int64,
    conditions: atomicList(freeForm),
  }),
  [`${APPS}ReplicaSet`]: topLevel(
    'ReplicaSet',
    'apps',
    'v1',
    `${APPS}ReplicaSetSpec`,
    `${APPS}ReplicaSetStatus`,
  ),
  [`${APPS}ReplicaSetList`]: list('ReplicaSet', 'apps', 'v1', `${APPS}ReplicaSet`),
  [`${APPS}StatefulSetSpec`]: obj(
    {
      replicas: int32,
      selector: ref(`${META}LabelSelector`, false),
      template: ref(`${CORE}PodTemplateSpec`),
      volumeClaimTemplates: atomicList(freeForm),
      serviceName: optStr,
      podManagementPolicy: optStr,
      updateStrategy: obj({
        type: optStr,
        rollingUpdate: obj({ partition: int32, maxUnavailable: intOrString }),
      }),
      revisionHistoryLimit: int32,
      minReadySeconds: int32,
      persistentVolumeClaimRetentionPolicy: freeForm,
      ordinals: freeForm,
    },
    { required: ['selector', 'template'] },
  ),
  [`${APPS}StatefulSet`]: topLevel(
    'StatefulSet',
    'apps',
    'v1',
    `${APPS}StatefulSetSpec`,
    undefined,
    { status: freeForm },
  ),
  [`${APPS}StatefulSetList`]: list('StatefulSet', 'apps', 'v1', `${APPS}StatefulSet`),
  [`${APPS}DaemonSetSpec`]: obj(
    {
      selector: ref(`${META}LabelSelector`, false),
      template: ref(`${CORE}PodTemplateSpec`),
      updateStrategy: obj({
        type: optStr,
        rollingUpdate: obj({ maxUnavailable: intOrString, maxSurge: intOrString }),
      }),
      minReadySeconds: int32,
      revisionHistoryLimit: int32,
    },
    { required: ['selector', 'template'] },
  ),
  [`${APPS}DaemonSet`]: topLevel('DaemonSet', 'apps', 'v1', `${APPS}DaemonSetSpec`, undefined, {
    status: freeForm,
  }),
  [`${APPS}DaemonSetList`]: list('DaemonSet', 'apps', 'v1', `${APPS}DaemonSet`),
  [`${APPS}ControllerRevision`]: topLevel(
    'ControllerRevision',
    'apps',
    'v1',
    undefined,
    undefined,
    {
      data: freeForm,
      revision: int64,
    },
  ),
  [`${APPS}ControllerRevisionList`]: list(
    'ControllerRevision',
    'apps',
    'v1',
    `${APPS}ControllerRevision`,
  ),
  [`${BATCH}JobSpec`]: obj(
    {
      parallelism: int32,
      completions: int32,
      activeDeadlineSeconds: int64,
      podFailurePolicy: freeForm,
      successPolicy: freeForm,
      backoffLimit: int32,
      backoffLimitPerIndex: int32,
      maxFailedIndexes: int32,
      selector: ref(`${META}LabelSelector`, false),
      manualSelector: bool,
      template: ref(`${CORE}PodTemplateSpec`),
      ttlSecondsAfterFinished: int32,
      completionMode: optStr,
      suspend: bool,
      podReplacementPolicy: optStr,
      managedBy: optStr,
    },
    { required: ['template'] },
  ),
  [`${BATCH}Job`]: topLevel('Job', 'batch', 'v1', `${BATCH}JobSpec`, undefined, {
    status: freeForm,
  }),
  [`${BATCH}JobList`]: list('Job', 'batch', 'v1', `${BATCH}Job`),
  [`${BATCH}JobTemplateSpec`]: obj({
    metadata: ref(`${META}ObjectMeta`),
    spec: ref(`${BATCH}JobSpec`),
  }),
  [`${BATCH}CronJobSpec`]: obj(
    {
      schedule: str,
      timeZone: optStr,
      startingDeadlineSeconds: int64,
      concurrencyPolicy: optStr,
      suspend: bool,
      jobTemplate: ref(`${BATCH}JobTemplateSpec`),
      successfulJobsHistoryLimit: int32,
      failedJobsHistoryLimit: int32,
    },
    { required: ['schedule', 'jobTemplate'] },
  ),
  [`${BATCH}CronJob`]: topLevel('CronJob', 'batch', 'v1', `${BATCH}CronJobSpec`, undefined, {
    status: freeForm,
  }),
  [`${CRD}CustomResourceDefinition`]: topLevel(
    'CustomResourceDefinition',
    'apiextensions.k8s.io',
    'v1',
    undefined,
    undefined,
    { spec: freeForm, status: freeForm },
  ),
  [`${CRD}CustomResourceDefinitionList`]: list(
    'CustomResourceDefinition',
    'apiextensions.k8s.io',
    'v1',
    `${CRD}CustomResourceDefinition`,
  ),
  [`${BATCH}CronJobList`]: list('CronJob', 'batch', 'v1', `${BATCH}CronJob`),
};

/** resolve follows `$ref` and single-entry `allOf` wrappers to the schema they point at. */
export function resolve(schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current.$ref) {
      current = SCHEMAS[current.$ref.slice(PREFIX.length)];
    } else if (current.allOf?.length === 1 && !current.properties) {
      current = current.allOf[0];
    } else {
      return current;
    }
  }
  return current;
}

/** refsOf lists every component a schema reaches, itself included, for one group-version document. */
export function refsOf(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const visit = (schema: Schema | undefined): void => {
    if (!schema) return;
    if (schema.$ref) refsOf(schema.$ref.slice(PREFIX.length), seen);
    for (const s of schema.allOf ?? []) visit(s);
    for (const s of Object.values(schema.properties ?? {})) visit(s);
    if (schema.items) visit(schema.items);
    if (typeof schema.additionalProperties === 'object') visit(schema.additionalProperties);
  };
  visit(SCHEMAS[name]);
  return seen;
}
