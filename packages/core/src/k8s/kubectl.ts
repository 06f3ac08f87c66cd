// kubectl, called through core's exec with argv arrays, with the kubeconfig and context of the run.
import { type ExecOptions, type ExecResult, exec } from '../exec.ts';

/** Which kubectl and which cluster. */
export interface KubectlOptions {
  /** The kubectl binary (default `kubectl` on PATH). */
  bin?: string;
  /** Path of the kubeconfig file; unset means kubectl's own default (KUBECONFIG, ~/.kube/config). */
  kubeconfig?: string | undefined;
  context?: string | undefined;
  /** Limit for each plain request (not watches): a black-holed server fails instead of hanging. */
  requestTimeout?: string;
}

const NOT_FOUND_HINT =
  'Install kubectl on the runner (for example with azure/setup-kubectl in an earlier step), or add it to PATH';

/** Kubectl runs kubectl commands against one cluster. */
export class Kubectl {
  readonly bin: string;
  private readonly options: KubectlOptions;

  constructor(options: KubectlOptions = {}) {
    this.options = options;
    this.bin = options.bin ?? 'kubectl';
  }

  /** globalArgs are the flags every call carries (kubeconfig, context). */
  globalArgs(): string[] {
    const args: string[] = [];
    if (this.options.kubeconfig) args.push('--kubeconfig', this.options.kubeconfig);
    if (this.options.context) args.push('--context', this.options.context);
    return args;
  }

  /** run calls kubectl; `watch` calls (rollout status) get no per-request timeout. */
  run(
    args: readonly string[],
    options: ExecOptions & { watch?: boolean } = {},
  ): Promise<ExecResult> {
    const { watch, ...execOptions } = options;
    const limit = watch ? [] : [`--request-timeout=${this.options.requestTimeout ?? '30s'}`];
    return exec(this.bin, [...this.globalArgs(), ...limit, ...args], {
      notFoundHint: NOT_FOUND_HINT,
      ...execOptions,
    });
  }

  /** server returns the API server URL of the context in use, or undefined when none is configured. */
  async server(): Promise<string | undefined> {
    try {
      const result = await this.run(
        ['config', 'view', '--minify', '-o', 'jsonpath={.clusters[0].cluster.server}'],
        // Called inside a log group; a failure here only means no URL to show.
        { silent: true, inGroup: true },
      );
      return result.stdout.trim() || undefined;
    } catch {
      return undefined;
    }
  }
}
