// Benchmark: the bundled commit action against a plain `git add && git commit && git push` of the
// same change to the same bare repository, interleaved round by round, as a ratio of medians.
// Run after a build with Node 24: bash scripts/node24.sh actions/commit/bench/commit.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const entry = join(root, 'actions', 'commit', 'dist', 'index.js');
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

// One bare origin; a clone on branch `plain` for the baseline, a clone of `main` (as
// actions/checkout makes it, --depth=1) for the action.
const dir = mkdtempSync(join(tmpdir(), 'commit-bench-'));
const bare = join(dir, 'origin.git');
const seed = join(dir, 'seed');
git(dir, 'init', '-q', '--bare', '--initial-branch=main', bare);
git(dir, 'init', '-q', '--initial-branch=main', seed);
for (let i = 0; i < 200; i++) writeFileSync(join(seed, `file-${i}.txt`), `content ${i}\n`);
writeFileSync(join(seed, 'dvc.lock'), lock(0));
git(seed, 'add', '-A');
git(seed, 'commit', '-q', '-m', 'Initial commit');
git(seed, 'remote', 'add', 'origin', bare);
git(seed, 'push', '-q', 'origin', 'main', 'main:plain', 'main:fetching');

const plain = join(dir, 'plain');
const fetching = join(dir, 'fetching');
const ws = join(dir, 'ws');
git(dir, 'clone', '-q', '--branch', 'plain', bare, plain);
git(dir, 'clone', '-q', '--branch', 'fetching', bare, fetching);
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

const out = join(dir, 'output');
const actionEnv = (sha) => ({
  ...env,
  GITHUB_WORKSPACE: ws,
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
  INPUT_TOKEN: '',
  'INPUT_WORKING-DIRECTORY': '.',
});
writeFileSync(join(dir, 'event.json'), JSON.stringify({ ref: 'refs/heads/main' }));

function time(fn) {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const samples = { plain: [], fetching: [], action: [] };
for (let i = 1; i <= rounds; i++) {
  writeFileSync(join(plain, 'dvc.lock'), lock(i));
  samples.plain.push(
    time(() => {
      git(plain, 'add', 'dvc.lock');
      git(plain, 'commit', '-q', '-m', 'Update dvc.lock');
      git(plain, 'push', '-q', 'origin', 'plain');
    }),
  );
  writeFileSync(join(fetching, 'dvc.lock'), lock(500 + i));
  samples.fetching.push(
    time(() => {
      git(fetching, 'add', 'dvc.lock');
      git(fetching, 'commit', '-q', '-m', 'Update dvc.lock');
      git(fetching, 'pull', '-q', '--rebase', 'origin', 'fetching');
      git(fetching, 'push', '-q', 'origin', 'fetching');
    }),
  );
  writeFileSync(join(ws, 'dvc.lock'), lock(1000 + i));
  const sha = git(ws, 'rev-parse', 'HEAD');
  samples.action.push(
    time(() => {
      writeFileSync(out, '');
      const run = spawnSync(process.execPath, [entry], {
        cwd: ws,
        env: actionEnv(sha),
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`the action failed:\n${run.stdout}\n${run.stderr}`);
    }),
  );
  // The work tree keeps its change; bring HEAD to the pushed commit so the next round is alike.
  git(ws, 'fetch', '-q', '--depth=1', 'origin', '+refs/heads/main:refs/remotes/origin/main');
  git(ws, 'reset', '-q', '--hard', 'refs/remotes/origin/main');
}

const base = median(samples.plain);
const action = median(samples.action);
const commits = Number(git(bare, 'rev-list', '--count', 'main')) - 1;
console.log(
  `commit action vs git add && git commit && git push, median of ${rounds} rounds (${commits} commits pushed by the action)`,
);
console.log(`  git add/commit/push  ${base.toFixed(1).padStart(7)} ms  1.00x`);
const fetched = median(samples.fetching);
console.log(
  `  + git pull --rebase  ${fetched.toFixed(1).padStart(7)} ms  ${(fetched / base).toFixed(2)}x  (the fetch a safe push needs)`,
);
console.log(
  `  commit action        ${action.toFixed(1).padStart(7)} ms  ${(action / base).toFixed(2)}x`,
);
