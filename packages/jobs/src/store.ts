import type { JobErrorCode, JobStatus, JobType } from '@spideriq/schema';
import type { ClaimedJob, ClientRecord, JobRecord, StoredProgress, StoreStats } from './records.js';
import type { WebhookStore } from './webhooks/webhook-store.js';

/** A new job to insert. */
export interface NewJob {
  id: string;
  clientId: string;
  type: JobType;
  payload: unknown;
  priority: number;
  /** Identical-submission key; null disables the 24-hour dedup (for example `test: true`). */
  dedupKey: string | null;
}

/** What `listJobs` filters and sorts by. */
export interface JobListFilter {
  clientId: string;
  status?: JobStatus | undefined;
  type?: JobType | undefined;
  sortBy: 'created_at' | 'updated_at' | 'status' | 'priority';
  sortOrder: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** How a failed attempt ends. */
export type FailOutcome = 'failed' | 'requeued' | 'lost';

/** How a cancel request ends. */
export type CancelOutcome =
  | { outcome: 'cancelled'; job: JobRecord; wasProcessing: boolean }
  | { outcome: 'terminal'; job: JobRecord }
  | { outcome: 'not_found' };

/**
 * The job store and its lease queue. SQLite implements it for the embedded server; a PostgreSQL
 * implementation fills the same contract for scale-out. Every method is atomic.
 *
 * Queue rules: higher `priority` first, then first in, first out. A claim takes a lease; an expired lease
 * makes the job claimable again. A job runs at most `maxAttempts` times.
 */
export interface JobStore {
  /** Creates the job, or returns the client's identical job from the last 24 hours (`fromCache`). */
  createJob(job: NewJob, now: Date): Promise<{ job: JobRecord; fromCache: boolean }>;
  getJob(id: string): Promise<JobRecord | null>;
  listJobs(filter: JobListFilter): Promise<{ total: number; jobs: JobRecord[] }>;
  /** Claims the next runnable job of the given types, or returns null. */
  claim(workerId: string, types: readonly JobType[], leaseMs: number, now: Date): Promise<ClaimedJob | null>;
  /** Extends the lease; false when the lease is lost (expired and re-claimed, or the job was cancelled). */
  heartbeat(id: string, leaseToken: string, leaseMs: number, now: Date): Promise<boolean>;
  saveProgress(id: string, leaseToken: string, progress: StoredProgress): Promise<boolean>;
  /** Completes the job only if the lease is still held; false means the result is dropped. */
  complete(id: string, leaseToken: string, result: unknown, now: Date): Promise<boolean>;
  /** Records a failed attempt: requeues it when retryable and attempts remain, else fails the job. */
  fail(id: string, leaseToken: string, error: { message: string; code: JobErrorCode }, retryable: boolean, now: Date): Promise<FailOutcome>;
  cancel(id: string, clientId: string, now: Date): Promise<CancelOutcome>;
  /** Puts the jobs these leases hold back in the queue (graceful shutdown). */
  release(leaseTokens: readonly string[], now: Date): Promise<number>;
  stats(now: Date): Promise<StoreStats>;
  /** Throws when the store cannot answer. */
  ping(): Promise<void>;

  createClient(client: ClientRecord): Promise<void>;
  getClient(id: string): Promise<ClientRecord | null>;
  listClients(): Promise<ClientRecord[]>;
  setClientDisabled(id: string, disabled: boolean): Promise<boolean>;

  /** Webhook subscriptions, deliveries and secrets, in the same database (extension). */
  readonly webhooks: WebhookStore;

  close(): Promise<void>;
}
