import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { errorMessage } from '../pure/errors.ts';
import { info, warning } from '../runtime.ts';
import { type DvcCacheKeys, dvcCacheKeys } from './cache-key.ts';
import { type DvcCli, findDvcRoot, runDvc } from './cli.ts';

/** Where the DVC cache folder is and under which keys it is kept. */
export interface DvcCachePlan extends DvcCacheKeys {
  /** The cache folder as @actions/cache gets it: relative to the workspace when inside it. */
  path: string;
}

/** The outcome of restoring, for the job summary. */
export interface DvcCacheRestore {
  plan?: DvcCachePlan;
  /** The key that was restored, exact or a fallback; undefined on a miss. */
  restoredKey?: string;
  /** One phrase for the summary: `restored (exact)`, `miss`, `unavailable`… */
  status: string;
}

/**
 * planDvcCache finds the project's cache folder (`dvc cache dir`, so a moved cache is honoured)
 * and computes its keys from the dvc.lock that is checked out now.
 */
export async function planDvcCache(options: {
  dvc: DvcCli;
  workspace: string;
  workingDirectory: string;
  os: string;
}): Promise<DvcCachePlan> {
  const run = await runDvc(options.dvc, ['cache', 'dir'], {
    cwd: options.workingDirectory,
    silent: true,
  });
  const root = findDvcRoot(options.workingDirectory) ?? options.workingDirectory;
  const dir = run.result?.stdout.trim() || join(root, '.dvc', 'cache');
  const lock = join(options.workingDirectory, 'dvc.lock');
  const rel = relative(options.workspace, options.workingDirectory).split(sep).join('/') || '.';
  const keys = dvcCacheKeys({
    os: options.os,
    workingDirectory: rel,
    lockText: existsSync(lock) ? readFileSync(lock, 'utf8') : undefined,
  });
  const inside = relative(options.workspace, dir);
  const path =
    inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split(sep).join('/') : dir;
  return { ...keys, path };
}

function serviceMissing(): string | undefined {
  const v2 = !!process.env['ACTIONS_CACHE_SERVICE_V2'];
  const url = v2
    ? process.env['ACTIONS_RESULTS_URL']
    : process.env['ACTIONS_CACHE_URL'] || process.env['ACTIONS_RESULTS_URL'];
  return url ? undefined : v2 ? 'ACTIONS_RESULTS_URL' : 'ACTIONS_CACHE_URL';
}

/**
 * restoreDvcCache restores the DVC cache folder saved under the plan's key or, failing that, the
 * newest one of the same project. Never fails the step: a cache service error is a warning.
 */
export async function restoreDvcCache(plan: DvcCachePlan): Promise<DvcCacheRestore> {
  const missing = serviceMissing();
  if (missing) {
    warning(
      `cache: true, but the cache service is not available here (${missing} is not set): the DVC cache is neither restored nor saved`,
    );
    return { plan, status: 'unavailable on this runner' };
  }
  try {
    const cache = await import('@actions/cache');
    const restoredKey = await cache.restoreCache([plan.path], plan.key, plan.restoreKeys);
    if (!restoredKey) {
      info(`DVC cache: no entry for ${plan.key} or its restore keys`);
      return { plan, status: 'miss' };
    }
    const exact = restoredKey === plan.key;
    info(`DVC cache: restored ${restoredKey}${exact ? '' : ' (fallback)'}`);
    return {
      plan,
      restoredKey,
      status: exact ? 'restored (exact key)' : 'restored (fallback key)',
    };
  } catch (error) {
    warning(`DVC cache was not restored: ${errorMessage(error)}`);
    return { plan, status: 'restore failed' };
  }
}

/**
 * saveDvcCache saves the DVC cache folder under a key from the dvc.lock after the run, unless that
 * exact key was just restored. Never fails the step: a cache service error is a warning.
 */
export async function saveDvcCache(
  restore: DvcCacheRestore,
  after: { workspace: string; workingDirectory: string; os: string },
): Promise<string> {
  const plan = restore.plan;
  if (!plan || serviceMissing()) return restore.status;
  const lock = join(after.workingDirectory, 'dvc.lock');
  const rel = relative(after.workspace, after.workingDirectory).split(sep).join('/') || '.';
  const { key } = dvcCacheKeys({
    os: after.os,
    workingDirectory: rel,
    lockText: existsSync(lock) ? readFileSync(lock, 'utf8') : undefined,
  });
  if (key === restore.restoredKey) return `${restore.status}, unchanged`;
  if (!existsSync(isAbsolute(plan.path) ? plan.path : join(after.workspace, plan.path))) {
    return `${restore.status}, nothing to save`;
  }
  try {
    const cache = await import('@actions/cache');
    // @actions/cache reports most failures itself (as warnings) and returns -1 instead of throwing.
    const id = await cache.saveCache([plan.path], key);
    if (id === -1) return `${restore.status}, not saved`;
    info(`DVC cache: saved ${key}`);
    return `${restore.status}, saved`;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'ReserveCacheError') {
      info(`DVC cache: ${key} is already saved (by another job)`);
      return `${restore.status}, already saved`;
    }
    warning(`DVC cache was not saved: ${errorMessage(error)}`);
    return `${restore.status}, save failed`;
  }
}
