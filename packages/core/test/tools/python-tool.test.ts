// ensurePythonTool against a real Python and pip, offline: `pip install --no-index pip` needs no
// package index, so these tests cover the venv, the tool cache layout and the failure paths
// without downloading anything. Installing DVC from the index is tested once, in dvc-repro.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ActionError } from '../../src/index.ts';
import { ensurePythonTool, findOnPath } from '../../src/tools/index.ts';

const python = findOnPath('python3');
const offline = { pipArgs: ['--no-index'], env: { PIP_FIND_LINKS: '' } };

describe.skipIf(!python)('ensurePythonTool', () => {
  let toolCache: string;
  let saved: string | undefined;

  beforeAll(() => {
    saved = process.env['RUNNER_TOOL_CACHE'];
    toolCache = mkdtempSync(join(tmpdir(), 'toolcache-'));
    process.env['RUNNER_TOOL_CACHE'] = toolCache;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env['RUNNER_TOOL_CACHE'];
    else process.env['RUNNER_TOOL_CACHE'] = saved;
    rmSync(toolCache, { recursive: true, force: true });
  });

  test('builds a venv in the tool cache, marks it complete and returns the executable', async () => {
    const tool = await ensurePythonTool({
      tool: 'pip',
      version: '1.0.0',
      packages: ['pip'],
      ...offline,
    });
    expect(tool.cached).toBe(false);
    expect(tool.dir.startsWith(join(toolCache, 'pip', '1.0.0', ''))).toBe(true);
    expect(tool.executable).toBe(join(tool.dir, 'bin', 'pip'));
    expect(existsSync(tool.executable)).toBe(true);
    expect(existsSync(`${tool.dir}.complete`)).toBe(true);
  });

  test('a second call reuses the venv from the tool cache', async () => {
    const first = await ensurePythonTool({
      tool: 'pip',
      version: '1.0.0',
      packages: ['pip'],
      ...offline,
    });
    const second = await ensurePythonTool({
      tool: 'pip',
      version: '1.0.0',
      packages: ['pip'],
      ...offline,
    });
    expect(second).toEqual({ ...first, cached: true });
  });

  test('a cached venv whose interpreter is gone is built again', async () => {
    const first = await ensurePythonTool({
      tool: 'pip',
      version: '1.0.1',
      packages: ['pip'],
      ...offline,
    });
    rmSync(join(first.bin, 'python'));
    const again = await ensurePythonTool({
      tool: 'pip',
      version: '1.0.1',
      packages: ['pip'],
      ...offline,
    });
    expect(again.cached).toBe(false);
    expect(existsSync(join(again.bin, 'python'))).toBe(true);
  });

  test("a package that cannot be installed fails with pip's reason and leaves nothing behind", async () => {
    const error = await ensurePythonTool({
      tool: 'nothing',
      version: '1.0.0',
      packages: ['no-such-package-for-mlops-tests==1.0.0'],
      ...offline,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).message).toMatch(
      /^could not install no-such-package-for-mlops-tests==1\.0\.0: .*No matching distribution found/,
    );
    // Neither the half-built venv nor a completion marker is left for the next job to trust.
    expect(readdirSync(join(toolCache, 'nothing', '1.0.0'))).toEqual([]);
  });

  test('packages that do not provide the tool are an error naming it', async () => {
    const error = await ensurePythonTool({
      tool: 'not-in-pip',
      version: '1.0.0',
      packages: ['pip'],
      ...offline,
    }).catch((e: unknown) => e);
    expect((error as ActionError).message).toBe("pip installed no 'not-in-pip' executable");
  });

  test('a version range is refused before anything is installed', async () => {
    const error = await ensurePythonTool({ tool: 'pip', version: '>=1', packages: ['pip'] }).catch(
      (e: unknown) => e,
    );
    expect((error as ActionError).message).toBe("'>=1' is not an exact version of pip");
  });

  test('an interpreter that is not there is named, with how to get one', async () => {
    const error = await ensurePythonTool({
      tool: 'pip',
      version: '1.0.0',
      packages: ['pip'],
      python: 'python-does-not-exist',
    }).catch((e: unknown) => e);
    expect((error as ActionError).message).toBe('`python-does-not-exist` was not found on PATH');
    expect((error as ActionError).hint).toContain('actions/setup-python');
  });
});
