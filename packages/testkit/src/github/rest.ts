// The REST endpoints the local GitHub serves, with GitHub's status codes and rules.
import { randomBytes } from 'node:crypto';
import { diffStats, resolveCommit } from './git.ts';
import type { OpenApiOperation } from './openapi.ts';
import {
  commitCommentJson,
  fullRepositoryJson,
  installationJson,
  issueCommentJson,
  privateUserJson,
  pullRequestJson,
  releaseJson,
  repositoryJson,
  runnerJson,
} from './render.ts';
import type {
  IssueCommentRecord,
  PermissionLevel,
  RepositoryPermissions,
  RepositoryRecord,
  RunnerScope,
  TokenRecord,
} from './types.ts';
import { type AppRecord, isoNow, type RepositoryPermission, World } from './world.ts';

/** Who a request acts as: nobody, a token, or a GitHub App through its JWT. */
export type Auth =
  | { kind: 'anonymous' }
  | { kind: 'token'; token: TokenRecord }
  | { kind: 'app'; app: AppRecord };

/** What a handler gets: the validated, typed request and the world it acts on. */
export interface RestContext {
  world: World;
  operation: OpenApiOperation;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  auth: Auth;
  /** The request URL (for pagination links). */
  url: URL;
  /** Records a problem the test should see (a gap in the stand-in, not the caller's fault). */
  violation(message: string): void;
}

/** What a handler answers. */
export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An error answer with GitHub's body shape (`message`, `documentation_url`, `status`). */
export class HttpError extends Error {
  readonly status: number;
  readonly errors: unknown[] | undefined;

  constructor(status: number, message: string, errors?: unknown[]) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.errors = errors;
  }
}

/** The most characters GitHub accepts in a comment body. */
export const MAX_COMMENT_LENGTH = 65536;
const DEFAULT_RUNNER_GROUP_ID = 1;
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

function notFound(): HttpError {
  return new HttpError(404, 'Not Found');
}

function forbiddenFor(auth: Auth): HttpError {
  if (auth.kind === 'anonymous') return new HttpError(401, 'Requires authentication');
  if (auth.kind === 'token' && auth.token.type === 'User') {
    return new HttpError(403, 'Resource not accessible by personal access token');
  }
  return new HttpError(403, 'Resource not accessible by integration');
}

function tokenOf(auth: Auth): TokenRecord | undefined {
  return auth.kind === 'token' ? auth.token : undefined;
}

function callerLogin(ctx: RestContext): string {
  if (ctx.auth.kind !== 'token') throw forbiddenFor(ctx.auth);
  return ctx.auth.token.login;
}

type Need = { permission: RepositoryPermission; level: PermissionLevel };

/** The repository named by the path, if the caller may see it and holds one of the needs. */
function requireRepository(ctx: RestContext, needs: Need[] = []): RepositoryRecord {
  if (ctx.auth.kind === 'app') throw forbiddenFor(ctx.auth);
  const token = tokenOf(ctx.auth);
  const repo = ctx.world.repository(`${String(ctx.params.owner)}/${String(ctx.params.repo)}`);
  if (!repo || !ctx.world.canSee(token, repo)) throw notFound();
  if (needs.length === 0) return repo;
  if (needs.some((n) => ctx.world.allows(token, repo, n.permission, n.level))) return repo;
  throw forbiddenFor(ctx.auth);
}

function issueTarget(ctx: RestContext, repo: RepositoryRecord, number: number) {
  const pull = ctx.world.state.pullRequests.find(
    (p) => p.repository === repo.fullName && p.number === number,
  );
  if (pull) return { kind: 'pull' as const, number };
  const issue = ctx.world.state.issues.find(
    (i) => i.repository === repo.fullName && i.number === number,
  );
  if (issue) return { kind: 'issue' as const, number };
  return undefined;
}

function commentNeeds(kind: 'pull' | 'issue', level: PermissionLevel): Need[] {
  const needs: Need[] = [{ permission: 'issues', level }];
  if (kind === 'pull') needs.push({ permission: 'pull_requests', level });
  return needs;
}

function checkCommentBody(body: string, resource: string): void {
  if (body.trim() === '') {
    throw new HttpError(422, 'Validation Failed', [
      { resource, code: 'missing_field', field: 'body' },
    ]);
  }
  if ([...body].length > MAX_COMMENT_LENGTH) {
    throw new HttpError(422, 'Validation Failed', [
      {
        resource,
        code: 'unprocessable',
        field: 'data',
        message: `Body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`,
      },
    ]);
  }
}

/** Cuts one page out of a list and builds GitHub's `Link` header for the others. */
export function paginate<T>(
  ctx: RestContext,
  items: readonly T[],
): { page: T[]; headers: Record<string, string> } {
  const requested = typeof ctx.query.per_page === 'number' ? ctx.query.per_page : 30;
  const perPage = requested < 1 ? 30 : Math.min(requested, 100);
  const pageNumber = typeof ctx.query.page === 'number' && ctx.query.page >= 1 ? ctx.query.page : 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const link = (n: number, rel: string) => {
    const url = new URL(`${ctx.world.apiUrl}${ctx.url.pathname}`);
    for (const [key, value] of ctx.url.searchParams) {
      if (key !== 'page') url.searchParams.append(key, value);
    }
    url.searchParams.set('page', String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const rels: string[] = [];
  if (pageNumber > 1) rels.push(link(Math.min(pageNumber - 1, last), 'prev'));
  if (pageNumber < last) rels.push(link(pageNumber + 1, 'next'), link(last, 'last'));
  if (pageNumber > 1) rels.push(link(1, 'first'));
  return { page, headers: rels.length > 0 ? { link: rels.join(', ') } : {} };
}

function runnerToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(29)].map((b) => alphabet[b % alphabet.length]).join('');
}

function inOneHour(): string {
  return isoNow(new Date(Date.now() + TOKEN_LIFETIME_MS));
}

// ---------------------------------------------------------------------------------------------
// Repositories, pull requests, users

function getRepository(ctx: RestContext): RestResult {
  const repo = requireRepository(ctx);
  return { status: 200, body: fullRepositoryJson(ctx.world, repo, tokenOf(ctx.auth)) };
}

async function getPullRequest(ctx: RestContext): Promise<RestResult> {
  const repo = requireRepository(ctx, [{ permission: 'pull_requests', level: 'read' }]);
  const pr = ctx.world.state.pullRequests.find(
    (p) => p.repository === repo.fullName && p.number === ctx.params.pull_number,
  );
  if (!pr) throw notFound();
  const gitDir = repo.gitDir;
  let stats = { commits: 0, additions: 0, deletions: 0, changedFiles: 0 };
  if (gitDir) {
    const [base, head] = await Promise.all([
      resolveCommit(gitDir, pr.base.sha),
      resolveCommit(gitDir, pr.head.sha),
    ]);
    if (base && head) stats = await diffStats(gitDir, base, head);
  }
  return { status: 200, body: pullRequestJson(ctx.world, pr, stats) };
}

function getAuthenticatedUser(ctx: RestContext): RestResult {
  if (ctx.auth.kind !== 'token') throw forbiddenFor(ctx.auth);
  const token = ctx.auth.token;
  // An installation token (and GITHUB_TOKEN) acts as an app, not as a user: GitHub refuses it.
  if (token.type === 'Bot') throw new HttpError(403, 'Resource not accessible by integration');
  return { status: 200, body: privateUserJson(ctx.world, ctx.world.ensureUser(token.login)) };
}

// ---------------------------------------------------------------------------------------------
// Issue and commit comments

function listIssueComments(ctx: RestContext): RestResult {
  const repo = requireRepository(ctx);
  const target = issueTarget(ctx, repo, Number(ctx.params.issue_number));
  if (!target) throw notFound();
  requireRepository(ctx, commentNeeds(target.kind, 'read'));
  const since = typeof ctx.query.since === 'string' ? Date.parse(ctx.query.since) : undefined;
  const comments = ctx.world.state.issueComments
    .filter((c) => c.repository === repo.fullName && c.issueNumber === target.number)
    .filter((c) => since === undefined || Date.parse(c.updatedAt) >= since)
    .sort((a, b) => a.id - b.id);
  const { page, headers } = paginate(ctx, comments);
  return { status: 200, body: page.map((c) => issueCommentJson(ctx.world, c)), headers };
}

function createIssueComment(ctx: RestContext): RestResult {
  const repo = requireRepository(ctx);
  const target = issueTarget(ctx, repo, Number(ctx.params.issue_number));
  if (!target) throw notFound();
  requireRepository(ctx, commentNeeds(target.kind, 'write'));
  const body = String((ctx.body as { body?: unknown }).body);
  checkCommentBody(body, 'IssueComment');
  const now = isoNow();
  const comment: IssueCommentRecord = {
    id: ctx.world.nextCommentId(),
    repository: repo.fullName,
    issueNumber: target.number,
    author: callerLogin(ctx),
    body,
    createdAt: now,
    updatedAt: now,
  };
  ctx.world.state.issueComments.push(comment);
  const json = issueCommentJson(ctx.world, comment);
  return { status: 201, body: json, headers: { location: String(json.url) } };
}

function findIssueComment(ctx: RestContext, level: PermissionLevel) {
  const repo = requireRepository(ctx);
  const comment = ctx.world.state.issueComments.find(
    (c) => c.repository === repo.fullName && c.id === ctx.params.comment_id,
  );
  if (!comment) throw notFound();
  const target = issueTarget(ctx, repo, comment.issueNumber);
  requireRepository(ctx, commentNeeds(target?.kind ?? 'issue', level));
  return comment;
}

function getIssueComment(ctx: RestContext): RestResult {
  return { status: 200, body: issueCommentJson(ctx.world, findIssueComment(ctx, 'read')) };
}

function updateIssueComment(ctx: RestContext): RestResult {
  const comment = findIssueComment(ctx, 'write');
  const body = String((ctx.body as { body?: unknown }).body);
  checkCommentBody(body, 'IssueComment');
  comment.body = body;
  comment.updatedAt = isoNow();
  return { status: 200, body: issueCommentJson(ctx.world, comment) };
}

function deleteIssueComment(ctx: RestContext): RestResult {
  const comment = findIssueComment(ctx, 'write');
  const list = ctx.world.state.issueComments;
  list.splice(list.indexOf(comment), 1);
  return { status: 204 };
}

async function createCommitComment(ctx: RestContext): Promise<RestResult> {
  const repo = requireRepository(ctx, [{ permission: 'contents', level: 'write' }]);
  const input = ctx.body as { body: string; path?: string; position?: number; line?: number };
  checkCommentBody(input.body, 'CommitComment');
  const sha = String(ctx.params.commit_sha);
  const resolved = repo.gitDir
    ? await resolveCommit(repo.gitDir, sha)
    : /^[0-9a-f]{40}$/i.test(sha)
      ? sha.toLowerCase()
      : undefined;
  if (!resolved) throw new HttpError(422, `No commit found for SHA: ${sha}`);
  const now = isoNow();
  const comment = {
    id: ctx.world.nextCommentId(),
    repository: repo.fullName,
    commitSha: resolved,
    author: callerLogin(ctx),
    body: input.body,
    path: input.path ?? null,
    position: input.position ?? null,
    line: input.line ?? null,
    createdAt: now,
    updatedAt: now,
  };
  ctx.world.state.commitComments.push(comment);
  const json = commitCommentJson(ctx.world, comment);
  return { status: 201, body: json, headers: { location: String(json.url) } };
}

// ---------------------------------------------------------------------------------------------
// Self-hosted runners

function repositoryRunnerScope(ctx: RestContext): RunnerScope {
  const repo = requireRepository(ctx, [{ permission: 'administration', level: 'write' }]);
  return { kind: 'repository', target: repo.fullName };
}

function organizationRunnerScope(ctx: RestContext): RunnerScope {
  if (ctx.auth.kind === 'app') throw forbiddenFor(ctx.auth);
  const org = String(ctx.params.org);
  const owner = ctx.world.state.users.find((u) => u.login.toLowerCase() === org.toLowerCase());
  if (owner?.type !== 'Organization') throw notFound();
  const level = ctx.world.organizationLevel(tokenOf(ctx.auth), owner.login, 'self_hosted_runners');
  if (!World.atLeast(level, 'write')) throw forbiddenFor(ctx.auth);
  return { kind: 'organization', target: owner.login };
}

function issueRunnerToken(
  ctx: RestContext,
  kind: 'registration' | 'remove',
  scope: RunnerScope,
): RestResult {
  const record = {
    kind,
    scope,
    token: runnerToken(),
    expiresAt: inOneHour(),
    issuedTo: callerLogin(ctx),
  };
  ctx.world.state.runnerTokens.push(record);
  return { status: 201, body: { token: record.token, expires_at: record.expiresAt } };
}

function encodeJitConfig(ctx: RestContext, runnerId: number, scope: RunnerScope, input: JitInput) {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
  const gitHubUrl = `${ctx.world.serverUrl}/${scope.target}`;
  const runner = {
    AgentId: runnerId,
    AgentName: input.name,
    PoolId: input.runner_group_id,
    PoolName: 'Default',
    DisableUpdate: false,
    Ephemeral: true,
    ServerUrl: `${ctx.world.serverUrl}/_services/pipelines/${scope.kind}`,
    GitHubUrl: gitHubUrl,
    WorkFolder: input.work_folder ?? '_work',
    UseV2Flow: true,
  };
  const credentials = {
    Scheme: 'OAuthAccessToken',
    Data: { token: randomBytes(20).toString('hex'), authorizationUrl: gitHubUrl },
  };
  return b64({
    '.runner': b64(runner),
    '.credentials': b64(credentials),
    '.credentials_rsaparams': b64({ d: randomBytes(16).toString('base64') }),
  });
}

interface JitInput {
  name: string;
  runner_group_id: number;
  labels: string[];
  work_folder?: string;
}

function generateJitConfig(ctx: RestContext, scope: RunnerScope): RestResult {
  const input = ctx.body as JitInput;
  if (input.runner_group_id !== DEFAULT_RUNNER_GROUP_ID) throw notFound();
  const clash = ctx.world.state.runners.find(
    (r) =>
      r.scope.kind === scope.kind &&
      r.scope.target.toLowerCase() === scope.target.toLowerCase() &&
      r.name.toLowerCase() === input.name.toLowerCase(),
  );
  if (clash) {
    throw new HttpError(
      409,
      `Already exists - A runner with the name '${input.name}' already exists.`,
    );
  }
  const runner = {
    id: ctx.world.nextId(),
    scope,
    name: input.name,
    labels: input.labels,
    runnerGroupId: input.runner_group_id,
    workFolder: input.work_folder ?? '_work',
    createdAt: isoNow(),
  };
  ctx.world.state.runners.push(runner);
  const encoded = encodeJitConfig(ctx, runner.id, scope, input);
  ctx.world.state.jitConfigs.push({
    runnerId: runner.id,
    scope,
    encodedJitConfig: encoded,
    issuedTo: callerLogin(ctx),
  });
  return { status: 201, body: { runner: runnerJson(runner), encoded_jit_config: encoded } };
}

function runnersOf(ctx: RestContext, scope: RunnerScope) {
  return ctx.world.state.runners.filter(
    (r) =>
      r.scope.kind === scope.kind && r.scope.target.toLowerCase() === scope.target.toLowerCase(),
  );
}

/** GET .../actions/runners: the runners of that scope (optionally one `name`), paginated. */
function listRunners(ctx: RestContext, scope: RunnerScope): RestResult {
  const name = typeof ctx.query.name === 'string' ? ctx.query.name : undefined;
  const runners = runnersOf(ctx, scope).filter((r) => name === undefined || r.name === name);
  const { page, headers } = paginate(ctx, runners);
  return {
    status: 200,
    body: { total_count: runners.length, runners: page.map((r) => runnerJson(r)) },
    headers,
  };
}

/** GET .../actions/runners/{runner_id}: one runner of that scope, or 404. */
function getRunner(ctx: RestContext, scope: RunnerScope): RestResult {
  const runner = runnersOf(ctx, scope).find((r) => r.id === Number(ctx.params.runner_id));
  if (!runner) throw notFound();
  return { status: 200, body: runnerJson(runner) };
}

/** DELETE .../actions/runners/{runner_id}: forgets a runner of that scope; 204, or 404 if unknown. */
function deleteRunner(ctx: RestContext, scope: RunnerScope): RestResult {
  const id = Number(ctx.params.runner_id);
  const index = ctx.world.state.runners.findIndex(
    (r) =>
      r.id === id &&
      r.scope.kind === scope.kind &&
      r.scope.target.toLowerCase() === scope.target.toLowerCase(),
  );
  if (index < 0) throw notFound();
  ctx.world.state.runners.splice(index, 1);
  return { status: 204 };
}

// ---------------------------------------------------------------------------------------------
// GitHub Apps

function requireApp(ctx: RestContext): AppRecord {
  if (ctx.auth.kind === 'app') return ctx.auth.app;
  throw new HttpError(401, 'A JSON web token could not be decoded');
}

function getRepositoryInstallation(ctx: RestContext): RestResult {
  const app = requireApp(ctx);
  const repo = ctx.world.repository(`${String(ctx.params.owner)}/${String(ctx.params.repo)}`);
  if (!repo) throw notFound();
  const installation = ctx.world.state.installations.find(
    (i) =>
      i.appId === app.id &&
      i.account.toLowerCase() === repo.owner.toLowerCase() &&
      (i.repositories === 'all' || i.repositories.includes(repo.fullName)),
  );
  if (!installation) throw notFound();
  return { status: 200, body: installationJson(ctx.world, installation) };
}

function getOrganizationInstallation(ctx: RestContext): RestResult {
  const app = requireApp(ctx);
  const org = String(ctx.params.org).toLowerCase();
  const installation = ctx.world.state.installations.find(
    (i) => i.appId === app.id && i.account.toLowerCase() === org,
  );
  if (!installation) throw notFound();
  return { status: 200, body: installationJson(ctx.world, installation) };
}

const LEVEL_RANK = { read: 1, write: 2 } as const;
const REPOSITORY_APP_PERMISSIONS: RepositoryPermission[] = [
  'contents',
  'pull_requests',
  'issues',
  'administration',
];

function createInstallationToken(ctx: RestContext): RestResult {
  const app = requireApp(ctx);
  const installation = ctx.world.state.installations.find(
    (i) => i.id === ctx.params.installation_id && i.appId === app.id,
  );
  if (!installation) throw notFound();
  const input = (ctx.body ?? {}) as {
    repositories?: string[];
    repository_ids?: number[];
    permissions?: Record<string, 'read' | 'write'>;
  };
  const granted = installation.permissions;
  const permissions = input.permissions ?? granted;
  for (const [name, level] of Object.entries(permissions)) {
    const has = granted[name];
    if (!has || LEVEL_RANK[has] < LEVEL_RANK[level]) {
      throw new HttpError(422, 'The permissions requested are not granted to this installation.');
    }
  }
  const reachable = ctx.world.state.repositories.filter(
    (r) =>
      r.owner.toLowerCase() === installation.account.toLowerCase() &&
      (installation.repositories === 'all' || installation.repositories.includes(r.fullName)),
  );
  const selectedByName = input.repositories?.map((name) =>
    reachable.find((r) => r.name.toLowerCase() === name.toLowerCase()),
  );
  const selectedById = input.repository_ids?.map((id) => reachable.find((r) => r.id === id));
  const selected = [...(selectedByName ?? []), ...(selectedById ?? [])];
  if (selected.some((r) => r === undefined)) {
    throw new HttpError(
      422,
      'There is at least one repository that does not exist or is not accessible to the parent installation.',
    );
  }
  const chosen = selected.length > 0 ? (selected as RepositoryRecord[]) : undefined;
  const scope = chosen ?? reachable;
  const repoPermissions: RepositoryPermissions = {};
  for (const name of REPOSITORY_APP_PERMISSIONS) {
    const level = permissions[name];
    if (level) repoPermissions[name] = level;
  }
  const token = `ghs_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
  const expiresAt = inOneHour();
  const orgLevel = permissions.organization_self_hosted_runners;
  ctx.world.state.tokens.set(token, {
    token,
    login: app.botLogin,
    type: 'Bot',
    permissions: Object.fromEntries(scope.map((r) => [r.fullName.toLowerCase(), repoPermissions])),
    organizations: orgLevel
      ? { [installation.account.toLowerCase()]: { self_hosted_runners: orgLevel } }
      : {},
    expiresAt,
  });
  const repositorySelection = chosen || installation.repositories !== 'all' ? 'selected' : 'all';
  ctx.world.state.installationTokens.push({
    token,
    installationId: installation.id,
    appId: app.id,
    permissions,
    repositories: repositorySelection === 'all' ? 'all' : scope.map((r) => r.fullName),
    expiresAt,
  });
  const body: Record<string, unknown> = {
    token,
    expires_at: expiresAt,
    permissions,
    repository_selection: repositorySelection,
  };
  if (repositorySelection === 'selected') {
    body.repositories = scope.map((r) => repositoryJson(ctx.world, r));
  }
  return { status: 201, body };
}

// ---------------------------------------------------------------------------------------------
// Releases

async function createRelease(ctx: RestContext): Promise<RestResult> {
  const repo = requireRepository(ctx, [{ permission: 'contents', level: 'write' }]);
  const input = ctx.body as {
    tag_name: string;
    target_commitish?: string;
    name?: string;
    body?: string;
    draft?: boolean;
    prerelease?: boolean;
  };
  if (
    ctx.world.state.releases.some(
      (r) => r.repository === repo.fullName && r.tagName === input.tag_name,
    )
  ) {
    throw new HttpError(422, 'Validation Failed', [
      { resource: 'Release', code: 'already_exists', field: 'tag_name' },
    ]);
  }
  let target = input.target_commitish ?? repo.defaultBranch;
  if (repo.gitDir) {
    const tagged = await resolveCommit(repo.gitDir, `refs/tags/${input.tag_name}`);
    // GitHub would create the tag from target_commitish; the stand-in serves pushed tags only.
    if (!tagged) ctx.violation(`tag ${input.tag_name} is not in ${repo.fullName}: push it first`);
    target = tagged ?? target;
  }
  const release = {
    id: ctx.world.nextId(),
    repository: repo.fullName,
    tagName: input.tag_name,
    targetCommitish: target,
    name: input.name ?? input.tag_name,
    body: input.body ?? null,
    draft: input.draft ?? false,
    prerelease: input.prerelease ?? false,
    author: callerLogin(ctx),
    createdAt: isoNow(),
  };
  ctx.world.state.releases.push(release);
  const json = releaseJson(ctx.world, release);
  return { status: 201, body: json, headers: { location: String(json.url) } };
}

function getReleaseByTag(ctx: RestContext): RestResult {
  const repo = requireRepository(ctx);
  const release = ctx.world.state.releases.find(
    (r) => r.repository === repo.fullName && r.tagName === ctx.params.tag && !r.draft,
  );
  if (!release) throw notFound();
  return { status: 200, body: releaseJson(ctx.world, release) };
}

function listReleases(ctx: RestContext): RestResult {
  const repo = requireRepository(ctx);
  const releases = ctx.world.state.releases
    .filter((r) => r.repository === repo.fullName)
    .sort((a, b) => b.id - a.id);
  const { page, headers } = paginate(ctx, releases);
  return { status: 200, body: page.map((r) => releaseJson(ctx.world, r)), headers };
}

/** The operations the local GitHub implements, by OpenAPI operationId. */
export const REST_HANDLERS: Record<string, (ctx: RestContext) => RestResult | Promise<RestResult>> =
  {
    'repos/get': getRepository,
    'pulls/get': getPullRequest,
    'users/get-authenticated': getAuthenticatedUser,
    'issues/list-comments': listIssueComments,
    'issues/create-comment': createIssueComment,
    'issues/get-comment': getIssueComment,
    'issues/update-comment': updateIssueComment,
    'issues/delete-comment': deleteIssueComment,
    'repos/create-commit-comment': createCommitComment,
    'repos/create-release': createRelease,
    'repos/get-release-by-tag': getReleaseByTag,
    'repos/list-releases': listReleases,
    'actions/create-registration-token-for-repo': (ctx) =>
      issueRunnerToken(ctx, 'registration', repositoryRunnerScope(ctx)),
    'actions/create-remove-token-for-repo': (ctx) =>
      issueRunnerToken(ctx, 'remove', repositoryRunnerScope(ctx)),
    'actions/generate-runner-jitconfig-for-repo': (ctx) =>
      generateJitConfig(ctx, repositoryRunnerScope(ctx)),
    'actions/create-registration-token-for-org': (ctx) =>
      issueRunnerToken(ctx, 'registration', organizationRunnerScope(ctx)),
    'actions/create-remove-token-for-org': (ctx) =>
      issueRunnerToken(ctx, 'remove', organizationRunnerScope(ctx)),
    'actions/generate-runner-jitconfig-for-org': (ctx) =>
      generateJitConfig(ctx, organizationRunnerScope(ctx)),
    'actions/delete-self-hosted-runner-from-repo': (ctx) =>
      deleteRunner(ctx, repositoryRunnerScope(ctx)),
    'actions/delete-self-hosted-runner-from-org': (ctx) =>
      deleteRunner(ctx, organizationRunnerScope(ctx)),
    'actions/list-self-hosted-runners-for-repo': (ctx) =>
      listRunners(ctx, repositoryRunnerScope(ctx)),
    'actions/list-self-hosted-runners-for-org': (ctx) =>
      listRunners(ctx, organizationRunnerScope(ctx)),
    'actions/get-self-hosted-runner-for-repo': (ctx) => getRunner(ctx, repositoryRunnerScope(ctx)),
    'actions/get-self-hosted-runner-for-org': (ctx) => getRunner(ctx, organizationRunnerScope(ctx)),
    'apps/get-repo-installation': getRepositoryInstallation,
    'apps/get-org-installation': getOrganizationInstallation,
    'apps/create-installation-access-token': createInstallationToken,
  };

/** Operations that authenticate with a GitHub App JWT instead of a token. */
export const APP_JWT_OPERATIONS = new Set([
  'apps/get-repo-installation',
  'apps/get-org-installation',
  'apps/create-installation-access-token',
]);
