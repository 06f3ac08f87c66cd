// Without `bentoml` on PATH the action installs the pinned BentoML, with the bentofile's packages,
// into a venv in the runner's tool cache (core's tools installer), and builds with it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ActionResult, runAction } from '@mlops-actions/testkit/harness';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  copyProject,
  removeProjects,
  type TrainedProject,
  trainedProject,
} from './support/project.ts';

const action = resolve(import.meta.dirname, '..');
const VERSION = '1.4.40';

let project: TrainedProject;
let workspace: string;
let toolCache: string;
let home: string;
let result: ActionResult;

beforeAll(async () => {
  project = await trainedProject();
  workspace = copyProject(project);
  toolCache = mkdtempSync(join(tmpdir(), 'toolcache-'));
  home = mkdtempSync(join(tmpdir(), 'bentoml-home-'));
  result = await runAction({
    action,
    workspace,
    inputs: { model: project.model, 'bentoml-version': VERSION },
    // The system's python3, and no bentoml anywhere on PATH.
    env: { PATH: '/usr/bin:/bin', RUNNER_TOOL_CACHE: toolCache, BENTOML_HOME: home },
    timeoutMs: 900_000,
  });
}, 900_000);

afterAll(() => {
  for (const dir of [toolCache, home]) if (dir) rmSync(dir, { recursive: true, force: true });
  removeProjects();
});

describe('BentoML missing from PATH', () => {
  test('is installed with the service packages, and the Bento is built with it', () => {
    expect(result.exitCode, result.log).toBe(0);
    expect(result.outputs['bento-tag']).toMatch(/^digits_classifier:[a-z0-9]+$/);
    expect(result.log).toMatch(
      new RegExp(
        `bentoml ${VERSION}: installing bentoml==${VERSION} scikit-learn==1\\.9\\.1 numpy==2\\.4\\.6 joblib==1\\.6\\.0 into ${toolCache}/bentoml/${VERSION}/`,
      ),
    );
  });

  test('runs BentoML from the venv in the tool cache', () => {
    const command = result.log
      .split('\n')
      .find((l) => l.startsWith('[command]') && l.includes(' build --bentofile '));
    expect(command).toMatch(
      new RegExp(`^\\[command\\]${toolCache}/bentoml/${VERSION}/[^/]+/bin/bentoml build `),
    );
    const venv = command!.slice('[command]'.length, command!.indexOf('/bin/bentoml'));
    expect(existsSync(`${venv}.complete`)).toBe(true);
  });

  test('says so in the job summary', () => {
    expect(result.summary).toContain(
      `BentoML ${VERSION} was installed into the tool cache for this run.`,
    );
  });
});
