import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { BullJobQueue } from '../src/index.js';
import type { QueueTarget, RunnableJob } from '../src/index.js';
import { PG_URL } from './support/backends.js';

const REDIS_URL = process.env.SPIDERIQ_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const schemas: string[] = [];
const prefixes: string[] = [];
afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  for (const p of prefixes) {
    const keys = await redis.keys(`${p}:*`);
    if (keys.length) await redis.del(...keys);
  }
  await redis.quit();
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await admin.end();
});

const targets: [string, () => QueueTarget][] = [
  [
    'Redis',
    () => {
      const prefix = `tq${randomUUID().slice(0, 8)}`;
      prefixes.push(prefix);
      return { connection: { kind: 'redis', url: REDIS_URL }, prefix };
    },
  ],
  [
    'PostgreSQL',
    () => {
      const schema = `tq_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      schemas.push(schema);
      return { connection: { kind: 'postgres', url: PG_URL, schema }, prefix: 'tq' };
    },
  ],
];
const job = (priority = 0): RunnableJob => ({ id: randomUUID(), type: 'spiderSite', priority });

describe.each(targets)('BullJobQueue on %s', (_name, target) => {
  it('adds every job of a burst of enqueues, once each, even when one is enqueued twice at once', async () => {
    const queue = new BullJobQueue(target(), ['spiderSite'], 3);
    try {
      await queue.ready();
      const jobs = Array.from({ length: 40 }, (_, i) => job(i % 11));
      await Promise.all([...jobs, jobs[0]!, jobs[1]!].map((j) => queue.enqueue(j)));
      expect(await Promise.all(jobs.map((j) => queue.holds(j)))).toEqual(jobs.map(() => true));
      const counts = await queue.counts('spiderSite');
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(40);
      // Enqueueing again (the reconciler racing the API) adds nothing.
      await Promise.all(jobs.map((j) => queue.enqueue(j)));
      expect(Object.values(await queue.counts('spiderSite')).reduce((a, b) => a + b, 0)).toBe(40);
    } finally {
      await queue.close();
    }
  });

  it('a job BullMQ refuses fails only its own enqueue; the others of its burst are added', async () => {
    const queue = new BullJobQueue(target(), ['spiderSite'], 3);
    try {
      await queue.ready();
      const good = Array.from({ length: 10 }, () => job());
      const bad = job(-3_000_000); // a BullMQ priority past its 2^21 limit
      const outcomes = await Promise.allSettled([...good.slice(0, 5), bad, ...good.slice(5)].map((j) => queue.enqueue(j)));
      expect(outcomes.map((o) => o.status)).toEqual([...Array(5).fill('fulfilled'), 'rejected', ...Array(5).fill('fulfilled')]);
      expect(await Promise.all(good.map((j) => queue.holds(j)))).toEqual(good.map(() => true));
      expect(await queue.holds(bad)).toBe(false);
    } finally {
      await queue.close();
    }
  });
});
