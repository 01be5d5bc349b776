import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { JobRow } from '../sql/rows.js';
import type { StoreTables } from '../sql/tables.js';

/**
 * The three statements every job runs once on a busy scaled-out server (submit, claim, complete), in a
 * form that takes many jobs at once: the arguments travel as arrays and `unnest` turns them into rows,
 * so a batch costs one round trip whatever its size. Each row still succeeds or fails on its own
 * conditions, exactly as the one-job statements of `SqlJobStore` (which the callers fall back to).
 */

/** A new job with a dedup key. */
export interface NewJobValues {
  id: string;
  clientId: string;
  type: string;
  priority: number;
  /** JSON text. */
  payload: string;
  dedupKey: string;
  /** ISO 8601. */
  createdAt: string;
}

/**
 * Inserts each job whose dedup key is free, together with the key's row; answers the job's row, or
 * undefined where the key is taken (then the caller's transaction decides: reuse the job, or replace a
 * failed one). A data-modifying CTE runs once and atomically with the statement around it, so a job row
 * exists exactly when its key's row was inserted; two jobs of one batch with the same key make one.
 * Only the new rows' ids and `seq` come back: the rest of a new row is what was sent, so it is built here
 * rather than read back and parsed (the payload stays the JSON text it was sent as, parsed when read).
 */
export async function insertNewJobs(db: Kysely<StoreTables>, jobs: readonly NewJobValues[]): Promise<Array<JobRow | undefined>> {
  const col = <K extends keyof NewJobValues>(key: K) => jobs.map((j) => j[key]);
  const { rows } = await sql<{ id: string; seq: string | number }>`
    WITH input AS (
      SELECT * FROM unnest(${col('id')}::uuid[], ${col('clientId')}::text[], ${col('type')}::text[], ${col('priority')}::integer[],
                           ${col('payload')}::jsonb[], ${col('dedupKey')}::text[], ${col('createdAt')}::timestamptz[])
        WITH ORDINALITY AS t(id, client_id, type, priority, payload, dedup_key, created_at, ord)
    ), dedup AS (
      INSERT INTO job_dedup (dedup_key, job_id, created_at)
      SELECT dedup_key, id, created_at FROM input ORDER BY ord
      ON CONFLICT (dedup_key) DO NOTHING
      RETURNING job_id
    )
    INSERT INTO jobs (id, client_id, type, status, priority, payload, dedup_key, created_at, updated_at)
    SELECT i.id, i.client_id, i.type, 'queued', i.priority, i.payload, i.dedup_key, i.created_at, i.created_at
    FROM input i JOIN dedup d ON d.job_id = i.id
    ORDER BY i.ord
    RETURNING id, seq`.execute(db);
  const seqById = new Map(rows.map((row) => [row.id, row.seq]));
  return jobs.map((j) => {
    const seq = seqById.get(j.id);
    return seq === undefined ? undefined : newJobRow(j, seq);
  });
}

/** The row `insertNewJobs` inserted for `job`: the columns it set, and every other one at its default. */
function newJobRow(job: NewJobValues, seq: string | number): JobRow {
  return {
    seq,
    id: job.id,
    client_id: job.clientId,
    type: job.type as JobRow['type'],
    status: 'queued',
    priority: job.priority,
    payload: job.payload,
    dedup_key: job.dedupKey,
    created_at: job.createdAt,
    updated_at: job.createdAt,
    started_at: null,
    completed_at: null,
    worker_id: null,
    attempts: 0,
    lease_token: null,
    lease_expires_ms: null,
    result: null,
    error_message: null,
    error_code: null,
    progress: null,
  };
}

/** A claim of a named job (BullMQ handed it over). */
export interface ClaimValues {
  id: string;
  workerId: string;
  leaseToken: string;
  leaseExpiresMs: number;
  /** ISO 8601. */
  at: string;
}

/**
 * Takes the lease of each job that is queued or processing with attempts left (the columns of
 * `takeLease`); answers the claimed row, or undefined where the job is gone or exhausted (the caller's
 * one-job path tells which). When one batch names a job twice, one claim wins and the other gets
 * undefined, as if they had run one after the other.
 */
export async function claimJobs(db: Kysely<StoreTables>, claims: readonly ClaimValues[], maxAttempts: number): Promise<Array<JobRow | undefined>> {
  const col = <K extends keyof ClaimValues>(key: K) => claims.map((c) => c[key]);
  const { rows } = await sql<JobRow>`
    UPDATE jobs SET
      status = 'processing', worker_id = v.worker_id, lease_token = v.lease_token, lease_expires_ms = v.expires,
      attempts = jobs.attempts + 1, started_at = COALESCE(jobs.started_at, v.at), updated_at = v.at, progress = NULL
    FROM unnest(${col('id')}::uuid[], ${col('workerId')}::text[], ${col('leaseToken')}::uuid[], ${col('leaseExpiresMs')}::bigint[], ${col('at')}::timestamptz[])
      AS v(id, worker_id, lease_token, expires, at)
    WHERE jobs.id = v.id AND jobs.status IN ('queued', 'processing') AND jobs.attempts < ${maxAttempts}
    RETURNING jobs.*`.execute(db);
  const byToken = new Map(rows.map((row) => [row.lease_token, row]));
  return claims.map((c) => byToken.get(c.leaseToken));
}

/** A completion of a run that holds `leaseToken`. */
export interface CompleteValues {
  id: string;
  leaseToken: string;
  /** The result as JSON text. */
  result: string;
  /** ISO 8601. */
  at: string;
}

/** Completes each job whose lease is still held (the columns of `SqlJobStore.complete`); answers whether it did. */
export async function completeJobs(db: Kysely<StoreTables>, completions: readonly CompleteValues[]): Promise<boolean[]> {
  const col = <K extends keyof CompleteValues>(key: K) => completions.map((c) => c[key]);
  const { rows } = await sql<{ lease_token: string }>`
    UPDATE jobs SET
      status = 'completed', result = v.result, completed_at = v.at, updated_at = v.at,
      lease_token = NULL, lease_expires_ms = NULL, error_message = NULL, error_code = NULL
    FROM unnest(${col('id')}::uuid[], ${col('leaseToken')}::uuid[], ${col('result')}::text[], ${col('at')}::timestamptz[])
      AS v(id, lease_token, result, at)
    WHERE jobs.id = v.id AND jobs.lease_token = v.lease_token AND jobs.status = 'processing'
    RETURNING v.lease_token`.execute(db);
  const done = new Set(rows.map((row) => row.lease_token));
  return completions.map((c) => done.has(c.leaseToken));
}
