// Who is calling and what they may do: the Authorization header read as a token the world knows
// (personal, GITHUB_TOKEN-like, or a minted installation token until it expires) or as a GitHub App
// JWT (jwt.ts); the endpoints a JWT reaches; the repository, organization and app checks handlers
// make; and GitHub's 401 and 403 answers.
import { HttpError, notFound } from './endpoint.ts';
import { looksLikeJwt, verifyAppJwt } from './jwt.ts';
import type {
  OrganizationPermissions,
  PermissionLevel,
  RepositoryRecord,
  TokenRecord,
} from './types.ts';
import { type AppRecord, type RepositoryPermission, World } from './world.ts';

/** Who a request acts as: nobody, a token, or a GitHub App through its JWT. */
export type Auth =
  | { kind: 'anonymous' }
  | { kind: 'token'; token: TokenRecord }
  | { kind: 'app'; app: AppRecord };

/** What the access checks read from a request: the world, the caller, the path parameters. */
export interface AccessContext {
  world: World;
  auth: Auth;
  params: Record<string, unknown>;
}

/** One permission at a level; a handler needs one of several. */
export type Need = { permission: RepositoryPermission; level: PermissionLevel };

/** Operations that authenticate with a GitHub App JWT instead of a token. */
const APP_JWT_OPERATIONS = new Set([
  'apps/get-repo-installation',
  'apps/get-org-installation',
  'apps/create-installation-access-token',
]);

/** Reads the Authorization header: anonymous, a known token, an app's JWT, or a 401. */
export function authenticate(world: World, header: string | undefined): Auth | HttpError {
  if (!header) return { kind: 'anonymous' };
  const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header);
  const credential = m?.[1];
  if (!credential) return new HttpError(401, 'Bad credentials');
  const token = world.token(credential);
  if (token) return { kind: 'token', token };
  if (looksLikeJwt(credential) && world.apps.length > 0) {
    const verdict = verifyAppJwt(credential, world.apps);
    return verdict.ok ? { kind: 'app', app: verdict.app } : new HttpError(401, verdict.message);
  }
  return new HttpError(401, 'Bad credentials');
}

/** The 403 for an app JWT outside the app endpoints: a JWT authenticates the app itself only. */
export function jwtRefusal(auth: Auth, operationId: string): HttpError | undefined {
  if (auth.kind !== 'app' || APP_JWT_OPERATIONS.has(operationId)) return undefined;
  return new HttpError(403, 'Resource not accessible by integration');
}

/** The token a GraphQL request acts as: GitHub's GraphQL API takes tokens only, else 401. */
export function graphQLToken(auth: Auth | HttpError): TokenRecord | HttpError {
  if (auth instanceof HttpError) return auth;
  if (auth.kind === 'token') return auth.token;
  return new HttpError(401, 'This endpoint requires you to be authenticated.');
}

/** GitHub's refusal for a caller that lacks a permission: 401 anonymous, 403 otherwise. */
export function forbiddenFor(auth: Auth): HttpError {
  if (auth.kind === 'anonymous') return new HttpError(401, 'Requires authentication');
  if (auth.kind === 'token' && auth.token.type === 'User') {
    return new HttpError(403, 'Resource not accessible by personal access token');
  }
  return new HttpError(403, 'Resource not accessible by integration');
}

/** The caller's token, if it called with one. */
export function tokenOf(auth: Auth): TokenRecord | undefined {
  return auth.kind === 'token' ? auth.token : undefined;
}

/** The login a token acts as; refuses anonymous and app callers. */
export function callerLogin(ctx: { auth: Auth }): string {
  if (ctx.auth.kind !== 'token') throw forbiddenFor(ctx.auth);
  return ctx.auth.token.login;
}

/** The repository named by the path, if the caller may see it and holds one of the needs. */
export function requireRepository(ctx: AccessContext, needs: Need[] = []): RepositoryRecord {
  if (ctx.auth.kind === 'app') throw forbiddenFor(ctx.auth);
  const token = tokenOf(ctx.auth);
  const repo = ctx.world.repository(`${String(ctx.params.owner)}/${String(ctx.params.repo)}`);
  if (!repo || !ctx.world.canSee(token, repo)) throw notFound();
  if (needs.length === 0) return repo;
  if (needs.some((n) => ctx.world.allows(token, repo, n.permission, n.level))) return repo;
  throw forbiddenFor(ctx.auth);
}

/** The login of the organization named by the path, if the caller holds the permission on it. */
export function requireOrganization(
  ctx: AccessContext,
  permission: keyof OrganizationPermissions,
  level: PermissionLevel,
): string {
  if (ctx.auth.kind === 'app') throw forbiddenFor(ctx.auth);
  const org = String(ctx.params.org);
  const owner = ctx.world.state.users.find((u) => u.login.toLowerCase() === org.toLowerCase());
  if (owner?.type !== 'Organization') throw notFound();
  const held = ctx.world.organizationLevel(tokenOf(ctx.auth), owner.login, permission);
  if (!World.atLeast(held, level)) throw forbiddenFor(ctx.auth);
  return owner.login;
}

/** The app a JWT authenticated; a token or no credential cannot call the app endpoints. */
export function requireApp(ctx: { auth: Auth }): AppRecord {
  if (ctx.auth.kind === 'app') return ctx.auth.app;
  throw new HttpError(401, 'A JSON web token could not be decoded');
}
