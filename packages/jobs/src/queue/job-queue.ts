import type { JobType } from '@spideriq/schema';
import type { Queue } from 'bullmq';
import type { RunnableJob } from '../store.js';
import type { QueueTarget } from './connection.js';
import { openQueue } from './connection.js';

/** Our priority 0–10 (10 first) as BullMQ's (1 first; 0 would mean "before every prioritised job"). */
export const bullPriority = (priority: number): number => 11 - priority;

/**
 * The producer side of the BullMQ queue: one BullMQ queue per job type, whose job id is our job id, so
 * enqueueing twice (the API and the reconciler racing) adds the job once. The job carries no data: the
 * PostgreSQL row is the source of truth and the worker reads it.
 */
export class BullJobQueue {
  readonly #queues = new Map<JobType, Queue>();
  readonly #maxAttempts: number;

  constructor(target: QueueTarget, types: readonly JobType[], maxAttempts: number) {
    for (const type of types) this.#queues.set(type, openQueue(target, type));
    this.#maxAttempts = maxAttempts;
  }

  #queue(type: JobType): Queue {
    const queue = this.#queues.get(type);
    if (!queue) throw new Error(`no queue for job type ${type}`);
    return queue;
  }

  /** Resolves once every queue's backend answers (and, on PostgreSQL, its migrations ran). */
  async ready(): Promise<void> {
    await Promise.all([...this.#queues.values()].map((q) => q.waitUntilReady()));
  }

  async enqueue(job: RunnableJob): Promise<void> {
    await this.#queue(job.type).add(job.type, {}, {
      jobId: job.id,
      priority: bullPriority(job.priority),
      attempts: this.#maxAttempts,
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  /** Whether BullMQ still holds the job (waiting, prioritised, delayed or active). */
  async holds(job: RunnableJob): Promise<boolean> {
    const state = await this.#queue(job.type).getJobState(job.id);
    return state !== 'unknown' && state !== 'completed' && state !== 'failed';
  }

  /** Takes a waiting job out of the queue (a cancel); an active one is stopped through the event bus instead. */
  async remove(type: JobType, id: string): Promise<void> {
    await this.#queue(type).remove(id);
  }

  /** BullMQ's own counts, per type: for checks and the benchmark. */
  async counts(type: JobType): Promise<Record<string, number>> {
    return this.#queue(type).getJobCounts('waiting', 'prioritized', 'active', 'delayed');
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#queues.values()].map((q) => q.close()));
  }
}
