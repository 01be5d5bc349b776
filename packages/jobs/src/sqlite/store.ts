import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JobErrorCode, JobType } from '@spideriq/schema';
import type { CancelOutcome, FailOutcome, JobListFilter, JobStore, NewJob } from '../store.js';
import type { ClaimedJob, ClientRecord, JobRecord, StoredProgress, StoreStats } from '../records.js';
import { SQLITE_MIGRATIONS, SQLITE_SCHEMA } from './schema-sql.js';
import { SqliteWebhookStore } from './webhook-store.js';
import type { WebhookStore } from '../webhooks/webhook-store.js';

/** Identical submissions within this window return the existing job. */
export const DEDUP_WINDOW_MS = 24 * 60 * 60 * 1000;

interface JobRow {
  id: string;
  client_id: string;
  type: JobType;
  status: JobRecord['status'];
  priority: number;
  payload: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
  worker_id: string | null;
  attempts: number;
  result: string | null;
  error_message: string | null;
  error_code: JobErrorCode | null;
  progress: string | null;
}

interface ClientRow {
  id: string;
  name: string;
  key_hash: string;
  secret_hash: string;
  disabled: number;
  created_at: string;
}

/** Maps a row; the payload and result JSON are parsed only when read (the results route splices the text). */
const toJob = (row: JobRow): JobRecord => {
  let payload: unknown;
  let result: unknown;
  return {
    id: row.id,
    clientId: row.client_id,
    type: row.type,
    status: row.status,
    priority: row.priority,
    get payload(): unknown {
      return (payload ??= JSON.parse(row.payload));
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    workerId: row.worker_id,
    attempts: row.attempts,
    get result(): unknown {
      return row.result === null ? null : (result ??= JSON.parse(row.result));
    },
    resultJson: row.result,
    errorMessage: row.error_message,
    errorCode: row.error_code,
    progress: row.progress === null ? null : (JSON.parse(row.progress) as StoredProgress),
  };
};

const toClient = (row: ClientRow): ClientRecord => ({
  id: row.id,
  name: row.name,
  keyHash: row.key_hash,
  secretHash: row.secret_hash,
  disabled: row.disabled === 1,
  createdAt: row.created_at,
});

const SORT_COLUMNS: Record<JobListFilter['sortBy'], string> = {
  created_at: 'created_at',
  updated_at: 'updated_at',
  status: 'status',
  priority: 'priority',
};

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** Database file, or `:memory:`. */
  path: string;
  /** Attempts before a job fails for good. */
  maxAttempts: number;
}

/**
 * The embedded job store: one SQLite file in WAL mode. Every state change is a single statement or a
 * transaction, so a `kill -9` at any point leaves a consistent queue: queued jobs stay queued, and
 * processing jobs become claimable again when their lease expires.
 */
export class SqliteJobStore implements JobStore {
  readonly #db: Database.Database;
  readonly #maxAttempts: number;
  readonly #statements = new Map<string, Database.Statement>();
  readonly webhooks: WebhookStore;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.#db = new Database(options.path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    this.#db.exec(SQLITE_SCHEMA);
    this.#migrate();
    this.webhooks = new SqliteWebhookStore(this.#db);
    this.#maxAttempts = options.maxAttempts;
  }

  /** Adds the columns later versions introduced to a database an older version created. */
  #migrate(): void {
    const columns = new Set((this.#db.pragma('table_info(jobs)') as { name: string }[]).map((column) => column.name));
    for (const [column, ddl] of Object.entries(SQLITE_MIGRATIONS)) if (!columns.has(column)) this.#db.exec(ddl);
  }

  async createJob(job: NewJob, now: Date): Promise<{ job: JobRecord; fromCache: boolean }> {
    const nowIso = now.toISOString();
    const since = new Date(now.getTime() - DEDUP_WINDOW_MS).toISOString();
    const run = this.#db.transaction(() => {
      if (job.dedupKey !== null) {
        const existing = this.#prepare<[string, string, string], JobRow>(
            `SELECT * FROM jobs WHERE dedup_key = ? AND client_id = ? AND created_at > ?
               AND status NOT IN ('failed', 'cancelled') ORDER BY seq DESC LIMIT 1`,
          )
          .get(job.dedupKey, job.clientId, since);
        if (existing) return { job: toJob(existing), fromCache: true };
      }
      this.#prepare(
          `INSERT INTO jobs (id, client_id, type, status, priority, payload, dedup_key, created_at, updated_at)
           VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)`,
        )
        .run(job.id, job.clientId, job.type, job.priority, JSON.stringify(job.payload), job.dedupKey, nowIso, nowIso);
      return { job: this.#get(job.id)!, fromCache: false };
    });
    return run.immediate();
  }

  async getJob(id: string): Promise<JobRecord | null> {
    return this.#get(id);
  }

  #get(id: string): JobRecord | null {
    const row = this.#prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?').get(id);
    return row ? toJob(row) : null;
  }

  async listJobs(filter: JobListFilter): Promise<{ total: number; jobs: JobRecord[] }> {
    const where = ['client_id = @clientId'];
    if (filter.status) where.push('status = @status');
    if (filter.type) where.push('type = @type');
    const params = { clientId: filter.clientId, status: filter.status, type: filter.type, limit: filter.limit, offset: filter.offset };
    const clause = where.join(' AND ');
    const total = this.#prepare<typeof params, { n: number }>(`SELECT COUNT(*) AS n FROM jobs WHERE ${clause}`).get(params)!.n;
    const order = `${SORT_COLUMNS[filter.sortBy]} ${filter.sortOrder === 'asc' ? 'ASC' : 'DESC'}, seq ${filter.sortOrder === 'asc' ? 'ASC' : 'DESC'}`;
    const rows = this.#prepare<typeof params, JobRow>(`SELECT * FROM jobs WHERE ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .all(params);
    return { total, jobs: rows.map(toJob) };
  }

  async claim(workerId: string, types: readonly JobType[], leaseMs: number, now: Date): Promise<ClaimedJob | null> {
    if (types.length === 0) return null;
    const nowMs = now.getTime();
    const nowIso = now.toISOString();
    const placeholders = types.map(() => '?').join(', ');
    const run = this.#db.transaction((): ClaimedJob | null => {
      // A lease that expired on its last allowed attempt ends the job: it crashed its worker too often.
      this.#prepare(
          `UPDATE jobs SET status = 'failed', completed_at = ?, updated_at = ?, lease_token = NULL, lease_expires_ms = NULL,
             error_message = COALESCE(error_message, 'The job was interrupted ' || attempts || ' times (worker crash or lost lease)'),
             error_code = CASE WHEN error_message IS NULL THEN 'interrupted' ELSE COALESCE(error_code, 'internal') END
           WHERE status = 'processing' AND lease_expires_ms < ? AND attempts >= ? AND type IN (${placeholders})`,
        )
        .run(nowIso, nowIso, nowMs, this.#maxAttempts, ...types);
      const row = this.#prepare<unknown[], { id: string }>(
          `SELECT id FROM jobs
           WHERE type IN (${placeholders})
             AND (status = 'queued' OR (status = 'processing' AND lease_expires_ms < ?))
           ORDER BY priority DESC, seq ASC LIMIT 1`,
        )
        .get(...types, nowMs);
      if (!row) return null;
      const leaseToken = randomUUID();
      this.#prepare(
          `UPDATE jobs SET status = 'processing', worker_id = ?, lease_token = ?, lease_expires_ms = ?, attempts = attempts + 1,
             started_at = COALESCE(started_at, ?), updated_at = ?, progress = NULL
           WHERE id = ?`,
        )
        .run(workerId, leaseToken, nowMs + leaseMs, nowIso, nowIso, row.id);
      return { job: this.#get(row.id)!, leaseToken };
    });
    return run.immediate();
  }

  async heartbeat(id: string, leaseToken: string, leaseMs: number, now: Date): Promise<boolean> {
    const info = this.#prepare(`UPDATE jobs SET lease_expires_ms = ? WHERE id = ? AND lease_token = ? AND status = 'processing'`)
      .run(now.getTime() + leaseMs, id, leaseToken);
    return info.changes === 1;
  }

  async saveProgress(id: string, leaseToken: string, progress: StoredProgress): Promise<boolean> {
    const info = this.#prepare(`UPDATE jobs SET progress = ?, updated_at = ? WHERE id = ? AND lease_token = ? AND status = 'processing'`)
      .run(JSON.stringify(progress), progress.updated_at, id, leaseToken);
    return info.changes === 1;
  }

  async complete(id: string, leaseToken: string, result: unknown, now: Date): Promise<boolean> {
    const nowIso = now.toISOString();
    const info = this.#prepare(
        `UPDATE jobs SET status = 'completed', result = ?, completed_at = ?, updated_at = ?, lease_token = NULL, lease_expires_ms = NULL,
           error_message = NULL, error_code = NULL
         WHERE id = ? AND lease_token = ? AND status = 'processing'`,
      )
      .run(JSON.stringify(result), nowIso, nowIso, id, leaseToken);
    return info.changes === 1;
  }

  async fail(id: string, leaseToken: string, error: { message: string; code: JobErrorCode }, retryable: boolean, now: Date): Promise<FailOutcome> {
    const nowIso = now.toISOString();
    const run = this.#db.transaction((): FailOutcome => {
      const row = this.#prepare<[string, string], { attempts: number }>(`SELECT attempts FROM jobs WHERE id = ? AND lease_token = ? AND status = 'processing'`)
        .get(id, leaseToken);
      if (!row) return 'lost';
      if (retryable && row.attempts < this.#maxAttempts) {
        this.#prepare(
            `UPDATE jobs SET status = 'queued', lease_token = NULL, lease_expires_ms = NULL, worker_id = NULL, error_message = ?, error_code = ?, updated_at = ?, progress = NULL
             WHERE id = ?`,
          )
          .run(error.message, error.code, nowIso, id);
        return 'requeued';
      }
      this.#prepare(
          `UPDATE jobs SET status = 'failed', lease_token = NULL, lease_expires_ms = NULL, error_message = ?, error_code = ?, completed_at = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(error.message, error.code, nowIso, nowIso, id);
      return 'failed';
    });
    return run.immediate();
  }

  async cancel(id: string, clientId: string, now: Date): Promise<CancelOutcome> {
    const nowIso = now.toISOString();
    const run = this.#db.transaction((): CancelOutcome => {
      const job = this.#get(id);
      if (!job || job.clientId !== clientId) return { outcome: 'not_found' };
      if (job.status !== 'queued' && job.status !== 'processing') return { outcome: 'terminal', job };
      this.#prepare(
          `UPDATE jobs SET status = 'cancelled', lease_token = NULL, lease_expires_ms = NULL, completed_at = ?, updated_at = ?,
             error_message = 'Job was cancelled by the client', error_code = 'cancelled', result = NULL
           WHERE id = ?`,
        )
        .run(nowIso, nowIso, id);
      return { outcome: 'cancelled', job: this.#get(id)!, wasProcessing: job.status === 'processing' };
    });
    return run.immediate();
  }

  async release(leaseTokens: readonly string[], now: Date): Promise<number> {
    const nowIso = now.toISOString();
    const stmt = this.#prepare(
      `UPDATE jobs SET status = 'queued', lease_token = NULL, lease_expires_ms = NULL, worker_id = NULL, updated_at = ?,
         attempts = MAX(attempts - 1, 0), progress = NULL
       WHERE lease_token = ? AND status = 'processing'`,
    );
    const run = this.#db.transaction(() => leaseTokens.reduce((n, token) => n + stmt.run(nowIso, token).changes, 0));
    return run.immediate();
  }

  async stats(now: Date): Promise<StoreStats> {
    const counts = this.#prepare<[], { type: JobType; status: string; n: number }>(
        `SELECT type, status, COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'processing') GROUP BY type, status`,
      )
      .all();
    const byType: StoreStats['byType'] = { spiderSite: { queued: 0, processing: 0 }, spiderMaps: { queued: 0, processing: 0 } };
    for (const { type, status, n } of counts) {
      if (byType[type]) byType[type][status as 'queued' | 'processing'] = n;
    }
    const since = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const finished = this.#prepare<[string], { n: number }>(
      `SELECT COUNT(*) AS n FROM jobs WHERE completed_at > ? AND status IN ('completed', 'failed')`,
    );
    const avg = this.#prepare<[string], { avg: number | null }>(
        `SELECT AVG((julianday(completed_at) - julianday(started_at)) * 86400.0) AS avg
         FROM jobs WHERE status = 'completed' AND completed_at > ? AND started_at IS NOT NULL`,
      )
      .get(since(DEDUP_WINDOW_MS))!.avg;
    return {
      byType,
      finishedLast10m: finished.get(since(10 * 60 * 1000))!.n,
      finishedLastHour: finished.get(since(60 * 60 * 1000))!.n,
      finishedLast24h: finished.get(since(DEDUP_WINDOW_MS))!.n,
      avgProcessingSeconds: avg === null ? null : Math.round(avg * 100) / 100,
    };
  }

  async ping(): Promise<void> {
    this.#prepare('SELECT 1').get();
  }

  async createClient(client: ClientRecord): Promise<void> {
    this.#prepare(`INSERT INTO clients (id, name, key_hash, secret_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(client.id, client.name, client.keyHash, client.secretHash, client.disabled ? 1 : 0, client.createdAt);
  }

  async getClient(id: string): Promise<ClientRecord | null> {
    const row = this.#prepare<[string], ClientRow>('SELECT * FROM clients WHERE id = ?').get(id);
    return row ? toClient(row) : null;
  }

  async listClients(): Promise<ClientRecord[]> {
    return this.#prepare<[], ClientRow>('SELECT * FROM clients ORDER BY created_at').all().map(toClient);
  }

  async setClientDisabled(id: string, disabled: boolean): Promise<boolean> {
    return this.#prepare('UPDATE clients SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id).changes === 1;
  }

  /** Prepared statements are cached: preparing costs more than running a point query. */
  #prepare<P extends unknown[] | {} = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement as unknown as Database.Statement<P, R>;
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}
