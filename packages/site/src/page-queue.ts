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
  readonly #lanes = new Set<PageLane<T>>();
  #arrivals = 0;
  #drains = 0;

  /** A new lane, for one job's pages. */
  lane(): PageLane<T> {
    const lane = new PageLane<T>(this);
    this.#lanes.add(lane);
    return lane;
  }

  /** Lanes with pages waiting or still crawling: a drained lane leaves once its last page is taken. */
  get lanes(): number {
    return this.#lanes.size;
  }

  /** Pages waiting, in every lane. */
  get size(): number {
    let size = 0;
    for (const lane of this.#lanes) size += lane.size;
    return size;
  }

  /** The next page to hand out, or `undefined` when none waits. */
  shift(): T | undefined {
    let best: PageLane<T> | undefined;
    for (const lane of this.#lanes) {
      if (lane.size === 0) continue;
      if (!best || lane.before(best)) best = lane;
    }
    return best?.take();
  }

  /** @internal */
  arrival(): number {
    return this.#arrivals++;
  }

  /** @internal */
  drained(): number {
    return this.#drains++;
  }

  /** @internal */
  forget(lane: PageLane<T>): void {
    this.#lanes.delete(lane);
  }

  /** @internal */
  remember(lane: PageLane<T>): void {
    this.#lanes.add(lane);
  }
}

/** One job's pages in a `PageQueue`. */
export class PageLane<T> {
  readonly #queue: PageQueue<T>;
  readonly #items: Array<{ item: T; arrival: number }> = [];
  #head = 0;
  /** When the lane's crawl ended, in the queue's order of drains; `null` while it crawls. */
  #drainedAt: number | null = null;

  constructor(queue: PageQueue<T>) {
    this.#queue = queue;
  }

  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Queues a page of this lane (a page after `drain()` is still handed out, with the drained lane's priority). */
  push(item: T): void {
    this.#items.push({ item, arrival: this.#queue.arrival() });
    this.#queue.remember(this);
  }

  /** No more pages will come: the lane's pages go ahead of crawling lanes', and it leaves the queue once empty. */
  drain(): void {
    if (this.#drainedAt !== null) return;
    this.#drainedAt = this.#queue.drained();
    if (this.size === 0) this.#queue.forget(this);
  }

  /** @internal Whether this lane's next page goes before `other`'s. */
  before(other: PageLane<T>): boolean {
    const mine = this.#drainedAt;
    const theirs = other.#drainedAt;
    if (mine !== null || theirs !== null) return theirs === null || (mine !== null && mine < theirs);
    return this.#items[this.#head]!.arrival < other.#items[other.#head]!.arrival;
  }

  /** @internal */
  take(): T {
    const { item } = this.#items[this.#head]!;
    this.#items[this.#head++] = undefined as never;
    if (this.#head === this.#items.length) {
      this.#items.length = 0;
      this.#head = 0;
      if (this.#drainedAt !== null) this.#queue.forget(this);
    }
    return item;
  }
}
