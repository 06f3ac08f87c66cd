// The report on the real example project (the digits pipeline), trained on main and on a pull
// request branch: what the report says must be what DVC says, and every plot must be drawn.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import {
  type ActionResult,
  pullRequestEvent,
  repoRoot,
  runAction,
  venvBin,
} from '@mlops-actions/testkit';
import { DEFAULT_TOKEN, type LocalGitHub, startLocalGitHub } from '@mlops-actions/testkit/github';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExamplePullRequest, examplePullRequest } from './example-fixture.ts';

const run = promisify(execFile);

describe('the report on the example project', { timeout: 300_000 }, () => {
  let example: ExamplePullRequest;
  let github: LocalGitHub;
  let result: ActionResult;

  beforeAll(async () => {
    example = await examplePullRequest(dirname(venvBin('dvc')));
    github = await startLocalGitHub({
      repositories: [{ fullName: 'octo-org/demo', gitDir: example.repo.originDir }],
      pullRequests: [
        {
          number: 7,
          head: { ref: 'feature', sha: example.head },
          base: { ref: 'main', sha: example.base },
        },
      ],
    });
    result = await runAction({
      action: join(repoRoot, 'actions', 'report'),
      workspace: example.repo.workDir,
      inputs: {
        token: DEFAULT_TOKEN,
        'metrics-better': 'accuracy: higher\nf1_macro: higher\nlog_loss: lower',
      },
      env: { PATH: example.env['PATH'] },
      event: pullRequestEvent({ number: 7, headSha: example.head, baseSha: example.base }),
      apiUrl: github.url,
      serverUrl: github.serverUrl,
    });
  });

  afterAll(async () => {
    await github?.stop();
    if (example) await rm(dirname(example.repo.workDir), { recursive: true, force: true });
  });

  test('succeeds with one comment and no warning', () => {
    expect(result.annotations).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(github.commentsOn(7)).toHaveLength(1);
    github.assertNoViolations();
  });

  test('reports the metrics that changed exactly as dvc metrics diff does', async () => {
    const dvc = JSON.parse(
      await example.run(venvBin('dvc'), ['metrics', 'diff', 'main', '--json']),
    );
    expect(JSON.parse(result.outputs['metrics-changed']!)).toEqual(dvc);
    expect(Object.keys(dvc['evaluation/metrics.json'])).toContain('accuracy');
  });

  test('reports the params that changed as dvc params diff does', async () => {
    const dvc = JSON.parse(await example.run(venvBin('dvc'), ['params', 'diff', 'main', '--json']));
    expect(Object.keys(dvc['params.yaml']).sort()).toEqual([
      'train.epochs',
      'train.optimizer.learning_rate',
    ]);
    expect(result.summary).toContain('| params.yaml | train.epochs | 30 | 12 | −18 |');
    expect(result.summary).toContain(
      '| params.yaml | train.optimizer.learning_rate | 0.003 | 0.01 | +0.007 |',
    );
  });

  test('draws the training curves as SVG charts and the preview images side by side', async () => {
    const files = (
      await run('git', [
        '--git-dir',
        example.repo.originDir,
        'ls-tree',
        '-r',
        '--name-only',
        'mlops-report-images',
      ])
    ).stdout;
    expect(files.trim().split('\n').sort()).toEqual(
      [
        'evaluation-plots-pred_preview-base.png',
        'evaluation-plots-pred_preview-workspace.png',
        'training_accuracy.svg',
        'training_loss.svg',
      ].map((f) => `${example.head}/${f}`),
    );
    const body = github.commentsOn(7)[0]!.body;
    expect(body).toContain('#### Training and validation loss per epoch');
    expect(body).toContain('#### Training and validation accuracy per epoch');
    expect(body).toMatch(
      /<td><img src="[^"]+pred_preview-base\.png\?raw=true"[^>]*><\/td><td><img src="[^"]+pred_preview-workspace\.png\?raw=true"/,
    );
  });

  test('shows the confusion matrix as a ten by ten table of counts', () => {
    const body = github.commentsOn(7)[0]!.body;
    expect(body).toContain(
      '| Actual digit ↓ · Predicted digit → | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 |',
    );
    const rows = body.split('\n').filter((line) => /^\| \*\*\d\*\* \|/.test(line));
    expect(rows).toHaveLength(20);
  });
});
