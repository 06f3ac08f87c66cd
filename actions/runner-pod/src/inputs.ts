// The runner-pod inputs as one typed object: read and checked by main.ts, used by run.ts (each
// imports it from here, so neither imports the other).

/** A toleration read from the `tolerations` input. */
export interface TolerationInput {
  key: string;
  operator: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** Every input of action.yml, read and checked once. */
export interface RunnerPodInputs {
  mode: 'start' | 'stop';
  credential:
    | { kind: 'token'; token: string }
    | { kind: 'app'; appId: string; privateKey: string; installationId: string | undefined };
  scope: 'repository' | 'organization';
  runnerGroupId: number;
  labels: string[];
  kubeconfig: string | undefined;
  context: string | undefined;
  namespace: string;
  /** Absolute path of the pod template, inside the workspace. */
  podTemplate: string | undefined;
  image: string | undefined;
  cpu: string | undefined;
  memory: string | undefined;
  gpu: number | undefined;
  gpuResource: string;
  shmSize: string | undefined;
  nodeSelector: Record<string, string>;
  tolerations: TolerationInput[];
  serviceAccount: string | undefined;
  maxLifetimeSeconds: number | undefined;
  timeoutMs: number;
}
