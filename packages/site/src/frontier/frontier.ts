import { dedupeKey } from './normalize-url.js';

/** How the frontier orders pages. `sitemap` visits sitemap pages only and follows no links. */
export type FrontierStrategy = 'bestfirst' | 'bfs' | 'dfs' | 'sitemap';

/** Where a frontier entry was found. */
export type EntrySource = 'start' | 'sitemap' | 'link';

/** A page waiting to be fetched. */
export interface FrontierEntry {
  url: string;
  depth: number;
  score: number;
  source: EntrySource;
}

interface Slot extends FrontierEntry {
  order: number;
}

/**
 * The queue of pages to visit, deduplicated on a normalised key. `bestfirst` is a max-heap on score
 * (ties in discovery order), `bfs` a FIFO queue, `dfs` a LIFO stack; the start page always goes first.
 * Pure and synchronous: the crawler decides when to pop.
 */
export class Frontier {
  readonly strategy: FrontierStrategy;
  readonly #seen = new Set<string>();
  readonly #items: Slot[] = [];
  readonly #starts: Slot[] = [];
  #head = 0;
  #order = 0;

  constructor(strategy: FrontierStrategy) {
    this.strategy = strategy;
  }

  /** Pages waiting. */
  get size(): number {
    return this.#starts.length + this.#items.length - this.#head;
  }

  /** True if the URL was ever added (or marked seen). */
  has(url: string): boolean {
    return this.#seen.has(dedupeKey(url));
  }

  /** Records a URL as visited without queueing it (for example the target of a redirect). */
  markSeen(url: string): void {
    this.#seen.add(dedupeKey(url));
  }

  /** Queues a page unless it was seen before; returns whether it was added. */
  push(entry: FrontierEntry): boolean {
    if (this.strategy === 'sitemap' && entry.source === 'link') return false;
    const key = dedupeKey(entry.url);
    if (this.#seen.has(key)) return false;
    this.#seen.add(key);
    const slot: Slot = { ...entry, order: this.#order++ };
    if (entry.source === 'start') this.#starts.push(slot);
    else if (this.strategy === 'bestfirst') this.#heapPush(slot);
    else this.#items.push(slot);
    return true;
  }

  /** The next page to fetch, or undefined when the frontier is empty. */
  pop(): FrontierEntry | undefined {
    if (this.size === 0) return undefined;
    let slot: Slot;
    // Start pages go first whatever the strategy, even if sitemap pages were queued before the first pop.
    if (this.#starts.length > 0) slot = this.#starts.shift()!;
    else if (this.strategy === 'bestfirst') slot = this.#heapPop();
    else if (this.strategy === 'dfs') slot = this.#items.pop()!;
    else {
      slot = this.#items[this.#head++]!;
      if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
        this.#items.splice(0, this.#head);
        this.#head = 0;
      }
    }
    const { order: _order, ...entry } = slot;
    return entry;
  }

  #before(a: Slot, b: Slot): boolean {
    return a.score > b.score || (a.score === b.score && a.order < b.order);
  }

  #heapPush(slot: Slot): void {
    const heap = this.#items;
    heap.push(slot);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #heapPop(): Slot {
    const heap = this.#items;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < heap.length && this.#before(heap[l]!, heap[best]!)) best = l;
        if (r < heap.length && this.#before(heap[r]!, heap[best]!)) best = r;
        if (best === i) break;
        [heap[i], heap[best]] = [heap[best]!, heap[i]!];
        i = best;
      }
    }
    return top;
  }
}
