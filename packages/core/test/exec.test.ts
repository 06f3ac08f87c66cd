import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { ActionError, displayCommand, ExecError, exec, findUp, Git } from '../src/index.ts';

const node = process.execPath;

describe('exec', () => {
  test('passes argv untouched: shell metacharacters are just text', async () => {
    const result = await exec(
      node,
      ['-e', 'console.log(process.argv[1])', '$(touch pwned); `id` | x'],
      { silent: true },
    );
    expect(result.stdout.trim()).toBe('$(touch pwned); `id` | x');
  });

  test('a failing tool raises an error naming the command, exit code and last stderr lines', async () => {
    const script = 'for (let i = 1; i <= 20; i++) console.error("line " + i); process.exit(3)';
    const error = await exec(node, ['-e', script], { silent: true }).catch((e) => e);
    expect(error).toBeInstanceOf(ExecError);
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/exited with code 3: line 13 \/ .* \/ line 20$/);
    expect(error.message).not.toContain('line 12 ');
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
