/** The state of one client's bucket after a request. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds at which the bucket is full again. */
  resetAt: number;
  /** Seconds to wait before a request is allowed (0 when allowed). */
  retryAfter: number;
}

/**
 * A token bucket per client: `burst` requests at once, refilled at `perMinute` per minute.
 * Pure apart from the clock it is given.
 */
export class TokenBucketLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #ratePerMs: number;

  constructor(
    readonly perMinute: number,
    readonly burst: number,
  ) {
    this.#ratePerMs = perMinute / 60_000;
  }

  take(key: string, nowMs: number): RateDecision {
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (nowMs - bucket.at) * this.#ratePerMs);
    bucket.at = nowMs;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    const toFullMs = (this.burst - bucket.tokens) / this.#ratePerMs;
    return {
      allowed,
      limit: this.perMinute,
      remaining: Math.floor(bucket.tokens),
      resetAt: Math.ceil((nowMs + toFullMs) / 1000),
      retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / this.#ratePerMs / 1000)),
    };
  }
}
