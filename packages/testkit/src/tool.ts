import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** runTool runs a program with an argv array in a folder and returns its stdout; a failure carries its output. */
export async function runTool(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(file, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    const output = [failure.stderr, failure.stdout].filter(Boolean).join('\n').trim();
    throw new Error(
      `${[file, ...args].join(' ')} failed in ${options.cwd}: ${output || failure.message}`,
    );
  }
}
