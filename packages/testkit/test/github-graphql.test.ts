import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { describe, expect, onTestFinished, test } from 'vitest';
import {
  DEFAULT_TOKEN,
  type LocalGitHub,
  startLocalGitHub,
  validateGraphQL,
} from '../src/github/index.ts';

const identity = {
  GIT_AUTHOR_NAME: 'Fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.invalid',
  GIT_COMMITTER_NAME: 'Fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.invalid',
};

function git(args: string[], cwd?: string): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...identity },
    encoding: 'utf8',
  }).trim();
}

/** A bare repository whose `main` has README.md and models/old.txt. */
function bareRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'local-github-graphql-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const work = join(root, 'work');
  mkdirSync(join(work, 'models'), { recursive: true });
  writeFileSync(join(work, 'README.md'), '# demo\n');
  writeFileSync(join(work, 'models', 'old.txt'), 'old model\n');
  git(['init', '--quiet', '--initial-branch=main', work]);
  git(['add', '.'], work);
  git(['commit', '--quiet', '--no-gpg-sign', '-m', 'initial'], work);
  const bare = join(root, 'demo.git');
  git(['clone', '--quiet', '--bare', work, bare]);
  return bare;
}

async function start(gitDir: string): Promise<LocalGitHub> {
  const github = await startLocalGitHub({
    repositories: [{ fullName: 'octo-org/demo', gitDir }],
    tokens: { reader: { login: 'reader', permissions: { '*': { contents: 'read' } } } },
  });
  onTestFinished(() => github.stop());
  return github;
}

const createCommit = `
  mutation ($input: CreateCommitOnBranchInput!) {
    createCommitOnBranch(input: $input) {
      commit { oid url }
    }
  }
`;

function commitInput(expectedHeadOid: string) {
  return {
    branch: { repositoryNameWithOwner: 'octo-org/demo', branchName: 'main' },
    expectedHeadOid,
    message: { headline: 'Update metrics', body: 'Written by the pipeline.' },
    fileChanges: {
      additions: [
        { path: 'metrics/score.json', contents: Buffer.from('{"f1":0.91}\n').toString('base64') },
        { path: 'README.md', contents: Buffer.from('# demo, updated\n').toString('base64') },
      ],
      deletions: [{ path: 'models/old.txt' }],
    },
  };
}

describe('createCommitOnBranch', () => {
  test('commits the additions and deletions on top of the expected head and moves the branch', async () => {
    const gitDir = bareRepository();
    const github = await start(gitDir);
    const head = git(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main']);
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    const result = await octokit.graphql<{
      createCommitOnBranch: { commit: { oid: string; url: string } };
    }>(createCommit, { input: commitInput(head) });
    const oid = result.createCommitOnBranch.commit.oid;
    expect(git(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main'])).toBe(oid);
    expect(git(['--git-dir', gitDir, 'rev-parse', `${oid}^`])).toBe(head);
    expect(git(['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', oid]).split('\n')).toEqual([
      'README.md',
      'metrics/score.json',
    ]);
    expect(git(['--git-dir', gitDir, 'show', `${oid}:metrics/score.json`])).toBe('{"f1":0.91}');
    expect(result.createCommitOnBranch.commit.url).toBe(
      `${github.serverUrl}/octo-org/demo/commit/${oid}`,
    );
    github.assertNoViolations();
  });

  test('the commit is authored by the token user with the headline and body as message', async () => {
    const gitDir = bareRepository();
    const github = await start(gitDir);
    const head = git(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main']);
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    const result = await octokit.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
      createCommit,
      { input: commitInput(head) },
    );
    const oid = result.createCommitOnBranch.commit.oid;
    const [author, message] = [
      git(['--git-dir', gitDir, 'show', '-s', '--format=%an <%ae>', oid]),
      git(['--git-dir', gitDir, 'show', '-s', '--format=%B', oid]),
    ];
    expect(author).toMatch(
      /^github-actions\[bot\] <41898282\+github-actions\[bot\]@users\.noreply\./,
    );
    expect(message).toBe('Update metrics\n\nWritten by the pipeline.');
  });

  test('a stale expectedHeadOid is refused with STALE_DATA and the branch stays put', async () => {
    const gitDir = bareRepository();
    const github = await start(gitDir);
    const head = git(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main']);
    const stale = 'f'.repeat(40);
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    await expect(
      octokit.graphql(createCommit, { input: commitInput(stale) }),
    ).rejects.toMatchObject({
      errors: [
        {
          type: 'STALE_DATA',
          path: ['createCommitOnBranch'],
          message: `Expected branch to point to "${stale}" but it did not. Pull and try again.`,
        },
      ],
    });
    expect(git(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main'])).toBe(head);
    github.assertNoViolations();
  });

  test('a token that may only read contents is refused with FORBIDDEN', async () => {
    const gitDir = bareRepository();
    const github = await start(gitDir);
    const head = git(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main']);
    const octokit = getOctokit('reader', { baseUrl: github.url });
    await expect(octokit.graphql(createCommit, { input: commitInput(head) })).rejects.toMatchObject(
      {
        errors: [{ type: 'FORBIDDEN' }],
      },
    );
    expect(git(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main'])).toBe(head);
  });

  test('deleting a path that does not exist is refused and leaves the branch alone', async () => {
    const gitDir = bareRepository();
    const github = await start(gitDir);
    const head = git(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main']);
    const input = { ...commitInput(head), fileChanges: { deletions: [{ path: 'nope.txt' }] } };
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    await expect(octokit.graphql(createCommit, { input })).rejects.toMatchObject({
      errors: [{ type: 'UNPROCESSABLE' }],
    });
    expect(git(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main'])).toBe(head);
  });
});

describe('GraphQL queries', () => {
  test('a ref lookup answers the branch head from the backing repository', async () => {
    const gitDir = bareRepository();
    const github = await start(gitDir);
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    const result = await octokit.graphql<{
      repository: { id: string; ref: { name: string; target: { oid: string } } };
    }>(
      `query ($owner: String!, $name: String!) {
        repository(owner: $owner, name: $name) { id ref(qualifiedName: "refs/heads/main") { name target { oid } } }
      }`,
      { owner: 'octo-org', name: 'demo' },
    );
    expect(result.repository.ref).toEqual({
      name: 'main',
      target: { oid: git(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main']) },
    });
    expect(result.repository.id).toMatch(/^R_/);
    github.assertNoViolations();
  });

  test('a query with a field GitHub does not have is answered with errors and recorded', async () => {
    const github = await start(bareRepository());
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    await expect(
      octokit.graphql('{ repository(owner: "octo-org", name: "demo") { starCount } }'),
    ).rejects.toMatchObject({ errors: [{ message: expect.stringContaining('starCount') }] });
    expect(github.violations).toEqual([
      expect.stringContaining("GraphQL query is invalid against GitHub's schema"),
    ]);
  });

  test('a valid field the stand-in does not serve is recorded as missing', async () => {
    const github = await start(bareRepository());
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    await expect(
      octokit.graphql('{ repository(owner: "octo-org", name: "demo") { stargazerCount } }'),
    ).rejects.toThrow();
    expect(github.violations).toEqual([
      expect.stringContaining('Repository.stargazerCount is not implemented'),
    ]);
  });

  test('variables that do not fit the schema are refused and recorded', async () => {
    const github = await start(bareRepository());
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    const input = { branch: { branchName: 'main' }, message: { headline: 'x' } };
    await expect(octokit.graphql(createCommit, { input })).rejects.toMatchObject({
      errors: [{ message: expect.stringContaining('expectedHeadOid') }],
    });
    expect(github.violations).toEqual([expect.stringContaining('GraphQL request rejected')]);
  });

  test.each([
    { query: '{ viewer { login } }', problems: 0 },
    { query: '{ viewer { login nosuchfield } }', problems: 1 },
    { query: '{ viewer { login ', problems: 1 },
  ])('validateGraphQL finds $problems problem(s) in $query', ({ query, problems }) => {
    expect(validateGraphQL(query)).toHaveLength(problems);
  });
});
