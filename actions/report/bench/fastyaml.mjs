// Benchmark: does core's fastyaml.ts (a fast path for the plain block YAML DVC writes) still pay for
// itself now that the full `yaml` parser is imported lazily? Two ncc bundles of report/read/parse.ts,
// as the action is built, read the example project's dvc.yaml and params.yaml and a dvc.lock as DVC
// writes it, each twice (base and workspace): one with parseYaml (fastYaml, the full parser never
// loaded), the other with parseYamlFully (the full parser, loaded from its own chunk on first use).
// Each bundle runs in a fresh Node process; rounds are interleaved; medians of the time from the
// bundle's first line to the last file read, and of the whole process.
// Run with Node 24: node bench/fastyaml.mjs  (BENCH_ROUNDS=31 for more rounds)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const read = join(root, 'packages', 'core', 'src', 'report', 'read');
const ncc = createRequire(import.meta.url)('@vercel/ncc');
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// A dvc.lock as DVC 3 writes it for the example project's three stages.
const stage = (name, deps, params, outs) =>
  `  ${name}:\n    cmd: python src/${name}.py\n    deps:\n${deps
    .map(
      (d, i) =>
        `    - path: ${d}\n      hash: md5\n      md5: ${String(i).padStart(2, '0')}c5f3a8e1b94d7e2a6f0b3c9d8e7f6a5b\n      size: ${1024 * (i + 3)}\n`,
    )
    .join(
      '',
    )}    params:\n      params.yaml:\n${params.map((p) => `        ${p}\n`).join('')}    outs:\n${outs
    .map(
      (o) =>
        `    - path: ${o}\n      hash: md5\n      md5: 9f8e7d6c5b4a39281706f5e4d3c2b1a0.dir\n      size: 52210\n      nfiles: 3\n`,
    )
    .join('')}`;
const lock = `schema: '2.0'\nstages:\n${[
  stage(
    'prepare',
    ['data/raw.csv', 'src/prepare.py'],
    ['prepare.split: 0.2', 'prepare.seed: 42'],
    ['data/prepared'],
  ),
  stage(
    'train',
    ['data/prepared', 'src/train.py'],
    ['train.epochs: 20', 'train.lr: 0.001', 'train.layers:\n        - 64\n        - 32'],
    ['model.pkl'],
  ),
  stage('evaluate', ['model.pkl', 'src/evaluate.py'], ['evaluate.threshold: 0.5'], ['eval/plots']),
].join('')}`;
const texts = [
  readFileSync(join(root, 'examples', 'project', 'dvc.yaml'), 'utf8'),
  readFileSync(join(root, 'examples', 'project', 'params.yaml'), 'utf8'),
  lock,
];

// The comparison holds only if the fast path reads every file without deferring.
const { fastYaml } = await import(join(root, 'packages', 'core', 'src', 'pure', 'fastyaml.ts'));
for (const text of texts) if (fastYaml(text) === undefined) throw new Error('fastYaml deferred');

// Inside the action, whose tsconfig.json ncc's TypeScript loader reads; removed at the end.
const dir = mkdtempSync(join(here, '.fastyaml-'));
try {
  writeFileSync(join(dir, 'texts.json'), JSON.stringify([...texts, ...texts]));
  // Both bundles hold parse.ts, as the report's chunk does; only the full one loads `yaml`, the
  // first time it is called (parse.ts imports it lazily).
  const parse = JSON.stringify(relative(dir, join(read, 'parse.ts')));
  const entries = {
    fast: `const t0 = performance.now();
import { readFileSync } from 'node:fs';
import { parseYaml } from ${parse};
for (const text of JSON.parse(readFileSync(String(process.argv[2]), 'utf8')) as string[]) {
  await parseYaml('f.yaml', text);
}
console.log(performance.now() - t0);`,
    full: `const t0 = performance.now();
import { readFileSync } from 'node:fs';
import { parseYamlFully } from ${parse};
for (const text of JSON.parse(readFileSync(String(process.argv[2]), 'utf8')) as string[]) {
  await parseYamlFully('f.yaml', text);
}
console.log(performance.now() - t0);`,
  };
  const bundles = {};
  for (const [name, code] of Object.entries(entries)) {
    const source = join(dir, `${name}.ts`);
    writeFileSync(source, code);
    process.chdir(resolve(here, '..'));
    const built = await ncc(source, { quiet: true, target: 'es2023' });
    const out = join(dir, name);
    mkdirSync(out);
    writeFileSync(join(out, 'index.js'), built.code);
    for (const [file, asset] of Object.entries(built.assets)) {
      writeFileSync(join(out, file), asset.source);
    }
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    bundles[name] = join(out, 'index.js');
  }

  const times = { fast: { inside: [], process: [] }, full: { inside: [], process: [] } };
  for (let round = 0; round < rounds + 1; round++) {
    for (const name of ['fast', 'full']) {
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [bundles[name], join(dir, 'texts.json')], {
        encoding: 'utf8',
      });
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr}`);
      if (round === 0) continue; // the first round warms the file cache
      times[name].inside.push(Number(run.stdout.trim()));
      times[name].process.push(wall);
    }
  }
  const f = (ms) => `${ms.toFixed(1)} ms`;
  const fast = { inside: median(times.fast.inside), process: median(times.fast.process) };
  const full = { inside: median(times.full.inside), process: median(times.full.process) };
  console.log(
    `fastyaml: ${rounds} rounds, medians, ${texts.length * 2} files (dvc.yaml, params.yaml, dvc.lock, twice)`,
  );
  console.log(
    `  reading:  fastYaml ${f(fast.inside)}   lazy yaml ${f(full.inside)}   saves ${f(full.inside - fast.inside)}`,
  );
  console.log(
    `  process:  fastYaml ${f(fast.process)}   lazy yaml ${f(full.process)}   ratio ${(full.process / fast.process).toFixed(2)}x`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
