import { createPostgresBackend, Queue, Worker } from 'bullmq';
import type { Processor, QueueOptions, WorkerOptions } from 'bullmq';

/**
 * Where BullMQ keeps the queue: Redis (`SPIDERIQ_REDIS_URL`), or BullMQ's own PostgreSQL backend in its
 * own schema when only `SPIDERIQ_DATABASE_URL` is set.
 */
export type QueueConnection = { kind: 'redis'; url: string } | { kind: 'postgres'; url: string; schema: string };

/** Options every BullMQ queue and worker of a deployment shares. */
export interface QueueTarget {
  connection: QueueConnection;
  /** Key prefix (Redis) or queue-name prefix (PostgreSQL), so deployments and tests sharing a server stay apart. */
  prefix: string;
}

type Common = Pick<QueueOptions, 'prefix'>;

/** Opens the BullMQ queue named `name` on the target's backend. */
export function openQueue(target: QueueTarget, name: string): Queue {
  const common: Common = { prefix: target.prefix };
  const c = target.connection;
  // Auto-pipelining: the adds of every submit in flight leave in one write per tick (the producer
  // connection runs no blocking command, which a pipeline would hold up).
  if (c.kind === 'redis') return new Queue(name, { ...common, connection: { url: c.url, maxRetriesPerRequest: 2, enableOfflineQueue: false, enableAutoPipelining: true } });
  return new Queue(name, { ...common, connection: { connectionString: c.url, schema: c.schema, migrate: true, max: 4 } }, createPostgresBackend) as unknown as Queue;
}

/** Opens a BullMQ worker of queue `name` on the target's backend. */
export function openWorker(target: QueueTarget, name: string, processor: Processor, options: Omit<WorkerOptions, 'connection' | 'prefix'>): Worker {
  const c = target.connection;
  if (c.kind === 'redis') return new Worker(name, processor, { ...options, prefix: target.prefix, connection: { url: c.url, maxRetriesPerRequest: null } });
  return new Worker(name, processor, { ...options, prefix: target.prefix, connection: { connectionString: c.url, schema: c.schema, migrate: true, max: 4 } }, createPostgresBackend) as unknown as Worker;
}
