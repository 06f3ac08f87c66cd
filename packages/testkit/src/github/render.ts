// The JSON bodies the local GitHub answers, shaped as GitHub's REST API shapes them.
import { createHash } from 'node:crypto';
import type {
  CommitCommentRecord,
  InstallationRecord,
  IssueCommentRecord,
  PullRequestRecord,
  ReleaseRecord,
  RepositoryRecord,
  RunnerRecord,
  TokenRecord,
  UserRecord,
} from './types.ts';
import type { World } from './world.ts';

type Json = Record<string, unknown>;

/** A node id in GitHub's style: a type prefix and an opaque base64url tail. */
export function nodeId(prefix: string, id: number | string): string {
  const digest = createHash('sha1').update(`${prefix}:${id}`).digest('base64url').slice(0, 16);
  return `${prefix}_kgDO${digest}`;
}

function seg(value: string): string {
  return encodeURIComponent(value);
}

/** The `simple-user` object of an account. */
export function userJson(world: World, user: UserRecord): Json {
  const api = `${world.apiUrl}/users/${seg(user.login)}`;
  const html =
    user.type === 'Bot'
      ? `${world.serverUrl}/apps/${seg(user.login.replace(/\[bot\]$/, ''))}`
      : `${world.serverUrl}/${seg(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(
      user.type === 'Bot' ? 'BOT' : user.type === 'Organization' ? 'O' : 'U',
      user.id,
    ),
    avatar_url: `${world.serverUrl}/avatars/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: html,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The `simple-user` object of a login. */
export function loginJson(world: World, login: string): Json {
  return userJson(world, world.ensureUser(login));
}

/** The `private-user` object `GET /user` answers to a user token. */
export function privateUserJson(world: World, user: UserRecord): Json {
  const owned = world.state.repositories.filter((r) => r.owner === user.login);
  return {
    ...userJson(world, user),
    user_view_type: 'private',
    name: user.login,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: owned.filter((r) => !r.private).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: world.state.repositories[0]?.createdAt ?? '2020-01-01T00:00:00Z',
    updated_at: world.state.repositories[0]?.createdAt ?? '2020-01-01T00:00:00Z',
    private_gists: 0,
    total_private_repos: owned.filter((r) => r.private).length,
    owned_private_repos: owned.filter((r) => r.private).length,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}

/** The `repository` object (the shape nested in pull requests, forks and token answers). */
export function repositoryJson(world: World, repo: RepositoryRecord): Json {
  const api = `${world.apiUrl}/repos/${seg(repo.owner)}/${seg(repo.name)}`;
  const html = `${world.serverUrl}/${seg(repo.owner)}/${seg(repo.name)}`;
  const host = new URL(world.serverUrl).host;
  const owner = world.ensureUser(repo.owner, 'Organization');
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: userJson(world, owner),
    html_url: html,
    description: repo.description,
    fork: repo.forkOf !== undefined,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${repo.fullName}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${repo.fullName}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: world.state.repositories.filter((r) => r.forkOf === repo.fullName).length,
    forks: world.state.repositories.filter((r) => r.forkOf === repo.fullName).length,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: openIssueCount(world, repo),
    open_issues: openIssueCount(world, repo),
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    license: null,
    allow_forking: true,
    web_commit_signoff_required: false,
  };
}

function openIssueCount(world: World, repo: RepositoryRecord): number {
  const pulls = world.state.pullRequests.filter(
    (p) => p.repository === repo.fullName && p.state === 'open',
  ).length;
  return pulls + world.state.issues.filter((i) => i.repository === repo.fullName).length;
}

/** The `full-repository` object of `GET /repos/{owner}/{repo}`, with the caller's permissions. */
export function fullRepositoryJson(
  world: World,
  repo: RepositoryRecord,
  token: TokenRecord | undefined,
): Json {
  const body: Json = {
    ...repositoryJson(world, repo),
    subscribers_count: 0,
    network_count: world.state.repositories.filter((r) => r.forkOf === repo.fullName).length,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
    squash_merge_commit_message: 'COMMIT_MESSAGES',
    merge_commit_title: 'MERGE_MESSAGE',
    merge_commit_message: 'PR_TITLE',
    temp_clone_token: null,
  };
  if (world.isOrganization(repo.owner)) {
    body.organization = userJson(world, world.ensureUser(repo.owner, 'Organization'));
  }
  if (token) {
    const admin = world.allows(token, repo, 'administration', 'write');
    const push = world.allows(token, repo, 'contents', 'write');
    body.permissions = {
      admin,
      maintain: admin,
      push,
      triage:
        push ||
        world.allows(token, repo, 'issues', 'write') ||
        world.allows(token, repo, 'pull_requests', 'write'),
      pull: true,
    };
  }
  if (repo.forkOf) {
    const parent = world.repository(repo.forkOf);
    let source = parent;
    for (let hops = 0; source?.forkOf && hops < 20; hops++) {
      source = world.repository(source.forkOf) ?? source;
    }
    if (parent) body.parent = repositoryJson(world, parent);
    if (source) body.source = repositoryJson(world, source);
  }
  return body;
}

/** How the author of a comment is associated with the repository, as GitHub labels it. */
export function authorAssociation(world: World, repo: RepositoryRecord, login: string): string {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
  const user = world.ensureUser(login);
  if (user.type === 'Bot') return 'NONE';
  for (const token of world.state.tokens.values()) {
    if (token.login.toLowerCase() === login.toLowerCase() && token.type === 'User') {
      if (world.allows(token, repo, 'contents', 'write')) return 'COLLABORATOR';
    }
  }
  return 'NONE';
}

function reactionsJson(url: string): Json {
  return {
    url,
    total_count: 0,
    '+1': 0,
    '-1': 0,
    laugh: 0,
    confused: 0,
    heart: 0,
    hooray: 0,
    eyes: 0,
    rocket: 0,
  };
}

/** The `issue-comment` object. */
export function issueCommentJson(world: World, comment: IssueCommentRecord): Json {
  const repo = world.repository(comment.repository);
  if (!repo) throw new Error(`comment ${comment.id} names unknown repository`);
  const api = `${world.apiUrl}/repos/${seg(repo.owner)}/${seg(repo.name)}`;
  const isPull = world.state.pullRequests.some(
    (p) => p.repository === repo.fullName && p.number === comment.issueNumber,
  );
  const url = `${api}/issues/comments/${comment.id}`;
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url,
    html_url: `${world.serverUrl}/${repo.fullName}/${isPull ? 'pull' : 'issues'}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: loginJson(world, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    author_association: authorAssociation(world, repo, comment.author),
    performed_via_github_app: null,
    reactions: reactionsJson(`${url}/reactions`),
  };
}

/** The `commit-comment` object. */
export function commitCommentJson(world: World, comment: CommitCommentRecord): Json {
  const repo = world.repository(comment.repository);
  if (!repo) throw new Error(`comment ${comment.id} names unknown repository`);
  const url = `${world.apiUrl}/repos/${seg(repo.owner)}/${seg(repo.name)}/comments/${comment.id}`;
  return {
    html_url: `${world.serverUrl}/${repo.fullName}/commit/${comment.commitSha}#commitcomment-${comment.id}`,
    url,
    id: comment.id,
    node_id: nodeId('CC', comment.id),
    body: comment.body,
    path: comment.path,
    position: comment.position,
    line: comment.line,
    commit_id: comment.commitSha,
    user: loginJson(world, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(world, repo, comment.author),
    reactions: reactionsJson(`${url}/reactions`),
  };
}

/** Line statistics of a pull request, computed from git when the repository is backed. */
export interface PullStats {
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
}

/** The `pull-request` object of `GET /repos/{owner}/{repo}/pulls/{pull_number}`. */
export function pullRequestJson(world: World, pr: PullRequestRecord, stats: PullStats): Json {
  const repo = world.repository(pr.repository);
  if (!repo) throw new Error(`pull request ${pr.number} names unknown repository`);
  const headRepo = world.repository(pr.head.repository);
  const api = `${world.apiUrl}/repos/${seg(repo.owner)}/${seg(repo.name)}`;
  const html = `${world.serverUrl}/${repo.fullName}/pull/${pr.number}`;
  const headOwner = headRepo?.owner ?? pr.head.repository.split('/')[0] ?? repo.owner;
  const comments = world.state.issueComments.filter(
    (c) => c.repository === repo.fullName && c.issueNumber === pr.number,
  ).length;
  const link = (href: string) => ({ href });
  return {
    url: `${api}/pulls/${pr.number}`,
    id: pr.id,
    node_id: nodeId('PR', pr.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${api}/pulls/${pr.number}/commits`,
    review_comments_url: `${api}/pulls/${pr.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${pr.head.sha}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: loginJson(world, pr.author),
    body: pr.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.createdAt,
    closed_at: pr.state === 'closed' ? pr.createdAt : null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${headOwner}:${pr.head.ref}`,
      ref: pr.head.ref,
      sha: pr.head.sha,
      repo: headRepo ? repositoryJson(world, headRepo) : null,
      user: loginJson(world, headOwner),
    },
    base: {
      label: `${repo.owner}:${pr.base.ref}`,
      ref: pr.base.ref,
      sha: pr.base.sha,
      repo: repositoryJson(world, repo),
      user: loginJson(world, repo.owner),
    },
    _links: {
      self: link(`${api}/pulls/${pr.number}`),
      html: link(html),
      issue: link(`${api}/issues/${pr.number}`),
      comments: link(`${api}/issues/${pr.number}/comments`),
      review_comments: link(`${api}/pulls/${pr.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${pr.number}/commits`),
      statuses: link(`${api}/statuses/${pr.head.sha}`),
    },
    author_association: authorAssociation(world, repo, pr.author),
    auto_merge: null,
    draft: pr.draft,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: stats.commits,
    additions: stats.additions,
    deletions: stats.deletions,
    changed_files: stats.changedFiles,
  };
}

/** The `runner` object of a self-hosted runner. */
export function runnerJson(runner: RunnerRecord): Json {
  const builtIn = new Set(['self-hosted', 'linux', 'windows', 'macos', 'x64', 'arm', 'arm64']);
  return {
    id: runner.id,
    runner_group_id: runner.runnerGroupId,
    name: runner.name,
    os: 'unknown',
    status: runner.status ?? 'offline',
    busy: runner.busy ?? false,
    ephemeral: true,
    labels: runner.labels.map((name, index) => ({
      id: index + 1,
      name,
      type: builtIn.has(name.toLowerCase()) ? 'read-only' : 'custom',
    })),
  };
}

/** The `installation` object of an app installation. */
export function installationJson(world: World, installation: InstallationRecord): Json {
  const app = world.apps.find((a) => a.id === installation.appId);
  const account = world.ensureUser(installation.account, 'Organization');
  return {
    id: installation.id,
    account: userJson(world, account),
    repository_selection: installation.repositories === 'all' ? 'all' : 'selected',
    access_tokens_url: `${world.apiUrl}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${world.apiUrl}/installation/repositories`,
    html_url: `${world.serverUrl}/organizations/${seg(account.login)}/settings/installations/${installation.id}`,
    app_id: installation.appId,
    app_slug: app?.slug ?? 'test-app',
    target_id: account.id,
    target_type: account.type === 'Organization' ? 'Organization' : 'User',
    permissions: installation.permissions,
    events: [],
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

/** The `release` object of the releases endpoints. */
export function releaseJson(world: World, release: ReleaseRecord): Json {
  const repo = world.repository(release.repository);
  if (!repo) throw new Error(`release ${release.id} names unknown repository`);
  const api = `${world.apiUrl}/repos/${seg(repo.owner)}/${seg(repo.name)}`;
  const url = `${api}/releases/${release.id}`;
  const tag = seg(release.tagName);
  return {
    url,
    html_url: `${world.serverUrl}/${repo.fullName}/releases/tag/${tag}`,
    assets_url: `${url}/assets`,
    upload_url: `${url}/assets{?name,label}`,
    tarball_url: `${api}/tarball/${tag}`,
    zipball_url: `${api}/zipball/${tag}`,
    id: release.id,
    node_id: nodeId('RE', release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    published_at: release.draft ? null : release.createdAt,
    author: loginJson(world, release.author),
    assets: [],
  };
}
