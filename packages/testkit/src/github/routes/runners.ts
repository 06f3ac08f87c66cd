// REST handlers for self-hosted runners (`actions/*`), of a repository or of an organization:
// registration and remove tokens, just-in-time configurations, list, get and delete.
import { randomBytes } from 'node:crypto';
import { callerLogin, requireOrganization, requireRepository } from '../auth.ts';
import { HttpError, notFound } from '../endpoint.ts';
import { runnerJson } from '../render.ts';
import type { RunnerRecord, RunnerScope } from '../types.ts';
import { isoNow } from '../world.ts';
import {
  inOneHour,
  paginate,
  type RestContext,
  type RestResult,
  type RestRoutes,
} from './context.ts';

const DEFAULT_RUNNER_GROUP_ID = 1;

interface JitInput {
  name: string;
  runner_group_id: number;
  labels: string[];
  work_folder?: string;
}

function runnerToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(29)].map((b) => alphabet[b % alphabet.length]).join('');
}

function repositoryRunnerScope(ctx: RestContext): RunnerScope {
  const repo = requireRepository(ctx, [{ permission: 'administration', level: 'write' }]);
  return { kind: 'repository', target: repo.fullName };
}

function organizationRunnerScope(ctx: RestContext): RunnerScope {
  const org = requireOrganization(ctx, 'self_hosted_runners', 'write');
  return { kind: 'organization', target: org };
}

function inScope(runner: RunnerRecord, scope: RunnerScope): boolean {
  return (
    runner.scope.kind === scope.kind &&
    runner.scope.target.toLowerCase() === scope.target.toLowerCase()
  );
}

function runnersOf(ctx: RestContext, scope: RunnerScope) {
  return ctx.world.state.runners.filter((r) => inScope(r, scope));
}

function issueRunnerToken(
  ctx: RestContext,
  kind: 'registration' | 'remove',
  scope: RunnerScope,
): RestResult {
  const record = {
    kind,
    scope,
    token: runnerToken(),
    expiresAt: inOneHour(),
    issuedTo: callerLogin(ctx),
  };
  ctx.world.state.runnerTokens.push(record);
  return { status: 201, body: { token: record.token, expires_at: record.expiresAt } };
}

function encodeJitConfig(ctx: RestContext, runnerId: number, scope: RunnerScope, input: JitInput) {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
  const gitHubUrl = `${ctx.world.serverUrl}/${scope.target}`;
  const runner = {
    AgentId: runnerId,
    AgentName: input.name,
    PoolId: input.runner_group_id,
    PoolName: 'Default',
    DisableUpdate: false,
    Ephemeral: true,
    ServerUrl: `${ctx.world.serverUrl}/_services/pipelines/${scope.kind}`,
    GitHubUrl: gitHubUrl,
    WorkFolder: input.work_folder ?? '_work',
    UseV2Flow: true,
  };
  const credentials = {
    Scheme: 'OAuthAccessToken',
    Data: { token: randomBytes(20).toString('hex'), authorizationUrl: gitHubUrl },
  };
  return b64({
    '.runner': b64(runner),
    '.credentials': b64(credentials),
    '.credentials_rsaparams': b64({ d: randomBytes(16).toString('base64') }),
  });
}

/** GitHub's 409 for a runner name already taken in that scope (case-insensitive). */
function refuseNameClash(ctx: RestContext, scope: RunnerScope, name: string): void {
  const clash = runnersOf(ctx, scope).find((r) => r.name.toLowerCase() === name.toLowerCase());
  if (clash) {
    throw new HttpError(409, `Already exists - A runner with the name '${name}' already exists.`);
  }
}

function generateJitConfig(ctx: RestContext, scope: RunnerScope): RestResult {
  const input = ctx.body as JitInput;
  if (input.runner_group_id !== DEFAULT_RUNNER_GROUP_ID) throw notFound();
  refuseNameClash(ctx, scope, input.name);
  const runner = {
    id: ctx.world.nextId(),
    scope,
    name: input.name,
    labels: input.labels,
    runnerGroupId: input.runner_group_id,
    workFolder: input.work_folder ?? '_work',
    createdAt: isoNow(),
  };
  ctx.world.state.runners.push(runner);
  const encoded = encodeJitConfig(ctx, runner.id, scope, input);
  ctx.world.state.jitConfigs.push({
    runnerId: runner.id,
    scope,
    encodedJitConfig: encoded,
    issuedTo: callerLogin(ctx),
  });
  return { status: 201, body: { runner: runnerJson(runner), encoded_jit_config: encoded } };
}

/** GET .../actions/runners: the runners of that scope (optionally one `name`), paginated. */
function listRunners(ctx: RestContext, scope: RunnerScope): RestResult {
  const name = typeof ctx.query.name === 'string' ? ctx.query.name : undefined;
  const runners = runnersOf(ctx, scope).filter((r) => name === undefined || r.name === name);
  const { page, headers } = paginate(ctx, runners);
  return {
    status: 200,
    body: { total_count: runners.length, runners: page.map((r) => runnerJson(r)) },
    headers,
  };
}

/** GET .../actions/runners/{runner_id}: one runner of that scope, or 404. */
function getRunner(ctx: RestContext, scope: RunnerScope): RestResult {
  const runner = runnersOf(ctx, scope).find((r) => r.id === Number(ctx.params.runner_id));
  if (!runner) throw notFound();
  return { status: 200, body: runnerJson(runner) };
}

/** DELETE .../actions/runners/{runner_id}: forgets a runner of that scope; 204, or 404 if unknown. */
function deleteRunner(ctx: RestContext, scope: RunnerScope): RestResult {
  const id = Number(ctx.params.runner_id);
  const index = ctx.world.state.runners.findIndex((r) => r.id === id && inScope(r, scope));
  if (index < 0) throw notFound();
  ctx.world.state.runners.splice(index, 1);
  return { status: 204 };
}

/** Self-hosted runner operations, by operationId: each one per repository and per organization. */
export const RUNNER_ROUTES: RestRoutes = {
  'actions/create-registration-token-for-repo': (ctx) =>
    issueRunnerToken(ctx, 'registration', repositoryRunnerScope(ctx)),
  'actions/create-remove-token-for-repo': (ctx) =>
    issueRunnerToken(ctx, 'remove', repositoryRunnerScope(ctx)),
  'actions/generate-runner-jitconfig-for-repo': (ctx) =>
    generateJitConfig(ctx, repositoryRunnerScope(ctx)),
  'actions/create-registration-token-for-org': (ctx) =>
    issueRunnerToken(ctx, 'registration', organizationRunnerScope(ctx)),
  'actions/create-remove-token-for-org': (ctx) =>
    issueRunnerToken(ctx, 'remove', organizationRunnerScope(ctx)),
  'actions/generate-runner-jitconfig-for-org': (ctx) =>
    generateJitConfig(ctx, organizationRunnerScope(ctx)),
  'actions/delete-self-hosted-runner-from-repo': (ctx) =>
    deleteRunner(ctx, repositoryRunnerScope(ctx)),
  'actions/delete-self-hosted-runner-from-org': (ctx) =>
    deleteRunner(ctx, organizationRunnerScope(ctx)),
  'actions/list-self-hosted-runners-for-repo': (ctx) =>
    listRunners(ctx, repositoryRunnerScope(ctx)),
  'actions/list-self-hosted-runners-for-org': (ctx) =>
    listRunners(ctx, organizationRunnerScope(ctx)),
  'actions/get-self-hosted-runner-for-repo': (ctx) => getRunner(ctx, repositoryRunnerScope(ctx)),
  'actions/get-self-hosted-runner-for-org': (ctx) => getRunner(ctx, organizationRunnerScope(ctx)),
};
