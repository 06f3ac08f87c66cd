// Runs a workflow that init wrote the way the runner would (testkit's local workflow runner, our
// actions from their dist/ bundles) on a pull request of a local repository, against the local
// GitHub, each job with a token holding exactly its `permissions:`.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import {
  checkoutStandIn,
  type JobResult,
  type LocalTokenOptions,
  pullRequestEvent,
  type RepositoryPermissions,
  runWorkflow,
  setupPythonStandIn,
  startLocalGitHub,
} from '@mlops-actions/testkit';
import { parse } from 'yaml';

const execFileAsync = promisify(execFile);

/** git runs one git command in a folder as a data scientist would. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Data Scientist',
      GIT_AUTHOR_EMAIL: 'scientist@example.com',
      GIT_COMMITTER_NAME: 'Data Scientist',
      GIT_COMMITTER_EMAIL: 'scientist@example.com',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

function jobTokens(workflow: string, repository: string): Record<string, LocalTokenOptions> {
  const spec = parse(readFileSync(workflow, 'utf8')) as {
    jobs: Record<string, { permissions?: Record<string, string> }>;
  };
  const tokens: Record<string, LocalTokenOptions> = {};
  for (const [job, { permissions = {} }] of Object.entries(spec.jobs)) {
    const granted: RepositoryPermissions = {};
    for (const [scope, level] of Object.entries(permissions)) {
      const key = scope.replace(/-/g, '_') as keyof RepositoryPermissions;
      if (['contents', 'pull_requests', 'issues'].includes(key))
        granted[key] = level as 'read' | 'write';
    }
    tokens[`ghs_${job.replace(/-/g, '_')}_token`] = {
      login: 'github-actions[bot]',
      type: 'Bot',
      permissions: { [repository]: granted },
    };
  }
  return tokens;
}

/** What a pull request run left. */
export interface PullRequestRun {
  jobs: Record<string, JobResult | 'skipped'>;
  comments: string[];
  headSha: string;
}

/**
 * runPullRequest opens pull request #1 from a new branch (its change made by `change`) of a repo
 * whose `main` is pushed to `originDir`, and runs `workflow` on it.
 */
export async function runPullRequest(options: {
  workDir: string;
  originDir: string;
  workflow: string;
  venv: string;
  change: () => void;
  env: Record<string, string>;
  secrets?: Record<string, string>;
}): Promise<PullRequestRun> {
  const repository = 'acme/project';
  const { workDir, originDir } = options;
  const baseSha = await git(workDir, 'rev-parse', 'HEAD');
  await git(workDir, 'checkout', '-q', '-b', 'tune');
  options.change();
  await git(workDir, 'commit', '-q', '-am', 'Change a parameter');
  await git(workDir, 'push', '-q', 'origin', 'tune');
  const headSha = await git(workDir, 'rev-parse', 'HEAD');
  const mergeSha = await git(
    workDir,
    'commit-tree',
    `${headSha}^{tree}`,
    '-p',
    baseSha,
    '-p',
    headSha,
    '-m',
    'Merge',
  );
  await git(
    workDir,
    'push',
    '-q',
    'origin',
    `${headSha}:refs/pull/1/head`,
    `${mergeSha}:refs/pull/1/merge`,
  );
  const github = await startLocalGitHub({
    repositories: [{ fullName: repository, gitDir: originDir, private: true }],
    pullRequests: [
      {
        repository,
        number: 1,
        title: 'Change a parameter',
        head: { ref: 'tune', sha: headSha },
        base: { ref: 'main', sha: baseSha },
      },
    ],
    tokens: jobTokens(options.workflow, repository),
  });
  try {
    const jobs = await runWorkflow({
      workflow: options.workflow,
      event: pullRequestEvent({
        repository,
        number: 1,
        headRef: 'tune',
        headSha,
        baseRef: 'main',
        baseSha,
        private: true,
      }),
      repository,
      sha: mergeSha,
      ref: 'refs/pull/1/merge',
      apiUrl: github.url,
      serverUrl: github.serverUrl,
      token: 'unused',
      tokenFor: (job) => `ghs_${job.replace(/-/g, '_')}_token`,
      env: options.env,
      ...(options.secrets ? { secrets: options.secrets } : {}),
      standIns: {
        'actions/checkout': checkoutStandIn(originDir, { ref: 'refs/pull/1/merge', sha: mergeSha }),
        'actions/setup-python': setupPythonStandIn(options.venv),
      },
    });
    github.assertNoViolations();
    const comments = github.state.issueComments
      .filter((c) => c.issueNumber === 1)
      .map((c) => c.body);
    return { jobs, comments, headSha };
  } finally {
    await github.stop();
  }
}

/** failure says which step of which job failed, with the end of its log. */
export function failure(jobs: Record<string, JobResult | 'skipped'>): string {
  for (const [name, job] of Object.entries(jobs)) {
    if (job === 'skipped') continue;
    const step = job.steps.find((s) => s.outcome === 'failure');
    if (step) return `${name} / ${step.name}:\n${step.log.split('\n').slice(-40).join('\n')}`;
  }
  return '';
}
