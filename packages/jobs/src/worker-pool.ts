import type { JobType } from '@spideriq/schema';
import { JobError } from './errors.js';
import type { JobEventBus } from './events.js';
import type { JobContext, JobLogger, JobProgress } from './handler.js';
import type { ClaimedJob } from './records.js';
import type { HandlerRegistry } from './registry.js';
import type { ArtifactStorage } from './storage.js';
import type { JobStore } from './store.js';

/** Options of a worker pool. */
export interface WorkerPoolOptions {
  store: JobStore;
  bus: JobEventBus;
  storage: ArtifactStorage;
  registry: HandlerRegistry;
  logger: JobLogger;
  /** Workers per job type. */
  concurrency: Partial<Record<JobType, number>>;
  /** Lease length; a crashed worker's job is claimable again this long after its last heartbeat. */
  leaseMs: number;
  heartbeatMs: number;
  /** How often an idle worker looks for work when nobody wakes it. */
  pollMs: number;
  /** Names this process's workers, for example `main` gives `spider-site-main-1`. */
  instance: string;
  now?: () => Date;
}

/** Why a running job was stopped from outside. */
type StopReason = 'cancelled' | 'lease_lost' | 'shutdown';

class StopSignal extends Error {
  override readonly name = 'StopSignal';
  constructor(readonly reason: StopReason) {
    super(`job stopped: ${reason}`);
  }
}

interface Running {
  claimed: ClaimedJob;
  controller: AbortController;
  done: Promise<void>;
}

const slug = (type: JobType) => type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * In-process workers: each claims a job with a lease, heartbeats while the handler runs, and completes
 * or fails it only while it still holds the lease. Cancellation and lease loss abort the handler's signal;
 * the worker stops waiting at once and drops whatever the handler produces afterwards.
 */
export class WorkerPool {
  readonly #o: WorkerPoolOptions;
  readonly #now: () => Date;
  readonly #running = new Map<string, Running>();
  readonly #wakers = new Set<() => void>();
  readonly #loops: Promise<void>[] = [];
  readonly #idle = new Map<string, JobType>();
  #lastLoopAt = 0;
  #stopping = false;
  #unsubscribe: (() => void) | null = null;

  constructor(options: WorkerPoolOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => new Date());
  }

  start(): void {
    this.#unsubscribe = this.#o.bus.subscribe(({ event }) => {
      if (event.event === 'job.cancelled') this.#stop(event.job_id, 'cancelled');
      if (event.event === 'job.queued') this.notify();
    });
    for (const type of this.#o.registry.types()) {
      const count = this.#o.concurrency[type] ?? 1;
      for (let i = 1; i <= count; i++) this.#loops.push(this.#loop(`${slug(type)}-${this.#o.instance}-${i}`, type));
    }
  }

  /** Wakes idle workers (a job was queued). */
  notify(): void {
    for (const wake of [...this.#wakers]) wake();
  }

  /** Worker counts for health and queue statistics. */
  status(): { byType: Record<string, { active: number; idle: number; total: number }>; alive: boolean } {
    const byType: Record<string, { active: number; idle: number; total: number }> = {};
    for (const type of this.#o.registry.types()) {
      const total = this.#stopping ? 0 : (this.#o.concurrency[type] ?? 1);
      const active = [...this.#running.values()].filter((r) => r.claimed.job.type === type).length;
      byType[type] = { active, idle: Math.max(total - active, 0), total };
    }
    // Alive: the loops have turned recently (a wedged event loop or a crashed pool fails this).
    const alive = !this.#stopping && Date.now() - this.#lastLoopAt < Math.max(this.#o.pollMs * 4, 5000);
    return { byType, alive };
  }

  /**
   * Stops claiming, lets running jobs finish for up to `graceMs`, then aborts the rest and puts their
   * jobs back in the queue for the next start.
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    this.#unsubscribe?.();
    this.notify();
    const pending = [...this.#running.values()];
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.all(pending.map((r) => r.done)), deadline]);
    clearTimeout(timer);
    const left = [...this.#running.values()];
    const tokens = left.map((r) => r.claimed.leaseToken);
    for (const r of left) r.controller.abort(new StopSignal('shutdown'));
    if (tokens.length) await this.#o.store.release(tokens, this.#now());
    await Promise.allSettled(this.#loops);
  }

  #stop(jobId: string, reason: StopReason): void {
    this.#running.get(jobId)?.controller.abort(new StopSignal(reason));
  }

  async #loop(workerId: string, type: JobType): Promise<void> {
    while (!this.#stopping) {
      this.#lastLoopAt = Date.now();
      let claimed: ClaimedJob | null = null;
      try {
        claimed = await this.#o.store.claim(workerId, [type], this.#o.leaseMs, this.#now());
      } catch (error) {
        this.#o.logger.error({ err: error, workerId }, 'claim failed');
      }
      if (!claimed) {
        await this.#sleep();
        continue;
      }
      const controller = new AbortController();
      const done = this.#run(workerId, claimed, controller);
      this.#running.set(claimed.job.id, { claimed, controller, done });
      await done;
      this.#running.delete(claimed.job.id);
    }
  }

  #sleep(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.#o.pollMs);
      this.#wakers.add(wake);
    });
  }

  async #run(workerId: string, { job, leaseToken }: ClaimedJob, controller: AbortController): Promise<void> {
    const { store, bus, registry, logger } = this.#o;
    const log = { jobId: job.id, type: job.type, workerId, attempt: job.attempts };
    const publish = (event: Parameters<JobEventBus['publish']>[0]['event']) => bus.publish({ clientId: job.clientId, event });
    publish({ event: 'job.processing', job_id: job.id, type: job.type, worker_id: workerId, attempt: job.attempts, started_at: this.#now().toISOString() });
    logger.info(log, 'job started');

    const heartbeat = setInterval(() => {
      store
        .heartbeat(job.id, leaseToken, this.#o.leaseMs, this.#now())
        .then((held) => held || controller.abort(new StopSignal('lease_lost')))
        .catch((error: unknown) => logger.warn({ ...log, err: error }, 'heartbeat failed'));
    }, this.#o.heartbeatMs);

    const registered = registry.get(job.type);
    const ctx: JobContext = {
      jobId: job.id,
      clientId: job.clientId,
      attempt: job.attempts,
      signal: controller.signal,
      storage: this.#o.storage,
      logger: {
        debug: (o, m) => logger.debug({ ...log, ...o }, m),
        info: (o, m) => logger.info({ ...log, ...o }, m),
        warn: (o, m) => logger.warn({ ...log, ...o }, m),
        error: (o, m) => logger.error({ ...log, ...o }, m),
      },
      progress: (update: JobProgress) => {
        if (controller.signal.aborted) return;
        const at = this.#now().toISOString();
        const progress = {
          pages_crawled: update.pages_crawled ?? null,
          results_found: update.results_found ?? null,
          total: update.total ?? null,
          message: update.message ?? null,
        };
        store.saveProgress(job.id, leaseToken, { ...progress, updated_at: at }).catch((error: unknown) => logger.warn({ ...log, err: error }, 'saving progress failed'));
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
      const now = this.#now();
      if (await store.complete(job.id, leaseToken, checked.data, now)) {
        const processing = job.startedAt ? (now.getTime() - Date.parse(job.startedAt)) / 1000 : 0;
        publish({ event: 'job.completed', job_id: job.id, type: job.type, processing_time_seconds: Math.round(processing * 100) / 100, completed_at: now.toISOString() });
        logger.info(log, 'job completed');
      } else {
        logger.warn(log, 'lease lost before completion: result dropped');
      }
    } catch (error) {
      if (error instanceof StopSignal || controller.signal.aborted) {
        const reason = controller.signal.reason instanceof StopSignal ? controller.signal.reason.reason : 'shutdown';
        logger.info({ ...log, reason }, 'job stopped; partial data dropped');
        return;
      }
      const jobError = error instanceof JobError ? error : null;
      const message = jobError ? jobError.message : `Internal error: ${error instanceof Error ? error.message : String(error)}`;
      const code = jobError ? jobError.code : 'internal';
      const retryable = jobError ? jobError.retryable : true;
      const now = this.#now();
      const outcome = await store.fail(job.id, leaseToken, { message, code }, retryable, now);
      logger[outcome === 'failed' ? 'warn' : 'info']({ ...log, outcome, err: error }, `job attempt failed: ${message}`);
      if (outcome === 'failed') publish({ event: 'job.failed', job_id: job.id, type: job.type, error_message: message, completed_at: now.toISOString() });
      if (outcome === 'requeued') this.notify();
    } finally {
      clearInterval(heartbeat);
    }
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
