import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as actionsExec from '@actions/exec';
import { describe, expect, test, vi } from 'vitest';
import {
  ActionError,
  displayCommand,
  ExecError,
  exec,
  findUp,
  Git,
  shortCommand,
} from '../src/index.ts';
import { findOnPath } from '../src/tools/which.ts';

/** captureOutput records what is written to stdout and stderr until stop(). */
function captureOutput(): { stop(): string } {
  const chunks: string[] = [];
  const record = (c: string | Uint8Array) => {
    chunks.push(String(c));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(record);
  vi.spyOn(process.stderr, 'write').mockImplementation(record);
  return {
    stop() {
      vi.restoreAllMocks();
      return chunks.join('');
    },
  };
}

const node = process.execPath;

// The real @actions/exec, watched: which calls go through it.
vi.mock('@actions/exec', async (original) => {
  const actual = await original<typeof import('@actions/exec')>();
  return { ...actual, getExecOutput: vi.fn(actual.getExecOutput) };
});

/** The process group of a tool exec starts (the shell's, which `cut` shares). */
async function groupOf(options: { input?: string; timeoutMs?: number } = {}): Promise<string> {
  const result = await exec('sh', ['-c', 'cut -d " " -f 5 /proc/self/stat'], {
    silent: true,
    ...options,
  });
  return result.stdout.trim();
}

describe('exec', () => {
  test('passes argv untouched: shell metacharacters are just text', async () => {
    const result = await exec(
      node,
      ['-e', 'console.log(process.argv[1])', '$(touch pwned); `id` | x'],
      { silent: true },
    );
    expect(result.stdout.trim()).toBe('$(touch pwned); `id` | x');
  });

  test('a failing tool raises a one-line error: the tool, its exit code, its last line', async () => {
    const script = 'for (let i = 1; i <= 20; i++) console.error("line " + i); process.exit(3)';
    const error = await exec(node, ['-e', script], { silent: true }).catch((e) => e);
    expect(error).toBeInstanceOf(ExecError);
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe('`node` exited with code 3: line 20');
    expect(error.hint).toBe('Its full command line and output are in the log just above');
    expect(error.stderr).toContain('line 1\n');
  });

  test('a failure writes the full command line and output to a log group above the error', async () => {
    const printed = captureOutput();
    const script = 'for (let i = 1; i <= 3; i++) console.error("line " + i); process.exit(2)';
    await exec(node, ['-e', script], { silent: true }).catch(() => undefined);
    const log = printed.stop();
    expect(log).toContain('::group::`node` failed: its command line and output\n');
    expect(log).toContain(`[command]${node} -e`);
    expect(log).toContain(
      "process.exit(2)'\n(exit code 2)\n  line 1\n  line 2\n  line 3\n::endgroup::\n",
    );
  });

  test("inside a caller's log group, the failure details go into that group", async () => {
    const printed = captureOutput();
    await exec(node, ['-e', 'process.exit(4)'], { silent: true, inGroup: true }).catch(
      () => undefined,
    );
    const log = printed.stop();
    expect(log).not.toContain('::group::');
    expect(log).toContain('(exit code 4)');
  });

  test.each([
    ['git', ['status']],
    [node, ['-e', '0']],
    ['definitely-not-a-tool', []],
  ])('a missing working folder is named as missing, for %s', async (tool, args) => {
    const root = mkdtempSync(join(tmpdir(), 'exec-cwd-'));
    const error = await exec(tool, args as string[], {
      silent: true,
      cwd: join(root, 'no-such-folder'),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect(error.message).toMatch(
      /^the folder '.*\/no-such-folder' that `[^`]+` was to run in does not exist$/,
    );
    expect(error.message).not.toContain('PATH');
  });

  test('a working folder is shown relative to the workspace', async () => {
    const root = mkdtempSync(join(tmpdir(), 'exec-ws-'));
    vi.stubEnv('GITHUB_WORKSPACE', root);
    const error = await exec('git', ['status'], { silent: true, cwd: join(root, 'ml') }).catch(
      (e) => e,
    );
    vi.unstubAllEnvs();
    expect(error.message).toBe("the folder 'ml' that `git` was to run in does not exist");
  });

  test('a working folder that is a file is named as not a folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'exec-file-'));
    writeFileSync(join(root, 'f'), '');
    const error = await exec('git', ['status'], { silent: true, cwd: join(root, 'f') }).catch(
      (e) => e,
    );
    expect(error.message).toMatch(/that `git` was to run in is not a folder$/);
  });

  test('an aborted signal stops the tool and its children', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = exec(node, ['-e', 'setTimeout(() => {}, 60000)'], {
      silent: true,
      signal: controller.signal,
    }).catch((e) => e);
    setTimeout(() => controller.abort(), 200);
    const error = await pending;
    expect(error).toBeInstanceOf(ExecError);
    expect(error.message).toBe('`node` was stopped');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test("a plain call runs through @actions/exec, in the action's own process group", async () => {
    const getExecOutput = vi.mocked(actionsExec.getExecOutput);
    getExecOutput.mockClear();
    const ours = readFileSync('/proc/self/stat', 'utf8').split(' ')[4];
    expect(await groupOf()).toBe(ours);
    expect(getExecOutput).toHaveBeenCalledTimes(1);
    // Found on PATH once, and handed over by its full path.
    expect(getExecOutput.mock.calls[0]?.slice(0, 2)).toEqual([
      findOnPath('sh'),
      ['-c', 'cut -d " " -f 5 /proc/self/stat'],
    ]);
  });

  test('a call with input or a time limit runs in a process group of its own', async () => {
    const getExecOutput = vi.mocked(actionsExec.getExecOutput);
    getExecOutput.mockClear();
    const ours = readFileSync('/proc/self/stat', 'utf8').split(' ')[4];
    expect(await groupOf({ input: '' })).not.toBe(ours);
    expect(await groupOf({ timeoutMs: 60_000 })).not.toBe(ours);
    expect(getExecOutput).not.toHaveBeenCalled();
  });

  test('input a tool never reads is no crash: its exit code decides', async () => {
    // @actions/exec would end stdin with no error handler: EPIPE within a few of these runs.
    const input = Buffer.alloc(256 * 1024, 'x');
    for (let i = 0; i < 50; i++) {
      const error = await exec(node, ['-e', 'process.exit(3)'], { silent: true, input }).catch(
        (e) => e,
      );
      expect(error.message).toBe('`node` exited with code 3');
    }
  });

  test('a tool killed by a signal is named as such', async () => {
    const error = await exec(node, ['-e', 'process.kill(process.pid, "SIGKILL")'], {
      silent: true,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ExecError);
    expect(error.message).toMatch(/^`node` was killed by (SIGKILL|a signal)$/);
  });

  test('output without a final newline still reaches the line callbacks', async () => {
    const lines: string[] = [];
    await exec(node, ['-e', 'process.stdout.write("a\\nb")'], {
      silent: true,
      onStdoutLine: (l) => lines.push(l),
    });
    expect(lines).toEqual(['a', 'b']);
  });

  test('shortCommand names the tool and its subcommand', () => {
    expect(shortCommand('/opt/venv/bin/dvc push --remote s3 -- a')).toBe('dvc push');
    expect(shortCommand('git -c a=b fetch origin')).toBe('git fetch');
    expect(shortCommand('/usr/bin/node -e 0')).toBe('node');
    expect(shortCommand("node -e 'console.log(1)' x")).toBe('node');
  });

  test('a missing tool says so and how to fix it', async () => {
    const error = await exec('definitely-not-a-tool', [], {
      silent: true,
      notFoundHint: 'Install it with pip.',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect([error.message, error.hint]).toEqual([
      '`definitely-not-a-tool` was not found on PATH',
      'Install it with pip.',
    ]);
  });

  test('a tool that runs too long is killed with its children and reported', async () => {
    const started = Date.now();
    const error = await exec(node, ['-e', 'setTimeout(() => {}, 60000)'], {
      silent: true,
      timeoutMs: 300,
    }).catch((e) => e);
    expect(error.message).toMatch(/timed out after 0s/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('okCodes accepts other exit codes', async () => {
    const result = await exec(node, ['-e', 'process.exit(1)'], { silent: true, okCodes: [0, 1] });
    expect(result.exitCode).toBe(1);
  });

  test('secrets never reach the log or the error message', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      lines.push(String(c));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      lines.push(String(c));
      return true;
    });
    const error = await exec(
      node,
      ['-e', 'console.error("using hunter22"); process.exit(1)', 'hunter22'],
      { secrets: ['hunter22'] },
    ).catch((e) => e);
    vi.restoreAllMocks();
    expect(lines.join('')).not.toContain('hunter22');
    expect(error.message).not.toContain('hunter22');
    expect(lines.join('')).toContain('using ***');
  });

  test('feeds stdin and applies environment changes', async () => {
    const result = await exec(
      node,
      [
        '-e',
        'process.stdout.write((process.env.X ?? "-") + (process.env.HOME ?? "-")); process.stdin.pipe(process.stdout)',
      ],
      {
        silent: true,
        input: 'in:',
        env: { X: 'y', HOME: undefined },
      },
    );
    expect(result.stdout).toBe('y-in:');
  });

  test('displayCommand quotes only what needs it', () => {
    expect(displayCommand('git', ['commit', '-m', "it's done", '--', 'a.txt'])).toBe(
      `git commit -m 'it'\\''s done' -- a.txt`,
    );
  });
});

describe('Git', () => {
  test('reads the state of a real repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'git-'));
    const git = new Git(dir);
    await git.run(['init', '-q', '-b', 'main']);
    writeFileSync(join(dir, 'a.txt'), 'one\n');
    await git.run(['add', 'a.txt']);
    await git.run([
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      'commit',
      '-q',
      '-m',
      'first',
    ]);
    writeFileSync(join(dir, 'a.txt'), 'two\n');
    writeFileSync(join(dir, 'b.txt'), 'new\n');
    const head = await git.revParse('HEAD');
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(await git.revParse('no-such-branch')).toBeUndefined();
    expect(await git.currentBranch()).toBe('main');
    expect(await git.isShallow()).toBe(false);
    expect((await git.show('HEAD', 'a.txt'))?.toString()).toBe('one\n');
    expect(await git.show('HEAD', 'missing.txt')).toBeUndefined();
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x80]);
    writeFileSync(join(dir, 'image.png'), binary);
    await git.run(['add', 'image.png']);
    await git.run([
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      'commit',
      '-q',
      '-m',
      'image',
    ]);
    expect(await git.show('HEAD', 'image.png')).toEqual(binary);
    expect((await git.changedPaths(['.'])).sort()).toEqual(['a.txt', 'b.txt']);
    await git.run(['checkout', '-q', '--detach']);
    expect(await git.currentBranch()).toBeUndefined();
  });
});

describe('findUp', () => {
  test('finds the nearest folder holding a name, or nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'findup-'));
    const deep = join(root, 'a', 'b');
    mkdirSync(join(root, '.dvc'), { recursive: true });
    mkdirSync(deep, { recursive: true });
    expect(findUp(deep, '.dvc')).toBe(root);
    expect(findUp(deep, 'no-such-marker-anywhere')).toBeUndefined();
  });
});
