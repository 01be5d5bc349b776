/**
 * The order in which pages waiting for a page thread are handed out, one lane per job.
 *
 * While jobs crawl, their pages go out in arrival order across lanes, so no job starves. Once a job's
 * crawl has ended (`drain()`), its remaining pages are all that stands between it and its answer; those go
 * first, job by job in the order their crawls ended. A job then finishes as soon as its own pages are
 * done instead of all running jobs finishing together at the end of one shared backlog, and the worker
 * slot it frees starts the next job's crawl while the threads still have the others' pages to reduce.
 */
export class PageQueue<T> {
  readonly #lanes = new Set<Lane<T>>();
  #arrivals = 0;
  #drains = 0;

  /** A new lane, for one job's pages. */
  lane(): PageLane<T> {
    const lane: Lane<T> = { items: [], head: 0, drainedAt: null };
    this.#lanes.add(lane);
    return {
      // a page after `drain()` is still handed out, with the drained lane's priority
      push: (item) => {
        lane.items.push({ item, arrival: this.#arrivals++ });
        this.#lanes.add(lane);
      },
      drain: () => {
        if (lane.drainedAt !== null) return;
        lane.drainedAt = this.#drains++;
        if (waiting(lane) === 0) this.#lanes.delete(lane);
      },
    };
  }

  /** Lanes with pages waiting or still crawling: a drained lane leaves once its last page is taken. */
  get lanes(): number {
    return this.#lanes.size;
  }

  /** Pages waiting, in every lane. */
  get size(): number {
    let size = 0;
    for (const lane of this.#lanes) size += waiting(lane);
    return size;
  }

  /** The next page to hand out, or `undefined` when none waits. */
  shift(): T | undefined {
    let best: Lane<T> | undefined;
    for (const lane of this.#lanes) if (waiting(lane) > 0 && (!best || goesBefore(lane, best))) best = lane;
    if (!best) return undefined;
    const { item } = best.items[best.head]!;
    best.items[best.head++] = undefined as never;
    if (best.head === best.items.length) {
      best.items.length = 0;
      best.head = 0;
      if (best.drainedAt !== null) this.#lanes.delete(best);
    }
    return item;
  }
}

/** One job's pages in a `PageQueue`. */
export interface PageLane<T> {
  /** Queues a page of this lane. */
  push(item: T): void;
  /** No more pages will come: the lane's pages go ahead of crawling lanes', and it leaves the queue once empty. */
  drain(): void;
}

interface Lane<T> {
  items: Array<{ item: T; arrival: number }>;
  /** The next page to hand out; the ones before it were taken. */
  head: number;
  /** When the lane's crawl ended, in the queue's order of drains; `null` while it crawls. */
  drainedAt: number | null;
}

const waiting = (lane: Lane<unknown>): number => lane.items.length - lane.head;

/** Whether `a`'s next page goes before `b`'s: drained lanes first, by drain order; then by arrival. */
function goesBefore(a: Lane<unknown>, b: Lane<unknown>): boolean {
  if (a.drainedAt !== null || b.drainedAt !== null) return b.drainedAt === null || (a.drainedAt !== null && a.drainedAt < b.drainedAt);
  return a.items[a.head]!.arrival < b.items[b.head]!.arrival;
}
