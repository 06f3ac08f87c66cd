import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionlintPath, repoRoot } from '@mlops-actions/testkit';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const files = [
  ...readdirSync(join(repoRoot, 'examples', 'workflows')).map((f) =>
    join('examples', 'workflows', f),
  ),
  ...readdirSync(join(repoRoot, '.github', 'workflows')).map((f) =>
    join('.github', 'workflows', f),
  ),
].filter((f) => /\.ya?ml$/.test(f));

// Event fields anyone can set (titles, bodies, branch names, commit messages, ...): never in a shell.
const UNTRUSTED = /github\.(event\.|head_ref)/;

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

describe.each(files)('%s', (file) => {
  const workflow = parse(readFileSync(join(repoRoot, file), 'utf8')) as {
    permissions?: unknown;
    jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
  };

  test('actionlint finds nothing', () => {
    const run = () =>
      execFileSync(actionlintPath(), ['-no-color', '-oneline', file], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
    expect(run).not.toThrow();
  });

  test('no run: line holds an untrusted event field', () => {
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((s) => s.run ?? ''));
    expect(runs.filter((r) => UNTRUSTED.test(r))).toEqual([]);
  });

  test('every job states its own permissions', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `job ${name}`).toBeDefined();
    }
  });
});

describe('the workflows users copy', () => {
  test.each(['train-and-report.yml', 'publish-and-deploy.yml'])(
    '%s uses our actions by their published reference',
    (name) => {
      const text = readFileSync(join(repoRoot, 'examples', 'workflows', name), 'utf8');
      const ours = [...text.matchAll(/uses: (\S+)/g)]
        .map((m) => m[1]!)
        .filter((u) => u.includes('mlops-actions'));
      expect(ours.length).toBeGreaterThan(0);
      for (const uses of ours) expect(uses).toMatch(/^OWNER\/mlops-actions\/actions\/[a-z-]+@v1$/);
    },
  );

  test('train-and-report gives contents: write only to the job that commits, pull-requests: write only to the one that comments', () => {
    const workflow = parse(
      readFileSync(join(repoRoot, 'examples', 'workflows', 'train-and-report.yml'), 'utf8'),
    ) as {
      jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
    };
    for (const job of Object.values(workflow.jobs)) {
      const uses = job.steps.map((s) => s.uses ?? '');
      const commits =
        uses.some((u) => u.includes('/commit@')) || uses.some((u) => u.includes('/report@'));
      const comments = uses.some((u) => u.includes('/report@'));
      expect(job.permissions?.['contents'] === 'write').toBe(commits);
      expect(job.permissions?.['pull-requests'] === 'write').toBe(comments);
    }
  });
});
