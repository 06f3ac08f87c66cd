// No runner binary runs on a kwok node, so a test plays the GitHub Actions runner inside a runner
// pod: once the pod is Running, the runner it would start reads its just-in-time configuration
// (from the Secret the pod's ACTIONS_RUNNER_INPUT_JITCONFIG comes from), connects, and shows
// `online` in the local GitHub's runner list; when the pod stops running, it shows `offline`.
import { request } from 'node:https';
import type { LocalGitHub } from '../github/types.ts';

/** What the player reads of a cluster (a Cluster has it): the API server and the admin's token. */
export interface ClusterApi {
  url: string;
  caData: string;
  adminToken: string;
}

/** A running player of runner pods; stop it before the cluster. */
export interface RunnerPodPlayer {
  /** The runner ids that came online, with the pod that brought each. */
  online: Map<number, string>;
  stop(): Promise<void>;
}

interface PodJson {
  metadata: { name: string; namespace: string; uid: string };
  spec: {
    containers: {
      image?: string;
      env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
    }[];
  };
  status?: { phase?: string };
}

function getJson<T>(cluster: ClusterApi, path: string): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${cluster.url}${path}`,
      {
        ca: Buffer.from(cluster.caData, 'base64'),
        headers: { authorization: `Bearer ${cluster.adminToken}`, accept: 'application/json' },
        timeout: 5000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode === 404) return resolve(undefined);
          if (res.statusCode !== 200) return reject(new Error(`GET ${path}: ${res.statusCode}`));
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
        });
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: timed out`)));
    req.end();
  });
}

/** agentIdOf reads the runner id out of an encoded JIT configuration, as the runner does. */
function agentIdOf(encoded: string): number | undefined {
  try {
    const files = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Record<
      string,
      string
    >;
    const runner = JSON.parse(Buffer.from(files['.runner'] ?? '', 'base64').toString('utf8')) as {
      AgentId?: number;
    };
    return typeof runner.AgentId === 'number' ? runner.AgentId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * playRunnerPods polls the cluster's pods (every `intervalMs`, default 200) and marks the local
 * GitHub's JIT runner of each Running runner pod online, and offline again once the pod is gone
 * or has stopped.
 */
export function playRunnerPods(
  cluster: ClusterApi,
  github: LocalGitHub,
  options: {
    intervalMs?: number;
    /** Pods whose runner never connects (GitHub unreachable from the pod, say): they stay offline. */
    neverOnline?: (pod: { namespace: string; name: string; images: string[] }) => boolean;
  } = {},
): RunnerPodPlayer {
  const online = new Map<number, string>();
  const agents = new Map<string, number | undefined>(); // pod uid -> runner id
  let stopped = false;
  const tick = async () => {
    const list = await getJson<{ items: PodJson[] }>(cluster, '/api/v1/pods');
    const running = new Map<number, string>();
    for (const pod of list?.items ?? []) {
      if (pod.status?.phase !== 'Running') continue;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      const images = pod.spec.containers.map((c) => c.image ?? '');
      const { namespace, name, uid } = pod.metadata;
      if (options.neverOnline?.({ namespace, name, images })) continue;
      if (!agents.has(uid)) {
        let id: number | undefined;
        for (const container of pod.spec.containers) {
          const ref = container.env?.find((e) => e.name === 'ACTIONS_RUNNER_INPUT_JITCONFIG')
            ?.valueFrom?.secretKeyRef;
          if (!ref) continue;
          const secret = await getJson<{ data?: Record<string, string> }>(
            cluster,
            `/api/v1/namespaces/${pod.metadata.namespace}/secrets/${ref.name}`,
          );
          const value = secret?.data?.[ref.key];
          if (value) id = agentIdOf(Buffer.from(value, 'base64').toString('utf8'));
        }
        agents.set(uid, id);
      }
      const id = agents.get(uid);
      if (id !== undefined) running.set(id, key);
    }
    for (const runner of github.state.runners) {
      const pod = running.get(runner.id);
      if (pod) {
        runner.status = 'online';
        online.set(runner.id, pod);
      } else if (online.has(runner.id)) {
        runner.status = 'offline';
      }
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await tick().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
    }
  })();
  return {
    online,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
