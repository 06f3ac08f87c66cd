// The command as a user runs it: node on the entry point, no TTY on stdin (so it asks nothing).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(pkg, 'src', 'cli.ts');

function run(cwd: string, args: string[], path = process.env['PATH'] ?? '') {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, PATH: path },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const DVC_YAML = `stages:
  train:
    cmd: python train.py
    outs:
      - model.pkl
    metrics:
      - metrics.json:
          cache: false
`;

function project(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'init-cli-'));
  mkdirSync(join(root, '.dvc'));
  writeFileSync(join(root, 'dvc.yaml'), DVC_YAML);
  writeFileSync(join(root, 'metrics.json'), '{"loss": 0.2, "accuracy": 0.9}');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const written = (root: string) =>
  existsSync(join(root, '.github', 'workflows'))
    ? readdirSync(join(root, '.github', 'workflows'))
    : [];

describe('bad input: one line saying what to do, exit 1, nothing written', () => {
  test.each([
    [
      'an unknown flag',
      () => project(),
      ['--owner', 'acme', '--frobnicate'],
      /unknown option '--frobnicate'.*--help/,
    ],
    [
      'a stray argument',
      () => project(),
      ['init', 'now', '--owner', 'acme'],
      /unexpected argument 'now'/,
    ],
    [
      'invalid YAML in dvc.yaml',
      () => project({ 'dvc.yaml': 'stages: [unclosed\n' }),
      ['--owner', 'acme'],
      /dvc\.yaml is not valid YAML .*fix it/,
    ],
    [
      'a dvc.yaml that cannot be read',
      () => {
        const root = project();
        const broken = mkdtempSync(join(tmpdir(), 'init-cli-'));
        mkdirSync(join(broken, 'dvc.yaml'));
        mkdirSync(join(broken, '.dvc'));
        return root && broken;
      },
      ['--owner', 'acme'],
      /cannot read dvc\.yaml \(EISDIR\)/,
    ],
    [
      'no DVC project',
      () => mkdtempSync(join(tmpdir(), 'init-cli-')),
      ['--owner', 'acme'],
      /no dvc\.yaml here .*--project/,
    ],
    ['no owner to be found', () => project(), [], /cannot tell which GitHub owner.*--owner <name>/],
    [
      'a malformed --metric',
      () => project(),
      ['--owner', 'acme', '--metric', 'loss=down'],
      /--metric 'loss=down' is not name=higher or name=lower/,
    ],
    ['an owner with a space', () => project(), ['--owner', 'a b'], /--owner 'a b' is not valid/],
  ])('%s', (_name, make, args, message) => {
    const root = make();
    const { code, stdout, stderr } = run(root, args);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^create-mlops-actions: /);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(written(root)).toEqual([]);
  });

  test('existing workflow files are never overwritten without --force', () => {
    const root = project({ '.github/workflows/train-and-report.yml': 'mine\n' });
    const { code, stderr } = run(root, ['--owner', 'acme']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'create-mlops-actions: .github/workflows/train-and-report.yml already exists: pass --force to overwrite, or move them away',
    );
    expect(readFileSync(join(root, '.github', 'workflows', 'train-and-report.yml'), 'utf8')).toBe(
      'mine\n',
    );

    const forced = run(root, ['init', '--owner', 'acme', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(
      readFileSync(join(root, '.github', 'workflows', 'train-and-report.yml'), 'utf8'),
    ).toMatch(/^# Written by create-mlops-actions/);
  });
});

test('without a TTY it asks nothing, takes the owner from the GitHub remote, and says what to set', () => {
  const root = project({
    '.dvc/config': '[core]\n remote = r\n[\'remote "r"\']\n url = azure://models/dvc\n',
  });
  spawnSync('git', ['init', '-q'], { cwd: root });
  spawnSync('git', ['remote', 'add', 'origin', 'https://github.com/octo-org/churn.git'], {
    cwd: root,
  });
  const { code, stdout, stderr } = run(root, []);
  expect(code, stderr).toBe(0);
  expect(stdout).toContain('wrote .github/workflows/train-and-report.yml');
  expect(stdout).toContain('metrics-better: loss: lower, accuracy: higher');
  expect(stdout).toMatch(/^ {2}gh secret set AZURE_STORAGE_CONNECTION_STRING +# /m);
  expect(stdout).toContain('no bentofile.yaml or BentoML service: publish-and-deploy not written');
  const text = readFileSync(join(root, '.github', 'workflows', 'train-and-report.yml'), 'utf8');
  expect(text).toContain('uses: octo-org/mlops-actions/actions/dvc-repro@v1');
  expect(written(root)).toEqual(['train-and-report.yml']);
});

test('actionlint runs on what was written when it is on PATH, and is skipped with a note when not', () => {
  const root = project();
  const without = run(root, ['--owner', 'acme'], '/usr/bin:/bin');
  expect(without.code, without.stderr).toBe(0);
  expect(without.stdout).toContain('actionlint is not on PATH: the workflows were not linted');
  const lint = spawnSync('sh', ['-c', 'command -v actionlint'], { encoding: 'utf8' }).stdout.trim();
  expect(lint, 'actionlint on PATH (scripts/env.sh)').not.toBe('');
  const withLint = run(root, ['--owner', 'acme', '--force'], `${dirname(lint)}:/usr/bin:/bin`);
  expect(withLint.code, withLint.stderr).toBe(0);
  expect(withLint.stdout).toContain('actionlint: no problems');
});

test('npm publish --dry-run packs the bundled command, its README and licence, nothing else', () => {
  const result = spawnSync('npm', ['publish', '--dry-run', '--json'], {
    cwd: pkg,
    encoding: 'utf8',
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  expect(result.status, result.stderr).toBe(0);
  // npm 11 keys the --json report by package name.
  const packed = JSON.parse(result.stdout) as Record<
    string,
    { name: string; files: { path: string }[] }
  >;
  const report = packed['create-mlops-actions']!;
  expect(report.name).toBe('create-mlops-actions');
  expect(report.files.map((f) => f.path).sort()).toEqual([
    'LICENSE',
    'README.md',
    'dist/index.js',
    'package.json',
  ]);
  // The packed entry point runs on its own (bundled: no dependencies to install).
  const help = spawnSync(process.execPath, [join(pkg, 'dist', 'index.js'), '--help'], {
    encoding: 'utf8',
  });
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('Usage: npm create mlops-actions');
});
