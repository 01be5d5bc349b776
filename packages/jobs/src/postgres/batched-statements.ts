import type { JobRow } from '../sql/rows.js';

/**
 * The three statements every job runs once on a busy scaled-out server (submit, claim, complete), in a
 * form that takes many jobs at once: the arguments travel as arrays and `unnest` turns them into rows,
 * so a batch costs one round trip whatever its size. Each row still succeeds or fails on its own
 * conditions, exactly as the one-job statements of `SqlJobStore` (which the callers fall back to).
 *
 * They run as named (prepared) statements: PostgreSQL parses and plans each once per connection, not
 * once per batch. The text never changes (the batch's values are parameters), so the name is stable.
 */

/** Runs a named statement on the store's pool (`pg`'s `{ name, text, values }` query). */
export type NamedQuery = <R>(query: { name: string; text: string; values: unknown[] }) => Promise<{ rows: R[] }>;

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
export async function insertNewJobs(query: NamedQuery, jobs: readonly NewJobValues[]): Promise<Array<JobRow | undefined>> {
  const col = <K extends keyof NewJobValues>(key: K) => jobs.map((j) => j[key]);
  const values = [col('id'), col('clientId'), col('type'), col('priority'), col('payload'), col('dedupKey'), col('createdAt')];
  const { rows } = await query<{ id: string; seq: string | number }>({ name: 'spideriq_insert_new_jobs', text: INSERT_NEW_JOBS, values });
  const seqById = new Map(rows.map((row) => [row.id, row.seq]));
  return jobs.map((j) => {
    const seq = seqById.get(j.id);
    return seq === undefined ? undefined : newJobRow(j, seq);
  });
}

const INSERT_NEW_JOBS = `
    WITH input AS (
      SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::integer[], $5::jsonb[], $6::text[], $7::timestamptz[])
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
    RETURNING id, seq`;

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
export async function claimJobs(query: NamedQuery, claims: readonly ClaimValues[], maxAttempts: number): Promise<Array<JobRow | undefined>> {
  const col = <K extends keyof ClaimValues>(key: K) => claims.map((c) => c[key]);
  const values = [col('id'), col('workerId'), col('leaseToken'), col('leaseExpiresMs'), col('at'), maxAttempts];
  const { rows } = await query<JobRow>({ name: 'spideriq_claim_jobs', text: CLAIM_JOBS, values });
  const byToken = new Map(rows.map((row) => [row.lease_token, row]));
  return claims.map((c) => byToken.get(c.leaseToken));
}

const CLAIM_JOBS = `
    UPDATE jobs SET
      status = 'processing', worker_id = v.worker_id, lease_token = v.lease_token, lease_expires_ms = v.expires,
      attempts = jobs.attempts + 1, started_at = COALESCE(jobs.started_at, v.at), updated_at = v.at, progress = NULL
    FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::bigint[], $5::timestamptz[])
      AS v(id, worker_id, lease_token, expires, at)
    WHERE jobs.id = v.id AND jobs.status IN ('queued', 'processing') AND jobs.attempts < $6::integer
    RETURNING jobs.*`;

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
export async function completeJobs(query: NamedQuery, completions: readonly CompleteValues[]): Promise<boolean[]> {
  const col = <K extends keyof CompleteValues>(key: K) => completions.map((c) => c[key]);
  const values = [col('id'), col('leaseToken'), col('result'), col('at')];
  const { rows } = await query<{ lease_token: string }>({ name: 'spideriq_complete_jobs', text: COMPLETE_JOBS, values });
  const done = new Set(rows.map((row) => row.lease_token));
  return completions.map((c) => done.has(c.leaseToken));
}

const COMPLETE_JOBS = `
    UPDATE jobs SET
      status = 'completed', result = v.result, completed_at = v.at, updated_at = v.at,
      lease_token = NULL, lease_expires_ms = NULL, error_message = NULL, error_code = NULL
    FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])
      AS v(id, lease_token, result, at)
    WHERE jobs.id = v.id AND jobs.lease_token = v.lease_token AND jobs.status = 'processing'
    RETURNING v.lease_token`;
