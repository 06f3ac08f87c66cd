// Pure: the @actions/cache keys under which a DVC project's cache folder is saved and restored.

/** What a DVC cache key is made of. */
export interface DvcCacheKeyInput {
  /** RUNNER_OS (`Linux`, `macOS`): caches are not shared across systems. */
  os: string;
  /** The project folder relative to the repository root (`.` for the root). */
  workingDirectory: string;
  /** dvc.lock's text, or undefined when the project has none yet. */
  lockText: string | undefined;
  /** Bump to drop every cache saved before (default `v1`). */
  version?: string;
}

/** A primary key and the prefixes to fall back on, most specific first. */
export interface DvcCacheKeys {
  key: string;
  restoreKeys: string[];
}

/**
 * dvcCacheKeys keys the cache on dvc.lock: `dvc-cache-v1-Linux-<folder>-<sha256 of dvc.lock>`.
 * An unchanged pipeline finds its exact entry; after a change, the restore key falls back on the
 * newest entry of the same project, whose objects DVC reuses for every stage that did not change.
 * Keys hold no commas (the cache service splits on them) and stay far below its 512 characters.
 */
export function dvcCacheKeys(input: DvcCacheKeyInput): DvcCacheKeys {
  const folder = folderSlug(input.workingDirectory);
  const prefix = `dvc-cache-${input.version ?? 'v1'}-${slug(input.os) || 'unknown'}-${folder}-`;
  const lock =
    input.lockText === undefined ? 'no-lock' : sha256(normalizeLock(input.lockText)).slice(0, 32);
  return { key: `${prefix}${lock}`, restoreKeys: [prefix] };
}

/** Line endings do not change a lock file's meaning (a Windows checkout with autocrlf). */
function normalizeLock(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

function folderSlug(workingDirectory: string): string {
  const clean = workingDirectory
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  if (!clean || clean === '.') return 'root';
  const readable = slug(clean);
  // Two folders can slug alike (`a/b` and `a_b`); the hash keeps their caches apart.
  return `${readable.slice(0, 40)}.${sha256(clean).slice(0, 8)}`;
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_');
}

// node:crypto is loaded when a key is computed, not with the module (about 5 ms of a step's start).
function sha256(text: string): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('hex');
}
