// Options and state of the local GitHub stand-in.
import type { KeyObject } from 'node:crypto';

/** A fine-grained permission level, as GitHub names them for tokens and apps. */
export type PermissionLevel = 'read' | 'write' | 'none';

/** Repository permissions of a token; a missing key means `none`. */
export interface RepositoryPermissions {
  contents?: PermissionLevel;
  pull_requests?: PermissionLevel;
  issues?: PermissionLevel;
  administration?: PermissionLevel;
}

/** Organization permissions of a token; a missing key means `none`. */
export interface OrganizationPermissions {
  self_hosted_runners?: PermissionLevel;
}

/** A token the local GitHub accepts, and who it acts as. */
export interface LocalTokenOptions {
  /** Login of the account the token acts as, e.g. `github-actions[bot]`. */
  login: string;
  /** `Bot` for app and GITHUB_TOKEN-like tokens, `User` for personal tokens; default `User`. */
  type?: 'User' | 'Bot';
  /** Numeric account id; one is assigned when omitted. */
  id?: number;
  /**
   * Permissions per repository (`owner/name`, or `*` for every repository). A repository listed
   * here is visible to the token even when private; one not listed is visible only when public.
   */
  permissions?: Record<string, RepositoryPermissions>;
  /** Organization-level permissions per organization login (or `*`). */
  organizations?: Record<string, OrganizationPermissions>;
}

/** A repository the local GitHub serves. */
export interface LocalRepositoryOptions {
  /** `owner/name`. */
  fullName: string;
  private?: boolean;
  /** Default `main`. */
  defaultBranch?: string;
  /** Path of a bare git repository that backs refs, commits and `createCommitOnBranch`. */
  gitDir?: string;
  /** `owner/name` of the repository this one is a fork of (it must be listed too). */
  forkOf?: string;
  description?: string;
}

/** A pull request on one of the repositories. */
export interface LocalPullRequestOptions {
  /** `owner/name` of the base repository; default: the first repository. */
  repository?: string;
  number: number;
  title?: string;
  body?: string;
  /** Login of the author; default `octocat`. */
  author?: string;
  draft?: boolean;
  state?: 'open' | 'closed';
  head: {
    ref: string;
    /** Resolved from the backing git repository when omitted. */
    sha?: string;
    /** `owner/name` the head branch lives in (a fork); default: the base repository. */
    repository?: string;
  };
  base: {
    ref: string;
    /** Resolved from the backing git repository when omitted. */
    sha?: string;
  };
}

/** An issue on one of the repositories (pull requests are issues too and need no entry here). */
export interface LocalIssueOptions {
  repository?: string;
  number: number;
  title?: string;
  author?: string;
}

/** An installation of a GitHub App on an account. */
export interface LocalInstallationOptions {
  /** Assigned when omitted. */
  id?: number;
  /** Organization (or user) login the app is installed on. */
  account: string;
  /** Selected repositories (`owner/name`); all of the account's repositories when omitted. */
  repositories?: string[];
  /** App permissions, GitHub's names: `contents`, `issues`, `organization_self_hosted_runners`... */
  permissions?: Record<string, 'read' | 'write'>;
}

/** A GitHub App whose JWTs the local GitHub verifies. */
export interface LocalAppOptions {
  id: number;
  /** Default `test-app`. */
  slug?: string;
  clientId?: string;
  /** The app's public key (PEM or KeyObject) that RS256 JWTs are verified with. */
  publicKey: string | KeyObject;
  /** Default: one installation on each repository owner, with write access everywhere. */
  installations?: LocalInstallationOptions[];
}

/** Everything a local GitHub starts with. */
export interface LocalGitHubOptions {
  /** Default: one public repository `octo-org/demo`. */
  repositories?: LocalRepositoryOptions[];
  pullRequests?: LocalPullRequestOptions[];
  issues?: LocalIssueOptions[];
  /** Default: `ghs_test_token` as `github-actions[bot]` with write access everywhere. */
  tokens?: Record<string, LocalTokenOptions>;
  apps?: LocalAppOptions[];
  /** The fake web URL used in `html_url` fields; default `https://github.test`. */
  serverUrl?: string;
}

/** An account known to the local GitHub. */
export interface UserRecord {
  id: number;
  login: string;
  type: 'User' | 'Bot' | 'Organization';
}

/** A repository with its resolved settings. */
export interface RepositoryRecord {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  private: boolean;
  defaultBranch: string;
  gitDir?: string;
  forkOf?: string;
  description: string | null;
  createdAt: string;
}

/** A pull request with its resolved head and base. */
export interface PullRequestRecord {
  id: number;
  repository: string;
  number: number;
  title: string;
  body: string | null;
  author: string;
  draft: boolean;
  state: 'open' | 'closed';
  head: { ref: string; sha: string; repository: string };
  base: { ref: string; sha: string };
  createdAt: string;
}

/** A plain issue. */
export interface IssueRecord {
  id: number;
  repository: string;
  number: number;
  title: string;
  author: string;
  createdAt: string;
}

/** A comment on an issue or a pull request. */
export interface IssueCommentRecord {
  id: number;
  repository: string;
  issueNumber: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

/** A comment on a commit. */
export interface CommitCommentRecord {
  id: number;
  repository: string;
  commitSha: string;
  author: string;
  body: string;
  path: string | null;
  position: number | null;
  line: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Where a self-hosted runner or runner token belongs. */
export interface RunnerScope {
  kind: 'repository' | 'organization';
  /** `owner/name` or the organization login. */
  target: string;
}

/** A self-hosted runner registered through a JIT configuration. */
export interface RunnerRecord {
  id: number;
  scope: RunnerScope;
  name: string;
  labels: string[];
  runnerGroupId: number;
  workFolder: string;
  createdAt: string;
  /** Whether the runner is connected: tests play it (see `playRunnerPods`); offline by default. */
  status?: 'online' | 'offline';
  busy?: boolean;
}

/** A runner registration or remove token that was issued. */
export interface RunnerTokenRecord {
  kind: 'registration' | 'remove';
  scope: RunnerScope;
  token: string;
  expiresAt: string;
  issuedTo: string;
}

/** A just-in-time runner configuration that was issued. */
export interface JitConfigRecord {
  runnerId: number;
  scope: RunnerScope;
  encodedJitConfig: string;
  issuedTo: string;
}

/** An installation of an app. */
export interface InstallationRecord {
  id: number;
  appId: number;
  account: string;
  repositories: string[] | 'all';
  permissions: Record<string, 'read' | 'write'>;
  createdAt: string;
}

/** An installation access token minted through `POST /app/installations/{id}/access_tokens`. */
export interface InstallationTokenRecord {
  token: string;
  installationId: number;
  appId: number;
  permissions: Record<string, 'read' | 'write'>;
  repositories: string[] | 'all';
  expiresAt: string;
}

/** A release published on a tag (`POST /repos/{owner}/{repo}/releases`). */
export interface ReleaseRecord {
  id: number;
  repository: string;
  tagName: string;
  /** The commit the tag names, when the repository is backed by git. */
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: string;
  createdAt: string;
}

/** A token the server accepts, resolved. */
export interface TokenRecord {
  token: string;
  login: string;
  type: 'User' | 'Bot';
  permissions: Record<string, RepositoryPermissions>;
  organizations: Record<string, OrganizationPermissions>;
  /** ISO time after which the token is rejected (installation tokens only). */
  expiresAt?: string;
}

/** The live state of a local GitHub: inspect it in tests, or seed it before calling an action. */
export interface LocalGitHubState {
  users: UserRecord[];
  repositories: RepositoryRecord[];
  pullRequests: PullRequestRecord[];
  issues: IssueRecord[];
  tokens: Map<string, TokenRecord>;
  issueComments: IssueCommentRecord[];
  commitComments: CommitCommentRecord[];
  runners: RunnerRecord[];
  runnerTokens: RunnerTokenRecord[];
  jitConfigs: JitConfigRecord[];
  installations: InstallationRecord[];
  installationTokens: InstallationTokenRecord[];
  releases: ReleaseRecord[];
}

/** One request the local GitHub answered. */
export interface RequestLogEntry {
  method: string;
  /** Path with query string. */
  path: string;
  status: number;
  /** The OpenAPI operation it matched, or `graphql`. */
  operationId?: string;
  /** True when `failNext` answered it. */
  injected?: boolean;
}

/** Which requests `failNext` answers with a failure. */
export interface FailureMatch {
  /** HTTP method; any when omitted. */
  method?: string;
  /** Tested against the request path (without the query string). */
  path: RegExp;
}

/** A running local GitHub. */
export interface LocalGitHub {
  /** REST base URL: what `GITHUB_API_URL` is set to. */
  url: string;
  /** GraphQL endpoint: `${url}/graphql`. */
  graphqlUrl: string;
  /** Fake web URL used in `html_url` fields: what `GITHUB_SERVER_URL` is set to. */
  serverUrl: string;
  state: LocalGitHubState;
  requests: RequestLogEntry[];
  /** Every validation failure, request or response, and every call to a missing endpoint. */
  violations: string[];
  /** Throws an error that lists the violations, if there are any. */
  assertNoViolations(): void;
  /** Answers the next `times` matching requests with `status` (and `body`) instead of serving them. */
  failNext(match: FailureMatch, times: number, status: number, body?: unknown): void;
  /** Adds an issue or pull request comment as if `author` had written it. */
  seedIssueComment(input: {
    repository?: string;
    issueNumber: number;
    author: string;
    body: string;
  }): IssueCommentRecord;
  /** Comments on one issue or pull request, oldest first. */
  commentsOn(issueNumber: number, repository?: string): IssueCommentRecord[];
  stop(): Promise<void>;
}
