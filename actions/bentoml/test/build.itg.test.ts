// The bundled action as the runner runs it, with the real BentoML from the pinned venv, on the
// example project (its model trained by its own stage scripts): model import, the Bento build, and
// every failure that stops before an image is built.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { pullRequestEvent } from '@mlops-actions/testkit/events';
import { type ActionResult, runAction } from '@mlops-actions/testkit/harness';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  copyProject,
  removeProjects,
  saveModelArchive,
  type TrainedProject,
  trainedProject,
} from './support/project.ts';

const execFileAsync = promisify(execFile);
const action = resolve(import.meta.dirname, '..');

let project: TrainedProject;
const homes: string[] = [];

beforeAll(async () => {
  project = await trainedProject();
}, 300_000);

afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
  removeProjects();
});

/** A fresh, empty BentoML store for one test. */
function newStore(): string {
  const home = mkdtempSync(join(tmpdir(), 'bentoml-home-'));
  homes.push(home);
  return home;
}

/** runIn runs the action in a workspace with BentoML from the venv on PATH and its own store. */
function runIn(
  workspace: string,
  home: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
) {
  return runAction({
    action,
    workspace,
    inputs,
    env: { PATH: `${project.bin}${delimiter}${process.env['PATH']}`, BENTOML_HOME: home, ...env },
  });
}

async function bentoml(home: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(join(project.bin, 'bentoml'), args, {
    env: { ...project.env, BENTOML_HOME: home, BENTOML_DO_NOT_TRACK: 'true', COLUMNS: '10000' },
  });
  return stdout;
}

const errors = (result: ActionResult) => result.annotations.filter((a) => a.level === 'error');

describe('import and build', () => {
  const home = newStore();
  let first: ActionResult;
  let second: ActionResult;

  beforeAll(async () => {
    first = await runIn(project.workDir, home, { model: project.model });
    second = await runIn(project.workDir, home, { model: project.model });
  }, 240_000);

  test('succeeds and outputs the tag of a Bento that is in the store', async () => {
    expect(first.exitCode, first.log).toBe(0);
    expect(first.outputs['bento-tag']).toMatch(/^digits_classifier:[a-z0-9]+$/);
    const info = JSON.parse(
      await bentoml(home, ['get', first.outputs['bento-tag']!, '-o', 'json']),
    ) as {
      services: { models: { tag: string }[] }[];
    };
    const [model] = JSON.parse(await bentoml(home, ['models', 'list', '-o', 'json'])) as {
      tag: string;
    }[];
    expect(info.services[0]!.models.map((m) => m.tag)).toEqual([model!.tag]);
  });

  test('outputs no image, tags or digest without images', () => {
    expect([first.outputs['image'], first.outputs['tags'], first.outputs['digest']]).toEqual([
      '',
      '',
      '',
    ]);
  });

  test('writes the model import and the Bento to the job summary', () => {
    expect(first.summary).toContain(`Bento **\`${first.outputs['bento-tag']}\`**`);
    expect(first.summary).toMatch(
      /\| model\/digits_classifier\.bentomodel \| digits_classifier:\w+ \| imported \|/,
    );
    expect(first.summary).toContain('No image was built');
  });

  test('skips the same model on the second run with a notice, and builds again', () => {
    expect(second.exitCode, second.log).toBe(0);
    const notices = second.annotations.filter((a) => a.level === 'notice').map((a) => a.message);
    expect(notices).toEqual([
      expect.stringMatching(
        /^The model digits_classifier:\w+ from model\/digits_classifier\.bentomodel is already in the BentoML store; skipped its import\.$/,
      ),
    ]);
    expect(second.summary).toContain('already in the store (skipped)');
    expect(second.outputs['bento-tag']).not.toBe(first.outputs['bento-tag']);
  });

  test('shows each phase in its own log group', () => {
    const groups = first.log
      .split('\n')
      .filter((l) => l.startsWith('::group::'))
      .map((l) => l.slice(9));
    expect(groups).toEqual(['Set up BentoML', `Import ${project.model}`, 'Build the Bento']);
  });
});

describe('a different model under the same tag', () => {
  let workspace: string;

  beforeAll(async () => {
    workspace = copyProject(project);
    await saveModelArchive(project, 'dummy_model:v1', join(workspace, 'model', 'a.bentomodel'), {
      round: 1,
    });
    await saveModelArchive(project, 'dummy_model:v1', join(workspace, 'model', 'b.bentomodel'), {
      round: 2,
    });
  }, 120_000);

  /** A store that already holds the first dummy_model:v1 (from a.bentomodel). */
  async function storeWithFirstModel(): Promise<string> {
    const home = newStore();
    await bentoml(home, ['models', 'import', join(workspace, 'model', 'a.bentomodel')]);
    return home;
  }

  const models = 'model/digits_classifier.bentomodel\nmodel/b.bentomodel';

  test('is an error that names the tag and says how to replace it, before any import', async () => {
    const home = await storeWithFirstModel();
    const result = await runIn(workspace, home, { model: models });
    expect(result.exitCode).toBe(1);
    // The first archive (digits_classifier) was not imported either: the store is as it was.
    const listed = JSON.parse(await bentoml(home, ['models', 'list', '-o', 'json'])) as {
      tag: string;
    }[];
    expect(listed.map((m) => m.tag)).toEqual(['dummy_model:v1']);
    expect(errors(result).map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^bentoml failed: the BentoML store already has a different model under the tag dummy_model:v1 \(created .+; 'model\/b\.bentomodel' was created .+\)\. Save the new model under a new version, or set overwrite: true to replace the one in the store\.$/,
      ),
    ]);
  }, 120_000);

  test('replaces the model in the store with overwrite: true', async () => {
    const home = await storeWithFirstModel();
    const result = await runIn(workspace, home, { model: models, overwrite: 'true' });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.summary).toMatch(
      /\| model\/b\.bentomodel \| dummy_model:v1 \| replaced \(overwrite\) \|/,
    );
    const info = JSON.parse(
      await bentoml(home, ['models', 'get', 'dummy_model:v1', '-o', 'json']),
    ) as {
      metadata: Record<string, number>;
    };
    expect(info.metadata).toEqual({ round: 2 });
  }, 120_000);

  test('with overwrite: true, deletes the Bentos built from the old model, says which, and builds from the new one', async () => {
    const home = await storeWithFirstModel();
    // Two Bentos that pack the old dummy_model:v1 (the bentofile's `models:` list).
    writeFileSync(
      join(workspace, 'with-dummy.yaml'),
      'service: "src.serve:DigitsClassifier"\ninclude: [src/serve.py]\nmodels: ["dummy_model:v1"]\npython:\n  lock_packages: false\n',
    );
    await bentoml(home, ['models', 'import', join(workspace, project.model)]);
    const old: string[] = [];
    for (let i = 0; i < 2; i++) {
      const out = await bentoml(home, [
        'build',
        '--bentofile',
        join(workspace, 'with-dummy.yaml'),
        '--output',
        'tag',
        workspace,
      ]);
      old.push(/__tag__:(\S+)/.exec(out)![1]!);
    }
    const result = await runIn(workspace, home, {
      model: 'model/b.bentomodel',
      overwrite: 'true',
      bentofile: 'with-dummy.yaml',
    });
    expect(result.exitCode, result.log).toBe(0);
    const notices = result.annotations.filter((a) => a.level === 'notice').map((a) => a.message);
    expect(notices).toEqual([
      `overwrite: replaced the model dummy_model:v1 with the one from model/b.bentomodel, and deleted the 2 Bento(s) built from the old one: ${[...old].sort().join(', ')}.`,
    ]);
    expect(result.summary).toContain(
      `deleted the Bentos built from the old model: ${[...old].sort().join(', ')}`,
    );
    const bentos = (
      JSON.parse(await bentoml(home, ['list', '-o', 'json'])) as { tag: string }[]
    ).map((b) => b.tag);
    expect(bentos).toEqual([result.outputs['bento-tag']]);
    const built = JSON.parse(
      await bentoml(home, ['get', result.outputs['bento-tag']!, '-o', 'json']),
    ) as { models: { tag: string; metadata?: Record<string, number> }[] };
    const info = JSON.parse(
      await bentoml(home, ['models', 'get', 'dummy_model:v1', '-o', 'json']),
    ) as { metadata: Record<string, number> };
    expect(info.metadata).toEqual({ round: 2 });
    expect(built.models.map((m) => m.tag)).toContain('dummy_model:v1');
  }, 300_000);
});

describe('failures', () => {
  let workspace: string;

  beforeAll(() => {
    workspace = copyProject(project);
    writeFileSync(join(workspace, 'bad-service.yaml'), 'service: "src.nowhere:Nothing"\n');
  });

  /** failure runs the action, expects exit 1 with one error line, and returns it and the store. */
  async function failure(inputs: Record<string, string>, env: Record<string, string> = {}) {
    const home = newStore();
    const result = await runIn(workspace, home, inputs, env);
    expect(result.exitCode, result.log).toBe(1);
    const lines = errors(result);
    expect(lines).toHaveLength(1);
    return { result, error: lines[0]!, home };
  }

  test('says why a service that cannot be imported fails to build', async () => {
    const { error } = await failure({ model: project.model, bentofile: 'bad-service.yaml' });
    expect(error.message).toMatch(
      /^bentoml failed: `bentoml build` of 'bad-service\.yaml' failed: Failed to load bento or import service 'src\.nowhere:Nothing'/,
    );
  });

  test('says to import the model when the service loads one the store lacks', async () => {
    const { error } = await failure({});
    expect(error.message).toMatch(
      /Model digits_classifier:latest could not be found.*Import the model the service loads with the 'model' input/,
    );
  });

  test('fails fast without a bentofile, as in a run with no inputs', async () => {
    const empty = newStore();
    const result = await runAction({ action, workspace: empty, env: { PATH: project.bin } });
    expect(result.exitCode).toBe(1);
    expect(errors(result).map((e) => e.message)).toEqual([
      "bentoml failed: the bentofile 'bentofile.yaml' does not exist. Check out the repository first, or set 'build-context' or 'bentofile' to where bentofile.yaml is.",
    ]);
  });

  test('names a pull request image after the PR head commit and branch, never latest', async () => {
    const head = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    const merge = 'ffffffffffffffffffffffffffffffffffffffff';
    // The backend is missing on purpose: the run stops right after planning the references.
    const result = await runAction({
      action,
      workspace,
      sha: merge,
      ref: 'refs/pull/7/merge',
      event: pullRequestEvent({
        headSha: head,
        baseSha: '0'.repeat(40),
        headRef: 'feature/Tune-LR',
      }),
      inputs: { model: project.model, images: 'registry.example.com/Team/App', backend: 'buildah' },
      env: { PATH: project.bin, BENTOML_HOME: newStore() },
    });
    expect(result.exitCode).toBe(1);
    const planned = result.log
      .slice(result.log.indexOf('Image references:'))
      .split('\n')
      .slice(1, 4);
    expect(planned).toEqual([
      `registry.example.com/team/app:${head}`,
      'registry.example.com/team/app:a1b2c3d',
      'registry.example.com/team/app:feature-Tune-LR',
    ]);
    expect(result.log).not.toContain(merge.slice(0, 7) + '\n');
    expect(result.log).not.toContain('registry.example.com/team/app:latest');
  });
});
