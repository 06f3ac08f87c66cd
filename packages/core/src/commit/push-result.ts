// What a failed `git push --porcelain` means, read from its output: someone pushed first (fetch,
// rebase, try again), the token may not write (stop without failing the build unless asked), the
// server refused this commit for good (a protected branch), or the network hiccuped. Pure.

/** Why a push failed, as far as the retry loop is concerned. */
export type PushFailureKind =
  /** The branch moved meanwhile: fetch, rebase and push again. */
  | 'race'
  /** The token has no write access (HTTP 403): nothing will ever be pushed with it. */
  | 'denied'
  /** The credentials were refused or missing (HTTP 401). */
  | 'auth'
  /** The server refused the commit itself (a hook, branch protection). */
  | 'refused'
  /** The connection failed or the server erred: worth another try. */
  | 'transient'
  | 'unknown';

/** A classified push failure with the lines worth showing the user. */
export interface PushFailure {
  kind: PushFailureKind;
  /** What the server or git said, in one line. */
  detail: string;
}

const RACE_REJECTIONS = /fetch first|non-fast-forward|stale info|already exists/;
const RACE_REMOTE =
  /failed to update ref|cannot lock ref|failed to lock|incorrect old value|unable to update local ref|reference already exists/i;
const DENIED =
  /returned error: 403|Permission to \S+ denied|Write access to repository not granted|error: 403\b|\b403 Forbidden/i;
const AUTH =
  /returned error: 401|Authentication failed|could not read (Username|Password)|terminal prompts disabled|invalid credentials/i;
const TRANSIENT =
  /returned error: (5\d\d|429)|Could not resolve host|Connection (timed out|refused|reset)|Failed to connect|Operation timed out|early EOF|remote end hung up|RPC failed|unexpected disconnect|TLS|SSL|Empty reply|Couldn't connect/i;

function usefulLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('hint:') && l !== 'Done' && !l.startsWith('To '));
}

/** classifyPushFailure reads `git push --porcelain` stdout and stderr and says why it failed. */
export function classifyPushFailure(stdout: string, stderr: string): PushFailure {
  const rejected: string[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^!\t[^\t]*\t\[(rejected|remote rejected)\] \((.*)\)\s*$/.exec(line);
    if (m) rejected.push(`${m[1]} (${m[2]})`);
  }
  const remote = usefulLines(stderr).filter((l) => l.startsWith('remote:'));
  const all = [...rejected, ...usefulLines(stderr)].join(' / ');
  const detail =
    (remote.length ? [...rejected, ...remote] : [all]).join(' / ').slice(0, 600) ||
    'git push failed';
  for (const r of rejected) {
    if (r.startsWith('rejected') && RACE_REJECTIONS.test(r)) return { kind: 'race', detail };
    if (r.startsWith('remote rejected') && RACE_REMOTE.test(r)) return { kind: 'race', detail };
  }
  if (DENIED.test(stderr)) return { kind: 'denied', detail };
  if (AUTH.test(stderr)) return { kind: 'auth', detail };
  if (rejected.length) return { kind: 'refused', detail };
  if (TRANSIENT.test(stderr)) return { kind: 'transient', detail };
  return { kind: 'unknown', detail };
}
