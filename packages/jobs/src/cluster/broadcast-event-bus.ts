import type { ClientJobEvent, JobEventBus } from '../events.js';
import type { JobLogger } from '../handler.js';
import type { Broadcast } from './broadcast.js';

/** Events of one broadcast message at most this long (JSON characters), unless one event alone is longer. */
const MAX_MESSAGE_CHARS = 60_000;

/**
 * The job event bus of a deployment with several processes: every event reaches every process's SSE
 * streams and workers (a cancel published by one API process aborts the job on whichever worker runs it).
 *
 * The events a process publishes in one turn of its event loop (a batch of completions, the submits of
 * one burst) leave as one broadcast message, a JSON array, in the order they were published; a message
 * holding one event is that event's object. Each message is parsed once for all of this process's
 * listeners, which share the parsed event (they only read it).
 */
export class BroadcastJobEventBus implements JobEventBus {
  readonly #broadcast: Broadcast;
  readonly #logger: JobLogger;
  readonly #maxChars: number;
  readonly #listeners = new Set<(message: ClientJobEvent) => void>();
  #unsubscribe: (() => void) | null = null;
  #pending: string[] = [];
  #scheduled = false;

  constructor(broadcast: Broadcast, logger: JobLogger) {
    this.#broadcast = broadcast;
    this.#logger = logger;
    this.#maxChars = Math.min(broadcast.maxMessageChars ?? MAX_MESSAGE_CHARS, MAX_MESSAGE_CHARS);
  }

  publish(message: ClientJobEvent): void {
    this.#pending.push(JSON.stringify(message));
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.#flush());
  }

  #flush(): void {
    this.#scheduled = false;
    const pending = this.#pending;
    this.#pending = [];
    let group: string[] = [];
    let chars = 2;
    const send = () => {
      const events = group.length;
      const body = events === 1 ? group[0]! : `[${group.join(',')}]`;
      this.#broadcast.publish('events', body).catch((error: unknown) => this.#logger.warn({ err: error, events }, 'publishing job events failed'));
      group = [];
      chars = 2;
    };
    for (const event of pending) {
      if (group.length > 0 && chars + event.length + 1 > this.#maxChars) send();
      group.push(event);
      chars += event.length + 1;
    }
    if (group.length > 0) send();
  }

  subscribe(listener: (message: ClientJobEvent) => void): () => void {
    this.#listeners.add(listener);
    this.#unsubscribe ??= this.#broadcast.subscribe('events', (raw) => this.#deliver(raw));
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #deliver(raw: string): void {
    let parsed: ClientJobEvent | ClientJobEvent[];
    try {
      parsed = JSON.parse(raw) as ClientJobEvent | ClientJobEvent[];
    } catch (error) {
      this.#logger.warn({ err: error }, 'dropped a job event message that is not JSON');
      return;
    }
    const listeners = [...this.#listeners];
    for (const message of Array.isArray(parsed) ? parsed : [parsed]) for (const listener of listeners) listener(message);
  }
}
