// The versions users see: `uses: <owner>/mlops-actions/actions/<name>@<ref>` in the example
// workflows and the READMEs, checked against the tags that exist and moved by each release.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PLANNED_FIRST_MAJOR, releaseTags, type Version } from './semver.ts';

/** One `uses:` reference to one of our actions, where it is written. */
export interface ActionReference {
  file: string;
  line: number;
  action: string;
  ref: string;
  /** The version a full-SHA pin says it is (`@<sha> # v1.4.0`). */
  comment?: string;
  /** Written as the standalone repository (`<owner>/mlops-<name>@…`), not the monorepo path. */
  standalone: boolean;
}

/** The monorepo's name on GitHub, as users write it in `uses:`. */
export const MONOREPO_NAME = 'mlops-actions';

function referencePattern(repoName: string): RegExp {
  const name = repoName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `([\\w.<>-]+/(?:${name}/actions/|mlops-))([\\w.-]+)@([\\w.-]+)(?:([ \\t]+#[ \\t]*)(v\\d+\\.\\d+\\.\\d+))?`,
    'g',
  );
}

/** userFacingFiles lists the files whose `uses:` lines users copy, relative to the root. */
export function userFacingFiles(root: string): string[] {
  const files: string[] = [];
  const add = (path: string) => {
    if (existsSync(join(root, path))) files.push(path);
  };
  add('README.md');
  add('examples/README.md');
  add('docker/README.md');
  for (const dir of ['actions']) {
    if (!existsSync(join(root, dir))) continue;
    for (const name of readdirSync(join(root, dir)).sort()) add(`${dir}/${name}/README.md`);
  }
  const workflows = join(root, 'examples', 'workflows');
  if (existsSync(workflows)) {
    for (const name of readdirSync(workflows).sort()) {
      if (/\.ya?ml$/.test(name)) files.push(`examples/workflows/${name}`);
    }
  }
  return files;
}

/** findReferences reads every reference to one of our actions in a text. */
export function findReferences(
  file: string,
  text: string,
  repoName = MONOREPO_NAME,
): ActionReference[] {
  const found: ActionReference[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    for (const m of line.matchAll(referencePattern(repoName))) {
      const reference: ActionReference = {
        file,
        line: index + 1,
        action: m[2]!,
        ref: m[3]!,
        standalone: !m[1]!.endsWith('/actions/'),
      };
      if (m[5]) reference.comment = m[5];
      found.push(reference);
    }
  }
  return found;
}

/** The tags of a repository: name to the commit it names (annotated tags peeled). */
export type TagCommits = ReadonlyMap<string, string>;

/** checkReferences says, one line each, which references name no action or no existing version. */
export function checkReferences(
  references: readonly ActionReference[],
  actions: readonly string[],
  tags: TagCommits,
): string[] {
  const problems: string[] = [];
  const released = [...tags.keys()].some((t) => /^v\d+\.\d+\.\d+$/.test(t));
  for (const r of references) {
    const where = `${r.file}:${r.line}`;
    if (!actions.includes(r.action)) {
      problems.push(`${where}: actions/${r.action} does not exist`);
      continue;
    }
    if (/^[0-9a-f]{40}$/.test(r.ref)) {
      if (!r.comment) {
        problems.push(
          `${where}: ${r.action}@${r.ref.slice(0, 7)}… needs its version as a comment (# vX.Y.Z)`,
        );
      } else if (!tags.has(r.comment)) {
        problems.push(
          `${where}: ${r.action}@… # ${r.comment}: release ${r.comment} does not exist`,
        );
      } else if (!r.standalone && tags.get(r.comment) !== r.ref) {
        // (A standalone repository's commits are its own: only its tag is checked here.)
        problems.push(
          `${where}: ${r.action}@${r.ref.slice(0, 7)}… is not the commit of ${r.comment} (${tags.get(r.comment)?.slice(0, 7)})`,
        );
      }
      continue;
    }
    if (!/^v\d+(\.\d+){0,2}$/.test(r.ref)) {
      problems.push(`${where}: ${r.action}@${r.ref} is not a release: use @vN or @<sha> # vX.Y.Z`);
      continue;
    }
    if (tags.has(r.ref)) continue;
    if (!released && r.ref === `v${PLANNED_FIRST_MAJOR}`) continue;
    problems.push(
      released
        ? `${where}: ${r.action}@${r.ref}: no such tag`
        : `${where}: ${r.action}@${r.ref}: nothing is released yet; the first release is ${PLANNED_FIRST_MAJOR}.0.0, so use @v${PLANNED_FIRST_MAJOR}`,
    );
  }
  return problems;
}

/**
 * moveReferences rewrites references to the new release, each in its own form: `@vN` to the new
 * major, `@vN.M` and `@vN.M.P` to the new minor and full tags, and (when `pin` is given) full-SHA
 * pins to the new release's commit with its version comment.
 */
export function moveReferences(
  text: string,
  version: Version,
  pin?: { sha: string; standalone?: ReadonlyMap<string, string> },
  repoName = MONOREPO_NAME,
): string {
  const tags = releaseTags(version);
  return text.replace(
    referencePattern(repoName),
    (whole, prefix: string, action: string, ref: string, space?: string, comment?: string) => {
      if (/^[0-9a-f]{40}$/.test(ref)) {
        const sha = prefix.endsWith('/actions/') ? pin?.sha : pin?.standalone?.get(action);
        return sha && comment ? `${prefix}${action}@${sha}${space}${tags.full}` : whole;
      }
      const parts = ref.replace(/^v/, '').split('.');
      if (!/^v\d+(\.\d+){0,2}$/.test(ref)) return whole;
      const moved = parts.length === 1 ? tags.major : parts.length === 2 ? tags.minor : tags.full;
      return `${prefix}${action}@${moved}${space && comment ? `${space}${comment}` : ''}`;
    },
  );
}

/** hasPins tells whether a text holds a full-SHA pin with a version comment. */
export function hasPins(text: string, repoName = MONOREPO_NAME): boolean {
  return findReferences('', text, repoName).some((r) => /^[0-9a-f]{40}$/.test(r.ref) && r.comment);
}
