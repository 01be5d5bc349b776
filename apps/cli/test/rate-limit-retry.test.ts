import { describe, expect, it } from 'vitest';
import { AbortedError, RateLimitedError } from '@spideriq/client';
import { withRateLimitRetry } from '../src/rate-limit-retry.ts';

/** A call that answers 429 `failures` times (asking for `retryAfterMs`), then succeeds. */
function flaky(failures: number, retryAfterMs: number | null) {
  let calls = 0;
  return {
    calls: () => calls,
    send: async () => {
      calls += 1;
      if (calls <= failures) throw new RateLimitedError(retryAfterMs, 'Rate limit exceeded');
      return 'ok';
    },
  };
}

describe('withRateLimitRetry', () => {
  it('waits out 429 answers up to the allowed retries', async () => {
    const call = flaky(2, 5);
    const waits: number[] = [];
    await expect(withRateLimitRetry(call.send, { retries: 2, deadline: Infinity, now: Date.now, onWait: (ms) => waits.push(ms) })).resolves.toBe('ok');
    expect(call.calls()).toBe(3);
    expect(waits).toEqual([5, 5]);
  });

  it.each([
    ['after the last retry', 3, 2, 5, Infinity, 3],
    ['at once when no retry is allowed', 1, 0, 5, Infinity, 1],
    ['at once when Retry-After outlasts the deadline', 1, 5, 60_000, Date.now() + 1_000, 1],
  ])('rethrows the RateLimitedError %s', async (_name, failures, retries, retryAfter, deadline, calls) => {
    const call = flaky(failures, retryAfter);
    await expect(withRateLimitRetry(call.send, { retries, deadline, now: Date.now })).rejects.toBeInstanceOf(RateLimitedError);
    expect(call.calls()).toBe(calls);
  });

  it('stops a wait on Ctrl-C with AbortedError', async () => {
    const controller = new AbortController();
    const pending = withRateLimitRetry(flaky(1, 60_000).send, { retries: 1, deadline: Infinity, now: Date.now, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('Ctrl-C')), 10);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });

  it('passes other errors through untouched', async () => {
    const boom = new Error('boom');
    await expect(withRateLimitRetry(() => Promise.reject(boom), { retries: 3, deadline: Infinity, now: Date.now })).rejects.toBe(boom);
  });
});
