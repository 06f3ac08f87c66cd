// Benchmark of the bentoml action's import and build against the plain commands it replaces, on
// the example project (its model trained by its own stage scripts), with the real BentoML:
//   bash scripts/node24.sh actions/bentoml/bench/import-build.mjs
// Each round runs, on a fresh BentoML store each, `bentoml models import <archive> && bentoml
// build` and the bundled action (as the runner starts it: Node 24, INPUT_* variables, the
// runner's files) with `model:` and no images, interleaved and in alternating order. Prints the
// medians and their ratio, and the median of the rounds' ratios (target: at most 1.1x).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { node24Path } from '@mlops-actions/testkit/node24';
import { removeProjects, trainedProject } from '../test/support/project.ts';

const action = resolve(import.meta.dirname, '..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

const project = await trainedProject();
const archive = join(project.workDir, project.model);
const bentoml = join(project.bin, 'bentoml');
const scratch = mkdtempSync(join(tmpdir(), 'bench-bentoml-'));
const baseEnv = {
  ...process.env,
  PATH: `${project.bin}${delimiter}${process.env.PATH}`,
  BENTOML_DO_NOT_TRACK: 'true',
};

function timed(steps, env) {
  const started = performance.now();
  for (const [file, args] of steps) {
    const result = spawnSync(file, args, { cwd: project.workDir, env, stdio: 'pipe' });
    if (result.status !== 0) {
      throw new Error(
        `${file} ${args.join(' ')} exited with ${result.status}: ${result.stderr.toString().slice(-2000)}${result.stdout.toString().slice(-2000)}`,
      );
    }
  }
  return performance.now() - started;
}

function plain(home) {
  return timed(
    [
      [bentoml, ['models', 'import', archive]],
      [bentoml, ['build']],
    ],
    { ...baseEnv, BENTOML_HOME: home },
  );
}

function viaAction(home, round) {
  const files = join(scratch, `files-${round}`);
  // The runner makes these files before a step starts.
  for (const suffix of ['output', 'summary', 'state']) writeFileSync(`${files}-${suffix}`, '');
  return timed([[node24Path(), [join(action, 'dist', 'index.js')]]], {
    ...baseEnv,
    BENTOML_HOME: home,
    GITHUB_WORKSPACE: project.workDir,
    GITHUB_OUTPUT: `${files}-output`,
    GITHUB_STEP_SUMMARY: `${files}-summary`,
    GITHUB_STATE: `${files}-state`,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SHA: '3f786850e387550fdab836ed7e6dc881de23001b',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_TEMP: scratch,
    RUNNER_OS: 'Linux',
    INPUT_MODEL: project.model,
    'INPUT_BUILD-CONTEXT': '.',
    'INPUT_GENERATED-TAGS': 'sha',
    INPUT_BACKEND: 'docker',
    INPUT_PUSH: 'true',
    'INPUT_PUSH-ATTEMPTS': '4',
    'INPUT_BENTOML-VERSION': '1.4.40',
  });
}

try {
  const direct = [];
  const action_ = [];
  // One round of each first, unmeasured: Python's bytecode caches and the page cache warm up.
  plain(mkdtempSync(join(scratch, 'home-')));
  viaAction(mkdtempSync(join(scratch, 'home-')), 'warm');
  for (let i = 0; i < rounds; i++) {
    const a = mkdtempSync(join(scratch, 'home-'));
    const b = mkdtempSync(join(scratch, 'home-'));
    if (i % 2 === 0) {
      direct.push(plain(a));
      action_.push(viaAction(b, i));
    } else {
      action_.push(viaAction(b, i));
      direct.push(plain(a));
    }
  }
  // Two medians: of each side's times, and of the ratios of the rounds (each round runs both
  // sides back to back, so a burst of load from elsewhere weighs on both).
  const ratios = direct.map((d, i) => action_[i] / d);
  console.log(
    `bentoml import and build against \`bentoml models import X && bentoml build\` (fresh store), median of ${rounds}`,
  );
  console.log(
    `  plain ${seconds(median(direct))}   action ${seconds(median(action_))}   ratio ${(median(action_) / median(direct)).toFixed(2)}x   median round ratio ${median(ratios).toFixed(2)}x (target 1.10x)`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
  removeProjects();
}
