// The sticky-comment rules, pure: which existing comment is ours, what to do in each mode, and
// which duplicates to delete after a race. The GitHub calls that apply them are in comment.ts.
import { hiddenMarker } from '../../pure/markdown.ts';

/** A comment as the REST API lists it (only the fields the rules read). */
export interface ListedComment {
  id: number;
  body?: string | null;
  user?: { login: string; type?: string } | null;
  created_at?: string;
  html_url?: string;
}

/** How the report's comment is kept: edited in place, deleted and posted anew, or always added. */
export type CommentMode = 'update' | 'recreate' | 'append';

/** sameLogin compares logins the way GitHub's two APIs spell a bot (`name` vs `name[bot]`). */
export function sameLogin(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const norm = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '');
  return norm(a) === norm(b);
}

/**
 * hasMarker tells whether a body carries the marker as its own hidden line: a line that is, once
 * trimmed, exactly the marker's HTML comment, outside code blocks and block quotes. The whole token
 * must match: `id=report` is not found in `id=report-gpu`, nor `id=Report`, nor in a marker that a
 * person quoted (`> <!-- … -->`) or pasted into a code block. A person's edits elsewhere in the
 * body do not matter; a body whose marker line was removed is no longer the report's.
 */
export function hasMarker(body: string | null | undefined, marker: string): boolean {
  const wanted = hiddenMarker(marker);
  let fence: string | undefined;
  for (const raw of (body ?? '').split(/\r?\n/)) {
    const line = raw.trim();
    const opens = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (opens && opens[0] === fence[0] && opens.length >= fence.length) fence = undefined;
      continue;
    }
    if (opens) {
      fence = opens;
      continue;
    }
    if (line === wanted) return true;
  }
  return false;
}

/** ours lists the comments that carry the marker and were written by `login`, oldest first. */
export function ours(
  comments: readonly ListedComment[],
  marker: string,
  login: string,
): ListedComment[] {
  return comments
    .filter((c) => sameLogin(c.user?.login, login) && hasMarker(c.body, marker))
    .sort((a, b) => a.id - b.id);
}

/** What to do before posting, given our comments (oldest first). */
export type CommentPlan =
  | { action: 'create'; remove: number[] }
  | { action: 'update'; id: number; remove: number[] };

/**
 * planComment decides, for a mode: update keeps the oldest of ours and edits it (deleting any
 * duplicates), recreate deletes all of ours and posts anew, append posts anew and keeps the rest.
 */
export function planComment(mine: readonly ListedComment[], mode: CommentMode): CommentPlan {
  if (mode === 'append') return { action: 'create', remove: [] };
  if (mode === 'recreate' || mine.length === 0)
    return { action: 'create', remove: mine.map((c) => c.id) };
  const [keep, ...rest] = mine;
  return { action: 'update', id: keep!.id, remove: rest.map((c) => c.id) };
}

/**
 * settleRace decides, after posting, what leaves exactly one of ours: keep the oldest, delete the
 * newer ones. `posted` is our comment; when it is not the one kept, the kept one takes our body.
 */
export function settleRace(
  mine: readonly ListedComment[],
  posted: number,
): { keep: number; remove: number[]; rewriteKept: boolean } {
  const sorted = [...mine].sort((a, b) => a.id - b.id);
  const keep = sorted[0]?.id ?? posted;
  return {
    keep,
    remove: sorted.slice(1).map((c) => c.id),
    rewriteKept: keep !== posted,
  };
}
