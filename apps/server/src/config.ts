import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PROVIDER_IDS } from '@spideriq/maps';
import type { ProviderId } from '@spideriq/maps';
import { DEFAULT_RETRY_SCHEDULE_MS } from './webhooks/retry-schedule.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '../../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = z.url({ protocol: /^https?$/ });

/** Every environment variable the server reads, with its default. Parsed once, at start-up. */
const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(8080),
  SPIDERIQ_DATA_DIR: z.string().min(1).default('./data'),
  SPIDERIQ_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  SPIDERIQ_REDIS_URL: z.string().regex(/^rediss?:\/\/[^/]+(\/\d+)?\/?$/, 'must be a redis://host:port/db URL').optional(),
  SPIDERIQ_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  SPIDERIQ_QUEUE_PREFIX: z.string().regex(/^[a-z_][a-z0-9_]{0,30}$/, 'must be a lowercase identifier').default('spideriq'),
  SPIDERIQ_RECONCILE_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  SPIDERIQ_DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lowercase SQL identifier').default('spideriq'),
  SPIDERIQ_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/).default('spideriq:'),
  SPIDERIQ_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional(),
  SPIDERIQ_S3_ENDPOINT: url.optional(),
  SPIDERIQ_S3_REGION: z.string().min(1).default('us-east-1'),
  SPIDERIQ_S3_FORCE_PATH_STYLE: bool.default(false),
  SPIDERIQ_S3_PUBLIC_URL: url.optional(),
  SPIDERIQ_PUBLIC_URL: url.optional(),
  SPIDERIQ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SPIDERIQ_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).default(100),
  SPIDERIQ_RATE_LIMIT_BURST: int(1, 1_000_000).default(20),
  SPIDERIQ_BOOTSTRAP_TOKEN: z.string().optional(),
  SPIDERIQ_WORKERS_SITE: int(0, 64).default(2),
  SPIDERIQ_WORKERS_MAPS: int(0, 64).default(2),
  SPIDERIQ_PAGE_THREADS: int(0, 16).default(1),
  SPIDERIQ_INSTANCE: z.string().regex(/^[a-z0-9-]{1,32}$/).default('main'),
  SPIDERIQ_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  SPIDERIQ_MAX_ATTEMPTS: int(1, 10).default(3),
  SPIDERIQ_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(10),
  SPIDERIQ_AUTH_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(1),
  SPIDERIQ_SSE_HEARTBEAT_SECONDS: z.coerce.number().min(1).max(300).default(30),
  SPIDERIQ_ALLOW_PRIVATE_NETWORKS: bool.default(false),
  SPIDERIQ_CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  SPIDERIQ_MAPS_PROVIDER: z.enum(PROVIDER_IDS as [ProviderId, ...ProviderId[]]).optional(),
  SPIDERIQ_GOOGLE_PLACES_API_KEY: z.string().min(1).optional(),
  SPIDERIQ_GOOGLE_PLACES_BASE_URL: url.default('https://places.googleapis.com'),
  SPIDERIQ_NOMINATIM_URL: url.default('https://nominatim.openstreetmap.org'),
  SPIDERIQ_OVERPASS_URL: url.default('https://overpass-api.de/api/interpreter'),
  SPIDERIQ_LLM_BASE_URL: url.refine((value) => /\/v1\/?$/.test(value), 'must end in /v1 (the OpenAI-compatible API root)').optional(),
  SPIDERIQ_LLM_API_KEY: z.string().min(1).optional(),
  SPIDERIQ_LLM_MODEL: z.string().min(1).max(200).optional(),
  SPIDERIQ_LLM_TIMEOUT_MS: int(1000, 600_000).default(60_000),
  SPIDERIQ_LLM_STRUCTURED_OUTPUT: z.enum(['auto', 'json_schema', 'tool', 'json_object']).default('auto'),
  SPIDERIQ_LLM_MAX_TOKENS_PER_JOB: int(1000, 10_000_000).optional(),
  SPIDERIQ_LLM_PROMPT_TOKENS: int(500, 1_000_000).default(6000),
  SPIDERIQ_MCP_ALLOWED_HOSTS: z.string().optional(),
  SPIDERIQ_WEBHOOK_RETRY_SECONDS: z
    .string()
    .regex(/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?){3,}\s*$/, 'must be at least 4 comma-separated pauses in seconds (5 attempts or more)')
    .optional(),
  SPIDERIQ_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(60).default(10),
  SPIDERIQ_WEBHOOK_POLL_SECONDS: z.coerce.number().min(0.05).max(60).default(1),
  SPIDERIQ_PLAYGROUND_DIR: z.string().default(resolve(repoRoot, 'apps/playground/dist')),
  SPIDERIQ_DOCS_DIR: z.string().default(resolve(repoRoot, 'docs/site')),
});

/** The server's configuration: one validated object, passed down; nothing else reads `process.env`. */
export interface ServerConfig {
  host: string;
  port: number;
  /** Absolute data folder: the SQLite file and the artifacts live here. */
  dataDir: string;
  /** PostgreSQL for the job store instead of SQLite (scale-out), and the schema its tables live in. */
  database: { url: string; schema: string } | null;
  /** Redis (`redis://host:port/db`) for what every process shares fast: rate-limit counters (and the queue). */
  redisUrl: string | null;
  /** Prefix of every Redis key this deployment writes, so several deployments (or tests) share one Redis. */
  redisPrefix: string;
  /**
   * Artifacts in an S3-compatible bucket instead of the data folder (credentials: the AWS SDK's default
   * chain). `publicUrl` is a public bucket's base; without it the API serves the objects at `/artifacts/`.
   */
  s3: { bucket: string; endpoint: string | undefined; region: string; forcePathStyle: boolean; publicUrl: string | undefined } | null;
  /**
   * Scale-out (set with `database`): BullMQ holds the queue, on Redis when `redisUrl` is set (its keys under `prefix`), else on
   * BullMQ's PostgreSQL backend; events, cancels and worker heartbeats travel the same way. `prefix`
   * separates deployments sharing a Redis or a database. The reconciler re-enqueues lost jobs every `reconcileMs`.
   */
  queue: { prefix: string; reconcileMs: number };
  /** `all` serves the API and runs jobs; `api` only serves; `worker` only runs jobs and opens no port. */
  role: 'all' | 'api' | 'worker';
  /** Public base URL (artifact links); defaults to the server's own address. */
  publicUrl: string;
  logLevel: z.infer<typeof EnvSchema>['SPIDERIQ_LOG_LEVEL'];
  rateLimit: { perMinute: number; burst: number };
  bootstrapTokens: string[];
  workers: { spiderSite: number; spiderMaps: number };
  instance: string;
  leaseMs: number;
  maxAttempts: number;
  shutdownGraceMs: number;
  sseHeartbeatMs: number;
  /** How long a verified token is trusted before the store is asked again (0 disables the cache). */
  authCacheMs: number;
  allowPrivateNetworks: boolean;
  chromiumPath: string;
  /** Worker threads that parse and extract the crawled pages (0 = on the main thread). */
  pageThreads: number;
  maps: {
    provider: ProviderId | undefined;
    googleApiKey: string | undefined;
    googleBaseUrl: string;
    nominatimUrl: string;
    overpassUrl: string;
  };
  /** The AI features' model endpoint (`model: null` = none configured) and budgets; the shape `@spideriq/intel` takes. */
  intel: {
    model: {
      baseUrl: string;
      apiKey?: string;
      model: string;
      timeoutMs: number;
      structuredOutput: 'auto' | 'json_schema' | 'tool' | 'json_object';
    } | null;
    promptBudget: number;
    maxTokensPerJob: number | null;
  };
  /**
   * Host header values `/mcp` accepts (DNS-rebinding protection): `SPIDERIQ_MCP_ALLOWED_HOSTS`, else the
   * public URL's host and the loopback names at the listening port.
   */
  mcpAllowedHosts: string[];
  /** Webhook delivery: pauses before each retry (its length + 1 attempts), per-attempt timeout, store sweep period. */
  webhooks: { retryScheduleMs: number[]; timeoutMs: number; pollMs: number };
  playgroundDir: string;
  docsDir: string;
}

/** A configuration value that stops start-up, with the variable it came from. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'invalid_config';
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((line) => `  - ${line}`).join('\n')}`);
  }
}

/** Reads and validates the environment. Throws `ConfigError` naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}=${JSON.stringify(cleaned[String(issue.path[0])] ?? '')}: ${issue.message}`));
  }
  const e = parsed.data;
  if (Boolean(e.SPIDERIQ_LLM_BASE_URL) !== Boolean(e.SPIDERIQ_LLM_MODEL)) {
    const missing = e.SPIDERIQ_LLM_BASE_URL ? 'SPIDERIQ_LLM_MODEL' : 'SPIDERIQ_LLM_BASE_URL';
    throw new ConfigError([`${missing}="": an LLM endpoint needs both SPIDERIQ_LLM_BASE_URL and SPIDERIQ_LLM_MODEL`]);
  }
  const needsDatabase = [
    ...(e.SPIDERIQ_ROLE !== 'all' ? [`SPIDERIQ_ROLE=${JSON.stringify(e.SPIDERIQ_ROLE)}: separate api and worker processes share PostgreSQL; set SPIDERIQ_DATABASE_URL`] : []),
  ];
  if (!e.SPIDERIQ_DATABASE_URL && needsDatabase.length) throw new ConfigError(needsDatabase);
  const tokens = (e.SPIDERIQ_BOOTSTRAP_TOKEN ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  const publicUrl = (e.SPIDERIQ_PUBLIC_URL ?? `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${e.PORT}`).replace(/\/+$/, '');
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: resolve(e.SPIDERIQ_DATA_DIR),
    database: e.SPIDERIQ_DATABASE_URL ? { url: e.SPIDERIQ_DATABASE_URL, schema: e.SPIDERIQ_DATABASE_SCHEMA } : null,
    redisUrl: e.SPIDERIQ_REDIS_URL ?? null,
    redisPrefix: e.SPIDERIQ_REDIS_PREFIX,
    s3: e.SPIDERIQ_S3_BUCKET
      ? {
          bucket: e.SPIDERIQ_S3_BUCKET,
          endpoint: e.SPIDERIQ_S3_ENDPOINT,
          region: e.SPIDERIQ_S3_REGION,
          forcePathStyle: e.SPIDERIQ_S3_FORCE_PATH_STYLE,
          publicUrl: e.SPIDERIQ_S3_PUBLIC_URL?.replace(/\/+$/, ''),
        }
      : null,
    queue: { prefix: e.SPIDERIQ_QUEUE_PREFIX, reconcileMs: e.SPIDERIQ_RECONCILE_SECONDS * 1000 },
    role: e.SPIDERIQ_ROLE,
    publicUrl,
    logLevel: e.SPIDERIQ_LOG_LEVEL,
    rateLimit: { perMinute: e.SPIDERIQ_RATE_LIMIT_PER_MINUTE, burst: e.SPIDERIQ_RATE_LIMIT_BURST },
    bootstrapTokens: tokens,
    workers: { spiderSite: e.SPIDERIQ_WORKERS_SITE, spiderMaps: e.SPIDERIQ_WORKERS_MAPS },
    instance: e.SPIDERIQ_INSTANCE,
    leaseMs: e.SPIDERIQ_LEASE_SECONDS * 1000,
    maxAttempts: e.SPIDERIQ_MAX_ATTEMPTS,
    shutdownGraceMs: e.SPIDERIQ_SHUTDOWN_GRACE_SECONDS * 1000,
    sseHeartbeatMs: e.SPIDERIQ_SSE_HEARTBEAT_SECONDS * 1000,
    authCacheMs: e.SPIDERIQ_AUTH_CACHE_SECONDS * 1000,
    allowPrivateNetworks: e.SPIDERIQ_ALLOW_PRIVATE_NETWORKS,
    chromiumPath: e.SPIDERIQ_CHROMIUM_PATH,
    pageThreads: e.SPIDERIQ_PAGE_THREADS,
    maps: {
      provider: e.SPIDERIQ_MAPS_PROVIDER,
      googleApiKey: e.SPIDERIQ_GOOGLE_PLACES_API_KEY,
      googleBaseUrl: e.SPIDERIQ_GOOGLE_PLACES_BASE_URL,
      nominatimUrl: e.SPIDERIQ_NOMINATIM_URL,
      overpassUrl: e.SPIDERIQ_OVERPASS_URL,
    },
    intel: {
      model:
        e.SPIDERIQ_LLM_BASE_URL && e.SPIDERIQ_LLM_MODEL
          ? {
              baseUrl: e.SPIDERIQ_LLM_BASE_URL.replace(/\/+$/, ''),
              ...(e.SPIDERIQ_LLM_API_KEY ? { apiKey: e.SPIDERIQ_LLM_API_KEY } : {}),
              model: e.SPIDERIQ_LLM_MODEL,
              timeoutMs: e.SPIDERIQ_LLM_TIMEOUT_MS,
              structuredOutput: e.SPIDERIQ_LLM_STRUCTURED_OUTPUT,
            }
          : null,
      promptBudget: e.SPIDERIQ_LLM_PROMPT_TOKENS,
      maxTokensPerJob: e.SPIDERIQ_LLM_MAX_TOKENS_PER_JOB ?? null,
    },
    mcpAllowedHosts: e.SPIDERIQ_MCP_ALLOWED_HOSTS ? splitList(e.SPIDERIQ_MCP_ALLOWED_HOSTS) : defaultMcpHosts(publicUrl, e.PORT),
    webhooks: {
      retryScheduleMs: e.SPIDERIQ_WEBHOOK_RETRY_SECONDS ? splitList(e.SPIDERIQ_WEBHOOK_RETRY_SECONDS).map((v) => Math.round(Number(v) * 1000)) : [...DEFAULT_RETRY_SCHEDULE_MS],
      timeoutMs: Math.round(e.SPIDERIQ_WEBHOOK_TIMEOUT_SECONDS * 1000),
      pollMs: Math.round(e.SPIDERIQ_WEBHOOK_POLL_SECONDS * 1000),
    },
    playgroundDir: e.SPIDERIQ_PLAYGROUND_DIR,
    docsDir: e.SPIDERIQ_DOCS_DIR,
  };
}

const splitList = (text: string) => text.split(',').map((item) => item.trim()).filter(Boolean);

/** The Host values a local client sends: the public URL's host, and the loopback names at the port. */
export function defaultMcpHosts(publicUrl: string, port: number): string[] {
  const hosts = new Set([new URL(publicUrl).host]);
  if (port !== 0) for (const name of ['127.0.0.1', 'localhost', '[::1]']) hosts.add(`${name}:${port}`);
  return [...hosts];
}
