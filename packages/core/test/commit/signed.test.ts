import { validateGraphQL } from '@mlops-actions/testkit/github';
import { describe, expect, test } from 'vitest';
import {
  CREATE_COMMIT_ON_BRANCH,
  classifyGraphQLFailure,
  commitInput,
} from '../../src/commit/index.ts';

describe('signed commits through createCommitOnBranch', () => {
  test("the mutation is valid against GitHub's published GraphQL schema", () => {
    expect(validateGraphQL(CREATE_COMMIT_ON_BRANCH)).toEqual([]);
  });

  test('the input carries additions in base64, deletions, the expected head and the message', () => {
    const input = commitInput(
      'octo-org/demo',
      'feature',
      'a'.repeat(40),
      'Update dvc.lock [skip ci]\n\nFrom run 42',
      new Map<string, Buffer | null>([
        ['dvc.lock', Buffer.from('schema: 2.0\n')],
        ['old.txt', null],
      ]),
    );
    expect(input).toEqual({
      branch: { repositoryNameWithOwner: 'octo-org/demo', branchName: 'feature' },
      expectedHeadOid: 'a'.repeat(40),
      message: { headline: 'Update dvc.lock [skip ci]', body: 'From run 42' },
      fileChanges: {
        additions: [
          { path: 'dvc.lock', contents: Buffer.from('schema: 2.0\n').toString('base64') },
        ],
        deletions: [{ path: 'old.txt' }],
      },
    });
  });

  test.each([
    [{ errors: [{ type: 'STALE_DATA', message: 'Expected branch to point to x' }] }, 'race'],
    [
      { errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] },
      'denied',
    ],
    [{ errors: [{ type: 'NOT_FOUND', message: 'Could not resolve' }] }, 'refused'],
    [{ status: 403, message: 'Forbidden' }, 'denied'],
    [{ status: 401, message: 'Bad credentials' }, 'auth'],
    [{ status: 502, message: 'Bad gateway' }, 'transient'],
    [new Error('socket hang up'), 'unknown'],
  ])('a GraphQL failure %j is a %s', (error, kind) => {
    expect(classifyGraphQLFailure(error).kind).toBe(kind);
  });
});
