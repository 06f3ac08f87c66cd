import { generateKeyPairSync } from 'node:crypto';
import { type LocalGitHub, startLocalGitHub, verifyAppJwt } from '@mlops-actions/testkit/github';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ActionError } from '../../src/pure/errors.ts';
import { appJwt, RunnerRegistry, type RunnerScope, runLabel } from '../../src/runners/index.ts';

const REPO: RunnerScope = { kind: 'repository', owner: 'octo-org', repo: 'demo' };
const ORG: RunnerScope = { kind: 'organization', org: 'octo-org' };
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

let github: LocalGitHub;
let printed: string[];

beforeEach(async () => {
  github = await startLocalGitHub({
    tokens: {
      ghp_admin: {
        login: 'admin',
        permissions: { 'octo-org/demo': { administration: 'write' } },
        organizations: { 'octo-org': { self_hosted_runners: 'write' } },
      },
      ghp_reader: { login: 'reader', permissions: { 'octo-org/demo': { contents: 'read' } } },
    },
    apps: [{ id: 4242, publicKey: keys.publicKey }],
  });
  printed = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  github.assertNoViolations();
  await github.stop();
});

const connect = (scope: RunnerScope, token = 'ghp_admin') =>
  RunnerRegistry.connect({ kind: 'token', token }, scope, { apiUrl: github.url });

describe('just-in-time runners', () => {
  test.each([
    ['a repository', REPO],
    ['an organisation', ORG],
  ])('a token registers a just-in-time runner for %s, with its labels', async (_name, scope) => {
    const registry = await connect(scope);
    const jit = await registry.generateJitConfig({
      name: 'mlops-7-1',
      labels: ['mlops-7-1', 'gpu'],
    });
    expect(jit.runner.name).toBe('mlops-7-1');
    expect(jit.runner.labels).toEqual(['mlops-7-1', 'gpu']);
    expect(github.state.jitConfigs.map((j) => j.encodedJitConfig)).toEqual([jit.encodedJitConfig]);
    // Masked as soon as it arrived.
    expect(printed.join('')).toContain(`::add-mask::${jit.encodedJitConfig}`);
  });

  test('a GitHub App signs a JWT, gets an installation token limited to administration, and registers', async () => {
    const registry = await RunnerRegistry.connect(
      { kind: 'app', appId: '4242', privateKey: PEM },
      REPO,
      { apiUrl: github.url },
    );
    await registry.generateJitConfig({ name: 'app-runner', labels: ['app-runner'] });
    const [minted] = github.state.installationTokens;
    expect(minted?.permissions).toEqual({ administration: 'write' });
    expect(minted?.repositories).toEqual(['octo-org/demo']);
    expect(github.state.runners.map((r) => r.name)).toEqual(['app-runner']);
  });

  test('the App JWT is one GitHub accepts (RS256, issued in the past, at most ten minutes ahead)', () => {
    const verdict = verifyAppJwt(appJwt('4242', PEM), [{ id: 4242, publicKey: keys.publicKey }]);
    expect(verdict.ok).toBe(true);
  });

  test('a second runner of the same name says that this attempt already started one', async () => {
    const registry = await connect(REPO);
    await registry.generateJitConfig({ name: runLabel('9', '1'), labels: ['mlops-9-1'] });
    await expect(
      registry.generateJitConfig({ name: 'mlops-9-1', labels: ['mlops-9-1'] }),
    ).rejects.toThrow(/a runner named mlops-9-1 is already registered to octo-org\/demo/);
  });
});

describe('lookup and removal', () => {
  test('runners are found by name and by label, and removed once; a second removal says gone', async () => {
    const registry = await connect(REPO);
    const a = await registry.generateJitConfig({ name: 'a', labels: ['a', 'gpu'] });
    await registry.generateJitConfig({ name: 'b', labels: ['b'] });
    expect((await registry.list({ name: 'b' })).map((r) => r.name)).toEqual(['b']);
    expect((await registry.list({ label: 'GPU' })).map((r) => r.name)).toEqual(['a']);
    expect((await registry.get(a.runner.id))?.status).toBe('offline');
    expect(await registry.remove(a.runner.id)).toBe('removed');
    expect(await registry.remove(a.runner.id)).toBe('gone');
    expect(await registry.get(a.runner.id)).toBeUndefined();
    expect((await registry.list()).map((r) => r.name)).toEqual(['b']);
  });
});

describe('refusals', () => {
  test.each([
    [
      '401: an unknown token',
      'ghp_unknown',
      REPO,
      /refused the credential \(HTTP 401\)/,
      /wrong, expired or revoked/,
    ],
    [
      '403: a token without administration',
      'ghp_reader',
      REPO,
      /denied .* \(HTTP 403/,
      /Administration: read and write/,
    ],
    [
      '404: a repository the token cannot see',
      'ghp_admin',
      { kind: 'repository', owner: 'octo-org', repo: 'nope' } as RunnerScope,
      /answered 404/,
      /App must be installed there/,
    ],
  ])('%s is one clear error with what to do', async (_name, token, scope, message, hint) => {
    const registry = await connect(scope, token);
    const error = await registry
      .generateJitConfig({ name: 'x', labels: ['x'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).message).toMatch(message);
    expect((error as ActionError).hint).toMatch(hint);
    expect(`${(error as ActionError).message} ${(error as ActionError).hint}`).not.toContain(token);
  });

  test('an App not installed on the organisation gets a 404 that says to install it', async () => {
    const other = await startLocalGitHub({
      apps: [{ id: 5, publicKey: keys.publicKey, installations: [] }],
    });
    try {
      await expect(
        RunnerRegistry.connect({ kind: 'app', appId: '5', privateKey: PEM }, REPO, {
          apiUrl: other.url,
        }),
      ).rejects.toThrow(/404 while looking up the GitHub App installation/);
    } finally {
      await other.stop();
    }
  });

  test('an unreadable App key is an error that says what to store', () => {
    expect(() =>
      appJwt('1', '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----'),
    ).toThrow(/private key could not be read/);
  });
});
