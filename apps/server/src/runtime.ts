import { createRequire } from 'node:module';
import { join } from 'node:path';
import { destination, multistream, pino } from 'pino';
import type { Logger } from 'pino';
import {
  BroadcastJobEventBus,
  BullJobQueue,
  BullWorkerPool,
  HandlerRegistry,
  LocalArtifactStorage,
  LocalJobEventBus,
  PostgresBroadcast,
  S3ArtifactStorage,
  PostgresJobStore,
  Reconciler,
  RedisBroadcast,
  SqliteJobStore,
  WorkerDirectory,
  WorkerPool,
} from '@spideriq/jobs';
import type { ArtifactStorage, Broadcast, JobEventBus, JobRecord, JobStore, QueueTarget, WorkerStatus } from '@spideriq/jobs';
import type { ServerConfig } from './config.js';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ClientRateLimiter } from './auth/rate-limit.js';
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
  storage: ArtifactStorage;
  bus: JobEventBus;
  registry: HandlerRegistry;
  /** Worker slots for health and statistics: this process's pool (embedded), or every live worker process's. */
  workers: { status(): WorkerStatus };
  queue: QueueFront;
  limiter: ClientRateLimiter;
  /** Recently verified tokens (see `SPIDERIQ_AUTH_CACHE_SECONDS`). */
  credentials: CredentialCache;
  /** DNS for the SSRF checks of webhook URLs. */
  resolver: Resolver;
  /** Sends the webhooks of finished jobs (extension). */
  webhooks: WebhookDispatcher;
  logRequests: boolean;
  /** Writes out what the log buffers now (start-up lines a person waits for). */
  flushLogs(): void;
  /** Aborted when the server begins to shut down (closes event streams). */
  shutdown: AbortSignal;
  /** Stops the workers (grace period from the config), then closes the queue, the bus and the store. */
  stop(): Promise<void>;
}

/**
 * The queue as the API sees it. Embedded, the store is the queue and these do nothing (the pool wakes on
 * `job.queued`); scaled out, they add the job to BullMQ and take a cancelled one out.
 */
export interface QueueFront {
  enqueue(job: JobRecord): Promise<void>;
  remove(job: JobRecord): Promise<void>;
  /** Throws when the queue backend cannot answer. */
  ping(): Promise<void>;
}

const embeddedQueue: QueueFront = { enqueue: async () => undefined, remove: async () => undefined, ping: async () => undefined };

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

/**
 * The per-client rate limiter on the store the config implies: Redis with `SPIDERIQ_REDIS_URL`, else the
 * job store's PostgreSQL with `SPIDERIQ_DATABASE_URL` (one allowance per client for the whole cluster),
 * else this process's memory (the embedded server). `close` ends the connections it opened.
 */
export function openRateLimiter(config: ServerConfig): { limiter: ClientRateLimiter; close(): Promise<void> } {
  const { perMinute, burst } = config.rateLimit;
  if (config.redisUrl) {
    // Auto-pipelining: the two limits of every request in flight go to Redis in one write per tick.
    const client = new Redis(config.redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 1, lazyConnect: false, enableAutoPipelining: true });
    client.on('error', () => undefined);
    return { limiter: new ClientRateLimiter(perMinute, burst, { kind: 'redis', client, keyPrefix: config.redisPrefix }), close: async () => void client.disconnect() };
  }
  if (config.database) {
    const pool = new pg.Pool({ connectionString: config.database.url, max: 4, connectionTimeoutMillis: 5000 });
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
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

/** The moving parts that differ between the embedded server and a scaled-out process. */
interface Engine {
  bus: JobEventBus;
  workers: { status(): WorkerStatus };
  queue: QueueFront;
  stop(graceMs: number): Promise<void>;
}

/** What both worker pools (embedded and BullMQ) are given: where jobs live, where events go, how many run, who runs them. */
function poolBasics<S extends JobStore>(config: ServerConfig, store: S, bus: JobEventBus, storage: ArtifactStorage, registry: HandlerRegistry, log: Logger) {
  return { store, bus, storage, registry, logger: log, concurrency: config.workers, leaseMs: config.leaseMs, instance: config.instance };
}

/** Embedded: the SQLite store is the queue, the in-process pool runs the jobs. */
function embeddedEngine(config: ServerConfig, store: JobStore, storage: ArtifactStorage, registry: HandlerRegistry, log: Logger): Engine {
  if (!(store instanceof SqliteJobStore)) throw new Error('the embedded engine needs the SQLite store');
  const bus = new LocalJobEventBus();
  const pool = new WorkerPool({
    ...poolBasics(config, store, bus, storage, registry, log),
    heartbeatMs: Math.max(250, Math.floor(config.leaseMs / 3)),
    pollMs: 1000,
  });
  pool.start();
  return { bus, workers: pool, queue: embeddedQueue, stop: (graceMs) => pool.stop(graceMs) };
}

/**
 * Scaled out: PostgreSQL rows, BullMQ (Redis, or its PostgreSQL backend) for the queue, a broadcast for
 * events, cancels and worker heartbeats. `api` processes run no job, `worker` processes answer no request.
 */
async function clusterEngine(config: ServerConfig, store: JobStore, storage: ArtifactStorage, registry: HandlerRegistry, log: Logger): Promise<Engine> {
  const db = config.database!;
  const { redisUrl } = config;
  const { prefix } = config.queue;
  const target: QueueTarget = {
    connection: redisUrl ? { kind: 'redis', url: redisUrl } : { kind: 'postgres', url: db.url, schema: `${db.schema}_queue` },
    prefix,
  };
  let broadcast: Broadcast;
  if (redisUrl) {
    const redis = new RedisBroadcast({ url: redisUrl, prefix });
    await redis.ready();
    broadcast = redis;
  } else {
    const pgb = new PostgresBroadcast({ connectionString: db.url, prefix: `${db.schema}_${prefix}` });
    await pgb.ready();
    broadcast = pgb;
  }
  const bus = new BroadcastJobEventBus(broadcast, log);
  const directory = new WorkerDirectory(broadcast, registry.types());
  const queue = new BullJobQueue(target, registry.types(), config.maxAttempts);
  await queue.ready();
  const reconciler = new Reconciler({ store, queue, logger: log, intervalMs: config.queue.reconcileMs });
  reconciler.start();

  let pool: BullWorkerPool | null = null;
  let farewell: (() => Promise<void>) | null = null;
  if (config.role !== 'api') {
    const workerPool = new BullWorkerPool({ ...poolBasics(config, store, bus, storage, registry, log), target, maxAttempts: config.maxAttempts });
    workerPool.start();
    farewell = directory.announce(config.instance, () => workerPool.slots(), log);
    pool = workerPool;
  }
  const front: QueueFront = {
    enqueue: (job) => queue.enqueue(job),
    remove: (job) => queue.remove(job.type, job.id),
    ping: async () => void (await queue.counts(registry.types()[0] ?? 'spiderSite')),
  };
  return {
    bus,
    workers: directory,
    queue: front,
    async stop(graceMs) {
      reconciler.stop();
      await pool?.stop(graceMs);
      await farewell?.();
      directory.close();
      await queue.close();
      await broadcast.close();
    },
  };
}

/**
 * The process logger on stdout. Info and below go through an asynchronous 4 KiB buffer (a synchronous
 * write per request line would cost more than the request itself); warn and above are written
 * synchronously, so a crash never swallows them; the buffer is written out when the process exits, or
 * by `close()` (a runtime that stops before its process does, as in tests, leaves no exit listener behind).
 */
export function openLogger(config: ServerConfig): { log: Logger; flush(): void; close(): void } {
  const buffered = destination({ dest: 1, sync: false, minLength: 4096 });
  const immediate = destination({ dest: 1, sync: true });
  const flush = () => {
    try {
      buffered.flushSync();
    } catch {
      // Not open yet: nothing was buffered.
    }
  };
  process.once('exit', flush);
  const streams = multistream([{ level: 'trace', stream: buffered }, { level: 'warn', stream: immediate }], { dedupe: true });
  const close = () => {
    flush();
    process.off('exit', flush);
  };
  return { log: pino({ level: config.logLevel, base: { instance: config.instance } }, streams), flush, close };
}

/**
 * Builds the runtime from the config: embedded (SQLite, local files, in-process workers) by default, or a
 * scaled-out process (PostgreSQL + BullMQ) when `SPIDERIQ_DATABASE_URL` is set.
 */
export async function createRuntime(config: ServerConfig, registerEngines: RegisterEngines, logger?: Logger): Promise<Runtime> {
  const { log, flush, close: closeLogger } = logger ? { log: logger, flush: () => undefined, close: () => undefined } : openLogger(config);
  const store = await openStore(config);
  const storage = openStorage(config);
  try {
    await storage.check();
  } catch (error) {
    await store.close();
    closeLogger();
    throw new Error(`Cannot use the artifact storage${config.s3 ? ` (bucket ${config.s3.bucket})` : ''}: ${(error as Error).message}`, { cause: error });
  }
  const registry = new HandlerRegistry();
  const cleanup = registerEngines(registry, config, log);
  try {
    await registry.ready();
  } catch (error) {
    await cleanup?.().catch(() => undefined);
    await store.close();
    closeLogger();
    throw new Error(`The job engines could not start: ${(error as Error).message}`, { cause: error });
  }

  const report = await bootstrapClients(store, config.bootstrapTokens, new Date());
  if (report.created.length) log.info({ clients: report.created }, 'bootstrap clients created');
  for (const id of report.mismatched) log.warn({ clientId: id }, 'a bootstrap token names an existing client with other credentials; the stored ones are kept');

  const rateLimit = openRateLimiter(config);
  const engine = config.database ? await clusterEngine(config, store, storage, registry, log) : embeddedEngine(config, store, storage, registry, log);
  const resolver = systemResolver;
  const webhooks = new WebhookDispatcher({
    store,
    bus: engine.bus,
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
    bus: engine.bus,
    registry,
    workers: engine.workers,
    queue: engine.queue,
    limiter: rateLimit.limiter,
    credentials: new CredentialCache(config.authCacheMs),
    resolver,
    webhooks,
    // Access logs are opt-in (`SPIDERIQ_LOG_LEVEL=debug`): errors, job lifecycle and start-up log at info.
    logRequests: log.isLevelEnabled('debug'),
    flushLogs: flush,
    shutdown: shutdown.signal,
    async stop() {
      shutdown.abort();
      await webhooks.stop();
      await engine.stop(config.shutdownGraceMs);
      if (cleanup) await cleanup().catch((error: unknown) => log.warn({ err: error }, 'engine cleanup failed'));
      await Promise.all([store.close(), rateLimit.close()]);
      storage.close?.();
      closeLogger();
    },
  };
}
