// SIGTERM and SIGINT: the first asks for a graceful stop, a second one during a job stops the
// runner at once, and any signal during cleanup is only logged, so that cleanup runs once.
import { info } from './log.ts';
import { EXIT } from './settings.ts';

type Name = 'TERM' | 'INT';

/** Stop holds what the signals asked for, and wakes whoever waits in pause(). */
export class Stop {
  /** The first stop signal, once one came. */
  signal: Name | undefined;
  /** A second signal came while the runner ran: stop it now, even during a job. */
  force = false;
  /** Cleanup has started. */
  finishing = false;
  /** The runner is running (for the messages). */
  runnerRunning = false;
  private readonly waiters = new Set<() => void>();

  /** install handles SIGTERM and SIGINT from now on. */
  install(): void {
    process.on('SIGTERM', () => this.received('TERM'));
    process.on('SIGINT', () => this.received('INT'));
  }

  /** received records a signal and wakes every pause. */
  received(name: Name): void {
    if (this.finishing) {
      info(`SIG${name} received during cleanup: cleanup goes on, and runs once.`);
    } else if (this.signal) {
      if (this.runnerRunning && !this.force) {
        info(`SIG${name} received again: stopping the runner now, even if a job is running.`);
        this.force = true;
      } else {
        info(`SIG${name} received again: already stopping; cleanup runs once.`);
      }
    } else {
      this.signal = name;
      info(
        this.runnerRunning
          ? `SIG${name} received: the runner stops once its current job, if any, has finished.`
          : `SIG${name} received: stopping before the runner starts.`,
      );
    }
    for (const wake of this.waiters) wake();
  }

  /** pause waits `ms` milliseconds, or less if a signal comes. */
  pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  /** exitCode is the exit code of a clean stop by the signal received. */
  exitCode(): number {
    return this.signal === 'INT' ? EXIT.sigint : EXIT.sigterm;
  }
}
