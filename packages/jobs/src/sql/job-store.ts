import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { JobErrorCode, JobType } from '@spideriq/schema';
import { DEDUP_WINDOW_MS } from '../dedup.js';
import type { CancelOutcome, ClaimJobOutcome, FailOutcome, JobListFilter, LeaseQueueStore, NewJob, RunnableJob } from '../store.js';
import type { ClaimedJob, ClientRecord, JobRecord, StoredProgress, StoreStats } from '../records.js';
import type { StoreDialect } from './dialect.js';
import { LeaseQueue, interrupted, takeLease } from './lease-queue.js';
import { toClient, toJob } from './rows.js';
import type { JobRow } from './rows.js';
import type { StoreTables } from './tables.js';
import type { WebhookStore } from '../webhooks/webhook-store.js';

const time = (value: string | Date): number => (typeof value === 'string' ? Date.parse(value) : value.getTime());

/**
 * The job store on SQL, written once with Kysely for SQLite and PostgreSQL; `StoreDialect` holds what
 * differs. Every state change is one statement or one transaction, so a `kill -9` at any point leaves a
 * consistent queue. Every method waits for the migrations (`ready`).
 */
export abstract class SqlJobStore implements LeaseQueueStore {
  /** Webhook subscriptions, deliveries and secrets, in the same database (extension). */
  abstract readonly webhooks: WebhookStore;

  /** The query layer, for subclasses' fast paths. */
  protected readonly db: Kysely<StoreTables>;
  readonly #dialect: StoreDialect;
  readonly #maxAttempts: number;
  readonly #queue: LeaseQueue;
  readonly #ready: Promise<void>;

  constructor(db: Kysely<StoreTables>, dialect: StoreDialect, maxAttempts: number, ready: Promise<void>) {
    this.db = db;
    this.#dialect = dialect;
    this.#maxAttempts = maxAttempts;
    this.#queue = new LeaseQueue(dialect, maxAttempts);
    this.#ready = ready;
    this.#ready.catch(() => undefined);
  }

  /** Resolves once the migrations have run; rejects when the database cannot be reached or migrated. */
  ready(): Promise<void> {
    return this.#ready;
  }

  async createJob(job: NewJob, now: Date): Promise<{ job: JobRecord; fromCache: boolean }> {
    await this.#ready;
    const nowIso = now.toISOString();
    const values = {
      id: job.id,
      client_id: job.clientId,
      type: job.type,
      status: 'queued' as const,
      priority: job.priority,
      payload: JSON.stringify(job.payload),
      dedup_key: job.dedupKey,
      created_at: nowIso,
      updated_at: nowIso,
    };
    const insertJob = (db: Kysely<StoreTables>) => db.insertInto('jobs').values(values).returningAll().executeTakeFirstOrThrow();
    // No key (`test: true`): one statement, nothing to lock.
    if (job.dedupKey === null) return { job: toJob(await insertJob(this.db)), fromCache: false };
    const dedupKey = job.dedupKey;
    return this.#dialect.transaction(this.db, async (trx) => {
      // The key's row is the lock: a concurrent identical submit waits on it, then sees this job.
      const inserted = await trx
        .insertInto('job_dedup')
        .values({ dedup_key: dedupKey, job_id: job.id, created_at: nowIso })
        .onConflict((oc) => oc.column('dedup_key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        const pointer = await trx
          .selectFrom('job_dedup')
          .select('job_id')
          .where('dedup_key', '=', dedupKey)
          .$if(this.#dialect.rowLocks, (q) => q.forUpdate())
          .executeTakeFirstOrThrow();
        const existing = await trx.selectFrom('jobs').selectAll().where('id', '=', pointer.job_id).executeTakeFirst();
        if (existing && isReusable(existing, job.clientId, now)) return { job: toJob(existing), fromCache: true };
        await trx.updateTable('job_dedup').set({ job_id: job.id, created_at: nowIso }).where('dedup_key', '=', dedupKey).execute();
      }
      return { job: toJob(await insertJob(trx)), fromCache: false };
    });
  }

  async getJob(id: string): Promise<JobRecord | null> {
    await this.#ready;
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toJob(row) : null;
  }

  async listJobs(filter: JobListFilter): Promise<{ total: number; jobs: JobRecord[] }> {
    await this.#ready;
    const base = this.db
      .selectFrom('jobs')
      .where('client_id', '=', filter.clientId)
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
      .$if(filter.type !== undefined, (q) => q.where('type', '=', filter.type!));
    const { n } = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const rows = await base
      .selectAll()
      .orderBy(filter.sortBy, filter.sortOrder)
      .orderBy('seq', filter.sortOrder)
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return { total: Number(n), jobs: rows.map(toJob) };
  }

  async claim(workerId: string, types: readonly JobType[], leaseMs: number, now: Date): Promise<ClaimedJob | null> {
    await this.#ready;
    return this.#queue.claim(this.db, workerId, types, leaseMs, now);
  }

  async claimJob(id: string, workerId: string, leaseMs: number, now: Date): Promise<ClaimJobOutcome> {
    await this.#ready;
    const leaseToken = randomUUID();
    // The common case in one statement; the transaction below only sorts out the rest.
    const fast = await this.db
      .updateTable('jobs')
      .set(takeLease(workerId, leaseToken, leaseMs, now))
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'processing'])
      .where('attempts', '<', this.#maxAttempts)
      .returningAll()
      .executeTakeFirst();
    if (fast) return { outcome: 'claimed', claimed: { job: toJob(fast), leaseToken } };
    return this.#dialect.transaction(this.db, async (trx): Promise<ClaimJobOutcome> => {
      const row = await trx
        .selectFrom('jobs')
        .select(['status', 'attempts'])
        .where('id', '=', id)
        .$if(this.#dialect.rowLocks, (q) => q.forUpdate())
        .executeTakeFirst();
      if (!row || (row.status !== 'queued' && row.status !== 'processing')) return { outcome: 'gone' };
      if (row.attempts >= this.#maxAttempts) {
        const failed = await trx.updateTable('jobs').set(interrupted(now)).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        return { outcome: 'exhausted', job: toJob(failed) };
      }
      const claimed = await trx.updateTable('jobs').set(takeLease(workerId, leaseToken, leaseMs, now)).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      return { outcome: 'claimed', claimed: { job: toJob(claimed), leaseToken } };
    });
  }

  async listRunnable(now: Date, limit: number): Promise<RunnableJob[]> {
    await this.#ready;
    return this.db
      .selectFrom('jobs')
      .select(['id', 'type', 'priority'])
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'processing'), eb('lease_expires_ms', '<', now.getTime())])]))
      .orderBy('seq')
      .limit(limit)
      .execute();
  }

  async heartbeat(id: string, leaseToken: string, leaseMs: number, now: Date): Promise<boolean> {
    await this.#ready;
    return this.#queue.heartbeat(this.db, id, leaseToken, leaseMs, now);
  }

  async release(leaseTokens: readonly string[], now: Date): Promise<number> {
    await this.#ready;
    return this.#queue.release(this.db, leaseTokens, now);
  }

  async saveProgress(id: string, leaseToken: string, progress: StoredProgress): Promise<boolean> {
    await this.#ready;
    const r = await this.db
      .updateTable('jobs')
      .set({ progress: JSON.stringify(progress), updated_at: progress.updated_at })
      .where('id', '=', id)
      .where('lease_token', '=', leaseToken)
      .where('status', '=', 'processing')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async complete(id: string, leaseToken: string, result: unknown, now: Date): Promise<boolean> {
    await this.#ready;
    const nowIso = now.toISOString();
    const r = await this.db
      .updateTable('jobs')
      .set({ status: 'completed', result: JSON.stringify(result), completed_at: nowIso, updated_at: nowIso, lease_token: null, lease_expires_ms: null, error_message: null, error_code: null })
      .where('id', '=', id)
      .where('lease_token', '=', leaseToken)
      .where('status', '=', 'processing')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async fail(id: string, leaseToken: string, error: { message: string; code: JobErrorCode }, retryable: boolean, now: Date): Promise<FailOutcome> {
    await this.#ready;
    const nowIso = now.toISOString();
    return this.#dialect.transaction(this.db, async (trx): Promise<FailOutcome> => {
      const row = await trx
        .selectFrom('jobs')
        .select('attempts')
        .where('id', '=', id)
        .where('lease_token', '=', leaseToken)
        .where('status', '=', 'processing')
        .$if(this.#dialect.rowLocks, (q) => q.forUpdate())
        .executeTakeFirst();
      if (!row) return 'lost';
      const requeue = retryable && row.attempts < this.#maxAttempts;
      await trx
        .updateTable('jobs')
        .set(
          requeue
            ? { status: 'queued', lease_token: null, lease_expires_ms: null, worker_id: null, error_message: error.message, error_code: error.code, updated_at: nowIso, progress: null }
            : { status: 'failed', lease_token: null, lease_expires_ms: null, error_message: error.message, error_code: error.code, completed_at: nowIso, updated_at: nowIso },
        )
        .where('id', '=', id)
        .execute();
      return requeue ? 'requeued' : 'failed';
    });
  }

  async cancel(id: string, clientId: string, now: Date): Promise<CancelOutcome> {
    await this.#ready;
    const nowIso = now.toISOString();
    return this.#dialect.transaction(this.db, async (trx): Promise<CancelOutcome> => {
      const row = await trx
        .selectFrom('jobs')
        .selectAll()
        .where('id', '=', id)
        .$if(this.#dialect.rowLocks, (q) => q.forUpdate())
        .executeTakeFirst();
      if (!row || row.client_id !== clientId) return { outcome: 'not_found' };
      if (row.status !== 'queued' && row.status !== 'processing') return { outcome: 'terminal', job: toJob(row) };
      const updated = await trx
        .updateTable('jobs')
        .set({
          status: 'cancelled',
          lease_token: null,
          lease_expires_ms: null,
          completed_at: nowIso,
          updated_at: nowIso,
          error_message: 'Job was cancelled by the client',
          error_code: 'cancelled',
          result: null,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { outcome: 'cancelled', job: toJob(updated), wasProcessing: row.status === 'processing' };
    });
  }

  async stats(now: Date): Promise<StoreStats> {
    await this.#ready;
    const byType: StoreStats['byType'] = { spiderSite: { queued: 0, processing: 0 }, spiderMaps: { queued: 0, processing: 0 } };
    const counts = await this.db
      .selectFrom('jobs')
      .select(['type', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('status', 'in', ['queued', 'processing'])
      .groupBy(['type', 'status'])
      .execute();
    for (const { type, status, n } of counts) if (byType[type]) byType[type][status as 'queued' | 'processing'] = Number(n);
    const since = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const finished = await this.db
      .selectFrom('jobs')
      .select([
        sql<number | string | null>`SUM(CASE WHEN completed_at > ${since(10 * 60_000)} THEN 1 ELSE 0 END)`.as('m10'),
        sql<number | string | null>`SUM(CASE WHEN completed_at > ${since(60 * 60_000)} THEN 1 ELSE 0 END)`.as('h1'),
        (eb) => eb.fn.countAll<number | string>().as('d1'),
        sql<number | string | null>`AVG(CASE WHEN status = 'completed' AND started_at IS NOT NULL THEN ${this.#dialect.secondsBetween('started_at', 'completed_at')} END)`.as('avg'),
      ])
      .where('completed_at', '>', since(DEDUP_WINDOW_MS))
      .where('status', 'in', ['completed', 'failed'])
      .executeTakeFirstOrThrow();
    return {
      byType,
      finishedLast10m: Number(finished.m10 ?? 0),
      finishedLastHour: Number(finished.h1 ?? 0),
      finishedLast24h: Number(finished.d1),
      avgProcessingSeconds: finished.avg === null ? null : Math.round(Number(finished.avg) * 100) / 100,
    };
  }

  async ping(): Promise<void> {
    await this.#ready;
    await sql`SELECT 1`.execute(this.db);
  }

  async createClient(client: ClientRecord): Promise<boolean> {
    await this.#ready;
    const r = await this.db
      .insertInto('clients')
      .values(this.#clientRow(client))
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async createFirstClient(client: ClientRecord): Promise<boolean> {
    await this.#ready;
    return this.#dialect.transaction(this.db, async (trx) => {
      await this.#dialect.lockTable(trx, 'clients');
      if (await trx.selectFrom('clients').select('id').limit(1).executeTakeFirst()) return false;
      await trx.insertInto('clients').values(this.#clientRow(client)).execute();
      return true;
    });
  }

  #clientRow(client: ClientRecord) {
    return { id: client.id, name: client.name, key_hash: client.keyHash, secret_hash: client.secretHash, disabled: this.#dialect.bool(client.disabled), created_at: client.createdAt };
  }

  async getClient(id: string): Promise<ClientRecord | null> {
    await this.#ready;
    const row = await this.db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toClient(row) : null;
  }

  async listClients(): Promise<ClientRecord[]> {
    await this.#ready;
    return (await this.db.selectFrom('clients').selectAll().orderBy('created_at').execute()).map(toClient);
  }

  async setClientDisabled(id: string, disabled: boolean): Promise<boolean> {
    await this.#ready;
    const r = await this.db.updateTable('clients').set({ disabled: this.#dialect.bool(disabled) }).where('id', '=', id).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** Whether a dedup hit may be returned: the client's own job, from the window, not failed or cancelled. */
function isReusable(row: JobRow, clientId: string, now: Date): boolean {
  return row.client_id === clientId && time(row.created_at) > now.getTime() - DEDUP_WINDOW_MS && row.status !== 'failed' && row.status !== 'cancelled';
}
