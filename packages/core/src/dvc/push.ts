import { existsSync, statSync } from 'node:fs';
import { ActionError } from '../pure/errors.ts';
import { group } from '../runtime.ts';
import {
  type DvcCli,
  findDvcRoot,
  outputOf,
  readRemotes,
  requireRemote,
  runDvcWithRetry,
} from './cli.ts';
import { type DvcRemote, describeRemote } from './config.ts';
import { explainDvcFailure } from './errors.ts';
import { parsePushCount } from './log.ts';
import { type DvcProject, loadProject, plannedRemote, resolveTargets } from './project.ts';
import { displayPath } from './repro.ts';

/** What `dvc push` should send, and where. */
export interface PushOptions {
  dvc: DvcCli;
  /** The repository root (GITHUB_WORKSPACE). */
  workspace: string;
  /** Absolute project folder. */
  workingDirectory: string;
  targets: string[];
  remote?: string;
  /** Parallel transfers (`--jobs`); undefined leaves DVC's default. */
  jobs?: number;
  /** Also push the run cache, so `repro --pull` elsewhere reuses results instead of recomputing. */
  runCache: boolean;
  /** Tries when the remote fails transiently (1 = no retry). */
  attempts: number;
  /** First backoff delay in ms (default 2 s). */
  retryBaseMs?: number;
  env?: Record<string, string | undefined>;
}

/** What a successful push did. */
export interface PushReport {
  /** Files DVC transferred (run cache entries included). */
  pushed: number;
  /** The remote, named for people: `'storage' (s3://bucket/path)`. */
  remote: string;
  durationMs: number;
  attempts: number;
}

/** pushArgs builds `dvc push`'s argv from the options. */
export function pushArgs(
  options: Pick<PushOptions, 'targets' | 'remote' | 'jobs' | 'runCache'>,
): string[] {
  const args = ['push'];
  if (options.remote) args.push('--remote', options.remote);
  if (options.jobs !== undefined) args.push('--jobs', String(options.jobs));
  args.push(options.runCache ? '--run-cache' : '--no-run-cache');
  if (options.targets.length) args.push('--', ...options.targets);
  return args;
}

/** What the plan phase of a push found: the project, and the remote it pushes to. */
export interface PushPlan {
  project: DvcProject;
  remote: DvcRemote | undefined;
}

/**
 * planPush is the plan phase, before DVC starts: the folder, every dvc.yaml and .dvc file DVC
 * reads, every target and the remote. A typo in `targets` is found here, before the run cache,
 * which DVC pushes first, is sent anywhere.
 */
export function planPush(
  options: Pick<PushOptions, 'workspace' | 'workingDirectory' | 'targets' | 'remote'>,
): PushPlan {
  const wd = options.workingDirectory;
  const shown = displayPath(options.workspace, wd);
  if (existsSync(wd) && !statSync(wd).isDirectory()) {
    throw new ActionError(`working-directory '${shown}' is a file, not a folder`, {
      hint: 'Set working-directory to the DVC project folder, relative to the repository root',
    });
  }
  if (!existsSync(wd)) {
    throw new ActionError(`working-directory '${shown}' does not exist`, {
      hint: 'Set working-directory to the DVC project folder, relative to the repository root',
    });
  }
  if (!findDvcRoot(wd)) {
    throw new ActionError(
      `working-directory '${shown}' is not inside a DVC project: no .dvc folder in it or above it`,
      {
        hint: 'Set working-directory to the DVC project folder, or run `dvc init` and commit .dvc/',
      },
    );
  }
  const project = loadProject(options.workspace, wd);
  resolveTargets(project, options.targets);
  return { project, remote: plannedRemote(project, options.remote, true) };
}

/**
 * pushData runs `dvc push` in a log group, retrying transient remote errors (naming the remote and
 * the cause), and counts what it sent. Everything is checked first (planPush).
 */
export async function pushData(
  options: PushOptions,
  plan: PushPlan = planPush(options),
): Promise<PushReport> {
  const wd = options.workingDirectory;
  const shown = displayPath(options.workspace, wd);
  let remote = plan.remote;
  if (!remote) {
    // Not in the project's files: a user- or system-level remote (only DVC sees those), or none.
    const remotes = await readRemotes(options.dvc, wd);
    if (options.remote) remote = requireRemote(remotes, options.remote);
    else if (remotes?.defaultRemote) {
      remote = remotes.remotes.find((r) => r.name === remotes.defaultRemote);
      if (!remote) plannedRemote({ ...plan.project, remotes }, undefined);
    } else {
      const names = remotes?.remotes.map((r) => `'${r.name}'`).join(', ');
      throw new ActionError(
        'no DVC remote to use: none was given and the project sets no default remote',
        {
          hint: `Set 'remote', or run \`dvc remote add --default <name> <url>\` and commit .dvc/config. ${names ? `Configured remotes: ${names}.` : 'The project configures no remote.'}`,
        },
      );
    }
  }
  const args = pushArgs(options);
  const { run, attempts } = await group(`dvc ${args.join(' ')}`, () =>
    runDvcWithRetry(options.dvc, args, {
      cwd: wd,
      attempts: options.attempts,
      inGroup: true,
      ...(remote ? { remote } : {}),
      ...(options.retryBaseMs === undefined ? {} : { baseMs: options.retryBaseMs }),
      ...(options.env ? { env: options.env } : {}),
    }),
  );
  if (run.error) {
    const remotes = await readRemotes(options.dvc, wd);
    const here = plan.project.pipelines.find((p) => p.address === 'dvc.yaml');
    throw explainDvcFailure({
      command: 'push',
      output: outputOf(run),
      workingDirectory: shown,
      ...(here ? { stages: here.stages.map((s) => ({ name: s.name, line: s.line })) } : {}),
      ...(remote ? { remote } : {}),
      ...(remotes ? { remotes } : {}),
      attempts,
      targets: options.targets,
    });
  }
  const output = run.lines.map((l) => l.text).join('\n');
  return {
    pushed: parsePushCount(output) ?? 0,
    remote: remote ? describeRemote(remote) : 'the default remote',
    durationMs: run.endedAt - run.startedAt,
    attempts,
  };
}
