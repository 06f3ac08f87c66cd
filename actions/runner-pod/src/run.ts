// start and stop, loaded only once the inputs are valid: they bring kubectl's adapter, YAML and
// the GitHub client.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  ActionError,
  appendSummary,
  type EventContext,
  errorMessage,
  group,
  info,
  setOutput,
  table,
  warning,
} from '@mlops-actions/core';
import {
  createRunnerObjects,
  deleteRunnerObjects,
  formatSeconds,
  Kubectl,
  leftoverReason,
  listRunnerPods,
  type RunnerOwner,
  readPodTemplate,
  renderRunnerPod,
  renderRunnerSecret,
  repositorySelector,
  runSelector,
  waitForRunner,
} from '@mlops-actions/core/k8s';
import { RunnerRegistry, type RunnerScope, runLabel } from '@mlops-actions/core/runners';
import { parse } from 'yaml';
import type { RunnerPodInputs } from './inputs.ts';

function scopeOf(inputs: RunnerPodInputs, context: EventContext): RunnerScope {
  return inputs.scope === 'organization'
    ? { kind: 'organization', org: context.owner }
    : { kind: 'repository', owner: context.owner, repo: context.repo };
}

function ownerOf(context: EventContext): RunnerOwner {
  return {
    repository: `${context.owner}/${context.repo}`,
    runId: context.runId,
    attempt: context.runAttempt || '1',
    runUrl: context.runUrl,
  };
}

function readTemplate(path: string, workspace: string): Record<string, unknown> {
  const file = relative(workspace, path) || path;
  if (!existsSync(path)) {
    throw new ActionError(`input 'pod-template' names ${file}, which does not exist`, {
      hint: 'Give the path of a Pod manifest in the repository, relative to the workspace (check it out first)',
    });
  }
  let document: unknown;
  try {
    document = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ActionError(`${file} is not valid YAML: ${errorMessage(error)}`, {
      location: { file },
    });
  }
  return readPodTemplate(document, file);
}

/** start registers a just-in-time runner, runs it in a pod, and waits until it is online. */
export async function start(
  inputs: RunnerPodInputs,
  context: EventContext,
  kubeconfig: string | undefined,
): Promise<void> {
  const workspace = process.env['GITHUB_WORKSPACE'] || process.cwd();
  const template = inputs.podTemplate ? readTemplate(inputs.podTemplate, workspace) : undefined;
  const kubectl = new Kubectl({ kubeconfig, context: inputs.context });
  const owner = ownerOf(context);
  const name = runLabel(owner.runId, owner.attempt);
  const scope = scopeOf(inputs, context);
  const began = Date.now();

  const registry = await RunnerRegistry.connect(inputs.credential, scope, {
    apiUrl: context.apiUrl,
  });
  const jit = await group(`Register just-in-time runner ${name}`, async () => {
    const made = await registry.generateJitConfig({
      name,
      labels: [name, ...inputs.labels],
      runnerGroupId: inputs.runnerGroupId,
    });
    info(`runner ${made.runner.id} registered with labels ${made.runner.labels.join(', ')}`);
    return made;
  });

  const settings = {
    name,
    namespace: inputs.namespace,
    owner,
    runnerId: jit.runner.id,
    image: inputs.image,
    cpu: inputs.cpu,
    memory: inputs.memory,
    gpu: inputs.gpu,
    gpuResource: inputs.gpuResource,
    shmSize: inputs.shmSize,
    nodeSelector: inputs.nodeSelector,
    tolerations: inputs.tolerations,
    serviceAccount: inputs.serviceAccount,
    maxLifetimeSeconds: inputs.maxLifetimeSeconds,
    template,
  };
  let created = false;
  // Nothing of a failed or cancelled start may stay behind: not the pod (billed), not the
  // registration.
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => {
    cleaning ??= group('Clean up after the failed start', async () => {
      if (created) {
        const removed = await deleteRunnerObjects(kubectl, inputs.namespace, {
          selector: runSelector(owner),
        }).catch((e: unknown) => {
          warning(`could not delete the runner pod: ${errorMessage(e)}`);
          return [];
        });
        for (const what of removed) info(`removed ${what}`);
      }
      const gone = await registry.remove(jit.runner.id).catch((e: unknown) => {
        warning(`could not remove runner ${jit.runner.id}: ${errorMessage(e)}`);
        return 'kept';
      });
      if (gone === 'removed') info(`removed runner ${jit.runner.id} from GitHub`);
    });
    return cleaning;
  };
  // A cancelled job's step gets SIGINT, then SIGTERM 7.5 s later: clean up in between. (A step
  // killed outright leaves its runner to the stop job.)
  const onSignal = (signal: NodeJS.Signals) => {
    warning(`${signal} received (the job was cancelled?): removing runner ${name}`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const pod = renderRunnerPod(settings);
    const secret = renderRunnerSecret(settings, jit.encodedJitConfig);
    const container = (pod['spec'] as { containers: { image: string }[] }).containers[0];
    const ready = await group(`Start runner pod ${inputs.namespace}/${name}`, async () => {
      // Set first: a failure between the Secret and the Pod must remove the Secret too.
      created = true;
      await createRunnerObjects(kubectl, secret, pod);
      info(
        `pod ${inputs.namespace}/${name} created (image ${container?.image ?? '?'}${inputs.gpu ? `, ${inputs.gpu} ${inputs.gpuResource}` : ''}); the configuration is in secret ${secret['metadata'] ? (secret['metadata'] as { name: string }).name : ''}`,
      );
      return await waitForRunner(kubectl, {
        namespace: inputs.namespace,
        name,
        timeoutMs: inputs.timeoutMs,
        isOnline: async () => (await registry.get(jit.runner.id))?.status === 'online',
        progress: info,
      });
    });
    const total = Date.now() - began;
    info(
      `runner ${name} online in ${(total / 1000).toFixed(1)}s (pod Running after ${(ready.runningMs / 1000).toFixed(1)}s) on node ${ready.node}`,
    );
    setOutput('label', name);
    setOutput('runner-name', name);
    setOutput('runner-id', String(jit.runner.id));
    setOutput('pod', `${inputs.namespace}/${name}`);
    appendSummary(
      [
        `### Runner pod \`${name}\` online`,
        '',
        table(
          ['label', 'pod', 'node', 'image', 'resources', 'online after'],
          [
            [
              `\`${name}\``,
              `${inputs.namespace}/${name}`,
              ready.node,
              container?.image ?? '',
              [
                inputs.cpu && `cpu ${inputs.cpu}`,
                inputs.memory && `memory ${inputs.memory}`,
                inputs.gpu && `${inputs.gpu} ${inputs.gpuResource}`,
                inputs.shmSize && `/dev/shm ${inputs.shmSize}`,
              ]
                .filter(Boolean)
                .join(', ') || 'as the template says',
              `${(total / 1000).toFixed(1)}s`,
            ],
          ],
        ),
        '',
        `Jobs select it with \`runs-on: [self-hosted, ${name}]\`; the stop step deletes it.`,
      ].join('\n'),
    );
  } catch (error) {
    await cleanUp();
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/**
 * stop deletes this run's runner objects and registration, then the leftovers of this
 * repository's other runs; nothing already gone is an error.
 */
export async function stop(
  inputs: RunnerPodInputs,
  context: EventContext,
  kubeconfig: string | undefined,
): Promise<void> {
  const kubectl = new Kubectl({ kubeconfig, context: inputs.context });
  const owner = ownerOf(context);
  const name = runLabel(owner.runId, owner.attempt);
  const removed: string[] = [];
  const lines: string[][] = [];
  const pods = await listRunnerPods(
    kubectl,
    inputs.namespace,
    repositorySelector(owner.repository),
  );
  // The registration is removed with the credential; a refused one must not keep the pods alive.
  let registry: RunnerRegistry | undefined;
  try {
    registry = await RunnerRegistry.connect(inputs.credential, scopeOf(inputs, context), {
      apiUrl: context.apiUrl,
    });
  } catch (error) {
    warning(
      `runner registrations are left to GitHub, which drops offline runners: ${errorMessage(error)}`,
    );
  }

  await group(`Remove runner ${name} of this run`, async () => {
    const deleted = await deleteRunnerObjects(kubectl, inputs.namespace, {
      selector: runSelector(owner),
    });
    for (const what of deleted) {
      removed.push(what);
      lines.push([what, 'this run']);
      info(`removed ${what}`);
    }
    if (!deleted.length) info(`no pod or secret of ${name} in namespace ${inputs.namespace}`);
    const registered = registry ? await registry.list({ name }).catch(warn) : [];
    for (const runner of registered ?? []) {
      if ((await registry?.remove(runner.id).catch(warn)) === 'removed') {
        removed.push(`runner/${runner.id}`);
        lines.push([`runner/${runner.id} (${runner.name})`, 'this run']);
        info(`removed runner ${runner.id} (${runner.name}) from GitHub`);
      }
    }
    if (registry && !registered?.length) info(`runner ${name} is no longer registered`);
  });

  await group('Remove leftovers of other runs of this repository', async () => {
    const now = Date.now();
    let found = 0;
    for (const pod of pods) {
      if (pod.runId === owner.runId && pod.attempt === owner.attempt) continue;
      const reason =
        pod.runId === owner.runId
          ? 'an earlier attempt of this run'
          : leftoverReason(
              { ...pod, maxLifetimeSeconds: inputs.maxLifetimeSeconds ?? pod.maxLifetimeSeconds },
              now,
            );
      if (!reason) continue;
      found += 1;
      const deleted = await deleteRunnerObjects(kubectl, inputs.namespace, {
        pods: [pod.name],
        secrets: [`${pod.name}-jitconfig`],
      });
      for (const what of deleted) {
        removed.push(what);
        lines.push([what, `leftover: ${reason}`]);
        info(`removed ${what} (${reason})`);
      }
      if (pod.runnerId !== undefined && registry) {
        if ((await registry.remove(pod.runnerId).catch(warn)) === 'removed') {
          removed.push(`runner/${pod.runnerId}`);
          lines.push([`runner/${pod.runnerId} (${pod.name})`, `leftover: ${reason}`]);
          info(`removed runner ${pod.runnerId} (${pod.name}) from GitHub`);
        }
      }
    }
    if (!found) info('no leftovers');
  });

  setOutput('label', name);
  setOutput('removed', removed);
  appendSummary(
    [
      `### Runner pods: ${removed.length ? `${removed.length} removed` : 'nothing to remove'}`,
      ...(lines.length ? ['', table(['removed', 'why'], lines)] : []),
      '',
      `Leftovers are runner pods of this repository whose runner finished or failed, or older than their max lifetime (default ${formatSeconds(6 * 3600)}).`,
    ].join('\n'),
  );
}

function warn(error: unknown): undefined {
  warning(errorMessage(error));
  return undefined;
}
