import type { StoredProgress } from './records.js';

/** Saves a running job's latest progress, at most once per interval. */
export interface ProgressSaver {
  /** The latest progress: saved now when the last save is an interval old, otherwise when the interval is up. */
  report(progress: StoredProgress): void;
  /** Saves what is still waiting, now (before the job's row is completed or failed). */
  flush(): Promise<void>;
  /** Drops what is waiting (the job was stopped from outside). */
  stop(): void;
}

/**
 * A crawl reports progress on every page, hundreds a second across a worker's jobs, but the status
 * body only shows the latest: writing each one was a store round trip per page. The SSE stream
 * still carries every `job.progress` event; the stored copy trails it by at most `intervalMs`.
 */
export function progressSaver(save: (progress: StoredProgress) => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void): ProgressSaver {
  let lastSave = -Infinity;
  let waiting: StoredProgress | null = null;
  let timer: NodeJS.Timeout | null = null;
  const write = (progress: StoredProgress): Promise<void> => {
    lastSave = performance.now();
    return save(progress).then(() => undefined, onError);
  };
  const fire = (): void => {
    timer = null;
    const progress = waiting;
    waiting = null;
    if (progress) void write(progress);
  };
  return {
    report(progress) {
      const due = lastSave + intervalMs - performance.now();
      if (due <= 0 && !timer) {
        void write(progress);
        return;
      }
      waiting = progress;
      if (!timer) {
        timer = setTimeout(fire, Math.max(0, due));
        timer.unref();
      }
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      const progress = waiting;
      waiting = null;
      if (progress) await write(progress);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      waiting = null;
    },
  };
}
