import type { JobType } from '@spideriq/schema';
import type { JobEventBus } from './events.js';
import type { JobLogger } from './handler.js';
import type { ClaimedJob } from './records.js';
import type { HandlerRegistry } from './registry.js';
import type { ArtifactStorage } from './storage.js';
import { runAttempt, StopSignal } from './run-attempt.js';
import type { StopReason } from './run-attempt.js';
import type { LeaseQueueStore } from './store.js';

/** Options of a worker pool. */
export interface WorkerPoolOptions {
  store: LeaseQueueStore;
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
  /** The sleeping workers of each type, oldest first. */
  readonly #wakers = new Map<JobType, Set<() => void>>();
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
      if (event.event === 'job.queued') this.notify(event.type);
    });
    for (const type of this.#o.registry.types()) {
      const count = this.#o.concurrency[type] ?? 1;
      for (let i = 1; i <= count; i++) this.#loops.push(this.#loop(`${slug(type)}-${this.#o.instance}-${i}`, type));
    }
  }

  /**
   * Wakes sleeping workers: with a type, one worker of that type (one job was queued: waking them all
   * sent every idle worker to the store for the one job, a claim query each); without, all of them.
   * A worker that claims a job looks for the next one as soon as it is done, and a sleeping worker
   * looks every `pollMs` anyway.
   */
  notify(type?: JobType): void {
    if (type !== undefined) {
      const first = this.#wakers.get(type)?.values().next();
      if (first && !first.done) first.value();
      return;
    }
    for (const sleeping of this.#wakers.values()) for (const wake of [...sleeping]) wake();
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
        await this.#sleep(type);
        continue;
      }
      const controller = new AbortController();
      const done = this.#run(workerId, claimed, controller);
      this.#running.set(claimed.job.id, { claimed, controller, done });
      await done;
      this.#running.delete(claimed.job.id);
    }
  }

  #sleep(type: JobType): Promise<void> {
    let sleeping = this.#wakers.get(type);
    if (!sleeping) this.#wakers.set(type, (sleeping = new Set()));
    const all = sleeping;
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        all.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.#o.pollMs);
      all.add(wake);
    });
  }

  async #run(workerId: string, claimed: ClaimedJob, controller: AbortController): Promise<void> {
    const o = this.#o;
    const deps = { store: o.store, bus: o.bus, storage: o.storage, registry: o.registry, logger: o.logger, leaseMs: o.leaseMs, heartbeatMs: o.heartbeatMs, now: this.#now };
    if ((await runAttempt(deps, workerId, claimed, controller)) === 'requeued') this.notify(claimed.job.type);
  }
}
