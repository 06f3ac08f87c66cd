// What a bentofile says about the service's Python packages. Pure: YAML text in, package list out.
import { parse } from 'yaml';

/** The Python requirements a bentofile declares: inline packages and a requirements file. */
export interface BentofilePython {
  packages: string[];
  /** `python.requirements_txt`, relative to the build context, when set. */
  requirementsTxt: string | undefined;
}

/** bentofilePython reads `python.packages` and `python.requirements_txt`; a bad file gives none. */
export function bentofilePython(text: string): BentofilePython {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    // bentoml build reports a broken bentofile with its own message.
    return { packages: [], requirementsTxt: undefined };
  }
  const python =
    doc && typeof doc === 'object' ? (doc as Record<string, unknown>)['python'] : undefined;
  if (!python || typeof python !== 'object') return { packages: [], requirementsTxt: undefined };
  const { packages, requirements_txt: requirementsTxt } = python as Record<string, unknown>;
  return {
    packages: Array.isArray(packages)
      ? packages
          .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
          .map((p) => p.trim())
      : [],
    requirementsTxt:
      typeof requirementsTxt === 'string' && requirementsTxt.trim()
        ? requirementsTxt.trim()
        : undefined,
  };
}

/** requirementLines keeps the requirement specifiers of a requirements.txt (no comments or options). */
export function requirementLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter((l) => l && !l.startsWith('-'));
}

/** isBentomlRequirement tells whether a requirement names BentoML itself (the action pins that one). */
export function isBentomlRequirement(requirement: string): boolean {
  return /^bentoml(?:\s*(?:\[[^\]]*\])?\s*(?:[=<>!~;@].*)?)?$/i.test(requirement.trim());
}
