import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  ActionError,
  InputError,
  Inputs,
  info,
  readContext,
  saveState,
  setSecret,
} from '@mlops-actions/core';
import type { RunnerPodInputs, TolerationInput } from './inputs.ts';

/** The state key under which main leaves the kubeconfig folder for the post step to remove. */
export const KUBECONFIG_STATE = 'kubeconfig-dir';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const CPU = /^(\d+(\.\d+)?|\.\d+)m?$/;
const MEMORY = /^(\d+(\.\d+)?|\.\d+)(k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
// An image reference: optional registry[:port]/, lower-case path, optional :tag and @digest.
const IMAGE =
  /^([a-zA-Z0-9.-]+(:\d+)?\/)?[a-z0-9]+([._-]{1,2}[a-z0-9]+)*(\/[a-z0-9]+([._-]{1,2}[a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;

/** isLabelKey checks a Kubernetes label key: an optional DNS-subdomain prefix and a name. */
function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (!DNS_SUBDOMAIN.test(prefix) || prefix.length > 253)) return false;
  return name.length <= 63 && LABEL_NAME.test(name);
}

function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && LABEL_NAME.test(value));
}

function quantity(
  inputs: Inputs,
  name: string,
  pattern: RegExp,
  example: string,
): string | undefined {
  const value = inputs.optional(name);
  if (value !== undefined && !pattern.test(value)) {
    throw new InputError(
      name,
      `is '${value}', which is not a Kubernetes quantity`,
      `Write it as Kubernetes does, for example ${example}.`,
    );
  }
  return value;
}

function readNodeSelector(inputs: Inputs): Record<string, string> {
  const selector: Record<string, string> = {};
  for (const entry of inputs.list('node-selector', { comma: true })) {
    const eq = entry.indexOf('=');
    const key = eq >= 0 ? entry.slice(0, eq).trim() : entry;
    const value = eq >= 0 ? entry.slice(eq + 1).trim() : '';
    if (eq < 0 || !isLabelKey(key) || !isLabelValue(value)) {
      throw new InputError(
        'node-selector',
        `has '${entry}', which is not a KEY=VALUE node label`,
        'Write one node label per line, for example cloud.google.com/gke-accelerator=nvidia-tesla-t4.',
      );
    }
    selector[key] = value;
  }
  return selector;
}

function readTolerations(inputs: Inputs): TolerationInput[] {
  return inputs.list('tolerations', { comma: true }).map((entry) => {
    const m = /^([^=:]+)(?:=([^:]*))?(?::([A-Za-z]+))?$/.exec(entry);
    const key = m?.[1]?.trim() ?? '';
    const value = m?.[2]?.trim();
    const effect = m?.[3];
    const known = EFFECTS.find((e) => e === effect);
    if (
      !m ||
      !isLabelKey(key) ||
      (value !== undefined && !isLabelValue(value)) ||
      (effect !== undefined && !known)
    ) {
      throw new InputError(
        'tolerations',
        `has '${entry}', which is not a toleration`,
        `Write KEY:EFFECT (any value) or KEY=VALUE:EFFECT, with EFFECT one of ${EFFECTS.join(', ')} (omitted: every effect), for example nvidia.com/gpu:NoSchedule.`,
      );
    }
    return {
      key,
      operator: value === undefined ? 'Exists' : 'Equal',
      ...(value !== undefined ? { value } : {}),
      ...(known ? { effect: known } : {}),
    };
  });
}

function readCredential(inputs: Inputs): RunnerPodInputs['credential'] {
  const appId = inputs.optional('app-id');
  const privateKey = inputs.optional('app-private-key');
  // Masked before anything else can print it.
  setSecret(privateKey);
  const installationId = inputs.optional('app-installation-id');
  if (appId || privateKey) {
    if (!appId) {
      throw new InputError(
        'app-id',
        'is empty but app-private-key is set',
        "Set app-id to the GitHub App's id (or client id), for example 123456.",
      );
    }
    if (!/^(\d+|Iv[0-9A-Za-z.]+)$/.test(appId)) {
      throw new InputError(
        'app-id',
        `is '${appId}', which is not a GitHub App id`,
        "Use the App's numeric id (its settings page, 'App ID') or its client id (Iv...).",
      );
    }
    if (!privateKey) {
      throw new InputError(
        'app-private-key',
        'is empty but app-id is set',
        "Pass the App's private key from a secret, for example ${{ secrets.RUNNER_APP_KEY }}.",
      );
    }
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey)) {
      throw new InputError(
        'app-private-key',
        'is not a PEM private key',
        "Store the App's whole .pem file (BEGIN ... PRIVATE KEY through END) in the secret.",
      );
    }
    if (installationId !== undefined && !/^\d+$/.test(installationId)) {
      throw new InputError(
        'app-installation-id',
        `is '${installationId}', which is not a number`,
        'Leave it empty to look the installation up, or give its numeric id.',
      );
    }
    return { kind: 'app', appId, privateKey, installationId };
  }
  const token = inputs.secret('token');
  if (!token) {
    throw new InputError(
      'token',
      'is empty and no GitHub App is set',
      'Pass a token with Administration: read and write, or set app-id and app-private-key.',
    );
  }
  return { kind: 'token', token };
}

function readLifetime(inputs: Inputs): number | undefined {
  if (!inputs.optional('max-lifetime')) return undefined;
  const ms = inputs.duration('max-lifetime', 0);
  if (ms < 60_000 || ms > 7 * 24 * 3_600_000) {
    throw new InputError(
      'max-lifetime',
      `is '${inputs.raw('max-lifetime')}', outside one minute to one week`,
      'Give the longest a training job may run, for example 6h.',
    );
  }
  return Math.round(ms / 1000);
}

/** readInputs reads and checks every input before anything heavy is loaded or created. */
export function readInputs(inputs: Inputs = new Inputs()): RunnerPodInputs {
  inputs.string('mode', { required: true });
  const read: RunnerPodInputs = {
    mode: inputs.oneOf('mode', ['start', 'stop'] as const, 'start'),
    credential: readCredential(inputs),
    scope: inputs.oneOf('scope', ['repository', 'organization'] as const, 'repository'),
    runnerGroupId: inputs.integer('runner-group-id', 1, 1),
    labels: inputs.list('labels', { comma: true }),
    // Not inputs.secret(): that would mask every line of the file; its credentials are masked
    // one by one once it is parsed.
    kubeconfig: inputs.optional('kubeconfig'),
    context: inputs.optional('context'),
    namespace: inputs.optional('namespace') ?? 'default',
    podTemplate: inputs.optional('pod-template') ? inputs.path('pod-template') : undefined,
    image: inputs.optional('image'),
    cpu: quantity(inputs, 'cpu', CPU, '4 or 1500m'),
    memory: quantity(inputs, 'memory', MEMORY, '16Gi or 512Mi'),
    gpu: inputs.optional('gpu') ? inputs.integer('gpu', 0, 0, 64) || undefined : undefined,
    gpuResource: inputs.optional('gpu-resource') ?? 'nvidia.com/gpu',
    shmSize: quantity(inputs, 'shm-size', MEMORY, '4Gi'),
    nodeSelector: readNodeSelector(inputs),
    tolerations: readTolerations(inputs),
    serviceAccount: inputs.optional('service-account'),
    maxLifetimeSeconds: readLifetime(inputs),
    timeoutMs: inputs.duration('timeout', 600_000),
  };
  if (!DNS_LABEL.test(read.namespace) || read.namespace.length > 63) {
    throw new InputError(
      'namespace',
      `is '${read.namespace}', which is not a namespace name`,
      'Use lower-case letters, digits and dashes (at most 63), for example github-runners.',
    );
  }
  for (const label of read.labels) {
    if (!/^[A-Za-z0-9._/:-]{1,100}$/.test(label)) {
      throw new InputError(
        'labels',
        `has '${label.slice(0, 120)}', which is not a runner label`,
        'Use letters, digits and . _ - / : (at most 100 each), separated by commas or newlines, for example gpu,cuda-12.',
      );
    }
  }
  if (!isLabelKey(read.gpuResource) || !read.gpuResource.includes('/')) {
    throw new InputError(
      'gpu-resource',
      `is '${read.gpuResource}', which is not an extended resource name`,
      'Use the name the device plugin advertises, with its domain, for example nvidia.com/gpu.',
    );
  }
  if (read.serviceAccount && !DNS_SUBDOMAIN.test(read.serviceAccount)) {
    throw new InputError(
      'service-account',
      `is '${read.serviceAccount}', which is not a service account name`,
      'Use lower-case letters, digits, dashes and dots, for example runner-jobs.',
    );
  }
  if (read.image && !IMAGE.test(read.image)) {
    throw new InputError(
      'image',
      `is '${read.image}', which is not an image reference`,
      'Write [REGISTRY[:PORT]/]PATH[:TAG][@sha256:DIGEST] with a lower-case path, for example ghcr.io/acme/github-runner:2.330.0.',
    );
  }
  if (read.mode === 'start' && !read.image && !read.podTemplate) {
    throw new InputError(
      'image',
      'is empty and no pod-template names one',
      'Set image to the runner image built from docker/ (for example ghcr.io/acme/github-runner:2.330.0), or give a pod-template.',
    );
  }
  if (read.timeoutMs < 10_000) {
    throw new InputError(
      'timeout',
      'is shorter than ten seconds',
      'Give the pod time to be scheduled, pull its image and connect, for example 10m.',
    );
  }
  return read;
}

function runnerTemp(): string {
  const dir = process.env['RUNNER_TEMP'] || tmpdir();
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** main reads the inputs, writes the kubeconfig, then starts or stops the runner. */
export async function main(): Promise<void> {
  const inputs = readInputs();
  const context = readContext();
  if (!context.owner || !context.repo || !context.runId) {
    throw new ActionError('GITHUB_REPOSITORY or GITHUB_RUN_ID is not set', {
      hint: 'Run the action in a GitHub Actions job: the runner label is made from the run id',
    });
  }
  const k8s = await import('@mlops-actions/core/k8s');
  let kubeconfigPath: string | undefined;
  if (inputs.kubeconfig) {
    const config = k8s.readKubeconfig(inputs.kubeconfig);
    for (const secret of config.secrets) setSecret(secret);
    if (config.text.trim() !== inputs.kubeconfig.trim()) setSecret(inputs.kubeconfig);
    if (inputs.context && !(inputs.context in config.servers)) {
      throw new InputError(
        'context',
        `is '${inputs.context}', which the kubeconfig does not define`,
        `Use one of: ${Object.keys(config.servers).join(', ')}.`,
      );
    }
    const dir = mkdtempSync(`${runnerTemp()}/runner-pod-kubeconfig-`);
    chmodSync(dir, 0o700);
    saveState(KUBECONFIG_STATE, dir);
    kubeconfigPath = `${dir}/config`;
    writeFileSync(kubeconfigPath, config.text, { mode: 0o600 });
    chmodSync(kubeconfigPath, 0o600);
    const server = config.servers[inputs.context ?? config.currentContext ?? ''];
    info(`kubeconfig written (mode 0600)${server ? `, server ${server}` : ''}`);
  }
  const { start, stop } = await import('./run.ts');
  if (inputs.mode === 'start') await start(inputs, context, kubeconfigPath);
  else await stop(inputs, context, kubeconfigPath);
}
