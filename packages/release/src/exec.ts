// Runs tools with argv arrays (never a shell string) and turns a failure into one clear error.
import { spawn } from 'node:child_process';

/** ReleaseError is a refusal or a failure of the release, said in one line with what to do. */
export class ReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseError';
  }
}

/** What a finished command left. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** How to run a command. */
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Stream the command's output to our stderr as it runs (long commands such as npm test). */
  stream?: boolean;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  /** Values never to print (tokens): replaced by *** in errors. */
  secrets?: readonly string[];
}

function hide(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 3) out = out.split(secret).join('***');
  return out;
}

/** run spawns argv[0] with the rest as arguments and collects its output. */
export function run(argv: readonly string[], options: RunOptions): Promise<RunResult> {
  const [command, ...args] = argv;
  if (!command) throw new Error('run: empty command');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (options.stream) process.stderr.write(hide(chunk.toString('utf8'), options.secrets));
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (options.stream) process.stderr.write(hide(chunk.toString('utf8'), options.secrets));
    });
    child.on('error', (error) =>
      reject(new ReleaseError(`cannot run ${command}: ${error.message}`)),
    );
    child.on('close', (code, signal) => {
      const result = { code: code ?? (signal ? 128 : 1), stdout, stderr };
      if (result.code !== 0 && !options.allowFailure) {
        const tail = (stderr.trim() || stdout.trim()).split('\n').slice(-3).join(' / ');
        reject(
          new ReleaseError(
            hide(`\`${argv.join(' ')}\` exited ${result.code}: ${tail}`, options.secrets),
          ),
        );
        return;
      }
      resolve(result);
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

// Variables that would point git at another repository than the one we name.
const GIT_LOCATION_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX'];

/** A git runner bound to one work tree, with a clean git environment and no prompts. */
export function gitIn(
  cwd: string,
  extraEnv: Record<string, string> = {},
  secrets: readonly string[] = [],
) {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', ...extraEnv };
  for (const name of GIT_LOCATION_VARIABLES) delete env[name];
  const git = async (...args: string[]): Promise<string> =>
    (await run(['git', ...args], { cwd, env, secrets })).stdout.trim();
  git.try = async (...args: string[]): Promise<RunResult> =>
    run(['git', ...args], { cwd, env, secrets, allowFailure: true });
  return git;
}

/** Git bound to one work tree. */
export type Git = ReturnType<typeof gitIn>;
