import type { JobType } from '@spideriq/schema';
import type { JobsOptions, Queue } from 'bullmq';
import { Batcher } from '../batcher.js';
import type { RunnableJob } from '../store.js';
import type { QueueTarget } from './connection.js';
import { openQueue } from './connection.js';

/** Our priority 0–10 (10 first) as BullMQ's (1 first; 0 would mean "before every prioritised job"). */
export const bullPriority = (priority: number): number => 11 - priority;

/** Adds per `addBulk` at most, and bulks under way per type at once. */
const BULK = { maxBatch: 200, maxInFlight: 2 };

/**
 * The producer side of the BullMQ queue: one BullMQ queue per job type, whose job id is our job id, so
 * enqueueing twice (the API and the reconciler racing) adds the job once. The job carries no data: the
 * PostgreSQL row is the source of truth and the worker reads it.
 *
 * The enqueues of one event-loop turn (the submits of a burst, a reconciler pass) go to BullMQ as one
 * `addBulk`: one pipeline on Redis, one call on BullMQ's PostgreSQL backend. Should a bulk fail, each of
 * its jobs is added again on its own, so a bad one fails only its own caller.
 */
export class BullJobQueue {
  readonly #queues = new Map<JobType, Queue>();
  /** Per type: answers each job with null (added) or the error its own add met. */
  readonly #bulks = new Map<JobType, Batcher<RunnableJob, unknown>>();
  readonly #maxAttempts: number;

  constructor(target: QueueTarget, types: readonly JobType[], maxAttempts: number) {
    this.#maxAttempts = maxAttempts;
    for (const type of types) {
      const queue = openQueue(target, type);
      this.#queues.set(type, queue);
      this.#bulks.set(type, new Batcher((jobs) => this.#addAll(queue, jobs), BULK));
    }
  }

  #options(job: RunnableJob): JobsOptions {
    return { jobId: job.id, priority: bullPriority(job.priority), attempts: this.#maxAttempts, removeOnComplete: true, removeOnFail: true };
  }

  async #addAll(queue: Queue, jobs: RunnableJob[]): Promise<unknown[]> {
    if (jobs.length > 1) {
      try {
        await queue.addBulk(jobs.map((job) => ({ name: job.type, data: {}, opts: this.#options(job) })));
        return jobs.map(() => null);
      } catch {
        // One at a time below: each job's own outcome goes to its own caller.
      }
    }
    const outcomes = await Promise.allSettled(jobs.map((job) => queue.add(job.type, {}, this.#options(job))));
    return outcomes.map((o) => (o.status === 'rejected' ? (o.reason ?? new Error('enqueue failed')) : null));
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
    const bulk = this.#bulks.get(job.type);
    if (!bulk) throw new Error(`no queue for job type ${job.type}`);
    const error = await bulk.add(job);
    if (error !== null) throw error;
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
