// The whole action for real with the buildah backend: import the example's model, build the Bento,
// containerize it on a Debian base image made on this machine, log in and push every tag through
// an HTTPS proxy that fails the first two manifest uploads, into Debian's docker-registry; then
// check the pushed tags and digest with skopeo.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  BASE_IMAGE,
  type BuildahEnv,
  buildahEnv,
  ensureBaseImage,
  removeImages,
} from '@mlops-actions/testkit/buildah';
import { pushEvent } from '@mlops-actions/testkit/events';
import { type ActionResult, runAction } from '@mlops-actions/testkit/harness';
import {
  type LocalRegistry,
  type RetryProxy,
  startRegistry,
  startRetryProxy,
  type TestCertificate,
  testCertificate,
} from '@mlops-actions/testkit/registry';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  copyProject,
  removeProjects,
  type TrainedProject,
  trainedProject,
} from './support/project.ts';

const execFileAsync = promisify(execFile);
const action = resolve(import.meta.dirname, '..');
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const USER = 'ci-bot';
const PASSWORD = `pw-${globalThis.crypto.randomUUID()}`;

let project: TrainedProject;
let workspace: string;
let buildah: BuildahEnv;
let registry: LocalRegistry;
let certificate: TestCertificate;
let proxy: RetryProxy;
let home: string;
let result: ActionResult;
let repository: string;
let expectedReferences: string[];
const timings: Record<string, number> = {};

function actionEnv(): Record<string, string> {
  return {
    PATH: `${project.bin}${delimiter}${process.env['PATH']}`,
    BENTOML_HOME: home,
    ...buildah.env,
    // The proxy speaks HTTPS with a test certificate: buildah login has no per-registry way to
    // skip TLS, so buildah and skopeo trust the certificate instead.
    SSL_CERT_FILE: certificate.bundleFile,
  };
}

async function tool(file: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(file, args, {
    env: { ...process.env, ...actionEnv() },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

beforeAll(async () => {
  let started = Date.now();
  project = await trainedProject();
  workspace = copyProject(project);
  timings['train'] = Date.now() - started;
  // Point the example's bentofile at the base image made here (no image can be pulled).
  const bentofile = join(workspace, 'bentofile.yaml');
  const text = readFileSync(bentofile, 'utf8');
  const changed = text.replace(/^ {2}# base_image: .*$/m, `  base_image: ${BASE_IMAGE}`);
  if (changed === text)
    throw new Error('the example bentofile has no commented base_image line to replace');
  writeFileSync(bentofile, changed);

  buildah = buildahEnv();
  const base = await ensureBaseImage(buildah.env);
  timings[base.built ? 'base image (built)' : 'base image (cached)'] = base.ms;
  certificate = testCertificate();
  registry = await startRegistry({ users: { [USER]: PASSWORD } });
  proxy = await startRetryProxy(
    registry.host,
    [{ kind: 'manifest-put', count: 2, failWith: 503 }],
    { tls: certificate },
  );
  home = mkdtempSync(join(tmpdir(), 'bentoml-home-'));
  repository = `${proxy.host}/team/digits-classifier`;
  expectedReferences = ['v1.0.0', SHA, SHA.slice(0, 7), 'main', 'latest'].map(
    (t) => `${repository}:${t}`,
  );

  started = Date.now();
  result = await runAction({
    action,
    workspace,
    sha: SHA,
    ref: 'refs/heads/main',
    event: pushEvent({ sha: SHA }),
    inputs: {
      model: project.model,
      // Upper case on purpose: the action lowercases repositories.
      images: `${proxy.host}/Team/Digits-Classifier`,
      tags: 'v1.0.0',
      backend: 'buildah',
      username: USER,
      password: PASSWORD,
    },
    env: actionEnv(),
    timeoutMs: 900_000,
  });
  timings['action run'] = Date.now() - started;
  console.info(`bentoml image test timings (ms): ${JSON.stringify(timings)}`);
}, 1_800_000);

afterAll(async () => {
  if (buildah && expectedReferences) await removeImages(expectedReferences, buildah.env);
  await proxy?.stop();
  await registry?.stop();
  for (const dir of [home, buildah?.configDir, certificate?.dir]) {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  removeProjects();
});

describe('containerize and push with buildah', () => {
  test('succeeds', () => {
    expect(result.exitCode, result.log).toBe(0);
  });

  test('outputs the Bento tag, the first reference and every reference', () => {
    expect(result.outputs['bento-tag']).toMatch(/^digits_classifier:[a-z0-9]+$/);
    expect(result.outputs['image']).toBe(`${repository}:v1.0.0`);
    expect(result.outputs['tags']!.split('\n')).toEqual(expectedReferences);
  });

  test('pushed every tag, and the registry serves the digest the action output', async () => {
    const inspect = JSON.parse(
      await tool('skopeo', [
        'inspect',
        '--creds',
        `${USER}:${PASSWORD}`,
        `docker://${repository}:latest`,
      ]),
    ) as { Digest: string; RepoTags: string[] };
    expect(inspect.RepoTags.sort()).toEqual(
      ['v1.0.0', SHA, SHA.slice(0, 7), 'main', 'latest'].sort(),
    );
    expect(inspect.Digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.outputs['digest']).toBe(inspect.Digest);
  });

  test('retried the two failed manifest uploads with a warning each, and landed every tag once', () => {
    const puts = proxy.requests.filter((r) => r.kind === 'manifest-put');
    expect(puts.map((r) => r.status)).toEqual([503, 503, 201, 201, 201, 201, 201]);
    const retries = result.annotations.filter(
      (a) => a.level === 'warning' && /transient registry error/.test(a.message),
    );
    // One line each, that says what the registry answered; buildah's command and output are in
    // the log group above, not in the warning.
    expect(
      retries.map((a) => a.message.replace(/retrying in [\d.]+s/, 'retrying in <delay>')),
    ).toEqual([
      `Push of ${repository}:v1.0.0 failed with a transient registry error (try 1 of 4): the registry answered HTTP 503 Service Unavailable; retrying in <delay>.`,
      `Push of ${repository}:v1.0.0 failed with a transient registry error (try 2 of 4): the registry answered HTTP 503 Service Unavailable; retrying in <delay>.`,
    ]);
    expect(result.log).toMatch(
      /\[command\]buildah push --retry 0 --digestfile \S+ \S+:v1\.0\.0 docker:\/\/\S+:v1\.0\.0/,
    );
  });

  test('ran the exact containerize and push commands', () => {
    // A failed call's command line is written again under it with its exit code (core's exec):
    // that one is a report, not another run.
    const lines = result.log.split('\n');
    const commands = lines
      .filter(
        (l, i) => l.startsWith('[command]') && !/^\((?:exit code|ended)/.test(lines[i + 1] ?? ''),
      )
      .map((l) => l.slice('[command]'.length));
    const containerize = commands.find((c) => c.includes(' containerize '));
    expect(containerize).toBe(
      `${join(project.bin, 'bentoml')} containerize ${result.outputs['bento-tag']} --backend buildah ${expectedReferences.map((r) => `--image-tag ${r}`).join(' ')}`,
    );
    const pushes = commands.filter((c) => c.startsWith('buildah push'));
    expect(pushes.map((c) => c.replace(/--digestfile \S+/, '--digestfile <file>'))).toEqual(
      // The first tag three times: two tries the proxy failed, then the one that landed.
      [expectedReferences[0], expectedReferences[0], ...expectedReferences].map(
        (r) => `buildah push --retry 0 --digestfile <file> ${r} docker://${r}`,
      ),
    );
  });

  test('logged in with the password on stdin and never showed it', () => {
    expect(result.log).toContain(
      `[command]buildah login --username ${USER} --password-stdin ${proxy.host}`,
    );
    expect(result.masked).toContain(PASSWORD);
    expect(result.logWithoutMasks).not.toContain(PASSWORD);
    expect(result.summary).not.toContain(PASSWORD);
  });

  test('logged out again in the post step', () => {
    expect(result.steps.map((s) => s.step)).toEqual(['main', 'post']);
    expect(result.steps[1]!.stdout).toContain(`[command]buildah logout ${proxy.host}`);
    expect(readFileSync(buildah.env['REGISTRY_AUTH_FILE']!, 'utf8')).not.toContain(proxy.host);
  });

  test('summarizes the images with their digest and how to pull by digest', () => {
    for (const reference of expectedReferences) {
      expect(result.summary).toContain(`| ${reference} | ${result.outputs['digest']} |`);
    }
    expect(result.summary).toContain(`${repository}@${result.outputs['digest']}`);
  });

  test("built an image that holds the Bento, its model and the service's packages", async () => {
    const container = (await tool('buildah', ['from', `${repository}:v1.0.0`])).trim();
    try {
      const out = await tool('buildah', [
        'run',
        container,
        '--',
        '/app/.venv/bin/python',
        '-c',
        'import bentoml, sklearn, os; print(sklearn.__version__); print(sorted(os.listdir("/home/bentoml/bento/models")))',
      ]);
      expect(out.trim().split('\n')).toEqual(['1.9.1', "['digits_classifier']"]);
    } finally {
      await tool('buildah', ['rm', container]);
    }
  });
});

describe('a wrong registry password', () => {
  test('fails at the login, before anything is built, naming the registry and the user', async () => {
    const wrong = `wrong-${globalThis.crypto.randomUUID()}`;
    const denied = await runAction({
      action,
      workspace,
      inputs: {
        model: project.model,
        images: `${proxy.host}/team/digits-classifier`,
        backend: 'buildah',
        username: USER,
        password: wrong,
      },
      env: actionEnv(),
    });
    expect(denied.exitCode).toBe(1);
    const errors = denied.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors).toEqual([
      `bentoml failed: ${proxy.host} rejected the login as '${USER}': the registry refused the credentials. Check 'username' and 'password' (a token with permission to push to the repository).`,
    ]);
    expect(denied.log).not.toContain('::group::Build the Bento');
    expect(denied.logWithoutMasks).not.toContain(wrong);
  });
});
