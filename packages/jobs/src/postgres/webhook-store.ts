import type pg from 'pg';
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

/** DDL of the webhook tables, in the job store's schema. */
export const postgresWebhookSchema = (schema: string) => `
CREATE TABLE IF NOT EXISTS "${schema}".webhook_subscriptions (
  id UUID PRIMARY KEY,
  job_id UUID NOT NULL,
  client_id TEXT NOT NULL,
  url TEXT NOT NULL,
  events JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  settled BOOLEAN NOT NULL DEFAULT FALSE,
  UNIQUE (job_id, url)
);
CREATE INDEX IF NOT EXISTS webhook_subscriptions_open ON "${schema}".webhook_subscriptions (job_id) WHERE NOT settled;
CREATE TABLE IF NOT EXISTS "${schema}".webhook_deliveries (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  subscription_id UUID NOT NULL UNIQUE,
  job_id UUID NOT NULL,
  client_id TEXT NOT NULL,
  event TEXT NOT NULL,
  url TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON "${schema}".webhook_deliveries (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS webhook_deliveries_job ON "${schema}".webhook_deliveries (job_id);
CREATE TABLE IF NOT EXISTS "${schema}".webhook_attempts (
  delivery_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  attempted_at TIMESTAMPTZ NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);
CREATE TABLE IF NOT EXISTS "${schema}".webhook_secrets (
  client_id TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  previous_secret TEXT,
  previous_expires_at TIMESTAMPTZ
);
`;

interface SubscriptionRow {
  id: string;
  job_id: string;
  client_id: string;
  url: string;
  events: WebhookEventName[];
  created_at: Date;
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
  next_attempt_at: Date | null;
  created_at: Date;
}
interface AttemptRow {
  delivery_id: string;
  attempt: number;
  attempted_at: Date;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}
interface SecretRow {
  client_id: string;
  secret: string;
  created_at: Date;
  previous_secret: string | null;
  previous_expires_at: Date | null;
}

const toSubscription = (row: SubscriptionRow): WebhookSubscriptionRecord => ({
  id: row.id,
  jobId: row.job_id,
  clientId: row.client_id,
  url: row.url,
  events: row.events,
  createdAt: row.created_at.toISOString(),
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
  nextAttemptAt: row.next_attempt_at === null ? null : row.next_attempt_at.toISOString(),
  createdAt: row.created_at.toISOString(),
});
const toAttempt = (row: AttemptRow): WebhookAttemptRecord => ({
  deliveryId: row.delivery_id,
  attempt: row.attempt,
  attemptedAt: row.attempted_at.toISOString(),
  statusCode: row.status_code,
  error: row.error,
  durationMs: row.duration_ms,
});
const toSecret = (row: SecretRow): WebhookSecretRecord => ({
  clientId: row.client_id,
  secret: row.secret,
  createdAt: row.created_at.toISOString(),
  previousSecret: row.previous_secret,
  previousExpiresAt: row.previous_expires_at === null ? null : row.previous_expires_at.toISOString(),
});

/** How the webhook store reaches PostgreSQL: the job store's pool, once its tables exist. */
export interface PostgresWebhookStoreOptions {
  /** Quoted schema name, e.g. `"spideriq"`. */
  schema: string;
  query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
}

/** The webhook tables of the PostgreSQL job store. Claims use `FOR UPDATE SKIP LOCKED`, like the job queue. */
export class PostgresWebhookStore implements WebhookStore {
  readonly #s: string;
  readonly #query: PostgresWebhookStoreOptions['query'];
  readonly #tx: PostgresWebhookStoreOptions['transaction'];

  constructor(options: PostgresWebhookStoreOptions) {
    this.#s = options.schema;
    this.#query = options.query;
    this.#tx = options.transaction;
  }

  async subscribe(s: WebhookSubscriptionRecord): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#s}.webhook_subscriptions (id, job_id, client_id, url, events, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (job_id, url) DO NOTHING`,
      [s.id, s.jobId, s.clientId, s.url, JSON.stringify(s.events), s.createdAt],
    );
  }

  async clientsWithOpenSubscriptions(): Promise<string[]> {
    const { rows } = await this.#query<{ client_id: string }>(`SELECT DISTINCT client_id FROM ${this.#s}.webhook_subscriptions WHERE NOT settled`);
    return rows.map((row) => row.client_id);
  }

  async dueEvents(limit: number): Promise<DueWebhookEvent[]> {
    const { rows } = await this.#query<SubscriptionRow & { job_status: string }>(
      `SELECT s.*, j.status AS job_status FROM ${this.#s}.webhook_subscriptions s JOIN ${this.#s}.jobs j ON j.id = s.job_id
        WHERE NOT s.settled AND j.status IN ('completed', 'failed', 'cancelled') ORDER BY s.created_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => {
      const subscription = toSubscription(row);
      const event = `job.${row.job_status}` as WebhookEventName;
      return { subscription, event, wanted: subscription.events.includes(event) };
    });
  }

  async settle(subscriptionId: string, d: NewWebhookDelivery | null): Promise<boolean> {
    return this.#tx(async (c) => {
      const settled = (await c.query(`UPDATE ${this.#s}.webhook_subscriptions SET settled = TRUE WHERE id = $1 AND NOT settled`, [subscriptionId])).rowCount === 1;
      if (settled && d !== null) {
        await c.query(
          `INSERT INTO ${this.#s}.webhook_deliveries (id, subscription_id, job_id, client_id, event, url, body, status, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9)`,
          [d.id, d.subscriptionId, d.jobId, d.clientId, d.event, d.url, d.body, d.nextAttemptAt, d.createdAt],
        );
      }
      return settled;
    });
  }

  async claimDue(now: Date, leaseMs: number, limit: number): Promise<WebhookDeliveryRecord[]> {
    const { rows } = await this.#query<DeliveryRow>(
      `UPDATE ${this.#s}.webhook_deliveries SET next_attempt_at = $1
        WHERE seq IN (SELECT seq FROM ${this.#s}.webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $2
                      ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [new Date(now.getTime() + leaseMs), now, limit],
    );
    return rows.map(toDelivery);
  }

  async recordAttempt(a: WebhookAttemptRecord, state: WebhookDeliveryState, next: Date | null): Promise<void> {
    await this.#tx(async (c) => {
      await c.query(
        `INSERT INTO ${this.#s}.webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (delivery_id, attempt) DO NOTHING`,
        [a.deliveryId, a.attempt, a.attemptedAt, a.statusCode, a.error, a.durationMs],
      );
      await c.query(`UPDATE ${this.#s}.webhook_deliveries SET status = $1, attempts = GREATEST(attempts, $2), next_attempt_at = $3 WHERE id = $4`, [
        state,
        a.attempt,
        next,
        a.deliveryId,
      ]);
    });
  }

  async subscriptionsOf(jobId: string): Promise<WebhookSubscriptionRecord[]> {
    const { rows } = await this.#query<SubscriptionRow>(`SELECT * FROM ${this.#s}.webhook_subscriptions WHERE job_id = $1 ORDER BY created_at`, [jobId]);
    return rows.map(toSubscription);
  }

  async deliveriesOf(jobId: string): Promise<{ delivery: WebhookDeliveryRecord; attempts: WebhookAttemptRecord[] }[]> {
    const deliveries = await this.#query<DeliveryRow>(`SELECT * FROM ${this.#s}.webhook_deliveries WHERE job_id = $1 ORDER BY seq`, [jobId]);
    const attempts = await this.#query<AttemptRow>(
      `SELECT a.* FROM ${this.#s}.webhook_attempts a JOIN ${this.#s}.webhook_deliveries d ON d.id = a.delivery_id WHERE d.job_id = $1 ORDER BY a.attempt`,
      [jobId],
    );
    return deliveries.rows.map((row) => ({ delivery: toDelivery(row), attempts: attempts.rows.filter((a) => a.delivery_id === row.id).map(toAttempt) }));
  }

  async getSecret(clientId: string): Promise<WebhookSecretRecord | null> {
    const { rows } = await this.#query<SecretRow>(`SELECT * FROM ${this.#s}.webhook_secrets WHERE client_id = $1`, [clientId]);
    return rows[0] ? toSecret(rows[0]) : null;
  }

  async createSecret(clientId: string, secret: string, now: Date): Promise<WebhookSecretRecord> {
    await this.#query(`INSERT INTO ${this.#s}.webhook_secrets (client_id, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (client_id) DO NOTHING`, [clientId, secret, now]);
    return (await this.getSecret(clientId))!;
  }

  async rotateSecret(clientId: string, secret: string, now: Date, previousExpiresAt: Date): Promise<WebhookSecretRecord> {
    await this.#query(
      `INSERT INTO ${this.#s}.webhook_secrets AS w (client_id, secret, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (client_id) DO UPDATE SET previous_secret = w.secret, previous_expires_at = $4, secret = EXCLUDED.secret, created_at = EXCLUDED.created_at`,
      [clientId, secret, now, previousExpiresAt],
    );
    return (await this.getSecret(clientId))!;
  }
}
