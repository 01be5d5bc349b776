import type { ClientJobEvent, JobEventBus } from '../events.js';
import type { JobLogger } from '../handler.js';
import type { Broadcast } from './broadcast.js';

/**
 * The job event bus of a deployment with several processes: every event reaches every process's SSE
 * streams and workers (a cancel published by one API process aborts the job on whichever worker runs it).
 */
export class BroadcastJobEventBus implements JobEventBus {
  readonly #broadcast: Broadcast;
  readonly #logger: JobLogger;

  constructor(broadcast: Broadcast, logger: JobLogger) {
    this.#broadcast = broadcast;
    this.#logger = logger;
  }

  publish(message: ClientJobEvent): void {
    this.#broadcast.publish('events', JSON.stringify(message)).catch((error: unknown) => this.#logger.warn({ err: error, event: message.event.event }, 'publishing a job event failed'));
  }

  subscribe(listener: (message: ClientJobEvent) => void): () => void {
    return this.#broadcast.subscribe('events', (raw) => listener(JSON.parse(raw) as ClientJobEvent));
  }
}
