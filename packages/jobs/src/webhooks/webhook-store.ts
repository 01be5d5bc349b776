import type { WebhookEventName } from '@spideriq/schema';

/** A webhook URL subscribed to one job's events. */
export interface WebhookSubscriptionRecord {
  id: string;
  jobId: string;
  clientId: string;
  url: string;
  events: WebhookEventName[];
  createdAt: string;
}

/** An unsettled subscription whose job has reached a terminal state, and the event that state means. */
export interface DueWebhookEvent {
  subscription: WebhookSubscriptionRecord;
  event: WebhookEventName;
  /** Whether the subscription asked for this event (if not, it is settled without a delivery). */
  wanted: boolean;
}

/** A new delivery: one event body for one subscription, its first attempt due at `nextAttemptAt`. */
export interface NewWebhookDelivery {
  /** The `webhook-id` (`msg_…`), kept on every attempt. */
  id: string;
  subscriptionId: string;
  jobId: string;
  clientId: string;
  event: WebhookEventName;
  url: string;
  /** The exact body signed and sent, as JSON text. */
  body: string;
  createdAt: string;
  nextAttemptAt: string;
}

/** Where a delivery stands. */
export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';

/** A delivery as stored. */
export interface WebhookDeliveryRecord extends Omit<NewWebhookDelivery, 'nextAttemptAt'> {
  status: WebhookDeliveryState;
  /** Attempts made so far. */
  attempts: number;
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: string | null;
}

/** One attempt and what came of it. */
export interface WebhookAttemptRecord {
  deliveryId: string;
  attempt: number;
  attemptedAt: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** A client's signing secret, and the previous one while a rotation is in its grace period. */
export interface WebhookSecretRecord {
  clientId: string;
  secret: string;
  createdAt: string;
  previousSecret: string | null;
  previousExpiresAt: string | null;
}

/**
 * Webhook subscriptions, deliveries and attempts, in the job store's own database so they survive a
 * restart and, with PostgreSQL, are shared by every instance. Claims take a lease (the due time moves
 * forward), so two dispatchers never send the same attempt at once; a dispatcher that dies mid-attempt
 * leaves the delivery due again when the lease runs out (at least once).
 */
export interface WebhookStore {
  /** Subscribes a URL to a job's events; the first subscription of a URL to a job stands. */
  subscribe(subscription: WebhookSubscriptionRecord): Promise<void>;
  /** The clients that have an unsettled subscription (whose jobs' ends the dispatcher must look at at once). */
  clientsWithOpenSubscriptions(): Promise<string[]>;
  /** Unsettled subscriptions whose job is terminal (a job ends once, so each has one event), oldest first. */
  dueEvents(limit: number): Promise<DueWebhookEvent[]>;
  /**
   * Settles a subscription and creates its delivery (null: the event was not wanted), atomically; false when
   * another dispatcher settled it first, and then nothing is created.
   */
  settle(subscriptionId: string, delivery: NewWebhookDelivery | null): Promise<boolean>;
  /** Pending deliveries due by `now`, leased until `now + leaseMs`. */
  claimDue(now: Date, leaseMs: number, limit: number): Promise<WebhookDeliveryRecord[]>;
  /** Records an attempt; `next` is the next due time, or null when the delivery is settled as `state`. */
  recordAttempt(attempt: WebhookAttemptRecord, state: WebhookDeliveryState, next: Date | null): Promise<void>;
  subscriptionsOf(jobId: string): Promise<WebhookSubscriptionRecord[]>;
  deliveriesOf(jobId: string): Promise<{ delivery: WebhookDeliveryRecord; attempts: WebhookAttemptRecord[] }[]>;
  getSecret(clientId: string): Promise<WebhookSecretRecord | null>;
  /** Stores the client's first secret unless one exists; returns the one in force. */
  createSecret(clientId: string, secret: string, now: Date): Promise<WebhookSecretRecord>;
  /** Replaces the secret, keeping the old one valid until `previousExpiresAt`. */
  rotateSecret(clientId: string, secret: string, now: Date, previousExpiresAt: Date): Promise<WebhookSecretRecord>;
}

