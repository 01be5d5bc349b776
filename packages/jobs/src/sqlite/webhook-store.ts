import type Database from 'better-sqlite3';
import type { WebhookEventName } from '@spideriq/schema';
import type {
  DueWebhookEvent,
  NewWebhookDelivery,
  WebhookAttemptRecord,
  WebhookDeliveryRecord,
  WebhookDeliveryState,
  WebhookSecretRecord,
  WebhookStore,
  WebhookSubscriptionRecord,
} from '../webhooks/webhook-store.js';

/** DDL of the webhook tables, beside the jobs table in the same SQLite file. */
export const SQLITE_WEBHOOK_SCHEMA = `
CREATE TABLE IF NOT EXISTS webhook_subscriptions (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  created_at TEXT NOT NULL,
  settled INTEGER NOT NULL DEFAULT 0,
  UNIQUE (job_id, url)
);
CREATE INDEX IF NOT EXISTS webhook_subscriptions_open ON webhook_subscriptions (job_id) WHERE settled = 0;
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  subscription_id TEXT NOT NULL UNIQUE,
  job_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  event TEXT NOT NULL,
  url TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_attempt_ms);
CREATE INDEX IF NOT EXISTS webhook_deliveries_job ON webhook_deliveries (job_id);
CREATE TABLE IF NOT EXISTS webhook_attempts (
  delivery_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  attempted_at TEXT NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);
CREATE TABLE IF NOT EXISTS webhook_secrets (
  client_id TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL,
  previous_secret TEXT,
  previous_expires_at TEXT
);
`;

interface SubscriptionRow {
  id: string;
  job_id: string;
  client_id: string;
  url: string;
  events: string;
  created_at: string;
}
interface DeliveryRow {
  id: string;
  subscription_id: string;
  job_id: string;
  client_id: string;
  event: WebhookEventName;
  url: string;
  body: string;
  status: WebhookDeliveryState;
  attempts: number;
  next_attempt_ms: number | null;
  created_at: string;
}
interface AttemptRow {
  delivery_id: string;
  attempt: number;
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}
interface SecretRow {
  client_id: string;
  secret: string;
  created_at: string;
  previous_secret: string | null;
  previous_expires_at: string | null;
}

const toSubscription = (row: SubscriptionRow): WebhookSubscriptionRecord => ({
  id: row.id,
  jobId: row.job_id,
  clientId: row.client_id,
  url: row.url,
  events: JSON.parse(row.events) as WebhookEventName[],
  createdAt: row.created_at,
});
const toDelivery = (row: DeliveryRow): WebhookDeliveryRecord => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  jobId: row.job_id,
  clientId: row.client_id,
  event: row.event,
  url: row.url,
  body: row.body,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_ms === null ? null : new Date(row.next_attempt_ms).toISOString(),
  createdAt: row.created_at,
});
const toAttempt = (row: AttemptRow): WebhookAttemptRecord => ({
  deliveryId: row.delivery_id,
  attempt: row.attempt,
  attemptedAt: row.attempted_at,
  statusCode: row.status_code,
  error: row.error,
  durationMs: row.duration_ms,
});
const toSecret = (row: SecretRow): WebhookSecretRecord => ({
  clientId: row.client_id,
  secret: row.secret,
  createdAt: row.created_at,
  previousSecret: row.previous_secret,
  previousExpiresAt: row.previous_expires_at,
});

/** The webhook tables of the SQLite job store (same file, same connection). */
export class SqliteWebhookStore implements WebhookStore {
  constructor(private readonly db: Database.Database) {
    db.exec(SQLITE_WEBHOOK_SCHEMA);
  }

  async subscribe(s: WebhookSubscriptionRecord): Promise<void> {
    this.db
      .prepare(`INSERT INTO webhook_subscriptions (id, job_id, client_id, url, events, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (job_id, url) DO NOTHING`)
      .run(s.id, s.jobId, s.clientId, s.url, JSON.stringify(s.events), s.createdAt);
  }

  async clientsWithOpenSubscriptions(): Promise<string[]> {
    return this.db
      .prepare<[], { client_id: string }>(`SELECT DISTINCT client_id FROM webhook_subscriptions WHERE settled = 0`)
      .all()
      .map((row) => row.client_id);
  }

  async dueEvents(limit: number): Promise<DueWebhookEvent[]> {
    const rows = this.db
      .prepare<[number], SubscriptionRow & { job_status: string }>(
        `SELECT s.*, j.status AS job_status FROM webhook_subscriptions s JOIN jobs j ON j.id = s.job_id
          WHERE s.settled = 0 AND j.status IN ('completed', 'failed', 'cancelled') ORDER BY s.created_at LIMIT ?`,
      )
      .all(limit);
    return rows.map((row) => {
      const subscription = toSubscription(row);
      const event = `job.${row.job_status}` as WebhookEventName;
      return { subscription, event, wanted: subscription.events.includes(event) };
    });
  }

  async settle(subscriptionId: string, d: NewWebhookDelivery | null): Promise<boolean> {
    return this.db.transaction(() => {
      const settled = this.db.prepare('UPDATE webhook_subscriptions SET settled = 1 WHERE id = ? AND settled = 0').run(subscriptionId).changes === 1;
      if (settled && d !== null) {
        this.db
          .prepare(
            `INSERT INTO webhook_deliveries (id, subscription_id, job_id, client_id, event, url, body, status, next_attempt_ms, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
          )
          .run(d.id, d.subscriptionId, d.jobId, d.clientId, d.event, d.url, d.body, Date.parse(d.nextAttemptAt), d.createdAt);
      }
      return settled;
    })();
  }

  async claimDue(now: Date, leaseMs: number, limit: number): Promise<WebhookDeliveryRecord[]> {
    const rows = this.db
      .prepare<[number, number, number], DeliveryRow>(
        `UPDATE webhook_deliveries SET next_attempt_ms = ?
          WHERE seq IN (SELECT seq FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_ms <= ? ORDER BY next_attempt_ms LIMIT ?)
          RETURNING *`,
      )
      .all(now.getTime() + leaseMs, now.getTime(), limit);
    return rows.map(toDelivery);
  }

  async recordAttempt(a: WebhookAttemptRecord, state: WebhookDeliveryState, next: Date | null): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (delivery_id, attempt) DO NOTHING`,
        )
        .run(a.deliveryId, a.attempt, a.attemptedAt, a.statusCode, a.error, a.durationMs);
      this.db
        .prepare('UPDATE webhook_deliveries SET status = ?, attempts = MAX(attempts, ?), next_attempt_ms = ? WHERE id = ?')
        .run(state, a.attempt, next === null ? null : next.getTime(), a.deliveryId);
    })();
  }

  async subscriptionsOf(jobId: string): Promise<WebhookSubscriptionRecord[]> {
    return this.db.prepare<[string], SubscriptionRow>('SELECT * FROM webhook_subscriptions WHERE job_id = ? ORDER BY created_at').all(jobId).map(toSubscription);
  }

  async deliveriesOf(jobId: string): Promise<{ delivery: WebhookDeliveryRecord; attempts: WebhookAttemptRecord[] }[]> {
    const deliveries = this.db.prepare<[string], DeliveryRow>('SELECT * FROM webhook_deliveries WHERE job_id = ? ORDER BY seq').all(jobId);
    const attempts = this.db.prepare<[string], AttemptRow>('SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt');
    return deliveries.map((row) => ({ delivery: toDelivery(row), attempts: attempts.all(row.id).map(toAttempt) }));
  }

  async getSecret(clientId: string): Promise<WebhookSecretRecord | null> {
    const row = this.db.prepare<[string], SecretRow>('SELECT * FROM webhook_secrets WHERE client_id = ?').get(clientId);
    return row ? toSecret(row) : null;
  }

  async createSecret(clientId: string, secret: string, now: Date): Promise<WebhookSecretRecord> {
    this.db.prepare('INSERT INTO webhook_secrets (client_id, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (client_id) DO NOTHING').run(clientId, secret, now.toISOString());
    return (await this.getSecret(clientId))!;
  }

  async rotateSecret(clientId: string, secret: string, now: Date, previousExpiresAt: Date): Promise<WebhookSecretRecord> {
    this.db
      .prepare(
        `INSERT INTO webhook_secrets (client_id, secret, created_at) VALUES (?, ?, ?)
         ON CONFLICT (client_id) DO UPDATE SET previous_secret = secret, previous_expires_at = ?, secret = excluded.secret, created_at = excluded.created_at`,
      )
      .run(clientId, secret, now.toISOString(), previousExpiresAt.toISOString());
    return (await this.getSecret(clientId))!;
  }
}
