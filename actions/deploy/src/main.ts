import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendSummary,
  type EventContext,
  InputError,
  Inputs,
  info,
  readContext,
  saveState,
  setOutput,
  setSecret,
} from '@mlops-actions/core';

/** The state key under which main leaves the kubeconfig folder for the post step to remove. */
export const KUBECONFIG_STATE = 'kubeconfig-dir';

/** Every input of action.yml, read once. */
export interface DeployInputs {
  workspace: string;
  manifests: string[];
  /** The `images` lines, parsed by the k8s module once it is loaded. */
  images: string[];
  namespace: string | undefined;
  kubeconfig: string | undefined;
  context: string | undefined;
  serverSide: boolean;
  timeoutMs: number;
  rollbackOnFailure: boolean;
  annotate: boolean;
  writeBack: boolean;
}

const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** readInputs reads and checks the inputs before anything heavy is loaded. */
export function readInputs(inputs: Inputs = new Inputs()): DeployInputs {
  const read: DeployInputs = {
    workspace: inputs.workspace,
    manifests: inputs.list('manifests', { required: true }),
    images: inputs.list('images'),
    namespace: inputs.optional('namespace'),
    // Not inputs.secret(): that would mask every line of the file (`kind: Config`, ...) in the
    // whole log. The credentials in it are masked one by one once it is parsed.
    kubeconfig: inputs.optional('kubeconfig'),
    context: inputs.optional('context'),
    serverSide: inputs.boolean('server-side'),
    timeoutMs: inputs.duration('timeout', 300_000),
    rollbackOnFailure: inputs.boolean('rollback-on-failure', true),
    annotate: inputs.boolean('annotate', true),
    writeBack: inputs.boolean('write-back'),
  };
  if (read.namespace && (!NAMESPACE.test(read.namespace) || read.namespace.length > 63)) {
    throw new InputError(
      'namespace',
      `is '${read.namespace}', which is not a namespace name`,
      'Use lower-case letters, digits and dashes (at most 63), for example production.',
    );
  }
  if (read.timeoutMs < 1000) {
    throw new InputError(
      'timeout',
      'is shorter than one second',
      'Give the rollouts time to become ready, for example 5m.',
    );
  }
  return read;
}

/** annotationsFor builds the annotations `annotate` adds: the commit and the run that deployed it. */
export function annotationsFor(context: EventContext): {
  annotations: Record<string, string>;
  changeCause: string;
} {
  const commit = context.headSha || context.sha;
  const annotations: Record<string, string> = {};
  if (commit) annotations['mlops-actions/commit'] = commit;
  if (context.runUrl) annotations['mlops-actions/run-url'] = context.runUrl;
  const changeCause = `mlops-actions deploy of ${commit ? commit.slice(0, 12) : 'an unknown commit'}${context.runUrl ? ` (${context.runUrl})` : ''}`;
  return { annotations, changeCause };
}

function runnerTemp(): string {
  const dir = process.env['RUNNER_TEMP'] || tmpdir();
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** main reads the inputs, writes the kubeconfig, deploys, and reports. */
export async function main(): Promise<void> {
  const inputs = readInputs();
  const context = readContext();
  const k8s = await import('@mlops-actions/core/k8s');
  const images = k8s.parseImageEntries(inputs.images);
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
    const dir = mkdtempSync(join(runnerTemp(), 'deploy-kubeconfig-'));
    chmodSync(dir, 0o700);
    saveState(KUBECONFIG_STATE, dir);
    kubeconfigPath = join(dir, 'config');
    writeFileSync(kubeconfigPath, config.text, { mode: 0o600 });
    chmodSync(kubeconfigPath, 0o600);
    const server = config.servers[inputs.context ?? config.currentContext ?? ''];
    info(`kubeconfig written (mode 0600)${server ? `, server ${server}` : ''}`);
  }
  const labels = inputs.annotate
    ? annotationsFor(context)
    : { annotations: {}, changeCause: undefined };
  const result = await k8s.deploy({
    workspace: inputs.workspace,
    manifests: inputs.manifests,
    images,
    namespace: inputs.namespace,
    kubeconfig: kubeconfigPath,
    context: inputs.context,
    serverSide: inputs.serverSide,
    timeoutMs: inputs.timeoutMs,
    rollbackOnFailure: inputs.rollbackOnFailure,
    annotations: labels.annotations,
    changeCause: labels.changeCause,
    writeBack: inputs.writeBack,
    renderDir: mkdtempSync(join(runnerTemp(), 'deploy-rendered-')),
  });
  setOutput(
    'applied',
    result.applied.map(({ kind, namespace, name }) => ({ kind, namespace, name })),
  );
  setOutput(
    'images',
    result.images.map(({ file, kind, name, container, from, to }) => ({
      file,
      kind,
      name,
      container,
      from,
      to,
    })),
  );
  setOutput('rendered-path', result.renderedPath);
  setOutput('rolled-back', String(result.rolledBack));
  appendSummary(
    k8s.deploySummary({
      applied: result.applied,
      images: result.images,
      rollouts: result.rollouts,
      renderedPath: result.renderedPath,
      timeout: k8s.formatDuration(inputs.timeoutMs),
      writtenBack: result.writtenBack,
    }),
  );
  if (result.failure) throw result.failure;
}
