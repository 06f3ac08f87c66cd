// The page's pieces with plain values: GFM rendering, images from the image branch inlined, and
// the job timeline pairing the runner's step events with the jobs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { imagesFromOrigin, JobRecorder, renderMarkdown } from '../demo/page.ts';

const none = () => undefined;

describe('renderMarkdown renders what GitHub renders', () => {
  test.each([
    ['a table', '| a | b |\n| --- | --- |\n| 1 | 2 |', /<table>[\s\S]*<td>1<\/td>/],
    ['a task list', '- [x] done\n- [ ] open', /<input checked="" disabled="" type="checkbox"/],
    [
      'details',
      '<details><summary>More</summary>\n\n**bold**\n\n</details>',
      /<details><summary>More<\/summary>[\s\S]*<strong>bold<\/strong>/,
    ],
    ['an alert', '> [!WARNING]\n> Careful.', /class="markdown-alert markdown-alert-warning"/],
    [
      'a mermaid block as a chart holder',
      '```mermaid\nxychart-beta\n  line [1, 2]\n```',
      /<pre class="mermaid">xychart-beta\n {2}line \[1, 2\]<\/pre>/,
    ],
    ['strikethrough', '~~old~~', /<del>old<\/del>/],
  ])('%s', (_name, markdown, html) => {
    expect(renderMarkdown(markdown, none)).toMatch(html);
  });
});

test('images of the image branch are read from the origin by commit and inlined', () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-images-'));
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '--bare', '-b', 'main');
  const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], {
    cwd: dir,
    input: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  })
    .toString()
    .trim();
  const tree = execFileSync('git', ['mktree'], {
    cwd: dir,
    input: `100644 blob ${blob}\tloss chart.svg\n`,
  })
    .toString()
    .trim();
  const sub = execFileSync('git', ['mktree'], { cwd: dir, input: `040000 tree ${tree}\tabc\n` })
    .toString()
    .trim();
  const commit = git(
    '-c',
    'user.name=a',
    '-c',
    'user.email=a@b',
    'commit-tree',
    sub,
    '-m',
    'images',
  );
  const image = imagesFromOrigin(dir, 'http://127.0.0.1:9/', 'octo/repo');
  const url = `http://127.0.0.1:9/octo/repo/blob/${commit}/abc/loss%20chart.svg?raw=true`;
  const html = renderMarkdown(
    `<img src="${url}" alt="loss">\n\n![x](http://elsewhere/x.png)`,
    image,
  );
  expect(html).toContain(
    `src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}"`,
  );
  expect(html).toContain('src="http://elsewhere/x.png"');
  expect(
    image(`http://127.0.0.1:9/octo/repo/blob/${commit}/abc/missing.svg?raw=true`),
  ).toBeUndefined();
});

test('JobRecorder pairs step events with the jobs that ran, skipped jobs included', () => {
  const recorder = new JobRecorder();
  for (const [index, status, durationMs] of [
    [0, 'start', undefined],
    [0, 'success', 100],
    [1, 'skipped', undefined],
    [0, 'start', undefined],
    [0, 'failure', 250],
  ] as const)
    recorder.step({ index, name: `s${index}`, status, ...(durationMs ? { durationMs } : {}) });
  recorder.take('wf', 'run 1', {
    a: {
      success: true,
      steps: [
        { name: 'one', outcome: 'success', action: { summary: '## A' } },
        { name: 'two', outcome: 'skipped' },
      ],
    },
    b: 'skipped',
    c: { success: false, steps: [{ name: 'three', outcome: 'failure' }] },
  });
  expect(
    recorder.jobs.map((j) => [
      j.name,
      j.result,
      j.steps.map((s) => [s.name, s.durationMs, s.summary]),
    ]),
  ).toEqual([
    [
      'a',
      'success',
      [
        ['one', 100, '## A'],
        ['two', undefined, ''],
      ],
    ],
    ['b', 'skipped', []],
    ['c', 'failure', [['three', 250, '']]],
  ]);
});
