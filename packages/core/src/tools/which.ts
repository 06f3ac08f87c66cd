import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * findOnPath returns the full path of an executable found on PATH (the first match, as a shell
 * would pick it), or undefined. `pathValue` defaults to this process's PATH.
 */
export function findOnPath(
  name: string,
  pathValue = process.env['PATH'] ?? '',
): string | undefined {
  for (const dir of pathValue.split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** isExecutableFile tells whether a path is a regular file (or a link to one) that we may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
