import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresJobStore, SqliteJobStore, dedupKey } from '../src/index.js';
import { PG_URL, backends } from './support/backends.js';
import type { JobStore } from '../src/index.js';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
describe.each(backends)('%s job store', (_name, open) => {
let store: JobStore;
let dispose: () => Promise<void>;

const submit = (priority = 0, payload: object = { url: `https://x.test/${randomUUID()}` }, clientId = 'cli_a', now = t0) =>
  store.createJob({ id: randomUUID(), clientId, type: 'spiderSite', payload, priority, dedupKey: dedupKey(clientId, 'spiderSite', payload) }, now);

beforeEach(async () => {
  ({ store, dispose } = await open());
});
afterEach(async () => {
  await store.close();
  await dispose();
});

describe('queue and store contract', () => {
  it('runs higher priority first and equal priorities first in, first out', async () => {
    const a = await submit(0);
    const b = await submit(5);
    const c = await submit(5);
    const d = await submit(0);
    const order: string[] = [];
    for (let i = 0; i < 4; i++) order.push((await store.claim('w', ['spiderSite'], 10_000, t0))!.job.id);
    expect(order).toEqual([b.job.id, c.job.id, a.job.id, d.job.id]);
    expect(await store.claim('w', ['spiderSite'], 10_000, t0)).toBeNull();
  });

  it('returns the same job for an identical payload within 24 hours, per client only', async () => {
    const payload = { url: 'https://same.test', max_pages: 3 };
    const first = await submit(0, payload);
    const again = await submit(0, { max_pages: 3, url: 'https://same.test' }, 'cli_a', at(60_000));
    expect(again).toMatchObject({ fromCache: true, job: { id: first.job.id } });
    const other = await submit(0, payload, 'cli_b');
    expect(other.fromCache).toBe(false);
    const later = await submit(0, payload, 'cli_a', at(24 * 3600_000 + 1));
    expect(later.fromCache).toBe(false);
    const test = await submit(0, { ...payload, test: true });
    expect(test.fromCache).toBe(false);
  });

  it('makes a job claimable again when its lease expires, and counts a completion only with the current lease', async () => {
    const { job } = await submit();
    const first = (await store.claim('w1', ['spiderSite'], 1000, t0))!;
    expect(await store.claim('w2', ['spiderSite'], 1000, at(500))).toBeNull();
    const second = (await store.claim('w2', ['spiderSite'], 1000, at(1001)))!;
    expect(second.job).toMatchObject({ id: job.id, attempts: 2, workerId: 'w2' });
    expect(await store.heartbeat(job.id, first.leaseToken, 1000, at(1002))).toBe(false);
    expect(await store.complete(job.id, first.leaseToken, { a: 1 }, at(1003))).toBe(false);
    expect(await store.complete(job.id, second.leaseToken, { a: 2 }, at(1004))).toBe(true);
    expect(await store.complete(job.id, second.leaseToken, { a: 3 }, at(1005))).toBe(false);
    expect(await store.getJob(job.id)).toMatchObject({ status: 'completed', result: { a: 2 } });
  });

  it('fails a job after three attempts with the last error', async () => {
    const { job } = await submit();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const claimed = (await store.claim('w', ['spiderSite'], 1000, t0))!;
      expect(claimed.job.attempts).toBe(attempt);
      const code = attempt < 3 ? 'provider_unavailable' : 'fetch_failed';
      const outcome = await store.fail(job.id, claimed.leaseToken, { message: `boom ${attempt}`, code }, true, t0);
      expect(outcome).toBe(attempt < 3 ? 'requeued' : 'failed');
    }
    expect(await store.getJob(job.id)).toMatchObject({ status: 'failed', errorMessage: 'boom 3', errorCode: 'fetch_failed' });
  });

  it('keeps no error code once a retried job completes', async () => {
    const { job } = await submit();
    const first = (await store.claim('w', ['spiderSite'], 1000, t0))!;
    await store.fail(job.id, first.leaseToken, { message: 'flaky', code: 'timeout' }, true, t0);
    expect(await store.getJob(job.id)).toMatchObject({ status: 'queued', errorCode: 'timeout' });
    const second = (await store.claim('w', ['spiderSite'], 1000, t0))!;
    expect(await store.complete(job.id, second.leaseToken, {}, t0)).toBe(true);
    expect(await store.getJob(job.id)).toMatchObject({ status: 'completed', errorMessage: null, errorCode: null });
  });

  it('fails a job whose worker crashed on its last attempt', async () => {
    const { job } = await submit();
    for (let i = 0; i < 3; i++) await store.claim('w', ['spiderSite'], 1000, at(i * 2000));
    expect(await store.claim('w', ['spiderSite'], 1000, at(10_000))).toBeNull();
    expect(await store.getJob(job.id)).toMatchObject({ status: 'failed', errorCode: 'interrupted' });
  });

  it('cancels queued and processing jobs, refuses terminal ones, and hides other clients’ jobs', async () => {
    const queued = await submit();
    const running = await submit();
    const claimed = (await store.claim('w', ['spiderSite'], 1000, t0))!;
    expect(claimed.job.id).toBe(queued.job.id);
    expect(await store.cancel(running.job.id, 'cli_b', t0)).toEqual({ outcome: 'not_found' });
    expect(await store.cancel(queued.job.id, 'cli_a', t0)).toMatchObject({ outcome: 'cancelled', wasProcessing: true });
    expect(await store.complete(queued.job.id, claimed.leaseToken, {}, t0)).toBe(false);
    expect(await store.cancel(running.job.id, 'cli_a', t0)).toMatchObject({ outcome: 'cancelled', wasProcessing: false });
    expect(await store.cancel(running.job.id, 'cli_a', t0)).toMatchObject({ outcome: 'terminal' });
    expect(await store.getJob(running.job.id)).toMatchObject({ status: 'cancelled', errorCode: 'cancelled' });
  });

  it('releases leases on shutdown without spending an attempt', async () => {
    const { job } = await submit();
    const claimed = (await store.claim('w', ['spiderSite'], 60_000, t0))!;
    expect(await store.release([claimed.leaseToken], t0)).toBe(1);
    expect(await store.getJob(job.id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('never hands one job to two concurrent claimers', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await submit()).job.id);
    const claimed = await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        const mine: string[] = [];
        for (;;) {
          const next = await store.claim(`w${w}`, ['spiderSite'], 60_000, t0);
          if (!next) return mine;
          mine.push(next.job.id);
        }
      }),
    );
    const all = claimed.flat();
    expect(all).toHaveLength(20);
    expect(new Set(all)).toEqual(ids);
  });

  it('lists a client’s jobs with filters, sorting and paging', async () => {
    for (let i = 0; i < 5; i++) await submit(i, undefined, 'cli_a', at(i));
    await submit(0, undefined, 'cli_b');
    const page = await store.listJobs({ clientId: 'cli_a', sortBy: 'priority', sortOrder: 'desc', limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.jobs.map((j) => j.priority)).toEqual([2, 1]);
    const none = await store.listJobs({ clientId: 'cli_a', status: 'completed', sortBy: 'created_at', sortOrder: 'asc', limit: 10, offset: 0 });
    expect(none).toEqual({ total: 0, jobs: [] });
  });
});
});

describe('a database created before error_code existed', () => {
  const OLD_COLUMNS = `id, client_id, type, status, priority, payload, created_at, updated_at, attempts, error_message`;

  it('SQLite: gains the column and keeps its rows, with a null code', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'siq-store-')), 'db.sqlite');
    const { default: Database } = await import('better-sqlite3');
    const old = new Database(path);
    old.exec(`CREATE TABLE jobs (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, client_id TEXT NOT NULL, type TEXT NOT NULL,
      status TEXT NOT NULL, priority INTEGER NOT NULL, payload TEXT NOT NULL, dedup_key TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
      started_at TEXT, completed_at TEXT, worker_id TEXT, attempts INTEGER NOT NULL DEFAULT 0, lease_token TEXT, lease_expires_ms INTEGER,
      result TEXT, error_message TEXT, progress TEXT)`);
    const id = randomUUID();
    old.prepare(`INSERT INTO jobs (${OLD_COLUMNS}) VALUES (?, 'cli_a', 'spiderSite', 'failed', 0, '{}', ?, ?, 1, 'old failure')`).run(id, t0.toISOString(), t0.toISOString());
    old.close();
    const store = new SqliteJobStore({ path, maxAttempts: 3 });
    expect(await store.getJob(id)).toMatchObject({ status: 'failed', errorMessage: 'old failure', errorCode: null });
    const { job } = await store.createJob({ id: randomUUID(), clientId: 'cli_a', type: 'spiderSite', payload: {}, priority: 0, dedupKey: null }, t0);
    const claimed = (await store.claim('w', ['spiderSite'], 1000, t0))!;
    await store.fail(job.id, claimed.leaseToken, { message: 'blocked', code: 'blocked_url' }, false, t0);
    expect(await store.getJob(job.id)).toMatchObject({ errorCode: 'blocked_url' });
    await store.close();
  });

  it('PostgreSQL: gains the column and keeps its rows, with a null code', async () => {
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA "${schema}"`);
      await admin.query(`CREATE TABLE "${schema}".jobs (seq BIGSERIAL PRIMARY KEY, id UUID NOT NULL UNIQUE, client_id TEXT NOT NULL, type TEXT NOT NULL,
        status TEXT NOT NULL, priority INTEGER NOT NULL, payload JSONB NOT NULL, dedup_key TEXT, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL,
        started_at TIMESTAMPTZ, completed_at TIMESTAMPTZ, worker_id TEXT, attempts INTEGER NOT NULL DEFAULT 0, lease_token UUID, lease_expires_ms BIGINT,
        result TEXT, error_message TEXT, progress JSONB)`);
      const id = randomUUID();
      await admin.query(`INSERT INTO "${schema}".jobs (${OLD_COLUMNS}) VALUES ($1, 'cli_a', 'spiderSite', 'failed', 0, '{}', $2, $2, 1, 'old failure')`, [id, t0]);
      const store = new PostgresJobStore({ connectionString: PG_URL, schema, maxAttempts: 3, poolSize: 2 });
      await store.ready();
      expect(await store.getJob(id)).toMatchObject({ status: 'failed', errorMessage: 'old failure', errorCode: null });
      await store.close();
    } finally {
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    }
  });
});
