// Benchmark of dvc-repro on the example project, with the real DVC, after a build, on Node 24:
//   bash scripts/node24.sh actions/dvc-repro/bench/repro.mjs
// 1. The warm re-run (a new job on the same commit, nothing changed, DVC cache restored with
//    @actions/cache from a local stand-in of the cache service) against the cold run of the same
//    pipeline (cache miss: pull the prepared data, train, evaluate, save the cache), as a ratio.
// 2. The action's own overhead over calling `dvc repro --pull` directly on an up-to-date project,
//    interleaved round by round, as a difference and a ratio of medians.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from '@mlops-actions/testkit/harness';
import { node24Path } from '@mlops-actions/testkit/node24';
import { freshClone, publishExample, run, venvBin } from '../test/project.ts';

const here = dirname(fileURLToPath(import.meta.url));
const action = resolve(here, '..');
const coldRounds = Number(process.env.BENCH_COLD_ROUNDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function timed(fn) {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

function check(result, what) {
  if (result.exitCode !== 0) {
    console.error(result.log.slice(-3000));
    throw new Error(`${what} failed`);
  }
  return JSON.parse(result.outputs['stages-run'] ?? '[]');
}

const published = await publishExample('local');
const env = published.actionEnv;

// 1. Cold run against warm re-run, each round with an empty cache service.
const cold = [];
const warm = [];
let lastWorkspace = '';
for (let i = 0; i < coldRounds; i++) {
  // Loaded here: with BENCH_COLD_ROUNDS=0 only the overhead below is measured.
  const { startCacheServer } = await import('../test/cache-server.ts');
  const { startAzurite } = await import('@mlops-actions/testkit/azurite');
  const azurite = await startAzurite();
  const server = await startCacheServer(azurite);
  try {
    const workspace = await freshClone(published, 'bench-cold');
    const c = await timed(() =>
      runAction({ action, workspace, inputs: { cache: 'true' }, env: { ...env, ...server.env } }),
    );
    if (check(c.result, 'the cold run').length !== 2) throw new Error('the cold run did not train');
    cold.push(c.ms);
    await run(workspace, 'git', ['add', '--all'], published.env);
    await run(workspace, 'git', ['commit', '--quiet', '-m', 'Train'], published.env);
    // The next job checks out that commit and restores the cache.
    const next = join(mkdtempSync(join(tmpdir(), 'bench-warm-')), 'workspace');
    await run(tmpdir(), 'git', ['clone', '--quiet', workspace, next], published.env);
    const w = await timed(() =>
      runAction({
        action,
        workspace: next,
        inputs: { cache: 'true' },
        env: { ...env, ...server.env },
      }),
    );
    if (check(w.result, 'the warm run').length !== 0) throw new Error('the warm run ran a stage');
    warm.push(w.ms);
    lastWorkspace = workspace;
  } finally {
    await server.stop();
    await azurite.stop();
  }
}
if (coldRounds > 0) {
  console.log(
    `dvc-repro warm re-run (cache restored, nothing changed) against the cold run, median of ${coldRounds}`,
  );
  console.log(
    `  cold ${seconds(median(cold))}   warm ${seconds(median(warm))}   ratio ${(median(warm) / median(cold)).toFixed(2)}x`,
  );
} else {
  // No cold rounds: one trained workspace for the overhead measurement.
  lastWorkspace = await freshClone(published, 'bench-trained');
  check(await runAction({ action, workspace: lastWorkspace, env }), 'the training run');
}

// 2. Overhead over `dvc repro --pull` (and plain `dvc repro`) on the same up-to-date project: both
// spawned the same way, with the same environment; the action as the runner starts it (Node 24,
// INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), so the difference is the
// action's own work. With pull, the action checks the remote before `dvc repro --pull` (issue 17);
// for this local remote that check is made on disk, without a second start of DVC's Python
// (target: at most 1.05x, issue 16).
const dvc = join(venvBin(), 'dvc');
const files = mkdtempSync(join(tmpdir(), 'bench-files-'));
// The runner makes these files before a step starts; @actions/core appends to them.
for (const name of ['output', 'summary']) writeFileSync(join(files, name), '');
const stepEnv = (pull) => ({
  ...published.env,
  DVC_NO_ANALYTICS: '1',
  GITHUB_WORKSPACE: lastWorkspace,
  GITHUB_OUTPUT: join(files, 'output'),
  GITHUB_STEP_SUMMARY: join(files, 'summary'),
  RUNNER_OS: 'Linux',
  INPUT_PULL: String(pull),
  'INPUT_REMOTE-ATTEMPTS': '3',
});
const spawnTimed = (file, args, env) => {
  const started = performance.now();
  const result = spawnSync(file, args, { cwd: lastWorkspace, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${file} ${args.join(' ')} exited with ${result.status}:\n${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`,
    );
  }
  return performance.now() - started;
};
const entry = join(action, 'dist', 'index.js');
const cases = [
  { pull: true, args: ['repro', '--pull'], direct: [], viaAction: [] },
  { pull: false, args: ['repro'], direct: [], viaAction: [] },
];
for (const c of cases) spawnTimed(dvc, c.args, stepEnv(c.pull));
// Interleaved: each round runs every case, the plain command and the action alternating.
for (let i = 0; i < rounds; i++) {
  for (const c of cases) {
    c.direct.push(spawnTimed(dvc, c.args, stepEnv(c.pull)));
    c.viaAction.push(spawnTimed(node24Path(), [entry], stepEnv(c.pull)));
  }
}
const spread = (xs) => `${seconds(Math.min(...xs))}..${seconds(Math.max(...xs))}`;
console.log(
  `dvc-repro against plain \`dvc repro\` on an up-to-date pipeline, interleaved, median (min..max) of ${rounds}`,
);
for (const c of cases) {
  const ratio = median(c.viaAction) / median(c.direct);
  console.log(
    `  pull: ${String(c.pull).padEnd(5)}  dvc ${c.args.join(' ').padEnd(12)} ${seconds(median(c.direct))} (${spread(c.direct)})   action ${seconds(median(c.viaAction))} (${spread(c.viaAction)})   overhead ${Math.round(median(c.viaAction) - median(c.direct))} ms   ratio ${ratio.toFixed(2)}x (target 1.05x)`,
  );
}
