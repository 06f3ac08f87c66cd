// Where the local control plane's binaries are: built once by scripts/kube/build.sh (bootstrap runs
// it) into the project's cache, named by MLOPS_KUBE_BIN (scripts/env.sh) or the cache's kube-bin-path.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The programs of the local control plane. */
export const CONTROL_PLANE_TOOLS = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kubectl',
  'kwok',
] as const;

/** A control-plane program's name. */
export type ControlPlaneTool = (typeof CONTROL_PLANE_TOOLS)[number];

function cacheDir(): string {
  return (
    process.env['MLOPS_CACHE_DIR'] ??
    join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'mlops-actions')
  );
}

/**
 * kubeBinDir finds the folder of the built control plane, or says what is missing and how to
 * build it; `undefined` only when `optional` is set (the demo then skips its rollout).
 */
export function kubeBinDir(optional?: false): string;
export function kubeBinDir(optional: true): string | undefined;
export function kubeBinDir(optional = false): string | undefined {
  const fromFile = join(cacheDir(), 'kube-bin-path');
  const dir =
    process.env['MLOPS_KUBE_BIN'] ||
    (existsSync(fromFile) ? readFileSync(fromFile, 'utf8').trim() : '');
  const missing = dir
    ? CONTROL_PLANE_TOOLS.filter((tool) => !existsSync(join(dir, tool)))
    : [...CONTROL_PLANE_TOOLS];
  if (missing.length === 0) return dir;
  if (optional) return undefined;
  throw new Error(
    `the local Kubernetes control plane is not built (missing ${missing.join(', ')}): run 'bash scripts/bootstrap.sh', which builds it with 'bash scripts/kube/build.sh'`,
  );
}

/** kwokAssetsDir is the folder of kwok's CRDs and stage definitions copied beside the binaries. */
export function kwokAssetsDir(binDir: string): string {
  return join(binDir, '..', 'kwok');
}
