import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './node24.ts';

let cached: string | undefined;

/** pythonVenv returns the pinned venv (dvc, bentoml, scikit-learn, moto), creating it on first use. */
export function pythonVenv(): string {
  if (cached) return cached;
  const fromEnv = process.env['MLOPS_VENV'];
  if (
    fromEnv &&
    ['.complete', 'bin/python', 'bin/dvc'].every((f) => existsSync(join(fromEnv, f)))
  ) {
    cached = fromEnv;
  } else {
    cached = execFileSync('bash', [join(repoRoot, 'scripts', 'setup-python.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  }
  return cached;
}

/** venvBin returns the path of a tool in the pinned venv, such as `dvc` or `bentoml`. */
export function venvBin(tool: string): string {
  return join(pythonVenv(), 'bin', tool);
}
