import { statSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { ActionError } from './pure/errors.ts';
import { redactSecrets } from './pure/redact.ts';
import { group, info, redact } from './runtime.ts';
import { findOnPath } from './tools/which.ts';

/** How to run a tool: where, with what environment, input, time limit and log group. */
export interface ExecOptions {
  cwd?: string;
  /** Added to (and overriding) the current environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  /** Kill the tool (and its children) after this many milliseconds. */
  timeoutMs?: number;
  /** Do not echo the tool's output to the log (it is still captured). */
  silent?: boolean;
  /** Wrap the call in a log group with this title. */
  group?: string;
  /** Exit codes that count as success (default [0]). */
  okCodes?: number[];
  /** Extra values to hide from the log and from error messages. */
  secrets?: string[];
  /** What to tell the user when the tool is not installed. */
  notFoundHint?: string;
  /** Called with each complete line the tool writes to stderr. */
  onStderrLine?: (line: string) => void;
  /** Called with each complete line the tool writes to stdout. */
  onStdoutLine?: (line: string) => void;
  /** Stop the tool (and its children) when this signal aborts; the call then fails. */
  signal?: AbortSignal;
  /**
   * The caller has a log group open around this call: a failure's command line and output are
   * written there, not in a log group of their own.
   */
  inGroup?: boolean;
}

/** What a finished tool left behind. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  /** stdout as the exact bytes the tool wrote (binary-safe). */
  stdoutBytes: Buffer;
  stderr: string;
  durationMs: number;
}

/**
 * ExecError is a tool that failed. Its message is one line: which tool and subcommand, how it
 * ended and the last line it wrote; the full command line and output are in the log (see exec).
 */
export class ExecError extends ActionError {
  readonly command: string;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;

  constructor(
    command: string,
    result: { exitCode: number | null; stdout: string; stderr: string },
    reason: string,
    hint?: string,
  ) {
    const tail = lastLines(result.stderr || result.stdout, 1).slice(0, 300);
    super(`\`${shortCommand(command)}\` ${reason}${tail ? `: ${tail}` : ''}`, {
      hint: hint ?? 'Its full command line and output are in the log just above',
    });
    this.name = 'ExecError';
    this.command = command;
    this.exitCode = result.exitCode;
    this.stdout = result.stdout;
    this.stderr = result.stderr;
  }
}

/**
 * shortCommand names a displayed command line for an error message: the tool's file name and its
 * first word that is not an option (`/opt/venv/bin/dvc push --remote s3 -- a` -> `dvc push`).
 */
export function shortCommand(shown: string): string {
  const words = shown.split(/\s+/).filter(Boolean);
  const tool = basename(words[0] ?? shown);
  const quoted = words.findIndex((w) => w.startsWith("'"));
  const before = words.slice(1, quoted < 0 ? undefined : quoted);
  const sub = before.find((w) => /^[a-z][a-z0-9-]*$/.test(w));
  return sub ? `${tool} ${sub}` : tool;
}

/** lastLines keeps the last `count` non-empty lines of a tool's output, joined by " / ". */
export function lastLines(text: string, count: number): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-count)
    .join(' / ');
}

/** displayCommand renders argv for a log line (quoted where needed); never used to run anything. */
export function displayCommand(command: string, args: readonly string[]): string {
  return [command, ...args]
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

function splitLines(onLine: (line: string) => void): { push(chunk: string): void; end(): void } {
  let rest = '';
  return {
    push(chunk) {
      rest += chunk;
      let nl = rest.indexOf('\n');
      while (nl >= 0) {
        onLine(rest.slice(0, nl).replace(/\r$/, ''));
        rest = rest.slice(nl + 1);
        nl = rest.indexOf('\n');
      }
    },
    end() {
      if (rest) onLine(rest);
      rest = '';
    },
  };
}

/**
 * exec runs a tool from an argv array (never a shell string), echoes its output to the log with
 * secrets masked, and throws an ExecError naming the command and the last lines of its stderr.
 *
 * Tools run through `@actions/exec`'s `getExecOutput`, except a call that may have to be stopped
 * (`signal`, `timeoutMs`) or that feeds the tool `input`: `@actions/exec` 3 gives no handle on the
 * child, so it can neither stop it nor kill its children, and it writes `input` to a stdin with no
 * error handler, so a tool that exits without reading it crashes the action with EPIPE (tried
 * here: `true` given a single byte, within 200 runs). Those calls run in `spawnOwned`.
 */
export async function exec(
  command: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const body = () => run(command, args, options);
  return options.group ? group(options.group, body) : body();
}

/** What both ways of running a tool share: masking, the log echo, the failure funnel. */
interface Call {
  command: string;
  args: readonly string[];
  options: ExecOptions;
  shown: string;
  hide(text: string): string;
  env: Record<string, string>;
  started: number;
  out: Buffer[];
  err: Buffer[];
  outLines: { push(chunk: string): void; end(): void };
  errLines: { push(chunk: string): void; end(): void };
}

async function run(
  command: string,
  args: readonly string[],
  options: ExecOptions,
): Promise<ExecResult> {
  const hide = (text: string) => redactSecrets(redact(text), options.secrets ?? []);
  const shown = hide(displayCommand(command, args));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...options.env }))
    if (v !== undefined) env[k] = v;
  const missing = options.cwd === undefined ? undefined : missingFolder(options.cwd);
  if (missing) throw missing(basename(command));
  if (!options.silent) info(`[command]${shown}`);
  const echo = (stream: NodeJS.WriteStream, onLine?: (line: string) => void) =>
    splitLines((line) => {
      onLine?.(line);
      if (!options.silent) stream.write(`${hide(line)}\n`);
    });
  const call: Call = {
    command,
    args,
    options,
    shown,
    hide,
    env,
    started: Date.now(),
    out: [],
    err: [],
    outLines: echo(process.stdout, options.onStdoutLine),
    errLines: echo(process.stderr, options.onStderrLine),
  };
  if (options.signal?.aborted) throw failed(call, { exitCode: null }, 'was stopped');
  const owned = options.signal || options.timeoutMs || options.input !== undefined;
  return owned ? spawnOwned(call) : runWithActionsExec(call);
}

/** runWithActionsExec runs a tool that needs no input and is never stopped early. */
async function runWithActionsExec(call: Call): Promise<ExecResult> {
  const { getExecOutput } = await import('@actions/exec');
  let exitCode: number | null;
  try {
    ({ exitCode } = await getExecOutput(located(call.command), [...call.args], {
      cwd: call.options.cwd,
      env: call.env,
      silent: true,
      ignoreReturnCode: true,
      listeners: {
        stdout: (chunk) => received(call, 'out', chunk),
        stderr: (chunk) => received(call, 'err', chunk),
      },
    }));
  } catch (e) {
    throw startFailure(call, e instanceof Error ? e.message : String(e));
  }
  // A tool killed by a signal has no exit code; @actions/exec passes on Node's null.
  return finished(call, exitCode ?? null, null);
}

/** Where each tool named without a folder was found, by PATH: a step runs git a dozen times. */
const foundOnPath = new Map<string, string>();

/**
 * located gives `@actions/exec` the tool's full path when PATH has it, found once a process:
 * given a bare name, it looks through every folder of PATH on every call (about 1 ms with 17
 * folders). A tool not found is passed on as named, for `@actions/exec` to say so.
 */
function located(command: string): string {
  if (command.includes('/')) return command;
  const key = `${process.env['PATH'] ?? ''}\0${command}`;
  let path = foundOnPath.get(key);
  if (path === undefined) {
    path = findOnPath(command);
    if (path !== undefined) foundOnPath.set(key, path);
  }
  return path ?? command;
}

/**
 * spawnOwned runs a tool in a process group of its own, so a timeout or an abort stops the tool
 * and its children, and feeds `input` to a stdin whose errors are handled (a tool may exit
 * without reading it; its exit code tells the story).
 */
async function spawnOwned(call: Call): Promise<ExecResult> {
  const { spawn } = await import('node:child_process');
  const { options } = call;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(call.command, call.args, {
      cwd: options.cwd,
      env: call.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let ending: 'timed out' | 'stopped' | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (why: 'timed out' | 'stopped') => {
      ending ??= why;
      killGroup(child.pid, 'SIGTERM');
      killTimer ??= setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
    };
    const onAbort = () => stop('stopped');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      options.timeoutMs && options.timeoutMs > 0
        ? setTimeout(() => stop('timed out'), options.timeoutMs)
        : undefined;
    const settle = () => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.stdout.on('data', (chunk: Buffer) => received(call, 'out', chunk));
    child.stderr.on('data', (chunk: Buffer) => received(call, 'err', chunk));
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    child.on('error', (e: NodeJS.ErrnoException) => {
      settle();
      reject(startFailure(call, e.code === 'ENOENT' ? 'ENOENT' : e.message));
    });
    child.on('close', (code, signal) => {
      settle();
      try {
        resolvePromise(finished(call, code, signal, ending));
      } catch (e) {
        reject(e);
      }
    });
  });
}

function received(call: Call, stream: 'out' | 'err', chunk: Buffer): void {
  call[stream].push(chunk);
  call[stream === 'out' ? 'outLines' : 'errLines'].push(chunk.toString('utf8'));
}

/** finished turns how a tool ended into its result, or the one-line ExecError. */
function finished(
  call: Call,
  code: number | null,
  signal: NodeJS.Signals | null,
  ending?: 'timed out' | 'stopped',
): ExecResult {
  call.outLines.end();
  call.errLines.end();
  const stdoutBytes = Buffer.concat(call.out);
  const result = {
    exitCode: code ?? -1,
    stdout: stdoutBytes.toString('utf8'),
    stdoutBytes,
    stderr: Buffer.concat(call.err).toString('utf8'),
    durationMs: Date.now() - call.started,
  };
  const seconds = Math.round((call.options.timeoutMs ?? 0) / 1000);
  if (ending === 'timed out') {
    throw failed(
      call,
      { exitCode: code },
      `timed out after ${seconds}s`,
      'Raise the timeout, or find out why the tool hangs (its output is in the log just above)',
    );
  }
  if (ending === 'stopped') throw failed(call, { exitCode: code }, 'was stopped');
  if (code === null)
    throw failed(call, { exitCode: code }, `was killed by ${signal ?? 'a signal'}`);
  if (!(call.options.okCodes ?? [0]).includes(code)) {
    throw failed(call, { exitCode: code }, `exited with code ${code}`);
  }
  return result;
}

/** failed builds the ExecError for a tool that ran and writes its details to the log. */
function failed(
  call: Call,
  how: { exitCode: number | null },
  reason: string,
  hint?: string,
): ExecError {
  const error = new ExecError(
    call.shown,
    {
      exitCode: how.exitCode,
      stdout: call.hide(Buffer.concat(call.out).toString('utf8')),
      stderr: call.hide(Buffer.concat(call.err).toString('utf8')),
    },
    reason,
    hint,
  );
  logFailure(call.shown, error, call.options);
  return error;
}

/**
 * startFailure names why a tool did not start: the folder it was to run in went away, the tool is
 * not installed (`@actions/exec` looks it up on PATH first: "Unable to locate executable file"),
 * or the system refused to run it.
 */
function startFailure(call: Call, message: string): ActionError {
  const { command, options } = call;
  const gone = options.cwd === undefined ? undefined : missingFolder(options.cwd);
  if (gone) return gone(basename(command));
  if (message === 'ENOENT' || /^Unable to locate executable file/.test(message)) {
    return new ActionError(`\`${command}\` was not found on PATH`, {
      hint: options.notFoundHint ?? `Install ${command} on the runner, or add it to PATH.`,
    });
  }
  return new ActionError(`\`${call.shown}\` could not start: ${call.hide(message)}`);
}

/**
 * missingFolder checks the folder a tool is to start in. Node reports a missing working folder as
 * ENOENT, the same code as a missing tool: without this check, the error would blame the tool.
 */
function missingFolder(cwd: string): ((tool: string) => ActionError) | undefined {
  let problem: string | undefined;
  try {
    if (!statSync(cwd).isDirectory()) problem = 'is not a folder';
  } catch {
    problem = 'does not exist';
  }
  if (!problem) return undefined;
  const shown = displayFolder(cwd);
  return (tool) =>
    new ActionError(`the folder '${shown}' that \`${tool}\` was to run in ${problem}`, {
      hint: 'Check the working-directory input (relative to the repository root) and that an earlier step created the folder',
    });
}

/** displayFolder shows a folder relative to the workspace when it is inside it. */
function displayFolder(folder: string): string {
  const workspace = process.env['GITHUB_WORKSPACE'];
  const full = resolve(folder);
  if (!workspace) return full;
  const rel = relative(resolve(workspace), full);
  if (!rel) return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? full : rel.split(sep).join('/');
}

/**
 * logFailure writes what a failed tool did where a person reads it: the full command line, how it
 * ended, and (for a silent call, whose output was not echoed) its output, indented so that no line
 * of it is taken for a workflow command; in a log group of its own unless the caller has one open.
 * The error itself stays one line.
 */
function logFailure(shown: string, error: ExecError, options: ExecOptions): void {
  const how =
    error.exitCode === null ? 'ended without an exit code' : `exit code ${error.exitCode}`;
  const lines = [`[command]${shown}`, `(${how})`];
  // Output that was echoed is in the log already, just above: only a silent call's is written here.
  if (options.silent) {
    const all = [error.stderr, error.stdout]
      .join('\n')
      .split(/\r?\n/)
      .filter((l) => l.trim());
    if (all.length > 400) lines.push(`(${all.length - 400} earlier lines left out)`);
    lines.push(...all.slice(-400).map((l) => `  ${l}`));
  }
  const body = `${lines.join('\n')}\n`;
  if (options.inGroup || options.group) {
    process.stdout.write(body);
    return;
  }
  process.stdout.write(`::group::\`${shortCommand(shown)}\` failed: its command line and output\n`);
  process.stdout.write(body);
  process.stdout.write('::endgroup::\n');
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
