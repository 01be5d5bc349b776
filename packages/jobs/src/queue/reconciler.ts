import type { JobLogger } from '../handler.js';
import type { JobStore } from '../store.js';
import type { BullJobQueue } from './job-queue.js';

/** Options of the reconciler. */
export interface ReconcilerOptions {
  store: JobStore;
  queue: BullJobQueue;
  logger: JobLogger;
  intervalMs: number;
  /** Rows looked at per pass. */
  batch?: number;
}

/**
 * Makes the queue hold every job the store says must run: at start-up and every `intervalMs`, each
 * queued job (and each processing one whose lease expired) that BullMQ no longer holds is enqueued again.
 * This covers a crash between the row's insert and the enqueue, and Redis coming back empty. Enqueueing
 * is idempotent (BullMQ job id = our job id), so racing the API or another reconciler is harmless.
 */
export class Reconciler {
  readonly #o: ReconcilerOptions;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;

  constructor(options: ReconcilerOptions) {
    this.#o = options;
  }

  start(): void {
    const tick = () => {
      this.run().catch((error: unknown) => this.#o.logger.warn({ err: error }, 'reconciling the queue failed'));
    };
    tick();
    this.#timer = setInterval(tick, this.#o.intervalMs);
    this.#timer.unref();
  }

  /** One pass; resolves with how many jobs it re-enqueued. Concurrent calls share the pass in flight. */
  run(): Promise<number> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #pass(): Promise<number> {
    const { store, queue, logger } = this.#o;
    const jobs = await store.listRunnable(new Date(), this.#o.batch ?? 10_000);
    let added = 0;
    for (let i = 0; i < jobs.length; i += 100) {
      const slice = jobs.slice(i, i + 100);
      const held = await Promise.all(slice.map((job) => queue.holds(job)));
      const lost = slice.filter((_, k) => !held[k]);
      await Promise.all(lost.map((job) => queue.enqueue(job)));
      added += lost.length;
    }
    if (added) logger.info({ added }, 'reconciler re-enqueued jobs the queue had lost');
    return added;
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
  }
}
