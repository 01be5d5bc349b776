import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { JobErrorCode, JobType } from '@spideriq/schema';
import type { ClaimedJob } from '../records.js';
import type { StoreDialect } from './dialect.js';
import { toJob } from './rows.js';
import type { StoreTables } from './tables.js';

/** The columns a new lease sets (a claim by type or of a named job). */
export const takeLease = (workerId: string, leaseToken: string, leaseMs: number, now: Date) => ({
  status: 'processing' as const,
  worker_id: workerId,
  lease_token: leaseToken,
  lease_expires_ms: now.getTime() + leaseMs,
  attempts: sql<number>`attempts + 1`,
  started_at: sql<string>`COALESCE(started_at, ${now.toISOString()})`,
  updated_at: now.toISOString(),
  progress: null,
});

/** The columns that end a job whose runs were interrupted on every allowed attempt. */
export const interrupted = (now: Date) => ({
  status: 'failed' as const,
  completed_at: now.toISOString(),
  updated_at: now.toISOString(),
  lease_token: null,
  lease_expires_ms: null,
  error_message: sql<string>`COALESCE(error_message, 'The job was interrupted ' || attempts || ' times (worker crash or lost lease)')`,
  error_code: sql<JobErrorCode>`CASE WHEN error_message IS NULL THEN 'interrupted' ELSE COALESCE(error_code, 'internal') END`,
});

/** Whether `a` runs before `b`: higher priority first, then first in. */
const runsBefore = (a: { priority: number; seq: number | string }, b: { priority: number; seq: number | string }) =>
  a.priority > b.priority || (a.priority === b.priority && Number(a.seq) < Number(b.seq));

/**
 * The lease queue over the jobs table: the embedded (SQLite) queue, and PostgreSQL's until an external
 * queue engine claims for it. Claim, heartbeat and release live here and nowhere else, so a store whose
 * queue is elsewhere can drop this file without touching the job records.
 */
export class LeaseQueue {
  constructor(
    private readonly dialect: StoreDialect,
    private readonly maxAttempts: number,
  ) {}

  /** Claims the next runnable job of the given types (priority, then first in), or returns null. */
  claim(db: Kysely<StoreTables>, workerId: string, types: readonly JobType[], leaseMs: number, now: Date): Promise<ClaimedJob | null> {
    if (types.length === 0) return Promise.resolve(null);
    const nowMs = now.getTime();
    return this.dialect.transaction(db, async (trx) => {
      // A lease that expired on its last allowed attempt ends the job: it crashed its worker too often.
      await trx
        .updateTable('jobs')
        .set(interrupted(now))
        .where('status', '=', 'processing')
        .where('lease_expires_ms', '<', nowMs)
        .where('attempts', '>=', this.maxAttempts)
        .where('type', 'in', types)
        .execute();
      // Two lookups the runnable index answers in order (an OR of both statuses would read every row of
      // the type, finished ones included, and sort them: one claim per job made the queue quadratic).
      const best = (status: 'queued' | 'processing') =>
        trx
          .selectFrom('jobs')
          .select(['id', 'priority', 'seq'])
          .where('type', 'in', types)
          .where('status', '=', status)
          .$if(status === 'processing', (q) => q.where('lease_expires_ms', '<', nowMs))
          .orderBy('priority', 'desc')
          .orderBy('seq', 'asc')
          .limit(1)
          .$if(this.dialect.rowLocks, (q) => q.forUpdate().skipLocked())
          .executeTakeFirst();
      const queued = await best('queued');
      const expired = await best('processing');
      const picked = !expired || (queued && !runsBefore(expired, queued)) ? queued : expired;
      if (!picked) return null;
      const leaseToken = randomUUID();
      const row = await trx
        .updateTable('jobs')
        .set(takeLease(workerId, leaseToken, leaseMs, now))
        .where('id', '=', picked.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { job: toJob(row), leaseToken };
    });
  }

  /** Extends the lease; false when it is lost (expired and re-claimed, or the job was cancelled). */
  async heartbeat(db: Kysely<StoreTables>, id: string, leaseToken: string, leaseMs: number, now: Date): Promise<boolean> {
    const r = await db
      .updateTable('jobs')
      .set({ lease_expires_ms: now.getTime() + leaseMs })
      .where('id', '=', id)
      .where('lease_token', '=', leaseToken)
      .where('status', '=', 'processing')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Puts the jobs these leases hold back in the queue without spending an attempt (graceful shutdown). */
  async release(db: Kysely<StoreTables>, leaseTokens: readonly string[], now: Date): Promise<number> {
    if (leaseTokens.length === 0) return 0;
    const r = await db
      .updateTable('jobs')
      .set({
        status: 'queued',
        lease_token: null,
        lease_expires_ms: null,
        worker_id: null,
        updated_at: now.toISOString(),
        attempts: sql<number>`CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END`,
        progress: null,
      })
      .where('lease_token', 'in', leaseTokens)
      .where('status', '=', 'processing')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
