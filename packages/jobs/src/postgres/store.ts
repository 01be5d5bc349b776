import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PoolClient } from 'pg';
import type { JobErrorCode, JobType } from '@spideriq/schema';
import type { CancelOutcome, FailOutcome, JobListFilter, JobStore, NewJob } from '../store.js';
import type { ClaimedJob, ClientRecord, JobRecord, StoredProgress, StoreStats } from '../records.js';
import { DEDUP_WINDOW_MS } from '../sqlite/store.js';
import { postgresSchema } from './schema-sql.js';
import { PostgresWebhookStore, postgresWebhookSchema } from './webhook-store.js';
import type { WebhookStore } from '../webhooks/webhook-store.js';

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

interface JobRow {
  id: string;
  client_id: string;
  type: JobType;
  status: JobRecord['status'];
  priority: number;
  payload: unknown;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  worker_id: string | null;
  attempts: number;
  result: string | null;
  error_message: string | null;
  error_code: JobErrorCode | null;
  progress: StoredProgress | null;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

const toJob = (row: JobRow): JobRecord => {
  let result: unknown;
  return {
    id: row.id,
    clientId: row.client_id,
    type: row.type,
    status: row.status,
    priority: row.priority,
    payload: row.payload,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    startedAt: iso(row.started_at),
    completedAt: iso(row.completed_at),
    workerId: row.worker_id,
    attempts: row.attempts,
    get result(): unknown {
      return row.result === null ? null : (result ??= JSON.parse(row.result));
    },
    resultJson: row.result,
    errorMessage: row.error_message,
    errorCode: row.error_code,
    progress: row.progress,
  };
};

const SORT_COLUMNS: Record<JobListFilter['sortBy'], string> = { created_at: 'created_at', updated_at: 'updated_at', status: 'status', priority: 'priority' };

/**
 * The scale-out job store: the same contract as the SQLite store on PostgreSQL, so several server and
 * worker processes share one queue. Claims use `FOR UPDATE SKIP LOCKED`, so workers never block each other.
 */
export class PostgresJobStore implements JobStore {
  readonly #pool: pg.Pool;
  readonly #s: string;
  readonly #maxAttempts: number;
  #ready: Promise<void>;
  readonly webhooks: WebhookStore;

  constructor(options: PostgresStoreOptions) {
    const schema = options.schema ?? 'spideriq';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
    this.#s = `"${schema}"`;
    this.#maxAttempts = options.maxAttempts;
    this.#pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    this.#pool.on('error', () => undefined);
    this.#ready = this.#pool.query(postgresSchema(schema) + postgresWebhookSchema(schema)).then(() => undefined);
    this.#ready.catch(() => undefined);
    this.webhooks = new PostgresWebhookStore({ schema: this.#s, query: (sql, params) => this.#query(sql, params), transaction: (work) => this.#tx(work) });
  }

  /** Resolves once the tables exist; rejects when the database cannot be reached. */
  ready(): Promise<void> {
    return this.#ready;
  }

  async #tx<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    await this.#ready;
    const client = await this.#pool.connect();
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
  }

  async #query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    await this.#ready;
    return this.#pool.query<R>(sql, params);
  }

  async createJob(job: NewJob, now: Date): Promise<{ job: JobRecord; fromCache: boolean }> {
    return this.#tx(async (c) => {
      if (job.dedupKey !== null) {
        // Serialise identical submissions so two concurrent ones cannot both insert.
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [job.dedupKey]);
        const existing = await c.query<JobRow>(
          `SELECT * FROM ${this.#s}.jobs WHERE dedup_key = $1 AND client_id = $2 AND created_at > $3
             AND status NOT IN ('failed', 'cancelled') ORDER BY seq DESC LIMIT 1`,
          [job.dedupKey, job.clientId, new Date(now.getTime() - DEDUP_WINDOW_MS)],
        );
        if (existing.rows[0]) return { job: toJob(existing.rows[0]), fromCache: true };
      }
      const inserted = await c.query<JobRow>(
        `INSERT INTO ${this.#s}.jobs (id, client_id, type, status, priority, payload, dedup_key, created_at, updated_at)
         VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $7) RETURNING *`,
        [job.id, job.clientId, job.type, job.priority, JSON.stringify(job.payload), job.dedupKey, now],
      );
      return { job: toJob(inserted.rows[0]!), fromCache: false };
    });
  }

  async getJob(id: string): Promise<JobRecord | null> {
    const { rows } = await this.#query<JobRow>(`SELECT * FROM ${this.#s}.jobs WHERE id = $1`, [id]);
    return rows[0] ? toJob(rows[0]) : null;
  }

  async listJobs(filter: JobListFilter): Promise<{ total: number; jobs: JobRecord[] }> {
    const where = ['client_id = $1'];
    const params: unknown[] = [filter.clientId];
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    if (filter.type) where.push(`type = $${params.push(filter.type)}`);
    const clause = where.join(' AND ');
    const dir = filter.sortOrder === 'asc' ? 'ASC' : 'DESC';
    const total = Number((await this.#query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${this.#s}.jobs WHERE ${clause}`, params)).rows[0]!.n);
    const { rows } = await this.#query<JobRow>(
      `SELECT * FROM ${this.#s}.jobs WHERE ${clause} ORDER BY ${SORT_COLUMNS[filter.sortBy]} ${dir}, seq ${dir} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { total, jobs: rows.map(toJob) };
  }

  async claim(workerId: string, types: readonly JobType[], leaseMs: number, now: Date): Promise<ClaimedJob | null> {
    if (types.length === 0) return null;
    const nowMs = now.getTime();
    return this.#tx(async (c) => {
      await c.query(
        `UPDATE ${this.#s}.jobs SET status = 'failed', completed_at = $1, updated_at = $1, lease_token = NULL, lease_expires_ms = NULL,
           error_message = COALESCE(error_message, 'The job was interrupted ' || attempts || ' times (worker crash or lost lease)'),
           error_code = CASE WHEN error_message IS NULL THEN 'interrupted' ELSE COALESCE(error_code, 'internal') END
         WHERE status = 'processing' AND lease_expires_ms < $2 AND attempts >= $3 AND type = ANY($4)`,
        [now, nowMs, this.#maxAttempts, types],
      );
      const picked = await c.query<{ id: string }>(
        `SELECT id FROM ${this.#s}.jobs
         WHERE type = ANY($1) AND (status = 'queued' OR (status = 'processing' AND lease_expires_ms < $2))
         ORDER BY priority DESC, seq ASC LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [types, nowMs],
      );
      const id = picked.rows[0]?.id;
      if (!id) return null;
      const leaseToken = randomUUID();
      const { rows } = await c.query<JobRow>(
        `UPDATE ${this.#s}.jobs SET status = 'processing', worker_id = $1, lease_token = $2, lease_expires_ms = $3, attempts = attempts + 1,
           started_at = COALESCE(started_at, $4), updated_at = $4, progress = NULL
         WHERE id = $5 RETURNING *`,
        [workerId, leaseToken, nowMs + leaseMs, now, id],
      );
      return { job: toJob(rows[0]!), leaseToken };
    });
  }

  async heartbeat(id: string, leaseToken: string, leaseMs: number, now: Date): Promise<boolean> {
    const r = await this.#query(`UPDATE ${this.#s}.jobs SET lease_expires_ms = $1 WHERE id = $2 AND lease_token = $3 AND status = 'processing'`, [
      now.getTime() + leaseMs,
      id,
      leaseToken,
    ]);
    return r.rowCount === 1;
  }

  async saveProgress(id: string, leaseToken: string, progress: StoredProgress): Promise<boolean> {
    const r = await this.#query(`UPDATE ${this.#s}.jobs SET progress = $1, updated_at = $2 WHERE id = $3 AND lease_token = $4 AND status = 'processing'`, [
      JSON.stringify(progress),
      progress.updated_at,
      id,
      leaseToken,
    ]);
    return r.rowCount === 1;
  }

  async complete(id: string, leaseToken: string, result: unknown, now: Date): Promise<boolean> {
    const r = await this.#query(
      `UPDATE ${this.#s}.jobs SET status = 'completed', result = $1, completed_at = $2, updated_at = $2, lease_token = NULL, lease_expires_ms = NULL, error_message = NULL, error_code = NULL
       WHERE id = $3 AND lease_token = $4 AND status = 'processing'`,
      [JSON.stringify(result), now, id, leaseToken],
    );
    return r.rowCount === 1;
  }

  async fail(id: string, leaseToken: string, error: { message: string; code: JobErrorCode }, retryable: boolean, now: Date): Promise<FailOutcome> {
    return this.#tx(async (c) => {
      const { rows } = await c.query<{ attempts: number }>(
        `SELECT attempts FROM ${this.#s}.jobs WHERE id = $1 AND lease_token = $2 AND status = 'processing' FOR UPDATE`,
        [id, leaseToken],
      );
      if (!rows[0]) return 'lost';
      if (retryable && rows[0].attempts < this.#maxAttempts) {
        await c.query(
          `UPDATE ${this.#s}.jobs SET status = 'queued', lease_token = NULL, lease_expires_ms = NULL, worker_id = NULL, error_message = $1, error_code = $4, updated_at = $2, progress = NULL WHERE id = $3`,
          [error.message, now, id, error.code],
        );
        return 'requeued';
      }
      await c.query(
        `UPDATE ${this.#s}.jobs SET status = 'failed', lease_token = NULL, lease_expires_ms = NULL, error_message = $1, error_code = $4, completed_at = $2, updated_at = $2 WHERE id = $3`,
        [error.message, now, id, error.code],
      );
      return 'failed';
    });
  }

  async cancel(id: string, clientId: string, now: Date): Promise<CancelOutcome> {
    return this.#tx(async (c) => {
      const { rows } = await c.query<JobRow>(`SELECT * FROM ${this.#s}.jobs WHERE id = $1 FOR UPDATE`, [id]);
      const job = rows[0] ? toJob(rows[0]) : null;
      if (!job || job.clientId !== clientId) return { outcome: 'not_found' };
      if (job.status !== 'queued' && job.status !== 'processing') return { outcome: 'terminal', job };
      const updated = await c.query<JobRow>(
        `UPDATE ${this.#s}.jobs SET status = 'cancelled', lease_token = NULL, lease_expires_ms = NULL, completed_at = $1, updated_at = $1,
           error_message = 'Job was cancelled by the client', error_code = 'cancelled', result = NULL WHERE id = $2 RETURNING *`,
        [now, id],
      );
      return { outcome: 'cancelled', job: toJob(updated.rows[0]!), wasProcessing: job.status === 'processing' };
    });
  }

  async release(leaseTokens: readonly string[], now: Date): Promise<number> {
    if (leaseTokens.length === 0) return 0;
    const r = await this.#query(
      `UPDATE ${this.#s}.jobs SET status = 'queued', lease_token = NULL, lease_expires_ms = NULL, worker_id = NULL, updated_at = $1,
         attempts = GREATEST(attempts - 1, 0), progress = NULL
       WHERE lease_token = ANY($2::uuid[]) AND status = 'processing'`,
      [now, leaseTokens],
    );
    return r.rowCount ?? 0;
  }

  async stats(now: Date): Promise<StoreStats> {
    const byType: StoreStats['byType'] = { spiderSite: { queued: 0, processing: 0 }, spiderMaps: { queued: 0, processing: 0 } };
    const counts = await this.#query<{ type: JobType; status: 'queued' | 'processing'; n: string }>(
      `SELECT type, status, COUNT(*) AS n FROM ${this.#s}.jobs WHERE status IN ('queued', 'processing') GROUP BY type, status`,
    );
    for (const { type, status, n } of counts.rows) if (byType[type]) byType[type][status] = Number(n);
    const since = (ms: number) => new Date(now.getTime() - ms);
    const { rows } = await this.#query<{ m10: string; h1: string; d1: string; avg: number | null }>(
      `SELECT COUNT(*) FILTER (WHERE completed_at > $1) AS m10, COUNT(*) FILTER (WHERE completed_at > $2) AS h1, COUNT(*) AS d1,
         AVG(EXTRACT(EPOCH FROM completed_at - started_at)) FILTER (WHERE status = 'completed' AND started_at IS NOT NULL) AS avg
       FROM ${this.#s}.jobs WHERE completed_at > $3 AND status IN ('completed', 'failed')`,
      [since(10 * 60_000), since(60 * 60_000), since(DEDUP_WINDOW_MS)],
    );
    const r = rows[0]!;
    return {
      byType,
      finishedLast10m: Number(r.m10),
      finishedLastHour: Number(r.h1),
      finishedLast24h: Number(r.d1),
      avgProcessingSeconds: r.avg === null ? null : Math.round(Number(r.avg) * 100) / 100,
    };
  }

  async ping(): Promise<void> {
    await this.#query('SELECT 1');
  }

  async createClient(client: ClientRecord): Promise<void> {
    await this.#query(`INSERT INTO ${this.#s}.clients (id, name, key_hash, secret_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      client.id,
      client.name,
      client.keyHash,
      client.secretHash,
      client.disabled,
      client.createdAt,
    ]);
  }

  async getClient(id: string): Promise<ClientRecord | null> {
    const { rows } = await this.#query<{ id: string; name: string; key_hash: string; secret_hash: string; disabled: boolean; created_at: Date }>(
      `SELECT * FROM ${this.#s}.clients WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return row ? { id: row.id, name: row.name, keyHash: row.key_hash, secretHash: row.secret_hash, disabled: row.disabled, createdAt: row.created_at.toISOString() } : null;
  }

  async listClients(): Promise<ClientRecord[]> {
    const { rows } = await this.#query<{ id: string; name: string; key_hash: string; secret_hash: string; disabled: boolean; created_at: Date }>(
      `SELECT * FROM ${this.#s}.clients ORDER BY created_at`,
    );
    return rows.map((row) => ({ id: row.id, name: row.name, keyHash: row.key_hash, secretHash: row.secret_hash, disabled: row.disabled, createdAt: row.created_at.toISOString() }));
  }

  async setClientDisabled(id: string, disabled: boolean): Promise<boolean> {
    return (await this.#query(`UPDATE ${this.#s}.clients SET disabled = $1 WHERE id = $2`, [disabled, id])).rowCount === 1;
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
