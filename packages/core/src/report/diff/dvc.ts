// Params and metrics diffs asked of DVC itself, for what the native reader leaves to DVC (templated
// dvc.yaml, TOML or Python params files): `dvc params|metrics diff --json`, read into a DataDiff.
import { exec } from '../../exec.ts';
import { type PyScalar, py } from '../../pure/pyvalue.ts';
import type { DataDiff, ValueDiff } from './data.ts';

/** A DVC executable, or a function that finds or installs one (called only when DVC is needed). */
export type DvcExecutable = string | (() => Promise<string>);

/** dvcPath resolves a DvcExecutable to the path of DVC, installing it if need be. */
export function dvcPath(dvc: DvcExecutable): Promise<string> {
  return typeof dvc === 'string' ? Promise.resolve(dvc) : dvc();
}

function scalarFromJson(value: unknown): PyScalar | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return py.bool(value);
  if (typeof value === 'number') return Number.isInteger(value) ? py.int(value) : py.float(value);
  return py.str(typeof value === 'string' ? value : JSON.stringify(value));
}

/** dvcDiff asks DVC itself for a diff (templated dvc.yaml, TOML or Python params files). */
export async function dvcDiff(
  kind: 'params' | 'metrics',
  cwd: string,
  dvc: DvcExecutable,
  baseSha: string,
): Promise<DataDiff> {
  const { stdout } = await exec(await dvcPath(dvc), [kind, 'diff', baseSha, '--all', '--json'], {
    cwd,
    silent: true,
    env: { DVC_NO_ANALYTICS: '1' },
    notFoundHint:
      'Install DVC: this project uses templating or file types that DVC itself must read.',
  });
  const json = JSON.parse(stdout || '{}') as Record<
    string,
    Record<string, { old: unknown; new: unknown; diff?: number }>
  >;
  const result: DataDiff = new Map();
  for (const [path, keys] of Object.entries(json)) {
    const entries = new Map<string, ValueDiff>();
    for (const [key, d] of Object.entries(keys)) {
      const value: ValueDiff = { old: scalarFromJson(d.old), new: scalarFromJson(d.new) };
      if (typeof d.diff === 'number') value.diff = d.diff;
      entries.set(key, value);
    }
    result.set(path, entries);
  }
  return result;
}
