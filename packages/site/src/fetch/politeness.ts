/** Per-host limits: how many requests at once, and the minimum gap between request starts. */
export interface PolitenessOptions {
  maxConcurrentPerHost: number;
  /** Gap between request starts on one host when robots.txt sets no `Crawl-delay`. */
  defaultDelayMs: number;
  /** The longest `Crawl-delay` honoured as asked; longer ones are clamped so a job still ends. */
  maxDelayMs: number;
}

interface HostState {
  active: number;
  delayMs: number;
  nextStart: number;
  waiters: Array<() => void>;
}

/**
 * A gate each request passes before it is sent. With a crawl delay a host gets one request at a time,
 * spaced by the delay (what `Crawl-delay` means); without one, up to `maxConcurrentPerHost` at once.
 */
export class HostPoliteness {
  readonly #options: PolitenessOptions;
  readonly #hosts = new Map<string, HostState>();

  constructor(options: PolitenessOptions) {
    this.#options = options;
  }

  #state(host: string): HostState {
    let state = this.#hosts.get(host);
    if (!state) {
      state = { active: 0, delayMs: this.#options.defaultDelayMs, nextStart: 0, waiters: [] };
      this.#hosts.set(host, state);
    }
    return state;
  }

  /** Sets the host's delay from robots.txt (`null` keeps the default); returns the delay in force. */
  setCrawlDelay(host: string, delayMs: number | null): number {
    const state = this.#state(host);
    state.delayMs = Math.min(this.#options.maxDelayMs, Math.max(this.#options.defaultDelayMs, delayMs ?? 0));
    return state.delayMs;
  }

  /** Waits for a slot on `host`; call the returned function when the request is done. */
  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    const state = this.#state(host);
    for (;;) {
      signal?.throwIfAborted();
      const limit = state.delayMs > 0 ? 1 : this.#options.maxConcurrentPerHost;
      if (state.active < limit) {
        const wait = state.nextStart - Date.now();
        if (wait <= 0) break;
        await waitFor(wait, signal);
        continue;
      }
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => reject(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        state.waiters.push(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    }
    state.active++;
    state.nextStart = Date.now() + state.delayMs;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.active--;
      state.waiters.shift()?.();
    };
  }
}

function waitFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
