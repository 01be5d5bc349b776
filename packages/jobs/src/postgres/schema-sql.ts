/** DDL of the PostgreSQL store (in the configured schema). `seq` orders equal priorities first in, first out. */
export const postgresSchema = (schema: string) => `
CREATE SCHEMA IF NOT EXISTS "${schema}";
CREATE TABLE IF NOT EXISTS "${schema}".jobs (
  seq BIGSERIAL PRIMARY KEY,
  id UUID NOT NULL UNIQUE,
  client_id TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  priority INTEGER NOT NULL,
  payload JSONB NOT NULL,
  dedup_key TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  started_at TIMESTAMPTZ,
  completed_at TIMESTAMPTZ,
  worker_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_token UUID,
  lease_expires_ms BIGINT,
  result TEXT,
  error_message TEXT,
  error_code TEXT,
  progress JSONB
);
-- Added after the first release: upgrades a database an older version created.
ALTER TABLE "${schema}".jobs ADD COLUMN IF NOT EXISTS error_code TEXT;
CREATE INDEX IF NOT EXISTS jobs_runnable ON "${schema}".jobs (type, status, priority DESC, seq);
CREATE INDEX IF NOT EXISTS jobs_client ON "${schema}".jobs (client_id, created_at);
CREATE INDEX IF NOT EXISTS jobs_dedup ON "${schema}".jobs (dedup_key, created_at);
CREATE INDEX IF NOT EXISTS jobs_completed ON "${schema}".jobs (completed_at);
CREATE TABLE IF NOT EXISTS "${schema}".clients (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL
);
`;
