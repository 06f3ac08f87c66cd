// Publishing the report as one sticky comment on a pull request (or a comment on a commit), with
// the token's own identity, every page of comments read, and concurrent runs settled to one.
// Type-only: the client (Octokit) is built and loaded by the caller, only when a comment is due.
import type { GitHubClient } from '../../github.ts';
import { type CommentMode, type ListedComment, ours, planComment, settleRace } from './sticky.ts';

/** Where and how to publish. */
export interface StickyCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  body: string;
  mode: CommentMode;
  /** Who the token acts as; found with whoAmI when not given. */
  login?: string;
}

/** The comment that holds the report. */
export interface PublishedComment {
  id: number;
  url: string;
  created: boolean;
  /** Duplicates (ours, same marker) that were deleted. */
  deleted: number[];
}

/** PermissionDenied is a 403/404 from GitHub: the token may not read or write comments here. */
export class PermissionDenied extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'PermissionDenied';
    this.status = status;
  }
}

/** httpStatus is the HTTP status of an Octokit RequestError (kept here so this module stays light). */
function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function denied(error: unknown): boolean {
  const status = httpStatus(error);
  return status === 403 || status === 404;
}

async function guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (denied(error))
      throw new PermissionDenied(httpStatus(error)!, `${what}: ${(error as Error).message}`);
    throw error;
  }
}

/**
 * whoAmI finds the login the token acts as. GraphQL's `viewer` answers for every kind of token
 * (GITHUB_TOKEN gives `github-actions[bot]`, an app token `<slug>[bot]`, a PAT its user); REST
 * `/user` is the fallback for a PAT; GITHUB_TOKEN's bot is the last resort.
 */
export async function whoAmI(client: GitHubClient): Promise<string> {
  try {
    const result = await client.graphql<{ viewer: { login: string } }>(
      'query { viewer { login } }',
    );
    if (result.viewer.login) return result.viewer.login;
  } catch {
    // Not every server or token answers GraphQL; try REST.
  }
  try {
    const { data } = await client.rest.users.getAuthenticated();
    if (data.login) return data.login;
  } catch {
    // An app token may not call /user.
  }
  return 'github-actions[bot]';
}

async function listAll(
  client: GitHubClient,
  owner: string,
  repo: string,
  issueNumber: number,
): Promise<ListedComment[]> {
  return guard('listing the pull request comments', () =>
    client.paginate(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100,
    }),
  ) as Promise<ListedComment[]>;
}

async function remove(
  client: GitHubClient,
  owner: string,
  repo: string,
  id: number,
): Promise<boolean> {
  try {
    await client.rest.issues.deleteComment({ owner, repo, comment_id: id });
    return true;
  } catch (error) {
    // Another run deleted it first: that is the outcome we wanted.
    if (httpStatus(error) === 404) return false;
    if (denied(error))
      throw new PermissionDenied(
        httpStatus(error)!,
        `deleting comment ${id}: ${(error as Error).message}`,
      );
    throw error;
  }
}

/**
 * publishSticky writes the report into the pull request's comment marked with `marker`: found
 * among all comments by the token's own identity, then updated, recreated or appended as `mode`
 * says. After posting a new comment it lists again and deletes newer duplicates of ours, so two
 * concurrent runs leave one comment (the oldest, holding the latest body written).
 */
export async function publishSticky(
  client: GitHubClient,
  options: StickyCommentOptions,
): Promise<PublishedComment> {
  const { owner, repo, issueNumber, marker, body, mode } = options;
  const login = options.login ?? (await whoAmI(client));
  const mine = ours(await listAll(client, owner, repo, issueNumber), marker, login);
  const plan = planComment(mine, mode);
  const deleted: number[] = [];
  for (const id of plan.remove) if (await remove(client, owner, repo, id)) deleted.push(id);

  if (plan.action === 'update') {
    try {
      const { data } = await guard('updating the report comment', () =>
        client.rest.issues.updateComment({ owner, repo, comment_id: plan.id, body }),
      );
      return { id: data.id, url: data.html_url, created: false, deleted };
    } catch (error) {
      // Deleted since we listed (a concurrent recreate): post a new one below.
      if (!(error instanceof PermissionDenied && error.status === 404)) throw error;
    }
  }

  const { data: created } = await guard('creating the report comment', () =>
    client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }),
  );
  if (mode === 'append') return { id: created.id, url: created.html_url, created: true, deleted };

  // A concurrent run may have posted too: keep the oldest of ours, delete the rest.
  const author = created.user?.login ?? login;
  const after = ours(await listAll(client, owner, repo, issueNumber), marker, author);
  if (!after.some((c) => c.id === created.id))
    after.push({ id: created.id, body, user: { login: author } });
  const settle = settleRace(after, created.id);
  for (const id of settle.remove) if (await remove(client, owner, repo, id)) deleted.push(id);
  if (!settle.rewriteKept) return { id: created.id, url: created.html_url, created: true, deleted };
  const kept = after.find((c) => c.id === settle.keep);
  try {
    const { data } = await client.rest.issues.updateComment({
      owner,
      repo,
      comment_id: settle.keep,
      body,
    });
    return { id: data.id, url: data.html_url, created: false, deleted };
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
    // The kept one vanished too (a recreate elsewhere): post ours again, once.
    const { data } = await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body,
    });
    return { id: data.id, url: data.html_url ?? kept?.html_url ?? '', created: true, deleted };
  }
}

/** publishCommitComment comments on a commit (push events with `target: commit`). */
export async function publishCommitComment(
  client: GitHubClient,
  options: { owner: string; repo: string; sha: string; body: string },
): Promise<PublishedComment> {
  const { data } = await guard('commenting on the commit', () =>
    client.rest.repos.createCommitComment({
      owner: options.owner,
      repo: options.repo,
      commit_sha: options.sha,
      body: options.body,
    }),
  );
  return { id: data.id, url: data.html_url, created: true, deleted: [] };
}
