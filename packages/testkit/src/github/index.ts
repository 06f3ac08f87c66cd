// The local GitHub for tests: a stateful stand-in validated against GitHub's official API description.
// server.ts starts it; rest-endpoint.ts and graphql-endpoint.ts answer requests; router.ts,
// auth.ts and validation.ts route, authenticate and check them; routes/ holds the REST handlers.

export { githubGraphQLSchema, validateGraphQL } from './graphql.ts';
export { compiledValidatorCount } from './json-schema.ts';
export { type JwtApp, looksLikeJwt, signAppJwt, toPublicKey, verifyAppJwt } from './jwt.ts';
export { loadGitHubOpenApi } from './openapi.ts';
export { MAX_COMMENT_LENGTH } from './routes/comments.ts';
export { startLocalGitHub } from './server.ts';
export type {
  CommitCommentRecord,
  FailureMatch,
  InstallationRecord,
  InstallationTokenRecord,
  IssueCommentRecord,
  IssueRecord,
  JitConfigRecord,
  LocalAppOptions,
  LocalGitHub,
  LocalGitHubOptions,
  LocalGitHubState,
  LocalInstallationOptions,
  LocalIssueOptions,
  LocalPullRequestOptions,
  LocalRepositoryOptions,
  LocalTokenOptions,
  OrganizationPermissions,
  PermissionLevel,
  PullRequestRecord,
  ReleaseRecord,
  RepositoryPermissions,
  RepositoryRecord,
  RequestLogEntry,
  RunnerRecord,
  RunnerScope,
  RunnerTokenRecord,
  TokenRecord,
  UserRecord,
} from './types.ts';
export { validateRestRequest, validateRestResponse } from './validation.ts';
export { DEFAULT_REPOSITORY, DEFAULT_TOKEN } from './world.ts';
