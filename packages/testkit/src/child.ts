// The servers tests start as child processes (moto, Azurite, fake-gcs-server, the registry):
// waiting for the line that says where one listens, and stopping one.
import type { ChildProcess } from 'node:child_process';

/**
 * waitForLine resolves with the first match of `pattern` in what the server prints (stdout and
 * stderr), then keeps draining its pipes; it kills the server and rejects when it exits first or
 * says nothing that matches within `timeoutMs`.
 */
export function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  name: string,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs} ms: ${output.trim()}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = pattern.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      // Keep draining the pipes so the server never blocks on a full one.
      child.stdout?.resume();
      child.stderr?.resume();
      resolve(match);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before listening: ${output.trim()}`));
    });
  });
}

/** stopChild sends SIGTERM, then SIGKILL after 5 s, and resolves when the process has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
