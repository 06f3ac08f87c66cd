import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** findUp returns the nearest folder at or above `dir` that holds `name`, or undefined. */
export function findUp(dir: string, name: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, name))) return current;
    if (dirname(current) === current) return undefined;
  }
}
