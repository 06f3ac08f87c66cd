// Benchmark of dvc-repro on the example project, with the real DVC, after a build, on Node 24:
//   bash scripts/node24.sh actions/dvc-repro/bench/repro.mjs
// 1. The warm re-run (a new job on the same commit, nothing changed, DVC cache restored with
//    @actions/cache from a local stand-in of the cache service) against the cold run of the same
//    pipeline (cache miss: pull the prepared data, train, evaluate, save the cache), as a ratio.
// 2. The action's own overhead over calling `dvc repro --pull` directly on an up-to-date project,
//    interleaved round by round, as a difference and a ratio of medians.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from '../../../packages/testkit/src/harness.ts';
import { node24Path } from '../../../packages/testkit/src/node24.ts';
import { startCacheServer } from '../test/cache-server.ts';
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
  const server = await startCacheServer();
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
  }
}
console.log(
  `dvc-repro warm re-run (cache restored, nothing changed) against the cold run, median of ${coldRounds}`,
);
console.log(
  `  cold ${seconds(median(cold))}   warm ${seconds(median(warm))}   ratio ${(median(warm) / median(cold)).toFixed(2)}x`,
);

// 2. Overhead over `dvc repro --pull` on the same up-to-date project: both spawned the same way,
// with the same environment; the action as the runner starts it (Node 24, INPUT_* variables,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), so the difference is the action's own work.
const dvc = join(venvBin(), 'dvc');
const direct = [];
const viaAction = [];
const files = mkdtempSync(join(tmpdir(), 'bench-files-'));
const stepEnv = {
  ...published.env,
  DVC_NO_ANALYTICS: '1',
  GITHUB_WORKSPACE: lastWorkspace,
  GITHUB_OUTPUT: join(files, 'output'),
  GITHUB_STEP_SUMMARY: join(files, 'summary'),
  RUNNER_OS: 'Linux',
  INPUT_PULL: 'true',
  'INPUT_REMOTE-ATTEMPTS': '3',
};
const spawnTimed = (file, args) => {
  const started = performance.now();
  const result = spawnSync(file, args, { cwd: lastWorkspace, env: stepEnv, stdio: 'ignore' });
  if (result.status !== 0)
    throw new Error(`${file} ${args.join(' ')} exited with ${result.status}`);
  return performance.now() - started;
};
const entry = join(action, 'dist', 'index.js');
spawnTimed(dvc, ['repro', '--pull']);
for (let i = 0; i < rounds; i++) {
  direct.push(spawnTimed(dvc, ['repro', '--pull']));
  viaAction.push(spawnTimed(node24Path(), [entry]));
}
const overhead = median(viaAction) - median(direct);
console.log(
  `dvc-repro overhead over \`dvc repro --pull\` (up-to-date pipeline), median of ${rounds}`,
);
console.log(
  `  dvc repro ${seconds(median(direct))}   action ${seconds(median(viaAction))}   overhead ${Math.round(overhead)} ms (${(median(viaAction) / median(direct)).toFixed(2)}x)`,
);
