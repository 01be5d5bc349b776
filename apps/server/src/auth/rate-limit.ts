import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import type pg from 'pg';

/** The state of one client's allowance after a request. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds at which the full allowance is back. */
  resetAt: number;
  /** Seconds to wait before a request is allowed (0 when allowed). */
  retryAfter: number;
}

/** Where the counters live: this process's memory, or a store every API process shares. */
export type RateLimitStore =
  | { kind: 'memory' }
  | { kind: 'redis'; client: Redis; keyPrefix: string }
  /** `rate_limits` in the job store's schema (created by its migrations). */
  | { kind: 'postgres'; pool: pg.Pool; schema: string };

/**
 * `perMinute` requests a minute per client, at most `burst` of them in any `burst / perMinute` of a
 * minute (20 in 12 s for 100/min), on rate-limiter-flexible. With a Redis or PostgreSQL store the
 * allowance is one per client for the whole cluster, not per process.
 */
export class ClientRateLimiter {
  readonly #minute: RateLimiterAbstract;
  readonly #burst: RateLimiterAbstract;

  constructor(
    readonly perMinute: number,
    readonly burst: number,
    store: RateLimitStore,
  ) {
    const burstSeconds = Math.max(1, Math.round((burst * 60) / perMinute));
    this.#minute = limiter(store, 'rl_minute', perMinute, 60);
    this.#burst = limiter(store, 'rl_burst', Math.min(burst, perMinute), burstSeconds);
  }

  /** Spends one request of the client's allowance (the burst first, so a refused burst costs no minute point). */
  async take(key: string, nowMs: number): Promise<RateDecision> {
    const burst = await settle(this.#burst.consume(key));
    const minute = burst.allowed ? await settle(this.#minute.consume(key)) : await settle(this.#minute.get(key));
    const allowed = burst.allowed && minute.allowed;
    const minuteLeft = minute.res ? minute.res.remainingPoints : this.perMinute;
    const remaining = Math.max(0, Math.min(burst.res.remainingPoints, minuteLeft));
    const refused = !burst.allowed ? burst.res : minute.res;
    return {
      allowed,
      limit: this.perMinute,
      remaining,
      resetAt: Math.ceil((nowMs + Math.max(burst.res.msBeforeNext, minute.res?.msBeforeNext ?? 0)) / 1000),
      retryAfter: allowed ? 0 : Math.max(1, Math.ceil((refused?.msBeforeNext ?? 1000) / 1000)),
    };
  }
}

function limiter(store: RateLimitStore, prefix: string, points: number, duration: number): RateLimiterAbstract {
  const common = { keyPrefix: prefix, points, duration };
  switch (store.kind) {
    case 'memory':
      return new RateLimiterMemory(common);
    case 'redis':
      return new RateLimiterRedis({ ...common, keyPrefix: `${store.keyPrefix}${prefix}`, storeClient: store.client });
    case 'postgres':
      return new RateLimiterPostgres({
        ...common,
        storeClient: store.pool,
        storeType: 'pool',
        schemaName: store.schema,
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
      });
  }
}

/**
 * rate-limiter-flexible rejects with a `RateLimiterRes` when the points are spent, and with an `Error`
 * when the store fails; only the first is a decision. `get` resolves null for a key never seen.
 */
async function settle(attempt: Promise<RateLimiterRes | null>): Promise<{ allowed: boolean; res: RateLimiterRes }> {
  try {
    const res = await attempt;
    return { allowed: true, res: res ?? new RateLimiterRes(0, 0, 0, false) };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, res: rejection };
    throw rejection;
  }
}
