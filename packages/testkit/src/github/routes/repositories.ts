// REST handlers for repositories, pull requests and the authenticated user:
// `repos/get`, `pulls/get`, `users/get-authenticated`.
import { forbiddenFor, requireRepository, tokenOf } from '../auth.ts';
import { HttpError, notFound } from '../endpoint.ts';
import { diffStats, resolveCommit } from '../git.ts';
import { fullRepositoryJson, type PullStats, privateUserJson, pullRequestJson } from '../render.ts';
import type { PullRequestRecord, RepositoryRecord } from '../types.ts';
import type { RestContext, RestResult, RestRoutes } from './context.ts';

function getRepository(ctx: RestContext): RestResult {
  const repo = requireRepository(ctx);
  return { status: 200, body: fullRepositoryJson(ctx.world, repo, tokenOf(ctx.auth)) };
}

/** Commits and changed lines between base and head, from git when the repository is backed. */
async function pullStats(repo: RepositoryRecord, pr: PullRequestRecord): Promise<PullStats> {
  const gitDir = repo.gitDir;
  let stats = { commits: 0, additions: 0, deletions: 0, changedFiles: 0 };
  if (gitDir) {
    const [base, head] = await Promise.all([
      resolveCommit(gitDir, pr.base.sha),
      resolveCommit(gitDir, pr.head.sha),
    ]);
    if (base && head) stats = await diffStats(gitDir, base, head);
  }
  return stats;
}

async function getPullRequest(ctx: RestContext): Promise<RestResult> {
  const repo = requireRepository(ctx, [{ permission: 'pull_requests', level: 'read' }]);
  const pr = ctx.world.state.pullRequests.find(
    (p) => p.repository === repo.fullName && p.number === ctx.params.pull_number,
  );
  if (!pr) throw notFound();
  return { status: 200, body: pullRequestJson(ctx.world, pr, await pullStats(repo, pr)) };
}

function getAuthenticatedUser(ctx: RestContext): RestResult {
  if (ctx.auth.kind !== 'token') throw forbiddenFor(ctx.auth);
  const token = ctx.auth.token;
  // An installation token (and GITHUB_TOKEN) acts as an app, not as a user: GitHub refuses it.
  if (token.type === 'Bot') throw new HttpError(403, 'Resource not accessible by integration');
  return { status: 200, body: privateUserJson(ctx.world, ctx.world.ensureUser(token.login)) };
}

/** Repository, pull request and user operations, by operationId. */
export const REPOSITORY_ROUTES: RestRoutes = {
  'repos/get': getRepository,
  'pulls/get': getPullRequest,
  'users/get-authenticated': getAuthenticatedUser,
};
