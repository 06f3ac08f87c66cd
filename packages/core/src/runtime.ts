// The runner's protocol (outputs, state, logs, groups, masks, summary) through @actions/core, with
// two things it does not do: a registry of the masked values, so that our own messages (exec's
// errors, the failure line) hide them too, and the summary appended in order without awaiting.
// @actions/core's cold start is kept low in the bundling, not here: scripts/build-action.mjs
// leaves out its OIDC client (and the HTTP stack behind it), which no action calls.
import * as core from '@actions/core';
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

/** setSecret masks a value (and each of its lines) in the log and in our own messages. */
export function setSecret(value: string | undefined): void {
  if (!value) return;
  for (const part of [value, ...value.split(/\r?\n/)]) {
    if (part.trim().length < 3 || secrets.has(part)) continue;
    secrets.add(part);
    core.setSecret(part);
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

/** setOutput sets a step output, masked; objects are written as JSON. */
export function setOutput(name: string, value: unknown): void {
  core.setOutput(name, redact(typeof value === 'string' ? value : JSON.stringify(value)));
}

/** saveState keeps a value for this action's post step (read back with getState). */
export function saveState(name: string, value: string): void {
  core.saveState(name, value);
}

/** getState reads a value saved by saveState in the main step. */
export function getState(name: string): string {
  return core.getState(name);
}

/** exportVariable sets an environment variable for this and the following steps. */
export function exportVariable(name: string, value: string): void {
  core.exportVariable(name, value);
}

/** isDebug tells whether step debug logging is on (re-run with debug, or ACTIONS_STEP_DEBUG). */
export function isDebug(): boolean {
  return core.isDebug();
}

/** debug logs a line shown only under step debug. */
export function debug(message: string): void {
  core.debug(redact(message));
}

/** info logs a plain line. */
export function info(message: string): void {
  core.info(redact(message));
}

// Only the properties given: @actions/core prints `::warning ::` for an object of undefined ones.
function annotation(props: AnnotationProperties): core.AnnotationProperties {
  const all: core.AnnotationProperties = {
    title: props.title,
    file: props.file,
    startLine: props.line,
    endLine: props.endLine,
    startColumn: props.col,
    endColumn: props.endColumn,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined && v !== ''));
}

/** notice logs a notice annotation. */
export function notice(message: string, props: AnnotationProperties = {}): void {
  core.notice(redact(message), annotation(props));
}

/** warning logs a warning annotation. */
export function warning(message: string, props: AnnotationProperties = {}): void {
  core.warning(redact(message), annotation(props));
}

/** error logs an error annotation (it does not fail the step by itself). */
export function error(message: string, props: AnnotationProperties = {}): void {
  core.error(redact(message), annotation(props));
}

/** group runs `fn` inside a collapsible log group, so a run's log reads like a table of contents. */
export function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  return core.group(redact(title), fn);
}

// core.summary is one shared buffer written asynchronously: two writes in flight would both
// append it, so each block is added and written only after the previous write has finished.
let summaryWrites: Promise<void> = Promise.resolve();

/**
 * appendSummary adds Markdown to the job summary page (a no-op outside a runner). Callers need
 * not await it: blocks are written in call order, and Node finishes the writes before it exits.
 */
export function appendSummary(markdown: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) {
    debug('GITHUB_STEP_SUMMARY is not set: the job summary is skipped');
    return summaryWrites;
  }
  const block = `${redact(markdown).replace(/\n*$/, '')}\n`;
  summaryWrites = summaryWrites.then(async () => {
    try {
      await core.summary.addRaw(block, true).write();
    } catch (thrown) {
      core.summary.emptyBuffer();
      warning(`the job summary could not be written: ${String(thrown)}`);
    }
  });
  return summaryWrites;
}
