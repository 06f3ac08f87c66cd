// Runs one job of a real workflow file locally, the way the runner would: the workflow is checked
// by actionlint (the same linter CI runs on every workflow), `${{ }}` expressions are evaluated
// with GitHub's own evaluator (@actions/expressions), our actions run from their dist/ bundles
// through the harness, `run:` steps run in bash, and third-party actions map to local stand-ins.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { parse } from 'yaml';
import { type ActionResult, runAction } from './harness.ts';
import { repoRoot } from './node24.ts';
import { scratchDir } from './tmp.ts';

/** One step of a workflow job, as written in the YAML. */
export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: string | boolean;
  'working-directory'?: string;
  'continue-on-error'?: boolean;
}

/** What a stand-in for a third-party action gets: its inputs and the job's state. */
export interface StandInContext {
  inputs: Record<string, string>;
  workspace: string;
  env: Record<string, string>;
  /** Add a folder to PATH for the following steps. */
  addPath(dir: string): void;
  /** Set an environment variable for the following steps. */
  exportVariable(name: string, value: string): void;
  log(line: string): void;
}

/** A local stand-in for a third-party action (actions/checkout, setup-python, ...). */
export type StandIn = (ctx: StandInContext) => Promise<Record<string, string> | undefined>;

/** How to run one job of a workflow file. */
export interface RunJobOptions {
  workflow: string;
  job: string;
  event: { name: string; payload: Record<string, unknown> };
  repository: string;
  sha: string;
  ref: string;
  workspace?: string;
  apiUrl: string;
  serverUrl?: string;
  token: string;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** Extra environment for every step (PATH additions such as the Python venv). */
  env?: Record<string, string>;
  /** Stand-ins for `uses:` references other than this repository's actions, keyed by `owner/name`. */
  standIns?: Record<string, StandIn>;
  /** Where `./actions/<name>` and `<owner>/mlops-actions/actions/<name>@ref` live (default: this repo's actions/). */
  actionsRoot?: string;
  /** Outputs of the jobs this one needs, as `needs.<job>.outputs`. */
  needs?: Record<string, { outputs: Record<string, string>; result: string }>;
  /** Mints the GITHUB_TOKEN for a job from its `permissions:` (default: options.token). */
  tokenFor?: (job: string, permissions: unknown) => string;
  /** Progress: one call per step as it starts and ends. */
  onStep?: (event: StepEvent) => void;
  onLine?: (line: string) => void;
}

/** A step starting, finishing, being skipped, or failing. */
export interface StepEvent {
  index: number;
  name: string;
  status: 'start' | 'success' | 'failure' | 'skipped';
  reason?: string;
  durationMs?: number;
}

/** What a job left: each step's outcome and outputs, our actions' harness results. */
export interface JobResult {
  success: boolean;
  /** The job's `outputs:`, evaluated after its steps. */
  outputs: Record<string, string>;
  steps: {
    name: string;
    id?: string;
    outcome: 'success' | 'failure' | 'skipped';
    outputs: Record<string, string>;
    action?: ActionResult;
    log: string;
  }[];
  workspace: string;
}

/** One job of a workflow, as written in the YAML. */
export interface WorkflowJob {
  steps: WorkflowStep[];
  env?: Record<string, unknown>;
  if?: string;
  needs?: string | string[];
  outputs?: Record<string, string>;
  permissions?: unknown;
}

const OUR_ACTION = /^(?:[^/]+\/mlops-actions\/actions\/|\.\/actions\/)([a-z0-9-]+)(?:@.+)?$/;

/** actionlintPath finds actionlint as scripts/bootstrap.sh installs it, or on PATH. */
export function actionlintPath(): string {
  const cache =
    process.env['MLOPS_CACHE_DIR'] ??
    join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'mlops-actions');
  const cached = join(cache, 'go', 'bin', 'actionlint');
  return existsSync(cached) ? cached : 'actionlint';
}

/** validateWorkflow lints a workflow file with actionlint and throws with its findings. */
export function validateWorkflow(path: string): void {
  try {
    execFileSync(actionlintPath(), ['-no-color', '-oneline', path], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (e) {
    const error = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `actionlint rejected ${path}: ${(error.stdout || error.stderr || error.message).trim()}`,
    );
  }
}

function toData(value: unknown): data.Dictionary {
  return JSON.parse(JSON.stringify(value ?? {}), data.reviver) as data.Dictionary;
}

/** evaluateExpression evaluates one `${{ }}` body against plain-object contexts. */
export function evaluateExpression(
  expression: string,
  contexts: Record<string, unknown>,
  status: { failed: boolean },
): unknown {
  const lexed = new Lexer(expression).lex();
  const statusFunctions = ['success', 'failure', 'always', 'cancelled'].map((name) => ({
    name,
    minArgs: 0,
    maxArgs: 0,
  }));
  const tree = new Parser(lexed.tokens, Object.keys(contexts), statusFunctions).parse();
  const functions = new Map(
    statusFunctions.map((f) => [
      f.name,
      {
        ...f,
        call: () =>
          new data.BooleanData(
            f.name === 'always'
              ? true
              : f.name === 'success'
                ? !status.failed
                : f.name === 'failure'
                  ? status.failed
                  : false,
          ),
      },
    ]),
  );
  const result = new Evaluator(tree, toData(contexts), functions).evaluate();
  return JSON.parse(JSON.stringify(result, data.replacer));
}

/** interpolate replaces every `${{ expr }}` in a string; a whole-string expression keeps its type. */
export function interpolate(
  text: string,
  contexts: Record<string, unknown>,
  status: { failed: boolean } = { failed: false },
): string {
  return text.replace(/\$\{\{(.*?)\}\}/gs, (_m, expr: string) => {
    const value = evaluateExpression(expr.trim(), contexts, status);
    if (value === null || value === undefined) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

function condition(
  expr: string | boolean | undefined,
  contexts: Record<string, unknown>,
  failed: boolean,
): boolean {
  if (expr === undefined) return !failed;
  if (typeof expr === 'boolean') return expr && !failed;
  const body = expr
    .trim()
    .replace(/^\$\{\{(.*)\}\}$/s, '$1')
    .trim();
  // Like the runner: a condition without a status function implies success().
  const withStatus = /\b(success|failure|always|cancelled)\(\)/.test(body)
    ? body
    : `success() && (${body})`;
  const value = evaluateExpression(withStatus, contexts, { failed });
  return Boolean(value) && value !== 0 && value !== '';
}

/** runJob runs one job of a workflow file step by step and returns what each step did. */
export async function runJob(options: RunJobOptions): Promise<JobResult> {
  validateWorkflow(options.workflow);
  const workflow = parse(readFileSync(options.workflow, 'utf8')) as {
    name?: string;
    env?: Record<string, unknown>;
    jobs: Record<string, WorkflowJob>;
  };
  const job = workflow.jobs[options.job];
  if (!job) throw new Error(`${options.workflow} has no job '${options.job}'`);
  const root = scratchDir('job-');
  const workspace = options.workspace ?? join(root, 'workspace');
  const runnerDirs = { temp: join(root, 'temp'), toolCache: join(root, 'toolcache') };
  for (const dir of [workspace, runnerDirs.temp, runnerDirs.toolCache])
    mkdirSync(dir, { recursive: true });

  const pr = options.event.payload['pull_request'] as
    | { head: { ref: string }; base: { ref: string } }
    | undefined;
  const github = {
    event_name: options.event.name,
    event: options.event.payload,
    sha: options.sha,
    ref: options.ref,
    ref_name: options.ref.replace(/^refs\/(heads|tags)\//, ''),
    head_ref: pr?.head.ref ?? '',
    base_ref: pr?.base.ref ?? '',
    repository: options.repository,
    repository_owner: options.repository.split('/')[0],
    token: options.token,
    server_url: options.serverUrl ?? 'https://github.com',
    api_url: options.apiUrl,
    run_id: '4242',
    run_number: '1',
    run_attempt: '1',
    actor: 'octocat',
    workspace,
    job: options.job,
  };
  const exported: Record<string, string> = {};
  const paths: string[] = [];
  const steps: Record<
    string,
    { outputs: Record<string, string>; outcome: string; conclusion: string }
  > = {};
  const result: JobResult = { success: true, outputs: {}, steps: [], workspace };
  let failed = false;
  const token = options.tokenFor ? options.tokenFor(options.job, job.permissions) : options.token;
  github.token = token;

  for (const [index, step] of job.steps.entries()) {
    const name = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${index + 1}`;
    const contexts = {
      github,
      env: { ...exported },
      secrets: { GITHUB_TOKEN: token, ...options.secrets },
      vars: options.vars ?? {},
      steps,
      runner: { os: 'Linux', arch: 'X64', temp: runnerDirs.temp, tool_cache: runnerDirs.toolCache },
      job: { status: failed ? 'failure' : 'success' },
      inputs: {},
      matrix: {},
      needs: options.needs ?? {},
      strategy: {},
    };
    const env: Record<string, string> = {
      GITHUB_WORKFLOW: workflow.name ?? options.workflow,
      GITHUB_JOB: options.job,
      ...options.env,
      ...stringify(workflow.env, contexts),
      ...stringify(job.env, contexts),
      ...exported,
      ...stringify(step.env, contexts),
    };
    env['PATH'] = [
      ...paths.slice().reverse(),
      env['PATH'] ?? process.env['PATH'] ?? '/usr/bin:/bin',
    ].join(':');
    if (!condition(step.if, contexts, failed)) {
      options.onStep?.({ index, name, status: 'skipped', reason: 'condition false' });
      result.steps.push({
        name,
        ...(step.id ? { id: step.id } : {}),
        outcome: 'skipped',
        outputs: {},
        log: '',
      });
      if (step.id) steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    options.onStep?.({ index, name, status: 'start' });
    const started = Date.now();
    const inputs = stringify(step.with, contexts);
    let outcome: 'success' | 'failure' = 'success';
    let outputs: Record<string, string> = {};
    let log = '';
    let action: ActionResult | undefined;
    const ours = step.uses ? OUR_ACTION.exec(step.uses) : null;
    if (ours) {
      action = await runAction({
        action: join(options.actionsRoot ?? join(repoRoot, 'actions'), ours[1]!),
        inputs,
        env,
        event: options.event,
        workspace,
        repository: options.repository,
        sha: options.sha,
        ref: options.ref,
        apiUrl: options.apiUrl,
        serverUrl: options.serverUrl ?? 'https://github.com',
        runnerDirs,
        token,
        ...(options.onLine ? { onLine: options.onLine } : {}),
      });
      outcome = action.exitCode === 0 ? 'success' : 'failure';
      outputs = action.outputs;
      log = action.log;
      Object.assign(exported, action.exportedEnv);
      paths.push(...action.addedPaths);
    } else if (step.uses) {
      const key = step.uses.replace(/@.*$/, '');
      const standIn = options.standIns?.[key];
      if (!standIn) {
        options.onStep?.({
          index,
          name,
          status: 'skipped',
          reason: `needs ${key}, which has no local stand-in`,
        });
        result.steps.push({
          name,
          ...(step.id ? { id: step.id } : {}),
          outcome: 'skipped',
          outputs: {},
          log: '',
        });
        continue;
      }
      const lines: string[] = [];
      try {
        outputs =
          (await standIn({
            inputs,
            workspace,
            env,
            addPath: (dir) => paths.push(dir),
            exportVariable: (k, v) => {
              exported[k] = v;
            },
            log: (line) => {
              lines.push(line);
              options.onLine?.(line);
            },
          })) ?? {};
      } catch (e) {
        lines.push(`error: ${(e as Error).message}`);
        outcome = 'failure';
      }
      log = lines.join('\n');
    } else if (step.run !== undefined) {
      const script = interpolate(step.run, contexts, { failed });
      const cwd = step['working-directory']
        ? join(workspace, interpolate(step['working-directory'], contexts))
        : workspace;
      const ran = await runScript(
        script,
        cwd,
        { ...env, GITHUB_WORKSPACE: workspace },
        options.onLine,
      );
      outcome = ran.code === 0 ? 'success' : 'failure';
      log = ran.output;
    }
    const durationMs = Date.now() - started;
    const conclusion = outcome === 'failure' && step['continue-on-error'] ? 'success' : outcome;
    if (conclusion === 'failure') failed = true;
    if (step.id) steps[step.id] = { outputs, outcome, conclusion };
    result.steps.push({
      name,
      ...(step.id ? { id: step.id } : {}),
      outcome,
      outputs,
      ...(action ? { action } : {}),
      log,
    });
    options.onStep?.({ index, name, status: outcome, durationMs });
  }
  result.success = !failed;
  const finalContexts = {
    github,
    steps,
    needs: options.needs ?? {},
    env: exported,
    vars: options.vars ?? {},
  };
  result.outputs = stringify(job.outputs, finalContexts);
  return result;
}

/** runWorkflow runs every job of a workflow file in `needs` order, passing job outputs along. */
export async function runWorkflow(
  options: Omit<RunJobOptions, 'job' | 'needs'> & { onJob?: (job: string, status: string) => void },
): Promise<Record<string, JobResult | 'skipped'>> {
  const workflow = parse(readFileSync(options.workflow, 'utf8')) as {
    jobs: Record<string, WorkflowJob>;
  };
  const done: Record<string, JobResult | 'skipped'> = {};
  const pending = Object.keys(workflow.jobs);
  while (pending.length) {
    const index = pending.findIndex((name) =>
      listOf(workflow.jobs[name]!.needs).every((n) => n in done),
    );
    if (index < 0)
      throw new Error(`${options.workflow}: jobs ${pending.join(', ')} need each other`);
    const name = pending.splice(index, 1)[0]!;
    const job = workflow.jobs[name]!;
    const needs: Record<string, { outputs: Record<string, string>; result: string }> = {};
    for (const n of listOf(job.needs)) {
      const r = done[n]!;
      needs[n] =
        r === 'skipped'
          ? { outputs: {}, result: 'skipped' }
          : { outputs: r.outputs, result: r.success ? 'success' : 'failure' };
    }
    const upstreamOk = Object.values(needs).every((n) => n.result === 'success');
    const contexts = {
      github: {
        event_name: options.event.name,
        event: options.event.payload,
        repository: options.repository,
        ref: options.ref,
        sha: options.sha,
      },
      needs,
      vars: options.vars ?? {},
    };
    if (!upstreamOk || !condition(job.if, contexts, false)) {
      done[name] = 'skipped';
      options.onJob?.(
        name,
        upstreamOk ? 'skipped (condition false)' : 'skipped (a needed job did not succeed)',
      );
      continue;
    }
    options.onJob?.(name, 'start');
    const result = await runJob({ ...options, job: name, needs });
    done[name] = result;
    options.onJob?.(name, result.success ? 'success' : 'failure');
  }
  return done;
}

function listOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function stringify(
  values: Record<string, unknown> | undefined,
  contexts: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    out[k] = typeof v === 'string' ? interpolate(v, contexts) : String(v);
  }
  return out;
}

function runScript(
  script: string,
  cwd: string,
  env: Record<string, string>,
  onLine?: (line: string) => void,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // The runner's default shell for run: steps on Linux: bash --noprofile --norc -eo pipefail {0}.
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd,
      env,
    });
    let output = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      if (onLine) for (const line of text.split('\n').filter(Boolean)) onLine(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
