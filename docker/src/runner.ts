// The runner's own scripts: config.sh (registration, with the token in its environment, never on
// its command line where `ps` would show it) and run.sh, supervised until it exits.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { info, warn } from './log.ts';
import type { Stop } from './signals.ts';

type Env = Record<string, string | undefined>;

function exitStatus(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => {
      if (code !== null) resolve(code);
      else resolve(128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/**
 * configSh runs config.sh with `token` in ACTIONS_RUNNER_INPUT_TOKEN, which the runner reads, masks
 * and deletes from its environment; resolves to its exit code. Its output goes to the log.
 */
export function configSh(home: string, args: string[], token: string, env: Env): Promise<number> {
  const child = spawn(join(home, 'config.sh'), args, {
    cwd: home,
    env: { ...env, ACTIONS_RUNNER_INPUT_TOKEN: token },
    stdio: ['inherit', 'inherit', 'inherit'],
  });
  return exitStatus(child);
}

/** jobRunning is true while the runner's worker, the process that runs a job, is alive. */
export function jobRunning(home: string): boolean {
  const worker = join(home, 'bin', 'Runner.Worker');
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')[0] === worker) return true;
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
  return false;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** What superviseRunner needs: where the runner is, its environment, the grace period. */
export interface RunOptions {
  home: string;
  env: Env;
  gracefulStopSeconds: number;
  stop: Stop;
}

/**
 * runRunner starts run.sh and waits for it to exit; resolves to its exit status. After a stop
 * signal it lets a running job finish (at most gracefulStopSeconds, or until a second signal),
 * then sends run.sh SIGTERM (which it hands to the runner), and kills it 30 s later if need be.
 * run.sh runs in a process group of its own, so that a signal reaches it only when this decides,
 * and whatever the runner leaves behind in that group goes with it.
 */
export async function runRunner(options: RunOptions): Promise<number> {
  const { home, env, gracefulStopSeconds, stop } = options;
  info('Starting the runner.');
  const child = spawn(join(home, 'run.sh'), [], {
    cwd: home,
    env,
    stdio: ['inherit', 'inherit', 'inherit'],
    detached: true,
  });
  const pid = child.pid ?? 0;
  let exited = false;
  const status = exitStatus(child).then((code) => {
    exited = true;
    return code;
  });
  stop.runnerRunning = true;
  const now = () => performance.now() / 1000;
  let deadline = -1;
  let stopSentAt = -1;
  let killed = false;
  let waitingLogged = false;
  while (!exited) {
    if (stop.signal) {
      if (deadline < 0) deadline = now() + gracefulStopSeconds;
      if (stopSentAt < 0) {
        let send = stop.force;
        if (!send && !jobRunning(home)) {
          info('No job is running: stopping the runner.');
          send = true;
        } else if (!send && now() >= deadline) {
          warn(
            `The job still runs after ${gracefulStopSeconds}s (RUNNER_GRACEFUL_STOP_TIMEOUT): ` +
              'stopping the runner, which cancels the job.',
          );
          send = true;
        } else if (!send && !waitingLogged) {
          info(`A job is running: waiting up to ${gracefulStopSeconds}s for it to finish.`);
          waitingLogged = true;
        }
        if (send) {
          stopSentAt = now();
          child.kill('SIGTERM');
        }
      } else if (!killed && now() - stopSentAt >= 30) {
        warn('The runner did not stop within 30s of SIGTERM: killing it.');
        signalGroup(pid, 'SIGKILL');
        killed = true;
      }
    }
    // A fifth of a second between checks notices the runner's exit quickly; a signal wakes it.
    await Promise.race([status, stop.pause(200)]);
  }
  signalGroup(pid, 'SIGKILL');
  stop.runnerRunning = false;
  return status;
}
