// Where a self-hosted runner registers (a repository or an organisation) and the names this
// project gives its ephemeral runners. Pure: no I/O, no @actions/*.

/** A repository's or an organisation's runners. */
export type RunnerScope =
  | { kind: 'repository'; owner: string; repo: string }
  | { kind: 'organization'; org: string };

/** scopePath is the REST path prefix of a scope's runners (`repos/o/r` or `orgs/o`). */
export function scopePath(scope: RunnerScope): string {
  return scope.kind === 'repository'
    ? `repos/${encodeURIComponent(scope.owner)}/${encodeURIComponent(scope.repo)}`
    : `orgs/${encodeURIComponent(scope.org)}`;
}

/** scopeName names a scope in messages (`octo-org/demo`, or `organization octo-org`). */
export function scopeName(scope: RunnerScope): string {
  return scope.kind === 'repository' ? `${scope.owner}/${scope.repo}` : `organization ${scope.org}`;
}

/**
 * runLabel is the label (and runner and pod name) unique to one attempt of one workflow run, for
 * example `mlops-1234567-1`: two runs, or two attempts, never take each other's runner.
 */
export function runLabel(runId: string, attempt: string, prefix = 'mlops'): string {
  return `${prefix}-${runId}-${attempt}`;
}
