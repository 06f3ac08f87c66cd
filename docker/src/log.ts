// The entry point's log: `startup: ` lines on stdout, warnings and errors on stderr, every one
// redacted, so that a credential cannot reach the log even inside GitHub's own messages.
//
// The entry point is not a workflow step, yet core's modules speak the runner's workflow-command
// protocol on stdout: setSecret prints `::add-mask::<the secret>`, which here would print the
// secret itself into the container's log. guardStdout therefore reads those commands instead of
// printing them: a mask becomes a value to redact, a warning or an error a line of this log.
import { redactSecrets } from '@mlops-actions/core/pure';

const secrets = new Set<string>();
const out = process.stdout.write.bind(process.stdout);
const err = process.stderr.write.bind(process.stderr);

/** addSecret redacts a value (and each of its lines) from everything logged from now on. */
export function addSecret(value: string | undefined): void {
  if (!value) return;
  for (const part of [value, ...value.split(/\r?\n/)]) {
    if (part.trim().length >= 3) secrets.add(part);
  }
}

/** redact hides every secret added so far. */
export function redact(text: string): string {
  return redactSecrets(text, secrets);
}

/** info logs a line on stdout. */
export function info(message: string): void {
  out(`startup: ${redact(message)}\n`);
}

/** warn logs a warning on stderr. */
export function warn(message: string): void {
  err(`startup: warning: ${redact(message)}\n`);
}

/** error logs an error on stderr. */
export function error(message: string): void {
  err(`startup: error: ${redact(message)}\n`);
}

function commandData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function command(line: string): boolean {
  const match = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
  if (!match) return false;
  const [, name, data = ''] = match;
  if (name === 'add-mask') addSecret(commandData(data));
  else if (name === 'warning') warn(commandData(data));
  else if (name === 'error') error(commandData(data));
  else if (name !== 'debug' && name !== 'group' && name !== 'endgroup') return false;
  return true;
}

/** guardStdout turns the workflow commands core's modules print into redaction and log lines. */
export function guardStdout(): void {
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const kept = text
      .split(/(?<=\n)/)
      .filter((line) => !command(line.replace(/\r?\n$/, '')))
      .join('');
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (!kept) {
      callback?.();
      return true;
    }
    return out(redact(kept), callback);
  }) as typeof process.stdout.write;
}
