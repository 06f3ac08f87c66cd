// Bundles one action with ncc: src/index.ts -> dist/index.js, and src/pre.ts / src/post.ts, when
// present, -> dist/pre/index.js / dist/post/index.js. Source maps and third-party licences included.
// Usage: node scripts/build-action.mjs <action-dir> [--out <dir>]
//
// @actions/core is bundled apart, into actions-core.js beside each index.js: its core.js imports
// the OIDC client statically (and with it @actions/http-client, undici and tunnel) and
// platform.js (and with it @actions/exec), so an ncc bundle of it starts several times slower
// than `node -e ''`. ncc's webpack cannot leave them out: the package declares no `sideEffects`
// and ncc takes no webpack configuration. Rolldown takes the same fact as an option
// (`moduleSideEffects`), so it bundles @actions/core without getIDToken and `platform`, which no
// action calls, and ncc bundles the rest with '@actions/core' mapped to that file.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');
const args = process.argv.slice(2);
const actionDir = resolve(args[0] ?? '.');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(actionDir, 'dist');

/** The modules of @actions/core that only getIDToken and `platform` reach. */
const unusedCoreModules = /[\\/]@actions[\\/]core[\\/]lib[\\/](oidc-utils|platform)\.js$/;
const leftOut = ['getIDToken', 'platform'];
const coreFile = 'actions-core.js';

rmSync(out, { recursive: true, force: true });
for (const [entry, target] of [
  ['index.ts', out],
  ['pre.ts', join(out, 'pre')],
  ['post.ts', join(out, 'post')],
]) {
  const source = join(actionDir, 'src', entry);
  if (!existsSync(source)) continue;
  mkdirSync(target, { recursive: true });
  await bundle(source, target);
  addLicenses(join(target, 'licenses.txt'), await bundleActionsCore(target));
}

/** bundle runs ncc as `ncc build --source-map --license licenses.txt --target es2023` does. */
async function bundle(source, target) {
  const cwd = process.cwd();
  process.chdir(actionDir); // ncc finds the tsconfig and its paths from the working directory
  try {
    const { code, map, assets, symlinks } = await ncc(source, {
      externals: { '@actions/core': `./${coreFile}` },
      sourceMap: true,
      license: 'licenses.txt',
      quiet: true,
      target: 'es2023',
    });
    // ncc puts `import './sourcemap-register.cjs'` first in each bundle: ~5 ms on every cold
    // start. packages/core's run() loads it only when it is about to print a stack trace.
    writeFileSync(
      join(target, 'index.js'),
      directBuiltins(code.replace(/^import '\.\/sourcemap-register\.cjs';/, '')),
    );
    if (map) writeFileSync(join(target, 'index.js.map'), map);
    for (const [name, asset] of Object.entries(assets)) {
      mkdirSync(dirname(join(target, name)), { recursive: true });
      writeFileSync(join(target, name), asset.source, { mode: asset.permissions });
    }
    if (Object.keys(symlinks).length) throw new Error(`unexpected symlinks in ${source}`);
    for (const [name, asset] of Object.entries(assets)) {
      if (/\.c?js$/.test(name) && callsLeftOut(String(asset.source))) {
        throw new Error(
          `${relative(root, source)}: ${name} calls ${leftOut.join(' or ')} of @actions/core, which ${coreFile} leaves out`,
        );
      }
    }
    if (callsLeftOut(code)) {
      throw new Error(
        `${relative(root, source)} calls ${leftOut.join(' or ')} of @actions/core, which ${coreFile} leaves out`,
      );
    }
  } finally {
    process.chdir(cwd);
  }
}

// Everything that imports @actions/core in the bundle reaches it through the external module,
// so a call of what it leaves out would show as a property of it.
function callsLeftOut(code) {
  return /actions_core[\w$]*\.(getIDToken|platform)\b/.test(code);
}

/**
 * directBuiltins turns a bundle's leading `import … from "<built-in>"` statements into
 * `process.getBuiltinModule` calls (Node 22.3 and later; the actions run on node24): an import
 * gives each built-in an ES module facade, a copy of all its exports made at start-up, ~1.5 ms of
 * every start for those of actions-core.js and index.js (fs, os, path, module, crypto). Each line
 * keeps its place, so the source maps stay right; the first line that is not such an import ends
 * the leading block, and is left as it is with everything after it.
 */
function directBuiltins(code) {
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^import (?:\* as ([\w$]+) from |\{([\w$\s,]+)\} from |)"([^"]+)";$/.exec(lines[i]);
    if (!m) break;
    const [, namespace, named, specifier] = m;
    if (!isBuiltin(specifier)) continue;
    const load = `process.getBuiltinModule(${JSON.stringify(specifier)})`;
    if (namespace) lines[i] = `const ${namespace} = ${load};`;
    else if (named) {
      const bindings = named
        .split(',')
        .map((b) => b.trim().split(/\s+as\s+/))
        .map(([name, local]) => (local ? `${name}: ${local}` : name));
      lines[i] = `const { ${bindings.join(', ')} } = ${load};`;
    } else lines[i] = `${load};`;
  }
  return lines.join('\n');
}

/** bundleActionsCore writes @actions/core, all of it but getIDToken and `platform`, to `target`. */
async function bundleActionsCore(target) {
  const names = Object.keys(await import('@actions/core')).filter((n) => !leftOut.includes(n));
  const entry = '\0actions-core-entry';
  const build = await rolldown({
    input: entry,
    cwd: root,
    platform: 'node',
    logLevel: 'warn',
    plugins: [
      {
        name: 'actions-core-entry',
        resolveId: (id) => (id === entry ? id : null),
        load: (id) =>
          id === entry ? `export { ${names.join(', ')} } from '@actions/core';\n` : null,
      },
    ],
    // True of both files: they declare functions and a class, and call nothing at load.
    treeshake: { moduleSideEffects: (id) => !unusedCoreModules.test(id) },
  });
  const { output } = await build.write({
    dir: target,
    format: 'esm',
    sourcemap: true,
    entryFileNames: coreFile,
    plugins: [
      {
        name: 'direct-builtins',
        renderChunk: (code) => ({ code: directBuiltins(code), map: null }),
      },
    ],
  });
  await build.close();
  if (output.length !== 2)
    throw new Error(`${coreFile}: expected one chunk, got ${output.length - 1}`);
  const packages = new Map(); // name -> folder
  for (const id of output[0].moduleIds) {
    if (unusedCoreModules.test(id)) throw new Error(`${coreFile}: ${id} was not left out`);
    const match = /^(.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+))[\\/]/.exec(id);
    if (match) packages.set(match[2].replace(/\\/g, '/'), match[1]);
  }
  return [...packages].sort(([a], [b]) => a.localeCompare(b));
}

/** addLicenses adds to ncc's licenses.txt, in its format, the packages it did not see. */
function addLicenses(file, packages) {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  for (const [name, dir] of packages) {
    if (text.startsWith(`${name}\n`) || text.includes(`\n\n${name}\n`)) continue;
    const licence = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).license ?? '';
    const licenceFile = ['LICENSE.md', 'LICENSE', 'LICENSE.txt', 'license'].find((f) =>
      existsSync(join(dir, f)),
    );
    const body = licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : '';
    text += `${text && !text.endsWith('\n\n') ? '\n\n' : ''}${name}\n${licence}\n${body}\n\n`;
  }
  writeFileSync(file, text);
}
