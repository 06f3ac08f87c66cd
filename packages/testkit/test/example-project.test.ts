import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { createExampleRepo, type ExampleRepo, exampleProjectEnv } from '../src/example-project.ts';
import { pythonVenv } from '../src/python.ts';

const execFileAsync = promisify(execFile);

/** The digits data set that ships with scikit-learn has this many images. */
const digitsImages = 1797;

/** findVenv creates (or reuses) the pinned Python venv; no bin folder, and why, if it cannot. */
function findVenv(): { bin?: string; reason?: string } {
  try {
    const venv = pythonVenv();
    const missing = ['python', 'dvc', 'bentoml'].filter(
      (tool) => !existsSync(join(venv, 'bin', tool)),
    );
    return missing.length === 0
      ? { bin: join(venv, 'bin') }
      : { reason: `'${venv}' has no ${missing.join(', ')}` };
  } catch (error) {
    return { reason: (error as Error).message.split('\n').slice(0, 3).join(' ') };
  }
}

const venv = findVenv();
if (!venv.bin) {
  console.warn(
    `Skipping the example project tests: the Python venv could not be created (${venv.reason}).`,
  );
}

/** A timed run of one tool inside the example repository. */
interface Run {
  stdout: string;
  ms: number;
}

// Generous limits: each step runs real DVC, scikit-learn and BentoML processes.
describe.skipIf(!venv.bin)('the example project', { timeout: 120_000 }, () => {
  const bin = venv.bin ?? '';
  const env = exampleProjectEnv(bin);
  let repo: ExampleRepo;
  let firstRepro: Run;

  async function tool(name: 'dvc' | 'bentoml' | 'git', args: string[], extraEnv = {}) {
    const file = name === 'git' ? 'git' : join(bin, name);
    const started = performance.now();
    const { stdout } = await execFileAsync(file, args, {
      cwd: repo.workDir,
      env: { ...env, ...extraEnv },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout, ms: Math.round(performance.now() - started) };
  }

  const stagesRun = (output: string) =>
    [...output.matchAll(/Running stage '([^']+)'/g)].map((match) => match[1]);

  async function readJson(path: string): Promise<unknown> {
    return JSON.parse(await readFile(join(repo.workDir, path), 'utf8'));
  }

  async function params(): Promise<{
    prepare: { split: { test: number } };
    train: { epochs: number };
  }> {
    return parse(await readFile(join(repo.workDir, 'params.yaml'), 'utf8'));
  }

  beforeAll(async () => {
    repo = await createExampleRepo({ venvBin: bin });
    firstRepro = await tool('dvc', ['repro']);
    console.info(`example project: first dvc repro took ${firstRepro.ms} ms`);
  }, 300_000);

  afterAll(async () => {
    if (repo) await rm(join(repo.workDir, '..'), { recursive: true, force: true });
  });

  test('createExampleRepo pushes main to the bare origin', async () => {
    const local = await tool('git', ['rev-parse', 'main']);
    const { stdout: remote } = await execFileAsync('git', ['rev-parse', 'main'], {
      cwd: repo.originDir,
    });
    expect(remote.trim()).toBe(local.stdout.trim());
  });

  test('createExampleRepo makes the local folder the default DVC remote', async () => {
    const { stdout } = await tool('dvc', ['remote', 'list']);
    expect(stdout).toContain(repo.dvcRemoteDir);
  });

  test('createExampleRepo commits no generated files', async () => {
    const { stdout } = await tool('git', ['ls-tree', '-r', '--name-only', 'HEAD']);
    expect(
      stdout.split('\n').filter((path) => /^(data|model|evaluation)\/|dvc\.lock/.test(path)),
    ).toEqual([]);
  });

  test('the first dvc repro runs prepare, train and evaluate in order', () => {
    expect(stagesRun(firstRepro.stdout)).toEqual(['prepare', 'train', 'evaluate']);
  });

  test('the first dvc repro takes well under a minute', () => {
    expect(firstRepro.ms).toBeLessThan(60_000);
  });

  test('the evaluation metrics describe a working classifier', async () => {
    const metrics = (await readJson('evaluation/metrics.json')) as Record<string, number>;
    const testFraction = (await params()).prepare.split.test;
    expect(metrics.accuracy).toBeGreaterThan(0.9);
    expect(metrics.accuracy).toBeLessThanOrEqual(1);
    expect(metrics.f1_macro).toBeGreaterThan(0.9);
    expect(metrics.log_loss).toBeGreaterThan(0);
    expect(metrics.log_loss).toBeLessThan(0.5);
    expect(metrics.test_images).toBe(Math.ceil(digitsImages * testFraction));
  });

  test('the training history has one row per epoch and a falling loss', async () => {
    const history = (await readJson('model/training_history.json')) as Array<{
      epoch: number;
      train_loss: number;
      val_accuracy: number;
    }>;
    const { epochs } = (await params()).train;
    expect(history.map((row) => row.epoch)).toEqual(
      Array.from({ length: epochs }, (_, i) => i + 1),
    );
    expect(history.at(-1)!.train_loss).toBeLessThan(history[0]!.train_loss / 2);
    expect(history.at(-1)!.val_accuracy).toBeGreaterThan(history[0]!.val_accuracy);
  });

  test('the confusion records cover every test image with digits 0 to 9', async () => {
    const records = (await readJson('evaluation/plots/confusion_matrix.json')) as Array<{
      actual: number;
      predicted: number;
    }>;
    const metrics = (await readJson('evaluation/metrics.json')) as Record<string, number>;
    expect(records).toHaveLength(metrics.test_images!);
    expect(new Set(records.map((r) => r.actual))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });

  test('the preview is a PNG image', async () => {
    const png = await readFile(join(repo.workDir, 'evaluation/plots/pred_preview.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  test('dvc plots show draws the four plots dvc.yaml defines', async () => {
    const { stdout } = await tool('dvc', ['plots', 'show', '--json']);
    const plots = JSON.parse(stdout).data as Record<string, Array<{ type: string }>>;
    expect(
      Object.fromEntries(Object.entries(plots).map(([id, renders]) => [id, renders[0]?.type])),
    ).toEqual({
      training_loss: 'vega',
      training_accuracy: 'vega',
      confusion_matrix: 'vega',
      'evaluation/plots/pred_preview.png': 'image',
    });
  });

  test('dvc metrics show reads the metrics the pipeline wrote', async () => {
    const { stdout } = await tool('dvc', ['metrics', 'show', '--json']);
    const shown = JSON.parse(stdout)[''].data['evaluation/metrics.json'].data;
    expect(shown).toEqual(await readJson('evaluation/metrics.json'));
  });

  test('a second dvc repro runs no stage', async () => {
    const again = await tool('dvc', ['repro']);
    console.info(`example project: up-to-date dvc repro took ${again.ms} ms`);
    expect(stagesRun(again.stdout)).toEqual([]);
  });

  test('dvc push stores the data and the model in the local remote', async () => {
    await tool('dvc', ['push']);
    const stored = await readdir(join(repo.dvcRemoteDir!, 'files', 'md5'), { recursive: true });
    // 3 CSVs, the directory listing of data/prepared, model.joblib and the .bentomodel.
    expect(stored.filter((entry) => entry.length > 3)).toHaveLength(6);
  });

  test('changing a train parameter re-runs train and evaluate but not prepare', async () => {
    await tool('git', ['add', '--all']);
    await tool('git', ['commit', '--quiet', '-m', 'Run the pipeline']);
    const path = join(repo.workDir, 'params.yaml');
    const doc = parseDocument(await readFile(path, 'utf8'));
    doc.setIn(['train', 'epochs'], (doc.getIn(['train', 'epochs']) as number) - 10);
    await writeFile(path, doc.toString());
    const rerun = await tool('dvc', ['repro']);
    console.info(`example project: dvc repro after a train change took ${rerun.ms} ms`);
    expect(stagesRun(rerun.stdout)).toEqual(['train', 'evaluate']);
  });

  test('dvc params diff reports the changed train parameter', async () => {
    const { stdout } = await tool('dvc', ['params', 'diff', '--json']);
    const { epochs } = (await params()).train;
    expect(JSON.parse(stdout)).toEqual({
      'params.yaml': { 'train.epochs': { old: epochs + 10, new: epochs, diff: -10 } },
    });
  });

  test('the exported model imports into BentoML and builds a Bento', async () => {
    const home = await mkdtemp(join(tmpdir(), 'bentoml-home-'));
    try {
      const bentoEnv = { BENTOML_HOME: home };
      const archive = join(repo.workDir, 'model', 'digits_classifier.bentomodel');
      await tool('bentoml', ['models', 'import', archive], bentoEnv);
      const build = await tool('bentoml', ['build', '-f', 'bentofile.yaml', '.'], bentoEnv);
      console.info(`example project: bentoml build took ${build.ms} ms`);
      expect(build.stdout).toMatch(/Successfully built Bento\(tag="digits_classifier:\w+"\)/);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!venv.bin)('createExampleRepo with an S3 remote', { timeout: 120_000 }, () => {
  test('sets the bucket URL and endpoint of the default DVC remote', async () => {
    const repo = await createExampleRepo({
      venvBin: venv.bin ?? '',
      remote: { s3: { url: 's3://models/digits', endpointUrl: 'http://127.0.0.1:9000' } },
    });
    try {
      const config = await readFile(join(repo.workDir, '.dvc', 'config'), 'utf8');
      expect(config).toMatch(
        /remote = storage[\s\S]*\['remote "storage"'\]\s+url = s3:\/\/models\/digits\s+endpointurl = http:\/\/127\.0\.0\.1:9000/,
      );
    } finally {
      await rm(join(repo.workDir, '..'), { recursive: true, force: true });
    }
  });
});
