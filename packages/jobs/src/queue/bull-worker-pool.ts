import type { JobType } from '@spideriq/schema';
import { WaitingError } from 'bullmq';
import type { Job, Worker } from 'bullmq';
import type { JobEventBus } from '../events.js';
import type { JobLogger } from '../handler.js';
import type { HandlerRegistry } from '../registry.js';
import type { ArtifactStorage } from '../storage.js';
import type { JobStore } from '../store.js';
import { runAttempt, StopSignal } from '../run-attempt.js';
import type { AttemptDeps } from '../run-attempt.js';
import type { WorkerSlots, WorkerStatus } from '../cluster/worker-directory.js';
import type { QueueTarget } from './connection.js';
import { openWorker } from './connection.js';

/** Options of the BullMQ worker pool. */
export interface BullWorkerPoolOptions {
  target: QueueTarget;
  store: JobStore;
  bus: JobEventBus;
  storage: ArtifactStorage;
  registry: HandlerRegistry;
  logger: JobLogger;
  /** Concurrent jobs per type in this process (`SPIDERIQ_WORKERS_SITE` / `_MAPS`). */
  concurrency: Partial<Record<JobType, number>>;
  /** Lease of a run; also BullMQ's lock duration and stalled-check interval. */
  leaseMs: number;
  maxAttempts: number;
  /** Names this process's workers: `spider-site-<instance>-<slot>`. */
  instance: string;
  now?: () => Date;
}

interface Running {
  type: JobType;
  controller: AbortController;
  leaseToken: string;
}

const slug = (type: JobType) => type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * BullMQ workers that run our handlers. BullMQ picks the job (priority, FIFO) and notices a dead
 * worker (stalled-job recovery); the store's lease decides which run's completion counts, so a job that
 * BullMQ hands out twice still completes once. A `job.cancelled` event from any process aborts the run.
 */
export class BullWorkerPool {
  readonly #o: BullWorkerPoolOptions;
  readonly #deps: AttemptDeps;
  readonly #workers: Worker[] = [];
  readonly #running = new Map<string, Running>();
  readonly #slots = new Map<JobType, Set<number>>();
  #unsubscribe: (() => void) | null = null;
  #stopping = false;

  constructor(options: BullWorkerPoolOptions) {
    this.#o = options;
    const now = options.now ?? (() => new Date());
    this.#deps = {
      store: options.store,
      bus: options.bus,
      storage: options.storage,
      registry: options.registry,
      logger: options.logger,
      leaseMs: options.leaseMs,
      heartbeatMs: Math.max(250, Math.floor(options.leaseMs / 3)),
      now,
    };
  }

  start(): void {
    this.#unsubscribe = this.#o.bus.subscribe(({ event }) => {
      if (event.event === 'job.cancelled') this.#running.get(event.job_id)?.controller.abort(new StopSignal('cancelled'));
    });
    for (const type of this.#o.registry.types()) {
      const concurrency = this.#o.concurrency[type] ?? 1;
      if (concurrency <= 0) continue;
      this.#slots.set(type, new Set());
      const worker = openWorker(this.#o.target, type, (job, token, signal) => this.#process(type, job, token, signal), {
        name: this.#o.instance,
        concurrency,
        lockDuration: this.#o.leaseMs,
        stalledInterval: this.#o.leaseMs,
        maxStalledCount: this.#o.maxAttempts,
        drainDelay: 5,
      });
      worker.on('error', (error) => this.#o.logger.warn({ err: error, type }, 'queue worker error'));
      this.#workers.push(worker);
    }
  }

  /** This process's slots per type (heartbeats and health). */
  slots(): WorkerSlots {
    const byType: WorkerSlots = {};
    for (const type of this.#o.registry.types()) {
      const total = this.#stopping ? 0 : (this.#o.concurrency[type] ?? 1);
      const active = this.#slots.get(type)?.size ?? 0;
      byType[type] = { active, idle: Math.max(total - active, 0), total };
    }
    return byType;
  }

  status(): WorkerStatus {
    return { byType: this.slots(), alive: !this.#stopping && this.#workers.some((w) => w.isRunning()) };
  }

  #takeSlot(type: JobType): number {
    const used = this.#slots.get(type)!;
    let slot = 1;
    while (used.has(slot)) slot++;
    used.add(slot);
    return slot;
  }

  async #process(type: JobType, job: Job, token: string | undefined, signal: AbortSignal | undefined): Promise<void> {
    const id = job.id!;
    const slot = this.#takeSlot(type);
    const workerId = `${slug(type)}-${this.#o.instance}-${slot}`;
    try {
      const taken = await this.#o.store.claimJob(id, workerId, this.#o.leaseMs, this.#deps.now());
      if (taken.outcome === 'gone') return;
      if (taken.outcome === 'exhausted') {
        const j = taken.job;
        this.#o.bus.publish({ clientId: j.clientId, event: { event: 'job.failed', job_id: j.id, type: j.type, error_message: j.errorMessage ?? 'Job failed', completed_at: j.completedAt ?? j.updatedAt } });
        return;
      }
      const controller = new AbortController();
      const onLockLost = () => controller.abort(new StopSignal('lease_lost'));
      signal?.addEventListener('abort', onLockLost, { once: true });
      this.#running.set(id, { type, controller, leaseToken: taken.claimed.leaseToken });
      let outcome;
      try {
        outcome = await runAttempt(this.#deps, workerId, taken.claimed, controller);
      } finally {
        this.#running.delete(id);
        signal?.removeEventListener('abort', onLockLost);
      }
      if (outcome === 'requeued') throw new Error('retryable failure: BullMQ runs the job again');
      const reason = controller.signal.reason instanceof StopSignal ? controller.signal.reason.reason : null;
      if (outcome === 'stopped' && reason === 'shutdown') {
        // Hand the job back: the row is queued again without spending an attempt, and BullMQ re-queues it.
        await this.#o.store.release([taken.claimed.leaseToken], this.#deps.now());
        if (token) await job.moveToWait(token);
        throw new WaitingError();
      }
    } finally {
      this.#slots.get(type)!.delete(slot);
    }
  }

  /**
   * Graceful stop: claims nothing more, lets running jobs finish for up to `graceMs`, then hands the rest
   * back to the queue and closes the connections.
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    this.#unsubscribe?.();
    const closing = Promise.allSettled(this.#workers.map((w) => w.close()));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    if ((await Promise.race([closing, deadline])) === 'late') {
      for (const r of this.#running.values()) r.controller.abort(new StopSignal('shutdown'));
      const forced = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
      await Promise.race([closing, forced]);
      await Promise.allSettled(this.#workers.map((w) => w.close(true)));
    }
    clearTimeout(timer);
  }
}
