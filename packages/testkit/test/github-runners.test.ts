import { getOctokit } from '@actions/github';
import { describe, expect, onTestFinished, test } from 'vitest';
import {
  DEFAULT_TOKEN,
  type LocalGitHub,
  type LocalGitHubOptions,
  startLocalGitHub,
} from '../src/github/index.ts';

const options: LocalGitHubOptions = {
  repositories: [{ fullName: 'octo-org/demo' }, { fullName: 'octo-org/private', private: true }],
  tokens: {
    repo_writer: { login: 'writer', permissions: { '*': { contents: 'write', issues: 'write' } } },
    repo_admin: { login: 'admin', permissions: { 'octo-org/demo': { administration: 'write' } } },
  },
};

async function start(): Promise<LocalGitHub> {
  const github = await startLocalGitHub(options);
  onTestFinished(() => github.stop());
  return github;
}

type Scope = 'repository' | 'organization';
const paths: Record<Scope, string> = {
  repository: '/repos/{owner}/{repo}/actions/runners',
  organization: '/orgs/{org}/actions/runners',
};
const params = { owner: 'octo-org', repo: 'demo', org: 'octo-org' };
const targets: Record<Scope, string> = { repository: 'octo-org/demo', organization: 'octo-org' };

describe('runner tokens', () => {
  test.each([
    { kind: 'registration', endpoint: 'registration-token', scope: 'repository' as Scope },
    { kind: 'remove', endpoint: 'remove-token', scope: 'repository' as Scope },
    { kind: 'registration', endpoint: 'registration-token', scope: 'organization' as Scope },
    { kind: 'remove', endpoint: 'remove-token', scope: 'organization' as Scope },
  ])('a $kind token for the $scope is issued and recorded', async ({ kind, endpoint, scope }) => {
    const github = await start();
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    const answer = await octokit.request(`POST ${paths[scope]}/${endpoint}`, params);
    expect(answer.status).toBe(201);
    const expiresIn = Date.parse(answer.data.expires_at) - Date.now();
    expect(expiresIn).toBeGreaterThan(59 * 60 * 1000);
    expect(github.state.runnerTokens).toEqual([
      {
        kind,
        scope: { kind: scope, target: targets[scope] },
        token: answer.data.token,
        expiresAt: answer.data.expires_at,
        issuedTo: 'github-actions[bot]',
      },
    ]);
    github.assertNoViolations();
  });

  test.each([
    { token: 'repo_writer', path: '/repos/octo-org/demo/actions/runners/registration-token' },
    { token: 'repo_admin', path: '/orgs/octo-org/actions/runners/registration-token' },
  ])('$token without the needed admin permission gets 403 at $path', async ({ token, path }) => {
    const github = await start();
    const octokit = getOctokit(token, { baseUrl: github.url });
    await expect(octokit.request(`POST ${path}`)).rejects.toMatchObject({ status: 403 });
    expect(github.state.runnerTokens).toEqual([]);
    github.assertNoViolations();
  });

  test('an organization the server does not know answers 404', async () => {
    const github = await start();
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    await expect(
      octokit.rest.actions.createRegistrationTokenForOrg({ org: 'elsewhere' }),
    ).rejects.toMatchObject({ status: 404 });
    github.assertNoViolations();
  });
});

describe('just-in-time runner configurations', () => {
  test.each(['repository', 'organization'] as Scope[])(
    'a JIT config for the %s registers the runner and encodes its settings',
    async (scope) => {
      const github = await start();
      const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
      const answer = await octokit.request(`POST ${paths[scope]}/generate-jitconfig`, {
        ...params,
        name: 'gpu-runner-1',
        runner_group_id: 1,
        labels: ['self-hosted', 'gpu'],
      });
      expect(answer.status).toBe(201);
      expect(answer.data.runner).toMatchObject({
        name: 'gpu-runner-1',
        labels: [
          { name: 'self-hosted', type: 'read-only' },
          { name: 'gpu', type: 'custom' },
        ],
      });
      const outer = JSON.parse(Buffer.from(answer.data.encoded_jit_config, 'base64').toString());
      const settings = JSON.parse(Buffer.from(outer['.runner'], 'base64').toString());
      expect(settings).toMatchObject({ AgentName: 'gpu-runner-1', WorkFolder: '_work' });
      expect(github.state.runners).toMatchObject([
        { name: 'gpu-runner-1', scope: { kind: scope, target: targets[scope] } },
      ]);
      expect(github.state.jitConfigs).toMatchObject([
        { runnerId: answer.data.runner.id, encodedJitConfig: answer.data.encoded_jit_config },
      ]);
      github.assertNoViolations();
    },
  );

  test('a second runner with the same name in the same scope answers 409', async () => {
    const github = await start();
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    const body = { owner: 'octo-org', repo: 'demo', name: 'r1', runner_group_id: 1, labels: ['x'] };
    await octokit.rest.actions.generateRunnerJitconfigForRepo(body);
    await expect(octokit.rest.actions.generateRunnerJitconfigForRepo(body)).rejects.toMatchObject({
      status: 409,
    });
    expect(github.state.runners).toHaveLength(1);
    github.assertNoViolations();
  });

  test('deleting a runner removes it once; a second delete answers 404', async () => {
    const github = await start();
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    const body = { owner: 'octo-org', repo: 'demo', name: 'r1', runner_group_id: 1, labels: ['x'] };
    const { data } = await octokit.rest.actions.generateRunnerJitconfigForRepo(body);
    const remove = { owner: 'octo-org', repo: 'demo', runner_id: data.runner.id };
    expect((await octokit.rest.actions.deleteSelfHostedRunnerFromRepo(remove)).status).toBe(204);
    expect(github.state.runners).toEqual([]);
    await expect(octokit.rest.actions.deleteSelfHostedRunnerFromRepo(remove)).rejects.toMatchObject(
      { status: 404 },
    );
    github.assertNoViolations();
  });

  test('a JIT config without labels is refused and recorded as a violation', async () => {
    const github = await start();
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    await expect(
      octokit.rest.actions.generateRunnerJitconfigForRepo({
        owner: 'octo-org',
        repo: 'demo',
        name: 'r1',
        runner_group_id: 1,
        labels: [],
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(github.violations).toEqual([
      expect.stringContaining('body/labels must NOT have fewer than 1 items'),
    ]);
    expect(github.state.runners).toEqual([]);
  });

  test('a runner group that does not exist answers 404', async () => {
    const github = await start();
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    await expect(
      octokit.rest.actions.generateRunnerJitconfigForOrg({
        org: 'octo-org',
        name: 'r1',
        runner_group_id: 42,
        labels: ['x'],
      }),
    ).rejects.toMatchObject({ status: 404 });
    github.assertNoViolations();
  });
});
