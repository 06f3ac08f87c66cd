import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { buildReport } from '@mlops-actions/core/report';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderPage } from '../demo/page.ts';
import { type DemoResult, runDemo } from '../demo/pipeline.ts';
import { openPage, type PageCheck } from './browser.ts';

// The same path as `npm run demo`, checked: stages run, dvc.lock committed on the branch,
// one PR comment with params, metrics and image links, a bento built.
let result: DemoResult;
const log: string[] = [];

beforeAll(async () => {
  result = await runDemo({ phase: (t) => log.push(`# ${t}`), step: (l) => log.push(l) });
});

describe('the local end-to-end demo', () => {
  test('train-and-report succeeds in both jobs', () => {
    const jobs = Object.entries(result.trainAndReport).map(([name, r]) => [
      name,
      r === 'skipped' ? 'skipped' : r.success,
    ]);
    expect(jobs, log.join('\n')).toEqual([
      ['train', true],
      ['report', true],
    ]);
  });

  test('dvc-repro ran the stages downstream of the changed parameter', () => {
    const train = result.trainAndReport['train'];
    if (train === 'skipped' || !train) throw new Error('train job skipped');
    const repro = train.steps.find((s) => s.name === 'Reproduce the pipeline');
    expect(JSON.parse(repro?.outputs['stages-run'] ?? '[]')).toEqual(['train', 'evaluate']);
  });

  test('dvc.lock and the uncached metrics are committed on the pull request branch, nothing else', () => {
    // Which plot files change depends on the new model; the lock and the metrics always do.
    const allowed = [
      'dvc.lock',
      'evaluation/metrics.json',
      'evaluation/plots/confusion_matrix.json',
      'evaluation/plots/pred_preview.png',
      'model/training_history.json',
    ];
    const files = result.lockCommit?.files ?? [];
    expect(files).toEqual(expect.arrayContaining(['dvc.lock', 'evaluation/metrics.json']));
    expect(files.filter((f) => !allowed.includes(f))).toEqual([]);
  });

  test('the report job needs no Python set-up: a checkout, then the report', () => {
    for (const run of [result.trainAndReport, result.secondRun]) {
      const report = run['report'];
      if (report === 'skipped' || !report) throw new Error('report job skipped');
      expect(report.success, log.join('\n')).toBe(true);
      expect(report.steps.map((s) => s.name)).toEqual([
        'actions/checkout@v4',
        'Report params, metrics and plots against main',
      ]);
    }
  });

  test('a second push to the pull request updates the same comment in place', () => {
    const [first, second] = result.commentVersions;
    expect(result.commentVersions.map((c) => c.after)).toEqual(['after run 1', 'after run 2']);
    expect(second?.id).toBe(first?.id);
    expect(second?.updatedAt).not.toBe(first?.updatedAt);
    expect(first?.body).not.toContain('train.optimizer.learning_rate');
    expect(second?.body).toContain('train.optimizer.learning_rate');
  });

  test('the pull request has exactly one report comment with params, metrics and image links', () => {
    expect(result.comments).toHaveLength(1);
    const body = result.comments[0]!.body;
    expect(body).toContain('train.epochs');
    expect(body).toMatch(/accuracy/);
    expect(body).toMatch(/!\[[^\]]*\]\([^)]+\)|<img /);
  });

  test('the report is written to its file', () => {
    expect(result.reportPath && existsSync(result.reportPath)).toBe(true);
    expect(readFileSync(result.reportPath!, 'utf8')).toContain('train.epochs');
  });

  test('publish-and-deploy builds the bento, or says what it needs', () => {
    const job = result.publishAndDeploy?.['publish-and-deploy'];
    if (!job || job === 'skipped') {
      expect(result.skipped.join('\n')).toMatch(/needs/);
      return;
    }
    expect(job.success, log.join('\n')).toBe(true);
    const bento = job.steps.find((s) => s.id === 'bento');
    expect(bento?.outputs['bento-tag']).toMatch(/^digits_classifier:\w+/);
    if (bento?.outputs['image']) {
      // Containerized and pushed: the rollout put exactly that image in the Deployment.
      expect(result.deployedImage).toBe(bento.outputs['image']);
    } else {
      expect(result.skipped.join('\n')).toMatch(/containerize and push: needs/);
    }
  });
});

describe('the demo page, opened in headless Chromium', () => {
  let page: PageCheck;
  let screenshot: string;

  beforeAll(async () => {
    screenshot = result.pagePath.replace(/\.html$/, '.png');
    page = await openPage(result.pagePath, screenshot);
  });

  test('is one self-contained file: nothing is fetched over the network', () => {
    expect(page.externalRequests).toEqual([]);
  });

  test('shows the pull request and the report comment, with every image loaded', () => {
    expect(page.title).toContain('Tune the model');
    expect(page.text).toContain('train.epochs');
    expect(page.images.length).toBeGreaterThan(0);
    expect(page.images.filter((i) => !i.complete || i.naturalWidth === 0)).toEqual([]);
  });

  test('every Mermaid chart is drawn, and none failed', () => {
    expect(page.mermaidDrawn).toBe(page.mermaidBlocks);
    expect(page.mermaidErrors).toEqual([]);
  });

  test("lists every job's steps with their times, in the order they ran", () => {
    expect(result.jobs.map((j) => `${j.workflow}/${j.name} ${j.run}`).slice(0, 4)).toEqual([
      'train-and-report/train run 1: pull request opened',
      'train-and-report/report run 1: pull request opened',
      'train-and-report/train run 2: a second push',
      'train-and-report/report run 2: a second push',
    ]);
    const positions = result.jobs.map((j) => page.text.indexOf(`${j.workflow} / ${j.name}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    const report = result.jobs[1]!;
    expect(report.steps.every((s) => s.outcome === 'skipped' || s.durationMs !== undefined)).toBe(
      true,
    );
    expect(page.text).toContain('job summary');
  });

  test('keeps a PNG screenshot next to the page', () => {
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
  });
});

// With no image store (a fork's pull request, or image-store: none) the report draws its data
// plots in Mermaid: the same page must draw them.
test('the report with Mermaid charts instead of images renders every chart in the page', async () => {
  const baseSha = execFileSync('git', ['rev-parse', 'HEAD^1'], {
    cwd: result.workDir,
    encoding: 'utf8',
  }).trim();
  const built = await buildReport({
    cwd: result.workDir,
    base: baseSha,
    title: 'Experiment report',
    marker: 'mlops-actions/report workflow=demo id=mermaid',
    headSha: '',
    repoUrl: undefined,
    runUrl: undefined,
    showAll: false,
    precision: 5,
    better: [],
    plots: true,
    fetch: false,
    dvc: 'dvc',
    svg: false,
    publish: undefined,
    noImagesReason: 'images are not published (image-store: none)',
  });
  const blocks = built.markdown.match(/^```mermaid$/gm)?.length ?? 0;
  expect(blocks).toBeGreaterThan(0);
  const html = result.pagePath.replace(/\.html$/, '-mermaid.html');
  writeFileSync(
    html,
    renderPage({
      repository: 'octo-org/digits',
      pullRequest: {
        number: 1,
        title: 'Tune the model',
        head: 'tune-model',
        base: 'main',
        author: 'octocat',
      },
      commits: [],
      comments: [
        {
          id: 1,
          author: 'github-actions[bot]',
          body: built.markdown,
          createdAt: 'x',
          updatedAt: 'x',
          after: 'no image store',
        },
      ],
      jobs: [],
      image: () => undefined,
    }),
  );
  const check = await openPage(html, html.replace(/\.html$/, '.png'));
  expect(check.mermaidBlocks).toBe(blocks);
  expect(check.mermaidDrawn).toBe(blocks);
  expect(check.mermaidErrors).toEqual([]);
  expect(check.text).not.toMatch(/Syntax error in text/);
});
