import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { arch as machineArch } from 'node:os';
import { join } from 'node:path';
import { ExecError, exec } from '../exec.ts';
import { ActionError } from '../pure/errors.ts';
import { retry } from '../pure/retry.ts';
import { info, warning } from '../runtime.ts';
import { isExactVersion, isTransientPipError, pythonToolLayout } from './layout.ts';
import { isExecutableFile } from './which.ts';

/** What ensurePythonTool installs, with which Python, and how patiently. */
export interface PythonToolOptions {
  /** Executable the venv must provide in its bin folder (`dvc`, `bentoml`); also the cache folder name. */
  tool: string;
  /** Exact version (`3.67.1`): the tool cache's version folder. Pin the same version in `packages`. */
  version: string;
  /** pip requirement specifiers, pinned (`['dvc[s3]==3.67.1']`). */
  packages: readonly string[];
  /**
   * Interpreter that creates the venv. Default: `$pythonLocation/bin/python3` when
   * actions/setup-python ran before, else `python3` on PATH.
   */
  python?: string;
  /** Extra `pip install` arguments (`--index-url`, `--constraint <file>`). */
  pipArgs?: readonly string[];
  /** Environment for Python and pip (added to this process's). */
  env?: Record<string, string | undefined>;
  /** Tries of `pip install` when the package index is unreachable (default 3). */
  attempts?: number;
  /** Longest one `pip install` may take (default 15 minutes). */
  timeoutMs?: number;
}

/** A ready Python CLI: where it is, and whether it came from the tool cache or was just installed. */
export interface PythonTool {
  tool: string;
  version: string;
  /** The venv folder inside the tool cache. */
  dir: string;
  /** The venv's bin folder. */
  bin: string;
  /** Full path of the tool's executable: call this, do not put `bin` first on PATH (see below). */
  executable: string;
  /** true when a previous job's venv was reused. */
  cached: boolean;
}

/**
 * ensurePythonTool makes a pinned Python CLI available from a venv kept in the runner's tool cache
 * (`RUNNER_TOOL_CACHE/<tool>/<version>/<arch>-py<X.Y>-<hash>`, found again with
 * `@actions/tool-cache`'s `find`), so a second job on the same runner reuses it, and returns the
 * path of its executable.
 *
 * The venv is built in place, not copied in with `tc.cacheDir`: a venv's scripts hard-code its own
 * path. A folder counts as cached only once its `.complete` marker is written, as tool-cache does.
 * Callers should run `executable` by its full path rather than prepend `bin` to PATH, so commands
 * the tool itself starts (DVC stages: `python train.py`) still find the user's own interpreter.
 */
export async function ensurePythonTool(options: PythonToolOptions): Promise<PythonTool> {
  if (!isExactVersion(options.version)) {
    throw new ActionError(`'${options.version}' is not an exact version of ${options.tool}`, {
      hint: 'Give a full version such as 3.67.1.',
    });
  }
  const toolCache = process.env['RUNNER_TOOL_CACHE'];
  if (!toolCache) {
    throw new ActionError(
      `RUNNER_TOOL_CACHE is not set, so ${options.tool} has nowhere to be installed`,
      {
        hint: 'Run the action on a GitHub Actions runner, or set RUNNER_TOOL_CACHE to a writable folder.',
      },
    );
  }
  const env = { ...options.env, PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' };
  const python = await describePython(options.python ?? defaultPython(), env);
  const layout = pythonToolLayout({
    tool: options.tool,
    version: options.version,
    packages: options.packages,
    pythonVersion: python.version,
    pythonExecutable: python.executable,
    arch: machineArch(),
  });
  const tc = await import('@actions/tool-cache');
  const found = tc.find(layout.tool, layout.version, layout.arch);
  const dir = found || join(toolCache, layout.tool, layout.version, layout.arch);
  const bin = join(dir, 'bin');
  const executable = join(bin, options.tool);
  const result = { tool: options.tool, version: options.version, dir, bin, executable };
  // A venv depends on its base interpreter: a cached one whose interpreter is gone is rebuilt.
  if (found && isExecutableFile(executable) && existsSync(join(bin, 'python'))) {
    info(`${options.tool} ${options.version}: reusing ${dir}`);
    return { ...result, cached: true };
  }

  info(`${options.tool} ${options.version}: installing ${options.packages.join(' ')} into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.complete`, { force: true });
  try {
    await exec(python.command, ['-m', 'venv', dir], {
      env,
      notFoundHint: 'Install Python 3 (or run actions/setup-python first).',
    }).catch((error: unknown) => {
      throw new ActionError(
        `could not create a venv with ${python.command}: ${errorSummary(error)}`,
        {
          hint: 'Install the venv module (Debian: apt-get install python3-venv), or run actions/setup-python first.',
          cause: error,
        },
      );
    });
    const pip = [
      '-m',
      'pip',
      'install',
      '--progress-bar',
      'off',
      ...(options.pipArgs ?? []),
      ...options.packages,
    ];
    await retry(
      () => exec(join(bin, 'python'), pip, { env, timeoutMs: options.timeoutMs ?? 15 * 60_000 }),
      {
        attempts: options.attempts ?? 3,
        baseMs: 2000,
        retryable: (error) =>
          error instanceof ExecError && isTransientPipError(`${error.stdout}\n${error.stderr}`),
        onRetry: (_error, attempt, delayMs) =>
          warning(
            `pip install failed to reach the package index (try ${attempt}); retrying in ${Math.round(delayMs / 1000)}s`,
          ),
      },
    ).catch((error: unknown) => {
      if (error instanceof ActionError && !(error instanceof ExecError)) throw error;
      throw new ActionError(
        `could not install ${options.packages.join(' ')}: ${errorSummary(error)}`,
        {
          hint: 'Check that the version exists on the package index and that the runner can reach it (pip honours PIP_INDEX_URL).',
          cause: error,
        },
      );
    });
    if (!isExecutableFile(executable)) {
      throw new ActionError(
        `${options.packages.join(' ')} installed no '${options.tool}' executable`,
        {
          hint: `Check the package names: one of them must provide the '${options.tool}' command.`,
        },
      );
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  writeFileSync(`${dir}.complete`, '');
  return { ...result, cached: false };
}

function defaultPython(): string {
  const location = process.env['pythonLocation'];
  return location ? join(location, 'bin', 'python3') : 'python3';
}

function errorSummary(error: unknown): string {
  if (error instanceof ExecError) {
    const lines = `${error.stderr}\n${error.stdout}`
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.startsWith('ERROR:'));
    if (lines.length) return lines.slice(-3).join(' / ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** describePython asks an interpreter for its `major.minor` and real path. */
async function describePython(
  command: string,
  env: Record<string, string | undefined>,
): Promise<{ command: string; version: string; executable: string }> {
  const script =
    'import sys, os; print("%d.%d" % sys.version_info[:2]); print(os.path.realpath(sys.executable))';
  const { stdout } = await exec(command, ['-c', script], {
    env,
    silent: true,
    notFoundHint: 'Install Python 3 on the runner, or run actions/setup-python before this step.',
  });
  const [version = '', executable = ''] = stdout.trim().split(/\r?\n/);
  if (!/^\d+\.\d+$/.test(version) || !executable) {
    throw new ActionError(`${command} did not report its version (got '${stdout.trim()}')`, {
      hint: 'Point the action at a Python 3 interpreter.',
    });
  }
  return { command, version, executable };
}
