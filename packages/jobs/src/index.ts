export { JobError } from './errors.js';
export type { JobErrorCode } from './errors.js';
export type { ArtifactStorage, StoredArtifact } from './storage.js';
export type { JobContext, JobHandler, JobLogger, JobProgress } from './handler.js';
export type { JobRecord, ClaimedJob, ClientRecord, StoredProgress, StoreStats, QueueCounts } from './records.js';
export type { JobStore, NewJob, JobListFilter, FailOutcome, CancelOutcome } from './store.js';
export { SqliteJobStore, DEDUP_WINDOW_MS } from './sqlite/store.js';
export { PostgresJobStore } from './postgres/store.js';
export type { PostgresStoreOptions } from './postgres/store.js';
export type { SqliteStoreOptions } from './sqlite/store.js';
export { LocalArtifactStorage } from './storage/local.js';
export type { LocalStorageOptions } from './storage/local.js';
export { LocalJobEventBus } from './events.js';
export type { JobEventBus, ClientJobEvent } from './events.js';
export { canonicalJson, dedupKey } from './dedup.js';
export { HandlerRegistry } from './registry.js';
export type { RegisteredHandler } from './registry.js';
export { WorkerPool } from './worker-pool.js';
export type { WorkerPoolOptions } from './worker-pool.js';
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
