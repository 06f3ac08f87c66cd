// GitHub calls with the image's own retry policy (GITHUB_API_RETRIES attempts, a delay from
// GITHUB_API_RETRY_DELAY doubled at each retry, at most 60 s, longer when GitHub sends
// Retry-After; a stop signal cuts the wait short), and each failure explained with the exit code
// that says what happened. The calls themselves are core's runner registry on core's GitHub
// client (whose throttling still waits out rate limits); its own retries are off, so that every
// attempt is counted and logged here.
import { warn } from './log.ts';
import { EXIT, StartupError, type Target } from './settings.ts';
import type { Stop } from './signals.ts';

/** What went wrong with a request: the HTTP status (0: no answer) and GitHub's message. */
export interface Failure {
  status: number;
  message: string;
  retryAfterSeconds: number | undefined;
}

interface RequestErrorLike {
  status: number;
  message?: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

function asRequestError(error: unknown): RequestErrorLike | undefined {
  for (let current = error, depth = 0; current && depth < 3; depth++) {
    if (typeof (current as { status?: unknown }).status === 'number') {
      return current as RequestErrorLike;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f]/g, ' ').slice(0, 300);
}

/** failureOf reads the status and GitHub's own explanation from a failed request, if it is one. */
export function failureOf(error: unknown): Failure | undefined {
  const request = asRequestError(error);
  if (!request) return undefined;
  if (!request.response) {
    // Octokit reports a network failure as status 500 without an answer.
    return { status: 0, message: oneLine(request.message ?? ''), retryAfterSeconds: undefined };
  }
  const data = request.response.data as
    | { message?: unknown; errors?: unknown[] }
    | string
    | undefined;
  const parts: string[] = [];
  if (data && typeof data === 'object') {
    if (data.message) parts.push(String(data.message));
    for (const item of data.errors ?? []) {
      if (item && typeof item === 'object') {
        const { message, code } = item as { message?: unknown; code?: unknown };
        if (message ?? code) parts.push(String(message ?? code));
      } else {
        parts.push(String(item));
      }
    }
  }
  const retryAfter = Number(request.response.headers?.['retry-after']);
  return {
    status: request.status,
    message: oneLine(parts.join('; ')),
    retryAfterSeconds: Number.isInteger(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
  };
}

function retryable({ status, message }: Failure): boolean {
  // A secondary rate limit answers 403: waiting is the fix, not another credential.
  if (status === 403) return /rate limit/i.test(message);
  return [0, 408, 429, 500, 502, 503, 504].includes(status);
}

/** StopRequested ends a wait that a stop signal cut short. */
export class StopRequested extends Error {
  constructor() {
    super('stop requested');
    this.name = 'StopRequested';
  }
}

/** The API's context: the target, the credential's kind, the retry settings and the stop state. */
export interface ApiOptions {
  target: Target;
  runnerUrl: string;
  usesApp: boolean;
  attempts: number;
  retryDelaySeconds: number;
  stop: Stop;
}

/** Api runs GitHub calls with the image's retries and turns failures into StartupErrors. */
export class Api {
  private readonly options: ApiOptions;

  constructor(options: ApiOptions) {
    this.options = options;
  }

  /**
   * call runs `fn` until it succeeds, fails for good, or (when `abortable`) a stop signal comes.
   * A failure that is not a GitHub request is thrown as it is.
   */
  async call<T>(what: string, fn: () => Promise<T>, abortable: boolean): Promise<T> {
    const { attempts, retryDelaySeconds, stop } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        const failure = failureOf(error);
        if (!failure) throw error;
        if (!retryable(failure) || attempt >= attempts) throw this.explain(what, failure);
        let delay = retryDelaySeconds * 2 ** (attempt - 1);
        delay = Math.min(60, Math.max(delay, failure.retryAfterSeconds ?? 0));
        const message = failure.message ? ` (${failure.message})` : '';
        warn(
          `${what}: ${statusText(failure)}${message}; attempt ${attempt + 1} of ${attempts} in ${delay}s.`,
        );
        await stop.pause(delay * 1000);
        if (abortable && stop.signal) throw new StopRequested();
      }
    }
  }

  /** explain says why a request failed, GitHub's message and the probable cause included. */
  explain(what: string, failure: Failure): StartupError {
    const { target, runnerUrl, usesApp, attempts } = this.options;
    const { status } = failure;
    let code: number = EXIT.api;
    let cause: string;
    if (status === 401) {
      code = EXIT.auth;
      cause = usesApp
        ? 'GitHub did not accept the App credential: check GITHUB_APP_ID, that the private key ' +
          'belongs to that App and was not revoked, and the clock of the node (an App JWT is ' +
          'valid for ten minutes).'
        : 'the personal access token is wrong, expired or revoked.';
    } else if (status === 403) {
      code = EXIT.auth;
      cause =
        target.scope.kind === 'repository'
          ? 'the credential may not manage the runners of this repository: a classic token needs ' +
            'the "repo" scope; a fine-grained token or a GitHub App needs "Administration: read ' +
            'and write" on the repository.'
          : 'the credential may not manage the runners of this organisation: a classic token ' +
            'needs the "admin:org" scope; a fine-grained token or a GitHub App needs "Self-hosted ' +
            'runners: read and write" on the organisation.';
      cause += ' If the organisation enforces SAML single sign-on, authorise the token for it.';
    } else if (status === 404) {
      code = EXIT.notFound;
      cause =
        `RUNNER_URL (${runnerUrl}) or GITHUB_API_URL (${target.apiUrl}) is wrong, or the ` +
        'credential cannot see it: GitHub answers 404, not 403, for a private repository a token ' +
        `has no access to${usesApp ? ', and when the App is not installed there' : ''}. For ` +
        'GitHub Enterprise Server, GITHUB_API_URL is https://HOST/api/v3.';
    } else if (status === 409 || status === 422) {
      cause =
        'GitHub rejected the request itself: check RUNNER_GROUP_ID, RUNNER_LABELS, RUNNER_NAME ' +
        '(a just-in-time runner needs a name not in use) and, for an App, that the installation ' +
        'granted the permission this image asks for.';
    } else if (status === 0) {
      cause =
        `GitHub could not be reached at ${target.apiUrl}: check GITHUB_API_URL, DNS, the proxy ` +
        '(HTTPS_PROXY) and the network policy of the pod.';
    } else {
      cause = `GitHub kept failing after ${attempts} attempts; check its status and retry.`;
    }
    const message = failure.message ? `: ${failure.message}` : '';
    return new StartupError(
      code,
      `${what} failed (${statusText(failure)}${message}). Probable cause: ${cause}`,
    );
  }
}

function statusText(failure: Failure): string {
  return failure.status === 0 ? 'no answer' : `HTTP ${failure.status}`;
}
