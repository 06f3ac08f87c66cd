// What publishing a commit takes and returns, shared by the two ways of publishing it: branch.ts
// (git push, and the retry loop around both) and signed.ts (GitHub's createCommitOnBranch). It is
// the floor both stand on, so neither imports the other's file for it. Pure.
import type { PushFailure } from './push-result.ts';

/** Publishing through GitHub's GraphQL API so that GitHub signs the commit (shown as Verified). */
export interface SignedPublishing {
  token: string;
  /** REST API base (GITHUB_API_URL); GraphQL is `${apiUrl}/graphql`. */
  apiUrl: string;
  /** `owner/name` of the repository that holds the branch. */
  repository: string;
}

/** What one try to publish a commit gave: the commit now on the branch, or why not. */
export type PublishOutcome = { ok: true; sha: string } | { ok: false; failure: PushFailure };

/** The GraphQL mutation behind `signed` (validated in tests against GitHub's published schema). */
export const CREATE_COMMIT_ON_BRANCH = `mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit {
      oid
      url
    }
  }
}`;
