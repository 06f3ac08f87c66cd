import { ActionError } from './pure/errors.ts';
import { redactSecrets } from './pure/redact.ts';
import { group, info, redact } from './runtime.ts';

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

/** ExecError is a tool that failed: the command, its exit code and the last lines of its stderr. */
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
    const tail = lastLines(result.stderr || result.stdout, 8);
    super(`\`${command}\` ${reason}${tail ? `: ${tail}` : ''}`, hint === undefined ? {} : { hint });
    this.name = 'ExecError';
    this.command = command;
    this.exitCode = result.exitCode;
    this.stdout = result.stdout;
    this.stderr = result.stderr;
  }
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
 */
export async function exec(
  command: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const body = () => spawnTool(command, args, options);
  return options.group ? group(options.group, body) : body();
}

async function spawnTool(
  command: string,
  args: readonly string[],
  options: ExecOptions,
): Promise<ExecResult> {
  const { spawn } = await import('node:child_process');
  const hide = (text: string) => redactSecrets(redact(text), options.secrets ?? []);
  const shown = hide(displayCommand(command, args));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...options.env }))
    if (v !== undefined) env[k] = v;
  if (!options.silent) info(`[command]${shown}`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      // Own process group, so a timeout stops the tool's children too.
      detached: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const timer =
      options.timeoutMs && options.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            killGroup(child.pid, 'SIGTERM');
            killTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
          }, options.timeoutMs)
        : undefined;
    const echo = (stream: NodeJS.WriteStream, onLine?: (line: string) => void) =>
      splitLines((line) => {
        onLine?.(line);
        if (!options.silent) stream.write(`${hide(line)}\n`);
      });
    const outLines = echo(process.stdout, options.onStdoutLine);
    const errLines = echo(process.stderr, options.onStderrLine);
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      outLines.push(chunk.toString('utf8'));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err.push(chunk);
      errLines.push(chunk.toString('utf8'));
    });
    child.stdin.on('error', () => {
      // The tool may exit without reading its input; its exit code tells the story.
    });
    child.stdin.end(options.input ?? '');
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (e.code === 'ENOENT') {
        reject(
          new ActionError(`\`${command}\` was not found on PATH`, {
            hint: options.notFoundHint ?? `Install ${command} on the runner, or add it to PATH.`,
          }),
        );
      } else {
        reject(new ActionError(`\`${shown}\` could not start: ${e.message}`));
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      outLines.end();
      errLines.end();
      const stdoutBytes = Buffer.concat(out);
      const result = {
        exitCode: code ?? -1,
        stdout: stdoutBytes.toString('utf8'),
        stdoutBytes,
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: Date.now() - started,
      };
      const masked = { exitCode: code, stdout: hide(result.stdout), stderr: hide(result.stderr) };
      if (timedOut) {
        reject(
          new ExecError(
            shown,
            masked,
            `timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)}s`,
            'Raise the timeout, or find out why the tool hangs.',
          ),
        );
      } else if (code === null) {
        reject(new ExecError(shown, masked, `was killed by ${signal}`));
      } else if (!(options.okCodes ?? [0]).includes(code)) {
        reject(new ExecError(shown, masked, `exited with code ${code}`));
      } else {
        resolve(result);
      }
    });
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
