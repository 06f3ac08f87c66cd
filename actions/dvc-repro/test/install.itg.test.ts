// The one test that installs DVC from the package index: on a runner without dvc, dvc-version
// installs DVC with the extras the project's remote needs (S3 here) into the tool cache, and the
// next steps and jobs on that runner reuse it. Slow (about a minute): keep it the only one.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { type ActionResult, runAction } from '@mlops-actions/testkit/harness';
import { type MotoS3, startMotoS3 } from '@mlops-actions/testkit/moto';
import { repoRoot } from '@mlops-actions/testkit/node24';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { venvBin } from './project.ts';

const execFileAsync = promisify(execFile);
const repro = join(repoRoot, 'actions', 'dvc-repro');
const push = join(repoRoot, 'actions', 'dvc-push');

/** PATH without any folder that holds a dvc executable: a runner where DVC is not installed. */
const pathWithoutDvc = (process.env['PATH'] ?? '')
  .split(delimiter)
  .filter((dir) => dir && !existsSync(join(dir, 'dvc')))
  .join(delimiter);

/** pip's own settings on this machine (index, certificates), as a runner's image would set them. */
const pipEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k.startsWith('PIP_')),
) as Record<string, string>;

const dvcYaml = `stages:
  make:
    cmd: mkdir -p data && echo hello > data/a.txt
    outs:
      - data
  count:
    cmd: wc -c data/a.txt > count.txt
    deps:
      - data
    outs:
      - count.txt
`;

describe('on a runner without DVC', () => {
  let moto: MotoS3;
  let workspace: string;
  let env: Record<string, string>;
  let installed: ActionResult;
  let reused: ActionResult;
  let defaulted: ActionResult;
  let pushed: ActionResult;

  beforeAll(async () => {
    moto = await startMotoS3();
    await moto.createBucket('tools');
    workspace = join(await mkdtemp(join(tmpdir(), 'dvc-install-')), 'workspace');
    await mkdir(workspace);
    const dvc = join(venvBin(), 'dvc');
    const sh = (file: string, args: string[]) => execFileAsync(file, args, { cwd: workspace });
    await sh('git', ['init', '--quiet', '-b', 'main']);
    await sh(dvc, ['init', '--quiet']);
    await sh(dvc, ['remote', 'add', '--default', 'storage', 's3://tools/store']);
    await writeFile(join(workspace, 'dvc.yaml'), dvcYaml);
    env = {
      ...pipEnv,
      ...moto.env,
      PATH: pathWithoutDvc,
      DVC_NO_ANALYTICS: '1',
      AWS_ENDPOINT_URL: moto.endpointUrl,
    };
    installed = await runAction({
      action: repro,
      workspace,
      inputs: { 'dvc-version': '3.67.1' },
      env,
      timeoutMs: 900_000,
    });
    const toolCache = installed.paths.toolCache;
    reused = await runAction({
      action: repro,
      workspace,
      inputs: { 'dvc-version': '3.67.1', force: 'true' },
      env: { ...env, RUNNER_TOOL_CACHE: toolCache },
    });
    defaulted = await runAction({
      action: repro,
      workspace,
      env: { ...env, RUNNER_TOOL_CACHE: toolCache },
    });
    pushed = await runAction({
      action: push,
      workspace,
      env: { ...env, RUNNER_TOOL_CACHE: toolCache },
    });
  }, 900_000);
  afterAll(async () => {
    await moto?.stop();
    // The venv is a few hundred megabytes: do not leave one behind per test run.
    if (installed) await rm(installed.paths.root, { recursive: true, force: true });
  });

  test('dvc-version installs that DVC, with the S3 extra the remote needs, into the tool cache', () => {
    expect(installed.exitCode).toBe(0);
    const venv = join(installed.paths.toolCache, 'dvc', '3.67.1');
    expect(installed.log).toContain(`dvc 3.67.1: installing dvc[s3]==3.67.1 into ${venv}/`);
    expect(installed.log).toMatch(new RegExp(`\\[command\\]${venv}/[^/]+/bin/dvc repro --pull\\n`));
    expect(installed.outputs['dvc-version']).toBe('3.67.1');
    expect(JSON.parse(installed.outputs['stages-run']!)).toEqual(['make', 'count']);
  });

  test('the installed venv is marked complete, as @actions/tool-cache expects', () => {
    const entries = readdirSync(join(installed.paths.toolCache, 'dvc', '3.67.1'));
    const venv = entries.find((e) => !e.endsWith('.complete'));
    expect(entries).toContain(`${venv}.complete`);
  });

  test('a later job on the same runner reuses it without installing', () => {
    expect(reused.exitCode).toBe(0);
    expect(reused.log).toMatch(/dvc 3\.67\.1: reusing /);
    expect(reused.log).not.toContain('pip install');
    expect(JSON.parse(reused.outputs['stages-run']!)).toEqual(['make', 'count']);
  });

  test('with no dvc-version and no dvc on PATH, the default version is used', () => {
    expect(defaulted.exitCode).toBe(0);
    expect(defaulted.outputs['dvc-version']).toBe('3.67.1');
    expect(defaulted.log).toMatch(/dvc 3\.67\.1: reusing /);
  });

  test('dvc-push reuses it and reaches S3 through the extra', async () => {
    expect(pushed.exitCode).toBe(0);
    expect(pushed.log).toMatch(/dvc 3\.67\.1: reusing /);
    expect(Number(pushed.outputs['pushed'])).toBeGreaterThan(0);
    expect((await moto.listKeys('tools', 'store/files/')).length).toBeGreaterThan(0);
  });
});
