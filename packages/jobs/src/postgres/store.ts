import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { Batcher } from '../batcher.js';
import type { ClaimJobOutcome, NewJob } from '../store.js';
import type { JobRecord } from '../records.js';
import { toJob } from '../sql/rows.js';
import type { JobRow } from '../sql/rows.js';
import { claimJobs, completeJobs, insertNewJobs } from './batched-statements.js';
import type { ClaimValues, CompleteValues, NamedQuery, NewJobValues } from './batched-statements.js';
import { postgresDialect } from '../sql/dialect.js';
import { SqlJobStore } from '../sql/job-store.js';
import { migrateStore } from '../sql/migrate.js';
import type { StoreTables } from '../sql/tables.js';
import type { WebhookStore } from '../webhooks/webhook-store.js';
import { PostgresWebhookStore, postgresWebhookSchema } from './webhook-store.js';

/** Options of the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** `postgres://user@host:5432/db`. */
  connectionString: string;
  /** Schema holding the tables (created if missing). Default `spideriq`. */
  schema?: string;
  maxAttempts: number;
  /** Pool size. Default 10. */
  poolSize?: number;
}

/**
 * Batches per statement: a few in flight, so a slow batch does not hold the next one up, and always some
 * connections of the pool left for everything else.
 */
const BATCHES = { maxBatch: 200, maxInFlight: 2 };

/**
 * The scale-out job store: the same queries as SQLite on PostgreSQL, so several server and worker
 * processes share one database. Claims use `FOR UPDATE SKIP LOCKED`, so workers never block each other.
 * Every connection's `search_path` is the configured schema.
 */
export class PostgresJobStore extends SqlJobStore {
  readonly webhooks: WebhookStore;
  readonly #newJobs: Batcher<NewJobValues, JobRow | undefined>;
  readonly #claims: Batcher<ClaimValues, JobRow | undefined>;
  readonly #completions: Batcher<CompleteValues, boolean>;

  constructor(options: PostgresStoreOptions) {
    const schema = options.schema ?? 'spideriq';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000, options: `-c search_path=${schema}` });
    // An idle client's error (the server restarted) must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    // The same for a checked-out client between two statements (the connection was cut): the statement in
    // flight rejects and reports it; the unhandled 'error' event would otherwise end the process.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
    super(db, postgresDialect, options.maxAttempts, migrateLocked(options.connectionString, schema, db));
    const query = async <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) => {
      await this.ready();
      return pool.query<R>(text, params);
    };
    const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
      await this.ready();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await work(client);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };
    this.webhooks = new PostgresWebhookStore({ schema: `"${schema}"`, query, transaction });
    const named: NamedQuery = (q) => pool.query(q) as never;
    this.#newJobs = new Batcher((jobs) => insertNewJobs(named, jobs), BATCHES);
    this.#claims = new Batcher((claims) => claimJobs(named, claims, options.maxAttempts), BATCHES);
    this.#completions = new Batcher((completions) => completeJobs(named, completions), BATCHES);
  }

  /** A new key's job in one batched statement with the other submits in flight; the rest as `SqlJobStore` does it. */
  override async createJob(job: NewJob, now: Date): Promise<{ job: JobRecord; fromCache: boolean }> {
    if (job.dedupKey === null) return super.createJob(job, now);
    await this.ready();
    const { id, clientId, type, priority, dedupKey } = job;
    const row = await this.#newJobs.add({ id, clientId, type, priority, payload: JSON.stringify(job.payload), dedupKey, createdAt: now.toISOString() });
    return row ? { job: toJob(row), fromCache: false } : super.createJob(job, now);
  }

  /** The common claim batched with the others in flight; a job that is gone or exhausted as `SqlJobStore` does it. */
  override async claimJob(id: string, workerId: string, leaseMs: number, now: Date): Promise<ClaimJobOutcome> {
    await this.ready();
    const leaseToken = randomUUID();
    const row = await this.#claims.add({ id, workerId, leaseToken, leaseExpiresMs: now.getTime() + leaseMs, at: now.toISOString() });
    return row ? { outcome: 'claimed', claimed: { job: toJob(row), leaseToken } } : super.claimJob(id, workerId, leaseMs, now);
  }

  /** Batched with the other completions in flight. */
  override async complete(id: string, leaseToken: string, result: unknown, now: Date): Promise<boolean> {
    await this.ready();
    return this.#completions.add({ id, leaseToken, result: JSON.stringify(result), at: now.toISOString() });
  }
}

/**
 * Creates the schema and migrates it under a session advisory lock on the schema's name, so processes
 * starting together on an empty database migrate one after the other (the later ones find nothing to do).
 */
async function migrateLocked(connectionString: string, schema: string, db: Kysely<StoreTables>): Promise<void> {
  const lock = new pg.Client({ connectionString });
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`spideriq-migrate:${schema}`]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await migrateStore(db, postgresDialect, schema);
    // The webhook tables (extension) are `IF NOT EXISTS` DDL of their own store, run under the same lock.
    await lock.query(postgresWebhookSchema(schema));
  } finally {
    await lock.end().catch(() => undefined);
  }
}
