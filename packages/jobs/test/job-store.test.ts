import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATION_NAMES, PostgresJobStore, SqliteJobStore, dedupKey } from '../src/index.js';
import type { ClientRecord, LeaseQueueStore, SqlJobStore } from '../src/index.js';
import { postgresSchema } from './fixtures/legacy-postgres-schema.js';
import { SQLITE_SCHEMA } from './fixtures/legacy-sqlite-schema.js';

/** The PostgreSQL this project's machines run (trust auth); `.ci/run` starts it when it is down. */
const PG_URL = process.env.SPIDERIQ_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * One backend: where a database lives (a SQLite file, or a PostgreSQL schema), how to open the store on
 * it, and raw SQL access for building old databases and checking what the store wrote.
 */
interface Backend {
  kind: 'sqlite' | 'postgres';
  fresh(): string;
  open(location: string): SqlJobStore;
  /** Runs statements on the location outside the store (`?` placeholders on both). */
  exec(location: string, statements: [string, unknown[]?][]): Promise<void>;
  query<R>(location: string, sql: string): Promise<R[]>;
  /** Builds the location with the DDL the store used before it had migrations. */
  legacy(location: string): Promise<void>;
  dispose(location: string): Promise<void>;
}

const pgExec = async <R,>(statements: [string, unknown[]?][], schema?: string): Promise<R[]> => {
  const client = new pg.Client({ connectionString: PG_URL, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  try {
    let rows: R[] = [];
    for (const [sql, params = []] of statements) {
      let n = 0;
      rows = (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as R[];
    }
    return rows;
  } finally {
    await client.end();
  }
};

const sqliteBackend: Backend = {
  kind: 'sqlite',
  fresh: () => join(mkdtempSync(join(tmpdir(), 'siq-store-')), 'db.sqlite'),
  open: (path) => new SqliteJobStore({ path, maxAttempts: 3 }),
  async exec(path, statements) {
    const db = new Database(path);
    for (const [sql, params = []] of statements) db.prepare(sql).run(...params);
    db.close();
  },
  async query<R>(path: string, sql: string) {
    const db = new Database(path);
    try {
      return db.prepare(sql).all() as R[];
    } finally {
      db.close();
    }
  },
  async legacy(path) {
    const db = new Database(path);
    db.exec(SQLITE_SCHEMA);
    db.close();
  },
  dispose: async () => undefined,
};

const postgresBackend: Backend = {
  kind: 'postgres',
  fresh: () => `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
  open: (schema) => new PostgresJobStore({ connectionString: PG_URL, schema, maxAttempts: 3, poolSize: 4 }),
  exec: async (schema, statements) => void (await pgExec(statements, schema)),
  query: (schema, sql) => pgExec([[sql]], schema),
  legacy: async (schema) => void (await pgExec([[postgresSchema(schema)]])),
  dispose: async (schema) => void (await pgExec([[`DROP SCHEMA IF EXISTS "${schema}" CASCADE`]])),
};

const backends: [string, Backend][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
];

/** The named indexes of the jobs table (not the primary key's or the unique constraint's). */
async function jobIndexes(backend: Backend, location: string): Promise<string[]> {
  const sql =
    backend.kind === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jobs' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name"
      : "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'jobs' AND indexname NOT IN ('jobs_pkey', 'jobs_id_key') ORDER BY indexname";
  return (await backend.query<{ name: string }>(location, sql)).map((r) => r.name);
}

/** Runs `test/support/store-process.ts` in `count` real processes that start the action at the same moment. */
async function inProcesses<R>(backend: Backend, location: string, action: 'bootstrap' | 'submit', count: number): Promise<R[]> {
  const script = fileURLToPath(new URL('./support/store-process.ts', import.meta.url));
  const args = JSON.stringify({ backend: backend.kind, location, url: PG_URL, startAt: Date.now() + 4000, action });
  const run = () =>
    new Promise<R>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', script, args], { timeout: 60_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').pop()!) as R),
      );
    });
  return Promise.all(Array.from({ length: count }, run));
}

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
describe.each(backends)('%s job store', (_name, backend) => {
let store: LeaseQueueStore;
let location: string;

const submit = (priority = 0, payload: object = { url: `https://x.test/${randomUUID()}` }, clientId = 'cli_a', now = t0) =>
  store.createJob({ id: randomUUID(), clientId, type: 'spiderSite', payload, priority, dedupKey: dedupKey(clientId, 'spiderSite', payload) }, now);

beforeEach(async () => {
  location = backend.fresh();
  const opened = backend.open(location);
  await opened.ready();
  store = opened;
});
afterEach(async () => {
  await store.close();
  await backend.dispose(location);
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

  it('orders a job whose lease expired among the queued ones by priority, then by submission', async () => {
    const expired = await submit(5);
    expect((await store.claim('w', ['spiderSite'], 1000, t0))!.job.id).toBe(expired.job.id);
    const low = await submit(0);
    const high = await submit(9);
    const same = await submit(5);
    const order: string[] = [];
    for (let i = 0; i < 4; i++) order.push((await store.claim('w', ['spiderSite'], 60_000, at(2000)))!.job.id);
    expect(order).toEqual([high.job.id, expired.job.id, same.job.id, low.job.id]);
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

  it('takes a named job for a run, as a queue engine does, and lists the runnable ones', async () => {
    const { job } = await submit();
    const take = async (now: Date) => {
      const taken = await store.claimJob(job.id, 'w', 1000, now);
      if (taken.outcome !== 'claimed') throw new Error(`claimJob: ${taken.outcome}`);
      return taken.claimed;
    };
    expect(await store.listRunnable(t0, 10)).toEqual([{ id: job.id, type: 'spiderSite', priority: 0 }]);
    const first = await take(t0);
    expect(await store.listRunnable(at(500), 10)).toEqual([]);
    expect(await store.listRunnable(at(1001), 10)).toEqual([{ id: job.id, type: 'spiderSite', priority: 0 }]);
    const second = await take(at(1001));
    expect(second.job).toMatchObject({ attempts: 2, status: 'processing' });
    expect(await store.complete(job.id, first.leaseToken, {}, at(1002))).toBe(false);
    await take(at(3000));
    expect(await store.claimJob(job.id, 'w', 1000, at(10_000))).toMatchObject({ outcome: 'exhausted', job: { status: 'failed', errorCode: 'interrupted' } });
    expect((await store.getJob(job.id))!.errorMessage).toMatch(/interrupted 3 times/);
    expect(await store.claimJob(job.id, 'w', 1000, at(10_000))).toEqual({ outcome: 'gone' });
    expect(await store.listRunnable(at(20_000), 10)).toEqual([]);
  });

  // PostgreSQL runs these as one statement per batch of concurrent calls: each call must still get its own answer.
  it('answers each of many concurrent submits, claims and completions as if they had run one by one', async () => {
    const same = { url: 'https://same.test/' };
    const [distinct, twins] = await Promise.all([
      Promise.all(Array.from({ length: 30 }, () => submit())),
      Promise.all(Array.from({ length: 5 }, () => submit(0, same))),
    ]);
    expect(new Set(distinct.map((s) => s.job.id)).size).toBe(30);
    expect(distinct.every((s) => !s.fromCache && s.job.status === 'queued')).toBe(true);
    expect(new Set(twins.map((s) => s.job.id)).size).toBe(1);
    expect(twins.filter((s) => !s.fromCache)).toHaveLength(1);
    // Each answer is the row as stored, column for column.
    for (const s of [...distinct, ...twins]) expect({ ...s.job }).toEqual({ ...(await store.getJob(s.job.id))! });

    const jobs = distinct.map((s) => s.job);
    const claims = await Promise.all(jobs.map((job, i) => store.claimJob(job.id, `w${i}`, 60_000, at(i))));
    claims.forEach((taken, i) => {
      if (taken.outcome !== 'claimed') throw new Error(`claimJob: ${taken.outcome}`);
      expect(taken.claimed.job).toMatchObject({ id: jobs[i]!.id, status: 'processing', workerId: `w${i}`, attempts: 1, startedAt: at(i).toISOString() });
    });
    const leases = claims.map((taken) => (taken.outcome === 'claimed' ? taken.claimed.leaseToken : ''));

    // Every other completion holds a stale lease: only the others count.
    const done = await Promise.all(jobs.map((job, i) => store.complete(job.id, i % 2 ? randomUUID() : leases[i]!, { n: i }, at(100))));
    expect(done).toEqual(jobs.map((_, i) => i % 2 === 0));
    for (const [i, job] of jobs.entries()) {
      const stored = (await store.getJob(job.id))!;
      expect(stored.status).toBe(i % 2 ? 'processing' : 'completed');
      if (i % 2 === 0) expect(stored.result).toEqual({ n: i });
    }
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

describe('migrations and processes sharing one database', () => {
  const client = (id: string): ClientRecord => ({ id, name: id, keyHash: 'k'.repeat(64), secretHash: 's'.repeat(64), disabled: false, createdAt: t0.toISOString() });

  it('migrates a database the store created before it had migrations, keeping its rows', async () => {
    const old = backend.fresh();
    try {
      await backend.legacy(old);
      const payload = { url: 'https://old.test' };
      const key = dedupKey('cli_old', 'spiderSite', payload)!;
      const [queued, done] = [randomUUID(), randomUUID()];
      const insert = `INSERT INTO jobs (id, client_id, type, status, priority, payload, dedup_key, created_at, updated_at, completed_at, result)
        VALUES (?, 'cli_old', 'spiderSite', ?, 0, ?, ?, ?, ?, ?, ?)`;
      await backend.exec(old, [
        [insert, [done, 'completed', JSON.stringify({ url: 'https://done.test' }), null, t0.toISOString(), t0.toISOString(), t0.toISOString(), '{"a":1}']],
        [insert, [queued, 'queued', JSON.stringify(payload), key, t0.toISOString(), t0.toISOString(), null, null]],
        [`INSERT INTO clients (id, name, key_hash, secret_hash, created_at) VALUES ('cli_old', 'old', 'k', 's', ?)`, [t0.toISOString()]],
      ]);
      const upgraded = backend.open(old);
      try {
        await upgraded.ready();
        expect(await upgraded.getJob(done)).toMatchObject({ status: 'completed', result: { a: 1 }, resultJson: '{"a":1}', createdAt: t0.toISOString() });
        expect((await upgraded.listClients()).map((c) => c.id)).toEqual(['cli_old']);
        // The old job still dedups: the migration filled the dedup table from the jobs it found.
        const again = await upgraded.createJob({ id: randomUUID(), clientId: 'cli_old', type: 'spiderSite', payload, priority: 0, dedupKey: key }, at(1000));
        expect(again).toMatchObject({ fromCache: true, job: { id: queued } });
        expect((await upgraded.claim('w', ['spiderSite'], 1000, at(2000)))!.job).toMatchObject({ id: queued, payload });
        const applied = await backend.query<{ name: string }>(old, 'SELECT name FROM spideriq_migrations ORDER BY name');
        expect(applied.map((r) => r.name)).toEqual([...MIGRATION_NAMES]);
        // The old database ends with the same indexes as a new one: none left that nothing reads.
        expect(await jobIndexes(backend, old)).toEqual(await jobIndexes(backend, location));
        expect(await jobIndexes(backend, old)).not.toContain('jobs_dedup');
      } finally {
        await upgraded.close();
      }
    } finally {
      await backend.dispose(old);
    }
  });

  it('migrates once and bootstraps one client when several processes open an empty database at the same moment', async () => {
    const shared = backend.fresh();
    try {
      const outcomes = await inProcesses<{ created: boolean }>(backend, shared, 'bootstrap', 4);
      expect(outcomes.filter((o) => o.created)).toHaveLength(1);
      const applied = await backend.query<{ name: string }>(shared, 'SELECT name FROM spideriq_migrations ORDER BY name');
      expect(applied.map((r) => r.name)).toEqual([...MIGRATION_NAMES]);
      expect(await backend.query(shared, 'SELECT id FROM clients')).toEqual([{ id: 'cli_boot' }]);
    } finally {
      await backend.dispose(shared);
    }
  }, 90_000);

  // Four stores, each with its own connections, as four API processes would have (in one process, so that
  // their statements really interleave instead of depending on how fast processes start).
  it('makes one first client when several stores find an empty database at the same moment', async () => {
    const others: SqlJobStore[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        others.push(backend.open(location));
        await others[i]!.ready();
      }
      const client = (i: number) => ({ id: `cli_first${i}`, name: 'default', keyHash: 'k', secretHash: 's', disabled: false, createdAt: t0.toISOString() });
      const stores = [store, ...others];
      // better-sqlite3 is synchronous: in one process its calls cannot interleave (a second BEGIN IMMEDIATE
      // would wait for a lock its own thread holds), and BEGIN IMMEDIATE serialises processes anyway.
      const created =
        backend.kind === 'sqlite'
          ? await stores.reduce<Promise<boolean[]>>(async (acc, s, i) => [...(await acc), await s.createFirstClient(client(i))], Promise.resolve([]))
          : await Promise.all(stores.map((s, i) => s.createFirstClient(client(i))));
      expect(created.filter(Boolean)).toHaveLength(1);
      expect((await store.listClients()).map((c) => c.id)).toEqual([`cli_first${created.indexOf(true)}`]);
      expect(await store.createFirstClient(client(9))).toBe(false);
      expect(await store.getClient('cli_first9')).toBeNull();
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it('makes one job of identical submissions arriving at once on two processes', async () => {
    const outcomes = await inProcesses<{ jobs: { id: string; fromCache: boolean }[] }>(backend, location, 'submit', 2);
    const jobs = outcomes.flatMap((o) => o.jobs);
    expect(jobs).toHaveLength(12);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(1);
    expect(jobs.filter((j) => !j.fromCache)).toHaveLength(1);
    expect((await store.listJobs({ clientId: 'cli_a', sortBy: 'created_at', sortOrder: 'asc', limit: 100, offset: 0 })).total).toBe(1);
  }, 90_000);

  it('makes a new job for a payload whose last job failed or was cancelled', async () => {
    const payload = { url: 'https://again.test' };
    const first = await submit(0, payload);
    await store.cancel(first.job.id, 'cli_a', t0);
    const second = await submit(0, payload, 'cli_a', at(1));
    expect(second.fromCache).toBe(false);
    const claimed = (await store.claim('w', ['spiderSite'], 1000, at(2)))!;
    expect(claimed.job.id).toBe(second.job.id);
    expect(await store.fail(second.job.id, claimed.leaseToken, { message: 'bad', code: 'fetch_failed' }, false, at(3))).toBe('failed');
    const third = await submit(0, payload, 'cli_a', at(4));
    expect(third.fromCache).toBe(false);
    expect(await submit(0, payload, 'cli_a', at(5))).toMatchObject({ fromCache: true, job: { id: third.job.id } });
  });

  it('counts queued, processing and recently finished jobs', async () => {
    for (let i = 0; i < 3; i++) await submit();
    const a = (await store.claim('w', ['spiderSite'], 60_000, t0))!;
    const b = (await store.claim('w', ['spiderSite'], 60_000, t0))!;
    await store.complete(a.job.id, a.leaseToken, {}, at(1500));
    await store.fail(b.job.id, b.leaseToken, { message: 'no', code: 'internal' }, false, at(2 * 3600_000));
    const stats = await store.stats(at(2 * 3600_000 + 1));
    expect(stats.byType).toEqual({ spiderSite: { queued: 1, processing: 0 }, spiderMaps: { queued: 0, processing: 0 } });
    expect(stats).toMatchObject({ finishedLast10m: 1, finishedLastHour: 1, finishedLast24h: 2, avgProcessingSeconds: 1.5 });
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
