// Releases of a clone of this repository (its committed HEAD) against bare repositories on disk
// as the monorepo's origin and as the standalone repositories, and the local GitHub that validates
// every REST call against GitHub's OpenAPI description. `npm test` and `npm run build` are
// replaced by fast stand-ins (the release runs the real ones by default); the README table check
// is the real one.
import { execFile, spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { getOctokit } from '@actions/github';
import {
  actionlintPath,
  DEFAULT_TOKEN,
  type LocalGitHub,
  pullRequestEvent,
  pushEvent,
  runAction,
  startLocalGitHub,
  venvBin,
} from '@mlops-actions/testkit';
// The smart-HTTP git server of the commit tests (GitHub's basic auth with x-access-token).
import { type HttpRemote, startHttpRemote } from '@mlops-actions/testkit/http-remote';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  checkReferences,
  checkSelfContained,
  discoverActions,
  findReferences,
  isExternal,
  markdownLinks,
  type ReleaseOptions,
  type ReleaseOutcome,
  release,
  userFacingFiles,
} from '../src/index.ts';
import { monorepoRoot, tagCommits } from './repo.ts';

const execFileAsync = promisify(execFile);
const MONOREPO = 'octo-org/mlops-actions';
const node = process.execPath;
// The stand-in for npm test passes, unless it can see the release token (the CLI run sets it).
const PASSING_TESTS = [
  node,
  '-e',
  "if (process.env.GITHUB_TOKEN) { console.error('the tests see GITHUB_TOKEN'); process.exit(1) } console.log('stand-in for npm test: 0 failed')",
];
const NO_BUILD = [node, '-e', "console.log('stand-in for npm run build: dist/ unchanged')"];
// Files this package adds at the root, laid over the clone until they are committed.
const OWN_ROOT_FILES = [
  'LICENSE',
  'SECURITY.md',
  'CHANGELOG.md',
  '.github/standalone-repositories.yml',
];

async function git(cwd: string, ...args: string[]): Promise<string> {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  return (
    await execFileAsync('git', args, { cwd, env, maxBuffer: 64 * 1024 * 1024 })
  ).stdout.trim();
}

let tmp: string;
let work: string;
let origin: string;
let remotes: string;
let actions: string[];
let github: LocalGitHub;

const standaloneGitDir = (action: string) => join(remotes, 'octo-org', `mlops-${action}.git`);

/** Every ref of the origin and of every standalone repository: equal before and after a refusal. */
async function allRemoteRefs(): Promise<string> {
  const parts = [await git(tmp, 'ls-remote', origin)];
  for (const action of actions) parts.push(await git(tmp, 'ls-remote', standaloneGitDir(action)));
  return parts.join('\n');
}

async function commitAndPush(
  files: Record<string, (old: string) => string>,
  message: string,
): Promise<string> {
  for (const [path, edit] of Object.entries(files)) {
    const full = join(work, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, edit(existsSync(full) ? readFileSync(full, 'utf8') : ''));
  }
  await git(work, 'add', '--', ...Object.keys(files));
  await git(work, 'commit', '--quiet', '-m', message);
  await git(work, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  return git(work, 'rev-parse', 'HEAD');
}

function options(version: string, extra: Partial<ReleaseOptions> = {}): ReleaseOptions {
  return {
    root: work,
    version,
    repository: MONOREPO,
    token: DEFAULT_TOKEN,
    serverUrl: github.serverUrl,
    apiUrl: github.url,
    standaloneRemote: (fullName) => join(remotes, `${fullName}.git`),
    testCommand: PASSING_TESTS,
    buildCommand: NO_BUILD,
    log: () => {},
    ...extra,
  };
}

/** The release CLI (npm run release) in the clone, with the stand-ins given as JSON argv arrays. */
function releaseCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = join(monorepoRoot, 'packages', 'release', 'src', 'cli.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(node, [cli, ...args, '--standalone-base', remotes], {
      cwd: work,
      env: {
        ...process.env,
        GITHUB_TOKEN: DEFAULT_TOKEN,
        GITHUB_REPOSITORY: MONOREPO,
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: github.serverUrl,
        MLOPS_RELEASE_TEST_COMMAND: JSON.stringify(PASSING_TESTS),
        MLOPS_RELEASE_BUILD_COMMAND: JSON.stringify(NO_BUILD),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'release-itg-'));
  work = join(tmp, 'work');
  origin = join(tmp, 'origin.git');
  remotes = join(tmp, 'remotes');
  await git(
    tmp,
    'clone',
    '--quiet',
    '--no-hardlinks',
    '--no-tags',
    '--single-branch',
    monorepoRoot,
    work,
  );
  await git(work, 'branch', '-M', 'main');
  await git(work, 'config', 'user.name', 'Rel Easer');
  await git(work, 'config', 'user.email', 'releaser@example.test');
  let overlaid = false;
  for (const file of OWN_ROOT_FILES) {
    const source = join(monorepoRoot, file);
    if (!existsSync(source)) continue;
    mkdirSync(dirname(join(work, file)), { recursive: true });
    copyFileSync(source, join(work, file));
    overlaid = true;
  }
  if (overlaid) {
    await git(work, 'add', '--', ...OWN_ROOT_FILES.filter((f) => existsSync(join(work, f))));
    if (await git(work, 'status', '--porcelain')) {
      await git(
        work,
        'commit',
        '--quiet',
        '-m',
        'Release files: licence, security policy, changelog',
      );
    }
  }
  // The README check runs scripts/gen-readme.mjs, which imports yaml from node_modules.
  symlinkSync(join(monorepoRoot, 'node_modules'), join(work, 'node_modules'));
  appendFileSync(join(work, '.git', 'info', 'exclude'), '/node_modules\n');
  await git(tmp, 'init', '--quiet', '--bare', '-b', 'main', origin);
  await git(work, 'remote', 'set-url', 'origin', origin);
  await git(work, 'push', '--quiet', '-u', 'origin', 'main');
  actions = discoverActions(work);
  for (const action of actions) {
    await git(tmp, 'init', '--quiet', '--bare', '-b', 'main', standaloneGitDir(action));
  }
  github = await startLocalGitHub({
    repositories: [
      { fullName: MONOREPO, gitDir: origin },
      ...actions.map((a) => ({ fullName: `octo-org/mlops-${a}`, gitDir: standaloneGitDir(a) })),
    ],
  });
});

afterAll(async () => {
  await github?.stop();
  // MLOPS_KEEP_TMP=1 keeps the repositories to look at, as testkit's scratch folders do.
  if (tmp && process.env['MLOPS_KEEP_TMP'] !== '1') rmSync(tmp, { recursive: true, force: true });
});

describe('refusals: one clear line, nothing pushed, nothing tagged', () => {
  let before: string;
  let head: string;

  beforeAll(async () => {
    head = await git(work, 'rev-parse', 'HEAD');
  });

  async function expectRefusal(attempt: () => Promise<unknown>, message: RegExp): Promise<void> {
    before = await allRemoteRefs();
    await expect(attempt()).rejects.toThrow(message);
    expect(await allRemoteRefs()).toBe(before);
    expect(await git(work, 'tag', '--list')).toBe('');
    expect(github.state.releases).toEqual([]);
  }

  test('a version that is not X.Y.Z fails the command with exit code 1 and one line', async () => {
    before = await allRemoteRefs();
    const result = await releaseCli(['1.4']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'release failed: version "1.4" is not X.Y.Z (for example 1.4.0): npm run release -- X.Y.Z\n',
    );
    expect(result.stdout + result.stderr).not.toContain(DEFAULT_TOKEN);
    expect(await allRemoteRefs()).toBe(before);
  });

  test('a dirty tree', async () => {
    writeFileSync(join(work, 'notes.txt'), 'draft\n');
    try {
      await expectRefusal(
        () => release(options('1.4.0')),
        /1 uncommitted change\(s\) \(notes\.txt\): commit or remove them/,
      );
    } finally {
      rmSync(join(work, 'notes.txt'));
    }
  });

  test('a stale README table', async () => {
    await commitAndPush(
      {
        'actions/commit/action.yml': (t) =>
          t.replace("description: 'Files or globs", "description: 'The files or globs"),
      },
      'commit: reword the paths input',
    );
    try {
      await expectRefusal(
        () => release(options('1.4.0')),
        /a generated README table is stale: run npm run docs, commit, then release/,
      );
    } finally {
      await git(work, 'revert', '--no-edit', 'HEAD');
      await git(work, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
    }
  });

  test('a stale dist/', async () => {
    const rebuild = [
      node,
      '-e',
      "require('fs').appendFileSync('actions/commit/dist/index.js', '// rebuilt\\n')",
    ];
    try {
      await expectRefusal(
        () => release(options('1.4.0', { buildCommand: rebuild })),
        /dist\/ is stale \(actions\/commit\/dist\/index\.js changed when rebuilt.*\): commit them, then release/,
      );
    } finally {
      await git(work, 'checkout', '--', 'actions');
    }
  });

  test('failing tests', async () => {
    const failing = [
      node,
      '-e',
      "console.error('stand-in for npm test: a test failed'); process.exit(1)",
    ];
    await expectRefusal(
      () => release(options('1.4.0', { testCommand: failing })),
      /the tests failed \(.* exited 1\): fix them, then release/,
    );
  });

  test('a standalone repository that does not exist on GitHub', async () => {
    await commitAndPush(
      {
        '.github/standalone-repositories.yml': () =>
          'repositories:\n  report: octo-org/experiment-report\n',
      },
      'Publish report elsewhere',
    );
    try {
      await expectRefusal(
        () => release(options('1.4.0')),
        /GitHub repository octo-org\/experiment-report does not exist \(or the token cannot see it\): create it/,
      );
    } finally {
      await git(work, 'revert', '--no-edit', 'HEAD');
      await git(work, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
    }
  });

  test('a branch behind its remote', async () => {
    const other = join(tmp, 'other');
    await git(tmp, 'clone', '--quiet', origin, other);
    await git(
      other,
      '-c',
      'user.name=O',
      '-c',
      'user.email=o@example.test',
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      'Someone else',
    );
    await git(other, 'push', '--quiet', 'origin', 'main');
    try {
      await expectRefusal(
        () => release(options('1.4.0')),
        /main \(\w+\) is not the tip of origin\/main \(\w+\): pull or push first/,
      );
    } finally {
      await git(work, 'pull', '--quiet', '--ff-only', 'origin', 'main');
    }
    expect(await git(work, 'rev-parse', 'HEAD')).not.toBe(head);
  });
});

describe('the first release, 1.4.0, through the command', () => {
  const subjects = {
    commit: 'commit: say when nothing changed',
    report: 'Tune the report wording',
    other: 'Contributing: the release section',
  };
  let releaseCommit: string;
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    await commitAndPush(
      { 'actions/commit/README.md': (t) => `${t}\nNothing to commit is not an error.\n` },
      subjects.commit,
    );
    await commitAndPush(
      { 'actions/report/README.md': (t) => `${t}\nThe report is one comment.\n` },
      subjects.report,
    );
    await commitAndPush(
      { 'CONTRIBUTING.md': (t) => `${t}\nRelease with npm run release.\n` },
      subjects.other,
    );
    run = await releaseCli(['1.4.0']);
    releaseCommit = await git(origin, 'rev-parse', 'refs/heads/main');
  });

  test('the command succeeds and prints the tags and the standalone commits, never the token', () => {
    expect(run.stderr).not.toContain('release failed');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`v1.4.0 (v1.4, v1) at ${releaseCommit}`);
    for (const action of actions)
      expect(run.stdout).toContain(`octo-org/mlops-${action} v1.4.0 at `);
    expect(run.stdout + run.stderr).not.toContain(DEFAULT_TOKEN);
  });

  test('v1.4.0, v1.4 and v1 are annotated tags of the release commit in origin', async () => {
    expect(await git(origin, 'log', '-1', '--format=%s', releaseCommit)).toBe('Release v1.4.0');
    for (const tag of ['v1.4.0', 'v1.4', 'v1']) {
      expect(await git(origin, 'cat-file', '-t', `refs/tags/${tag}`)).toBe('tag');
      expect(tagCommits(origin).get(tag)).toBe(releaseCommit);
    }
  });

  test('the changelog section lists the commits of each action', async () => {
    const changelog = await git(origin, 'show', 'v1.4.0:CHANGELOG.md');
    const section = changelog.slice(changelog.indexOf('## v1.4.0'));
    expect(section).toMatch(
      /### commit\n\n(- .*\n)*- commit: say when nothing changed \([0-9a-f]{7}\)/,
    );
    expect(section).toMatch(/### report\n\n(- .*\n)*- Tune the report wording \([0-9a-f]{7}\)/);
    expect(section).toMatch(/### Other changes\n\n(- .*\n)*- Contributing: the release section/);
    expect(changelog).not.toContain('Nothing is released yet');
  });

  test('the GitHub release carries the notes, validated by the local GitHub', () => {
    github.assertNoViolations();
    const created = github.state.releases.find(
      (r) => r.repository === MONOREPO && r.tagName === 'v1.4.0',
    );
    expect(created?.targetCommitish).toBe(releaseCommit);
    const commitSection = created?.body?.split('### ').find((s) => s.startsWith('commit\n')) ?? '';
    expect(commitSection).toContain(subjects.commit);
    expect(commitSection).not.toContain(subjects.report);
    expect(created?.body).toContain(`### report\n\n`);
    expect(github.requests.filter((r) => r.operationId === 'repos/create-release')).toHaveLength(
      1 + actions.length,
    );
  });

  test('each standalone repository: one commit, authored as the monorepo commit, the action at its root', async () => {
    for (const action of actions) {
      const dir = standaloneGitDir(action);
      expect(await git(dir, 'rev-list', '--count', 'refs/heads/main'), action).toBe('1');
      const files = (await git(dir, 'ls-tree', '-r', '--name-only', 'v1.4.0')).split('\n');
      const dist = (
        await git(origin, 'ls-tree', '-r', '--name-only', 'v1.4.0', `actions/${action}/dist`)
      )
        .split('\n')
        .map((f) => f.slice(`actions/${action}/`.length));
      expect(files.sort()).toEqual(
        ['LICENSE', 'README.md', 'SECURITY.md', 'action.yml', ...dist].sort(),
      );
      const [author, message] = (
        await git(dir, 'log', '-1', '--format=%an <%ae>%x1f%B', 'v1.4.0')
      ).split('\x1f');
      expect(author).toBe(await git(origin, 'log', '-1', '--format=%an <%ae>', releaseCommit));
      expect(message).toContain(`${MONOREPO}@${releaseCommit} (v1.4.0)`);
      for (const tag of ['v1.4.0', 'v1.4', 'v1']) {
        expect(await git(dir, 'cat-file', '-t', `refs/tags/${tag}`)).toBe('tag');
      }
      const notes = github.state.releases.find(
        (r) => r.repository === `octo-org/mlops-${action}`,
      )?.body;
      expect(notes, action).toBeDefined();
      if (action === 'commit') expect(notes).toContain(subjects.commit);
      else expect(notes).not.toContain(subjects.commit);
    }
  });

  test('the local GitHub serves the release back by tag and in the list', async () => {
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: github.url });
    const [owner, repo] = MONOREPO.split('/') as [string, string];
    const byTag = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.4.0' });
    expect(byTag.data.target_commitish).toBe(releaseCommit);
    const list = await octokit.rest.repos.listReleases({ owner, repo });
    expect(list.data.map((r) => r.tag_name)).toEqual(['v1.4.0']);
    await expect(
      octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v9.9.9' }),
    ).rejects.toMatchObject({
      status: 404,
    });
    github.assertNoViolations();
  });

  test('six actions are discovered today (a new folder under actions/ is published too)', () => {
    expect(actions.length).toBeGreaterThanOrEqual(6);
  });
});

describe('the second release, 1.5.0', () => {
  let first: { originTag: string; standaloneTags: Map<string, string>; commit: string };
  let outcome: ReleaseOutcome;
  const deploySubject = 'deploy: document the rollback';

  beforeAll(async () => {
    first = {
      originTag: await git(origin, 'rev-parse', 'refs/tags/v1.4.0'),
      standaloneTags: new Map(),
      commit: tagCommits(origin).get('v1.4.0')!,
    };
    for (const action of actions) {
      first.standaloneTags.set(
        action,
        await git(standaloneGitDir(action), 'rev-parse', 'refs/tags/v1.4.0'),
      );
    }
    // A security-minded user's pin: the full SHA with its version as a comment.
    await commitAndPush(
      {
        'examples/workflows/train-and-report.yml': (t) =>
          t
            .replace(
              'OWNER/mlops-actions/actions/report@v1',
              `OWNER/mlops-actions/actions/report@${first.commit} # v1.4.0`,
            )
            .replace(
              'OWNER/mlops-actions/actions/commit@v1',
              `OWNER/mlops-commit@${tagCommits(standaloneGitDir('commit')).get('v1.4.0')} # v1.4.0`,
            ),
      },
      'Pin the report action in the example',
    );
    await commitAndPush(
      { 'actions/deploy/README.md': (t) => `${t}\nRollback is on by default.\n` },
      deploySubject,
    );
    outcome = await release(options('1.5.0'));
  });

  test('v1 moves to the new release; v1.4.0 and v1.4 never move', async () => {
    const tags = tagCommits(origin);
    expect(tags.get('v1')).toBe(outcome.commit);
    expect(tags.get('v1.5')).toBe(outcome.commit);
    expect(tags.get('v1.4')).toBe(first.commit);
    expect(await git(origin, 'rev-parse', 'refs/tags/v1.4.0')).toBe(first.originTag);
    for (const action of actions) {
      const dir = standaloneGitDir(action);
      expect(await git(dir, 'rev-parse', 'refs/tags/v1.4.0')).toBe(
        first.standaloneTags.get(action),
      );
      expect(tagCommits(dir).get('v1')).toBe(tagCommits(dir).get('v1.5.0'));
    }
  });

  test('each standalone repository keeps its history: one more commit on top of 1.4.0', async () => {
    for (const action of actions) {
      const dir = standaloneGitDir(action);
      expect(await git(dir, 'rev-list', '--count', 'refs/heads/main')).toBe('2');
      expect(await git(dir, 'rev-parse', 'refs/heads/main^')).toBe(tagCommits(dir).get('v1.4.0'));
    }
  });

  test('the notes list only the commits since 1.4.0', () => {
    expect(outcome.notes).toContain(`### deploy\n\n- ${deploySubject}`);
    expect(outcome.notes).not.toContain('Tune the report wording');
  });

  test('a SHA pin moves to the new release in a commit after the tagged one, and every reference exists', async () => {
    const example = await git(
      origin,
      'show',
      'refs/heads/main:examples/workflows/train-and-report.yml',
    );
    expect(example).toContain(`OWNER/mlops-actions/actions/report@${outcome.commit} # v1.5.0`);
    const standaloneCommit = tagCommits(standaloneGitDir('commit')).get('v1.5.0');
    expect(example).toContain(`OWNER/mlops-commit@${standaloneCommit} # v1.5.0`);
    expect(await git(origin, 'log', '-1', '--format=%s', 'refs/heads/main')).toBe(
      'Pin the examples to v1.5.0',
    );
    await git(work, 'pull', '--quiet', '--ff-only', 'origin', 'main');
    const references = userFacingFiles(work).flatMap((f) =>
      findReferences(f, readFileSync(join(work, f), 'utf8')),
    );
    expect(references.length).toBeGreaterThan(10);
    expect(checkReferences(references, actions, tagCommits(origin))).toEqual([]);
  });

  test.each(['1.4.2', '1.5.0'])(
    '%s is refused: not greater than the last release, nothing pushed',
    async (version) => {
      const before = await allRemoteRefs();
      await expect(release(options(version))).rejects.toThrow(
        `version ${version} is not greater than the last release v1.5.0: pick a greater one`,
      );
      expect(await allRemoteRefs()).toBe(before);
    },
  );
});

describe('each standalone repository, cloned fresh at v1', () => {
  const fresh = (action: string) => join(tmp, 'fresh', action);

  beforeAll(async () => {
    for (const action of actions) {
      await git(tmp, 'clone', '--quiet', '--branch', 'v1', standaloneGitDir(action), fresh(action));
    }
  });

  test('holds everything its action loads: nothing outside it, nothing from node_modules', async () => {
    for (const action of actions) {
      expect(checkSelfContained(fresh(action)), action).toEqual([]);
      // The same bundle as the monorepo's at the tag: one git tree id for both dist/ folders.
      expect(await git(fresh(action), 'rev-parse', 'HEAD:dist')).toBe(
        await git(origin, 'rev-parse', `v1:actions/${action}/dist`),
      );
    }
  });

  test('a bundle that loads a package fails the check', async () => {
    const dir = join(tmp, 'broken');
    await git(tmp, 'clone', '--quiet', '--branch', 'v1', standaloneGitDir('commit'), dir);
    appendFileSync(join(dir, 'dist', 'index.js'), '\nimport "yaml";\n');
    expect(checkSelfContained(dir)).toEqual([
      'dist/index.js loads "yaml", which is not bundled (node_modules is not shipped)',
    ]);
  });

  test('every README link resolves inside the repository or in the monorepo at the tag', async () => {
    let absolute = 0;
    for (const action of actions) {
      const readme = readFileSync(join(fresh(action), 'README.md'), 'utf8');
      expect(readme).not.toMatch(/mlops-actions\/actions\/[\w-]+@/);
      expect(readme).toContain(`octo-org/mlops-${action}@v1`);
      for (const { target } of markdownLinks(readme)) {
        const monorepoLink = `${github.serverUrl}/${MONOREPO}/`;
        if (target.startsWith(monorepoLink)) {
          const m = /^(?:blob|tree)\/v1\.5\.0\/([^#?]+)/.exec(target.slice(monorepoLink.length));
          expect(m, target).not.toBeNull();
          await git(origin, 'cat-file', '-e', `v1.5.0:${m![1]}`);
          absolute += 1;
        } else if (!isExternal(target)) {
          expect(
            existsSync(join(fresh(action), target.replace(/[#?].*$/, ''))),
            `${action}: ${target}`,
          ).toBe(true);
        }
      }
    }
    // dvc-push links to the dvc-repro action, which lives in the monorepo (and its own repository).
    expect(absolute).toBeGreaterThan(0);
  });

  test('commit commits and pushes from its own repository', async () => {
    const target = join(tmp, 'commit-target.git');
    const ws = join(tmp, 'commit-ws');
    await git(tmp, 'init', '--quiet', '--bare', '-b', 'main', target);
    await git(tmp, 'clone', '--quiet', target, ws);
    writeFileSync(join(ws, 'dvc.lock'), 'schema: 2.0\n');
    await git(ws, 'add', 'dvc.lock');
    await git(
      ws,
      '-c',
      'user.name=T',
      '-c',
      'user.email=t@example.test',
      'commit',
      '--quiet',
      '-m',
      'Base',
    );
    await git(ws, 'push', '--quiet', 'origin', 'main');
    const sha = await git(ws, 'rev-parse', 'HEAD');
    writeFileSync(join(ws, 'dvc.lock'), 'schema: 2.0\nstages: {}\n');
    const result = await runAction({
      action: fresh('commit'),
      workspace: ws,
      inputs: { paths: 'dvc.lock', token: '' },
      event: pushEvent({ sha }),
      sha,
    });
    expect(result.log).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (module|package)/);
    expect(result.exitCode, result.log).toBe(0);
    expect(result.outputs['pushed']).toBe('true');
    expect(await git(target, 'show', 'main:dvc.lock')).toBe('schema: 2.0\nstages: {}');
  });

  test('report reports on a small DVC project from its own repository', async () => {
    const dvc = venvBin('dvc');
    const env = {
      ...process.env,
      PATH: `${dirname(dvc)}:${process.env['PATH']}`,
      DVC_NO_ANALYTICS: '1',
    };
    const projectOrigin = join(tmp, 'project.git');
    const project = join(tmp, 'project');
    const sh = async (file: string, ...args: string[]) =>
      (await execFileAsync(file, args, { cwd: project, env })).stdout.trim();
    await git(tmp, 'init', '--quiet', '--bare', '-b', 'main', projectOrigin);
    await git(tmp, 'clone', '--quiet', projectOrigin, project);
    await sh('git', 'config', 'user.name', 'T');
    await sh('git', 'config', 'user.email', 't@example.test');
    await sh(dvc, 'init', '--quiet');
    writeFileSync(
      join(project, 'dvc.yaml'),
      'stages:\n  train:\n    cmd: python train.py\n    params:\n      - train.lr\n    metrics:\n      - metrics.json:\n          cache: false\n',
    );
    writeFileSync(join(project, 'params.yaml'), 'train:\n  lr: 0.01\n');
    writeFileSync(join(project, 'metrics.json'), '{"accuracy": 0.9}\n');
    await sh('git', 'add', '--all');
    await sh('git', 'commit', '--quiet', '-m', 'Baseline');
    await sh('git', 'push', '--quiet', 'origin', 'main');
    const base = await sh('git', 'rev-parse', 'HEAD');
    await sh('git', 'checkout', '--quiet', '-b', 'feature');
    writeFileSync(join(project, 'params.yaml'), 'train:\n  lr: 0.02\n');
    writeFileSync(join(project, 'metrics.json'), '{"accuracy": 0.93}\n');
    await sh('git', 'commit', '--quiet', '-am', 'Faster learning');
    await sh('git', 'push', '--quiet', 'origin', 'feature');
    const head = await sh('git', 'rev-parse', 'HEAD');
    const prGitHub = await startLocalGitHub({
      repositories: [{ fullName: 'octo-org/demo', gitDir: projectOrigin }],
      pullRequests: [
        { number: 7, head: { ref: 'feature', sha: head }, base: { ref: 'main', sha: base } },
      ],
    });
    try {
      const result = await runAction({
        action: fresh('report'),
        workspace: project,
        inputs: { token: DEFAULT_TOKEN, base: 'main' },
        env: { PATH: env.PATH, DVC_NO_ANALYTICS: '1' },
        event: pullRequestEvent({ number: 7, headRef: 'feature', headSha: head, baseSha: base }),
        sha: head,
        ref: 'refs/pull/7/merge',
        apiUrl: prGitHub.url,
        serverUrl: prGitHub.serverUrl,
        timeoutMs: 120_000,
      });
      expect(result.log).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (module|package)/);
      expect(result.exitCode, result.log).toBe(0);
      const comments = prGitHub.commentsOn(7);
      expect(comments).toHaveLength(1);
      expect(comments[0]?.body).toContain('accuracy');
      expect(comments[0]?.body).toContain('0.93');
      prGitHub.assertNoViolations();
    } finally {
      await prGitHub.stop();
    }
  });
});

describe('a release to standalone repositories over HTTP, as on GitHub', () => {
  let remote: HttpRemote;
  const lines: string[] = [];

  beforeAll(async () => {
    remote = await startHttpRemote(remotes, { [DEFAULT_TOKEN]: 'write' });
    await commitAndPush(
      { 'actions/commit/README.md': (t) => `${t}\nOne more line.\n` },
      'commit: one more line',
    );
    await release(
      options('1.6.0', {
        standaloneRemote: (fullName) => remote.url(`${fullName}.git`),
        log: (line) => lines.push(line),
      }),
    );
  });

  afterAll(async () => {
    await remote?.stop();
  });

  test('the token authenticates every clone and push, once per request, and is never shown', async () => {
    for (const action of actions) {
      expect(tagCommits(standaloneGitDir(action)).get('v1')).toBe(
        tagCommits(standaloneGitDir(action)).get('v1.6.0'),
      );
    }
    expect(remote.authorizations.length).toBeGreaterThan(actions.length);
    for (const sent of remote.authorizations) expect(sent).toHaveLength(1);
    expect(remote.urls.join('\n')).not.toContain(DEFAULT_TOKEN);
    expect(lines.join('\n')).not.toContain(DEFAULT_TOKEN);
    expect(lines.join('\n')).toContain(`Pushing octo-org/mlops-commit`);
  });
});

describe('the release workflow and script', () => {
  test('shellcheck accepts scripts/release.sh', () => {
    const run = spawnSync(
      'shellcheck',
      ['--external-sources', join(monorepoRoot, 'scripts', 'release.sh')],
      {
        cwd: monorepoRoot,
        encoding: 'utf8',
      },
    );
    expect(run.error, 'shellcheck is not installed (scripts/apt-packages.txt)').toBeUndefined();
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
  });

  test('actionlint accepts .github/workflows/release.yml', async () => {
    const workflow = join(monorepoRoot, '.github', 'workflows', 'release.yml');
    const config = join(monorepoRoot, '.github', 'actionlint.yaml');
    const result = await execFileAsync(actionlintPath(), ['-config-file', config, workflow], {
      cwd: monorepoRoot,
    }).catch((error: { stdout?: string; code?: number }) => ({
      stdout: error.stdout ?? String(error),
      stderr: '',
      failed: true,
    }));
    expect('failed' in result ? result.stdout : '').toBe('');
  });
});
