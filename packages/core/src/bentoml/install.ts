// Finding BentoML, or installing a pinned one into a venv in the tool cache when it is missing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ActionError } from '../pure/errors.ts';
import { info } from '../runtime.ts';
import { findOnPath } from '../tools/which.ts';
import { bentofilePython, isBentomlRequirement, requirementLines } from './bentofile.ts';

/** Where the BentoML the action runs comes from. */
export interface ResolvedBentoml {
  executable: string;
  /** True when this run installed it (or reused a venv an earlier run installed) in the tool cache. */
  installed: boolean;
  version: string | undefined;
}

/**
 * servicePackages lists what the installed BentoML needs besides itself: `bentoml build` imports
 * the service, so the bentofile's Python packages must be importable next to BentoML.
 */
export function servicePackages(bentofile: string, buildContext = dirname(bentofile)): string[] {
  if (!existsSync(bentofile)) return [];
  const python = bentofilePython(readFileSync(bentofile, 'utf8'));
  const packages = [...python.packages];
  if (python.requirementsTxt) {
    const file = resolve(buildContext, python.requirementsTxt);
    if (existsSync(file)) packages.push(...requirementLines(readFileSync(file, 'utf8')));
  }
  return packages.filter((p) => !isBentomlRequirement(p));
}

/**
 * checkBentomlSource fails before any work when BentoML is neither on PATH nor installable: the
 * version to install must be a release number pip understands.
 */
export function checkBentomlSource(version: string, pathValue = process.env['PATH'] ?? ''): void {
  if (findOnPath('bentoml', pathValue)) return;
  if (!version) {
    throw new ActionError('`bentoml` is not on PATH and bentoml-version is empty', {
      hint: 'Install BentoML in an earlier step, or set bentoml-version (such as 1.4.40) so the action installs it',
    });
  }
  if (!/^\d+(?:\.\d+){0,3}(?:(?:a|b|rc)\d+)?(?:\.post\d+)?(?:\.dev\d+)?$/.test(version)) {
    throw new ActionError(
      `input 'bentoml-version' is '${version}', which is not a BentoML release number`,
      { hint: 'Set it to a release such as 1.4.40 (https://pypi.org/project/bentoml/#history)' },
    );
  }
}

/**
 * resolveBentoml returns the `bentoml` on PATH, or installs `bentoml==<version>` together with the
 * bentofile's packages into a cached venv (core's tools installer) and returns that one.
 */
export async function resolveBentoml(
  version: string,
  bentofile: string,
  buildContext?: string,
  pathValue = process.env['PATH'] ?? '',
): Promise<ResolvedBentoml> {
  const found = findOnPath('bentoml', pathValue);
  if (found) {
    info(`Using ${found}`);
    return { executable: found, installed: false, version: undefined };
  }
  if (!version) {
    throw new ActionError('`bentoml` is not on PATH and bentoml-version is empty', {
      hint: 'Install BentoML in an earlier step, or set bentoml-version (such as 1.4.40) so the action installs it',
    });
  }
  const { ensurePythonTool } = await import('../tools/python-tool.ts');
  const packages = [`bentoml==${version}`, ...servicePackages(bentofile, buildContext)];
  const tool = await ensurePythonTool({ tool: 'bentoml', version, packages });
  return { executable: tool.executable, installed: true, version };
}
