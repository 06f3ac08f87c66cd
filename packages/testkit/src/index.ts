// Test support for mlops-actions: run bundled actions as the runner does, and stand-ins for GitHub.
// Each helper has a subpath export of its own (@mlops-actions/testkit/<name>); this index names
// what the root export offers.
export { type Azurite, type AzuriteOptions, azuriteAccount, startAzurite } from './azurite.ts';
export {
  aptMirror,
  BASE_IMAGE,
  type BuildahEnv,
  buildahEnv,
  cacheDir,
  ensureBaseImage,
  imageExists,
  removeImages,
  skopeoInspect,
} from './buildah.ts';
export {
  type Cluster,
  type ClusterOptions,
  CONTROL_PLANE_TOOLS,
  type FakeNode,
  type KubeconfigOptions,
  type KubectlResult,
  kubeBinDir,
  type PodMatch,
  type PodOutcome,
  type PolicyRule,
  playRunnerPods,
  type RunnerPodPlayer,
  startCluster,
} from './cluster/index.ts';
export { type PullRequestEventOptions, pullRequestEvent, pushEvent } from './events.ts';
export {
  createExampleRepo,
  type ExampleRepo,
  type ExampleRepoOptions,
  exampleProjectDir,
  exampleProjectEnv,
} from './example-project.ts';
export { type FakeGcs, fakeGcsServerPath, startFakeGcs } from './gcs.ts';
export {
  type CommitCommentRecord,
  compiledValidatorCount,
  DEFAULT_REPOSITORY,
  DEFAULT_TOKEN,
  type FailureMatch,
  githubGraphQLSchema,
  type InstallationRecord,
  type InstallationTokenRecord,
  type IssueCommentRecord,
  type IssueRecord,
  type JitConfigRecord,
  type JwtApp,
  type LocalAppOptions,
  type LocalGitHub,
  type LocalGitHubOptions,
  type LocalGitHubState,
  type LocalInstallationOptions,
  type LocalIssueOptions,
  type LocalPullRequestOptions,
  type LocalRepositoryOptions,
  type LocalTokenOptions,
  loadGitHubOpenApi,
  looksLikeJwt,
  MAX_COMMENT_LENGTH,
  type OrganizationPermissions,
  type PermissionLevel,
  type PullRequestRecord,
  type ReleaseRecord,
  type RepositoryPermissions,
  type RepositoryRecord,
  type RequestLogEntry,
  type RunnerRecord,
  type RunnerScope,
  type RunnerTokenRecord,
  signAppJwt,
  startLocalGitHub,
  type TokenRecord,
  toPublicKey,
  type UserRecord,
  validateGraphQL,
  validateRestRequest,
  validateRestResponse,
  verifyAppJwt,
} from './github/index.ts';
export {
  type ActionResult,
  type Annotation,
  parseCommands,
  parseFileCommands,
  type RunActionOptions,
  runAction,
  type StepKind,
  type StepResult,
} from './harness.ts';
export { type HttpRemote, startHttpRemote } from './http-remote.ts';
export { type MotoS3, type MotoS3Options, startMotoS3 } from './moto.ts';
export { node24Path, repoRoot } from './node24.ts';
export { pythonVenv, venvBin } from './python.ts';
export {
  type FailureRule,
  htpasswd,
  type LocalRegistry,
  type LocalRegistryOptions,
  type ProxiedRequest,
  type RegistryRequestKind,
  type RetryProxy,
  registryConfig,
  requestKind,
  startRegistry,
  startRetryProxy,
  type TestCertificate,
  testCertificate,
} from './registry.ts';
export { checkoutStandIn, setupPythonStandIn } from './standins.ts';
export { scratchDir } from './tmp.ts';
export { runTool } from './tool.ts';
export {
  actionlintPath,
  evaluateExpression,
  interpolate,
  type JobResult,
  type RunJobOptions,
  runJob,
  runWorkflow,
  type StandIn,
  type StandInContext,
  type StepEvent,
  validateWorkflow,
  type WorkflowJob,
  type WorkflowStep,
} from './workflow.ts';
