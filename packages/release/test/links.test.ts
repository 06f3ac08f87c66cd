// An action's README rewritten for its standalone repository.
import { describe, expect, test } from 'vitest';
import { markdownLinks, rewriteReadme } from '../src/index.ts';

const ctx = {
  action: 'dvc-push',
  shipped: new Set(['action.yml', 'dist', 'dist/index.js', 'README.md', 'LICENSE', 'SECURITY.md']),
  rootFiles: ['LICENSE', 'SECURITY.md'],
  isDirectory: (path: string) =>
    ['actions/dvc-repro', 'docker', 'actions/dvc-push/src'].includes(path),
  serverUrl: 'https://github.test',
  monorepo: 'octo-org/mlops-actions',
  tag: 'v1.4.0',
  targets: new Map([
    ['dvc-push', 'octo-org/mlops-dvc-push'],
    ['dvc-repro', 'octo-org/mlops-dvc-repro'],
  ]),
};

describe('standalone README links', () => {
  test.each([
    ['../dvc-repro', 'https://github.test/octo-org/mlops-actions/tree/v1.4.0/actions/dvc-repro'],
    ['../../docker', 'https://github.test/octo-org/mlops-actions/tree/v1.4.0/docker'],
    [
      '../../CONTRIBUTING.md#tests',
      'https://github.test/octo-org/mlops-actions/blob/v1.4.0/CONTRIBUTING.md#tests',
    ],
    ['/README.md', 'https://github.test/octo-org/mlops-actions/blob/v1.4.0/README.md'],
    ['src', 'https://github.test/octo-org/mlops-actions/tree/v1.4.0/actions/dvc-push/src'],
    ['./action.yml', 'action.yml'],
    ['dist/index.js', 'dist/index.js'],
    ['../../LICENSE', 'LICENSE'],
    ['#inputs', '#inputs'],
    ['https://dvc.org/doc', 'https://dvc.org/doc'],
  ])('%s becomes %s', (target, expected) => {
    const out = rewriteReadme(`See [it](${target}).\n`, ctx, 'mlops-actions');
    expect(out).toBe(`See [it](${expected}).\n`);
  });

  test('uses: lines name the standalone repositories; code blocks keep their brackets', () => {
    const readme =
      '```yaml\n- uses: OWNER/mlops-actions/actions/dvc-repro@v1\n- run: echo "[x](../y)"\n```\n';
    expect(rewriteReadme(readme, ctx, 'mlops-actions')).toBe(
      '```yaml\n- uses: octo-org/mlops-dvc-repro@v1\n- run: echo "[x](../y)"\n```\n',
    );
  });

  test('reference definitions, images and HTML attributes are links too', () => {
    const text = '![plot](../../docs/a.png)\n[ref]: ../dvc-repro\n<img src="../../docs/b.png">\n';
    expect(markdownLinks(text).map((l) => l.target)).toEqual([
      '../../docs/a.png',
      '../dvc-repro',
      '../../docs/b.png',
    ]);
  });
});
