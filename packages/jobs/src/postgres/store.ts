import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
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
 * The scale-out job store: the same queries as SQLite on PostgreSQL, so several server and worker
 * processes share one database. Claims use `FOR UPDATE SKIP LOCKED`, so workers never block each other.
 * Every connection's `search_path` is the configured schema.
 */
export class PostgresJobStore extends SqlJobStore {
  readonly webhooks: WebhookStore;

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
