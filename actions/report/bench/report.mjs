// Benchmark: time from start to the written report on the example project (trained on main and
// on a pull request branch), against the seed's recipe on the same repository and revisions:
//   dvc params diff main --md; dvc metrics diff main --md; dvc plots diff main
// Rounds are interleaved; the result is the ratio of medians. Target: at least 10x faster.
// Run after a build, with Node 24: node bench/report.mjs  (BENCH_ROUNDS=7 for more rounds)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { venvBin } from '@mlops-actions/testkit/python';
import { examplePullRequest } from '../test/example-fixture.ts';

const here = dirname(fileURLToPath(import.meta.url));
const entry = resolve(here, '..', 'dist', 'index.js');
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('Preparing the example project (trains it twice, about half a minute)...');
const bin = dirname(venvBin('dvc'));
const example = await examplePullRequest(bin);
const cwd = example.repo.workDir;
const env = { ...example.env, DVC_NO_ANALYTICS: '1' };

function timed(fn) {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function check(result, what) {
  if (result.status !== 0)
    throw new Error(`${what} failed (${result.status}): ${result.stderr}${result.stdout}`);
}

function seedRecipe() {
  for (const args of [
    ['params', 'diff', 'main', '--md'],
    ['metrics', 'diff', 'main', '--md'],
    ['plots', 'diff', 'main'],
  ]) {
    check(
      spawnSync(join(bin, 'dvc'), args, { cwd, env, encoding: 'utf8' }),
      `dvc ${args.join(' ')}`,
    );
  }
}

let round = 0;
let lastReport = '';
function action(imageStore) {
  const temp = mkdtempSync(join(tmpdir(), 'report-bench-'));
  const files = { GITHUB_OUTPUT: join(temp, 'output'), GITHUB_STEP_SUMMARY: join(temp, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const eventPath = join(temp, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({ ref: 'refs/heads/feature', repository: { default_branch: 'main' } }),
  );
  // A new head SHA each round, so each round commits and pushes its images afresh.
  const sha = (++round).toString(16).padStart(40, 'a');
  const result = spawnSync(process.execPath, [entry], {
    cwd,
    encoding: 'utf8',
    env: {
      ...env,
      ...files,
      GITHUB_WORKSPACE: cwd,
      RUNNER_TEMP: temp,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'octo-org/demo',
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/feature',
      INPUT_BASE: 'main',
      'INPUT_IMAGE-STORE': imageStore,
      INPUT_TARGET: 'none',
      // Pushes go to the local bare origin, which needs no credentials.
      INPUT_TOKEN: 'unused-for-a-local-remote',
    },
  });
  check(result, `the report action (image-store: ${imageStore})`);
  lastReport = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
  rmSync(temp, { recursive: true, force: true });
}

const samples = { seed: [], none: [], branch: [] };
seedRecipe();
action('none');
for (let i = 0; i < rounds; i++) {
  samples.seed.push(timed(seedRecipe));
  samples.none.push(timed(() => action('none')));
  samples.branch.push(timed(() => action('branch')));
}
const seed = median(samples.seed);
console.log(
  `report on the example project, median of ${rounds} interleaved rounds (target: >= 10x faster)`,
);
console.log(
  `  seed recipe (dvc params diff; dvc metrics diff; dvc plots diff)  ${seed.toFixed(0).padStart(6)} ms`,
);
// Like for like: the seed's recipe writes its report and images locally and publishes nothing
// (its upload is a separate `cml comment`). The second line adds what the action does on top:
// SVG charts committed and pushed to the image branch (here a local bare origin, whose
// receive-pack and auto-gc run inside the measured time).
for (const [name, label, target] of [
  ['none', 'report action: written report (image-store: none)', true],
  ['branch', 'report action: written report + images pushed (image-store: branch)', false],
]) {
  const ms = median(samples[name]);
  const ratio = seed / ms;
  const flag = !target ? '  (includes the push)' : ratio < 10 ? '  (under target)' : '';
  console.log(
    `  ${label.padEnd(70)} ${ms.toFixed(0).padStart(6)} ms  ${ratio.toFixed(1)}x faster${flag}`,
  );
}
if (process.env.BENCH_SHOW_REPORT) console.log(`\n${lastReport}`);
rmSync(dirname(cwd), { recursive: true, force: true });
