import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import { storeMigrations } from './migrations.js';
import type { StoreTables } from './tables.js';

/** A migration that did not apply; the database is left at the last one that did. */
export class StoreMigrationError extends Error {
  override readonly name = 'StoreMigrationError';
  readonly code = 'migration_failed';
  constructor(
    readonly migration: string | undefined,
    options: { cause: unknown },
  ) {
    super(`Job store migration ${migration ?? '(setup)'} failed: ${(options.cause as Error)?.message ?? String(options.cause)}`, options);
  }
}

/**
 * Applies every pending migration, recording each in `spideriq_migrations` (Kysely's `Migrator`). Callers
 * that share a database across processes hold a lock around it (see `PostgresJobStore`); Kysely adds its
 * own transaction lock on PostgreSQL. Returns the names applied now.
 */
export async function migrateStore(db: Kysely<StoreTables>, dialect: StoreDialect, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: storeMigrations(dialect.types),
    migrationTableName: 'spideriq_migrations',
    migrationLockTableName: 'spideriq_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw new StoreMigrationError(results.find((r) => r.status === 'Error')?.migrationName, { cause: error });
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
