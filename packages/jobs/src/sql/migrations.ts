import { sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { ColumnTypes } from './dialect.js';

/** A numbered migration: SQL statements over the dialect's column types, or code where SQL cannot say it. */
type Step = { name: string } & ({ statements(t: ColumnTypes): string[] } | { up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> });

/**
 * The schema's history, oldest first. Never edit a step that has shipped: add the next one.
 * `0001` is what the store created before it had migrations (every statement `IF NOT EXISTS`), so a
 * database from that time passes through it unchanged and continues from `0002`.
 */
const STEPS: Step[] = [
  {
    name: '0001_initial',
    statements: (t) => [
      `CREATE TABLE IF NOT EXISTS jobs (
        seq ${t.serialKey},
        id ${t.uuid} NOT NULL UNIQUE,
        client_id TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        priority INTEGER NOT NULL,
        payload ${t.json} NOT NULL,
        dedup_key TEXT,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        started_at ${t.timestamp},
        completed_at ${t.timestamp},
        worker_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_token ${t.uuid},
        lease_expires_ms BIGINT,
        result TEXT,
        error_message TEXT,
        progress ${t.json}
      )`,
      'CREATE INDEX IF NOT EXISTS jobs_client ON jobs (client_id, created_at)',
      'CREATE INDEX IF NOT EXISTS jobs_dedup ON jobs (dedup_key, created_at)',
      'CREATE INDEX IF NOT EXISTS jobs_completed ON jobs (completed_at)',
      `CREATE TABLE IF NOT EXISTS clients (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        key_hash TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        disabled ${t.boolean} NOT NULL DEFAULT ${t.boolean === 'boolean' ? 'FALSE' : '0'},
        created_at ${t.timestamp} NOT NULL
      )`,
    ],
  },
  {
    // The two stores had drifted: SQLite's runnable index lacked `type`, which every claim filters on.
    name: '0002_one_runnable_index',
    statements: () => ['DROP INDEX IF EXISTS jobs_runnable', 'CREATE INDEX jobs_runnable ON jobs (type, status, priority DESC, seq)'],
  },
  {
    // Dedup as a primary key, so identical submissions on two API processes at once make one job. Filled
    // with each key's latest job that can still be returned (what the old lookup found).
    name: '0003_job_dedup',
    statements: (t) => [
      `CREATE TABLE job_dedup (
        dedup_key TEXT PRIMARY KEY,
        job_id ${t.uuid} NOT NULL,
        created_at ${t.timestamp} NOT NULL
      )`,
      `INSERT INTO job_dedup (dedup_key, job_id, created_at)
       SELECT j.dedup_key, j.id, j.created_at FROM jobs j
       WHERE j.dedup_key IS NOT NULL AND j.status NOT IN ('failed', 'cancelled')
         AND j.seq = (SELECT MAX(k.seq) FROM jobs k WHERE k.dedup_key = j.dedup_key AND k.status NOT IN ('failed', 'cancelled'))`,
    ],
  },
  {
    // The API's rate-limit counters when PostgreSQL is the only shared service (rate-limiter-flexible's
    // RateLimiterPostgres layout), created here so processes starting together do not race to create it.
    name: '0004_rate_limits',
    statements: () => ['CREATE TABLE rate_limits (key VARCHAR(255) PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire BIGINT)'],
  },
  {
    // `error_code` arrived before the migration history, as an add-if-missing at start-up: databases from
    // then may already have it. SQLite has no ADD COLUMN IF NOT EXISTS, so ask the table.
    name: '0005_error_code',
    async up(db, t) {
      if (t.uuid === 'uuid') {
        await sql`ALTER TABLE jobs ADD COLUMN IF NOT EXISTS error_code TEXT`.execute(db);
        return;
      }
      const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info('jobs')`.execute(db);
      if (!rows.some((column) => column.name === 'error_code')) await sql`ALTER TABLE jobs ADD COLUMN error_code TEXT`.execute(db);
    },
  },
  {
    // Dedup moved to `job_dedup` (0003): nothing reads jobs by `dedup_key` any more, and every insert, and
    // every status change (not a HOT update, as `status` is indexed), still wrote this index.
    name: '0006_drop_jobs_dedup_index',
    statements: () => ['DROP INDEX IF EXISTS jobs_dedup'],
  },
];

/** The store's migrations for Kysely's `Migrator`, with this dialect's column types. */
export function storeMigrations(types: ColumnTypes): MigrationProvider {
  return {
    async getMigrations() {
      const migrations: Record<string, Migration> = {};
      for (const step of STEPS) {
        migrations[step.name] = {
          async up(db: Kysely<unknown>) {
            if ('up' in step) return step.up(db, types);
            for (const statement of step.statements(types)) await sql.raw(statement).execute(db);
          },
        };
      }
      return migrations;
    },
  };
}

/** Names of every migration, oldest first. */
export const MIGRATION_NAMES: readonly string[] = STEPS.map((step) => step.name);
