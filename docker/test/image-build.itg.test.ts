// The runner image built for real with buildah (vfs storage, chroot isolation), then inspected and
// run. No registry and no GitHub are reachable here, so the base is a Debian bookworm made on this
// machine (testkit's, cut down to a slim one) and the runner tarball is a stand-in served from
// 127.0.0.1, pinned by its SHA-256 like the real one: the config.sh and run.sh stand-ins, and this
// Node as the Node the runner ships (externals/node24), which runs the bundled entry point.
// Opt-in: MLOPS_BUILD_RUNNER_IMAGE=1.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BASE_IMAGE,
  type BuildahEnv,
  buildahEnv,
  ensureBaseImage,
  imageExists,
  removeImages,
} from '@mlops-actions/testkit/buildah';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DOCKER_DIR, makeStubRunner } from './support.ts';

const ENABLED = process.env['MLOPS_BUILD_RUNNER_IMAGE'] === '1';
if (!ENABLED) {
  console.info(
    'image-build.itg.test.ts skipped: set MLOPS_BUILD_RUNNER_IMAGE=1 to build the runner image ' +
      'with buildah and check it (a few minutes; needs buildah and debootstrap).',
  );
}
const suite = ENABLED ? describe : describe.skip;

const DOCKERFILE = readFileSync(join(DOCKER_DIR, 'Dockerfile'), 'utf8');
const RUNNER_VERSION = /^ARG RUNNER_VERSION=(.+)$/m.exec(DOCKERFILE)?.[1];
const SOURCE_URL = 'https://github.com/octo-org/mlops-actions';
const REVISION = '3f786850e387550fdab836ed7e6dc881de23001b';
const ENTRYPOINT = [
  '/usr/bin/tini',
  '--',
  '/usr/local/libexec/runner/node',
  '/usr/local/libexec/runner/startup/index.js',
];
const STUB_FILES = ['config.sh', 'run.sh'];
/** Where the runner tarball holds the Node it runs actions with. */
const RUNNER_NODE = 'externals/node24/bin/node';

// Cuts testkit's base (made for BentoML: compilers, git, Python) down to what debian:bookworm-slim
// holds: the packages of priority "required" and apt. So the build installs its tools itself, and
// a compiler in the image can only come from the Dockerfile.
const SLIM_SCRIPT = [
  'set -euo pipefail',
  "apt-mark auto $(dpkg-query --show --showformat '${Package}\\n') >/dev/null",
  "apt-mark manual apt $(dpkg-query --show --showformat '${Package} ${Priority}\\n' |",
  '  awk \'$2 == "required" { print $1 }\') >/dev/null',
  'DEBIAN_FRONTEND=noninteractive apt-get autoremove --purge --yes --quiet=2 \\',
  '  -o APT::AutoRemove::RecommendsImportant=false -o APT::AutoRemove::SuggestsImportant=false',
  'rm -rf /var/lib/apt/lists/*',
].join('\n');

/** What a command printed and how it ended. */
interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as received. */
  output: string;
  ms: number;
}

let buildah: BuildahEnv;
let work: string;
let server: Server;
let tarballUrl: string;
let tarballSha256: string;
const tarballRequests: string[] = [];
const stubSha256: Record<string, string> = {};
const id = randomUUID().slice(0, 8);
const slimBase = `localhost/mlops-runner-test-base:${id}`;
const image = `localhost/mlops-runner-test:${id}`;
const wrongShaImage = `localhost/mlops-runner-test:${id}-wrong-sha`;
const containers: string[] = [];
const timings: Record<string, number> = {};
let built: Outcome;

/** Runs a command with buildah's environment; never throws, the caller checks the outcome. */
function exec(file: string, args: string[], timeoutMs = 15 * 60_000): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolveRun) => {
    const child = spawn(file, args, {
      env: { ...process.env, ...buildah.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      output += chunk.toString('utf8');
    });
    const done = (code: number | null) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr, output, ms: Date.now() - started });
    };
    child.on('error', (error) => {
      stderr += String(error);
      output += String(error);
      done(null);
    });
    child.on('close', done);
  });
}

/** Runs buildah and fails with its output if it fails. */
async function buildahOk(args: string[]): Promise<string> {
  const run = await exec('buildah', args);
  if (run.code !== 0) throw new Error(`buildah ${args.join(' ')} failed:\n${run.output}`);
  return run.stdout;
}

/** A working container of `from`, removed after the suite. */
async function container(from: string): Promise<string> {
  const name = (await buildahOk(['from', '--pull=never', from])).trim();
  containers.push(name);
  return name;
}

/** Runs argv in a container, as the image's user (buildah run takes USER from the image). */
function inContainer(name: string, argv: string[]): Promise<Outcome> {
  return exec('buildah', ['run', name, '--', ...argv]);
}

/** Builds docker/ as `docker build` would (Docker format, so SHELL applies), from the slim base. */
function buildImage(tag: string, sha256: string): Promise<Outcome> {
  return exec('buildah', [
    'build',
    '--isolation',
    'chroot',
    '--storage-driver',
    'vfs',
    '--format',
    'docker',
    '--pull=never',
    '--layers=false',
    '--force-rm',
    '--build-arg',
    `BASE_IMAGE=${slimBase}`,
    '--build-arg',
    `RUNNER_TARBALL_URL=${tarballUrl}`,
    '--build-arg',
    `RUNNER_SHA256=${sha256}`,
    '--build-arg',
    `SOURCE_URL=${SOURCE_URL}`,
    '--build-arg',
    `REVISION=${REVISION}`,
    '--tag',
    tag,
    DOCKER_DIR,
  ]);
}

/**
 * The stand-in runner tarball: support.ts's config.sh and run.sh, and this Node where the runner
 * keeps its own, owned by a foreign uid.
 */
function makeTarball(): Buffer {
  const stub = makeStubRunner();
  try {
    mkdirSync(join(stub.home, 'externals', 'node24', 'bin'), { recursive: true });
    copyFileSync(process.execPath, join(stub.home, RUNNER_NODE));
    for (const file of STUB_FILES) {
      stubSha256[file] = createHash('sha256')
        .update(readFileSync(join(stub.home, file)))
        .digest('hex');
    }
    const path = join(work, 'runner.tar.gz');
    const tar = spawnSync(
      'tar',
      [
        '--create',
        '--gzip',
        '--owner=4242',
        '--group=4242',
        '--numeric-owner',
        '--file',
        path,
        '--directory',
        stub.home,
        '.',
      ],
      { encoding: 'utf8' },
    );
    if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
    return readFileSync(path);
  } finally {
    stub.remove();
  }
}

/** Serves the tarball on 127.0.0.1; buildah's chroot isolation shares the host's network. */
async function serve(tarball: Buffer): Promise<void> {
  server = createServer((req, res) => {
    tarballRequests.push(req.url ?? '');
    if (req.url === '/runner.tar.gz') {
      res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': tarball.length });
      res.end(tarball);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  tarballUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/runner.tar.gz`;
}

suite('the runner image built with buildah', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    for (const tool of ['buildah', 'debootstrap']) {
      const found = spawnSync(tool, ['--version']);
      if (found.error) throw new Error(`${tool} is not installed (apt-get install ${tool})`);
    }
    buildah = buildahEnv();
    work = mkdtempSync(join(tmpdir(), 'runner-image-'));
    const tarball = makeTarball();
    tarballSha256 = createHash('sha256').update(tarball).digest('hex');
    await serve(tarball);

    const base = await ensureBaseImage(buildah.env);
    timings['testkit base image (0 when cached)'] = base.built ? base.ms : 0;
    let started = Date.now();
    const slim = await container(BASE_IMAGE);
    await buildahOk(['run', slim, '--', 'bash', '-c', SLIM_SCRIPT]);
    await buildahOk(['commit', '--rm', '--quiet', slim, slimBase]);
    containers.splice(containers.indexOf(slim), 1);
    timings['slim base'] = Date.now() - started;

    started = Date.now();
    built = await buildImage(image, tarballSha256);
    timings['build'] = Date.now() - started;
    if (built.code !== 0) throw new Error(`the build failed:\n${built.output.slice(-6000)}`);
  }, 30 * 60_000);

  afterAll(async () => {
    if (!ENABLED || !buildah) return;
    for (const name of containers) await exec('buildah', ['rm', name]);
    await removeImages([image, wrongShaImage, slimBase], buildah.env);
    await new Promise<void>((resolveClose) =>
      server ? server.close(() => resolveClose()) : resolveClose(),
    );
    rmSync(work, { recursive: true, force: true });
    rmSync(buildah.configDir, { recursive: true, force: true });
    console.info(`runner image build timings (ms): ${JSON.stringify(timings)}`);
  }, 5 * 60_000);

  describe('the slim base it was built on', () => {
    let slim: string;

    beforeAll(async () => {
      slim = await container(slimBase);
    });

    test.each(['gcc', 'git', 'python3', 'curl'])(
      'lacks %s, so the image holds it only if the build installs it',
      async (tool) => {
        const run = await inContainer(slim, ['bash', '-c', 'command -v "$1"', 'bash', tool]);
        expect(run.code, run.output).not.toBe(0);
      },
    );
  });

  describe('the build', () => {
    test('downloaded the tarball from the local server and checked its SHA-256', () => {
      expect(tarballRequests).toContain('/runner.tar.gz');
      expect(built.output).toContain('/tmp/runner.tar.gz: OK');
    });
  });

  describe('the image configuration', () => {
    let config: Record<string, unknown>;

    beforeAll(async () => {
      const inspected = JSON.parse(await buildahOk(['inspect', '--type', 'image', image]));
      config = inspected.Docker.config;
    });

    test('runs as uid and gid 1001 in the runner home', () => {
      expect(config['User']).toBe('1001:1001');
      expect(config['WorkingDir']).toBe('/home/runner');
    });

    test("starts the bundled entry point under tini on the execute-only copy of the runner's Node", () => {
      expect(config['Entrypoint']).toEqual(ENTRYPOINT);
    });

    test("drops the base image's command, so nothing is appended to the entry point's arguments", () => {
      expect(config['Cmd'] ?? []).toEqual([]);
    });

    test.each(['ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT=1', 'RUNNER_MANUALLY_TRAP_SIG=1'])(
      'sets %s',
      (setting) => {
        expect(config['Env']).toContain(setting);
      },
    );

    test.each([
      ['org.opencontainers.image.version', RUNNER_VERSION],
      ['org.opencontainers.image.source', SOURCE_URL],
      ['org.opencontainers.image.revision', REVISION],
      ['org.opencontainers.image.base.name', slimBase],
      ['org.opencontainers.image.title', 'mlops-github-runner'],
    ])('carries the label %s = %s', (label, value) => {
      expect((config['Labels'] as Record<string, string>)[label]).toBe(value);
    });

    test('runs its RUN steps with bash and pipefail', () => {
      expect(config['Shell']).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
    });
  });

  describe('the image file system', () => {
    let name: string;

    beforeAll(async () => {
      name = await container(image);
    });

    test('runs commands as uid 1001', async () => {
      const run = await inContainer(name, ['id', '-u']);
      expect(run.stdout.trim(), run.output).toBe('1001');
    });

    test.each([
      ['git', ['git', '--version']],
      ['python3 3.11', ['python3', '-c', 'import sys; assert sys.version_info[:2] == (3, 11)']],
      ['venv', ['python3', '-m', 'venv', '--help']],
      ['pip', ['python3', '-m', 'pip', '--version']],
      ['jq', ['jq', '--version']],
      ['curl', ['curl', '--version']],
    ])('has %s', async (_tool, argv) => {
      const run = await inContainer(name, argv);
      expect(run.code, run.output).toBe(0);
    });

    test.each(['gcc', 'cc', 'g++', 'make', 'sudo'])('has no %s', async (tool) => {
      const run = await inContainer(name, ['bash', '-c', 'command -v "$1"', 'bash', tool]);
      expect(run.stdout).toBe('');
      expect(run.code).not.toBe(0);
    });

    test.each(['/usr/bin/tini', '/usr/local/libexec/runner/node'])(
      '%s is owned by root and execute-only (0711) for the runner',
      async (path) => {
        const run = await inContainer(name, ['stat', '--format', '%a %u', path]);
        expect(run.stdout.trim(), run.output).toBe('711 0');
      },
    );

    test('holds the bundled entry point, owned by root and read-only for the runner', async () => {
      const run = await inContainer(name, [
        'stat',
        '--format',
        '%a %u %n',
        '/usr/local/libexec/runner/startup',
        '/usr/local/libexec/runner/startup/index.js',
        '/usr/local/libexec/runner/startup/package.json',
      ]);
      expect(run.stdout.trim().split('\n'), run.output).toEqual([
        '755 0 /usr/local/libexec/runner/startup',
        '644 0 /usr/local/libexec/runner/startup/index.js',
        '644 0 /usr/local/libexec/runner/startup/package.json',
      ]);
    });

    test.each(STUB_FILES)("holds the tarball's %s, unpacked into the runner home", async (file) => {
      const run = await inContainer(name, ['sha256sum', `/home/runner/${file}`]);
      expect(run.stdout.split(' ')[0], run.output).toBe(stubSha256[file]);
    });

    test('gives everything in the runner home to uid and gid 1001', async () => {
      const run = await inContainer(name, ['find', '/home/runner', '-printf', '%U:%G %p\\n']);
      const lines = run.stdout.trim().split('\n');
      expect(lines, run.output).toContain('1001:1001 /home/runner/bin');
      expect(lines).toContain('1001:1001 /home/runner/_work');
      expect(lines).toContain(`1001:1001 /home/runner/${RUNNER_NODE}`);
      expect(lines.filter((line) => !line.startsWith('1001:1001 '))).toEqual([]);
    });

    test('keeps neither the tarball nor the apt lists', async () => {
      const run = await inContainer(name, ['find', '/tmp', '/var/lib/apt/lists', '-mindepth', '1']);
      expect(run.code, run.output).toBe(0);
      expect(run.stdout).toBe('');
    });
  });

  describe('the entry point', () => {
    test('without settings stops with the configuration error code 2', async () => {
      const name = await container(image);
      const run = await inContainer(name, ENTRYPOINT);
      expect(run.code, run.output).toBe(2);
      expect(run.stderr).toContain('RUNNER_URL is not set');
    });

    test.each([
      {
        node: "the execute-only copy of the runner's Node",
        path: ENTRYPOINT[2] ?? '',
        readable: false,
      },
      { node: "the runner's own Node", path: `/home/runner/${RUNNER_NODE}`, readable: true },
    ])(
      'on $node, starts a handed-over runner as uid 1001; its environment readable: $readable',
      async ({ path, readable }) => {
        const name = await container(image);
        const argv = ['env', 'ACTIONS_RUNNER_INPUT_JITCONFIG=aml0LWNvbmZpZw', 'RUN_STUB_MODE=exit'];
        const run = await inContainer(name, [
          ...argv,
          ENTRYPOINT[0] ?? '',
          '--',
          path,
          ENTRYPOINT[3] ?? '',
        ]);
        expect(run.code, run.output).toBe(0);
        const recorded = await inContainer(name, [
          'bash',
          '-c',
          'stat --format %u calls/run.env && tr "\\0" "\\n" <calls/run.env && ls calls',
        ]);
        const lines = recorded.stdout.split('\n');
        expect(lines[0], recorded.output).toBe('1001');
        expect(lines).toContain('ACTIONS_RUNNER_INPUT_JITCONFIG=aml0LWNvbmZpZw');
        expect(lines).toContain('ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT=1');
        expect(lines.includes('parent.env')).toBe(readable);
        expect(lines.includes('parent.env.denied')).toBe(!readable);
      },
    );
  });

  describe('a build with a wrong RUNNER_SHA256', () => {
    let wrong: Outcome;

    beforeAll(async () => {
      const sha = createHash('sha256').update('not the tarball').digest('hex');
      wrong = await buildImage(wrongShaImage, sha);
      timings['build with a wrong SHA-256'] = wrong.ms;
    }, 30 * 60_000);

    test('fails', () => {
      expect(wrong.code, wrong.output).not.toBe(0);
    });

    test('names the checksum mismatch', () => {
      expect(wrong.output).toContain('/tmp/runner.tar.gz: FAILED');
      expect(wrong.output).toContain('computed checksum did NOT match');
    });

    test('stops at the checksum step, after downloading the tarball', () => {
      expect(tarballRequests.filter((url) => url === '/runner.tar.gz')).toHaveLength(2);
      expect(wrong.output).not.toMatch(/STEP \d+\/\d+: COPY/);
    });

    test('tags no image', async () => {
      expect(await imageExists(wrongShaImage, buildah.env)).toBe(false);
    });
  });
});
