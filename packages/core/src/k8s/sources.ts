// The `manifests` input resolved to files and kustomize folders inside the workspace.
import { existsSync, globSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../pure/errors.ts';
import { resolveInside } from '../pure/inputs.ts';

/** A manifest file, or a folder that `kubectl kustomize` renders. */
export interface ManifestSource {
  kind: 'file' | 'kustomize';
  /** Absolute path. */
  path: string;
  /** Relative to the workspace, as messages and annotations name it. */
  display: string;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** isKustomization tells whether a folder holds a kustomization file. */
export function isKustomization(dir: string): boolean {
  return KUSTOMIZATION.some((f) => existsSync(join(dir, f)));
}

function fromPath(workspace: string, full: string, entry: string, input: string): ManifestSource[] {
  const display = relative(workspace, full) || '.';
  if (!existsSync(full)) {
    throw new InputError(
      input,
      `lists '${entry}', which does not exist in the workspace`,
      'Check the path (relative to the repository root) and that the checkout step ran.',
    );
  }
  if (!statSync(full).isDirectory()) return [{ kind: 'file', path: full, display }];
  if (isKustomization(full)) return [{ kind: 'kustomize', path: full, display }];
  const files = readdirSync(full)
    .filter((f) => MANIFEST_FILE.test(f) && statSync(join(full, f)).isFile())
    .sort();
  if (!files.length) {
    throw new InputError(
      input,
      `lists the folder '${entry}', which has no .yaml, .yml or .json file`,
      'Point it at the folder that holds the manifests (subfolders are not searched), or at a kustomize folder.',
    );
  }
  return files.map((f) => ({
    kind: 'file' as const,
    path: join(full, f),
    display: relative(workspace, join(full, f)),
  }));
}

/**
 * collectSources resolves each entry (a file, a folder of manifests, a kustomize folder, or a glob)
 * inside the workspace, in the order given, without duplicates.
 */
export function collectSources(
  workspace: string,
  entries: readonly string[],
  input = 'manifests',
): ManifestSource[] {
  const out: ManifestSource[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    let found: ManifestSource[];
    if (/[*?[\]{}]/.test(entry)) {
      resolveInside(input, workspace, entry.replace(/[*?[\]{}].*$/, '') || '.');
      const matches = globSync(entry, { cwd: workspace })
        .map((m) => resolve(workspace, m))
        .filter((m) => statSync(m).isDirectory() || MANIFEST_FILE.test(m))
        .sort();
      if (!matches.length) {
        throw new InputError(
          input,
          `has the pattern '${entry}', which matches no manifest`,
          'Check the pattern: it is matched against paths relative to the repository root.',
        );
      }
      found = matches.flatMap((m) =>
        fromPath(workspace, resolveInside(input, workspace, relative(workspace, m)), entry, input),
      );
    } else {
      found = fromPath(workspace, resolveInside(input, workspace, entry), entry, input);
    }
    for (const source of found) {
      if (seen.has(source.path)) continue;
      seen.add(source.path);
      out.push(source);
    }
  }
  return out;
}
