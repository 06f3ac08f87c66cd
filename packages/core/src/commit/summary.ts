// The job summary of the commit action: what was committed where, on which commit, and, when the
// files were produced on a pull request's merge result, that they were. Pure.
import { link, table } from '../pure/markdown.ts';
import type { CommitWorkTreeResult } from './worktree.ts';

/** Where links in the summary point. */
export interface SummaryLinks {
  serverUrl: string;
  repository: string;
}

function short(sha: string | undefined): string {
  return sha ? sha.slice(0, 7) : '';
}

function commitLink(sha: string, links: SummaryLinks): string {
  return link(short(sha), `${links.serverUrl}/${links.repository}/commit/${sha}`);
}

/** commitSummary renders the job summary for a commit action result. */
export function commitSummary(result: CommitWorkTreeResult, links: SummaryLinks): string {
  const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
  const lines: string[] = [];
  const branch = code(result.branch);
  if (result.files.length === 0) {
    lines.push('### Nothing to commit', '', 'No file under `paths` changed.');
  } else if (result.pushed && result.sha) {
    const how = result.signed ? 'signed by GitHub' : 'pushed';
    lines.push(
      `### Committed ${result.files.length} file${result.files.length === 1 ? '' : 's'} to ${branch}`,
      '',
      `Commit ${commitLink(result.sha, links)} (${how})` +
        (result.parent
          ? ` on top of ${commitLink(result.parent, links)}`
          : ' as the first commit') +
        (result.created ? `, creating ${branch}` : '') +
        (result.attempts > 1 ? `, after ${result.attempts} attempts while the branch moved` : '') +
        '.',
    );
  } else if (result.alreadyOnBranch) {
    lines.push(
      '### Nothing to commit',
      '',
      `${branch} already has these contents${result.sha ? ` (at ${commitLink(result.sha, links)})` : ''}.`,
    );
  } else if (result.noPush) {
    lines.push(`### Not pushed to ${branch}`, '', `Nothing was pushed: ${result.noPush.detail}.`);
    if (result.committed && result.sha) {
      lines.push(
        '',
        `The commit ${code(short(result.sha))} stays in the workspace at ${code(result.keptRef ?? '')}.`,
      );
    }
  } else {
    lines.push(`### Not pushed to ${branch}`);
  }
  if (result.files.length) {
    lines.push(
      '',
      table(
        ['File', 'Change'],
        result.files.map((f) => [code(f.path), f.change]),
      ),
    );
  }
  if (result.mergeResult) {
    const m = result.mergeResult;
    lines.push(
      '',
      `> [!NOTE]\n> The files were produced on the merge result of #${m.number} (merge commit ${code(short(m.merge))} ` +
        `of ${code(m.headRef)} into ${code(m.baseRef)}), and committed on top of the head of ${code(m.headRef)}; ` +
        'the merge commit itself was not pushed.',
    );
  }
  if (result.eolOnly.length) {
    lines.push('', `Line endings only, not committed: ${result.eolOnly.map(code).join(', ')}.`);
  }
  if (result.ignored.length) {
    lines.push(
      '',
      `Ignored by .gitignore, not committed: ${result.ignored.slice(0, 10).map(code).join(', ')}${result.ignored.length > 10 ? ', …' : ''}.`,
    );
  }
  return lines.join('\n');
}
