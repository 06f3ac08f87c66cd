// REST handlers for comments: on issues and pull requests (`issues/*-comment*`, list, get, create,
// update, delete) and on commits (`repos/create-commit-comment`), with GitHub's body limits.
import { callerLogin, type Need, requireRepository } from '../auth.ts';
import { HttpError, notFound } from '../endpoint.ts';
import { resolveCommit } from '../git.ts';
import { commitCommentJson, issueCommentJson } from '../render.ts';
import type { IssueCommentRecord, PermissionLevel, RepositoryRecord } from '../types.ts';
import { isoNow } from '../world.ts';
import { paginate, type RestContext, type RestResult, type RestRoutes } from './context.ts';

/** The most characters GitHub accepts in a comment body. */
export const MAX_COMMENT_LENGTH = 65536;

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

/** A comment on a pull request needs the pull request permission besides the issues one. */
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

/** The repository and the issue or pull request of the path, if the caller may act at `level`. */
function requireIssueTarget(ctx: RestContext, level: PermissionLevel) {
  const repo = requireRepository(ctx);
  const target = issueTarget(ctx, repo, Number(ctx.params.issue_number));
  if (!target) throw notFound();
  requireRepository(ctx, commentNeeds(target.kind, level));
  return { repo, target };
}

function listIssueComments(ctx: RestContext): RestResult {
  const { repo, target } = requireIssueTarget(ctx, 'read');
  const since = typeof ctx.query.since === 'string' ? Date.parse(ctx.query.since) : undefined;
  const comments = ctx.world.state.issueComments
    .filter((c) => c.repository === repo.fullName && c.issueNumber === target.number)
    .filter((c) => since === undefined || Date.parse(c.updatedAt) >= since)
    .sort((a, b) => a.id - b.id);
  const { page, headers } = paginate(ctx, comments);
  return { status: 200, body: page.map((c) => issueCommentJson(ctx.world, c)), headers };
}

function createIssueComment(ctx: RestContext): RestResult {
  const { repo, target } = requireIssueTarget(ctx, 'write');
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

/** The commit a sha names: from git when the repository is backed, else any full sha. */
async function commentedCommit(repo: RepositoryRecord, sha: string): Promise<string | undefined> {
  if (repo.gitDir) return resolveCommit(repo.gitDir, sha);
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.toLowerCase() : undefined;
}

async function createCommitComment(ctx: RestContext): Promise<RestResult> {
  const repo = requireRepository(ctx, [{ permission: 'contents', level: 'write' }]);
  const input = ctx.body as { body: string; path?: string; position?: number; line?: number };
  checkCommentBody(input.body, 'CommitComment');
  const sha = String(ctx.params.commit_sha);
  const resolved = await commentedCommit(repo, sha);
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

/** Comment operations, by operationId. */
export const COMMENT_ROUTES: RestRoutes = {
  'issues/list-comments': listIssueComments,
  'issues/create-comment': createIssueComment,
  'issues/get-comment': getIssueComment,
  'issues/update-comment': updateIssueComment,
  'issues/delete-comment': deleteIssueComment,
  'repos/create-commit-comment': createCommitComment,
};
