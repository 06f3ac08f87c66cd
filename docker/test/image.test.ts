// Static checks of the image: the bundled entry point, a Dockerfile linter, and what the Dockerfile
// must do (pinned and checked runner, non-root user, init, logs, only the tools needed).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';
import { describe, expect, test } from 'vitest';
import { DOCKER_DIR } from './support.ts';

const DOCKERFILE = readFileSync(join(DOCKER_DIR, 'Dockerfile'), 'utf8');

/** The Dockerfile's instructions, with continuation lines joined and comments dropped. */
function instructions(text: string): { keyword: string; args: string }[] {
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const STEPS = instructions(DOCKERFILE);

function args(keyword: string): string[] {
  return STEPS.filter((s) => s.keyword === keyword).map((s) => s.args);
}

function argDefault(name: string): string | undefined {
  const found = args('ARG').find((a) => a.startsWith(`${name}=`));
  return found?.slice(name.length + 1);
}

describe('the entry point', () => {
  test('is bundled into dist/ as an ES module that loads only built-ins and its own files', () => {
    const dist = join(DOCKER_DIR, 'dist');
    const bundle = readFileSync(join(dist, 'index.js'), 'utf8');
    expect(JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'))).toEqual({
      type: 'module',
    });
    const loaded = [
      ...bundle.matchAll(/^import .* from "([^"]+)";$/gm),
      ...bundle.matchAll(/createRequire\(import\.meta\.url\)\("([^"]+)"\)/g),
    ].map((m) => m[1] ?? '');
    expect(loaded.length).toBeGreaterThan(0);
    for (const name of loaded) {
      const own = /^\.\/[^/]+$/.test(name) && existsSync(join(dist, name));
      expect(isBuiltin(name) || own, name).toBe(true);
    }
  });
});

describe('Dockerfile', () => {
  test('passes the dockerfile-utils linter without a diagnostic', () => {
    const diagnostics = validate(DOCKERFILE).map((d) => `${d.range.start.line + 1}: ${d.message}`);
    expect(diagnostics).toEqual([]);
  });

  test('the linter does report a broken Dockerfile', () => {
    expect(validate('FROM debian\nEXPOSE port\nCOPY\n').length).toBeGreaterThan(0);
  });

  test('pins the runner version and a SHA-256 as build arguments', () => {
    expect(argDefault('RUNNER_VERSION')).toMatch(/^\d+\.\d+\.\d+$/);
    expect(argDefault('RUNNER_SHA256')).toMatch(/^[0-9a-f]{64}$/);
  });

  test('checks the tarball against the SHA-256 before unpacking it', () => {
    const download = args('RUN').find((r) => r.includes('RUNNER_TARBALL_URL')) ?? '';
    const check = download.indexOf('sha256sum --check');
    expect(check).toBeGreaterThan(download.indexOf('curl'));
    expect(check).toBeGreaterThan(0);
    expect(download.indexOf('tar --extract')).toBeGreaterThan(check);
  });

  test.each([
    { tarball: 'the pinned one', matches: true },
    { tarball: 'another one', matches: false },
  ])('the checksum command accepts $tarball: $matches', ({ matches }) => {
    const command = /^\s*&& (echo .* \| sha256sum --check --strict -) \\$/m.exec(DOCKERFILE)?.[1];
    expect(command).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'tarball-'));
    try {
      const tarball = join(dir, 'runner.tar.gz');
      writeFileSync(tarball, 'a stand-in for the runner tarball');
      const pinned = createHash('sha256')
        .update(matches ? readFileSync(tarball) : 'x')
        .digest('hex');
      const run = spawnSync(
        'bash',
        ['-c', (command ?? '').replaceAll('/tmp/runner.tar.gz', tarball)],
        {
          env: { PATH: process.env.PATH, RUNNER_SHA256: pinned },
          encoding: 'utf8',
        },
      );
      expect(run.status === 0, run.stderr).toBe(matches);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('builds on Debian or Ubuntu', () => {
    expect(argDefault('BASE_IMAGE')).toMatch(/^(debian|ubuntu):/);
  });

  test('installs the tools the jobs need and nothing like compilers or editors', () => {
    const install = args('RUN').find((r) => r.includes('apt-get install')) ?? '';
    expect(install).toContain('--no-install-recommends');
    const packages = install
      .slice(install.indexOf('--no-install-recommends') + '--no-install-recommends'.length)
      .split('&&')[0]
      ?.trim()
      .split(/\s+/);
    const tools = ['ca-certificates', 'curl', 'git', 'jq', 'python3', 'python3-pip'];
    const runtime = ['python3-venv', 'tini', 'libicu72', 'libkrb5-3', 'liblttng-ust1', 'libssl3'];
    expect(packages?.sort()).toEqual([...tools, ...runtime, 'zlib1g'].sort());
    expect(install).toContain('rm -rf /var/lib/apt/lists/*');
  });

  test('runs as uid 1001, never as root', () => {
    expect(args('RUN').join('\n')).toMatch(/useradd --uid 1001/);
    expect(args('USER').at(-1)).toBe('1001:1001');
  });

  test("starts the entry point under tini as PID 1, on an execute-only copy of the runner's Node", () => {
    expect(JSON.parse(args('ENTRYPOINT').at(-1) ?? '[]')).toEqual([
      '/usr/bin/tini',
      '--',
      '/usr/local/libexec/runner/node',
      '/usr/local/libexec/runner/startup/index.js',
    ]);
    const runs = args('RUN').join('\n');
    expect(runs).toMatch(/chmod 0711 \/usr\/bin\/tini/);
    expect(runs).toMatch(
      /install -D --mode=0711 \/home\/runner\/externals\/node24\/bin\/node \/usr\/local\/libexec\/runner\/node/,
    );
  });

  test.each(['ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT=1', 'RUNNER_MANUALLY_TRAP_SIG=1'])(
    'sets %s',
    (setting) => {
      expect(args('ENV').join(' ').split(/\s+/)).toContain(setting);
    },
  );

  test.each(['org.opencontainers.image.source', 'org.opencontainers.image.version'])(
    'carries the OCI label %s',
    (label) => {
      expect(args('LABEL').join(' ')).toMatch(
        new RegExp(`${label.replaceAll('.', '\\.')}="\\$\\{`),
      );
    },
  );

  test('keeps everything but the bundled entry point out of the build context', () => {
    const ignore = readFileSync(join(DOCKER_DIR, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(ignore).toEqual(['*', '!dist']);
    // Owned by root (no --chown) and read-only, outside the runner's home.
    expect(args('COPY')).toEqual(['--chmod=0644 dist/* /usr/local/libexec/runner/startup/']);
  });
});
