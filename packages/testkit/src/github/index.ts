// The local GitHub for tests: a stateful stand-in validated against GitHub's official API description.

export { githubGraphQLSchema, validateGraphQL } from './graphql.ts';
export { type JwtApp, looksLikeJwt, signAppJwt, toPublicKey, verifyAppJwt } from './jwt.ts';
export {
  compiledValidatorCount,
  loadGitHubOpenApi,
  validateRestRequest,
  validateRestResponse,
} from './openapi.ts';
export { MAX_COMMENT_LENGTH } from './rest.ts';
export { startLocalGitHub } from './server.ts';
export type * from './types.ts';
export { DEFAULT_REPOSITORY, DEFAULT_TOKEN } from './world.ts';
