// The runner image's entry point (docker/dist, bundled from docker/src) run for real on Node, with
// stand-ins for the runner's config.sh and run.sh, against the local GitHub (every request and
// answer checked against GitHub's OpenAPI description).

import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, verify } from 'node:crypto';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type LocalGitHub,
  type LocalGitHubOptions,
  startLocalGitHub,
} from '@mlops-actions/testkit/github';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  jwtPart,
  makeStubRunner,
  type RecordingProxy,
  runStartup,
  STARTUP,
  type StartupExit,
  type StubRunner,
  startRecordingProxy,
  startStartup,
} from './support.ts';

const PAT = 'github_pat_runner_test_0123456789abcdef';
const REPO_URL = 'https://github.com/octo-org/demo';
const ORG_URL = 'https://github.com/octo-org';
const APP_ID = 4242;

/** Repository and organisation runners can both be managed with this token. */
const ADMIN_TOKEN = {
  login: 'runner-admin',
  permissions: { 'octo-org/demo': { administration: 'write' as const } },
  organizations: { 'octo-org': { self_hosted_runners: 'write' as const } },
};

let gh: LocalGitHub;
let runner: StubRunner;
const cleanups: (() => Promise<void> | void)[] = [];

async function github(options: LocalGitHubOptions = {}): Promise<LocalGitHub> {
  gh = await startLocalGitHub({
    repositories: [{ fullName: 'octo-org/demo', private: true }],
    tokens: { [PAT]: ADMIN_TOKEN },
    ...options,
  });
  cleanups.push(() => gh.stop());
  return gh;
}

function patEnv(extra: Record<string, string | undefined> = {}) {
  return {
    RUNNER_URL: REPO_URL,
    RUNNER_NAME: 'runner-1',
    RUNNER_HOME: runner.home,
    GITHUB_API_URL: gh.url,
    GITHUB_PAT: PAT,
    GITHUB_API_RETRY_DELAY: '1',
    ...extra,
  };
}

function issued(kind: 'registration' | 'remove') {
  return gh.state.runnerTokens.filter((t) => t.kind === kind);
}

/** Every credential the run could have seen: none of them may appear in its output. */
function allSecrets(extra: string[] = []): string[] {
  return [
    PAT,
    ...gh.state.runnerTokens.map((t) => t.token),
    ...gh.state.installationTokens.map((t) => t.token),
    ...gh.state.jitConfigs.map((j) => j.encodedJitConfig),
    ...extra,
  ];
}

function makeAppKey() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return { pem, publicKey };
}

async function untilListening(run: ReturnType<typeof startStartup>) {
  await run.until(() => runner.runEnv() !== undefined, 'run.sh to start');
}

beforeEach(() => {
  runner = makeStubRunner();
});

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
  runner.remove();
});

describe('registration', { timeout: 20_000 }, () => {
  test.each([
    {
      scope: 'repository',
      url: REPO_URL,
      path: '/repos/octo-org/demo/actions/runners/registration-token',
    },
    {
      scope: 'organisation',
      url: ORG_URL,
      path: '/orgs/octo-org/actions/runners/registration-token',
    },
  ])(
    'registers a $scope runner with a registration token from the $scope endpoint',
    async ({ url, path }) => {
      await github();
      const result = await runStartup(patEnv({ RUNNER_URL: url, RUN_STUB_MODE: 'exit' }));
      expect(result.code, result.output).toBe(0);
      const [configure] = runner.configCalls();
      expect(configure).toEqual([
        '--unattended',
        '--replace',
        '--url',
        url,
        '--name',
        'runner-1',
        '--work',
        '_work',
        '--ephemeral',
        '--disableupdate',
      ]);
      const [registration] = issued('registration');
      expect(gh.requests.find((r) => r.method === 'POST')?.path).toBe(path);
      expect(runner.configEnvs()[0]?.ACTIONS_RUNNER_INPUT_TOKEN).toBe(registration?.token);
      gh.assertNoViolations();
    },
  );

  test.each([
    {
      name: 'labels',
      env: { RUNNER_LABELS: 'base-runner, gpu' },
      flags: ['--labels', 'base-runner,gpu'],
    },
    { name: 'a runner group', env: { RUNNER_GROUP: 'ml' }, flags: ['--runnergroup', 'ml'] },
    {
      name: 'a work folder',
      env: { RUNNER_WORKDIR: '/work/jobs' },
      flags: ['--work', '/work/jobs'],
    },
  ])('passes $name to config.sh', async ({ env, flags }) => {
    await github();
    const result = await runStartup(patEnv({ ...env, RUN_STUB_MODE: 'exit' }));
    expect(result.code, result.output).toBe(0);
    const configure = runner.configCalls()[0] ?? [];
    const at = configure.indexOf(flags[0] ?? '');
    expect(configure.slice(at, at + 2)).toEqual(flags);
  });

  test.each([
    { variable: 'EPHEMERAL', flag: '--ephemeral' },
    { variable: 'DISABLE_AUTO_UPDATE', flag: '--disableupdate' },
  ])('leaves $flag out when $variable is false', async ({ variable, flag }) => {
    await github();
    const result = await runStartup(patEnv({ [variable]: 'false', RUN_STUB_MODE: 'exit' }));
    expect(result.code, result.output).toBe(0);
    expect(runner.configCalls()[0]).not.toContain(flag);
  });

  test('names the runner after the host when RUNNER_NAME is not set', async () => {
    await github();
    const result = await runStartup(patEnv({ RUNNER_NAME: undefined, RUN_STUB_MODE: 'exit' }));
    expect(result.code, result.output).toBe(0);
    const configure = runner.configCalls()[0] ?? [];
    expect(configure[configure.indexOf('--name') + 1]).toBe(hostname());
  });

  test.each([
    {
      name: 'GITHUB_RUNNER_PAT, the tutorial variable',
      env: { GITHUB_PAT: undefined, GITHUB_RUNNER_PAT: PAT },
    },
    { name: 'GITHUB_PAT_FILE', env: { GITHUB_PAT: undefined, GITHUB_PAT_FILE: 'pat-file' } },
  ])('takes the personal access token from $name', async ({ env }) => {
    await github();
    const file = join(runner.home, 'pat.txt');
    writeFileSync(file, `${PAT}\n`);
    const resolved = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [k, v === 'pat-file' ? file : v]),
    );
    const result = await runStartup(patEnv({ ...resolved, RUN_STUB_MODE: 'exit' }));
    expect(result.code, result.output).toBe(0);
    expect(issued('registration')).toHaveLength(1);
  });

  test('retries the token request with a growing delay when GitHub fails for a while', async () => {
    await github();
    gh.failNext({ method: 'POST', path: /registration-token$/ }, 2, 503);
    const started = Date.now();
    const result = await runStartup(patEnv({ RUN_STUB_MODE: 'exit' }));
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/HTTP 503.*attempt 2 of 5 in 1s/);
    expect(result.output).toMatch(/HTTP 503.*attempt 3 of 5 in 2s/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(issued('registration')).toHaveLength(1);
  });

  test('gives up after GITHUB_API_RETRIES attempts with exit code 5', async () => {
    await github();
    gh.failNext({ method: 'POST', path: /registration-token$/ }, 10, 502);
    const result = await runStartup(patEnv({ GITHUB_API_RETRIES: '2' }));
    expect(result.code, result.output).toBe(5);
    expect(result.stderr).toMatch(/HTTP 502.*GitHub kept failing after 2 attempts/);
    expect(runner.configCalls()).toHaveLength(0);
  });

  test('removes a registration left by an earlier start before registering again', async () => {
    await github();
    writeFileSync(join(runner.home, '.runner'), '{}');
    const result = await runStartup(patEnv({ RUN_STUB_MODE: 'exit' }));
    expect(result.code, result.output).toBe(0);
    const calls = runner.configCalls();
    expect(calls[0]?.[0]).toBe('remove');
    expect(runner.configEnvs()[0]?.ACTIONS_RUNNER_INPUT_TOKEN).toBe(issued('remove')[0]?.token);
    expect(calls[1]).toContain('--url');
  });

  test('exits with code 6 when config.sh cannot register', async () => {
    await github();
    const result = await runStartup(patEnv({ CONFIG_STUB_EXIT: '1' }));
    expect(result.code, result.output).toBe(6);
    expect(result.stderr).toContain('config.sh could not register the runner');
    expect(runner.runEnv()).toBeUndefined();
  });
});

describe('errors', { timeout: 20_000 }, () => {
  test.each([
    {
      status: 401,
      code: 3,
      env: { GITHUB_PAT: 'github_pat_revoked_or_unknown' },
      message: 'Bad credentials',
      cause: 'the personal access token is wrong, expired or revoked',
    },
    {
      status: 403,
      code: 3,
      env: { RUNNER_URL: 'https://github.com/octo-org/public-site' },
      message: 'Resource not accessible',
      cause: 'a classic token needs the "repo" scope',
    },
    {
      status: 404,
      code: 4,
      env: { RUNNER_URL: 'https://github.com/octo-org/no-such-repo' },
      message: 'Not Found',
      cause: 'RUNNER_URL (https://github.com/octo-org/no-such-repo)',
    },
  ])(
    "an HTTP $status exits with code $code, GitHub's message and the probable cause",
    async ({ code, env, status, message, cause }) => {
      await github({
        repositories: [
          { fullName: 'octo-org/demo', private: true },
          { fullName: 'octo-org/public-site' },
        ],
      });
      const result = await runStartup(patEnv(env));
      expect(result.code, result.output).toBe(code);
      expect(result.stderr).toContain(`HTTP ${status}: ${message}`);
      expect(result.stderr).toContain(cause);
      expect(runner.configCalls()).toHaveLength(0);
      expect(result.output).not.toContain(env.GITHUB_PAT ?? PAT);
    },
  );

  test('an unreachable API exits with code 5 and names the URL it tried', async () => {
    await github();
    const result = await runStartup(
      patEnv({ GITHUB_API_URL: 'http://127.0.0.1:9', GITHUB_API_RETRIES: '1' }),
    );
    expect(result.code, result.output).toBe(5);
    expect(result.stderr).toContain('GitHub could not be reached at http://127.0.0.1:9');
  });

  test.each([
    {
      name: 'RUNNER_URL is missing',
      env: { RUNNER_URL: undefined },
      says: 'RUNNER_URL is not set',
    },
    {
      name: 'RUNNER_URL names no repository',
      env: { RUNNER_URL: 'https://github.com' },
      says: 'RUNNER_URL must be',
    },
    { name: 'no credential is set', env: { GITHUB_PAT: undefined }, says: 'No credential' },
    {
      name: 'both a token and an App are set',
      env: { GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: 'key' },
      says: 'set only one of them',
    },
    {
      name: 'a boolean has a typo',
      env: { EPHEMERAL: 'yes' },
      says: 'EPHEMERAL must be one of true',
    },
    {
      name: 'the API is plain http on the network',
      env: { GITHUB_API_URL: 'http://github.internal/api/v3' },
      says: 'is plain http',
    },
  ])('exits with code 2 when $name', async ({ env, says }) => {
    await github();
    const result = await runStartup(patEnv(env));
    expect(result.code, result.output).toBe(2);
    expect(result.stderr).toContain(says);
    expect(gh.requests).toHaveLength(0);
  });
});

describe('secrets', { timeout: 20_000 }, () => {
  test('no token appears in anything the entry point or the runner print', async () => {
    await github();
    const run = startStartup(patEnv());
    await untilListening(run);
    run.child.kill('SIGTERM');
    const result = await run.exited;
    expect(result.code, result.output).toBe(143);
    expect(issued('registration')).toHaveLength(1);
    expect(issued('remove')).toHaveLength(1);
    for (const secret of allSecrets()) expect(result.output).not.toContain(secret);
  });

  test('the runner starts without any credential in its environment', async () => {
    await github();
    const run = startStartup(patEnv());
    await untilListening(run);
    run.child.kill('SIGTERM');
    await run.exited;
    const env = runner.runEnv() ?? {};
    for (const name of [
      'GITHUB_PAT',
      'GITHUB_RUNNER_PAT',
      'GITHUB_APP_PRIVATE_KEY',
      'ACTIONS_RUNNER_INPUT_TOKEN',
    ]) {
      expect(env).not.toHaveProperty(name);
    }
    const values = Object.values(env).join('\n');
    for (const secret of allSecrets()) expect(values).not.toContain(secret);
    expect(env.RUNNER_MANUALLY_TRAP_SIG).toBe('1');
    expect(env.ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT).toBe('1');
  });

  test('config.sh gets the registration token in its environment, not on its command line', async () => {
    await github();
    const result = await runStartup(patEnv({ RUN_STUB_MODE: 'exit' }));
    expect(result.code, result.output).toBe(0);
    const token = issued('registration')[0]?.token ?? 'missing';
    expect(runner.configCalls()[0]?.join(' ')).not.toContain(token);
    expect(runner.configEnvs()[0]?.ACTIONS_RUNNER_INPUT_TOKEN).toBe(token);
    expect(runner.configEnvs()[0]).not.toHaveProperty('GITHUB_PAT');
  });
});

// The image runs the entry point with an execute-only copy of the runner's Node, so that Linux
// marks it non-dumpable and a job (same uid) cannot read the credential in its initial
// environment. That needs another uid than the test's, so root to switch to it: CI runs as root.
const canSwitchUser =
  process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).error === undefined;

describe.skipIf(!canSwitchUser)('the entry point seen from a job', { timeout: 20_000 }, () => {
  const UID = '1001';

  function asRunnerUser(node: string) {
    spawnSync('chown', ['-R', `${UID}:${UID}`, runner.home]);
    // setpriv still holds root's capabilities when it executes its command, which would let it
    // read Node; sh, started without them, then executes Node as tini does in the image.
    const user = ['setpriv', `--reuid=${UID}`, `--regid=${UID}`, '--clear-groups'];
    return [...user, '/bin/sh', '-c', 'exec "$0" "$1"', node, STARTUP];
  }

  test.each([
    { node: 'an execute-only copy of Node', executeOnly: true, readable: false },
    { node: 'an ordinary Node', executeOnly: false, readable: true },
  ])('with $node, a job can read the credential: $readable', async ({ executeOnly, readable }) => {
    await github();
    const dir = mkdtempSync(join(tmpdir(), 'node-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    chmodSync(dir, 0o755);
    const node = join(dir, 'node');
    copyFileSync(process.execPath, node);
    chmodSync(node, executeOnly ? 0o711 : 0o755);
    const run = startStartup(patEnv(), { command: asRunnerUser(node) });
    await run.until(() => runner.parentEnvironmentReadable() !== undefined, 'run.sh to look');
    run.child.kill('SIGTERM');
    const result = await run.exited;
    expect(result.code, result.output).toBe(143);
    expect(runner.parentEnvironmentReadable()).toBe(readable);
    expect(runner.recorded('parent.env')?.includes(PAT) ?? false).toBe(readable);
  });
});

describe('GitHub App', { timeout: 20_000 }, () => {
  let proxy: RecordingProxy;

  async function appGitHub(publicKey: ReturnType<typeof makeAppKey>['publicKey']) {
    await github({ tokens: {}, apps: [{ id: APP_ID, publicKey }] });
    proxy = await startRecordingProxy(gh.url);
    cleanups.push(() => proxy.stop());
  }

  function appEnv(pem: string, extra: Record<string, string | undefined> = {}) {
    return patEnv({
      GITHUB_PAT: undefined,
      GITHUB_APP_ID: String(APP_ID),
      GITHUB_APP_PRIVATE_KEY: pem,
      GITHUB_API_URL: proxy.url,
      ...extra,
    });
  }

  test.each([
    { scope: 'repository', url: REPO_URL, lookup: '/repos/octo-org/demo/installation' },
    { scope: 'organisation', url: ORG_URL, lookup: '/orgs/octo-org/installation' },
  ])('registers a $scope runner with an installation token', async ({ url, lookup }) => {
    const key = makeAppKey();
    await appGitHub(key.publicKey);
    const result = await runStartup(appEnv(key.pem, { RUNNER_URL: url, RUN_STUB_MODE: 'exit' }));
    expect(result.code, result.output).toBe(0);
    expect(proxy.seen.map((r) => `${r.method} ${r.path}`).slice(0, 2)).toEqual([
      `GET ${lookup}`,
      `POST /app/installations/${gh.state.installations[0]?.id}/access_tokens`,
    ]);
    const [installationToken] = gh.state.installationTokens;
    const registration = proxy.seen.find((r) => r.path.endsWith('/registration-token'));
    expect(registration?.authorization).toBe(`Bearer ${installationToken?.token}`);
    expect(runner.configEnvs()[0]?.ACTIONS_RUNNER_INPUT_TOKEN).toBe(
      issued('registration')[0]?.token,
    );
    gh.assertNoViolations();
  });

  test('asks for an installation token limited to runner administration on the repository', async () => {
    const key = makeAppKey();
    await appGitHub(key.publicKey);
    const result = await runStartup(appEnv(key.pem, { RUN_STUB_MODE: 'exit' }));
    expect(result.code, result.output).toBe(0);
    const [token] = gh.state.installationTokens;
    expect(token?.permissions).toEqual({ administration: 'write' });
    expect(token?.repositories).toEqual(['octo-org/demo']);
  });

  test('signs a JWT that verifies with the App public key and carries iss, iat and exp', async () => {
    const key = makeAppKey();
    await appGitHub(key.publicKey);
    const before = Math.floor(Date.now() / 1000);
    const result = await runStartup(appEnv(key.pem, { RUN_STUB_MODE: 'exit' }));
    const after = Math.floor(Date.now() / 1000);
    expect(result.code, result.output).toBe(0);
    const lookup = proxy.seen.find((r) => r.path.endsWith('/installation'));
    const jwt = lookup?.authorization?.replace(/^Bearer /, '') ?? '';
    const [header = '', payload = '', signature = ''] = jwt.split('.');
    expect(
      verify(
        'RSA-SHA256',
        Buffer.from(`${header}.${payload}`),
        key.publicKey,
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(true);
    expect(jwtPart(header)).toEqual({ alg: 'RS256', typ: 'JWT' });
    const claims = jwtPart(payload) as { iss: number; iat: number; exp: number };
    expect(claims.iss).toBe(APP_ID);
    expect(claims.iat).toBeLessThanOrEqual(before);
    expect(claims.iat).toBeGreaterThanOrEqual(before - 120);
    expect(claims.exp).toBeGreaterThan(after);
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(600);
    expect(result.output).not.toContain(signature);
  });

  test('reads the private key from GITHUB_APP_PRIVATE_KEY_FILE', async () => {
    const key = makeAppKey();
    await appGitHub(key.publicKey);
    const file = join(runner.home, 'app.pem');
    writeFileSync(file, key.pem);
    const result = await runStartup(
      appEnv('', {
        GITHUB_APP_PRIVATE_KEY: undefined,
        GITHUB_APP_PRIVATE_KEY_FILE: file,
        RUN_STUB_MODE: 'exit',
      }),
    );
    expect(result.code, result.output).toBe(0);
    expect(gh.state.installationTokens.length).toBeGreaterThan(0);
    expect(issued('registration')).toHaveLength(1);
  });

  test('uses GITHUB_APP_INSTALLATION_ID without looking the installation up', async () => {
    const key = makeAppKey();
    await appGitHub(key.publicKey);
    const id = String(gh.state.installations[0]?.id);
    const result = await runStartup(
      appEnv(key.pem, { GITHUB_APP_INSTALLATION_ID: id, RUN_STUB_MODE: 'exit' }),
    );
    expect(result.code, result.output).toBe(0);
    expect(proxy.seen.some((r) => r.path.endsWith('/installation'))).toBe(false);
  });

  test('a key the App does not know gets a 401 with the App-specific cause', async () => {
    const key = makeAppKey();
    await appGitHub(key.publicKey);
    const other = makeAppKey();
    const result = await runStartup(appEnv(other.pem));
    expect(result.code, result.output).toBe(3);
    expect(result.stderr).toContain('HTTP 401: A JSON web token could not be decoded');
    expect(result.stderr).toContain('that the private key belongs to that App');
  });

  test('a private key that is not PEM is a configuration error', async () => {
    const key = makeAppKey();
    await appGitHub(key.publicKey);
    const result = await runStartup(appEnv('not a key'));
    expect(result.code, result.output).toBe(2);
    expect(result.stderr).toContain('not a PEM RSA private key');
    expect(proxy.seen).toHaveLength(0);
  });

  test('the installation token and the key stay out of the output and of the runner', async () => {
    const key = makeAppKey();
    await appGitHub(key.publicKey);
    const run = startStartup(appEnv(key.pem));
    await untilListening(run);
    run.child.kill('SIGTERM');
    const result = await run.exited;
    expect(result.code, result.output).toBe(143);
    const keyBody = key.pem.split('\n')[1] ?? 'missing';
    const env = runner.runEnv() ?? {};
    expect(env).not.toHaveProperty('GITHUB_APP_PRIVATE_KEY');
    expect(env).not.toHaveProperty('GITHUB_APP_ID');
    const seen = `${result.output}\n${Object.values(env).join('\n')}`;
    for (const secret of allSecrets([keyBody])) expect(seen).not.toContain(secret);
  });
});

describe('shutdown', { timeout: 20_000 }, () => {
  test('SIGTERM stops an idle runner and deregisters it with a fresh remove token within 10 s', async () => {
    await github();
    const run = startStartup(patEnv());
    await untilListening(run);
    const signalled = Date.now();
    run.child.kill('SIGTERM');
    const result: StartupExit = await run.exited;
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(result.code, result.output).toBe(143);
    expect(runner.runSignals().map((s) => s.signal)).toEqual(['TERM']);
    const remove = runner.configCalls()[1];
    expect(remove).toEqual(['remove', '--unattended']);
    const removeTokens = issued('remove');
    expect(removeTokens).toHaveLength(1);
    expect(runner.configEnvs()[1]?.ACTIONS_RUNNER_INPUT_TOKEN).toBe(removeTokens[0]?.token);
    gh.assertNoViolations();
  });

  test('SIGINT stops the runner the same way and exits with code 130', async () => {
    await github();
    const run = startStartup(patEnv());
    await untilListening(run);
    run.child.kill('SIGINT');
    const result = await run.exited;
    expect(result.code, result.output).toBe(130);
    expect(issued('remove')).toHaveLength(1);
  });

  test('a second SIGTERM during cleanup does not run the cleanup again', async () => {
    await github();
    const run = startStartup(patEnv({ CONFIG_STUB_REMOVE_SECONDS: '1' }));
    await untilListening(run);
    run.child.kill('SIGTERM');
    await run.until(() => runner.recorded('remove-started') !== undefined, 'config.sh remove');
    run.child.kill('SIGTERM');
    const result = await run.exited;
    expect(result.code, result.output).toBe(143);
    expect(result.output).toContain('received during cleanup');
    expect(issued('remove')).toHaveLength(1);
    expect(runner.configCalls().filter((c) => c[0] === 'remove')).toHaveLength(1);
  });

  test('SIGTERM during a job lets the job finish before the runner is stopped', async () => {
    await github();
    const run = startStartup(patEnv({ RUN_STUB_MODE: 'job', RUN_STUB_JOB_SECONDS: '3' }));
    await run.until(() => run.output().includes('running a job'), 'the job to start');
    run.child.kill('SIGTERM');
    const result = await run.exited;
    expect(result.code, result.output).toBe(143);
    expect(result.output).toContain('A job is running: waiting');
    const finished = runner.jobFinishedAt() ?? Number.POSITIVE_INFINITY;
    const [stop] = runner.runSignals();
    expect(stop?.at).toBeGreaterThanOrEqual(finished);
    expect(issued('remove')).toHaveLength(1);
  });

  test('a job that outlasts RUNNER_GRACEFUL_STOP_TIMEOUT is stopped at the deadline', async () => {
    await github();
    const run = startStartup(
      patEnv({
        RUN_STUB_MODE: 'job',
        RUN_STUB_JOB_SECONDS: '30',
        RUNNER_GRACEFUL_STOP_TIMEOUT: '1',
      }),
    );
    await run.until(() => run.output().includes('running a job'), 'the job to start');
    const signalled = Date.now();
    run.child.kill('SIGTERM');
    const result = await run.exited;
    expect(result.code, result.output).toBe(143);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(result.output).toContain('stopping the runner, which cancels the job');
    expect(runner.jobFinishedAt()).toBeUndefined();
  });

  test('an ephemeral runner that ran its job exits 0 without asking for a remove token', async () => {
    await github();
    const result = await runStartup(
      patEnv({ RUN_STUB_MODE: 'ephemeral-job', RUN_STUB_JOB_SECONDS: '0' }),
    );
    expect(result.code, result.output).toBe(0);
    expect(issued('remove')).toHaveLength(0);
    expect(result.output).toContain('removed its own registration');
  });

  test('a runner that crashes while still registered is deregistered and exits with code 9', async () => {
    await github();
    const result = await runStartup(patEnv({ RUN_STUB_MODE: 'exit', RUN_STUB_EXIT: '1' }));
    expect(result.code, result.output).toBe(9);
    expect(issued('remove')).toHaveLength(1);
    expect(runner.configCalls().at(-1)?.[0]).toBe('remove');
  });

  test('exit code 7 of run.sh says the runner version is too old', async () => {
    await github();
    const result = await runStartup(patEnv({ RUN_STUB_MODE: 'exit', RUN_STUB_EXIT: '7' }));
    expect(result.code, result.output).toBe(7);
    expect(result.stderr).toContain('rebuild the image with a newer RUNNER_VERSION');
  });

  test('a failed deregistration exits with code 8 and says the runner may still be listed', async () => {
    await github();
    const run = startStartup(patEnv({ GITHUB_API_RETRIES: '1' }));
    await untilListening(run);
    gh.failNext({ method: 'POST', path: /remove-token$/ }, 1, 500);
    run.child.kill('SIGTERM');
    const result = await run.exited;
    expect(result.code, result.output).toBe(8);
    expect(result.stderr).toContain("Runner 'runner-1' is still registered");
  });
});

describe('just-in-time mode', { timeout: 20_000 }, () => {
  test('runs the runner with a JIT configuration and never calls config.sh', async () => {
    await github();
    const result = await runStartup(
      patEnv({
        RUNNER_JIT: 'true',
        RUNNER_LABELS: 'gpu',
        RUN_STUB_MODE: 'ephemeral-job',
        RUN_STUB_JOB_SECONDS: '0',
      }),
    );
    expect(result.code, result.output).toBe(0);
    expect(runner.configCalls()).toHaveLength(0);
    const [jit] = gh.state.jitConfigs;
    expect(runner.runEnv()?.ACTIONS_RUNNER_INPUT_JITCONFIG).toBe(jit?.encodedJitConfig);
    // The runner record is gone: the entry point deletes it after its one job, as GitHub would.
    const decode = (b64: string) => JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
    expect(decode(decode(jit!.encodedJitConfig)['.runner']).AgentName).toBe('runner-1');
    expect(gh.state.runners).toEqual([]);
    expect(result.output).not.toContain(jit?.encodedJitConfig);
  });

  test('on SIGTERM deletes the JIT runner that never took a job', async () => {
    await github();
    const run = startStartup(patEnv({ RUNNER_JIT: 'true' }));
    await untilListening(run);
    const id = gh.state.runners[0]?.id;
    run.child.kill('SIGTERM');
    const result = await run.exited;
    expect(result.code, result.output).toBe(143);
    expect(gh.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/repos/octo-org/demo/actions/runners/${id}`,
      status: 204,
    });
    expect(gh.state.runners).toEqual([]);
  });

  test('runs a configuration handed over by actions-runner-controller without any API call', async () => {
    await github();
    const result = await runStartup({
      RUNNER_HOME: runner.home,
      ACTIONS_RUNNER_INPUT_JITCONFIG: 'ZW5jb2RlZC1qaXQtY29uZmln',
      RUN_STUB_MODE: 'exit',
    });
    expect(result.code, result.output).toBe(0);
    expect(runner.runEnv()?.ACTIONS_RUNNER_INPUT_JITCONFIG).toBe('ZW5jb2RlZC1qaXQtY29uZmln');
    expect(runner.configCalls()).toHaveLength(0);
    expect(gh.requests).toHaveLength(0);
    expect(result.output).not.toContain('ZW5jb2RlZC1qaXQtY29uZmln');
  });
});
