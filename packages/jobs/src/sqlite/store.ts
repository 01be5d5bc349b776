import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { Selectable } from 'kysely';
import type { ClientRecord, JobRecord } from '../records.js';
import { sqliteDialect } from '../sql/dialect.js';
import { SqlJobStore } from '../sql/job-store.js';
import { migrateStore } from '../sql/migrate.js';
import { toClient, toJob } from '../sql/rows.js';
import type { JobRow } from '../sql/rows.js';
import type { ClientsTable, StoreTables } from '../sql/tables.js';
import type { WebhookStore } from '../webhooks/webhook-store.js';
import { cachingStatements } from './statement-cache.js';
import { SqliteWebhookStore } from './webhook-store.js';

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** Database file, or `:memory:`. */
  path: string;
  /** Attempts before a job fails for good. */
  maxAttempts: number;
}

/** How long a statement, or opening the file, waits for another process's lock. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Puts the file in WAL mode. While another process is creating or switching the same file, SQLite answers
 * this with SQLITE_BUSY at once, without waiting on `busy_timeout` (a lock it cannot wait for without a
 * deadlock), so processes opening one new file together retry here, a few milliseconds apart.
 */
function enterWal(raw: Database.Database): void {
  const until = Date.now() + BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      raw.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= until) throw error;
      Atomics.wait(pause, 0, 0, 5 + Math.random() * 20);
    }
  }
}

/**
 * The embedded job store: one SQLite file in WAL mode, with the lease queue in the same table. Kysely's
 * queries run on statements prepared once per SQL text (`cachingStatements`); the two reads on every
 * authenticated request (`getJob`, `getClient`) also skip the query builder.
 */
export class SqliteJobStore extends SqlJobStore {
  readonly webhooks: WebhookStore;
  readonly #raw: Database.Database;
  #getJob: Database.Statement<[string], JobRow> | undefined;
  #getClient: Database.Statement<[string], Selectable<ClientsTable>> | undefined;
  #migrated = false;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    const raw = new Database(options.path);
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    enterWal(raw);
    raw.pragma('synchronous = NORMAL');
    const db = new Kysely<StoreTables>({ dialect: new SqliteDialect({ database: cachingStatements(raw) }) });
    super(db, sqliteDialect, options.maxAttempts, migrateExclusive(raw, db));
    this.#raw = raw;
    this.webhooks = new SqliteWebhookStore(raw);
    void this.ready().then(() => (this.#migrated = true), () => undefined);
  }

  override async getJob(id: string): Promise<JobRecord | null> {
    if (!this.#migrated) await this.ready();
    this.#getJob ??= this.#raw.prepare('SELECT * FROM jobs WHERE id = ?');
    const row = this.#getJob.get(id);
    return row ? toJob(row) : null;
  }

  override async getClient(id: string): Promise<ClientRecord | null> {
    if (!this.#migrated) await this.ready();
    this.#getClient ??= this.#raw.prepare('SELECT * FROM clients WHERE id = ?');
    const row = this.#getClient.get(id);
    return row ? toClient(row) : null;
  }
}

/**
 * Migrates inside one `BEGIN IMMEDIATE` on the store's own connection (Kysely runs SQLite migrations
 * without a transaction of its own), so processes opening one file together migrate one after the other.
 */
async function migrateExclusive(raw: Database.Database, db: Kysely<StoreTables>): Promise<void> {
  raw.exec('BEGIN IMMEDIATE');
  try {
    await migrateStore(db, sqliteDialect);
    raw.exec('COMMIT');
  } catch (error) {
    if (raw.inTransaction) raw.exec('ROLLBACK');
    throw error;
  }
}
