// The GPU variant of the demo: examples/workflows/train-on-gpu.yml run from its YAML on the local
// control plane (kwok nodes, one with an nvidia.com/gpu) and the local GitHub. start-runner starts
// the runner pod of this run, train and report run as on the self-hosted runner, and stop-runner
// removes the pod and its registration; the pod is printed as it appears and disappears. No runner
// binary runs on a kwok node: the local GitHub plays the runner coming online once its pod runs.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type Cluster,
  checkoutStandIn,
  createExampleRepo,
  type JobResult,
  kubeBinDir,
  type LocalTokenOptions,
  playRunnerPods,
  pullRequestEvent,
  pythonVenv,
  type RepositoryPermissions,
  repoRoot,
  runJob,
  type StepEvent,
  setupPythonStandIn,
  startCluster,
  startLocalGitHub,
} from '@mlops-actions/testkit';
import { parse, parseDocument } from 'yaml';
import { git, pushPullRequestRefs } from './git.ts';

const run = promisify(execFile);
const REPOSITORY = 'octo-org/digits';
const BRANCH = 'train-on-gpu';
const NAMESPACE = 'github-runners';
const ADMIN_TOKEN = 'github_pat_demo_runner_admin_token';
const WORKFLOW = join(repoRoot, 'examples', 'workflows', 'train-on-gpu.yml');

/** What the GPU demo reports as it goes (the same shape as the main demo's progress). */
export interface RunnerPodDemoProgress {
  phase(title: string): void;
  step(line: string): void;
}

/** What the GPU demo did: each job, and the runner pod's life as it was seen. */
export interface RunnerPodDemoResult {
  jobs: Record<string, JobResult | 'skipped'>;
  /** The runner label start-runner made (also the pod's name). */
  label: string | undefined;
  /** Each change of the runner pods seen, in order ("mlops-4242-1 Running on gpu-node", "... gone"). */
  podEvents: string[];
  /** Why the demo did not run, when it could not. */
  skipped: string | undefined;
}

/** jobTokens mints one token per job with exactly its `permissions:`, plus the runner admin's. */
function jobTokens(): Record<string, LocalTokenOptions> {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as {
    jobs: Record<string, { permissions?: Record<string, string> }>;
  };
  const tokens: Record<string, LocalTokenOptions> = {
    [ADMIN_TOKEN]: {
      login: 'runner-admin',
      permissions: { [REPOSITORY]: { administration: 'write' } },
    },
  };
  for (const [job, spec] of Object.entries(workflow.jobs)) {
    const permissions: RepositoryPermissions = {};
    for (const [scope, level] of Object.entries(spec.permissions ?? {})) {
      const key = scope.replace(/-/g, '_') as keyof RepositoryPermissions;
      if (['contents', 'pull_requests', 'issues', 'administration'].includes(key))
        permissions[key] = level as 'read' | 'write';
    }
    tokens[`ghs_gpu_${job.replace(/-/g, '_')}_token`] = {
      login: 'github-actions[bot]',
      type: 'Bot',
      permissions: { [REPOSITORY]: permissions },
    };
  }
  return tokens;
}

/** watchPods prints each change of the runner pods (appeared, phase and node, gone) until stopped. */
function watchPods(cluster: Cluster, onChange: (line: string) => void): () => Promise<void> {
  let stopped = false;
  const seen = new Map<string, string>();
  const loop = (async () => {
    while (!stopped) {
      const { stdout } = await cluster.kubectl(
        [
          'get',
          'pods',
          '-n',
          NAMESPACE,
          '-l',
          'app.kubernetes.io/managed-by=mlops-actions-runner-pod',
          '-o',
          'jsonpath={range .items[*]}{.metadata.name} {.status.phase} {.spec.nodeName}{"\\n"}{end}',
        ],
        { allowFail: true },
      );
      const now = new Map<string, string>();
      for (const line of stdout.split('\n').filter(Boolean)) {
        const [name = '', phase = '', node = ''] = line.split(' ');
        now.set(name, `${phase}${node ? ` on ${node}` : ''}`);
      }
      for (const [name, state] of now) {
        if (seen.get(name) !== state)
          onChange(`${seen.has(name) ? '' : 'appeared: '}pod ${NAMESPACE}/${name} ${state}`);
      }
      for (const name of seen.keys())
        if (!now.has(name)) onChange(`gone: pod ${NAMESPACE}/${name}`);
      seen.clear();
      for (const [k, v] of now) seen.set(k, v);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

/**
 * runRunnerPodDemo runs train-on-gpu.yml job by job (stop-runner also after a failed train, as
 * `if: always()` says) on a pull request of the example project, and prints the runner pod
 * appearing and disappearing. Without the control plane's binaries it says so and returns.
 */
export async function runRunnerPodDemo(
  progress: RunnerPodDemoProgress,
): Promise<RunnerPodDemoResult> {
  const podEvents: string[] = [];
  if (!kubeBinDir(true)) {
    const skipped =
      'needs the local Kubernetes control plane (bash scripts/bootstrap.sh builds it with scripts/kube/build.sh)';
    progress.step(`skipped: ${skipped}`);
    return { jobs: {}, label: undefined, podEvents, skipped };
  }
  const venv = pythonVenv();
  const venvBin = join(venv, 'bin');
  progress.phase('train-on-gpu (examples/workflows/train-on-gpu.yml): a runner pod for one run');
  const { workDir, originDir } = await createExampleRepo({ venvBin });
  const toolEnv = {
    ...process.env,
    PATH: `${venvBin}:${process.env['PATH']}`,
    DVC_NO_ANALYTICS: '1',
  };
  await run(join(venvBin, 'dvc'), ['repro', '--quiet'], { cwd: workDir, env: toolEnv });
  await run(join(venvBin, 'dvc'), ['push', '--quiet'], { cwd: workDir, env: toolEnv });
  await git(
    workDir,
    'add',
    'dvc.lock',
    'evaluation/metrics.json',
    'evaluation/plots',
    'model/training_history.json',
  );
  await git(workDir, 'commit', '-q', '-m', 'Train the model on main');
  await git(workDir, 'push', '-q', 'origin', 'main');
  const baseSha = await git(workDir, 'rev-parse', 'HEAD');
  await git(workDir, 'checkout', '-q', '-b', BRANCH);
  const paramsFile = join(workDir, 'params.yaml');
  const params = parseDocument(readFileSync(paramsFile, 'utf8'));
  const epochs = Number(params.getIn(['train', 'epochs']));
  params.setIn(['train', 'epochs'], Math.max(2, Math.round(epochs / 2)));
  writeFileSync(paramsFile, params.toString());
  await git(workDir, 'commit', '-q', '-am', 'Train for fewer epochs on the GPU runner');
  await git(workDir, 'push', '-q', 'origin', BRANCH);
  const headSha = await git(workDir, 'rev-parse', 'HEAD');
  const mergeSha = await pushPullRequestRefs(workDir, { number: 1, baseSha, headSha: headSha });
  progress.step(`pull request #1: ${BRANCH} (${headSha.slice(0, 7)}) into main`);

  const cluster = await startCluster({
    nodes: [
      { name: 'cpu-node' },
      { name: 'gpu-node', resources: { 'nvidia.com/gpu': '1' }, labels: { accelerator: 'nvidia' } },
    ],
  });
  const github = await startLocalGitHub({
    repositories: [{ fullName: REPOSITORY, gitDir: originDir, private: true }],
    pullRequests: [
      {
        repository: REPOSITORY,
        number: 1,
        title: 'Train on the GPU runner',
        head: { ref: BRANCH, sha: headSha },
        base: { ref: 'main', sha: baseSha },
      },
    ],
    tokens: jobTokens(),
  });
  const player = playRunnerPods(cluster, github);
  const stopWatching = watchPods(cluster, (line) => {
    podEvents.push(line);
    progress.step(`  [kubernetes] ${line}`);
  });
  try {
    await cluster.kubectl(['create', 'namespace', NAMESPACE]);
    progress.step(`Kubernetes ${cluster.url}: nodes cpu-node and gpu-node (1 nvidia.com/gpu)`);
    const event = pullRequestEvent({
      repository: REPOSITORY,
      number: 1,
      headRef: BRANCH,
      headSha,
      baseRef: 'main',
      baseSha,
      private: true,
    });
    const common = {
      workflow: WORKFLOW,
      event,
      repository: REPOSITORY,
      sha: mergeSha,
      ref: 'refs/pull/1/merge',
      apiUrl: github.url,
      serverUrl: github.serverUrl,
      token: 'unused',
      tokenFor: (job: string) => `ghs_gpu_${job.replace(/-/g, '_')}_token`,
      secrets: { RUNNER_ADMIN_TOKEN: ADMIN_TOKEN, KUBECONFIG: cluster.kubeconfig() },
      vars: { RUNNER_IMAGE: 'github-runner:2.330.0' },
      env: {
        HOME: process.env['HOME'] ?? '/tmp',
        DVC_NO_ANALYTICS: '1',
        PATH: `${cluster.binDir}:${process.env['PATH']}`,
      },
      standIns: {
        'actions/checkout': checkoutStandIn(originDir, { ref: 'refs/pull/1/merge', sha: mergeSha }),
        'actions/setup-python': setupPythonStandIn(venv),
      },
      onStep: (e: StepEvent) => {
        if (e.status === 'start') return;
        const mark = e.status === 'success' ? 'ok  ' : e.status === 'skipped' ? 'skip' : 'FAIL';
        const time = e.durationMs === undefined ? '' : ` (${(e.durationMs / 1000).toFixed(1)}s)`;
        progress.step(`  ${mark} ${e.name}${time}${e.reason ? `: ${e.reason}` : ''}`);
      },
    };
    const jobs: Record<string, JobResult | 'skipped'> = {};
    const result = (r: JobResult | 'skipped' | undefined) =>
      r === undefined || r === 'skipped' ? 'skipped' : r.success ? 'success' : 'failure';
    const runOne = async (
      job: string,
      needs: Record<string, { outputs: Record<string, string>; result: string }>,
    ) => {
      progress.step(`job ${job}: start`);
      const done = await runJob({ ...common, job, needs });
      jobs[job] = done;
      progress.step(`job ${job}: ${done.success ? 'success' : 'failure'}`);
      return done;
    };
    const outputsOf = (job: string) => {
      const r = jobs[job];
      return { outputs: r && r !== 'skipped' ? r.outputs : {}, result: result(r) };
    };
    const start = await runOne('start-runner', {});
    const label = start.outputs['label'];
    if (start.success) {
      progress.step(`runner ${label} online: train runs on [self-hosted, ${label}]`);
      const train = await runOne('train', { 'start-runner': outputsOf('start-runner') });
      if (train.success) await runOne('report', { train: outputsOf('train') });
      else jobs['report'] = 'skipped';
    } else {
      jobs['train'] = 'skipped';
      jobs['report'] = 'skipped';
    }
    // if: always() && needs.start-runner.result != 'skipped'
    await runOne('stop-runner', {
      'start-runner': outputsOf('start-runner'),
      train: outputsOf('train'),
    });
    // Let the watcher see the pod go.
    for (let i = 0; i < 30 && !podEvents.some((e) => e.startsWith('gone:')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    github.assertNoViolations();
    const registered = github.state.runners.map((r) => r.name);
    progress.step(
      `runners registered in GitHub after stop-runner: ${registered.length ? registered.join(', ') : 'none'}`,
    );
    return { jobs, label, podEvents, skipped: undefined };
  } finally {
    await stopWatching();
    await player.stop();
    await github.stop();
    await cluster.stop();
  }
}
