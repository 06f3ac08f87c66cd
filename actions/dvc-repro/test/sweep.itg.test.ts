// The bad-input sweep (issue 17): every input and every file dvc-repro reads, spoiled one at a
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

const action = join(repoRoot, 'actions', 'dvc-repro');
const F = 'dvc-repro failed: ';
const STAGES = 'Stages in dvc.yaml: prepare, train.';

interface Case {
  name: string;
  inputs?: Record<string, string>;
  spoil?: (c: DvcCase) => void | Promise<void>;
  message: string | RegExp;
  at?: { file: string; line?: number };
}

const inputCases: Case[] = [
  {
    name: 'a working-directory that does not exist',
    inputs: { 'working-directory': 'ml' },
    message: `${F}working-directory 'ml' does not exist. Set working-directory to the folder that holds dvc.yaml, relative to the repository root.`,
  },
  {
    name: 'a working-directory without dvc.yaml',
    inputs: { 'working-directory': 'src' },
    message: `${F}no dvc.yaml in working-directory 'src' (looked for src/dvc.yaml). Set working-directory to the folder that holds dvc.yaml, relative to the repository root.`,
  },
  {
    name: 'a working-directory that is a file',
    inputs: { 'working-directory': 'params.yaml' },
    message: `${F}working-directory 'params.yaml' is a file, not a folder. Set working-directory to the DVC project folder, relative to the repository root.`,
  },
  {
    name: 'a working-directory outside the workspace',
    inputs: { 'working-directory': '../elsewhere' },
    message: /^dvc-repro failed: input 'working-directory' /,
  },
  {
    name: 'a target that is a typo',
    inputs: { targets: 'trian' },
    message: `${F}unknown target 'trian': it is neither a stage in dvc.yaml nor an output DVC tracks. Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path). ${STAGES}`,
    at: { file: 'dvc.yaml' },
  },
  {
    name: 'the second of two targets a typo',
    inputs: { targets: 'prepare, tain' },
    message: `${F}unknown target 'tain': it is neither a stage in dvc.yaml nor an output DVC tracks. Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path). ${STAGES}`,
  },
  {
    name: 'a dvc.yaml:stage target whose stage is a typo',
    inputs: { targets: 'dvc.yaml:trian' },
    message: `${F}unknown target 'dvc.yaml:trian': dvc.yaml has no stage 'trian'. Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path). ${STAGES}`,
  },
  {
    name: 'a sub/dvc.yaml:stage target whose stage is not there',
    inputs: { targets: 'sub/dvc.yaml:train' },
    message: `${F}unknown target 'sub/dvc.yaml:train': sub/dvc.yaml has no stage 'train'. Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path). Stages in sub/dvc.yaml: summarize.`,
    at: { file: 'sub/dvc.yaml' },
  },
  {
    name: 'a target in a dvc.yaml that does not exist',
    inputs: { targets: 'subs/dvc.yaml:summarize' },
    message: `${F}unknown target 'subs/dvc.yaml:summarize': subs/dvc.yaml does not exist in working-directory '.'. Fix 'targets': give the path of a dvc.yaml relative to working-directory.`,
  },
  {
    name: 'a target path that nothing tracks',
    inputs: { targets: 'data.csv' },
    message: `${F}unknown target 'data.csv': it is neither a stage in dvc.yaml nor an output DVC tracks. Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path). ${STAGES}`,
  },
  {
    name: 'a target that is a folder of no output',
    inputs: { targets: 'src' },
    message: `${F}unknown target 'src': it is neither a stage in dvc.yaml nor an output DVC tracks. Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path). ${STAGES}`,
  },
  {
    name: 'a stage of another folder named without its dvc.yaml',
    inputs: { targets: 'summarize' },
    message: `${F}unknown target 'summarize': it is neither a stage in dvc.yaml nor an output DVC tracks. Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path). ${STAGES}`,
  },
  {
    name: 'a stage of the root named from a sub working-directory',
    inputs: { 'working-directory': 'sub', targets: 'prepare' },
    message: `${F}unknown target 'prepare': it is neither a stage in dvc.yaml nor an output DVC tracks. Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path). Stages in dvc.yaml: summarize.`,
    at: { file: 'sub/dvc.yaml' },
  },
  {
    name: 'pull that is not a boolean',
    inputs: { pull: 'yes' },
    message: /^dvc-repro failed: input 'pull' is 'yes', which is not a boolean/,
  },
  {
    name: 'allow-missing that is not a boolean',
    inputs: { 'allow-missing': 'maybe' },
    message: /^dvc-repro failed: input 'allow-missing' is 'maybe', which is not a boolean/,
  },
  {
    name: 'force that is not a boolean',
    inputs: { force: 'always' },
    message: /^dvc-repro failed: input 'force' is 'always', which is not a boolean/,
  },
  {
    name: 'single-item without targets',
    inputs: { 'single-item': 'true' },
    message: `${F}input 'single-item' is true but no targets are given. Name the stages to run in targets.`,
  },
  {
    name: 'single-item that is not a boolean',
    inputs: { 'single-item': 'on', targets: 'train' },
    message: /^dvc-repro failed: input 'single-item' is 'on', which is not a boolean/,
  },
  {
    name: 'cache that is not a boolean',
    inputs: { cache: 'enabled' },
    message: /^dvc-repro failed: input 'cache' is 'enabled', which is not a boolean/,
  },
  {
    name: 'a remote that is not configured',
    inputs: { remote: 'backup' },
    message: `${F}DVC remote 'backup' is not configured in this project. Configured remotes: 'storage' (default). Fix 'remote', or add it with \`dvc remote add\` and commit .dvc/config.`,
  },
  {
    name: 'a remote given as a URL',
    inputs: { remote: 's3://bucket/dvc' },
    message: `${F}input 'remote' is 's3://bucket/dvc', not the name of a DVC remote. Give the name \`dvc remote list\` shows (such as storage), not a URL.`,
  },
  {
    name: 'an on-pull-failure that is not fail or recompute',
    inputs: { 'on-pull-failure': 'ignore' },
    message: `${F}input 'on-pull-failure' is 'ignore'. Use one of: fail, recompute.`,
  },
  {
    name: 'a dvc-version that is not exact',
    inputs: { 'dvc-version': '3' },
    message: `${F}input 'dvc-version' is '3', not an exact version. Give a full version such as 3.67.1, or leave it empty.`,
  },
  {
    name: 'a dvc-version that is a word',
    inputs: { 'dvc-version': 'latest' },
    message: `${F}input 'dvc-version' is 'latest', not an exact version. Give a full version such as 3.67.1, or leave it empty.`,
  },
  {
    name: 'remote-attempts of zero',
    inputs: { 'remote-attempts': '0' },
    message: `${F}input 'remote-attempts' is '0'. Use a whole number from 1 to 10.`,
  },
  {
    name: 'remote-attempts above the limit',
    inputs: { 'remote-attempts': '11' },
    message: `${F}input 'remote-attempts' is '11'. Use a whole number from 1 to 10.`,
  },
  {
    name: 'remote-attempts that is a word',
    inputs: { 'remote-attempts': 'three' },
    message: `${F}input 'remote-attempts' is 'three'. Use a whole number from 1 to 10.`,
  },
];

const fileCases: Case[] = [
  {
    name: 'a dvc.yaml with a YAML error',
    spoil: (c) =>
      c.write('dvc.yaml', DVC_YAML.replace('    outs:\n      - data.txt', '    outs: [data.txt\n')),
    message:
      /^dvc-repro failed: dvc\.yaml:\d+ does not parse: invalid YAML, .*\. Fix dvc\.yaml so that DVC can read it\.$/,
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
    message: /^dvc-repro failed: dvc\.yaml:3 does not parse: invalid YAML, /,
    at: { file: 'dvc.yaml', line: 3 },
  },
  {
    name: 'a dvc.yaml with a stage defined twice',
    spoil: (c) => c.write('dvc.yaml', `${DVC_YAML}  prepare:\n    cmd: echo again\n`),
    message:
      /^dvc-repro failed: dvc\.yaml:\d+ does not parse: invalid YAML, Map keys must be unique/,
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
      /^dvc-repro failed: sub\/dvc\.yaml:\d+ does not parse: invalid YAML, .*Fix sub\/dvc\.yaml so that DVC can read it\.$/,
    at: { file: 'sub/dvc.yaml' },
  },
  {
    name: 'a dvc.lock with a YAML error',
    spoil: (c) => c.write('dvc.lock', 'schema: "2.0"\nstages:\n  prepare: {cmd: x\n'),
    message:
      /^dvc-repro failed: dvc\.lock:\d+ does not parse: invalid YAML, .*Fix dvc\.lock, or delete it: `dvc repro` writes it anew\.$/,
    at: { file: 'dvc.lock' },
  },
  {
    name: 'a sub/dvc.lock with a YAML error',
    spoil: (c) => c.write('sub/dvc.lock', 'stages: [\n'),
    message: /^dvc-repro failed: sub\/dvc\.lock:\d+ does not parse: invalid YAML/,
    at: { file: 'sub/dvc.lock' },
  },
  {
    name: 'a params.yaml with a YAML error',
    spoil: (c) => c.write('params.yaml', 'prepare:\n  n: 1\ntrain:\n  lr: [0.1\n'),
    message:
      /^dvc-repro failed: params\.yaml:\d+ does not parse: invalid YAML, .*Fix params\.yaml so that DVC can read it\.$/,
    at: { file: 'params.yaml' },
  },
  {
    name: 'a params.yaml without a param a stage reads',
    spoil: (c) => c.write('params.yaml', 'prepare:\n  n: 1\ntrain:\n  rate: 0.1\n'),
    message: `${F}stage 'train' reads param 'train.lr', which params.yaml does not have. Add 'train.lr' to params.yaml, or remove it from the params of the stage.`,
    at: { file: 'dvc.yaml', line: lineOf(DVC_YAML, '  train:') },
  },
  {
    name: 'a params.yaml that is missing',
    spoil: (c) => c.remove('params.yaml'),
    message: `${F}stage 'prepare' reads params from params.yaml, which does not exist. Commit params.yaml, or fix the params of the stage in dvc.yaml.`,
    at: { file: 'dvc.yaml', line: 2 },
  },
  {
    name: 'a params file a stage names that is missing',
    spoil: (c) => c.edit('dvc.yaml', '      - train.lr', '      - train.yaml:\n          - lr'),
    message: `${F}stage 'train' reads params from train.yaml, which does not exist. Commit train.yaml, or fix the params of the stage in dvc.yaml.`,
  },
  {
    name: 'a JSON params file that does not parse',
    spoil: (c) => {
      c.edit('dvc.yaml', '      - train.lr', '      - train.json:\n          - lr');
      c.write('train.json', '{"lr": 0.1,}');
    },
    message:
      /^dvc-repro failed: train\.json does not parse: invalid JSON, .*Fix train\.json so that DVC can read it\.$/,
    at: { file: 'train.json' },
  },
  {
    name: 'a .dvc file with a YAML error',
    spoil: (c) => c.write('raw.csv.dvc', 'outs:\n- md5: [\n'),
    message:
      /^dvc-repro failed: raw\.csv\.dvc:\d+ does not parse: invalid YAML, .*Fix raw\.csv\.dvc, or track the data again with `dvc add`\.$/,
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
    message: /^dvc-repro failed: \.dvc\/config\.local:1 does not parse: /,
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
    message: `${F}working-directory '.' is not inside a DVC project: no .dvc folder in it or above it. Run \`dvc init\` and commit .dvc/, or set working-directory to the DVC project folder.`,
  },
  {
    name: 'an HTTP remote that refuses connections, with pull',
    inputs: { 'remote-attempts': '1' },
    spoil: async (c) => {
      const port = await closedPort();
      c.edit('.dvc/config', /url = .*/, `url = http://127.0.0.1:${port}/dvc`);
    },
    message:
      /^dvc-repro failed: DVC remote 'storage' \(http:\/\/127\.0\.0\.1:\d+\/dvc\) is unreachable: Cannot connect to host 127\.0\.0\.1:\d+ .*; nothing was pulled and no stage was run\. Check the remote URL and endpoint in \.dvc\/config and that this runner can reach them; or set on-pull-failure: recompute to run the stages without the remote\.$/,
  },
];

describe('dvc-repro: every bad input fails in one line and changes nothing', () => {
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

  test('the sweep tries at least 45 bad inputs', () => {
    expect(inputCases.length + fileCases.length).toBeGreaterThanOrEqual(45);
  });
});
