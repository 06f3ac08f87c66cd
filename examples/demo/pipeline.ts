// The local end-to-end demo: the example project in a temporary git repository with a bare origin
// and a local DVC remote, a pull request that changes a parameter, the train-and-report workflow
// run from its YAML (our actions from their dist/ bundles, as the runner would) against the local
// GitHub, then the merge and the publish-and-deploy workflow as far as this machine allows.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import {
  BASE_IMAGE,
  buildahEnv,
  checkoutStandIn,
  createExampleRepo,
  ensureBaseImage,
  type JobResult,
  kubeBinDir,
  type LocalTokenOptions,
  pullRequestEvent,
  pushEvent,
  pythonVenv,
  type RepositoryPermissions,
  repoRoot,
  runWorkflow,
  type StepEvent,
  scratchDir,
  setupPythonStandIn,
  startCluster,
  startLocalGitHub,
  startRegistry,
  startRetryProxy,
  testCertificate,
} from '@mlops-actions/testkit';
import { parse, parseDocument } from 'yaml';
import { git, pushPullRequestRefs } from './git.ts';
import {
  imagesFromOrigin,
  JobRecorder,
  type PageComment,
  type PageJob,
  renderPage,
} from './page.ts';

const run = promisify(execFile);

/** What the demo reports as it goes. */
export interface DemoProgress {
  phase(title: string): void;
  step(line: string): void;
}

/** What the demo produced, for the printout and for the end-to-end test. */
export interface DemoResult {
  workDir: string;
  originDir: string;
  trainAndReport: Record<string, JobResult | 'skipped'>;
  publishAndDeploy: Record<string, JobResult | 'skipped'> | undefined;
  reportPath: string | undefined;
  comments: { id: number; author: string; body: string }[];
  lockCommit: { sha: string; subject: string; files: string[] } | undefined;
  /** The image the Deployment runs after publish-and-deploy, when it got that far. */
  deployedImage: string | undefined;
  skipped: string[];
  /** train-and-report again after a second push to the pull request (another parameter). */
  secondRun: Record<string, JobResult | 'skipped'>;
  /** The report comment as it stood after each train-and-report run. */
  commentVersions: PageComment[];
  /** Every job run, in the order they ran, with their steps' times and job summaries. */
  jobs: PageJob[];
  /** The self-contained HTML page of the pull request (demo/page.ts). */
  pagePath: string;
}

/** What a demo run may change. */
export interface DemoOptions {
  /** Folder of the workflows to run (default examples/workflows). */
  workflows?: string;
}

/** The registry side of publish-and-deploy: what the workflow's vars, secrets and runner get. */
interface ImageBuilds {
  vars: Record<string, string>;
  secrets: Record<string, string>;
  env: Record<string, string>;
  stop(): Promise<void>;
}

const IMAGE_TOOLS = ['buildah', 'skopeo', 'docker-registry', 'debootstrap'];

function onPath(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v "$1"', 'sh', tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * imageBuilds sets up what a real runner and registry would give publish-and-deploy: buildah with
 * a base image made on this machine, and Debian's registry behind TLS on 127.0.0.1 (buildah logs
 * in only over TLS). Undefined when a tool is missing.
 */
async function imageBuilds(progress: DemoProgress): Promise<ImageBuilds | undefined> {
  if (IMAGE_TOOLS.some((t) => !onPath(t))) return undefined;
  const buildah = buildahEnv();
  progress.step('base image for the bento (debootstrap, first run only; then cached)');
  const base = await ensureBaseImage(buildah.env);
  progress.step(
    `base image ${BASE_IMAGE} ${base.built ? 'built' : 'reused'} in ${(base.ms / 1000).toFixed(0)}s`,
  );
  const password = `demo-${Date.now().toString(36)}`;
  const certificate = testCertificate();
  const registry = await startRegistry({ users: { octocat: password } });
  const proxy = await startRetryProxy(registry.host, [], { tls: certificate });
  progress.step(`container registry on ${proxy.host}`);
  return {
    vars: {
      IMAGE_REPOSITORY: `${proxy.host}/octo-org/digits-classifier`,
      REGISTRY: proxy.host,
      CONTAINER_BACKEND: 'buildah',
    },
    secrets: { REGISTRY_PASSWORD: password },
    env: { ...buildah.env, SSL_CERT_FILE: certificate.bundleFile },
    async stop() {
      await proxy.stop();
      await registry.stop();
    },
  };
}

const REPOSITORY = 'octo-org/digits';
const BRANCH = 'tune-model';
const WORKFLOWS = join(repoRoot, 'examples', 'workflows');

/** jobTokens mints one local GitHub token per workflow job, with exactly that job's permissions. */
function jobTokens(workflowFile: string, prefix: string): Record<string, LocalTokenOptions> {
  const workflow = parse(readFileSync(workflowFile, 'utf8')) as {
    jobs: Record<string, { permissions?: Record<string, string> }>;
  };
  const tokens: Record<string, LocalTokenOptions> = {};
  for (const [job, spec] of Object.entries(workflow.jobs)) {
    const permissions: RepositoryPermissions = {};
    for (const [scope, level] of Object.entries(spec.permissions ?? {})) {
      const key = scope.replace(/-/g, '_') as keyof RepositoryPermissions;
      if (['contents', 'pull_requests', 'issues', 'administration'].includes(key)) {
        permissions[key] = level as 'read' | 'write';
      }
    }
    tokens[`ghs_${prefix}_${job.replace(/-/g, '_')}_token`] = {
      login: 'github-actions[bot]',
      type: 'Bot',
      permissions: { [REPOSITORY]: permissions },
    };
  }
  return tokens;
}

/** runDemo runs the whole pipeline locally and returns what it produced. */
export async function runDemo(
  progress: DemoProgress,
  options: DemoOptions = {},
): Promise<DemoResult> {
  const venv = pythonVenv();
  const recorder = new JobRecorder();
  const skipped: string[] = [];
  const venvEnv = { PATH: `${join(venv, 'bin')}:${process.env['PATH']}` };
  // What every step of a job sees of the runner machine.
  const runnerEnv = { HOME: process.env['HOME'] ?? '/tmp', DVC_NO_ANALYTICS: '1' };
  const stepLine = (e: StepEvent) => {
    recorder.step(e);
    if (e.status === 'start') return;
    const mark = e.status === 'success' ? 'ok  ' : e.status === 'skipped' ? 'skip' : 'FAIL';
    const time = e.durationMs === undefined ? '' : ` (${(e.durationMs / 1000).toFixed(1)}s)`;
    progress.step(`  ${mark} ${e.name}${time}${e.reason ? `: ${e.reason}` : ''}`);
  };

  progress.phase('The example project, trained once on main');
  const repo = await createExampleRepo({ venvBin: join(venv, 'bin') });
  const { workDir, originDir } = repo;
  progress.step(`project copied to ${workDir}, origin ${originDir}`);
  const builds = await imageBuilds(progress);
  if (builds) {
    // No base image can be pulled here: the bento builds on the one made on this machine.
    const bentofile = join(workDir, 'bentofile.yaml');
    const text = readFileSync(bentofile, 'utf8');
    writeFileSync(
      bentofile,
      text.replace(/^ {2}# base_image: .*$/m, `  base_image: ${BASE_IMAGE}`),
    );
  }
  await run(join(venv, 'bin', 'dvc'), ['repro', '--quiet'], {
    cwd: workDir,
    env: { ...process.env, ...venvEnv },
  });
  await run(join(venv, 'bin', 'dvc'), ['push', '--quiet'], {
    cwd: workDir,
    env: { ...process.env, ...venvEnv },
  });
  // The project keeps dvc.lock and its small uncached outputs (metrics, plot data) in git.
  await git(
    workDir,
    'add',
    'dvc.lock',
    'evaluation/metrics.json',
    'evaluation/plots',
    'model/training_history.json',
    'bentofile.yaml',
  );
  await git(workDir, 'commit', '-q', '-m', 'Train the model on main');
  await git(workDir, 'push', '-q', 'origin', 'main');
  const baseSha = await git(workDir, 'rev-parse', 'HEAD');
  progress.step(
    `main trained and pushed at ${baseSha.slice(0, 7)} (metrics and model in the DVC remote)`,
  );

  progress.phase('A pull request that changes a parameter');
  await git(workDir, 'checkout', '-q', '-b', BRANCH);
  const paramsFile = join(workDir, 'params.yaml');
  const params = parseDocument(readFileSync(paramsFile, 'utf8'));
  const epochs = Number(params.getIn(['train', 'epochs']));
  params.setIn(['train', 'epochs'], Math.max(2, Math.round(epochs / 2)));
  writeFileSync(paramsFile, params.toString());
  await git(
    workDir,
    'commit',
    '-q',
    '-am',
    `Train for ${params.getIn(['train', 'epochs'])} epochs instead of ${epochs}`,
  );
  await git(workDir, 'push', '-q', 'origin', BRANCH);
  const headSha = await git(workDir, 'rev-parse', 'HEAD');
  // GitHub keeps refs/pull/N/head and a test merge refs/pull/N/merge for every pull request.
  const mergeSha = await pushPullRequestRefs(workDir, { number: 1, baseSha, headSha: headSha });
  progress.step(
    `pull request #1: ${BRANCH} (${headSha.slice(0, 7)}) into main; merge ref ${mergeSha.slice(0, 7)}`,
  );

  const trainWorkflow = join(options.workflows ?? WORKFLOWS, 'train-and-report.yml');
  const publishWorkflow = join(WORKFLOWS, 'publish-and-deploy.yml');
  const tokens = { ...jobTokens(trainWorkflow, 'pr'), ...jobTokens(publishWorkflow, 'main') };
  const github = await startLocalGitHub({
    repositories: [{ fullName: REPOSITORY, gitDir: originDir, private: true }],
    pullRequests: [
      {
        repository: REPOSITORY,
        number: 1,
        title: 'Tune the model',
        head: { ref: BRANCH, sha: headSha },
        base: { ref: 'main', sha: baseSha },
      },
    ],
    tokens,
  });
  try {
    progress.phase('train-and-report (examples/workflows/train-and-report.yml)');
    const event = pullRequestEvent({
      repository: REPOSITORY,
      number: 1,
      headRef: BRANCH,
      headSha,
      baseRef: 'main',
      baseSha,
      private: true,
    });
    const trainAndReport = await runWorkflow({
      workflow: trainWorkflow,
      event,
      repository: REPOSITORY,
      sha: mergeSha,
      ref: 'refs/pull/1/merge',
      apiUrl: github.url,
      serverUrl: github.serverUrl,
      token: 'unused',
      tokenFor: (job) => `ghs_pr_${job.replace(/-/g, '_')}_token`,
      env: runnerEnv,
      standIns: {
        'actions/checkout': checkoutStandIn(originDir, { ref: 'refs/pull/1/merge', sha: mergeSha }),
        'actions/setup-python': setupPythonStandIn(venv),
      },
      onJob: (job, status) => progress.step(`job ${job}: ${status}`),
      onStep: stepLine,
    });
    github.assertNoViolations();

    const report = trainAndReport['report'];
    const reportPath =
      report && report !== 'skipped'
        ? report.steps.find((s) => s.outputs['report-path'])?.outputs['report-path']
        : undefined;
    await git(workDir, 'fetch', '-q', 'origin', BRANCH);
    const tip = await git(workDir, 'log', '-1', '--format=%H%x00%s', `origin/${BRANCH}`);
    const [sha = '', subject = ''] = tip.split('\0');
    const files = (await git(workDir, 'show', '--name-only', '--format=', sha))
      .split('\n')
      .filter(Boolean);
    const lockCommit = sha !== headSha ? { sha, subject, files } : undefined;
    recorder.take('train-and-report', 'run 1: pull request opened', trainAndReport);
    const commentVersions: PageComment[] = [];
    const snapshotComments = (after: string) => {
      for (const c of github.state.issueComments)
        if (c.repository === REPOSITORY && c.issueNumber === 1)
          commentVersions.push({
            id: c.id,
            author: c.author,
            body: c.body,
            createdAt: c.createdAt,
            updatedAt: c.updatedAt,
            after,
          });
    };
    snapshotComments('after run 1');

    progress.phase('A second push to the pull request: another parameter, the same comment');
    await git(workDir, 'checkout', '-q', '-B', BRANCH, `origin/${BRANCH}`);
    const params2 = parseDocument(readFileSync(paramsFile, 'utf8'));
    const rate = Number(params2.getIn(['train', 'optimizer', 'learning_rate']));
    params2.setIn(['train', 'optimizer', 'learning_rate'], rate * 2);
    writeFileSync(paramsFile, params2.toString());
    await git(workDir, 'commit', '-q', '-am', `Double the learning rate to ${rate * 2}`);
    await git(workDir, 'push', '-q', 'origin', BRANCH);
    const headSha2 = await git(workDir, 'rev-parse', 'HEAD');
    const mergeSha2 = await pushPullRequestRefs(workDir, { number: 1, baseSha, headSha: headSha2 });
    const pull = github.state.pullRequests.find((p) => p.number === 1)!;
    pull.head.sha = headSha2;
    progress.step(
      `pull request #1 now at ${headSha2.slice(0, 7)}; merge ref ${mergeSha2.slice(0, 7)}`,
    );
    const secondRun = await runWorkflow({
      workflow: trainWorkflow,
      event: pullRequestEvent({
        repository: REPOSITORY,
        number: 1,
        headRef: BRANCH,
        headSha: headSha2,
        baseRef: 'main',
        baseSha,
        private: true,
      }),
      repository: REPOSITORY,
      sha: mergeSha2,
      ref: 'refs/pull/1/merge',
      apiUrl: github.url,
      serverUrl: github.serverUrl,
      token: 'unused',
      tokenFor: (job) => `ghs_pr_${job.replace(/-/g, '_')}_token`,
      env: runnerEnv,
      standIns: {
        'actions/checkout': checkoutStandIn(originDir, {
          ref: 'refs/pull/1/merge',
          sha: mergeSha2,
        }),
        'actions/setup-python': setupPythonStandIn(venv),
      },
      onJob: (job, status) => progress.step(`job ${job}: ${status}`),
      onStep: stepLine,
    });
    github.assertNoViolations();
    recorder.take('train-and-report', 'run 2: a second push', secondRun);
    snapshotComments('after run 2');
    await git(workDir, 'fetch', '-q', 'origin', BRANCH);
    const branchCommits = (
      await git(workDir, 'log', '--reverse', '--format=%H%x00%s', `main..origin/${BRANCH}`)
    )
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [commitSha = '', commitSubject = ''] = line.split('\0');
        return { sha: commitSha, subject: commitSubject };
      });

    progress.phase('Merge, then publish-and-deploy (examples/workflows/publish-and-deploy.yml)');
    await git(workDir, 'checkout', '-q', 'main');
    await git(
      workDir,
      'merge',
      '-q',
      '--no-ff',
      '-m',
      `Merge pull request #1 from ${BRANCH}`,
      `origin/${BRANCH}`,
    );
    await git(workDir, 'push', '-q', 'origin', 'main');
    const mainSha = await git(workDir, 'rev-parse', 'HEAD');
    progress.step(`pull request #1 merged into main at ${mainSha.slice(0, 7)}`);
    // The real control plane (scripts/kube); without its binaries only the rollout is skipped.
    const kube = kubeBinDir(true) ? await startCluster() : undefined;
    if (kube)
      progress.step(
        `Kubernetes ${kube.url}: etcd, kube-apiserver, controller manager, scheduler, kwok nodes`,
      );
    else
      skipped.push(
        "deploy: needs the local Kubernetes control plane ('bash scripts/kube/build.sh' builds it; npm test's bootstrap does), so the rollout step is skipped",
      );
    if (!builds) {
      skipped.push(
        `containerize and push: needs ${IMAGE_TOOLS.filter((t) => !onPath(t)).join(', ')} (npm test's bootstrap installs them); the bento is still built`,
        'deploy: needs an image, so the rollout step is skipped',
      );
    }
    let publishAndDeploy: DemoResult['publishAndDeploy'];
    let deployedImage: string | undefined;
    try {
      publishAndDeploy = await runWorkflow({
        workflow: publishWorkflow,
        event: pushEvent({ repository: REPOSITORY, sha: mainSha, before: baseSha }),
        repository: REPOSITORY,
        sha: mainSha,
        ref: 'refs/heads/main',
        apiUrl: github.url,
        serverUrl: github.serverUrl,
        token: 'unused',
        tokenFor: (job) => `ghs_main_${job.replace(/-/g, '_')}_token`,
        vars: builds?.vars ?? {},
        secrets: { ...(builds?.secrets ?? {}), ...(kube ? { KUBECONFIG: kube.kubeconfig() } : {}) },
        env: { ...runnerEnv, ...(builds?.env ?? {}), BENTOML_HOME: scratchDir('bentoml-home-') },
        standIns: {
          'actions/checkout': checkoutStandIn(originDir, { ref: 'refs/heads/main', sha: mainSha }),
          'actions/setup-python': setupPythonStandIn(venv),
        },
        onJob: (job, status) => progress.step(`job ${job}: ${status}`),
        onStep: stepLine,
      });
      const deployment = await kube?.get<{
        spec?: { template?: { spec?: { containers?: { image?: string }[] } } };
      }>('deployment', 'digits-classifier', 'default');
      deployedImage = deployment?.spec?.template?.spec?.containers?.[0]?.image;
      if (deployment && kube) {
        const { stdout } = await kube.kubectl([
          'get',
          'deploy,rs,pods',
          '-n',
          'default',
          '-o',
          'wide',
        ]);
        progress.step(`kubectl get deploy,rs,pods:\n${stdout.trimEnd()}`);
      }
    } finally {
      await kube?.stop();
      await builds?.stop();
    }
    if (publishAndDeploy)
      recorder.take('publish-and-deploy', 'push to main after the merge', publishAndDeploy);
    const pagePath = join(dirname(workDir), 'pull-request-1.html');
    writeFileSync(
      pagePath,
      renderPage({
        repository: REPOSITORY,
        pullRequest: {
          number: 1,
          title: 'Tune the model',
          head: BRANCH,
          base: 'main',
          author: 'octocat',
        },
        commits: branchCommits,
        comments: commentVersions,
        jobs: recorder.jobs,
        image: imagesFromOrigin(originDir, github.serverUrl, REPOSITORY),
      }),
    );
    return {
      workDir,
      originDir,
      trainAndReport,
      publishAndDeploy,
      reportPath,
      comments: commentVersions
        .filter((c) => c.after === 'after run 2')
        .map(({ id, author, body }) => ({ id, author, body })),
      lockCommit,
      deployedImage,
      skipped,
      secondRun,
      commentVersions,
      jobs: recorder.jobs,
      pagePath,
    };
  } finally {
    await github.stop();
  }
}
