// Containerize the Bento with the chosen backend, log in to the registry, and push each tag with
// retry and backoff on transient registry errors (never on auth errors).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecError, exec } from '../exec.ts';
import { ActionError } from '../pure/errors.ts';
import { retry } from '../pure/retry.ts';
import { warning } from '../runtime.ts';
import { findOnPath } from '../tools/which.ts';
import {
  type Backend,
  backendInstallHint,
  backendTool,
  containerizeArgs,
  loginCommand,
  pushCommand,
} from './commands.ts';
import {
  bentomlFailure,
  classifyPushFailure,
  type PushFailureKind,
  parseDockerPushDigest,
  pushFailureReason,
} from './messages.ts';
import { registryOf } from './reference.ts';
import { type BentomlCli, runBentoml } from './store.ts';

/** checkBackend fails before any work when the backend's program is not on PATH. */
export async function checkBackend(
  backend: Backend,
  pathValue = process.env['PATH'] ?? '',
): Promise<string> {
  const tool = backendTool(backend);
  const found = findOnPath(tool, pathValue);
  if (!found) {
    throw new ActionError(`the ${backend} backend needs \`${tool}\`, which is not on PATH`, {
      hint: backendInstallHint(backend),
    });
  }
  if (backend === 'buildx') {
    await exec(found, ['buildx', 'version'], { silent: true }).catch((error: unknown) => {
      throw new ActionError(
        'the buildx backend needs the Docker Buildx plugin, which `docker buildx version` did not find',
        {
          hint: backendInstallHint(backend),
          cause: error,
        },
      );
    });
  }
  return found;
}

/** containerize builds the Bento's image with every reference as a tag. */
export async function containerize(
  cli: BentomlCli,
  options: {
    bentoTag: string;
    backend: Backend;
    references: readonly string[];
    platform?: string | undefined;
  },
): Promise<void> {
  try {
    await runBentoml(cli, containerizeArgs(options));
  } catch (error) {
    if (!(error instanceof ExecError)) throw error;
    const message = bentomlFailure(`${error.stderr}\n${error.stdout}`).message;
    throw new ActionError(
      `\`bentoml containerize ${options.bentoTag}\` with the ${options.backend} backend failed: ${message.length > 300 ? `${message.slice(0, 297)}...` : message}`,
      {
        hint: "The log group 'Containerize' shows the builder's output; the base image and the bento's packages must be reachable from the builder",
        cause: error,
      },
    );
  }
}

/**
 * A push or login that failed: what kind of failure its output shows, and why in a few words.
 * The message is that short reason; the tool's whole command and output are in the log above.
 */
export class PushError extends ActionError {
  readonly kind: PushFailureKind;
  readonly reference: string;
  readonly reasonHint: string | undefined;

  constructor(reference: string, cause: ExecError) {
    const output = `${cause.stderr}\n${cause.stdout}`;
    const { reason, hint } = pushFailureReason(output);
    super(reason, { cause });
    this.name = 'PushError';
    this.kind = classifyPushFailure(output);
    this.reference = reference;
    this.reasonHint = hint;
  }
}

/** Who pushes: the registry login, when there is one. */
export interface Credentials {
  registry: string;
  username: string;
  password: string;
}

/** How patiently to push and log in. */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

/** The default push retry: four tries, about 2 s, 4 s and 8 s apart (with jitter). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 2000, maxMs: 30_000 };

function retryOptions(policy: RetryPolicy, what: string) {
  return {
    attempts: policy.attempts,
    baseMs: policy.baseMs,
    maxMs: policy.maxMs,
    retryable: (error: unknown) => error instanceof PushError && error.kind === 'transient',
    onRetry: (error: unknown, attempt: number, delayMs: number) =>
      warning(
        `${what} failed with a transient registry error (try ${attempt} of ${policy.attempts}): ${error instanceof Error ? error.message : String(error)}; retrying in ${(delayMs / 1000).toFixed(1)}s.`,
      ),
  };
}

function credentialText(registry: string, credentials: Credentials | undefined): string {
  return credentials && credentials.registry === registry
    ? `as '${credentials.username}' (the 'username' and 'password' inputs)`
    : "without credentials from this action (set 'registry', 'username' and 'password', or log in before this step)";
}

/** login logs in to a registry with the password on stdin; transient failures are retried. */
export async function login(
  backend: Backend,
  credentials: Credentials,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<void> {
  const { command, args } = loginCommand(backend, credentials.registry, credentials.username);
  try {
    await retry(
      async () => {
        try {
          await exec(command, args, {
            input: `${credentials.password}\n`,
            secrets: [credentials.password],
            // Inside the 'Log in' group: a failure's command and output are written there.
            inGroup: true,
          });
        } catch (error) {
          if (!(error instanceof ExecError)) throw error;
          throw new PushError(credentials.registry, error);
        }
      },
      retryOptions(policy, `Login to ${credentials.registry}`),
    );
  } catch (error) {
    if (!(error instanceof PushError)) throw error;
    if (error.kind === 'auth') {
      throw new ActionError(
        `${credentials.registry} rejected the login as '${credentials.username}': ${error.message}`,
        {
          hint: "Check 'username' and 'password' (a token with permission to push to the repository)",
          cause: error,
        },
      );
    }
    const tries = error.kind === 'transient' ? ` after ${policy.attempts} tries` : '';
    throw new ActionError(
      `the login to ${credentials.registry} as '${credentials.username}' failed${tries}: ${error.message}`,
      {
        hint: error.reasonHint ?? "The log group 'Log in' above shows the tool's whole output",
        cause: error,
      },
    );
  }
}

/** What one pushed reference left: its digest as the registry has it. */
export interface PushedReference {
  reference: string;
  digest: string;
}

/** pushReference pushes one reference once and returns its digest. */
async function pushReference(
  backend: Backend,
  reference: string,
  secrets: string[],
): Promise<string> {
  const dir = mkdtempSync(join(process.env['RUNNER_TEMP'] || tmpdir(), 'bentoml-push-'));
  const digestFile = join(dir, 'digest');
  try {
    const { command, args } = pushCommand(backend, reference, digestFile);
    let output: string;
    try {
      // Inside the 'Push' group: a failure's command and output are written there, above the
      // one-line warning or error.
      const result = await exec(command, args, { secrets, inGroup: true });
      output = `${result.stdout}\n${result.stderr}`;
    } catch (error) {
      if (!(error instanceof ExecError)) throw error;
      throw new PushError(reference, error);
    }
    const digest = existsSync(digestFile)
      ? readFileSync(digestFile, 'utf8').trim()
      : parseDockerPushDigest(output);
    if (!digest)
      throw new ActionError(`\`${command} push ${reference}\` did not report the pushed digest`);
    return digest;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * pushAll pushes each reference in turn, retrying transient registry errors with backoff; an
 * auth error stops at once and names the registry and the credential used.
 */
export async function pushAll(
  backend: Backend,
  references: readonly string[],
  options: { credentials?: Credentials | undefined; policy?: RetryPolicy },
): Promise<PushedReference[]> {
  const policy = options.policy ?? DEFAULT_RETRY;
  const secrets = options.credentials ? [options.credentials.password] : [];
  const pushed: PushedReference[] = [];
  for (const reference of references) {
    try {
      const digest = await retry(
        () => pushReference(backend, reference, secrets),
        retryOptions(policy, `Push of ${reference}`),
      );
      pushed.push({ reference, digest });
    } catch (error) {
      if (!(error instanceof PushError)) throw error;
      const registry = registryOf(reference);
      if (error.kind === 'auth') {
        throw new ActionError(
          `${registry} denied the push of ${reference} ${credentialText(registry, options.credentials)}: ${error.message}`,
          {
            hint: `Give the credential push access to ${reference.slice(0, reference.lastIndexOf(':'))}, or fix 'registry', 'username' and 'password'`,
            cause: error,
          },
        );
      }
      const tries = error.kind === 'transient' ? ` after ${policy.attempts} tries` : '';
      throw new ActionError(
        `the push of ${reference} to ${registry} failed${tries}: ${error.message}`,
        {
          hint:
            error.reasonHint ??
            (error.kind === 'transient'
              ? 'The registry kept failing; try again later (the log above shows each try)'
              : "The log group 'Push' above shows the push tool's whole output"),
          cause: error,
        },
      );
    }
  }
  return pushed;
}
