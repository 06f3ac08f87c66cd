// The bad-input sweep (issue 17): every input and every file dvc-push reads, spoiled one at a
// time on a copy of one small DVC project. Each case runs the bundled action as the runner does and
// must end in one error line, exit code 1, and nothing changed outside the step's own temporary
// folder (work tree, git refs and index, the bare origin, the DVC remote).
import { join } from 'node:path';
import { runAction } from '@mlops-actions/testkit/harness';
import { repoRoot } from '@mlops-actions/testkit/node24';
import {
  buildDvcFixture,
  closedPort,
  copyDvcFixture,
  DVC_YAML,
  type DvcCase,
  type DvcFixture,
  expectOneLineFailure,
  lineOf,
  SUB_DVC_YAML,
} from '@mlops-actions/testkit/sweep-fixture';
import { beforeAll, describe, expect, test } from 'vitest';

const action = join(repoRoot, 'actions', 'dvc-push');
const F = 'dvc-push failed: ';
const STAGES = 'Stages in dvc.yaml: prepare, train.';

interface Case {
  name: string;
  inputs?: Record<string, string>;
  spoil?: (c: DvcCase) => void | Promise<void>;
  message: string | RegExp;
  at?: { file: string; line?: number };
}

const TARGET_HINT = "Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path).";
const inputCases: Case[] = [
  {
    name: 'a working-directory that does not exist',
    inputs: { 'working-directory': 'ml' },
    message: `${F}working-directory 'ml' does not exist. Set working-directory to the DVC project folder, relative to the repository root.`,
  },
  {
    name: 'a working-directory that is a file',
    inputs: { 'working-directory': 'params.yaml' },
    message: `${F}working-directory 'params.yaml' is a file, not a folder. Set working-directory to the DVC project folder, relative to the repository root.`,
  },
  {
    name: 'a working-directory outside the workspace',
    inputs: { 'working-directory': '../elsewhere' },
    message: /^dvc-push failed: input 'working-directory' /,
  },
  {
    name: 'a target that is a typo (before any run-cache entry is pushed)',
    inputs: { targets: 'trian' },
    message: `${F}unknown target 'trian': it is neither a stage in dvc.yaml nor an output DVC tracks. ${TARGET_HINT} ${STAGES}`,
    at: { file: 'dvc.yaml' },
  },
  {
    name: 'the last of three targets a typo',
    inputs: { targets: 'prepare\ntrain\nevalute' },
    message: `${F}unknown target 'evalute': it is neither a stage in dvc.yaml nor an output DVC tracks. ${TARGET_HINT} ${STAGES}`,
  },
  {
    name: 'a dvc.yaml:stage target whose stage is a typo',
    inputs: { targets: 'dvc.yaml:prepar' },
    message: `${F}unknown target 'dvc.yaml:prepar': dvc.yaml has no stage 'prepar'. ${TARGET_HINT} ${STAGES}`,
  },
  {
    name: 'a sub/dvc.yaml:stage target whose stage is not there',
    inputs: { targets: 'sub/dvc.yaml:prepare' },
    message: `${F}unknown target 'sub/dvc.yaml:prepare': sub/dvc.yaml has no stage 'prepare'. ${TARGET_HINT} Stages in sub/dvc.yaml: summarize.`,
  },
  {
    name: 'a target in a dvc.yaml that does not exist',
    inputs: { targets: 'other/dvc.yaml:x' },
    message: `${F}unknown target 'other/dvc.yaml:x': other/dvc.yaml does not exist in working-directory '.'. Fix 'targets': give the path of a dvc.yaml relative to working-directory.`,
  },
  {
    name: 'a .dvc file target that does not exist',
    inputs: { targets: 'raw.dvc' },
    message: `${F}unknown target 'raw.dvc': it is neither a stage in dvc.yaml nor an output DVC tracks. ${TARGET_HINT} ${STAGES}`,
  },
  {
    name: 'a target path that nothing tracks',
    inputs: { targets: 'model.pkl' },
    message: `${F}unknown target 'model.pkl': it is neither a stage in dvc.yaml nor an output DVC tracks. ${TARGET_HINT} ${STAGES}`,
  },
  {
    name: 'a target that is a git-tracked file, not a DVC output',
    inputs: { targets: 'write.py' },
    message: `${F}unknown target 'write.py': it is neither a stage in dvc.yaml nor an output DVC tracks. ${TARGET_HINT} ${STAGES}`,
  },
  {
    name: 'a remote that is not configured',
    inputs: { remote: 'backup' },
    message: `${F}DVC remote 'backup' is not configured in this project. Configured remotes: 'storage' (default). Fix 'remote', or add it with \`dvc remote add\` and commit .dvc/config.`,
  },
  {
    name: 'a remote given as a URL',
    inputs: { remote: 'gs://bucket/dvc' },
    message: `${F}input 'remote' is 'gs://bucket/dvc', not the name of a DVC remote. Give the name \`dvc remote list\` shows (such as storage), not a URL.`,
  },
  {
    name: 'jobs of zero',
    inputs: { jobs: '0' },
    message: `${F}input 'jobs' is '0'. Use a whole number from 1 to 256.`,
  },
  {
    name: 'jobs above the limit',
    inputs: { jobs: '1000' },
    message: `${F}input 'jobs' is '1000'. Use a whole number from 1 to 256.`,
  },
  {
    name: 'jobs that is a word',
    inputs: { jobs: 'many' },
    message: `${F}input 'jobs' is 'many'. Use a whole number from 1 to 256.`,
  },
  {
    name: 'run-cache that is not a boolean',
    inputs: { 'run-cache': 'maybe' },
    message: /^dvc-push failed: input 'run-cache' is 'maybe', which is not a boolean/,
  },
  {
    name: 'a dvc-version that is not exact',
    inputs: { 'dvc-version': '3.67' },
    message: `${F}input 'dvc-version' is '3.67', not an exact version. Give a full version such as 3.67.1, or leave it empty.`,
  },
  {
    name: 'a dvc-version with a v',
    inputs: { 'dvc-version': 'v3.67.1' },
    message: `${F}input 'dvc-version' is 'v3.67.1', not an exact version. Give a full version such as 3.67.1, or leave it empty.`,
  },
  {
    name: 'remote-attempts of zero',
    inputs: { 'remote-attempts': '0' },
    message: `${F}input 'remote-attempts' is '0'. Use a whole number from 1 to 10.`,
  },
  {
    name: 'remote-attempts that is negative',
    inputs: { 'remote-attempts': '-1' },
    message: `${F}input 'remote-attempts' is '-1'. Use a whole number from 1 to 10.`,
  },
];

const fileCases: Case[] = [
  {
    name: 'a dvc.yaml with a YAML error',
    spoil: (c) =>
      c.write('dvc.yaml', DVC_YAML.replace('    outs:\n      - data.txt', '    outs: [data.txt\n')),
    message:
      /^dvc-push failed: dvc\.yaml:\d+ does not parse: invalid YAML, .*\. Fix dvc\.yaml so that DVC can read it\.$/,
    at: { file: 'dvc.yaml' },
  },
  {
    name: 'a dvc.yaml with a tab for indentation',
    spoil: (c) =>
      c.edit(
        'dvc.yaml',
        '    cmd: python3 write.py data.txt 1',
        '\tcmd: python3 write.py data.txt 1',
      ),
    message: /^dvc-push failed: dvc\.yaml:3 does not parse: invalid YAML, /,
    at: { file: 'dvc.yaml', line: 3 },
  },
  {
    name: 'a dvc.yaml with a stage defined twice',
    spoil: (c) => c.write('dvc.yaml', `${DVC_YAML}  prepare:\n    cmd: echo again\n`),
    message:
      /^dvc-push failed: dvc\.yaml:\d+ does not parse: invalid YAML, Map keys must be unique/,
    at: { file: 'dvc.yaml' },
  },
  {
    name: 'a dvc.yaml whose stages are a list',
    spoil: (c) => c.write('dvc.yaml', 'stages:\n  - prepare\n  - train\n'),
    message: `${F}dvc.yaml:1 does not parse: 'stages' is not a mapping of stage names. Fix dvc.yaml so that DVC can read it.`,
    at: { file: 'dvc.yaml', line: 1 },
  },
  {
    name: 'a dvc.yaml that is a list',
    spoil: (c) => c.write('dvc.yaml', '- prepare\n'),
    message: `${F}dvc.yaml:1 does not parse: it is not a mapping (stages:, params:, metrics:…). Fix dvc.yaml so that DVC can read it.`,
  },
  {
    name: 'a stage without cmd',
    spoil: (c) => c.edit('dvc.yaml', '    cmd: python3 write.py model.txt 2 metrics.json\n', ''),
    message: `${F}dvc.yaml:${lineOf(DVC_YAML, '  train:')} does not parse: stage 'train' has no 'cmd'. Fix dvc.yaml so that DVC can read it: every stage needs the command it runs.`,
    at: { file: 'dvc.yaml', line: lineOf(DVC_YAML, '  train:') },
  },
  {
    name: 'a YAML error in sub/dvc.yaml, which the pipeline does not name',
    spoil: (c) => c.write('sub/dvc.yaml', SUB_DVC_YAML.replace('cmd:', 'cmd: [')),
    message:
      /^dvc-push failed: sub\/dvc\.yaml:\d+ does not parse: invalid YAML, .*Fix sub\/dvc\.yaml so that DVC can read it\.$/,
    at: { file: 'sub/dvc.yaml' },
  },
  {
    name: 'a dvc.lock with a YAML error',
    spoil: (c) => c.write('dvc.lock', 'schema: "2.0"\nstages:\n  prepare: {cmd: x\n'),
    message:
      /^dvc-push failed: dvc\.lock:\d+ does not parse: invalid YAML, .*Fix dvc\.lock, or delete it: `dvc repro` writes it anew\.$/,
    at: { file: 'dvc.lock' },
  },
  {
    name: 'a sub/dvc.lock with a YAML error',
    spoil: (c) => c.write('sub/dvc.lock', 'stages: [\n'),
    message: /^dvc-push failed: sub\/dvc\.lock:\d+ does not parse: invalid YAML/,
    at: { file: 'sub/dvc.lock' },
  },
  {
    name: 'a .dvc file with a YAML error',
    spoil: (c) => c.write('raw.csv.dvc', 'outs:\n- md5: [\n'),
    message:
      /^dvc-push failed: raw\.csv\.dvc:\d+ does not parse: invalid YAML, .*Fix raw\.csv\.dvc, or track the data again with `dvc add`\.$/,
    at: { file: 'raw.csv.dvc' },
  },
  {
    name: 'a .dvc/config line that is not configobj',
    spoil: (c) =>
      c.write('.dvc/config', '[core]\n    remote = storage\n[\'remote "storage"\'\n    url = /x\n'),
    message: `${F}.dvc/config:3 does not parse: '['remote "storage"'' is neither a [section] nor a key = value line. Fix .dvc/config (\`dvc config\` and \`dvc remote\` write it for you).`,
    at: { file: '.dvc/config', line: 3 },
  },
  {
    name: 'a .dvc/config.local line that is not configobj',
    spoil: (c) => c.write('.dvc/config.local', 'remote storage\n'),
    message: /^dvc-push failed: \.dvc\/config\.local:1 does not parse: /,
    at: { file: '.dvc/config.local', line: 1 },
  },
  {
    name: 'a default remote that is not configured',
    spoil: (c) => c.edit('.dvc/config', 'remote = storage', 'remote = storgae'),
    message: `${F}the default DVC remote 'storgae' (core.remote in .dvc/config) is not configured. Configured remotes: 'storage'. Fix core.remote with \`dvc remote default <name>\`, or add the remote with \`dvc remote add\`.`,
    at: { file: '.dvc/config' },
  },
  {
    name: 'a project without .dvc',
    spoil: (c) => c.remove('.dvc'),
    message: `${F}working-directory '.' is not inside a DVC project: no .dvc folder in it or above it. Set working-directory to the DVC project folder, or run \`dvc init\` and commit .dvc/.`,
  },
  {
    name: 'no remote given and no default remote',
    spoil: (c) => c.edit('.dvc/config', /\n\s*remote = storage/, ''),
    message: `${F}no DVC remote to use: none was given and the project sets no default remote. Set 'remote', or run \`dvc remote add --default <name> <url>\` and commit .dvc/config. Configured remotes: 'storage'.`,
  },
  {
    name: 'an HTTP remote that refuses connections, retried and named',
    inputs: { 'remote-attempts': '2', 'run-cache': 'false' },
    spoil: async (c) => {
      const port = await closedPort();
      c.edit('.dvc/config', /url = .*/, `url = http://127.0.0.1:${port}/dvc`);
    },
    message:
      /^dvc-push failed: DVC remote 'storage' \(http:\/\/127\.0\.0\.1:\d+\/dvc\) is unreachable \(tried 2 times\): Cannot connect to host 127\.0\.0\.1:\d+ .*Check the remote URL and endpoint in \.dvc\/config and that this runner can reach them\.$/,
  },
];

describe('dvc-push: every bad input fails in one line and changes nothing', () => {
  let fixture: DvcFixture;
  beforeAll(async () => {
    fixture = await buildDvcFixture();
  }, 300_000);

  test.each([...inputCases, ...fileCases].map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const copy = copyDvcFixture(fixture);
      await c.spoil?.(copy);
      const before = copy.state();
      const result = await runAction({
        action,
        workspace: copy.workspace,
        inputs: c.inputs ?? {},
        env: fixture.env,
      });
      expectOneLineFailure(result, c.message, c.at);
      expect(copy.state()).toEqual(before);
    },
  );

  test('an unreachable HTTP remote is retried by cause, each retry one warning naming the remote', async () => {
    const copy = copyDvcFixture(fixture);
    const port = await closedPort();
    copy.edit('.dvc/config', /url = .*/, `url = http://127.0.0.1:${port}/dvc`);
    const result = await runAction({
      action,
      workspace: copy.workspace,
      inputs: { 'remote-attempts': '3', 'run-cache': 'false' },
      env: fixture.env,
    });
    expect(result.exitCode).toBe(1);
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toHaveLength(2);
    for (const [i, warning] of warnings.entries()) {
      expect(warning).toMatch(
        new RegExp(
          `^DVC remote 'storage' \\(http://127\\.0\\.0\\.1:${port}/dvc\\) refused the connection \\(or could not be reached\\) during \`dvc push\` \\(try ${i + 1} of 3\\): a transient remote error; retrying in \\d+\\.\\d s$`,
        ),
      );
    }
    expect(result.annotations.filter((a) => a.level === 'error')[0]?.message).toMatch(
      /is unreachable \(tried 3 times\)/,
    );
  });

  test('the sweep tries at least 35 bad inputs', () => {
    expect(inputCases.length + fileCases.length).toBeGreaterThanOrEqual(35);
  });
});
