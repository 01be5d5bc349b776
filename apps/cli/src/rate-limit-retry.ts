import { setTimeout as delay } from 'node:timers/promises';
import { AbortedError, RateLimitedError } from '@spideriq/client';

/** How one-shot calls (submit, list, status, cancel) wait out 429 answers. */
export interface RetryPolicy {
  /** How many 429 answers to wait out before giving up (`--retries`). */
  retries: number;
  /** Epoch ms after which no wait starts (`--timeout`); `Infinity` for none. */
  deadline: number;
  /** Ctrl-C. */
  signal?: AbortSignal;
  /** Clock (tests). */
  now: () => number;
  /** Told before each wait, so the user knows why nothing happens. */
  onWait?: (waitMs: number, attempt: number) => void;
}

// Without a usable Retry-After, wait a second: the server's bucket refills continuously.
const FALLBACK_WAIT_MS = 1_000;

/**
 * Calls `call`, waiting out 429 answers as `Retry-After` asks, up to `retries` times. It gives up at
 * once, rethrowing the RateLimitedError (exit 6), when the asked wait would outlast the deadline:
 * waiting a minute to then time out would only hide the real reason.
 */
export async function withRateLimitRetry<T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof RateLimitedError) || attempt > policy.retries) throw error;
      const waitMs = error.retryAfterMs ?? FALLBACK_WAIT_MS;
      if (policy.now() + waitMs > policy.deadline) throw error;
      policy.onWait?.(waitMs, attempt);
      try {
        await delay(waitMs, undefined, policy.signal === undefined ? {} : { signal: policy.signal });
      } catch (abort) {
        throw new AbortedError(policy.signal?.reason ?? abort);
      }
    }
  }
}
