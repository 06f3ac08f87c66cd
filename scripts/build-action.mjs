// Bundles one action with ncc: src/index.ts -> dist/index.js, and src/pre.ts / src/post.ts, when
// present, -> dist/pre/index.js / dist/post/index.js. Source maps and third-party licences included.
// Usage: node scripts/build-action.mjs <action-dir> [--out <dir>]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const actionDir = resolve(args[0] ?? '.');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(actionDir, 'dist');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

rmSync(out, { recursive: true, force: true });
for (const [entry, target] of [
  ['index.ts', out],
  ['pre.ts', join(out, 'pre')],
  ['post.ts', join(out, 'post')],
]) {
  const source = join(actionDir, 'src', entry);
  if (!existsSync(source)) continue;
  mkdirSync(target, { recursive: true });
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      source,
      '--out',
      target,
      '--source-map',
      '--license',
      'licenses.txt',
      '--quiet',
      '--target',
      'es2023',
    ],
    { stdio: 'inherit', cwd: actionDir },
  );
}

// ncc puts `import './sourcemap-register.cjs'` first in each bundle: ~5 ms on every cold start.
// packages/core's run() loads it only when it is about to print a stack trace (step debug).
for (const dir of [out, join(out, 'pre'), join(out, 'post')]) {
  const file = join(dir, 'index.js');
  if (!existsSync(file)) continue;
  const code = readFileSync(file, 'utf8');
  writeFileSync(file, code.replace(/^import '\.\/sourcemap-register\.cjs';/, ''));
}
