// GitHub's GraphQL API behind POST /graphql (graphql-endpoint.ts): every document is validated
// against GitHub's published schema, and the few fields actions use (createCommitOnBranch,
// repository refs) are executed for real on git.
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  parse,
  validate,
} from 'graphql';
import { CommitRefusedError, commitOnBranch, isCommittablePath, runGit } from './git.ts';
import { findPackageFile } from './openapi.ts';
import { nodeId } from './render.ts';
import type { RepositoryRecord, TokenRecord } from './types.ts';
import type { World } from './world.ts';

let schemaCache: GraphQLSchema | undefined;

/** GitHub's GraphQL schema from `@octokit/graphql-schema`, built once per process. */
export function githubGraphQLSchema(): GraphQLSchema {
  if (schemaCache) return schemaCache;
  const sdl = readFileSync(findPackageFile('@octokit/graphql-schema', 'schema.graphql'), 'utf8');
  // GitHub's schema deprecates some interface implementations, which graphql-js 17 calls invalid;
  // it is GitHub's published schema all the same, so take it as valid.
  schemaCache = buildSchema(sdl, { assumeValidSDL: true, assumeValid: true });
  return schemaCache;
}

/** Parses and validates a GraphQL document against GitHub's schema; returns the problems. */
export function validateGraphQL(query: string): string[] {
  try {
    return validate(githubGraphQLSchema(), parse(query)).map((e) => e.message);
  } catch (error) {
    return [(error as Error).message];
  }
}

/** An error GitHub's GraphQL API reports with a `type` (STALE_DATA, NOT_FOUND, FORBIDDEN...). */
class GitHubGraphQLError extends Error {
  readonly type: string;

  constructor(type: string, message: string) {
    super(message);
    this.name = 'GitHubGraphQLError';
    this.type = type;
  }
}

/** What the resolvers of one request share. */
interface GraphQLContext {
  world: World;
  token: TokenRecord;
  violation(message: string): void;
  /** A field the stand-in lacks was asked for: already recorded, answered with an error. */
  missing: Set<string>;
}

/** A GraphQL request after HTTP parsing. */
export interface GraphQLRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** The JSON body and status the GraphQL endpoint answers. */
export interface GraphQLAnswer {
  status: number;
  body: Record<string, unknown>;
}

const OID = /^[0-9a-f]{40}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const refIds = new WeakMap<World, Map<string, { repository: string; qualifiedName: string }>>();

function refIdRegistry(world: World) {
  let map = refIds.get(world);
  if (!map) {
    map = new Map();
    refIds.set(world, map);
  }
  return map;
}

function requireGitDir(ctx: GraphQLContext, repo: RepositoryRecord): string {
  if (repo.gitDir) return repo.gitDir;
  const message = `repository ${repo.fullName} has no gitDir in the local GitHub, so its git data is unknown`;
  ctx.violation(`GraphQL: ${message}`);
  throw new GitHubGraphQLError('NOT_FOUND', message);
}

function commitNode(ctx: GraphQLContext, repo: RepositoryRecord, oid: string) {
  const gitDir = requireGitDir(ctx, repo);
  let details: Promise<string[]> | undefined;
  const read = () => {
    details ??= runGit(gitDir, [
      'show',
      '-s',
      '--format=%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B',
      oid,
    ]).then((r) => r.stdout.split('\0'));
    return details;
  };
  const message = async () => ((await read())[6] ?? '').replace(/\n+$/, '');
  const actor = (offset: number) => async () => {
    const parts = await read();
    return { name: parts[offset], email: parts[offset + 1], date: parts[offset + 2], user: null };
  };
  const url = `${ctx.world.serverUrl}/${repo.fullName}/commit/${oid}`;
  return {
    __typename: 'Commit',
    id: nodeId('C', `${repo.id}:${oid}`),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    url,
    commitUrl: url,
    resourcePath: `/${repo.fullName}/commit/${oid}`,
    message,
    messageHeadline: async () => (await message()).split('\n')[0] ?? '',
    messageBody: async () => (await message()).split('\n').slice(2).join('\n'),
    author: actor(0),
    committer: actor(3),
    authoredDate: async () => (await read())[2],
    committedDate: async () => (await read())[5],
  };
}

async function refNode(ctx: GraphQLContext, repo: RepositoryRecord, name: string) {
  const gitDir = requireGitDir(ctx, repo);
  const candidates = name.startsWith('refs/')
    ? [name]
    : [`refs/heads/${name}`, `refs/tags/${name}`];
  for (const qualified of candidates) {
    const found = await runGit(gitDir, ['rev-parse', '--verify', '--quiet', qualified], {
      allowFailure: true,
    });
    if (found.code !== 0) continue;
    const oid = found.stdout.trim();
    const prefix = qualified.startsWith('refs/heads/') ? 'refs/heads/' : 'refs/tags/';
    const id = nodeId('REF', `${repo.id}:${qualified}`);
    refIdRegistry(ctx.world).set(id, { repository: repo.fullName, qualifiedName: qualified });
    return {
      __typename: 'Ref',
      id,
      name: qualified.slice(prefix.length),
      prefix,
      target: () => commitNode(ctx, repo, oid),
      repository: () => repositoryNode(ctx, repo),
    };
  }
  return null;
}

function repositoryNode(ctx: GraphQLContext, repo: RepositoryRecord) {
  const owner = ctx.world.ensureUser(repo.owner);
  return {
    __typename: 'Repository',
    id: nodeId('R', repo.id),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.fullName,
    isPrivate: repo.private,
    isFork: repo.forkOf !== undefined,
    visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
    url: `${ctx.world.serverUrl}/${repo.fullName}`,
    owner: {
      __typename: owner.type === 'Organization' ? 'Organization' : 'User',
      id: nodeId(owner.type === 'Organization' ? 'O' : 'U', owner.id),
      login: owner.login,
      url: `${ctx.world.serverUrl}/${owner.login}`,
    },
    defaultBranchRef: () => refNode(ctx, repo, `refs/heads/${repo.defaultBranch}`),
    ref: (args: { qualifiedName: string }) => refNode(ctx, repo, args.qualifiedName),
  };
}

function visibleRepository(ctx: GraphQLContext, fullName: string): RepositoryRecord {
  const repo = ctx.world.repository(fullName);
  if (!repo || !ctx.world.canSee(ctx.token, repo)) {
    throw new GitHubGraphQLError(
      'NOT_FOUND',
      `Could not resolve to a Repository with the name '${fullName}'.`,
    );
  }
  return repo;
}

interface CreateCommitOnBranchInput {
  branch: { branchName?: string; id?: string; repositoryNameWithOwner?: string };
  clientMutationId?: string;
  expectedHeadOid: string;
  fileChanges?: {
    additions?: { path: string; contents: string }[];
    deletions?: { path: string }[];
  };
  message: { headline: string; body?: string };
}

async function createCommitOnBranch(
  args: { input: CreateCommitOnBranchInput },
  ctx: GraphQLContext,
) {
  const { input } = args;
  let target: { repository: string; branch: string } | undefined;
  if (input.branch.id) {
    const known = refIdRegistry(ctx.world).get(input.branch.id);
    if (known?.qualifiedName.startsWith('refs/heads/')) {
      target = { repository: known.repository, branch: known.qualifiedName.slice(11) };
    } else {
      throw new GitHubGraphQLError(
        'NOT_FOUND',
        `Could not resolve to a node with the global id of '${input.branch.id}'`,
      );
    }
  } else if (input.branch.repositoryNameWithOwner && input.branch.branchName) {
    target = {
      repository: input.branch.repositoryNameWithOwner,
      branch: input.branch.branchName.replace(/^refs\/heads\//, ''),
    };
  } else {
    throw new GitHubGraphQLError(
      'UNPROCESSABLE',
      'A branch must be given by its id, or by repositoryNameWithOwner and branchName.',
    );
  }
  const repo = visibleRepository(ctx, target.repository);
  if (!ctx.world.allows(ctx.token, repo, 'contents', 'write')) {
    throw new GitHubGraphQLError(
      'FORBIDDEN',
      ctx.token.type === 'User'
        ? 'Resource not accessible by personal access token'
        : 'Resource not accessible by integration',
    );
  }
  if (!OID.test(input.expectedHeadOid)) {
    ctx.violation(`GraphQL: expectedHeadOid "${input.expectedHeadOid}" is not a GitObjectID`);
    throw new GitHubGraphQLError('UNPROCESSABLE', 'expectedHeadOid is not a valid GitObjectID');
  }
  const changes: Parameters<typeof commitOnBranch>[0]['changes'] = [];
  for (const deletion of input.fileChanges?.deletions ?? []) {
    changes.push({ path: deletion.path, delete: true });
  }
  for (const addition of input.fileChanges?.additions ?? []) {
    const compact = addition.contents.replace(/\s+/g, '');
    if (!BASE64.test(compact)) {
      ctx.violation(`GraphQL: contents of ${addition.path} is not a Base64String`);
      throw new GitHubGraphQLError('UNPROCESSABLE', `Invalid Base64String for ${addition.path}`);
    }
    changes.push({ path: addition.path, contents: Buffer.from(compact, 'base64') });
  }
  for (const change of changes) {
    if (!isCommittablePath(change.path)) {
      throw new GitHubGraphQLError('UNPROCESSABLE', `Invalid path: ${change.path}`);
    }
  }
  const user = ctx.world.ensureUser(ctx.token.login);
  const host = new URL(ctx.world.serverUrl).host;
  const message = input.message.body
    ? `${input.message.headline}\n\n${input.message.body}`
    : input.message.headline;
  let oid: string;
  try {
    oid = await commitOnBranch({
      gitDir: requireGitDir(ctx, repo),
      branch: target.branch,
      expectedHead: input.expectedHeadOid,
      changes,
      message,
      author: { name: user.login, email: `${user.id}+${user.login}@users.noreply.${host}` },
      committer: { name: 'GitHub', email: `noreply@${host}` },
    });
  } catch (error) {
    if (error instanceof CommitRefusedError) {
      const type =
        error.reason === 'stale'
          ? 'STALE_DATA'
          : error.reason === 'missing-branch'
            ? 'NOT_FOUND'
            : 'UNPROCESSABLE';
      throw new GitHubGraphQLError(type, error.message);
    }
    throw error;
  }
  return {
    clientMutationId: input.clientMutationId ?? null,
    commit: commitNode(ctx, repo, oid),
    ref: () => refNode(ctx, repo, `refs/heads/${target.branch}`),
  };
}

function rootValue(ctx: GraphQLContext) {
  const viewer = ctx.world.ensureUser(ctx.token.login);
  return {
    repository: (args: { owner: string; name: string }) =>
      repositoryNode(ctx, visibleRepository(ctx, `${args.owner}/${args.name}`)),
    viewer: {
      __typename: 'User',
      id: nodeId(viewer.type === 'Bot' ? 'BOT' : 'U', viewer.id),
      databaseId: viewer.id,
      login: viewer.login,
      url: `${ctx.world.serverUrl}/${viewer.login}`,
    },
    createCommitOnBranch: (args: { input: CreateCommitOnBranchInput }) =>
      createCommitOnBranch(args, ctx),
  };
}

const fieldResolver: GraphQLFieldResolver<unknown, GraphQLContext> = (source, args, ctx, info) => {
  const value = (source as Record<string, unknown> | null)?.[info.fieldName];
  if (value === undefined) {
    const field = `${info.parentType.name}.${info.fieldName}`;
    if (!ctx.missing.has(field)) {
      ctx.missing.add(field);
      ctx.violation(`GraphQL field ${field} is not implemented by the local GitHub stand-in`);
    }
    throw new GitHubGraphQLError(
      'NOT_IMPLEMENTED',
      `${field} is not implemented by the local GitHub`,
    );
  }
  return typeof value === 'function' ? value(args, ctx, info) : value;
};

function formatError(error: GraphQLError): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const original = error.originalError;
  if (original instanceof GitHubGraphQLError) out.type = original.type;
  if (error.path) out.path = error.path;
  if (error.locations) out.locations = error.locations;
  out.message = error.message;
  return out;
}

/** Answers one GraphQL request as GitHub does: validation errors and typed errors in `errors`. */
export async function answerGraphQL(
  world: World,
  token: TokenRecord,
  request: GraphQLRequest,
  violation: (message: string) => void,
): Promise<GraphQLAnswer> {
  if (typeof request.query !== 'string') {
    violation('GraphQL: the request has no query string');
    return {
      status: 200,
      body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] },
    };
  }
  const schema = githubGraphQLSchema();
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    const e = error as GraphQLError;
    violation(`GraphQL query does not parse: ${e.message}`);
    return { status: 200, body: { errors: [formatError(e)] } };
  }
  const problems = validate(schema, document);
  if (problems.length > 0) {
    for (const p of problems)
      violation(`GraphQL query is invalid against GitHub's schema: ${p.message}`);
    return { status: 200, body: { errors: problems.map(formatError) } };
  }
  const ctx: GraphQLContext = { world, token, violation, missing: new Set() };
  const variables =
    typeof request.variables === 'object' && request.variables !== null
      ? (request.variables as Record<string, unknown>)
      : {};
  const result = await execute({
    schema,
    document,
    rootValue: rootValue(ctx),
    contextValue: ctx,
    variableValues: variables,
    operationName: typeof request.operationName === 'string' ? request.operationName : null,
    fieldResolver,
  });
  const body: Record<string, unknown> = {};
  if (result.errors && !('data' in result && result.data !== undefined)) {
    for (const e of result.errors) violation(`GraphQL request rejected: ${e.message}`);
  }
  for (const e of result.errors ?? []) {
    const original = e.originalError;
    if (e.path && original && !(original instanceof GitHubGraphQLError)) {
      violation(
        `the local GitHub failed while resolving ${e.path?.join('.')}: ${original.message}`,
      );
    }
  }
  if ('data' in result && result.data !== undefined) body.data = result.data;
  if (result.errors && result.errors.length > 0) body.errors = result.errors.map(formatError);
  return { status: 200, body };
}
