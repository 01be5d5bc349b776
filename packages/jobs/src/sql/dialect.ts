import { sql } from 'kysely';
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { StoreTables } from './tables.js';

/** Column types of the migrations, per database. */
export interface ColumnTypes {
  /** The auto-incrementing primary key that records insertion order. */
  serialKey: string;
  uuid: string;
  json: string;
  timestamp: string;
  boolean: string;
}

/**
 * What really differs between SQLite and PostgreSQL under the one query layer (`SqlJobStore`): column
 * types, row locks, date arithmetic, how a boolean is bound, and how a write transaction begins.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  readonly types: ColumnTypes;
  /** `FOR UPDATE [SKIP LOCKED]` exists (PostgreSQL); SQLite serialises writers instead. */
  readonly rowLocks: boolean;
  /** Seconds from `start` to `end`, two timestamp columns. */
  secondsBetween(start: string, end: string): RawBuilder<number | string | null>;
  /** A boolean as the driver binds it (better-sqlite3 binds no booleans). */
  bool(value: boolean): number | boolean;
  /** Runs `work` in one write transaction. */
  transaction<T>(db: Kysely<StoreTables>, work: (trx: Kysely<StoreTables>) => Promise<T>): Promise<T>;
  /**
   * Inside `transaction`: makes every other writer of `table` wait until it ends, so a check on the whole
   * table ("is it empty?") stays true until the insert that depends on it commits.
   */
  lockTable(trx: Kysely<StoreTables>, table: keyof StoreTables): Promise<void>;
}

/** SQLite: text timestamps and JSON, and `BEGIN IMMEDIATE` so a transaction takes the write lock up front. */
export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  types: { serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT', uuid: 'text', json: 'text', timestamp: 'text', boolean: 'integer' },
  rowLocks: false,
  secondsBetween: (start, end) => sql<number | null>`(julianday(${sql.ref(end)}) - julianday(${sql.ref(start)})) * 86400.0`,
  bool: (value) => (value ? 1 : 0),
  // Kysely's own SQLite transactions use a deferred BEGIN, which can fail with SQLITE_BUSY when a second
  // process (the admin CLI) writes at the same time; one held connection with BEGIN IMMEDIATE waits instead.
  transaction: (db, work) =>
    db.connection().execute(async (conn) => {
      await sql`BEGIN IMMEDIATE`.execute(conn);
      try {
        const value = await work(conn);
        await sql`COMMIT`.execute(conn);
        return value;
      } catch (error) {
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        throw error;
      }
    }),
  // BEGIN IMMEDIATE took the database's one write lock already.
  lockTable: async () => undefined,
};

/** PostgreSQL: native uuid, jsonb and timestamptz, row locks with SKIP LOCKED. */
export const postgresDialect: StoreDialect = {
  name: 'postgres',
  types: { serialKey: 'BIGSERIAL PRIMARY KEY', uuid: 'uuid', json: 'jsonb', timestamp: 'timestamptz', boolean: 'boolean' },
  rowLocks: true,
  secondsBetween: (start, end) => sql<string | null>`EXTRACT(EPOCH FROM ${sql.ref(end)} - ${sql.ref(start)})`,
  bool: (value) => value,
  transaction: (db, work) => db.transaction().execute((trx: Transaction<StoreTables>) => work(trx)),
  // SHARE ROW EXCLUSIVE conflicts with itself and with every INSERT, and lets readers through.
  lockTable: async (trx, table) => void (await sql`LOCK TABLE ${sql.table(table)} IN SHARE ROW EXCLUSIVE MODE`.execute(trx)),
};
