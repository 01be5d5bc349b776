import type { JobErrorCode, JobStatus, JobType } from '@spideriq/schema';

/** A job row as the store keeps it. Timestamps are ISO 8601 strings. */
export interface JobRecord {
  id: string;
  clientId: string;
  type: JobType;
  status: JobStatus;
  priority: number;
  /** The validated payload as submitted. */
  payload: unknown;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  completedAt: string | null;
  workerId: string | null;
  attempts: number;
  /** The handler's `data`, once completed (parsed on first access). */
  readonly result: unknown;
  /** The same `data` as the JSON text the store holds, for answers that need no re-serialising. */
  resultJson: string | null;
  errorMessage: string | null;
  /** Why the job failed or was cancelled; null otherwise (and for rows written before the column existed). */
  errorCode: JobErrorCode | null;
  progress: StoredProgress | null;
}

/** The latest progress a worker reported. */
export interface StoredProgress {
  pages_crawled: number | null;
  results_found: number | null;
  total: number | null;
  message: string | null;
  updated_at: string;
}

/** A job a worker holds, with the lease that proves it. */
export interface ClaimedJob {
  job: JobRecord;
  /** Unique per claim: completion and heartbeats count only with the current token. */
  leaseToken: string;
}

/** An API client. Only hashes of its key and secret are kept. */
export interface ClientRecord {
  id: string;
  name: string;
  keyHash: string;
  secretHash: string;
  disabled: boolean;
  createdAt: string;
}

/** Per-type counts for queue statistics. */
export interface QueueCounts {
  queued: number;
  processing: number;
}

/** Aggregates for `GET /system/queue-stats`. */
export interface StoreStats {
  byType: Record<JobType, QueueCounts>;
  finishedLastHour: number;
  finishedLast24h: number;
  finishedLast10m: number;
  avgProcessingSeconds: number | null;
}
