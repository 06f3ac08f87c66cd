// REST handlers for GitHub Apps, called with the app's JWT: find the installation on a repository
// or an organization (`apps/get-*-installation`), and mint installation access tokens that later
// authenticate as the app's bot (`apps/create-installation-access-token`).
import { randomBytes } from 'node:crypto';
import { requireApp } from '../auth.ts';
import { HttpError, notFound } from '../endpoint.ts';
import { installationJson, repositoryJson } from '../render.ts';
import type { InstallationRecord, RepositoryPermissions, RepositoryRecord } from '../types.ts';
import type { AppRecord, RepositoryPermission } from '../world.ts';
import { inOneHour, type RestContext, type RestResult, type RestRoutes } from './context.ts';

type AppPermissions = Record<string, 'read' | 'write'>;

interface TokenRequest {
  repositories?: string[];
  repository_ids?: number[];
  permissions?: AppPermissions;
}

const LEVEL_RANK = { read: 1, write: 2 } as const;
const REPOSITORY_APP_PERMISSIONS: RepositoryPermission[] = [
  'contents',
  'pull_requests',
  'issues',
  'administration',
];

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

/** GitHub's 422 when a token asks for more than the installation was granted. */
function refuseUngranted(granted: AppPermissions, requested: AppPermissions): void {
  for (const [name, level] of Object.entries(requested)) {
    const has = granted[name];
    if (!has || LEVEL_RANK[has] < LEVEL_RANK[level]) {
      throw new HttpError(422, 'The permissions requested are not granted to this installation.');
    }
  }
}

/** The repositories a token asks for by name or id, or undefined when it names none. */
function chosenRepositories(
  ctx: RestContext,
  installation: InstallationRecord,
  input: TokenRequest,
): { reachable: RepositoryRecord[]; chosen: RepositoryRecord[] | undefined } {
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
  return { reachable, chosen };
}

function repositoryPermissionsOf(permissions: AppPermissions): RepositoryPermissions {
  const repoPermissions: RepositoryPermissions = {};
  for (const name of REPOSITORY_APP_PERMISSIONS) {
    const level = permissions[name];
    if (level) repoPermissions[name] = level;
  }
  return repoPermissions;
}

function newInstallationToken(): string {
  return `ghs_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
}

/** Adds the token the world accepts from now on: the app's bot with these permissions. */
function storeToken(
  ctx: RestContext,
  app: AppRecord,
  installation: InstallationRecord,
  grant: {
    token: string;
    expiresAt: string;
    permissions: AppPermissions;
    scope: RepositoryRecord[];
  },
): void {
  const repoPermissions = repositoryPermissionsOf(grant.permissions);
  const orgLevel = grant.permissions.organization_self_hosted_runners;
  ctx.world.state.tokens.set(grant.token, {
    token: grant.token,
    login: app.botLogin,
    type: 'Bot',
    permissions: Object.fromEntries(
      grant.scope.map((r) => [r.fullName.toLowerCase(), repoPermissions]),
    ),
    organizations: orgLevel
      ? { [installation.account.toLowerCase()]: { self_hosted_runners: orgLevel } }
      : {},
    expiresAt: grant.expiresAt,
  });
}

function createInstallationToken(ctx: RestContext): RestResult {
  const app = requireApp(ctx);
  const installation = ctx.world.state.installations.find(
    (i) => i.id === ctx.params.installation_id && i.appId === app.id,
  );
  if (!installation) throw notFound();
  const input = (ctx.body ?? {}) as TokenRequest;
  const permissions = input.permissions ?? installation.permissions;
  refuseUngranted(installation.permissions, permissions);
  const { reachable, chosen } = chosenRepositories(ctx, installation, input);
  const scope = chosen ?? reachable;
  const token = newInstallationToken();
  const expiresAt = inOneHour();
  storeToken(ctx, app, installation, { token, expiresAt, permissions, scope });
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

/** GitHub App operations, by operationId (auth.ts lets an app JWT reach these only). */
export const APP_ROUTES: RestRoutes = {
  'apps/get-repo-installation': getRepositoryInstallation,
  'apps/get-org-installation': getOrganizationInstallation,
  'apps/create-installation-access-token': createInstallationToken,
};
