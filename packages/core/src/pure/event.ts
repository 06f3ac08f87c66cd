/** The pull request an event is about, as the payload describes it. */
export interface PullRequestInfo {
  number: number;
  headSha: string;
  headRef: string;
  headRepo: string;
  baseRef: string;
  baseSha: string;
  /** True when the head branch lives in another repository (a fork), whose pushes our token cannot make. */
  isFork: boolean;
}

/** EventContext is what every action needs to know about the run, read once from the environment and payload. */
export interface EventContext {
  eventName: string;
  owner: string;
  repo: string;
  /** The commit the workflow runs on: on pull_request this is the merge commit actions/checkout checks out. */
  sha: string;
  /** The commit people mean: the PR head on pull requests, otherwise `sha`. */
  headSha: string;
  ref: string;
  /** The branch a commit should go to: the PR head branch, or the pushed branch; undefined for tags. */
  branch: string | undefined;
  defaultBranch: string | undefined;
  pullRequest: PullRequestInfo | undefined;
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  runId: string;
  runAttempt: string;
  runUrl: string | undefined;
  actor: string;
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** readPullRequest extracts the pull request from a pull_request or pull_request_target payload. */
export function readPullRequest(payload: Json): PullRequestInfo | undefined {
  const pr = obj(payload['pull_request']);
  if (!pr) return undefined;
  const head = obj(pr['head']) ?? {};
  const base = obj(pr['base']) ?? {};
  const headRepo = str(obj(head['repo'])?.['full_name']);
  const baseRepo = str(obj(base['repo'])?.['full_name']);
  return {
    number: Number(pr['number'] ?? payload['number']),
    headSha: str(head['sha']),
    headRef: str(head['ref']),
    headRepo,
    baseRef: str(base['ref']),
    baseSha: str(base['sha']),
    // A deleted fork shows as a null head repo: treat it as a fork too (nothing can be pushed there).
    isFork: !headRepo || (baseRepo !== '' && headRepo.toLowerCase() !== baseRepo.toLowerCase()),
  };
}

/** eventContext combines the runner's GITHUB_* variables with the event payload. */
export function eventContext(env: Record<string, string | undefined>, payload: Json): EventContext {
  const [owner = '', repo = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  const serverUrl = (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, '');
  const apiUrl = (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '');
  const graphqlUrl = (env['GITHUB_GRAPHQL_URL'] || `${apiUrl}/graphql`).replace(/\/+$/, '');
  const sha = env['GITHUB_SHA'] ?? '';
  const ref = env['GITHUB_REF'] ?? '';
  const pullRequest = readPullRequest(payload);
  const runId = env['GITHUB_RUN_ID'] ?? '';
  const runAttempt = env['GITHUB_RUN_ATTEMPT'] ?? '1';
  let branch: string | undefined;
  if (pullRequest?.headRef) branch = pullRequest.headRef;
  else if (ref.startsWith('refs/heads/')) branch = ref.slice('refs/heads/'.length);
  const repository = obj(payload['repository']);
  return {
    eventName: env['GITHUB_EVENT_NAME'] ?? '',
    owner,
    repo,
    sha,
    headSha: pullRequest?.headSha || sha,
    ref,
    branch,
    defaultBranch: str(repository?.['default_branch']) || undefined,
    pullRequest,
    serverUrl,
    apiUrl,
    graphqlUrl,
    runId,
    runAttempt,
    runUrl:
      owner && runId
        ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}${runAttempt !== '1' ? `/attempts/${runAttempt}` : ''}`
        : undefined,
    actor: env['GITHUB_ACTOR'] ?? '',
  };
}
