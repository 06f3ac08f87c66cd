import { type ExecOptions, type ExecResult, exec } from './exec.ts';

/** Git runs the real git CLI in one repository, quietly, with argv arrays. */
export class Git {
  readonly cwd: string;
  private readonly env: Record<string, string | undefined>;

  constructor(cwd: string, env: Record<string, string | undefined> = {}) {
    this.cwd = cwd;
    // Never wait for a password prompt or an editor on a runner.
    this.env = { GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', ...env };
  }

  /** exec runs `git <args>` and returns the whole result; throws an ExecError on failure. */
  exec(args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return exec('git', args, {
      cwd: this.cwd,
      silent: true,
      notFoundHint: 'Install git on the runner.',
      ...options,
      env: { ...this.env, ...options.env },
    });
  }

  /** run returns the trimmed stdout of `git <args>`. */
  async run(args: readonly string[], options: ExecOptions = {}): Promise<string> {
    return (await this.exec(args, options)).stdout.trim();
  }

  /** tryRun returns the trimmed stdout, or undefined when git exits non-zero. */
  async tryRun(args: readonly string[], options: ExecOptions = {}): Promise<string | undefined> {
    const result = await this.exec(args, { ...options, okCodes: [0, 1, 128, 129] });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  /** revParse resolves a revision to a full commit SHA, or undefined when it does not exist. */
  revParse(rev: string): Promise<string | undefined> {
    return this.tryRun(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  }

  /** topLevel returns the root of the work tree. */
  topLevel(): Promise<string> {
    return this.run(['rev-parse', '--show-toplevel']);
  }

  /** isShallow tells whether the clone was made with a limited depth. */
  async isShallow(): Promise<boolean> {
    return (await this.run(['rev-parse', '--is-shallow-repository'])) === 'true';
  }

  /** currentBranch returns the checked-out branch, or undefined on a detached HEAD. */
  currentBranch(): Promise<string | undefined> {
    return this.tryRun(['symbolic-ref', '--quiet', '--short', 'HEAD']);
  }

  /** show returns a file's bytes at a revision, or undefined when it is not there. */
  async show(rev: string, path: string): Promise<Buffer | undefined> {
    const result = await exec('git', ['cat-file', 'blob', `${rev}:${path.replace(/^\.\//, '')}`], {
      cwd: this.cwd,
      silent: true,
      okCodes: [0, 128],
      env: this.env,
    });
    return result.exitCode === 0 ? result.stdoutBytes : undefined;
  }

  /** fetch fetches refspecs from a remote; `depth` deepens or limits history. */
  async fetch(
    remote: string,
    refspecs: readonly string[],
    options: { depth?: number } = {},
  ): Promise<void> {
    const args = ['fetch', '--no-tags', '--quiet'];
    if (options.depth) args.push(`--depth=${options.depth}`);
    await this.run([...args, remote, ...refspecs]);
  }

  /** changedPaths lists paths under `pathspecs` whose content differs from HEAD, plus untracked ones. */
  async changedPaths(pathspecs: readonly string[]): Promise<string[]> {
    const { stdout: out } = await this.exec([
      'status',
      '--porcelain=v1',
      '-z',
      '--untracked-files=all',
      '--',
      ...pathspecs,
    ]);
    const paths: string[] = [];
    const fields = out.split('\0').filter(Boolean);
    for (let i = 0; i < fields.length; i++) {
      const entry = fields[i]!;
      paths.push(entry.slice(3));
      if (entry[0] === 'R' || entry[0] === 'C') i++;
    }
    return paths;
  }
}
