// Release notes from commits: grouped by the action each commit names (a conventional prefix such
// as `fix(report):` or `report:`) or touches (files under actions/<name>/, its dist/ included, so
// a core change that reaches an action's bundle is listed under that action).

/** One commit since the last release. */
export interface CommitInfo {
  sha: string;
  subject: string;
  files: string[];
}

/** The section heading for commits that touch no action. */
export const OTHER_CHANGES = 'Other changes';

const CONVENTIONAL = /^[a-z]+(?:\(([^)]+)\))?!?:\s*/i;

/** actionsOf lists the actions a commit belongs to, in the order of `actions`. */
export function actionsOf(commit: CommitInfo, actions: readonly string[]): string[] {
  const named = new Set<string>();
  const conventional = CONVENTIONAL.exec(commit.subject);
  for (const scope of conventional?.[1]?.split(',') ?? []) named.add(scope.trim());
  const plain = /^([\w.-]+)(?: action)?:/.exec(commit.subject);
  if (plain?.[1]) named.add(plain[1]);
  for (const file of commit.files) {
    const m = /^actions\/([^/]+)\//.exec(file);
    if (m?.[1]) named.add(m[1]);
  }
  return actions.filter((a) => named.has(a));
}

/** groupCommits maps each action (and OTHER_CHANGES) to its commits, oldest first. */
export function groupCommits(
  commits: readonly CommitInfo[],
  actions: readonly string[],
): Map<string, CommitInfo[]> {
  const groups = new Map<string, CommitInfo[]>();
  for (const commit of commits) {
    const owners = actionsOf(commit, actions);
    for (const key of owners.length > 0 ? owners : [OTHER_CHANGES]) {
      const list = groups.get(key) ?? [];
      list.push(commit);
      groups.set(key, list);
    }
  }
  return groups;
}

function bullet(commit: CommitInfo): string {
  return `- ${commit.subject} (${commit.sha.slice(0, 7)})`;
}

/** releaseNotes writes the body of a release: one `### <action>` list per action, then the rest. */
export function releaseNotes(
  groups: Map<string, CommitInfo[]>,
  actions: readonly string[],
): string {
  const parts: string[] = [];
  for (const key of [...actions, OTHER_CHANGES]) {
    const list = groups.get(key);
    if (!list || list.length === 0) continue;
    parts.push(`### ${key}\n\n${list.map(bullet).join('\n')}`);
  }
  return parts.length > 0 ? `${parts.join('\n\n')}\n` : 'No changes since the last release.\n';
}

/** actionNotes writes the notes of one action's standalone release. */
export function actionNotes(
  groups: Map<string, CommitInfo[]>,
  action: string,
  changelogUrl: string,
): string {
  const list = groups.get(action) ?? [];
  const body = list.length > 0 ? list.map(bullet).join('\n') : '- No change to this action.';
  return `${body}\n\nEvery change of this release: ${changelogUrl}\n`;
}

/** The marker after which new sections go; the file is created with it when missing. */
export const CHANGELOG_MARKER = '<!-- releases: npm run release writes new sections below -->';

const CHANGELOG_HEADER = `# Changelog

Every release of mlops-actions, newest first. \`npm run release -- X.Y.Z\` writes each section from
the commits since the previous tag, grouped by the action they name or touch (CONTRIBUTING.md,
"Releasing").

${CHANGELOG_MARKER}
`;

/** insertSection puts a release's section at the top of the changelog (creating it if empty). */
export function insertSection(
  changelog: string | undefined,
  tag: string,
  date: string,
  notes: string,
): string {
  const text = changelog?.includes(CHANGELOG_MARKER)
    ? changelog
    : `${CHANGELOG_HEADER}${changelog ?? ''}`;
  const at = text.indexOf(CHANGELOG_MARKER) + CHANGELOG_MARKER.length;
  const section = `\n\n## ${tag} (${date})\n\n${notes.trimEnd()}\n`;
  // The note of a changelog without releases goes with the first one.
  const rest = text
    .slice(at)
    .replace(/^\n+/, '')
    .replace(/^Nothing is released yet\.[\s\S]*?(?:\n\n|\n?$)/, '');
  return `${text.slice(0, at)}${section}${rest ? `\n${rest}` : ''}`;
}
