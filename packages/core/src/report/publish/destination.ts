// Where a report goes (a pull request comment, a commit comment, or the job summary only) and the
// comment body cut to GitHub's limit. Pure: the decisions are tested with plain event contexts.
import type { EventContext } from '../../pure/event.ts';
import { fitSections, link } from '../../pure/markdown.ts';

/** Where the report is published besides the job summary. */
export type ReportTarget = 'auto' | 'pr' | 'commit' | 'none';

/** The decision: a pull request, a commit, or nowhere (with the warning to show, if any). */
export type Destination =
  | { kind: 'pr'; number: number }
  | { kind: 'commit'; sha: string }
  | { kind: 'none'; warning?: string };

/** GitHub's limit on a comment body, in characters. */
export const COMMENT_LIMIT = 65_536;

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * destination decides where the report goes. A pull request from a fork on `pull_request` gets a
 * read-only token, so it gets the job summary only, with a warning naming the missing permission.
 */
export function destination(
  context: EventContext,
  target: ReportTarget,
  hasToken: boolean,
): Destination {
  if (target === 'none') return { kind: 'none' };
  const pr = context.pullRequest;
  const onPr =
    PR_EVENTS.has(context.eventName) &&
    pr !== undefined &&
    Number.isInteger(pr.number) &&
    pr.number > 0;
  let chosen: Destination;
  if (target === 'commit') {
    chosen = context.headSha
      ? { kind: 'commit', sha: context.headSha }
      : {
          kind: 'none',
          warning:
            'target is commit, but the run has no commit SHA (GITHUB_SHA): the report is in the job summary only',
        };
  } else if (onPr) {
    chosen = { kind: 'pr', number: pr.number };
  } else if (target === 'pr') {
    return {
      kind: 'none',
      warning: `target is pr, but the ${context.eventName || 'unknown'} event is not about a pull request: the report is in the job summary only`,
    };
  } else {
    return { kind: 'none' };
  }
  const what = chosen.kind === 'pr' ? 'pull-requests: write' : 'contents: write';
  if (context.eventName === 'pull_request' && pr?.isFork) {
    return {
      kind: 'none',
      warning:
        `this pull request comes from a fork, whose GITHUB_TOKEN is read-only (no ${what}): ` +
        'the report is in the job summary only',
    };
  }
  if (!hasToken) {
    return {
      kind: 'none',
      warning: `the token input is empty (a token with ${what} is needed): the report is in the job summary only`,
    };
  }
  return chosen;
}

/** deniedWarning explains a 403/404 from GitHub as the permission the token lacks. */
export function deniedWarning(kind: 'pr' | 'commit', status: number): string {
  const what = kind === 'pr' ? 'pull-requests: write' : 'contents: write';
  return (
    `GitHub refused the report comment (HTTP ${status}): the token lacks ${what}. ` +
    `Give the job \`permissions: { ${what} }\`; the report is in the job summary only`
  );
}

/** commentBody fits the sections into one comment, cutting at a section boundary with a note. */
export function commentBody(
  sections: string[],
  runUrl: string | undefined,
  limit = COMMENT_LIMIT,
): { body: string; cut: boolean } {
  const where = runUrl ? link('job summary', runUrl) : 'job summary of this run';
  const note = `> [!NOTE]\n> The report is too long for one comment and is cut here. The full report is in the ${where}.`;
  const { text, cut } = fitSections(sections, limit, note);
  return { body: text, cut };
}
