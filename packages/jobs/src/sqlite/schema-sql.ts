/** DDL of the SQLite store. `seq` orders equal priorities first in, first out. */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  client_id TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  priority INTEGER NOT NULL,
  payload TEXT NOT NULL,
  dedup_key TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  started_at TEXT,
  completed_at TEXT,
  worker_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_token TEXT,
  lease_expires_ms INTEGER,
  result TEXT,
  error_message TEXT,
  error_code TEXT,
  progress TEXT
);
CREATE INDEX IF NOT EXISTS jobs_runnable ON jobs (status, priority DESC, seq);
CREATE INDEX IF NOT EXISTS jobs_client ON jobs (client_id, created_at);
CREATE INDEX IF NOT EXISTS jobs_dedup ON jobs (dedup_key, created_at);
CREATE INDEX IF NOT EXISTS jobs_completed ON jobs (completed_at);
CREATE TABLE IF NOT EXISTS clients (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
`;

/** Columns added after the first release, by name: the DDL that adds each to an older database. */
export const SQLITE_MIGRATIONS: Record<string, string> = {
  error_code: 'ALTER TABLE jobs ADD COLUMN error_code TEXT',
};
