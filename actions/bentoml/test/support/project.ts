// Test support: the example project (examples/project) in a fresh git repository, with its model
// trained and exported to model/digits_classifier.bentomodel by the project's own stage scripts.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { createExampleRepo, exampleProjectEnv } from '@mlops-actions/testkit/example-project';
import { venvBin } from '@mlops-actions/testkit/python';

const execFileAsync = promisify(execFile);

/** The trained example project a test runs the action in. */
export interface TrainedProject {
  /** The repository checkout: the action's workspace. */
  workDir: string;
  /** The venv's bin folder (bentoml, python). */
  bin: string;
  /** The model archive `train` exported, relative to workDir. */
  model: string;
  /** Environment with the venv first on PATH. */
  env: NodeJS.ProcessEnv;
}

// Every folder these helpers made, for removeProjects.
const made: string[] = [];

/** removeProjects deletes every checkout and copy the helpers below made. */
export function removeProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** trainedProject copies the example, runs `prepare` and `train`, and returns the checkout. */
export async function trainedProject(): Promise<TrainedProject> {
  const bin = dirname(venvBin('bentoml'));
  const dir = mkdtempSync(join(tmpdir(), 'bentoml-project-'));
  made.push(dir);
  const repo = await createExampleRepo({ dir, venvBin: bin });
  const env = exampleProjectEnv(bin);
  for (const script of ['src/prepare.py', 'src/train.py']) {
    await execFileAsync(join(bin, 'python'), [script], { cwd: repo.workDir, env });
  }
  return { workDir: repo.workDir, bin, model: 'model/digits_classifier.bentomodel', env };
}

/** copyProject makes an independent copy of a project's checkout for one test to change. */
export function copyProject(project: TrainedProject): string {
  const parent = mkdtempSync(join(tmpdir(), 'bentoml-ws-'));
  made.push(parent);
  const dir = join(parent, 'work');
  cpSync(project.workDir, dir, { recursive: true });
  return dir;
}

/**
 * saveModelArchive saves a tiny scikit-learn model under an exact tag into a private store and
 * exports it, so a test can make two different archives that share one tag.
 */
export async function saveModelArchive(
  project: TrainedProject,
  tag: string,
  target: string,
  metadata: Record<string, number>,
): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'bentoml-save-'));
  made.push(home);
  const script = join(home, 'save.py');
  writeFileSync(
    script,
    [
      'import json, sys',
      'import bentoml',
      'from sklearn.dummy import DummyClassifier',
      'tag, target, metadata = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])',
      'model = DummyClassifier().fit([[0], [1]], [0, 1])',
      'saved = bentoml.sklearn.save_model(tag, model, metadata=metadata)',
      'bentoml.models.export_model(saved.tag, target)',
      '',
    ].join('\n'),
  );
  await execFileAsync(
    join(project.bin, 'python'),
    [script, tag, target, JSON.stringify(metadata)],
    {
      env: { ...project.env, BENTOML_HOME: join(home, 'store') },
    },
  );
}
