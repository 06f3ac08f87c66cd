// The report needs DVC only to fetch DVC-cached files: then it takes dvc from PATH, or sets up the
// DVC of the tool cache with the extras the project's remote needs (as dvc-repro does), once per
// step (issue 18). Installing from the package index is install.itg.test.ts of dvc-repro; here the
// tool cache already holds the venv, as on a runner where an earlier job installed it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DEFAULT_DVC_VERSION } from '@mlops-actions/core/dvc';
import { pythonToolLayout } from '@mlops-actions/core/tools';
import { pythonVenv } from '@mlops-actions/testkit';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { dvcOnDemand } from '../src/run.ts';

const venv = pythonVenv();
const pathWithoutDvc = (process.env['PATH'] ?? '')
  .split(delimiter)
  .filter((dir) => dir && !existsSync(join(dir, 'dvc')))
  .join(delimiter);
const saved = { PATH: process.env['PATH'], RUNNER_TOOL_CACHE: process.env['RUNNER_TOOL_CACHE'] };
let project: string;
let toolCache: string;
let seeded: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'report-dvc-'));
  mkdirSync(join(project, '.dvc'));
  writeFileSync(
    join(project, '.dvc', 'config'),
    '[core]\n    remote = storage\n[\'remote "storage"\']\n    url = s3://bucket/store\n',
  );
  // The venv a dvc-repro step would have left for dvc[s3] with the runner's python3.
  toolCache = mkdtempSync(join(tmpdir(), 'report-toolcache-'));
  const [version = '', executable = ''] = execFileSync(
    'python3',
    [
      '-c',
      'import sys, os; print("%d.%d" % sys.version_info[:2]); print(os.path.realpath(sys.executable))',
    ],
    { encoding: 'utf8', env: { ...process.env, PATH: pathWithoutDvc } },
  )
    .trim()
    .split('\n');
  const layout = pythonToolLayout({
    tool: 'dvc',
    version: DEFAULT_DVC_VERSION,
    packages: [`dvc[s3]==${DEFAULT_DVC_VERSION}`],
    pythonVersion: version,
    pythonExecutable: executable,
    arch: arch(),
  });
  seeded = join(toolCache, layout.tool, layout.version, layout.arch);
  mkdirSync(join(seeded, 'bin'), { recursive: true });
  for (const file of ['dvc', 'python'])
    symlinkSync(join(venv, 'bin', file), join(seeded, 'bin', file));
  writeFileSync(`${seeded}.complete`, '');
});
afterEach(() => {
  process.env['PATH'] = saved.PATH;
  if (saved.RUNNER_TOOL_CACHE === undefined) delete process.env['RUNNER_TOOL_CACHE'];
  else process.env['RUNNER_TOOL_CACHE'] = saved.RUNNER_TOOL_CACHE;
});
afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(toolCache, { recursive: true, force: true });
});

test('dvc on PATH is used as it is', async () => {
  process.env['PATH'] = [join(venv, 'bin'), pathWithoutDvc].join(delimiter);
  expect(await dvcOnDemand(project)()).toBe(join(venv, 'bin', 'dvc'));
});

test("without dvc on PATH it sets up the tool cache's DVC with the remote's extras, once", async () => {
  process.env['PATH'] = pathWithoutDvc;
  process.env['RUNNER_TOOL_CACHE'] = toolCache;
  const resolve = dvcOnDemand(project);
  const first = resolve();
  expect(resolve()).toBe(first);
  expect(await first).toBe(join(seeded, 'bin', 'dvc'));
});
