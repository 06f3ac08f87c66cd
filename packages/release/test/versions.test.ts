// The versions users see in this repository: every example workflow and README references an
// action of actions/ at a version that exists (a tag), or, before the first release, at v1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkReferences, discoverActions, findReferences, userFacingFiles } from '../src/index.ts';
import { monorepoRoot, tagCommits } from './repo.ts';

describe('the versions users see', () => {
  const files = userFacingFiles(monorepoRoot);
  const references = files.flatMap((f) =>
    findReferences(f, readFileSync(join(monorepoRoot, f), 'utf8')),
  );

  test('every example workflow references our actions', () => {
    const workflows = files.filter((f) => f.startsWith('examples/workflows/'));
    expect(workflows.length).toBeGreaterThan(0);
    for (const file of workflows)
      expect(
        references.some((r) => r.file === file),
        file,
      ).toBe(true);
  });

  test('every reference names an action and a version that exists', () => {
    expect(
      checkReferences(references, discoverActions(monorepoRoot), tagCommits(monorepoRoot)),
    ).toEqual([]);
  });
});
