// The runner's workflow-command protocol (inputs, outputs, state, logs, groups, masks, summary).
// @actions/core implements the same protocol, but its bundle pulls in an HTTP client and costs
// ~45 ms of cold start on every step (measured: 70 ms against 26 ms for `node -e ''` on Node 24).
// This file writes the same commands and files (the tests check it against @actions/core).
// Heavy built-ins (node:crypto, node:child_process) are reached only when needed, for the same reason.
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { type CommandProperties, formatCommand, formatKeyValue } from './pure/commands.ts';
import { redactSecrets } from './pure/redact.ts';

const secrets = new Set<string>();

/** Where an annotation points. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

function write(line: string, mask = true): void {
  process.stdout.write((mask ? redactSecrets(line, secrets) : line) + EOL);
}

/** issueCommand prints one `::name props::message` workflow command. */
export function issueCommand(name: string, properties: CommandProperties, message: string): void {
  write(formatCommand(name, properties, message));
}

function appendFileCommand(variable: string, name: string, value: string): boolean {
  const file = process.env[variable];
  if (!file) return false;
  appendFileSync(
    file,
    formatKeyValue(name, value, `ghadelimiter_${globalThis.crypto.randomUUID()}`),
    'utf8',
  );
  return true;
}

/** setSecret masks a value (and each of its lines) in the log and in our own messages. */
export function setSecret(value: string | undefined): void {
  if (!value) return;
  for (const part of [value, ...value.split(/\r?\n/)]) {
    if (part.trim().length < 3 || secrets.has(part)) continue;
    secrets.add(part);
    write(formatCommand('add-mask', {}, part), false);
  }
}

/** redact hides every value registered with setSecret. */
export function redact(text: string): string {
  return redactSecrets(text, secrets);
}

/** knownSecrets lists the values registered with setSecret, for tools that redact their own output. */
export function knownSecrets(): readonly string[] {
  return [...secrets];
}

/** setOutput sets a step output through GITHUB_OUTPUT; objects are written as JSON. */
export function setOutput(name: string, value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (!appendFileCommand('GITHUB_OUTPUT', name, redact(text))) {
    write('');
    issueCommand('set-output', { name }, redact(text));
  }
}

/** saveState keeps a value for this action's post step (read back with getState). */
export function saveState(name: string, value: string): void {
  if (!appendFileCommand('GITHUB_STATE', name, value)) issueCommand('save-state', { name }, value);
}

/** getState reads a value saved by saveState in the main step. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

/** exportVariable sets an environment variable for this and the following steps. */
export function exportVariable(name: string, value: string): void {
  process.env[name] = value;
  if (!appendFileCommand('GITHUB_ENV', name, value)) issueCommand('set-env', { name }, value);
}

/** isDebug tells whether step debug logging is on (re-run with debug, or ACTIONS_STEP_DEBUG). */
export function isDebug(): boolean {
  return process.env['RUNNER_DEBUG'] === '1';
}

/** debug logs a line shown only under step debug. */
export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

/** info logs a plain line. */
export function info(message: string): void {
  write(message);
}

function annotation(kind: string, message: string, props: AnnotationProperties): void {
  issueCommand(
    kind,
    {
      title: props.title,
      file: props.file,
      line: props.line,
      endLine: props.endLine,
      col: props.col,
      endColumn: props.endColumn,
    },
    message,
  );
}

/** notice logs a notice annotation. */
export function notice(message: string, props: AnnotationProperties = {}): void {
  annotation('notice', message, props);
}

/** warning logs a warning annotation. */
export function warning(message: string, props: AnnotationProperties = {}): void {
  annotation('warning', message, props);
}

/** error logs an error annotation (it does not fail the step by itself). */
export function error(message: string, props: AnnotationProperties = {}): void {
  annotation('error', message, props);
}

/** group runs `fn` inside a collapsible log group, so a run's log reads like a table of contents. */
export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  issueCommand('group', {}, title);
  try {
    return await fn();
  } finally {
    issueCommand('endgroup', {}, '');
  }
}

/** appendSummary adds Markdown to the job summary page; a no-op outside a runner. */
export function appendSummary(markdown: string): void {
  const file = process.env['GITHUB_STEP_SUMMARY'];
  if (!file) {
    debug('GITHUB_STEP_SUMMARY is not set: the job summary is skipped');
    return;
  }
  appendFileSync(file, `${redact(markdown).replace(/\n*$/, '')}\n\n`, 'utf8');
}
