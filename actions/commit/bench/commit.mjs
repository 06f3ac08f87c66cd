// Benchmark: the bundled commit action against a plain shell commit-and-push step
// (fixtures/shell-commit.sh: the git commands git-auto-commit-action runs for one changed file),
// on the same work: one changed dvc.lock committed and pushed to a bare repository, from a
// checkout made as actions/checkout makes it (--depth=1). Same process, rounds interleaved (the
// order alternates), medians with their spread, and how many git processes each side starts
// (counted with GIT_TRACE2_EVENT in one extra round each). Targets (issue 16): at most 1.2x the
// shell step, at most 12 git processes.
// Run after a build with Node 24: bash scripts/node24.sh actions/commit/bench/commit.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const entry = join(root, 'actions', 'commit', 'dist', 'index.js');
const shell = join(here, 'fixtures', 'shell-commit.sh');
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_TERMINAL_PROMPT: '0',
};
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const lock = (n) =>
  `schema: '2.0'\nstages:\n  train:\n    cmd: python train.py\n    md5: ${String(n).padStart(32, '0')}\n`;

// Two identical origins, one per side, each with a checkout as actions/checkout makes it.
const dir = mkdtempSync(join(tmpdir(), 'commit-bench-'));
const seed = join(dir, 'seed');
git(dir, 'init', '-q', '--initial-branch=main', seed);
for (let i = 0; i < 200; i++) writeFileSync(join(seed, `file-${i}.txt`), `content ${i}\n`);
writeFileSync(join(seed, 'dvc.lock'), lock(0));
git(seed, 'add', '-A');
git(seed, 'commit', '-q', '-m', 'Initial commit');
function side(name) {
  const bare = join(dir, `${name}.git`);
  const ws = join(dir, name);
  git(dir, 'clone', '-q', '--bare', seed, bare);
  git(dir, 'init', '-q', ws);
  git(ws, 'remote', 'add', 'origin', bare);
  git(
    ws,
    'fetch',
    '-q',
    '--no-tags',
    '--depth=1',
    'origin',
    '+refs/heads/main:refs/remotes/origin/main',
  );
  git(ws, 'checkout', '-q', '-B', 'main', 'refs/remotes/origin/main');
  return { bare, ws };
}
const base = side('shell');
const ours = side('action');

const out = join(dir, 'output');
writeFileSync(join(dir, 'event.json'), JSON.stringify({ ref: 'refs/heads/main' }));
const shellEnv = {
  ...env,
  REPO: base.ws,
  FILE_PATTERN: 'dvc.lock',
  COMMIT_MESSAGE: 'Update dvc.lock',
  BRANCH: '',
  GITHUB_OUTPUT: out,
};
const actionEnv = (sha) => ({
  ...env,
  GITHUB_WORKSPACE: ours.ws,
  GITHUB_EVENT_NAME: 'push',
  GITHUB_EVENT_PATH: join(dir, 'event.json'),
  GITHUB_REPOSITORY: 'octo-org/demo',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SHA: sha,
  GITHUB_OUTPUT: out,
  RUNNER_TEMP: dir,
  INPUT_PATHS: 'dvc.lock',
  INPUT_AUTHOR: 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
  INPUT_COMMITTER: 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
  'INPUT_PUSH-ATTEMPTS': '5',
  INPUT_SIGNED: 'false',
  'INPUT_FAIL-ON-NO-PUSH': 'false',
  'INPUT_FAIL-ON-MISSING': 'false',
  INPUT_TOKEN: '',
  'INPUT_WORKING-DIRECTORY': '.',
});

let n = 0;
/** One run of a side on a fresh change; extra environment (the trace) optional. */
function runShell(extra = {}) {
  writeFileSync(join(base.ws, 'dvc.lock'), lock(++n));
  writeFileSync(out, '');
  const started = process.hrtime.bigint();
  const run = spawnSync('bash', [shell], { env: { ...shellEnv, ...extra }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`the shell step failed:\n${run.stdout}\n${run.stderr}`);
  return ms;
}
function runAction(extra = {}) {
  writeFileSync(join(ours.ws, 'dvc.lock'), lock(++n));
  writeFileSync(out, '');
  const sha = git(ours.ws, 'rev-parse', 'HEAD');
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [entry], {
    cwd: ours.ws,
    env: { ...actionEnv(sha), ...extra },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0 || !readFileSync(out, 'utf8').includes('true')) {
    throw new Error(`the action failed:\n${run.stdout}\n${run.stderr}`);
  }
  // As the next job would: a checkout of the branch as it is now.
  git(ours.ws, 'fetch', '-q', '--depth=1', 'origin', '+refs/heads/main:refs/remotes/origin/main');
  git(ours.ws, 'reset', '-q', '--hard', 'refs/remotes/origin/main');
  return ms;
}

/** How many git processes one run starts (top-level ones: trace2 session ids without a parent). */
function gitProcesses(fn) {
  const trace = join(dir, 'trace.json');
  rmSync(trace, { force: true });
  fn({ GIT_TRACE2_EVENT: trace });
  const starts = readFileSync(trace, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((e) => e.event === 'start' && !e.sid.includes('/'));
  return starts.length;
}

// Warm both up once, then interleave, alternating which side goes first.
runShell();
runAction();
const samples = { shell: [], action: [] };
for (let i = 0; i < rounds; i++) {
  if (i % 2 === 0) {
    samples.shell.push(runShell());
    samples.action.push(runAction());
  } else {
    samples.action.push(runAction());
    samples.shell.push(runShell());
  }
}
const counts = { shell: gitProcesses(runShell), action: gitProcesses(runAction) };
const pushed = Number(git(ours.bare, 'rev-list', '--count', 'main')) - 1;
if (pushed !== rounds + 2)
  throw new Error(`the action pushed ${pushed} commits, not ${rounds + 2}`);

const spread = (xs) => `${Math.min(...xs).toFixed(0)}..${Math.max(...xs).toFixed(0)} ms`;
const shellMs = median(samples.shell);
const actionMs = median(samples.action);
console.log(
  `commit action vs a shell commit-and-push step (git-auto-commit-action's git commands), one changed file, median (min..max) of ${rounds} interleaved rounds`,
);
console.log(
  `  shell step     ${shellMs.toFixed(1).padStart(7)} ms (${spread(samples.shell)})  ${String(counts.shell).padStart(2)} git processes  1.00x`,
);
console.log(
  `  commit action  ${actionMs.toFixed(1).padStart(7)} ms (${spread(samples.action)})  ${String(counts.action).padStart(2)} git processes  ${(actionMs / shellMs).toFixed(2)}x (target 1.2x, 12 processes)`,
);
rmSync(dir, { recursive: true, force: true });
