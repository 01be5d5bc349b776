import type { JobLogger } from '../handler.js';
import type { Broadcast } from './broadcast.js';

/** A process's worker slots per job type. */
export type WorkerSlots = Record<string, { active: number; idle: number; total: number }>;

/** Worker counts as health and queue statistics report them. */
export interface WorkerStatus {
  byType: WorkerSlots;
  /** Some worker process is alive (heartbeating). */
  alive: boolean;
}

/** One worker process's heartbeat. `slots` empty means it is leaving. */
interface Heartbeat {
  instance: string;
  slots: WorkerSlots;
}

/** How often worker processes announce themselves, and how long an announcement counts. */
export const HEARTBEAT_MS = 2000;
export const HEARTBEAT_TTL_MS = 15_000;

/**
 * Which worker processes are alive and how busy they are, learnt from their heartbeats on the broadcast:
 * every worker process announces its slots every `HEARTBEAT_MS`; a process not heard from for
 * `HEARTBEAT_TTL_MS` is dropped; one that stops says so and is dropped at once.
 */
export class WorkerDirectory {
  readonly #broadcast: Broadcast;
  readonly #types: readonly string[];
  readonly #seen = new Map<string, { slots: WorkerSlots; at: number }>();
  readonly #unsubscribe: () => void;

  constructor(broadcast: Broadcast, types: readonly string[]) {
    this.#broadcast = broadcast;
    this.#types = types;
    this.#unsubscribe = broadcast.subscribe('workers', (raw) => {
      const beat = JSON.parse(raw) as Heartbeat;
      if (Object.keys(beat.slots).length === 0) this.#seen.delete(beat.instance);
      else this.#seen.set(beat.instance, { slots: beat.slots, at: Date.now() });
    });
  }

  /** Announces this process's slots now and every `HEARTBEAT_MS`; the returned function stops and says goodbye. */
  announce(instance: string, slots: () => WorkerSlots, logger: JobLogger): () => Promise<void> {
    const send = (s: WorkerSlots) => this.#broadcast.publish('workers', JSON.stringify({ instance, slots: s } satisfies Heartbeat));
    const beat = () => send(slots()).catch((error: unknown) => logger.warn({ err: error }, 'worker heartbeat failed'));
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return async () => {
      clearInterval(timer);
      await send({}).catch(() => undefined);
    };
  }

  /** The sum over live worker processes. */
  status(): WorkerStatus {
    const byType: WorkerSlots = Object.fromEntries(this.#types.map((t) => [t, { active: 0, idle: 0, total: 0 }]));
    const cutoff = Date.now() - HEARTBEAT_TTL_MS;
    for (const [instance, { slots, at }] of this.#seen) {
      if (at < cutoff) {
        this.#seen.delete(instance);
        continue;
      }
      for (const [type, s] of Object.entries(slots)) {
        const sum = (byType[type] ??= { active: 0, idle: 0, total: 0 });
        sum.active += s.active;
        sum.idle += s.idle;
        sum.total += s.total;
      }
    }
    return { byType, alive: this.#seen.size > 0 };
  }

  close(): void {
    this.#unsubscribe();
  }
}
