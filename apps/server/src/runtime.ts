import { createRequire } from 'node:module';
import { join } from 'node:path';
import { destination, pino } from 'pino';
import type { Logger } from 'pino';
import { HandlerRegistry, LocalArtifactStorage, LocalJobEventBus, PostgresJobStore, S3ArtifactStorage, SqliteJobStore, WorkerPool } from '@spideriq/jobs';
import type { ArtifactStorage, JobEventBus, JobStore, LeaseQueueStore } from '@spideriq/jobs';
import type { ServerConfig } from './config.js';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ClientRateLimiter } from './auth/rate-limit.js';
import { CredentialCache } from './auth/credential-cache.js';
import { bootstrapClients } from './auth/credentials.js';

const require = createRequire(import.meta.url);

/** The API version this server implements: the schema package's version. */
export const VERSION: string = (require('@spideriq/schema/package.json') as { version: string }).version;

/**
 * Registers the job handlers a runtime runs (the real engines, or test handlers). It may return a
 * cleanup that runs at shutdown, after the workers stopped (for example to close the shared browser).
 */
export type RegisterEngines = (registry: HandlerRegistry, config: ServerConfig, logger: Logger) => void | (() => Promise<void>);

/** Everything the routes need, built once from the config. */
export interface Runtime {
  config: ServerConfig;
  version: string;
  logger: Logger;
  store: JobStore;
  storage: ArtifactStorage;
  bus: JobEventBus;
  registry: HandlerRegistry;
  pool: WorkerPool;
  limiter: ClientRateLimiter;
  /** Recently verified tokens (see `SPIDERIQ_AUTH_CACHE_SECONDS`). */
  credentials: CredentialCache;
  logRequests: boolean;
  /** Aborted when the server begins to shut down (closes event streams). */
  shutdown: AbortSignal;
  /** Stops the workers (grace period from the config), then closes the store. */
  stop(): Promise<void>;
}

/** The job store the config names: PostgreSQL when `SPIDERIQ_DATABASE_URL` is set, else SQLite in the data folder. */
export async function openStore(config: ServerConfig): Promise<LeaseQueueStore> {
  if (config.database) {
    const store = new PostgresJobStore({ connectionString: config.database.url, schema: config.database.schema, maxAttempts: config.maxAttempts });
    try {
      await store.ready();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw new Error(`Cannot use the PostgreSQL job store at SPIDERIQ_DATABASE_URL: ${(error as Error).message}`, { cause: error });
    }
    return store;
  }
  return new SqliteJobStore({ path: join(config.dataDir, 'spideriq.sqlite'), maxAttempts: config.maxAttempts });
}

/**
 * The per-client rate limiter on the store the config implies: Redis with `SPIDERIQ_REDIS_URL`, else the
 * job store's PostgreSQL with `SPIDERIQ_DATABASE_URL` (one allowance per client for the whole cluster),
 * else this process's memory (the embedded server). `close` ends the connections it opened.
 */
export function openRateLimiter(config: ServerConfig): { limiter: ClientRateLimiter; close(): Promise<void> } {
  const { perMinute, burst } = config.rateLimit;
  if (config.redisUrl) {
    const client = new Redis(config.redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 1, lazyConnect: false });
    client.on('error', () => undefined);
    return { limiter: new ClientRateLimiter(perMinute, burst, { kind: 'redis', client, keyPrefix: config.redisPrefix }), close: async () => void client.disconnect() };
  }
  if (config.database) {
    const pool = new pg.Pool({ connectionString: config.database.url, max: 4 });
    pool.on('error', () => undefined);
    return { limiter: new ClientRateLimiter(perMinute, burst, { kind: 'postgres', pool, schema: config.database.schema }), close: () => pool.end() };
  }
  return { limiter: new ClientRateLimiter(perMinute, burst, { kind: 'memory' }), close: async () => undefined };
}

/**
 * Where artifacts go: the S3 bucket with `SPIDERIQ_S3_BUCKET`, else files under the data folder. Either
 * way the URL is permanent; `/artifacts/…` on every API process serves it (or the public bucket does).
 */
export function openStorage(config: ServerConfig): ArtifactStorage & { close?(): void } {
  const publicBaseUrl = `${config.publicUrl}/artifacts`;
  if (config.s3) {
    const { bucket, endpoint, region, forcePathStyle, publicUrl } = config.s3;
    return new S3ArtifactStorage({ bucket, endpoint, region, forcePathStyle, publicBaseUrl, bucketPublicUrl: publicUrl });
  }
  return new LocalArtifactStorage({ root: join(config.dataDir, 'artifacts'), publicBaseUrl });
}

/** Builds the embedded runtime: SQLite store and local files under the data folder, in-process workers. */
export async function createRuntime(config: ServerConfig, registerEngines: RegisterEngines, logger?: Logger): Promise<Runtime> {
  // Buffered, asynchronous stdout: a synchronous write per request line would cost more than the request itself.
  const log = logger ?? pino({ level: config.logLevel, base: { instance: config.instance } }, destination({ dest: 1, sync: false, minLength: 4096 }));
  const store = await openStore(config);
  const storage = openStorage(config);
  try {
    await storage.check();
  } catch (error) {
    await store.close();
    throw new Error(`Cannot use the artifact storage${config.s3 ? ` (bucket ${config.s3.bucket})` : ''}: ${(error as Error).message}`, { cause: error });
  }
  const bus = new LocalJobEventBus();
  const registry = new HandlerRegistry();
  const cleanup = registerEngines(registry, config, log);

  const report = await bootstrapClients(store, config.bootstrapTokens, new Date());
  if (report.created.length) log.info({ clients: report.created }, 'bootstrap clients created');
  for (const id of report.mismatched) log.warn({ clientId: id }, 'a bootstrap token names an existing client with other credentials; the stored ones are kept');

  const rateLimit = openRateLimiter(config);
  const pool = new WorkerPool({
    store,
    bus,
    storage,
    registry,
    logger: log,
    concurrency: config.workers,
    leaseMs: config.leaseMs,
    heartbeatMs: Math.max(250, Math.floor(config.leaseMs / 3)),
    pollMs: 1000,
    instance: config.instance,
  });
  pool.start();
  const shutdown = new AbortController();

  return {
    config,
    version: VERSION,
    logger: log,
    store,
    storage,
    bus,
    registry,
    pool,
    limiter: rateLimit.limiter,
    credentials: new CredentialCache(config.authCacheMs),
    // Access logs are opt-in (`SPIDERIQ_LOG_LEVEL=debug`): errors, job lifecycle and start-up log at info.
    logRequests: log.isLevelEnabled('debug'),
    shutdown: shutdown.signal,
    async stop() {
      shutdown.abort();
      await pool.stop(config.shutdownGraceMs);
      if (cleanup) await cleanup().catch((error: unknown) => log.warn({ err: error }, 'engine cleanup failed'));
      await Promise.all([store.close(), rateLimit.close()]);
      storage.close?.();
    },
  };
}
