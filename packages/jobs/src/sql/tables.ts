import type { ColumnType, Generated } from 'kysely';
import type { JobErrorCode, JobStatus, JobType } from '@spideriq/schema';

/**
 * A timestamp column: ISO 8601 text in SQLite, `timestamptz` in PostgreSQL (read back as a `Date`).
 * Written as ISO text on both, which PostgreSQL parses.
 */
type Timestamp = ColumnType<string | Date, string, string>;
/** A JSON column: text in SQLite, `jsonb` in PostgreSQL (read back parsed). Written as JSON text on both. */
type Json = ColumnType<unknown, string, string>;

/** The `jobs` table. */
export interface JobsTable {
  /** Insertion order: equal priorities run first in, first out. */
  seq: Generated<number | string>;
  id: string;
  client_id: string;
  type: JobType;
  status: JobStatus;
  priority: number;
  payload: Json;
  dedup_key: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
  worker_id: string | null;
  attempts: Generated<number>;
  lease_token: string | null;
  lease_expires_ms: number | string | null;
  /** Kept as text on both: the results route splices it into the answer without re-serialising. */
  result: string | null;
  error_message: string | null;
  error_code: JobErrorCode | null;
  progress: Json | null;
}

/**
 * One row per live identical-submission key: the job a resubmission within 24 hours returns. The primary
 * key makes dedup atomic across processes (two concurrent submits cannot both insert).
 */
export interface JobDedupTable {
  dedup_key: string;
  job_id: string;
  created_at: Timestamp;
}

/** The `clients` table. `disabled` is 0/1 in SQLite and a boolean in PostgreSQL. */
export interface ClientsTable {
  id: string;
  name: string;
  key_hash: string;
  secret_hash: string;
  disabled: ColumnType<number | boolean, number | boolean, number | boolean>;
  created_at: Timestamp;
}

/** The store's tables, for Kysely's typed queries. */
export interface StoreTables {
  jobs: JobsTable;
  job_dedup: JobDedupTable;
  clients: ClientsTable;
}
