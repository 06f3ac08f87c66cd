import {
  accessSync,
  constants,
  existsSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Git } from '../git.ts';
import { ActionError } from '../pure/errors.ts';
import { group, warning } from '../runtime.ts';
import {
  type DvcCli,
  findDvcRoot,
  outputOf,
  probeRemote,
  readRemotes,
  requireRemote,
  retryTransient,
  runDvc,
  runDvcWithRetry,
  usedRemote,
} from './cli.ts';
import { type DvcRemote, describeRemote, remoteKind } from './config.ts';
import { DvcError, explainDvcFailure, isRemoteAccessProblem, transientCause } from './errors.ts';
import { classifyStages, lockName, lockOutputs, type ReproResult } from './lock.ts';
import { parseReproLog, type ReproLog } from './log.ts';
import {
  checkParams,
  type DvcProject,
  findStage,
  loadProject,
  lockTexts,
  plannedRemote,
  readLocks,
  resolveTargets,
  uncachedOutputs,
} from './project.ts';

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
  /** When the remote cannot be reached for the pull: fail (default), or recompute with a warning. */
  onPullFailure?: 'fail' | 'recompute';
  /** Tries when the remote fails transiently (1 = no retry). */
  attempts: number;
  /** First backoff delay in ms (default 2 s). */
  retryBaseMs?: number;
  env?: Record<string, string | undefined>;
  /**
   * Called once DVC runs (at its first line, or at its end when it prints none), for work that
   * need not hold up its start; what it throws is thrown when DVC has ended.
   */
  onStarted?: () => void;
}

/** What a successful `dvc repro` did. */
export interface ReproReport extends ReproResult {
  /** Whether any dvc.lock of the project differs from the committed one (or is new). */
  lockChanged: boolean;
  durationMs: number;
  attempts: number;
  log: ReproLog;
  /** Why the pull was skipped (the remote could not be reached, on-pull-failure: recompute). */
  pullSkipped?: string;
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

/** What the plan phase of a repro found: the project and the remote it pulls from. */
export interface ReproPlan {
  project: DvcProject;
  remote: DvcRemote | undefined;
}

const PROJECT_HINT =
  'Set working-directory to the folder that holds dvc.yaml, relative to the repository root';

/**
 * planRepro is the plan phase, before DVC starts: the folder and its dvc.yaml, every dvc.yaml,
 * dvc.lock and params file the run reads, every target, and the remote. Reads files only.
 */
export function planRepro(
  options: Pick<ReproOptions, 'workspace' | 'workingDirectory' | 'targets' | 'remote' | 'pull'>,
): ReproPlan {
  const wd = options.workingDirectory;
  const shown = displayPath(options.workspace, wd);
  if (existsSync(wd) && !statSync(wd).isDirectory()) {
    throw new ActionError(`working-directory '${shown}' is a file, not a folder`, {
      hint: 'Set working-directory to the DVC project folder, relative to the repository root',
    });
  }
  if (!existsSync(wd)) {
    throw new ActionError(`working-directory '${shown}' does not exist`, { hint: PROJECT_HINT });
  }
  const dvcYamlPath = join(wd, 'dvc.yaml');
  if (!existsSync(dvcYamlPath) && !options.targets.length) {
    throw new ActionError(
      `no dvc.yaml in working-directory '${shown}' (looked for ${displayPath(options.workspace, dvcYamlPath)})`,
      { hint: PROJECT_HINT },
    );
  }
  if (!findDvcRoot(wd)) {
    throw new ActionError(
      `working-directory '${shown}' is not inside a DVC project: no .dvc folder in it or above it`,
      {
        hint: 'Run `dvc init` and commit .dvc/, or set working-directory to the DVC project folder',
      },
    );
  }
  const project = loadProject(options.workspace, wd);
  const resolved = resolveTargets(project, options.targets);
  const stages = options.targets.length
    ? resolved.flatMap((r) => (r.kind === 'stages' ? r.stages : []))
    : (project.pipelines.find((p) => p.address === 'dvc.yaml')?.stages ?? []);
  checkParams(project, stages);
  const remote =
    options.remote || options.pull ? plannedRemote(project, options.remote, true) : undefined;
  return { project, remote };
}

/**
 * reproduce runs `dvc repro` in the project, streaming DVC's output in a log group, and reports
 * which stages ran, which were up to date (or pulled, or restored from the run cache), how long
 * each took and whether a dvc.lock changed. A failure becomes one ActionError in plain words.
 * Everything is checked first (planRepro); with `pull`, the remote is asked whether it answers
 * before anything runs, because DVC itself recomputes in silence when it does not.
 */
export async function reproduce(
  options: ReproOptions,
  plan: ReproPlan = planRepro(options),
): Promise<ReproReport> {
  const wd = options.workingDirectory;
  const shown = displayPath(options.workspace, wd);
  const { project } = plan;
  let remote = plan.remote;
  if (!remote && (options.remote || options.pull)) {
    // Not in the project's files: a user- or system-level remote, which only DVC sees.
    const remotes = await readRemotes(options.dvc, wd);
    if (options.remote) remote = requireRemote(remotes, options.remote);
    else if (remotes?.defaultRemote) {
      remote = remotes.remotes.find((r) => r.name === remotes.defaultRemote);
      if (!remote) plannedRemote({ ...project, remotes }, undefined);
    }
  }
  let pull = options.pull;
  let pullSkipped: string | undefined;
  if (pull && remote) {
    const problem = await remoteProblem(options, remote);
    if (problem) {
      if (options.onPullFailure !== 'recompute') {
        throw new DvcError(
          `${problem.message}; nothing was pulled and no stage was run`,
          problem.details,
          {
            hint: `${(problem.hint ?? 'Fix the remote').replace(/\.$/, '')}; or set on-pull-failure: recompute to run the stages without the remote`,
          },
        );
      }
      pullSkipped = problem.message;
      warning(
        `${problem.message}: nothing is pulled, and the stages whose results are not in the local cache are recomputed (on-pull-failure: recompute)`,
      );
      pull = false;
    }
  }
  const textsBefore = lockTexts(project);
  const lockBefore = readLocks(project, textsBefore);
  // Whether the locks differ from the commit, asked of git while DVC runs (DVC's start-up takes
  // far longer): when the run leaves every lock as it was, that answer stands (issue 16).
  const statsBefore = lockStats(textsBefore);
  // Asked at DVC's first line (or its end, when it prints none): DVC, the long pole, is running
  // then whatever its start took, and has written no lock yet. A timer tick can come before the
  // spawn, which waits on I/O.
  let started = () => {};
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const statusBefore = running.then(() => lockStatus(project, textsBefore).catch(() => undefined));
  const startedWork = running.then(() => options.onStarted?.());
  startedWork.catch(() => {}); // Awaited once DVC has ended.

  const args = reproArgs({ ...options, pull });
  // DVC pulls an otherwise unchanged stage's outputs, and when the remote lacks them it says
  // "Unable to pull data for stage: '…'" and runs the stage at once: hours of training where a
  // pull was asked for. Stop it there, unless on-pull-failure says to recompute. DVC says the same
  // of a stage that never ran (no dvc.lock entry, nothing to pull): that one just runs.
  const unpulled: string[] = [];
  const stop = new AbortController();
  const onLine = (text: string) => {
    started();
    if (!pull) return;
    const stage = /^Unable to pull data for stage: '(.+)'\s*$/.exec(text)?.[1];
    if (!stage || lockOutputs(lockBefore.get(lockName(stage))).length === 0) return;
    unpulled.push(stage);
    if (options.onPullFailure !== 'recompute') stop.abort();
  };
  const attempt = () =>
    group(`dvc ${args.join(' ')}`, () =>
      runDvcWithRetry(options.dvc, args, {
        cwd: wd,
        attempts: options.attempts,
        inGroup: true,
        onLine,
        ...(pull ? { signal: stop.signal } : {}),
        ...(remote ? { remote } : {}),
        ...(options.retryBaseMs === undefined ? {} : { baseMs: options.retryBaseMs }),
        ...(options.env ? { env: options.env } : {}),
      }),
    );
  const outcome = options.remote
    ? await withDefaultRemote(options, options.remote, attempt)
    : await attempt();
  started();
  await startedWork;
  const { run, attempts } = outcome;
  const log = parseReproLog(run.lines, run.endedAt);
  const where = remote ? `the DVC remote '${remote.name}'` : 'the DVC remote';
  const stages = `stage${unpulled.length > 1 ? 's' : ''} ${unpulled.map((s) => `'${s}'`).join(', ')}`;
  if (stop.signal.aborted) {
    throw new DvcError(
      `${where} does not hold the outputs of ${stages}, which nothing else changed; DVC would run it again instead of pulling, so it was stopped before it ran`,
      run.lines.map((l) => l.text).filter((t) => /cache files|^md5: |^Unable to pull/.test(t)),
      {
        hint: "Push those outputs with 'dvc push' from where they were made (a stage's outputs with cache: false never reach the remote), or set on-pull-failure: recompute to run the stage",
      },
    );
  }
  if (unpulled.length > 0) {
    warning(
      `${where} does not hold the outputs of ${stages}: recomputed (on-pull-failure: recompute); push them with 'dvc push' to save the next run that time`,
    );
  }

  if (run.error) {
    const remotes = await readRemotes(options.dvc, wd);
    const failedStage = log.failure
      ? {
          name: log.failure.stage,
          ...(log.failure.command === undefined ? {} : { command: log.failure.command }),
          ...(log.failure.exitCode === undefined ? {} : { exitCode: log.failure.exitCode }),
          stderrTail: log.stages.findLast((s) => s.stage === log.failure?.stage)?.stderrTail ?? [],
        }
      : undefined;
    const dvcYamlPath = join(wd, 'dvc.yaml');
    throw explainDvcFailure({
      command: 'repro',
      output: outputOf(run),
      workingDirectory: shown,
      ...(existsSync(dvcYamlPath) ? { dvcYaml: displayPath(options.workspace, dvcYamlPath) } : {}),
      stages: (project.pipelines.find((p) => p.address === 'dvc.yaml')?.stages ?? []).map((s) => ({
        name: s.name,
        line: s.line,
      })),
      locate: (name) => {
        const stage = findStage(project, lockName(name));
        return stage ? { file: stage.file, line: stage.line } : undefined;
      },
      ...optional('remote', remote ?? usedRemote(remotes, options.remote)),
      ...optional('remotes', remotes),
      ...optional('stage', failedStage),
      attempts,
      targets: options.targets,
    });
  }

  // What ran is read from DVC's output; the locks, read again once, catch what the output missed.
  const textsAfter = lockTexts(project);
  const sameTexts = [...textsAfter].every(([path, text]) => textsBefore.get(path) === text);
  const lockAfter = sameTexts ? lockBefore : readLocks(project, textsAfter);
  const result = classifyStages(log, lockBefore, lockAfter, uncachedOutputs(project));
  return {
    ...result,
    lockChanged: await locksChanged(project, textsBefore, textsAfter, statsBefore, statusBefore),
    durationMs: run.endedAt - run.startedAt,
    attempts,
    log,
    ...(pullSkipped ? { pullSkipped } : {}),
  };
}

/**
 * remoteProblem asks the remote whether it answers (retrying transient failures), and explains a
 * failure for a remote reason (connection, name, timeout, 5xx, throttling, credentials, access).
 * Undefined when it answers, or when the probe cannot tell.
 */
async function remoteProblem(
  options: ReproOptions,
  remote: DvcRemote,
): Promise<DvcError | undefined> {
  if (localRemoteAnswers(remote)) return undefined;
  let probe: Awaited<ReturnType<typeof probeRemote>>;
  let tries = 0;
  await group(`Checking that DVC remote ${describeRemote(remote)} answers`, () =>
    retryTransient(
      async () => {
        tries++;
        probe = await probeRemote(options.dvc, options.workingDirectory, options.remote);
        return probe ? transientCause(probe.errors.join('\n')) : undefined;
      },
      {
        attempts: options.attempts,
        remote,
        what: 'the pull',
        ...(options.retryBaseMs === undefined ? {} : { baseMs: options.retryBaseMs }),
      },
    ),
  );
  if (!probe?.errors.length) return undefined;
  const text = probe.errors.join('\n');
  if (!transientCause(text) && !isRemoteAccessProblem(text)) return undefined;
  return explainDvcFailure({
    command: 'pull',
    output: probe.errors.map((e) => `ERROR: ${e.replace(/^[A-Za-z_.]+: /, '')}`).join('\n'),
    workingDirectory: displayPath(options.workspace, options.workingDirectory),
    remote,
    attempts: tries,
  });
}

/**
 * localRemoteAnswers settles the probe for a remote on this machine's disk without starting DVC's
 * Python (about 300 ms, a quarter of an up-to-date `dvc repro --pull`): a folder that can be read
 * answers, and one that is not there yet is an empty remote, as DVC's probe also says. Anything
 * else (a remote in the cloud, a relative path from a user-level config, a folder that cannot be
 * read) is left to the probe, which explains it in DVC's words.
 */
export function localRemoteAnswers(remote: DvcRemote): boolean {
  if (!remote.url || remoteKind(remote.url) !== 'local') return false;
  let path: string;
  try {
    path = remote.url.startsWith('file:') ? fileURLToPath(remote.url) : remote.url;
  } catch {
    return false;
  }
  if (!isAbsolute(path)) return false;
  try {
    accessSync(path, constants.R_OK | constants.X_OK);
    return statSync(path).isDirectory();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
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

/** lockStats notes each lock's size and modification time, to tell later that none was written. */
function lockStats(texts: Map<string, string | undefined>): Map<string, string | undefined> {
  const stats = new Map<string, string | undefined>();
  for (const path of texts.keys()) {
    try {
      const stat = statSync(path);
      stats.set(path, `${stat.size}:${stat.mtimeMs}`);
    } catch {
      stats.set(path, undefined);
    }
  }
  return stats;
}

/** lockStatus asks git which of the existing locks differ from the commit (its porcelain lines). */
function lockStatus(project: DvcProject, texts: Map<string, string | undefined>): Promise<string> {
  const paths = [...texts.keys()].filter((p) => texts.get(p) !== undefined);
  if (!paths.length) return Promise.resolve('');
  return new Git(project.root).run([
    '--no-optional-locks',
    'status',
    '--porcelain',
    '--untracked-files=all',
    '--',
    ...paths,
  ]);
}

/**
 * locksChanged tells whether any dvc.lock of the project differs from the committed one (or is
 * new), asking git; outside git it compares the files before and after the run. When the run wrote
 * no lock (same text, size and time), git's answer from before the run is the answer.
 */
async function locksChanged(
  project: DvcProject,
  before: Map<string, string | undefined>,
  after: Map<string, string | undefined>,
  statsBefore: Map<string, string | undefined>,
  statusBefore: Promise<string | undefined>,
): Promise<boolean> {
  const paths = [...after.keys()].filter(
    (p) => after.get(p) !== undefined || before.get(p) !== undefined,
  );
  if (!paths.length) return false;
  const statsAfter = lockStats(after);
  const untouched = [...after.keys()].every(
    (p) => after.get(p) === before.get(p) && statsAfter.get(p) === statsBefore.get(p),
  );
  const early = untouched ? await statusBefore : undefined;
  if (early !== undefined) return early.length > 0;
  try {
    const status = await new Git(project.root).run([
      'status',
      '--porcelain',
      '--untracked-files=all',
      '--',
      ...paths,
    ]);
    return status.length > 0;
  } catch {
    return paths.some((p) => before.get(p) !== after.get(p));
  }
}
