// What a test does to a running local GitHub besides calling it: queue failures (`failNext`),
// seed comments as someone else (`seedIssueComment`), and read an issue's comments (`commentsOn`).
import { STATUS_CODES } from 'node:http';
import { type Answer, errorBody } from './endpoint.ts';
import type { FailureMatch, IssueCommentRecord, LocalGitHub } from './types.ts';
import { isoNow, type World } from './world.ts';

interface PendingFailure {
  method?: string;
  path: RegExp;
  remaining: number;
  status: number;
  body: unknown;
}

/** The failures `failNext` queued, answered in place of the requests they match. */
export class FailureQueue {
  private readonly pending: PendingFailure[] = [];
  private readonly docsRoot: string;

  constructor(docsRoot: string) {
    this.docsRoot = docsRoot;
  }

  /** Queues `times` answers with `status` (and `body`) for the requests that match. */
  add(match: FailureMatch, times: number, status: number, body?: unknown): void {
    const failure: PendingFailure = { path: match.path, remaining: times, status, body };
    if (match.method) failure.method = match.method.toUpperCase();
    this.pending.push(failure);
  }

  /** The injected answer for this request, if a queued failure matches (it is used up by one). */
  take(method: string, pathname: string): Answer | undefined {
    const failure = this.pending.find((f) => {
      if (f.remaining <= 0 || (f.method && f.method !== method)) return false;
      f.path.lastIndex = 0;
      return f.path.test(pathname);
    });
    if (!failure) return undefined;
    failure.remaining -= 1;
    const body =
      failure.body ??
      errorBody(failure.status, STATUS_CODES[failure.status] ?? 'Error', this.docsRoot);
    return { status: failure.status, body, unchecked: true, injected: true };
  }
}

/** Adds an issue or pull request comment as if `author` had written it. */
export function seedIssueComment(
  world: World,
  input: Parameters<LocalGitHub['seedIssueComment']>[0],
): IssueCommentRecord {
  const repo = world.repository(input.repository ?? world.state.repositories[0]?.fullName ?? '');
  if (!repo) throw new Error(`unknown repository ${input.repository}`);
  const exists =
    world.state.pullRequests.some(
      (p) => p.repository === repo.fullName && p.number === input.issueNumber,
    ) ||
    world.state.issues.some(
      (i) => i.repository === repo.fullName && i.number === input.issueNumber,
    );
  if (!exists)
    throw new Error(`${repo.fullName} has no issue or pull request #${input.issueNumber}`);
  world.ensureUser(input.author);
  const now = isoNow();
  const comment: IssueCommentRecord = {
    id: world.nextCommentId(),
    repository: repo.fullName,
    issueNumber: input.issueNumber,
    author: input.author,
    body: input.body,
    createdAt: now,
    updatedAt: now,
  };
  world.state.issueComments.push(comment);
  return comment;
}

/** The comments on one issue or pull request, oldest first. */
export function commentsOn(
  world: World,
  issueNumber: number,
  repository?: string,
): IssueCommentRecord[] {
  const repo = world.repository(repository ?? world.state.repositories[0]?.fullName ?? '');
  return world.state.issueComments
    .filter((c) => c.repository === repo?.fullName && c.issueNumber === issueNumber)
    .sort((a, b) => a.id - b.id);
}
