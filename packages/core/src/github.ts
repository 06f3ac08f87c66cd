// Loaded lazily (`await import('@mlops-actions/core/github')`): Octokit is the heaviest module we
// bundle, and only the steps that talk to GitHub should pay for it.
import { getOctokit as actionsGetOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { setSecret, warning } from './runtime.ts';

/** The Octokit client our actions use: REST + GraphQL + pagination, with retry and throttling. */
export type GitHubClient = ReturnType<typeof actionsGetOctokit>;

/** Options for the GitHub client: API base (GitHub Enterprise Server) and how patient to be. */
export interface ClientOptions {
  apiUrl?: string;
  retries?: number;
  userAgent?: string;
  /**
   * How long one request may take before it is abandoned (and, like a server error, retried):
   * default 60 s. Without it a connection GitHub never answers holds the job until its timeout.
   */
  requestTimeoutMs?: number;
}

/** The longest one request to GitHub may take, unless a caller says otherwise. */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * getOctokit builds a client that honours GITHUB_API_URL, retries server errors, and waits out
 * primary and secondary rate limits a few times before giving up.
 */
export function getOctokit(token: string, options: ClientOptions = {}): GitHubClient {
  setSecret(token);
  const baseUrl = (
    options.apiUrl ||
    process.env['GITHUB_API_URL'] ||
    'https://api.github.com'
  ).replace(/\/+$/, '');
  return actionsGetOctokit(
    token,
    {
      baseUrl,
      userAgent: options.userAgent ?? 'mlops-actions',
      // @actions/github's own request options (its proxy-aware fetch and agent), each request
      // given a time limit.
      request: {
        ...defaults.request,
        fetch: timeLimited(
          defaults.request?.fetch ?? globalThis.fetch,
          options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
        ),
      },
      // Set on the plugin, not as request.retries: the plugin retries every failed request that
      // carries request.retries, refusals (401, 403, 404, 422) included.
      retry: { retries: options.retries ?? 3 },
      throttle: {
        onRateLimit: waitOutLimit('rate limit'),
        onSecondaryRateLimit: waitOutLimit('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * timeLimited gives each call of `fetch` at most `ms` milliseconds (reading the answer's body
 * included): a request GitHub does not answer in time fails naming the request and the limit,
 * which Octokit reports as a 500, so the retry plugin tries it again.
 */
function timeLimited(fetch: Fetch, ms: number): Fetch {
  return async (url, init) => {
    const limit = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, limit]) : limit;
    try {
      return await fetch(url, { ...init, signal });
    } catch (e) {
      if (!limit.aborted || init?.signal?.aborted) throw e;
      const path = new URL(url).pathname;
      throw new Error(
        `GitHub did not answer ${init?.method ?? 'GET'} ${path} within ${ms / 1000} s`,
      );
    }
  };
}

/** waitOutLimit warns about a GitHub rate limit and lets the throttling plugin retry twice. */
function waitOutLimit(kind: string) {
  return (
    retryAfter: number,
    request: { method: string; url: string },
    _octokit: unknown,
    count: number,
  ) => {
    warning(
      `GitHub ${kind} hit on ${request.method} ${request.url}; retrying after ${retryAfter}s`,
    );
    return count < 2;
  };
}

/** httpStatus returns the HTTP status of an Octokit RequestError, or undefined for other errors. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
