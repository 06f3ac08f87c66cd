import { describe, expect, test } from 'vitest';
import { type BentoRunResult, summaryMarkdown } from '../../src/bentoml/summary.ts';

const DIGEST = `sha256:${'a'.repeat(64)}`;

function result(overrides: Partial<BentoRunResult> = {}): BentoRunResult {
  return {
    models: [{ file: 'model/digits.bentomodel', tag: 'digits:abc', outcome: 'imported' }],
    bentoTag: 'digits_service:xyz',
    references: ['r.io/team/digits:v1', 'r.io/team/digits:latest'],
    backend: 'buildah',
    pushed: [
      { reference: 'r.io/team/digits:v1', digest: DIGEST },
      { reference: 'r.io/team/digits:latest', digest: DIGEST },
    ],
    bentoml: { executable: '/usr/bin/bentoml', installed: false, version: undefined },
    ...overrides,
  };
}

describe('summaryMarkdown', () => {
  test('shows the Bento, the models, every pushed reference with its digest, and how to pull it', () => {
    expect(summaryMarkdown(result())).toBe(
      [
        '### BentoML',
        'Bento **`digits_service:xyz`**',
        '| Model archive | Model tag | Import |\n| --- | --- | --- |\n| model/digits.bentomodel | digits:abc | imported |',
        `| Image | Pushed digest |\n| --- | --- |\n| r.io/team/digits:v1 | ${DIGEST} |\n| r.io/team/digits:latest | ${DIGEST} |`,
        `Pull it by digest:\n\n\`\`\`\nr.io/team/digits@${DIGEST}\n\`\`\``,
        'Built with the `buildah` backend.',
      ].join('\n\n'),
    );
  });

  test.each([
    ['skipped', 'already in the store (skipped)'],
    ['replaced', 'replaced (overwrite)'],
  ] as const)('says a %s model was %s', (outcome, text) => {
    const md = summaryMarkdown(result({ models: [{ file: 'm.bentomodel', tag: 'm:1', outcome }] }));
    expect(md).toContain(`| m.bentomodel | m:1 | ${text} |`);
  });

  test('marks references that were built but not pushed', () => {
    const md = summaryMarkdown(result({ pushed: [] }));
    expect(md).toContain('| r.io/team/digits:v1 | not pushed |');
    expect(md).not.toContain('Pull it by digest');
  });

  test('says no image was built without images', () => {
    expect(summaryMarkdown(result({ references: [], pushed: [] }))).toContain('No image was built');
  });

  test('says when the action installed BentoML', () => {
    const md = summaryMarkdown(
      result({ bentoml: { executable: '/tc/bin/bentoml', installed: true, version: '1.4.40' } }),
    );
    expect(md).toContain('BentoML 1.4.40 was installed into the tool cache for this run.');
  });
});
