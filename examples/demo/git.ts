// The demo's git: a data scientist's identity, and the refs GitHub keeps for a pull request.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** git runs git in a folder as the demo's data scientist and returns its trimmed stdout. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Data Scientist',
      GIT_AUTHOR_EMAIL: 'scientist@example.com',
      GIT_COMMITTER_NAME: 'Data Scientist',
      GIT_COMMITTER_EMAIL: 'scientist@example.com',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

/**
 * pushPullRequestRefs plays GitHub's side of a pull request push: it makes the test merge of the
 * head into the base and points refs/pull/<n>/head and refs/pull/<n>/merge of the origin at them
 * (GitHub moves those refs itself on every push). Returns the merge commit.
 */
export async function pushPullRequestRefs(
  workDir: string,
  pull: { number: number; baseSha: string; headSha: string },
): Promise<string> {
  const { number, baseSha, headSha } = pull;
  const mergeSha = await git(
    workDir,
    'commit-tree',
    `${headSha}^{tree}`,
    '-p',
    baseSha,
    '-p',
    headSha,
    '-m',
    `Merge ${headSha} into ${baseSha}`,
  );
  await git(
    workDir,
    'push',
    '-q',
    'origin',
    `+${headSha}:refs/pull/${number}/head`,
    `+${mergeSha}:refs/pull/${number}/merge`,
  );
  return mergeSha;
}
