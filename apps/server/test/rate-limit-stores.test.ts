import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresJobStore } from '@spideriq/jobs';
import { ClientRateLimiter } from '../src/auth/rate-limit.js';
import type { RateLimitStore } from '../src/auth/rate-limit.js';

const PG_URL = process.env.SPIDERIQ_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.SPIDERIQ_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/**
 * Two API processes are two limiters over two connections to one shared store; the allowance must be
 * one per client across them. A random Redis key prefix / PostgreSQL schema per run, removed after.
 */
const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
const prefix = `test-${randomUUID()}:`;
const opened: { close(): Promise<unknown> }[] = [];
let shared: [string, () => RateLimitStore][] = [];

beforeAll(async () => {
  const store = new PostgresJobStore({ connectionString: PG_URL, schema, maxAttempts: 3, poolSize: 1 });
  await store.ready(); // its migrations create `rate_limits`
  await store.close();
  shared = [
    [
      'Redis',
      () => {
        const client = new Redis(REDIS_URL);
        opened.push({ close: () => client.quit() });
        return { kind: 'redis', client, keyPrefix: prefix };
      },
    ],
    [
      'PostgreSQL',
      () => {
        const pool = new pg.Pool({ connectionString: PG_URL, max: 2 });
        opened.push({ close: () => pool.end() });
        return { kind: 'postgres', pool, schema };
      },
    ],
  ];
});

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await Promise.all(opened.map((o) => o.close()));
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

describe('one allowance per client across processes', () => {
  it.each(['Redis', 'PostgreSQL'])('%s: two limiters share the burst, per client', async (name) => {
    const open = shared.find(([n]) => n === name)![1];
    const [a, b] = [new ClientRateLimiter(100, 5, open()), new ClientRateLimiter(100, 5, open())];
    const now = Date.now();
    const decisions = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).take(`cli_${name}`, now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    const refused = decisions.find((d) => !d.allowed)!;
    expect(refused).toMatchObject({ limit: 100, remaining: 0 });
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfter).toBeLessThanOrEqual(3); // 5 of 100/min = a 3 s window
    expect((await a.take(`cli_other_${name}`, now)).allowed).toBe(true);
  });
});

describe('the minute limit under the burst', () => {
  it('refuses past perMinute even when each burst window has room', async () => {
    // 4 a minute, burst 4: the burst window is the whole minute, so the fifth request is refused.
    const limiter = new ClientRateLimiter(4, 4, { kind: 'memory' });
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await limiter.take('cli_m', Date.now()));
    expect(seen.map((d) => [d.allowed, d.remaining])).toEqual([[true, 3], [true, 2], [true, 1], [true, 0], [false, 0]]);
    expect(seen[4]!.retryAfter).toBeGreaterThan(50);
  });
});
