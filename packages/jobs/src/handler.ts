import type { ZodType } from 'zod';
import type { ArtifactStorage } from './storage.js';

/** Progress a running handler reports; it reaches the SSE stream as a `job.progress` event. */
export interface JobProgress {
  /** Pages fetched so far (SpiderSite) or listings found so far (SpiderMaps). */
  pages_crawled?: number;
  results_found?: number;
  /** Upper bound the handler is working towards, when known. */
  total?: number;
  /** A short human-readable line, for example the URL just fetched. */
  message?: string;
}

/** Minimal structured logger, satisfied by pino. */
export interface JobLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Everything a handler gets from the engine besides its payload. */
export interface JobContext {
  jobId: string;
  clientId: string;
  /** 1 on the first run, 2 and 3 on re-runs after a crash or a retryable error. */
  attempt: number;
  /** Aborted when the job is cancelled, its lease is lost or the server shuts down. Stop promptly. */
  signal: AbortSignal;
  progress(update: JobProgress): void;
  storage: ArtifactStorage;
  logger: JobLogger;
}

/**
 * One job type's implementation. `payloadSchema` validates the submitted payload (the API answers 422
 * before a job is created); `run` returns the result's `data` object, or throws (see `JobError`).
 */
export interface JobHandler<Payload = unknown, Data = unknown> {
  type: string;
  payloadSchema: ZodType<Payload>;
  run(payload: Payload, ctx: JobContext): Promise<Data>;
  /** Resolves once the handler has loaded what its first job needs (worker threads, tables); the server waits for it before it serves. */
  ready?(): Promise<void>;
}
