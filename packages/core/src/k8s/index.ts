// Kubernetes: image references, manifest edits, kubeconfig reading, kubectl failures, rollout
// diagnosis (pure), and the deploy that drives kubectl (adapter).
export * from './deploy.ts';
export * from './diagnose.ts';
export * from './errors.ts';
export * from './image-ref.ts';
export * from './kubeconfig.ts';
export * from './kubectl.ts';
export * from './manifests.ts';
export {
  createRunnerObjects,
  deleteRunnerObjects,
  getPod,
  listRunnerPods,
  type RunnerReady,
  waitForRunner,
} from './runner-lifecycle.ts';
export {
  DEFAULT_MAX_LIFETIME_SECONDS,
  formatSeconds,
  JIT_CONFIG_ENV,
  JIT_CONFIG_KEY,
  jitSecretName,
  labelValue,
  leftoverReason,
  RUNNER_ANNOTATIONS,
  RUNNER_LABELS,
  RUNNER_MANAGER,
  type RunnerOwner,
  type RunnerPodInfo,
  type RunnerPodSettings,
  readPodTemplate,
  renderRunnerPod,
  renderRunnerSecret,
  repositorySelector,
  runnerLabels,
  runnerPodInfo,
  runSelector,
  type Toleration,
} from './runner-pod.ts';
export * from './sources.ts';
export * from './summary.ts';
