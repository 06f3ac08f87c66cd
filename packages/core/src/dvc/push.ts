import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ActionError } from '../pure/errors.ts';
import { group } from '../runtime.ts';
import {
  type DvcCli,
  outputOf,
  readRemotes,
  remotesFromFiles,
  runDvcWithRetry,
  usedRemote,
} from './cli.ts';
import { describeRemote } from './config.ts';
import { explainDvcFailure } from './errors.ts';
import { pipelineStages } from './lock.ts';
import { parsePushCount } from './log.ts';
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

/** pushData runs `dvc push` in a log group, retrying transient remote errors, and counts what it sent. */
export async function pushData(options: PushOptions): Promise<PushReport> {
  const wd = options.workingDirectory;
  const shown = displayPath(options.workspace, wd);
  if (!existsSync(wd) || !statSync(wd).isDirectory()) {
    throw new ActionError(`working-directory '${shown}' does not exist`, {
      hint: 'Set working-directory to the DVC project folder, relative to the repository root',
    });
  }
  const args = pushArgs(options);
  const { run, attempts } = await group(`dvc ${args.join(' ')}`, () =>
    runDvcWithRetry(options.dvc, args, {
      cwd: wd,
      attempts: options.attempts,
      ...(options.retryBaseMs === undefined ? {} : { baseMs: options.retryBaseMs }),
      ...(options.env ? { env: options.env } : {}),
    }),
  );
  if (run.error) {
    const remotes = await readRemotes(options.dvc, wd);
    const remote = usedRemote(remotes, options.remote);
    const dvcYaml = join(wd, 'dvc.yaml');
    const yamlText = existsSync(dvcYaml) ? readFileSync(dvcYaml, 'utf8') : undefined;
    throw explainDvcFailure({
      command: 'push',
      output: outputOf(run),
      workingDirectory: shown,
      ...(yamlText === undefined ? {} : { stages: safeStages(yamlText) }),
      ...(remote ? { remote } : {}),
      ...(remotes ? { remotes } : {}),
      attempts,
      targets: options.targets,
    });
  }
  const remote = usedRemote(remotesFromFiles(wd), options.remote);
  const output = run.lines.map((l) => l.text).join('\n');
  return {
    pushed: parsePushCount(output) ?? 0,
    remote: remote ? describeRemote(remote) : 'the default remote',
    durationMs: run.endedAt - run.startedAt,
    attempts,
  };
}

function safeStages(text: string) {
  try {
    return pipelineStages(text);
  } catch {
    return [];
  }
}
