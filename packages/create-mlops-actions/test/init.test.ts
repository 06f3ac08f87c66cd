// init in a terminal: it asks only what it could not find, and uses the answers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { init } from '../src/init.ts';

function repository(): string {
  const root = mkdtempSync(join(tmpdir(), 'init-ask-'));
  mkdirSync(join(root, '.dvc'));
  mkdirSync(join(root, 'kubernetes'));
  writeFileSync(
    join(root, 'dvc.yaml'),
    'stages:\n  fit:\n    cmd: python fit.py\n    outs:\n      - model.bentomodel\n    metrics:\n      - m.json:\n          cache: false\n',
  );
  writeFileSync(join(root, 'm.json'), '{"rmse": 3.2, "coverage_gap": 0.1}');
  writeFileSync(join(root, '.python-version'), '3.12.4\n');
  writeFileSync(join(root, 'bentofile.yaml'), 'service: "svc:Api"\n');
  writeFileSync(
    join(root, 'kubernetes', 'deploy.yaml'),
    'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n        - name: proxy\n',
  );
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/forecast.git'], {
    cwd: root,
  });
  return root;
}

test('asks the metric direction the name does not tell, the runner and the container, and nothing found', async () => {
  const root = repository();
  const asked: string[] = [];
  const answers: Record<string, string> = {
    "Should 'coverage_gap' (m.json) go higher or lower?": 'lower',
    'runs-on of the training job': 'self-hosted, gpu',
    'Which container runs the image?': 'api',
  };
  const result = await init([], {
    cwd: root,
    out: () => {},
    path: '',
    ask: async (question, fallback) => {
      asked.push(question);
      return answers[question] ?? fallback;
    },
  });
  expect(asked).toEqual(Object.keys(answers));
  expect(result?.choices).toMatchObject({
    owner: 'acme',
    pythonVersion: '3.12.4',
    trainRunner: ['self-hosted', 'gpu'],
    container: 'api',
    models: ['model.bentomodel'],
    better: [
      { name: 'rmse', direction: 'lower' },
      { name: 'coverage_gap', direction: 'lower' },
    ],
  });
  const train = parse(readFileSync(join(root, '.github/workflows/train-and-report.yml'), 'utf8'));
  expect(train.jobs.train['runs-on']).toEqual(['self-hosted', 'gpu']);
  const publish = readFileSync(join(root, '.github/workflows/publish-and-deploy.yml'), 'utf8');
  expect(publish).toContain('images: api=${{ steps.bento.outputs.image }}');
});

test('flags answer the questions: nothing is asked', async () => {
  const root = repository();
  const asked: string[] = [];
  await init(
    [
      '--metric',
      'coverage_gap=higher',
      '--runner',
      'ubuntu-latest',
      '--container',
      'proxy',
      '--no-deploy',
    ],
    {
      cwd: root,
      out: () => {},
      path: '',
      ask: async (q, f) => {
        asked.push(q);
        return f;
      },
    },
  );
  expect(asked).toEqual([]);
  const publish = readFileSync(join(root, '.github/workflows/publish-and-deploy.yml'), 'utf8');
  expect(publish).not.toContain('/actions/deploy@');
  expect(publish).not.toContain('environment:');
});
