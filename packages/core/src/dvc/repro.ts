import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Git } from '../git.ts';
import { ActionError } from '../pure/errors.ts';
import { group } from '../runtime.ts';
import {
  type DvcCli,
  findDvcRoot,
  outputOf,
  readRemotes,
  requireRemote,
  runDvc,
  runDvcWithRetry,
  usedRemote,
} from './cli.ts';
import { explainDvcFailure } from './errors.ts';
import {
  classifyStages,
  type PipelineStage,
  parseLock,
  pipelineStages,
  type ReproResult,
} from './lock.ts';
import { parseReproLog, type ReproLog } from './log.ts';

/** What `dvc repro` should do, and where. */
export interface ReproOptions {
  dvc: DvcCli;
  /** The repository root (GITHUB_WORKSPACE): annotations are relative to it. */
  workspace: string;
  /** Absolute project folder. */
  workingDirectory: string;
  targets: string[];
  pull: boolean;
  allowMissing: boolean;
  force: boolean;
  singleItem: boolean;
  /** Remote to pull from instead of the default one. */
  remote?: string;
  /** Tries when the remote fails transiently (1 = no retry). */
  attempts: number;
  /** First backoff delay in ms (default 2 s). */
  retryBaseMs?: number;
  env?: Record<string, string | undefined>;
}

/** What a successful `dvc repro` did. */
export interface ReproReport extends ReproResult {
  /** Whether dvc.lock differs from the committed one (or is new). */
  lockChanged: boolean;
  durationMs: number;
  attempts: number;
  log: ReproLog;
}

/** reproArgs builds `dvc repro`'s argv from the options. */
export function reproArgs(
  options: Pick<ReproOptions, 'targets' | 'pull' | 'allowMissing' | 'force' | 'singleItem'>,
): string[] {
  const args = ['repro'];
  if (options.pull) args.push('--pull');
  if (options.allowMissing) args.push('--allow-missing');
  if (options.force) args.push('--force');
  if (options.singleItem) args.push('--single-item');
  if (options.targets.length) args.push('--', ...options.targets);
  return args;
}

/**
 * reproduce runs `dvc repro` in the project, streaming DVC's output in a log group, and reports
 * which stages ran, which were up to date (or pulled, or restored from the run cache), how long
 * each took and whether dvc.lock changed. A failure becomes one ActionError in plain words.
 */
export async function reproduce(options: ReproOptions): Promise<ReproReport> {
  const wd = options.workingDirectory;
  const shown = displayPath(options.workspace, wd);
  if (!existsSync(wd) || !statSync(wd).isDirectory()) {
    throw new ActionError(`working-directory '${shown}' does not exist`, {
      hint: 'Set working-directory to the folder that holds dvc.yaml, relative to the repository root',
    });
  }
  const dvcYamlPath = join(wd, 'dvc.yaml');
  const dvcYamlText = existsSync(dvcYamlPath) ? readFileSync(dvcYamlPath, 'utf8') : undefined;
  if (dvcYamlText === undefined && !options.targets.length) {
    throw new ActionError(
      `no dvc.yaml in working-directory '${shown}' (looked for ${displayPath(options.workspace, dvcYamlPath)})`,
      {
        hint: 'Set working-directory to the folder that holds dvc.yaml, relative to the repository root',
      },
    );
  }
  const stages = dvcYamlText === undefined ? [] : safeStages(dvcYamlText);
  const lockPath = join(wd, 'dvc.lock');
  const readLock = () => (existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : undefined);
  const lockBefore = readLock();

  const args = reproArgs(options);
  const attempt = () =>
    group(`dvc ${args.join(' ')}`, () =>
      runDvcWithRetry(options.dvc, args, {
        cwd: wd,
        attempts: options.attempts,
        ...(options.retryBaseMs === undefined ? {} : { baseMs: options.retryBaseMs }),
        ...(options.env ? { env: options.env } : {}),
      }),
    );
  let remoteInfo: Awaited<ReturnType<typeof readRemotes>>;
  let outcome: Awaited<ReturnType<typeof attempt>>;
  if (options.remote) {
    remoteInfo = await readRemotes(options.dvc, wd);
    requireRemote(remoteInfo, options.remote);
    outcome = await withDefaultRemote(options, options.remote, attempt);
  } else {
    outcome = await attempt();
  }
  const { run, attempts } = outcome;
  const log = parseReproLog(run.lines, run.endedAt);

  if (run.error) {
    remoteInfo ??= await readRemotes(options.dvc, wd);
    const failedStage = log.failure
      ? {
          name: log.failure.stage,
          ...(log.failure.command === undefined ? {} : { command: log.failure.command }),
          ...(log.failure.exitCode === undefined ? {} : { exitCode: log.failure.exitCode }),
          stderrTail: log.stages.findLast((s) => s.stage === log.failure?.stage)?.stderrTail ?? [],
        }
      : undefined;
    throw explainDvcFailure({
      command: 'repro',
      output: outputOf(run),
      workingDirectory: shown,
      ...(dvcYamlText === undefined
        ? {}
        : { dvcYaml: displayPath(options.workspace, dvcYamlPath) }),
      stages,
      ...optional('remote', usedRemote(remoteInfo, options.remote)),
      ...optional('remotes', remoteInfo),
      ...optional('stage', failedStage),
      attempts,
      targets: options.targets,
    });
  }

  const lockAfter = readLock();
  const result = classifyStages(log, parseLock(lockBefore), parseLock(lockAfter));
  return {
    ...result,
    lockChanged: await lockDiffersFromHead(wd, lockBefore, lockAfter),
    durationMs: run.endedAt - run.startedAt,
    attempts,
    log,
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function safeStages(text: string): PipelineStage[] {
  try {
    return pipelineStages(text);
  } catch {
    // DVC reports a malformed dvc.yaml itself, with its own line numbers.
    return [];
  }
}

/** displayPath shows a path relative to the workspace with forward slashes (`.` for the root). */
export function displayPath(workspace: string, path: string): string {
  const rel = relative(workspace, path);
  if (!rel) return '.';
  return rel.startsWith('..') ? path : rel.split(sep).join('/');
}

/**
 * withDefaultRemote makes `remote` the default for one command: `dvc repro` has no `--remote`
 * option, and `--pull` uses the default remote. `.dvc/config.local` (git-ignored, the highest
 * config level) is set and then put back byte for byte.
 */
async function withDefaultRemote<T>(
  options: ReproOptions,
  remote: string,
  fn: () => Promise<T>,
): Promise<T> {
  const root = findDvcRoot(options.workingDirectory);
  if (!root) return fn();
  const file = join(root, '.dvc', 'config.local');
  const before = existsSync(file) ? readFileSync(file) : undefined;
  try {
    const set = await runDvc(options.dvc, ['config', '--local', 'core.remote', remote], {
      cwd: options.workingDirectory,
      silent: true,
    });
    if (set.error) {
      throw new ActionError(`could not select DVC remote '${remote}': ${outputOf(set).trim()}`);
    }
    return await fn();
  } finally {
    if (before === undefined) rmSync(file, { force: true });
    else writeFileSync(file, before);
  }
}

/** lockDiffersFromHead asks git whether dvc.lock changed; outside git, compares before and after. */
async function lockDiffersFromHead(
  wd: string,
  before: string | undefined,
  after: string | undefined,
): Promise<boolean> {
  if (after === undefined) return before !== undefined;
  try {
    return (await new Git(wd).changedPaths(['dvc.lock'])).length > 0;
  } catch {
    return before !== after;
  }
}
