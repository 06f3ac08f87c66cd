import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { node24Path } from './node24.ts';
import { scratchDir } from './tmp.ts';

/** One step of an action as action.yml declares it. */
export type StepKind = 'pre' | 'main' | 'post';

/** How to run an action the way the runner does. */
export interface RunActionOptions {
  /** Folder holding action.yml and dist/. */
  action: string;
  /** `with:` values; action.yml defaults fill the rest, as the runner does. */
  inputs?: Record<string, string>;
  /** Extra environment (secrets, tool settings); a clean environment otherwise. */
  env?: Record<string, string | undefined>;
  /** Event name and payload written to GITHUB_EVENT_PATH (default: a push to main). */
  event?: { name: string; payload: Record<string, unknown> };
  /** GITHUB_WORKSPACE and the working directory. */
  workspace?: string;
  repository?: string;
  sha?: string;
  ref?: string;
  /** The local GitHub's REST base, set as GITHUB_API_URL. */
  apiUrl?: string;
  serverUrl?: string;
  /** Which steps to run (default: all that action.yml declares). */
  steps?: StepKind[];
  timeoutMs?: number;
  /** Raw text for GITHUB_EVENT_PATH instead of the JSON of `event` (to test unreadable payloads). */
  rawEventText?: string;
  /** Called with each line the action prints, as it prints it. */
  onLine?: (line: string) => void;
  /** What `${{ github.token }}` in an action.yml default becomes (default: a fixed test token). */
  token?: string;
  /** RUNNER_TEMP and RUNNER_TOOL_CACHE to share between steps of one job (default: fresh folders). */
  runnerDirs?: { temp: string; toolCache: string };
}

/** An annotation the action printed (`::error file=…::…`). */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

/** What one step left. */
export interface StepResult {
  step: StepKind;
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** What a whole run left: exit code of main, outputs, state, summary, annotations, log. */
export interface ActionResult {
  exitCode: number;
  steps: StepResult[];
  outputs: Record<string, string>;
  state: Record<string, string>;
  exportedEnv: Record<string, string>;
  /** Folders the steps added to PATH through GITHUB_PATH. */
  addedPaths: string[];
  summary: string;
  annotations: Annotation[];
  /** Values the action masked with ::add-mask::. */
  masked: string[];
  /** Everything the steps printed, in order. */
  log: string;
  /** The log with ::add-mask:: lines removed: a secret found here leaked. */
  logWithoutMasks: string;
  /** Folders the run used. */
  paths: { workspace: string; temp: string; toolCache: string; root: string };
}

/** unescapeCommand reverses the runner's workflow-command escaping. */
function unescapeCommand(value: string): string {
  return value
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

/** parseCommands reads annotations and masks out of a step's stdout. */
export function parseCommands(stdout: string): { annotations: Annotation[]; masked: string[] } {
  const annotations: Annotation[] = [];
  const masked: string[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice|add-mask)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const message = unescapeCommand(m[3] ?? '');
    if (m[1] === 'add-mask') {
      masked.push(message);
      continue;
    }
    const props: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      props[pair.slice(0, eq)] = unescapeCommand(pair.slice(eq + 1));
    }
    annotations.push({
      level: m[1] as Annotation['level'],
      message,
      ...(props['file'] ? { file: props['file'] } : {}),
      ...(props['line'] ? { line: Number(props['line']) } : {}),
      ...(props['col'] ? { col: Number(props['col']) } : {}),
      ...(props['title'] ? { title: props['title'] } : {}),
    });
  }
  return { annotations, masked };
}

/** parseFileCommands reads GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV contents as the runner does. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc && !line.slice(0, line.indexOf('<<')).includes('=')) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      if (i >= lines.length)
        throw new Error(`file command for '${heredoc[1]}' is missing its delimiter`);
      result[heredoc[1]!] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq <= 0) throw new Error(`malformed file command line: ${line}`);
      result[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return result;
}

interface ActionManifest {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string; pre?: string; post?: string };
}

/** runAction spawns an action's bundled steps on Node 24 with the runner's environment and files. */
export async function runAction(options: RunActionOptions): Promise<ActionResult> {
  const actionDir = resolve(options.action);
  const manifest = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as ActionManifest;
  if (manifest.runs.using !== 'node24')
    throw new Error(`${actionDir}/action.yml: runs.using is ${manifest.runs.using}, not node24`);
  const root = scratchDir('action-run-');
  const workspace = resolve(options.workspace ?? join(root, 'workspace'));
  const temp = options.runnerDirs?.temp ?? join(root, 'temp');
  const toolCache = options.runnerDirs?.toolCache ?? join(root, 'toolcache');
  for (const dir of [workspace, temp, toolCache]) mkdirSync(dir, { recursive: true });
  const event = options.event ?? { name: 'push', payload: { ref: 'refs/heads/main' } };
  const eventPath = join(root, 'event.json');
  writeFileSync(eventPath, options.rawEventText ?? JSON.stringify(event.payload));

  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(manifest.inputs ?? {})) {
    // The runner evaluates expressions in defaults; `${{ github.token }}` is the one ours use.
    if (spec.default !== undefined) {
      inputs[name] = String(spec.default).replace(
        /\$\{\{\s*github\.token\s*\}\}/g,
        options.token ?? 'ghs_test_token',
      );
    }
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!(name in (manifest.inputs ?? {})))
      throw new Error(`input '${name}' is not declared in ${actionDir}/action.yml`);
    inputs[name] = value;
  }

  const base: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? root,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository ?? 'octo-org/demo',
    GITHUB_REPOSITORY_OWNER: (options.repository ?? 'octo-org/demo').split('/')[0]!,
    GITHUB_SHA: options.sha ?? '0'.repeat(40),
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'test',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'test',
    GITHUB_SERVER_URL: options.serverUrl ?? 'https://github.com',
    GITHUB_API_URL: options.apiUrl ?? 'https://api.github.com',
    GITHUB_GRAPHQL_URL: `${options.apiUrl ?? 'https://api.github.com'}/graphql`,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: toolCache,
  };
  for (const [name, value] of Object.entries(inputs))
    base[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const steps = (options.steps ?? ['pre', 'main', 'post']).filter(
    (s) => s === 'main' || manifest.runs[s],
  );
  const result: ActionResult = {
    exitCode: 0,
    steps: [],
    outputs: {},
    state: {},
    exportedEnv: {},
    addedPaths: [],
    summary: '',
    annotations: [],
    masked: [],
    log: '',
    logWithoutMasks: '',
    paths: { workspace, temp, toolCache, root },
  };
  let failed = false;
  for (const [index, step] of steps.entries()) {
    // The runner skips main after a failed pre, but always runs post (post-if: always()).
    if (failed && step === 'main') continue;
    const files = {
      GITHUB_OUTPUT: join(root, `output-${index}`),
      GITHUB_STATE: join(root, `state-${index}`),
      GITHUB_ENV: join(root, `env-${index}`),
      GITHUB_PATH: join(root, `path-${index}`),
      GITHUB_STEP_SUMMARY: join(root, `summary-${index}`),
    };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env: Record<string, string> = { ...base, ...result.exportedEnv, ...files };
    for (const [k, v] of Object.entries(result.state)) env[`STATE_${k}`] = v;
    for (const [k, v] of Object.entries(options.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    const entry = join(actionDir, manifest.runs[step === 'main' ? 'main' : step]!);
    if (!existsSync(entry))
      throw new Error(`${entry} does not exist: build the action first (npm run build)`);
    const stepResult = await spawnStep(step, entry, env, workspace, options);
    result.steps.push(stepResult);
    result.log += stepResult.stdout + stepResult.stderr;
    const commands = parseCommands(stepResult.stdout);
    result.annotations.push(...commands.annotations);
    result.masked.push(...commands.masked);
    Object.assign(result.outputs, parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')));
    Object.assign(result.state, parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')));
    Object.assign(result.exportedEnv, parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')));
    result.addedPaths.push(...readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean));
    result.summary += readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
    if (stepResult.exitCode !== 0) {
      failed = true;
      if (result.exitCode === 0) result.exitCode = stepResult.exitCode;
    }
  }
  result.logWithoutMasks = result.log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return result;
}

function spawnStep(
  step: StepKind,
  entry: string,
  env: Record<string, string>,
  cwd: string,
  options: RunActionOptions,
): Promise<StepResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node24Path(), [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stdout += text;
      if (options.onLine) {
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) options.onLine(line);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (pending && options.onLine) options.onLine(pending);
      resolvePromise({
        step,
        exitCode: code ?? (signal ? 128 : 1),
        stdout,
        stderr,
        durationMs: Date.now() - started,
      });
    });
  });
}
