// The bad-input sweep (issue 17): every input of report, the files it reads (dvc.yaml, params,
// metrics), the event payload and the image branch, spoiled one at a time on a copy of one pull
// request checkout. Each case runs the bundled action as the runner does and must end in one error
// line, exit code 1, and nothing changed: the work tree, the checkout's refs, HEAD and index, the
// bare origin's refs (no image commit pushed anywhere) and the DVC remote.
import { dirname, join } from 'node:path';
import {
  pullRequestEvent,
  pushEvent,
  type RunActionOptions,
  repoRoot,
  runAction,
} from '@mlops-actions/testkit';
import { createDvcRepo } from '@mlops-actions/testkit/dvc-repo';
import { copyFixture, snapshot } from '@mlops-actions/testkit/snapshot';
import { expectOneLineFailure } from '@mlops-actions/testkit/sweep-fixture';
import { beforeAll, describe, expect, test } from 'vitest';

const action = join(repoRoot, 'actions', 'report');
const F = 'report failed: ';
const BETTER =
  'Write one metric per line as "name: higher" or "name: lower" (exactly these two words).';
const IMAGES =
  'Give the images a branch of their own that only the report writes, such as mlops-report-images (the default), or set image-store: none.';

const DVC_YAML = `stages:
  train:
    cmd: python train.py
    params:
      - train.lr
    metrics:
      - metrics.json:
          cache: false
    plots:
      - history.json:
          cache: false
`;

interface Fixture {
  root: string;
  head: string;
  base: string;
  env: Record<string, string>;
}

interface Case {
  name: string;
  inputs?: Record<string, string>;
  files?: Record<string, string>;
  options?: (f: Fixture) => Partial<RunActionOptions>;
  message: string | RegExp;
  at?: { file: string; line?: number };
}

const badYaml = `${DVC_YAML}  evaluate:\n    cmd: [python\n`;
const badParams = 'train:\n  lr: [0.02\n';

const cases: Case[] = [
  {
    name: 'a mode that does not exist',
    inputs: { mode: 'replace' },
    message: `${F}input 'mode' is 'replace'. Use one of: update, recreate, append.`,
  },
  {
    name: 'a target that does not exist',
    inputs: { target: 'slack' },
    message: `${F}input 'target' is 'slack'. Use one of: auto, pr, commit, none.`,
  },
  {
    name: 'an image-store that does not exist',
    inputs: { 'image-store': 's3' },
    message: `${F}input 'image-store' is 's3'. Use one of: branch, none.`,
  },
  {
    name: 'a precision that is a word',
    inputs: { precision: 'five' },
    message: `${F}input 'precision' is 'five'. Use a whole number from 0 to 15.`,
  },
  {
    name: 'a precision above 15',
    inputs: { precision: '16' },
    message: `${F}input 'precision' is '16'. Use a whole number from 0 to 15.`,
  },
  {
    name: 'show-all that is not a boolean',
    inputs: { 'show-all': 'yes' },
    message: /^report failed: input 'show-all' is 'yes', which is not a boolean/,
  },
  {
    name: 'plots that is not a boolean',
    inputs: { plots: 'none' },
    message: /^report failed: input 'plots' is 'none', which is not a boolean/,
  },
  {
    name: 'fetch that is not a boolean',
    inputs: { fetch: 'never' },
    message: /^report failed: input 'fetch' is 'never', which is not a boolean/,
  },
  {
    name: 'a metrics-better line with an unknown direction',
    inputs: { 'metrics-better': 'accuracy: more' },
    message: `${F}input 'metrics-better' has the line 'accuracy: more'. ${BETTER}`,
  },
  {
    name: "a metrics-better line with 'up' (the README says higher or lower)",
    inputs: { 'metrics-better': 'accuracy: up' },
    message: `${F}input 'metrics-better' has the line 'accuracy: up'. ${BETTER}`,
  },
  {
    name: "a metrics-better line with 'min'",
    inputs: { 'metrics-better': 'loss: min' },
    message: `${F}input 'metrics-better' has the line 'loss: min'. ${BETTER}`,
  },
  {
    name: 'a metrics-better line in capitals',
    inputs: { 'metrics-better': 'accuracy: HIGHER' },
    message: `${F}input 'metrics-better' has the line 'accuracy: HIGHER'. ${BETTER}`,
  },
  {
    name: 'a metrics-better line without a direction',
    inputs: { 'metrics-better': 'accuracy' },
    message: `${F}input 'metrics-better' has the line 'accuracy'. ${BETTER}`,
  },
  {
    name: 'a metrics-better line without a name',
    inputs: { 'metrics-better': ': lower' },
    message: `${F}input 'metrics-better' has the line ': lower'. ${BETTER}`,
  },
  {
    name: 'a metric said to go both ways',
    inputs: { 'metrics-better': 'accuracy: higher\nloss: lower\naccuracy: lower' },
    message: `${F}input 'metrics-better' says both 'accuracy: higher' and 'accuracy: lower'. Keep one line per metric.`,
  },
  {
    name: 'a report-id with a double dash (it would end the hidden marker)',
    inputs: { 'report-id': 'gpu--a' },
    message: `${F}input 'report-id' is 'gpu--a'. Use letters, digits, dots, dashes (not two in a row) or underscores.`,
  },
  {
    name: 'a report-path outside the workspace',
    inputs: { 'report-path': '../report.md' },
    message:
      /^report failed: input 'report-path' is '\.\.\/report\.md', which is outside the workspace/,
  },
  {
    name: 'a working-directory that does not exist',
    inputs: { 'working-directory': 'ml' },
    message: `${F}input 'working-directory' is 'ml', a folder that does not exist. Set it to the folder that holds .dvc and dvc.yaml, relative to the repository root.`,
  },
  {
    name: 'a working-directory that is not a DVC project',
    inputs: { 'working-directory': 'src' },
    files: { 'src/notes.md': 'notes\n' },
    message: `${F}working-directory 'src' is not a DVC project (it has no .dvc folder). Check out the repository first, and set working-directory to the folder that holds .dvc and dvc.yaml.`,
  },
  {
    name: 'an image-branch that is the pull request base (and the default branch)',
    inputs: { 'image-branch': 'main' },
    message: `${F}input 'image-branch' is 'main', the pull request's base branch: the report would commit its images onto it. ${IMAGES}`,
  },
  {
    name: 'an image-branch that is the pull request head',
    inputs: { 'image-branch': 'feature' },
    message: `${F}input 'image-branch' is 'feature', the pull request's head branch: the report would commit its images onto it. ${IMAGES}`,
  },
  {
    name: 'an image-branch that is the default branch, on a push to another branch',
    inputs: { 'image-branch': 'main', target: 'none' },
    options: (f) => ({
      event: pushEvent({ ref: 'refs/heads/feature', sha: f.head }),
      ref: 'refs/heads/feature',
    }),
    message: `${F}input 'image-branch' is 'main', the repository's default branch: the report would commit its images onto it. ${IMAGES}`,
  },
  {
    name: 'an image-branch that is the branch a push event ran on',
    inputs: { 'image-branch': 'release', target: 'none' },
    options: (f) => ({
      event: pushEvent({ ref: 'refs/heads/release', sha: f.head }),
      ref: 'refs/heads/release',
    }),
    message: `${F}input 'image-branch' is 'release', the branch this run is on: the report would commit its images onto it. ${IMAGES}`,
  },
  {
    name: 'an image-branch with commits a person made',
    inputs: { 'image-branch': 'docs' },
    message: new RegExp(
      `^report failed: input 'image-branch' is 'docs', a branch with commits the report did not make \\([0-9a-f]{12} "Write the docs" by test@example\\.com\\): the report would commit its images onto it\\. ${IMAGES.replace(/[.()]/g, '\\$&')}$`,
    ),
  },
  {
    name: 'an image-branch that is not a valid branch name',
    inputs: { 'image-branch': 'images..v2' },
    message: `${F}input 'image-branch' is 'images..v2', which is not a valid branch name. Give a branch name such as mlops-report-images.`,
  },
  {
    name: 'a dvc.yaml with a YAML error',
    inputs: { 'image-store': 'none' },
    files: { 'dvc.yaml': badYaml },
    message:
      /^report failed: dvc\.yaml:\d+ does not parse: invalid YAML, .*\. Fix dvc\.yaml so that DVC can read it\.$/,
    at: { file: 'dvc.yaml' },
  },
  {
    name: 'a metrics file with a JSON error',
    inputs: { 'image-store': 'none' },
    files: { 'metrics.json': '{\n  "accuracy": 0.93,\n  "loss" 0.3\n}\n' },
    message: /^report failed: metrics\.json:3 does not parse: invalid JSON/,
    at: { file: 'metrics.json', line: 3 },
  },
  {
    name: 'a params file with a YAML error',
    inputs: { 'image-store': 'none' },
    files: { 'params.yaml': badParams },
    message: /^report failed: params\.yaml:\d+ does not parse: invalid YAML/,
    at: { file: 'params.yaml' },
  },
  {
    name: 'a base that exists nowhere',
    inputs: { base: 'no-such-branch' },
    message: `${F}base 'no-such-branch' was found neither in the checkout nor on the remote 'origin'. Set base to a branch, tag or commit that exists in the repository.`,
  },
  {
    name: 'a plot with no data on either side',
    inputs: { 'image-store': 'none' },
    files: { 'dvc.yaml': `${DVC_YAML}plots:\n  - nowhere.json\n` },
    message: /^report failed: plot 'nowhere\.json' has no data in the workspace nor in main/,
  },
  {
    name: 'an event payload that is not JSON',
    options: () => ({ rawEventText: 'pull_request' }),
    message:
      /^report failed: the event payload at GITHUB_EVENT_PATH \(.*\) is not a JSON object\. /,
  },
];

describe('report: every bad input fails in one line and changes nothing', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    const repo = await createDvcRepo({
      'dvc.yaml': DVC_YAML,
      'params.yaml': 'train:\n  lr: 0.01\n',
      'metrics.json': '{"accuracy": 0.9, "loss": 0.35}',
      'history.json': '[{"step": 0, "loss": 1}, {"step": 1, "loss": 0.5}]',
    });
    const base = await repo.commit('Base experiment');
    await repo.git('push', '--quiet', 'origin', 'main');
    await repo.git('checkout', '--quiet', '-b', 'docs');
    await repo.write({ 'docs.md': '# Docs\n' });
    await repo.commit('Write the docs');
    await repo.git('push', '--quiet', 'origin', 'docs');
    await repo.git('checkout', '--quiet', '-b', 'feature', 'main');
    await repo.write({
      'params.yaml': 'train:\n  lr: 0.02\n',
      'metrics.json': '{"accuracy": 0.93, "loss": 0.3}',
    });
    const head = await repo.commit('Tune the learning rate');
    await repo.git('push', '--quiet', 'origin', 'feature');
    fixture = {
      root: dirname(repo.dir),
      head,
      base,
      env: { PATH: repo.env['PATH'] ?? '', DVC_NO_ANALYTICS: '1', GIT_TERMINAL_PROMPT: '0' },
    };
  }, 180_000);

  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const root = copyFixture(fixture.root, ['work/.git/config', 'work/.dvc/config']);
    const workspace = join(root, 'work');
    const { writeFileSync, mkdirSync } = await import('node:fs');
    for (const [path, text] of Object.entries(c.files ?? {})) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), text);
    }
    const state = () =>
      snapshot(workspace, {
        bareRemotes: [join(root, 'origin.git')],
        folders: [join(root, 'dvc-remote')],
      });
    const before = state();
    const result = await runAction({
      action,
      workspace,
      inputs: c.inputs ?? {},
      env: fixture.env,
      event: pullRequestEvent({
        number: 7,
        headRef: 'feature',
        headSha: fixture.head,
        baseSha: fixture.base,
      }),
      sha: fixture.head,
      ref: 'refs/pull/7/merge',
      ...c.options?.(fixture),
    });
    expectOneLineFailure(result, c.message, c.at);
    expect(state()).toEqual(before);
  });

  test('the sweep tries at least 30 bad inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
});
