// init on three repository layouts: each output linted by actionlint, and run through the local
// workflow runner where the project allows it (a remote this machine can serve).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import {
  actionlintPath,
  createExampleRepo,
  type MotoS3,
  pythonVenv,
  scratchDir,
  startMotoS3,
} from '@mlops-actions/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { type InitResult, init } from '../src/init.ts';
import { failure, git, type PullRequestRun, runPullRequest } from './pull-request.ts';

const execFileAsync = promisify(execFile);

/** PATH without any folder holding dvc: a GitHub-hosted runner before any Python set-up. */
const pathWithoutDvc = (process.env['PATH'] ?? '')
  .split(delimiter)
  .filter((dir) => dir && !existsSync(join(dir, 'dvc')))
  .join(delimiter);
const lintPath = [dirname(actionlintPath()), pathWithoutDvc].join(delimiter);

async function runInit(cwd: string, args: string[]): Promise<{ result: InitResult; out: string }> {
  const lines: string[] = [];
  const result = await init(args, {
    cwd,
    out: (l) => lines.push(l),
    ask: undefined,
    path: lintPath,
  });
  if (!result) throw new Error('init wrote nothing');
  return { result, out: lines.join('\n') };
}

function actionlint(cwd: string, files: string[]): void {
  execFileSync(actionlintPath(), ['-no-color', '-oneline', ...files], { cwd, encoding: 'utf8' });
}

interface Workflow {
  jobs: Record<
    string,
    {
      permissions?: Record<string, string>;
      env?: Record<string, string>;
      steps: { uses?: string; run?: string; with?: Record<string, string> }[];
    }
  >;
}

const read = (root: string, name: string) =>
  parse(readFileSync(join(root, '.github', 'workflows', name), 'utf8')) as Workflow;

function step(workflow: Workflow, job: string, action: string) {
  return workflow.jobs[job]!.steps.find((s) => s.uses?.includes(`/actions/${action}@`));
}

/** No `run:` line of any job may hold an event field anyone can set. */
function untrustedRuns(workflow: Workflow): string[] {
  return Object.values(workflow.jobs)
    .flatMap((j) => j.steps.map((s) => s.run ?? ''))
    .filter((r) => /github\.(event\.|head_ref)/.test(r));
}

const runnerEnv = () => ({
  HOME: process.env['HOME'] ?? '/tmp',
  DVC_NO_ANALYTICS: '1',
  PATH: pathWithoutDvc,
});

describe('a project in a subfolder with an S3 remote', () => {
  let moto: MotoS3;
  let workDir: string;
  let init1: { result: InitResult; out: string };
  let run: PullRequestRun;

  beforeAll(async () => {
    moto = await startMotoS3();
    await moto.createBucket('models');
    const venv = pythonVenv();
    const root = scratchDir('init-s3-');
    workDir = join(root, 'work');
    const originDir = join(root, 'origin.git');
    const ml = join(workDir, 'ml');
    mkdirSync(ml, { recursive: true });
    writeFileSync(
      join(ml, 'dvc.yaml'),
      `stages:
  train:
    cmd: python train.py
    deps:
      - train.py
    params:
      - train.epochs
    outs:
      - model.pkl
    metrics:
      - metrics.json:
          cache: false
    plots:
      - history.csv:
          cache: false
          x: epoch
          y: loss
`,
    );
    writeFileSync(join(ml, 'params.yaml'), 'train:\n  epochs: 4\n');
    writeFileSync(
      join(ml, 'train.py'),
      `import json, pathlib, pickle, re
epochs = int(re.search(r"epochs:\\s*(\\d+)", pathlib.Path("params.yaml").read_text()).group(1))
with open("history.csv", "w") as f:
    f.write("epoch,loss\\n")
    for e in range(1, epochs + 1):
        f.write(f"{e},{1 / (1 + e):.4f}\\n")
loss = 1 / (1 + epochs)
json.dump({"loss": round(loss, 4), "accuracy": round(1 - loss / 2, 4), "calibration": epochs / 100},
          open("metrics.json", "w"))
pickle.dump({"epochs": epochs}, open("model.pkl", "wb"))
`,
    );
    writeFileSync(join(ml, 'requirements.txt'), '# The pipeline uses the standard library only.\n');
    const env = {
      ...process.env,
      ...moto.env,
      PATH: [join(venv, 'bin'), process.env['PATH']].join(delimiter),
      DVC_NO_ANALYTICS: '1',
    };
    const sh = (cwd: string, file: string, ...args: string[]) =>
      execFileAsync(file, args, { cwd, env });
    await git(workDir, 'init', '-q', '-b', 'main');
    await sh(ml, 'dvc', 'init', '--subdir', '-q');
    await sh(ml, 'dvc', 'remote', 'add', '--default', 'storage', 's3://models/ml');
    await sh(ml, 'dvc', 'remote', 'modify', 'storage', 'endpointurl', moto.endpointUrl);
    await sh(ml, 'dvc', 'repro', '--quiet');
    await sh(ml, 'dvc', 'push', '--quiet');
    init1 = await runInit(workDir, ['--owner', 'acme', '--yes', '--metric', 'calibration=lower']);
    await git(workDir, 'add', '--all');
    await git(workDir, 'commit', '-q', '-m', 'Train once, and the workflows init wrote');
    await git('/', 'init', '-q', '--bare', '-b', 'main', originDir);
    await git(workDir, 'remote', 'add', 'origin', originDir);
    await git(workDir, 'push', '-q', 'origin', 'main');
    run = await runPullRequest({
      workDir,
      originDir,
      workflow: join(workDir, '.github', 'workflows', 'train-and-report.yml'),
      venv,
      change: () => writeFileSync(join(ml, 'params.yaml'), 'train:\n  epochs: 9\n'),
      env: {
        ...runnerEnv(),
        AWS_DEFAULT_REGION: moto.env['AWS_DEFAULT_REGION']!,
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      secrets: {
        AWS_ACCESS_KEY_ID: moto.accessKeyId,
        AWS_SECRET_ACCESS_KEY: moto.secretAccessKey,
      },
    });
  });
  afterAll(async () => {
    await moto?.stop();
  });

  test('init finds the project in ml/, its S3 remote and its metrics', () => {
    expect(init1.result.written).toEqual(['.github/workflows/train-and-report.yml']);
    expect(init1.out).toContain('DVC project: ml (stages: train)');
    expect(init1.result.choices.better).toEqual([
      { name: 'loss', direction: 'lower' },
      { name: 'accuracy', direction: 'higher' },
      { name: 'calibration', direction: 'lower' },
    ]);
    expect(init1.out).toMatch(/^ {2}gh secret set AWS_ACCESS_KEY_ID +# /m);
    expect(init1.out).toContain('actionlint: no problems');
  });

  test('the workflow works in ml/, commits what git keeps, and gives AWS keys only to the job that uses the remote', () => {
    actionlint(workDir, ['.github/workflows/train-and-report.yml']);
    const wf = read(workDir, 'train-and-report.yml');
    expect(step(wf, 'train', 'dvc-repro')?.with).toEqual({ 'working-directory': 'ml' });
    expect(step(wf, 'train', 'commit')?.with?.['paths']?.trim().split('\n')).toEqual([
      'ml/dvc.lock',
      'ml/metrics.json',
      'ml/history.csv',
    ]);
    expect(Object.keys(wf.jobs['train']!.env ?? {})).toEqual([
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
    ]);
    expect(wf.jobs['report']!.env).toBeUndefined();
    expect(wf.jobs['report']!.steps.map((s) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v4',
      'acme/mlops-actions/actions/report@v1',
    ]);
    expect(wf.jobs['train']!.permissions).toEqual({ contents: 'write' });
    expect(wf.jobs['report']!.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(untrustedRuns(wf)).toEqual([]);
  });

  test('on a pull request both jobs succeed, DVC pushes to S3, and the report compares the metrics', async () => {
    expect(
      Object.fromEntries(
        Object.entries(run.jobs).map(([k, v]) => [k, v !== 'skipped' && v.success]),
      ),
      failure(run.jobs),
    ).toEqual({ train: true, report: true });
    expect((await moto.listKeys('models', 'ml/')).length).toBeGreaterThan(0);
    expect(run.comments).toHaveLength(1);
    expect(run.comments[0]).toContain('train.epochs');
    expect(run.comments[0]).toContain('calibration');
  });

  test('the report job ran without Python set-up and installed no DVC', () => {
    const report = run.jobs['report'];
    if (report === 'skipped' || !report) throw new Error('report skipped');
    const action = report.steps.find((s) => s.action)?.action;
    expect(action?.exitCode).toBe(0);
    expect(readdirSync(action!.paths.toolCache)).toEqual([]);
  });
});

describe('a project with a Google Cloud Storage remote and no deployment', () => {
  let root: string;
  let result: { result: InitResult; out: string };

  beforeAll(async () => {
    root = scratchDir('init-gcs-');
    mkdirSync(join(root, '.dvc'));
    mkdirSync(join(root, 'reports'));
    writeFileSync(
      join(root, '.dvc', 'config'),
      '[core]\n    remote = gcs\n[\'remote "gcs"\']\n    url = gs://acme-ml/dvc\n',
    );
    writeFileSync(
      join(root, 'dvc.yaml'),
      `stages:
  evaluate:
    cmd: python evaluate.py
    metrics:
      - reports/scores.yaml
    plots:
      - reports/pr_curve.json:
          cache: false
`,
    );
    writeFileSync(
      join(root, 'reports', 'scores.yaml'),
      'f1: 0.81\nlatency_ms: 12.5\nthreshold: 0.4\n',
    );
    writeFileSync(join(root, 'requirements.txt'), 'dvc[gs]\n');
    await git(root, 'init', '-q', '-b', 'main');
    await git(root, 'remote', 'add', 'origin', 'git@github.com:acme-labs/churn.git');
    result = await runInit(root, []);
  });

  test('init writes train-and-report only, with the owner of the GitHub remote', () => {
    expect(result.result.written).toEqual(['.github/workflows/train-and-report.yml']);
    expect(result.out).toContain(
      'no bentofile.yaml or BentoML service: publish-and-deploy not written',
    );
    expect(
      readFileSync(join(root, '.github', 'workflows', 'train-and-report.yml'), 'utf8'),
    ).toContain('uses: acme-labs/mlops-actions/actions/report@v1');
    actionlint(root, ['.github/workflows/train-and-report.yml']);
  });

  test('a DVC-cached metrics file lets the report job sign in to Google Cloud too, keyless', () => {
    const wf = read(root, 'train-and-report.yml');
    for (const job of ['train', 'report']) {
      const auth = wf.jobs[job]!.steps.find((s) =>
        s.uses?.startsWith('google-github-actions/auth@'),
      );
      expect(auth?.with, job).toEqual({
        workload_identity_provider: '${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}',
        service_account: '${{ vars.GCP_SERVICE_ACCOUNT }}',
      });
      expect(wf.jobs[job]!.permissions?.['id-token'], job).toBe('write');
      expect(wf.jobs[job]!.env, job).toBeUndefined();
    }
    expect(result.out).toMatch(/^ {2}gh variable set GCP_WORKLOAD_IDENTITY_PROVIDER --body /m);
    expect(result.out).toMatch(/^ {2}gh variable set GCP_SERVICE_ACCOUNT --body /m);
    expect(result.out).not.toContain('gh secret set');
    expect(result.out).not.toContain('AWS_');
    expect(untrustedRuns(wf)).toEqual([]);
  });

  test('metric directions come from the names; one the name does not tell is left out and said', () => {
    expect(result.result.choices.better).toEqual([
      { name: 'f1', direction: 'higher' },
      { name: 'latency_ms', direction: 'lower' },
    ]);
    expect(result.out).toContain("note: metric 'threshold': direction unknown");
  });
});

describe('the example project (examples/project)', () => {
  let workDir: string;
  let written: { result: InitResult; out: string };
  let run: PullRequestRun;

  beforeAll(async () => {
    const venv = pythonVenv();
    const repo = await createExampleRepo({ venvBin: join(venv, 'bin') });
    workDir = repo.workDir;
    const env = { ...process.env, PATH: [join(venv, 'bin'), process.env['PATH']].join(delimiter) };
    await execFileAsync(join(venv, 'bin', 'dvc'), ['repro', '--quiet'], { cwd: workDir, env });
    await execFileAsync(join(venv, 'bin', 'dvc'), ['push', '--quiet'], { cwd: workDir, env });
    written = await runInit(workDir, ['--owner', 'acme', '--yes']);
    await git(workDir, 'add', '--all');
    await git(workDir, 'commit', '-q', '-m', 'Train once, and the workflows init wrote');
    await git(workDir, 'push', '-q', 'origin', 'main');
    run = await runPullRequest({
      workDir,
      originDir: repo.originDir,
      workflow: join(workDir, '.github', 'workflows', 'train-and-report.yml'),
      venv,
      change: () => {
        const file = join(workDir, 'params.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace(/epochs: \d+/, 'epochs: 6'));
      },
      env: runnerEnv(),
    });
  });

  test('init writes both workflows: metrics-better, the git-kept outputs, the model and the container', () => {
    expect(written.result.written).toEqual([
      '.github/workflows/train-and-report.yml',
      '.github/workflows/publish-and-deploy.yml',
    ]);
    actionlint(workDir, written.result.written);
    const train = read(workDir, 'train-and-report.yml');
    expect(step(train, 'report', 'report')?.with?.['metrics-better']).toBe(
      'accuracy: higher\nf1_macro: higher\nlog_loss: lower\n',
    );
    expect(written.out).toContain("note: metric 'test_images': direction unknown");
    expect(step(train, 'train', 'commit')?.with?.['paths']?.trim().split('\n').sort()).toEqual([
      'dvc.lock',
      'evaluation/metrics.json',
      'evaluation/plots/confusion_matrix.json',
      'evaluation/plots/pred_preview.png',
      'model/training_history.json',
    ]);
    const publish = read(workDir, 'publish-and-deploy.yml');
    expect(step(publish, 'publish-and-deploy', 'bentoml')?.with?.['model']).toBe(
      'model/digits_classifier.bentomodel',
    );
    expect(step(publish, 'publish-and-deploy', 'deploy')?.with).toMatchObject({
      manifests: 'kubernetes/',
      images: 'digits-classifier=${{ steps.bento.outputs.image }}',
    });
    expect(written.out).toContain('gh secret set KUBECONFIG --env production < kubeconfig');
    expect(written.out).toContain('is a local folder');
    for (const name of ['train-and-report.yml', 'publish-and-deploy.yml'])
      expect(untrustedRuns(read(workDir, name))).toEqual([]);
  });

  test('the written train-and-report runs on a pull request: stages run, lock committed, one report', () => {
    expect(
      Object.fromEntries(
        Object.entries(run.jobs).map(([k, v]) => [k, v !== 'skipped' && v.success]),
      ),
      failure(run.jobs),
    ).toEqual({ train: true, report: true });
    const train = run.jobs['train'];
    if (train === 'skipped' || !train) throw new Error('train skipped');
    const repro = train.steps.find((s) => s.name === 'Reproduce the pipeline');
    expect(JSON.parse(repro?.outputs['stages-run'] ?? '[]')).toEqual(['train', 'evaluate']);
    expect(run.comments).toHaveLength(1);
    expect(run.comments[0]).toContain('train.epochs');
    expect(run.comments[0]).toMatch(/log_loss/);
  });
});
