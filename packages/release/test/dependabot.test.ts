// .github/dependabot.yml points at folders that hold what each ecosystem reads, and groups updates.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { monorepoRoot } from './repo.ts';

interface Update {
  'package-ecosystem': string;
  directory?: string;
  directories?: string[];
  groups?: Record<string, { patterns?: string[] }>;
}

// The file each ecosystem needs to find in a configured folder.
const MANIFEST: Record<string, string> = {
  npm: 'package.json',
  'github-actions': '.github/workflows',
  gomod: 'go.mod',
  pip: 'requirements.txt',
  docker: 'Dockerfile',
};

describe('Dependabot', () => {
  const config = parse(readFileSync(join(monorepoRoot, '.github', 'dependabot.yml'), 'utf8')) as {
    version: number;
    updates: Update[];
  };

  test('covers npm, GitHub Actions, Go, Python and the runner image', () => {
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(
      Object.keys(MANIFEST).sort(),
    );
  });

  test.each(Object.keys(MANIFEST))(
    'every %s folder holds what Dependabot reads, and updates come grouped',
    (ecosystem) => {
      const update = config.updates.find((u) => u['package-ecosystem'] === ecosystem)!;
      const folders = update.directories ?? [update.directory ?? ''];
      expect(folders.length).toBeGreaterThan(0);
      for (const folder of folders) {
        expect(existsSync(join(monorepoRoot, folder, MANIFEST[ecosystem]!)), `${folder}`).toBe(
          true,
        );
      }
      expect(Object.keys(update.groups ?? {}).length).toBeGreaterThan(0);
    },
  );
});
