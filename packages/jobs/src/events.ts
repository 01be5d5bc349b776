import { EventEmitter } from 'node:events';
import type { JobEvent } from '@spideriq/schema';

/** A job event with the client it belongs to (the stream only shows a client its own jobs). */
export interface ClientJobEvent {
  clientId: string;
  event: JobEvent;
}

/**
 * Fan-out of job events to SSE streams and to the workers (cancellation). In-process here; a Redis
 * pub/sub implementation fills the same contract when workers run in other processes.
 */
export interface JobEventBus {
  publish(message: ClientJobEvent): void;
  subscribe(listener: (message: ClientJobEvent) => void): () => void;
}

/** The in-process bus. */
export class LocalJobEventBus implements JobEventBus {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  publish(message: ClientJobEvent): void {
    this.#emitter.emit('event', message);
  }

  subscribe(listener: (message: ClientJobEvent) => void): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}
