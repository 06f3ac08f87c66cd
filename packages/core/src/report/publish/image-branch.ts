// The plan-phase check of the report's image branch: the report commits SVG files to it, so it must
// be a branch of the report's own. The default branch, the pull request's base and head, the run's
// own branch, and any branch holding a commit the report did not make are refused before anything
// is pushed. Reads refs and commits only (a fetch that stores no ref).
import { gitAuth } from '../../commit/auth.ts';
import { GITHUB_ACTIONS_BOT } from '../../commit/message.ts';
import { Git } from '../../git.ts';
import { InputError } from '../../pure/errors.ts';
import { setSecret } from '../../runtime.ts';

/** What the image branch is checked against. */
export interface ImageBranchCheck {
  /** A folder inside the checkout (its `origin` receives the branch). */
  cwd: string;
  branch: string;
  /** The repository's default branch, from the event; asked of the remote when absent. */
  defaultBranch?: string;
  /** The pull request's base and head branches. */
  baseRef?: string;
  headRef?: string;
  /** The branch the run is on (a push event's branch). */
  currentBranch?: string;
  token?: string;
  remote?: string;
}

const HINT =
  'Give the images a branch of their own that only the report writes, such as mlops-report-images (the default), or set image-store: none.';

/**
 * checkImageBranch refuses an image branch that is not the report's own. It returns whether the
 * branch exists on the remote (a new one is created as an orphan on the first publish).
 */
export async function checkImageBranch(options: ImageBranchCheck): Promise<boolean> {
  const branch = options.branch.replace(/^refs\/heads\//, '');
  const git = new Git(options.cwd);
  if (!branch || (await git.tryRun(['check-ref-format', `refs/heads/${branch}`])) === undefined) {
    throw new InputError(
      'image-branch',
      `is '${options.branch}', which is not a valid branch name`,
      'Give a branch name such as mlops-report-images.',
    );
  }
  const own = (what: string) => {
    throw new InputError(
      'image-branch',
      `is '${branch}', ${what}: the report would commit its images onto it`,
      HINT,
    );
  };
  if (branch === options.baseRef) own("the pull request's base branch");
  if (branch === options.headRef) own("the pull request's head branch");
  if (branch === options.defaultBranch) own("the repository's default branch");
  if (branch === options.currentBranch) own('the branch this run is on');

  const remote = options.remote ?? 'origin';
  const url = (await git.tryRun(['remote', 'get-url', remote])) ?? remote;
  const auth = gitAuth(url, options.token, process.env);
  for (const secret of [options.token, ...auth.secrets]) if (secret) setSecret(secret);
  const secrets = [...(options.token ? [options.token] : []), ...auth.secrets];
  const net = new Git(options.cwd, auth.env);
  const listed = await net.exec(['ls-remote', '--symref', remote, 'HEAD', `refs/heads/${branch}`], {
    okCodes: [0, 2, 128],
    secrets,
  });
  if (listed.exitCode === 128) return false; // The remote cannot be read now: the push will say why.
  const lines = listed.stdout.split('\n');
  const head = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(listed.stdout)?.[1];
  if (!options.defaultBranch && head === branch) own("the repository's default branch");
  const tip = lines
    .map((l) => l.split('\t'))
    .find(([, ref]) => ref === `refs/heads/${branch}`)?.[0];
  if (!tip) return false;

  // The branch exists: every commit on it must be one the report made.
  await net.exec(
    ['fetch', '--no-tags', '--quiet', '--no-write-fetch-head', remote, `refs/heads/${branch}`],
    {
      secrets,
    },
  );
  const log = await git.run(['log', '--format=%H%x00%ae%x00%s', '--max-count=100000', tip]);
  for (const line of log.split('\n').filter(Boolean)) {
    const [sha = '', email = '', subject = ''] = line.split('\0');
    if (!isReportImageCommit(email, subject)) {
      own(
        `a branch with commits the report did not make (${sha.slice(0, 12)} "${subject}" by ${email || 'someone'})`,
      );
    }
  }
  return true;
}

/**
 * isReportImageCommit tells whether a commit is one publishImages makes: GitHub Actions' bot as
 * author, and the subject `Report images for <head sha>`.
 */
export function isReportImageCommit(authorEmail: string, subject: string): boolean {
  return (
    authorEmail === GITHUB_ACTIONS_BOT.email && /^Report images for [0-9a-f]{7,40}$/.test(subject)
  );
}
