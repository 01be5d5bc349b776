import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PageWork, PageWorkResult } from './page-work.js';
import { PageQueue } from './page-queue.js';
import type { PageLane } from './page-queue.js';

/** A page a worker thread could not reduce, or a worker that stopped with pages still in it. */
export class PagePoolError extends Error {
  override readonly name = 'PagePoolError';
  constructor(
    message: string,
    readonly code: 'page_failed' | 'worker_exited',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface Pending {
  resolve(result: PageWorkResult): void;
  reject(error: Error): void;
}

interface Queued extends Pending {
  work: PageWork;
}

/**
 * Pages sent to a thread ahead of the one it reduces: enough that it does not wait while this thread is
 * busy for a few tens of milliseconds (with 3, the bench's page thread sat idle 100-200 ms a round in
 * gaps of 5-25 ms; with 8, under 50), few enough that the queue, not the thread's mailbox, decides what
 * runs next.
 */
const IN_FLIGHT = 8;

/** One job's pages: `run` queues a page, `drain` says the job's crawl has ended (see `PageQueue`). */
export interface PagePoolLane {
  run(work: PageWork): Promise<PageWorkResult>;
  drain(): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Resolves when the thread has loaded its modules; rejects if it stops before. */
  loaded: Promise<void>;
  ready: boolean;
}

/**
 * The worker entry next to this module: `page-worker.js` in the built package; from source (tests,
 * `tsx`) the `.ts` file, loaded through tsx's loader.
 */
function startWorker(): Worker {
  const built = new URL('./page-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built);
  const source = JSON.stringify(new URL('./page-worker.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); })`, {
    eval: true,
    execArgv: ['--conditions=@spideriq/source'],
  });
}

/**
 * Worker threads that reduce pages (`processPage`) off the main thread, so parsing, extraction
 * and the compendium use another core while the main thread keeps crawling and answering the API.
 * Threads start on first use (or all at once with `start()`, so a server's first job does not pay
 * for loading and warming up the extractors) and stay until `close()`. Pages wait in a `PageQueue`, which decides
 * which job's page goes next, and each goes to the thread with the fewest pages in flight. Each
 * thread costs its own copy of the extractors' tables (tens of MB), so a small server runs one.
 */
export class PagePool {
  readonly #size: number;
  readonly #slots: Slot[] = [];
  readonly #queue = new PageQueue<Queued>();
  #next = 0;
  #closed = false;

  constructor(threads: number) {
    this.#size = Math.max(1, Math.floor(threads));
  }

  /** Threads running now. */
  get threads(): number {
    return this.#slots.length;
  }

  /** Starts every thread now; resolves once each has loaded its modules and tables, before the first page. */
  async start(): Promise<void> {
    while (!this.#closed && this.#slots.length < this.#size) this.#spawn();
    await Promise.all(this.#slots.map((slot) => slot.loaded));
  }

  /** A lane for one job's pages; call `drain()` once its crawl has ended, or its pages lose their priority. */
  lane(): PagePoolLane {
    const lane = this.#queue.lane();
    return { run: (work) => this.#enqueue(lane, work), drain: () => lane.drain() };
  }

  /** Reduces one page on a worker thread, in a lane of its own. */
  run(work: PageWork): Promise<PageWorkResult> {
    const lane = this.lane();
    const result = lane.run(work);
    lane.drain();
    return result;
  }

  #enqueue(lane: PageLane<Queued>, work: PageWork): Promise<PageWorkResult> {
    if (this.#closed) return Promise.reject(new PagePoolError('The page pool is closed', 'worker_exited'));
    return new Promise((resolve, reject) => {
      lane.push({ work, resolve, reject });
      this.#dispatch();
    });
  }

  /** Sends queued pages to threads with room, starting a thread where all running ones are busy. */
  #dispatch(): void {
    while (!this.#closed && this.#queue.size > 0) {
      const slot = this.#pick();
      if (slot.pending.size >= IN_FLIGHT) return;
      const { work, resolve, reject } = this.#queue.shift()!;
      const id = this.#next++;
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, work });
    }
  }

  /** Stops the threads; pages still in them are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    const slots = this.#slots.splice(0);
    this.#rejectQueued(new PagePoolError('The page pool is closed', 'worker_exited'));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #rejectQueued(error: PagePoolError): void {
    for (let queued = this.#queue.shift(); queued; queued = this.#queue.shift()) queued.reject(error);
  }

  #pick(): Slot {
    if (this.#slots.length < this.#size && this.#slots.every((slot) => slot.pending.size > 0)) return this.#spawn();
    return this.#slots.reduce((best, slot) => (slot.pending.size < best.pending.size ? slot : best));
  }

  #spawn(): Slot {
    const worker = startWorker();
    let loaded!: () => void;
    let failed!: (error: Error) => void;
    const slot: Slot = {
      worker,
      pending: new Map(),
      ready: false,
      loaded: new Promise<void>((resolve, reject) => {
        loaded = resolve;
        failed = reject;
      }),
    };
    // Only `start()` waits for it; a thread that dies unwaited-for must not be an unhandled rejection.
    slot.loaded.catch(() => undefined);
    worker.on('message', (message: { ready: true } | { id: number; result?: PageWorkResult; error?: string }) => {
      if ('ready' in message) {
        slot.ready = true;
        return loaded();
      }
      const { id, result, error } = message;
      const pending = slot.pending.get(id);
      if (!pending) return;
      slot.pending.delete(id);
      if (error !== undefined) pending.reject(new PagePoolError(`Could not reduce the page: ${error}`, 'page_failed'));
      else pending.resolve(result!);
      this.#dispatch();
    });
    const fail = (cause: unknown): void => {
      const index = this.#slots.indexOf(slot);
      if (index >= 0) this.#slots.splice(index, 1);
      const stopped = new PagePoolError('A page worker thread stopped', 'worker_exited', { cause });
      failed(stopped);
      for (const pending of slot.pending.values()) pending.reject(stopped);
      slot.pending.clear();
      if (slot.ready) {
        // pages still queued go to the other threads, or to a new one
        this.#dispatch();
      } else {
        // a thread that cannot load would fail the next one the same way
        this.#rejectQueued(stopped);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    // An idle pool must not keep the process alive.
    worker.unref();
    this.#slots.push(slot);
    return slot;
  }
}
