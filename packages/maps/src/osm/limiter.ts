import { systemClock, systemSleep, type Clock, type Sleep } from '../http/clock.js';

/**
 * Spaces calls so that at most one starts per interval, in arrival order. Nominatim's usage policy
 * allows one request per second for a whole application (maps-providers.md §3.1), so one limiter is
 * shared by every job in the process.
 */
export class IntervalLimiter {
  private tail: Promise<void> = Promise.resolve();
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly now: Clock = systemClock,
    private readonly sleep: Sleep = systemSleep,
  ) {}

  /** Runs `task` once its turn has come; an aborted wait gives up its turn without running. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const turn = this.tail.then(async () => {
      signal?.throwIfAborted();
      const wait = this.lastStart + this.intervalMs - this.now();
      if (wait > 0) await this.sleep(wait, signal);
      this.lastStart = this.now();
    });
    this.tail = turn.catch(() => undefined);
    await turn;
    return task();
  }
}

let processLimiter: IntervalLimiter | null = null;

/** The process-wide Nominatim limiter: one request per second, whatever the number of jobs or handlers. */
export function processNominatimLimiter(): IntervalLimiter {
  processLimiter ??= new IntervalLimiter(1_000);
  return processLimiter;
}
