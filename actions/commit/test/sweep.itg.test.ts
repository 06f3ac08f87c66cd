// The bad-input sweep (issue 17): every input of commit, the event payload, the token and the
// paths, spoiled one at a time on a copy of one checkout whose dvc.lock changed (so a good run would
// commit and push). Each case runs the bundled action as the runner does and must end in one error
// line, exit code 1, and nothing changed: the work tree, the checkout's refs, HEAD and index, and
// the bare origin's refs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type RunActionOptions, repoRoot, runAction } from '@mlops-actions/testkit';
import { checkout, git, makeOrigin } from '@mlops-actions/testkit/git-fixture';
import { type HttpRemote, startHttpRemote } from '@mlops-actions/testkit/http-remote';
import { copyFixture, snapshot } from '@mlops-actions/testkit/snapshot';
import { expectOneLineFailure } from '@mlops-actions/testkit/sweep-fixture';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';

const action = join(repoRoot, 'actions', 'commit');
const F = 'commit failed: ';
const IDENTITY = 'Write it as Name <email>, for example: Jane Doe <jane@example.com>.';

/** One case's copy: the checkout `ws` (dvc.lock changed) and its bare `origin.git`. */
interface Copy {
  root: string;
  ws: string;
  bare: string;
}

interface Case {
  name: string;
  inputs?: Record<string, string>;
  options?: (copy: Copy) => Partial<RunActionOptions> | Promise<Partial<RunActionOptions>>;
  spoil?: (copy: Copy) => void | Promise<void>;
  message: string | RegExp;
}

let http: HttpRemote | undefined;

const cases: Case[] = [
  {
    name: 'paths that is empty',
    inputs: { paths: '' },
    message: `${F}input 'paths' is required but empty. Set it under 'with:' in the workflow step.`,
  },
  {
    name: 'a paths entry that is a typo, with fail-on-missing',
    inputs: { paths: 'dvc.lok', 'fail-on-missing': 'true' },
    message: `${F}input 'paths' has 'dvc.lok', which matches no file in the work tree or the index. Fix the path (relative to working-directory), or set fail-on-missing to false to go on with a warning.`,
  },
  {
    name: 'a glob that matches nothing beside a good path, with fail-on-missing',
    inputs: { paths: 'dvc.lock, metrics/*.jsn', 'fail-on-missing': 'true' },
    message: `${F}input 'paths' has 'metrics/*.jsn', which matches no file in the work tree or the index. Fix the path (relative to working-directory), or set fail-on-missing to false to go on with a warning.`,
  },
  {
    name: 'two paths entries that match nothing, with fail-on-missing',
    inputs: { paths: 'dvc.lok\nparams.yml', 'fail-on-missing': 'true' },
    message: `${F}input 'paths' has entries 'dvc.lok', 'params.yml', which match no file in the work tree or the index. Fix the path (relative to working-directory), or set fail-on-missing to false to go on with a warning.`,
  },
  {
    name: 'a paths entry outside the repository',
    inputs: { paths: '../secrets.txt' },
    message:
      /^commit failed: input 'paths' has '\.\.\/secrets\.txt', which is outside the repository\./,
  },
  {
    name: 'a paths entry inside .git',
    inputs: { paths: '.git/config' },
    message: `${F}input 'paths' has '.git/config', which is inside .git. List files of the work tree.`,
  },
  {
    name: 'a paths entry with pathspec magic',
    inputs: { paths: ':(exclude)README.md' },
    message: `${F}input 'paths' has ':(exclude)README.md', a git pathspec with magic. Write plain paths or globs such as dvc.lock or metrics/*.json.`,
  },
  {
    name: 'fail-on-missing that is not a boolean',
    inputs: { 'fail-on-missing': 'sure' },
    message: /^commit failed: input 'fail-on-missing' is 'sure', which is not a boolean/,
  },
  {
    name: 'an author without an email',
    inputs: { author: 'Jane Doe' },
    message: `${F}input 'author' is 'Jane Doe', which is not an identity. ${IDENTITY}`,
  },
  {
    name: 'an author that is empty',
    inputs: { author: '' },
    message: `${F}input 'author' is required but empty. Set it under 'with:' in the workflow step.`,
  },
  {
    name: 'a committer with an unclosed email',
    inputs: { committer: 'CI <ci@example.com' },
    message: `${F}input 'committer' is 'CI <ci@example.com', which is not an identity. ${IDENTITY}`,
  },
  {
    name: 'push-attempts of zero',
    inputs: { 'push-attempts': '0' },
    message: `${F}input 'push-attempts' is '0'. Use a whole number from 1 to 50.`,
  },
  {
    name: 'push-attempts above the limit',
    inputs: { 'push-attempts': '51' },
    message: `${F}input 'push-attempts' is '51'. Use a whole number from 1 to 50.`,
  },
  {
    name: 'push-attempts that is a word',
    inputs: { 'push-attempts': 'five' },
    message: `${F}input 'push-attempts' is 'five'. Use a whole number from 1 to 50.`,
  },
  {
    name: 'signed that is not a boolean',
    inputs: { signed: 'yes please' },
    message: /^commit failed: input 'signed' is 'yes please', which is not a boolean/,
  },
  {
    name: 'signed commits without a token',
    inputs: { signed: 'true', token: '' },
    message: `${F}input 'token' is empty, but signed commits are made through the GitHub API. Give a token, or set signed to false.`,
  },
  {
    name: 'fail-on-no-push that is not a boolean',
    inputs: { 'fail-on-no-push': 'maybe' },
    message: /^commit failed: input 'fail-on-no-push' is 'maybe', which is not a boolean/,
  },
  {
    name: 'a working-directory that does not exist (not "git not found")',
    inputs: { 'working-directory': 'repo' },
    message: `${F}input 'working-directory' is 'repo', a folder that does not exist. Set it to the folder of the checkout (the path given to actions/checkout), relative to the workspace.`,
  },
  {
    name: 'a working-directory that is a file',
    inputs: { 'working-directory': 'dvc.lock' },
    message: `${F}input 'working-directory' is 'dvc.lock', a file, not a folder. Set it to the folder of the checkout (the path given to actions/checkout), relative to the workspace.`,
  },
  {
    name: 'a working-directory outside the workspace',
    inputs: { 'working-directory': '../origin.git' },
    message: /^commit failed: input 'working-directory' /,
  },
  {
    name: 'a working-directory that is not a git checkout',
    options: (copy) => ({ workspace: join(copy.root, 'plain') }),
    spoil: (copy) => {
      const plain = join(copy.root, 'plain');
      mkdirSync(plain);
      writeFileSync(join(plain, 'dvc.lock'), 'x\n');
    },
    message:
      /^commit failed: .*plain is not inside a git repository\. Check out the repository first \(actions\/checkout\)\.$/,
  },
  {
    name: 'a branch name git refuses',
    inputs: { branch: 'feature..x' },
    message: `${F}'feature..x' is not a valid branch name. Give a branch name such as main or feature/x.`,
  },
  {
    name: 'a branch name with a space',
    inputs: { branch: 'my branch' },
    message: `${F}'my branch' is not a valid branch name. Give a branch name such as main or feature/x.`,
  },
  {
    name: 'an empty token and no stored credentials for an HTTPS remote',
    inputs: { token: '' },
    spoil: async (copy) => {
      // A smart-HTTP server for the copy's origin that, like GitHub, wants credentials.
      http = await startHttpRemote(copy.root, {});
      await git(copy.ws, 'remote', 'set-url', 'origin', http.url('origin.git'));
    },
    message:
      /^commit failed: the token input is empty, and git has no stored credentials for http:\/\/127\.0\.0\.1:\d+\/origin\.git: the push cannot authenticate\. A push over HTTPS needs a token with contents: write: /,
  },
  {
    name: 'an event payload that is not JSON',
    options: () => ({ rawEventText: '{"ref": ' }),
    message:
      /^commit failed: the event payload at GITHUB_EVENT_PATH \(.*\) is not a JSON object\. /,
  },
  {
    name: 'an event payload that is a list',
    options: () => ({ rawEventText: '[]' }),
    message:
      /^commit failed: the event payload at GITHUB_EVENT_PATH \(.*\) is not a JSON object\. /,
  },
];

describe('commit: every bad input fails in one line and changes nothing', () => {
  let fixture: string;
  beforeAll(async () => {
    const origin = await makeOrigin({ 'dvc.lock': 'schema: 2.0\n', 'README.md': '# demo\n' });
    // One folder holding the checkout and its origin, copied for each case.
    fixture = dirname(origin.bare);
    const ws = join(fixture, 'ws');
    mkdirSync(ws);
    await checkout(origin, 'main', { depth: 0, dir: ws });
    writeFileSync(join(ws, 'dvc.lock'), 'schema: 2.0\nstages: {}\n');
  }, 120_000);
  afterEach(async () => {
    await http?.stop();
    http = undefined;
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const root = copyFixture(fixture, ['ws/.git/config']);
    const copy: Copy = { root, ws: join(root, 'ws'), bare: join(root, 'origin.git') };
    await c.spoil?.(copy);
    const extra = (await c.options?.(copy)) ?? {};
    const workspace = extra.workspace ?? copy.ws;
    const state = () => snapshot(workspace, { bareRemotes: [copy.bare] });
    const before = state();
    const result = await runAction({
      action,
      workspace,
      inputs: c.inputs ?? {},
      env: { GIT_TERMINAL_PROMPT: '0' },
      ...extra,
    });
    expectOneLineFailure(result, c.message);
    expect(state()).toEqual(before);
  });

  test('a paths entry that matches nothing is a warning naming it, without fail-on-missing', async () => {
    const root = copyFixture(fixture, ['ws/.git/config']);
    const ws = join(root, 'ws');
    const result = await runAction({
      action,
      workspace: ws,
      inputs: { paths: 'dvc.lock, dvc.lok' },
    });
    expect(result.exitCode).toBe(0);
    expect(result.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      "input 'paths' has 'dvc.lok', which matches no file in the work tree or the index: nothing under it is committed",
    ]);
    expect(result.outputs['pushed']).toBe('true');
  });

  test('the sweep tries at least 25 bad inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });
});
