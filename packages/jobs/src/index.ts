export { JobError } from './errors.js';
export type { JobErrorCode } from './errors.js';
export type { ArtifactStorage, StoredArtifact } from './storage.js';
export type { JobContext, JobHandler, JobLogger, JobProgress } from './handler.js';
export type { JobRecord, ClaimedJob, ClientRecord, StoredProgress, StoreStats, QueueCounts } from './records.js';
export type { JobStore, LeaseQueueStore, NewJob, JobListFilter, FailOutcome, CancelOutcome, ClaimJobOutcome, RunnableJob } from './store.js';
export { SqlJobStore } from './sql/job-store.js';
export { StoreMigrationError } from './sql/migrate.js';
export { MIGRATION_NAMES } from './sql/migrations.js';
export type { StoreDialect } from './sql/dialect.js';
export { SqliteJobStore } from './sqlite/store.js';
export { PostgresJobStore } from './postgres/store.js';
export type { PostgresStoreOptions } from './postgres/store.js';
export type { SqliteStoreOptions } from './sqlite/store.js';
export { LocalArtifactStorage } from './storage/local.js';
export type { LocalStorageOptions } from './storage/local.js';
export { S3ArtifactStorage } from './storage/s3.js';
export type { S3StorageOptions } from './storage/s3.js';
export { LocalJobEventBus } from './events.js';
export type { JobEventBus, ClientJobEvent } from './events.js';
export { canonicalJson, dedupKey, DEDUP_WINDOW_MS } from './dedup.js';
export { HandlerRegistry } from './registry.js';
export type { RegisteredHandler } from './registry.js';
export { WorkerPool } from './worker-pool.js';
export type { WorkerPoolOptions } from './worker-pool.js';
export { runAttempt, StopSignal } from './run-attempt.js';
export type { AttemptDeps, AttemptOutcome, StopReason } from './run-attempt.js';
export type { Broadcast, BroadcastChannel } from './cluster/broadcast.js';
export { RedisBroadcast } from './cluster/redis-broadcast.js';
export type { RedisBroadcastOptions } from './cluster/redis-broadcast.js';
export { PostgresBroadcast } from './cluster/postgres-broadcast.js';
export type { PostgresBroadcastOptions } from './cluster/postgres-broadcast.js';
export { BroadcastJobEventBus } from './cluster/broadcast-event-bus.js';
export { WorkerDirectory, HEARTBEAT_MS, HEARTBEAT_TTL_MS } from './cluster/worker-directory.js';
export type { WorkerSlots, WorkerStatus } from './cluster/worker-directory.js';
export type { QueueConnection, QueueTarget } from './queue/connection.js';
export { BullJobQueue, bullPriority } from './queue/job-queue.js';
export { BullWorkerPool } from './queue/bull-worker-pool.js';
export type { BullWorkerPoolOptions } from './queue/bull-worker-pool.js';
export { Reconciler } from './queue/reconciler.js';
export type { ReconcilerOptions } from './queue/reconciler.js';
export type {
  WebhookStore,
  WebhookSubscriptionRecord,
  DueWebhookEvent,
  NewWebhookDelivery,
  WebhookDeliveryRecord,
  WebhookDeliveryState,
  WebhookAttemptRecord,
  WebhookSecretRecord,
} from './webhooks/webhook-store.js';
