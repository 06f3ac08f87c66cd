// Release versions: plain X.Y.Z (no pre-release), the tags they make, and how they compare.

/** A release version. */
export interface Version {
  major: number;
  minor: number;
  patch: number;
}

const PLAIN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** parseVersion reads `X.Y.Z` (a leading `v` is accepted), or undefined when it is not one. */
export function parseVersion(text: string): Version | undefined {
  const m = PLAIN.exec(text.trim().replace(/^v/, ''));
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}

/** compareVersions orders two versions: negative, zero or positive. */
export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** formatVersion writes `X.Y.Z`. */
export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/** The three tags a release makes: `vX.Y.Z` (never moved) and the aliases `vX.Y` and `vX`. */
export function releaseTags(v: Version): { full: string; minor: string; major: string } {
  return { full: `v${formatVersion(v)}`, minor: `v${v.major}.${v.minor}`, major: `v${v.major}` };
}

/** latestRelease picks the greatest `vX.Y.Z` among tag names (aliases and others ignored). */
export function latestRelease(
  tags: readonly string[],
): { tag: string; version: Version } | undefined {
  let best: { tag: string; version: Version } | undefined;
  for (const tag of tags) {
    if (!/^v\d/.test(tag)) continue;
    const version = parseVersion(tag);
    if (version && (!best || compareVersions(version, best.version) > 0)) best = { tag, version };
  }
  return best;
}

/** The major version users reference before any release exists: the first release is 1.0.0. */
export const PLANNED_FIRST_MAJOR = 1;
