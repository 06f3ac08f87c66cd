// Self-hosted runner registration: scopes and names (pure), the App JWT, and the registry that
// talks to GitHub (adapter, brings the GitHub client: import lazily).
export { appJwt } from './app-jwt.ts';
export {
  githubFailure,
  type JitRunner,
  type RegisteredRunner,
  type RunnerCredential,
  RunnerRegistry,
} from './registration.ts';
export { type RunnerScope, runLabel, scopeName, scopePath } from './scope.ts';
