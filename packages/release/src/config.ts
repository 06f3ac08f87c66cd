// Where each action is published: .github/standalone-repositories.yml, `<owner>/mlops-<name>` by default.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ReleaseError } from './exec.ts';

/** The configuration file, relative to the monorepo root. */
export const TARGETS_FILE = '.github/standalone-repositories.yml';

/** discoverActions lists the folders of actions/ that hold an action.yml, sorted. */
export function discoverActions(root: string): string[] {
  const dir = join(root, 'actions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'action.yml')))
    .map((e) => e.name)
    .sort();
}

/** standaloneTargets maps each action to its repository: the file's entry, or `<owner>/mlops-<name>`. */
export function standaloneTargets(
  root: string,
  actions: readonly string[],
  owner: string,
): Map<string, string> {
  const path = join(root, TARGETS_FILE);
  let listed: Record<string, unknown> = {};
  if (existsSync(path)) {
    const doc = (parse(readFileSync(path, 'utf8')) ?? {}) as { repositories?: unknown };
    if (doc.repositories !== undefined && doc.repositories !== null) {
      if (typeof doc.repositories !== 'object' || Array.isArray(doc.repositories)) {
        throw new ReleaseError(
          `${TARGETS_FILE}: repositories must map an action name to owner/name`,
        );
      }
      listed = doc.repositories as Record<string, unknown>;
    }
  }
  for (const [name, value] of Object.entries(listed)) {
    if (!actions.includes(name)) {
      throw new ReleaseError(
        `${TARGETS_FILE}: "${name}" is not an action of actions/ (${actions.join(', ')})`,
      );
    }
    if (typeof value !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(value)) {
      throw new ReleaseError(
        `${TARGETS_FILE}: ${name} must be written owner/name, not ${JSON.stringify(value)}`,
      );
    }
  }
  return new Map(
    actions.map((a) => [a, (listed[a] as string | undefined) ?? `${owner}/mlops-${a}`]),
  );
}
