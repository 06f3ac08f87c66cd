// Publishing through GitHub's GraphQL `createCommitOnBranch`: GitHub makes the commit itself and
// signs it, so it shows as Verified. `expectedHeadOid` makes the update conditional, like a push
// that is not forced: a branch that moved answers STALE_DATA, which the retry loop treats as a race.
// Loaded lazily: it pulls in the GitHub client.
import { splitMessage } from './message.ts';
import type { Scratch, TreeEntry } from './objects.ts';
import {
  CREATE_COMMIT_ON_BRANCH,
  type PublishOutcome,
  type SignedPublishing,
} from './publishing.ts';
import type { PushFailure } from './push-result.ts';

/** The `CreateCommitOnBranchInput` GitHub's schema describes, as this module fills it. */
export interface CreateCommitOnBranchInput {
  branch: { repositoryNameWithOwner: string; branchName: string };
  expectedHeadOid: string;
  message: { headline: string; body?: string };
  fileChanges: { additions?: { path: string; contents: string }[]; deletions?: { path: string }[] };
}

/** commitInput builds the mutation's input from the changed entries and their bytes. Pure. */
export function commitInput(
  repository: string,
  branch: string,
  expectedHead: string,
  message: string,
  changes: ReadonlyMap<string, Buffer | null>,
): CreateCommitOnBranchInput {
  const additions: { path: string; contents: string }[] = [];
  const deletions: { path: string }[] = [];
  for (const [path, bytes] of changes) {
    if (bytes) additions.push({ path, contents: bytes.toString('base64') });
    else deletions.push({ path });
  }
  return {
    branch: { repositoryNameWithOwner: repository, branchName: branch },
    expectedHeadOid: expectedHead,
    message: splitMessage(message),
    fileChanges: {
      ...(additions.length ? { additions } : {}),
      ...(deletions.length ? { deletions } : {}),
    },
  };
}

/** classifyGraphQLFailure maps a GraphQL error (by its `type`) or an HTTP status to a push failure. */
export function classifyGraphQLFailure(error: unknown): PushFailure {
  const e = error as {
    errors?: { type?: string; message?: string }[];
    status?: number;
    message?: string;
  };
  const first = e?.errors?.[0];
  const detail = (first?.message ?? e?.message ?? String(error)).replace(/\s+/g, ' ').slice(0, 600);
  switch (first?.type) {
    case 'STALE_DATA':
      return { kind: 'race', detail };
    case 'FORBIDDEN':
      return { kind: 'denied', detail };
    case undefined:
      break;
    default:
      return { kind: 'refused', detail };
  }
  if (e?.status === 403) return { kind: 'denied', detail };
  if (e?.status === 401) return { kind: 'auth', detail };
  if (e?.status && e.status >= 500) return { kind: 'transient', detail };
  return { kind: 'unknown', detail };
}

/** publishSigned creates the commit on the branch through GitHub's API, on top of `expectedHead`. */
export async function publishSigned(
  signed: SignedPublishing,
  scratch: Scratch,
  input: {
    branch: string;
    expectedHead: string;
    entries: ReadonlyMap<string, TreeEntry | null>;
    message: string;
  },
): Promise<PublishOutcome> {
  const changes = new Map<string, Buffer | null>();
  for (const [path, entry] of input.entries)
    changes.set(path, entry ? await scratch.readBlob(entry.oid) : null);
  const variables = {
    input: commitInput(signed.repository, input.branch, input.expectedHead, input.message, changes),
  };
  const { getOctokit } = await import('../github.ts');
  const client = getOctokit(signed.token, { apiUrl: signed.apiUrl });
  try {
    const data = await client.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
      CREATE_COMMIT_ON_BRANCH,
      variables,
    );
    return { ok: true, sha: data.createCommitOnBranch.commit.oid };
  } catch (error) {
    return { ok: false, failure: classifyGraphQLFailure(error) };
  }
}
