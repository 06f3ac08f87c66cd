import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { getOctokit } from '@actions/github';
import { beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import {
  type LocalAppOptions,
  type LocalGitHub,
  signAppJwt,
  startLocalGitHub,
} from '../src/github/index.ts';

const APP_ID = 4242;
let privateKey: KeyObject;
let otherKey: KeyObject;

beforeAll(() => {
  privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
});

async function start(installations?: LocalAppOptions['installations']): Promise<LocalGitHub> {
  const app: LocalAppOptions = { id: APP_ID, slug: 'mlops-bot', publicKey: privateKey };
  if (installations) app.installations = installations;
  const github = await startLocalGitHub({
    repositories: [
      { fullName: 'octo-org/demo' },
      { fullName: 'octo-org/models', private: true },
      { fullName: 'other-org/tools' },
    ],
    pullRequests: [
      {
        number: 1,
        head: { ref: 'x', sha: 'a'.repeat(40) },
        base: { ref: 'main', sha: 'b'.repeat(40) },
      },
    ],
    apps: [app],
  });
  onTestFinished(() => github.stop());
  return github;
}

function asApp(github: LocalGitHub, jwt = signAppJwt({ appId: APP_ID, privateKey })) {
  return getOctokit(jwt, { baseUrl: github.url });
}

describe('GitHub App authentication', () => {
  test('an app JWT finds the repository installation and mints a token that acts as the bot', async () => {
    const github = await start();
    const installation = await asApp(github).rest.apps.getRepoInstallation({
      owner: 'octo-org',
      repo: 'demo',
    });
    const minted = await asApp(github).rest.apps.createInstallationAccessToken({
      installation_id: installation.data.id,
    });
    expect(minted.status).toBe(201);
    const comment = await getOctokit(minted.data.token, {
      baseUrl: github.url,
    }).rest.issues.createComment({
      owner: 'octo-org',
      repo: 'demo',
      issue_number: 1,
      body: 'from the app',
    });
    expect(comment.data.user?.login).toBe('mlops-bot[bot]');
    expect(github.state.installationTokens).toMatchObject([
      { token: minted.data.token, installationId: installation.data.id, appId: APP_ID },
    ]);
    github.assertNoViolations();
  });

  test('the organization installation is found by the organization login', async () => {
    const github = await start();
    const found = await asApp(github).rest.apps.getOrgInstallation({ org: 'other-org' });
    expect(found.data).toMatchObject({ app_id: APP_ID, account: { login: 'other-org' } });
    github.assertNoViolations();
  });

  test('a token limited to one repository cannot see a private repository beside it', async () => {
    const github = await start();
    const { data: installation } = await asApp(github).rest.apps.getOrgInstallation({
      org: 'octo-org',
    });
    const minted = await asApp(github).rest.apps.createInstallationAccessToken({
      installation_id: installation.id,
      repositories: ['demo'],
      permissions: { issues: 'write' },
    });
    expect(minted.data.repository_selection).toBe('selected');
    const octokit = getOctokit(minted.data.token, { baseUrl: github.url });
    await expect(
      octokit.rest.repos.get({ owner: 'octo-org', repo: 'models' }),
    ).rejects.toMatchObject({ status: 404 });
    github.assertNoViolations();
  });

  test('permissions beyond the installation are refused with 422', async () => {
    const github = await start([{ account: 'octo-org', permissions: { issues: 'read' } }]);
    const { data: installation } = await asApp(github).rest.apps.getOrgInstallation({
      org: 'octo-org',
    });
    await expect(
      asApp(github).rest.apps.createInstallationAccessToken({
        installation_id: installation.id,
        permissions: { issues: 'write' },
      }),
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: { message: 'The permissions requested are not granted to this installation.' },
      },
    });
    github.assertNoViolations();
  });

  test('an app not installed on a repository gets 404 for its installation', async () => {
    const github = await start([{ account: 'octo-org', repositories: ['octo-org/demo'] }]);
    await expect(
      asApp(github).rest.apps.getRepoInstallation({ owner: 'octo-org', repo: 'models' }),
    ).rejects.toMatchObject({ status: 404 });
    github.assertNoViolations();
  });

  const now = () => Math.floor(Date.now() / 1000);
  test.each([
    {
      name: 'an exp more than ten minutes ahead',
      jwt: () => signAppJwt({ appId: APP_ID, privateKey, iat: now() - 30, exp: now() + 660 }),
      message: "'Expiration time' claim ('exp') is too far in the future",
    },
    {
      name: 'an expired token',
      jwt: () => signAppJwt({ appId: APP_ID, privateKey, iat: now() - 700, exp: now() - 60 }),
      message:
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    },
    {
      name: 'an iat in the future',
      jwt: () => signAppJwt({ appId: APP_ID, privateKey, iat: now() + 120, exp: now() + 300 }),
      message:
        "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
    },
    {
      name: 'a signature by another key',
      jwt: () => signAppJwt({ appId: APP_ID, privateKey: otherKey }),
      message: 'A JSON web token could not be decoded',
    },
    {
      name: 'an issuer that is not the app',
      jwt: () => signAppJwt({ appId: 1, privateKey }),
      message: 'A JSON web token could not be decoded',
    },
  ])('a JWT with $name is answered 401', async ({ jwt, message }) => {
    const github = await start();
    await expect(
      asApp(github, jwt()).rest.apps.getOrgInstallation({ org: 'octo-org' }),
    ).rejects.toMatchObject({ status: 401, response: { data: { message } } });
    github.assertNoViolations();
  });

  test('an app JWT on a repository endpoint is answered 403', async () => {
    const github = await start();
    await expect(
      asApp(github).rest.repos.get({ owner: 'octo-org', repo: 'demo' }),
    ).rejects.toMatchObject({
      status: 403,
      response: { data: { message: 'Resource not accessible by integration' } },
    });
    github.assertNoViolations();
  });

  test('a plain token on an app endpoint is answered 401', async () => {
    const github = await start();
    const octokit = getOctokit('ghs_test_token', { baseUrl: github.url });
    await expect(octokit.rest.apps.getOrgInstallation({ org: 'octo-org' })).rejects.toMatchObject({
      status: 401,
    });
    github.assertNoViolations();
  });

  test('an installation token stops working once it has expired', async () => {
    const github = await start();
    const { data: installation } = await asApp(github).rest.apps.getOrgInstallation({
      org: 'octo-org',
    });
    const minted = await asApp(github).rest.apps.createInstallationAccessToken({
      installation_id: installation.id,
    });
    const record = github.state.tokens.get(minted.data.token);
    if (!record) throw new Error('the minted token is not in the state');
    record.expiresAt = new Date(Date.now() - 1000).toISOString();
    const octokit = getOctokit(minted.data.token, { baseUrl: github.url });
    await expect(octokit.rest.repos.get({ owner: 'octo-org', repo: 'demo' })).rejects.toMatchObject(
      {
        status: 401,
      },
    );
  });
});
