import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { type DemoResult, runDemo } from '../demo/pipeline.ts';

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
