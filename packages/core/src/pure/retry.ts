/** Options for retry: how often, how long between tries, and which errors are worth another try. */
export interface RetryOptions {
  attempts: number;
  baseMs?: number;
  maxMs?: number;
  retryable?: (error: unknown) => boolean;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** backoffDelay is the "full jitter" exponential delay before retry number `attempt` (1-based). */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** retry calls `fn` until it succeeds, the error is not retryable, or the attempts run out. */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const {
    attempts,
    baseMs = 1000,
    maxMs = 30_000,
    retryable = () => true,
    onRetry,
    sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
    random = Math.random,
  } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      const delay = backoffDelay(attempt, baseMs, maxMs, random);
      onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
