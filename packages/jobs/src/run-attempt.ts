import { JobError } from './errors.js';
import type { JobEventBus } from './events.js';
import type { JobContext, JobLogger, JobProgress } from './handler.js';
import { progressSaver } from './progress-saver.js';
import type { ClaimedJob } from './records.js';
import type { HandlerRegistry } from './registry.js';
import type { ArtifactStorage } from './storage.js';
import type { JobStore } from './store.js';

/** How often a running job's progress is written to the store at most (`progress-saver.ts`). */
export const PROGRESS_SAVE_MS = 250;

/** What a run of one claimed job needs, whichever queue handed it over. */
export interface AttemptDeps {
  store: JobStore;
  bus: JobEventBus;
  storage: ArtifactStorage;
  registry: HandlerRegistry;
  logger: JobLogger;
  leaseMs: number;
  heartbeatMs: number;
  now: () => Date;
}

/** Why a running job was stopped from outside. */
export type StopReason = 'cancelled' | 'lease_lost' | 'shutdown';

/** The abort reason a queue gives a running job's controller. */
export class StopSignal extends Error {
  override readonly name = 'StopSignal';
  constructor(readonly reason: StopReason) {
    super(`job stopped: ${reason}`);
  }
}

/**
 * How an attempt ended: `completed` (result stored, `job.completed` published), `dropped` (the lease was
 * lost before completion), `stopped` (aborted from outside), or the store's fail outcome.
 */
export type AttemptOutcome = 'completed' | 'dropped' | 'stopped' | 'failed' | 'requeued' | 'lost';

/**
 * Runs one claimed job: publishes `job.processing`, heartbeats the lease while the handler runs, and
 * completes or fails the row only while the lease is held (a completion counts once). Aborting
 * `controller` stops waiting at once; whatever the handler produces afterwards is dropped.
 */
export async function runAttempt(deps: AttemptDeps, workerId: string, { job, leaseToken }: ClaimedJob, controller: AbortController): Promise<AttemptOutcome> {
  const { store, bus, registry, logger } = deps;
  const log = { jobId: job.id, type: job.type, workerId, attempt: job.attempts };
  const publish = (event: Parameters<JobEventBus['publish']>[0]['event']) => bus.publish({ clientId: job.clientId, event });
  publish({ event: 'job.processing', job_id: job.id, type: job.type, worker_id: workerId, attempt: job.attempts, started_at: deps.now().toISOString() });
  logger.info(log, 'job started');

  const heartbeat = setInterval(() => {
    store
      .heartbeat(job.id, leaseToken, deps.leaseMs, deps.now())
      .then((held) => held || controller.abort(new StopSignal('lease_lost')))
      .catch((error: unknown) => logger.warn({ ...log, err: error }, 'heartbeat failed'));
  }, deps.heartbeatMs);

  const saved = progressSaver((progress) => store.saveProgress(job.id, leaseToken, progress), PROGRESS_SAVE_MS, (error) => logger.warn({ ...log, err: error }, 'saving progress failed'));
  const registered = registry.get(job.type);
  const ctx: JobContext = {
    jobId: job.id,
    clientId: job.clientId,
    attempt: job.attempts,
    signal: controller.signal,
    storage: deps.storage,
    logger: {
      debug: (o, m) => logger.debug({ ...log, ...o }, m),
      info: (o, m) => logger.info({ ...log, ...o }, m),
      warn: (o, m) => logger.warn({ ...log, ...o }, m),
      error: (o, m) => logger.error({ ...log, ...o }, m),
    },
    progress: (update: JobProgress) => {
      if (controller.signal.aborted) return;
      const at = deps.now().toISOString();
      const progress = {
        pages_crawled: update.pages_crawled ?? null,
        results_found: update.results_found ?? null,
        total: update.total ?? null,
        message: update.message ?? null,
      };
      saved.report({ ...progress, updated_at: at });
      publish({ event: 'job.progress', job_id: job.id, type: job.type, ...progress, timestamp: at });
    },
  };

  try {
    if (!registered) throw new JobError(`No handler is registered for job type ${job.type}`, { code: 'internal' });
    const parsed = registered.handler.payloadSchema.safeParse(job.payload);
    if (!parsed.success) throw new JobError(`Invalid payload: ${parsed.error.message}`, { code: 'invalid_payload' });
    const data = await untilAborted(registered.handler.run(parsed.data, ctx), controller.signal);
    const checked = registered.dataSchema.safeParse(data);
    if (!checked.success) throw new JobError(`The ${job.type} engine produced an invalid result: ${checked.error.message}`, { code: 'internal', retryable: true });
    if (controller.signal.aborted) throw controller.signal.reason;
    await saved.flush();
    const now = deps.now();
    if (await store.complete(job.id, leaseToken, checked.data, now)) {
      const processing = job.startedAt ? (now.getTime() - Date.parse(job.startedAt)) / 1000 : 0;
      publish({ event: 'job.completed', job_id: job.id, type: job.type, processing_time_seconds: Math.round(processing * 100) / 100, completed_at: now.toISOString() });
      logger.info(log, 'job completed');
      return 'completed';
    }
    logger.warn(log, 'lease lost before completion: result dropped');
    return 'dropped';
  } catch (error) {
    if (error instanceof StopSignal || controller.signal.aborted) {
      const reason = controller.signal.reason instanceof StopSignal ? controller.signal.reason.reason : 'shutdown';
      saved.stop();
      logger.info({ ...log, reason }, 'job stopped; partial data dropped');
      return 'stopped';
    }
    const jobError = error instanceof JobError ? error : null;
    const message = jobError ? jobError.message : `Internal error: ${error instanceof Error ? error.message : String(error)}`;
    const code = jobError ? jobError.code : 'internal';
    const retryable = jobError ? jobError.retryable : true;
    await saved.flush();
    const now = deps.now();
    const outcome = await store.fail(job.id, leaseToken, { message, code }, retryable, now);
    logger[outcome === 'failed' ? 'warn' : 'info']({ ...log, outcome, err: error }, `job attempt failed: ${message}`);
    if (outcome === 'failed') publish({ event: 'job.failed', job_id: job.id, type: job.type, error_message: message, completed_at: now.toISOString() });
    return outcome;
  } finally {
    clearInterval(heartbeat);
    saved.stop();
  }
}

/** Settles with the task, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(task: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    task.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
