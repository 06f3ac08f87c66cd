// @mlops-actions/core/commit: put files on a branch, safely under races, nothing ever lost.
// commitFilesToBranch is the general piece (any branch, files from the work tree or from memory,
// push with fetch/rebase/retry, or GitHub-signed commits); commitWorkTree is the commit action's
// flow on top of it (pull request merge checkouts, forks, read-only tokens).
export { authHeader, extraHeaderKey, type GitAuth, gitAuth } from './auth.ts';
export {
  CommitConflictError,
  type CommitFilesOptions,
  type CommitFilesResult,
  type CommitProgress,
  commitFilesToBranch,
  type FileChange,
  type FileContent,
  type KnownRepository,
} from './branch.ts';
export {
  type EolStyle,
  eolStyle,
  isBinary,
  matchEolStyle,
  sameIgnoringEol,
  toCrlf,
  toLf,
} from './eol.ts';
export {
  defaultMessage,
  describeFiles,
  formatIdentity,
  GITHUB_ACTIONS_BOT,
  type Identity,
  parseIdentity,
  splitMessage,
} from './message.ts';
export { isCommittablePath, isValidBranchName, repoPath, toPathspecs } from './paths.ts';
export {
  CREATE_COMMIT_ON_BRANCH,
  type PublishOutcome,
  type SignedPublishing,
} from './publishing.ts';
export { classifyPushFailure, type PushFailure, type PushFailureKind } from './push-result.ts';
export { type CreateCommitOnBranchInput, classifyGraphQLFailure, commitInput } from './signed.ts';
export { commitSummary, type SummaryLinks } from './summary.ts';
export {
  type CommitWorkTreeOptions,
  type CommitWorkTreeResult,
  commitWorkTree,
  type MergeResult,
  type NoPush,
} from './worktree.ts';
