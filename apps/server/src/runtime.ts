import { createRequire } from 'node:module';
import { join } from 'node:path';
import { destination, pino } from 'pino';
import type { Logger } from 'pino';
import { HandlerRegistry, LocalArtifactStorage, LocalJobEventBus, PostgresJobStore, SqliteJobStore, WorkerPool } from '@spideriq/jobs';
import type { JobEventBus, JobStore } from '@spideriq/jobs';
import type { ServerConfig } from './config.js';
import { TokenBucketLimiter } from './auth/rate-limit.js';
import { CredentialCache } from './auth/credential-cache.js';
import { bootstrapClients } from './auth/credentials.js';
import { systemResolver } from '@spideriq/site';
import type { Resolver } from '@spideriq/site';
import { WebhookDispatcher } from './webhooks/dispatcher.js';
import { guardedWebhookSender } from './webhooks/sender.js';

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
  storage: LocalArtifactStorage;
  bus: JobEventBus;
  registry: HandlerRegistry;
  pool: WorkerPool;
  limiter: TokenBucketLimiter;
  /** Recently verified tokens (see `SPIDERIQ_AUTH_CACHE_SECONDS`). */
  credentials: CredentialCache;
  /** DNS for the SSRF checks of webhook URLs. */
  resolver: Resolver;
  /** Sends the webhooks of finished jobs (extension). */
  webhooks: WebhookDispatcher;
  logRequests: boolean;
  /** Aborted when the server begins to shut down (closes event streams). */
  shutdown: AbortSignal;
  /** Stops the workers (grace period from the config), then closes the store. */
  stop(): Promise<void>;
}

/** The job store the config names: PostgreSQL when `SPIDERIQ_DATABASE_URL` is set, else SQLite in the data folder. */
export async function openStore(config: ServerConfig): Promise<JobStore> {
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

/** Builds the embedded runtime: SQLite store and local files under the data folder, in-process workers. */
export async function createRuntime(config: ServerConfig, registerEngines: RegisterEngines, logger?: Logger): Promise<Runtime> {
  // Buffered, asynchronous stdout: a synchronous write per request line would cost more than the request itself.
  const log = logger ?? pino({ level: config.logLevel, base: { instance: config.instance } }, destination({ dest: 1, sync: false, minLength: 4096 }));
  const store = await openStore(config);
  const storage = new LocalArtifactStorage({ root: join(config.dataDir, 'artifacts'), publicBaseUrl: `${config.publicUrl}/artifacts` });
  await storage.check();
  const bus = new LocalJobEventBus();
  const registry = new HandlerRegistry();
  const cleanup = registerEngines(registry, config, log);

  const report = await bootstrapClients(store, config.bootstrapTokens, new Date());
  if (report.created.length) log.info({ clients: report.created }, 'bootstrap clients created');
  for (const id of report.mismatched) log.warn({ clientId: id }, 'a bootstrap token names an existing client with other credentials; the stored ones are kept');

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
  const resolver = systemResolver;
  const webhooks = new WebhookDispatcher({
    store,
    bus,
    logger: log,
    sender: guardedWebhookSender({ allowPrivateNetworks: config.allowPrivateNetworks, resolver, userAgent: `SpiderIQ-Webhooks/${VERSION} (+${config.publicUrl})` }),
    scheduleMs: config.webhooks.retryScheduleMs,
    timeoutMs: config.webhooks.timeoutMs,
    pollMs: config.webhooks.pollMs,
  });
  webhooks.start();
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
    limiter: new TokenBucketLimiter(config.rateLimit.perMinute, config.rateLimit.burst),
    credentials: new CredentialCache(config.authCacheMs),
    resolver,
    webhooks,
    // Access logs are opt-in (`SPIDERIQ_LOG_LEVEL=debug`): errors, job lifecycle and start-up log at info.
    logRequests: log.isLevelEnabled('debug'),
    shutdown: shutdown.signal,
    async stop() {
      shutdown.abort();
      await pool.stop(config.shutdownGraceMs);
      await webhooks.stop();
      if (cleanup) await cleanup().catch((error: unknown) => log.warn({ err: error }, 'engine cleanup failed'));
      await store.close();
    },
  };
}
