// The life of a runner pod through kubectl: create its Secret and Pod (manifests on stdin, so the
// configuration is on no command line), wait until it runs and its runner is online, explain a
// pod that cannot start, and delete by labels without failing on what is already gone.
import { ExecError } from '../exec.ts';
import { ActionError } from '../pure/errors.ts';
import { headline, hopeless, podProblems } from './diagnose.ts';
import { classifyKubectlError } from './errors.ts';
import type { Kubectl } from './kubectl.ts';
import { formatSeconds, type RunnerPodInfo, runnerPodInfo } from './runner-pod.ts';

type Json = Record<string, unknown>;

function kubectlFailure(error: unknown, what: string): unknown {
  if (error instanceof ExecError) {
    const classified = classifyKubectlError(error.stderr);
    if (classified) {
      return new ActionError(`${what}: ${classified.message}`, {
        ...(classified.hint ? { hint: classified.hint } : {}),
        cause: error,
      });
    }
  }
  return error;
}

/**
 * createRunnerObjects creates the Secret, then the Pod, and makes the Pod the Secret's owner, so
 * that Kubernetes removes the configuration with the pod whoever deletes it.
 */
export async function createRunnerObjects(
  kubectl: Kubectl,
  secret: Json,
  pod: Json,
): Promise<{ uid: string }> {
  const namespace = String((pod['metadata'] as Json)['namespace']);
  const name = String((pod['metadata'] as Json)['name']);
  const secretName = String((secret['metadata'] as Json)['name']);
  try {
    await kubectl.run(['create', '-f', '-', '-o', 'name'], {
      input: JSON.stringify(secret),
      silent: true,
    });
    const created = await kubectl.run(['create', '-f', '-', '-o', 'jsonpath={.metadata.uid}'], {
      input: JSON.stringify(pod),
      silent: true,
    });
    const uid = created.stdout.trim();
    const owner = {
      metadata: {
        ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name, uid, blockOwnerDeletion: false }],
      },
    };
    await kubectl.run(
      ['patch', 'secret', secretName, '-n', namespace, '--type=merge', '-p', JSON.stringify(owner)],
      { silent: true },
    );
    return { uid };
  } catch (error) {
    throw kubectlFailure(error, `creating runner pod ${name} in namespace ${namespace}`);
  }
}

/** getPod reads a pod as JSON, or undefined when it does not exist. */
export async function getPod(
  kubectl: Kubectl,
  namespace: string,
  name: string,
): Promise<Json | undefined> {
  const result = await kubectl.run(
    ['get', 'pod', name, '-n', namespace, '-o', 'json', '--ignore-not-found'],
    { silent: true },
  );
  return result.stdout.trim() ? (JSON.parse(result.stdout) as Json) : undefined;
}

/** What waiting saw: how long the pod took to run and the runner to come online, and where. */
export interface RunnerReady {
  node: string;
  runningMs: number;
  onlineMs: number;
}

/**
 * waitForRunner polls the pod until it is Running and then `isOnline` until the runner shows
 * online, printing each change. A pod that cannot be scheduled, an image that cannot be pulled,
 * a pod that stopped, or the timeout fail with what Kubernetes said.
 */
export async function waitForRunner(
  kubectl: Kubectl,
  input: {
    namespace: string;
    name: string;
    timeoutMs: number;
    isOnline: () => Promise<boolean>;
    progress: (line: string) => void;
    intervalMs?: number;
  },
): Promise<RunnerReady> {
  const started = Date.now();
  const deadline = started + input.timeoutMs;
  const interval = input.intervalMs ?? 500;
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  let last = '';
  let runningMs: number | undefined;
  let node = '';
  const say = (line: string) => {
    if (line !== last) input.progress(`[${seconds()}] ${line}`);
    last = line;
  };
  for (;;) {
    const pod = await getPod(kubectl, input.namespace, input.name).catch((error: unknown) => {
      throw kubectlFailure(error, `reading runner pod ${input.name}`);
    });
    if (!pod) {
      throw new ActionError(`runner pod ${input.name} was deleted while the runner was starting`, {
        hint: 'Something else removed it (a cleanup job, an operator): run the job again',
      });
    }
    const status = (pod['status'] ?? {}) as Json;
    const phase = String(status['phase'] ?? 'Pending');
    node = String(((pod['spec'] ?? {}) as Json)['nodeName'] ?? '');
    if (phase === 'Failed' || phase === 'Succeeded') {
      const why = [status['reason'], status['message']].filter(Boolean).join(': ');
      const problem = headline(podProblems([pod]));
      throw new ActionError(
        `runner pod ${input.name} stopped (${phase}${why ? `, ${why}` : problem ? `, ${problem}` : ''}) before its runner came online`,
        { hint: `See \`kubectl logs ${input.name} -n ${input.namespace}\` and its events` },
      );
    }
    const blocker = hopeless(podProblems([pod]));
    if (blocker) {
      const what =
        blocker.reason === 'Unschedulable'
          ? `runner pod ${input.name} cannot be scheduled: ${blocker.message}`
          : `runner pod ${input.name} cannot start: ${headline([blocker])}`;
      throw new ActionError(what, {
        hint:
          blocker.reason === 'Unschedulable'
            ? 'Ask for resources a node has free (cpu, memory, gpu), or check node-selector and tolerations against the nodes'
            : 'Check the image name and tag, and that the cluster can pull it (imagePullSecrets for a private registry)',
      });
    }
    if (phase === 'Running') {
      if (runningMs === undefined) {
        runningMs = Date.now() - started;
        say(`pod Running on node ${node}; waiting for the runner to show online in GitHub`);
      }
      if (await input.isOnline()) {
        const onlineMs = Date.now() - started;
        say(`runner online after ${seconds()}`);
        return { node, runningMs, onlineMs };
      }
    } else {
      say(
        node
          ? `pod ${phase} on node ${node}: ${headline(podProblems([pod])) ?? 'starting'}`
          : `pod ${phase}: waiting for the scheduler`,
      );
    }
    if (Date.now() > deadline) {
      throw new ActionError(
        runningMs === undefined
          ? `runner pod ${input.name} was not Running within ${formatSeconds(Math.round(input.timeoutMs / 1000))} (${last.replace(/^\[[^\]]*\] /, '')})`
          : `the runner of pod ${input.name} did not come online in GitHub within ${formatSeconds(Math.round(input.timeoutMs / 1000))}`,
        {
          hint:
            runningMs === undefined
              ? 'Raise timeout, or see the pod events: `kubectl describe pod`'
              : `The runner could not connect: see \`kubectl logs ${input.name} -n ${input.namespace}\` (image without the runner? GitHub unreachable from the cluster?)`,
        },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** listRunnerPods returns the runner pods a label selector picks in one namespace. */
export async function listRunnerPods(
  kubectl: Kubectl,
  namespace: string,
  selector: string,
): Promise<RunnerPodInfo[]> {
  try {
    const result = await kubectl.run(
      ['get', 'pods', '-n', namespace, '-l', selector, '-o', 'json'],
      {
        silent: true,
      },
    );
    const items = (JSON.parse(result.stdout) as { items?: Json[] }).items ?? [];
    return items.map(runnerPodInfo);
  } catch (error) {
    throw kubectlFailure(error, `listing runner pods in namespace ${namespace}`);
  }
}

/**
 * deleteRunnerObjects deletes pods and secrets by label selector, or by name, without waiting
 * and without failing on what is gone; returns what kubectl deleted (`pod/x`, `secret/y`).
 */
export async function deleteRunnerObjects(
  kubectl: Kubectl,
  namespace: string,
  which: { selector: string } | { pods: string[]; secrets: string[] },
): Promise<string[]> {
  // Secrets first: a secret is owned by its pod, and the garbage collector may remove it as soon
  // as the pod is gone, before kubectl gets to it (it would then not be reported).
  const targets =
    'selector' in which
      ? [['secrets,pods', '-l', which.selector]]
      : [
          ...(which.secrets.length ? [['secret', ...which.secrets]] : []),
          ...(which.pods.length ? [['pod', ...which.pods]] : []),
        ];
  const deleted: string[] = [];
  try {
    for (const target of targets) {
      const result = await kubectl.run(
        ['delete', ...target, '-n', namespace, '--ignore-not-found', '--wait=false', '-o', 'name'],
        { silent: true },
      );
      deleted.push(
        ...result.stdout
          .split('\n')
          .map((l) => l.trim())
          // Only `kind/name` lines: kubectl also says "No resources found" on stdout.
          .filter((l) => /^[a-z.]+\/\S+$/.test(l)),
      );
    }
  } catch (error) {
    throw kubectlFailure(error, `deleting runner objects in namespace ${namespace}`);
  }
  return deleted;
}
