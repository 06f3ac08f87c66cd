import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ExecError, type ExecResult, exec } from '../exec.ts';
import { ActionError } from '../pure/errors.ts';
import { retry } from '../pure/retry.ts';
import { group, warning } from '../runtime.ts';
import { findOnPath } from '../tools/which.ts';
import {
  type DvcRemote,
  type DvcRemotes,
  describeRemote,
  dvcExtras,
  dvcRequirement,
  parseConfigList,
  parseDvcConfig,
  resolveLocalRemotes,
} from './config.ts';
import { CAUSE_TEXT, transientCause } from './errors.ts';
import type { LogLine } from './log.ts';

/** The DVC version installed when a workflow asks for none and none is on PATH (pinned with the tests' venv). */
export const DEFAULT_DVC_VERSION = '3.67.1';

/** A DVC executable to call and where it came from. */
export interface DvcCli {
  executable: string;
  version: string;
  source: 'path' | 'tool-cache' | 'installed';
}

/** How to find or install DVC. */
export interface SetupDvcOptions {
  /** Exact version to install into the tool cache; empty uses `dvc` from PATH when there is one. */
  version?: string;
  /** The project folder: its .dvc/config tells which remote extras (`s3`, `gs`…) to install. */
  projectDir: string;
  /** pip extras to install instead of the ones the project's remotes need. */
  extras?: string[];
  /** Environment for pip (index URL, certificates). */
  env?: Record<string, string | undefined>;
}

/**
 * setupDvc returns the DVC to use: `dvc` from PATH when no version is asked, otherwise the asked
 * (or default) version with the extras the project's remotes need, from a venv in the tool cache.
 */
export async function setupDvc(options: SetupDvcOptions): Promise<DvcCli> {
  if (!options.version) {
    const onPath = findOnPath('dvc');
    if (onPath) return { executable: onPath, version: await dvcVersion(onPath), source: 'path' };
  }
  const version = options.version || DEFAULT_DVC_VERSION;
  const extras = options.extras ?? dvcExtras(remotesFromFiles(options.projectDir).remotes);
  const requirement = dvcRequirement(version, extras);
  // Loaded only to install: with DVC on PATH, a step's start does without it (and node:crypto).
  const { ensurePythonTool } = await import('../tools/python-tool.ts');
  const tool = await group(`Set up DVC ${version}`, () =>
    ensurePythonTool({
      tool: 'dvc',
      version,
      packages: [requirement],
      ...(options.env ? { env: options.env } : {}),
    }),
  );
  return { executable: tool.executable, version, source: tool.cached ? 'tool-cache' : 'installed' };
}

/**
 * remotesFromFiles reads the remotes from the project's `.dvc/config` and `.dvc/config.local`
 * without starting DVC (user- and system-level remotes are not seen; readRemotes sees them).
 */
export function remotesFromFiles(projectDir: string): DvcRemotes {
  const root = findDvcRoot(projectDir);
  const read = (name: string) => {
    const file = root ? join(root, '.dvc', name) : '';
    return file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  const remotes = parseDvcConfig(read('config'), read('config.local'));
  return root ? resolveLocalRemotes(remotes, join(root, '.dvc')) : remotes;
}

/**
 * dvcVersion tells a DVC executable's version: from the package metadata next to it when it was
 * installed by pip (a venv, pipx, conda), which costs nothing, else by asking `dvc --version`
 * (half a second of Python start-up).
 */
export async function dvcVersion(executable: string): Promise<string> {
  const fromFiles = dvcVersionFromFiles(executable);
  if (fromFiles) return fromFiles;
  const { stdout } = await exec(executable, ['--version'], { silent: true, env: dvcEnv() });
  return stdout.trim().split(/\r?\n/).pop() ?? '';
}

/** dvcVersionFromFiles reads `dvc-<version>.dist-info` in the site-packages beside a pip-installed dvc. */
export function dvcVersionFromFiles(executable: string): string | undefined {
  try {
    const lib = join(dirname(dirname(realpathSync(executable))), 'lib');
    for (const python of readdirSync(lib).filter((name) => /^python3\.\d+$/.test(name))) {
      const site = join(lib, python, 'site-packages');
      if (!existsSync(site)) continue;
      const infos = readdirSync(site)
        .map((name) => /^dvc-(\d+\.\d+\.\d+[^-]*)\.dist-info$/.exec(name)?.[1])
        .filter((v): v is string => v !== undefined);
      if (infos.length === 1) return infos[0];
    }
  } catch {
    // Not a pip layout: ask DVC.
  }
  return undefined;
}

/** findDvcRoot walks up from a folder to the one holding `.dvc/`, or undefined. */
export function findDvcRoot(from: string): string | undefined {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, '.dvc'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** dvcEnv is the environment DVC runs in: no analytics, unbuffered stage output, no git prompts. */
export function dvcEnv(
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    DVC_NO_ANALYTICS: process.env['DVC_NO_ANALYTICS'] ?? '1',
    // Stage commands are mostly Python: without this their output reaches the log in one lump at the end.
    PYTHONUNBUFFERED: process.env['PYTHONUNBUFFERED'] ?? '1',
    GIT_TERMINAL_PROMPT: '0',
    ...extra,
  };
}

/** What a DVC command printed, line by line with arrival times, and how it ended. */
export interface DvcRun {
  lines: LogLine[];
  result?: ExecResult;
  error?: unknown;
  startedAt: number;
  endedAt: number;
}

/** runDvc runs one DVC command, echoing and recording its output; it never throws for a non-zero exit. */
export async function runDvc(
  cli: DvcCli,
  args: readonly string[],
  options: {
    cwd: string;
    env?: Record<string, string | undefined>;
    silent?: boolean;
    /** The caller has a log group open (a failure's output is written there). */
    inGroup?: boolean;
    signal?: AbortSignal;
    /** Called with each line as DVC prints it (to stop it early, with `signal`). */
    onLine?: (text: string) => void;
  },
): Promise<DvcRun> {
  const lines: LogLine[] = [];
  const startedAt = performance.now();
  const record = (stream: LogLine['stream']) => (text: string) => {
    lines.push({ text, stream, at: performance.now() });
    options.onLine?.(text);
  };
  try {
    const result = await exec(cli.executable, args, {
      cwd: options.cwd,
      env: dvcEnv(options.env),
      silent: options.silent ?? false,
      onStdoutLine: record('stdout'),
      onStderrLine: record('stderr'),
      notFoundHint: 'Leave dvc-version empty only when DVC is installed on the runner.',
      // A stage's command inherits DVC's stdin: one that reads it sees its end, as in a shell
      // step, instead of waiting on a pipe nobody writes to.
      ...(args[0] === 'repro' ? { input: '' } : {}),
      ...(options.inGroup ? { inGroup: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { lines, result, startedAt, endedAt: performance.now() };
  } catch (error) {
    return { lines, error, startedAt, endedAt: performance.now() };
  }
}

/** outputOf joins a run's stderr and stdout for matching DVC's messages. */
export function outputOf(run: DvcRun): string {
  if (run.error instanceof ExecError) return `${run.error.stderr}\n${run.error.stdout}`;
  if (run.error instanceof Error) return run.error.message;
  return run.lines.map((l) => l.text).join('\n');
}

/**
 * runDvcWithRetry runs a DVC command and runs it again, with exponential backoff, only while it
 * fails on a transient remote error (never for a failed stage). Each retry warns in one line which
 * remote failed and why. Returns the last run and how many tries it took.
 */
export async function runDvcWithRetry(
  cli: DvcCli,
  args: readonly string[],
  options: {
    cwd: string;
    env?: Record<string, string | undefined>;
    attempts: number;
    baseMs?: number;
    /** The remote the command talks to, named in the retry warnings. */
    remote?: DvcRemote;
    inGroup?: boolean;
    signal?: AbortSignal;
    onLine?: (text: string) => void;
  },
): Promise<{ run: DvcRun; attempts: number }> {
  let last: DvcRun | undefined;
  let tries = 0;
  return retryTransient(
    async () => {
      tries++;
      last = await runDvc(cli, args, options);
      // A run the caller stopped is not retried.
      if (options.signal?.aborted) return undefined;
      return last.error instanceof ExecError ? transientCause(outputOf(last)) : undefined;
    },
    { ...options, what: `\`dvc ${args[0]}\`` },
  ).then(() => ({ run: last!, attempts: tries }));
}

/**
 * retryTransient calls `fn` until it reports no transient cause or the tries run out, with
 * exponential backoff and one warning per retry naming the remote and the cause.
 */
export async function retryTransient(
  fn: () => Promise<RemoteCauseName | undefined>,
  options: { attempts: number; baseMs?: number; remote?: DvcRemote; what: string },
): Promise<void> {
  const transient = new Error('transient');
  const remote = options.remote ? `DVC remote ${describeRemote(options.remote)}` : 'the DVC remote';
  let cause: RemoteCauseName | undefined;
  await retry(
    async () => {
      cause = await fn();
      if (cause) throw transient;
    },
    {
      attempts: Math.max(1, options.attempts),
      baseMs: options.baseMs ?? 2000,
      maxMs: 30_000,
      retryable: (e) => e === transient,
      onRetry: (_e, attempt, delayMs) =>
        warning(
          `${remote} ${cause ? CAUSE_TEXT[cause] : 'failed'} during ${options.what} (try ${attempt} of ${options.attempts}): a transient remote error; retrying in ${(delayMs / 1000).toFixed(1)} s`,
        ),
    },
  ).catch((e: unknown) => {
    if (e !== transient) throw e;
  });
}

type RemoteCauseName = NonNullable<ReturnType<typeof transientCause>>;

/** What probing a remote found: reachable, or the error chain Python raised. */
export interface RemoteProbe {
  ok: boolean;
  /** The error messages, outermost first (a FileNotFoundError over a connection error, say). */
  errors: string[];
}

// Runs in DVC's own Python: opens the remote as DVC does (its config, credentials, endpoint) and
// asks for the info of its root. Filesystems that turn a failed connection into "not found"
// (fsspec's HTTP) keep the connection error as the exception's cause, which is printed too.
const PROBE = `
import json, sys
def chain(e):
    out, seen = [], set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        out.append(f"{type(e).__name__}: {e}")
        e = e.__cause__ or e.__context__
    return out
try:
    from dvc.repo import Repo
    remote = Repo(".").cloud.get_remote(sys.argv[1] or None)
    try:
        remote.fs.info(remote.path)
        print(json.dumps({"ok": True, "errors": []}))
    except FileNotFoundError as e:
        print(json.dumps({"ok": True, "errors": chain(e)[1:]}))
except Exception as e:
    print(json.dumps({"ok": False, "errors": chain(e)}))
`;

/** dvcPython finds the Python interpreter a pip-installed dvc runs with (its shebang), or undefined. */
export function dvcPython(executable: string): string | undefined {
  try {
    const head = readFileSync(executable).subarray(0, 256).toString('utf8');
    const shebang = /^#!\s*(\S*python[\d.]*)\s*$/m.exec(head.split('\n')[0] ?? '');
    return shebang?.[1] && existsSync(shebang[1]) ? shebang[1] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * probeRemote asks DVC's Python whether a remote answers: DVC's own pull treats a remote that
 * cannot be reached like one that lacks the data, and recomputes in silence. Undefined when the
 * probe could not run (DVC not installed by pip, an API that moved): nothing is known then.
 */
export async function probeRemote(
  cli: DvcCli,
  cwd: string,
  remote: string | undefined,
): Promise<RemoteProbe | undefined> {
  const python = dvcPython(cli.executable);
  if (!python) return undefined;
  try {
    const result = await exec(python, ['-c', PROBE, remote ?? ''], {
      cwd,
      env: dvcEnv(),
      silent: true,
      timeoutMs: 120_000,
    });
    const line = result.stdout.trim().split('\n').pop() ?? '';
    const parsed = JSON.parse(line) as RemoteProbe;
    return { ok: parsed.ok === true, errors: Array.isArray(parsed.errors) ? parsed.errors : [] };
  } catch {
    return undefined;
  }
}

/** readRemotes asks DVC for every configured remote (all config levels merged), or undefined. */
export async function readRemotes(cli: DvcCli, cwd: string): Promise<DvcRemotes | undefined> {
  const run = await runDvc(cli, ['config', '--list'], { cwd, silent: true });
  if (!run.result) return undefined;
  const root = findDvcRoot(cwd);
  const remotes = parseConfigList(run.result.stdout);
  return root ? resolveLocalRemotes(remotes, join(root, '.dvc')) : remotes;
}

/** usedRemote picks the remote a command uses: the named one, else the default. */
export function usedRemote(
  remotes: DvcRemotes | undefined,
  name: string | undefined,
): DvcRemote | undefined {
  const wanted = name || remotes?.defaultRemote;
  return (
    remotes?.remotes.find((r) => r.name === wanted) ??
    (wanted ? { name: wanted, url: '' } : undefined)
  );
}

/** requireRemote fails with the configured names when `name` is not a remote of the project. */
export function requireRemote(remotes: DvcRemotes | undefined, name: string): DvcRemote {
  const remote = remotes?.remotes.find((r) => r.name === name);
  if (remote) return remote;
  const names = remotes?.remotes
    .map((r) => `'${r.name}'${r.name === remotes.defaultRemote ? ' (default)' : ''}`)
    .join(', ');
  throw new ActionError(`DVC remote '${name}' is not configured in this project`, {
    hint: `${names ? `Configured remotes: ${names}.` : 'The project configures no remote.'} Fix 'remote', or add it with \`dvc remote add\` and commit .dvc/config`,
  });
}
