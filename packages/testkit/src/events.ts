/** Fields of a pull_request payload that tests vary; the rest gets realistic defaults. */
export interface PullRequestEventOptions {
  repository?: string;
  number?: number;
  headRef?: string;
  headSha: string;
  /** `owner/name` of the head repository; differs from `repository` for a fork. */
  headRepository?: string;
  baseRef?: string;
  baseSha: string;
  action?: string;
  author?: string;
  private?: boolean;
}

function repositoryObject(fullName: string, isPrivate: boolean, defaultBranch: string) {
  const [owner, name] = fullName.split('/');
  return {
    id: 1000 + fullName.length,
    node_id: 'R_kgDOtest',
    name,
    full_name: fullName,
    private: isPrivate,
    owner: { login: owner, id: 1, type: 'Organization' },
    html_url: `https://github.com/${fullName}`,
    fork: false,
    default_branch: defaultBranch,
  };
}

/** pullRequestEvent builds a pull_request webhook payload shaped like GitHub's. */
export function pullRequestEvent(o: PullRequestEventOptions): {
  name: string;
  payload: Record<string, unknown>;
} {
  const repository = o.repository ?? 'octo-org/demo';
  const number = o.number ?? 7;
  const baseRef = o.baseRef ?? 'main';
  const base = repositoryObject(repository, o.private ?? false, 'main');
  const head =
    o.headRepository && o.headRepository !== repository
      ? { ...repositoryObject(o.headRepository, false, 'main'), fork: true }
      : base;
  return {
    name: 'pull_request',
    payload: {
      action: o.action ?? 'synchronize',
      number,
      pull_request: {
        id: 5000 + number,
        number,
        state: 'open',
        title: 'Change a parameter',
        user: { login: o.author ?? 'octocat', id: 2, type: 'User' },
        html_url: `https://github.com/${repository}/pull/${number}`,
        head: {
          label: `${head.owner.login}:${o.headRef ?? 'feature'}`,
          ref: o.headRef ?? 'feature',
          sha: o.headSha,
          repo: head,
        },
        base: { label: `${base.owner.login}:${baseRef}`, ref: baseRef, sha: o.baseSha, repo: base },
      },
      repository: base,
      sender: { login: o.author ?? 'octocat', id: 2, type: 'User' },
    },
  };
}

/** pushEvent builds a push webhook payload shaped like GitHub's. */
export function pushEvent(o: { repository?: string; ref?: string; sha: string; before?: string }): {
  name: string;
  payload: Record<string, unknown>;
} {
  const repository = o.repository ?? 'octo-org/demo';
  return {
    name: 'push',
    payload: {
      ref: o.ref ?? 'refs/heads/main',
      before: o.before ?? '0'.repeat(40),
      after: o.sha,
      head_commit: {
        id: o.sha,
        message: 'Merge pull request',
        timestamp: new Date(0).toISOString(),
      },
      repository: repositoryObject(repository, false, 'main'),
      pusher: { name: 'octocat' },
      sender: { login: 'octocat', id: 2, type: 'User' },
    },
  };
}
