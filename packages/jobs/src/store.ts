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

/**
 * How taking one named job for a run ends (`claimJob`, used when an external queue engine such as BullMQ
 * chose the job): `claimed` with a fresh lease; `exhausted` when the job had used every attempt, so it was
 * failed now instead; `gone` when it is finished, cancelled or unknown (the queue's copy is stale).
 */
export type ClaimJobOutcome = { outcome: 'claimed'; claimed: ClaimedJob } | { outcome: 'exhausted'; job: JobRecord } | { outcome: 'gone' };

/** A job the queue engine must hold (see `listRunnable`). */
export interface RunnableJob {
  id: string;
  type: JobType;
  priority: number;
}

/** How a cancel request ends. */
export type CancelOutcome =
  | { outcome: 'cancelled'; job: JobRecord; wasProcessing: boolean }
  | { outcome: 'terminal'; job: JobRecord }
  | { outcome: 'not_found' };

/**
 * The job store: jobs, results and clients. `SqlJobStore` implements it once for SQLite (the embedded
 * server) and PostgreSQL (scale-out), with migrations run at start-up. Every method is atomic. A run holds
 * a lease: completion, progress and failure count only with the current lease token, and a job runs at
 * most `maxAttempts` times.
 */
export interface JobStore {
  /** Creates the job, or returns the client's identical job from the last 24 hours (`fromCache`). */
  createJob(job: NewJob, now: Date): Promise<{ job: JobRecord; fromCache: boolean }>;
  getJob(id: string): Promise<JobRecord | null>;
  listJobs(filter: JobListFilter): Promise<{ total: number; jobs: JobRecord[] }>;
  /**
   * Takes the named job for a run: queued, or processing under any lease (the queue engine decided its
   * worker is gone; the old lease's completion no longer counts). Spends one attempt.
   */
  claimJob(id: string, workerId: string, leaseMs: number, now: Date): Promise<ClaimJobOutcome>;
  /**
   * Jobs a queue engine must hold, oldest first: queued ones, and processing ones whose lease expired.
   * The reconciler re-enqueues those the engine lost (a crash between the row and the enqueue, Redis empty).
   */
  listRunnable(now: Date, limit: number): Promise<RunnableJob[]>;
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

  /** Inserts the client unless its id exists (false then): idempotent when processes bootstrap at once. */
  createClient(client: ClientRecord): Promise<boolean>;
  /**
   * Inserts the client only while there is no client at all (false otherwise), atomically across
   * processes: several API processes starting together on an empty database make one first client.
   */
  createFirstClient(client: ClientRecord): Promise<boolean>;
  getClient(id: string): Promise<ClientRecord | null>;
  listClients(): Promise<ClientRecord[]>;
  setClientDisabled(id: string, disabled: boolean): Promise<boolean>;

  /** Webhook subscriptions, deliveries and secrets, in the same database (extension). */
  readonly webhooks: WebhookStore;

  close(): Promise<void>;
}

/**
 * A store that is its own queue (the embedded SQLite server's in-process `WorkerPool`): higher `priority`
 * first, then first in, first out; an expired lease makes the job claimable again.
 */
export interface LeaseQueueStore extends JobStore {
  /** Claims the next runnable job of the given types, or returns null. */
  claim(workerId: string, types: readonly JobType[], leaseMs: number, now: Date): Promise<ClaimedJob | null>;
}
