import { parseRetryAfter } from '@spideriq/schema/http';
import type { Clock, Sleep } from './clock.js';

/** How hard to retry a transient failure (HTTP 429, 5xx, a dropped connection). */
export interface RetryPolicy {
  /** Extra attempts after the first one. */
  retries: number;
  /** First backoff delay; doubled on each retry. */
  baseDelayMs: number;
  /** Upper bound for one delay, also for a server's `Retry-After`. */
  maxDelayMs: number;
}

/** Three retries at 1 s, 2 s, 4 s (capped at 30 s): enough to ride out a per-minute quota blip. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 };


/** The delay before retry number `retry` (0-based): the server's `Retry-After` wins over backoff. */
export function retryDelay(retry: number, retryAfterMs: number | null, policy: RetryPolicy): number {
  const backoff = policy.baseDelayMs * 2 ** retry;
  return Math.min(retryAfterMs ?? backoff, policy.maxDelayMs);
}

/** A transient failure that was retried until the policy ran out. */
export type TransientFailure =
  | { kind: 'status'; response: Response; attempts: number }
  | { kind: 'network'; error: unknown; attempts: number };

/** What `fetchWithRetry` needs besides the request itself. */
export interface RetryOptions {
  policy: RetryPolicy;
  now: Clock;
  sleep: Sleep;
  signal?: AbortSignal;
  /** Which statuses are worth retrying; default 429 and every 5xx. */
  isTransient?: (status: number) => boolean;
}

/** The default transient statuses: rate limited or a server-side failure. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Runs `send` until it returns a non-transient response, or the policy runs out. Returns
 * `{ response }` on a final answer (2xx or a permanent error) and `{ failure }` when every attempt was
 * transient, so the caller can word the error for its provider. An abort is rethrown at once.
 */
export async function fetchWithRetry(
  send: () => Promise<Response>,
  options: RetryOptions,
): Promise<{ response: Response; failure?: undefined } | { response?: undefined; failure: TransientFailure }> {
  const transient = options.isTransient ?? isTransientStatus;
  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (attempt >= options.policy.retries) return { failure: { kind: 'network', error, attempts: attempt + 1 } };
      await options.sleep(retryDelay(attempt, null, options.policy), options.signal);
      continue;
    }
    if (!transient(response.status)) return { response };
    if (attempt >= options.policy.retries) return { failure: { kind: 'status', response, attempts: attempt + 1 } };
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), options.now());
    await response.body?.cancel();
    await options.sleep(retryDelay(attempt, retryAfter, options.policy), options.signal);
  }
}
