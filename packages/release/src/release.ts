// npm run release -- X.Y.Z: every check first (nothing is written or pushed when one fails),
// then the changelog and the tags, one commit per standalone repository, the pushes, and the
// GitHub releases.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  actionNotes,
  type CommitInfo,
  groupCommits,
  insertSection,
  releaseNotes,
} from './changelog.ts';
import { discoverActions, standaloneTargets } from './config.ts';
import { type Git, gitIn, ReleaseError, run } from './exec.ts';
import { type ReleaseApi, releaseApi } from './github.ts';
import { hasPins, moveReferences, userFacingFiles } from './references.ts';
import {
  compareVersions,
  formatVersion,
  latestRelease,
  parseVersion,
  releaseTags,
} from './semver.ts';
import { checkSelfContained, writeStandaloneTree } from './standalone.ts';

/** Everything a release needs; the CLI fills these from its flags and the environment. */
export interface ReleaseOptions {
  /** The monorepo work tree to release (its root). */
  root: string;
  /** `X.Y.Z`. */
  version: string;
  /** `owner/name` of the monorepo on GitHub. */
  repository: string;
  /** A token that can write the contents of the monorepo and of every standalone repository. */
  token: string;
  /** The git remote of the monorepo; default `origin`. */
  remote?: string;
  /** GitHub's web URL (links, standalone remotes); default https://github.com. */
  serverUrl?: string;
  /** GitHub's REST API; default https://api.github.com. */
  apiUrl?: string;
  /** The git URL of a standalone repository; default `<serverUrl>/<owner>/<name>.git`. */
  standaloneRemote?: (fullName: string) => string;
  /** The whole test suite; default `npm test`. Tests of this package inject a fast stand-in. */
  testCommand?: readonly string[];
  /** Rebuilds every dist/; default `npm run build`. */
  buildCommand?: readonly string[];
  /** Fails when a generated README table is stale; default `node scripts/gen-readme.mjs --check`. */
  docsCheckCommand?: readonly string[];
  /** The changelog date (YYYY-MM-DD); default today in UTC. */
  date?: string;
  /** Progress lines (never a token). */
  log?: (line: string) => void;
  /** The REST client; default Octokit on apiUrl with the token. */
  api?: ReleaseApi;
}

/** One action published to its own repository. */
export interface StandaloneRelease {
  action: string;
  repository: string;
  commit: string;
  url: string;
}

/** What a release made. */
export interface ReleaseOutcome {
  tag: string;
  aliases: string[];
  commit: string;
  notes: string;
  standalone: StandaloneRelease[];
  releaseUrls: string[];
}

const DEFAULT_SERVER = 'https://github.com';
const DEFAULT_API = 'https://api.github.com';

function authEnv(url: string, token: string): Record<string, string> {
  // The token reaches git through the environment, never argv or a remote URL (a URL with the
  // token would be printed by git's errors and kept in .git/config), and only for that host.
  if (!/^https?:/.test(url)) return {};
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${new URL(url).origin}/.extraheader`,
    GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
  };
}

async function commitsSince(git: Git, since: string | undefined): Promise<CommitInfo[]> {
  const range = since ? [`${since}..HEAD`] : ['HEAD'];
  const text = await git(
    'log',
    '--no-merges',
    '--reverse',
    '--format=%x1e%H%x1f%s',
    '--name-only',
    ...range,
  );
  return text
    .split('\x1e')
    .filter((r) => r.trim())
    .map((record) => {
      const [head = '', ...files] = record.split('\n');
      const [sha = '', subject = ''] = head.split('\x1f');
      return { sha, subject, files: files.map((f) => f.trim()).filter(Boolean) };
    });
}

/** changedPaths lists the paths `git status` reports (untracked included), optionally under some paths. */
async function changedPaths(git: Git, ...under: string[]): Promise<string[]> {
  const status = await git.try(
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    '--',
    ...under,
  );
  if (status.code !== 0) throw new ReleaseError(`git status failed: ${status.stderr.trim()}`);
  // Entries are "XY path"; a rename adds its source as one more entry, skipped here.
  const entries = status.stdout.split('\0').filter(Boolean);
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    paths.push(entry.slice(3));
    if (/^[RC]/.test(entry)) i++;
  }
  return paths;
}

async function identity(git: Git): Promise<{ name: string; email: string }> {
  const ident = await git.try('var', 'GIT_COMMITTER_IDENT');
  const m = /^(.*) <([^>]*)>/.exec(ident.stdout.trim());
  if (ident.code !== 0 || !m) {
    throw new ReleaseError(
      'git has no identity here: set user.name and user.email (git config) first',
    );
  }
  return { name: m[1]!, email: m[2]! };
}

/** release runs the whole release; it throws ReleaseError (one line, what to do) when it refuses. */
export async function release(options: ReleaseOptions): Promise<ReleaseOutcome> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const root = options.root;
  const remote = options.remote ?? 'origin';
  const serverUrl = (options.serverUrl ?? DEFAULT_SERVER).replace(/\/+$/, '');
  const secrets = options.token ? [options.token] : [];
  const git = gitIn(root, {}, secrets);

  // 1. Inputs.
  const version = parseVersion(options.version);
  if (!version || options.version.trim().replace(/^v/, '') !== formatVersion(version)) {
    throw new ReleaseError(
      `version "${options.version}" is not X.Y.Z (for example 1.4.0): npm run release -- X.Y.Z`,
    );
  }
  const tags = releaseTags(version);
  if (!options.repository) {
    throw new ReleaseError(
      `cannot tell the monorepo's owner/name from remote ${remote}: pass --repository owner/name`,
    );
  }
  if (!/^[\w.-]+\/[\w.-]+$/.test(options.repository)) {
    throw new ReleaseError(
      `repository "${options.repository}" is not owner/name: pass --repository owner/name`,
    );
  }
  if (!options.token) {
    throw new ReleaseError(
      'no token: set GITHUB_TOKEN to a token that can write the contents of the monorepo and its standalone repositories',
    );
  }

  // 2. The work tree: clean, on a branch, at the tip of the remote branch.
  const dirty = await changedPaths(git);
  if (dirty.length > 0) {
    const first = dirty[0];
    const count = dirty.length;
    throw new ReleaseError(
      `the work tree has ${count} uncommitted change(s) (${first}${count > 1 ? ', …' : ''}): commit or remove them, then release`,
    );
  }
  const branch = (await git.try('symbolic-ref', '--quiet', '--short', 'HEAD')).stdout.trim();
  if (!branch)
    throw new ReleaseError('HEAD is detached: check out the branch to release (main) first');
  const me = await identity(git);
  log(`Fetching ${remote} (${branch} and tags)`);
  await git(
    'fetch',
    '--quiet',
    '--force',
    '--tags',
    remote,
    `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`,
  );
  const head = await git('rev-parse', 'HEAD');
  const remoteTip = await git('rev-parse', `refs/remotes/${remote}/${branch}`);
  if (head !== remoteTip) {
    throw new ReleaseError(
      `${branch} (${head.slice(0, 7)}) is not the tip of ${remote}/${branch} (${remoteTip.slice(0, 7)}): pull or push first, then release`,
    );
  }

  // 3. The version: greater than every release.
  const tagList = (await git('tag', '--list', 'v*')).split('\n').filter(Boolean);
  const last = latestRelease(tagList);
  if (last && compareVersions(version, last.version) <= 0) {
    throw new ReleaseError(
      `version ${formatVersion(version)} is not greater than the last release ${last.tag}: pick a greater one`,
    );
  }
  if (tagList.includes(tags.full))
    throw new ReleaseError(`tag ${tags.full} already exists: pick a greater version`);

  // 4. GitHub: the monorepo and every standalone repository exist.
  const api = options.api ?? releaseApi(options.token, options.apiUrl ?? DEFAULT_API);
  const actions = discoverActions(root);
  if (actions.length === 0)
    throw new ReleaseError('no actions/<name>/action.yml found: is this the monorepo root?');
  const owner = options.repository.split('/')[0]!;
  const targets = standaloneTargets(root, actions, owner);
  for (const fullName of [options.repository, ...targets.values()])
    await api.requireRepository(fullName);

  // 5. Generated files and the tests, which never see the release token.
  const node = process.execPath;
  const env = { ...process.env };
  delete env['GITHUB_TOKEN'];
  const docs = options.docsCheckCommand ?? [node, 'scripts/gen-readme.mjs', '--check'];
  log(`Checking the README tables: ${docs.join(' ')}`);
  const docsRun = await run(docs, { cwd: root, env, allowFailure: true, secrets });
  if (docsRun.code !== 0) {
    throw new ReleaseError(
      'a generated README table is stale: run npm run docs, commit, then release',
    );
  }
  const build = options.buildCommand ?? ['npm', 'run', 'build'];
  log(`Rebuilding dist/: ${build.join(' ')}`);
  const buildRun = await run(build, { cwd: root, env, allowFailure: true, secrets, stream: true });
  if (buildRun.code !== 0)
    throw new ReleaseError(
      `the build failed (${build.join(' ')} exited ${buildRun.code}): fix it, then release`,
    );
  const stale = await changedPaths(git, 'actions');
  if (stale.length > 0) {
    throw new ReleaseError(
      `dist/ is stale (${stale[0]} changed when rebuilt; the rebuilt files are in the work tree): commit them, then release`,
    );
  }
  const tests = options.testCommand ?? ['npm', 'test'];
  log(`Running the tests: ${tests.join(' ')}`);
  const testRun = await run(tests, { cwd: root, env, allowFailure: true, secrets, stream: true });
  if (testRun.code !== 0)
    throw new ReleaseError(
      `the tests failed (${tests.join(' ')} exited ${testRun.code}): fix them, then release`,
    );
  if ((await changedPaths(git)).length > 0) {
    throw new ReleaseError(
      'the build or the tests changed tracked or unignored files: commit or ignore them, then release',
    );
  }

  // 6. Standalone trees, prepared and checked before anything is committed.
  const work = mkdtempSync(join(tmpdir(), 'mlops-release-'));
  try {
    const prepared: { action: string; repository: string; dir: string; url: string; git: Git }[] =
      [];
    for (const action of actions) {
      const repository = targets.get(action)!;
      const url = options.standaloneRemote?.(repository) ?? `${serverUrl}/${repository}.git`;
      const dir = join(work, action);
      const sgit = gitIn(dir, authEnv(url, options.token), secrets);
      log(`Preparing ${repository} (actions/${action})`);
      await run(['git', 'clone', '--quiet', '--no-checkout', url, dir], {
        cwd: work,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          ...authEnv(url, options.token),
        },
        secrets,
      });
      const existing = (await sgit('tag', '--list', tags.full)).trim();
      if (existing)
        throw new ReleaseError(
          `${repository} already has tag ${tags.full}: it was released before; pick a greater version`,
        );
      const hasHistory = (await sgit.try('rev-parse', '--verify', '--quiet', 'HEAD')).code === 0;
      if (hasHistory) await sgit('checkout', '--quiet', '--force');
      else await sgit('symbolic-ref', 'HEAD', 'refs/heads/main');
      await writeStandaloneTree(
        { root, action, tag: tags.full, serverUrl, monorepo: options.repository, targets },
        dir,
      );
      const problems = checkSelfContained(dir);
      if (problems.length > 0) {
        throw new ReleaseError(
          `actions/${action} would not run from ${repository} alone: ${problems.slice(0, 3).join('; ')}`,
        );
      }
      prepared.push({ action, repository, dir, url, git: sgit });
    }

    // 7. The monorepo's release commit and tags (undone if anything fails before the push).
    const previousAliases = new Map<string, string>();
    for (const alias of [tags.minor, tags.major]) {
      const at = await git.try('rev-parse', '--verify', '--quiet', `refs/tags/${alias}`);
      if (at.code === 0) previousAliases.set(alias, at.stdout.trim());
    }
    const undo = async () => {
      await git('reset', '--quiet', '--hard', head);
      await git.try('tag', '-d', tags.full);
      for (const alias of [tags.minor, tags.major]) {
        const before = previousAliases.get(alias);
        if (before) await git('update-ref', `refs/tags/${alias}`, before);
        else await git.try('tag', '-d', alias);
      }
    };
    const commits = await commitsSince(git, last?.tag);
    const groups = groupCommits(commits, actions);
    const notes = releaseNotes(groups, actions);
    let releaseCommit: string;
    const standalone: StandaloneRelease[] = [];
    try {
      const date = options.date ?? new Date().toISOString().slice(0, 10);
      const changelogPath = join(root, 'CHANGELOG.md');
      const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined;
      writeFileSync(changelogPath, insertSection(changelog, tags.full, date, notes));
      const seen = userFacingFiles(root);
      for (const file of seen) {
        const text = readFileSync(join(root, file), 'utf8');
        const moved = moveReferences(text, version);
        if (moved !== text) writeFileSync(join(root, file), moved);
      }
      await git('add', '--', 'CHANGELOG.md', ...seen);
      await git('commit', '--quiet', '-m', `Release ${tags.full}`);
      releaseCommit = await git('rev-parse', 'HEAD');
      await git('tag', '-a', '-m', `Release ${tags.full}`, tags.full);
      for (const alias of [tags.minor, tags.major]) {
        await git(
          'tag',
          '-a',
          '-f',
          '-m',
          `${alias}: the latest release ${tags.full}`,
          alias,
          `${tags.full}^{}`,
        );
      }
      // 8. One commit per standalone repository, authored as the monorepo's commit.
      const author = (await git('log', '-1', '--format=%an%x1f%ae%x1f%aI', releaseCommit)).split(
        '\x1f',
      );
      for (const p of prepared) {
        await p.git('add', '--all');
        const message = `${p.action} ${tags.full}\n\nFrom ${options.repository}@${releaseCommit} (${tags.full}), actions/${p.action}:\n${serverUrl}/${options.repository}/tree/${tags.full}/actions/${p.action}\n`;
        const commitGit = gitIn(
          p.dir,
          {
            ...authEnv(p.url, options.token),
            GIT_AUTHOR_NAME: author[0] ?? me.name,
            GIT_AUTHOR_EMAIL: author[1] ?? me.email,
            GIT_AUTHOR_DATE: author[2] ?? '',
            GIT_COMMITTER_NAME: me.name,
            GIT_COMMITTER_EMAIL: me.email,
          },
          secrets,
        );
        await commitGit('commit', '--quiet', '--allow-empty', '-m', message);
        await commitGit('tag', '-a', '-m', `Release ${tags.full}`, tags.full);
        for (const alias of [tags.minor, tags.major]) {
          await commitGit(
            'tag',
            '-a',
            '-f',
            '-m',
            `${alias}: the latest release ${tags.full}`,
            alias,
            `${tags.full}^{}`,
          );
        }
        standalone.push({
          action: p.action,
          repository: p.repository,
          commit: await p.git('rev-parse', 'HEAD'),
          url: `${serverUrl}/${p.repository}`,
        });
      }
      // A full-SHA pin cannot name the commit that holds it: pins move in a second commit.
      const pins = {
        sha: releaseCommit,
        standalone: new Map(standalone.map((x) => [x.action, x.commit])),
      };
      const pinned = seen.filter((f) => hasPins(readFileSync(join(root, f), 'utf8')));
      for (const file of pinned) {
        const text = readFileSync(join(root, file), 'utf8');
        writeFileSync(join(root, file), moveReferences(text, version, pins));
      }
      if (pinned.length > 0) {
        await git('add', '--', ...pinned);
        await git('commit', '--quiet', '-m', `Pin the examples to ${tags.full}`);
      }
    } catch (error) {
      await undo();
      throw error;
    }

    // 9. Push: the full version never forced, only the aliases (+), each repository atomically.
    const refspecs = [
      `refs/tags/${tags.full}`,
      `+refs/tags/${tags.minor}`,
      `+refs/tags/${tags.major}`,
    ];
    log(`Pushing ${branch} and ${tags.full}, ${tags.minor}, ${tags.major} to ${remote}`);
    await git('push', '--quiet', '--atomic', remote, `HEAD:refs/heads/${branch}`, ...refspecs);
    for (const p of prepared) {
      const current = (await p.git('symbolic-ref', '--short', 'HEAD')) || 'main';
      log(`Pushing ${p.repository}`);
      await p.git(
        'push',
        '--quiet',
        '--atomic',
        'origin',
        `HEAD:refs/heads/${current}`,
        ...refspecs,
      );
    }

    // 10. The GitHub releases.
    const releaseUrls = [
      await api.createRelease(options.repository, tags.full, tags.full, notes, true),
    ];
    const changelogUrl = `${serverUrl}/${options.repository}/blob/${tags.full}/CHANGELOG.md`;
    for (const s of standalone) {
      const body = actionNotes(groups, s.action, changelogUrl);
      releaseUrls.push(
        await api.createRelease(s.repository, tags.full, `${s.action} ${tags.full}`, body, true),
      );
    }
    log(`Released ${tags.full}: ${releaseUrls.join(' ')}`);
    return {
      tag: tags.full,
      aliases: [tags.minor, tags.major],
      commit: releaseCommit,
      notes,
      standalone,
      releaseUrls,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
